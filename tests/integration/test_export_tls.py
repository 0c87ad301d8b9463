"""HTTPS delivery verifies the receiver's certificate: a certificate nobody vouches for fails,
the same receiver trusted through SSL_CERT_FILE succeeds."""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.services.export_keys import load_or_make_signing_key, private_key_path
from desktop.services.export_receiver import ReceiverServer, ReceiverStore
from desktop.services.export_run import RunStatus, run_export
from desktop.services.export_transport import HttpTransport
from tests.integration.conftest import Office


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(
            ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_receiver(office: Office, tmp_path: Path):
    cert, key = _self_signed(tmp_path)
    public = load_or_make_signing_key(private_key_path(office.db)).public_key()
    server = ReceiverServer(("127.0.0.1", 0), ReceiverStore(tmp_path / "hq", public))
    server.use_tls(cert, key)
    server.start_in_thread()
    yield server, cert
    server.shutdown()
    server.server_close()


def test_an_unknown_certificate_fails_and_a_trusted_one_is_accepted(
        office: Office, tls_receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    server, cert = tls_receiver
    url = server.url
    assert url.startswith("https://")
    refused = run_export(office.db, transport=HttpTransport(url, attempts=1))
    assert refused.status == RunStatus.FAILED
    assert server.store.applications() == []
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    sent = run_export(office.db, transport=HttpTransport(url, attempts=1))
    assert sent.status == RunStatus.SENT, sent.message
    assert server.store.applications() == [sent.batches[0].uuid]
