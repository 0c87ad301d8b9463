"""The karsaz command as an operator or a scheduled task runs it (a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop import __version__


def karsaz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
        encoding="utf-8", cwd=cwd, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_version() -> None:
    result = karsaz("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_then_check(tmp_path: Path) -> None:
    password = tmp_path / "pass.txt"
    password.write_text("strong-pass\n", encoding="utf-8")
    data = tmp_path / "office"
    made = karsaz("--data-dir", str(data), "init", "--province", "07", "--county", "0707",
                  "--office", "اداره بهزیستی شیراز", "--admin", "admin",
                  "--password-file", str(password))
    assert made.returncode == 0, made.stderr
    assert "شیراز" in made.stdout
    checked = karsaz("--data-dir", str(data), "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    again = karsaz("--data-dir", str(data), "init", "--province", "07", "--county", "0707",
                   "--office", "دوم", "--admin", "admin", "--password-file", str(password))
    assert again.returncode != 0
    assert "دفتر" in again.stderr or "اداره" in again.stderr


def test_init_with_a_county_of_another_province_fails_clearly(tmp_path: Path) -> None:
    password = tmp_path / "pass.txt"
    password.write_text("strong-pass", encoding="utf-8")
    result = karsaz("--data-dir", str(tmp_path / "o"), "init", "--province", "07", "--county",
                    "2301", "--office", "اداره", "--admin", "admin", "--password-file",
                    str(password))
    assert result.returncode == 2
    assert "خطا" in result.stderr


def test_demo_prints_how_to_sign_in_and_passes_check(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    result = karsaz("--data-dir", str(data), "demo", "--clients", "300")
    assert result.returncode == 0, result.stderr
    assert "admin" in result.stdout and "karsaz-demo" in result.stdout
    assert karsaz("--data-dir", str(data), "check").returncode == 0


def test_check_fails_on_a_damaged_file(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    assert karsaz("--data-dir", str(data), "demo", "--clients", "2000").returncode == 0
    path = data / "karsaz.sqlite3"
    raw = bytearray(path.read_bytes())
    for offset in range(8192, len(raw) - 4096, 4096):  # scribble over interior pages
        raw[offset + 100: offset + 140] = b"\xff" * 40
    path.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        (data / f"karsaz.sqlite3{suffix}").unlink(missing_ok=True)
    result = karsaz("--data-dir", str(data), "check")
    assert result.returncode != 0
