"""``karsaz print client NATIONAL_CODE --form KIND --out FILE.pdf``: a client's form as a PDF,
from the command line or a scheduled task.

The command runs as the system (every client is visible) through the same printing service as
the screens. A national code that is not valid, a client not registered, or a form the client
cannot have (a visit form with no job) is refused in Persian with exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.i18n import tr

FORMS = tuple(kind.value for kind in FormKind)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("national_code", metavar=tr("NATIONAL_CODE"),
                        help=tr("the client's national code, in Latin or Persian digits"))
    parser.add_argument("--form", required=True, metavar="|".join(FORMS), help=tr(
        "the form: {forms}", forms="، ".join(f"{k.value} ({k.label})" for k in FormKind)))
    parser.add_argument("--out", required=True, type=Path, metavar=tr("FILE.pdf"),
                        help=tr("the PDF file to write (replaced if it exists)"))


def cmd_print_client(db: Database, args: argparse.Namespace) -> int:
    # The forms engine loads fonts and shaping: only when printing, not for every command.
    from desktop.services.clients import find_by_national_code
    from desktop.services.printing import print_forms

    if args.form not in FORMS:
        raise KarsazError("{option} must be one of: {choices}.", option="--form",
                          choices=", ".join(FORMS))
    kind = FormKind(args.form)
    try:
        code = validate_national_code(args.national_code)
    except NationalCodeError as error:
        raise KarsazError("«{code}» is not a national code: {reason}", code=args.national_code,
                          reason=error.message) from None
    client = find_by_national_code(db, SYSTEM, code)
    if client is None:
        raise KarsazError("No client is registered with the national code {code}.",
                          code=to_persian_digits(code))
    # A form the client cannot have is refused by the service with the reason.
    result = print_forms(db, SYSTEM, [client.id], kind, args.out)
    print(tr("{form} of {name} written to {path} ({pages} pages).", form=kind.label,
             name=client.full_name, path=str(result.path), pages=result.pages))
    return 0
