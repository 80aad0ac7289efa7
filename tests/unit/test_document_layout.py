"""The register's PDF tables keep every word whole: names, professions, RPPS numbers, communes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import plain

KINDS = ("professionnels", "structures", "contacts", "sollicitations", "comptes")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CarnetService]:
    path = tmp_path_factory.mktemp("demo") / "demo.ambassadeur"
    service = open_service(path, create=True, today=lambda: REFERENCE_DAY)
    build_demo(service)
    yield service
    service.close()


def words(path: Path) -> set[str]:
    """Return every whitespace-separated word of the PDF (a word cut by a line break is two)."""
    return set(plain(" ".join(page.extract_text() for page in PdfReader(path).pages)).split())


def test_rpps_numbers_professions_and_communes_are_never_cut(demo: CarnetService, tmp_path: Path) -> None:
    register = demo.register
    document = register.document("professionnels")
    listing = document.section("Professionnels")
    text = words(register.export("professionnels", "pdf", tmp_path / "p.pdf"))
    columns = [c.title for c in listing.columns]
    rpps = [row[columns.index("RPPS")] for row in listing.rows if row[columns.index("RPPS")]]
    assert len(rpps) > 10
    assert not [number for number in rpps if number not in text]
    for title in ("Profession", "Commune", "Nom", "Téléphone"):
        values = {row[columns.index(title)] for row in listing.rows if row[columns.index(title)]}
        cut = [v for v in values if not set(plain(v).split()) <= text]
        assert not cut, (title, cut)
    assert "Téléphone" in text
    contacts = words(register.export("contacts", "pdf", tmp_path / "c.pdf"))
    people = register.document("contacts").section("Liste des contacts")
    for row in people.rows:
        for value in row[1:]:
            if isinstance(value, str) and value:
                assert set(plain(value).split()) <= contacts, value
    assert "Accompagnement" in contacts


@pytest.mark.parametrize("kind", KINDS)
def test_every_register_table_is_whole_and_drawn(demo: CarnetService, kind: str, tmp_path: Path) -> None:
    register = demo.register
    document = register.document(kind)
    text = words(register.export(kind, "pdf", tmp_path / f"{kind}.pdf"))
    for section in document.sections:
        for column in section.columns:
            assert set(plain(column.title).split()) <= text, column.title
    workbook = openpyxl.load_workbook(register.export(kind, "xlsx", tmp_path / f"{kind}.xlsx"))
    for sheet in workbook:
        header = next(r for r in range(1, 10) if sheet.cell(r, 1).fill.fgColor.rgb == "00DCE6F1")
        assert sheet.cell(header + 1, 1).border.left.style == "thin"
        fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
        assert fonts == {"Calibri"}, sheet.title


def test_columns_are_sized_from_their_content() -> None:
    style = pdfkit.styles()["small"]
    widths = pdfkit.column_widths(
        [["19900000415", "10003456789"], ["Villers-lès-Nancy"], ["Un texte assez long " * 10]],
        ["RPPS", "Commune", "Description"],
        400,
        style,
    )
    assert sum(widths) == pytest.approx(400)
    # The identifier and the commune sit on one line; the long text takes what is left.
    assert widths[0] >= pdfkit.CELL_PADDING + 40
    assert widths[1] >= pdfkit.CELL_PADDING + 55
    assert widths[2] > widths[0] + widths[1]
    assert pdfkit.words_fit([["x" * 20]], ["T"], 400, style)


def test_a_garbage_word_gives_up_its_room_before_any_other_column() -> None:
    """Words too wide for the table: the garbage one is cut, the names keep their width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = pdfkit.styles()["small"]
    names = ["Lefèvre-Dubois", "Accompagnement"]
    widths = pdfkit.column_widths([["x" * 2000], *([name] for name in names)], ["A", "B", "C"], 200, style)
    assert sum(widths) == pytest.approx(200)
    for name, width in zip(names, widths[1:], strict=True):
        assert width >= stringWidth(name, style.fontName, style.fontSize) + pdfkit.CELL_PADDING
    assert widths[0] < 200 * pdfkit.MIN_WORD_SHARE + pdfkit.CELL_PADDING


def test_every_table_ends_with_its_total_or_its_count(demo: CarnetService, tmp_path: Path) -> None:
    register = demo.register
    listing = register.document("professionnels").section("Professionnels")
    count = len(listing.rows)
    pdf = register.export("professionnels", "pdf", tmp_path / "p.pdf")
    text = plain(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert f"Total : {count} professionnels" in text
    xlsx = register.export("professionnels", "xlsx", tmp_path / "p.xlsx")
    sheet = openpyxl.load_workbook(xlsx)["Professionnels"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == listing.count_label)
    assert sheet.cell(row, 2).value.startswith("=COUNTIF(A")
    assert ExcelCompiler(filename=str(xlsx)).evaluate(f"Professionnels!B{row}") == count
