"""The layering rules of ARCHITECTURE.md, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_views_import_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if "views" not in path.relative_to(PACKAGE).parts
        and any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path))
    ]
    assert offenders == [], f"PySide6 imported outside desktop/views: {offenders}"


def test_core_never_imports_views() -> None:
    core = ("services", "models", "fa", "reports", "sync")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] in core
        and any(name.startswith("desktop.views") for name in _imports(path))
    ]
    assert offenders == [], f"core modules importing the views: {offenders}"


def test_the_check_sees_a_stray_import(tmp_path: Path) -> None:
    stray = tmp_path / "stray.py"
    stray.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(stray)


def _runtime_imports(path: Path) -> set[str]:
    """Imports outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_reports_take_data_not_a_database() -> None:
    """Forms are drawn from plain records: no session, no query, no service call."""
    forbidden = ("sqlalchemy", "desktop.models", "desktop.database", "desktop.services")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted((PACKAGE / "reports").rglob("*.py"))
        if any(name.startswith(forbidden) for name in _runtime_imports(path))
    ]
    assert offenders == [], f"reports reaching for the database: {offenders}"
