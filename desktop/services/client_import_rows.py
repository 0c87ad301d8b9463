"""One row of an office's list, read into a client and checked by the client form's rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.errors import ValidationError
from desktop.services import client_import_values as cells
from desktop.services.client_import_headers import FIELD_BY_CODE
from desktop.services.clients import ClientInput, validated_client

# The client form's fields that a column of another name feeds.
_FORM_FIELD_COLUMN = {"county_code": "county"}

_CODE_SEPARATORS = str.maketrans({" ": None, "-": None, "\u200c": None, ".": None, "_": None})
_TEXT_FIELDS = ("first_name", "last_name", "father_name", "mobile", "address", "postal_code",
                "sheba", "file_number", "notes")


class RowReader:
    """Reads rows whose columns hold ``mapping``'s fields, for an office of ``province_code``;
    a row with no county is of the office's own."""

    def __init__(self, mapping: Sequence[str | None], province_code: str,
                 office_county: str) -> None:
        self.columns = {code: index for index, code in enumerate(mapping) if code is not None}
        self.province_code = province_code
        counties = cells.Counties(province_code, office_county)
        self.readers: dict[str, Callable[[object], object]] = {
            "birth_date": cells.read_date, "national_code": _national_code,
            # A list holds a handful of distinct genders, counties and groups: each is read once.
            "gender": _remembered(cells.read_gender), "county": _remembered(counties.read),
            "target_groups": _remembered(cells.read_target_groups),
            "disability_type": _remembered(cells.read_disability_type),
            "disability_severity": _remembered(cells.read_disability_severity),
            "urban": _remembered(cells.read_urban),
        }

    def read(self, row: Sequence[object]) -> tuple[dict | None, list[str]]:
        """The stored form of the row, or None and the reasons it is refused, in Persian."""
        errors: dict[str, str] = {}
        values: dict[str, object] = {}
        for code, index in self.columns.items():
            cell = row[index] if index < len(row) else None
            reader = self.readers.get(code)
            if reader is None:
                values[code] = cells.cell_text(cell)
                continue
            try:
                values[code] = reader(cell)
            except cells.CellError as exc:
                errors[code] = exc.message
        if "county" not in self.columns:
            values["county"] = self.readers["county"](None)
        data = ClientInput(
            national_code=str(values.get("national_code") or ""),
            first_name=str(values.get("first_name", "")),
            last_name=str(values.get("last_name", "")),
            gender=str(values.get("gender") or ""),
            county_code=str(values.get("county") or ""),
            birth_date=values.get("birth_date"),  # type: ignore[arg-type]
            urban=bool(values.get("urban", True)),
            target_groups=values.get("target_groups") or frozenset(),  # type: ignore[arg-type]
            disability_type=values.get("disability_type"),  # type: ignore[arg-type]
            disability_severity=values.get("disability_severity"),  # type: ignore[arg-type]
            **{f: str(values.get(f, "")) for f in _TEXT_FIELDS if f not in
               ("first_name", "last_name")})
        try:
            stored = validated_client(data, self.province_code)
        except ValidationError as exc:
            # A cell that could not be read explains itself better than the empty value the
            # form's rules then saw.
            for field, message in exc.errors.items():
                errors.setdefault(_FORM_FIELD_COLUMN.get(field, field), message)
            return None, _reasons(errors)
        if errors:
            return None, _reasons(errors)
        return stored, []


def _remembered(read: Callable[[object], object]) -> Callable[[object], object]:
    known: dict[str, tuple[object, str | None]] = {}

    def remembered(cell: object) -> object:
        text = cells.cell_text(cell)
        if text not in known:
            if len(known) > 10_000:   # free text after all: stop remembering
                known.clear()
            try:
                known[text] = (read(text), None)
            except cells.CellError as exc:
                known[text] = (None, exc.message)
        value, error = known[text]
        if error is not None:
            raise cells.CellError(error)   # a new one each time: a raised one keeps its trace
        return value

    return remembered


def _national_code(cell: object) -> str:
    # Excel keeps a code such as 0012345678 as the number 12345678: its zeros are restored
    # here, and the client form's rules check the code.
    text = cells.read_national_code(cell)
    if not text:
        raise cells.CellError("The national code is empty.")
    digits = text.translate(_CODE_SEPARATORS)
    if digits.isascii() and digits.isdigit() and 8 <= len(digits) <= 9:
        return digits.zfill(10)
    return text


def _reasons(errors: dict[str, str]) -> list[str]:
    order = list(FIELD_BY_CODE)
    return [f"{_label(field)}: {message}" for field, message in
            sorted(errors.items(), key=lambda item: order.index(item[0])
                   if item[0] in order else len(order))]


def _label(field: str) -> str:
    known = FIELD_BY_CODE.get(field)
    return known.label if known else field
