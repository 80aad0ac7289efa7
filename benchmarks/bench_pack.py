"""The whole justification pack (``ambassadeur dossier``), written in process, against a floor
writing the same files with the bare libraries (openpyxl, reportlab, python-docx, shutil,
hashlib) in the same run, on the demo carnet and on a carnet ten times larger.

The ten-times carnet is the demo (``build_demo`` on DEMO_TODAY) with each of its entries,
contacts and requests written nine times more (1 500 entries, ~720 contacts, 130 requests); its
events, expenses and attachments are the demo's.

The floor, file by file (prepared once, untimed, from a pack the app wrote first):
- the monthly timesheets: ``export.py``'s floors (``bare_xlsx``: the same cells and styles;
  ``bare_pdf``: the same table in LongTable chunks of CHUNK rows);
- every other workbook: the app's own cells replayed with bare openpyxl (write-only, one named
  style per kind of cell: font, bold, fill, border, wrap, number format; widths; formulas as
  formulas);
- the PDFs made of tables (the register's and the events' tables, each event's dossier): the
  same sections' text as bare reportlab LongTables (chunks of CHUNK rows, titles repeated,
  wrapped paragraphs where a cell is too wide, the same grid and fonts);
- the other PDFs (bilan, rapport, indicators, rétroplanning, blank sign-in sheets): their text,
  line by line, as paragraphs on as many A4 pages (a lower floor: no tables, no charts);
- the rapport's .docx: its paragraphs with bare python-docx; the quotes, invoices and signed
  sheets: ``shutil.copyfile``; then the SHA-256 of every file and the manifest's CSV.
What the app does besides is its own share: the checks before the pack, the reading of the
carnet for each document, the temporary folder renamed at the end.

With ``--large``, also the large carnet of ``common.big_carnet`` (100 000 entries), once.

Run: cd benchmarks && PYTHONPATH=.. python bench_pack.py [--large]
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from html import escape
from itertools import count
from pathlib import Path
from typing import Any

from common import DEMO_TODAY, WORK, alternated, big_carnet, made_once, report
from export import CHUNK, bare_pdf, bare_xlsx

from ambassadeur_app.demo import build_demo
from ambassadeur_app.domain.events import EventStatus
from ambassadeur_app.reports import event_tables
from ambassadeur_app.reports.manifest import CSV_NAME, event_file_path, table_path, timesheet_path
from ambassadeur_app.reports.tables import TableDocument
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.pack import EVENT_TABLES, REGISTER_TABLES, minimised

Job = Callable[[Path], None]
_runs = count()


def tenfold(service: CarnetService) -> None:
    """The demo, with each entry, contact and request written nine times more."""
    build_demo(service)
    carnet = service.carnet
    with carnet.write():
        entries = carnet.entries.in_range(date(2000, 1, 1), date(2100, 1, 1))
        contacts = service.register.contacts(service.register.contact_ids()).values()
        requests = service.register.solicitations(service.register.solicitation_ids()).values()
        for _ in range(9):
            for entry in entries:
                carnet.entries.add(replace(entry, id=""))
            for contact in contacts:
                carnet.contacts.add(replace(contact, id=""))
            for request in requests:
                carnet.solicitations.add(replace(request, id=""))


# --- the floor's writers ----------------------------------------------------------------------


def xlsx_spec(path: Path) -> list[tuple[str, list[float], list[list[tuple[Any, tuple[Any, ...]]]]]]:
    """Read back a workbook the app wrote: per sheet, its widths and each cell's value and style."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(path)
    sheets = []
    for sheet in book:
        widths = [
            sheet.column_dimensions[get_column_letter(i)].width or 13 for i in range(1, sheet.max_column + 1)
        ]
        rows = [
            [
                (
                    cell.value,
                    (
                        bool(cell.font.b),
                        cell.number_format,
                        bool(cell.alignment.wrap_text),
                        cell.fill.fgColor.rgb if cell.fill.fill_type else None,
                        bool(cell.border.left and cell.border.left.style),
                    ),
                )
                for cell in row
            ]
            for row in sheet.iter_rows()
        ]
        sheets.append((sheet.title, widths, rows))
    return sheets


