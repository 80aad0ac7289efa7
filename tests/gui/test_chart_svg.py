"""The charts' SVG loads in Qt (QtSvg, shipped with pyside6-essentials) and is drawn there as in
the PDF: on white, lines not filled (Qt's SVG Tiny reader knows no clipPath and no « None »)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from ambassadeur_app.reports.charts import Chart, Series, to_svg

CHARTS = (
    Chart(
        "bar",
        "Montants",
        (Series("Montant", ((0, 850.0), (1, 2000.0))),),
        ("sept. 25", "oct. 25"),
        target=2000.0,
    ),
    Chart(
        "line",
        "Utilisateurs",
        (
            Series("Relevés", ((0, 400.0), (30, 490.0), (60, 400.0))),
            Series("Projection", ((60, 400.0), (90, 420.0)), dashed=True),
        ),
        ("01/09", "01/10", "30/11"),
        (0, 30, 90),
        target=480.0,
        from_zero=False,
    ),
)


def test_chart_svg_is_drawn_by_qt_on_white_with_its_lines_unfilled(qapp: object) -> None:
    for chart in CHARTS:
        renderer = QSvgRenderer(QByteArray(to_svg(chart)))
        assert renderer.isValid()
        assert renderer.defaultSize().width() == 480
        image = QImage(480, 260, QImage.Format.Format_ARGB32)
        image.fill(QColor("#404040"))
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, 480, 260))
        painter.end()
        pixels = [image.pixelColor(x, y) for x in range(0, 480, 4) for y in range(0, 260, 4)]
        dark = sum(1 for colour in pixels if colour.lightness() < 60)
        assert image.pixelColor(2, 2).lightness() > 250  # the white ground, not the window's
        if chart.kind == "line":
            assert dark < len(pixels) // 20  # lines and texts, not a black area under a line
