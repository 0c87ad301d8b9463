"""Writing and checking an export package: a ZIP of JSON Lines, a manifest and its signature.

Pure: it takes records and a path (or a path and a public key), never a database. The layout
and the rules of change are in docs/export-format.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop import __version__
from desktop.i18n import tr
from desktop.services.export_format import (
    ENCODER,
    FORMAT_NAME,
    FORMAT_VERSION,
    entities,
    schema_errors,
    tombstone_schema,
)
from desktop.services.export_keys import key_id, signature_ok

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
# Every member carries this date, so the same content always makes the same bytes.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
CHUNK = 1 << 20


@dataclasses.dataclass(frozen=True)
class OfficeCodes:
    uuid: str
    province_code: str
    county_code: str
    name: str


@dataclasses.dataclass(frozen=True)
class BatchHeader:
    uuid: str
    sequence: int
    full: bool
    change_after: int      # the change-log range (after, through]
    change_through: int
    created_at: dt.datetime
    office: OfficeCodes


@dataclasses.dataclass(frozen=True)
class Section:
    """The records of one entity: full records (dicts of its fields) and tombstones."""

    entity: str
    records: Iterable[Mapping[str, Any]]


@dataclasses.dataclass(frozen=True)
class PackageInfo:
    sha256: str
    size: int
    records: int
    tombstones: int


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    return info


def _write_section(archive: zipfile.ZipFile, section: Section) -> dict[str, Any]:
    name = f"{section.entity}.jsonl"
    digest = hashlib.sha256()
    size = records = tombstones = 0
    buffer: list[str] = []
    pending = 0
    encode = ENCODER.encode
    with archive.open(_member(name), "w", force_zip64=True) as out:
        def flush() -> None:
            nonlocal size, pending
            data = "".join(buffer).encode("utf-8")
            digest.update(data)
            out.write(data)
            size += len(data)
            buffer.clear()
            pending = 0

        for record in section.records:
            if record.get("deleted") is True:
                tombstones += 1
            else:
                records += 1
            line = encode(record)
            buffer.append(line)
            buffer.append("\n")
            pending += len(line)
            if pending >= CHUNK:
                flush()
        flush()
    return {"name": name, "entity": section.entity, "records": records,
            "tombstones": tombstones, "bytes": size, "sha256": digest.hexdigest()}


def manifest_of(header: BatchHeader, files: list[dict[str, Any]], signer: str) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "producer": f"karsaz {__version__}",
        "office": dataclasses.asdict(header.office),
        "batch": {
            "uuid": header.uuid,
            "sequence": header.sequence,
            "kind": "full" if header.full else "changes",
            "change_log": {"after": header.change_after, "through": header.change_through},
            "created_at": header.created_at.astimezone(dt.UTC).isoformat(),
        },
        "counts": {f["entity"]: {"records": f["records"], "tombstones": f["tombstones"]}
                   for f in files},
        "files": files,
        "signature": {"algorithm": "Ed25519", "key_id": signer, "file": SIGNATURE},
    }


def write_package(path: Path, header: BatchHeader, sections: Iterable[Section],
                  key: Ed25519PrivateKey) -> PackageInfo:
    """Write the package to ``path`` (the caller chooses a temporary name and renames)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        files = [_write_section(archive, section)
                 for section in sorted(sections, key=lambda s: s.entity)]
        manifest = manifest_of(header, files, key_id(key.public_key()))
        data = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
                ).encode("utf-8")
        archive.writestr(_member(MANIFEST), data)
        archive.writestr(_member(SIGNATURE), key.sign(data))
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return PackageInfo(digest.hexdigest(), path.stat().st_size,
                       sum(f["records"] for f in files), sum(f["tombstones"] for f in files))


# --- checking ------------------------------------------------------------------------------


@dataclasses.dataclass
class Verification:
    manifest: dict[str, Any] | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems and self.manifest is not None


class _Package:
    """An open package: its directory (``zipfile``) and its bytes, read by hand (``_lines``)."""

    def __init__(self, path: Path) -> None:
        self.archive = zipfile.ZipFile(path)
        self.stream = path.open("rb")

    def close(self) -> None:
        self.archive.close()
        self.stream.close()

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self.archive.infolist()

    def getinfo(self, name: str) -> zipfile.ZipInfo:
        return self.archive.getinfo(name)


