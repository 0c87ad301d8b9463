"""One client walked through the form from referral to «تثبیت», as the issue asks: typed in,
saved, a case opened and moved stage by stage, the job created, every monitoring visit
recorded as the months pass, and the job stabilised — then the stored history is checked."""

from __future__ import annotations

import datetime as dt

from desktop.clock import FixedClock, today
from desktop.domain.pathway import CaseStatus, EventKind, Stage
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.services import cases, clients
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.programs import list_programs
from desktop.views.widgets.choices import select_bool
from tests.gui.client_helpers import (
    choose,
    click,
    fill_client,
    national_code,
    open_form,
    type_date,
    type_into,
    type_text,
)


def _move_clock_to(clock: FixedClock, day: dt.date) -> None:
    clock.advance(dt.timedelta(days=(day - today()).days))


def test_a_client_walks_from_referral_to_stabilised(qtbot, demo_db, fixed_clock) -> None:
    expert = sign_in(demo_db, "expert", DEMO_PASSWORD)
    facilitator = sign_in(demo_db, "facilitator1", DEMO_PASSWORD)
    program = next(p for p in list_programs(demo_db, expert) if p.code == "NAT-LOAN")
    code = national_code("273615480")
    referral = today()

    # The expert registers her, typed as people type: Persian digits, Arabic ي and ك.
    form = open_form(qtbot, demo_db, expert)
    assert not form.tabs.isTabEnabled(3)  # no case before the client is saved
    fill_client(qtbot, form, code=to_persian_digits(code), first="مريم", last="كاظمي",
                father="علي", birth=dt.date(1987, 6, 2))
    type_into(qtbot, form.identity.mobile, "۰۹۱۷ ۱۲۳ ۴۵۶۷")
    type_into(qtbot, form.household.household_size, "۴")
    type_into(qtbot, form.household.dependants, "۳")
    with qtbot.waitSignal(form.clientSaved) as saved:
        click(qtbot, form.save_button)
    client = clients.get_client(demo_db, expert, saved.args[0])
    assert (client.national_code, client.first_name, client.last_name, client.father_name) \
        == (code, "مریم", "کاظمی", "علی")
    assert (client.mobile, client.household_size, client.dependants) == ("09171234567", 4, 3)
    assert form.isVisible() and form.client.id == client.id and form.tabs.isTabEnabled(3)
    assert "مریم کاظمی" in form.windowTitle()

    # «تشکیل پرونده», given to the county's facilitator.
    form.show_tab("case")
    click(qtbot, form.case_tab.open_button)
    dialog = form.case_tab.dialog
    assert dialog.opened_on.date() == referral
    choose(dialog.referral_source, "social_worker")
    type_into(qtbot, dialog.referred_by, "خانم رحيمي")
    choose(dialog.facilitator, facilitator.user_id)
    click(qtbot, dialog.save_button)
    assert form.case_tab.case.stage == Stage.REFERRAL
    assert form.case_tab.strip.state_of(Stage.REFERRAL) == "current"
    assert not form.case_tab.skip_button.isVisible()  # the expert is not the administrator
    form.close()

    # The facilitator walks the case along the pathway.
    form = open_form(qtbot, demo_db, facilitator, client.id, tab="case")
    assert form.tabs.currentWidget() is form.case_tab
    tab = form.case_tab
    dates = {}
    for stage, days in ((Stage.ASSESSMENT, 7), (Stage.TRAINING, 20), (Stage.MODEL, 30)):
        fixed_clock.advance(dt.timedelta(days=days))
        dates[stage] = today()
        assert stage.label in tab.next_button.text()
        click(qtbot, tab.next_button)
        dialog = tab.dialog
        assert dialog.target is stage and dialog.on_date.date() == today()
        if stage is Stage.MODEL:
            assert dialog.job.model_part and not dialog.job.job_part
            choose(dialog.job.employment_model, "self_employment")
            choose(dialog.job.program, program.id)
        if stage is Stage.ASSESSMENT:
            type_text(dialog.note, "مصاحبه اهليت انجام شد")
        click(qtbot, dialog.save_button)
        assert not dialog.isVisible()
        assert tab.case.stage == stage
    assert tab.strip.state_of(Stage.ASSESSMENT) == "reached"

    # «ایجاد اشتغال» with the job details typed in the dialog.
    fixed_clock.advance(dt.timedelta(days=15))
    job_start = today() - dt.timedelta(days=3)
    dates[Stage.JOB] = today()
    click(qtbot, tab.next_button)
    dialog = tab.dialog
    assert dialog.job.job_part
    type_into(qtbot, dialog.job.job_title, "خياطي و تعمير پوشاك")
    choose(dialog.job.job_sector, "industry")
    select_bool(dialog.job.job_urban, True)
    choose(dialog.job.employment_kind, "created")
    type_date(qtbot, dialog.job.job_start_date, job_start)
    with qtbot.waitSignal(form.clientSaved):  # the client list shows the new stage
        click(qtbot, dialog.save_button)
    case = tab.case
    assert (case.stage, case.job_title, case.job_start_date) == \
        (Stage.JOB, "خیاطی و تعمیر پوشاک", job_start)
    assert [v.month for v in case.visits] == [1, 3, 6, 9, 12]
    assert not tab.next_button.isHidden()  # «پایش و پشتیبانی» is reached by the first visit

    # Every scheduled visit, recorded as the months pass.
    form.show_tab("monitoring")
    monitoring = form.monitoring
    assert format_jalali(case.horizon_on) in monitoring.horizon.text()
    for number, visit in enumerate(case.visits, start=1):
        _move_clock_to(fixed_clock, visit.due_on + dt.timedelta(days=1))
        assert monitoring.selected().id == visit.id  # the next visit due is offered
        click(qtbot, monitoring.record_button)
        dialog = monitoring.dialog
        assert dialog.done_on.date() == today()
        choose(dialog.mode, "remote" if number == 2 else "in_person")
        select_bool(dialog.job_active, True)
        type_into(qtbot, dialog.monthly_income.line, f"{to_persian_digits(number * 20)}٬۰۰۰٬۰۰۰")
        type_into(qtbot, dialog.next_action, "پيگيري فروش")
        click(qtbot, dialog.save_button)
        assert form.case_tab.case.visits[number - 1].done_on == today()
        assert form.case_tab.case.stage == Stage.FOLLOW_UP
        assert monitoring.model.rowCount() == 5
    case = form.case_tab.case
    assert case.visits[1].monthly_income == 40_000_000
    assert case.ready_to_stabilise()
    assert monitoring.notice.isVisible()
    form.close()

    # The county expert records «تثبیت».
    fixed_clock.advance(dt.timedelta(days=2))
    form = open_form(qtbot, demo_db, expert, client.id, tab="case")
    tab = form.case_tab
    assert tab.stabilise_button.isVisible() and not tab.next_button.isVisible()
    click(qtbot, tab.stabilise_button)
    dialog = tab.dialog
    assert dialog.target is Stage.STABILISED
    click(qtbot, dialog.save_button)
    assert tab.strip.state_of(Stage.STABILISED) == "current"
    assert not tab.close_button.isVisible() and not tab.open_button.isHidden()

    stored = cases.get_case(demo_db, expert, case.id)
    assert (stored.stage, stored.status, stored.closed_on) == \
        (Stage.STABILISED, CaseStatus.STABILISED, today())
    first_visit = stored.visits[0].done_on
    assert stored.events[1].note == "مصاحبه اهلیت انجام شد"
    assert [(e.kind, e.stage, e.username, e.on_date) for e in stored.events] == [
        (EventKind.OPENED, Stage.REFERRAL, "expert", referral),
        (EventKind.ADVANCED, Stage.ASSESSMENT, "facilitator1", dates[Stage.ASSESSMENT]),
        (EventKind.ADVANCED, Stage.TRAINING, "facilitator1", dates[Stage.TRAINING]),
        (EventKind.ADVANCED, Stage.MODEL, "facilitator1", dates[Stage.MODEL]),
        (EventKind.ADVANCED, Stage.JOB, "facilitator1", dates[Stage.JOB]),
        (EventKind.ADVANCED, Stage.FOLLOW_UP, "facilitator1", first_visit),
        (EventKind.ADVANCED, Stage.STABILISED, "expert", today()),
    ]
    assert (stored.facilitator_name, stored.program_id, stored.employment_model) == \
        ("زهرا احمدی", program.id, "self_employment")
    assert all(v.visited_by == "زهرا احمدی" and v.job_active for v in stored.visits)
