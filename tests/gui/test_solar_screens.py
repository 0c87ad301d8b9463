"""The solar screens driven as a person does: a month's allocation computed, its approval refused
while a payee lacks a Sheba (named on screen), then approved and locked, its payout list saved;
a share given to a client not marked hard to employ only with a reason, and refused over the
plant's capacity; a month's production and a partial payment recorded."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.clock import today
from desktop.database import Database
from desktop.domain.solar import PlantKind, month_of, previous_month
from desktop.fa.digits import to_persian_digits
from desktop.models.tracking import Actor
from desktop.services.client_search import ClientFilter, client_rows
from desktop.services.clients import get_client, update_client
from desktop.services.demo import add_demo_solar
from desktop.services.solar_months import month_sheet
from desktop.services.solar_plants import PlantRecord, list_plants
from desktop.services.solar_run_records import run_lines, run_of
from desktop.services.solar_shares import shares_of_plant
from desktop.views.form_preview_dialog import FormPreviewDialog
from desktop.views.record_table import select_row
from desktop.views.solar_area import SolarArea
from desktop.views.solar_plant_dialog import PlantDialog
from desktop.views.solar_plant_form import PlantForm
from desktop.views.solar_share_dialog import ShareDialog
from tests.gui.client_helpers import answer, choose, click, type_date, type_into


@pytest.fixture
def plants(demo_db: Database, admin: Actor, fixed_clock) -> dict[str, PlantRecord]:
    """The demo's plants on the GUI tests' small office, a year of records to Shahrivar 1403,
    its last month in draft."""
    add_demo_solar(demo_db, 2)
    found = list_plants(demo_db, admin)
    return {kind: next(p for p in found if p.kind == kind) for kind in PlantKind}


def _settled(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.busy, timeout=20_000)


def test_a_month_is_refused_for_a_missing_sheba_then_approved_and_locked(
        qtbot, demo_db, admin, plants, tmp_path) -> None:
    plant = plants[PlantKind.AGGREGATED]
    month = previous_month(month_of(today()))
    area = SolarArea(demo_db, admin)
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    _settled(qtbot, area)
    assert area.model.rowCount() == 2
    area.tabs.setCurrentIndex(1)
    panel = area.allocation
    assert panel.chosen_month() == month
    choose(panel.plant, plant.code)
    _settled(qtbot, area)
    click(qtbot, panel.compute_button)
    _settled(qtbot, area)
    run = panel.current_run()
    assert run is not None and run.plant_code == plant.code and not run.approved
    assert "✓" in panel.run_view.totals.text()
    assert panel.run_view.lines.rowCount() == len(run_lines(demo_db, admin, run.id))

    # A payee's Sheba is lost: approval is refused and the screen names them.
    payee = next(line for line in run_lines(demo_db, admin, run.id) if line.payable > 0)
    client = get_client(demo_db, admin, payee.client_id)
    sheba = client.sheba
    update_client(demo_db, admin, client.id, dataclasses.replace(client.as_input(), sheba=""),
                  version=client.version)
    click(qtbot, panel.approve_button)
    answer(qtbot, panel.prompt, "تأیید")
    _settled(qtbot, area)
    refusal = panel.prompt
    assert refusal is not None and refusal.icon() == QMessageBox.Icon.Warning
    assert payee.full_name in refusal.text()
    assert to_persian_digits(payee.national_code) in refusal.text()
    assert not run_of(demo_db, admin, plant.id, month).approved
    answer(qtbot, refusal, "تأیید")

    # The Sheba recorded again, the month is approved and shown locked.
    client = get_client(demo_db, admin, client.id)
    update_client(demo_db, admin, client.id, dataclasses.replace(client.as_input(), sheba=sheba),
                  version=client.version)
    click(qtbot, panel.approve_button)
    answer(qtbot, panel.prompt, "تأیید")
    _settled(qtbot, area)
    approved = run_of(demo_db, admin, plant.id, month)
    assert approved.approved and approved.net > 0
    assert sum(line.amount for line in run_lines(demo_db, admin, approved.id)) == approved.net
    assert panel.current_run().approved and "قفل" in panel.run_view.badge.text()
    assert not panel.approve_button.isEnabled() and not panel.recompute_button.isEnabled()

    out = tmp_path / "payouts.csv"
    panel.save_payouts(out)
    _settled(qtbot, area)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert sum(int(row[-1]) for row in rows) == approved.payable

    select_row(panel.run_view.lines_view, 0)
    click(qtbot, panel.statement_button)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, FormPreviewDialog), timeout=20_000)
    assert panel.dialog.page_count >= 1
    panel.dialog.close()

    # A correction of the approved month goes, with its reason, to the open month's run.
    click(qtbot, panel.correction_button)
    correction = panel.dialog
    assert correction.month.currentData() == month_of(today())
    type_into(qtbot, correction.amount.line, "۱٬۵۰۰٬۰۰۰")
    type_into(qtbot, correction.reason, "هزینهٔ بیمه دو بار ثبت شده بود")
    with qtbot.waitSignal(correction.saved):
        click(qtbot, correction.save_button)
    _settled(qtbot, area)
    later = run_of(demo_db, admin, plant.id, month_of(today()))
    assert later.adjustments == 1_500_000 and not later.approved
    assert panel.chosen_month() == later.month and panel.current_run().id == later.id


def test_a_share_needs_a_reason_and_fits_the_capacity(qtbot, demo_db, admin, plants) -> None:
    plant = plants[PlantKind.AGGREGATED]
    holders = {s.client_id for s in shares_of_plant(demo_db, admin, plant.id)}
    client = next(row for row in client_rows(demo_db, admin, ClientFilter(), limit=100)
                  if row.id not in holders
                  and not get_client(demo_db, admin, row.id).hard_to_employ)
    dialog = ShareDialog(demo_db, admin, plant, "add")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.search, client.national_code)
    assert dialog.client.currentData() == client.id
    free = plant.capacity_watts - max(plant.shared_watts, *(
        s.watts for s in shares_of_plant(demo_db, admin, plant.id)))
    assert free >= 1000
    type_into(qtbot, dialog.watts, to_persian_digits(free // 1000 + 1))
    type_into(qtbot, dialog.reason, "همسر سرپرست خانوار با معلولیت شدید")
    click(qtbot, dialog.save_button)
    assert "ظرفیت" in dialog.errors.message("watts")
    type_into(qtbot, dialog.watts, "۱")
    dialog.reason.clear()
    click(qtbot, dialog.save_button)
    assert dialog.form.isRowVisible(dialog.rows["reason"])
    assert "سخت‌اشتغال" in dialog.errors.message("reason")
    assert client.id not in {s.client_id for s in shares_of_plant(demo_db, admin, plant.id)}
    type_into(qtbot, dialog.reason, "همسر سرپرست خانوار با معلولیت شدید")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    given = [s for s in shares_of_plant(demo_db, admin, plant.id) if s.client_id == client.id]
    assert [(s.watts, s.reason) for s in given] == [(1000, "همسر سرپرست خانوار با معلولیت شدید")]

    # «انتقال سهم»: the share ends and another client holds it from the next day, in one action.
    heir = next(row for row in client_rows(demo_db, admin, ClientFilter(), limit=100)
                if row.id not in holders | {client.id}
                and get_client(demo_db, admin, row.id).hard_to_employ)
    transfer = ShareDialog(demo_db, admin, plant, "transfer", given[0])
    qtbot.addWidget(transfer)
    transfer.show()
    type_into(qtbot, transfer.search, heir.national_code)
    type_date(qtbot, transfer.starts_on, today() + dt.timedelta(days=1))
    with qtbot.waitSignal(transfer.saved):
        click(qtbot, transfer.save_button)
    after = {s.client_id: s for s in shares_of_plant(demo_db, admin, plant.id)
             if s.client_id in (client.id, heir.id)}
    tomorrow = today() + dt.timedelta(days=1)
    assert after[client.id].ends_on == today()
    assert (after[heir.id].watts, after[heir.id].starts_on) == (1000, tomorrow)


def test_a_months_production_and_a_partial_payment(qtbot, demo_db, admin, plants) -> None:
    plant = plants[PlantKind.ROOFTOP]
    month = month_of(today())
    form = PlantForm(demo_db, admin, plant.id, tab="months")
    qtbot.addWidget(form)
    form.show()
    tab = form.months
    tab.show_month(month)
    assert tab.badge.text() == "باز"
    type_into(qtbot, tab.production, "۲۸۰۰")
    click(qtbot, tab.save_production)
    sheet = month_sheet(demo_db, admin, plant.id, month)
    assert sheet.production_kwh == 2800 and sheet.invoiced == 2800 * sheet.tariff
    click(qtbot, tab.payments.add_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.amount.line, "۱۰۰٬۰۰۰")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    assert tab.payments.model.rowCount() == 1
    assert tab.figures["arrear"].text().startswith(to_persian_digits(
        f"{sheet.invoiced - 100_000:,}").replace(",", "٬"))
    select_row(tab.payments.view, 0)
    click(qtbot, tab.payments.remove_button)
    answer(qtbot, tab.prompt, "حذف")
    assert month_sheet(demo_db, admin, plant.id, month).payments == ()
    assert tab.payments.model.rowCount() == 0
    tab.show_month(previous_month(previous_month(month)))
    assert "قفل" in tab.badge.text() and not tab.payments.add_button.isVisible()


def test_a_plant_registered_then_its_tariff_indexed(qtbot, demo_db, admin, fixed_clock) -> None:
    dialog = PlantDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.name, "نیروگاه خورشیدی کوار")
    type_into(qtbot, dialog.capacity, "۲۰۰")
    click(qtbot, dialog.save_button)
    # Every message at once, each beside its field; nothing is registered.
    assert dialog.errors.message("kind") and dialog.errors.message("commissioned_on")
    assert dialog.errors.message("rials_per_kwh")
    assert list_plants(demo_db, admin) == []
    choose(dialog.kind, PlantKind.AGGREGATED.value)
    start = today() - dt.timedelta(days=400)
    for field in (dialog.commissioned_on, dialog.contract_starts_on,
                  dialog.tariff.effective_on):
        type_date(qtbot, field, start)
    type_into(qtbot, dialog.tariff.rate, "۴۳۰۰۰")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    plant = list_plants(demo_db, admin)[0]
    assert (plant.capacity_watts, plant.kind, plant.code) == (200_000, "aggregated", "SP-0707-001")

    edit = PlantDialog(demo_db, admin, plant)
    qtbot.addWidget(edit)
    edit.show()
    type_into(qtbot, edit.tariff.rate, "۵۱۶۰۰")
    with qtbot.waitSignal(edit.saved):
        click(qtbot, edit.save_button)       # the entry typed is saved with the plant
    assert [t.rials_per_kwh for t in list_plants(demo_db, admin)[0].tariffs] == [43_000, 51_600]
