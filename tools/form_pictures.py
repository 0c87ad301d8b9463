"""Renders every page of every printed form for one demo client, of every document of one
demo micro-finance group and of one demo cooperative, into docs/forms/ (PNG).

    .venv/bin/python tools/form_pictures.py [OUT_DIR]

A small demo office is made in a temporary folder; the client is the first whose open case is
in follow-up with a visit done and a service given, so every form has something to show; the
group is the first with a shared-out cycle behind it and meetings in the current one. Its
passbook is of a member behind with a repayment (else one with a loan), its minutes of the
latest meeting that lent, its share-out sheet of the cycle last shared out. The cooperative is
the first of the women's groups; the solar income statement is of a beneficiary of the first
plant with something deducted or carried.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import exists, select

from desktop.actor import Actor
from desktop.database import Database, open_database
from desktop.domain.forms import FormKind
from desktop.domain.group_documents import GroupDocument
from desktop.domain.women_groups import WomenGroupForm
from desktop.fa.jalali import gregorian_to_jalali
from desktop.models.cases import Benefit, EmploymentCase, MonitoringVisit
from desktop.models.groups import CommunityGroup, GroupCycle, GroupMeeting
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, make_demo_office
from desktop.services.group_overview import group_overview
from desktop.services.group_printing import print_group_document
from desktop.services.printing import print_forms
from desktop.services.solar_plants import list_plants
from desktop.services.solar_run_records import run_lines, runs_of_plant
from desktop.services.solar_statements import print_statement
from desktop.services.women_overview import list_women_groups
from desktop.services.women_printing import print_women_group


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="karsaz-forms-") as tmp:
        db = open_database(data_dir=Path(tmp) / "office")
        make_demo_office(db, clients=300, seed=1403)
        admin = sign_in(db, "admin", DEMO_PASSWORD)
        with db.reading() as session:
            client_id = session.scalar(
                select(EmploymentCase.client_id)
                .where(EmploymentCase.stage == "follow_up", EmploymentCase.status == "open",
                       exists().where(Benefit.case_id == EmploymentCase.id),
                       exists().where(MonitoringVisit.case_id == EmploymentCase.id,
                                      MonitoringVisit.done_on.is_not(None)))
                .order_by(EmploymentCase.id).limit(1))
        for old in out.glob("*.png"):
            old.unlink()
        for kind in FormKind:
            pdf = Path(tmp) / f"{kind.value}.pdf"
            result = print_forms(db, admin, [client_id], kind, pdf)
            _pictures(pdf, out / kind.value)
            print(f"{kind.value}: {result.pages} page(s)")
        _group_pictures(db, admin, Path(tmp), out)
        _women_group_pictures(db, admin, Path(tmp), out)
        _solar_pictures(db, admin, Path(tmp), out)
        db.dispose()


def _pictures(pdf: Path, prefix: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(prefix)], check=True)


def _group_pictures(db: Database, admin: Actor, tmp: Path, out: Path) -> None:
    with db.reading() as session:
        group_id = session.scalar(
            select(CommunityGroup.id)
            .where(exists().where(GroupCycle.group_id == CommunityGroup.id,
                                  GroupCycle.status == "shared_out"),
                   exists().where(GroupCycle.group_id == CommunityGroup.id,
                                  GroupCycle.status == "open",
                                  exists().where(GroupMeeting.cycle_id == GroupCycle.id)))
            .order_by(CommunityGroup.code).limit(1))
    books = group_overview(db, admin, group_id).books
    late = [loan for loan in books.loans if loan.state.arrears]
    member_id = (late or books.loans)[0].member_id
    lent_on = max(loan.disbursed_on for loan in books.loans)
    options = {
        GroupDocument.PASSBOOK: dict(member_id=member_id),
        GroupDocument.REGISTER: {},
        GroupDocument.MINUTES: dict(meeting_on=lent_on),
        GroupDocument.SHAREOUT: dict(cycle_number=books.cycle.number - 1),
    }
    for kind, chosen in options.items():
        pdf = tmp / f"group-{kind.value}.pdf"
        result = print_group_document(db, admin, group_id, kind, pdf, **chosen)
        _pictures(pdf, out / f"group-{kind.value}")
        print(f"group-{kind.value}: {result.pages} page(s)")


def _women_group_pictures(db: Database, admin: Actor, tmp: Path, out: Path) -> None:
    group = list_women_groups(db, admin)[0]
    for form in WomenGroupForm:
        pdf = tmp / f"{form.value}.pdf"
        result = print_women_group(db, admin, group.id, form, pdf)
        _pictures(pdf, out / form.value)
        print(f"{form.value}: {result.pages} page(s)")


def _solar_pictures(db: Database, admin: Actor, tmp: Path, out: Path) -> None:
    """The yearly income statement of a beneficiary of the first plant with a deduction or
    an arrear in its latest approved month, so that every column has something."""
    plant = list_plants(db, admin)[0]
    run = [r for r in runs_of_plant(db, admin, plant.id) if r.approved][-1]
    lines = run_lines(db, admin, run.id)
    person = max(lines, key=lambda line: (line.debt_before > 0 or line.deductions > 0,
                                          line.adjustments != 0, line.payable))
    pdf = tmp / "solar-statement.pdf"
    year = gregorian_to_jalali(run.month).year
    result = print_statement(db, admin, person.national_code, year, pdf)
    _pictures(pdf, out / "solar-statement")
    print(f"solar-statement: {result.pages} page(s)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/forms"))
