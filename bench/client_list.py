"""The clients list on a million clients: how soon its first rows paint, against the same list
on an empty office (the baseline: the cost of the screen itself), and the memory of the
program with the list open and scrolled. Each is a fresh process, as an office PC opens it."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.harness import Result, metric
from bench.office import CLIENTS, cached_sqlite_office
from desktop.database import open_database
from desktop.services.demo import make_demo_office

RUNS = 5
GOAL_RATIO = 1.5
GOAL_RSS_MB = 300


def _probe(url: str) -> tuple[float, float]:
    """(seconds to the first painted rows, megabytes resident after scrolling)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.client_list_probe", url], capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=300,
        cwd=Path(__file__).resolve().parent.parent)
    if result.returncode != 0:
        raise RuntimeError(f"the client-list probe failed:\n{result.stderr}")
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    return float(lines["painted"]), float(lines["rss"].split()[0])


@metric("client_list")
def client_list() -> list[Result]:
    big = f"sqlite:///{cached_sqlite_office()}"
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-empty-") as folder:
        db = open_database(data_dir=Path(folder))
        make_demo_office(db, clients=0)
        empty = db.url
        db.dispose()
        _probe(empty), _probe(big)  # the OS caches Qt's libraries and the file's first pages
        runs = [(_probe(empty), _probe(big)) for _ in range(RUNS)]  # interleaved
    empty_paint = statistics.median(e[0] for e, _ in runs)
    big_paint = statistics.median(b[0] for _, b in runs)
    empty_rss = statistics.median(e[1] for e, _ in runs)
    big_rss = statistics.median(b[1] for _, b in runs)
    note = f"SQLite, {CLIENTS:,} clients, median of {RUNS} processes, offscreen"
    return [
        Result("client_list_first_paint", "s", big_paint, "the same list, empty office",
               empty_paint, goal_ratio=GOAL_RATIO, note=note),
        Result("client_list_rss", "MB", big_rss, "the same list, empty office", empty_rss,
               goal_value=GOAL_RSS_MB,
               note=note + "; resident memory after scrolling to the middle and the end"),
    ]
