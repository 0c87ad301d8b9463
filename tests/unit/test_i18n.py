"""Every user-visible English literal has a Persian translation with the same placeholders."""

from __future__ import annotations

import ast
import builtins
import string
from pathlib import Path

import desktop
from desktop.i18n import catalogue, tr

PACKAGE = Path(desktop.__file__).parent
MARKERS = {"tr", "N_"}
# Exceptions carry English source text translated in KarsazError.__init__.
ERROR_CLASSES = {
    "KarsazError", "ValidationError", "PermissionDenied", "NotFound", "ConflictError",
    "AuthenticationError", "DatabaseError",
}


def _literals() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else None)
            ours = (name or "").endswith("Error") and not hasattr(builtins, name)
            if name not in MARKERS | ERROR_CLASSES and not ours:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found[first.value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_literal_is_translated() -> None:
    fa = catalogue()
    missing = {text: where for text, where in _literals().items() if text not in fa}
    assert missing == {}, f"no Persian for: {missing}"


def test_placeholders_match() -> None:
    fa = catalogue()
    wrong = {k: v for k, v in fa.items() if _fields(k) != _fields(v)}
    assert wrong == {}


def test_translations_are_persian() -> None:
    latin_only = {k: v for k, v in catalogue().items()
                  if not any("\u0600" <= ch <= "\u06ff" for ch in v)}
    assert latin_only == {}


def test_numbers_read_in_persian_digits() -> None:
    assert tr("The password must be at least {count} characters long.", count=12).count("۱۲") == 1
