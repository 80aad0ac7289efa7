"""One chart definition drawn into a PDF and as SVG: French numbers, a legend telling the series
apart without colour, the values written on the chart and in its description."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from ambassadeur_app.reports.charts import Chart, Series, describe, drawing, nice_scale, to_svg
from tests.conftest import plain

SVG = "{http://www.w3.org/2000/svg}"

BARS = Chart(
    "bar",
    "Forfait horaire : montant par mois (€)",
    (Series("Montant financé", ((0, 1850.0), (1, 2000.0), (2, 1237.5))),),
    ("sept. 25", "oct. 25", "nov. 25"),
    target=2000.0,
    target_label="Plafond mensuel",
)
LINES = Chart(
    "line",
    "Utilisateurs Parceo actifs",
    (
        Series("Relevés", ((0, 1200.0), (30, 1260.0), (61, 1330.0))),
        Series("Projection", ((61, 1330.0), (180, 1510.0)), dashed=True),
    ),
    ("01/09", "01/10", "01/11", "28/02"),
    (0, 30, 61, 180),
    target=1440.0,
    target_label="Objectif +20 %",
    from_zero=False,
)


def texts(svg: bytes) -> list[str]:
    return [plain(node.text or "") for node in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0, 2100, (0, 2500, 500)), (0, 3.2, (0, 4, 1)), (1100, 1530, (1100, 1600, 100)), (0, 0, (0, 1, 0.2))],
)
def test_nice_scale(low: float, high: float, expected: tuple[float, float, float]) -> None:
    assert nice_scale(low, high) == pytest.approx(expected)


def test_bar_chart_svg_shows_values_in_french_and_the_target_in_the_legend() -> None:
    svg = to_svg(BARS)
    shown = texts(svg)
    assert {"1 850", "2 000", "1 238"} <= set(shown)  # every bar's value, French thousands
    assert "2 500" in shown  # the value axis
    assert {"sept. 25", "oct. 25", "nov. 25"} <= set(shown)
    assert "Plafond mensuel : 2 000" in shown
    root = ET.fromstring(svg)
    assert plain(root.findtext(f"{SVG}title") or "") == BARS.title
    assert plain(root.findtext(f"{SVG}desc") or "") == plain(describe(BARS))
    assert "sept. 25 1 850" in plain(describe(BARS))


def test_series_survive_black_and_white_printing() -> None:
    svg = to_svg(LINES).decode()
    colours = set(re.findall(r"rgb\((\d+)%,(\d+)%,(\d+)%\)", svg))
    assert all(r == g == b for r, g, b in colours)  # greys only: nothing relies on a hue
    dashes = re.findall(r"stroke-dasharray: ([\d., ]+);", svg)
    assert "4, 3" in dashes  # the projection, in the plot and in the legend
    assert "1, 2" in dashes  # the target line
    assert len(re.findall(r"<circle", svg)) >= 4  # the readings' markers (3 and the legend's)


def test_line_chart_labels_the_last_points_once() -> None:
    shown = texts(to_svg(LINES))
    assert "1 510" in shown  # the projection's end
    assert "1 330" in shown  # the last reading
    assert shown.count("1 330") == 1  # the projection starts there: not written twice
    assert "28/02" in shown
    assert "Objectif +20 % : 1 440" in shown


def test_an_empty_chart_still_draws(tmp_path: Path) -> None:
    empty = Chart("line", "Aucun relevé", ())
    assert b"Aucun relev" in to_svg(empty)
    assert to_svg(Chart("bar", "Rien", (), ("sept. 25",)))


def test_drawing_goes_into_a_pdf(tmp_path: Path) -> None:
    from reportlab.graphics import renderPDF

    out = tmp_path / "chart.pdf"
    renderPDF.drawToFile(drawing(BARS, 400, 220), str(out))
    text = plain(PdfReader(out).pages[0].extract_text())
    assert "1 850" in text
    assert "Plafond mensuel : 2 000" in text
