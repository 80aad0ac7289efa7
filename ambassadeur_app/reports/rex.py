"""The rapport synthétique de retour d'expérience: the key figures of the period, the journal's
notes grouped by kind (réussites, échecs, leviers, freins, faits marquants), each dated, and the
binôme's text on the pertinence of renewing or generalising the experiment.

``build_rex`` reads the carnet once; the PDF (reportlab) and the .docx (python-docx, for the CPTS
to edit in Word or LibreOffice: real Heading 1/2 styles, real tables, French) render the same
content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.journal import NoteTag
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports.output import atomic_output

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService
    from ambassadeur_app.services.planning import KeyFigure

TITLE = "Rapport synthétique de retour d'expérience"
FORMATS = ("pdf", "docx")
FIGURES_HEADING = "Chiffres clés de la période"
JOURNAL_HEADING = "Enseignements de l'expérimentation"
PERTINENCE_HEADING = "Pertinence de reconduire ou de généraliser l'expérimentation"
NO_NOTE = "Aucune note de ce type dans le journal."
NO_PERTINENCE = "(Texte à rédiger par le binôme ambassadeur.)"


@dataclass(frozen=True)
class RexNote:
    day: date
    text: str
    about: str  # what the note is linked to, « Événement : … ; Structure : … », or ""


@dataclass(frozen=True)
class RexSection:
    heading: str
    notes: list[RexNote]


@dataclass(frozen=True)
class Rex:
    cpts: str
    period: str
    figures: list[KeyFigure]
    sections: list[RexSection]
    pertinence: str
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def header(self) -> list[tuple[str, str]]:
        return [("CPTS", self.cpts), ("Période", self.period), ("Édité le", f"{self.generated_at:%d/%m/%Y}")]


def build_rex(service: CarnetService) -> Rex:
    """Read the key figures, the journal and the pertinence text."""
    planning = service.planning
    programme = service.programme()
    notes = planning.notes()
    views = {view.link: view for view in planning.link_views(k for n in notes for k in n.links)}
    sections = [
        RexSection(
            tag.heading,
            [
                RexNote(note.day, note.text, " ; ".join(views[link].label for link in note.links))
                for note in notes
                if note.tag is tag
            ],
        )
        for tag in NoteTag
    ]
    return Rex(
        cpts=programme.cpts_label,
        period=f"du {format_date(programme.start_date)} au {format_date(programme.end_date)}",
        figures=planning.key_figures(),
        sections=sections,
        pertinence=planning.pertinence(),
    )


def write_rex(service: CarnetService, path: Path, fmt: str) -> Path:
    """Write the retour d'expérience as ``pdf`` or ``docx`` (atomically)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Format inconnu : « {fmt} » (pdf ou docx).", "format")
    rex = build_rex(service)
    return write_pdf(rex, path) if fmt == "pdf" else write_docx(rex, path)


def write_pdf(rex: Rex, path: Path) -> Path:
    """Write the report on A4 portrait pages with page numbers."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    style = pdfkit.styles()
    h1 = ParagraphStyle("h1", parent=style["h2"], fontSize=13, leading=16, spaceBefore=12)
    body = ParagraphStyle("body", parent=style["base"], fontSize=9.5, leading=12.5, spaceAfter=3)
    item = ParagraphStyle("item", parent=body, leftIndent=10, bulletIndent=0)
    about = ParagraphStyle(
        "about", parent=style["small"], leftIndent=10, textColor=HexColor("#404040"), spaceAfter=4
    )
    story: list[Any] = [Paragraph(pdfkit.para_text(TITLE), style["title"])]
    story += [
        Paragraph(f"<b>{label}</b> : {pdfkit.para_text(value)}", style["base"]) for label, value in rex.header
    ]
    story += [Spacer(1, 3 * mm), Paragraph(FIGURES_HEADING, h1)]
    rows = [["Indicateur", "Valeur"], *[[f.label, f.value] for f in rex.figures]]
    data = [
        [
            pdfkit.fit(pdfkit.pdf_text(cell), w, style["cell"])
            for cell, w in zip(row, (120 * mm, 60 * mm), strict=True)
        ]
        for row in rows
    ]
    story.append(Table(data, colWidths=[120 * mm, 60 * mm], style=pdfkit.table_style(size=9), hAlign="LEFT"))
    story.append(Paragraph(JOURNAL_HEADING, h1))
    for section in rex.sections:
        story.append(Paragraph(pdfkit.para_text(section.heading, pdfkit.FONT_BOLD), style["h2"]))
        if not section.notes:
            story.append(Paragraph(NO_NOTE, body))
        for note in section.notes:
            dated = f"<b>{format_date(note.day)}</b> — {pdfkit.para_text(note.text)}"
            story.append(Paragraph(dated, item, bulletText="•"))
            if note.about:
                story.append(Paragraph(f"<i>{pdfkit.para_text(note.about)}</i>", about))
    story.append(Paragraph(PERTINENCE_HEADING, h1))
    for paragraph in (rex.pertinence or NO_PERTINENCE).split("\n\n"):
        story.append(Paragraph(pdfkit.para_text(paragraph), body))
    frame = pdfkit.PageFrame(
        title=TITLE,
        header_left=rex.cpts,
        header_right="Retour d'expérience",
        footer_left=f"Édité le {rex.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
    )
    return pdfkit.build_pdf(path, story, frame)


def write_docx(rex: Rex, path: Path) -> Path:
    """Write the report as a Word document the CPTS can edit: Title, Heading 1 and 2 styles, a
    real table for the figures, bulleted notes, French as the document's language."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    document.core_properties.title = TITLE
    document.core_properties.author = rex.cpts
    document.core_properties.language = "fr-FR"
    # Spelling and hyphenation in French: the language of the template's default run properties.
    for language in document.styles.element.iter(qn("w:lang")):
        language.set(qn("w:val"), "fr-FR")
    document.add_heading(TITLE, level=0)
    for label, value in rex.header:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label} : ").bold = True
        paragraph.add_run(value)
    document.add_heading(FIGURES_HEADING, level=1)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Indicateur", "Valeur"), strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for figure in rex.figures:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = figure.label, figure.value
    document.add_heading(JOURNAL_HEADING, level=1)
    for section in rex.sections:
        document.add_heading(section.heading, level=2)
        if not section.notes:
            document.add_paragraph(NO_NOTE)
        for note in section.notes:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{format_date(note.day)} — ").bold = True
            paragraph.add_run(note.text)
            if note.about:
                paragraph.add_run(f" ({note.about})").italic = True
    document.add_heading(PERTINENCE_HEADING, level=1)
    for text in (rex.pertinence or NO_PERTINENCE).split("\n\n"):
        document.add_paragraph(text)
    with atomic_output(path) as part:
        document.save(str(part))
    return path
