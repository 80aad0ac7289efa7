"""Shared helpers for PDF documents (reportlab): A4, header on every page, "Page X sur Y".

The base fonts (Helvetica) cover French fully through their WinAnsi encoding (Windows-1252). A
run of other characters (« Łukasz », « Nguyễn », Greek, Cyrillic) is drawn in DejaVu Sans,
shipped in ``resources/fonts`` and read the first time such a text is met: a document in French
alone has the fonts, and the cost, it always had. A character DejaVu Sans lacks too (most
emoji, Chinese) is drawn as ``LOST``, a visible box, never dropped nor turned into « ? ».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.text import printable
from ambassadeur_app.reports.output import atomic_output

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Flowable

    from ambassadeur_app.reports.paged_table import PagedTable

FONT, FONT_BOLD = "Helvetica", "Helvetica-Bold"
FALLBACK = {FONT: "DejaVuSans", FONT_BOLD: "DejaVuSans-Bold"}  # resources/fonts/NAME.ttf
LOST = "\u25a1"  # □, in place of a character no font of the documents has
_BASE_CHARS = frozenset(bytes(range(256)).decode("cp1252", errors="ignore"))
# The invisible parts of an emoji (variation selectors, skin tones, tags): dropped, the emoji
# itself drawn if a font has it, else as LOST.
_EMOJI_PARTS = re.compile("[\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
HEADER_COLOR = "#DCE6F1"
CELL_SIZE = 8
MAX_CELL_LINES = 30  # a cell's lines of text, wrapping included: about half a landscape page
MORE = " […]"  # ends a cell whose text is cut
_BREAKS = re.compile(r"[^\S\u00a0]+")  # where a line may wrap: any white space but a no-break one


def words(text: str) -> list[str]:
    """Return the words of ``text`` as a Paragraph wraps it (a no-break space joins two)."""
    return [word for word in _BREAKS.split(text) if word]


# French typography: the space before « : ; ? ! » and after « « » never breaks a line (it would
# leave the sign alone at the start of the next one).
_SPACE_BEFORE_SIGN = re.compile(r"[ \t]+(?=[:;?!»])")
_SPACE_AFTER_QUOTE = re.compile(r"«[ \t]+")


def pdf_text(text: str) -> str:
    """Return ``text`` as the documents draw it: with French no-break spaces, composed accents,
    and ``LOST`` for each character no font of theirs has."""
    text = printable(text).replace("\u202f", "\u00a0")
    text = _SPACE_AFTER_QUOTE.sub("«\u00a0", _SPACE_BEFORE_SIGN.sub("\u00a0", text))
    if base_draws(text):
        return text
    import unicodedata

    # « Nguyễn » typed as e + two combining accents draws as one letter.
    text = _EMOJI_PARTS.sub("", unicodedata.normalize("NFC", text))
    drawn = _fallback_chars()
    return "".join(char if char in _BASE_CHARS or ord(char) in drawn else LOST for char in text)


def para_text(text: str, font: str = FONT) -> str:
    """Return ``text`` ready for a reportlab ``Paragraph`` whose style's font is ``font``
    (escaped, line breaks kept, what the base fonts cannot draw in ``font``'s fallback)."""
    markup = "".join(
        escape(run, quote=False) if face == font else f'<font face="{face}">{escape(run, quote=False)}</font>'
        for run, face in font_runs(pdf_text(text), font)
    )
    return markup.replace("\n", "<br/>")


def base_draws(text: str) -> bool:
    """Tell whether the base fonts draw every character of ``text`` (French always)."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def fallback_font(font: str) -> str:
    """Return the font that draws what the base font ``font`` cannot (registered)."""
    return str(_fallback(FALLBACK[FONT_BOLD if font == FONT_BOLD else FONT]).fontName)


@cache
def _fallback(name: str) -> TTFont:
    """Read and register a fallback font (the first time a text needs it)."""
    from reportlab.pdfbase.pdfmetrics import registerFont
    from reportlab.pdfbase.ttfonts import TTFont

    from ambassadeur_app import paths

    loaded = TTFont(name, str(paths.resource_dir() / "fonts" / f"{name}.ttf"))
    registerFont(loaded)
    return loaded


@cache
def _fallback_chars() -> frozenset[int]:
    """Return the characters both fallback fonts draw (reading them: a text needs them).

    Those past U+FFFF (DejaVu's few emoji) are left out: reportlab writes their text for
    copying and searching wrong (« 😀 » read back as « ὠ »).
    """
    regular, bold = (_fallback(name).face.charToGlyph for name in FALLBACK.values())
    return frozenset(code for code in regular.keys() & bold.keys() if code <= 0xFFFF)


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """Split ``text`` (as ``pdf_text`` leaves it) into runs, each with the font that draws it:
    ``font``, or its fallback for what the base fonts cannot draw (French: one run in ``font``)."""
    if base_draws(text):
        return [(text, font)]
    fallback = fallback_font(font)
    return [
        ("".join(chars), font if base else fallback)
        for base, chars in groupby(text, _BASE_CHARS.__contains__)
    ]


def text_width(text: str, font: str, size: float) -> float:
    """Return how wide ``text`` (as ``pdf_text`` leaves it) is drawn in ``font`` and its fallback."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(float(stringWidth(run, face, size)) for run, face in font_runs(text, font))


def measurer(font: str, size: float, plain: bool) -> Callable[[str], float]:
    """Return what measures texts in ``font``: its own metrics alone for ``plain`` texts (the
    base fonts draw them all: French; the fast way), else ``text_width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if plain:
        return lambda part: float(stringWidth(part, font, size))
    return lambda part: text_width(part, font, size)


def draw_text(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw ``text`` (as ``pdf_text`` leaves it) from ``x`` on ``canvas``, each run in its font,
    as one piece of text (copied or searched whole)."""
    line = canvas.beginText(x, y)
    for run, face in font_runs(text, font):
        line.setFont(face, size)
        line.textOut(run)
    canvas.drawText(line)


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
        "cell": ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE, leading=9.5),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
        "right": ParagraphStyle("right", parent=base, alignment=2),
    }


