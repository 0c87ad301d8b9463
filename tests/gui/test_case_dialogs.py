"""The dialogs of the case, services and monitoring tabs, each through the form."""

from __future__ import annotations

import datetime as dt

from desktop.clock import today
from desktop.domain.pathway import CaseStatus, EventKind, Stage
from desktop.services import cases
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.views.record_table import select_row
from tests.gui.client_helpers import (
    answer,
    case_at,
    choose,
    click,
    national_code,
    open_form,
    register,
    type_date,
    type_into,
    type_text,
)


def test_services_are_added_corrected_and_removed(qtbot, demo_db, admin, fixed_clock) -> None:
    client = register(demo_db, admin, national_code("313010427"), "کبری", "صالحی")
    case = case_at(demo_db, admin, client.id, "model")
    form = open_form(qtbot, demo_db, admin, client.id, tab="services")
    tab = form.services
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    choose(dialog.kind, "self_employment_loan")
    assert not dialog.training_title.isVisible() and not dialog.months.isVisible()
    type_date(qtbot, dialog.given_on, case.opened_on - dt.timedelta(days=1))
    click(qtbot, dialog.save_button)
    assert "معرفی" in dialog.errors.message("given_on")
    assert dialog.errors.message("amount")
    type_date(qtbot, dialog.given_on, today())
    type_into(qtbot, dialog.amount.line, "۱۵۰۰۰۰۰۰")
    assert dialog.amount.line.text() == "۱۵٬۰۰۰٬۰۰۰"
    assert dialog.amount.words.text() == "یک میلیون و پانصد هزار تومان"
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible() and tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 2)) == "۱۵٬۰۰۰٬۰۰۰ ریال"

    select_row(tab.view, 0)
    click(qtbot, tab.edit_button)
    dialog = tab.dialog
    assert dialog.amount.amount() == 15_000_000
    type_into(qtbot, dialog.amount.line, "20,000,000")
    click(qtbot, dialog.save_button)

    click(qtbot, tab.add_button)
    dialog = tab.dialog
    choose(dialog.kind, "training_course")
    assert dialog.training_title.isVisible() and dialog.training_hours.isVisible()
    type_into(qtbot, dialog.training_title, "حسابداري مقدماتي")
    type_into(qtbot, dialog.training_hours, "۴۰")
    type_into(qtbot, dialog.training_provider, "آموزشگاه فني و حرفه‌اي")
    dialog.training_completed.setChecked(True)
    click(qtbot, dialog.save_button)
    assert tab.model.rowCount() == 2
    assert "۲۰٬۰۰۰٬۰۰۰ ریال" in tab.total.text() and "دو میلیون تومان" in tab.total.text()

    select_row(tab.view, next(r for r in range(2)
                              if tab.model.record(r).kind != "training_course"))
    click(qtbot, tab.delete_button)
    answer(qtbot, tab.question, "حذف")
    stored = cases.get_case(demo_db, admin, case.id).benefits
    assert [(b.kind, b.training_title, b.training_hours, b.training_completed) for b in stored] \
        == [("training_course", "حسابداری مقدماتی", 40, True)]
    assert tab.model.rowCount() == 1 and "۰ ریال" in tab.total.text()


def test_the_administrator_skips_stages_with_a_reason(qtbot, demo_db, admin,
                                                      fixed_clock) -> None:
    client = register(demo_db, admin, national_code("323011328"), "فرشته", "نوری")
    case = case_at(demo_db, admin, client.id, "referral")
    form = open_form(qtbot, demo_db, admin, client.id, tab="case")
    click(qtbot, form.case_tab.skip_button)
    dialog = form.case_tab.dialog
    choose(dialog.target, "model")
    assert dialog.job.employment_model.isVisible() and not dialog.job.job_title.isVisible()
    choose(dialog.job.employment_model, "employer_based")
    type_text(dialog.reason, "کم")
    click(qtbot, dialog.save_button)
    assert dialog.errors.message("note") and dialog.isVisible()
    type_text(dialog.reason, " — اهلیت و آموزش پیش‌تر در بنیاد انجام شده")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    stored = cases.get_case(demo_db, admin, case.id)
    last = stored.events[-1]
    assert (stored.stage, stored.employment_model) == (Stage.MODEL, "employer_based")
    assert (last.kind, last.from_stage, last.stage, last.username) == \
        (EventKind.SKIPPED, Stage.REFERRAL, Stage.MODEL, "admin")
    strip = form.case_tab.strip
    assert [strip.state_of(s) for s in Stage][:5] == \
        ["reached", "skipped", "skipped", "current", "ahead"]
    assert "از «شناسایی و معرفی» تا «اتصال به الگوی اشتغال»" in \
        form.case_tab.timeline.data(form.case_tab.timeline.index(1, 2))


