"""The cards of the tableau de bord: one per indicator, its state in words and a symbol (not in
colour alone), its four lines, its first details and its chart.

Imported with the carnet's first figures, after the window's first paint (``dashboard_page``
shows its frame without them): with it come the formatting of dates (``datetime``) and the
charts. Not PySide6's ``Qt`` namespace (~12 ms, see ``main_window.ACTION_KEYS``): the cards set
their few ``Qt`` values by name (``set_enum``) and colour their state with a palette's brush
(``QPainter.setPen`` and ``QBrush`` build the namespace), so that the figures are on screen
before it is built (with the carnet page, right after).

A card's text is one widget that lays its lines out and paints them (``CardText``): as 24
word-wrapped rich-text labels, the eight cards took ~42 ms to lay out before the first page's
figures could be painted (each label a text document, laid out again at every width its layout
tried); ~8 ms now, the cards' making included. Its words are its accessible description, and
its context menu copies them (the labels could be selected).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from ambassadeur_app.domain.formatting import format_date_long, plural
from ambassadeur_app.gui.widgets.chart_view import ChartView
from ambassadeur_app.gui.widgets.feedback import OK_COLOR, WARN_COLOR

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtGui import QContextMenuEvent, QPaintEvent

    from ambassadeur_app.domain.indicators import Indicator

GROUPS = {
    "objectif": "Objectifs de l'expérimentation (cahier des charges, §5)",
    "budget": "Budget : forfait horaire, forfait événement et subvention",
}
MET, NOT_MET = "✔", "✘"  # the state is also said in words: a black-and-white screen reads it
DETAIL_LINES = 6  # the lines of detail a card lists; the document lists them all
FIELDS = (
    ("Objectif", "target_text"),
    ("Où en est-on", "current_text"),
    ("Reste à faire", "missing_text"),
    ("Tendance", "trend"),
)
# The card's text, in pixels: below the title and the state, between the four lines, above the
# details, after the four lines' titles; its width when nothing constrains it, and its least.
BLOCK_GAP, ROW_GAP, DETAILS_GAP, TITLES_GAP = 6, 4, 10, 12
TEXT_WIDTH, MIN_TEXT_WIDTH = 480, 200
TITLE_SCALE, HEADING_SCALE = 1.15, 1.17


def set_enum(target: QObject, name: str, value: str) -> None:
    """Set a Qt property of enum type by its value's name (« AlignLeft|AlignTop »): no
    ``Qt`` namespace built for it."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__}.{name} = {value!r}")


def situation_html(today: date, met: int, objectives: int) -> str:
    """Return the line above the cards: the day and how many objectives are met."""
    return (
        f"Situation au <b>{format_date_long(today)}</b> : "
        f"{plural(met, 'objectif atteint', 'objectifs atteints')} sur {objectives}."
    )


def bold(font: QFont, scale: float = 1.0) -> QFont:
    """Return ``font`` in bold, ``scale`` times its size."""
    made = QFont(font)
    made.setBold(True)
    if scale != 1.0:
        made.setPointSizeF(font.pointSizeF() * scale)
    return made


def group_heading(group: str) -> QLabel:
    """Return the heading of a group of cards (``objectif``, ``budget``), in plain text."""
    heading = QLabel(GROUPS.get(group, group))
    heading.setFont(bold(heading.font(), HEADING_SCALE))
    heading.setContentsMargins(0, 0, 0, 2)
    heading.setObjectName(f"group_{group}")
    return heading


def status_text(indicator: Indicator) -> str:
    """Return the state of an indicator: a symbol and its words."""
    return f"{MET if indicator.met else NOT_MET} {indicator.status_text}"


def detail_lines(indicator: Indicator) -> list[str]:
    """Return the first DETAIL_LINES lines of detail, then how many more the document lists."""
    lines = list(indicator.detail_lines[:DETAIL_LINES])
    more = len(indicator.detail_lines) - DETAIL_LINES
    if more > 0:
        lines.append(f"… et {plural(more, 'autre')} (dans le document exporté)")
    return lines


