"""``karsaz groups print CODE --document KIND --out FILE.pdf``: a group's document as a PDF, from
the command line or a scheduled task — a micro-finance group's passbooks, register, minutes or
share-out sheet, a women's group's profile or member list.

The command runs as the system (every group is visible) through the same printing service as
the screens. ``--member`` names one member's passbook by national code (without it, every
member's passbook of the cycle is printed, one after another); ``--meeting`` the Jalali date of
the meeting whose minutes to print; ``--cycle`` an earlier cycle (the current one otherwise).
An unknown group, member or meeting is refused in Persian with exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.actor import SYSTEM
from desktop.database import Database
from desktop.domain.group_documents import GroupDocument
from desktop.domain.women_groups import WomenGroupForm
from desktop.errors import KarsazError, NotFound
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import JalaliDateError, parse_jalali
from desktop.fa.national_code import NationalCodeError, validate_national_code
from desktop.i18n import tr

WOMENS_DOCUMENTS = tuple(kind.value for kind in WomenGroupForm)
DOCUMENTS = (*(kind.value for kind in GroupDocument), *WOMENS_DOCUMENTS)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar=tr("CODE"),
                        help=tr("the group's code, e.g. MF-0707-0001 or MH-0707-0001"))
    parser.add_argument("--document", required=True, metavar="|".join(DOCUMENTS), help=tr(
        "the document: {documents}",
        documents="، ".join(f"{k.value} ({k.label})" for k in (*GroupDocument, *WomenGroupForm))))
    parser.add_argument("--member", metavar=tr("NATIONAL_CODE"),
                        help=tr("the member whose passbook to print (every member's without it)"))
    parser.add_argument("--meeting", metavar=tr("DATE"),
                        help=tr("the Jalali date of the meeting whose minutes to print, "
                                "e.g. 1403/02/12"))
    parser.add_argument("--cycle", type=int, metavar="N",
                        help=tr("an earlier cycle's number (the current cycle without it)"))
    parser.add_argument("--out", required=True, type=Path, metavar=tr("FILE.pdf"),
                        help=tr("the PDF file to write (replaced if it exists)"))


def _member_id(db: Database, group_id: int, group_code: str, typed: str) -> int:
    from desktop.services.group_members import group_members

    try:
        code = validate_national_code(typed)
    except NationalCodeError as error:
        raise KarsazError("«{code}» is not a national code: {reason}", code=typed,
                          reason=error.message) from None
    for member in group_members(db, SYSTEM, group_id):
        if member.national_code == code:
            return member.id
    raise KarsazError("The group {group} has no member with the national code {code}.",
                      group=group_code, code=to_persian_digits(code))


def cmd_groups_print(db: Database, args: argparse.Namespace) -> int:
    # The forms engine loads fonts and shaping: only when printing, not for every command.
    from desktop.services.group_printing import print_group_document
    from desktop.services.groups import find_group

    if args.document not in DOCUMENTS:
        raise KarsazError("{option} must be one of: {choices}.", option="--document",
                          choices=", ".join(DOCUMENTS))
    if args.document in WOMENS_DOCUMENTS:
        return _print_womens(db, args, WomenGroupForm(args.document))
    kind = GroupDocument(args.document)
    if args.member and kind != GroupDocument.PASSBOOK:
        raise KarsazError("{option} is only for {document}.", option="--member",
                          document=GroupDocument.PASSBOOK.value)
    if args.meeting and kind != GroupDocument.MINUTES:
        raise KarsazError("{option} is only for {document}.", option="--meeting",
                          document=GroupDocument.MINUTES.value)
    meeting_on = None
    if kind == GroupDocument.MINUTES:
        if not args.meeting:
            raise KarsazError("Give the meeting's date with {option}.", option="--meeting")
        try:
            meeting_on = parse_jalali(args.meeting)
        except JalaliDateError as error:
            raise KarsazError("«{date}» is not a date: {reason}", date=args.meeting,
                              reason=error.message) from None
    try:
        group = find_group(db, SYSTEM, args.code)
    except NotFound:
        raise KarsazError("No group has the code {code}.", code=args.code) from None
    member_id = _member_id(db, group.id, group.code, args.member) if args.member else None
    result = print_group_document(db, SYSTEM, group.id, kind, args.out, member_id=member_id,
                                  meeting_on=meeting_on, cycle_number=args.cycle)
    print(tr("{document} of the group {name} written to {path} ({pages} pages).",
             document=kind.label, name=group.name, path=str(result.path), pages=result.pages))
    return 0


def _print_womens(db: Database, args: argparse.Namespace, kind: WomenGroupForm) -> int:
    """A women's group's profile or member list, as of today."""
    from desktop.services.women_groups import find_women_group
    from desktop.services.women_printing import print_women_group

    for option, given in (("--member", args.member), ("--meeting", args.meeting),
                          ("--cycle", args.cycle)):
        if given:
            raise KarsazError("{option} is only for a micro-finance group's documents.",
                              option=option)
    try:
        group = find_women_group(db, SYSTEM, args.code)
    except NotFound:
        raise KarsazError("No women's group or cooperative has the code {code}.",
                          code=args.code) from None
    result = print_women_group(db, SYSTEM, group.id, kind, args.out)
    print(tr("{document} of the group {name} written to {path} ({pages} pages).",
             document=kind.label, name=group.name, path=str(result.path), pages=result.pages))
    return 0
