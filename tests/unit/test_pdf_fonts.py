"""Names outside French's characters in the PDF documents: drawn, and read back as typed.

The base fonts (Helvetica) draw Windows-1252 only; DejaVu Sans draws the rest of what it has, a
character neither has (most emoji) is drawn as « □ ». A document in French alone keeps the base
fonts alone, and never reads the fallback font's file.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY, log_entry, plain

NAMES = [
    "Łukasz Wiśniewski",
    "Nguyễn Thị Hương",
    "Ørsted Æbelø",
    "Σωκράτης Παπαδόπουλος",
    "Дмитрий Иванов",
    "Zoë Œuvray",
]
DESCRIPTIONS = [
    "Visite à la MSP de Łódź",
    "Appel avec Mme Nguyễn (pharmacie)",
    "Réunion — « Ærø » et Ørsted",
    "Formation Ελληνικά",
    "Привет: atelier",
    "Atelier réussi ❤ bravo",
]
OCTOBER = Month(2024, 10)


def carnet(path: Path, names: list[str], descriptions: list[str]) -> CarnetService:
    service = open_service(path, create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [Ambassador("", name, Role.MEDICAL) for name in names])
    for index, (name, description) in enumerate(zip(names, descriptions, strict=True)):
        log_entry(service, date(2024, 10, 1 + index), 30, who=name, description=description)
    return service


def read_back(path: Path) -> str:
    return plain("\n".join(page.extract_text() for page in PdfReader(path).pages))


def fonts(path: Path) -> set[str]:
    found = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            found.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return found


def test_names_beyond_french_are_drawn_and_read_back_as_typed(tmp_path: Path) -> None:
    with carnet(tmp_path / "c.ambassadeur", NAMES, DESCRIPTIONS) as service:
        pdf = service.export_timesheet(OCTOBER, "pdf", tmp_path / "releve.pdf")
    text = read_back(pdf)
    for written in [*NAMES, *DESCRIPTIONS]:
        assert written in text, written
    assert "?" not in text
    assert fonts(pdf) == {"Helvetica", "Helvetica-Bold", "DejaVuSans"}


def test_a_character_no_font_has_is_drawn_as_a_box(tmp_path: Path) -> None:
    """Emoji (with their skin tones and variation selectors) and Chinese: « □ », one per sign;
    an accent typed apart is joined to its letter; an emoji DejaVu Sans has keeps it."""
    assert pdfkit.pdf_text("Bravo 👍🏽 et 🎉 ! 王芳") == "Bravo □ et □\u00a0! □□"
    assert pdfkit.pdf_text("Ne\u0301ve ❤\ufe0f") == "Néve ❤"
    # DejaVu's few emoji past U+FFFF would be copied out of the PDF wrong: boxes too.
    assert pdfkit.pdf_text("😀") == pdfkit.LOST
    path = tmp_path / "boites.pdf"
    story = [Paragraph(pdfkit.para_text("Soirée 🎉 réussie 👍🏽"), pdfkit.styles()["base"])]
    pdfkit.build_pdf(path, story, pdfkit.PageFrame("t", "CPTS", "Octobre 2024", "pied"))
    assert "Soirée □ réussie □" in read_back(path)


def test_each_place_a_document_draws_text_takes_the_fallback(tmp_path: Path) -> None:
    """Paragraphs, table cells (plain or wrapped, bold titles), the page's header and footer."""
    style = pdfkit.styles()["cell"]
    header = pdfkit.header_style(style)
    long = " ".join(["Дмитрий Иванов"] * 12)
    cells = [["Nom Ł", "Œuvre"], ["Łukasz", long], ["Ørsted", "Σ"]]
    widths = [60.0, 120.0]
    data = [[pdfkit.fit(text, width, header) for text, width in zip(cells[0], widths, strict=True)]]
    data += [[pdfkit.fit(t, w, style) for t, w in zip(row, widths, strict=True)] for row in cells[1:]]
    # A cell the base font draws is a plain string, one that needs the fallback a Paragraph.
    assert [[isinstance(cell, str) for cell in row] for row in data] == [
        [False, True],
        [False, False],
        [True, False],
    ]
    story = [
        Paragraph(pdfkit.para_text("Łódź"), pdfkit.styles()["title"]),
        pdfkit.long_table(data, widths, pdfkit.table_style()),
    ]
    path = tmp_path / "partout.pdf"
    pdfkit.build_pdf(path, story, pdfkit.PageFrame("Ørsted", "CPTS de Łódź", "Дмитрий", "Ελληνικά"))
    text = read_back(path)
    for written in ["Łódź", "Łukasz", "Дмитрий Иванов", "Σ", "CPTS de Łódź", "Ελληνικά", "Page 1 sur 1"]:
        assert written in text, written
    assert fonts(path) == {"Helvetica", "Helvetica-Bold", "DejaVuSans", "DejaVuSans-Bold"}
    assert text.count("Дмитрий Иванов") == 12
    # The header's right text ends at the margin, whatever its font: its width is measured so.
    assert pdfkit.text_width("Дмитрий", pdfkit.FONT, 8) > 0
    assert pdfkit.text_width("Łukasz", pdfkit.FONT, 8) == pytest.approx(
        pdfkit.text_width("Ł", pdfkit.FONT, 8) + pdfkit.text_width("ukasz", pdfkit.FONT, 8)
    )


def test_a_document_in_french_alone_keeps_the_base_fonts_and_never_reads_the_fallback(tmp_path: Path) -> None:
    """Run in a fresh interpreter: another test may have read the fallback font already."""
    script = f"""
import sys
from datetime import date
from pathlib import Path
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from tests.unit.test_pdf_fonts import OCTOBER, carnet
names = ["Hélène Lefèvre-Dubois", "Zoë Œuvray", "François Ærøskøbing"]
descriptions = ["Réunion « CPTS » à 9 h — 50 €", "Appel : suite", "Visite de l'EHPAD Les Tilleuls"]
with carnet(Path({str(tmp_path / "fr.ambassadeur")!r}), names, descriptions) as service:
    service.export_timesheet(OCTOBER, "pdf", Path({str(tmp_path / "fr.pdf")!r}))
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames
print(sorted(name for name in getRegisteredFontNames() if "DejaVu" in name))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert fonts(tmp_path / "fr.pdf") == {"Helvetica", "Helvetica-Bold"}
    text = read_back(tmp_path / "fr.pdf")
    for written in ["Hélène Lefèvre-Dubois", "Zoë Œuvray", "François Ærøskøbing", "« CPTS »"]:
        assert written in text, written


def test_the_fonts_and_their_licence_are_shipped() -> None:
    folder = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    assert {p.name for p in folder.iterdir()} == {
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "LICENSE-DejaVu.txt",
    }
    licence = (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence
    assert "Arev Fonts Copyright" in licence
    spec = (folder.parents[1] / "build_installer.spec").read_text(encoding="utf-8")
    assert 'DATAS = [(str(ROOT / "resources"), "resources")]' in spec  # the whole folder, fonts too
