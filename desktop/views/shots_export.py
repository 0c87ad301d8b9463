"""Screenshots of «ارسال به سامانه ملی»: the history after a month of weekly batches to the
office's USB stick — acknowledged ones, a full snapshot that replaced a failed batch, and a last
batch refused by a full stick — and the schedule form, as set and as refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop import clock
from desktop.database import Database
from desktop.fa.bidi import isolated
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.clients import get_client, update_client
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.export_batches import BatchInfo, batch_history
from desktop.services.export_keys import office_folder
from desktop.services.export_run import run_export
from desktop.services.export_schedule import (
    ExportSchedule,
    Frequency,
    persian_weekday,
    previous_run,
    save_schedule,
)
from desktop.services.export_transport import Acknowledgement, DeliveryError, FolderTransport

USB_STICK = "E:\\ارسال به ستاد"
SCHEDULED_AT = dt.time(14, 0)


class _UsbStick:
    """The stick as the office names it on Windows, a real folder behind it, full when told."""

    def __init__(self, folder: Path) -> None:
        self.folder = FolderTransport(folder)
        self.full = False

    @property
    def target(self) -> str:
        return USB_STICK

    def deliver(self, batch: BatchInfo) -> Acknowledgement:
        if self.full:
            raise DeliveryError("There is no room for the package in {folder}; nothing was "
                                "left there.", folder=isolated(USB_STICK))
        return self.folder.deliver(batch)


def _admin(db: Database) -> Actor:
    return sign_in(db, "admin", DEMO_PASSWORD)


def _change_clients(db: Database, actor: Actor, first: int, count: int) -> None:
    for client_id in range(first, first + count):
        record = get_client(db, actor, client_id)
        update_client(db, actor, client_id, dataclasses.replace(
            record.as_input(), notes=f"{record.notes} پیگیری تلفنی".strip()),
            version=record.version)


def stage_exports(db: Database) -> None:
    """A weekly schedule and five batches, the last scheduled run a success so none is due
    while the picture is taken (the window's timer would send one)."""
    if batch_history(db, limit=1):
        return
    admin = _admin(db)
    now = clock.utcnow().astimezone()
    weekday = persian_weekday(now.date() - dt.timedelta(days=3))
    schedule = ExportSchedule(Frequency.WEEKLY, SCHEDULED_AT, USB_STICK, weekday=weekday)
    save_schedule(db, admin, schedule)
    last_run = previous_run(schedule, now)
    folder = office_folder(db) / "usb"
    folder.mkdir(parents=True, exist_ok=True)
    stick = _UsbStick(folder)
    steps: list[tuple[dt.datetime, Callable[[], object]]] = [
        (last_run - dt.timedelta(days=14), lambda: None),
        (last_run - dt.timedelta(days=7), lambda: _change_clients(db, admin, 1, 6)),
        (last_run - dt.timedelta(days=1), lambda: _change_clients(db, admin, 7, 3)),
        (last_run, lambda: None),
        (last_run + dt.timedelta(days=1, hours=2), lambda: _change_clients(db, admin, 10, 4)),
    ]
    previous = clock.clock()
    try:
        for number, (at, change) in enumerate(steps, 1):
            clock.set_clock(clock.FixedClock(at.astimezone(dt.UTC)))
            change()
            stick.full = number in (3, 5)
            run_export(db, actor=admin, transport=stick, full=number == 4)
    finally:
        clock.set_clock(previous)


def export_history(db: Database) -> QWidget:
    from desktop.views.shots import _settle, main_window

    stage_exports(db)
    window = main_window(db, "export")
    _settle(window.pages["export"])
    return window


def export_schedule(db: Database, refused: bool = False) -> QWidget:
    from desktop.views.export_schedule_dialog import ExportScheduleDialog
    from desktop.views.widgets.choices import select_data

    stage_exports(db)
    dialog = ExportScheduleDialog(db, _admin(db))
    if refused:
        select_data(dialog.frequency, Frequency.MONTHLY.value)
        dialog.month_day.setText("۳۱")
        dialog.at.setText("۲۵:۰۰")
        dialog.save()
        dialog.at.setText("۱۴:۰۰")
        dialog.target.clear()
        dialog.save()
    return dialog


EXPORT_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "export_history": (export_history, (1280, 800)),
    "export_schedule": (export_schedule, None),
    "export_schedule_refused": ((lambda db: export_schedule(db, True)), None),
}
