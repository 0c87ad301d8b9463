"""Renders every page of every printed form for one demo client, and of a women's group's
documents for one demo cooperative, into docs/forms/ (PNG).

    .venv/bin/python tools/form_pictures.py [OUT_DIR]

A small demo office is made in a temporary folder; the client is the first whose open case is
in follow-up with a visit done and a service given, so every form has something to show; the
group is its first cooperative.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import exists, select

from desktop.database import open_database
from desktop.domain.forms import FormKind
from desktop.domain.women_groups import WomenGroupForm
from desktop.models.cases import Benefit, EmploymentCase, MonitoringVisit
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, make_demo_office
from desktop.services.printing import print_forms
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
            subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / kind.value)],
                           check=True)
            print(f"{kind.value}: {result.pages} page(s)")
        group = list_women_groups(db, admin)[0]
        for form in WomenGroupForm:
            pdf = Path(tmp) / f"{form.value}.pdf"
            result = print_women_group(db, admin, group.id, form, pdf)
            subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / form.value)],
                           check=True)
            print(f"{form.value}: {result.pages} page(s)")
        db.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/forms"))
