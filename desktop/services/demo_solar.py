"""The demo's solar plants: an aggregated plant of about 1 MW whose beneficiaries hold about
5 kW each, and rooftop plants of a few beneficiaries; shares that join and leave in mid-month
and a transfer; a year of production with the seasons, payments (some partial, their arrears
paid later), costs, loan instalments deducted; every month's allocation approved but the last,
left in draft. Written through the runs service's own computation, so the demo is what the
rules give."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.actor import Actor
from desktop.domain.solar import (
    CostKind,
    PlantKind,
    TariffKind,
    month_last_day,
    month_of,
    next_month,
    previous_month,
    tariff_on,
)
from desktop.domain.solar import Tariff as TariffEntry
from desktop.fa.jalali import gregorian_to_jalali
from desktop.models.people import Client
from desktop.models.solar import (
    SolarCorrection,
    SolarCost,
    SolarDeduction,
    SolarMonth,
    SolarPlant,
    SolarReceipt,
    SolarShare,
    SolarTariff,
)
from desktop.services.solar_runs import approve_in, compute_in

MONTHS = 12
SHARE_WATTS = 5_000
# The sun's year in Fars, from Farvardin: a month's output against the yearly mean.
SEASON = (1.00, 1.12, 1.22, 1.25, 1.22, 1.12, 0.98, 0.85, 0.74, 0.72, 0.80, 0.92)
BUYER = "شرکت توزیع نیروی برق استان فارس"
REASON = "بانوی سرپرست خانوار بدون توان کار؛ مصوبهٔ کمیتهٔ اشتغال شهرستان"
LOAN = "قسط وام قرض‌الحسنهٔ اشتغال"


@dataclasses.dataclass(frozen=True)
class PlantPlan:
    name: str
    kind: str
    watts: int
    site: str
    months_before: int           # commissioned this many months before the demo's year
    holders: int


PLANS = (
    PlantPlan("نیروگاه خورشیدی تجمیعی بهزیستی شیراز", PlantKind.AGGREGATED, 1_000_000,
              "جادهٔ شیراز–سپیدان، زمین اهدایی خیرین، قطعهٔ ۱۲", 9, 190),
    PlantPlan("نیروگاه پشت‌بامی مرکز توان‌بخشی امید", PlantKind.ROOFTOP, 25_000,
              "شیراز، بلوار چمران، کوچهٔ ۱۴", 14, 4),
    PlantPlan("نیروگاه پشت‌بامی سرای سالمندان مهر", PlantKind.ROOFTOP, 15_000,
              "شیراز، خیابان زند، پلاک ۲۲۰", 3, 3),
    PlantPlan("نیروگاه خورشیدی تجمیعی زرقان", PlantKind.AGGREGATED, 500_000,
              "زرقان، شهرک صنعتی، فاز ۲", 5, 95),
)


def _day(rng: random.Random, month: dt.date, first: int = 0, last: int | None = None) -> dt.date:
    end = (month_last_day(month) - month).days if last is None else last
    return month + dt.timedelta(days=rng.randint(first, end))


class SolarMaker:
    """Writes the demo's plants for the twelve complete Jalali months before ``today``."""

    def __init__(self, session: Session, rng: random.Random, today: dt.date, county: str,
                 approver: Actor) -> None:
        self.session, self.rng, self.county, self.approver = session, rng, county, approver
        self.last = previous_month(month_of(today))
        first = self.last
        for _ in range(MONTHS - 1):
            first = previous_month(first)
        self.first = first
        self.months: list[dt.date] = []
        month = first
        while month <= self.last:
            self.months.append(month)
            month = next_month(month)

    def make(self, plants: int) -> int:
        """Up to ``plants`` plants, as far as the office's clients with a Sheba go (those
        marked hard to employ first); returns how many were made."""
        people = list(self.session.execute(
            select(Client.id, Client.hard_to_employ).where(Client.sheba.is_not(None))
            .order_by(Client.hard_to_employ.desc(), Client.id)))
        made = 0
        for plan in PLANS[:plants]:
            # A small office's people are spread over the plants, not all in the first.
            room = len(people) * 2 // 3 if plan.kind == PlantKind.AGGREGATED else len(people)
            taken = min(plan.holders, max(room - 2, 0))
            holders, people = people[:taken], people[taken:]
            if not holders:
                break
            made += 1
            if plan.kind == PlantKind.AGGREGATED:       # sized to its people, 50 kW steps
                watts = -(-(taken + 8) * SHARE_WATTS // 50_000) * 50_000
                plan = dataclasses.replace(plan, watts=min(plan.watts, watts))
            plant = self._plant(made, plan)
            self._shares(plant, holders, people[:2] if plan.kind == PlantKind.AGGREGATED else [])
            people = people[2:] if plan.kind == PlantKind.AGGREGATED else people
            self._months(plant, holders)
            self._runs(plant)
        return made

    def _plant(self, number: int, plan: PlantPlan) -> SolarPlant:
        commissioned = self.first
        for _ in range(plan.months_before):
            commissioned = previous_month(commissioned)
        commissioned += dt.timedelta(days=self.rng.randint(0, 20))
        plant = SolarPlant(
            code=f"SP-{self.county}-{number:03d}", name=plan.name, county_code=self.county,
            site=plan.site, capacity_watts=plan.watts, kind=plan.kind.value,
            commissioned_on=commissioned, buyer=BUYER, contract_starts_on=commissioned,
            contract_years=20, meter_id=f"FRS-{self.rng.randint(10**6, 10**7 - 1)}",
            notes="")
        self.session.add(plant)
        self.session.flush()
        rate, start, kind = 38_000 + 1_000 * self.rng.randint(0, 6), commissioned, "initial"
        while start <= self.last:
            self.session.add(SolarTariff(plant_id=plant.id, effective_on=start,
                                         rials_per_kwh=rate, kind=TariffKind(kind).value,
                                         note="" if kind == "initial" else "تعدیل سالانه ۲۰٪"))
            rate, kind = rate * 12 // 1000 * 100, "indexation"
            start = start.replace(year=start.year + 1)
        return plant

    def _shares(self, plant: SolarPlant, holders: list, joiners: list) -> None:
        """Everyone from commissioning; on an aggregated plant a few leave in mid-year and
        others join, and one gives part of her share to a newcomer."""
        rng, start = self.rng, plant.commissioned_on
        watts = SHARE_WATTS if plant.kind == PlantKind.AGGREGATED \
            else plant.capacity_watts // len(holders)
        shares = []
        for client_id, hard in holders:
            share = SolarShare(plant_id=plant.id, client_id=client_id, watts=watts,
                               starts_on=start, reason="" if hard else REASON)
            self.session.add(share)
            shares.append(share)
        self.session.flush()
        if plant.kind != PlantKind.AGGREGATED or len(shares) < 8:
            return
        middle = self.months[MONTHS // 2]
        for share in shares[-3:]:                      # leave in mid-month
            share.ends_on = _day(rng, self.months[rng.randint(2, MONTHS - 3)], 3, 25)
        for client_id, hard in joiners:               # join in mid-month, into free watts
            self.session.add(SolarShare(plant_id=plant.id, client_id=client_id, watts=watts,
                                        starts_on=_day(rng, middle, 5, 20),
                                        reason="" if hard else REASON))
        given, heir = shares[0], shares[-1]           # a transfer: 3 of 5 kW to a newcomer
        day = _day(rng, self.months[MONTHS // 3], 8, 18)
        given.ends_on = day - dt.timedelta(days=1)
        self.session.add_all([
            SolarShare(plant_id=plant.id, client_id=heir.client_id, watts=3_000, starts_on=day,
                       reason=heir.reason, transferred_from_id=given.id),
            SolarShare(plant_id=plant.id, client_id=given.client_id, watts=2_000,
                       starts_on=day, reason=given.reason, transferred_from_id=given.id)])
        self.session.flush()

    def _months(self, plant: SolarPlant, holders: list) -> None:
        rng = self.rng
        tariffs = [TariffEntry(t.effective_on, t.rials_per_kwh) for t in self.session.scalars(
            select(SolarTariff).where(SolarTariff.plant_id == plant.id))]
        kw = plant.capacity_watts // 1000
        debtors = [client for client, _ in holders[5:5 + max(len(holders) // 20, 1)]]
        faulty = self.months[rng.randint(6, 9)] if plant.kind == PlantKind.ROOFTOP else None
        for index, month in enumerate(self.months):
            if month_last_day(month) < plant.commissioned_on:
                continue
            season = SEASON[gregorian_to_jalali(month).month - 1]
            factor = 0.45 if month == faulty else rng.uniform(0.92, 1.04)
            kwh = int(kw * 150 * season * factor)
            self.session.add(SolarMonth(plant_id=plant.id, month=month, production_kwh=kwh,
                                        note="خرابی اینورتر؛ ۱۲ روز از مدار خارج" if month ==
                                        faulty else ""))
            invoice = kwh * (tariff_on(tariffs, month) or 0)
            paid_day = _day(rng, month, 18, 26)
            partial = index not in (0, MONTHS - 1) and rng.random() < 0.3
            first_part = invoice * rng.randint(55, 85) // 100 if partial else invoice
            self.session.add(SolarReceipt(plant_id=plant.id, received_on=paid_day,
                                          for_month=month, amount=first_part,
                                          note="واریز ماهانه" if not partial
                                          else "پرداخت علی‌الحساب"))
            later = index + rng.randint(1, 3)
            if partial and later < len(self.months) - 1:
                self.session.add(SolarReceipt(
                    plant_id=plant.id, received_on=_day(rng, self.months[later], 2, 12),
                    for_month=month, amount=invoice - first_part, note="وصول معوقه"))
            if index % 3 == 1:
                self._cost(plant, month, CostKind.MAINTENANCE, invoice * rng.randint(2, 4) // 100,
                           "سرویس دوره‌ای و شست‌وشوی پنل‌ها")
            if index == 0:
                self._cost(plant, month, CostKind.INSURANCE, invoice * 6 // 100,
                           "بیمهٔ سالانهٔ تجهیزات نیروگاه")
            if month == faulty:                       # the repair costs more than the month
                self._cost(plant, month, CostKind.OTHER, invoice * 13 // 10,
                           "تعویض اینورتر")
            if plant.kind == PlantKind.AGGREGATED and 2 <= index < 8:
                for number, client in enumerate(debtors):
                    amount = 60_000_000 if number == 0 and index == 4 else 4_000_000
                    self.session.add(SolarDeduction(plant_id=plant.id, month=month,
                                                    client_id=client, amount=amount,
                                                    reason=LOAN))
        self.session.flush()

    def _cost(self, plant: SolarPlant, month: dt.date, kind: CostKind, amount: int,
              note: str) -> None:
        if amount > 0:
            self.session.add(SolarCost(plant_id=plant.id, month=month, kind=kind.value,
                                       amount=amount, note=note))

    def _runs(self, plant: SolarPlant) -> None:
        """Every month approved in order; the last left in draft, with a correction of an
        earlier month in it."""
        months = [m for m in self.months if month_last_day(m) >= plant.commissioned_on]
        for month in months[:-1]:
            approve_in(self.session, self.approver, compute_in(self.session, plant, month))
        if len(months) >= 2 and plant.kind == PlantKind.AGGREGATED:
            self.session.add(SolarCorrection(
                plant_id=plant.id, month=months[-1], for_month=months[-2], amount=1_250_000,
                reason="برگشت هزینهٔ نگهداری که دو بار ثبت شده بود"))
            self.session.flush()
        compute_in(self.session, plant, months[-1])
