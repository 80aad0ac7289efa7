"""A chart of ``reports/charts.py`` drawn in the window: its SVG (``to_svg``, the same
definition as in the PDF) rendered by QtSvg, at its own aspect ratio, with its values in the
tooltip and the accessible description (readable without the picture).

The SVG is drawn by reportlab (pure Python, no Qt) in a worker of the thread pool
(``gui/tasks.py``), one chart at a time: importing reportlab and drawing the tableau de bord's
charts took ~140 ms of the GUI thread right after its figures, keys waiting. Meanwhile the chart
shows its title and its values as text; the bytes are handed to the renderer in the GUI thread.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ambassadeur_app.gui import tasks
from ambassadeur_app.reports.charts import Chart, describe, to_svg

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

WIDTH, HEIGHT = 480, 260  # the chart's drawing size: shown 1:1 when there is room
MIN_WIDTH = 360  # below that its 7-point labels would not read
_drawing = threading.Lock()  # reportlab imported and run by one worker at a time


def chart_svg(chart: Chart) -> bytes:
    """Return the chart's SVG (in any thread), drawn once per distinct chart (a refresh with
    the same figures draws nothing again)."""
    with _drawing:
        return _svg(chart)


@lru_cache(maxsize=64)
def _svg(chart: Chart) -> bytes:
    return to_svg(chart, WIDTH, HEIGHT)


def values_html(chart: Chart, values: tuple[tuple[str, str], ...]) -> str:
    """Return the chart's values as a small table (its tooltip)."""
    rows = "".join(
        f"<tr><td>{escape(label)}</td><td align='right'>&nbsp;{escape(value)}</td></tr>"
        for label, value in values
    )
    table = f"<table cellspacing='0' cellpadding='1'>{rows}</table>" if rows else escape(describe(chart))
    return f"<b>{escape(chart.title)}</b>{table}"


def value_lines(chart: Chart, values: tuple[tuple[str, str], ...]) -> list[str]:
    """Return the chart's title and values, a line each (shown until it is drawn)."""
    lines = [f"{label} : {value}" for label, value in values] or describe(chart).split(" ; ")
    return [chart.title, *lines]


class ChartView(QWidget):
    """Shows one chart, its aspect ratio kept, centred in the room the layout gives it.

    Each chart is drawn in a worker once the widget is first painted with it (a chart scrolled
    out of sight waits), on a zero timer (after the work of the moment: the window's figures,
    the carnet page behind Ctrl+1); ``loaded`` tells when it is on screen. Until then the
    widget shows the chart's title and values.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.values: tuple[tuple[str, str], ...] = ()
        self.renderer: QSvgRenderer | None = None
        self.loaded = False  # the renderer holds ``chart``
        self.task: tasks.Task | None = None  # a worker drawing a chart
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(MIN_WIDTH, MIN_WIDTH * HEIGHT // WIDTH)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))  # the chart's own ground
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.hide()  # until it has a chart

    def set_chart(self, chart: Chart | None, values: tuple[tuple[str, str], ...] = ()) -> None:
        """Show ``chart`` (nothing for ``None``); ``values`` are its figures in words."""
        if chart == self.chart:
            return
        self.chart, self.values = chart, values
        self.loaded = False
        self.setToolTip(values_html(chart, values) if chart else "")
        self.setAccessibleName(chart.title if chart else "")
        self.setAccessibleDescription(describe(chart) if chart else "")
        self.setVisible(chart is not None)
        self.update()

    def _draw(self) -> None:
        """Draw the chart's SVG in a worker, unless it is drawn or a worker is drawing (a chart
        set meanwhile is drawn after it)."""
        chart = self.chart
        if self.loaded or self.task is not None or chart is None:
            return
        self.task = tasks.Task(lambda progress, cancelled: (chart, chart_svg(chart)))
        self.task.signals.finished.connect(self._drawn)
        self.task.signals.failed.connect(self._failed)
        tasks.start(self.task)

    def _drawn(self, drawn: tuple[Chart, bytes]) -> None:
        """Show the SVG a worker drew, if its chart is still this widget's (GUI thread)."""
        from PySide6.QtCore import Qt
        from PySide6.QtSvg import QSvgRenderer

        self.task = None
        chart, svg = drawn
        if chart != self.chart:
            self.update()  # another chart since: drawn at this paint
            return
        if self.renderer is None:
            self.renderer = QSvgRenderer(self)
            self.renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.renderer.load(QByteArray(svg))
        self.loaded = True
        self.update()

    def _failed(self, exc: Exception) -> None:
        """The drawing failed: the values stay shown; the error is reported as any other."""
        self.task = None
        raise exc

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
            # Painted with the window's figures: nothing here builds the ``Qt`` namespace (the
            # white ground is the palette's: ``fillRect`` would build it).
            metrics = self.fontMetrics()
            for number, line in enumerate(value_lines(self.chart, self.values)):
                painter.drawText(QPoint(8, 8 + metrics.ascent() + number * metrics.lineSpacing()), line)
            painter.end()
            QTimer.singleShot(0, self._draw)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.renderer.render(painter, QRectF(self.rect()))  # KeepAspectRatio: centred, not stretched
        painter.end()
