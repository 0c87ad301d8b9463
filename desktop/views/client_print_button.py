"""The client form's «چاپ» button: a menu of the forms this client can have printed now, each
printed off the GUI thread and shown in the preview."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from desktop.actor import Actor
from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.errors import KarsazError
from desktop.i18n import tr
from desktop.services.clients import ClientRecord
from desktop.services.printing import printable_forms
from desktop.views.form_printing import FormPrinting, file_name_for
from desktop.views.tasks import TaskRunner


class ClientPrintButton(QPushButton):
    formChosen = Signal(object)       # FormKind: the form asks first about unsaved changes
    printingChanged = Signal(bool)    # a form is being prepared

    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(tr("Print") + " ", parent)   # a space between the word and the arrow
        self.db, self.actor = db, actor
        self.client: ClientRecord | None = None
        self.setAutoDefault(False)
        self.setToolTip(tr("Print this client's forms to sign"))
        self.menu_of_forms = QMenu(self)
        self.menu_of_forms.aboutToShow.connect(self.fill_menu)
        self.setMenu(self.menu_of_forms)
        # The style sheet draws no menu arrow: the button draws its own, after the word (on
        # its left), so it reads as a button that opens a list.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.menu_of_forms.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setIcon(down_arrow())
        self.setIconSize(QSize(10, 6))
        self.setStyleSheet("QPushButton::menu-indicator { width: 0; }")
        self.printing = FormPrinting(parent, db, actor, tasks)
        self.printing.finished.connect(self._finished)

    def set_client(self, client: ClientRecord | None) -> None:
        self.client = client
        self.setVisible(client is not None)

    def fill_menu(self) -> None:
        """The forms as they stand now: a case opened or a job recorded since adds its forms."""
        menu = self.menu_of_forms
        menu.clear()
        if self.client is None:
            return
        try:
            kinds = printable_forms(self.db, self.actor, self.client.id)
        except KarsazError as error:
            menu.addAction(error.message).setEnabled(False)
            return
        for kind in kinds:
            action = menu.addAction(kind.label)
            action.setData(kind.value)
            action.triggered.connect(lambda _checked=False, k=kind: self.formChosen.emit(k))

    def print_form(self, kind: FormKind) -> None:
        client = self.client
        if client is None or self.printing.busy:
            return
        self.setEnabled(False)
        self.printingChanged.emit(True)
        self.printing.start(
            kind, [client.id],
            title=f"{kind.label} — {client.full_name}",
            file_name=file_name_for(kind.label, client.full_name))

    def _finished(self) -> None:
        self.setEnabled(True)
        self.printingChanged.emit(False)


def down_arrow() -> QIcon:
    pixmap = QPixmap(20, 12)   # drawn at twice the size: sharp on a high-density screen
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#52606d"))
    painter.drawPolygon(QPolygonF([QPointF(0, 0), QPointF(20, 0), QPointF(10, 12)]))
    painter.end()
    return QIcon(pixmap)
