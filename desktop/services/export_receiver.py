"""The reference receiver: what headquarters must do with a package, for pilots and for tests.

It verifies each package (signature, hashes, schemas), stores each batch once and keeps the
reconstructed state of the office in ``state.sqlite3``: for each (entity, uuid) the newest
version seen, its JSON or a tombstone. A batch received again — the office did not get the
acknowledgement — is acknowledged again and not applied a second time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.clock import utcnow
from desktop.errors import KarsazError
from desktop.services.export_package import read_records, verify_package
from desktop.services.export_seal import SealError, is_sealed, unseal

STATE_FILE = "state.sqlite3"
CHUNK = 1 << 20
MAX_PACKAGE = 4 << 30

SCHEMA = """
CREATE TABLE IF NOT EXISTS batch (
    uuid TEXT PRIMARY KEY, sequence INTEGER, office_uuid TEXT, county_code TEXT, kind TEXT,
    change_after INTEGER, change_through INTEGER, sha256 TEXT, file TEXT, received_at TEXT);
CREATE TABLE IF NOT EXISTS application (
    id INTEGER PRIMARY KEY AUTOINCREMENT, batch_uuid TEXT, applied_at TEXT, records INTEGER);
CREATE TABLE IF NOT EXISTS record (
    entity TEXT, uuid TEXT, version INTEGER, deleted INTEGER, data TEXT,
    PRIMARY KEY (entity, uuid));
"""
UPSERT = """
INSERT INTO record (entity, uuid, version, deleted, data) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (entity, uuid) DO UPDATE SET
    version = excluded.version, deleted = excluded.deleted, data = excluded.data
