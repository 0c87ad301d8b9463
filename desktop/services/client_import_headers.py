"""The columns of an office's client list: which Karsaz field each Excel header means.

Offices head their columns in many ways («کد ملی», «کدملی», «كد ملي», «ش.همراه», «موبایل»…).
Headers are compared through ``search_key`` (Arabic ي/ك, ZWNJ, spaces and dots fold away), first
whole, then with the words of a known header inside a longer one («شماره تلفن همراه مددجو»).
"""

from __future__ import annotations

import dataclasses

from desktop.fa.normalize import search_key
from desktop.i18n import N_, tr


@dataclasses.dataclass(frozen=True)
class ImportField:
    code: str
    _label: str
    headers: tuple[str, ...]     # what offices write above the column, most specific first
    required: bool = False

    @property
    def label(self) -> str:
        return tr(self._label)


# Order matters when a header could mean two fields: «نام پدر» and «نام خانوادگی» are tried
# before «نام».
FIELDS: tuple[ImportField, ...] = (
    ImportField("row_number", N_("Row number (not imported)"), ("ردیف", "شماره ردیف", "ر")),
    ImportField("national_code", N_("National code"),
                ("کد ملی", "شماره ملی", "کد ملی مددجو", "ک ملی", "national code"), True),
    ImportField("father_name", N_("Father's name"), ("نام پدر", "نام والد", "father")),
    ImportField("last_name", N_("Last name"),
                ("نام خانوادگی", "نام فامیل", "فامیلی", "نام خانوادگی مددجو", "last name"),
                True),
    ImportField("first_name", N_("First name"), ("نام", "اسم", "first name"), True),
    ImportField("birth_date", N_("Birth date"),
                ("تاریخ تولد", "ت تولد", "تولد", "سال تولد", "birth date"), True),
    ImportField("gender", N_("Gender"), ("جنسیت", "جنس", "gender"), True),
    ImportField("mobile", N_("Mobile"),
                ("شماره همراه", "تلفن همراه", "موبایل", "همراه", "ش همراه", "شماره موبایل",
                 "تلفن", "شماره تماس", "mobile")),
    ImportField("county", N_("County"), ("شهرستان", "نام شهرستان", "county")),
    ImportField("urban", N_("Urban or rural"),
                ("شهری روستایی", "شهری یا روستایی", "محل سکونت", "شهر روستا")),
    ImportField("target_groups", N_("Target group"),
                ("گروه هدف", "جامعه هدف", "گروه های هدف", "نوع مددجو", "target group"), True),
    ImportField("disability_type", N_("Kind of disability"), ("نوع معلولیت",)),
    ImportField("disability_severity", N_("Severity of disability"),
                ("شدت معلولیت", "درجه معلولیت")),
    ImportField("address", N_("Address"), ("آدرس", "نشانی", "آدرس محل سکونت", "address")),
    ImportField("postal_code", N_("Postal code"), ("کد پستی", "کدپستی", "postal code")),
    ImportField("sheba", N_("Sheba"), ("شبا", "شماره شبا", "شماره حساب شبا", "sheba")),
    ImportField("file_number", N_("File number"), ("شماره پرونده", "پرونده", "file number")),
    ImportField("notes", N_("Notes"), ("توضیحات", "ملاحظات", "notes")),
)
FIELD_BY_CODE = {f.code: f for f in FIELDS}
# The fields a row cannot do without; a missing county column means the office's own county.
REQUIRED = tuple(f.code for f in FIELDS if f.required)


def header_key(text: object) -> str:
    return search_key(str(text or ""))


_KEYS = [(f.code, [header_key(h) for h in f.headers]) for f in FIELDS]


def match_header(text: object) -> str | None:
    """The field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    for code, keys in _KEYS:
        if key in keys:
            return code
    # A longer header beginning with a known one («تاریخ تولد مددجو»); short words such as
    # «نام» never match this way, or «نام روستا» would be taken for the first name.
    for code, keys in _KEYS:
        if any(len(k) >= 4 and key.startswith(k) for k in keys):
            return code
    return None


def match_headers(headers: list[object]) -> list[str | None]:
    """A field for each column (None: not imported); a field goes to its first column only."""
    taken: set[str] = set()
    fields: list[str | None] = []
    for header in headers:
        code = match_header(header)
        if code in taken:
            code = None
        if code is not None:
            taken.add(code)
        fields.append(code)
    return fields


def missing_fields(mapping: list[str | None]) -> list[str]:
    """The required fields no column gives."""
    given = set(mapping)
    return [code for code in REQUIRED if code not in given]
