"""Long PDF tables, laid out page by page (``pdf.long_table``): every row once and in order, the
column titles on top of every page and never alone at its bottom, the totals never alone on a
page, "Page X sur Y" right; the same page breaks as reportlab's own LongTable."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Mission, Role, TimeEntry
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import tables, timesheet
from ambassadeur_app.reports.paged_table import KEEP_WITH_TOTALS
from tests.conftest import PROGRAMME, TODAY, plain

LABEL = re.compile(r"L\d{4}")
FRAME_HEIGHT = A4[1] - 31 * mm - 12  # build_pdf's margins (16 + 15 mm) and the frame's padding
WORDS = ["consultation", "pluriprofessionnelle", "avec", "la", "maison", "de", "santé", "des", "Provinces"]


def label(index: int) -> str:
    return f"L{index:04d}"


def pages_of(path: Path) -> list[str]:
    """Return the text of each page, every run of whitespace (cell and line breaks) as one space."""
    return [" ".join(plain(page.extract_text()).split()) for page in PdfReader(path).pages]


def check_pages(pages: list[str], labels: list[str], header: str, total: str | None) -> list[list[str]]:
    """Check the pages of a document holding one long table; return the row labels of each page."""
    rows = [LABEL.findall(text) for text in pages]
    assert [found for page in rows for found in page] == labels  # every row once, in order
    for number, (text, found) in enumerate(zip(pages, rows, strict=True), start=1):
        assert f"Page {number} sur {len(pages)}" in text
        assert (header in text) == bool(found)  # no page with the titles alone, none without them
        if found:
            assert text.index(header) < text.index(found[0])
    if total is not None:
        with_total = [number for number, text in enumerate(pages) if total in text]
        last = max(number for number, found in enumerate(rows) if found)
        assert with_total == [last]  # once, on the page of the last rows...
        assert len(rows[last]) >= min(KEEP_WITH_TOTALS, len(labels))  # ...with some of them
        assert pages[last].index(total) > pages[last].index(labels[-1])
    return rows


def description(index: int) -> str:
    """A text one to five lines long in the relevé's widest column."""
    return f"{label(index)} " + " ".join(WORDS[: (index * 7) % len(WORDS)] * (1 + index % 3))


def test_a_long_timesheet_has_every_line_once_titles_on_every_page_and_its_total(tmp_path: Path) -> None:
    people = [
        Ambassador("a", "Marie Durand", Role.MEDICAL, "Médecin généraliste"),
        Ambassador("b", "Paul Martin", Role.ADMINISTRATIF, "Coordinateur"),
    ]
    month = Month(2024, 10)
    entries = [
        TimeEntry(
            month.first_day + timedelta(days=index % 31),
            people[index % 2].id,
            Mission.AUTRE if index % 5 == 0 else Mission.PROMOTION,
            "Appel",
            1,
            description=description(index),
        )
        for index in range(700)
    ]
    entries.sort(key=lambda entry: entry.day)
    sheet = timesheet.build_timesheet(PROGRAMME, month, entries, people, [], TODAY, now=datetime(2024, 11, 1))
    out = timesheet.write_pdf(sheet, tmp_path / "releve.pdf")
    pages = pages_of(out)
    labels = [LABEL.findall(row.description)[0] for row in sheet.rows]
    rows = check_pages(pages, labels, "Lieu — description", "Total du mois 11 h 40")
    assert len([page for page in rows if page]) > 20
    assert "Récapitulatif" in pages[-1] or "Récapitulatif" in pages[-2]


def test_a_long_register_list_and_a_totalled_table(tmp_path: Path) -> None:
    towns = ["Vandœuvre-lès-Nancy", "Lunéville", "Toul"]
    people = [[label(index), towns[index % 3], index / 4] for index in range(900)]
    document = tables.TableDocument(
        title="Liste des professionnels",
        header=[("CPTS", "CPTS Test du Lunévillois")],
        sections=[
            tables.Section("Professionnels", [tables.Column("Nom"), tables.Column("Commune")],
                           [row[:2] for row in people], unit=("professionnel", "professionnels")),
        ],
        generated_at=datetime(2024, 11, 1),
    )  # fmt: skip
    check_pages(
        pages_of(tables.write_pdf(document, tmp_path / "liste.pdf")),
        [row[0] for row in people],
        "Nom Commune",
        "Total : 900 professionnels",
    )
    document.sections = [
        tables.Section("Heures", [tables.Column("Nom"), tables.Column("Commune"),
                                  tables.Column("Heures", "hours", total=True)], people),
    ]  # fmt: skip
    check_pages(
        pages_of(tables.write_pdf(document, tmp_path / "heures.pdf")),
        [row[0] for row in people],
        "Nom Commune Heures",
        "Total 101 137 h 30",
    )


def plain_table(count: int, footer: bool = True) -> Any:
    """A table of ``count`` one-line rows (and a total row)."""
    data: list[list[Any]] = [["Nom", "Heures"], *([label(index), "1 h"] for index in range(count))]
    if footer:
        data.append(["Total", f"{count} h"])
    return pdfkit.long_table(data, [90 * mm, 90 * mm], pdfkit.table_style(), footer_rows=int(footer))


