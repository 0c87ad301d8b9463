"""Delivering packages: into a folder (temporary name, then renamed; a full disk leaves nothing)
and by HTTP to the reference receiver through injected faults; the watermark moves only on an
acknowledgement, and no batch is applied twice."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.services import export_batches as batches
from desktop.services import export_transport
from desktop.services.export_keys import load_or_make_signing_key, private_key_path
from desktop.services.export_lock import ExportBusyError, export_lock
from desktop.services.export_receiver import ReceiverServer, ReceiverStore
from desktop.services.export_run import RunStatus, run_export
from desktop.services.export_transport import FolderTransport, HttpTransport
from tests.integration.conftest import Office
from tests.integration.export_faults import FaultProxy


@pytest.fixture
def receiver(office: Office, tmp_path: Path):
    public = load_or_make_signing_key(private_key_path(office.db)).public_key()
    store = ReceiverStore(tmp_path / "hq", public)
    server = ReceiverServer(("127.0.0.1", 0), store)
    server.start_in_thread()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def proxy(receiver: ReceiverServer):
    fault_proxy = FaultProxy(receiver.server_address[:2], stall_seconds=1.5)
    yield fault_proxy
    fault_proxy.close()


def _http(url: str, **options) -> HttpTransport:
    return HttpTransport(url, timeout=options.pop("timeout", 10.0), attempts=options.pop(
        "attempts", 3), sleep=lambda seconds: None, **options)


def test_a_folder_gets_the_whole_package_under_its_name_and_nothing_else(
        office: Office, tmp_path: Path) -> None:
    target = tmp_path / "usb"
    target.mkdir()
    outcome = run_export(office.db, transport=FolderTransport(target))
    assert outcome.status == RunStatus.SENT
    batch = outcome.batches[0]
    assert [p.name for p in target.iterdir()] == [batch.path.name]
    assert (target / batch.path.name).read_bytes() == batch.path.read_bytes()
    assert batches.watermark(office.db) == batch.change_through
    assert run_export(office.db, transport=FolderTransport(target)).status == RunStatus.NOTHING


def test_a_full_disk_fails_in_persian_and_leaves_nothing_partial(
        office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "usb"
    target.mkdir()
    real_write = os.write
    room = {"left": 256}   # the lock file takes a few bytes, the package far more

    def write(fd: int, data) -> int:
        if room["left"] < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        room["left"] -= len(data)
        return real_write(fd, data)

    monkeypatch.setattr(export_transport.os, "write", write)
    outcome = run_export(office.db, transport=FolderTransport(target))
    assert outcome.status == RunStatus.FAILED
    assert "جای بسته نیست" in outcome.message
    assert list(target.iterdir()) == []
    failed = batches.get_batch(office.db, outcome.batches[0].id)
    assert failed.status == "failed" and "جای بسته نیست" in failed.reason
    assert batches.watermark(office.db) == 0

    monkeypatch.setattr(export_transport.os, "write", real_write)
    again = run_export(office.db, transport=FolderTransport(target))
    assert again.status == RunStatus.SENT
    assert again.batches[0].uuid == failed.uuid       # the same batch, not a new one
    assert [p.name for p in target.iterdir()] == [failed.path.name]


def test_http_delivery_is_acknowledged_and_applied(office: Office,
                                                   receiver: ReceiverServer) -> None:
    client = office.client()
    outcome = run_export(office.db, transport=_http(receiver.url))
    assert outcome.status == RunStatus.SENT
    state = receiver.store.state()
    assert state[("client", client.uuid)]["national_code"] == client.national_code
    assert receiver.store.applications() == [outcome.batches[0].uuid]


@pytest.mark.parametrize("faults", [
    ("http500",), ("cut",), ("stall",), ("refuse",), ("ack_lost",),
    ("http500", "cut", "refuse"),
])
def test_a_fault_is_retried_and_the_batch_applied_once(office: Office, receiver: ReceiverServer,
                                                       proxy: FaultProxy, faults) -> None:
    proxy.inject(*faults)
    transport = _http(proxy.url, timeout=0.75, attempts=len(faults) + 1)
    outcome = run_export(office.db, transport=transport)
    assert outcome.status == RunStatus.SENT, outcome.message
    assert proxy.seen[:len(faults)] == list(faults)
    batch = outcome.batches[0]
    assert receiver.store.applications() == [batch.uuid]
    assert batches.get_batch(office.db, batch.id).attempts == 1


def test_faults_beyond_the_retries_fail_and_the_next_run_sends_the_same_batch(
        office: Office, receiver: ReceiverServer, proxy: FaultProxy) -> None:
    proxy.inject("ack_lost", "http500", "http500")
    failed = run_export(office.db, transport=_http(proxy.url, attempts=3))
    assert failed.status == RunStatus.FAILED
    assert "۵۰۰" in failed.message or "500" in failed.message
    assert batches.watermark(office.db) == 0
    # The receiver has applied it (the answer was lost): sending it again only acknowledges.
    assert len(receiver.store.applications()) == 1
    office.client()
    again = run_export(office.db, transport=_http(proxy.url))
    assert again.status == RunStatus.SENT
    assert again.batches[0].uuid == failed.batches[0].uuid
    assert len(again.batches) == 2                 # then the change made meanwhile
    assert receiver.store.applications() == [b.uuid for b in again.batches]
    assert batches.watermark(office.db) == again.batches[1].change_through


def test_a_receiver_that_is_down_fails_the_run(office: Office, receiver: ReceiverServer) -> None:
    url = receiver.url
    receiver.shutdown()
    receiver.server_close()
    outcome = run_export(office.db, transport=_http(url, attempts=2))
    assert outcome.status == RunStatus.FAILED
    assert batches.pending_batch(office.db).status == "failed"


def test_a_package_the_receiver_refuses_is_not_retried(office: Office, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger = ReceiverStore(tmp_path / "other", Ed25519PrivateKey.generate().public_key())
    server = ReceiverServer(("127.0.0.1", 0), stranger)
    server.start_in_thread()
    try:
        calls = []
        transport = HttpTransport(server.url, attempts=4, sleep=calls.append)
        outcome = run_export(office.db, transport=transport)
    finally:
        server.shutdown()
        server.server_close()
    assert outcome.status == RunStatus.FAILED and calls == []
    assert "422" in outcome.message or "۴۲۲" in outcome.message
    assert stranger.applications() == []


def test_two_runs_never_overlap(office: Office) -> None:
    from desktop.services.export_keys import office_folder

    with export_lock(office_folder(office.db)), pytest.raises(ExportBusyError) as busy:
        run_export(office.db, transport=FolderTransport(Path("/nonexistent")))
    assert str(os.getpid()) in busy.value.message or "فرایند" in busy.value.message
    assert batches.batch_history(office.db) == []


def test_sealed_packages_open_only_at_headquarters(office: Office, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from desktop.errors import PermissionDenied
    from desktop.services.export_keys import set_headquarters_key
    from desktop.services.export_seal import is_sealed

    hq = X25519PrivateKey.generate()
    pem = hq.public_key().public_bytes(serialization.Encoding.PEM,
                                       serialization.PublicFormat.SubjectPublicKeyInfo)
    with pytest.raises(PermissionDenied):
        set_headquarters_key(office.db, office.expert, pem)
    set_headquarters_key(office.db, office.admin, pem)
    client = office.client()
    public = load_or_make_signing_key(private_key_path(office.db)).public_key()

    keyless = ReceiverStore(tmp_path / "keyless", public)
    server = ReceiverServer(("127.0.0.1", 0), keyless)
    server.start_in_thread()
    try:
        refused = run_export(office.db, transport=_http(server.url))
    finally:
        server.shutdown()
        server.server_close()
    assert refused.status == RunStatus.FAILED and keyless.applications() == []
    batch = refused.batches[0]
    assert batch.path.name.endswith(".zip.sealed") and is_sealed(batch.path)
    assert b"client.jsonl" not in batch.path.read_bytes()      # even the names are hidden

    store = ReceiverStore(tmp_path / "hq", public, hq)
    server = ReceiverServer(("127.0.0.1", 0), store)
    server.start_in_thread()
    try:
        sent = run_export(office.db, transport=_http(server.url))
    finally:
        server.shutdown()
        server.server_close()
    assert sent.status == RunStatus.SENT and sent.batches[0].uuid == batch.uuid
    assert store.state()[("client", client.uuid)]["national_code"] == client.national_code
