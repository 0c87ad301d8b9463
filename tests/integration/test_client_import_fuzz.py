"""Fuzzed cells: an import never crashes, and every row is imported or rejected with a reason in
Persian."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services.client_import import import_clients
from desktop.services.client_import_read import Sheet
from tests.integration.import_helpers import HEADERS, person

PERSIAN = re.compile("[\u0600-\u06ff]")
_TEXT = st.text(alphabet="0123456789۰۱۲۳۴۵۶۷۸۹٠١٢ زنمردیيکكاآبپشهر/-.+،,=@ \u200c\t", max_size=14)
CELLS = st.one_of(
    st.none(), _TEXT, st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1)), st.sampled_from(
        ["زن", "مرد", "شیراز", "تبریز", "معلول", "سرپرست خانوار", "1370/1/5", "۱۳۷۰/۱۳/۴۰"]))


def _rows(cells: list[list[object]]) -> list[list[object]]:
    # Each fuzzed row starts as a valid person and has some of its cells replaced.
    rows = []
    for n, replaced in enumerate(cells, start=1):
        row = [person(n + 500)[h] for h in HEADERS]
        for index, cell in enumerate(replaced):
            if cell != "keep":
                row[index % len(HEADERS)] = cell
        rows.append(row)
    return rows


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.one_of(st.just("keep"), CELLS), max_size=len(HEADERS)),
                min_size=1, max_size=8))
def test_fuzzed_cells_are_imported_or_rejected_with_a_persian_reason(office, cells) -> None:
    rows = _rows(cells)
    sheet = Sheet(list(HEADERS), rows, list(range(2, len(rows) + 2)),
                  ["row_number", "first_name", "last_name", "father_name", "national_code",
                   "birth_date", "gender", "mobile", "county", "target_groups", "address",
                   "postal_code", "sheba"])
    result = import_clients(office.db, office.expert, sheet)
    assert result.imported + len(result.rejected) == len(rows)
    for row in result.rejected:
        assert row.reasons and all(PERSIAN.search(reason) for reason in row.reasons)
