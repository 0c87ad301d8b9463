"""«ارسال به سامانه ملی»: batches sent from the buttons and listed with what became of them, a
failure shown with its reason and sent again, the schedule form, the status bar and the timer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.database import Database
from desktop.fa.money import format_amount
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.export_batches import batch_history
from desktop.services.export_keys import load_public_key
from desktop.services.export_package import verify_package
from desktop.services.export_schedule import (
    ExportSchedule,
    Frequency,
    get_schedule,
    next_export_at,
    save_schedule,
)
from desktop.views.export_area import ExportArea
from desktop.views.export_schedule_dialog import ExportScheduleDialog
from desktop.views.export_words import moment
from desktop.views.main_window import MainWindow
from tests.gui.client_helpers import answer, choose, click, type_text


def _area(qtbot, db: Database, actor: Actor) -> ExportArea:
    area = ExportArea(db, actor)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)
    return area


def _send(qtbot, area: ExportArea, button) -> None:
    with qtbot.waitSignal(area.runs.finished, timeout=30_000):
        click(qtbot, button)
    qtbot.waitUntil(lambda: not area.busy, timeout=10_000)


def _cells(area: ExportArea, row: int) -> dict[str, str]:
    model = area.model
    return {model.headerData(c, Qt.Orientation.Horizontal): model.data(model.index(row, c))
            for c in range(model.columnCount())}


def _daily(db: Database, actor: Actor, target: Path | str) -> None:
    save_schedule(db, actor, ExportSchedule(Frequency.DAILY, dt.time(18, 0), str(target)))


def test_send_now_then_a_full_snapshot_to_a_folder(qtbot, demo_db, admin, tmp_path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _daily(demo_db, admin, usb)
    area = _area(qtbot, demo_db, admin)
    assert area.model.rowCount() == 0 and not area.resend_button.isEnabled()
    _send(qtbot, area, area.send_button)
    assert area.model.rowCount() == 1
    first = _cells(area, 0)
    assert (first["دسته"], first["نوع"], first["وضعیت"]) == ("۱", "تغییرات", "رسید گرفته")
    assert "کیلوبایت" in first["حجم"] and first["زمان رسید"] != "—"
    assert first["رکوردها"] == format_amount(batch_history(demo_db)[0].records)
    assert [p.name for p in usb.iterdir()] == [batch_history(demo_db)[0].path.name]
    assert "رسید" in area.outcome.text()
    click(qtbot, area.full_button)                      # asked first
    assert area.model.rowCount() == 1
    with qtbot.waitSignal(area.runs.finished, timeout=30_000):
        answer(qtbot, area.notice, "تهیه و ارسال")
    qtbot.waitUntil(lambda: area.model.rowCount() == 2, timeout=10_000)
    assert (_cells(area, 0)["نوع"], _cells(area, 0)["وضعیت"]) == ("نسخهٔ کامل", "رسید گرفته")
    key = tmp_path / "office.pem"
    area.write_public_key(key)                # what «ذخیرهٔ کلید عمومی» writes, once named
    package = batch_history(demo_db)[0].path
    assert verify_package(package, load_public_key(key)).ok


def test_a_failed_export_shows_its_reason_and_is_sent_again(qtbot, demo_db, admin,
                                                            tmp_path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    _daily(demo_db, admin, blocked / "usb")
    area = _area(qtbot, demo_db, admin)
    _send(qtbot, area, area.send_button)
    batch = batch_history(demo_db)[0]
    assert batch.status == "failed" and batch.reason
    status = area.model.index(0, 3)
    assert area.model.data(status) == "ناموفق"
    assert area.model.data(status, Qt.ItemDataRole.ToolTipRole) == batch.reason
    assert batch.reason in area.detail.text() and "ناموفق" in area.detail.text()
    assert batch.reason in area.outcome.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    _daily(demo_db, admin, usb)
    _send(qtbot, area, area.resend_button)              # the same batch, not a new one
    assert [(b.id, b.uuid, b.status) for b in batch_history(demo_db)] == \
        [(batch.id, batch.uuid, "acknowledged")]
    assert area.model.data(status) == "رسید گرفته" and not area.resend_button.isEnabled()


def test_the_schedule_form_refuses_bad_input_beside_the_field_and_saves(qtbot, demo_db,
                                                                      admin) -> None:
    dialog = ExportScheduleDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.frequency, Frequency.MONTHLY.value)
    assert dialog.month_day.isVisible() and not dialog.weekday.isVisible()
    dialog.month_day.clear()
    type_text(dialog.month_day, "۳۱")
    click(qtbot, dialog.save_button)
    assert "۲۹" in dialog.errors.message("month_day")
    assert dialog.errors.message("target")
    assert get_schedule(demo_db) is None and dialog.isVisible()
    dialog.at.clear()
    type_text(dialog.at, "۲۵:۰۰")
    click(qtbot, dialog.save_button)
    assert dialog.errors.message("at") and get_schedule(demo_db) is None
    dialog.at.clear()
    type_text(dialog.at, "۱۸:۳۰")
    choose(dialog.frequency, Frequency.WEEKLY.value)
    click(qtbot, dialog.save_button)
    assert dialog.errors.message("weekday")                # no day of the week chosen
    assert not dialog.errors.message("at")
    choose(dialog.weekday, 4)
    type_text(dialog.target, "https://hq.example/karsaz")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert get_schedule(demo_db) == ExportSchedule(
        Frequency.WEEKLY, dt.time(18, 30), "https://hq.example/karsaz", weekday=4, month_day=31)


def test_a_viewer_sees_the_schedule_read_only(qtbot, demo_db, admin, tmp_path) -> None:
    _daily(demo_db, admin, tmp_path)
    viewer = sign_in(demo_db, "viewer", DEMO_PASSWORD)
    area = _area(qtbot, demo_db, viewer)
    assert not area.send_button.isVisible() and not area.full_button.isVisible()
    area.open_schedule()
    dialog = area.dialog
    assert dialog is not None and dialog.read_only_note.isVisible()
    assert not dialog.save_button.isVisible() and not dialog.target.isEnabled()
    assert dialog.target.text() == str(tmp_path)
    dialog.reject()


def test_the_timer_sends_a_due_export_and_the_status_bar_shows_the_next(
        qtbot, demo_db, admin, fixed_clock, tmp_path) -> None:
    window = MainWindow(export_check_ms=20)
    qtbot.addWidget(window)
    window.attach_database(demo_db)
    window.start_session(admin)
    assert window.next_export_label.text() == "زمان‌بندی نشده"
    assert "هنوز" in window.export_label.text()
    _daily(demo_db, admin, tmp_path)                    # never sent: due at once
    qtbot.waitUntil(lambda: bool(batch_history(demo_db)), timeout=30_000)
    qtbot.waitUntil(lambda: "هنوز" not in window.export_label.text(), timeout=10_000)
    assert batch_history(demo_db)[0].status == "acknowledged"
    upcoming = next_export_at(demo_db)
    assert upcoming is not None and upcoming.time() == dt.time(18, 0)
    assert window.next_export_label.text() == f"ارسال بعدی: {moment(upcoming)}"
    assert moment(fixed_clock.now()) in window.export_label.text()
    window.show_area("export")
    area = window.pages["export"]
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=10_000)


def test_a_run_while_another_export_holds_the_lock_is_told_in_persian(
        qtbot, demo_db, admin, tmp_path) -> None:
    from desktop.services.export_keys import office_folder
    from desktop.services.export_lock import export_lock

    _daily(demo_db, admin, tmp_path)
    area = _area(qtbot, demo_db, admin)
    with export_lock(office_folder(demo_db)), qtbot.waitSignal(area.runs.failed,
                                                               timeout=30_000):
        click(qtbot, area.send_button)
    assert "ارسال دیگری در جریان است" in area.outcome.text()
    assert area.send_button.isEnabled() and batch_history(demo_db) == []
