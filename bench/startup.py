"""Cold start on a 100,000-client office: process launch to the first painted main window, and
to a sign-in form that accepts input (the database open and checked)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Result, metric
from desktop.database import open_database
from desktop.services.demo import make_demo_office

CLIENTS = 100_000
RUNS = 5


def _launch(argument: str) -> list[float]:
    """Seconds from launch to each line the probe prints."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.cold_start_probe", argument],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    moments = []
    for _line in process.stdout:
        moments.append(time.perf_counter() - start)
    # The offscreen platform's notes about window-manager features go to stderr; they are shown
    # only when the probe fails.
    assert process.stderr is not None
    errors = process.stderr.read()
    if process.wait(timeout=60) != 0 or not moments:
        raise RuntimeError(f"the start-up probe failed:\n{errors}")
    process.stdout.close()
    process.stderr.close()
    return moments


@metric("cold_start")
def cold_start() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="karsaz-bench-") as folder:
        db = open_database(data_dir=Path(folder))
        make_demo_office(db, clients=CLIENTS, seed=1)
        url = db.url
        db.dispose()
        _launch("--bare")  # let the OS cache Qt's libraries before anything is timed
        _launch(url)
        bare, painted, ready = [], [], []
        for _ in range(RUNS):  # interleaved, so a passing load affects both alike
            bare.append(_launch("--bare")[0])
            first, usable = _launch(url)
            painted.append(first)
            ready.append(usable)
    baseline = statistics.median(bare)
    note = f"{CLIENTS:,} clients, SQLite, median of {RUNS}, offscreen"
    return [
        Result("cold_start", "s", statistics.median(painted), "empty QMainWindow", baseline,
               goal_ratio=3, note=note),
        Result("cold_start_ready", "s", statistics.median(ready), "empty QMainWindow",
               baseline, note=note + "; database open, sign-in accepts input"),
    ]
