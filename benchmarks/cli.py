"""The command line, timed as whole processes (interpreter start, imports, work, exit).

- ``ambassadeur --version`` and ``--help`` against ``python -c pass``.
- ``ambassadeur export releve`` of a demo month (28 rows), xlsx and pdf, against a bare script
  that reads the month's rows with sqlite3 and writes the same document with openpyxl /
  reportlab: the xlsx's cells, copied from the app's own file (values, formulas, fonts, fills,
  borders, wrapping, number formats, widths, heights, frozen rows, print set-up); the pdf's
  tables (header lines, the rows with their wrapped cells, total, summary, signature blocks,
  « Page X sur Y »).
- ``ambassadeur resume`` (the month's figures and the experiment's progress), on the demo carnet
  and on the large one, against a bare script that reads the same sums with sqlite3.
Warm (the carnet was closed cleanly today) and at the day's first opening (the integrity check
runs). App and floor runs alternate, RUNS pairs of each (``BENCH_RUNS``): each line gives the
fastest and the median run of both, and three ratios (``common.report_runs``): of the fastest
runs, of the medians, and the median of each pair's ratio. On the shared 2-core machine the
median ratio drifted above the fastest runs' one as the load rose (1.05–1.18 quiet, up to 1.40
at load 4): read the ratio of the fastest runs, and the paired one beside it.
Run: benchmarks/run cli
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import (
    DEMO_MONTH,
    WORK,
    alternated_runs,
    carnets,
    demo_carnet,
    first_open_of_the_day,
    report_runs,
    sealed,
)

APP = [sys.executable, "-m", "ambassadeur_app"]
RUNS = int(os.environ.get("BENCH_RUNS", "21"))

ROWS = (
    "SELECT e.day, a.name, e.mission, e.activity, e.place, e.description, e.minutes "
    "FROM time_entries e JOIN ambassadors a ON a.id = e.ambassador_id "
    "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ? "
    "ORDER BY e.day, e.start_time IS NULL, e.start_time, e.created_at"
)
READ = f"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
programme = conn.execute("SELECT * FROM programme").fetchone()
rows = conn.execute({ROWS!r}, sys.argv[2:4]).fetchall()
conn.close()
"""

BARE_XLSX = """
from cli_xlsx_layout import CELLS, FOOTER, FREEZE, HEIGHTS, STYLES, TITLE_ROWS, WIDTHS
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.worksheet.page import PageMargins

workbook = Workbook(write_only=True)
sheet = workbook.create_sheet("Relevé")
sheet.sheet_properties.pageSetUpPr.fitToPage = True
sheet.page_setup.paperSize, sheet.page_setup.orientation = 9, "landscape"
sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
sheet.freeze_panes = FREEZE
for letter, width in WIDTHS.items():
    sheet.column_dimensions[letter].width = width
for row, height in HEIGHTS.items():
    sheet.row_dimensions[row].height = height
for number, (bold, size, fill, sides, wrap, fmt) in enumerate(STYLES):
    thin = Side(style="thin", color="7F8C99")
    workbook.add_named_style(NamedStyle(
        f"s{number}", font=Font(name="Calibri", size=size, bold=bold),
        fill=PatternFill("solid", fgColor=fill) if fill else PatternFill(),
        border=Border(**{side: thin for side in sides}), number_format=fmt,
        alignment=Alignment(wrap_text=wrap, vertical="top")))
for row in CELLS:
    cells = []
    for value, style in row:
        cell = WriteOnlyCell(sheet, value=value)
        if style is not None:
            cell.style = f"s{style}"
        cells.append(cell)
    sheet.append(cells)
sheet.print_title_rows = TITLE_ROWS
sheet.oddFooter.left.text, sheet.oddFooter.right.text = FOOTER
workbook.save(sys.argv[4])
"""

