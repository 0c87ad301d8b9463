"""One allocation run shown whole: a badge (draft, or approved and locked), the totals with the
check that the beneficiaries' amounts come to the net to the Rial, each beneficiary's line, and
the arrears and corrections of earlier months the run carries."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.solar import AdjustmentKind, kw_text, month_last_day
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali, format_jalali_month
from desktop.fa.money import format_amount, format_rials
from desktop.fa.sheba import is_stored_sheba_valid
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.services.solar_run_records import (
    AdjustmentLineRecord,
    RunLineRecord,
    RunRecord,
    adjustment_lines,
    run_lines,
)
from desktop.services.solar_shares import shares_of_plant
from desktop.views.record_table import Column, RecordTableModel
from desktop.views.solar_words import DRAFT_STYLE, LOCK_STYLE, LOW_COLOUR


@dataclasses.dataclass(frozen=True)
class LineRow:
    line: RunLineRecord
    holdings: tuple[tuple[int, int], ...]     # (watts, days) of each share held in the month
    total_weight: int
    months: tuple[dt.date, ...]               # the earlier months its adjustments are for


@dataclasses.dataclass(frozen=True)
class RunDetails:
    run: RunRecord
    lines: tuple[LineRow, ...]
    adjustments: tuple[AdjustmentLineRecord, ...]


def read_run(db: Database, actor: Actor, run: RunRecord) -> RunDetails:
    """The run's lines with the shares behind each weight (off the GUI thread)."""
    first, last = run.month, month_last_day(run.month)
    held: dict[int, list[tuple[int, int]]] = {}
    for share in shares_of_plant(db, actor, run.plant_id):
        start = max(share.starts_on, first)
        end = min(share.ends_on or last, last)
        if start <= end:
            held.setdefault(share.client_id, []).append((share.watts, (end - start).days + 1))
    adjustments = tuple(adjustment_lines(db, actor, run.id))
    months: dict[int, set[dt.date]] = {}
    for adjustment in adjustments:
        months.setdefault(adjustment.client_id, set()).add(adjustment.for_month)
    return RunDetails(run, tuple(
        LineRow(line, tuple(held.get(line.client_id, ())), run.total_weight,
                tuple(sorted(months.get(line.client_id, ()))))
        for line in run_lines(db, actor, run.id)), adjustments)


def weight_share(row: LineRow) -> str:
    """The beneficiary's part of the month's weight, as a percentage to three decimals."""
    if not row.total_weight:
        return "—"
    thousandths = row.line.weight * 100_000 // row.total_weight
    whole, part = divmod(thousandths, 1000)
    return to_persian_digits(f"{whole}٫{part:03d}") + "٪"


def _adjustments(row: LineRow) -> str:
    if not row.line.adjustments:
        return "—"
    months = "، ".join(format_jalali_month(m) for m in row.months)
    return f"{format_amount(row.line.adjustments)} ({months})" if months \
        else format_amount(row.line.adjustments)


def _no_sheba(row: LineRow) -> str | None:
    return LOW_COLOUR if row.line.payable > 0 and not is_stored_sheba_valid(row.line.sheba) \
        else None


LINE_COLUMNS = (
    Column(N_("Beneficiary"), lambda r: r.line.full_name, colour=_no_sheba,
           tip=lambda r: tr("No valid Sheba number") if _no_sheba(r) else ""),
    Column(N_("National code"), lambda r: to_persian_digits(r.line.national_code)),
    Column(N_("kW"), lambda r: " + ".join(kw_text(w) for w, _ in r.holdings) or "—"),
    Column(N_("Days"), lambda r: " + ".join(to_persian_digits(d) for _, d in r.holdings)
           or "—"),
    Column(N_("Share of the weight"), weight_share),
    Column(N_("Amount (Rials)"), lambda r: format_amount(r.line.amount)),
    Column(N_("Arrears and corrections (Rials)"), _adjustments),
    Column(N_("Deductions (Rials)"), lambda r: format_amount(r.line.deductions)),
    Column(N_("Debt carried in (Rials)"), lambda r: format_amount(r.line.debt_before)),
    Column(N_("Payable (Rials)"), lambda r: format_amount(r.line.payable)),
    Column(N_("Debt carried on (Rials)"), lambda r: format_amount(r.line.debt_after),
           colour=lambda r: LOW_COLOUR if r.line.debt_after else None),
)

