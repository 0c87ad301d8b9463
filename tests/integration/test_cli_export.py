"""``karsaz export …`` and ``karsaz receive`` as an operator or the Task Scheduler runs them."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.models.tracking import SYSTEM
from desktop.services import export_batches as batches
from desktop.services.export_keys import private_key_path
from desktop.services.export_run import RunStatus, run_export
from desktop.services.export_schedule import (
    ExportSchedule,
    Frequency,
    export_due,
    next_export_at,
    save_schedule,
)
from desktop.services.export_transport import FolderTransport
from tests.integration.conftest import Office
from tests.integration.test_cli import karsaz


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def office_folder(tmp_path: Path) -> Path:
    password = tmp_path / "pass.txt"
    password.write_text("strong-pass\n", encoding="utf-8")
    data = tmp_path / "office"
    made = karsaz("--data-dir", str(data), "init", "--province", "07", "--county", "0707",
                  "--office", "اداره بهزیستی شیراز", "--admin", "admin",
                  "--password-file", str(password))
    assert made.returncode == 0, made.stderr
    return data


def test_send_to_the_reference_receiver_then_verify_and_list(office_folder: Path,
                                                              tmp_path: Path) -> None:
    public = tmp_path / "office.pem"
    key = karsaz("--data-dir", str(office_folder), "export", "public-key", "--out", str(public))
    assert key.returncode == 0, key.stderr
    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    private = office_folder / "keys" / "export-signing-ed25519.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600

    port = _free_port()
    receiver = subprocess.Popen(
        [sys.executable, "-m", "desktop", "receive", "--listen", f"127.0.0.1:{port}", "--store",
         str(tmp_path / "hq"), "--public-key", str(public)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    try:
        assert "127.0.0.1" in receiver.stdout.readline()
        sent = karsaz("--data-dir", str(office_folder), "export", "run", "--to",
                      f"http://127.0.0.1:{port}/")
        assert sent.returncode == 0, sent.stdout + sent.stderr
        assert "رسید گرفته" in sent.stdout
        again = karsaz("--data-dir", str(office_folder), "export", "run", "--to",
                       f"http://127.0.0.1:{port}/")
        assert "تغییر نکرده" in again.stdout
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)
        receiver.stdout.close()
    received = list((tmp_path / "hq" / "batches").iterdir())
    assert len(received) == 1

    status = karsaz("--data-dir", str(office_folder), "export", "status")
    assert status.returncode == 0
    assert "دستهٔ ۱" in status.stdout and "رسید گرفته" in status.stdout
    assert "زمان‌بندی ارسال تعیین نشده" in status.stdout

    package = next((office_folder / "exports").glob("*.zip"))
    good = karsaz("export", "verify", str(package), "--public-key", str(public))
    assert good.returncode == 0, good.stderr
    assert "سالم" in good.stdout
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(package) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "office.jsonl":
                data = data.replace("شیراز".encode(), "تهران".encode())
            new.writestr(info, data)
    bad = karsaz("export", "verify", str(tampered), "--public-key", str(public))
    assert bad.returncode == 1
    assert "office.jsonl" in bad.stderr and "رد شد" in bad.stderr


def test_if_due_runs_only_when_a_scheduled_run_was_missed(office: Office, fixed_clock,
                                                          tmp_path: Path) -> None:
    db = office.db
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run_export(db, if_due=True, transport=FolderTransport(usb)).status == \
        RunStatus.NOT_DUE                                                  # no schedule
    save_schedule(db, office.admin, ExportSchedule(Frequency.DAILY, dt.time(18, 0), str(usb)))
    assert export_due(db)                                                  # never sent
    outcome = run_export(db, if_due=True)
    assert outcome.status == RunStatus.SENT
    assert [p.name for p in usb.iterdir()] == [outcome.batches[0].path.name]
    assert not export_due(db)
    upcoming = next_export_at(db)
    assert upcoming is not None and upcoming > fixed_clock.now()
    fixed_clock.advance(dt.timedelta(days=1))                             # the PC was off
    assert export_due(db)
    assert run_export(db, if_due=True).status == RunStatus.NOTHING
    assert not export_due(db)


def test_a_schedule_needs_a_target_and_a_real_day(office: Office) -> None:
    from desktop.errors import PermissionDenied, ValidationError

    with pytest.raises(ValidationError) as empty:
        save_schedule(office.db, office.admin,
                      ExportSchedule(Frequency.MONTHLY, dt.time(9), " ", month_day=31))
    assert set(empty.value.errors) == {"target", "month_day"}
    with pytest.raises(PermissionDenied):
        save_schedule(office.db, office.viewer,
                      ExportSchedule(Frequency.DAILY, dt.time(9), "/tmp"))


def test_the_signing_key_is_made_once_and_kept(office: Office) -> None:
    path = private_key_path(office.db)
    assert not path.exists()
    first = batches.next_batch(office.db, actor=SYSTEM)
    made = path.read_bytes()
    batches.mark_acknowledged(office.db, first.id, "x")
    office.client()
    batches.next_batch(office.db)
    assert path.read_bytes() == made
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    exported = shutil.make_archive(str(path.parent.parent / "all"), "zip",
                                   path.parent.parent / "exports")
    with zipfile.ZipFile(exported) as archive:
        for name in archive.namelist():
            with zipfile.ZipFile(archive.open(name)) as package:
                for member in package.namelist():
                    assert b"PRIVATE KEY" not in package.read(member)


def test_a_sealed_package_is_verified_with_headquarters_key(office_folder: Path,
                                                            tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    hq = X25519PrivateKey.generate()
    hq_private, hq_public = tmp_path / "hq.pem", tmp_path / "hq-public.pem"
    hq_private.write_bytes(hq.private_bytes(serialization.Encoding.PEM,
                                            serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))
    hq_public.write_bytes(hq.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    office = ("--data-dir", str(office_folder))
    assert karsaz(*office, "export", "seal-to", str(hq_public)).returncode == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    assert karsaz(*office, "export", "run", "--to", str(usb)).returncode == 0
    assert karsaz(*office, "export", "public-key", "--out", str(tmp_path / "o.pem")
                  ).returncode == 0
    package = next(usb.iterdir())
    assert package.name.endswith(".zip.sealed")
    keyless = karsaz("export", "verify", str(package), "--public-key", str(tmp_path / "o.pem"))
    assert keyless.returncode == 2 and "--private-key" in keyless.stderr
    opened = karsaz("export", "verify", str(package), "--public-key", str(tmp_path / "o.pem"),
                    "--private-key", str(hq_private))
    assert opened.returncode == 0, opened.stderr
    assert list(usb.iterdir()) == [package]
