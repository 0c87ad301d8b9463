"""The whole export under fire: 10,000 random inserts, updates and deletes interleaved with
exports to the real receiver while faults are injected — the receiver down, HTTP 500, timeouts,
connections cut mid-upload, answers lost, a full disk on the folder target, and the exporting
process (``karsaz export run``) killed with SIGKILL. Afterwards the receiver's reconstructed
state equals the office's database and no batch was applied twice."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.database import Database, open_database
from desktop.fa.national_code import national_code_check_digit
from desktop.models.cases import Program
from desktop.models.people import Client, ClientTargetGroup
from desktop.services import export_batches as batches
from desktop.services import export_transport
from desktop.services.export_format import entities
from desktop.services.export_keys import load_or_make_signing_key, private_key_path
from desktop.services.export_receiver import ReceiverServer, ReceiverStore
from desktop.services.export_run import RunStatus, run_export
from desktop.services.export_transport import FolderTransport, HttpTransport
from tests.integration.conftest import make_office
from tests.integration.export_faults import FaultProxy

pytestmark = pytest.mark.slow

OPERATIONS = 10_000
ROUNDS = 20
NAMES = ("زهرا", "مریم", "علی", "حسین", "فاطمه", "رضا", "سمیه", "محمد")
GROUPS = ("female_head", "disability", "recovered_addict", "student")


class Activity:
    """Random changes to clients, their target groups and programs, through the ORM as the
    services write them (each transaction flushes through the audit and change-log listener)."""

    def __init__(self, db: Database, seed: int) -> None:
        self.db = db
        self.random = random.Random(seed)
        self.codes = iter(range(100_000_001, 999_999_999, 7919))
        self.counts = {"insert": 0, "update": 0, "delete": 0}

    def _national_code(self) -> str:
        first9 = f"{next(self.codes):09d}"
        return first9 + str(national_code_check_digit(first9))

    def run(self, operations: int, per_transaction: int = 50) -> None:
        done = 0
        while done < operations:
            step = min(per_transaction, operations - done)
            doomed: list[int] = []
            with self.db.transaction() as session:
                client_ids = list(session.scalars(select(Client.id)))
                program_ids = list(session.scalars(select(Program.id)))
                for _ in range(step):
                    self._one(session, client_ids, program_ids, doomed)
            # Deletions in a transaction of their own: SQLite gives a new row the id of a row
            # deleted earlier in the same session, which the session's identity map refuses.
            with self.db.transaction() as session:
                for client_id in doomed:
                    session.delete(session.get(Client, client_id))
            done += step

    def _one(self, session, client_ids: list[int], program_ids: list[int],
             doomed: list[int]) -> None:
        pick = self.random.random()
        rnd = self.random
        if pick < 0.40 or len(client_ids) < 20:
            client = Client(national_code=self._national_code(), first_name=rnd.choice(NAMES),
                            last_name=rnd.choice(NAMES), gender=rnd.choice(("female", "male")),
                            county_code="0707", mobile=f"0912{rnd.randrange(10**7):07d}")
            client.target_groups.append(ClientTargetGroup(target_group=rnd.choice(GROUPS)))
            session.add(client)
            session.flush()
            client_ids.append(client.id)
            self.counts["insert"] += 1
        elif pick < 0.80:
            client = session.get(Client, rnd.choice(client_ids))
            if rnd.random() < 0.7:
                client.mobile = f"0935{rnd.randrange(10**7):07d}"
                client.household_size = rnd.randint(1, 9)
            else:
                held = {g.target_group for g in client.target_groups}
                free = [g for g in GROUPS if g not in held]
                if free:
                    client.target_groups.append(ClientTargetGroup(target_group=free[0]))
                elif client.target_groups:
                    client.target_groups.pop()
            self.counts["update"] += 1
        elif pick < 0.92:
            target = rnd.choice(client_ids)
            doomed.append(target)
            client_ids.remove(target)
            self.counts["delete"] += 1
        elif pick < 0.96 or not program_ids:
            number = rnd.randrange(10**9)
            program = Program(code=f"P{number}", name=f"برنامه {number}", kind="national_mandated",
                              visit_months="1,3,6", horizon_months=12)
            session.add(program)
            session.flush()
            program_ids.append(program.id)
            self.counts["insert"] += 1
        else:
            program = session.get(Program, rnd.choice(program_ids))
            program.horizon_months = rnd.randint(1, 60)
            self.counts["update"] += 1


def _karsaz_run(data_dir: Path, target: str, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "export", "run", "--to",
         target, *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _local_state(db: Database) -> dict[tuple[str, str], dict]:
    state = {}
    with db.engine.connect() as connection:
        for name, entity in entities().items():
            for row in connection.execute(select(*entity.columns)):
                record = entity.to_json(row)
                state[(name, record["uuid"])] = record
    return state


@pytest.fixture
def office_db(tmp_path: Path):
    data = tmp_path / "office"
    db = open_database(f"sqlite:///{data / 'karsaz.sqlite3'}")
    make_office(db)
    yield data, db
    db.dispose()


def test_ten_thousand_changes_reach_the_receiver_exactly_once(office_db, tmp_path: Path,
                                                              monkeypatch) -> None:
    data, db = office_db
    public = load_or_make_signing_key(private_key_path(db)).public_key()
    store = ReceiverStore(tmp_path / "hq", public)
    server = ReceiverServer(("127.0.0.1", 0), store)
    server.start_in_thread()
    proxy = FaultProxy(server.server_address[:2], stall_seconds=1.0)
    usb = tmp_path / "usb"
    usb.mkdir()
    activity = Activity(db, seed=1403)
    rnd = random.Random(8)
    killed = full_disk = carried = 0

    def http(**options) -> HttpTransport:
        return HttpTransport(proxy.url, timeout=0.5, attempts=options.get("attempts", 3),
                             backoff=0.01)

    try:
        for round_number in range(ROUNDS):
            activity.run(OPERATIONS // ROUNDS)
            kind = round_number % 5
            if kind == 0:       # faults over HTTP, retried within the run
                proxy.inject(*rnd.choices(("http500", "cut", "stall", "refuse", "ack_lost"),
                                          k=rnd.randint(1, 4)))
                run_export(db, transport=http())
            elif kind == 1:     # the exporting process killed at a random moment
                proxy.inject("stall", "stall", "stall")
                process = _karsaz_run(data, proxy.url)
                time.sleep(rnd.uniform(0.3, 2.5))
                process.send_signal(signal.SIGKILL)
                process.wait()
                killed += process.returncode == -signal.SIGKILL
                proxy.faults.clear()
            elif kind == 2:     # the folder target: a full disk first, then room
                real_write = os.write

                def no_room(fd, data_, real_write=real_write):
                    if len(data_) > 64:
                        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                    return real_write(fd, data_)

                monkeypatch.setattr(export_transport.os, "write", no_room)
                failed = run_export(db, transport=FolderTransport(usb))
                monkeypatch.setattr(export_transport.os, "write", real_write)
                full_disk += failed.status == RunStatus.FAILED
                assert not [p for p in usb.iterdir() if p.name.endswith(".part")]
                delivered = run_export(db, transport=FolderTransport(usb))
                assert delivered.status in (RunStatus.SENT, RunStatus.NOTHING)
                for batch in delivered.batches:     # the USB stick carried to headquarters
                    store.receive_file(usb / batch.path.name)
                    carried += 1
            elif kind == 3:     # the receiver down, then a killed process with nothing to hold
                down = HttpTransport("http://127.0.0.1:9/", timeout=0.5, attempts=2,
                                     backoff=0.01)
                assert run_export(db, transport=down).status == RunStatus.FAILED
                process = _karsaz_run(data, proxy.url)
                time.sleep(rnd.uniform(0.5, 3.0))
                process.send_signal(signal.SIGKILL)
                process.wait()
            else:               # an answer lost after the receiver applied the batch
                proxy.inject("ack_lost")
                run_export(db, transport=http(attempts=2))
        # Calm weather: everything goes through.
        for _ in range(5):
            outcome = run_export(db, transport=http())
            if outcome.status == RunStatus.NOTHING:
                break
        assert outcome.status == RunStatus.NOTHING
    finally:
        proxy.close()
        server.shutdown()
        server.server_close()

    assert sum(activity.counts.values()) == OPERATIONS
    assert min(activity.counts.values()) > 500
    local = _local_state(db)
    received = store.state()
    assert len(local) > 2000
    assert received.keys() == local.keys()
    assert received == local

    applied = store.applications()
    assert len(applied) == len(set(applied)), "a batch was applied twice"
    history = batches.batch_history(db, limit=10_000)
    acknowledged = {b.uuid for b in history if b.status == "acknowledged"}
    assert acknowledged <= set(applied)
    assert carried > 0 and full_disk > 0 and killed > 0
    assert {"ack_lost", "stall"} <= set(proxy.seen)
