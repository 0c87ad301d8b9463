"""A group form's «چاپ» button: a menu of the group's documents, each printed off the GUI thread
and shown in the preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from desktop.actor import Actor
from desktop.database import Database
from desktop.i18n import tr
from desktop.services.printing import PrintResult
from desktop.views.client_print_button import down_arrow
from desktop.views.form_printing import FormPrinting, file_name_for
from desktop.views.tasks import TaskRunner

# (code, label, write(path) -> PrintResult)
Document = tuple[str, str, Callable[[Path], PrintResult]]


class GroupPrintButton(QPushButton):
    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(tr("Print") + " ", parent)   # a space between the word and the arrow
        self.setAutoDefault(False)
        self.setToolTip(tr("Print the group's documents"))
        self.group_name = ""
        self.documents: Sequence[Document] = ()
        self.menu_of_documents = QMenu(self)
        self.menu_of_documents.aboutToShow.connect(self.fill_menu)
        self.setMenu(self.menu_of_documents)
        # Drawn as the client form's button: the arrow after the word, on its left.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.menu_of_documents.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setIcon(down_arrow())
        self.setIconSize(QSize(10, 6))
        self.setStyleSheet("QPushButton::menu-indicator { width: 0; }")
        self.printing = FormPrinting(parent, db, actor, tasks)
        self.printing.finished.connect(lambda: self.setEnabled(True))

    def set_documents(self, group_name: str, documents: Sequence[Document]) -> None:
        self.group_name, self.documents = group_name, documents
        self.setVisible(bool(documents))

    def fill_menu(self) -> None:
        self.menu_of_documents.clear()
        for code, label, _write in self.documents:
            action = self.menu_of_documents.addAction(label)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.print_document(c))

    def print_document(self, code: str) -> None:
        found = next((d for d in self.documents if d[0] == code), None)
        if found is None or self.printing.busy:
            return
        _code, label, write = found
        self.setEnabled(False)
        self.printing.start_document(write, title=f"{label} — {self.group_name}",
                                     file_name=file_name_for(label, self.group_name))
