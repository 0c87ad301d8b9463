from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.fa.normalize import ZWNJ, clean_text, search_key, search_terms

persian = st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ ", min_size=1, max_size=30)


def test_clean_text_is_light() -> None:
    assert clean_text("  علي   كريمي ") == "علی کریمی"
    assert clean_text("مـــحمد") == "محمد"
    assert clean_text("می\u200c\u200cخواهم") == "می\u200cخواهم"
    assert clean_text("\u200cعلی \u200c رضا\u200c") == "علی رضا"
    assert clean_text("فاطِمه") == "فاطِمه"  # diacritics stay in what is stored
    assert clean_text("۱۲۳ 456") == "۱۲۳ 456"  # digits stay as typed


def test_search_key_folds_what_people_type_differently() -> None:
    assert search_key("علي") == search_key("علی")
    assert search_key("كريمي") == search_key("کریمی")
    assert search_key("محمد رضا") == search_key("محمدرضا") == search_key(f"محمد{ZWNJ}رضا")
    assert search_key("آزاده") == search_key("ازاده")
    assert search_key("مسئول") == search_key("مسیول")
    assert search_key("فاطِمه") == search_key("فاطمه")
    assert search_key("۰۹۱۲-۱۲۳ ۴۵۶۷") == "09121234567"
    assert search_key("٠١٢") == "012"
    assert search_key("Ali REZA") == "alireza"


def test_search_terms_each_must_match_in_any_order() -> None:
    key = search_key("زهرا احمدی")
    terms = search_terms("احمدي زهرا")
    assert terms == ["احمدی", "زهرا"]
    assert all(term in key for term in terms)


@given(persian)
def test_search_key_is_idempotent(text: str) -> None:
    assert search_key(search_key(text)) == search_key(text)


@given(persian, st.data())
def test_search_key_ignores_variants(text: str, data: st.DataObject) -> None:
    variant = text.replace("ی", data.draw(st.sampled_from(["ی", "ي", "ى"])))
    variant = variant.replace("ک", data.draw(st.sampled_from(["ک", "ك"])))
    variant = variant.replace(" ", data.draw(st.sampled_from([" ", ZWNJ, "", "  "])))
    assert search_key(variant) == search_key(text)


@given(st.text(max_size=40))
def test_clean_text_is_idempotent(text: str) -> None:
    assert clean_text(clean_text(text)) == clean_text(text)
