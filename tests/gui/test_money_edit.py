"""Typing money: any digits and separators, Tomans when said so, the amount in words."""

from __future__ import annotations

import pytest

from desktop.views.widgets.money_edit import MoneyEdit, read_amount
from tests.gui.client_helpers import type_into


@pytest.mark.parametrize(("typed", "rials"), [
    ("۱۵۰۰۰۰۰۰", 15_000_000), ("15,000,000", 15_000_000), ("۱۵٬۰۰۰٬۰۰۰ ریال", 15_000_000),
    ("١٥٠٠", 1500), ("۱۵۰۰۰ تومان", 150_000), ("2.5 toman", 25), ("", None)])
def test_read_amount(typed: str, rials: int | None) -> None:
    assert read_amount(typed) == rials


def test_the_field_groups_the_digits_and_says_the_amount(qtbot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    edit.show()
    with qtbot.waitSignal(edit.amountChanged):
        type_into(qtbot, edit.line, "۲۵۰۰۰۰۰۰۰")
    assert (edit.amount(), edit.line.text()) == (250_000_000, "۲۵۰٬۰۰۰٬۰۰۰")
    assert edit.words.text() == "بیست و پنج میلیون تومان" and edit.is_valid()
    type_into(qtbot, edit.line, "۱۲ میلیون")
    assert edit.amount() is None and not edit.is_valid() and edit.error_message()
    assert edit.line.property("invalid") is True
    type_into(qtbot, edit.line, "-5000")
    assert not edit.is_valid() and "صفر" in edit.error_message()
    edit.setAmount(15)
    assert edit.words.text() == "یک تومان و پنج ریال" and edit.is_valid()
    edit.setAmount(None)
    assert edit.amount() is None and edit.is_valid()  # optional unless required
    required = MoneyEdit(required=True)
    qtbot.addWidget(required)
    assert not required.is_valid() and required.error_message()


def test_a_compact_field_says_the_amount_in_its_tooltip(qtbot) -> None:
    edit = MoneyEdit(compact=True)
    qtbot.addWidget(edit)
    edit.show()
    type_into(qtbot, edit.line, "۲۵۰۰۰۰۰۰۰")
    assert edit.amount() == 250_000_000 and edit.line.toolTip() == "بیست و پنج میلیون تومان"
    assert not edit.words.isVisible() and not edit.unit.isVisible()
    assert edit.line.placeholderText() == ""