def replay_xlsx(
    spec: list[tuple[str, list[float], list[list[tuple[Any, tuple[Any, ...]]]]]], out: Path
) -> None:
    """Write the same cells with the same styles, bare openpyxl, one named style per kind."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    thin = Side(style="thin", color="7F8C99")
    names: dict[tuple[Any, ...], str] = {}
    for title, widths, rows in spec:
        sheet = book.create_sheet(title)
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for row in rows:
            cells = []
            for value, key in row:
                if key not in names:
                    bold, fmt, wrap, fill, border = key
                    names[key] = f"s{len(names)}"
                    book.add_named_style(
                        NamedStyle(
                            names[key],
                            font=Font(name="Calibri", size=11, bold=bold),
                            number_format=fmt,
                            alignment=Alignment(wrap_text=wrap, vertical="top"),
                            fill=PatternFill("solid", fgColor=fill) if fill else PatternFill(),
                            border=Border(left=thin, right=thin, top=thin, bottom=thin)
                            if border
                            else Border(),
                        )
                    )
                cell = WriteOnlyCell(sheet, value=value)
                cell.style = names[key]
                cells.append(cell)
            sheet.append(cells)
    book.save(out)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def table_pdf(document: TableDocument, out: Path) -> None:
    """The same sections' text as bare LongTables (chunks of CHUNK rows), landscape A4."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

    small = ParagraphStyle("small", fontName="Helvetica", fontSize=7.5, leading=9)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=12, leading=15)
    available = 267 * mm
    style = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 7.5),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#7F8C99")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 7.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1")),
    ]
    story: list[Any] = [Paragraph(escape(document.title), title)]
    story += [Paragraph(f"<b>{escape(k)}</b> : {escape(v)}", small) for k, v in document.header]
    for section in document.sections:
        story.append(Paragraph(escape(section.title), title))
        if section.note:
            story.append(Paragraph(escape(section.note), small))
        whole = sum(c.width for c in section.columns)
        widths = [available * c.width / whole for c in section.columns]

        def cell(text: str, width: float) -> Any:
            fits = "\n" not in text and stringWidth(text, "Helvetica", 7.5) <= width - 6
            return text if fits else Paragraph(escape(text).replace("\n", "<br/>"), small)

        header = [cell(c.title, w) for c, w in zip(section.columns, widths, strict=True)]
        rows = [[cell(_text(v), w) for v, w in zip(row, widths, strict=True)] for row in section.rows]
        for start in range(0, max(len(rows), 1), CHUNK):
            story.append(
                LongTable([header, *rows[start : start + CHUNK]], colWidths=widths, repeatRows=1, style=style)
            )
    SimpleDocTemplate(str(out), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm).build(story)


def pdf_lines(path: Path) -> list[list[str]]:
    """Return the text of each page of a PDF (poppler's pdftotext), line by line."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]


def text_pdf(pages: list[list[str]], out: Path) -> None:
    """The same text, line by line, as paragraphs on as many A4 pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    small = ParagraphStyle("small", fontName="Helvetica", fontSize=7.5, leading=9)
    story: list[Any] = []
    for page in pages:
        story += [Paragraph(escape(line), small) for line in page]
        story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def docx_paragraphs(path: Path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def replay_docx(paragraphs: list[str], out: Path) -> None:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(out))


# --- the floor, planned from a pack the app wrote ----------------------------------------------


def plan_floor(service: CarnetService, pack: Path) -> dict[str, Job]:
    """Return, by path in the pack, the bare job writing the same file."""
    jobs: dict[str, Job] = {}
    for month in service.programme().period_months:
        sheet = service.timesheet(month)
        jobs[timesheet_path(month, "xlsx")] = lambda out, sheet=sheet: bare_xlsx(sheet, out)
        jobs[timesheet_path(month, "pdf")] = lambda out, sheet=sheet: bare_pdf(sheet, out, CHUNK)
    tables: dict[str, TableDocument] = {}
    for kind in REGISTER_TABLES:
        tables[table_path(kind, "pdf")] = minimised(service.register.document(kind))
    for kind in EVENT_TABLES:
        tables[table_path(kind, "pdf")] = event_tables.document(service, kind)
    events = service.events.events(service.events.event_ids())
    for event in events.values():
        if event.status is not EventStatus.CANCELLED:
            tables[event_file_path(event, "pdf")] = event_tables.document(service, "evenement", event.id)
    for path in sorted(p for p in pack.rglob("*") if p.is_file()):
        name = path.relative_to(pack).as_posix()
        if name in jobs or "/" not in name:  # the timesheets; the manifest and read-me, below
            continue
        if path.suffix == ".xlsx":
            spec = xlsx_spec(path)
            jobs[name] = lambda out, spec=spec: replay_xlsx(spec, out)
        elif name in tables:
            jobs[name] = lambda out, doc=tables[name]: table_pdf(doc, out)
        elif path.suffix == ".docx":
            paragraphs = docx_paragraphs(path)
            jobs[name] = lambda out, paragraphs=paragraphs: replay_docx(paragraphs, out)
        elif not name.startswith(("03-", "04-")) or "vierge" in name:
            pages = pdf_lines(path)
            jobs[name] = lambda out, pages=pages: text_pdf(pages, out)
        else:  # an attached file (a quote, an invoice, a signed sheet): copied
            jobs[name] = lambda out, source=path: shutil.copyfile(source, out)
    return jobs


