"""The record of processing activities (:mod:`pac.ropa`'s :class:`~pac.ropa.Record` rows) as CSV, xlsx or Markdown."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from datetime import date, datetime
from typing import Iterable

from ..errors import printable
from ..ropa import COLUMNS, Record
from .text import markdown as markdown_escape

FORMATS = ("csv", "xlsx", "md")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula (OWASP, "CSV Injection"): prefix a quote."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(entries: Iterable[str]) -> str:
    return spreadsheet_safe("\n".join(printable(e) for e in entries))


def render_csv(rows: list[Record]) -> str:
    """The record as CSV (RFC 4180): a heading row, then one row per activity; entries one per line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([heading for _, heading in COLUMNS])
    writer.writerows([_cell(entries) for entries in row.cells()] for row in rows)
    return out.getvalue()


def render_markdown(rows: list[Record], as_of: date) -> str:
    """The record as Markdown: per organisation its controller, then per activity a two-column table."""
    lines = ["# Record of processing activities (GDPR Art. 30(1))", "",
             f"As stated in the declarations, as of {as_of.isoformat()}. An empty entry is a gap in the record.", ""]
    headings = dict(COLUMNS)
    shared = ("controller", "dpo", "representative", "security")
    organisation = None
    for row in rows:
        if row.organisation != organisation:
            organisation = row.organisation
            lines += [f"## {markdown_escape(row.organisation)}", ""]
            lines += [f"- **{markdown_escape(headings[name])}**: {_md_cell(getattr(row, name))}" for name in shared]
            lines.append("")
        lines += [f"### {markdown_escape(row.activity)}", "", "| Entry | Record |", "|---|---|"]
        lines += [f"| {markdown_escape(headings[name])} | {_md_cell(getattr(row, name))} |"
                  for name, _ in COLUMNS if name not in (*shared, "organisation", "activity")]
        lines.append("")
    if not rows:
        lines += ["No processing activities are declared.", ""]
    return "\n".join(lines)


def _md_cell(value: str | tuple[str, ...]) -> str:
    entries = (value,) if isinstance(value, str) else value
    return "<br>".join(markdown_escape(e) for e in entries) or "\u2014"


def render_xlsx(rows: list[Record], as_of: date) -> bytes:
    """The record as an Excel workbook; byte-identical for the same rows and date (needs ``pac-gdpr[xlsx]``)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.writer.excel import ExcelWriter
    except ImportError:
        raise RuntimeError("the xlsx format needs openpyxl: pip install 'pac-gdpr[xlsx]'") from None
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Art. 30 record"
    sheet.append([heading for _, heading in COLUMNS])
    for row in rows:
        sheet.append([_cell(entries) for entries in row.cells()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=1):
        for cell in column:
            cell.data_type = "s"  # never a formula, whatever the text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[column[0].column_letter].width = 40
    sheet.freeze_panes = "A2"
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "pac"
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose members all carry the same timestamp, so that equal content gives equal bytes."""

    def writestr(self, name, data, compress_type=None, compresslevel=None):  # type: ignore[override]
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            name.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(name, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # type: ignore[override]
        with open(filename, "rb") as handle:
            self.writestr(arcname or os.path.basename(filename), handle.read())


def render(rows: list[Record], format: str, as_of: date) -> str | bytes:
    """The record in one of :data:`FORMATS`."""
    if format == "csv":
        return render_csv(rows)
    if format == "md":
        return render_markdown(rows, as_of)
    if format == "xlsx":
        return render_xlsx(rows, as_of)
    raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
