"""One chart definition, drawn by ``reportlab.graphics`` into the PDF documents and, as SVG,
into the window (QtSvgWidgets shows the SVG bytes).

A chart must read on a black-and-white print and without the chart at all: its series differ
by marker and dash (or grey level and outline for bars), not by colour alone; every bar and the
last point of every line carry their value; axes are in French number format; and the documents
print the same values in a table beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.formatting import format_number

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

# Markers and dashes of the successive line series; fills of the successive bar series.
MARKERS = ("FilledCircle", "FilledSquare", "FilledTriangle", "Cross")
BAR_FILLS = ("#333333", "#FFFFFF", "#9A9A9A")
FONT = "Helvetica"


@dataclass(frozen=True)
class Series:
    """A line (``points`` are (x, y)) or a row of bars (``points`` are (index, value)).

    ``dashed``: drawn dashed (a projection, what is not yet real).
    """

    label: str
    points: tuple[tuple[float, float], ...]
    dashed: bool = False


@dataclass(frozen=True)
class Chart:
    """What a chart shows: ``kind`` « line » or « bar », its series, an optional target line.

    For a line chart, x values are numbers (days since a start) placed by ``x_ticks`` and named
    by ``x_labels``; for a bar chart, ``x_labels`` name the categories in order.
    """

    kind: str
    title: str
    series: tuple[Series, ...]
    x_labels: tuple[str, ...] = ()
    x_ticks: tuple[float, ...] = ()
    target: float | None = None
    target_label: str = ""
    decimals: int = 0
    from_zero: bool = True  # a count that moves by a few percent reads better from near its values

    def value_text(self, value: float) -> str:
        """Return a value as the chart and its tables print it (``1 234``, ``2 000,00``)."""
        return format_number(value, self.decimals)


def nice_scale(lowest: float, highest: float) -> tuple[float, float, float]:
    """Return an axis bottom, top and step (1, 2 or 5 times a power of ten) for values from
    ``lowest`` to ``highest`` (five steps or so)."""
    if highest <= lowest:
        highest = lowest + 1
    raw = (highest - lowest) / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 5, 10) if f * power >= raw)
    return math.floor(lowest / step) * step, math.ceil(highest / step) * step, step


def drawing(chart: Chart, width: float = 480, height: float = 260) -> Drawing:
    """Return the chart as a reportlab ``Drawing`` (a PDF flowable, or rendered to SVG)."""
    from reportlab.graphics.shapes import Drawing, Rect, String

    out = Drawing(width, height)
    # A white ground: the window may be dark, and an SVG is transparent where nothing is drawn.
    ground = Rect(0, 0, width, height, fillColor=_color("#FFFFFF"))
    ground.strokeColor = None
    out.add(ground)
    out.add(String(8, height - 14, chart.title, fontName=f"{FONT}-Bold", fontSize=10))
    values = [y for series in chart.series for _, y in series.points]
    values += [chart.target] if chart.target is not None else []
    high = max(values, default=1.0)
    low = 0.0 if chart.from_zero or not values else max(0.0, min(values) - (high - min(values)) * 0.25)
    scale = nice_scale(low, high + (high - low) * 0.08)
    plot = (48, 52, int(width) - 48 - 16, int(height) - 52 - 26)  # x, y, width, height: room for the legend
    if chart.target is not None:  # first: the values' labels are written over it
        _target(out, chart, plot, scale)
    if chart.kind == "bar":
        _bars(out, chart, plot, scale)
    else:
        _lines(out, chart, plot, scale)
    _legend(out, chart, 8, 8, width - 16)
    return out


Scale = tuple[float, float, float]  # bottom, top, step of the value axis
Plot = tuple[int, int, int, int]  # x, y, width, height of the plot area


def _value_axis(axis: Any, scale: Scale) -> None:
    axis.valueMin, axis.valueMax, axis.valueStep = scale
    axis.labelTextFormat = lambda value: format_number(value, 0 if scale[2] >= 1 else 1)
    axis.labels.fontName, axis.labels.fontSize = FONT, 7
    axis.visibleGrid = True
    axis.gridStrokeColor = _color("#D0D0D0")
    axis.gridStrokeWidth = 0.3


def _color(text: str) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(text)


def _lines(out: Drawing, chart: Chart, plot: Plot, scale: Scale) -> None:
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import String

    drawn = [s for s in chart.series if s.points]
    xs = [x for series in drawn for x, _ in series.points] + list(chart.x_ticks)
    low, high = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if high <= low:
        high = low + 1
    lines = LinePlot()
    lines.x, lines.y, lines.width, lines.height = plot
    lines.data = [list(series.points) for series in drawn] or [[(low, 0.0)]]
    lines.xValueAxis.valueMin, lines.xValueAxis.valueMax = low, high
    labels = dict(zip(chart.x_ticks, chart.x_labels, strict=False))
    if chart.x_ticks:
        lines.xValueAxis.valueSteps = list(chart.x_ticks)
    lines.xValueAxis.labelTextFormat = lambda value: labels.get(value, format_number(value, 0))
    lines.xValueAxis.labels.fontName, lines.xValueAxis.labels.fontSize = FONT, 7
    lines.xValueAxis.labels.angle, lines.xValueAxis.labels.boxAnchor = 30, "ne"
    _value_axis(lines.yValueAxis, scale)
    for index, series in enumerate(drawn):
        line = lines.lines[index]
        line.strokeColor = _color("#000000")
        line.strokeWidth = 1.2
        if series.dashed:
            line.strokeDashArray = (4, 3)
        line.symbol = _marker(index)
    out.add(lines)
    placed: list[tuple[float, float]] = []
    for series in drawn:  # the last value of each line beside its point, unless one is there
        x, y = series.points[-1]
        px = plot[0] + (x - low) / (high - low) * plot[2]
        py = _y(plot, scale, y)
        if any(abs(px - qx) < 30 and abs(py - qy) < 10 for qx, qy in placed):
            continue
        placed.append((px, py))
        out.add(String(px - 4, py + 5, chart.value_text(y), fontName=FONT, fontSize=7, textAnchor="end"))


def _marker(index: int, x: float = 0, y: float = 0) -> Any:
    """Return the marker of the ``index``-th line series (at ``x``, ``y`` for a legend)."""
    from reportlab.graphics.widgets.markers import makeMarker

    marker = makeMarker(MARKERS[index % len(MARKERS)], size=4)  # type: ignore[no-untyped-call]
    marker.x, marker.y = x, y
    return marker


def _bars(out: Drawing, chart: Chart, plot: Plot, scale: Scale) -> None:
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = plot
    count = len(chart.x_labels)
    data = []
    for series in chart.series:
        row = [0.0] * count
        for index, value in series.points:
            row[int(index)] = value
        data.append(row)
    bars.data = data or [[0.0] * max(count, 1)]
    bars.categoryAxis.categoryNames = list(chart.x_labels)
    bars.categoryAxis.labels.fontName, bars.categoryAxis.labels.fontSize = FONT, 7
    _value_axis(bars.valueAxis, scale)
    bars.barLabelFormat = chart.value_text
    bars.barLabels.fontName, bars.barLabels.fontSize = FONT, 6.5
    bars.barLabels.nudge = 6
    bars.barLabels.boxFillColor = _color("#FFFFFF")
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = _color(BAR_FILLS[index % len(BAR_FILLS)])
        bars.bars[index].strokeColor = _color("#000000")
        bars.bars[index].strokeWidth = 0.6
    out.add(bars)


def _target(out: Drawing, chart: Chart, plot: Plot, scale: Scale) -> None:
    """Draw the target as a dotted line across the plot (its value is in the legend: a label on
    the line would cover the values of the points near it)."""
    from reportlab.graphics.shapes import Line

    assert chart.target is not None
    y = _y(plot, scale, chart.target)
    out.add(Line(plot[0], y, plot[0] + plot[2], y, strokeColor=_color("#000000"), strokeWidth=1,
                 strokeDashArray=(1, 2)))  # fmt: skip


def _y(plot: Plot, scale: Scale, value: float) -> float:
    return plot[1] + (value - scale[0]) / (scale[1] - scale[0]) * plot[3]


def _legend(out: Drawing, chart: Chart, x: float, y: float, room: float) -> None:
    """Draw one sample per series (its marker and dash, or its fill) and the target's."""
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    black = _color("#000000")
    entries: list[tuple[str, Any]] = []
    for index, series in enumerate(chart.series):
        entries.append((series.label, (index, series.dashed)))
    if chart.target is not None:
        entries.append((f"{chart.target_label or 'Objectif'} : {chart.value_text(chart.target)}", None))
    left = x
    for label, sample in entries:
        if sample is None:
            out.add(Line(left, y + 3, left + 18, y + 3, strokeColor=black, strokeDashArray=(1, 2)))
        elif chart.kind == "bar":
            fill = _color(BAR_FILLS[sample[0] % len(BAR_FILLS)])
            swatch = Rect(left + 4, y - 1, 10, 8, fillColor=fill, strokeColor=black)
            swatch.strokeWidth = 0.6
            out.add(swatch)
        else:
            line = Line(left, y + 3, left + 18, y + 3, strokeColor=black)
            if sample[1]:
                line.strokeDashArray = (4, 3)
            out.add(line)
            out.add(_marker(sample[0], left + 9, y + 3))
        out.add(String(left + 22, y, label, fontName=FONT, fontSize=7))
        left += 22 + stringWidth(label, FONT, 7) + 12
        if left > x + room:
            break


