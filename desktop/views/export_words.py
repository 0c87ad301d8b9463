"""How an export batch reads, and the history's columns: its status in Persian with a colour,
its kind, its size in kilobytes or megabytes, and moments as Jalali dates with the local time,
all in Persian digits."""

from __future__ import annotations

import datetime as dt

from desktop.fa.bidi import isolated
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.services.export_batches import BatchInfo
from desktop.services.export_schedule import WEEKDAYS, ExportSchedule, Frequency
from desktop.views.record_table import Column

NOT_YET = "—"
STATUS_LABELS = {"made": N_("made"), "sent": N_("sent"), "acknowledged": N_("acknowledged"),
                 "failed": N_("failed"), "superseded": N_("superseded")}
# (text, background): green once headquarters has it, amber on the way, red failed, grey
# replaced; readable when printed in grey.
STATUS_COLOURS = {"made": ("#1d4ed8", "#e0eafc"), "sent": ("#7a4b00", "#fdefc8"),
                  "acknowledged": ("#14532d", "#dcf1e3"), "failed": ("#8f1d14", "#fbe0dd"),
                  "superseded": ("#52606d", "#eef1f4")}
KILOBYTE = 1024
MEGABYTE = 1024 * 1024


def status_label(status: str) -> str:
    return tr(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def kind_label(batch: BatchInfo) -> str:
    return tr("Full snapshot") if batch.full else tr("Changes")


def change_range(batch: BatchInfo) -> str:
    """The change-log ids the batch carries, «۱۲۱ تا ۳۴۰»."""
    if batch.change_through <= batch.change_after:
        return NOT_YET
    return tr("{first} to {last}", first=to_persian_digits(batch.change_after + 1),
              last=to_persian_digits(batch.change_through))


def _decimal(value: float) -> str:
    """One decimal with the Persian decimal separator, «۱٫۲»; none when it is whole."""
    text = f"{value:.1f}".removesuffix(".0")
    return to_persian_digits(text.replace(".", "٫"))


def size_text(size: int) -> str:
    if size < KILOBYTE:
        return tr("{size} bytes", size=to_persian_digits(size))
    if size < MEGABYTE:
        return tr("{size} KB", size=_decimal(size / KILOBYTE))
    return tr("{size} MB", size=_decimal(size / MEGABYTE))


def moment(at: dt.datetime | None) -> str:
    """A stored UTC moment as the PC's local Jalali date and time, «۱۴۰۳/۰۷/۱۵ ۱۸:۰۰»."""
    if at is None:
        return NOT_YET
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    local = at.astimezone()
    return f"{format_jalali(local.date())} {to_persian_digits(local.strftime('%H:%M'))}"


def batch_detail(batch: BatchInfo) -> str:
    """One line on a batch: what became of it, where it went, and why it failed."""
    parts = [tr("Batch {number}: {status}", number=batch.id, status=status_label(batch.status))]
    if batch.target:
        parts.append(tr("to {target}", target=isolated(batch.target)))
    if batch.attempts:
        parts.append(tr("{count} attempts", count=batch.attempts))
    if batch.status == "failed":
        parts.append(tr("failed at {when}", when=moment(batch.failed_at)))
    if batch.reason:
        parts.append(batch.reason)
    return " — ".join(parts)


def schedule_text(schedule: ExportSchedule | None) -> str:
    """«هر شنبه ساعت ۱۴:۰۰ به E:\\ارسال»: when and where packages go."""
    if schedule is None:
        return tr("No schedule is set: packages go only when you send them.")
    at = to_persian_digits(schedule.at.strftime("%H:%M"))
    if schedule.frequency == Frequency.WEEKLY:
        when = tr("Every {weekday} at {time}", weekday=tr(WEEKDAYS[schedule.weekday]), time=at)
    elif schedule.frequency == Frequency.MONTHLY:
        when = tr("On day {day} of every month at {time}",
                  day=to_persian_digits(schedule.month_day), time=at)
    else:
        when = tr("Every day at {time}", time=at)
    return tr("{when}, to {target}", when=when, target=isolated(schedule.target))


COLUMNS = (
    Column(N_("Batch"), lambda b: to_persian_digits(b.id)),
    Column(N_("Kind"), kind_label),
    Column(N_("Change range"), change_range),
    Column(N_("Status"), lambda b: status_label(b.status),
           colour=lambda b: STATUS_COLOURS.get(b.status, (None, None))[0],
           background=lambda b: STATUS_COLOURS.get(b.status, (None, None))[1],
           tip=lambda b: b.reason),
    Column(N_("Records"), lambda b: format_amount(b.records)),
    Column(N_("Deleted"), lambda b: format_amount(b.tombstones)),
    Column(N_("Size"), lambda b: size_text(b.size)),
    Column(N_("Made at"), lambda b: moment(b.created_at)),
    Column(N_("Sent at"), lambda b: moment(b.sent_at)),
    Column(N_("Acknowledged at"), lambda b: moment(b.acknowledged_at)),
)
WIDTHS = (50, 95, 110, 95, 65, 75, 105, 125, 125, 0)
