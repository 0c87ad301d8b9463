"""Giving a share of a plant, transferring one, or ending one. The client is found by name or
national code among the office's clients. A client not marked «سخت‌اشتغال / غیرقابل‌بازتوان»
is warned: the reason field opens under the warning, and saving again with a reason gives the
share. A capacity refusal is told beside the kW."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import kw_text
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.client_search import ClientFilter, client_rows
from desktop.services.solar_plants import PlantRecord
from desktop.services.solar_shares import (
    ShareInput,
    ShareNeedsReason,
    ShareRecord,
    add_share,
    end_share,
    transfer_share,
)
from desktop.views.service_dialog import ServiceDialog
from desktop.views.solar_words import parse_kw
from desktop.views.widgets.fields import RIGHT, code_line_edit
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit

FOUND_AT_MOST = 30


class ShareDialog(ServiceDialog):
    """``mode`` is "add", "transfer" (of ``share``) or "end" (of ``share``)."""

    def __init__(self, db: Database, actor: Actor, plant: PlantRecord, mode: str,
                 share: ShareRecord | None = None, parent: QWidget | None = None) -> None:
        titles = {"add": tr("Give a share of {plant}", plant=plant.name),
                  "transfer": tr("Transfer a share of {plant}", plant=plant.name),
                  "end": tr("End a share of {plant}", plant=plant.name)}
        super().__init__(parent, titles[mode])
        self.db, self.actor, self.plant, self.mode, self.share = db, actor, plant, mode, share
        if share is not None:
            self.set_intro(tr("{name} holds {kw} kW from {start}.", name=share.full_name,
                              kw=kw_text(share.watts), start=format_jalali(share.starts_on)))
        self.search = self.add_row(tr("Find the client"), "search", QLineEdit(self))
        self.search.setAlignment(RIGHT)
        self.search.setPlaceholderText(tr("Name or national code, then Enter"))
        self.search.returnPressed.connect(self.find_clients)
        self.client = self.add_row(tr("Client"), "client_id", QComboBox(self))
        self.watts = self.add_row(tr("Share (kW)") if mode == "add"
                                  else tr("kW given"), "watts",
                                  code_line_edit(self, max_length=10, placeholder=tr("e.g. 5")))
        self.starts_on = self.add_row(tr("From") if mode == "add" else tr("Given from"),
                                      "starts_on", JalaliDateEdit(self, required=True))
        self.ends_on = self.add_row(tr("Ends on") if mode != "transfer" else "", "ends_on",
                                    JalaliDateEdit(self, required=mode == "end"))
        self.reason = self.add_row(tr("Reason"), "reason", QLineEdit(self))
        self.reason.setPlaceholderText(tr("Why this client holds a share (five letters or "
                                          "more)"))
        self.show_row("reason", False)
        if mode == "end":
            for name in ("search", "client_id", "watts", "starts_on"):
                self.show_row(name, False)
            self.ends_on.setDate(today())
        else:
            self.starts_on.setDate(max(today(), plant.commissioned_on))
            if mode == "transfer":
                self.show_row("ends_on", False)
                assert share is not None
                self.watts.setText(kw_text(share.watts).replace("٬", ""))
            else:
                self.ends_on.setToolTip(tr("Empty while the share is held"))

    def find_clients(self) -> None:
        """The office's clients matching the name or national code typed."""
        text = self.search.text().strip()
        self.client.clear()
        if not text:
            return
        for row in client_rows(self.db, self.actor, ClientFilter(text=text),
                               limit=FOUND_AT_MOST):
            self.client.addItem(f"{row.full_name} ({to_persian_digits(row.national_code)})",
                                row.id)
        if not self.client.count():
            self.errors.show({"client_id": tr("No client matches; check the name or code.")})
        else:
            self.errors.clear()
            self.client.setFocus()

    def local_errors(self) -> dict[str, str]:
        errors = {}
        for name, field in (("starts_on", self.starts_on), ("ends_on", self.ends_on)):
            if self.form.isRowVisible(self.rows[name]) and not field.is_valid():
                errors[name] = field.error_message()
        if self.mode != "end":
            if self.client.currentData() is None:
                errors["client_id"] = tr("Find the client and choose them.")
            try:
                parse_kw(self.watts.text())
            except ValueError as wrong:
                errors["watts"] = str(wrong)
        return errors

    def submit(self) -> object:
        if self.mode == "end":
            assert self.share is not None
            return end_share(self.db, self.actor, self.share.id, self.ends_on.date(),
                             version=self.share.version)
        data = ShareInput(self.client.currentData(), parse_kw(self.watts.text()),
                          self.starts_on.date(),
                          self.ends_on.date() if self.mode == "add" else None,
                          self.reason.text())
        try:
            if self.mode == "add":
                return add_share(self.db, self.actor, self.plant.id, data)
            assert self.share is not None
            return transfer_share(self.db, self.actor, self.share.id, data,
                                  version=self.share.version)
        except ShareNeedsReason:
            # The warning is told beside the reason it asks for; saving again gives the share.
            self.show_row("reason", True)
            self.reason.setFocus()
            raise
