"""``karsaz export …`` and ``karsaz receive``: sending data to headquarters from the command line
(and the Windows Task Scheduler), checking a package, and the reference receiver."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr

STATUS_LABELS = {"made": N_("made"), "sent": N_("sent"), "acknowledged": N_("acknowledged"),
                 "failed": N_("failed"), "superseded": N_("superseded")}


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser("export", help=tr("send the office's data to headquarters"))
    sub = export.add_subparsers(dest="export_command", metavar="COMMAND", required=True)
    run = sub.add_parser("run", help=tr("send every change since the last acknowledged batch"))
    run.add_argument("--to", help=tr("a folder, or the https:// address of the receiver "
                                     "(default: the schedule's)"))
    run.add_argument("--if-due", action="store_true",
                     help=tr("only if a scheduled export is due (for the Task Scheduler)"))
    run.add_argument("--full", action="store_true", help=tr("send a full snapshot"))
    run.set_defaults(handler=cmd_run)
    status = sub.add_parser("status", help=tr("the batches sent and the next scheduled export"))
    status.add_argument("--limit", type=int, default=20, help=tr("how many batches to list"))
    status.set_defaults(handler=cmd_status)
    key = sub.add_parser("public-key", help=tr("write the office's public key for "
                                               "headquarters"))
    key.add_argument("--out", required=True, type=Path, help=tr("file to write"))
    key.set_defaults(handler=cmd_public_key)
    verify = sub.add_parser("verify", help=tr("check a package's signature, hashes and "
                                              "records"))
    verify.add_argument("package", type=Path, help=tr("the package (.zip)"))
    verify.add_argument("--public-key", required=True, type=Path,
                        help=tr("the office's public key"))
    verify.add_argument("--private-key", type=Path,
                        help=tr("headquarters' X25519 private key, for a sealed package"))
    verify.set_defaults(handler=cmd_verify)
    seal_to = sub.add_parser("seal-to", help=tr("seal every package from now on to "
                                                "headquarters' public key"))
    seal_to.add_argument("public_key", type=Path, nargs="?",
                         help=tr("headquarters' X25519 public key (PEM)"))
    seal_to.add_argument("--off", action="store_true", help=tr("stop sealing packages"))
    seal_to.set_defaults(handler=cmd_seal_to)
    receive = commands.add_parser("receive", help=tr("the reference receiver of packages"))
    receive.add_argument("--listen", required=True, help=tr("HOST:PORT to listen on"))
    receive.add_argument("--store", required=True, type=Path,
                         help=tr("folder for the batches and the reconstructed state"))
    receive.add_argument("--public-key", required=True, type=Path,
                         help=tr("the office's public key"))
    receive.add_argument("--private-key", type=Path,
                         help=tr("headquarters' X25519 private key, for sealed packages"))
    receive.add_argument("--tls-cert", type=Path, help=tr("certificate chain (PEM) to serve "
                                                          "HTTPS with"))
    receive.add_argument("--tls-key", type=Path, help=tr("the certificate's private key (PEM)"))
    receive.set_defaults(handler=cmd_receive)


def _open(args: argparse.Namespace):
    from desktop.database import open_database

    return open_database(args.database_url, data_dir=args.data_dir)


def cmd_run(args: argparse.Namespace) -> int:
    from desktop.services.export_run import RunStatus, run_export

    db = _open(args)
    try:
        outcome = run_export(db, target=args.to, full=args.full, if_due=args.if_due)
    finally:
        db.dispose()
    for batch in outcome.batches:
        print(_batch_line(batch))
    print(outcome.message)
    return 1 if outcome.status == RunStatus.FAILED else 0


def _when(at: dt.datetime | None) -> str:
    if at is None:
        return "—"
    local = at.astimezone()
    return f"{format_jalali(local.date())} {to_persian_digits(local.strftime('%H:%M'))}"


def _batch_line(batch) -> str:  # a BatchInfo
    kind = tr("full") if batch.full else tr("changes")
    parts = [
        tr("batch {number}", number=batch.id), tr(STATUS_LABELS[batch.status]), kind,
        _when(batch.created_at),
        tr("{records} records, {tombstones} deleted", records=batch.records,
           tombstones=batch.tombstones),
        tr("{size} KB", size=max(1, batch.size // 1024)),
    ]
    if batch.target:
        parts.append(batch.target)
    if batch.reason:
        parts.append(batch.reason)
    return "  ".join(parts)


def cmd_status(args: argparse.Namespace) -> int:
    from desktop.services.export_batches import batch_history, watermark
    from desktop.services.export_schedule import last_success, next_export_at

    db = _open(args)
    try:
        history = batch_history(db, limit=args.limit)
        print(tr("Last acknowledged: {when}", when=_when(last_success(db))))
        upcoming = next_export_at(db)
        print(tr("Next scheduled export: {when}", when=_when(upcoming)) if upcoming
              else tr("No export schedule is set."))
        print(tr("Changes acknowledged up to number {number}.", number=watermark(db)))
    finally:
        db.dispose()
    for batch in history:
        print(_batch_line(batch))
    return 0


def cmd_public_key(args: argparse.Namespace) -> int:
    from desktop.services.export_keys import load_or_make_signing_key, private_key_path, public_pem

    db = _open(args)
    try:
        key = load_or_make_signing_key(private_key_path(db))
    finally:
        db.dispose()
    args.out.write_bytes(public_pem(key))
    print(tr("The office's public key is in {path}.", path=str(args.out)))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.services.export_keys import load_public_key
    from desktop.services.export_package import verify_package
    from desktop.services.export_seal import is_sealed, load_private, unseal

    package = args.package
    opened = None
    if is_sealed(package):
        if not args.private_key:
            raise KarsazError("The package is sealed: give --private-key, headquarters' key.")
        opened = package.with_name(package.name + ".opened")
        unseal(package, opened, load_private(args.private_key))
        package = opened
    try:
        result = verify_package(package, load_public_key(args.public_key))
    finally:
        if opened is not None:
            opened.unlink(missing_ok=True)
    if result.ok and result.manifest is not None:
        batch = result.manifest["batch"]
        print(tr("The package is intact: batch {number} of county {county}.",
                 number=batch["sequence"], county=result.manifest["office"]["county_code"]))
        return 0
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(tr("The package failed verification."), file=sys.stderr)
    return 1


def cmd_seal_to(args: argparse.Namespace) -> int:
    from desktop.models.tracking import SYSTEM
    from desktop.services.export_keys import set_headquarters_key

    if args.off == bool(args.public_key):
        raise KarsazError("Give headquarters' public key, or --off.")
    db = _open(args)
    try:
        set_headquarters_key(db, SYSTEM, None if args.off else args.public_key.read_bytes())
    finally:
        db.dispose()
    print(tr("Packages will not be sealed.") if args.off else
          tr("Packages will be sealed to headquarters' key."))
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from desktop.services.export_keys import load_public_key
    from desktop.services.export_receiver import ReceiverServer, ReceiverStore

    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit():
        raise KarsazError("Give --listen as HOST:PORT, e.g. 127.0.0.1:8765.")
    from desktop.services.export_seal import load_private

    private = load_private(args.private_key) if args.private_key else None
    store = ReceiverStore(args.store, load_public_key(args.public_key), private)
    server = ReceiverServer((host, int(port)), store, log=True)
    if args.tls_cert or args.tls_key:
        if not (args.tls_cert and args.tls_key):
            raise KarsazError("Give both --tls-cert and --tls-key.")
        server.use_tls(args.tls_cert, args.tls_key)
    print(tr("Receiving packages at {url}", url=server.url), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
