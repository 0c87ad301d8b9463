"""A savings cycle's rules as typed: its dates, the price of a share, the service charge of
internal loans, how many shares a member may buy a meeting, how much a member may borrow, and
the social fund contribution. For a new group's first cycle and the cycle after a share-out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QWidget

from desktop.domain.groups import MAX_SHARES_PER_MEETING
from desktop.fa.jalali import add_jalali_months
from desktop.i18n import tr
from desktop.services.groups import CycleRecord, CycleRules
from desktop.views.widgets.fields import PercentEdit, number_spin
from desktop.views.widgets.form_errors import FieldErrors
from desktop.views.widgets.jalali_date_edit import JalaliDateEdit
from desktop.views.widgets.money_edit import MoneyEdit

# What most groups start with (the method's handbook): a year, 2% a month, up to 5 shares.
CYCLE_MONTHS = 12
DEFAULT_RULES = CycleRules(starts_on=None, ends_on=None, share_price=500_000,
                           service_charge_bp=200, max_shares=MAX_SHARES_PER_MEETING,
                           loan_multiple=3, social_contribution=50_000)


class CycleRulesFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.starts_on = JalaliDateEdit(self, required=True)
        self.ends_on = JalaliDateEdit(self, required=True)
        self.share_price = MoneyEdit(self, required=True)
        self.service_charge = PercentEdit(self)
        self.service_charge.setToolTip(tr("Of the amount lent, each month"))
        self.max_shares = number_spin(self, 1, MAX_SHARES_PER_MEETING, MAX_SHARES_PER_MEETING)
        self.loan_multiple = number_spin(self, 1, 10, 3)
        self.loan_multiple.setSuffix(tr(" times savings"))
        self.social_contribution = MoneyEdit(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, name, field in (
                (tr("Cycle starts on"), "starts_on", self.starts_on),
                (tr("Cycle ends on"), "ends_on", self.ends_on),
                (tr("Price of a share"), "share_price", self.share_price),
                (tr("Service charge (% a month)"), "service_charge_bp", self.service_charge),
                (tr("Shares a member may buy a meeting"), "max_shares", self.max_shares),
                (tr("A member may borrow up to"), "loan_multiple", self.loan_multiple),
                (tr("Social fund contribution a meeting"), "social_contribution",
                 self.social_contribution)):
            form.addRow(label, self.errors.wrap(name, field))
        form.addRow(self.errors.general)
        self.starts_on.dateChanged.connect(self._suggest_end)
        self.focus_chain = [self.starts_on.line, self.ends_on.line, self.share_price.line,
                            self.service_charge, self.max_shares, self.loan_multiple,
                            self.social_contribution.line]

    def load(self, rules: CycleRules | CycleRecord, starts_on: dt.date | None) -> None:
        """``rules`` as a starting point, the cycle running a year from ``starts_on``."""
        self.starts_on.setDate(starts_on)
        self.ends_on.setDate(add_jalali_months(starts_on, CYCLE_MONTHS) if starts_on else None)
        self.share_price.setAmount(rules.share_price)
        self.service_charge.set_basis_points(rules.service_charge_bp)
        self.max_shares.setValue(rules.max_shares)
        self.loan_multiple.setValue(rules.loan_multiple)
        self.social_contribution.setAmount(rules.social_contribution)
        self.errors.clear()

    def start_on(self, day: dt.date) -> None:
        """The cycle starts on ``day`` and runs a year."""
        self.starts_on.setDate(day)
        self.ends_on.setDate(add_jalali_months(day, CYCLE_MONTHS))

    def _suggest_end(self, starts_on: dt.date | None) -> None:
        if starts_on is not None and (self.ends_on.date() is None
                                      or self.ends_on.date() <= starts_on):
            self.ends_on.setDate(add_jalali_months(starts_on, CYCLE_MONTHS))

    def local_errors(self) -> dict[str, str]:
        errors = {}
        for name, field in (("starts_on", self.starts_on), ("ends_on", self.ends_on),
                            ("share_price", self.share_price),
                            ("social_contribution", self.social_contribution)):
            if not field.is_valid():
                errors[name] = field.error_message()
        try:
            if self.service_charge.basis_points() is None:
                errors["service_charge_bp"] = tr("Enter the service charge (0 for none).")
        except ValueError as exc:
            errors["service_charge_bp"] = str(exc)
        return errors

    def value(self) -> CycleRules:
        try:
            rate = self.service_charge.basis_points() or 0
        except ValueError:
            rate = -1   # refused by the service, beside the field
        return CycleRules(starts_on=self.starts_on.date(), ends_on=self.ends_on.date(),
                          share_price=self.share_price.amount() or 0, service_charge_bp=rate,
                          max_shares=self.max_shares.value(),
                          loan_multiple=self.loan_multiple.value(),
                          social_contribution=self.social_contribution.amount() or 0)
