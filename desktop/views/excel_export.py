"""«خروجی اکسل»: a list saved as an Excel file, written off the GUI thread with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.progress import TaskControl
from desktop.views.progress_dialog import ProgressDialog
from desktop.views.tasks import TaskRunner


def ask_excel_path(parent: QWidget, name: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("Excel export"), name + ".xlsx",
                                            "Excel (*.xlsx)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def export_to_excel(parent: QWidget, tasks: TaskRunner, path: Path,
                    write: Callable[[Path, TaskControl], int],
                    done: Callable[[int], None] | None = None) -> None:
    """Run ``write(path, control)`` as a task; say where the file went, or why it did not."""

    def finished(count: int) -> None:
        QMessageBox.information(parent, tr("Excel export"), tr(
            "{count} rows are saved in {path}.", count=count, path=str(path)))
        if done:
            done(count)

    def failed(error: BaseException, _trace: str) -> None:
        QMessageBox.warning(parent, tr("Excel export"), error.message if isinstance(
            error, KarsazError) else tr("The file could not be written: {reason}",
                                        reason=str(error)))

    handle = tasks.run(lambda control: write(path, control), label="excel", on_done=finished,
                       on_error=failed)
    ProgressDialog(handle, tr("Excel export"), parent).open()
