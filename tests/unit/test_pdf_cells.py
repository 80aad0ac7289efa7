"""What a PDF table cell holds, read back from the drawn pages: long texts cut with « […] »
(line breaks kept, the relevé's remark always there), garbage words cut in their own cell
only, no text crossing a column's border, titles never alone, headers that do not overlap,
signature boxes with room to sign."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Mission, Programme, Role, TimeEntry
from ambassadeur_app.domain.register import Channel, Professional, RequestCategory, Solicitation
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import tables, timesheet
from ambassadeur_app.services import CarnetService
from tests.conftest import PROGRAMME, TODAY, plain

OCTOBER = Month(2024, 10)
NOW = datetime(2024, 11, 1)
PEOPLE = [
    Ambassador("a", "Dr Anne-Sophie Lefèvre-Dubois", Role.MEDICAL, "Médecin généraliste"),
    Ambassador("b", "Jean Martin", Role.ADMINISTRATIF, "Coordinateur"),
]
URL = "https://parceo.sante-grandest.fr/portail/professionnels/inscription?ref=cpts-54-vandoeuvre&utm=mail"
GARBAGE = "".join("abcdefghijklmnopqrstuvwxyz0123456789"[i % 36] for i in range(1990))


@dataclass(frozen=True)
class Text:
    """A run of text drawn on a page: where it starts (x, baseline y), its font and size."""

    x: float
    y: float
    font: str
    size: float
    text: str

    @property
    def right(self) -> float:
        return self.x + float(stringWidth(self.text, self.font, self.size))


Line = tuple[float, float, float, float]  # x1, y1, x2, y2 in page coordinates


def drawn(path: Path) -> list[tuple[list[Text], list[Line]]]:
    """Return, for each page, its runs of text and its straight lines (cell borders)."""
    reader = PdfReader(path)
    return [(texts_of(page), lines_of(page, reader)) for page in reader.pages]


def texts_of(page: PageObject) -> list[Text]:
    texts: list[Text] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict[str, str] | None, size: float) -> None:
        if text.strip() and font:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            texts.append(Text(x, y, font["/BaseFont"][1:], size, plain(text.strip("\n"))))

    page.extract_text(visitor_text=visit)
    return texts


def lines_of(page: PageObject, reader: PdfReader) -> list[Line]:
    """Return the page's straight lines (``m`` then ``l``), in page coordinates."""
    lines: list[Line] = []
    matrix, stack, start = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [], (0.0, 0.0)
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = map(float, operands)
            m = matrix
            matrix = [
                a * m[0] + b * m[2],
                a * m[1] + b * m[3],
                c * m[0] + d * m[2],
                c * m[1] + d * m[3],
                e * m[0] + f * m[2] + m[4],
                e * m[1] + f * m[3] + m[5],
            ]
        elif operator in (b"m", b"l"):
            x, y = map(float, operands)
            point = (matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5])
            if operator == b"l":
                lines.append((*start, *point))
            start = point
    return lines


def crossings(path: Path) -> list[str]:
    """Return the texts that run over a vertical border (a text wider than its cell)."""
    found = []
    for texts, lines in drawn(path):
        borders = [(x1, min(y1, y2), max(y1, y2)) for x1, y1, x2, y2 in lines if abs(x1 - x2) < 0.01]
        for text in texts:
            if any(text.x + 0.5 < x < text.right - 0.5 and low <= text.y <= high for x, low, high in borders):
                found.append(text.text)
    return found


def releve(tmp_path: Path, entries: list[TimeEntry]) -> Path:
    entries.sort(key=lambda entry: entry.day)
    sheet = timesheet.build_timesheet(
        PROGRAMME, OCTOBER, entries, PEOPLE, [], TODAY, now=datetime(2024, 11, 1)
    )
    return timesheet.write_pdf(sheet, tmp_path / "releve.pdf")


def entry(
    description: str, minutes: int = 60, mission: Mission = Mission.PROMOTION, day: int = 1
) -> TimeEntry:
    return TimeEntry(
        OCTOBER.first_day + timedelta(days=day - 1),
        "a",
        mission,
        "Rencontre / visite",
        minutes,
        description=description,
    )


def runs(path: Path) -> list[str]:
    """Return the drawn runs of text (a cell's lines, one by one), in order."""
    return [text.text for texts, _ in drawn(path) for text in texts]


