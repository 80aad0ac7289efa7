"""The printable satisfaction questionnaire (PDF), handed out on paper after an event or sent
with the questionnaire on the tool.

A4 portrait: the CPTS, the event (title, date, place) and the funder, then each question with
its boxes to tick (four levels, no neutral point), the 0–10 recommendation scale and a box for
comments. The default questions fit one page. A box « N° » at the top is where the form's
number is written when its answers are typed in, so that a form can be found again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.events import Event
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import Programme
from ambassadeur_app.domain.surveys import Question, QuestionKind, Survey
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports.attendance import funder_text

PAGE_WIDTH_MM = 180  # A4 portrait within the margins
LEVEL_MM = 21  # a level's column of a 4-level question
BOX_PT = 9  # a box to tick, in points
COMMENT_MM = 45  # the height of a comment's box
INTRO = (
    "Votre avis nous aide à améliorer les actions de la CPTS. Pour chaque question, cochez une "
    "seule case. Ce questionnaire est anonyme."
)


@dataclass(frozen=True)
class Questionnaire:
    """What the questionnaire prints, built once from the carnet."""

    cpts: str
    title: str
    info: list[tuple[str, str]]
    questions: tuple[Question, ...]
    generated_at: datetime = field(default_factory=datetime.now)


def build_questionnaire(programme: Programme, survey: Survey, event: Event | None) -> Questionnaire:
    """Return the questionnaire of ``survey`` (``event``: the event it follows, if any)."""
    cpts = programme.cpts_label
    info = [("CPTS", cpts)]
    if event is not None:
        title = "Questionnaire de satisfaction"
        dates = ", ".join(session.label for session in event.sessions)
        info += [
            ("Événement", f"{event.kind.label} — {event.title}"),
            ("Date" if len(event.sessions) == 1 else "Dates", dates),
            ("Lieu", event.where),
        ]
    else:
        title = survey.title
        if survey.diffused_on is not None:
            info.append(("Diffusé le", format_date(survey.diffused_on)))
    info.append(("Financeur", funder_text(programme)))
    return Questionnaire(cpts, title, info, survey.questions)


def write_pdf(sheet: Questionnaire, path: Path) -> Path:
    """Write the questionnaire as A4 portrait pages numbered « Page X sur Y »."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    style = pdfkit.styles()
    base = style["base"]
    story: list[Any] = [
        Table(
            [[Paragraph(pdfkit.para_text(sheet.title, pdfkit.FONT_BOLD), style["title"]), "N° ________"]],
            colWidths=[150 * mm, 30 * mm],
            style=[
                ("FONT", (1, 0), (1, 0), pdfkit.FONT, 10),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
        pdfkit.info_table(sheet.info, 25 * mm, 155 * mm),
        Spacer(1, 3 * mm),
        Paragraph(pdfkit.para_text(INTRO), base),
        Spacer(1, 3 * mm),
    ]
    numbered = list(enumerate(sheet.questions, start=1))
    for kind, group in groupby(numbered, key=lambda item: item[1].kind):
        items = list(group)
        if kind.is_scale:
            story.append(_scale_table(items, kind, style))
        else:
            for number, question in items:
                story += _open_question(number, question, style)
        story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("Merci de votre participation !", style["bold"]))
    frame = pdfkit.PageFrame(
        title=sheet.title,
        header_left=sheet.cpts,
        header_right="Questionnaire de satisfaction",
        footer_left=f"Édité le {sheet.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
    )
    return pdfkit.build_pdf(path, story, frame)


def _box() -> Any:
    """Return a square to tick, centred in its cell."""
    from reportlab.platypus import Flowable

    class Box(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.offset = max((available_width - BOX_PT) / 2, 0)
            return available_width, BOX_PT

        def draw(self) -> None:
            self.canv.setLineWidth(0.8)
            self.canv.rect(self.offset, 0, BOX_PT, BOX_PT)

    return Box()


def _scale_table(items: list[tuple[int, Question]], kind: QuestionKind, style: dict[str, Any]) -> Any:
    """Return the grid of consecutive 4-level questions: a row each, a box per level."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    levels = kind.levels
    text_width = (PAGE_WIDTH_MM - LEVEL_MM * len(levels)) * mm
    head = ParagraphStyle("level", parent=style["small"], fontName=pdfkit.FONT_BOLD, alignment=1)
    question = ParagraphStyle("question", parent=style["base"], fontSize=9.5, leading=11.5)
    data: list[list[Any]] = [
        ["", *(Paragraph(pdfkit.para_text(label, head.fontName), head) for label in levels)]
    ]
    data += [
        [Paragraph(pdfkit.para_text(f"{number}. {q.text}"), question), *(_box() for _ in levels)]
        for number, q in items
    ]
    grid = pdfkit.table_style(
        extra=[
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 1), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
        ]
    )
    return Table(data, colWidths=[text_width] + [LEVEL_MM * mm] * len(levels), style=grid, repeatRows=1)


def _open_question(number: int, question: Question, style: dict[str, Any]) -> list[Any]:
    """Return a recommendation question (eleven boxes, 0 to 10) or a comment's box."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Table

    title = Paragraph(pdfkit.para_text(f"{number}. {question.text}", pdfkit.FONT_BOLD), style["bold"])
    if question.kind is QuestionKind.COMMENT:
        box = Table(
            [[""]],
            colWidths=[PAGE_WIDTH_MM * mm],
            rowHeights=[COMMENT_MM * mm],
            style=pdfkit.table_style(header_rows=0),
        )
        return [KeepTogether([title, box])]
    levels = question.kind.levels
    width = PAGE_WIDTH_MM / len(levels) * mm
    scale = Table(
        [list(levels), [_box() for _ in levels]],
        colWidths=[width] * len(levels),
        style=pdfkit.table_style(
            header_rows=1,
            extra=[("ALIGN", (0, 0), (-1, 0), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        ),
    )
    ends = Table(
        [["0 = pas du tout probable", "10 = tout à fait probable"]],
        colWidths=[PAGE_WIDTH_MM / 2 * mm] * 2,
        style=[
            ("FONT", (0, 0), (-1, -1), pdfkit.FONT, 7.5),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [KeepTogether([title, scale, ends])]
