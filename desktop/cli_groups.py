"""``karsaz groups list`` and ``karsaz groups shareout CODE``: micro-finance groups on the
command line, as the system (every group visible). JSON has Latin digits and amounts in Rials;
the table is for reading in a terminal."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.domain.groups import GroupKind
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import parse_jalali
from desktop.fa.money import format_rials
from desktop.i18n import tr
from desktop.services.group_overview import list_groups
from desktop.services.group_shareout import preview_shareout
from desktop.services.groups import find_group


def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", default=GroupKind.MICROFINANCE.value,
                        choices=[k.value for k in GroupKind], help=tr("kind of group"))
    parser.add_argument("--json", action="store_true", help=tr("JSON for other programs"))
    parser.add_argument("--search", default="", help=tr("code, name or village, or a part"))


def add_shareout_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help=tr("the group's code, e.g. MF-0707-0001"))
    parser.add_argument("--on", help=tr("the share-out's date, Jalali (default today)"))
    parser.add_argument("--json", action="store_true", help=tr("JSON for other programs"))


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    rows = list_groups(db, SYSTEM, text=args.search)
    if args.json:
        json.dump([{"code": r.code, "name": r.name, "members": r.members,
                    "savings": r.savings, "loans_outstanding": r.loans_outstanding,
                    "score": r.score, "grade": r.grade} for r in rows],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        print(f"{r.code}  {r.name}  {tr('{count} members', count=r.members)}  "
              f"{format_rials(r.savings)}  {to_persian_digits(r.score)} {r.grade}")
    return 0


def cmd_shareout(db: Database, args: argparse.Namespace) -> int:
    on = parse_jalali(args.on) if args.on else None
    group = find_group(db, SYSTEM, args.code)
    preview = preview_shareout(db, SYSTEM, group.id, on=on)
    if args.json:
        value = preview.value_per_share
        json.dump({
            "group": preview.group_code, "cycle": preview.cycle_number,
            "on": preview.on.isoformat(), "share_price": preview.share_price,
            "distributable": preview.distributable, "total_shares": preview.total_shares,
            "value_per_share": round(float(value), 2) if value is not None else None,
            "social_fund": preview.social_fund,
            "open_loans": [{"name": loan.name, "outstanding": loan.outstanding}
                           for loan in preview.open_loans],
            "members": [{"national_code": line.national_code, "name": line.name,
                         "shares": line.shares, "payout": line.payout}
                        for line in preview.lines],
        }, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(tr("Distributable: {amount}", amount=format_rials(preview.distributable)))
    for line in preview.lines:
        print(f"{line.name}  {to_persian_digits(line.shares)}  {format_rials(line.payout)}")
    return 0
