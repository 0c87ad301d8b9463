"""Export batches: every change since the last acknowledged batch, collapsed to each record's
state now; the same batch (same id, same bytes) until acknowledged; the watermark moves only on
an acknowledgement."""

from __future__ import annotations

import dataclasses
import json
import zipfile

from sqlalchemy import func, select

from desktop.models.people import Client, ClientTargetGroup
from desktop.models.tracking import ChangeLogEntry
from desktop.services import export_batches as batches
from desktop.services.export_keys import load_public_key, private_key_path
from desktop.services.export_package import verify_package
from tests.integration.conftest import Office


def _records(batch: batches.BatchInfo, entity: str) -> list[dict]:
    with zipfile.ZipFile(batch.path) as archive:
        if f"{entity}.jsonl" not in archive.namelist():
            return []
        return [json.loads(line) for line in archive.read(f"{entity}.jsonl").splitlines()]


def _max_change(office: Office) -> int:
    with office.db.reading() as session:
        return session.scalar(select(func.max(ChangeLogEntry.id)))


def test_the_first_batch_carries_everything_and_is_resent_until_acknowledged(
        office: Office) -> None:
    db = office.db
    client = office.client()
    first = batches.next_batch(db)
    assert first is not None and first.status == "made"
    assert (first.id, first.change_after, first.change_through) == (1, 0, _max_change(office))
    assert [r["uuid"] for r in _records(first, "client")] == [client.uuid]
    assert {"search_key", "sort_name", "name_rank"} & set(_records(first, "client")[0]) == set()
    assert _records(first, "office")[0]["county_code"] == "0707"
    assert _records(first, "app_user") == []
    assert batches.watermark(db) == 0
    bytes_made = first.path.read_bytes()

    office.client()                         # a change after the batch was made
    batches.mark_sent(db, first.id, "https://hq.example/in")
    again = batches.next_batch(db)
    assert (again.uuid, again.path.read_bytes()) == (first.uuid, bytes_made)
    batches.mark_failed(db, first.id, "https://hq.example/in", "down")
    assert batches.next_batch(db).uuid == first.uuid
    assert batches.watermark(db) == 0

    batches.mark_acknowledged(db, first.id, "https://hq.example/in")
    assert batches.watermark(db) == first.change_through
    second = batches.next_batch(db)
    assert second.id == 2 and second.change_after == first.change_through
    assert len(_records(second, "client")) == 1
    batches.mark_acknowledged(db, second.id, "x")
    assert batches.next_batch(db) is None
    history = batches.batch_history(db)
    assert [(b.id, b.status) for b in history] == [(2, "acknowledged"), (1, "acknowledged")]
    assert history[1].attempts == 1 and history[1].sent_at is not None


def test_many_changes_of_a_record_collapse_to_its_state_now_and_deletions_to_tombstones(
        office: Office) -> None:
    db = office.db
    batches.mark_acknowledged(db, batches.next_batch(db).id, "x")
    kept = office.client()
    for mobile in ("09121234567", "09351234567"):
        current = office.db_client = kept
        kept = _update(office, current, mobile=mobile)
    gone = office.client()
    with db.transaction(office.admin) as session:
        session.delete(session.get(Client, gone.id))
    batch = batches.next_batch(db)
    records = _records(batch, "client")
    assert records[0]["uuid"] == kept.uuid and records[0]["version"] == 3
    assert records[0]["mobile"] == "09351234567"
    assert records[1] == {"deleted": True, "uuid": gone.uuid, "version": 2}
    assert len(records) == 2
    # the deleted client's target groups went with it, as tombstones of their own
    groups = _records(batch, "client_target_group")
    assert {r["client_id"] for r in groups if not r.get("deleted")} == {kept.id}
    assert any(r.get("deleted") for r in groups)
    key = private_key_path(db)
    assert verify_package(batch.path, _public(key)).problems == []


def _public(key_path):
    from cryptography.hazmat.primitives import serialization

    from desktop.services.export_keys import load_or_make_signing_key

    public = load_or_make_signing_key(key_path).public_key()
    out = key_path.with_name("public.pem")
    out.write_bytes(public.public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo))
    return load_public_key(out)


def _update(office: Office, client, **changes):
    from desktop.services import clients

    data = dataclasses.replace(office.client_input(national_code=client.national_code),
                               **changes)
    return clients.update_client(office.db, office.expert, client.id, data,
                                 version=client.version)


def test_a_full_snapshot_replaces_the_pending_batch_and_holds_every_record(
        office: Office) -> None:
    db = office.db
    clients = [office.client() for _ in range(3)]
    with db.transaction(office.admin) as session:
        session.delete(session.get(Client, clients[0].id))
    batches.mark_acknowledged(db, batches.next_batch(db).id, "x")
    office.client()
    pending = batches.next_batch(db)
    full = batches.next_batch(db, full=True)
    assert full.full and full.change_after == 0 and full.id == pending.id + 1
    assert batches.get_batch(db, pending.id).status == "superseded"
    records = _records(full, "client")
    assert len([r for r in records if not r.get("deleted")]) == 3
    assert [r["uuid"] for r in records if r.get("deleted")] == [clients[0].uuid]
    assert {f.split(".")[0] for f in zipfile.ZipFile(full.path).namelist()} >= {
        "program", "employment_case", "manifest"}
    batches.mark_acknowledged(db, full.id, "x")
    assert batches.watermark(db) == full.change_through
    assert batches.next_batch(db) is None


def test_a_lost_package_file_is_made_again_as_a_new_batch(office: Office) -> None:
    db = office.db
    first = batches.next_batch(db)
    first.path.unlink()
    second = batches.next_batch(db)
    assert second.uuid != first.uuid
    assert (second.change_after, second.change_through) == (0, first.change_through)
    assert batches.get_batch(db, first.id).status == "superseded"
    assert batches.get_batch(db, first.id).reason


def test_a_target_group_taken_off_a_client_goes_out_as_a_tombstone(office: Office) -> None:
    db = office.db
    client = office.client(target_groups=frozenset({"female_head", "recovered_addict"}))
    batches.mark_acknowledged(db, batches.next_batch(db).id, "x")
    with db.reading() as session:
        removed = session.scalars(select(ClientTargetGroup.uuid).where(
            ClientTargetGroup.client_id == client.id,
            ClientTargetGroup.target_group == "recovered_addict")).one()
    _update(office, client, target_groups=frozenset({"female_head"}))
    batch = batches.next_batch(db)
    groups = _records(batch, "client_target_group")
    assert {"deleted": True, "uuid": removed, "version": 2} in groups
