"""A document made of tables (the register's lists and justification tables), in xlsx and PDF.

Each section becomes a sheet of the workbook (real dates and numbers, totals as ``SUM``
formulas, frozen header, A4 print setup) and a titled table of the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.formatting import format_number
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import xlsx as xlsxkit


@dataclass(frozen=True)
class Column:
    """A column: its title, what it holds (text, date, datetime, int, hours, number) and width."""

    title: str
    kind: str = "text"
    width: float = 18
    total: bool = False


@dataclass
class Section:
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    note: str = ""
    empty: str = "Aucune donnée pour cette période."

    def total(self, index: int) -> float:
        """Return the total of a column, as the app computes it (the xlsx writes a formula)."""
        return sum(row[index] or 0 for row in self.rows)


@dataclass
class TableDocument:
    title: str
    header: list[tuple[str, str]]
    sections: list[Section] = field(default_factory=list)
    footer: str = ""
    generated_at: datetime = field(default_factory=datetime.now)

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)


_FORMATS = {
    "date": xlsxkit.DATE_FORMAT,
    "datetime": "DD/MM/YYYY HH:MM",
    "int": "0",
    "hours": "0.00",
    "number": "0.0",
}


def write_xlsx(document: TableDocument, path: Path) -> Path:
    """Write one sheet per section, each with the document's header above its table."""
    with xlsxkit.workbook_to(path) as workbook:
        for section in document.sections:
            _write_sheet(document, section, workbook)
    return path


def _sheet_name(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title[:31]


def _write_sheet(document: TableDocument, section: Section, workbook: Any) -> None:
    out = xlsxkit.SheetWriter(workbook, _sheet_name(section.title), landscape=len(section.columns) > 5)
    header_row = len(document.header) + 3  # title, header lines, note (or blank) line
    out.freeze_above(header_row + 1)
    out.widths([column.width for column in section.columns])
    out.append([out.cell(f"{document.title} — {section.title}", title=True)])
    for label, value in document.header:
        out.append([out.cell(label, bold=True), value])
    out.append([section.note] if section.note else [])
    out.append([out.cell(column.title, header=True) for column in section.columns])
    first = header_row + 1
    for row in section.rows:
        out.append(
            [
                out.cell(value, number_format=_FORMATS.get(column.kind))
                if value is not None and column.kind in _FORMATS
                else value
                for column, value in zip(section.columns, row, strict=True)
            ]
        )
    if not section.rows:
        out.append([section.empty])
    last = out.row + 1
    if any(column.total for column in section.columns):
        totals: list[Any] = [out.cell("Total", bold=True)]
        for index, column in enumerate(section.columns[1:], start=1):
            letter = _letter(index)
            totals.append(
                out.formula(f"SUM({letter}{first}:{letter}{last})", _FORMATS.get(column.kind, "0"), bold=True)
                if column.total
                else None
            )
        out.append([])
        out.append(totals)
    out.print_setup(title_row=header_row, footer=f"{document.title} — {section.title}")


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "date" and isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if kind == "datetime" and isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if kind == "hours":
        return format_number(value)
    if kind == "number":
        return format_number(value, 1)
    return str(value)


def write_pdf(document: TableDocument, path: Path) -> Path:
    """Write the sections one after another on A4 landscape pages, with page numbers."""
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, Spacer

    style = pdfkit.styles()
    small = style["small"]
    story: list[Any] = [Paragraph(pdfkit.para_text(document.title), style["title"])]
    for label, value in document.header:
        story.append(
            Paragraph(f"<b>{pdfkit.para_text(label)}</b> : {pdfkit.para_text(value)}", style["base"])
        )
    available = 267 * mm
    for section in document.sections:
        heading = [Paragraph(pdfkit.para_text(section.title), style["h2"])]
        if section.note:
            heading.append(Paragraph(pdfkit.para_text(section.note), small))
        total_width = sum(column.width for column in section.columns)
        widths = [available * column.width / total_width for column in section.columns]
        data: list[list[Any]] = [
            [
                pdfkit.fit(column.title, width, style["bold"])
                for column, width in zip(section.columns, widths, strict=True)
            ]
        ]
        for row in section.rows:
            data.append(
                [
                    pdfkit.fit(_shown(value, column.kind), width, small)
                    for column, value, width in zip(section.columns, row, widths, strict=True)
                ]
            )
        if not section.rows:
            data.append([section.empty] + [""] * (len(section.columns) - 1))
        extra: list[tuple[Any, ...]] = [
            ("ALIGN", (index, 1), (index, -1), "RIGHT")
            for index, column in enumerate(section.columns)
            if column.kind in ("int", "hours", "number")
        ]
        if any(column.total for column in section.columns) and section.rows:
            data.append(
                ["Total"]
                + [
                    _shown(section.total(index), column.kind) if column.total else ""
                    for index, column in enumerate(section.columns)
                    if index
                ]
            )
            extra.append(("FONT", (0, -1), (-1, -1), pdfkit.FONT_BOLD, 8))
        table = LongTable(data, colWidths=widths, repeatRows=1, style=pdfkit.table_style(extra=extra))
        # A title stays with the start of its table (its style keeps it with what follows).
        story += [*heading, Spacer(1, 1 * mm), table]
    frame = pdfkit.PageFrame(
        title=document.title,
        header_left=document.header[0][1] if document.header else APP_NAME,
        header_right=document.title,
        footer_left=f"Édité le {document.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(path, story, frame)
