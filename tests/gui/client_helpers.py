"""Driving the client form the way a person does: typing into its fields, choosing, saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox

from desktop.database import Database
from desktop.fa.jalali import format_jalali
from desktop.fa.national_code import national_code_check_digit
from desktop.models.tracking import Actor
from desktop.services import clients
from desktop.views.client_form import ClientForm


def national_code(first9: str) -> str:
    """A valid national code beginning with ``first9``."""
    return first9 + str(national_code_check_digit(first9))


def open_form(qtbot, db: Database, actor: Actor, client_id: int | None = None,
              **kwargs) -> ClientForm:
    form = ClientForm(db, actor, client_id, **kwargs)
    qtbot.addWidget(form)
    form.show()
    return form


def type_text(widget, text: str) -> None:
    """Key presses carrying each character, as a Persian keyboard sends them (QTest's own
    keyClicks knows only ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def type_into(qtbot, line, text: str) -> None:
    """Replace the line's text by typing, then press Enter (which ends the editing)."""
    line.clear()
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def type_date(qtbot, date_edit, date: dt.date) -> None:
    type_into(qtbot, date_edit.line, format_jalali(date))  # Persian digits, as typed in Iran


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)


def fill_client(qtbot, form: ClientForm, *, code: str, first: str, last: str, father: str,
                birth: dt.date, gender: str = "female",
                groups: tuple[str, ...] = ("female_head",)) -> None:
    identity = form.identity
    type_into(qtbot, identity.national_code, code)
    type_into(qtbot, identity.first_name, first)
    type_into(qtbot, identity.last_name, last)
    type_into(qtbot, identity.father_name, father)
    type_date(qtbot, identity.birth_date, birth)
    choose(identity.gender, gender)
    for group in groups:
        form.groups.checks[group].setChecked(True)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot, box: QMessageBox | None, text: str) -> None:
    """Click the button labelled ``text`` on a question the form asked."""
    assert box is not None and box.isVisible()
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def register(db: Database, actor: Actor, code: str, first: str, last: str, *,
             father: str = "احمد", birth: dt.date = dt.date(1988, 3, 1)) -> clients.ClientRecord:
    """A client registered through the service, behind the form's back."""
    return clients.create_client(db, actor, clients.ClientInput(
        national_code=code, first_name=first, last_name=last, father_name=father,
        gender="female", county_code="0707", birth_date=birth,
        target_groups=frozenset({"female_head"})), confirm_similar=True)


def case_at(db: Database, actor: Actor, client_id: int, stage: str, *,
            facilitator_id: int | None = None, opened_on: dt.date | None = None):
    """A case opened and moved to ``stage`` through the services, a week per step."""
    from desktop.clock import today
    from desktop.domain.pathway import Stage
    from desktop.services import cases

    start = opened_on or today() - dt.timedelta(days=60)
    case = cases.open_case(db, actor, client_id, opened_on=start,
                           referral_source="social_worker", facilitator_id=facilitator_id)
    for step, target in enumerate(Stage, start=0):
        if target.order == 0 or target.order > Stage(stage).order:
            continue
        details = None
        if target is Stage.MODEL:
            details = cases.CaseDetails(employment_model="self_employment")
        elif target is Stage.JOB:
            details = cases.CaseDetails(job_title="نانوایی", job_sector="services",
                                        job_urban=True, employment_kind="created",
                                        job_start_date=start + dt.timedelta(days=7 * step))
        case = cases.advance_case(db, actor, case.id, version=case.version,
                                  on_date=start + dt.timedelta(days=7 * step), details=details)
    return case
