"""A line of text as directional runs in visual order (Unicode's bidi algorithm, rules L1–L2).

Runs are shaped one at a time (HarfBuzz shapes one direction) and then placed left to right in
the order returned here. Mirroring is HarfBuzz's work: it draws «(» of a right-to-left run as «)».

The levels come from python-bidi's Python implementation: its compiled ``get_display`` gives only
the reordered string, from which neither the runs nor the characters' origins can be recovered.
It drops explicit embedding marks and boundary-neutral characters (ZWNJ among them) before it
resolves levels (rule X9), so they are taken out first and given the level of the character
before them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from bidi import algorithm

# Classes that make a line more than one right-to-left run.
_NOT_SIMPLE_RTL = frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF",
                             "LRI", "RLI", "FSI", "PDI"})
_REMOVED = frozenset(algorithm.X9_REMOVED)


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def _levels(text: str, base_level: int) -> list[int]:
    kept = [i for i, ch in enumerate(text) if unicodedata.bidirectional(ch) not in _REMOVED]
    storage = algorithm.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = "LR"[base_level]
    algorithm.get_embedding_levels("".join(text[i] for i in kept), storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [base_level] * len(text)
    for i, ch in zip(kept, storage["chars"], strict=True):
        levels[i] = ch["level"]
    previous = base_level
    kept_set = set(kept)
    for i in range(len(text)):
        if i in kept_set:
            previous = levels[i]
        else:
            levels[i] = previous
    # L1: whitespace at the end of the line takes the paragraph's level.
    i = len(text) - 1
    while i >= 0 and text[i] in " \t":
        levels[i] = base_level
        i -= 1
    return levels


def paragraph_rtl(text: str) -> bool:
    """True unless the first letter of ``text`` is written left to right (rule P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return True


def visual_runs(text: str, rtl: bool = True) -> list[Run]:
    """The runs of ``text`` (one line, logical order) left to right as they are to be drawn."""
    if not text:
        return []
    base_level = 1 if rtl else 0
    if rtl and not any(unicodedata.bidirectional(ch) in _NOT_SIMPLE_RTL for ch in text):
        return [Run(0, len(text), 1)]
    levels = _levels(text, base_level)
    runs: list[Run] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or levels[i] != levels[start]:
            runs.append(Run(start, i, levels[start]))
            start = i
    # L2: from the highest level down to the lowest odd one, reverse every maximal sequence of
    # runs at that level or above.
    highest = max(run.level for run in runs)
    lowest_odd = min(run.level for run in runs if run.level % 2) if any(
        run.level % 2 for run in runs) else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(runs):
            if runs[i].level >= level:
                j = i
                while j < len(runs) and runs[j].level >= level:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1
    return runs