def _lines(archive: _Package, name: str) -> Iterator[bytes]:
    """The lines of a member, decoded from its stored bytes by hand so that a stream which
    does not end exactly where it should (a changed end-of-block code, bytes after the end) is
    refused: ``zipfile`` stops reading once it has the size it was told and would not notice."""
    info = archive.getinfo(name)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ValueError(f"{name}: compression {info.compress_type} is not used by this format")
    stream = archive.stream
    stream.seek(info.header_offset)
    local = stream.read(30)
    if local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{name}: no local header")
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    stream.seek(info.header_offset + 30 + name_length + extra_length)
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left = info.compress_size
    tail = b""
    while left:
        raw = stream.read(min(CHUNK, left))
        if not raw:
            raise EOFError(f"{name}: cut short")
        left -= len(raw)
        data = inflate.decompress(raw) if inflate is not None else raw
        if inflate is not None and inflate.unused_data:
            raise zipfile.BadZipFile(f"{name}: bytes after the end of its stream")
        lines = (tail + data).split(b"\n")
        tail = lines.pop()
        for line in lines:
            yield line + b"\n"
    if inflate is not None and not inflate.eof:
        raise zipfile.BadZipFile(f"{name}: its compressed stream does not end")
    if tail:
        yield tail


def verify_package(path: Path, public: Ed25519PublicKey, *, check_records: bool = True
                   ) -> Verification:
    """Check a package: signature, every file's size and SHA-256, and each record against its
    entity's schema. Any problem (a single changed byte anywhere it matters) is reported."""
    problems: list[str] = []
    try:
        archive = _Package(path)
    except (OSError, zipfile.BadZipFile) as exc:
        return Verification(None, [tr("Not a readable package: {reason}", reason=str(exc))])
    try:
        return _verify(archive, public, problems, check_records)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, zlib.error) as exc:
        problems.append(tr("The package is damaged: {reason}", reason=str(exc)))
        return Verification(None, problems)
    finally:
        archive.close()


def _verify(archive: _Package, public: Ed25519PublicKey, problems: list[str],
            check_records: bool) -> Verification:
    names = [info.filename for info in archive.infolist()]
    if len(set(names)) != len(names):
        problems.append(tr("The package holds a file twice."))
    if MANIFEST not in names or SIGNATURE not in names:
        return Verification(None, [tr("The package has no manifest or no signature.")])
    data = b"".join(_lines(archive, MANIFEST))
    signature = b"".join(_lines(archive, SIGNATURE))
    if not signature_ok(public, signature, data):
        return Verification(None, [tr("The signature does not match: the manifest was changed "
                                      "or was not signed by this office's key.")])
    manifest = json.loads(data)
    if manifest.get("format") != FORMAT_NAME or int(manifest.get("format_version", 0)) > \
            FORMAT_VERSION:
        problems.append(tr("Unknown package format {format} {version}.",
                           format=str(manifest.get("format")),
                           version=str(manifest.get("format_version"))))
        return Verification(manifest, problems)
    listed = {entry["name"]: entry for entry in manifest["files"]}
    for extra in sorted(set(names) - set(listed) - {MANIFEST, SIGNATURE}):
        problems.append(tr("The file {name} is not in the manifest.", name=extra))
    known = entities()
    for name, entry in listed.items():
        if name not in names:
            problems.append(tr("The file {name} is missing.", name=name))
            continue
        problems.extend(_check_file(archive, entry, known, check_records))
    return Verification(manifest, problems)


def _check_file(archive: _Package, entry: Mapping[str, Any], known: Mapping[str, Any],
                check_records: bool) -> list[str]:
    name = entry["name"]
    digest = hashlib.sha256()
    size = records = tombstones = 0
    bad: list[str] = []
    entity = known.get(entry["entity"])
    schema = entity.schema() if entity is not None else None
    dead = tombstone_schema()
    for number, line in enumerate(_lines(archive, name), start=1):
        digest.update(line)
        size += len(line)
        if not check_records:
            continue
        try:
            record = json.loads(line)
        except ValueError:
            bad.append(tr("{name}, line {line}: not JSON.", name=name, line=number))
            continue
        deleted = isinstance(record, dict) and record.get("deleted") is True
        tombstones += deleted
        records += not deleted
        # An entity this reader does not know is kept but not checked (a newer office).
        rules = dead if deleted else schema
        if rules is not None:
            for error in schema_errors(record, rules):
                bad.append(tr("{name}, line {line}: {error}", name=name, line=number,
                              error=error))
    if size != entry["bytes"] or digest.hexdigest() != entry["sha256"]:
        return [tr("The file {name} does not match its SHA-256 in the manifest.", name=name)]
    if check_records and (records, tombstones) != (entry["records"], entry["tombstones"]):
        bad.append(tr("The file {name} does not hold the counts in the manifest.", name=name))
    return bad[:20]


def read_records(path: Path, name: str) -> Iterator[dict[str, Any]]:
    """The records of one member of a package already verified."""
    archive = _Package(path)
    try:
        for line in _lines(archive, name):
            yield json.loads(line)
    finally:
        archive.close()