def height_of(table: Any) -> float:
    return float(table.wrap(180 * mm, FRAME_HEIGHT)[1])


def write(tmp_path: Path, above: float, table: Any) -> list[str]:
    """Write ``table`` under a blank of ``above`` points; return the pages' texts."""
    story = [Spacer(1, above), table] if above else [table]
    out = pdfkit.build_pdf(tmp_path / "table.pdf", story, pdfkit.PageFrame("Table", "CPTS", "Table", "Pied"))
    return pages_of(out)


ROWS = 30


@pytest.mark.parametrize(
    ("room_left", "first_page_rows"),
    [
        (0.0, ROWS),  # the table fills the page to the point: all on one page
        (0.5, ROWS - KEEP_WITH_TOTALS),  # every row fits but the total: it takes two rows along
        ("total", ROWS - KEEP_WITH_TOTALS),  # the total alone would not fit, by a hair
        ("total+row", ROWS - KEEP_WITH_TOTALS),  # nor with the last row only
    ],
)
def test_a_table_exactly_filling_a_page_and_just_over(
    tmp_path: Path, room_left: Any, first_page_rows: int
) -> None:
    table = plain_table(ROWS)
    full = height_of(table)
    row = full - height_of(plain_table(ROWS - 1))
    missing = {"total": row - 0.01, "total+row": 2 * row - 0.01}.get(room_left, room_left)
    pages = write(tmp_path, FRAME_HEIGHT - full + missing, table)
    rows = check_pages(pages, [label(index) for index in range(ROWS)], "Nom Heures", f"Total {ROWS} h")
    assert [len(found) for found in rows] == [first_page_rows, ROWS - first_page_rows][: len(pages)]


def test_titles_are_never_left_alone_at_the_bottom_of_a_page(tmp_path: Path) -> None:
    table = plain_table(ROWS, footer=False)
    full = height_of(table)
    row = full - height_of(plain_table(ROWS - 1, footer=False))
    header = full - ROWS * row
    for room, first_page_rows in ((header + row, 1), (header + row - 0.01, 0), (header + 0.01, 0)):
        pages = write(tmp_path, FRAME_HEIGHT - room, plain_table(ROWS, footer=False))
        rows = check_pages(pages, [label(index) for index in range(ROWS)], "Nom Heures", None)
        assert len(rows[0]) == first_page_rows


def test_page_breaks_are_those_of_a_reportlab_long_table(tmp_path: Path) -> None:
    """Without totals, the rows of each page are exactly those reportlab's LongTable gives."""
    small = pdfkit.styles()["small"]
    data: list[list[Any]] = [["Nom", "Description"]]
    data += [[label(index), pdfkit.fit(description(index), 120 * mm, small)] for index in range(400)]
    widths = [60 * mm, 120 * mm]
    ours = write(tmp_path, 0, pdfkit.long_table(data, widths, pdfkit.table_style()))
    path = tmp_path / "reportlab.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=16 * mm, bottomMargin=15 * mm).build(
        [LongTable(data, colWidths=widths, repeatRows=1, style=pdfkit.table_style())]
    )
    theirs = pages_of(path)
    assert [LABEL.findall(text) for text in ours] == [LABEL.findall(text) for text in theirs]
    assert len(ours) > 10


def test_an_empty_list_and_a_one_row_table(tmp_path: Path) -> None:
    document = tables.TableDocument(
        title="Liste",
        header=[("CPTS", "CPTS Test du Lunévillois")],
        sections=[
            tables.Section("Vide", [tables.Column("Nom"), tables.Column("Commune")], []),
            tables.Section("Une", [tables.Column("Nom"), tables.Column("Commune")], [[label(0), "Toul"]]),
        ],
        generated_at=datetime(2024, 11, 1),
    )
    text = " ".join(pages_of(tables.write_pdf(document, tmp_path / "liste.pdf")))
    assert "Aucune donnée pour cette période." in text
    assert f"{label(0)} Toul" in text
    assert "Total : 1 ligne" in text
    assert date(2024, 11, 1).strftime("%d/%m/%Y") in text


def test_rows_too_tall_to_keep_two_with_the_totals_still_go_out(tmp_path: Path) -> None:
    """Two rows and the totals taller than a page: the totals take one row along."""
    line = height_of(plain_table(1)) - height_of(plain_table(0))  # a one-line row (header and totals alike)
    tall = (FRAME_HEIGHT - 1.5 * line) / 2  # two of them and the titles fit a page, not with the totals
    padding = 4  # table_style: 2 points above and below
    data: list[list[Any]] = [["Nom", "Heures"], *([label(i), Spacer(1, tall - padding)] for i in range(2))]
    data.append(["Total", "2 h"])
    table = pdfkit.long_table(data, [90 * mm, 90 * mm], pdfkit.table_style(), footer_rows=1)
    pages = write(tmp_path, 0, table)
    assert [LABEL.findall(text) for text in pages] == [[label(0)], [label(1)]]
    assert "Total 2 h" in pages[1]
