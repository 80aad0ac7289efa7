"""Exporting one month's timesheet (xlsx and PDF) from a carnet of 100 000 entries, against
writing the same rows with bare openpyxl / reportlab in the same run: the same cells with the
same styles (xlsx), the same wrapped table with its grid (PDF).
Run: python benchmarks/export.py
"""

from __future__ import annotations

from common import WORK, alternated, open_big, report

from ambassadeur_app.domain.dates import Month

MONTH = Month(2025, 11)


def main() -> None:
    service = open_big()
    entries = service.carnet.entries.in_range(MONTH.first_day, MONTH.last_day)
    names = service.ambassador_names()
    rows = [
        [e.day, names[e.ambassador_id], e.mission.label, e.activity, e.place, e.description, e.minutes / 60]
        for e in entries
    ]

    def bare_xlsx() -> None:
        """The same cells with the same styles (named font, borders, wrap, number formats), set
        the fastest public way: a named style per kind of cell, registered once."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

        workbook = Workbook(write_only=True)
        thin = Side(style="thin", color="7F8C99")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        font = Font(name="Calibri", size=10)
        for name, fmt, wrap in (
            ("texte", "General", True),
            ("date", "DD/MM/YYYY", False),
            ("heures", "0.00", False),
        ):
            workbook.add_named_style(
                NamedStyle(name=name, font=font, border=border, number_format=fmt,
                           alignment=Alignment(wrap_text=wrap, vertical="top"))
            )  # fmt: skip
        sheet = workbook.create_sheet("Relevé")
        for row in rows:
            cells = []
            for value, style in zip(
                [*row, 0.0, "oui"],
                ["date", "texte", "texte", "texte", "texte", "texte", "heures", "heures", "texte"],
                strict=True,
            ):
                cell = WriteOnlyCell(sheet, value=value)
                cell.style = style
                cells.append(cell)
            sheet.append(cells)
        workbook.save(WORK / "bare.xlsx")

    def bare_pdf() -> None:
        """The same table: wrapped paragraphs where the text is long, the same widths and grid."""
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

        small = ParagraphStyle("small", fontName="Helvetica", fontSize=7.5, leading=9)
        widths = [18 * mm, 30 * mm, 24 * mm, 30 * mm, 54 * mm, 12 * mm, 12 * mm]

        def cell(text: str, width: float) -> object:
            fits = stringWidth(text, "Helvetica", 7.5) <= width - 6
            return text if fits else Paragraph(text, small)

        data = [
            [r[0].strftime("%d/%m/%Y"), cell(r[1], widths[1]), cell(r[2], widths[2]), cell(r[3], widths[3]),
             cell(f"{r[4]} — {r[5]}", widths[4]), f"{r[6]:.2f}", ""]
            for r in rows
        ]  # fmt: skip
        style = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("FONT", (0, 0), (-1, -1), "Helvetica", 7.5)]  # fmt: skip
        table = LongTable(data, colWidths=widths, repeatRows=1, style=style)
        SimpleDocTemplate(str(WORK / "bare.pdf"), pagesize=A4).build([table])

    xlsx, xlsx_floor = alternated(
        lambda: service.export_timesheet(MONTH, "xlsx", WORK / "releve.xlsx"), bare_xlsx, 3
    )
    pdf, pdf_floor = alternated(
        lambda: service.export_timesheet(MONTH, "pdf", WORK / "releve.pdf"), bare_pdf, 3
    )
    print(f"{len(rows)} rows in {MONTH.label()}")
    report("timesheet xlsx", xlsx, xlsx_floor, "bare openpyxl, same cells + styles")
    report("timesheet pdf", pdf, pdf_floor, "bare reportlab, same wrapped table")
    service.close()


if __name__ == "__main__":
    main()