def test_a_long_description_keeps_its_line_breaks_and_ends_with_the_mark(tmp_path: Path) -> None:
    whole = [f"A{k:02d} suite" for k in range(1, 26)]  # 25 lines: all printed, one by one
    cut = [f"B{k:02d} suite" for k in range(1, 61)]  # 60 lines: cut
    words = [f"mot{k:04d}" for k in range(900)]  # one paragraph of 900 words: cut
    out = releve(
        tmp_path, [entry("\n".join(whole)), entry("\n".join(cut), day=2), entry(" ".join(words), day=3)]
    )
    drawn_runs = runs(out)
    assert [run for run in drawn_runs if re.fullmatch(r"A\d\d suite", run)] == whole
    kept = pdfkit.MAX_CELL_LINES - 1
    assert [run for run in drawn_runs if re.match(r"B\d\d suite", run)] == [*cut[:kept], f"{cut[kept]} […]"]
    paragraph = [run for run in drawn_runs if run.startswith("mot")]
    assert len(paragraph) == pdfkit.MAX_CELL_LINES
    assert paragraph[-1].endswith(" […]")
    printed = " ".join(paragraph)[: -len(" […]")].split()
    assert printed == words[: len(printed)]  # whole words, in order, up to the mark
    assert len(printed) < len(words)
    assert not crossings(out)


def test_a_cell_cut_short_still_shows_its_remark(tmp_path: Path) -> None:
    long = "\n".join(f"ligne {k}" for k in range(80))
    entries = [entry("Réunion", 120, day=day) for day in range(1, 21)]  # 40 h: the monthly cap
    entries += [entry(long, 60, day=22), entry(long, 60, Mission.AUTRE, day=23)]
    drawn_runs = runs(releve(tmp_path, entries))
    # The description is cut (its last line ends with the mark); the remark follows, whole.
    last = f"ligne {pdfkit.MAX_CELL_LINES - 2} […]"
    for remark in ("[au-delà du plafond mensuel]", "[mission non financée]"):
        assert [last, remark] in [drawn_runs[i : i + 2] for i in range(len(drawn_runs))], remark
    assert " ".join(drawn_runs).count("[…]") == 2


def words_of(path: Path) -> set[str]:
    return set(plain(" ".join(page.extract_text() for page in PdfReader(path).pages)).split())


def test_a_garbage_word_is_cut_in_its_own_cell_only_in_the_releve(tmp_path: Path) -> None:
    for description in (f"Lien envoyé : {URL}", f"Collé : {GARBAGE}"):
        entries = [entry(description, mission=Mission.ACCOMPAGNEMENT), entry("Formation", day=2)]
        out = releve(tmp_path, entries)
        text = words_of(out)
        for word in (
            "Lefèvre-Dubois",
            "Anne-Sophie",
            "Accompagnement",
            "Rencontre",
            "Durée",
            "Au-delà",
            "plafond",
        ):
            assert word in text, (description[:20], word)
        assert not crossings(out)
        squeezed = "".join(runs(out))
        assert description.split()[-1][:500].replace(" ", "") in squeezed


def test_a_garbage_word_is_cut_in_its_own_cell_only_in_the_register(
    service: CarnetService, tmp_path: Path
) -> None:
    register = service.register
    person = register.save_professional(Professional("Lefèvre-Dubois", "Anne-Sophie", "G15-10"))
    marie = next(a.id for a in service.ambassadors() if a.name == "Marie Durand")
    for day, (description, resolution) in enumerate(
        ((f"Lien : {URL}", "Envoyé"), ("Accès", f"Collé : {GARBAGE}"))
    ):
        register.save_solicitation(
            Solicitation(
                datetime(2024, 10, 2 + day, 9),
                Channel.EMAIL,
                RequestCategory.ACCESS,
                description,
                professional_id=person,
                answered_at=datetime(2024, 10, 3 + day, 9),
                answered_by=marie,
                resolution=resolution,
            )
        )
    out = register.export("sollicitations", "pdf", tmp_path / "sollicitations.pdf")
    text = words_of(out)
    for word in (
        "Lefèvre-Dubois",
        "Anne-Sophie",
        "Description",
        "Demandeur",
        "Catégorie",
        "Répondue",
        "Réponse",
    ):
        assert word in text, word
    assert not crossings(out)
    squeezed = "".join(runs(out))
    assert URL in squeezed
    assert GARBAGE[:500] in squeezed


def test_totals_and_dates_fit_their_columns_in_the_font_they_are_drawn_in(tmp_path: Path) -> None:
    entries = [entry("Réunion", 600 + 7, day=day) for day in range(1, 32)]  # 313 h 37
    out = releve(tmp_path, entries)
    assert "313 h 37" in [plain(run) for run in runs(out)]
    assert not crossings(out)
    # Every text of the table is drawn in one size, titles and totals included.
    texts = [text for page, _ in drawn(out) for text in page]
    table = [
        t for t in texts if t.text in ("Date", "Durée", "01/10/2024", "Total du mois", "10 h 07", "Au-delà")
    ]
    assert {t.text for t in table} == {"Date", "Durée", "01/10/2024", "Total du mois", "10 h 07", "Au-delà"}
    assert {t.size for t in table} == {pdfkit.styles()["small"].fontSize}


