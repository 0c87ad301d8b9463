"""The case tab (پرونده و مسیر شغلی): the pathway strip, the case's details, its dated history
oldest first, and the moves a user may make on it; a client's older cases stay listed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.pathway import CaseStatus, CloseReason, EventKind, Stage
from desktop.errors import ConflictError, KarsazError
from desktop.fa.jalali import format_jalali
from desktop.i18n import N_, tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services import cases
from desktop.services.case_records import CaseRecord, EventRecord
from desktop.services.programs import ProgramRecord
from desktop.views.advance_case_dialog import AdvanceCaseDialog
from desktop.views.case_details_box import CaseDetailsBox
from desktop.views.close_case_dialog import CloseCaseDialog
from desktop.views.open_case_dialog import OpenCaseDialog
from desktop.views.record_table import Column, RecordTableModel, select_row
from desktop.views.service_dialog import ServiceDialog
from desktop.views.skip_stage_dialog import SkipStageDialog
from desktop.views.widgets.pathway_strip import PathwayStrip

REACHING = (EventKind.OPENED, EventKind.ADVANCED, EventKind.SKIPPED)


def _event_stage(event: EventRecord) -> str:
    if event.kind == EventKind.SKIPPED and event.from_stage:
        return tr("from «{start}» to «{end}»", start=Stage(event.from_stage).label,
                  end=Stage(event.stage).label)
    return Stage(event.stage).label


EVENT_COLUMNS = (
    Column(N_("Date"), lambda e: format_jalali(e.on_date)),
    Column(N_("Event"), lambda e: EventKind(e.kind).label),
    Column(N_("Stage"), _event_stage),
    Column(N_("User"), lambda e: e.user_full_name or e.username),
    Column(N_("Note"), lambda e: e.note, tip=lambda e: e.note),
)


def case_status_text(case: CaseRecord) -> str:
    if case.status == CaseStatus.CLOSED:
        reason = CloseReason(case.close_reason).label if case.close_reason else ""
        return tr("Closed early on {date}: {reason}",
                  date=format_jalali(case.closed_on) if case.closed_on else "", reason=reason)
    if case.status == CaseStatus.STABILISED:
        return tr("Job stabilised on {date}",
                  date=format_jalali(case.closed_on) if case.closed_on else "")
    return tr("Open — at «{stage}» since {date}", stage=case.stage_enum.label,
              date=format_jalali(case.stage_on))


CASE_COLUMNS = (
    Column(N_("Referral date"), lambda c: format_jalali(c.opened_on)),
    Column(N_("Stage"), lambda c: c.stage_enum.label),
    Column(N_("Status"), case_status_text),
    Column(N_("Job facilitator"), lambda c: c.facilitator_name),
)


class CaseTab(QWidget):
    caseChanged = Signal(object)    # the CaseRecord shown, or None
    caseSaved = Signal(int)         # a case of this client was changed and saved
    conflict = Signal(str)

    def __init__(self, db: Database, actor: Actor, facilitators: list[cases.Facilitator],
                 programs: list[ProgramRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.programs, self.facilitators = db, actor, programs, facilitators
        self.client_id: int | None = None
        self.client_name = ""
        self.case: CaseRecord | None = None
        self.cases: list[CaseRecord] = []
        self.dialog: ServiceDialog | None = None
        self.status = QLabel(self)
        self.status.setObjectName("caseStatus")
        self.strip = PathwayStrip(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("caseNotice")
        self.notice.setWordWrap(True)
        self.open_button = self._button(tr("Open a case"), self.open_case)
        self.next_button = self._button(tr("Next stage"), self.advance)
        self.stabilise_button = self._button(tr("Stabilise"), self.advance)
        self.stabilise_button.setObjectName("primary")
        self.skip_button = self._button(tr("Skip stages"), self.skip)
        self.close_button = self._button(tr("Close the case"), self.close_case)
        self.details = CaseDetailsBox(facilitators, programs, self)
        self.details.save_button.clicked.connect(self.save_details)
        self.timeline = RecordTableModel(EVENT_COLUMNS)
        self.timeline_view = self._table(self.timeline)
        self.cases_model = RecordTableModel(CASE_COLUMNS)
        self.cases_view = self._table(self.cases_model)
        self.cases_view.setMaximumHeight(130)
        self.cases_view.clicked.connect(lambda index: self.show_case(
            self.cases_model.record(index.row())))
        self.cases_title = QLabel(tr("Cases of this client"), self)
        self.cases_title.setObjectName("sectionTitle")
        actions = QHBoxLayout()
        for button in (self.open_button, self.next_button, self.stabilise_button,
                       self.skip_button, self.close_button):
            actions.addWidget(button)
        actions.addStretch(1)
        history = QWidget(self)
        history_column = QVBoxLayout(history)
        history_column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("Case history"), history)
        title.setObjectName("sectionTitle")
        history_column.addWidget(title)
        history_column.addWidget(self.timeline_view)
        self.splitter = QSplitter(self)  # right to left: the details on the right
        self.splitter.addWidget(self.details)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        column = QVBoxLayout(self)
        column.addWidget(self.status)
        column.addWidget(self.strip)
        column.addWidget(self.notice)
        column.addLayout(actions)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.cases_title)
        column.addWidget(self.cases_view)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _table(self, model: RecordTableModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        return view

    # --- loading -------------------------------------------------------------------------
    def set_client(self, client_id: int | None, client_name: str) -> None:
        self.client_id, self.client_name = client_id, client_name
        self.reload()

    def reload(self, show_id: int | None = None) -> None:
        """Read the client's cases again; show ``show_id``, else the open case or the latest."""
        self.cases = cases.cases_of_client(self.db, self.actor, self.client_id) \
            if self.client_id is not None else []
        shown = next((c for c in self.cases if c.id == show_id), None) \
            or next((c for c in self.cases if c.is_open), None) \
            or (self.cases[0] if self.cases else None)
        self.cases_model.set_rows(self.cases)
        many = len(self.cases) > 1
        self.cases_title.setVisible(many)
        self.cases_view.setVisible(many)
        self.show_case(shown)

    def show_case(self, case: CaseRecord | None) -> None:
        self.case = case
        if case is None:
            self.status.setText(tr("No case"))
            self.strip.show_case(None, {}, None)
        else:
            self.status.setText(case_status_text(case))
            reached = {Stage(e.stage): e.on_date for e in case.events if e.kind in REACHING}
            self.strip.show_case(case.stage_enum, reached, case.status)
            if case in self.cases:
                select_row(self.cases_view, self.cases.index(case))
        self.timeline.set_rows(case.events if case else ())
        self.timeline_view.resizeColumnsToContents()
        self.details.setVisible(case is not None)
        self.details.load(case, editable=bool(case and case.editable and case.is_open),
                          may_assign=can(self.actor, Permission.EDIT_ANY_CASE))
        self._offer_actions()
        self.caseChanged.emit(case)

    def _offer_actions(self) -> None:
        case = self.case
        editing = bool(case and case.editable and case.is_open)
        open_case = next((c for c in self.cases if c.is_open), None)
        held = None
        if open_case is None and self.client_id is not None:
            held = cases.open_case_held_elsewhere(self.db, self.actor, self.client_id)
        following = case.stage_enum.next() if case else None
        shown = {
            self.open_button: (open_case is None and held is None and self.client_id is not None
                               and can(self.actor, Permission.EDIT_CASES)),
            self.next_button: editing and following not in (None, Stage.STABILISED),
            self.stabilise_button: editing and bool(case and case.ready_to_stabilise()),
            self.skip_button: editing and following is not None
            and can(self.actor, Permission.OVERRIDE_PATHWAY),
            self.close_button: editing,
        }
        for button, visible in shown.items():
            button.setVisible(visible)
            button.setEnabled(visible)
        if following is not None and following is not Stage.STABILISED:
            self.next_button.setText(tr("Next stage: {stage}", stage=following.label))
        if held is not None:
            self.notice.setText(
                tr("This client has an open case followed by {name}; only that facilitator or "
                   "a county expert can change it.", name=held) if held else
                tr("This client has an open case with no facilitator; a county expert assigns "
                   "it."))
        elif case is None:
            self.notice.setText(tr("This client has no employment case yet."))
        elif case.is_open and not case.editable:
            self.notice.setText(tr("You can read this case; only its facilitator or a county "
                                   "expert can change it."))
        elif not case.is_open and open_case is not None and case is not open_case:
            self.notice.setText(tr("An earlier case, kept as it was; it cannot change."))
        else:
            self.notice.setText("")
        self.notice.setVisible(bool(self.notice.text()))

    # --- actions -------------------------------------------------------------------------
    def _open(self, dialog: ServiceDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.conflicted.connect(self.conflict.emit)
        dialog.open()

    def _saved(self, case: CaseRecord) -> None:
        self.reload(case.id)
        self.caseSaved.emit(case.id)

    def open_case(self) -> None:
        assert self.client_id is not None
        self._open(OpenCaseDialog(self.db, self.actor, self.client_id, self.client_name,
                                  self.facilitators, self.programs, self))

    def advance(self) -> None:
        assert self.case is not None
        self._open(AdvanceCaseDialog(self.db, self.actor, self.case, self.programs, self))

    def skip(self) -> None:
        assert self.case is not None
        self._open(SkipStageDialog(self.db, self.actor, self.case, self.programs, self))

    def close_case(self) -> None:
        assert self.case is not None
        self._open(CloseCaseDialog(self.db, self.actor, self.case, self))

    def is_dirty(self) -> bool:
        return self.details.is_dirty()

    def save_details(self) -> bool:
        """Save the case details box; False (with the messages shown) when it was refused."""
        case = self.case
        if case is None or not self.details.is_dirty():
            return True
        local = self.details.local_errors()
        if local:
            self.details.errors.show(local)
            return False
        try:
            saved = cases.update_case(self.db, self.actor, case.id, self.details.details(),
                                      version=case.version)
        except ConflictError as error:
            self.conflict.emit(error.message)
            return False
        except KarsazError as error:
            self.details.errors.show_error(error)
            return False
        self._saved(saved)
        return True