BARE_PDF = """
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, LongTable, Paragraph, SimpleDocTemplate, Spacer, Table

LABELS = {"promotion": "Promotion", "formation": "Formation", "accompagnement": "Accompagnement",
          "autre": "Autre*"}
base = ParagraphStyle("base", fontName="Helvetica", fontSize=8.5, leading=10.5)
small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9)
title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=15, leading=19)
h2 = ParagraphStyle("h2", parent=base, fontName="Helvetica-Bold", fontSize=10.5, leading=13)
grid = [("FONT", (0, 0), (-1, -1), "Helvetica", 8), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
head = [*grid, ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1"))]
widths = [18 * mm, 26 * mm, 26 * mm, 30 * mm, 56 * mm, 12 * mm, 12 * mm]

def cell(text, width):
    return text if stringWidth(text, "Helvetica-Bold", 8) <= width - 12 else Paragraph(text, small)

def hours(minutes):
    return f"{minutes // 60} h {minutes % 60:02d}"

data = [["Date", "Ambassadeur", "Mission", "Activité", "Lieu — description", "Durée",
         cell("Au-delà du plafond", widths[6])]]
for day, name, mission, activity, place, description, minutes in rows:
    data.append([day[8:] + "/" + day[5:7] + "/" + day[:4], cell(name, widths[1]),
                 cell(LABELS[mission], widths[2]), cell(activity, widths[3]),
                 cell(f"{place} — {description}", widths[4]), hours(minutes), ""])
total = sum(row[6] for row in rows)
info = [[Paragraph(f"<b>{key}</b>", base), Paragraph(value, base)] for key, value in (
    ("CPTS", f"{programme['cpts_name']} — 54 — Meurthe-et-Moselle"),
    ("Programme", "Ambassadeurs Parceo, expérimentation du 01/09/2025 au 28/02/2026 (6 mois)"),
    ("Ambassadeurs", ", ".join(sorted({row[1] for row in rows}))),
    ("Statut", "Mois non clôturé — document provisoire"))]
by_mission = [["Par mission", "Heures"]] + [[label, hours(sum(r[6] for r in rows if r[2] == key))]
                                            for key, label in LABELS.items()] + [["Total", hours(total)]]
names = sorted({row[1] for row in rows})
by_person = [["Par ambassadeur", "Heures"]] + [[n, hours(sum(r[6] for r in rows if r[1] == n))]
                                               for n in names] + [["Total", hours(total)]]
money = [[text, hours(total)] for text in ("Total des heures", "Heures comptées",
         "Heures non comptées", "Montant des heures comptées", "Plafond mensuel",
         "Montant demandé", "Heures au-delà du plafond (non financées)")]
sub = dict(colWidths=[44 * mm, 20 * mm], style=head)
blocks = [Paragraph(f"<b>{who}</b><br/>{who}<br/><br/>Date et signature :", base)
          for who in [*names, "Pour la CPTS"]]
story = [
    Paragraph("Relevé d'heures — Novembre 2025", title),
    Table(info, colWidths=[32 * mm, 148 * mm]), Spacer(1, 4 * mm),
    LongTable(data, colWidths=widths, repeatRows=1, style=head),
    Table([["Total du mois", "", "", "", "", hours(total), ""]], colWidths=widths,
          style=[*grid, ("SPAN", (0, 0), (4, 0))]),
    Spacer(1, 5 * mm),
    KeepTogether([Paragraph("Récapitulatif", h2), Table(
        [[[Table(by_mission, **sub), Spacer(1, 3 * mm), Table(by_person, **sub)],
          Table(money, colWidths=[64 * mm, 46 * mm], style=grid)]], colWidths=[70 * mm, 110 * mm])]),
    KeepTogether([Paragraph("Attestation et signatures", h2),
                  Paragraph("Nous certifions l'exactitude des heures déclarées ci-dessus.", base),
                  Table([blocks], colWidths=[60 * mm] * 3, rowHeights=[38 * mm], style=grid)]),
]

class Numbered(Canvas):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = []

    def showPage(self):
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for number, state in enumerate(self.pages, start=1):
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.drawString(15 * mm, 287 * mm, "CPTS — Ambassadeurs Parceo")
            self.drawRightString(195 * mm, 8 * mm, f"Page {number} sur {len(self.pages)}")
            super().showPage()
        super().save()

SimpleDocTemplate(sys.argv[4], pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                  topMargin=16 * mm, bottomMargin=15 * mm).build(story, canvasmaker=Numbered)
"""


BARE_RESUME = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
programme = conn.execute("SELECT * FROM programme").fetchone()
people = conn.execute("SELECT id, name FROM ambassadors ORDER BY role, name").fetchall()
month = conn.execute(
    "SELECT mission, ambassador_id, SUM(minutes) FROM time_entries "
    "WHERE deleted_at IS NULL AND day BETWEEN ? AND ? GROUP BY 1, 2", sys.argv[2:4]).fetchall()
