"""Amounts of services are whole Rials: the rule, for any value a form or an import gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.benefits import BenefitKind
from desktop.services.benefits import MAX_AMOUNT, amount_problem

kinds = st.sampled_from(list(BenefitKind))


@given(kinds, st.integers(1, MAX_AMOUNT))
def test_a_positive_whole_amount_is_money(kind: BenefitKind, amount: int) -> None:
    assert amount_problem(kind, amount) is None


@given(kinds, st.one_of(st.floats(allow_nan=True), st.booleans(), st.text(), st.none(),
                        st.integers(max_value=-1), st.integers(min_value=MAX_AMOUNT + 1)))
def test_anything_else_is_not(kind: BenefitKind, amount: object) -> None:
    assert amount_problem(kind, amount) is not None


@given(kinds)
def test_only_a_course_may_cost_nothing(kind: BenefitKind) -> None:
    assert (amount_problem(kind, 0) is None) == (kind is BenefitKind.TRAINING_COURSE)
