"""Cells as offices type them: dates, genders, target groups, counties, headers."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.services.client_import_headers import match_header, match_headers
from desktop.services.client_import_values import (
    CellError,
    Counties,
    cell_text,
    read_date,
    read_gender,
    read_target_groups,
)

NOROOZ_1370 = dt.date(1991, 3, 21)


@pytest.mark.parametrize("typed", ["1370/1/1", "۱۳۷۰/۰۱/۰۱", "1370-01-01", "١٣٧٠.١.١",
                                   "13700101", "1/1/1370", "70/1/1", " 1370 / 1 / 1 ",
                                   "1991-03-21", dt.datetime(1991, 3, 21), "1991-03-21 00:00:00"])
def test_dates_in_any_digits_and_separators(typed) -> None:
    assert read_date(typed) == NOROOZ_1370


@pytest.mark.parametrize("typed", ["1370/13/1", "1370/12/31", "دیروز", "1370/1", "1370/1/1/1"])
def test_bad_dates_are_refused_in_persian(typed) -> None:
    with pytest.raises(CellError) as error:
        read_date(typed)
    assert any("\u0600" <= ch <= "\u06ff" for ch in error.value.message)


def test_cells_as_text() -> None:
    assert [cell_text(v) for v in (None, float("nan"), 12345678.0, 12, 1.5, " x ")] == [
        "", "", "12345678", "12", "1.5", "x"]
    assert read_date("") is None


def test_genders_groups_and_counties() -> None:
    assert [read_gender(w) for w in ("زن", "خانم", "مؤنث", "آقا", "مذكر")] == [
        "female", "female", "female", "male", "male"]
    assert read_target_groups("معلول، سرپرست خانوار") == {"disability", "female_head"}
    assert read_target_groups("بانوی سرپرست خانوار") == {"female_head"}
    counties = Counties("07", "0707")
    assert counties.read("كازرون") == "0710" and counties.read("شهرستان شیراز") == "0707"
    assert counties.read("") == "0707" and counties.read("0707") == "0707"
    with pytest.raises(CellError, match="استان"):
        counties.read("تبریز")


def test_headers_as_offices_write_them() -> None:
    assert match_header("كدملي") == "national_code"
    assert match_header("ش.همراه") == "mobile"
    assert match_header("تاریخ تولد مددجو") == "birth_date"
    assert match_header("نام روستا") is None
    assert match_headers(["موبایل", "تلفن همراه"]) == ["mobile", None]
