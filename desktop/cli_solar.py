"""``karsaz solar plants | allocate | payouts | statement``: solar income on the command line,
as the system. Periods are Jalali year and month (``1403-07``). JSON has Latin digits and
amounts in whole Rials; the tables are for reading in a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.domain.solar import PlantKind, format_period, kw_text, parse_period
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.services.solar_payouts import export_payouts
from desktop.services.solar_plants import list_plants
from desktop.services.solar_runs import allocate_period


def _period(text: str):
    try:
        return parse_period(text)
    except ValueError:
        raise KarsazError("The period is a Jalali year and month, e.g. 1403-07.") from None


def add_arguments(plants: argparse.ArgumentParser, allocate: argparse.ArgumentParser,
                  payouts: argparse.ArgumentParser, statement: argparse.ArgumentParser) -> None:
    plants.add_argument("--json", action="store_true", help=tr("JSON for other programs"))
    allocate.add_argument("--period", required=True,
                          help=tr("Jalali year and month, e.g. 1403-07"))
    allocate.add_argument("--plant", help=tr("one plant's code, e.g. SP-0707-001"))
    allocate.add_argument("--approve", action="store_true",
                          help=tr("approve the allocation (it is locked afterwards)"))
    allocate.add_argument("--json", action="store_true", help=tr("JSON for other programs"))
    payouts.add_argument("--period", required=True,
                         help=tr("Jalali year and month, e.g. 1403-07"))
    payouts.add_argument("--plant", help=tr("one plant's code, e.g. SP-0707-001"))
    payouts.add_argument("--out", required=True, type=Path,
                         help=tr("the file to write: .csv or .xlsx"))
    statement.add_argument("--client", required=True, help=tr("the client's national code"))
    statement.add_argument("--year", required=True, type=int, help=tr("Jalali year, e.g. 1403"))
    statement.add_argument("--month", type=int, help=tr("one month of the year (1–12)"))
    statement.add_argument("--out", required=True, type=Path, help=tr("PDF file to write"))


def cmd_plants(db: Database, args: argparse.Namespace) -> int:
    plants = list_plants(db, SYSTEM)
    if args.json:
        json.dump([{"code": p.code, "name": p.name, "kind": p.kind, "status": p.status,
                    "capacity_watts": p.capacity_watts, "shared_watts": p.shared_watts,
                    "beneficiaries": p.beneficiaries,
                    "commissioned_on": p.commissioned_on.isoformat()} for p in plants],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for p in plants:
        print(f"{p.code}  {p.name}  {PlantKind(p.kind).label}  "
              f"{tr('{kw} kW', kw=kw_text(p.capacity_watts))}  "
              f"{tr('{count} beneficiaries', count=to_persian_digits(p.beneficiaries))}")
    return 0


def cmd_allocate(db: Database, args: argparse.Namespace) -> int:
    month = _period(args.period)
    runs = allocate_period(db, SYSTEM, month, plant_code=args.plant, approve=args.approve)
    if args.json:
        json.dump({"period": format_period(month, persian_digits=False).replace("/", "-"),
                   "plants": [{"code": r.plant_code, "status": r.status, "received": r.received,
                               "costs": r.costs, "net": r.net, "adjustments": r.adjustments,
                               "allocated": r.allocated, "beneficiaries": r.beneficiaries,
                               "payees": r.payees, "payable": r.payable} for r in runs]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in runs:
        print(f"{r.plant_code}  {r.period}  {tr('net {amount}', amount=format_rials(r.net))}  "
              f"{tr('allocated {amount}', amount=format_rials(r.allocated))}  "
              f"{tr('{count} beneficiaries', count=to_persian_digits(r.beneficiaries))}  "
              f"{'✔ ' + tr('approved') if r.approved else tr('draft')}")
    return 0


def cmd_payouts(db: Database, args: argparse.Namespace) -> int:
    rows = export_payouts(db, SYSTEM, _period(args.period), args.out, plant_code=args.plant)
    print(tr("{count} transfers, {amount} in all: {path}",
             count=to_persian_digits(len(rows)),
             amount=format_rials(sum(r.amount for r in rows)), path=args.out))
    return 0


def cmd_statement(db: Database, args: argparse.Namespace) -> int:
    from desktop.services.solar_statements import print_statement

    path = print_statement(db, SYSTEM, args.client, args.year, args.out, month=args.month)
    print(path)
    return 0
