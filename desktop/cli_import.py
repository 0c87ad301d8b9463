"""``karsaz import clients FILE``: an office's Excel list of clients registered from the command
line, as the system. Exit status 0 when every row was valid, 1 when some row was rejected (the
others imported, or none with --all-or-nothing), 2 when the file could not be imported at all."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imports = commands.add_parser("import", help=tr("register data from other files"))
    sub = imports.add_subparsers(dest="import_command", metavar="COMMAND", required=True)
    clients = sub.add_parser("clients", help=tr("register the clients of an Excel or CSV list"))
    clients.add_argument("file", type=Path, help=tr("the list (.xlsx, .xls, .ods or .csv)"))
    clients.add_argument("--dry-run", action="store_true",
                         help=tr("check every row and write nothing"))
    clients.add_argument("--all-or-nothing", action="store_true",
                         help=tr("import nothing if any row is rejected"))
    clients.add_argument("--report", type=Path,
                         help=tr("write the rejected rows and their reasons to this .xlsx"))
    clients.add_argument("--json", action="store_true", help=tr("JSON for other programs"))
    clients.set_defaults(handler=cmd_import_clients)


class _StderrProgress:
    """Progress lines on standard error, one each time the work moves on."""

    cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        print(f"{text}: {to_persian_digits(done)}/{to_persian_digits(total)}", file=sys.stderr,
              flush=True)

    def check_cancelled(self) -> None:
        pass


def cmd_import_clients(args: argparse.Namespace) -> int:
    from desktop.actor import SYSTEM
    from desktop.cli import _open
    from desktop.services.client_import import import_clients
    from desktop.services.client_import_read import read_sheet
    from desktop.services.client_import_report import write_report

    sheet = read_sheet(args.file)
    db = _open(args)
    try:
        result = import_clients(db, SYSTEM, sheet, dry_run=args.dry_run,
                                all_or_nothing=args.all_or_nothing, source=args.file.name,
                                control=_StderrProgress())
    finally:
        db.dispose()
    if args.report:
        write_report(result, sheet.headers, args.report)
    if args.json:
        json.dump({"file": str(args.file), "rows": result.total, "valid": result.valid,
                   "imported": result.imported, "rejected": len(result.rejected),
                   "dry_run": result.dry_run, "all_or_nothing": result.all_or_nothing,
                   "refused": result.refused,
                   "columns": dict(zip(sheet.headers, sheet.mapping, strict=True)),
                   "rejected_rows": [{"row": r.excel_row, "reasons": list(r.reasons)}
                                     for r in result.rejected]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print_summary(result)
    return 1 if result.rejected else 0


def _print_summary(result) -> None:  # an ImportResult
    for row in result.rejected[:50]:
        print(tr("Row {row}: {reasons}", row=row.excel_row, reasons="؛ ".join(row.reasons)))
    if len(result.rejected) > 50:
        print(tr("… and {count} more rejected rows (see --report).",
                 count=len(result.rejected) - 50))
    if result.dry_run:
        print(tr("Dry run: {valid} of {total} rows can be imported, {rejected} are rejected; "
                 "nothing was written.", valid=result.valid, total=result.total,
                 rejected=len(result.rejected)))
    elif result.refused:
        print(tr("Nothing was imported: {rejected} rows are rejected and all or nothing was "
                 "asked for.", rejected=len(result.rejected)))
    else:
        print(tr("{imported} clients imported, {rejected} rows rejected.",
                 imported=result.imported, rejected=len(result.rejected)))
