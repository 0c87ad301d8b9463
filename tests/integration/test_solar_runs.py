"""Allocation runs: a draft recomputed until approved, locked after, arrears paid later with
their own month's weights, corrections with a reason, deductions carried as debt, the Sheba
refusal naming who, and a shortfall carried to the next month."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models.solar import SolarAdjustmentLine, SolarRun, SolarRunLine
from desktop.models.tracking import ChangeLogEntry
from desktop.services.clients import get_client, update_client
from desktop.services.solar_months import (
    CostInput,
    DeductionInput,
    ReceiptInput,
    add_cost,
    add_deduction,
    add_receipt,
    month_sheet,
    plant_months,
    record_production,
    remove_entry,
)
from desktop.services.solar_run_records import adjustment_lines, run_lines
from desktop.services.solar_runs import (
    CorrectionInput,
    MissingSheba,
    add_correction,
    allocate_period,
    approve_run,
    compute_run,
)
from desktop.services.solar_shares import ShareInput, add_share
from tests.integration.solar_helpers import (
    FARVARDIN,
    MEHR,
    SHAHRIVAR,
    beneficiary,
    make_plant,
)


@pytest.fixture
def plant_of_two(office):
    """A 10 kW plant; A holds 5 kW and B 3 kW all along."""
    plant = make_plant(office)
    a, b = beneficiary(office), beneficiary(office)
    for client, watts in ((a, 5_000), (b, 3_000)):
        add_share(office.db, office.expert, plant.id, ShareInput(client.id, watts, FARVARDIN))
    return plant, a, b


def _lines(office, run):
    return {line.client_id: line for line in run_lines(office.db, office.viewer, run.id)}


def _shahrivar(office, plant, b):
    """Shahrivar 1403: 1,500 kWh invoiced at 46,000 = 69,000,000; 10,000,000 paid in the month;
    1,000,000 of maintenance; a 4,000,000 instalment taken from B."""
    record_production(office.db, office.expert, plant.id, SHAHRIVAR, 1_500)
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 9, 10), SHAHRIVAR, 10_000_000, "پرداخت علی‌الحساب"))
    add_cost(office.db, office.expert, plant.id,
             CostInput(SHAHRIVAR, "maintenance", 1_000_000, "شست‌وشوی پنل‌ها"))
    add_deduction(office.db, office.expert, plant.id,
                  DeductionInput(SHAHRIVAR, b.id, 4_000_000, "قسط وام قرض‌الحسنه"))
    return compute_run(office.db, office.expert, plant.id, SHAHRIVAR)


def test_a_month_allocated_with_its_deduction_carried_as_debt_and_its_arrear_paid_later(
        office, plant_of_two):
    plant, a, b = plant_of_two
    run = _shahrivar(office, plant, b)
    sheet = month_sheet(office.db, office.viewer, plant.id, SHAHRIVAR)
    assert (sheet.invoiced, sheet.paid, sheet.arrear) == (69_000_000, 10_000_000, 59_000_000)
    # net 9,000,000 over 31 days: A 5,000 W × 31 = 155,000, B 3,000 × 31 = 93,000 (of 248,000)
    # A: 9,000,000 × 155,000 / 248,000 = 5,625,000; B: 3,375,000 — exact, nothing left over.
    assert (run.received, run.costs, run.net, run.allocated) == (
        10_000_000, 1_000_000, 9_000_000, 9_000_000)
    lines = _lines(office, run)
    assert (lines[a.id].weight, lines[a.id].amount, lines[a.id].payable) == (
        155_000, 5_625_000, 5_625_000)
    # B's 4,000,000 instalment takes all of 3,375,000; 625,000 is carried as debt.
    assert (lines[b.id].amount, lines[b.id].deductions, lines[b.id].payable,
            lines[b.id].debt_after) == (3_375_000, 4_000_000, 0, 625_000)
    run = approve_run(office.db, office.expert, run.id, version=run.version)
    assert run.approved and run.approved_by == "مریم کشاورز" and run.payees == 1

    # Mehr: 3,000,000 for Mehr, and 8,000,000 of Shahrivar's arrear, both paid in Mehr.
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 10, 1), MEHR, 3_000_000))
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 10, 2), SHAHRIVAR, 8_000_000, "معوقه شهریور"))
    assert month_sheet(office.db, office.viewer, plant.id, SHAHRIVAR).arrear == 51_000_000
    mehr = compute_run(office.db, office.expert, plant.id, MEHR)
    # Mehr's own 3,000,000 by Mehr's 30 days: A 150,000 / B 90,000 → 1,875,000 and 1,125,000.
    # The arrear by Shahrivar's weights: A 5,000,000, B 3,000,000.
    assert (mehr.net, mehr.adjustments, mehr.allocated) == (3_000_000, 8_000_000, 11_000_000)
    lines = _lines(office, mehr)
    assert (lines[a.id].amount, lines[a.id].adjustments, lines[a.id].payable) == (
        1_875_000, 5_000_000, 6_875_000)
    # B: 1,125,000 + 3,000,000 − the 625,000 carried = 3,500,000.
    assert (lines[b.id].amount, lines[b.id].adjustments, lines[b.id].debt_before,
            lines[b.id].payable, lines[b.id].debt_after) == (
        1_125_000, 3_000_000, 625_000, 3_500_000, 0)
    adjustments = adjustment_lines(office.db, office.viewer, mehr.id)
    assert {(x.client_id, x.for_month, x.kind, x.amount) for x in adjustments} == {
        (a.id, SHAHRIVAR, "arrear", 5_000_000), (b.id, SHAHRIVAR, "arrear", 3_000_000)}


def test_a_draft_is_recomputed_until_approved_then_never_changes(office, plant_of_two):
    plant, a, b = plant_of_two
    run = _shahrivar(office, plant, b)
    add_cost(office.db, office.expert, plant.id, CostInput(SHAHRIVAR, "insurance", 2_480_000))
    again = compute_run(office.db, office.expert, plant.id, SHAHRIVAR)
    assert again.id == run.id and again.net == 6_520_000
    assert len(run_lines(office.db, office.viewer, run.id)) == 2      # replaced, not added
    with office.db.reading() as session:
        # The replaced lines went with a change-log entry each, for headquarters.
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry).where(
            ChangeLogEntry.entity == "solar_run_line", ChangeLogEntry.op == "delete")) == 2
    # The records changed after the last computation: approval asks for a fresh look.
    add_cost(office.db, office.expert, plant.id, CostInput(SHAHRIVAR, "other", 1))
    with pytest.raises(ConflictError):
        approve_run(office.db, office.expert, run.id, version=again.version)
    again = compute_run(office.db, office.expert, plant.id, SHAHRIVAR)
    with pytest.raises(PermissionDenied):
        approve_run(office.db, office.facilitator, run.id, version=again.version)
    approved = approve_run(office.db, office.expert, run.id, version=again.version)
    with office.db.reading() as session:
        before = session.execute(select(SolarRunLine.id, SolarRunLine.version,
                                        SolarRunLine.payable)).all()

    for refused in (
            lambda: compute_run(office.db, office.expert, plant.id, SHAHRIVAR),
            lambda: approve_run(office.db, office.expert, run.id, version=approved.version),
            lambda: allocate_period(office.db, office.expert, SHAHRIVAR),
            lambda: add_cost(office.db, office.expert, plant.id,
                             CostInput(SHAHRIVAR, "other", 5)),
            lambda: add_receipt(office.db, office.expert, plant.id,
                                ReceiptInput(dt.date(2024, 9, 20), SHAHRIVAR, 5)),
            lambda: record_production(office.db, office.expert, plant.id, SHAHRIVAR, 1),
            lambda: add_share(office.db, office.expert, plant.id,
                              ShareInput(a.id, 1_000, dt.date(2024, 9, 1))),
            lambda: remove_entry(office.db, office.expert, "cost",
                                 month_sheet(office.db, office.viewer, plant.id,
                                             SHAHRIVAR).costs[0].id)):
        with pytest.raises(ValidationError):
            refused()
    with office.db.reading() as session:
        assert session.execute(select(SolarRunLine.id, SolarRunLine.version,
                                      SolarRunLine.payable)).all() == before
        assert session.get(SolarRun, run.id).version == approved.version


def test_an_approved_month_is_corrected_in_a_later_run_with_a_reason(office, plant_of_two):
    plant, a, b = plant_of_two
    run = _shahrivar(office, plant, b)
    approve_run(office.db, office.expert, run.id, version=run.version)
    with pytest.raises(ValidationError) as no_reason:
        add_correction(office.db, office.expert, plant.id,
                       CorrectionInput(MEHR, SHAHRIVAR, -248_000, ""))
    assert no_reason.value.field == "reason"
    with pytest.raises(ValidationError):          # Mehr is not approved: it is recomputed
        add_correction(office.db, office.expert, plant.id,
                       CorrectionInput(MEHR, MEHR, 1_000, "هزینهٔ بیمه دو بار ثبت شد"))
    # A maintenance bill of 248,000 was left out of Shahrivar: taken back by Shahrivar's
    # weights, 155,000 from A and 93,000 from B.
    mehr = add_correction(office.db, office.expert, plant.id,
                          CorrectionInput(MEHR, SHAHRIVAR, -248_000,
                                          "صورت‌حساب تعمیر اینورتر شهریور جا افتاده بود"))
    assert (mehr.net, mehr.adjustments, mehr.allocated) == (0, -248_000, -248_000)
    lines = _lines(office, mehr)
    assert lines[a.id].adjustments == -155_000 and lines[a.id].debt_after == 155_000
    # B still owes Shahrivar's 625,000, and now 93,000 more.
    assert lines[b.id].debt_after == 625_000 + 93_000
    assert {x.kind for x in adjustment_lines(office.db, office.viewer, mehr.id)} == {
        "correction"}
    with office.db.reading() as session:
        assert session.scalar(select(SolarAdjustmentLine.amount).where(
            SolarAdjustmentLine.client_id == a.id)) == -155_000


def test_approval_is_refused_while_a_payee_has_no_sheba_naming_who(office):
    plant = make_plant(office)
    paid = beneficiary(office)
    missing = [beneficiary(office, with_sheba=False, first_name="رقیه", last_name="نادری"),
               beneficiary(office, with_sheba=False, first_name="کبری", last_name="صالحی")]
    owing = beneficiary(office, with_sheba=False)
    for client in (paid, *missing, owing):
        add_share(office.db, office.expert, plant.id, ShareInput(client.id, 2_000, FARVARDIN))
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 9, 1), SHAHRIVAR, 4_000_001))
    # The one whose instalment takes everything is paid nothing, so needs no Sheba.
    add_deduction(office.db, office.expert, plant.id,
                  DeductionInput(SHAHRIVAR, owing.id, 2_000_000, "قسط وام"))
    [run] = allocate_period(office.db, office.expert, SHAHRIVAR)
    assert run.allocated == 4_000_001
    with pytest.raises(MissingSheba) as refused:
        approve_run(office.db, office.expert, run.id, version=run.version)
    message = refused.value.message
    for client in missing:
        assert client.first_name in message and client.last_name in message
        assert "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in client.national_code) in message
    assert {code for _, code in refused.value.payees} == {c.national_code for c in missing}
    assert owing.national_code not in {code for _, code in refused.value.payees}
    with pytest.raises(MissingSheba):
        allocate_period(office.db, office.expert, SHAHRIVAR, approve=True)
    for n, client in enumerate(missing):
        record = get_client(office.db, office.expert, client.id)
        update_client(office.db, office.expert, client.id,
                      dataclasses.replace(record.as_input(), sheba=f"IR{_sheba(n)}"),
                      version=record.version)
    [run] = allocate_period(office.db, office.expert, SHAHRIVAR, approve=True)
    assert run.approved and run.payees == 3


def _sheba(n: int) -> str:
    from tests.integration.solar_helpers import sheba

    return sheba(900 + n)[2:]


def test_a_negative_month_allocates_nothing_and_carries_its_shortfall(office, plant_of_two):
    plant, _, _ = plant_of_two
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 9, 1), SHAHRIVAR, 1_000_000))
    add_cost(office.db, office.expert, plant.id, CostInput(SHAHRIVAR, "insurance", 1_400_000))
    run = compute_run(office.db, office.expert, plant.id, SHAHRIVAR)
    assert (run.net, run.allocated) == (-400_000, 0)
    assert all(line.amount == 0 for line in run_lines(office.db, office.viewer, run.id))
    approve_run(office.db, office.expert, run.id, version=run.version)
    sheet = month_sheet(office.db, office.viewer, plant.id, MEHR)
    [shortfall] = sheet.costs
    assert (shortfall.kind, shortfall.amount) == ("shortfall", 400_000)
    assert "کسری ماه قبل" in shortfall.note
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 10, 1), MEHR, 1_000_000))
    assert compute_run(office.db, office.expert, plant.id, MEHR).net == 600_000


def test_months_are_approved_in_order(office, plant_of_two):
    plant, _, _ = plant_of_two
    mordad = dt.date(2024, 7, 22)
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 8, 1), mordad, 1_000_000))
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 9, 1), SHAHRIVAR, 1_000_000))
    shahrivar = compute_run(office.db, office.expert, plant.id, SHAHRIVAR)
    with pytest.raises(ValidationError) as refused:
        approve_run(office.db, office.expert, shahrivar.id, version=shahrivar.version)
    assert "۱۴۰۳/۰۵" in refused.value.message
    months = plant_months(office.db, office.viewer, plant.id, mordad, SHAHRIVAR)
    assert [(m.paid, m.run_status) for m in months] == [(1_000_000, None),
                                                        (1_000_000, "draft")]
    [mordad_run] = allocate_period(office.db, office.expert, mordad, approve=True)
    assert mordad_run.approved
    assert approve_run(office.db, office.expert, shahrivar.id,
                       version=shahrivar.version).approved


def test_a_month_is_approved_only_after_it_ends(office, plant_of_two):
    plant, _, _ = plant_of_two
    add_receipt(office.db, office.expert, plant.id,
                ReceiptInput(dt.date(2024, 10, 1), MEHR, 1_000_000))
    mehr = compute_run(office.db, office.expert, plant.id, MEHR)       # today is 15 Mehr
    with pytest.raises(ValidationError) as refused:
        approve_run(office.db, office.expert, mehr.id, version=mehr.version)
    assert "۱۴۰۳/۰۷" in refused.value.message


def test_deductions_are_for_the_plants_beneficiaries(office, plant_of_two):
    plant, a, _ = plant_of_two
    stranger = beneficiary(office)
    with pytest.raises(ValidationError) as refused:
        add_deduction(office.db, office.expert, plant.id,
                      DeductionInput(SHAHRIVAR, stranger.id, 1_000, "قسط وام"))
    assert refused.value.field == "client_id"
    add_deduction(office.db, office.expert, plant.id,
                  DeductionInput(SHAHRIVAR, a.id, 1_000, "قسط وام"))


def test_only_those_allowed_write_or_approve(office, plant_of_two):
    plant, a, _ = plant_of_two
    for actor in (office.viewer, office.facilitator):
        for refused in (
                lambda actor=actor: compute_run(office.db, actor, plant.id, SHAHRIVAR),
                lambda actor=actor: allocate_period(office.db, actor, SHAHRIVAR),
                lambda actor=actor: add_receipt(office.db, actor, plant.id,
                                    ReceiptInput(dt.date(2024, 9, 1), SHAHRIVAR, 5)),
                lambda actor=actor: add_share(office.db, actor, plant.id,
                                  ShareInput(a.id, 1_000, dt.date(2024, 9, 1))),
                lambda actor=actor: add_correction(office.db, actor, plant.id,
                                       CorrectionInput(MEHR, SHAHRIVAR, 5, "اصلاح اشتباه"))):
            with pytest.raises(PermissionDenied):
                refused()
    # Anyone may read.
    assert month_sheet(office.db, office.viewer, plant.id, SHAHRIVAR).run_status is None