class CardText(QWidget):
    """The text of a card, laid out and painted by itself: its title (bold, larger), its state
    (bold, coloured), its four lines (titles in a column, the values wrapped beside them) and
    its details (a bullet each), each wrapped to the widget's width.

    Each paragraph is shaped once (``QTextLayout``); a width only breaks its lines again: the
    layouts ask the height of several widths (``heightForWidth``, kept for each)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.title, self.status = "", ""
        self.rows: tuple[tuple[str, str], ...] = ()
        self.details: tuple[str, ...] = ()
        self._status_format = QTextCharFormat()
        self._paragraphs: list[QTextLayout] = []  # made on first use, in the text's order
        self._column = 0  # the width of the four lines' titles
        self._laid_at = -1  # the width the paragraphs' lines are broken at
        self._heights: dict[int, int] = {}

    def set_text(
        self, title: str, status: str, met: bool, rows: tuple[tuple[str, str], ...], details: tuple[str, ...]
    ) -> None:
        self.title, self.status, self.rows, self.details = title, status, rows, details
        # The state in its colour, a palette's brush: ``QBrush``, ``QPainter.setPen`` and the
        # palette's copy constructor would build ``Qt`` (``palette()`` returns a copy).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(OK_COLOR if met else WARN_COLOR))
        self._status_format.setForeground(palette.windowText())
        self._forget()
        self.setAccessibleName(f"{title} : {status}")
        self.setAccessibleDescription(self.plain_text())

    def plain_text(self) -> str:
        """Return the card's words, a line each: what the context menu copies."""
        rows = [f"{title} : {value}" for title, value in self.rows]
        return "\n".join([self.title, self.status, *rows, *(f"• {line}" for line in self.details)])

    def _forget(self) -> None:
        """Drop the shaped paragraphs (another text, another font)."""
        self._paragraphs, self._laid_at, self._heights = [], -1, {}
        self.updateGeometry()
        self.update()

    def _shaped(self) -> list[QTextLayout]:
        """Return the paragraphs, made once for the text and the font."""
        if not self._paragraphs:
            font = self.font()
            strong = bold(font)
            whole = QTextLayout.FormatRange()
            whole.start, whole.length, whole.format = 0, len(self.status), self._status_format
            status = QTextLayout(self.status, strong)
            status.setFormats([whole])
            rows = [
                QTextLayout(text, strong if column == 0 else font)
                for row in self.rows
                for column, text in enumerate(row)
            ]
            details = [QTextLayout(f"• {line}", font) for line in self.details]
            self._paragraphs = [QTextLayout(self.title, bold(font, TITLE_SCALE)), status, *rows, *details]
            metrics = QFontMetrics(strong)
            self._column = (
                max((metrics.horizontalAdvance(title) for title, _ in self.rows), default=0) + TITLES_GAP
            )
        return self._paragraphs

    def _lay(self, width: int) -> float:
        """Break the paragraphs' lines at ``width``; return the text's height."""
        title, status, *rest = self._shaped()
        rows, details = rest[: 2 * len(self.rows)], rest[2 * len(self.rows) :]
        column = self._column
        top = _wrap(title, 0, width, 0.0) + BLOCK_GAP
        top += _wrap(status, 0, width, top) + BLOCK_GAP
        for name, value in zip(rows[::2], rows[1::2], strict=True):
            top += max(_wrap(name, 0, column, top), _wrap(value, column, width - column, top)) + ROW_GAP
        if details:
            top += DETAILS_GAP - ROW_GAP
            for line in details:
                top += _wrap(line, 0, width, top)
        self._laid_at = width
        return top

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._forget()
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = int(self._lay(width)) + 1
        return self._heights[width]

    def sizeHint(self) -> QSize:
        return QSize(TEXT_WIDTH, self.heightForWidth(TEXT_WIDTH))

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_TEXT_WIDTH, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._laid_at != self.width():
            self._lay(self.width())
        painter = QPainter(self)  # its pen: the palette's text colour
        for paragraph in self._shaped():
            paragraph.draw(painter, QPointF(0, 0))
        painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction("&Copier le texte de la carte").triggered.connect(
            lambda: QGuiApplication.clipboard().setText(self.plain_text())
        )
        menu.exec(event.globalPos())


def _wrap(paragraph: QTextLayout, left: float, room: float, top: float) -> float:
    """Break ``paragraph`` into lines ``room`` wide from (``left``, ``top``); return its height."""
    paragraph.beginLayout()
    height = 0.0
    while (line := paragraph.createLine()).isValid():
        line.setLineWidth(max(room, 1.0))
        line.setPosition(QPointF(left, top + height))
        height += line.height()
    paragraph.endLayout()
    return height


class IndicatorCard(QFrame):
    """One indicator: its title and state, its four lines and details, and its chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.indicator: Indicator | None = None
        layout = QHBoxLayout(self)
        self.text = CardText()
        layout.addWidget(self.text, 1)
        self.chart_view = ChartView()
        chart = QVBoxLayout()  # at the top of the card
        chart.addWidget(self.chart_view)
        chart.addStretch(1)
        layout.addLayout(chart)

    def show_indicator(self, indicator: Indicator) -> None:
        if indicator == self.indicator:
            return
        self.indicator = indicator
        self.setObjectName(f"card_{indicator.key}")
        rows = tuple((title, getattr(indicator, name)) for title, name in FIELDS)
        status = status_text(indicator)
        self.text.set_text(indicator.title, status, indicator.met, rows, tuple(detail_lines(indicator)))
        self.chart_view.set_chart(indicator.chart, indicator.values)
        self.setAccessibleName(f"{indicator.title} : {indicator.status_text}")
