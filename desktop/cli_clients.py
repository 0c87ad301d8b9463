"""``karsaz clients list``: the client list on the command line, as a table, CSV or JSON.

The command runs as the system (every client is visible) through the same search and filters
as the list on screen. The table is for reading in a terminal (Persian digits, Jalali dates);
CSV is for Excel: UTF-8 with a byte-order mark so Excel on Windows reads the Persian, and codes
and Jalali dates in Persian digits so Excel keeps them as written (it would drop the leading
zero of a national code and turn 1403/07/15 into a date of the year 1403 AD); JSON is for
programs: Latin digits, ISO and Jalali dates.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from desktop import reference
from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.domain.labels import Labelled
from desktop.domain.pathway import CaseStatus, Stage
from desktop.domain.people import Gender, TargetGroup
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.normalize import search_key
from desktop.i18n import N_, tr
from desktop.services.client_search import (
    CLOSED,
    NO_CASE,
    ClientFilter,
    ClientRow,
    ClientSort,
    client_rows,
    count_clients,
)
from desktop.services.programs import list_programs
from desktop.services.users import list_users

FORMATS = ("table", "csv", "json")
STAGES = (*(s.value for s in Stage), CLOSED, NO_CASE)
WINDOW = 1000      # rows fetched at a time, as the list on screen does
DEFAULT_LIMIT = 100
MISSING = "—"

# (key, header): what each row shows, in this order.
COLUMNS = (
    ("national_code", N_("National code")), ("name", N_("Name")),
    ("father_name", N_("Father's name")), ("birth_date", N_("Birth date")),
    ("gender", N_("Gender")), ("mobile", N_("Mobile")), ("county", N_("County")),
    ("file_number", N_("File number")), ("stage", N_("Stage")),
    ("facilitator", N_("Facilitator")),
)


def _codes(labelled: type[Labelled]) -> str:
    return "، ".join(f"{member.value} ({member.label})" for member in labelled)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", default="", metavar=tr("TEXT"),
                        help=tr("name, national code, mobile or file number, or a part of it"))
    parser.add_argument("--limit", default=str(DEFAULT_LIMIT), metavar="N",
                        help=tr("at most N clients (default {count})", count=DEFAULT_LIMIT))
    parser.add_argument("--format", default="table", metavar="|".join(FORMATS),
                        help=tr("table to read in the terminal; csv for Excel (UTF-8 with a "
                                "byte-order mark so Excel on Windows shows the Persian "
                                "correctly; codes and dates in Persian digits so Excel keeps "
                                "them as they are); json for other programs"))
    parser.add_argument("--out", type=Path, metavar=tr("FILE"),
                        help=tr("write to this file instead of the screen"))
    parser.add_argument("--county", metavar=tr("COUNTY"), help=tr("county code or name"))
    parser.add_argument("--stage", metavar=tr("STAGE"), help=tr(
        "stage of the client's case: {stages}; closed: closed early; no_case: no open case",
        stages=_codes(Stage)))
    parser.add_argument("--target-group", metavar=tr("GROUP"),
                        help=tr("target group: {groups}", groups=_codes(TargetGroup)))
    parser.add_argument("--facilitator", metavar=tr("USER"),
                        help=tr("user name of the facilitator of the open case"))
    parser.add_argument("--program", metavar=tr("CODE"), help=tr("code of the funding program"))
    parser.add_argument("--sort", default=ClientSort.NAME.value,
                        metavar="|".join(s.value for s in ClientSort), help=tr("order of rows"))
    parser.add_argument("--descending", action="store_true", help=tr("reverse the order"))


def _choice(value: str, allowed: tuple[str, ...] | list[str], option: str) -> str:
    if value not in allowed:
        raise KarsazError("{option} must be one of: {choices}.", option=option,
                          choices=", ".join(allowed))
    return value


def _limit(text: str) -> int:
    try:
        limit = int(text)
    except ValueError:
        limit = 0
    if limit < 1:
        raise KarsazError("--limit must be a whole number of at least 1.")
    return limit


def _county(text: str) -> str:
    for county in reference.counties():
        if text == county.code or search_key(text) == search_key(county.name_fa):
            return county.code
    raise KarsazError("There is no county «{county}»; give its four-digit code or its name.",
                      county=text)


def client_filter(db: Database, args: argparse.Namespace) -> ClientFilter:
    """The filters the options ask for, each checked with a Persian message."""
    facilitator_id = program_id = None
    if args.facilitator:
        users = {u.username: u.id for u in list_users(db, SYSTEM)}
        if args.facilitator.strip().lower() not in users:
            raise KarsazError("There is no user «{username}».", username=args.facilitator)
        facilitator_id = users[args.facilitator.strip().lower()]
    if args.program:
        programs = {p.code: p.id for p in list_programs(db, SYSTEM)}
        code = args.program.strip().upper()
        _choice(code, sorted(programs), "--program")
        program_id = programs[code]
    return ClientFilter(
        text=args.search,
        county_code=_county(args.county) if args.county else None,
        target_group=_choice(args.target_group, [g.value for g in TargetGroup],
                             "--target-group") if args.target_group else None,
        stage=_choice(args.stage, STAGES, "--stage") if args.stage else None,
        facilitator_id=facilitator_id, program_id=program_id)


def _rows(db: Database, filters: ClientFilter, sort: ClientSort, descending: bool,
          limit: int) -> Iterator[ClientRow]:
    offset = 0
    while offset < limit:
        window = client_rows(db, SYSTEM, filters, sort=sort, descending=descending,
                             offset=offset, limit=min(WINDOW, limit - offset))
        yield from window
        if len(window) < WINDOW:
            return
        offset += len(window)


def _stage_label(row: ClientRow) -> str:
    if row.case_status == CaseStatus.CLOSED:
        return CaseStatus.CLOSED.label
    return Stage(row.stage).label if row.stage else ""


def _record(row: ClientRow) -> dict[str, object]:
    """A row for JSON: stored values, Latin digits, ISO and Jalali dates, Persian labels."""
    return {
        "id": row.id, "national_code": row.national_code, "first_name": row.first_name,
        "last_name": row.last_name, "father_name": row.father_name,
        "birth_date": row.birth_date.isoformat() if row.birth_date else None,
        "birth_date_jalali": format_jalali(row.birth_date, persian_digits=False)
        if row.birth_date else None,
        "gender": row.gender, "mobile": row.mobile or None, "county_code": row.county_code,
        "county_name": row.county_name, "file_number": row.file_number,
        "stage": row.stage, "case_status": row.case_status,
        "stage_label": _stage_label(row) or None, "facilitator": row.facilitator_name or None,
    }


def _shown(row: ClientRow) -> list[str]:
    """A row as people read it: Persian digits, Jalali dates, Persian labels."""
    return [
        to_persian_digits(row.national_code), row.full_name, row.father_name,
        format_jalali(row.birth_date) if row.birth_date else "",
        Gender(row.gender).label, to_persian_digits(row.mobile), row.county_name,
        to_persian_digits(row.file_number), _stage_label(row), row.facilitator_name,
    ]


def _width(text: str) -> int:
    # ZWNJ and vowel marks take no room on the screen: counting them would misalign columns.
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)


def _table(rows: list[ClientRow], total: int, out: TextIO) -> None:
    lines = [[tr(header) for _, header in COLUMNS]]
    lines += [[cell or MISSING for cell in _shown(row)] for row in rows]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(COLUMNS))]
    for number, line in enumerate(lines):
        out.write("  ".join(cell + " " * (width - _width(cell))
                            for cell, width in zip(line, widths, strict=True)).rstrip() + "\n")
        if number == 0:
            out.write("  ".join("-" * width for width in widths) + "\n")
    out.write(tr("{shown} of {total} clients", shown=len(rows), total=total) + "\n")


def _csv(rows: list[ClientRow], out: TextIO) -> None:
    out.write("\ufeff")
    # "\n": a Windows console or file opened in text mode makes it "\r\n" itself.
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([tr(header) for _, header in COLUMNS])
    writer.writerows(_shown(row) for row in rows)


def cmd_clients_list(db: Database, args: argparse.Namespace) -> int:
    output = _choice(args.format, FORMATS, "--format")
    sort = ClientSort(_choice(args.sort, [s.value for s in ClientSort], "--sort"))
    limit = _limit(args.limit)
    filters = client_filter(db, args)
    total = count_clients(db, SYSTEM, filters)
    rows = list(_rows(db, filters, sort, args.descending, min(limit, total)))
    out = args.out.open("w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        if output == "json":
            json.dump([_record(row) for row in rows], out, ensure_ascii=False, indent=1)
            out.write("\n")
        elif output == "csv":
            _csv(rows, out)
        else:
            _table(rows, total, out)
    finally:
        if args.out:
            out.close()
    return 0


