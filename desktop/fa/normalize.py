"""Persian text: light cleaning for storage, and the search key used only for comparing.

Text arrives with Arabic ي/ك (from Arabic keyboard layouts and old systems), digits of three
scripts, tatweel and zero-width non-joiners placed by habit. What is stored is what was typed,
lightly cleaned; everything that compares or searches goes through ``search_key``.
"""

from __future__ import annotations

import re

from desktop.fa.digits import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS

ZWNJ = "\u200c"
ZWJ = "\u200d"
TATWEEL = "\u0640"

# Arabic yeh and kaf are simply the wrong letters for Persian: fixed even in stored text.
_CLEAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", TATWEEL: None, "\u200f": None,
                        "\u200e": None, "\ufeff": None})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZWNJ_RUNS = re.compile(f"{ZWNJ}+")
_ZWNJ_BY_SPACE = re.compile(f" ?{ZWNJ} ?")

_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_FOLD = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
    TATWEEL: None, ZWNJ: None, ZWJ: None, "\u200e": None, "\u200f": None, "\ufeff": None,
}
_FOLD.update({ch: None for ch in _DIACRITICS})
_FOLD.update(dict(zip(PERSIAN_DIGITS, LATIN_DIGITS, strict=True)))
_FOLD.update(dict(zip(ARABIC_DIGITS, LATIN_DIGITS, strict=True)))
# Separators inside codes and phone numbers (0912-123 4567, 001/354/2419) carry no meaning.
_FOLD.update({ch: None for ch in "-_/.,،٫٬()[]{}+«»\"'`"})
_SEARCH = str.maketrans(_FOLD)


def clean_text(text: str) -> str:
    """What is stored: trimmed, single spaces, Persian ی/ک, no tatweel, tidy ZWNJs."""
    text = _SPACES.sub(" ", text.translate(_CLEAN).replace("\r\n", "\n"))
    text = _ZWNJ_RUNS.sub(ZWNJ, text)
    text = _ZWNJ_BY_SPACE.sub(lambda m: " " if " " in m.group(0) else ZWNJ, text)
    return "\n".join(line.strip(" " + ZWNJ) for line in text.split("\n")).strip()


def search_key(text: str) -> str:
    """The comparison form of ``text``: never shown, never stored in place of the text.

    Letter variants fold together (ي ى ئ → ی, ك → ک, ة ۀ → ه, أ إ آ ٱ → ا, ؤ → و), diacritics and
    tatweel go, digits become Latin, Latin letters lower-case. ZWNJ is dropped *and so are
    spaces*: «محمدرضا», «محمد رضا» and «محمد‌رضا» are one name typed three ways, so the key
    is one unbroken string of words joined by nothing. A search term goes through the same
    function, so a fragment typed with or without its spaces matches inside the key.
    """
    return "".join(text.translate(_SEARCH).lower().split())


def search_terms(query: str) -> list[str]:
    """Each word of a query as its own key: every one must occur (in any order) to match."""
    return [key for key in (search_key(word) for word in query.split()) if key]
