"""``karsaz print client`` as an operator runs it (a real process), on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop.domain.forms import FormKind
from desktop.fa.digits import to_latin_digits, to_persian_digits
from tests.integration.conftest import Office, walk_case
from tests.integration.test_cli import karsaz


def _url(office: Office) -> str:
    return office.db.engine.url.render_as_string(hide_password=False)


def _print(office: Office, code: str, form: str, out: Path) -> subprocess.CompletedProcess[str]:
    return karsaz("--database-url", _url(office), "print", "client", code, "--form", form,
                  "--out", str(out))


def _text(path: Path) -> str:
    """What poppler reads in the PDF, digits made Latin."""
    return to_latin_digits(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                          capture_output=True, text=True).stdout)


@pytest.mark.parametrize("kind", list(FormKind))
def test_writes_the_form_with_the_clients_identity(office: Office, tmp_path: Path,
                                                   kind: FormKind) -> None:
    client = office.client(first_name="نسرین", last_name="کاظمی", father_name="یدالله")
    walk_case(office, client.id, "follow_up")
    out = tmp_path / "فرم.pdf"
    # The code typed in Persian digits, as it is on a card.
    result = _print(office, to_persian_digits(client.national_code), kind.value, out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = _text(out)
    assert client.national_code in text
    assert "کاظمی" in text and "یدالله" in text
    assert kind.label in result.stdout and str(out) in result.stdout
    assert result.stderr == ""


def test_an_unknown_national_code_is_refused_in_persian(office: Office, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    unknown = office.national_code()   # valid, never registered
    result = _print(office, unknown, "registration", out)
    assert result.returncode == 2
    assert result.stderr.strip() == \
        f"خطا: مددجویی با کد ملی {to_persian_digits(unknown)} ثبت نشده است."
    assert not out.exists()
    wrong = _print(office, "1234567890", "registration", out)
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("خطا: «1234567890» کد ملی نیست:")
    assert not out.exists()


def test_a_form_the_client_cannot_have_is_refused_with_the_reason(office: Office,
                                                                   tmp_path: Path) -> None:
    client = office.client(first_name="پروین", last_name="اعتصامی")
    folder = tmp_path / "forms"
    folder.mkdir()
    out = folder / "visit.pdf"
    for form in ("visit", "summary"):
        result = _print(office, client.national_code, form, out)
        assert result.returncode == 2, result.stdout
        assert result.stderr.startswith("خطا:") and "پروین اعتصامی" in result.stderr
        assert not out.exists()
        assert list(folder.iterdir()) == []   # no half-written temporary either


def test_an_unknown_form_is_refused_in_persian(office: Office, tmp_path: Path) -> None:
    client = office.client()
    result = _print(office, client.national_code, "contract", tmp_path / "x.pdf")
    assert result.returncode == 2
    assert result.stderr.strip() == \
        "خطا: مقدار --form باید یکی از این‌ها باشد: registration, assessment, visit, summary."
