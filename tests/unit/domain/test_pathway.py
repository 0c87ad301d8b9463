"""The stages of the employment pathway and the vocabulary's Persian labels."""

from __future__ import annotations

from desktop.domain.benefits import BenefitKind, ProgramKind
from desktop.domain.monitoring import VisitKind, VisitMode
from desktop.domain.pathway import (
    PATHWAY,
    CaseStatus,
    CloseReason,
    EmploymentKind,
    EmploymentModel,
    ReferralSource,
    Sector,
    Stage,
    skipped_between,
)
from desktop.domain.people import (
    DisabilitySeverity,
    DisabilityType,
    Education,
    Gender,
    TargetGroup,
)

VOCABULARY = (Stage, CaseStatus, CloseReason, EmploymentKind, EmploymentModel, ReferralSource,
              Sector, BenefitKind, ProgramKind, VisitKind, VisitMode, Gender, TargetGroup,
              DisabilityType, DisabilitySeverity, Education)


def test_the_pathway_runs_in_the_domain_order() -> None:
    assert [s.label for s in PATHWAY] == [
        "شناسایی و معرفی", "اهلیت‌سنجی", "مهارت‌آموزی", "اتصال به الگوی اشتغال",
        "ایجاد اشتغال", "پایش و پشتیبانی", "تثبیت اشتغال"]
    assert Stage.REFERRAL.next() is Stage.ASSESSMENT
    assert Stage.STABILISED.next() is None
    assert [s.order for s in PATHWAY] == list(range(7))


def test_skipping_names_the_stages_passed_over() -> None:
    assert skipped_between(Stage.REFERRAL, Stage.ASSESSMENT) == []
    assert skipped_between(Stage.ASSESSMENT, Stage.JOB) == [Stage.TRAINING, Stage.MODEL]


def test_every_code_has_a_persian_label() -> None:
    for vocabulary in VOCABULARY:
        for code, label in vocabulary.choices():
            assert code.isascii() and code == code.lower()
            assert any("\u0600" <= ch <= "\u06ff" for ch in label), (vocabulary, code)


def test_domain_terms_are_the_users_own() -> None:
    assert TargetGroup.FEMALE_HEAD.label == "بانوی سرپرست خانوار"
    assert TargetGroup.RECOVERED_ADDICT.label == "فرد بهبودیافته از اعتیاد"
    assert BenefitKind.SELF_INSURANCE.label == "بیمه سهم خویش‌فرمایی"
    assert EmploymentKind.CREATED.label == "ایجادی"
    assert EmploymentKind.STABILISING.label == "تثبیتی"
    assert Sector.AGRICULTURE.label == "کشاورزی"


def test_codes_are_stored_as_plain_text() -> None:
    assert Stage("follow_up") is Stage.FOLLOW_UP
    assert Stage.FOLLOW_UP == "follow_up"
    assert "'follow_up'" in Stage.sql_in()