def test_a_section_title_stays_with_the_first_rows_of_its_table(tmp_path: Path) -> None:
    """A section's title is never the last thing of a page (its table starting on the next)."""
    tall = "\n".join(f"ligne {k}" for k in range(15))
    for count in range(20, 60):
        first = tables.Section(
            "Sans réponse",
            [tables.Column("Nom"), tables.Column("Texte")],
            [[f"A{i:03d}", "court"] for i in range(count)],
        )
        second = tables.Section(
            "Liste des sollicitations",
            [tables.Column("Nom"), tables.Column("Texte")],
            [["B000", tall]] + [[f"B{i:03d}", "court"] for i in range(1, 5)],
        )
        document = tables.TableDocument(
            "Sollicitations", [("CPTS", "CPTS Test")], [first, second], generated_at=datetime(2024, 11, 1)
        )
        out = tables.write_pdf(document, tmp_path / "titles.pdf")
        pages = [page.extract_text() for page in PdfReader(out).pages]
        with_title = [n for n, text in enumerate(pages) if "Liste des sollicitations" in text.split("\n")]
        assert len(with_title) == 1, count
        assert "B000" in pages[with_title[0]], count


@pytest.mark.parametrize("landscape", [False, True])
def test_the_page_header_texts_never_overlap(tmp_path: Path, landscape: bool) -> None:
    name = "CPTS du Sud Meurthe-et-Moselle — Lunévillois, Baccarat, Blâmont et Saint-Nicolas-de-Port"
    frame = pdfkit.PageFrame(
        "Titre",
        f"{name} — Ambassadeurs Parceo",
        "Relevé d'heures — Septembre 2026",
        "Pied",
        landscape=landscape,
    )
    out = pdfkit.build_pdf(
        tmp_path / "header.pdf", [pdfkit.long_table([["Nom"], ["x"]], [100], pdfkit.table_style())], frame
    )
    texts, _ = drawn(out)[0]
    top = max(t.y for t in texts)
    left, right = sorted((t for t in texts if t.y == top), key=lambda t: t.x)
    assert left.text.startswith("CPTS du Sud Meurthe-et-Moselle")
    assert right.text == "Relevé d'heures — Septembre 2026"
    assert left.right < right.x
    assert left.text.endswith("…") != landscape  # cut only where the room lacks


def test_every_signature_box_keeps_room_to_sign(tmp_path: Path) -> None:
    programme = Programme(
        cpts_name="CPTS du Sud Meurthe-et-Moselle — Lunévillois, Baccarat et Saint-Nicolas-de-Port",
        departement_code="54",
        departement_name="Meurthe-et-Moselle",
        start_date=date(2024, 9, 1),
        representative_name="Dr Marie-Christine Vautrin-Lefèvre",
        representative_title="Présidente du conseil d'administration de la CPTS",
    )
    people = [
        *PEOPLE,
        Ambassador("c", "Dr Marie-Charlotte de La Tour d'Auvergne", Role.MEDICAL),
        Ambassador("d", "Pierre-Emmanuel Schwartzenberger", Role.ADMINISTRATIF),
    ]
    entries = [
        TimeEntry(OCTOBER.first_day, p.id, Mission.FORMATION, "Appel", 60, description="x") for p in people
    ]
    sheet = timesheet.build_timesheet(
        programme, OCTOBER, entries, people, [], TODAY, now=datetime(2024, 11, 1)
    )
    texts, lines = drawn(timesheet.write_pdf(sheet, tmp_path / "sig.pdf"))[-1]
    prompts = [t for t in texts if t.text == "Date et signature :"]
    assert len(prompts) == 5
    bottom = min(min(y1, y2) for x1, y1, x2, y2 in lines if abs(y1 - y2) < 0.01)  # the boxes' bottom line
    for prompt in prompts:
        assert prompt.y - bottom >= 20 * mm  # two centimetres to sign in, at least


@pytest.mark.parametrize(
    ("separator", "expected"),
    [
        (
            "/",
            [
                "• 04-devis-et-factures/2024-10-08-",
                "traiteur-dupont-f-2024-12-facture.pdf :",
                "Traiteur Dupont",
            ],
        ),
        (
            "\\",
            [
                "• 04-devis-et-factures\\2024-10-08-",
                "traiteur-dupont-f-2024-12-facture.pdf :",
                "Traiteur Dupont",
            ],
        ),
    ],
)
def test_a_long_path_wraps_after_a_slash_or_a_dash_never_inside_a_name(
    separator: str, expected: list[str]
) -> None:
    """Every PDF table (the bilan, the event dossiers, the expenses statement) breaks a file's
    path in the pack where a reader expects it."""
    style = pdfkit.styles()["small"]
    text = (
        f"• 04-devis-et-factures{separator}2024-10-08-traiteur-dupont-f-2024-12-facture.pdf : Traiteur Dupont"
    )
    cell = pdfkit.fit(text, 150, style)
    assert cell.text.split("<br/>") == [line.replace(" :", "\u00a0:") for line in expected]
    assert pdfkit.fit("texte court", 150, style) == "texte court"
    # A long text without a path still wraps between words, as the Paragraph does.
    prose = "une phrase assez longue pour tenir sur plusieurs lignes de la cellule"
    assert pdfkit.fit(prose, 150, style).text == prose
