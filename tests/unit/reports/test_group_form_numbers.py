"""The numbers of the group documents as they are printed: a share's value to two decimals of a
Rial, rounded half away from zero, percentages said in words, a loan's state."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from desktop.reports.forms.group_common import decimal, loan_state, monthly_rate, percent
from desktop.services.group_documents import LoanLine


def test_a_value_prints_to_two_decimals_rounded_half_away_from_zero() -> None:
    assert decimal(Fraction(151_037_000, 316)) == "۴۷۷٬۹۶۵٫۱۹"     # 477,965.1898…
    assert decimal(Fraction(1, 3)) == "۰٫۳۳"
    assert decimal(Fraction(2, 3)) == "۰٫۶۷"
    assert decimal(Fraction(1, 200)) == "۰٫۰۱"                      # 0.005 rounds up
    assert decimal(Fraction(-1, 200)) == "\u200e\u2212۰٫۰۱"
    assert decimal(Fraction(-1, 1000)) == "۰٫۰۰"                    # no «−۰٫۰۰»
    assert decimal(Fraction(500_000)) == "۵۰۰٬۰۰۰٫۰۰"
    assert decimal(Fraction(7, 2), places=0) == "۴"


def test_percentages_are_said_in_words_with_their_sign() -> None:
    assert percent(Fraction(469, 10_000)) == "۴٫۶۹ درصد"
    assert percent(Fraction(-441, 10_000)) == "منفی ۴٫۴۱ درصد"
    assert monthly_rate(200) == "ماهانه ۲ درصد"
    assert monthly_rate(250) == "ماهانه ۲٫۵۰ درصد"


def _loan(**changes) -> LoanLine:
    values = dict(member_name="لاله کشاورز", disbursed_on=dt.date(2024, 4, 17),
                  principal=3_000_000, term_months=3, service_charge=180_000, repaid=0,
                  charge_paid=0, outstanding=3_000_000, arrears=0, days_late=0,
                  written_off_on=None, purpose="", override_reason="")
    values.update(changes)
    return LoanLine(**values)


def test_a_loans_state_reads_as_the_treasurer_says_it() -> None:
    assert loan_state(_loan()) == "جاری"
    assert loan_state(_loan(repaid=3_000_000, outstanding=0)) == "تسویه‌شده"
    assert loan_state(_loan(arrears=1_000_000, days_late=41)) == \
        "۴۱ روز تأخیر (۱٬۰۰۰٬۰۰۰ ریال سررسیده)"
    assert loan_state(_loan(written_off_on=dt.date(2024, 10, 6))) == "سوخت‌شده در ۱۴۰۳/۰۷/۱۵"
