"""The month's allocation «تقسیم درآمد ماه»: for a chosen Jalali month, every plant's run (or one
plant's) computed off the GUI thread, each run's lines, approval with its confirmation, the
payout list and a beneficiary's statement.

Approval is refused while a payee lacks a valid Sheba; the refusal names who. An approved run
is locked: it is shown, never computed again; a correction goes to a later month's run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import today
from desktop.database import Database
from desktop.errors import KarsazError
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali_month
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services.solar_plants import PlantRecord
from desktop.services.solar_run_records import RunRecord, runs_of_period
from desktop.services.solar_runs import MissingSheba, allocate_period, approve_run
from desktop.views.questions import ask
from desktop.views.record_table import Column, RecordTableModel, select_row
from desktop.views.solar_run_outputs import RunOutputs
from desktop.views.solar_run_view import RunDetails, RunView, read_run
from desktop.views.solar_words import (
    fill_months,
    last_complete_month,
    month_combo,
    run_status_text,
    select_month,
)
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.choices import choice_combo, combo_value

RUN_COLUMNS = (
    Column(N_("Code"), lambda r: r.plant_code),
    Column(N_("Plant name"), lambda r: r.plant_name),
    Column(N_("State"), lambda r: ("🔒 " if r.approved else "") + run_status_text(r.status)),
    Column(N_("Received (Rials)"), lambda r: format_amount(r.received)),
    Column(N_("Costs (Rials)"), lambda r: format_amount(r.costs)),
    Column(N_("Net (Rials)"), lambda r: format_amount(r.net)),
    Column(N_("Arrears and corrections (Rials)"), lambda r: format_amount(r.adjustments)),
    Column(N_("Allocated (Rials)"), lambda r: format_amount(r.allocated)),
    Column(N_("Beneficiaries"), lambda r: to_persian_digits(r.beneficiaries)),
    Column(N_("Payable (Rials)"), lambda r: format_amount(r.payable)),
)


class AllocationPanel(RunOutputs, QWidget):
    def __init__(self, db: Database, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.may_compute = can(actor, Permission.MANAGE_SOLAR)
        self.may_approve = can(actor, Permission.APPROVE_ALLOCATION)
        self._pending = 0
        self._generation = 0
        self.prompt: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.dialog: QWidget | None = None
        # The months offered run from the first plant's commissioning (set_plants).
        self.month = month_combo(last_complete_month(), today(), self)
        select_month(self.month, last_complete_month())
        self.plant = choice_combo((), self, empty=tr("All plants"))
        self.plant.setMinimumWidth(220)
        self.compute_button = QPushButton(tr("Compute the allocation"), self)
        self.compute_button.setObjectName("primary")
        self.compute_button.setVisible(self.may_compute)
        self.compute_button.clicked.connect(self.compute)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("areaNote")
        self.status.setWordWrap(True)
        self.runs = RecordTableModel(RUN_COLUMNS)
        self.runs_view = QTableView(self)
        self.runs_view.setModel(self.runs)
        self.runs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs_view.verticalHeader().hide()
        self.runs_view.horizontalHeader().setStretchLastSection(True)
        self.runs_view.setMinimumHeight(90)
        self.runs_view.selectionModel().selectionChanged.connect(self._run_chosen)
        self.run_view = RunView(self)
        self.recompute_button = QPushButton(tr("Compute again"), self)
        self.approve_button = QPushButton(tr("Approve…"), self)
        self.correction_button = QPushButton(tr("Correction…"), self)
        self.correction_button.setToolTip(tr("Correct an approved month: the amount is "
                                             "allocated in a later month's run, with its "
                                             "reason"))
        self.payouts_button = QPushButton(tr("Save the payout list…"), self)
        self.statement_button = QPushButton(tr("Beneficiary's statement…"), self)
        for button, action in ((self.recompute_button, self.recompute),
                               (self.approve_button, self.ask_approval),
                               (self.correction_button, self.open_correction),
                               (self.payouts_button, self.choose_payout_file),
                               (self.statement_button, self.print_statement)):
            button.clicked.connect(action)
            button.setAutoDefault(False)
        self._layout()
        self.month.currentIndexChanged.connect(lambda _i: self.read_runs())
        self.plant.currentIndexChanged.connect(lambda _i: self._show_runs(self.runs.rows))
        self.run_view.lines_view.selectionModel().selectionChanged.connect(
            lambda *_: self._enable())
        self.read_runs()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Month"), self))
        top.addWidget(self.month)
        top.addSpacing(12)
        top.addWidget(QLabel(tr("Plant"), self))
        top.addWidget(self.plant)
        top.addSpacing(12)
        top.addWidget(self.compute_button)
        top.addWidget(self.progress)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.recompute_button, self.approve_button, self.correction_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.statement_button)
        actions.addWidget(self.payouts_button)
        lower = QWidget(self)
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addLayout(actions)
        lower_column.addWidget(self.run_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.runs_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([130, 600])
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.status)
        column.addWidget(split, 1)

    # --- the month's runs -------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._pending > 0

    def chosen_month(self) -> dt.date:
        return self.month.currentData()

    def set_plants(self, plants: list[PlantRecord]) -> None:
        if plants:
            fill_months(self.month, min(p.commissioned_on for p in plants), today())
        chosen = combo_value(self.plant)
        self.plant.blockSignals(True)
        while self.plant.count() > 1:
            self.plant.removeItem(1)
        for plant in plants:
            self.plant.addItem(f"{plant.name} ({plant.code})", plant.code)
        index = self.plant.findData(chosen) if chosen else 0
        self.plant.setCurrentIndex(max(index, 0))
        self.plant.blockSignals(False)

    def _work(self, work: Callable[[], Any], label: str, done: Callable[[Any], None],
              failed: Callable[[BaseException], None] | None = None) -> None:
        """``work`` off the GUI thread with the bar moving; its answer to ``done``."""
        self._pending += 1
        self.progress.show()
        self.status.setText(label)
        self._enable()

        def finished(result: Any) -> None:
            self._end_work()
            done(result)

        def went_wrong(error: BaseException, _trace: str) -> None:
            self._end_work()
            if failed is not None and isinstance(error, KarsazError):
                failed(error)
            else:
                self.tell(tr("Not done"), error.message if isinstance(error, KarsazError)
                          else tr("The work could not be done. Try again."))

        self.tasks.run(lambda _control: work(), label="solar", on_done=finished,
                       on_error=went_wrong)

    def _end_work(self) -> None:
        self._pending -= 1
        self.progress.setVisible(self.busy)
        self.status.clear()
        self._enable()

    def read_runs(self, then_select: int | None = None) -> None:
        db, actor, month = self.db, self.actor, self.chosen_month()
        self._generation += 1
        generation = self._generation

        def loaded(runs: list[RunRecord]) -> None:
            if generation == self._generation:
                self._show_runs(runs, then_select)

        self._work(lambda: runs_of_period(db, actor, month),
                   tr("Reading the allocations of {month}…",
                      month=format_jalali_month(month)), loaded)

    def _show_runs(self, runs: list[RunRecord], then_select: int | None = None) -> None:
        chosen = then_select or (self.current_run().id if self.current_run() else None)
        code = combo_value(self.plant)
        self.runs.set_rows(runs)
        for row, run in enumerate(runs):
            self.runs_view.setRowHidden(row, bool(code) and run.plant_code != code)
        self.runs_view.resizeColumnsToContents()
        visible = [row for row, run in enumerate(runs) if not code or run.plant_code == code]
        ids = [run.id for run in runs]
        if chosen in ids and ids.index(chosen) in visible:
            select_row(self.runs_view, ids.index(chosen))
        elif visible:
            select_row(self.runs_view, visible[0])
        else:
            self.run_view.show_run(None)
        if not runs:
            self.status.setText(tr("Nothing of {month} has been allocated yet.",
                                   month=format_jalali_month(self.chosen_month())))
        self._enable()

    def current_run(self) -> RunRecord | None:
        rows = self.runs_view.selectionModel().selectedRows()
        return self.runs.record(rows[0].row()) if rows else None

    def _run_chosen(self) -> None:
        run = self.current_run()
        self._enable()
        if run is None:
            self.run_view.show_run(None)
            return
        db, actor = self.db, self.actor

        def shown(details: RunDetails) -> None:
            if self.current_run() is not None and self.current_run().id == details.run.id:
                self.run_view.show_run(details)
                self._enable()

        self._work(lambda: read_run(db, actor, run), tr("Reading the allocation…"), shown)

    def _enable(self) -> None:
        run = self.current_run()
        idle = not self.busy
        draft = run is not None and not run.approved
        self.compute_button.setEnabled(idle)
        self.recompute_button.setEnabled(idle and draft)
        self.recompute_button.setVisible(self.may_compute)
        self.approve_button.setEnabled(idle and draft)
        self.approve_button.setVisible(self.may_approve)
        self.correction_button.setEnabled(idle and run is not None and run.approved)
        self.correction_button.setVisible(self.may_approve)
        self.payouts_button.setEnabled(idle and run is not None and run.approved)
        self.payouts_button.setVisible(self.may_compute)
        self.statement_button.setEnabled(idle and run is not None and run.approved
                                         and self.chosen_line() is not None)

    def chosen_line(self):
        rows = self.run_view.lines_view.selectionModel().selectedRows()
        return self.run_view.lines.record(rows[0].row()).line if rows else None

    # --- computing and approving --------------------------------------------------------
    def compute(self) -> None:
        """Every plant's run of the month (or the chosen plant's), in one transaction."""
        db, actor, month, code = self.db, self.actor, self.chosen_month(), \
            combo_value(self.plant)

        def computed(runs: list[RunRecord]) -> None:
            self.read_runs(then_select=runs[0].id if runs else None)

        self._work(lambda: allocate_period(db, actor, month, plant_code=code),
                   tr("Computing the allocation of {month}…",
                      month=format_jalali_month(month)), computed,
                   lambda error: self.tell(tr("Not computed"), error.message))

    def recompute(self) -> None:
        run = self.current_run()
        if run is None:
            return
        db, actor = self.db, self.actor
        from desktop.services.solar_runs import compute_run

        self._work(lambda: compute_run(db, actor, run.plant_id, run.month),
                   tr("Computing the allocation of {month}…",
                      month=format_jalali_month(run.month)),
                   lambda fresh: self.read_runs(then_select=fresh.id),
                   lambda error: self.tell(tr("Not computed"), error.message))

    def ask_approval(self) -> None:
        run = self.current_run()
        if run is None or run.approved:
            return
        self.prompt = ask(self, tr("Approve the allocation"), tr(
            "Approve the allocation of {month} for {plant}? {payees} people are paid "
            "{payable} Rials in all. Once approved it is locked: nothing of this month or "
            "those before it can change, and a mistake is corrected in a later month.",
            month=format_jalali_month(run.month), plant=run.plant_name,
            payees=to_persian_digits(run.payees), payable=format_amount(run.payable)), (
            (tr("Approve"), QMessageBox.ButtonRole.AcceptRole, lambda: self.approve(run)),
            (tr("Cancel"), QMessageBox.ButtonRole.RejectRole, None)))

    def approve(self, run: RunRecord) -> None:
        db, actor = self.db, self.actor
        self._work(lambda: approve_run(db, actor, run.id, version=run.version),
                   tr("Approving…"), lambda approved: self.read_runs(then_select=approved.id),
                   self._refused)

    def _refused(self, error: KarsazError) -> None:
        if isinstance(error, MissingSheba):
            text = "\n".join((tr("The allocation was not approved: these payees have no valid "
                                 "Sheba number. Record it in each one's file, then approve "
                                 "again."), "",
                              *(f"• {name} ({to_persian_digits(code)})"
                                for name, code in error.payees)))
            self.status.setText(tr("{count} payees have no valid Sheba number.",
                                   count=to_persian_digits(len(error.payees))))
        else:
            text = error.message
        self.tell(tr("Not approved"), text)
        self.read_runs()

    def tell(self, title: str, text: str) -> None:
        self.prompt = ask(self, title, text, ((tr("OK"), QMessageBox.ButtonRole.AcceptRole,
                                               None),), icon=QMessageBox.Icon.Warning)
