"""The records of how a women's group reaches its market: a link with a larger firm, a supply
chain, an outsourcing contract or a digital sales platform (with the group's shop link), and a
self-employment bazaar (بازارچه خوداشتغالی) it sold at."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import LinkKind
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.women_market import (
    BazaarInput,
    BazaarRecord,
    MarketLinkInput,
    MarketLinkRecord,
    add_bazaar,
    add_market_link,
    update_bazaar,
    update_market_link,
)
from desktop.views.service_dialog import ServiceDialog
from desktop.views.widgets.choices import choice_combo, combo_value, select_data
from desktop.views.widgets.fields import code_line_edit, latin_line_edit
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit


class MarketLinkDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, group_id: int,
                 link: MarketLinkRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New market link") if link is None
                         else tr("Market link: {partner}", partner=link.partner))
        self.db, self.actor, self.group_id, self.link = db, actor, group_id, link
        self.kind = self.add_row(tr("Kind of link"), "kind",
                                 choice_combo(LinkKind.choices(), self, empty=None))
        self.partner = self.add_row(tr("Firm, chain or platform"), "partner", QLineEdit(self))
        self.partner.setPlaceholderText(tr("e.g. Basalam"))
        self.shop_url = self.add_row(tr("The group's shop link"), "shop_url",
                                     latin_line_edit(self))
        self.shop_url.setPlaceholderText("https://…")
        self.contract_number = self.add_row(tr("Contract number"), "contract_number",
                                            code_line_edit(self, max_length=50))
        self.contract_value = self.add_row(tr("Contract value"), "contract_value",
                                           MoneyEdit(self))
        self.starts_on = self.add_row(tr("From"), "starts_on", JalaliDateEdit(self, required=True))
        self.ends_on = self.add_row(tr("To"), "ends_on", JalaliDateEdit(self))
        self.ends_on.setToolTip(tr("Empty while the link is running"))
        self.notes = self.add_row(tr("Notes"), "notes", QLineEdit(self))
        self.kind.currentIndexChanged.connect(lambda _i: self._show_kind())
        if link is None:
            self.starts_on.setDate(today())
        else:
            select_data(self.kind, link.kind)
            self.partner.setText(link.partner)
            self.shop_url.setText(link.shop_url)
            self.contract_number.setText(to_persian_digits(link.contract_number))
            self.contract_value.setAmount(link.contract_value)
            self.starts_on.setDate(link.starts_on)
            self.ends_on.setDate(link.ends_on)
            self.notes.setText(link.notes)
        self._show_kind()

    def _show_kind(self) -> None:
        digital = combo_value(self.kind) == LinkKind.DIGITAL.value
        self.show_row("shop_url", digital or bool(self.shop_url.text()))
        self.show_row("contract_number", not digital)
        self.show_row("contract_value", not digital)

    def local_errors(self) -> dict[str, str]:
        return {name: field.error_message() for name, field in
                (("starts_on", self.starts_on), ("ends_on", self.ends_on),
                 ("contract_value", self.contract_value)) if not field.is_valid()}

    def submit(self) -> MarketLinkRecord:
        data = MarketLinkInput(
            kind=combo_value(self.kind) or "", partner=self.partner.text(),
            starts_on=self.starts_on.date(), ends_on=self.ends_on.date(),
            contract_number=self.contract_number.text(),
            contract_value=self.contract_value.amount(), shop_url=self.shop_url.text(),
            notes=self.notes.text())
        if self.link is None:
            return add_market_link(self.db, self.actor, self.group_id, data)
        return update_market_link(self.db, self.actor, self.link.id, data,
                                  version=self.link.version)


class BazaarDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, group_id: int,
                 bazaar: BazaarRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New bazaar") if bazaar is None
                         else tr("Bazaar: {name}", name=bazaar.name))
        self.db, self.actor, self.group_id, self.bazaar = db, actor, group_id, bazaar
        self.set_intro(tr("A bazaar's sales are part of its month's sales in the business's "
                          "books; they are not added again."))
        self.name = self.add_row(tr("Bazaar"), "name", QLineEdit(self))
        self.name.setPlaceholderText(tr("e.g. the Nowruz self-employment bazaar"))
        self.place = self.add_row(tr("Place"), "place", QLineEdit(self))
        self.starts_on = self.add_row(tr("From"), "starts_on", JalaliDateEdit(self, required=True))
        self.ends_on = self.add_row(tr("To"), "ends_on", JalaliDateEdit(self))
        self.ends_on.setToolTip(tr("Empty for a one-day bazaar"))
        self.sales = self.add_row(tr("Sold there"), "sales", MoneyEdit(self, required=True))
        self.notes = self.add_row(tr("Notes"), "notes", QLineEdit(self))
        if bazaar is None:
            self.starts_on.setDate(today())
        else:
            self.name.setText(bazaar.name)
            self.place.setText(bazaar.place)
            self.starts_on.setDate(bazaar.starts_on)
            self.ends_on.setDate(bazaar.ends_on if bazaar.ends_on != bazaar.starts_on else None)
            self.sales.setAmount(bazaar.sales)
            self.notes.setText(bazaar.notes)

    def local_errors(self) -> dict[str, str]:
        return {name: field.error_message() for name, field in
                (("starts_on", self.starts_on), ("ends_on", self.ends_on),
                 ("sales", self.sales)) if not field.is_valid()}

    def submit(self) -> BazaarRecord:
        data = BazaarInput(name=self.name.text(), starts_on=self.starts_on.date(),
                           sales=self.sales.amount() or 0, ends_on=self.ends_on.date(),
                           place=self.place.text(), notes=self.notes.text())
        if self.bazaar is None:
            return add_bazaar(self.db, self.actor, self.group_id, data)
        return update_bazaar(self.db, self.actor, self.bazaar.id, data,
                             version=self.bazaar.version)
