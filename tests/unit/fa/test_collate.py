"""Persian alphabetical order through a key any database compares byte for byte."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.fa.collate import ALPHABET, name_sort_key, sort_key


def test_persian_letters_sort_in_dictionary_order() -> None:
    names = ["گودرزی", "یزدانی", "پاکزاد", "احمدی", "آقایی", "چراغی", "بهرامی", "ژاله",
             "كاظمی", "کریمی", "زارعی"]
    assert sorted(names, key=sort_key) == [
        "آقایی", "احمدی", "بهرامی", "پاکزاد", "چراغی", "زارعی", "ژاله", "كاظمی", "کریمی",
        "گودرزی", "یزدانی"]


def test_codepoint_order_would_be_wrong() -> None:
    # The trap this module exists for: «پ» (U+067E) comes after «و» (U+0648) in Unicode.
    assert sorted(["پاکزاد", "وحیدی"]) == ["وحیدی", "پاکزاد"]
    assert sorted(["پاکزاد", "وحیدی"], key=sort_key) == ["پاکزاد", "وحیدی"]


def test_arabic_forms_sort_with_their_persian_letters() -> None:
    assert sort_key("علي") == sort_key("علی")
    assert sort_key("كاظم") == sort_key("کاظم")
    assert sort_key("فاطمة") == sort_key("فاطمه")


def test_a_shorter_last_name_comes_first_whatever_the_first_name() -> None:
    assert name_sort_key("احمد", "یاسر") < name_sort_key("احمدی", "آرش")
    assert name_sort_key("احمدی", "آرش") < name_sort_key("احمدی", "بابک")


@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=8), min_size=2, max_size=20))
def test_the_key_orders_letters_as_the_alphabet_does(words: list[str]) -> None:
    def by_alphabet(word: str) -> list[int]:
        return [ALPHABET.index(ch) for ch in word]

    assert sorted(words, key=sort_key) == sorted(words, key=by_alphabet)