def run_floor(jobs: dict[str, Job], root: Path) -> None:
    """Write every file, then hash them all and write the manifest."""
    root.mkdir()
    for name, job in jobs.items():
        out = root / name
        out.parent.mkdir(parents=True, exist_ok=True)
        job(out)
    with open(root / CSV_NAME, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for name in jobs:
            data = (root / name).read_bytes()
            writer.writerow([name, len(data), hashlib.sha256(data).hexdigest()])


def folder_of(name: str) -> str:
    return name.split("/", 1)[0] if "/" in name else "manifeste"


def breakdown(service: CarnetService, jobs: dict[str, Job]) -> None:
    """Print, by folder of the pack, the time of one app pack and of one floor (not alternated:
    where the time goes, not a ratio to trust)."""
    from ambassadeur_app.services import pack as packs

    spent: dict[str, list[float]] = {}
    plan = packs.PackService._steps

    def timed_steps(self: packs.PackService) -> list[packs._Step]:
        def timed(step: packs._Step, root: Path) -> list[tuple[Path, str]]:
            start = time.perf_counter()
            written = step.write(root)
            if written:
                folder = folder_of(written[0][0].relative_to(root).as_posix())
                spent.setdefault(folder, [0.0, 0.0])[0] += time.perf_counter() - start
            return written

        return [packs._Step(step.count, partial(timed, step)) for step in plan(self)]

    packs.PackService._steps = timed_steps  # type: ignore[method-assign]
    folder = WORK / f"pack-app-{next(_runs)}"
    start = time.perf_counter()
    service.pack.write(folder)
    whole = time.perf_counter() - start
    packs.PackService._steps = plan  # type: ignore[method-assign]
    shutil.rmtree(folder)
    root = WORK / f"pack-floor-{next(_runs)}"
    root.mkdir()
    for name, job in jobs.items():
        out = root / name
        out.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        job(out)
        spent.setdefault(folder_of(name), [0.0, 0.0])[1] += time.perf_counter() - start
    shutil.rmtree(root)
    for name, (app, floor) in sorted(spent.items()):
        print(f"    {name:<32} app {app * 1000:8.1f} ms   floor {floor * 1000:8.1f} ms")
    rest = whole - sum(app for app, _ in spent.values())
    print(f"    {'checks, manifest, rename':<32} app {rest * 1000:8.1f} ms")


def measure(label: str, path: Path, repeat: int) -> None:
    service = open_service(path, today=lambda: DEMO_TODAY)
    first = WORK / f"pack-{label}-first"
    shutil.rmtree(first, ignore_errors=True)
    start = time.perf_counter()
    result = service.pack.write(first)
    cold = time.perf_counter() - start
    assert result is not None
    jobs = plan_floor(service, first)
    assert set(jobs) == {f.path for f in result.files}, set(jobs) ^ {f.path for f in result.files}
    written: list[Path] = []

    def app() -> None:
        folder = WORK / f"pack-app-{next(_runs)}"
        written.append(folder)
        service.pack.write(folder)

    def floor() -> None:
        folder = WORK / f"pack-floor-{next(_runs)}"
        written.append(folder)
        run_floor(jobs, folder)

    entries = len(service.carnet.entries.in_range(date(2000, 1, 1), date(2100, 1, 1)))
    app_time, floor_time = alternated(app, floor, repeat)
    name = f"pack {label} ({entries} entries, {len(result.files)} files)"
    report(name, app_time, floor_time, "bare libraries, same files")
    print(f"  (first pack of the process, imports included: {cold * 1000:.0f} ms)")
    breakdown(service, jobs)
    for folder in [first, *written]:
        shutil.rmtree(folder, ignore_errors=True)
    service.close()


def main() -> None:
    # The demo as ``ambassadeur demo`` builds it today (events, expenses and their files included).
    measure("demo", made_once("pack-demo.ambassadeur", build_demo, DEMO_TODAY), 5)
    measure("demo ×10", made_once("demo-x10.ambassadeur", tenfold, DEMO_TODAY), 3)
    if "--large" in sys.argv:  # common.big_carnet: 100 000 entries (~16 700 a month); minutes
        measure("large", big_carnet(), 1)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"({time.perf_counter() - start:.0f} s)")
