"""Exporting one month's timesheet (xlsx and PDF) in process, against writing the same cells with
bare openpyxl / reportlab in the same run.

- The large carnet's November 2025 (16 436 rows, ~530 pages). xlsx: against bare openpyxl, the
  same cells with the same styles. pdf: against two floors, both the same table (column titles
  repeated on every page, the same cells, wrapped where the text is long, the same grid, fonts,
  paddings, greyed lines and total row): reportlab's ``LongTable`` of all the rows, what a bare
  script writes (each page break copies the remaining rows: quadratic), and the same rows cut
  in ``LongTable`` chunks of CHUNK rows (linear; the titles also repeat where chunks meet).
  Then the pdf at 1×, 2× and 4× the rows (the month's rows repeated) against the chunked floor:
  the app's layout grows linearly.
- The demo carnet's November 2025 (28 rows), in process (libraries already imported), against
  the same floors. The app also writes what the floors do not: the header lines, the summary and
  signature blocks, the page frame with « Page X sur Y » (pdf), the totals as formulas (xlsx).

Run: python benchmarks/export.py
"""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from common import DEMO_MONTH, DEMO_TODAY, WORK, alternated, demo_carnet, open_big, report

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.reports.timesheet import Timesheet, write_pdf
from ambassadeur_app.services import open_service

MONTH = Month(2025, 11)
CHUNK = 200
TITLES = ["Date", "Ambassadeur", "Mission", "Activité", "Lieu — description", "Durée", "Au-delà du plafond"]