def test_a_closed_case_stays_listed_and_a_new_one_can_open(qtbot, demo_db, fixed_clock) -> None:
    expert = sign_in(demo_db, "expert", DEMO_PASSWORD)
    client = register(demo_db, expert, national_code("333012229"), "حمید", "شریفی")
    first = case_at(demo_db, expert, client.id, "assessment")
    form = open_form(qtbot, demo_db, expert, client.id, tab="case")
    tab = form.case_tab
    assert not tab.cases_view.isVisible()  # one case: no list
    click(qtbot, tab.close_button)
    dialog = tab.dialog
    click(qtbot, dialog.save_button)
    assert dialog.errors.message("reason")
    choose(dialog.reason, "moved")
    click(qtbot, dialog.save_button)
    assert tab.case.status == CaseStatus.CLOSED and tab.strip.state_of(Stage.ASSESSMENT) == \
        "closed"
    assert "مهاجرت" in tab.status.text()
    assert not tab.details.save_button.isVisible() and not tab.next_button.isVisible()

    fixed_clock.advance(dt.timedelta(days=30))
    click(qtbot, tab.open_button)
    dialog = tab.dialog
    choose(dialog.referral_source, "self")
    click(qtbot, dialog.save_button)
    assert tab.case.id != first.id and tab.case.is_open
    assert tab.cases_view.isVisible() and tab.cases_model.rowCount() == 2
    tab.cases_view.clicked.emit(tab.cases_model.index(1, 0))
    assert tab.case.id == first.id and "پیشین" in tab.notice.text()
    assert not tab.close_button.isVisible() and tab.details.job.job_title.isReadOnly()


def test_a_facilitator_opens_cases_for_themselves(qtbot, demo_db, fixed_clock) -> None:
    facilitator = sign_in(demo_db, "facilitator3", DEMO_PASSWORD)
    client = register(demo_db, facilitator, national_code("343013120"), "آزاده", "کیانی")
    form = open_form(qtbot, demo_db, facilitator, client.id, tab="case")
    click(qtbot, form.case_tab.open_button)
    dialog = form.case_tab.dialog
    assert not dialog.facilitator.isVisible()
    choose(dialog.referral_source, "facilitator")
    click(qtbot, dialog.save_button)
    assert form.case_tab.case.facilitator_name == "سمیه قاسمی"
    assert form.case_tab.next_button.isVisible()


def test_an_extra_visit_starts_follow_up(qtbot, demo_db, admin, fixed_clock) -> None:
    client = register(demo_db, admin, national_code("353014021"), "نسرین", "بهرامی")
    case = case_at(demo_db, admin, client.id, "job")
    form = open_form(qtbot, demo_db, admin, client.id, tab="monitoring")
    tab = form.monitoring
    assert tab.model.rowCount() == 5 and "پایان پایش" in tab.horizon.text()
    click(qtbot, tab.extra_button)
    dialog = tab.dialog
    click(qtbot, dialog.save_button)
    assert dialog.errors.message("job_active")  # asked, never assumed
    choose(dialog.job_active, "no")
    choose(dialog.mode, "remote")
    type_text(dialog.problems, "کارگاه تعطیل شده است")
    click(qtbot, dialog.save_button)
    assert tab.model.rowCount() == 6
    extra = next(v for v in tab.case.visits if v.month is None)
    assert (extra.done_on, extra.job_active, extra.mode) == (today(), False, "remote")
    assert form.case_tab.case.stage == Stage.FOLLOW_UP == cases.get_case(
        demo_db, admin, case.id).stage
    assert "بازدید خارج از برنامه" in [tab.model.data(tab.model.index(r, 2)) for r in range(6)]
