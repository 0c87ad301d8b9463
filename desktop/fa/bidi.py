"""Left-to-right text (a folder, an address) inside a Persian sentence.

The bidirectional algorithm would tear «E:\\ارسال به ستاد» apart among the Persian words around
it; a left-to-right isolate keeps it whole and in its own direction, and is invisible otherwise.
"""

from __future__ import annotations

LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolated(text: str) -> str:
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
