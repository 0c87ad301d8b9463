"""The client form's guards: messages beside the fields, duplicates, unsaved changes,
permissions and someone else saving first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.clock import today
from desktop.domain.pathway import Stage
from desktop.fa.digits import to_persian_digits
from desktop.services import cases, clients
from desktop.services.auth import sign_in
from desktop.services.client_search import count_clients
from desktop.services.demo import DEMO_PASSWORD
from tests.gui.client_helpers import (
    answer,
    case_at,
    choose,
    click,
    fill_client,
    national_code,
    open_form,
    register,
    type_date,
    type_into,
)


def _user(db, name: str):
    return sign_in(db, name, DEMO_PASSWORD)


def test_wrong_fields_are_named_beside_them_and_nothing_is_saved(qtbot, demo_db, admin,
                                                                fixed_clock) -> None:
    before = count_clients(demo_db, admin)
    form = open_form(qtbot, demo_db, admin)
    form.show_tab("groups")
    type_into(qtbot, form.identity.national_code, "۱۲۳۴۵۶۷۸۹۰")  # check digit wrong
    type_into(qtbot, form.identity.first_name, "ع")
    type_into(qtbot, form.identity.mobile, "۰۹۱۲")
    type_date(qtbot, form.identity.birth_date, today() + dt.timedelta(days=3))
    type_into(qtbot, form.household.household_size, "۲")
    type_into(qtbot, form.household.dependants, "۳")
    form.groups.checks["disability"].setChecked(True)
    click(qtbot, form.save_button)

    identity, household, groups = form.identity.errors, form.household.errors, form.groups.errors
    assert "رقم کنترل" in identity.message("national_code")
    assert "دو حرف" in identity.message("first_name")
    assert identity.message("last_name")
    assert "۰۹" in identity.message("mobile")
    assert "آینده" in identity.message("birth_date")
    assert identity.message("gender")
    assert identity.message("county_code") == ""  # the office's county is offered already
    assert household.message("dependants") and not household.message("household_size")
    assert groups.message("disability_type") and groups.message("disability_severity")
    assert form.identity.first_name.property("invalid") is True
    # The first tab with a wrong field comes forward; the summary names every such tab.
    assert form.tabs.currentWidget() is form.identity
    assert "گروه‌های هدف" in form.message.text() and "خانوار" in form.message.text()
    assert count_clients(demo_db, admin) == before and form.client is None

    # A date that is not a date, or a number that is not a number, is refused before saving.
    type_into(qtbot, form.identity.birth_date.line, "۱۴۰۴/۱۲/۳۰")  # 1404 is not a leap year
    type_into(qtbot, form.household.household_size, "چهار")
    click(qtbot, form.save_button)
    assert "۱۴۰۴" in identity.message("birth_date")
    assert household.message("household_size")
    assert count_clients(demo_db, admin) == before


def test_a_registered_national_code_opens_that_client(qtbot, demo_db, admin) -> None:
    existing = register(demo_db, admin, national_code("441003827"), "پروانه", "جعفری")
    form = open_form(qtbot, demo_db, admin)
    type_into(qtbot, form.identity.national_code, to_persian_digits(existing.national_code))
    assert "پروانه جعفری" in form.prompt.text()
    answer(qtbot, form.prompt, "باز کردن مددجوی ثبت‌شده")
    assert form.client.id == existing.id
    assert "پروانه جعفری" in form.windowTitle()
    assert form.identity.first_name.text() == "پروانه" and form.tabs.isTabEnabled(3)

    # Declined at first, the same code is caught again when saving.
    form = open_form(qtbot, demo_db, admin)
    fill_client(qtbot, form, code=existing.national_code, first="پروانه", last="جعفري",
                father="احمد", birth=dt.date(1990, 1, 1))
    answer(qtbot, form.prompt, "ماندن در همین فرم")
    assert form.client is None
    click(qtbot, form.save_button)
    assert "پیش‌تر" in form.identity.errors.message("national_code")
    answer(qtbot, form.prompt, "باز کردن مددجوی ثبت‌شده")
    assert form.client.id == existing.id


def test_a_similar_person_is_warned_about(qtbot, demo_db, admin) -> None:
    first = register(demo_db, admin, national_code("552004913"), "زهرا", "محمدی",
                     father="رضا", birth=dt.date(1991, 7, 14))
    before = count_clients(demo_db, admin)
    form = open_form(qtbot, demo_db, admin)
    other_code = national_code("552004921")
    fill_client(qtbot, form, code=other_code, first="زهرا", last="محمدي", father="رضا",
                birth=dt.date(1991, 7, 14))
    click(qtbot, form.save_button)
    dialog = form.similar_dialog
    assert dialog.isVisible() and dialog.model.rowCount() == 1
    row = [dialog.model.data(dialog.model.index(0, c)) for c in range(4)]
    assert row == ["زهرا محمدی", to_persian_digits(first.national_code), "رضا", "۱۳۷۰/۰۴/۲۳"]
    click(qtbot, dialog.cancel_button)
    assert count_clients(demo_db, admin) == before and form.client is None

    click(qtbot, form.save_button)
    click(qtbot, form.similar_dialog.register_button)
    assert form.client is not None and form.client.national_code == other_code
    assert count_clients(demo_db, admin) == before + 1

    form = open_form(qtbot, demo_db, admin)
    fill_client(qtbot, form, code=national_code("552004930"), first="زهرا", last="محمدى",
                father="رضا", birth=dt.date(1991, 7, 14))
    click(qtbot, form.save_button)
    assert form.similar_dialog.model.rowCount() == 2
    click(qtbot, form.similar_dialog.open_button)
    assert form.client.id in {first.id, clients.find_by_national_code(
        demo_db, admin, other_code).id}
    assert count_clients(demo_db, admin) == before + 1


def test_closing_with_unsaved_changes_asks_first(qtbot, demo_db, admin) -> None:
    client = register(demo_db, admin, national_code("661005812"), "سارا", "نادری")
    form = open_form(qtbot, demo_db, admin, client.id)
    click(qtbot, form.close_button)
    assert not form.isVisible()  # nothing changed: no question

    form = open_form(qtbot, demo_db, admin, client.id)
    type_into(qtbot, form.identity.last_name, "نادری‌پور")
    click(qtbot, form.close_button)
    assert "ذخیره نشده" in form.prompt.text()
    answer(qtbot, form.prompt, "ماندن در فرم")
    assert form.isVisible() and form.identity.last_name.text() == "نادری‌پور"
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    answer(qtbot, form.prompt, "بستن بدون ذخیره")
    assert not form.isVisible()
    assert clients.get_client(demo_db, admin, client.id).last_name == "نادری"

    form = open_form(qtbot, demo_db, admin, client.id)
    type_into(qtbot, form.identity.last_name, "نادری‌پور")
    form.close()
    answer(qtbot, form.prompt, "ذخیره")
    assert not form.isVisible()
    assert clients.get_client(demo_db, admin, client.id).last_name == "نادری‌پور"

    # A change to the case details counts too.
    case_at(demo_db, admin, client.id, "model")
    form = open_form(qtbot, demo_db, admin, client.id, tab="case")
    type_into(qtbot, form.case_tab.details.job.job_title, "قالی‌بافی")
    form.close()
    assert form.prompt.isVisible() and form.isVisible()
    answer(qtbot, form.prompt, "ذخیره")
    assert cases.open_case_of(demo_db, admin, client.id).job_title == "قالی‌بافی"


def test_enter_moves_on_and_tab_follows_the_reading_order(qtbot, demo_db, admin) -> None:
    form = open_form(qtbot, demo_db, admin)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    identity = form.identity
    identity.national_code.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in identity.fields()[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    expected = [getattr(f, "line", f) for f in identity.fields()]
    assert seen == expected
    identity.first_name.setFocus()
    qtbot.keyClick(identity.first_name, Qt.Key.Key_Return)
    assert form.isVisible() and QApplication.focusWidget() is identity.last_name
    qtbot.keyClick(identity.first_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert identity.errors.message("national_code")  # Ctrl+S saves (here: refused)
    # Right to left: the first field of each row stands right of the second.
    assert identity.national_code.mapTo(form, identity.national_code.rect().topLeft()).x() > \
        identity.file_number.mapTo(form, identity.file_number.rect().topLeft()).x()


def test_a_viewer_reads_and_changes_nothing(qtbot, demo_db, admin) -> None:
    client = register(demo_db, admin, national_code("771006615"), "نرگس", "امینی")
    case = case_at(demo_db, admin, client.id, "job",
                   facilitator_id=_user(demo_db, "facilitator1").user_id)
    form = open_form(qtbot, demo_db, _user(demo_db, "viewer"), client.id, tab="monitoring")
    assert form.tabs.currentWidget() is form.monitoring
    assert not form.save_button.isVisible() and not form.save_button.isEnabled()
    assert form.identity.first_name.isReadOnly() and not form.identity.gender.isEnabled()
    assert not form.groups.checks["female_head"].isEnabled()
    tab = form.case_tab
    assert tab.case.id == case.id and not tab.case.editable
    for button in (tab.open_button, tab.next_button, tab.skip_button, tab.close_button,
                   tab.stabilise_button, tab.details.save_button, form.services.add_button,
                   form.monitoring.record_button, form.monitoring.extra_button):
        assert not button.isVisible() and not button.isEnabled()
    assert not tab.details.facilitator.isEnabled() and tab.details.job.job_title.isReadOnly()
    assert form.monitoring.model.rowCount() == 5
    form.identity.first_name.setText("تغییر")  # even so, nothing to save and no question
    form.close()
    assert not form.isVisible()


def test_a_facilitator_cannot_change_a_colleagues_case(qtbot, demo_db, admin) -> None:
    expert, first, second = (_user(demo_db, n) for n in ("expert", "facilitator1",
                                                         "facilitator2"))
    client = register(demo_db, first, national_code("881007714"), "مهسا", "یزدانی")
    case_at(demo_db, expert, client.id, "assessment", facilitator_id=second.user_id)

    form = open_form(qtbot, demo_db, first, client.id, tab="case")
    tab = form.case_tab
    assert tab.case is None and "علی رضایی" in tab.notice.text()
    assert not tab.open_button.isVisible() and not tab.next_button.isVisible()
    assert form.services.case is None and not form.services.add_button.isVisible()
    assert form.save_button.isVisible()  # the client they registered is theirs to correct

    form = open_form(qtbot, demo_db, second, client.id, tab="case")
    tab = form.case_tab
    assert tab.case is not None and tab.next_button.isVisible()
    assert not tab.details.facilitator.isEnabled()  # only a county expert reassigns
    assert not tab.skip_button.isVisible()  # only the administrator skips stages

    form = open_form(qtbot, demo_db, expert, client.id, tab="case")
    assert form.case_tab.details.facilitator.isEnabled()
    assert not form.case_tab.skip_button.isVisible()
    form = open_form(qtbot, demo_db, admin, client.id, tab="case")
    assert form.case_tab.skip_button.isVisible()


def test_someone_saving_first_is_never_overwritten(qtbot, demo_db, admin) -> None:
    expert = _user(demo_db, "expert")
    client = register(demo_db, admin, national_code("991008811"), "الهام", "رستمی")
    form = open_form(qtbot, demo_db, admin, client.id)
    changed = clients.update_client(demo_db, expert, client.id, clients.ClientInput(
        **{**client.as_input().__dict__, "mobile": "09177654321"}), version=client.version)
    type_into(qtbot, form.identity.first_name, "الهه")
    click(qtbot, form.save_button)
    assert "کاربر دیگری آن را ذخیره کرده" in form.prompt.text()
    assert "چیزی بازنویسی نشد" in form.prompt.text()
    assert form.identity.mobile.text() == to_persian_digits("09177654321")
    assert form.identity.first_name.text() == "الهام" and form.client.version == changed.version
    assert clients.get_client(demo_db, admin, client.id).first_name == "الهام"
    form.prompt.accept()

    # The same on a case: the dialog was opened before someone else moved the case on.
    case = case_at(demo_db, admin, client.id, "referral")
    form.reload()
    form.show_tab("case")
    click(qtbot, form.case_tab.next_button)
    dialog = form.case_tab.dialog
    cases.advance_case(demo_db, expert, case.id, version=case.version, on_date=today())
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible() and "کاربر دیگری" in form.prompt.text()
    assert form.case_tab.case.stage == Stage.ASSESSMENT
    assert [e.username for e in form.case_tab.case.events] == ["admin", "expert"]


def test_case_dates_out_of_order_are_shown_by_their_field(qtbot, demo_db, admin,
                                                          fixed_clock) -> None:
    client = register(demo_db, admin, national_code("112009916"), "شیرین", "اکبری")
    case = case_at(demo_db, admin, client.id, "job", opened_on=today() - dt.timedelta(days=50))
    form = open_form(qtbot, demo_db, admin, client.id, tab="case")
    details = form.case_tab.details
    type_date(qtbot, details.job.job_start_date, case.opened_on - dt.timedelta(days=1))
    click(qtbot, details.save_button)
    assert "معرفی" in details.errors.message("job_start_date")
    assert cases.get_case(demo_db, admin, case.id).job_start_date == case.job_start_date

    form.show_tab("monitoring")
    click(qtbot, form.monitoring.record_button)
    dialog = form.monitoring.dialog
    type_date(qtbot, dialog.done_on, case.job_start_date - dt.timedelta(days=2))
    choose(dialog.job_active, "yes")
    click(qtbot, dialog.save_button)
    assert "شروع" in dialog.errors.message("done_on") and dialog.isVisible()
    assert not any(v.done for v in cases.get_case(demo_db, admin, case.id).visits)
