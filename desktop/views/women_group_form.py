"""A women's mutual-help group or cooperative: its details, members, business and books,
trainings and meetings, and market links, on five tabs, and its printed documents.

The group is read whole (women_group_summary) and every tab shows that one reading; whatever a
tab records, the form reads the group again and every tab follows.
"""

from __future__ import annotations

from collections.abc import Callable
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
from desktop.domain.groups import GroupStatus
from desktop.domain.women_groups import WomenGroupForm as Document
from desktop.i18n import tr
from desktop.models.tracking import Actor
from desktop.services.printing import PrintResult
from desktop.services.women_overview import WomenGroupSummary, women_group_summary
from desktop.views.group_print_button import GroupPrintButton
from desktop.views.questions import ask
from desktop.views.tasks import TaskRunner
from desktop.views.women_activity_tab import WomenActivityTab
from desktop.views.women_business_tab import WomenBusinessTab
from desktop.views.women_details_tab import WomenDetailsTab
from desktop.views.women_market_tab import WomenMarketTab
from desktop.views.women_members_tab import WomenMembersTab
from desktop.views.women_words import short_kind

TABS = ("details", "members", "business", "activity", "market")
KIND_BADGE = ("color: #5b2a86; background: #f1e8fa; border: 1px solid #5b2a86; "
              "border-radius: 6px; padding: 4px 12px; font-weight: bold;")


class WomenGroupForm(QDialog):
    def __init__(self, db: Database, actor: Actor, group_id: int,
                 parent: QWidget | None = None, *, tab: str = "business",
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.group_id = db, actor, group_id
        self.tasks = tasks or TaskRunner(self)
        self.summary: WomenGroupSummary | None = None
        self.prompt: QMessageBox | None = None
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.resize(1180, 760)
        self.setMinimumSize(900, 600)
        self.header = QLabel(self)
        self.header.setObjectName("formHeader")
        self.badge = QLabel(self)
        self.badge.setStyleSheet(KIND_BADGE)
        self.note = QLabel(self)
        self.note.setObjectName("areaNote")
        self.details = WomenDetailsTab(db, actor, self)
        self.members_tab = WomenMembersTab(db, actor, self)
        self.business = WomenBusinessTab(db, actor, self)
        self.activity = WomenActivityTab(db, actor, self)
        self.market = WomenMarketTab(db, actor, self)
        self.tabs = QTabWidget(self)
        for page, title in ((self.details, tr("Details")),
                            (self.members_tab, tr("Members")),
                            (self.business, tr("Business and money")),
                            (self.activity, tr("Trainings and meetings")),
                            (self.market, tr("Market links and bazaars"))):
            self.tabs.addTab(page, title)
        self.print_button = GroupPrintButton(db, actor, self.tasks, self)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(self.note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.tabs, 1)
        column.addLayout(bottom)
        for source in (self.details, self.members_tab, self.business, self.activity,
                       self.market):
            source.changed.connect(self.reload)
            source.conflict.connect(self.show_conflict)
        self.reload()
        self.show_tab(tab)

    def reload(self) -> None:
        """Read the group again and show it on every tab."""
        summary = women_group_summary(self.db, self.actor, self.group_id)
        self.summary = summary
        group = summary.group
        self.setWindowTitle(tr("Group: {name}", name=group.name))
        # The code stays as the command line and the documents print it (MH-0707-0001).
        self.header.setText(f"{group.name}  —  {group.code}")
        self.badge.setText(short_kind(group.kind))
        business = group.business.title if group.business else tr("no business described yet")
        self.note.setText(f"{GroupStatus(group.status).label} — {business}")
        for tab in (self.details, self.members_tab, self.business, self.activity, self.market):
            tab.show_group(summary)
        self.print_button.set_documents(group.name, [
            (kind.value, kind.label, self._writer(kind)) for kind in Document])

    def _writer(self, kind: Document) -> Callable[[Path], PrintResult]:
        db, actor, group_id = self.db, self.actor, self.group_id

        def write(path: Path) -> PrintResult:
            # The forms engine (fonts, shaping) is loaded when something is printed.
            from desktop.services.women_printing import print_women_group

            return print_women_group(db, actor, group_id, kind, path)

        return write

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name) if name in TABS else 0)

    def show_conflict(self, message: str) -> None:
        """Someone else changed the group first: say so and show what is stored now."""
        self.prompt = ask(self, tr("Saved by someone else"), "\n\n".join((
            message, tr("The form now shows what is saved; make your changes again."))),
            ((tr("OK"), QMessageBox.ButtonRole.AcceptRole, None),),
            icon=QMessageBox.Icon.Warning)
        self.reload()

    def _dirty(self) -> bool:
        return self.details.is_dirty() or self.business.is_dirty()

    def _save_all(self) -> bool:
        return (not self.details.is_dirty() or self.details.save()) \
            and (not self.business.is_dirty() or self.business.save())

    def reject(self) -> None:
        if self._dirty():
            self.prompt = ask(self, tr("Unsaved changes"),
                              tr("Changes have not been saved. Save them before closing?"), (
                                  (tr("Save"), QMessageBox.ButtonRole.AcceptRole,
                                   lambda: self._save_all() and self._finish()),
                                  (tr("Close without saving"),
                                   QMessageBox.ButtonRole.DestructiveRole, self._finish),
                                  (tr("Stay in the form"), QMessageBox.ButtonRole.RejectRole,
                                   None)), icon=QMessageBox.Icon.Warning)
            return
        super().reject()

    def _finish(self) -> None:
        self.done(QDialog.DialogCode.Rejected)