WHERE excluded.version > record.version
"""


class PackageRejectedError(KarsazError):
    """The package failed verification; ``problems`` says where."""

    def __init__(self, message: str, /, *, problems: list[str] | None = None,
                 **params: object) -> None:
        super().__init__(message, **params)
        self.problems = list(problems or [])


@dataclasses.dataclass(frozen=True)
class Receipt:
    batch_uuid: str
    sha256: str
    applied: bool          # False when the batch had been received before

    def as_json(self) -> dict[str, Any]:
        return {"batch": self.batch_uuid, "sha256": self.sha256, "status": "acknowledged",
                "applied": self.applied}


class ReceiverStore:
    """``public_key`` is the office's signing key; ``private_key`` headquarters' X25519 key,
    needed only for sealed packages."""

    def __init__(self, folder: Path, public_key: Ed25519PublicKey,
                 private_key: X25519PrivateKey | None = None) -> None:
        self.folder = folder
        self.public_key = public_key
        self.private_key = private_key
        (folder / "batches").mkdir(parents=True, exist_ok=True)
        (folder / "incoming").mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.executescript(SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.folder / STATE_FILE, timeout=60,
                                     isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            yield connection
        finally:
            connection.close()

    def receive_stream(self, stream: BinaryIO, length: int,
                       idempotency_key: str | None = None) -> Receipt:
        """Take ``length`` bytes from ``stream`` as one package."""
        if length > MAX_PACKAGE:
            raise PackageRejectedError("The package is too large.")
        incoming = self.folder / "incoming" / f"{secrets.token_hex(8)}.part"
        digest = hashlib.sha256()
        try:
            with incoming.open("wb") as out:
                left = length
                while left:
                    chunk = stream.read(min(CHUNK, left))
                    if not chunk:
                        raise PackageRejectedError("The package arrived cut short.")
                    digest.update(chunk)
                    out.write(chunk)
                    left -= len(chunk)
                out.flush()
                os.fsync(out.fileno())
            return self.receive_file(incoming, digest.hexdigest(), idempotency_key)
        finally:
            incoming.unlink(missing_ok=True)

    def receive_file(self, path: Path, sha256: str | None = None,
                     idempotency_key: str | None = None) -> Receipt:
        if sha256 is None:
            sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        if is_sealed(path):
            if self.private_key is None:
                raise PackageRejectedError("The package is sealed and this receiver has no "
                                           "headquarters key to open it.")
            opened = path.with_name(path.name + ".opened")
            try:
                unseal(path, opened, self.private_key)
                return self._receive_plain(opened, sha256, idempotency_key)
            except SealError as exc:
                raise PackageRejectedError("The package failed verification.",
                                           problems=[exc.message]) from exc
            finally:
                opened.unlink(missing_ok=True)
        return self._receive_plain(path, sha256, idempotency_key)

    def _receive_plain(self, path: Path, sha256: str, idempotency_key: str | None) -> Receipt:
        result = verify_package(path, self.public_key)
        if not result.ok or result.manifest is None:
            raise PackageRejectedError("The package failed verification.", problems=result.problems)
        manifest = result.manifest
        batch = manifest["batch"]
        if idempotency_key and idempotency_key != batch["uuid"]:
            raise PackageRejectedError("The Idempotency-Key is not the batch in the package.")
        with self._connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                receipt = self._apply(connection, path, sha256, manifest)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        return receipt

    def _apply(self, connection: sqlite3.Connection, path: Path, sha256: str,
               manifest: dict[str, Any]) -> Receipt:
        batch = manifest["batch"]
        known = connection.execute("SELECT sha256 FROM batch WHERE uuid = ?",
                                   (batch["uuid"],)).fetchone()
        if known is not None:
            if known[0] != sha256:
                raise PackageRejectedError("This batch was received before with other bytes.")
            return Receipt(batch["uuid"], sha256, applied=False)
        kept = self.folder / "batches" / f"{batch['sequence']:06d}-{batch['uuid']}.zip"
        os.replace(path, kept)
        count = 0
        for entry in manifest["files"]:
            entity = entry["entity"]
            rows = []
            for record in read_records(kept, entry["name"]):
                deleted = record.get("deleted") is True
                data = None if deleted else json.dumps(record, ensure_ascii=False,
                                                      sort_keys=True)
                rows.append((entity, record["uuid"], record["version"], int(deleted), data))
                if len(rows) >= 5000:
                    connection.executemany(UPSERT, rows)
                    count += len(rows)
                    rows.clear()
            connection.executemany(UPSERT, rows)
            count += len(rows)
        now = utcnow().isoformat()
        office = manifest["office"]
        connection.execute(
            "INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (batch["uuid"], batch["sequence"], office["uuid"], office["county_code"],
             batch["kind"], batch["change_log"]["after"], batch["change_log"]["through"],
             sha256, str(kept), now))
        connection.execute("INSERT INTO application (batch_uuid, applied_at, records) "
                           "VALUES (?, ?, ?)", (batch["uuid"], now, count))
        return Receipt(batch["uuid"], sha256, applied=True)

    def state(self) -> dict[tuple[str, str], dict[str, Any]]:
        """The live records as reconstructed: (entity, uuid) → record."""
        with self._connect() as connection:
            rows = connection.execute("SELECT entity, uuid, data FROM record WHERE deleted = 0")
            return {(entity, uuid): json.loads(data) for entity, uuid, data in rows}

    def applications(self) -> list[str]:
        """Every batch application in order (a batch applied twice would appear twice)."""
        with self._connect() as connection:
            return [row[0] for row in
                    connection.execute("SELECT batch_uuid FROM application ORDER BY id")]


class _Handler(BaseHTTPRequestHandler):
    server: ReceiverServer

    def do_POST(self) -> None:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._answer(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length is required"})
            return
        try:
            receipt = self.server.store.receive_stream(
                self.rfile, int(length), self.headers.get("Idempotency-Key"))
        except PackageRejectedError as exc:
            self._answer(HTTPStatus.UNPROCESSABLE_ENTITY,
                         {"error": exc.message, "problems": exc.problems})
            return
        self._answer(HTTPStatus.OK, receipt.as_json())

    def do_GET(self) -> None:
        self._answer(HTTPStatus.OK, {"batches": len(self.server.store.applications())})

    def _answer(self, status: HTTPStatus, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log:
            super().log_message(format, *args)


class ReceiverServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ReceiverStore, *,
                 log: bool = False) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.log = log
        self.tls = False

    def use_tls(self, certificate: Path, key: Path) -> None:
        """Serve HTTPS with this certificate chain and its private key (PEM files)."""
        import ssl

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.tls = True

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"{'https' if self.tls else 'http'}://{host}:{port}/"

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread
