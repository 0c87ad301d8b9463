"""Screenshots of the client form and its dialogs, on clients whose cases are built through the
services (referral, stages, services, visits) relative to the clock, once per database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.clock import today
from desktop.database import Database
from desktop.fa.digits import to_persian_digits
from desktop.models.tracking import Actor
from desktop.services import benefits, cases, clients, monitoring
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.programs import list_programs
from desktop.views.widgets.choices import select_bool

# code, first, last, father, birth, stage the case reaches ("" for no case)
SHOT_CLIENTS = {
    "followed": ("2273154860", "فاطمه", "نوروزی", "حسن", dt.date(1986, 4, 12), "follow_up"),
    "at_model": ("2273409184", "رضا", "کریمی", "محمود", dt.date(1992, 9, 3), "model"),
    "no_case": ("2273526709", "لیلا", "صادقی", "عباس", dt.date(1979, 1, 20), ""),
}
NEW_CODE = "2273611854"


def _user(db: Database, name: str) -> Actor:
    return sign_in(db, name, DEMO_PASSWORD)


def shot_client(db: Database, key: str) -> int:
    """The id of demo client ``key`` of SHOT_CLIENTS, registered with its case once."""
    code, first, last, father, birth, _stage = SHOT_CLIENTS[key]
    expert = _user(db, "expert")
    found = clients.find_by_national_code(db, expert, code)
    if found is not None:
        return found.id
    record = clients.create_client(db, expert, clients.ClientInput(
        national_code=code, first_name=first, last_name=last, father_name=father,
        birth_date=birth, gender="female" if key != "at_model" else "male", county_code="0707",
        mobile="09171234567", address="شیراز، خیابان زند، کوچه ۱۲", postal_code="7134845111",
        target_groups=frozenset({"female_head"} if key != "at_model" else {"disability"}),
        disability_type=None if key != "at_model" else "physical",
        disability_severity=None if key != "at_model" else "moderate",
        education="diploma", household_size=4, dependants=3,
        file_number=f"۱۴۰۲/{to_persian_digits(len(key) * 37)}"))
    _build_case(db, record.id, key)
    return record.id


def _build_case(db: Database, client_id: int, key: str) -> None:
    stage = SHOT_CLIENTS[key][5]
    if not stage:
        return
    expert, facilitator = _user(db, "expert"), _user(db, "facilitator1")
    start = today() - dt.timedelta(days=330)
    program = next(p for p in list_programs(db, expert) if p.code == "NAT-LOAN")
    case = cases.open_case(db, expert, client_id, opened_on=start,
                           referral_source="social_worker", referred_by="خانم رحیمی، مددکار",
                           facilitator_id=facilitator.user_id)

    def step(days: int, **details: object) -> None:
        nonlocal case
        case = cases.advance_case(db, facilitator, case.id, version=case.version,
                                  on_date=start + dt.timedelta(days=days),
                                  details=cases.CaseDetails(**details) if details else None)

    step(12)
    step(40)
    step(70, employment_model="self_employment", program_id=program.id)
    if stage == "model":
        return
    benefits.add_benefit(db, facilitator, case.id, benefits.BenefitInput(
        kind="training_course", given_on=start + dt.timedelta(days=20), amount=0,
        training_title="خیاطی صنعتی", training_hours=120,
        training_provider="آموزشگاه فنی و حرفه‌ای شیراز", training_completed=True))
    benefits.add_benefit(db, facilitator, case.id, benefits.BenefitInput(
        kind="self_employment_loan", given_on=start + dt.timedelta(days=80),
        amount=1_500_000_000, program_id=program.id))
    step(90, job_title="تولید پوشاک خانگی", job_sector="industry", job_urban=True,
         employment_kind="created", job_start_date=start + dt.timedelta(days=90))
    benefits.add_benefit(db, facilitator, case.id, benefits.BenefitInput(
        kind="self_insurance", given_on=start + dt.timedelta(days=100), amount=24_000_000,
        months=12, program_id=program.id))
    for visit, income, problems in ((case.visits[0], 60_000_000, ""),
                                    (case.visits[1], 85_000_000, "کمبود سفارش در تابستان")):
        case = monitoring.record_visit(db, facilitator, visit.id, monitoring.VisitFindings(
            done_on=visit.due_on + dt.timedelta(days=3), mode="in_person", job_active=True,
            monthly_income=income, problems=problems,
            next_action="معرفی به بازارچه خوداشتغالی"), version=visit.version)


def _form(db: Database, key: str | None, tab: str, actor: str = "admin"):
    from desktop.views.client_form import ClientForm

    client_id = shot_client(db, key) if key else None
    return ClientForm(db, _user(db, actor), client_id, tab=tab)


def new_client_with_errors(db: Database) -> QWidget:
    form = _form(db, None, "identity")
    form.identity.national_code.setText("۲۲۷۳۱۵۴۸۶۱")
    form.identity.first_name.setText("ك")
    form.identity.last_name.setText("رحيمي")
    form.identity.mobile.setText("۰۹۱۷۱۲۳")
    form.identity.birth_date.line.setText("۱۴۰۳/۱۲/۳۰")
    form.save()
    return form


def similar_clients(db: Database) -> QWidget:
    shot_client(db, "followed")
    _code, first, last, father, birth, _stage = SHOT_CLIENTS["followed"]
    form = _form(db, None, "identity")
    form.identity.national_code.setText(NEW_CODE)
    form.identity.first_name.setText(first)
    form.identity.last_name.setText(last.replace("ی", "ي"))
    form.identity.father_name.setText(father)
    form.identity.birth_date.setDate(birth)
    form.identity.gender.setCurrentIndex(1)
    form.groups.checks[next(iter(form.groups.checks))].setChecked(True)
    form.save()
    dialog = form.similar_dialog
    assert dialog is not None
    dialog.form = form  # the form owns the dialog: keep it alive for the picture
    return dialog


def _case_dialog(db: Database, key: str, open_it: Callable, actor: str = "admin") -> QWidget:
    form = _form(db, key, "case", actor)
    open_it(form)
    dialog = form.case_tab.dialog or form.services.dialog or form.monitoring.dialog
    assert dialog is not None
    dialog.form = form
    return dialog


def advance_to_job(db: Database) -> QWidget:
    def fill(form) -> None:
        form.case_tab.advance()
        job = form.case_tab.dialog.job
        job.job_title.setText("تعمیر لوازم خانگی")
        job.job_sector.setCurrentIndex(job.job_sector.findData("services"))
        select_bool(job.job_urban, True)
        job.employment_kind.setCurrentIndex(job.employment_kind.findData("created"))
        form.case_tab.dialog.note.setPlainText("کارگاه در منزل راه‌اندازی شد.")

    return _case_dialog(db, "at_model", fill)


def skip_stages(db: Database) -> QWidget:
    def fill(form) -> None:
        form.case_tab.skip()
        dialog = form.case_tab.dialog
        dialog.target.setCurrentIndex(dialog.target.findData("job"))
        dialog.job.job_title.setText("فروشگاه اینترنتی صنایع دستی")
        dialog.job.job_sector.setCurrentIndex(dialog.job.job_sector.findData("services"))
        dialog.reason.setPlainText("شغل پیش از تشکیل پرونده با حمایت خیّر راه افتاده بود.")

    return _case_dialog(db, "at_model", fill)


def close_case(db: Database) -> QWidget:
    def fill(form) -> None:
        form.case_tab.close_case()
        dialog = form.case_tab.dialog
        dialog.reason.setCurrentIndex(dialog.reason.findData("moved"))
        dialog.note.setPlainText("به شهرستان مرودشت نقل مکان کرده است.")

    return _case_dialog(db, "at_model", fill)


def open_case(db: Database) -> QWidget:
    return _case_dialog(db, "no_case", lambda form: form.case_tab.open_case(), "expert")


def benefit(db: Database) -> QWidget:
    def fill(form) -> None:
        form.services.add()
        dialog = form.services.dialog
        dialog.kind.setCurrentIndex(dialog.kind.findData("work_capital_grant"))
        dialog.amount.line.setText("۲۵۰۰۰۰۰۰۰")
        dialog.amount.is_valid()

    return _case_dialog(db, "followed", fill)


def visit(db: Database) -> QWidget:
    def fill(form) -> None:
        form.monitoring.record_visit()
        dialog = form.monitoring.dialog
        select_bool(dialog.job_active, True)
        dialog.monthly_income.line.setText("95,000,000")
        dialog.monthly_income.is_valid()
        dialog.problems.setPlainText("دستگاه دوم خراب است؛ درآمد کمی کم شده.")
        dialog.next_action.setText("معرفی به صندوق برای تسهیلات تعمیر")

    return _case_dialog(db, "followed", fill)


FORM_SIZE = (1180, 800)
CLIENT_FORM_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    **{f"client_form_{tab}": ((lambda db, tab=tab: _form(db, "followed", tab)), FORM_SIZE)
       for tab in ("identity", "household", "groups", "case", "services", "monitoring")},
    "client_form_new_errors": (new_client_with_errors, FORM_SIZE),
    "similar_clients_dialog": (similar_clients, None),
    "open_case_dialog": (open_case, None),
    "advance_case_dialog": (advance_to_job, None),
    "skip_stage_dialog": (skip_stages, None),
    "close_case_dialog": (close_case, None),
    "benefit_dialog": (benefit, None),
    "visit_dialog": (visit, None),
}
