"""Export packages: what is written verifies, the same batch gives the same bytes, and one
changed byte anywhere in any file of the package fails the check."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import struct
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.services.export_format import entities, tombstone
from desktop.services.export_package import (
    MANIFEST,
    SIGNATURE,
    BatchHeader,
    OfficeCodes,
    Section,
    verify_package,
    write_package,
)
from tests.unit.services.test_export_format import sample

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
HEADER = BatchHeader(
    uuid="0b6f4c1e-8d53-4a57-9a43-5d0d6c2b7f10", sequence=7, full=False, change_after=120,
    change_through=187, created_at=dt.datetime(2024, 10, 6, 8, 30, tzinfo=dt.UTC),
    office=OfficeCodes("5d7e0a52-2f86-4f8c-8c41-1f0c6c7a7d11", "07", "0707", "اداره شیراز"))
GONE = "9e0c9a35-5d6c-4f43-b2c8-3bb0d0a3c2f4"
MEMBERS = (MANIFEST, SIGNATURE, "client.jsonl", "program.jsonl")


def _sections() -> list[Section]:
    known = entities()
    clients = [sample(known["client"].schema(), seed) | {"first_name": "زهرا"}
               for seed in range(1, 40)]
    programs = [sample(known["program"].schema(), seed) for seed in range(1, 4)]
    return [Section("client", [*clients, tombstone(GONE, 4)]),
            Section("program", programs)]


@pytest.fixture
def package(tmp_path: Path) -> Path:
    path = tmp_path / "batch.zip"
    write_package(path, HEADER, _sections(), KEY)
    return path


def test_a_written_package_verifies_and_says_what_it_holds(package: Path) -> None:
    result = verify_package(package, KEY.public_key())
    assert result.problems == []
    manifest = result.manifest
    assert manifest["batch"] == {
        "uuid": HEADER.uuid, "sequence": 7, "kind": "changes",
        "change_log": {"after": 120, "through": 187}, "created_at": "2024-10-06T08:30:00+00:00"}
    assert manifest["office"]["county_code"] == "0707"
    assert manifest["counts"] == {"client": {"records": 39, "tombstones": 1},
                                  "program": {"records": 3, "tombstones": 0}}
    with zipfile.ZipFile(package) as archive:
        assert sorted(archive.namelist()) == sorted(MEMBERS)
        for entry in manifest["files"]:
            data = archive.read(entry["name"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["bytes"]
        lines = archive.read("client.jsonl").decode().splitlines()
    assert json.loads(lines[-1]) == {"deleted": True, "uuid": GONE, "version": 4}
    assert "زهرا" in lines[0]      # UTF-8 text, not \\u escapes


def test_the_same_batch_made_again_gives_the_same_bytes(package: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.zip"
    write_package(again, HEADER, _sections(), KEY)
    assert again.read_bytes() == package.read_bytes()


def test_another_key_fails(package: Path) -> None:
    other = Ed25519PrivateKey.generate().public_key()
    assert not verify_package(package, other).ok


def _rezip(source: Path, target: Path, change) -> None:
    """Rewrite the package with one member's bytes changed (what an attacker who can make ZIP
    files would do, keeping every CRC right)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, change(info.filename, old.read(info.filename)))


@pytest.mark.parametrize("member", MEMBERS)
@pytest.mark.parametrize("where", [0, 1, 17, 0.5, -2, -1])
def test_a_changed_byte_in_any_file_fails(package: Path, tmp_path: Path, member: str,
                                          where: float) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name != member:
            return data
        offset = int(len(data) * where) if isinstance(where, float) else where
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        return bytes(flipped)

    tampered = tmp_path / "tampered.zip"
    _rezip(package, tampered, change)
    result = verify_package(tampered, KEY.public_key())
    assert not result.ok and result.problems


@pytest.mark.parametrize("member", MEMBERS)
@pytest.mark.parametrize("where", [0, 0.3, 0.7, -1])
def test_a_changed_byte_in_the_stored_bytes_of_any_file_fails(package: Path, member: str,
                                                              where: float) -> None:
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo(member)
    raw = bytearray(package.read_bytes())
    local = info.header_offset
    name_length, extra_length = struct.unpack("<HH", raw[local + 26:local + 30])
    start = local + 30 + name_length + extra_length
    offset = start + (int(info.compress_size * where) if isinstance(where, float) else
                      where % info.compress_size)
    # Every bit of the byte: the last byte of a deflate stream may end in padding bits that
    # carry nothing, and flipping only those leaves every file's content as it was.
    raw[offset] ^= 0xFF
    package.write_bytes(bytes(raw))
    assert not verify_package(package, KEY.public_key()).ok


def test_a_file_added_removed_or_a_record_out_of_schema_fails(package: Path,
                                                               tmp_path: Path) -> None:
    added = tmp_path / "added.zip"
    _rezip(package, added, lambda name, data: data)
    with zipfile.ZipFile(added, "a") as archive:
        archive.writestr("extra.jsonl", b"{}\n")
    assert any("extra.jsonl" in p for p in verify_package(added, KEY.public_key()).problems)

    removed = tmp_path / "removed.zip"
    with zipfile.ZipFile(package) as old, zipfile.ZipFile(removed, "w") as new:
        for info in old.infolist():
            if info.filename != "program.jsonl":
                new.writestr(info, old.read(info.filename))
    assert not verify_package(removed, KEY.public_key()).ok

    bad = tmp_path / "bad.zip"
    wrong = [Section("client", [sample(entities()["client"].schema()) | {"gender": 3}])]
    write_package(bad, HEADER, wrong, KEY)
    problems = verify_package(bad, KEY.public_key()).problems
    assert any("gender" in p for p in problems)


def test_not_a_zip_fails(tmp_path: Path) -> None:
    path = tmp_path / "junk.zip"
    path.write_bytes(b"not a zip at all")
    assert not verify_package(path, KEY.public_key()).ok
