"""Every view and dialog opens, and none shows an English word that is not deliberate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
    QWizard,
)

from desktop.views import shots
from desktop.views.screenshot import list_views, render_view

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# A web address (a group's shop on a sales platform) is Latin by nature.
WEB_ADDRESS = re.compile(r"https?://\S+")
# Deliberate Latin: the demo office's user names (typed in Latin by design), the font licence's
# own name, the Sheba prefix, the prefixes of the groups' codes (MF-0707-0001, MH-…, CO-…,
# typed on the command line and printed on their documents), a solar plant's code (SP-0707-001)
# and its meter's id as the demo writes it (FRS-…), and the https:// an export receiver's
# address begins with.
ALLOWED = {"admin", "expert", "facilitator", "viewer", "SIL", "Open", "Font", "License", "IR",
           "PNG", "MF", "MH", "CO", "SP", "FRS", "https"}


def _texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root_index = QModelIndex()
            for column in range(model.columnCount(root_index)):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(model.rowCount(root_index)):
                    texts.append(str(model.data(model.index(row, column)) or ""))
        if isinstance(widget, QWizard):
            for page_id in widget.pageIds():
                page = widget.page(page_id)
                texts.extend([page.title(), page.subTitle()])
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                texts.append(action.text())
                menu = action.menu()
                if isinstance(menu, QMenu):
                    texts.extend(a.text() for a in menu.actions())
    return texts


def _stray_words(texts: list[str]) -> set[str]:
    words = set()
    for text in texts:
        for word in LATIN_WORD.findall(WEB_ADDRESS.sub("", text)):
            if word not in ALLOWED and word.rstrip("0123456789") not in ALLOWED:
                words.add(word)
    return words


@pytest.mark.parametrize("name", list_views())
def test_view_opens_and_speaks_persian(qtbot, demo_db, name: str) -> None:
    build, _size = shots.BUILDERS[name]
    widget = build(demo_db)
    qtbot.addWidget(widget)
    widget.show()
    assert _stray_words(_texts(widget)) == set()


def test_the_check_catches_english() -> None:
    assert _stray_words(["ذخیره", "Save changes", "admin", "facilitator2",
                         "https://basalam.com/shop-1"]) == {"Save", "changes"}


def test_render_view_writes_a_png(tmp_path: Path, demo_db) -> None:
    out = render_view("about_dialog", tmp_path / "about.png", None, demo_db)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
