"""What comes of an approved allocation run, for the allocation panel: the payout list saved
through a file dialog (.xlsx or .csv), a beneficiary's statement of the month in the forms
preview, and a correction with its reason, allocated in a later month's run."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from desktop.domain.solar import format_period, month_of
from desktop.fa.digits import to_persian_digits
from desktop.fa.jalali import format_jalali_month, gregorian_to_jalali
from desktop.fa.money import format_amount
from desktop.i18n import tr
from desktop.services.solar_run_records import RunRecord
from desktop.views.solar_words import select_month


class RunOutputs:
    """Mixed into AllocationPanel, whose chosen run, chosen line, ``_work`` and ``tell`` it
    uses."""

    def open_correction(self) -> None:
        from desktop.views.solar_correction_dialog import CorrectionDialog

        run = self.current_run()
        if run is None or not run.approved:
            return
        dialog = CorrectionDialog(self.db, self.actor, run, self)
        dialog.saved.connect(lambda fresh: self._corrected(fresh))
        self.dialog = dialog
        dialog.open()

    def _corrected(self, run: RunRecord) -> None:
        select_month(self.month, run.month)
        self.read_runs(then_select=run.id)

    def choose_payout_file(self) -> None:
        run = self.current_run()
        if run is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, tr("Save the payout list"), folder,
                             tr("Excel workbook (*.xlsx);;Comma-separated values (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(tr("payouts {plant} {period}", plant=run.plant_code,
                             period=format_period(run.month, persian_digits=False)
                             .replace("/", "-")))
        dialog.fileSelected.connect(lambda chosen: self.save_payouts(Path(chosen)))
        self.file_dialog = dialog
        dialog.open()

    def save_payouts(self, path: Path) -> None:
        """The chosen run's transfer list (.xlsx or .csv by the name's ending)."""
        from desktop.services.solar_payouts import export_payouts

        run = self.current_run()
        if run is None:
            return
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        db, actor = self.db, self.actor

        def saved(rows: list) -> None:
            self.status.setText(tr("{count} transfers, {total} Rials, saved in {name}.",
                                   count=to_persian_digits(len(rows)),
                                   total=format_amount(sum(r.amount for r in rows)),
                                   name=path.name))

        self._work(lambda: export_payouts(db, actor, run.month, path,
                                          plant_code=run.plant_code),
                   tr("Saving the payout list…"), saved,
                   lambda error: self.tell(tr("Not saved"), error.message))

    def print_statement(self) -> None:
        """The chosen beneficiary's statement of the run's month, in the preview."""
        from desktop.services.solar_statements import print_statement
        from desktop.views.form_preview_dialog import FormPreviewDialog
        from desktop.views.form_printing import file_name_for, print_folder

        run, line = self.current_run(), self.chosen_line()
        if run is None or line is None:
            return
        j = gregorian_to_jalali(month_of(run.month))
        path = print_folder() / f"{uuid.uuid4().hex}.pdf"
        db, actor = self.db, self.actor
        title = tr("Solar income statement — {name}", name=line.full_name)

        def printed(_result: object) -> None:
            self.dialog = FormPreviewDialog(
                path, title=title, temporary=True, tasks=self.tasks, parent=self,
                file_name=file_name_for(tr("Solar income statement"), line.full_name,
                                        format_jalali_month(run.month)))
            self.dialog.open()

        self._work(lambda: print_statement(db, actor, line.national_code, j.year, path,
                                           month=j.month),
                   tr("Printing the statement…"), printed,
                   lambda error: self.tell(tr("Not printed"), error.message))
