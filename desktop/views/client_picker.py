"""Choosing a client of the office from a short list that follows what is typed (name, national
code or file number), women heads of household only unless the box is cleared."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.database import Database
from desktop.domain.people import Gender, TargetGroup
from desktop.fa.digits import to_persian_digits
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.client_search import ClientFilter, ClientRow, client_rows
from desktop.views.record_list_box import fit_columns, record_view
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.widgets.fields import RIGHT

SEARCH_DELAY_MS = 250
SHOWN = 30      # enough to choose from; typing more narrows the list


def _gender(row: ClientRow) -> str:
    return Gender(row.gender).label if row.gender in {g.value for g in Gender} else ""


COLUMNS = (
    Column(N_("Name"), lambda r: f"{r.first_name} {r.last_name}"),
    Column(N_("National code"), lambda r: to_persian_digits(r.national_code)),
    Column(N_("Father's name"), lambda r: r.father_name),
    Column(N_("Gender"), _gender),
    Column(N_("County"), lambda r: r.county_name),
)


class ClientPicker(QWidget):
    chosen = Signal(object)     # the ClientRow, or None when the choice is cleared

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.search = QLineEdit(self)
        self.search.setAlignment(RIGHT)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr("Name, national code or file number"))
        self.heads_only = QCheckBox(tr("Female heads of household only"), self)
        self.heads_only.setChecked(True)
        self.model = RecordTableModel(COLUMNS)
        self.view = record_view(self.model, self)
        self.view.setMinimumHeight(150)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.heads_only.toggled.connect(lambda _on: self.refresh())
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.chosen.emit(self.client()))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.heads_only)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.view, 1)
        self.setFocusProxy(self.search)
        self.refresh()

    def refresh(self) -> None:
        """The clients matching what is typed; the few found are read at once."""
        self._timer.stop()
        filters = ClientFilter(text=self.search.text().strip(), target_group=(
            TargetGroup.FEMALE_HEAD.value if self.heads_only.isChecked() else None))
        self.model.set_rows(client_rows(self.db, self.actor, filters, limit=SHOWN))
        fit_columns(self.view)
        self.chosen.emit(None)

    def client(self) -> ClientRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None


def is_female_head(db: Database, actor: Actor, client: ClientRow) -> bool:
    """Whether the client's file has the target group female head of household."""
    return any(row.id == client.id for row in client_rows(db, actor, ClientFilter(
        text=client.national_code, target_group=TargetGroup.FEMALE_HEAD.value), limit=5))