def bare_xlsx(sheet: Timesheet, path: Path) -> None:
    """The same cells with the same styles (named font, borders, wrap, number formats), set the
    fastest public way: a named style per kind of cell, registered once."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    workbook = Workbook(write_only=True)
    thin = Side(style="thin", color="7F8C99")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="Calibri", size=11)
    kinds = (("texte", "General", True), ("date", "DD/MM/YYYY", False), ("heures", "0.00", False))
    for name, fmt, wrap in kinds:
        workbook.add_named_style(
            NamedStyle(name=name, font=font, border=border, number_format=fmt,
                       alignment=Alignment(wrap_text=wrap, vertical="top"))
        )  # fmt: skip
    workbook.add_named_style(
        NamedStyle(name="titre", font=Font(name="Calibri", size=11, bold=True), border=border,
                   fill=PatternFill("solid", fgColor="DCE6F1"),
                   alignment=Alignment(wrap_text=True, vertical="top"))
    )  # fmt: skip
    out = workbook.create_sheet("Relevé")

    def cell(value: Any, style: str) -> WriteOnlyCell:
        written = WriteOnlyCell(out, value=value)
        written.style = style
        return written

    out.append([cell(title, "titre") for title in TITLES])
    styles = ["date", "texte", "texte", "texte", "texte", "texte", "heures", "heures", "texte", "texte"]
    for row in sheet.rows:
        values = [row.day, row.ambassador, row.mission.label, row.activity, row.place, row.description,
                  row.minutes / 60, row.over_cap_minutes / 60 if row.over_cap_minutes else None,
                  "oui" if row.counted else "non", row.note]  # fmt: skip
        out.append([cell(value, style) for value, style in zip(values, styles, strict=True)])
    workbook.save(path)


def bare_pdf(sheet: Timesheet, path: Path, chunk: int | None = None) -> None:
    """The same table: the same cells (wrapped paragraphs where the text is long), widths, grid,
    fonts, paddings, header row, greyed lines and total row, the same margins; one LongTable, or
    one per ``chunk`` rows."""
    from html import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Table

    small = ParagraphStyle("small", fontName="Helvetica", fontSize=7.5, leading=9)
    widths = [w * mm for w in (17.8, 23.6, 25.9, 28.0, 57.7, 12.6, 14.4)]  # the app's, for this month

    def cell(text: str, width: float) -> Any:
        fits = stringWidth(text, "Helvetica-Bold", 8) <= width - 12
        return text if fits else Paragraph(escape(text), small)

    def hours(minutes: int) -> str:
        return f"{minutes // 60} h {minutes % 60:02d}" if minutes else ""

    rows = []
    for row in sheet.rows:
        detail = " — ".join(part for part in (row.place, row.description) if part)
        detail = f"{detail} [{row.note}]" if row.note else detail
        mission = row.mission.label.replace(" (non financé)", "*")
        rows.append([row.day.strftime("%d/%m/%Y"), cell(row.ambassador, widths[1]),
                     cell(mission, widths[2]), cell(row.activity, widths[3]),
                     cell(detail, widths[4]), hours(row.minutes), hours(row.over_cap_minutes)])  # fmt: skip
    grey = colors.HexColor("#666666")
    base = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#7F8C99")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1")),
        ("ALIGN", (5, 0), (6, -1), "RIGHT"),
    ]
    header = [cell(title, width) for title, width in zip(TITLES, widths, strict=True)]
    total = ["Total du mois", "", "", "", "", hours(sum(r.minutes for r in sheet.rows)), ""]
    size = chunk or len(rows)
    story = []
    for start in range(0, len(rows), size):
        part = sheet.rows[start : start + size]
        style = base + [("TEXTCOLOR", (0, i), (-1, i), grey) for i, r in enumerate(part, 1) if not r.counted]
        story.append(
            LongTable([header, *rows[start : start + size]], colWidths=widths, repeatRows=1, style=style)
        )
    # The total under the rows, a table of its own (a SPAN in the long table would make reportlab
    # recompute the spans of every remaining row at each page break).
    total_style = [*base[:5], ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8), ("SPAN", (0, 0), (4, 0))]
    story.append(Table([total], colWidths=widths, style=total_style))
    margins = {"leftMargin": 15 * mm, "rightMargin": 15 * mm, "topMargin": 16 * mm, "bottomMargin": 15 * mm}
    SimpleDocTemplate(str(path), pagesize=A4, **margins).build(story)


def main() -> None:
    service = open_big()
    sheet = service.timesheet(MONTH)
    print(f"{len(sheet.rows)} rows in {MONTH.label()}")
    xlsx, xlsx_floor = alternated(
        lambda: service.export_timesheet(MONTH, "xlsx", WORK / "releve.xlsx"),
        lambda: bare_xlsx(sheet, WORK / "bare.xlsx"),
        3,
    )
    report("timesheet xlsx", xlsx, xlsx_floor, "bare openpyxl, same cells + styles")
    pdf, pdf_floor = alternated(
        lambda: service.export_timesheet(MONTH, "pdf", WORK / "releve.pdf"),
        lambda: bare_pdf(sheet, WORK / "bare.pdf"),
        3,
    )
    report("timesheet pdf", pdf, pdf_floor, "bare LongTable (quadratic)")
    pdf, pdf_floor = alternated(
        lambda: service.export_timesheet(MONTH, "pdf", WORK / "releve.pdf"),
        lambda: bare_pdf(sheet, WORK / "bare.pdf", CHUNK),
        3,
    )
    report("timesheet pdf", pdf, pdf_floor, f"bare LongTables of {CHUNK} rows")
    for times in (1, 2, 4):
        scaled = replace(sheet, rows=sheet.rows * times)
        pdf, pdf_floor = alternated(
            partial(write_pdf, scaled, WORK / "releve.pdf"),
            partial(bare_pdf, scaled, WORK / "bare.pdf", CHUNK),
            1,
        )
        name = f"pdf write, {times}× the rows ({len(scaled.rows)})"
        report(name, pdf, pdf_floor, f"bare LongTables of {CHUNK} rows")
    service.close()

    demo = open_service(demo_carnet(), today=lambda: DEMO_TODAY)
    small = demo.timesheet(DEMO_MONTH)
    for fmt, floor in (("xlsx", bare_xlsx), ("pdf", bare_pdf)):
        app_time, floor_time = alternated(
            partial(demo.export_timesheet, DEMO_MONTH, fmt, WORK / f"demo.{fmt}"),
            partial(floor, small, WORK / f"bare-demo.{fmt}"),
            15,
        )
        name = f"demo month {fmt} ({len(small.rows)} rows), in process"
        report(name, app_time, floor_time, f"bare {fmt}, same cells")
    demo.close()


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"({time.perf_counter() - start:.0f} s)")
