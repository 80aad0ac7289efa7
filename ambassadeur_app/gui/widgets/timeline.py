"""The rétroplanning's timeline in the window: the Gantt chart of the PDF, drawn as SVG.

One chart definition (``reports.planning.gantt_drawing``) serves the PDF and the screen, so what
the binôme sees is what the funder will read: months as columns with their French names, the
planned bar outlined and hatched, the actual bar filled, today's dashed line, and a late action
marked by a triangle and the words « EN RETARD » (readable without colour). The drawing is made
again for the width of the view, at a legible scale; a click on a row selects its action.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QScrollArea, QWidget

from ambassadeur_app import paths
from ambassadeur_app.reports.pdf import FALLBACK
from ambassadeur_app.reports.planning import HEADER, ROW, Planning, PlanningRow, gantt_drawing

SCALE = 1.35  # screen pixels per point of the drawing: its 7 pt texts read at about 9.5 px
MIN_WIDTH = 640.0  # points: narrower, the month names no longer fit
SELECTED = QColor(48, 120, 200, 50)
# The chart's texts are in Helvetica (the PDF's base font), cut to fit its metrics: fonts of the
# same metrics keep them within their columns on screen (Arial on Windows, Liberation or Nimbus
# Sans on Linux); failing those, a narrow font, in which only the regular weight fits.
SAME_METRICS = ("Helvetica", "Arial", "Liberation Sans", "Nimbus Sans")
QFont.insertSubstitutions("Helvetica", [*SAME_METRICS[1:], "DejaVu Sans Condensed"])


def _svg(planning: Planning, rows: list[PlanningRow], width: float) -> bytes:
    from ambassadeur_app.reports.charts import svg_of

    svg = svg_of(gantt_drawing(planning, rows, width))
    # Qt's SVG reader knows no font named for its weight.
    bold = "; font-weight: bold" if QFontInfo(QFont("Helvetica")).family() in SAME_METRICS else ""
    svg = svg.replace("font-family: Helvetica-Bold", f"font-family: Helvetica{bold}")
    if "font-family: DejaVuSans" in svg:  # letters beyond French, in the PDF's fallback font
        _load_fallback_fonts()
        svg = svg.replace("font-family: DejaVuSans-Bold", "font-family: DejaVu Sans; font-weight: bold")
        svg = svg.replace("font-family: DejaVuSans", "font-family: DejaVu Sans")
    return svg.encode("utf-8")


@functools.cache
def _load_fallback_fonts() -> None:
    """Give Qt the PDF's fallback fonts (shipped with the app, absent from most computers): the
    runs the chart places by their metrics are then drawn in them, without gaps or overlaps."""
    for name in FALLBACK.values():
        QFontDatabase.addApplicationFont(str(paths.resource_dir() / "fonts" / f"{name}.ttf"))


class _Canvas(QWidget):
    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self.view = view
        self.renderer = QSvgRenderer(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.renderer.isValid():
            self.renderer.render(painter, QRectF(0, 0, self.width(), self.height()))
        row = self.view.selected_row()
        if row >= 0:
            top = (HEADER + ROW * row) * SCALE
            painter.fillRect(QRectF(0, top, self.width(), ROW * SCALE), SELECTED)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = int((event.position().y() / SCALE - HEADER) // ROW)
        if event.position().y() / SCALE >= HEADER and 0 <= row < len(self.view.rows):
            self.view.clicked.emit(self.view.rows[row].action.id)
        super().mousePressEvent(event)


class TimelineView(QScrollArea):
    """The Gantt chart of some actions (``show_rows``), fitted to the view's width.

    Signals:
        clicked(str): the id of the action whose row was clicked.
    """

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planning: Planning | None = None
        self.rows: list[PlanningRow] = []
        self.selected_id = ""
        self.canvas = _Canvas(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName("Chronologie du rétroplanning")
        self._drawn_width = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self._draw)

    def show_rows(self, planning: Planning, rows: list[PlanningRow]) -> None:
        """Draw ``rows`` of ``planning`` (the actions the list shows, numbered as in the PDF)."""
        self.planning, self.rows = planning, rows
        self._draw()

    def late_rows(self) -> list[PlanningRow]:
        return [row for row in self.rows if row.late_days]

    def select(self, action_id: str) -> None:
        self.selected_id = action_id
        row = self.selected_row()
        if row >= 0:
            top = int((HEADER + ROW * row) * SCALE)
            self.ensureVisible(0, top + int(ROW * SCALE / 2), 0, int(ROW * SCALE))
        self.canvas.update()

    def selected_row(self) -> int:
        return next((n for n, row in enumerate(self.rows) if row.action.id == self.selected_id), -1)

    def _width(self) -> float:
        return max(MIN_WIDTH, (self.viewport().width() - 2) / SCALE)

    def _draw(self) -> None:
        width = self._width()
        self._drawn_width = width
        if self.planning is None:
            return
        self.canvas.renderer.load(QByteArray(_svg(self.planning, self.rows, width)))
        self.canvas.resize(int(width * SCALE), int((HEADER + ROW * len(self.rows)) * SCALE) + 1)
        self.canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if abs(self._width() - self._drawn_width) >= 1:
            self._timer.start()  # once the user stops dragging: a drawing takes some 30 ms
