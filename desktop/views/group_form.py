"""A micro-finance group: its details, members, meetings, loans, indicators and grade, on five
tabs, the share-out at the cycle's end, and the cycle's documents printed to the preview.

The group is read whole (group_overview) and every tab shows that one reading; whatever a tab
records, the form reads the group again and every tab follows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.database import Database
from desktop.domain.group_documents import GroupDocument
from desktop.domain.groups import CycleStatus
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.group_members import MemberRecord, group_members
from desktop.services.group_overview import GroupOverview, group_overview
from desktop.services.printing import PrintResult
from desktop.views.group_details_tab import GroupDetailsTab
from desktop.views.group_grade_tab import GradeTab
from desktop.views.group_loans_tab import LoansTab
from desktop.views.group_meetings_tab import MeetingsTab
from desktop.views.group_members_tab import MembersTab
from desktop.views.group_print_button import Document, GroupPrintButton
from desktop.views.group_words import grade_badge_style, grade_label
from desktop.views.questions import ask
from desktop.views.tasks import TaskRunner

TABS = ("details", "members", "meetings", "loans", "grade")


class GroupForm(QDialog):
    def __init__(self, db: Database, actor: Actor, group_id: int,
                 parent: QWidget | None = None, *, tab: str = "meetings",
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.group_id = db, actor, group_id
        self.tasks = tasks or TaskRunner(self)
        self.overview: GroupOverview | None = None
        self.members: list[MemberRecord] = []
        self.dialog: QDialog | None = None
        self.prompt: QMessageBox | None = None
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.resize(1180, 760)
        self.setMinimumSize(900, 600)
        self.header = QLabel(self)
        self.header.setObjectName("formHeader")
        self.badge = QLabel(self)
        self.cycle_note = QLabel(self)
        self.cycle_note.setObjectName("areaNote")
        self.details = GroupDetailsTab(db, actor, self)
        self.members_tab = MembersTab(db, actor, self)
        self.meetings = MeetingsTab(db, actor, self)
        self.loans = LoansTab(self)
        self.grade = GradeTab(self)
        self.tabs = QTabWidget(self)
        for page, title in ((self.details, tr("Details and cycle")),
                            (self.members_tab, tr("Members")),
                            (self.meetings, tr("Meetings")),
                            (self.loans, tr("Loans")),
                            (self.grade, tr("Indicators and grade"))):
            self.tabs.addTab(page, title)
        self.print_button = GroupPrintButton(db, actor, self.tasks, self)
        self.shareout_button = QPushButton(tr("Share-out…"), self)
        self.shareout_button.setToolTip(tr("End the cycle: pay each member's share of the loan "
                                           "fund and open the next cycle"))
        self.shareout_button.clicked.connect(self.open_shareout)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.shareout_button, self.close_button):
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(self.cycle_note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(self.shareout_button)
        bottom.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.tabs, 1)
        column.addLayout(bottom)
        for source in (self.details, self.members_tab, self.meetings):
            source.changed.connect(self.reload)
            source.conflict.connect(self.show_conflict)
        self.reload()
        self.show_tab(tab)

    def reload(self) -> None:
        """Read the group again and show it on every tab."""
        overview = group_overview(self.db, self.actor, self.group_id)
        self.overview = overview
        self.members = group_members(self.db, self.actor, self.group_id)
        group = overview.group
        self.setWindowTitle(tr("Group: {name}", name=group.name))
        # The code stays as the command line and the documents print it (MF-0707-0001).
        self.header.setText(f"{group.name}  —  {group.code}")
        grading = overview.grading
        self.badge.setText(tr("Grade {grade} ({score} of 100)", grade=grade_label(grading.grade),
                              score=to_persian_digits(grading.score)))
        self.badge.setStyleSheet(grade_badge_style(grading.grade))
        cycle = group.cycle
        self.cycle_note.setText(tr("Cycle {number}: {status}",
                                   number=to_persian_digits(cycle.number),
                                   status=CycleStatus(cycle.status).label))
        self.details.show_group(overview)
        self.members_tab.show_group(overview, self.members)
        self.meetings.show_group(overview)
        self.loans.show_group(overview)
        self.grade.show_group(overview)
        self.print_button.set_documents(group.name, self._documents(overview))
        self.shareout_button.setVisible(group.editable)
        self.shareout_button.setEnabled(group.editable and cycle.is_open)

    def _documents(self, overview: GroupOverview) -> list[Document]:
        """The current cycle's documents: every member's passbook, the register, the latest
        meeting's minutes, the share-out sheet (what it would pay today, until shared out)."""
        db, actor, group_id = self.db, self.actor, self.group_id

        def document(kind: GroupDocument, label: str = "", **options) -> Document:
            def write(path: Path) -> PrintResult:
                # The forms engine (fonts, shaping) is loaded when something is printed.
                from desktop.services.group_printing import print_group_document

                return print_group_document(db, actor, group_id, kind, path, **options)

            return kind.value, label or kind.label, write

        documents = [document(GroupDocument.PASSBOOK, tr("Members' passbooks")),
                     document(GroupDocument.REGISTER)]
        if overview.books.meetings:
            held_on = overview.books.meetings[-1].held_on
            documents.append(document(GroupDocument.MINUTES, tr(
                "Minutes of the meeting of {date}", date=format_jalali(held_on)),
                meeting_on=held_on))
        documents.append(document(GroupDocument.SHAREOUT))
        return documents

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name) if name in TABS else 0)

    def open_shareout(self) -> None:
        from desktop.views.shareout_dialog import ShareoutDialog

        assert self.overview is not None
        self.dialog = ShareoutDialog(self.db, self.actor, self.overview, self)
        self.dialog.sharedOut.connect(lambda _preview: self.reload())
        self.dialog.open()

    def show_conflict(self, message: str) -> None:
        """Someone else changed the group first: say so and show what is stored now."""
        self.prompt = ask(self, tr("Saved by someone else"), "\n\n".join((
            message, tr("The form now shows what is saved; make your changes again."))),
            ((tr("OK"), QMessageBox.ButtonRole.AcceptRole, None),),
            icon=QMessageBox.Icon.Warning)
        self.reload()

    def reject(self) -> None:
        if self.details.is_dirty():
            self.prompt = ask(self, tr("Unsaved changes"),
                              tr("Changes have not been saved. Save them before closing?"), (
                                  (tr("Save"), QMessageBox.ButtonRole.AcceptRole,
                                   lambda: self.details.save() and self._finish()),
                                  (tr("Close without saving"),
                                   QMessageBox.ButtonRole.DestructiveRole, self._finish),
                                  (tr("Stay in the form"), QMessageBox.ButtonRole.RejectRole,
                                   None)), icon=QMessageBox.Icon.Warning)
            return
        super().reject()

    def _finish(self) -> None:
        self.done(QDialog.DialogCode.Rejected)

