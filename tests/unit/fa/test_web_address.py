"""Shop links as typed: the scheme added, the host lower case, the path kept; nonsense refused
in Persian."""

from __future__ import annotations

import pytest

from desktop.fa.web_address import WebAddressError, normalize_web_address


@pytest.mark.parametrize(("typed", "stored"), [
    ("basalam.com/rob-anar", "https://basalam.com/rob-anar"),
    ("  HTTPS://Basalam.COM/Shop?page=۲ ", "https://basalam.com/Shop?page=2"),
    ("http://digikala.com:8080/seller/5", "http://digikala.com:8080/seller/5"),
    ("instagram.com/گلدوزی_دشتک", "https://instagram.com/گلدوزی_دشتک"),
    ("https://فروشگاه.ایران/", "https://فروشگاه.ایران/"),
])
def test_addresses_people_type(typed: str, stored: str) -> None:
    assert normalize_web_address(typed) == stored


@pytest.mark.parametrize("typed", [
    "", "basalam com", "ftp://files.example.com", "https://localhost/shop", "https://a..com",
    "https://-shop.com", "https://shop.c0m", "http://user:pass@shop.com", "https://shop.com:0x",
    "mailto:shop@example.com", "https://"])
def test_what_is_not_an_address(typed: str) -> None:
    with pytest.raises(WebAddressError) as caught:
        normalize_web_address(typed)
    assert not caught.value.message.isascii()