start = int(programme["start_date"][:4]) * 12 + int(programme["start_date"][5:7]) - 1
funded = [
    conn.execute(
        "SELECT COALESCE(SUM(minutes), 0) FROM time_entries INDEXED BY time_entries_totals "
        "WHERE deleted_at IS NULL AND day BETWEEN ? AND ? AND mission IN (?, ?, ?)",
        [f"{m // 12:04d}-{m % 12 + 1:02d}-01", f"{m // 12:04d}-{m % 12 + 1:02d}-31",
         "promotion", "formation", "accompagnement"]).fetchone()[0]
    for m in range(start, start + programme["months"])
]
print(len(people), len(month), funded)
"""


def xlsx_layout(path: Path) -> str:
    """Return a module that gives BARE_XLSX the app's workbook: its cells and styles."""
    from openpyxl import load_workbook

    sheet: Any = load_workbook(path).active
    styles: list[tuple[object, ...]] = []
    cells = []
    for row in sheet.iter_rows():
        out = []
        for cell in row:
            if not cell.has_style:
                out.append((cell.value, None))
                continue
            fill = cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type else None
            edges = {s: getattr(cell.border, s) for s in ("left", "right", "top", "bottom")}
            sides = tuple(s for s, edge in edges.items() if edge is not None and edge.style)
            key = (cell.font.b, cell.font.sz, fill, sides, bool(cell.alignment.wrap_text), cell.number_format)
            if key not in styles:
                styles.append(key)
            out.append((cell.value, styles.index(key)))
        cells.append(out)
    widths = {k: d.width for k, d in sheet.column_dimensions.items() if d.width}
    heights = {k: d.height for k, d in sheet.row_dimensions.items() if d.height}
    footer = (sheet.oddFooter.left.text, sheet.oddFooter.right.text)
    return (
        f"import datetime\n\nFREEZE = {sheet.freeze_panes!r}\nWIDTHS = {widths!r}\nHEIGHTS = {heights!r}\n"
        f"STYLES = {styles!r}\nCELLS = {cells!r}\nTITLE_ROWS = {sheet.print_title_rows!r}\n"
        f"FOOTER = {footer!r}\n"
    )


def run(command: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=WORK)


def bare_script(name: str, text: str) -> list[str]:
    """Return the command that runs ``text`` as ``python -m name`` from the work folder: like
    the app (``python -m ambassadeur_app``), compiled once rather than at every run."""
    (WORK / f"{name}.py").write_text(text, encoding="utf-8")
    return [sys.executable, "-m", name]


def compare(name: str, carnet: Path, app: list[str], bare: list[str], floor_name: str) -> None:
    """Report ``app`` against ``bare``, warm and at the day's first opening of ``carnet``."""
    app_run, bare_run = run(app), run(bare)
    app_run()  # the files that a first run writes (logs, journal folder) are not measured
    report_runs(f"{name}, warm", *alternated_runs(app_run, bare_run, RUNS), floor_name)
    first = alternated_runs(app_run, bare_run, RUNS, before=lambda: first_open_of_the_day(carnet))
    report_runs(f"{name}, first open", *first, floor_name)
    sealed(carnet)


def main() -> None:
    demo = sealed(demo_carnet())
    month = [DEMO_MONTH.first_day.isoformat(), DEMO_MONTH.last_day.isoformat()]
    with sqlite3.connect(demo) as conn:
        rows = len(conn.execute(ROWS, month).fetchall())
    print(f"demo carnet, {DEMO_MONTH.label()}: {rows} rows")
    floor = run([sys.executable, "-c", "pass"])
    for option in ("--version", "--help"):
        runs = alternated_runs(run([*APP, option]), floor, RUNS)
        report_runs(f"ambassadeur {option}", *runs, "python -c pass")
    for fmt in ("xlsx", "pdf"):
        out = WORK / f"cli-releve.{fmt}"
        export = [*APP, "--carnet", str(demo), "export", "releve", "--mois", str(DEMO_MONTH), "--format", fmt]
        run([*export, "--sortie", str(out)])()
        if fmt == "xlsx":
            (WORK / "cli_xlsx_layout.py").write_text(xlsx_layout(out), encoding="utf-8")
        bare = bare_script(f"cli_bare_{fmt}", READ + (BARE_XLSX if fmt == "xlsx" else BARE_PDF))
        bare += [str(demo), *month, str(WORK / f"cli-bare.{fmt}")]
        compare(
            f"demo, export releve {fmt}", demo, [*export, "--sortie", str(out)], bare, f"bare {fmt} script"
        )
    resume_floor = bare_script("cli_bare_resume", BARE_RESUME)
    for name, (carnet, _) in carnets().items():
        resume = [*APP, "--carnet", str(sealed(carnet)), "resume", "--mois", str(DEMO_MONTH)]
        compare(f"{name}, resume", carnet, resume, [*resume_floor, str(carnet), *month], "bare sqlite3 sums")


if __name__ == "__main__":
    main()
