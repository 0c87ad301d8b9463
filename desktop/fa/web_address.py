"""Web addresses as people type them: a shop's page on a sales platform or social network.

``basalam.com/shop`` is typed without its scheme as often as with it; digits may come Persian;
a host may be an Iranian domain in Persian letters (``فروشگاه.ایران``). What is stored is an
``http``/``https`` address with a real host name, lower case, the path as typed.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from desktop.fa.digits import to_latin_digits
from desktop.fa.errors import FaValueError

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


class WebAddressError(FaValueError):
    """Not a web address a browser can open."""


def normalize_web_address(text: str) -> str:
    """``Basalam.com/shop`` → ``https://basalam.com/shop``; raises WebAddressError."""
    raw = to_latin_digits(text).strip()
    if not raw:
        raise WebAddressError("Enter the web address, e.g. https://basalam.com/shop-name.")
    if any(ch.isspace() for ch in raw):
        raise WebAddressError("A web address has no spaces.")
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise WebAddressError("This is not a web address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise WebAddressError("A web address begins with http:// or https://.")
    host = (parts.hostname or "").rstrip(".")
    if parts.username or parts.password or not host:
        raise WebAddressError("This is not a web address.")
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise WebAddressError("The site's name is not valid.") from None
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) \
            or not _TOP.match(labels[-1]):
        raise WebAddressError("The site's name is not valid.")
    netloc = host.lower() + (f":{port}" if port else "")
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))
