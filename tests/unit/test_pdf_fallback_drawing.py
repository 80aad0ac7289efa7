"""Letters the base fonts cannot draw (« Łukasz »), where the documents draw them: in bold where
the text is bold (titles, labels, headings), and in the rétroplanning's Gantt chart, where each
run of one font is placed right after the previous one and measured in its own font."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from ambassadeur_app.domain.model import Ambassador, Mission, Role
from ambassadeur_app.domain.planning import PlannedAction
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports.planning import ACTION_WIDTH, NUMBER_WIDTH, build_planning, write_gantt
from ambassadeur_app.reports.tables import Column, Section, TableDocument, write_pdf
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY, plain
from tests.unit.test_pdf_fonts import OCTOBER, carnet, fonts, read_back

BOLD, REGULAR = "DejaVuSans-Bold", "DejaVuSans"


class Run:
    """A piece of text the PDF draws in one font, where it starts on the page's first line."""

    def __init__(self, text: str, font: str, size: float, x: float, y: float) -> None:
        self.text, self.font, self.size, self.x, self.y = text, font, size, x, y

    @property
    def end(self) -> float:
        return self.x + stringWidth(self.text, self.font, self.size)


def runs(path: Path, page: int = 0) -> list[Run]:
    """Return the runs of text of a page, in drawing order, each with its font (subset prefix
    dropped)."""
    found: list[Run] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and font:
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            found.append(Run(text.rstrip("\n"), name, size * tm[0], tm[4], tm[5]))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def test_bold_text_draws_its_fallback_letters_in_bold(tmp_path: Path) -> None:
    """The title, a header line's label and a section's heading are bold, the header line's
    value and the cells regular: « Ł » follows them."""
    document = TableDocument(
        "Équipe de Łukasz",
        [("Référent Ł", "Łukasz Wiśniewski")],
        [Section("Visites à Łódź", [Column("Nom"), Column("Ville")], [["Łukasz", "Łódź"]])],
    )
    path = write_pdf(document, tmp_path / "tableau.pdf")
    text = read_back(path)
    for written in ["Équipe de Łukasz", "Référent Ł : Łukasz Wiśniewski", "Visites à Łódź"]:
        assert written in text, written
    found = runs(path)
    body = [(run.text, run.font) for run in found if run.size >= 8.5 and not pdfkit.base_draws(run.text)]
    assert body == [
        ("Ł", BOLD),  # the title
        ("Ł", BOLD),  # the label
        ("Ł", REGULAR),  # its value
        ("ś", REGULAR),
        ("Ł", BOLD),  # the section's heading
        ("ź", BOLD),
    ]
    cells = [(run.text, run.font) for run in found if run.size == pdfkit.styles()["small"].fontSize]
    assert cells[:4] == [
        ("Nom", "Helvetica-Bold"),
        ("Ville", "Helvetica-Bold"),
        ("Ł", REGULAR),
        ("ukasz", "Helvetica"),
    ]


def test_the_title_of_one_ambassadors_timesheet_draws_the_name_in_bold(tmp_path: Path) -> None:
    with carnet(tmp_path / "c.ambassadeur", ["Łukasz Wiśniewski"], ["Visite"]) as service:
        only = service.find_ambassador("Łukasz Wiśniewski").id
        pdf = service.export_timesheet(OCTOBER, "pdf", tmp_path / "releve.pdf", only)
    assert "Relevé d'heures — Octobre 2024 — Łukasz Wiśniewski" in read_back(pdf)
    title = [run for run in runs(pdf) if run.size == 15]  # the title's size (see ``styles``)
    assert [(run.text, run.font) for run in title] == [
        ("Relevé d'heures — Octobre 2024 — ", "Helvetica-Bold"),
        ("Ł", BOLD),
        ("ukasz Wi", "Helvetica-Bold"),
        ("ś", BOLD),
        ("niewski", "Helvetica-Bold"),
    ]
    assert {BOLD, REGULAR} <= fonts(pdf)


def planned(service: CarnetService, title: str) -> Path:
    """Plan one action of ``title`` led by Łukasz Wiśniewski; return the Gantt chart's PDF."""
    service.setup(PROGRAMME, [Ambassador("", "Łukasz Wiśniewski", Role.MEDICAL)])
    leader = service.find_ambassador("Łukasz Wiśniewski").id
    start, end = date(2024, 10, 1), date(2024, 10, 31)
    service.planning.save_action(PlannedAction(title, Mission.PROMOTION, start, end, ambassador_id=leader))
    return write_gantt(build_planning(service), service.path.parent / "gantt.pdf")


def test_the_gantt_chart_draws_names_beyond_french_in_their_fallback_font(tmp_path: Path) -> None:
    with open_service(tmp_path / "c.ambassadeur", create=True, today=lambda: TODAY) as service:
        path = planned(service, "Rencontre avec Łukasz Ørsted à Łódź")
    # Read as a reader lays the page out: each line's runs joined where they touch.
    laid_out = PdfReader(path).pages[0].extract_text(extraction_mode="layout")
    lines = [" ".join(plain(line).split()) for line in laid_out.split("\n")]
    assert "1 Rencontre avec Łukasz Ørsted à Łódź À faire !" in lines
    assert "Promotion — Łukasz Wiśniewski ! EN RETARD (15 j)" in lines
    whole = read_back(path)
    for wrong in ("■", "?", pdfkit.LOST):
        assert wrong not in whole
    found = runs(path)
    title = [run for run in found if run.y == found[[r.text for r in found].index("Rencontre avec ")].y]
    assert [(run.text, run.font) for run in title] == [
        ("Rencontre avec ", "Helvetica-Bold"),
        ("Ł", BOLD),
        ("ukasz Ørsted à ", "Helvetica-Bold"),
        ("Ł", BOLD),
        ("ód", "Helvetica-Bold"),
        ("ź", BOLD),
    ]
    for before, after in pairwise(title):  # each run right after the previous
        assert abs(after.x - before.end) < 1e-3, (before.text, after.text)
    assert [run.font for run in found if run.text in ("Ł", "ś") and run.size < 7] == [REGULAR, REGULAR]


def test_a_long_title_beyond_french_wraps_within_its_column(tmp_path: Path) -> None:
    """Measured in the fonts that draw it (a Cyrillic letter is far wider in DejaVu Sans than
    what Helvetica's metrics give it): no line runs over the status column."""
    title = " ".join(["Щукин Жуков Шишкин"] * 8)
    with open_service(tmp_path / "c.ambassadeur", create=True, today=lambda: TODAY) as service:
        path = planned(service, title)
    found = runs(path)
    column_end = NUMBER_WIDTH + ACTION_WIDTH - 2  # the 2 points of margin inside the column
    lines = sorted({run.y for run in found if "Щ" in run.text or "Ж" in run.text}, reverse=True)
    assert len(lines) == 2  # wrapped, the second line cut with « … »
    for y in lines:
        on_line = [run for run in found if run.y == y and run.x < column_end]
        assert max(run.end for run in on_line) <= column_end
        assert max(run.end for run in on_line) > column_end - 30  # the line is filled, not cut short
    assert "…" in "".join(run.text for run in found if run.y == lines[1])
