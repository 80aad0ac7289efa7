"""Shared helpers for PDF documents (reportlab): A4, header on every page, "Page X sur Y".

The base fonts (Helvetica) cover French fully through their WinAnsi encoding; characters
outside it are replaced rather than drawn as empty boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.text import printable
from ambassadeur_app.reports.output import atomic_output

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

FONT, FONT_BOLD = "Helvetica", "Helvetica-Bold"
HEADER_COLOR = "#DCE6F1"
CELL_SIZE = 8
MAX_CELL_LINES = 20  # wrapping may double them: 40 lines still fit a landscape page


def pdf_text(text: str) -> str:
    """Return ``text`` limited to what the PDF base fonts can draw."""
    text = printable(text).replace("\u202f", "\u00a0")
    return text.encode("cp1252", errors="replace").decode("cp1252")


def para_text(text: str) -> str:
    """Return ``text`` ready for a reportlab ``Paragraph`` (escaped, line breaks kept)."""
    return escape(pdf_text(text), quote=False).replace("\n", "<br/>")


@dataclass(frozen=True)
class PageFrame:
    """What is printed around every page."""

    title: str
    header_left: str
    header_right: str
    footer_left: str
    landscape: bool = False


def styles() -> dict[str, Any]:
    """Return the paragraph styles shared by the documents."""
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=8.5, leading=10.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
        "right": ParagraphStyle("right", parent=base, alignment=2),
    }


def table_style(header_rows: int = 1, extra: Sequence[tuple[Any, ...]] = ()) -> Any:
    """Return the grid style used by every table of the documents."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#7F8C99")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, CELL_SIZE),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_COLOR)),
        ]
    return TableStyle([*commands, *extra])


def long_table(
    data: list[list[Any]], widths: Sequence[float], style: Any, *, footer_rows: int = 0
) -> Flowable:
    """Return a table that runs over as many pages as it needs, laid out in linear time.

    Its first row (the column titles) is repeated at the top of every page and never left
    alone at the bottom of one; its last ``footer_rows`` rows (totals) are never alone on a
    page either: they take the last rows of the table along. ``style`` is a ``table_style``
    over the whole table (header, rows and totals), as for a reportlab ``Table``.
    """
    from ambassadeur_app.reports.paged_table import paged_table

    return paged_table(data, widths, style, header=1, footer=footer_rows)


INNER_MARGIN = 12  # a table cell's left and right padding (6 points each)
CELL_PADDING = INNER_MARGIN + 1  # and a point of air
MIN_WORD_SHARE = 0.4  # a single "word" wider than this share of the table is garbage: cut it


def header_style(body: Any) -> Any:
    """Return the bold style of a table's column titles, the size of its body."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{body.name}-header", parent=body, fontName=FONT_BOLD)


def column_widths(
    columns: Sequence[Sequence[str]],
    titles: Sequence[str],
    available: float,
    style: Any,
    grow: int | None = None,
) -> list[float]:
    """Size a table's columns from their content so that no word is ever cut.

    Each column is at least as wide as its longest word (its title's in bold): cells then
    wrap on spaces only, never inside a word, a name or an identifier. What is left of
    ``available`` goes to the columns whose texts are longer than that, in proportion to
    what they lack to sit on one line (or to ``grow`` when everything fits). Only a "word"
    wider than ``MIN_WORD_SHARE`` of the table (pasted garbage) is ever cut.

    Returns:
        The widths, in points, adding up to ``available``.
    """
    measured = _measure(columns, titles, style, available)
    needs = [need for need, _ in measured]
    wants = [want for _, want in measured]
    if sum(wants) <= available:
        spare = available - sum(wants)
        if grow is not None:
            return [w + (spare if index == grow else 0) for index, w in enumerate(wants)]
        return [w + spare * w / sum(wants) for w in wants]
    spare = available - sum(needs)
    if spare <= 0:
        return [w * available / sum(needs) for w in needs]
    lacking = [want - need for want, need in measured]
    return [need + spare * lack / sum(lacking) for need, lack in zip(needs, lacking, strict=True)]


def words_fit(columns: Sequence[Sequence[str]], titles: Sequence[str], available: float, style: Any) -> bool:
    """Tell whether every word of the table fits its column in ``style`` (see ``column_widths``)."""
    return sum(need for need, _ in _measure(columns, titles, style, available)) <= available


def _measure(
    columns: Sequence[Sequence[str]], titles: Sequence[str], style: Any, available: float
) -> list[tuple[float, float]]:
    """Return, per column, the width of its longest word and of its longest text, padded."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cap = available * MIN_WORD_SHARE
    size = style.fontSize
    measured = []
    for texts, title in zip(columns, titles, strict=True):
        words: set[str] = set()
        longest = 0.0
        for text in set(texts):  # a register repeats its professions and communes
            clean = pdf_text(text)
            words.update(clean.split())
            longest = max(longest, stringWidth(clean, style.fontName, size))
        need = max((stringWidth(w, style.fontName, size) for w in words), default=0.0)
        need = max([need, *(stringWidth(w, FONT_BOLD, size) for w in pdf_text(title).split())])
        need = min(need, cap) + CELL_PADDING
        measured.append((need, max(min(longest, 2 * cap) + CELL_PADDING, need)))
    return measured


def fit(text: str, width: float, style: Any) -> Any:
    """Return ``text`` as a plain (fast) cell if it fits ``width`` points, else a Paragraph.

    A table row cannot break across pages: a text that would be taller than some
    ``MAX_CELL_LINES`` lines is cut there with « […] » (the xlsx keeps it whole).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    clean = pdf_text(text)
    # A plain cell is drawn in the table's font (CELL_SIZE), bold in header rows.
    if "\n" not in clean and stringWidth(clean, FONT_BOLD, CELL_SIZE) <= width - INNER_MARGIN:
        return clean
    budget = MAX_CELL_LINES * (width - INNER_MARGIN)
    lines = clean.split("\n")
    if len(lines) > MAX_CELL_LINES or stringWidth(clean, style.fontName, style.fontSize) > budget:
        clean = " ".join(lines[:MAX_CELL_LINES])
        used = 0.0
        for index, char in enumerate(clean):
            used += stringWidth(char, style.fontName, style.fontSize)
            if used > budget:
                clean = clean[:index] + " […]"
                break
    return Paragraph(para_text(clean), style)


def build_pdf(path: Path, story: list[Flowable], frame: PageFrame) -> Path:
    """Lay out ``story`` on A4 pages with the frame's header and footer, atomically."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    pagesize = landscape(A4) if frame.landscape else A4

    class NumberedCanvas(Canvas):
        """Delay page output so that each page can print the total page count."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = pagesize
            self.setFont(FONT_BOLD, 8)
            self.drawString(15 * mm, height - 10 * mm, pdf_text(frame.header_left))
            self.setFont(FONT, 8)
            self.drawRightString(width - 15 * mm, height - 10 * mm, pdf_text(frame.header_right))
            self.line(15 * mm, height - 11.5 * mm, width - 15 * mm, height - 11.5 * mm)
            self.drawString(15 * mm, 8 * mm, pdf_text(frame.footer_left))
            self.drawRightString(width - 15 * mm, 8 * mm, f"Page {number} sur {total}")

    with atomic_output(path) as part:
        document = SimpleDocTemplate(
            str(part),
            pagesize=pagesize,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=16 * mm,
            bottomMargin=15 * mm,
            title=pdf_text(frame.title),
            author=pdf_text(frame.header_left),
            lang="fr-FR",
        )
        document.build(story, canvasmaker=NumberedCanvas)
    return path
