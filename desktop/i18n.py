"""User-visible text goes through ``tr``: English in the code, Persian from the catalogue.

The catalogue is ``resources/i18n/fa.json`` (English source → Persian). A test scans every
``tr("…")`` and ``N_("…")`` literal in the package and fails on a missing entry or on
placeholders that differ between the two sides, so nothing reaches a user in English.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

LANGUAGE = "fa"


@cache
def catalogue(language: str = LANGUAGE) -> dict[str, str]:
    text = resources.files("desktop.resources.i18n").joinpath(f"{language}.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)


def N_(text: str) -> str:  # noqa: N802 - gettext's conventional name for "mark, translate later"
    """Mark a literal for the catalogue without translating it yet (module-level tables)."""
    return text


_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _shown(value: object) -> object:
    # Whole numbers in a sentence read in Persian digits; text (user names, codes typed by the
    # user) is left exactly as given — the caller converts it if it should read in Persian.
    # Five digits and more are grouped with «٬»; four-digit numbers stay plain so years read
    # as years (۱۴۰۳, not ۱٬۴۰۳).
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}".replace(",", "\u066c") if abs(value) >= 10_000 else str(value)
        return text.translate(_PERSIAN_DIGITS)
    return value


def tr(text: str, /, **params: object) -> str:
    """The Persian for ``text``, with ``{name}`` placeholders filled from ``params``."""
    translated = catalogue().get(text, text)
    if not params:
        return translated
    return translated.format(**{key: _shown(value) for key, value in params.items()})
