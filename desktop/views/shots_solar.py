"""Screenshots of solar income (the plants list is area_solar): a plant's four tabs, the month's
allocation in draft and approved, the Sheba refusal, and the dialogs of a plant, a share and a
correction, on the demo office's plants. The refusal takes two payees' Sheba away: its picture
comes last of these (by name, as `--all` renders them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from desktop.database import Database
from desktop.domain.solar import PlantKind, previous_month
from desktop.fa.digits import to_persian_digits
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, add_demo_solar
from desktop.services.solar_plants import list_plants


def _admin(db: Database) -> Actor:
    return sign_in(db, "admin", DEMO_PASSWORD)


def _plants(db: Database) -> list:
    """The demo's plants; an office made with few clients gets them first."""
    plants = list_plants(db, _admin(db))
    if not plants:
        add_demo_solar(db, 3)
        plants = list_plants(db, _admin(db))
    return plants


def _aggregated_plant(db: Database):
    return next(p for p in _plants(db) if p.kind == PlantKind.AGGREGATED)


def _settle(widget) -> None:
    while widget.busy:
        widget.tasks.wait_all()
        QApplication.processEvents()


def solar_area(db: Database, tab: int = 0, approved: bool = False) -> QWidget:
    from desktop.views.shots import main_window
    from desktop.views.solar_words import last_complete_month, select_month

    _plants(db)
    window = main_window(db, "solar")
    area = window.pages["solar"]
    _settle(area)
    area.tabs.setCurrentIndex(tab)
    if tab:
        panel = area.allocation
        panel.plant.setCurrentIndex(panel.plant.findData(_aggregated_plant(db).code))
        if approved:
            select_month(panel.month, previous_month(last_complete_month()))
        _settle(area)
        panel.run_view.lines_view.selectRow(0)
    return window


def plant_form(db: Database, tab: str) -> QWidget:
    from desktop.views.solar_plant_form import PlantForm

    form = PlantForm(db, _admin(db), _aggregated_plant(db).id, tab=tab)
    if tab == "months":
        form.months.show_month(_busy_month(db))
    return form


def _busy_month(db: Database):
    """The aggregated plant's latest month with a partial payment, costs and deductions."""
    from desktop.services.solar_months import month_sheet, plant_months
    from desktop.views.solar_words import last_complete_month

    actor, plant = _admin(db), _aggregated_plant(db)
    last = last_complete_month()
    months = plant_months(db, actor, plant.id, plant.commissioned_on, last)

    def busy(month) -> tuple[bool, bool, bool, int]:
        sheet = month_sheet(db, actor, plant.id, month)
        return (bool(sheet.deductions), sheet.arrear > 0, bool(sheet.costs), month.toordinal())

    return max((m.month for m in months[-12:]), key=busy, default=last)


def plant_dialog(db: Database, edit: bool = False) -> QWidget:
    from desktop.views.solar_plant_dialog import PlantDialog

    actor = _admin(db)
    dialog = PlantDialog(db, actor, _aggregated_plant(db) if edit else None)
    if not edit:
        dialog.name.setText("نیروگاه")
        dialog.site.setText("شیراز، شهرک صنعتی بزرگ")
        dialog.capacity.setText("۵۰۰")
        dialog.save()  # shows what a wrong entry looks like
    return dialog


def share_dialog(db: Database) -> QWidget:
    """A share for a client not marked hard to employ: the warning asks for the reason."""
    from desktop.services.client_search import ClientFilter, client_rows
    from desktop.services.clients import get_client
    from desktop.services.solar_shares import shares_of_plant
    from desktop.views.solar_share_dialog import ShareDialog

    actor = _admin(db)
    plant = next(p for p in _plants(db) if p.kind == PlantKind.ROOFTOP)
    holders = {s.client_id for s in shares_of_plant(db, actor, plant.id)}
    client = next(row for row in client_rows(db, actor, ClientFilter(), limit=200)
                  if row.id not in holders and not get_client(db, actor, row.id).hard_to_employ)
    dialog = ShareDialog(db, actor, plant, "add")
    dialog.search.setText(to_persian_digits(client.national_code))
    dialog.find_clients()
    dialog.watts.setText("۲")
    dialog.save()
    return dialog


def sheba_refused(db: Database) -> QWidget:
    """The draft month approved while two payees have no Sheba: the refusal names them."""
    import dataclasses

    from desktop.services.clients import get_client, update_client
    from desktop.services.solar_run_records import run_lines, run_of
    from desktop.views.solar_words import last_complete_month

    actor = _admin(db)
    run = run_of(db, actor, _aggregated_plant(db).id, last_complete_month())
    assert run is not None
    for line in [line for line in run_lines(db, actor, run.id) if line.payable > 0][:2]:
        client = get_client(db, actor, line.client_id)
        update_client(db, actor, client.id, dataclasses.replace(client.as_input(), sheba=""),
                      version=client.version)
    window = solar_area(db, 1)
    area = window.pages["solar"]
    area.allocation.approve(area.allocation.current_run())
    _settle(area)
    prompt = area.allocation.prompt
    prompt.window_kept = window  # the window it belongs to lives as long as it
    return prompt


def correction_dialog(db: Database) -> QWidget:
    from desktop.services.solar_run_records import runs_of_plant
    from desktop.views.solar_correction_dialog import CorrectionDialog

    actor = _admin(db)
    run = [r for r in runs_of_plant(db, actor, _aggregated_plant(db).id) if r.approved][-1]
    dialog = CorrectionDialog(db, actor, run)
    dialog.amount.setAmount(1_500_000)
    dialog.reason.setText("کسر هزینهٔ بیمه که دو بار ثبت شده بود")
    return dialog


SOLAR_BUILDERS: dict[str, tuple[Callable[[Database], QWidget], tuple[int, int] | None]] = {
    "solar_plant_details": ((lambda db: plant_form(db, "details")), (1180, 760)),
    "solar_plant_shares": ((lambda db: plant_form(db, "shares")), (1180, 760)),
    "solar_plant_month": ((lambda db: plant_form(db, "months")), (1180, 760)),
    "solar_plant_performance": ((lambda db: plant_form(db, "performance")), (1180, 760)),
    "solar_allocation_draft": ((lambda db: solar_area(db, 1)), (1280, 800)),
    "solar_allocation_approved": ((lambda db: solar_area(db, 1, True)), (1280, 800)),
    "solar_plant_dialog_new": (plant_dialog, None),
    "solar_plant_dialog_edit": ((lambda db: plant_dialog(db, True)), None),
    "solar_share_reason": (share_dialog, None),
    "solar_sheba_refused": (sheba_refused, None),
    "solar_correction_dialog": (correction_dialog, None),
}
