"""Two export runs never overlap, and a run killed with SIGKILL does not block the next."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.export_lock import LOCK_FILE, ExportBusyError, export_lock

HOLD = """
import sys, time
from pathlib import Path
from desktop.services.export_lock import export_lock
with export_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_the_lock_free(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ExportBusyError) as busy, export_lock(tmp_path):
            pass
        assert str(holder.pid) in busy.value.message.translate(
            str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()
    assert (tmp_path / LOCK_FILE).exists()          # the file stays; the lock does not
    with export_lock(tmp_path):
        assert (tmp_path / LOCK_FILE).read_text().strip() == str(os.getpid())


def test_the_lock_is_free_again_after_the_block(tmp_path: Path) -> None:
    with export_lock(tmp_path):
        pass
    with export_lock(tmp_path):
        pass
