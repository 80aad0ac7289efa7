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
from ambassadeur_app.domain.formatting import format_euros, format_hours, format_number, plural
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import xlsx as xlsxkit


@dataclass(frozen=True)
class Column:
    """A column: its title, what it holds (text, date, datetime, int, hours, number, euros — a
    value in euros, cents as decimals) and width."""

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
    unit: tuple[str, str] = ("ligne", "lignes")  # what a row is, for the count of a list

    @property
    def totalled(self) -> bool:
        """Tell whether the table ends with column totals (else, with the count of its rows)."""
        return any(column.total for column in self.columns)

    @property
    def count_label(self) -> str:
        plural = self.unit[1]
        return f"Total : nombre {'d’' if plural[:1].lower() in 'aeiouyéèêâîôû' else 'de '}{plural}"

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
    "euros": xlsxkit.EURO_FORMAT,
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
            ],
            border=True,
        )
    if not section.rows:
        out.append([section.empty] + [None] * (len(section.columns) - 1), border=True)
    if any(column.total for column in section.columns):
        # The sums end on an empty row of the table: they span two rows or more (pycel,
        # like some spreadsheets, refuses a one-cell range), and a row inserted there joins them.
        last = out.append([None] * len(section.columns), border=True)
        totals: list[Any] = [out.cell("Total", bold=True)]
        for index, column in enumerate(section.columns[1:], start=1):
            letter = _letter(index)
            totals.append(
                out.formula(
                    f"SUM({letter}{first}:{letter}{last})",
                    _FORMATS.get(column.kind, "0"),
                    bold=True,
                    value=section.total(index),
                )
                if column.total
                else None
            )
        out.append(totals, border=True)
    elif section.rows:
        # A list ends with the count of its rows, as a formula over the first column.
        last = out.append([None] * len(section.columns), border=True)
        out.append(
            [
                out.cell(section.count_label, bold=True),
                out.formula(f'COUNTIF(A{first}:A{last},"<>")', "0", bold=True, value=len(section.rows)),
                *[None] * (len(section.columns) - 2),
            ],
            border=True,
        )
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
    if kind == "hours":  # decimal hours in the workbook, "16 h 30" on paper like any duration
        return format_hours(round(value * 60))
    if kind == "number":
        return format_number(value, 1)
    if kind == "euros":
        return format_euros(round(value * 100))
    return str(value)


# Cell text sizes, largest first: a table whose words do not fit in the first is set in the
# next; none goes below 7 points, still easy to read on paper.
CELL_SIZES = (7.5, 7.0)


def _sized(
    section: Section, shown: list[list[str]], titles: list[str], available: float, small: Any
) -> tuple[Any, list[float]]:
    """Return the body style and the column widths that keep every word of the table whole."""
    from reportlab.lib.styles import ParagraphStyle

    columns = [list(texts) for texts in zip(*shown, strict=True)] if shown else [[] for _ in titles]
    body = small
    for size in CELL_SIZES:
        body = ParagraphStyle(f"cell-{size}", parent=small, fontSize=size, leading=size * 1.2)
        if pdfkit.words_fit(columns, titles, available, body):
            break
    grow = max(range(len(titles)), key=lambda i: max((len(t) for t in columns[i]), default=0))
    return body, pdfkit.column_widths(columns, titles, available, body, grow=grow, totals=_totals(section))


def _totals(section: Section) -> list[str]:
    """Return the texts of the row of totals that closes the table (none for a list)."""
    if not (section.rows and section.totalled):
        return []
    return ["Total"] + [
        _shown(section.total(index), column.kind) if column.total else ""
        for index, column in enumerate(section.columns)
        if index
    ]


def write_pdf(document: TableDocument, path: Path) -> Path:
    """Write the sections one after another on A4 landscape pages, with page numbers."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    style = pdfkit.styles()
    small = style["small"]
    story: list[Any] = [Paragraph(pdfkit.para_text(document.title, pdfkit.FONT_BOLD), style["title"])]
    for label, value in document.header:
        story.append(
            Paragraph(
                f"<b>{pdfkit.para_text(label, pdfkit.FONT_BOLD)}</b> : {pdfkit.para_text(value)}",
                style["base"],
            )
        )
    available = 267 * mm
    for section in document.sections:
        heading = [Paragraph(pdfkit.para_text(section.title, pdfkit.FONT_BOLD), style["h2"])]
        if section.note:
            heading.append(Paragraph(pdfkit.para_text(section.note), small))
        shown = [[_shown(value, column.kind) for column, value in zip(section.columns, row, strict=True)]
                 for row in section.rows]  # fmt: skip
        titles = [column.title for column in section.columns]
        body, widths = _sized(section, shown, titles, available, small)
        header = pdfkit.header_style(body)
        data: list[list[Any]] = [
            [pdfkit.fit(title, width, header) for title, width in zip(titles, widths, strict=True)]
        ]
        for texts in shown:
            data.append([pdfkit.fit(text, width, body) for text, width in zip(texts, widths, strict=True)])
        if not section.rows:
            data.append([section.empty] + [""] * (len(section.columns) - 1))
        extra: list[tuple[Any, ...]] = [
            ("ALIGN", (index, 1), (index, -1), "RIGHT")
            for index, column in enumerate(section.columns)
            if column.kind in ("int", "hours", "number", "euros")
        ]
        if not section.rows:
            extra.append(("SPAN", (0, 1), (-1, 1)))
        if section.rows and section.totalled:
            data.append(_totals(section))
            extra.append(("FONT", (0, -1), (-1, -1), pdfkit.FONT_BOLD, body.fontSize))
        elif section.rows:  # a list ends with the count of its rows, across the table
            data.append([f"Total : {plural(len(section.rows), *section.unit)}"] + [""] * (len(titles) - 1))
            extra += [
                ("FONT", (0, -1), (-1, -1), pdfkit.FONT_BOLD, body.fontSize),
                ("ALIGN", (0, -1), (-1, -1), "LEFT"),
                ("SPAN", (0, -1), (-1, -1)),
            ]
        grid = pdfkit.table_style(extra=extra, size=body.fontSize)
        table = pdfkit.long_table(data, widths, grid, footer_rows=1 if section.rows else 0)
        story += pdfkit.titled([*heading, Spacer(1, 1 * mm)], table, available)
    frame = pdfkit.PageFrame(
        title=document.title,
        header_left=document.header[0][1] if document.header else APP_NAME,
        header_right=document.title,
        footer_left=f"Édité le {document.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(path, story, frame)
