"""One export at a time per office: an OS lock on a file in the office's data folder.

The operating system drops the lock when its process ends, however it ends (SIGKILL, a power
cut, Windows killing the task), so a dead run never blocks the next one; the file keeps the
process id of the holder for the message shown to whoever has to wait.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from desktop.services.export_batches import ExportError

LOCK_FILE = "export.lock"


class ExportBusyError(ExportError):
    """Another export of this office is running."""


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def export_lock(folder: Path) -> Iterator[None]:
    """Hold the office's export lock for the block, or raise :class:`ExportBusyError` at once."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() if hasattr(
                os, "pread") else ""
            raise ExportBusyError("Another export is running (process {pid}); try again when it "
                             "has finished.", pid=holder or "?")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)   # closing the descriptor releases the lock
