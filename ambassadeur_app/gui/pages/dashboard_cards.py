"""The cards of the tableau de bord: one per indicator, its state in words and a symbol (not in
colour alone), its four lines, its first details and its chart.

Imported with the carnet's first figures, after the window's first paint (``dashboard_page``
shows its frame without them): with it come the formatting of dates (``datetime``) and the
charts. Not PySide6's ``Qt`` namespace (~12 ms, see ``main_window.ACTION_KEYS``): the cards set
their few ``Qt`` values by name (``set_enum``), so that the figures are on screen before it is
built (with the carnet page, right after).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ambassadeur_app.domain.formatting import format_date_long, plural
from ambassadeur_app.gui.widgets.chart_view import ChartView
from ambassadeur_app.gui.widgets.feedback import OK_COLOR, WARN_COLOR

if TYPE_CHECKING:
    from datetime import date

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


def group_heading(group: str) -> QLabel:
    """Return the heading of a group of cards (``objectif``, ``budget``)."""
    heading = QLabel(f"<h3>{escape(GROUPS.get(group, group))}</h3>")
    heading.setObjectName(f"group_{group}")
    return heading


def status_html(indicator: Indicator) -> str:
    """Return the state of an indicator: a symbol and its words, coloured as a bonus."""
    symbol, color = (MET, OK_COLOR) if indicator.met else (NOT_MET, WARN_COLOR)
    return f"<b style='color:{color}'>{symbol} {escape(indicator.status_text)}</b>"


def body_html(indicator: Indicator) -> str:
    """Return the card's text: its four lines, then the first DETAIL_LINES lines of detail."""
    rows = "".join(
        f"<tr><td style='padding-right:8px'><b>{title}</b></td>"
        f"<td>{escape(getattr(indicator, name))}</td></tr>"
        for title, name in FIELDS
    )
    html = f"<table cellspacing='0' cellpadding='2'>{rows}</table>"
    lines = indicator.detail_lines
    if lines:
        shown = [escape(line) for line in lines[:DETAIL_LINES]]
        if len(lines) > DETAIL_LINES:
            shown.append(f"… et {plural(len(lines) - DETAIL_LINES, 'autre')} (dans le document exporté)")
        html += "<p>" + "<br/>".join(f"• {line}" for line in shown) + "</p>"
    return html


class IndicatorCard(QFrame):
    """One indicator: its title and state, its four lines and details, and its chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.indicator: Indicator | None = None
        layout = QHBoxLayout(self)
        text = QVBoxLayout()
        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.status_label = QLabel()  # under the title: a long one (months over the cap) has room
        self.status_label.setWordWrap(True)
        text.addWidget(self.title_label)
        text.addWidget(self.status_label)
        self.body_label = QLabel()
        self.body_label.setWordWrap(True)
        set_enum(self.body_label, "textInteractionFlags", "TextSelectableByMouse")
        set_enum(self.body_label, "alignment", "AlignLeft|AlignTop")
        text.addWidget(self.body_label)
        text.addStretch(1)
        layout.addLayout(text, 1)
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
        self.title_label.setText(indicator.title)
        self.status_label.setText(status_html(indicator))
        self.body_label.setText(body_html(indicator))
        self.chart_view.set_chart(indicator.chart, indicator.values)
        self.setAccessibleName(f"{indicator.title} : {indicator.status_text}")