def describe(chart: Chart) -> str:
    """Return the chart's values in words (the SVG's description, read by screen readers)."""
    parts = []
    for series in chart.series:
        if chart.kind == "bar":
            shown = [f"{chart.x_labels[int(x)]} {chart.value_text(y)}" for x, y in series.points]
        else:
            shown = [chart.value_text(y) for _, y in series.points]
        parts.append(f"{series.label} : {', '.join(shown)}")
    if chart.target is not None:
        parts.append(f"{chart.target_label or 'Objectif'} : {chart.value_text(chart.target)}")
    return " ; ".join(parts)


def svg_of(picture: Drawing) -> str:
    """Return a reportlab drawing as SVG text that Qt's SVG renderer draws as the PDF does."""
    from reportlab.graphics import renderSVG

    # No clipPath: Qt's SVG renderer (SVG Tiny) does not know it and would paint its rectangle black.
    svg = renderSVG.drawToString(picture, useClip=True)
    # reportlab writes « fill: None », which SVG readers do not know: Qt filled the lines black.
    return svg.replace("fill: None;", "fill: none;")


def to_svg(chart: Chart, width: float = 480, height: float = 260) -> bytes:
    """Return the chart as SVG bytes (UTF-8), for the window, titled and described."""
    from html import escape

    svg = svg_of(drawing(chart, width, height))
    svg = svg.replace("<title>...</title>", f"<title>{escape(chart.title)}</title>", 1)
    svg = svg.replace("<desc>...</desc>", f"<desc>{escape(describe(chart))}</desc>", 1)
    return svg.encode("utf-8")