ADJUSTMENT_COLUMNS = (
    Column(N_("Beneficiary"), lambda a: a.full_name),
    Column(N_("National code"), lambda a: to_persian_digits(a.national_code)),
    Column(N_("For the month of"), lambda a: format_jalali_month(a.for_month)),
    Column(N_("Kind"), lambda a: AdjustmentKind(a.kind).label),
    Column(N_("Amount (Rials)"), lambda a: format_amount(a.amount)),
)


def _table(model: RecordTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RunView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details: RunDetails | None = None
        self.badge = QLabel(self)
        self.approval = QLabel(self)
        self.approval.setObjectName("areaNote")
        self.totals = QLabel(self)
        self.totals.setObjectName("total")
        self.totals.setWordWrap(True)
        self.lines = RecordTableModel(LINE_COLUMNS)
        self.lines_view = _table(self.lines, self)
        self.adjustments = RecordTableModel(ADJUSTMENT_COLUMNS)
        self.adjustments_box = QGroupBox(tr("Arrears and corrections of earlier months"), self)
        QVBoxLayout(self.adjustments_box).addWidget(_table(self.adjustments, self))
        self.adjustments_box.setMaximumHeight(150)
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.approval)
        top.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.totals)
        column.addWidget(self.lines_view, 3)
        column.addWidget(self.adjustments_box, 1)
        self.show_run(None)

    def show_run(self, details: RunDetails | None) -> None:
        self.details = details
        self.lines.set_rows(details.lines if details else ())
        self.adjustments.set_rows(details.adjustments if details else ())
        self.adjustments_box.setVisible(bool(details and details.adjustments))
        for widget in (self.badge, self.approval, self.totals):
            widget.setVisible(details is not None)
        if details is None:
            return
        run = details.run
        if run.approved:
            self.badge.setText("🔒 " + tr("Approved — locked"))
            self.badge.setStyleSheet(LOCK_STYLE)
            when = run.approved_at.date() if run.approved_at else None
            self.approval.setText(tr("Approved by {name} on {date}; nothing of it changes.",
                                     name=run.approved_by or "—",
                                     date=format_jalali(when) if when else "—"))
        else:
            self.badge.setText(tr("Draft — may be computed again"))
            self.badge.setStyleSheet(DRAFT_STYLE)
            self.approval.setText(tr("Computed on {date}", date=format_jalali(
                run.computed_at.date())))
        self.totals.setText(self._totals(details))
        self.lines_view.resizeColumnsToContents()

    @staticmethod
    def _totals(details: RunDetails) -> str:
        run = details.run
        amounts = sum(row.line.amount for row in details.lines)
        net = max(run.net, 0)
        check = "✓" if amounts == net else "✗"
        text = tr("{plant}, {month}: received {received} − costs {costs} = net {net}. "
                  "Σ amounts {amounts} {check} net; arrears and corrections {adjustments}; "
                  "payable to {payees} people {payable}.",
                  plant=run.plant_name, month=format_jalali_month(run.month),
                  received=format_amount(run.received), costs=format_amount(run.costs),
                  net=format_rials(run.net), amounts=format_rials(amounts), check=check,
                  adjustments=format_rials(run.adjustments),
                  payees=to_persian_digits(run.payees), payable=format_rials(run.payable))
        if run.net < 0:
            text += " " + tr("The costs exceed the income: nothing is allocated and the "
                             "shortfall is carried to the next month.")
        return text
