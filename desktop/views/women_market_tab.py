"""How a women's group reaches its market: its links with larger firms, supply chains,
outsourcing contracts and digital sales platforms (running ones first), and the
self-employment bazaars it sold at."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.domain.women_groups import LinkKind
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount, format_rials
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.women_market import (
    BazaarRecord,
    MarketLinkRecord,
    delete_bazaar,
    delete_market_link,
)
from desktop.services.women_overview import WomenGroupSummary
from desktop.views.group_words import NOT_KNOWN
from desktop.views.market_dialogs import BazaarDialog, MarketLinkDialog
from desktop.views.record_list_box import RecordListBox
from desktop.views.record_table import Column
from desktop.views.women_words import LEFT_COLOUR


def _ended(link: MarketLinkRecord) -> str | None:
    return None if link.active_on(today()) else LEFT_COLOUR


def _contract(link: MarketLinkRecord) -> str:
    return link.shop_url or to_persian_digits(link.contract_number) or NOT_KNOWN


def _bazaar_dates(b: BazaarRecord) -> str:
    if b.ends_on == b.starts_on:
        return format_jalali(b.starts_on)
    return tr("{start} to {end}", start=format_jalali(b.starts_on), end=format_jalali(b.ends_on))


LINK_COLUMNS = (
    Column(N_("Firm, chain or platform"), lambda link: link.partner, colour=_ended),
    Column(N_("Kind of link"), lambda link: LinkKind(link.kind).label, colour=_ended),
    Column(N_("From"), lambda link: format_jalali(link.starts_on)),
    Column(N_("To"), lambda link: format_jalali(link.ends_on) if link.ends_on
           else tr("running")),
    Column(N_("Contract number or shop"), _contract),
    Column(N_("Contract value (Rials)"), lambda link: format_amount(link.contract_value)
           if link.contract_value is not None else ""),
)
BAZAAR_COLUMNS = (
    Column(N_("Bazaar"), lambda b: b.name),
    Column(N_("Place"), lambda b: b.place),
    Column(N_("Dates"), _bazaar_dates),
    Column(N_("Sold there (Rials)"), lambda b: format_amount(b.sales)),
)


class WomenMarketTab(QWidget):
    changed = Signal()
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: WomenGroupSummary | None = None
        self.links = RecordListBox(
            tr("Market links"), LINK_COLUMNS, self, add_text=tr("Add a link"),
            open_dialog=lambda link: MarketLinkDialog(db, actor, self._group_id(), link, self),
            delete=lambda link: delete_market_link(db, actor, link.id),
            delete_question=tr("Delete this link? A link that ended is given its end date "
                               "instead; delete only one recorded by mistake."))
        self.bazaars = RecordListBox(
            tr("Self-employment bazaars"), BAZAAR_COLUMNS, self, add_text=tr("Add a bazaar"),
            open_dialog=lambda b: BazaarDialog(db, actor, self._group_id(), b, self),
            delete=lambda b: delete_bazaar(db, actor, b.id),
            delete_question=tr("Delete this bazaar?"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for box in (self.links, self.bazaars):
            box.changed.connect(self.changed.emit)
            box.conflict.connect(self.conflict.emit)
            splitter.addWidget(box)
        QVBoxLayout(self).addWidget(splitter)

    def _group_id(self) -> int:
        assert self.summary is not None
        return self.summary.group.id

    def show_group(self, summary: WomenGroupSummary) -> None:
        self.summary = summary
        editable = summary.group.editable
        self.links.show_records(summary.links, editable, tr(
            "{count} running", count=to_persian_digits(len(summary.active_links))))
        self.bazaars.show_records(summary.bazaars, editable, tr(
            "Sold at bazaars in the last 12 months: {amount}",
            amount=format_rials(summary.bazaar_sales_12m)))
