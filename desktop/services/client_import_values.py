"""Cells of an office's client list as offices type them, read into what the client form holds.

Each reader returns the value or raises ``CellError`` with the reason in Persian. National
codes, mobiles, postal codes and Sheba numbers are left as text here: the client service's own
validators check them (with the national code's lost leading zeros restored first).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from desktop import reference
from desktop.domain.people import DisabilitySeverity, DisabilityType, Gender, TargetGroup
from desktop.errors import KarsazError
from desktop.fa.digits import to_latin_digits
from desktop.fa.jalali import JalaliDateError, jalali_to_gregorian
from desktop.fa.normalize import search_key
from desktop.i18n import N_


class CellError(KarsazError):
    """A cell that cannot be read as its field."""


def cell_text(value: object) -> str:
    """A cell as text: empty for blanks, whole numbers without «.0», dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_SEPARATORS = re.compile(r"\s*[/\-.\\_,،٫٬|]\s*|\s+")


def read_date(value: object) -> dt.date | None:
    """A birth date: Jalali in any digits and separators (1370/1/5, ۱۳۷۰-۰۱-۰۵, 13700105,
    5/1/1370), two-digit years meaning 13xx (70/1/5), or an Excel date cell (Gregorian)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = to_latin_digits(cell_text(value).replace("\u200f", "").replace("\u200e", ""))
    if not text:
        return None
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 8:
        parts = [parts[0][:4], parts[0][4:6], parts[0][6:]]
    if len(parts) == 4 and parts[3].startswith("00:00"):  # «1990-03-04 00:00:00» from a CSV
        parts = parts[:3]
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 4 for p in parts):
        raise CellError(N_("The date is not a date; write it as year/month/day, e.g. "
                           "1370/01/05."))
    first, month, last = parts
    if len(last) == 4 and len(first) <= 2:   # day/month/year, as some lists have it
        first, last = last, first
    year, month_no, day = int(first), int(month), int(last)
    if len(first) <= 2:
        # A two-digit year is of this Jalali century's first half: clients are adults, and
        # 1300–1399 holds every birth year of a working-age person but the youngest.
        year += 1300
    if year >= 1800:
        try:
            return dt.date(year, month_no, day)
        except ValueError:
            raise CellError(N_("The date is not a real Gregorian date.")) from None
    try:
        return jalali_to_gregorian(year, month_no, day)
    except JalaliDateError as exc:
        raise CellError(exc.message) from None


def read_national_code(value: object) -> str:
    """Digits of any script with dashes or spaces; Excel numbers keep their lost zeros lost
    (the validator's ``pad_legacy`` restores them)."""
    return to_latin_digits(cell_text(value))


_GENDERS = {search_key(word): code for word, code in (
    ("زن", Gender.FEMALE), ("خانم", Gender.FEMALE), ("مونث", Gender.FEMALE),
    ("مؤنث", Gender.FEMALE), ("دختر", Gender.FEMALE), ("female", Gender.FEMALE),
    ("f", Gender.FEMALE), ("ز", Gender.FEMALE),
    ("مرد", Gender.MALE), ("آقا", Gender.MALE), ("اقا", Gender.MALE), ("مذکر", Gender.MALE),
    ("پسر", Gender.MALE), ("male", Gender.MALE), ("m", Gender.MALE), ("م", Gender.MALE),
)}


def read_gender(value: object) -> str:
    text = cell_text(value)
    if not text:
        raise CellError(N_("The gender is empty."))
    code = _GENDERS.get(search_key(text))
    if code is None:
        raise CellError(N_("The gender is not زن or مرد."))
    return code.value


# Names offices give the target groups besides the labels Karsaz shows.
_GROUP_WORDS = tuple({
    TargetGroup.FEMALE_HEAD: ("سرپرست خانوار", "زن سرپرست خانوار", "زنان سرپرست خانوار",
                              "بانوان سرپرست خانوار", "سرپرست خانوار زن"),
    TargetGroup.SELF_SUPPORTING_GIRL: ("خودسرپرست", "دختر خود سرپرست", "دختران خودسرپرست"),
    TargetGroup.INDEPENDENT_CHILD: ("فرزند مستقل", "مستقل شده", "فرزندان مستقل شده",
                                    "کودک مستقل شده"),
    TargetGroup.RECOVERED_ADDICT: ("بهبودیافته", "بهبود یافته", "بهبودیافته اعتیاد",
                                   "معتاد بهبودیافته", "بهبودیافتگان"),
    TargetGroup.DISABILITY: ("معلول", "معلولین", "معلولان", "دارای معلولیت", "معلولیت"),
    TargetGroup.FAMILY_MEMBER: ("عضو خانواده", "عضو موثر", "عضو موثر خانواده"),
    TargetGroup.STUDENT: ("دانشجو", "دانشجویان", "دانشجوی تحت پوشش"),
}.items())
_GROUP_SPLIT = re.compile(r"\s*[،,؛;/+\n]\s*")


@functools.cache
def _by_words(labelled: type, extra: tuple) -> dict[str, str]:
    words = dict(extra)
    table = {}
    for member in labelled:
        for word in (member.value, member.label, *words.get(member, ())):
            table[search_key(word)] = member.value
    return table


def read_target_groups(value: object) -> frozenset[str]:
    """One or more groups by label or common name, separated by «،» «,» «/» or «+»."""
    table = _by_words(TargetGroup, _GROUP_WORDS)
    groups = set()
    for part in _GROUP_SPLIT.split(cell_text(value)):
        if not part:
            continue
        code = table.get(search_key(part))
        if code is None:
            raise CellError(N_("«{text}» is not a target group."), text=part)
        groups.add(code)
    if not groups:
        raise CellError(N_("The target group is empty."))
    return frozenset(groups)


_SEVERITY_WORDS = ((DisabilitySeverity.VERY_SEVERE, ("بسیار شدید",)),)
_TYPE_WORDS = ((DisabilityType.PHYSICAL, ("جسمی", "حرکتی", "جسمی حرکتی")),
               (DisabilityType.VISUAL, ("نابینا", "کم بینا")),
               (DisabilityType.HEARING, ("ناشنوا", "کم شنوا")),
               (DisabilityType.INTELLECTUAL, ("ذهنی",)), (DisabilityType.PSYCHIATRIC, ("روانی",)),
               (DisabilityType.MULTIPLE, ("چندمعلولیتی", "چند معلولیتی")))


def read_disability_type(value: object) -> str | None:
    return _read_choice(value, _by_words(DisabilityType, _TYPE_WORDS),
                        N_("«{text}» is not a kind of disability."))


def read_disability_severity(value: object) -> str | None:
    return _read_choice(value, _by_words(DisabilitySeverity, _SEVERITY_WORDS),
                        N_("«{text}» is not a severity of disability."))


def _read_choice(value: object, table: dict[str, str], message: str) -> str | None:
    text = cell_text(value)
    if not text:
        return None
    code = table.get(search_key(text))
    if code is None:
        raise CellError(message, text=text)
    return code


_URBAN = {search_key(w): True for w in ("شهری", "شهر", "urban")}
_URBAN.update({search_key(w): False for w in ("روستایی", "روستا", "عشایری", "rural")})


def read_urban(value: object) -> bool:
    text = cell_text(value)
    if not text:
        return True
    urban = _URBAN.get(search_key(text))
    if urban is None:
        raise CellError(N_("Write شهری or روستایی."))
    return urban


class Counties:
    """Counties by name or code: those of the office's province, and the rest to say why a
    county is refused."""

    def __init__(self, province_code: str, default_county: str) -> None:
        self.province_code = province_code
        self.default = default_county
        self.by_key: dict[str, str] = {}
        for county in reference.counties():
            self.by_key.setdefault(search_key(county.name_fa), county.code)
            self.by_key[county.code] = county.code
        for county in reference.counties(province_code):  # a name shared across provinces
            self.by_key[search_key(county.name_fa)] = county.code

    def read(self, value: object) -> str:
        text = cell_text(value)
        if not text:
            return self.default
        key = search_key(text)
        code = self.by_key.get(key) or self.by_key.get(key.removeprefix("شهرستان"))
        if code is None:
            raise CellError(N_("«{text}» is not a county in the list of counties."), text=text)
        if reference.county(code).province_code != self.province_code:
            raise CellError(N_("The county «{text}» is not in this office's province."),
                            text=text)
        return code
