"""Sealing a package to headquarters' key: only that key opens it, and any change, reordering
or cut fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.services import export_seal
from desktop.services.export_seal import HEADER, SealError, is_sealed, seal, unseal

HQ = X25519PrivateKey.generate()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_seal, "CHUNK", 1000)


@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 5000, 5432])
def test_what_is_sealed_opens_as_it_was(tmp_path: Path, size: int) -> None:
    plain = tmp_path / "p.zip"
    plain.write_bytes(os.urandom(size))
    sealed, opened = tmp_path / "p.sealed", tmp_path / "p.opened"
    seal(plain, sealed, HQ.public_key())
    assert is_sealed(sealed) and not is_sealed(plain)
    unseal(sealed, opened, HQ)
    assert opened.read_bytes() == plain.read_bytes()


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    plain = tmp_path / "p.zip"
    plain.write_bytes(os.urandom(3500))
    out = tmp_path / "p.sealed"
    seal(plain, out, HQ.public_key())
    return out


@pytest.mark.parametrize("offset", [0, 20, HEADER - 1, HEADER, HEADER + 500, HEADER + 1015,
                                    -1, -17, -600])
def test_a_changed_byte_anywhere_fails(sealed: Path, tmp_path: Path, offset: int) -> None:
    raw = bytearray(sealed.read_bytes())
    raw[offset] ^= 0x01
    sealed.write_bytes(bytes(raw))
    with pytest.raises(SealError):
        unseal(sealed, tmp_path / "o", HQ)


def test_a_cut_or_reordered_package_fails(sealed: Path, tmp_path: Path) -> None:
    raw = sealed.read_bytes()
    body = raw[HEADER:]
    chunks = [body[i:i + 1016] for i in range(0, len(body), 1016)]
    for changed in (raw[:HEADER] + b"".join(chunks[:-1]),                 # last chunk dropped
                    raw[:HEADER] + b"".join([chunks[1], chunks[0], *chunks[2:]]),
                    raw[:HEADER]):
        sealed.write_bytes(changed)
        with pytest.raises(SealError):
            unseal(sealed, tmp_path / "o", HQ)


def test_another_key_cannot_open_it(sealed: Path, tmp_path: Path) -> None:
    with pytest.raises(SealError):
        unseal(sealed, tmp_path / "o", X25519PrivateKey.generate())
