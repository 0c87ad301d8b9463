"""Delivering a package: into a folder (a shared drive, a USB stick) or by HTTPS POST.

Either way a delivery ends in an :class:`Acknowledgement` naming the batch and the SHA-256 of
the package, or raises :class:`DeliveryError` with the reason in Persian; only an
acknowledgement lets the caller move the watermark.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import httpx

from desktop.fa.bidi import isolated
from desktop.i18n import tr
from desktop.services.export_batches import BatchInfo, ExportError

CHUNK = 1 << 20


class DeliveryError(ExportError):
    """The package did not reach the receiver (or was not acknowledged); try again later."""


@dataclasses.dataclass(frozen=True)
class Acknowledgement:
    batch_uuid: str
    sha256: str


class Transport(Protocol):
    @property
    def target(self) -> str: ...

    def deliver(self, batch: BatchInfo) -> Acknowledgement: ...


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class FolderTransport:
    """Writes the package into a folder: to a temporary name, flushed to the disk, then renamed,
    so whoever reads the folder sees a whole package or none. A package already there with the
    same bytes counts as delivered. The folder is the receiver: a complete, renamed file whose
    bytes read back as made is the acknowledgement."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def target(self) -> str:
        return str(self.folder)

    def deliver(self, batch: BatchInfo) -> Acknowledgement:
        final = self.folder / batch.path.name
        temporary = self.folder / f".{batch.path.name}.part"
        try:
            if final.exists() and _file_digest(final) == batch.sha256:
                return Acknowledgement(batch.uuid, batch.sha256)
            self._copy(batch.path, temporary)
            os.replace(temporary, final)
            _sync_folder(self.folder)
            if _file_digest(final) != batch.sha256:
                final.unlink(missing_ok=True)
                raise DeliveryError("The package written to {folder} does not read back as "
                                     "it was made.", folder=isolated(str(self.folder)))
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise DeliveryError("There is no room for the package in {folder}; nothing "
                                     "was left there.", folder=isolated(str(self.folder))) from exc
            raise DeliveryError("The package could not be written to {folder}: {reason}",
                                 folder=isolated(str(self.folder)),
                                 reason=exc.strerror or str(exc)) from exc
        return Acknowledgement(batch.uuid, batch.sha256)

    @staticmethod
    def _copy(source: Path, target: Path) -> None:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     0o644)
        try:
            with source.open("rb") as stream:
                while chunk := stream.read(CHUNK):
                    view = memoryview(chunk)
                    while view:
                        written = os.write(fd, view)
                        view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)


def _sync_folder(folder: Path) -> None:
    # The rename itself must reach the disk; Windows has no directory handles to sync.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class HttpTransport:
    """POSTs the package (``application/zip``) with the batch id as ``Idempotency-Key``.

    Timeouts, connection failures and 5xx answers are retried with growing pauses; a 4xx answer
    is final. TLS certificates are always verified (httpx's default; ``SSL_CERT_FILE`` names
    another trust store). The receiver acknowledges with a JSON body naming the batch uuid and
    the package's SHA-256; anything else is not an acknowledgement."""

    def __init__(self, url: str, *, timeout: float = 60.0, attempts: int = 4,
                 backoff: float = 2.0, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = url
        self.timeout = httpx.Timeout(timeout, connect=min(timeout, 15.0))
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self.transport = transport

    @property
    def target(self) -> str:
        return self.url

    def deliver(self, batch: BatchInfo) -> Acknowledgement:
        reason = ""
        with httpx.Client(timeout=self.timeout, verify=True, transport=self.transport) as client:
            for attempt in range(self.attempts):
                if attempt:
                    self.sleep(self.backoff * 2 ** (attempt - 1))
                try:
                    return self._post(client, batch)
                except _Retry as retry:
                    reason = retry.reason
        raise DeliveryError("The receiver did not acknowledge the package after {attempts} "
                             "attempts: {reason}", attempts=self.attempts, reason=reason)

    def _post(self, client: httpx.Client, batch: BatchInfo) -> Acknowledgement:
        headers = {"Idempotency-Key": batch.uuid, "Content-Type": "application/zip",
                   "X-Karsaz-Package-Sha256": batch.sha256}
        try:
            with batch.path.open("rb") as stream:
                response = client.post(self.url, content=stream, headers=headers)
        except httpx.TimeoutException:
            raise _Retry(tr("the receiver did not answer in time")) from None
        except httpx.TransportError as exc:
            raise _Retry(tr("no connection to the receiver ({error})",
                            error=type(exc).__name__)) from None
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise _Retry(tr("the receiver answered {status}", status=str(response.status_code)))
        if response.status_code >= 400:
            raise DeliveryError("The receiver refused the package ({status}): {reason}",
                                 status=str(response.status_code),
                                 reason=response.text[:300])
        try:
            body = response.json()
        except ValueError:
            body = None
        if (not isinstance(body, dict) or body.get("batch") != batch.uuid
                or body.get("sha256") != batch.sha256):
            raise _Retry(tr("the receiver's answer does not acknowledge this package"))
        return Acknowledgement(batch.uuid, batch.sha256)


class _Retry(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def transport_for(target: str, **options: object) -> Transport:
    """An ``http://`` or ``https://`` URL, else a folder."""
    if target.lower().startswith(("http://", "https://")):
        return HttpTransport(target, **options)  # type: ignore[arg-type]
    return FolderTransport(Path(target))
