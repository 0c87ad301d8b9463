"""A plant's shares «سهم‌ها»: who holds how many kW from when to when, the reason kept for a
client not marked hard to employ, and the actions: give a share, transfer one (or part of it)
to another client, end one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import PlantStatus, kw_text
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.solar_plants import PlantRecord
from desktop.services.solar_shares import ShareRecord, shares_of_plant
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.solar_share_dialog import ShareDialog

ENDED_COLOUR = "#777777"


def _ended(share: ShareRecord) -> str | None:
    return ENDED_COLOUR if share.ends_on is not None and share.ends_on < today() else None


COLUMNS = (
    Column(N_("Beneficiary"), lambda s: s.full_name, colour=_ended),
    Column(N_("National code"), lambda s: to_persian_digits(s.national_code), colour=_ended),
    Column(N_("kW"), lambda s: kw_text(s.watts), colour=_ended),
    Column(N_("From"), lambda s: format_jalali(s.starts_on), colour=_ended),
    Column(N_("To"), lambda s: format_jalali(s.ends_on) if s.ends_on else "—", colour=_ended),
    Column(N_("Hard to employ"), lambda s: tr("Yes") if s.hard_to_employ else tr("No"),
           colour=lambda s: None if s.hard_to_employ else "#7a4b00"),
    Column(N_("Reason given"), lambda s: s.reason or "—", tip=lambda s: s.reason),
    Column(N_("Transferred"), lambda s: tr("Yes") if s.transferred_from_id else ""),
)


class SharesTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.may_edit = can(actor, Permission.MANAGE_SOLAR)
        self.plant: PlantRecord | None = None
        self.dialog: ShareDialog | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("total")
        self.model = RecordTableModel(COLUMNS)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.add_button = QPushButton(tr("Give a share…"), self)
        self.add_button.setObjectName("primary")
        self.transfer_button = QPushButton(tr("Transfer the share…"), self)
        self.transfer_button.setToolTip(tr("End this share and give it, or part of it, to "
                                           "another client from a date, in one action"))
        self.end_button = QPushButton(tr("End the share…"), self)
        buttons = QHBoxLayout()
        for button, mode in ((self.add_button, "add"), (self.transfer_button, "transfer"),
                             (self.end_button, "end")):
            button.setAutoDefault(False)
            button.setVisible(self.may_edit)
            button.clicked.connect(lambda _checked=False, mode=mode: self.open_dialog(mode))
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        column.addWidget(self.view, 1)

    def show_plant(self, plant: PlantRecord) -> None:
        self.plant = plant
        shares = shares_of_plant(self.db, self.actor, plant.id)
        # Those held first, then those ended, the latest first.
        self.model.set_rows(sorted(shares, key=lambda s: (
            _ended(s) is not None, -s.starts_on.toordinal(), s.national_code)))
        self.view.resizeColumnsToContents()
        self.summary.setText(tr("Held today: {held} kW of {capacity} kW by {count} "
                                "beneficiaries; {free} kW free.",
                                held=kw_text(plant.shared_watts),
                                capacity=kw_text(plant.capacity_watts),
                                count=to_persian_digits(plant.beneficiaries),
                                free=kw_text(max(plant.capacity_watts - plant.shared_watts,
                                                 0))))
        self._enable()

    def current_share(self) -> ShareRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _enable(self) -> None:
        share = self.current_share()
        open_plant = self.plant is not None \
            and self.plant.status != PlantStatus.DECOMMISSIONED
        self.add_button.setEnabled(open_plant)
        held = share is not None and (share.ends_on is None or share.ends_on >= today())
        self.transfer_button.setEnabled(open_plant and held)
        self.end_button.setEnabled(held)

    def open_dialog(self, mode: str) -> None:
        assert self.plant is not None
        share = None if mode == "add" else self.current_share()
        if mode != "add" and share is None:
            return
        dialog = ShareDialog(self.db, self.actor, self.plant, mode, share, self)
        dialog.saved.connect(lambda _record: self.changed.emit())
        dialog.conflicted.connect(self.conflict.emit)
        self.dialog = dialog
        dialog.open()