def table_style(header_rows: int = 1, extra: Sequence[tuple[Any, ...]] = (), size: float = CELL_SIZE) -> Any:
    """Return the grid style used by every table of the documents, its text ``size`` points.

    A plain cell (a string, see ``fit``) is drawn in the table's font: regular, bold in the
    header rows, all of one size.
    """
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#7F8C99")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, size),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_COLOR)),
        ]
    return TableStyle([*commands, *extra])


def long_table(
    data: list[list[Any]], widths: Sequence[float], style: Any, *, footer_rows: int = 0
) -> PagedTable:
    """Return a table that runs over as many pages as it needs, laid out in linear time.

    Its first row (the column titles) is repeated at the top of every page and never left
    alone at the bottom of one; its last ``footer_rows`` rows (totals) are never alone on a
    page either: they take the last rows of the table along. ``style`` is a ``table_style``
    over the whole table (header, rows and totals), as for a reportlab ``Table``.
    """
    from ambassadeur_app.reports.paged_table import paged_table

    return paged_table(data, widths, style, header=1, footer=footer_rows)


def info_table(info: Sequence[tuple[str, str]], label_width: float, text_width: float) -> Flowable:
    """Return a document's header lines: a bold label, then its text (fitted to ``text_width``)."""
    from reportlab.platypus import Paragraph, Table

    base = styles()["base"]
    return Table(
        [[Paragraph(f"<b>{label}</b>", base), fit(text, text_width, base)] for label, text in info],
        colWidths=[label_width, text_width],
        style=[
            ("FONT", (0, 0), (-1, -1), base.fontName, base.fontSize),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )


def titled(heading: Sequence[Flowable], table: PagedTable, width: float) -> list[Flowable]:
    """Return ``heading`` (a section's title, its note) then ``table``, never apart.

    A title's ``keepWithNext`` binds it to the next flowable only, not to a table's rows: a
    conditional page break ahead asks for the room of the heading and of the table's start.
    """
    from reportlab.platypus import CondPageBreak

    height = sum(f.wrap(width, 0x7FFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in heading)
    return [CondPageBreak(height + table.start_height()), *heading, table]


INNER_MARGIN = 12  # a table cell's left and right padding (6 points each)
CELL_PADDING = INNER_MARGIN + 1  # and a point of air
MIN_WORD_SHARE = 0.4  # a single "word" wider than this share of the table is garbage: cut it
MIN_GARBAGE_WIDTH = 40  # points (some ten characters) a column cut for a garbage word keeps at least


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
    totals: Sequence[str] = (),
) -> list[float]:
    """Size a table's columns from their content so that no word is ever cut.

    Each column is at least as wide as its longest word: its texts' in ``style``, its title's
    and its total's (``totals``, the closing row, plain) in bold of the same size. Cells then
    wrap on spaces only, never inside a word, a name or an identifier. What is left of
    ``available`` goes to the columns whose texts are longer than that, in proportion to
    what they lack to sit on one line (or to ``grow`` when everything fits). Only a "word"
    wider than ``MIN_WORD_SHARE`` of the table (pasted garbage) is ever cut, in its own
    column: when the words do not fit, the columns holding such a word give up their room
    first (down to ``MIN_GARBAGE_WIDTH``), then the widest columns, down to a width no other
    column goes below.

    Returns:
        The widths, in points, adding up to ``available``.
    """
    measured = _measure(columns, titles, style, available, totals)
    needs = [need for need, _, _ in measured]
    wants = [want for _, want, _ in measured]
    if sum(wants) <= available:
        spare = available - sum(wants)
        if grow is not None:
            return [w + (spare if index == grow else 0) for index, w in enumerate(wants)]
        return [w + spare * w / sum(wants) for w in wants]
    spare = available - sum(needs)
    if spare <= 0:
        garbage = [cut for _, _, cut in measured]
        whole = sum(need for need, cut in zip(needs, garbage, strict=True) if not cut)
        if any(garbage) and (share := (available - whole) / sum(garbage)) >= MIN_GARBAGE_WIDTH:
            return [share if cut else need for need, cut in zip(needs, garbage, strict=True)]
        level = _level(needs, available)
        return [min(need, level) for need in needs]
    lacking = [want - need for need, want, _ in measured]
    return [need + spare * lack / sum(lacking) for need, lack in zip(needs, lacking, strict=True)]


def _level(needs: Sequence[float], available: float) -> float:
    """Return the width ``level`` such that the ``needs``, none above it, add up to ``available``."""
    rest = available
    for count, need in enumerate(sorted(needs)):
        share = rest / (len(needs) - count)
        if need >= share:
            return share
        rest -= need
    return max(needs)  # they all fit


def words_fit(columns: Sequence[Sequence[str]], titles: Sequence[str], available: float, style: Any) -> bool:
    """Tell whether every word of the table fits its column in ``style`` (see ``column_widths``)."""
    return sum(need for need, _, _ in _measure(columns, titles, style, available)) <= available


def _measure(
    columns: Sequence[Sequence[str]],
    titles: Sequence[str],
    style: Any,
    available: float,
    totals: Sequence[str] = (),
) -> list[tuple[float, float, bool]]:
    """Return, per column, the width of its longest word and of its longest text, padded, and
    whether that word is garbage (wider than ``MIN_WORD_SHARE`` of the table: the width is
    capped there)."""
    cap = available * MIN_WORD_SHARE
    size = style.fontSize
    measured = []
    for index, (texts, title) in enumerate(zip(columns, titles, strict=True)):
        cleaned = [pdf_text(text) for text in set(texts)]  # a register repeats its professions
        width = measurer(style.fontName, size, base_draws("".join(cleaned)))
        found = {word for clean in cleaned for word in words(clean)}
        longest = max(map(width, cleaned), default=0.0)
        bold = words(pdf_text(title))
        if index < len(totals):
            total = pdf_text(totals[index])
            bold += words(total)
            longest = max(longest, text_width(total, FONT_BOLD, size))
        need = max(map(width, found), default=0.0)
        need = max([need, *(text_width(w, FONT_BOLD, size) for w in bold)])
        garbage = need > cap
        need = min(need, cap) + CELL_PADDING
        measured.append((need, max(min(longest, 2 * cap) + CELL_PADDING, need), garbage))
    return measured


def fit(text: str, width: float, style: Any, tail: str = "") -> Any:
    """Return ``text + tail`` as a plain (fast) cell if it fits ``width`` points, else a Paragraph.

    A plain cell is drawn in the table's font, which must be ``style``'s (see ``table_style``).
    The Paragraph keeps the text's line breaks and wraps between words; a word wider than the
    cell (a file's path) is broken after a « / », « \\ » or « - », never inside a name, and
    cut by characters only when a piece is still too wide. A table row cannot break across pages: a text that
    would wrap to more than ``MAX_CELL_LINES`` lines is cut there and ends with « […] »
    (the xlsx keeps it whole); ``tail`` (a remark) is never cut: it then follows on lines
    of its own.
    """
    from reportlab.platypus import Paragraph

    clean = pdf_text(text + tail)
    room = width - INNER_MARGIN
    plain = base_draws(clean)
    measure = measurer(style.fontName, style.fontSize, plain)
    # A plain cell is drawn in one font: a text needing the fallback one is a Paragraph.
    if plain and "\n" not in clean and measure(clean) <= room:
        return clean
    clean = _separated(clean, room, measure)
    # Greedy wrapping fills two lines with more than a line's room: a text shorter than
    # that bound needs no counting of its lines.
    bound = clean.count("\n") + 1 + 2 * measure(clean) / max(room - 2 * style.fontSize, 1)
    if bound > MAX_CELL_LINES and len(_wrapped(clean, room, measure)) > MAX_CELL_LINES:
        ending = (
            _wrapped(_separated(pdf_text(tail).strip(), room, measure), room, measure) if tail.strip() else []
        )
        lines = _wrapped(_separated(pdf_text(text), room, measure), room, measure)[
            : MAX_CELL_LINES - len(ending)
        ]
        last = lines.pop()
        keep = _prefix(last, room - measure(MORE), measure)
        if keep < len(last) and " " in last[1 : keep + 1]:
            keep = last.rindex(" ", 1, keep + 1)  # cut between words
        clean = "\n".join([*lines, last[:keep].rstrip() + MORE, *ending])
    return Paragraph(para_text(clean, style.fontName), style)


_SEPARATOR = re.compile(r"[/\\-]")
_AFTER_SEPARATOR = re.compile(r"(?<=[/\\-])")


def _separated(text: str, room: float, measure: Callable[[str], float]) -> str:
    """Return ``text`` with each word wider than ``room`` points that holds a « / », « \\ » or
    « - » (a file's path) broken onto new lines after those signs, never inside a name; any
    other text is returned as it is."""
    if not any(_SEPARATOR.search(word) and measure(word) > room for word in words(text)):
        return text
    lines = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            pieces = _AFTER_SEPARATOR.split(word) if measure(word) > room else [word]
            for index, piece in enumerate(pieces):
                joined = current + (" " if current and index == 0 else "") + piece
                if current and measure(joined) > room:
                    lines.append(current)
                    current = piece
                else:
                    current = joined
        lines.append(current)
    return "\n".join(lines)


def _wrapped(text: str, room: float, measure: Callable[[str], float]) -> list[str]:
    """Return the lines ``text`` wraps to in ``room`` points, as a Paragraph wraps it (one
    more than ``MAX_CELL_LINES`` at most)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in words(paragraph):
            joined = f"{line} {word}" if line else word
            if measure(joined) <= room:
                line = joined
                continue
            if line:
                lines.append(line)
            while measure(word) > room and len(lines) <= MAX_CELL_LINES:  # cut by characters
                cut = _prefix(word, room, measure)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
        if len(lines) > MAX_CELL_LINES:
            break
    return lines


def _prefix(text: str, room: float, measure: Callable[[str], float]) -> int:
    """Return how many first characters of ``text`` fit ``room`` points (one at least)."""
    used = 0.0
    for index, char in enumerate(text):
        used += measure(char)
        if used > room:
            return max(index, 1)
    return len(text)


def clipped(text: str, room: float, font: str, size: float) -> str:
    """Return ``text``, cut with « … » if it is wider than ``room`` points in ``font``."""
    measure = measurer(font, size, base_draws(text))
    if measure(text) <= room:
        return text
    return text[: _prefix(text, room - measure("…"), measure)].rstrip(" —") + "…"


def build_pdf(path: Path, story: list[Flowable], frame: PageFrame) -> Path:
    """Lay out ``story`` on A4 pages with the frame's header and footer, atomically."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    pagesize = landscape(A4) if frame.landscape else A4
    # The header's right text is whole; the left one (the CPTS) is cut short of it if need be.
    right, footer = pdf_text(frame.header_right), pdf_text(frame.footer_left)
    right_width = text_width(right, FONT, 8)
    room = pagesize[0] - 30 * mm - right_width - 5 * mm
    left = clipped(pdf_text(frame.header_left), room, FONT_BOLD, 8)

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
            draw_text(self, 15 * mm, height - 10 * mm, left, FONT_BOLD, 8)
            draw_text(self, width - 15 * mm - right_width, height - 10 * mm, right, FONT, 8)
            self.line(15 * mm, height - 11.5 * mm, width - 15 * mm, height - 11.5 * mm)
            draw_text(self, 15 * mm, 8 * mm, footer, FONT, 8)
            self.setFont(FONT, 8)
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
