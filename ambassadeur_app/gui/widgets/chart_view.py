"""A chart of ``reports/charts.py`` drawn in the window: its SVG (``to_svg``, the same
definition as in the PDF) rendered by QtSvg, at its own aspect ratio, with its values in the
tooltip and the accessible description (readable without the picture)."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ambassadeur_app.reports.charts import Chart, describe, to_svg

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

WIDTH, HEIGHT = 480, 260  # the chart's drawing size: shown 1:1 when there is room
MIN_WIDTH = 360  # below that its 7-point labels would not read


@lru_cache(maxsize=64)
def chart_svg(chart: Chart) -> bytes:
    """Return the chart's SVG, drawn once per distinct chart (a refresh with the same figures
    draws nothing again)."""
    return to_svg(chart, WIDTH, HEIGHT)


def values_html(chart: Chart, values: tuple[tuple[str, str], ...]) -> str:
    """Return the chart's values as a small table (its tooltip)."""
    rows = "".join(
        f"<tr><td>{escape(label)}</td><td align='right'>&nbsp;{escape(value)}</td></tr>"
        for label, value in values
    )
    table = f"<table cellspacing='0' cellpadding='1'>{rows}</table>" if rows else escape(describe(chart))
    return f"<b>{escape(chart.title)}</b>{table}"


class ChartView(QWidget):
    """Shows one chart, its aspect ratio kept, centred in the room the layout gives it.

    Its first chart is drawn just after the widget's first paint (``loaded`` tells when): the
    window shows its text at once, and reportlab and QtSvg are imported and the SVG drawn
    right after (some 0.25 s the first time); later charts replace it at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.renderer: QSvgRenderer | None = None
        self.loaded = False  # the renderer holds ``chart``
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(MIN_WIDTH, MIN_WIDTH * HEIGHT // WIDTH)
        self.hide()  # until it has a chart

    def set_chart(self, chart: Chart | None, values: tuple[tuple[str, str], ...] = ()) -> None:
        """Show ``chart`` (nothing for ``None``); ``values`` are its figures in words."""
        if chart == self.chart:
            return
        self.chart = chart
        self.loaded = False
        self.setToolTip(values_html(chart, values) if chart else "")
        self.setAccessibleName(chart.title if chart else "")
        self.setAccessibleDescription(describe(chart) if chart else "")
        if self.renderer is not None:
            self._load()
        self.setVisible(chart is not None)
        self.update()

    def _load(self) -> None:
        from PySide6.QtSvg import QSvgRenderer

        if self.loaded or self.chart is None:
            return
        if self.renderer is None:
            self.renderer = QSvgRenderer(self)
            self.renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.renderer.load(QByteArray(chart_svg(self.chart)))
        self.loaded = True
        self.update()

    def set_width(self, width: int) -> None:
        """Take ``width`` (at least MIN_WIDTH) and the height of the chart's aspect ratio."""
        width = max(width, MIN_WIDTH)
        self.setFixedSize(width, self.heightForWidth(width))

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, HEIGHT)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * HEIGHT // WIDTH

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.chart is None:
            return
        painter = QPainter(self)
        if not self.loaded or self.renderer is None:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"{self.chart.title}…")
            painter.end()
            QTimer.singleShot(0, self._load)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.renderer.render(painter, QRectF(self.rect()))  # KeepAspectRatio: centred, not stretched
        painter.end()
