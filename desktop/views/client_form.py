"""The client form: a client's identity, household and target groups, and their case, services
and monitoring, on six tabs.

Saving goes through the services, which check everything again; the form shows each refusal
beside its field and never saves half. A national code that is registered already opens that
record instead; a similar person is warned about; changes are never lost on closing unasked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.forms import FormKind
from desktop.errors import ConflictError, KarsazError, ValidationError
from desktop.fa.digits import to_persian_digits
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.roles import Permission, can
from desktop.services import clients
from desktop.services.case_records import CaseRecord
from desktop.services.cases import assignable_facilitators
from desktop.services.office import get_office
from desktop.services.programs import list_programs
from desktop.views.client_case_tab import CaseTab
from desktop.views.client_monitoring_tab import MonitoringTab
from desktop.views.client_pages import ClientPages
from desktop.views.client_print_button import ClientPrintButton
from desktop.views.client_services_tab import ServicesTab
from desktop.views.questions import ask
from desktop.views.similar_clients_dialog import SimilarClientsDialog
from desktop.views.tasks import TaskRunner
from desktop.views.widgets.field_error import FieldError

TABS = ("identity", "household", "groups", "case", "services", "monitoring")
CASE_TABS = ("case", "services", "monitoring")


class ClientForm(QDialog):
    clientSaved = Signal(int)

    def __init__(self, db: Database, actor: Actor, client_id: int | None = None,
                 parent: QWidget | None = None, *, tab: str | None = None,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tasks = tasks or TaskRunner(self)
        self.may_edit = can(actor, Permission.EDIT_CASES)
        self.client: clients.ClientRecord | None = None
        self.prompt: QMessageBox | None = None          # the question or notice on screen
        self.similar_dialog: SimilarClientsDialog | None = None
        self._close_after_save = False
        self._closing = False
        self._checked_code = ""
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.resize(1120, 780)
        self.setMinimumSize(900, 600)
        office = get_office(db)
        programs = list_programs(db, actor)
        self.header = QLabel(self)
        self.header.setObjectName("formHeader")
        self.pages = ClientPages(office.province_code, office.county_code, self)
        self.identity, self.household, self.groups = self.pages.pages
        self.case_tab = CaseTab(db, actor, assignable_facilitators(db, actor), programs, self)
        self.services = ServicesTab(db, actor, programs, self)
        self.monitoring = MonitoringTab(db, actor, self)
        self.tabs = QTabWidget(self)
        for page, title in ((self.identity, tr("Identity")),
                            (self.household, tr("Household and education")),
                            (self.groups, tr("Target groups")),
                            (self.case_tab, tr("Case and employment pathway")),
                            (self.services, tr("Services and benefits")),
                            (self.monitoring, tr("Monitoring"))):
            self.tabs.addTab(page, title)
        self.message = FieldError(self)
        self.saved_note = QLabel(self)
        self.saved_note.setObjectName("savedNote")
        self.save_button = QPushButton(tr("Save"), self)
        self.save_button.setObjectName("primary")
        self.close_button = QPushButton(tr("Close"), self)
        self.print_button = ClientPrintButton(db, actor, self.tasks, self)
        self.print_button.formChosen.connect(self.print_form)
        self.print_button.printingChanged.connect(
            lambda busy: self.saved_note.setText(tr("Preparing the form…") if busy else ""))
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.saved_note)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.header)
        column.addWidget(self.tabs, 1)
        column.addLayout(bottom)
        self.identity.nationalCodeEntered.connect(self._national_code_entered)
        self.case_tab.caseChanged.connect(self._case_shown)
        for source in (self.services, self.monitoring):
            source.caseModified.connect(self.case_tab.reload)
            source.caseModified.connect(self._case_saved)
        self.case_tab.caseSaved.connect(self._case_saved)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for source in (self.case_tab, self.services, self.monitoring):
            source.conflict.connect(self.show_conflict)
        self.load_client(client_id)
        self.show_tab(tab or "identity")

    # --- loading -------------------------------------------------------------------------
    def load_client(self, client_id: int | None) -> None:
        """Show client ``client_id`` as stored (None: an empty form for a new client)."""
        self.client = clients.get_client(self.db, self.actor, client_id) \
            if client_id is not None else None
        self._fill(self.client)
        self.case_tab.set_client(client_id, self.client.full_name if self.client else "")
        for name in CASE_TABS:
            self.tabs.setTabEnabled(TABS.index(name), self.client is not None)
        self.save_button.setVisible(self.may_edit)
        self.save_button.setEnabled(self.may_edit)
        self.message.clear_message()
        self.saved_note.clear()

    def _fill(self, client: clients.ClientRecord | None) -> None:
        self.pages.load(client, read_only=not self.may_edit)
        self._checked_code = client.national_code if client else ""
        self.print_button.set_client(client)
        self.setWindowTitle(tr("Client: {name}", name=client.full_name) if client
                            else tr("New client"))
        self._show_header(self.case_tab.case if client else None)

    def _show_header(self, case: CaseRecord | None) -> None:
        client = self.client
        if client is None:
            self.header.setText(tr("New client"))
            return
        parts = [client.full_name,
                 tr("National code {code}", code=to_persian_digits(client.national_code))]
        if case is not None and case.is_open:
            parts.append(tr("Case at «{stage}»", stage=case.stage_enum.label))
        self.header.setText("  —  ".join(parts))

    def _case_shown(self, case: CaseRecord | None) -> None:
        self.services.show_case(case)
        self.monitoring.show_case(case)
        self._show_header(case)

    def _case_saved(self, _case_id: int) -> None:
        # A list showing this client's stage or next visit refreshes on the same signal.
        if self.client is not None:
            self.clientSaved.emit(self.client.id)

    def show_tab(self, name: str) -> None:
        index = TABS.index(name) if name in TABS else 0
        self.tabs.setCurrentIndex(index if self.tabs.isTabEnabled(index) else 0)

    def reload(self) -> None:
        if self.client is not None:
            self.load_client(self.client.id)

    # --- changes -------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.may_edit and (self.pages.is_dirty() or self.case_tab.is_dirty())

    def save(self, confirm_similar: bool = False) -> bool:
        """Save the client (and the case details, if changed); False when anything was refused
        or needs an answer first."""
        if not self.may_edit:
            return False
        self.message.clear_message()
        if (self.client is None or self.pages.is_dirty()) \
                and not self._save_client(confirm_similar):
            return False
        if self.case_tab.is_dirty() and not self.case_tab.save_details():
            self.show_tab("case")
            return False
        self.saved_note.setText(tr("Saved."))
        return True

    def _save_client(self, confirm_similar: bool) -> bool:
        local = self.pages.local_errors()
        if local:
            self._show_errors(local)
            return False
        data = self.pages.client_input()
        try:
            if self.client is None:
                record = clients.create_client(self.db, self.actor, data,
                                               confirm_similar=confirm_similar)
            else:
                record = clients.update_client(self.db, self.actor, self.client.id, data,
                                               version=self.client.version,
                                               confirm_similar=confirm_similar)
        except clients.ClientExists as error:
            self._show_errors(error.errors)
            if error.existing_id is not None:
                self._offer_existing(error.existing_id, "")
            return False
        except clients.SimilarClientsFound as error:
            self._warn_similar(error)
            return False
        except ConflictError as error:
            self.show_conflict(error.message)
            return False
        except ValidationError as error:
            self._show_errors(error.errors, error.message)
            return False
        except KarsazError as error:
            self.message.show_message(error.message)
            return False
        new = self.client is None
        self.client = record
        self._fill(record)
        if new:
            self.case_tab.set_client(record.id, record.full_name)
            for name in CASE_TABS:
                self.tabs.setTabEnabled(TABS.index(name), True)
        self.clientSaved.emit(record.id)
        return True

    def _show_errors(self, errors: dict[str, str], general: str = "") -> None:
        wrong, first, remaining = self.pages.show_errors(errors)
        lines = list(remaining.values())
        if wrong:
            self.tabs.setCurrentWidget(wrong[0])
            names = "، ".join(self.tabs.tabText(self.tabs.indexOf(page)) for page in wrong)
            lines.insert(0, tr("Some fields need correcting (see: {tabs}).", tabs=names))
        elif general and not lines:
            lines.append(general)
        self.message.show_message("\n".join(lines))
        if first is not None:
            first.setFocus()

    # --- printing ------------------------------------------------------------------------
    def print_form(self, kind: FormKind) -> None:
        """Print ``kind`` as saved; unsaved changes are offered a save first."""
        if not self.is_dirty():
            self.print_button.print_form(kind)
            return
        self.prompt = ask(self, tr("Unsaved changes"), tr(
            "The printed form shows what is saved. Save the changes first?"), (
            (tr("Save and print"), QMessageBox.ButtonRole.AcceptRole,
             lambda: self.save() and self.print_button.print_form(kind)),
            (tr("Print what is saved"), QMessageBox.ButtonRole.DestructiveRole,
             lambda: self.print_button.print_form(kind)),
            (tr("Stay in the form"), QMessageBox.ButtonRole.RejectRole, None)),
            icon=QMessageBox.Icon.Warning)

    # --- duplicates ----------------------------------------------------------------------
    def _national_code_entered(self, text: str) -> None:
        if self.client is not None or text == self._checked_code:
            return
        self._checked_code = text
        found = clients.find_by_national_code(self.db, self.actor, text)
        if found is not None:
            self._offer_existing(found.id, found.full_name)

    def _offer_existing(self, client_id: int, name: str) -> None:
        text = tr("A client with this national code is registered already: {name}. Open "
                  "their record?", name=name) if name else \
            tr("A client with this national code is registered already. Open their record?")
        self.prompt = ask(self, tr("Registered already"), text, (
            (tr("Open the registered client"), QMessageBox.ButtonRole.AcceptRole,
             lambda: self.load_client(client_id)),
            (tr("Stay here"), QMessageBox.ButtonRole.RejectRole, None)))

    def _warn_similar(self, error: clients.SimilarClientsFound) -> None:
        self.similar_dialog = SimilarClientsDialog(error.message, error.matches, self)
        self.similar_dialog.registerAnyway.connect(self._register_anyway)
        self.similar_dialog.openExisting.connect(self._open_similar)
        self.similar_dialog.rejected.connect(self._stop_closing)
        self.similar_dialog.open()

    def _register_anyway(self) -> None:
        if self.save(confirm_similar=True) and self._close_after_save:
            self._finish()

    def _open_similar(self, client_id: int) -> None:
        self._close_after_save = False
        self.load_client(client_id)

    # --- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        if self._closing or not self.is_dirty():
            super().reject()
            return
        self.prompt = ask(self, tr("Unsaved changes"),
                          tr("Changes have not been saved. Save them before closing?"), (
                              (tr("Save"), QMessageBox.ButtonRole.AcceptRole,
                               self._save_and_close),
                              (tr("Close without saving"),
                               QMessageBox.ButtonRole.DestructiveRole, self._finish),
                              (tr("Stay in the form"), QMessageBox.ButtonRole.RejectRole, None)),
                          icon=QMessageBox.Icon.Warning)

    def _save_and_close(self) -> None:
        self._close_after_save = True
        if self.save():
            self._finish()

    def _stop_closing(self) -> None:
        self._close_after_save = False

    def _finish(self) -> None:
        self._closing = True
        self.done(QDialog.DialogCode.Rejected)

    def show_conflict(self, message: str) -> None:
        """Someone else saved first: say so, and show what is stored now."""
        text = "\n\n".join((message, tr("The form now shows what is saved; make your "
                                       "changes again.")))
        self.prompt = ask(self, tr("Saved by someone else"), text,
                          ((tr("OK"), QMessageBox.ButtonRole.AcceptRole, None),),
                          icon=QMessageBox.Icon.Warning)
        self._close_after_save = False
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves to the next field as on paper; it never saves or closes the form.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not isinstance(self.focusWidget(), QPlainTextEdit):
                self.focusNextChild()
            return
        super().keyPressEvent(event)
