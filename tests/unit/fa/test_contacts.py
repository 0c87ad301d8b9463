"""Mobile numbers, Sheba numbers and postal codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.fa.mobile import MobileError, normalize_mobile
from desktop.fa.postal import PostalCodeError, validate_postal_code
from desktop.fa.sheba import (
    ShebaError,
    format_sheba,
    is_stored_sheba_valid,
    sheba_check_digits,
    validate_sheba,
)


@pytest.mark.parametrize("typed", ["09121234567", "+98 912 123 4567", "00989121234567",
                                   "989121234567", "9121234567", "۰۹۱۲۱۲۳۴۵۶۷",
                                   "0912-123-4567", "(0912) 123 4567"])
def test_mobiles(typed: str) -> None:
    assert normalize_mobile(typed) == "09121234567"


@pytest.mark.parametrize("typed", ["02112345678", "+1 912 123 4567", "0912123456", "abc", ""])
def test_not_mobiles(typed: str) -> None:
    with pytest.raises(MobileError):
        normalize_mobile(typed)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_mobile_normalisation_is_idempotent(rest: str) -> None:
    number = normalize_mobile("+989" + rest)
    assert number == "09" + rest and normalize_mobile(number) == number


bbans = st.text(alphabet="0123456789", min_size=22, max_size=22)


@given(bbans)
def test_generated_shebas_pass(bban: str) -> None:
    sheba = f"IR{sheba_check_digits(bban)}{bban}"
    assert validate_sheba(sheba) == sheba
    assert validate_sheba(format_sheba(sheba).lower()) == sheba
    assert validate_sheba(sheba[2:]) == sheba  # the IR left out


@given(bbans, st.integers(min_value=2, max_value=25), st.integers(min_value=1, max_value=9))
def test_one_changed_digit_fails(bban: str, position: int, shift: int) -> None:
    sheba = list(f"IR{sheba_check_digits(bban)}{bban}")
    sheba[position] = str((int(sheba[position]) + shift) % 10)
    with pytest.raises(ShebaError):
        validate_sheba("".join(sheba))


def test_a_real_format_sheba() -> None:
    assert validate_sheba("IR06 2960 0000 0010 0324 2000 01") == "IR062960000000100324200001"
    assert format_sheba("IR062960000000100324200001") == "IR06 2960 0000 0010 0324 2000 01"
    with pytest.raises(ShebaError):
        validate_sheba("DE89370400440532013000")


def test_postal_codes() -> None:
    assert validate_postal_code("۱۴۳۳۸-۶۳۶۱۱") == "1433863611"
    for bad in ("123456789", "0123456789", "1111111111", "12345a7890"):
        with pytest.raises(PostalCodeError):
            validate_postal_code(bad)


@given(st.text(alphabet="0123456789IR ", min_size=0, max_size=28))
def test_the_fast_check_of_stored_shebas_agrees_with_validation(text: str) -> None:
    try:
        valid = validate_sheba(text) == text
    except ShebaError:
        valid = False
    assert is_stored_sheba_valid(text) == valid


@given(bbans)
def test_the_fast_check_passes_what_validation_stores(bban: str) -> None:
    sheba = f"IR{sheba_check_digits(bban)}{bban}"
    assert is_stored_sheba_valid(sheba)
    assert not is_stored_sheba_valid(sheba[:-1] + str((int(sheba[-1]) + 1) % 10))
