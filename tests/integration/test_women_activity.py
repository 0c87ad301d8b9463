"""Trainings with attendance and certificates; meetings with minutes, presence and decisions;
market links and bazaars."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.services.women_activity import (
    DecisionInput,
    TrainingInput,
    WomenMeetingInput,
    add_training,
    delete_training,
    delete_women_meeting,
    group_trainings,
    record_women_meeting,
    update_training,
    update_women_meeting,
    women_meetings,
)
from desktop.services.women_market import (
    BazaarInput,
    MarketLinkInput,
    add_bazaar,
    add_market_link,
    bazaars,
    delete_market_link,
    market_links,
    update_market_link,
)
from desktop.services.women_members import WomenMemberInput, add_women_member
from tests.integration.conftest import Office
from tests.integration.women_helpers import FORMED, make_women_group

DAY = FORMED + dt.timedelta(days=60)


def test_a_training_records_who_attended_and_who_was_certified(office: Office) -> None:
    group, (a, b, c, d) = make_women_group(office)
    training = add_training(office.db, office.facilitator, group.id, TrainingInput(
        title="دوره بسته‌بندی و برچسب مواد غذایی", kind="skill", starts_on=DAY,
        ends_on=DAY + dt.timedelta(days=4), hours=40, provider="آموزشگاه فنی و حرفه‌ای شیراز",
        attendees=(a, b, c), certified=(a, c)))
    assert training.members == 4 and training.attendance == pytest.approx(0.75)
    assert {(x.member_id, x.certified) for x in training.attendees} == {
        (a, True), (b, False), (c, True)}
    changed = update_training(office.db, office.expert, training.id, dataclasses.replace(
        training.as_input(), attendees=(d,), certified=()), version=training.version)
    assert [x.member_id for x in changed.attendees] == [d]
    one_day = add_training(office.db, office.expert, group.id, TrainingInput(
        title="آشنایی با فروش اینترنتی", kind="marketing", starts_on=DAY + dt.timedelta(days=9),
        hours=4))
    assert one_day.ends_on == one_day.starts_on
    assert [t.id for t in group_trainings(office.db, office.viewer, group.id)] == [
        one_day.id, training.id]
    with pytest.raises(ConflictError):
        update_training(office.db, office.expert, training.id, training.as_input(),
                        version=training.version)
    delete_training(office.db, office.expert, one_day.id)
    assert [t.id for t in group_trainings(office.db, office.expert, group.id)] == [training.id]


def test_a_training_is_checked(office: Office) -> None:
    group, (a, b, *_) = make_women_group(office)
    late = add_women_member(office.db, office.expert, group.id, WomenMemberInput(
        joined_on=DAY + dt.timedelta(days=30), client_id=office.client().id))
    with pytest.raises(ValidationError) as refused:
        add_training(office.db, office.expert, group.id, TrainingInput(
            title="د", kind="yoga", starts_on=DAY, ends_on=DAY - dt.timedelta(days=1),
            hours=0))
    assert set(refused.value.errors) == {"title", "kind", "ends_on", "hours"}
    for change, field in ((dict(attendees=(late.id,)), "attendees"),
                          (dict(attendees=(a, a)), "attendees"),
                          (dict(attendees=(a,), certified=(b,)), "certified"),
                          (dict(starts_on=FORMED - dt.timedelta(days=1)), "starts_on"),
                          (dict(starts_on=dt.date(2030, 1, 1)), "starts_on")):
        with pytest.raises(ValidationError) as refused:
            add_training(office.db, office.expert, group.id, TrainingInput(**{
                "title": "خیاطی", "kind": "skill", "starts_on": DAY, "hours": 20, **change}))
        assert field in refused.value.errors, change


def test_a_meeting_keeps_its_minutes_presence_and_decisions(office: Office) -> None:
    group, (a, b, c, _) = make_women_group(office)
    meeting = record_women_meeting(office.db, office.facilitator, group.id, WomenMeetingInput(
        held_on=DAY, minutes="گزارش فروش ماه و برنامه حضور در بازارچه نوروزی بررسی شد.",
        present=(a, b, c), decisions=(
            DecisionInput("ثبت‌نام در بازارچه نوروزی", responsible_id=b,
                          due_on=DAY + dt.timedelta(days=20)),
            DecisionInput("خرید شیشه برای بسته‌بندی"))))
    assert meeting.members == 4 and meeting.present == tuple(sorted((a, b, c)))
    assert [(d.number, d.responsible_id, d.responsible_name) for d in
            meeting.decisions] == [(1, b, "زهرا دهقان"), (2, None, "")]
    changed = update_women_meeting(office.db, office.expert, meeting.id, dataclasses.replace(
        meeting.as_input(), present=(a,), decisions=meeting.as_input().decisions[1:]),
        version=meeting.version)
    assert changed.present == (a,) and [d.number for d in changed.decisions] == [1]
    with pytest.raises(ConflictError):      # only its presence and decisions changed
        update_women_meeting(office.db, office.expert, meeting.id, meeting.as_input(),
                             version=meeting.version)
    with pytest.raises(ValidationError) as refused:
        record_women_meeting(office.db, office.expert, group.id, WomenMeetingInput(
            held_on=DAY, minutes="جلسه دوم در همان روز برگزار شد."))
    assert "held_on" in refused.value.errors
    assert [m.id for m in women_meetings(office.db, office.viewer, group.id)] == [meeting.id]
    delete_women_meeting(office.db, office.expert, meeting.id)
    assert women_meetings(office.db, office.expert, group.id) == []
    with pytest.raises(NotFound):
        delete_women_meeting(office.db, office.expert, meeting.id)


def test_a_meeting_is_checked(office: Office) -> None:
    group, (a, *_) = make_women_group(office)
    with pytest.raises(ValidationError) as refused:
        record_women_meeting(office.db, office.expert, group.id, WomenMeetingInput(
            held_on=DAY, minutes="کوتاه", present=(a, 12345), decisions=(
                DecisionInput("خرید"), DecisionInput("پیگیری وام", responsible_id=12345),
                DecisionInput("بازدید", due_on=DAY - dt.timedelta(days=1)),
                DecisionInput(""))))
    assert set(refused.value.errors) == {"minutes", "present", "decision.1", "decision.2",
                                         "decision.3"}
    with pytest.raises(ValidationError) as refused:
        record_women_meeting(office.db, office.expert, group.id, WomenMeetingInput(
            held_on=None, minutes="گزارش کار ماه گذشته خوانده شد."))
    assert "held_on" in refused.value.errors
    with pytest.raises(PermissionDenied):
        record_women_meeting(office.db, office.viewer, group.id, WomenMeetingInput(
            held_on=DAY, minutes="گزارش کار ماه گذشته خوانده شد."))


def test_market_links_and_their_shop_links(office: Office) -> None:
    group, _ = make_women_group(office)
    shop = add_market_link(office.db, office.facilitator, group.id, MarketLinkInput(
        kind="digital", partner="باسلام", starts_on=DAY, shop_url="Basalam.com/rob-anar-dashtak"))
    assert shop.shop_url == "https://basalam.com/rob-anar-dashtak"
    contract = add_market_link(office.db, office.expert, group.id, MarketLinkInput(
        kind="outsourcing", partner="شرکت پوشاک پارس", starts_on=FORMED + dt.timedelta(days=5),
        ends_on=FORMED + dt.timedelta(days=100), contract_number="ق-۱۴۰۲/۵۵",
        contract_value=900_000_000))
    assert contract.contract_number == "ق-1402/55"
    assert [link.id for link in market_links(office.db, office.viewer, group.id)] == [
        shop.id, contract.id]     # the running link first
    cases = {
        "shop_url": dict(kind="digital", shop_url=""),
        "kind": dict(kind="barter"),
        "partner": dict(partner="x"),
        "ends_on": dict(ends_on=DAY - dt.timedelta(days=1)),
        "contract_value": dict(contract_value=-1),
        "starts_on": dict(starts_on=FORMED - dt.timedelta(days=1)),
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as refused:
            add_market_link(office.db, office.expert, group.id, MarketLinkInput(**{
                "kind": "firm", "partner": "فروشگاه زنجیره‌ای رفاه", "starts_on": DAY,
                **change}))
        assert field in refused.value.errors, field
    for url in ("ftp://files.example.com", "basalam com", "https://localhost/shop"):
        with pytest.raises(ValidationError) as refused:
            update_market_link(office.db, office.expert, shop.id, dataclasses.replace(
                shop.as_input(), shop_url=url), version=shop.version)
        assert "shop_url" in refused.value.errors
    ended = update_market_link(office.db, office.expert, shop.id, dataclasses.replace(
        shop.as_input(), ends_on=DAY + dt.timedelta(days=30)), version=shop.version)
    assert not ended.active_on(DAY + dt.timedelta(days=31))
    delete_market_link(office.db, office.expert, contract.id)
    assert [link.id for link in market_links(office.db, office.expert, group.id)] == [shop.id]


def test_bazaars_with_their_dates_and_sales(office: Office) -> None:
    group, _ = make_women_group(office)
    fair = add_bazaar(office.db, office.facilitator, group.id, BazaarInput(
        name="بازارچه خوداشتغالی نوروزی", starts_on=DAY, ends_on=DAY + dt.timedelta(days=6),
        sales=42_500_000, place="بوستان آزادی شیراز"))
    day = add_bazaar(office.db, office.expert, group.id, BazaarInput(
        name="جشنواره محصولات خانگی", starts_on=DAY + dt.timedelta(days=40), sales=0))
    assert day.ends_on == day.starts_on
    assert [b.id for b in bazaars(office.db, office.expert, group.id)] == [day.id, fair.id]
    cases = {
        "starts_on": dict(starts_on=dt.date(2030, 1, 1)),
        "ends_on": dict(ends_on=DAY + dt.timedelta(days=61)),
        "sales": dict(sales=-1),
        "name": dict(name="ب"),
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as refused:
            add_bazaar(office.db, office.expert, group.id, BazaarInput(**{
                "name": "بازارچه هفتگی", "starts_on": DAY, "sales": 1_000_000, **change}))
        assert field in refused.value.errors, field
    with pytest.raises(NotFound):
        add_bazaar(office.db, office.other_facilitator, group.id, BazaarInput(
            name="بازارچه هفتگی", starts_on=DAY, sales=1))
