"""Everything Persian that is not a widget: normalisation, digits, Jalali, validators, money."""

from desktop.fa.digits import only_digits, to_latin_digits, to_persian_digits
from desktop.fa.errors import FaValueError
from desktop.fa.jalali import (
    JalaliDate,
    JalaliDateError,
    format_jalali,
    format_jalali_long,
    gregorian_to_jalali,
    parse_jalali,
)
from desktop.fa.mobile import MobileError, normalize_mobile
from desktop.fa.money import format_rials, format_tomans, parse_rials, parse_tomans
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.fa.normalize import clean_text, search_key
from desktop.fa.postal import PostalCodeError, validate_postal_code
from desktop.fa.sheba import ShebaError, format_sheba, validate_sheba

__all__ = [
    "FaValueError", "JalaliDate", "JalaliDateError", "MobileError", "NationalCodeError",
    "PostalCodeError", "ShebaError", "clean_text", "format_jalali", "format_jalali_long",
    "format_rials", "format_sheba", "format_tomans", "gregorian_to_jalali", "normalize_mobile",
    "only_digits", "parse_jalali", "parse_rials", "parse_tomans", "search_key",
    "to_latin_digits", "to_persian_digits", "validate_national_code", "validate_postal_code",
    "validate_sheba",
]
