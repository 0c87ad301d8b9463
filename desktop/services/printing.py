"""Printing a client's forms into one PDF: what the screens, the command line and batch print use.

INTERFACE FIRST: the implementation follows in the next commit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from desktop.actor import Actor
from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.progress import NullControl, TaskControl


@dataclasses.dataclass(frozen=True)
class PrintResult:
    path: Path
    forms: int          # forms written
    pages: int
    # Clients left out, with the Persian reason (e.g. a visit form for a client with no job).
    skipped: tuple[tuple[int, str], ...] = ()


def printable_forms(db: Database, actor: Actor, client_id: int) -> list[FormKind]:
    """The forms that can be printed for this client now: registration and assessment always;
    visit when the open case has a job; summary when the client has a case."""
    raise NotImplementedError


def print_forms(db: Database, actor: Actor, client_ids: Sequence[int], kind: FormKind | str,
                path: Path, control: TaskControl | None = None, *,
                on: dt.date | None = None) -> PrintResult:
    """Writes the ``kind`` form of every client in ``client_ids`` (in that order) into one PDF at
    ``path`` (written to a temporary file beside it and renamed: never half-written).
    Reports progress per client through ``control`` and stops with ``Cancelled`` when asked
    (the file is then not created). Raises PermissionDenied for a client the actor may not see,
    ValidationError when no client's form can be printed. Audits the printing."""
    raise NotImplementedError
