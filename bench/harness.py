"""The bench registry and timing helpers.

A metric is a function decorated with ``@metric`` that measures its candidate *and* a baseline
in the same run and returns a :class:`Result`. Comparing with a baseline taken on the same
machine at the same moment makes a figure mean something on a busy laptop or a CI runner.

To add one: write ``bench/<area>.py`` with a ``@metric("name")`` function and add the module to
``MODULES`` in ``bench/__main__.py``.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable

REGISTRY: dict[str, Callable[[], Result | list[Result]]] = {}


@dataclasses.dataclass(frozen=True)
class Result:
    name: str
    unit: str                 # unit of value and baseline, e.g. "s" or "per s"
    value: float
    baseline_name: str
    baseline: float
    higher_is_better: bool = False
    goal_ratio: float | None = None   # the ratio the issue asks for (≤ for times, ≥ for rates)
    note: str = ""
    goal_value: float | None = None   # a bound on the value itself, in ``unit`` (e.g. ≤ 50 ms)

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def ok(self) -> bool | None:
        checks = []
        if self.goal_ratio is not None:
            checks.append(self.ratio >= self.goal_ratio if self.higher_is_better
                          else self.ratio <= self.goal_ratio)
        if self.goal_value is not None:
            checks.append(self.value >= self.goal_value if self.higher_is_better
                          else self.value <= self.goal_value)
        return all(checks) if checks else None

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "unit": self.unit, "value": self.value,
            "baseline_name": self.baseline_name, "baseline": self.baseline,
            "ratio": self.ratio, "goal": self.goal_text(), "ok": self.ok, "note": self.note,
        }

    def goal_text(self) -> str | None:
        sign = "≥" if self.higher_is_better else "≤"
        goals = []
        if self.goal_value is not None:
            goals.append(f"{sign} {self.goal_value:g} {self.unit}")
        if self.goal_ratio is not None:
            goals.append(f"ratio {sign} {self.goal_ratio:g}")
        return " and ".join(goals) or None


Measure = Callable[[], "Result | list[Result]"]


def metric(name: str) -> Callable[[Measure], Measure]:
    """Register a measurement; one run may yield several results (e.g. two moments of a start)."""

    def register(function: Measure) -> Measure:
        REGISTRY[name] = function
        return function

    return register


def median_seconds(function: Callable[[], object], *, repeats: int = 5) -> float:
    """The median wall time of ``repeats`` calls (one warm-up call first, not counted)."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")
