"""Printing forms from a screen: the service writes a temporary PDF off the GUI thread, then the
preview opens on it. A batch shows its progress per client and can be cancelled; the clients
left out are named afterwards.

The temporary PDFs hold the clients' data: they go in the user's own data folder (where the
database is, not a shared temporary folder), and the preview deletes each when it closes. Files
left by a crash are swept the next time.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import paths
from desktop.actor import Actor
from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.progress import TaskControl
from desktop.services import clients
from desktop.services.printing import PrintResult, print_forms
from desktop.views.form_preview_dialog import FormPreviewDialog
from desktop.views.progress_dialog import ProgressDialog
from desktop.views.questions import ask
from desktop.views.tasks import TaskHandle, TaskRunner

LEFT_OVER_AFTER = dt.timedelta(days=1)
SKIPPED_NAMED = 12     # clients named in the notice; the rest are counted
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

ClientIds = Sequence[int] | Callable[[TaskControl], Sequence[int]]


def print_folder() -> Path:
    """The private folder of temporary PDFs, emptied of those a crash left behind."""
    folder = paths.data_dir() / "print"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    old = dt.datetime.now().timestamp() - LEFT_OVER_AFTER.total_seconds()
    for left in folder.glob("*.pdf"):
        try:
            if left.stat().st_mtime < old:
                left.unlink()
        except OSError:
            pass  # open in another window of Karsaz: its own preview deletes it
    return folder


def file_name_for(*parts: str) -> str:
    """A PDF file name from Persian words, safe on Windows."""
    name = " - ".join(UNSAFE_IN_FILE_NAMES.sub(" ", part).strip() for part in parts if part)
    return f"{name}.pdf"


class FormPrinting(QObject):
    """Prints one form of some clients into one PDF and previews it; one print at a time."""

    finished = Signal()

    def __init__(self, parent: QWidget, db: Database, actor: Actor, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self.window = parent
        self.db, self.actor, self.tasks = db, actor, tasks
        self.handle: TaskHandle | None = None
        self.progress: ProgressDialog | None = None
        self.preview: FormPreviewDialog | None = None
        self.notice: QMessageBox | None = None
        self.title = self.file_name = ""

    @property
    def busy(self) -> bool:
        return self.handle is not None

    def start(self, kind: FormKind, client_ids: ClientIds, *, title: str, file_name: str,
              batch: bool = False) -> TaskHandle:
        """Print ``kind`` for ``client_ids`` (or what a function returns, run in the worker);
        ``batch`` shows the progress window with its cancel button."""
        assert self.handle is None, "one print at a time"
        db, actor = self.db, self.actor
        path = print_folder() / f"{uuid.uuid4().hex}.pdf"

        def work(control: TaskControl) -> tuple[PrintResult, list[str]]:
            ids = client_ids(control) if callable(client_ids) else list(client_ids)
            result = print_forms(db, actor, ids, kind, path, ClientProgress(control))
            return result, _skipped_lines(db, actor, result.skipped)

        self.title, self.file_name = title, file_name
        self.handle = self.tasks.run(work, label="print", on_done=self._printed,
                                     on_error=self._failed, on_cancel=self._cancelled)
        if batch:
            self.progress = ProgressDialog(self.handle, tr("Printing {form}", form=kind.label),
                                           self.window)
            self.progress.open()
        return self.handle

    def start_document(self, write: Callable[[Path], PrintResult], *, title: str,
                       file_name: str) -> TaskHandle:
        """Print one document that ``write(path)`` makes (a group's profile, its register), off
        the GUI thread, then preview it."""
        assert self.handle is None, "one print at a time"
        path = print_folder() / f"{uuid.uuid4().hex}.pdf"

        def work(_control: TaskControl) -> tuple[PrintResult, list[str]]:
            return write(path), []

        self.title, self.file_name = title, file_name
        self.handle = self.tasks.run(work, label="print", on_done=self._printed,
                                     on_error=self._failed, on_cancel=self._cancelled)
        return self.handle

    def _printed(self, done: tuple[PrintResult, list[str]]) -> None:
        result, skipped = done
        self._end()
        self.preview = FormPreviewDialog(result.path, title=self.title, file_name=self.file_name,
                                         temporary=True, tasks=self.tasks, parent=self.window)
        self.preview.open()
        if skipped:
            self.notice = ask(self.preview, tr("Some clients were left out"), "\n".join(
                (tr("The form was not printed for {count} of the clients:", count=len(
                    result.skipped)), *skipped)), ((tr("OK"), QMessageBox.ButtonRole.AcceptRole,
                                                    None),), icon=QMessageBox.Icon.Information)

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._end()
        self.notice = ask(self.window, tr("Not printed"), error.message
                          if isinstance(error, KarsazError) else
                          tr("The forms could not be printed. Try again."),
                          ((tr("OK"), QMessageBox.ButtonRole.AcceptRole, None),),
                          icon=QMessageBox.Icon.Warning)

    def _cancelled(self) -> None:
        self._end()

    def _end(self) -> None:
        # A cancelled or failed print leaves no file: the service renames a finished one into
        # place, nothing before.
        self.handle = None
        self.finished.emit()


class ClientProgress:
    """Passes the service's progress on, saying which client of how many is being printed."""

    def __init__(self, control: TaskControl) -> None:
        self.control = control

    def report(self, done: int, total: int, text: str = "") -> None:
        if done < total and text:  # the service names the client it starts on
            text = tr("Client {number} of {total}: {name}", number=done + 1, total=total,
                      name=text)
        self.control.report(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled

    def check_cancelled(self) -> None:
        self.control.check_cancelled()


def _skipped_lines(db: Database, actor: Actor,
                   skipped: Sequence[tuple[int, str]]) -> list[str]:
    """The reason (which names the client) and the national code of the first clients left
    out, then how many more."""
    lines = []
    for client_id, reason in skipped[:SKIPPED_NAMED]:
        code = clients.get_client(db, actor, client_id).national_code
        lines.append(tr("• {reason} (national code {code})", reason=reason.rstrip(". "),
                        code=to_persian_digits(code)))
    if len(skipped) > SKIPPED_NAMED:
        lines.append(tr("… and {count} more.", count=len(skipped) - SKIPPED_NAMED))
    return lines
