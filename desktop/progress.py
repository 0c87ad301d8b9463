"""How long work reports progress and learns it was cancelled, with no Qt (services use it)."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user cancelled; whatever the task wrote in its transaction is rolled back."""


class TaskControl(Protocol):
    def report(self, done: int, total: int, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...

    def check_cancelled(self) -> None: ...


class NullControl:
    """For callers with nobody to tell (the command line, tests)."""

    cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check_cancelled(self) -> None:
        pass
