"""The import's row-level report: each rejected row as it was in the file, with its row number in
Excel and the reasons in Persian, as an .xlsx the office can correct and import again."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import tr
from desktop.services.client_import import ImportResult
from desktop.services.client_import_values import cell_text
from desktop.services.list_export import ListColumn, export_list


def write_report(result: ImportResult, headers: list[str], path: Path) -> int:
    """Write the rejected rows of ``result`` to ``path``; returns how many."""
    columns = [ListColumn(tr("Row in Excel"), lambda r: r.excel_row, 10),
               ListColumn(tr("Why it was rejected"), lambda r: "\n".join(r.reasons), 60)]
    columns += [ListColumn(header or tr("Column {number}", number=index + 1),
                           _cell_of(index), 16) for index, header in enumerate(headers)]
    return export_list(result.rejected, columns, path, sheet_title=tr("Rejected rows"))


def _cell_of(index: int):
    def cell(row) -> object:
        value = row.cells[index] if index < len(row.cells) else None
        return cell_text(value) if not isinstance(value, int) or isinstance(value, bool) \
            else value
    return cell
