"""The dashboard on a demo office: the cards say what the service counts, in Persian digits; the
charts run right to left; a chart saves as PNG; the whole exports to PDF and Excel."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.database import Database, open_database
from desktop.domain.pathway import Sector
from desktop.fa.money import format_amount
from desktop.services.auth import sign_in
from desktop.services.dashboard import JobCounts, current_year, dashboard
from desktop.services.dashboard_commitment import set_commitment
from desktop.services.demo import DEMO_PASSWORD, make_demo_office
from desktop.views.dashboard_area import DashboardArea
from desktop.views.tasks import TaskRunner
from tests.pdf_text import reads


@pytest.fixture
def office(tmp_path: Path):
    db = open_database(data_dir=tmp_path / "office")
    make_demo_office(db, clients=300, seed=11)
    yield db
    db.dispose()


def _open(qtbot, db: Database) -> tuple[DashboardArea, object]:
    admin = sign_in(db, "admin", DEMO_PASSWORD)
    area = DashboardArea(db, admin, TaskRunner())
    qtbot.addWidget(area)
    area.resize(1200, 900)
    area.show()
    qtbot.waitUntil(lambda: not area.busy and area.board is not None, timeout=20_000)
    return area, admin


def test_cards_and_charts_show_the_services_figures_right_to_left(qtbot, office) -> None:
    admin = sign_in(office, "admin", DEMO_PASSWORD)
    set_commitment(office, admin, current_year(), 40)
    area, admin = _open(qtbot, office)
    board = dashboard(office, admin, area.period())
    assert board.jobs.jobs.total > 0
    cards = area.cards.cards
    assert cards["created"].figure.text() == format_amount(board.jobs.jobs.created)
    assert cards["stabilised"].figure.text() == format_amount(board.jobs.jobs.stabilised)
    assert cards["commitment"].figure.text() == format_amount(board.commitment_percent) + "٪"
    assert cards["overdue"].figure.text() == format_amount(board.overdue_visits)
    for card in cards.values():
        assert not any(ch.isascii() and ch.isdigit() for ch in card.figure.text())
    sector = area.charts["sector"]
    names = next(a for a in sector.chart.axes() if isinstance(a, QBarCategoryAxis))
    # The first sector is drawn rightmost: QtCharts draws the axis's first category leftmost.
    assert names.categories() == [label for _, label in reversed(Sector.choices())]
    values = next(a for a in sector.chart.axes() if isinstance(a, QValueAxis))
    assert values.alignment() == Qt.AlignmentFlag.AlignRight
    bars = sector.chart.series()[0]
    created = next(s for s in bars.barSets() if s.label() == "ایجادی")
    assert [created.at(i) for i in range(3)] == [
        board.jobs.by_sector.get(s.value, JobCounts()).created for s in reversed(list(Sector))]
    groups = area.charts["target_group"]
    assert next(a for a in groups.chart.axes() if isinstance(a, QValueAxis)).isReverse()

    # A year before the office's first job: every job figure is a Persian zero.
    area.year.setCurrentIndex(area.year.count() - 1)
    area.refresh()
    qtbot.waitUntil(lambda: not area.busy, timeout=20_000)
    assert area.board.period.year == current_year() - 5
    assert cards["created"].figure.text() == "۰" and cards["commitment"].figure.text() == "—"


def test_a_chart_saves_as_png_and_the_dashboard_as_pdf_and_excel(qtbot, office,
                                                                 tmp_path: Path) -> None:
    area, _admin = _open(qtbot, office)
    board = area.board
    png = area.charts["sector"].save_png(tmp_path / "sector.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200 and image.height() > 200

    area.export_pdf(str(tmp_path / "dashboard.pdf"))
    assert reads(tmp_path / "dashboard.pdf", "اشتغال به تفکیک بخش")
    created = format_amount(board.jobs.jobs.created)
    assert reads(tmp_path / "dashboard.pdf", f"اشتغال ایجادی {created}")
    with pdfplumber.open(tmp_path / "dashboard.pdf") as pdf:
        assert sum(len(page.images) for page in pdf.pages) == len(area.charts)

    area.export_excel(str(tmp_path / "dashboard.xlsx"))
    sheet = load_workbook(tmp_path / "dashboard.xlsx").active
    assert sheet.sheet_view.rightToLeft
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["اشتغال ایجادی"][0] == board.jobs.jobs.created
    assert rows["خدمات"][:3] == (board.jobs.by_sector["services"].created,
                                 board.jobs.by_sector["services"].stabilised,
                                 board.jobs.by_sector["services"].total)


def test_only_who_manages_the_office_sets_the_commitment(qtbot, office) -> None:
    from desktop.services.dashboard_commitment import commitment_of
    from desktop.views.dashboard_commitment_dialog import CommitmentDialog

    area, admin = _open(qtbot, office)
    assert area.commitment_button.isVisibleTo(area)
    expert = DashboardArea(office, sign_in(office, "expert", DEMO_PASSWORD), TaskRunner())
    qtbot.addWidget(expert)
    assert not expert.commitment_button.isVisibleTo(expert)
    qtbot.waitUntil(lambda: not expert.busy, timeout=20_000)
    dialog = CommitmentDialog(office, admin, current_year())
    qtbot.addWidget(dialog)
    dialog.jobs.setText("۰")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and commitment_of(office, current_year()) is None
    dialog.jobs.setText("۱۲۰")
    dialog.save()
    assert commitment_of(office, current_year()) == 120
