"""The ``karsaz`` command: the GUI, and everything an operator or a scheduled task runs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__, paths
from desktop.errors import KarsazError
from desktop.i18n import tr

if TYPE_CHECKING:
    from desktop.database import Database


def _reconfigure_streams() -> None:
    # A Windows console defaults to a legacy code page; Persian messages need UTF-8.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


def _open(args: argparse.Namespace) -> Database:
    from desktop.database import open_database

    return open_database(args.database_url, data_dir=args.data_dir)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.views.app import run_gui

    return run_gui(args.database_url, args.data_dir)


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.services.office import initialize_office

    password = Path(args.password_file).read_text(encoding="utf-8").rstrip("\r\n")
    db = _open(args)
    try:
        office = initialize_office(
            db, province_code=args.province, county_code=args.county, office_name=args.office,
            admin_username=args.admin, admin_full_name=args.admin_name or args.admin,
            admin_password=password,
        )
    finally:
        db.dispose()
    print(tr("Office «{office}» is ready in {county}, {province}.", office=office.name,
             county=office.county_name, province=office.province_name))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services.demo import make_demo_office

    db = _open(args)
    try:
        demo = make_demo_office(db, clients=args.clients, seed=args.seed)
    finally:
        db.dispose()
    print(tr("Demo office «{office}» made with {count} clients.", office=demo.office.name,
             count=demo.clients))
    print(tr("Sign in as {username} with the password {password}", username=demo.admin_username,
             password=demo.password))
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        message = tr("Give the size as WIDTHxHEIGHT, e.g. 1280x800.")
        raise argparse.ArgumentTypeError(message) from None
    return width, height


def cmd_screenshot(args: argparse.Namespace) -> int:
    from desktop.views import screenshot

    if args.list:
        print("\n".join(screenshot.list_views()))
        return 0
    if not args.out or not (args.view or args.all):
        raise KarsazError("Give --view NAME and --out FILE.png, --all --out FOLDER, or --list.")
    db = _open(args) if (args.database_url or args.data_dir) else None
    if args.all:
        for out in screenshot.render_all(Path(args.out), db):
            print(out)
        return 0
    print(screenshot.render_view(args.view, Path(args.out), args.size, db))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.services.integrity import run_checks

    db = _open(args)
    try:
        results = run_checks(db)
    finally:
        db.dispose()
    for result in results:
        mark = tr("ok") if result.ok else tr("FAILED")
        print(f"{mark}\t{result.name}" + (f"\t{result.detail}" if result.detail else ""))
    return 0 if all(r.ok for r in results) else 1


def cmd_clients_list(args: argparse.Namespace) -> int:
    from desktop.cli_clients import cmd_clients_list as list_clients

    db = _open(args)
    try:
        return list_clients(db, args)
    finally:
        db.dispose()


def cmd_print_client(args: argparse.Namespace) -> int:
    from desktop.cli_print import cmd_print_client as print_client

    db = _open(args)
    try:
        return print_client(db, args)
    finally:
        db.dispose()


def cmd_groups_print(args: argparse.Namespace) -> int:
    from desktop.cli_group_print import cmd_groups_print as print_document

    db = _open(args)
    try:
        return print_document(db, args)
    finally:
        db.dispose()


def cmd_groups(args: argparse.Namespace) -> int:
    from desktop import cli_groups

    db = _open(args)
    try:
        return getattr(cli_groups, args.groups_handler)(db, args)
    finally:
        db.dispose()


def cmd_solar(args: argparse.Namespace) -> int:
    from desktop import cli_solar

    db = _open(args)
    try:
        return getattr(cli_solar, args.solar_handler)(db, args)
    finally:
        db.dispose()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="karsaz", description=tr("Karsaz employment desk"))
    parser.add_argument("--version", action="version", version=f"karsaz {__version__}")
    parser.add_argument("--data-dir", type=Path, help=tr("folder for the database and backups"))
    parser.add_argument("--database-url", help=tr("SQLAlchemy URL of the database"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str):
        sub = commands.add_parser(name, help=help_text)
        sub.set_defaults(handler=handler)
        return sub

    command("gui", cmd_gui, tr("open the application window"))
    init = command("init", cmd_init, tr("set up a new office"))
    init.add_argument("--province", required=True, help=tr("two-digit province code"))
    init.add_argument("--county", required=True, help=tr("four-digit county code"))
    init.add_argument("--office", required=True, help=tr("office name"))
    init.add_argument("--admin", required=True, help=tr("administrator user name"))
    init.add_argument("--admin-name", help=tr("administrator full name"))
    init.add_argument("--password-file", required=True,
                      help=tr("file holding the administrator password"))
    demo = command("demo", cmd_demo, tr("make a demo office"))
    demo.add_argument("--clients", type=int, default=2000, help=tr("number of clients"))
    demo.add_argument("--seed", type=int, default=1403, help=tr("seed of the random data"))
    shot = command("screenshot", cmd_screenshot, tr("render a view to a PNG file"))
    shot.add_argument("--list", action="store_true", help=tr("list the views"))
    shot.add_argument("--view", help=tr("name of the view"))
    shot.add_argument("--all", action="store_true", help=tr("every view, into the folder --out"))
    shot.add_argument("--out", help=tr("PNG file to write"))
    shot.add_argument("--size", type=_size, help=tr("WIDTHxHEIGHT"))
    command("check", cmd_check, tr("check the integrity and schema of the database"))
    clients = commands.add_parser("clients", help=tr("the client registry"))
    clients_commands = clients.add_subparsers(dest="clients_command", metavar="COMMAND",
                                              required=True)
    listing = clients_commands.add_parser(
        "list", help=tr("list clients, searched and filtered, as a table, CSV or JSON"))
    listing.set_defaults(handler=cmd_clients_list)
    _clients_list_arguments(listing)
    groups = commands.add_parser("groups", help=tr("micro-finance groups, women's groups and "
                                                   "cooperatives"))
    groups_commands = groups.add_subparsers(dest="groups_command", metavar="COMMAND",
                                            required=True)
    group_list = groups_commands.add_parser(
        "list", help=tr("the groups with their members, savings and grade"))
    group_list.set_defaults(handler=cmd_groups, groups_handler="cmd_list")
    shareout = groups_commands.add_parser(
        "shareout", help=tr("what each member would be paid if the cycle were shared out"))
    shareout.set_defaults(handler=cmd_groups, groups_handler="cmd_shareout")
    _groups_arguments(group_list, shareout)
    group_document = groups_commands.add_parser("print", help=tr("a group's document as PDF"))
    group_document.set_defaults(handler=cmd_groups_print)
    _groups_print_arguments(group_document)
    _solar_commands(commands)
    printing = commands.add_parser("print", help=tr("print forms as PDF files"))
    printing_commands = printing.add_subparsers(dest="print_command", metavar="COMMAND",
                                                required=True)
    client_form = printing_commands.add_parser("client", help=tr("a form of one client"))
    client_form.set_defaults(handler=cmd_print_client)
    _print_client_arguments(client_form)
    _export_commands(commands)
    return parser


def _export_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from desktop import cli_export, cli_import

    cli_export.add_commands(commands)
    cli_import.add_commands(commands)


def _solar_commands(commands) -> None:
    from desktop.cli_solar import add_arguments

    solar = commands.add_parser("solar", help=tr("solar plants, allocations and payouts"))
    solar_commands = solar.add_subparsers(dest="solar_command", metavar="COMMAND",
                                          required=True)
    subs = []
    for name, handler, help_text in (
            ("plants", "cmd_plants", tr("the plants with their capacity and beneficiaries")),
            ("allocate", "cmd_allocate", tr("compute (and approve) a month's allocation")),
            ("payouts", "cmd_payouts", tr("the bank transfer list of an approved month")),
            ("statement", "cmd_statement", tr("a beneficiary's income statement as PDF"))):
        sub = solar_commands.add_parser(name, help=help_text)
        sub.set_defaults(handler=cmd_solar, solar_handler=handler)
        subs.append(sub)
    add_arguments(*subs)


def _clients_list_arguments(parser: argparse.ArgumentParser) -> None:
    from desktop.cli_clients import add_arguments

    add_arguments(parser)


def _groups_arguments(listing: argparse.ArgumentParser,
                      shareout: argparse.ArgumentParser) -> None:
    from desktop.cli_groups import add_list_arguments, add_shareout_arguments

    add_list_arguments(listing)
    add_shareout_arguments(shareout)


def _print_client_arguments(parser: argparse.ArgumentParser) -> None:
    from desktop.cli_print import add_arguments

    add_arguments(parser)


def _groups_print_arguments(parser: argparse.ArgumentParser) -> None:
    from desktop.cli_group_print import add_arguments

    add_arguments(parser)


def main(argv: Sequence[str] | None = None) -> int:
    _reconfigure_streams()
    args = build_parser().parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except KarsazError as exc:
        print(tr("Error: {message}", message=exc.message), file=sys.stderr)
        return 2
    except OSError as exc:
        print(tr("Error: {message}", message=str(exc)), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
