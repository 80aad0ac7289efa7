"""The rétroplanning, a justification the funder lists: a table (xlsx) and a Gantt chart (PDF).

``build_planning`` reads the actions once; ``document`` turns them into a ``TableDocument``
(``reports.tables``: real dates, frozen header, A4 print setup) and ``write_gantt`` draws them.

The chart is drawn with ``reportlab.graphics``, not as a platypus table: every row has the same
height, so the month columns and today's line run unbroken from the header to the last row,
and each page is one ``Drawing`` (the same drawing can be rendered to SVG for the window). A
flowable cuts the actions into pages, each with the month header at its top; the table keeps
the texts whole where the chart cuts a long title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.dates import MONTH_NAMES
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import Programme
from ambassadeur_app.domain.planning import ActionStatus, LinkView, PlannedAction, days_late, late_text
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports.tables import Column, Section, TableDocument, write_xlsx

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

    from ambassadeur_app.services import CarnetService

TITLE = "Rétroplanning"
FORMATS = ("xlsx", "pdf")
LATE_WORD = "EN RETARD"

# The chart's geometry, in points.
ROW = 36.0
HEADER = 16.0
NUMBER_WIDTH = 18.0
ACTION_WIDTH = 201.0
STATUS_WIDTH = 92.0  # the status, the planned and the actual dates, the late mark: one line each
TIMELINE_X = NUMBER_WIDTH + ACTION_WIDTH + STATUS_WIDTH
INK, GREY, LIGHT = "#000000", "#7F7F7F", "#EEEEEE"
ACTUAL_FILL = "#404040"


@dataclass(frozen=True)
class PlanningRow:
    number: int
    action: PlannedAction
    responsible: str
    late_days: int
    late: str  # « en retard de 3 jours », or "" on time
    links: list[LinkView]


@dataclass(frozen=True)
class Planning:
    programme: Programme
    today: date
    rows: list[PlanningRow]
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def header(self) -> list[tuple[str, str]]:
        programme = self.programme
        return [
            ("CPTS", programme.cpts_label),
            ("Période", f"du {format_date(programme.start_date)} au {format_date(programme.end_date)}"),
            ("Situation au", format_date(self.today)),
        ]

    @property
    def late_count(self) -> int:
        return sum(1 for row in self.rows if row.late_days)


def span_text(first: date, last: date) -> str:
    """Return ``01/06 – 10/06/2026`` (the year once when both days share it)."""
    if first.year == last.year:
        return f"{first:%d/%m} – {format_date(last)}"
    return f"{format_date(first)} – {format_date(last)}"


def planned_text(action: PlannedAction) -> str:
    """Return ``Prévu 01/06 – 10/06/2026``."""
    return f"Prévu {span_text(action.planned_start, action.planned_end)}"


def actual_text(action: PlannedAction) -> str:
    """Return the actual dates, ``Réel 02/06 – 12/06/2026`` or ``Réel depuis le 02/06/2026``,
    or ``""`` for an action not started."""
    if action.actual_start is None:
        return ""
    if action.actual_end is None:
        return f"Réel depuis le {format_date(action.actual_start)}"
    return f"Réel {span_text(action.actual_start, action.actual_end)}"


def build_planning(service: CarnetService, today: date | None = None) -> Planning:
    """Read the live actions, their responsible, lateness on ``today`` and links."""
    planning = service.planning
    day = today or service.today()
    ids = planning.action_ids()  # by planned start
    found = planning.actions(ids)
    actions = [found[i] for i in ids]
    names = service.ambassador_names()
    views = {view.link: view for view in planning.link_views(k for a in actions for k in a.links)}
    return Planning(
        service.programme(),
        day,
        [
            PlanningRow(
                number,
                action,
                names.get(action.ambassador_id or "", ""),
                days_late(action, day),
                late_text(action, day),
                [views[link] for link in action.links],
            )
            for number, action in enumerate(actions, start=1)
        ],
    )


def document(planning: Planning) -> TableDocument:
    """Return the rétroplanning as a table: one row per action."""
    section = Section(
        "Actions",
        [
            Column("N°", "int", 5),
            Column("Action", width=40),
            Column("Mission", width=14),
            Column("Responsable", width=18),
            Column("Début prévu", "date", 11),
            Column("Fin prévue", "date", 11),
            Column("Statut", width=11),
            Column("Début réel", "date", 11),
            Column("Fin réelle", "date", 11),
            Column("En retard", width=9),
            Column("Jours de retard", "int", 9),
            Column("Réalisée par", width=50),
        ],
        [
            [
                row.number,
                row.action.title,
                row.action.mission.label,
                row.responsible,
                row.action.planned_start,
                row.action.planned_end,
                row.action.status.label,
                row.action.actual_start,
                row.action.actual_end,
                "Oui" if row.late_days else "Non",
                row.late_days or None,
                "\n".join(view.label for view in row.links),
            ]
            for row in planning.rows
        ],
        note=f"En retard au {format_date(planning.today)} : une action non faite dont la fin prévue est "
        "passée, ou faite après sa fin prévue (une action abandonnée n'est jamais en retard). "
        f"{planning.late_count} action(s) en retard.",
        empty="Aucune action dans le rétroplanning.",
        unit=("action", "actions"),
    )
    return TableDocument(TITLE, planning.header, [section], generated_at=planning.generated_at)


def export(service: CarnetService, fmt: str, out: Path) -> Path:
    """Write the rétroplanning: ``xlsx`` (the table) or ``pdf`` (the Gantt chart)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")
    planning = build_planning(service)
    return write_xlsx(document(planning), out) if fmt == "xlsx" else write_gantt(planning, out)


# --- the Gantt chart ------------------------------------------------------------------------------


def _span(programme: Programme) -> tuple[date, date]:
    """Return the chart's first day and the day after its last: the programme's whole months."""
    months = programme.period_months
    return months[0].first_day, months[-1].last_day + timedelta(days=1)


def _two_lines(text: str, room: float, font: str, size: float) -> list[str]:
    """Return ``text`` on one or two lines of ``room`` points, the second cut with « … »."""
    words = pdfkit.words(pdfkit.pdf_text(text))
    first = ""
    for index, word in enumerate(words):
        joined = f"{first} {word}" if first else word
        if pdfkit.text_width(joined, font, size) > room:
            if not first:  # one word wider than the line: cut it
                return [pdfkit.clipped(joined, room, font, size)]
            return [first, pdfkit.clipped(" ".join(words[index:]), room, font, size)]
        first = joined
    return [first]


def _box(
    drawing: Drawing,
    corner: tuple[float, float],
    size: tuple[float, float],
    fill: str | None,
    stroke: str | None = INK,
    width: float = 0.5,
    dash: list[float] | None = None,
) -> None:
    from reportlab.graphics.shapes import Rect
    from reportlab.lib.colors import HexColor

    shape = Rect(*corner, *size)
    shape.fillColor = HexColor(fill) if fill else None
    shape.strokeColor = HexColor(stroke) if stroke else None
    shape.strokeWidth = width
    if dash:
        shape.strokeDashArray = dash
    drawing.add(shape)


def _line(
    drawing: Drawing, points: tuple[float, float, float, float], width: float = 0.4, color: str = GREY
) -> None:
    from reportlab.graphics.shapes import Line
    from reportlab.lib.colors import HexColor

    drawing.add(Line(*points, strokeColor=HexColor(color), strokeWidth=width))


def _text(
    drawing: Drawing,
    x: float,
    y: float,
    value: str,
    bold: bool = False,
    size: float = 7.0,
    anchor: Literal["start", "middle"] = "start",
) -> None:
    """Draw ``value`` from ``x`` (or centred on it), one String per run of one font: what the
    base font cannot draw (« Łukasz ») in its fallback."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs = pdfkit.font_runs(pdfkit.pdf_text(value), pdfkit.FONT_BOLD if bold else pdfkit.FONT)
    widths = [stringWidth(run, face, size) for run, face in runs]
    if anchor == "middle":
        x -= sum(widths) / 2
    for (run, face), width in zip(runs, widths, strict=True):
        drawing.add(String(x, y, run, fontName=face, fontSize=size))
        x += width


def _hatched(drawing: Drawing, x0: float, y0: float, x1: float, y1: float, step: float = 3.0) -> None:
    """Draw the planned bar: an outlined rectangle hatched at 45°, ``step`` points apart."""
    _box(drawing, (x0, y0), (max(x1 - x0, 1), y1 - y0), "#FFFFFF", width=0.8)
    h = y1 - y0
    c = x0 - h + step
    while c < x1:
        start, end = max(x0, c), min(x1, c + h)
        if end > start:
            _line(drawing, (start, y0 + start - c, end, y0 + end - c), 0.35, INK)
        c += step


def _filled(drawing: Drawing, x0: float, y0: float, x1: float, y1: float) -> None:
    """Draw the actual bar: a filled rectangle."""
    _box(drawing, (x0, y0), (max(x1 - x0, 1), y1 - y0), ACTUAL_FILL)


def _today(drawing: Drawing, x: float, y0: float, y1: float) -> None:
    from reportlab.graphics.shapes import Line
    from reportlab.lib.colors import black

    drawing.add(Line(x, y0, x, y1, strokeColor=black, strokeWidth=1, strokeDashArray=[3, 2]))


def _warning(drawing: Drawing, x: float, y: float) -> None:
    """Draw the late mark: a triangle with « ! » inside, ``x``, ``y`` its bottom left corner."""
    from reportlab.graphics.shapes import Polygon
    from reportlab.lib.colors import black, white

    drawing.add(
        Polygon([x, y, x + 9, y, x + 4.5, y + 8], fillColor=white, strokeColor=black, strokeWidth=0.8)
    )
    _text(drawing, x + 4.5, y + 1.3, "!", bold=True, size=6, anchor="middle")


def gantt_drawing(planning: Planning, rows: list[PlanningRow], width: float) -> Drawing:
    """Return the chart of ``rows`` under the month header, ``width`` points wide."""
    from reportlab.graphics.shapes import Drawing, Polygon
    from reportlab.lib.colors import black

    start, stop = _span(planning.programme)
    days = (stop - start).days
    timeline = width - TIMELINE_X
    height = HEADER + ROW * len(rows)
    body = height - HEADER
    drawing = Drawing(width, height)

    def x_of(day: date) -> float:
        return TIMELINE_X + timeline * min(max((day - start).days, 0), days) / days

    # Months: every other one shaded, a line between two, its name in the header.
    _box(drawing, (0, body), (width, HEADER), pdfkit.HEADER_COLOR, None)
    for index, month in enumerate(planning.programme.period_months):
        left, right = x_of(month.first_day), x_of(month.last_day + timedelta(days=1))
        if index % 2:
            _box(drawing, (left, 0), (right - left, body), LIGHT, None)
        _line(drawing, (left, 0, left, height))
        name = pdfkit.clipped(
            f"{MONTH_NAMES[month.month - 1]} {month.year}", right - left - 4, pdfkit.FONT_BOLD, 7
        )
        _text(drawing, (left + right) / 2, body + 5, name, bold=True, anchor="middle")
    titles = (
        (2, "N°"),
        (NUMBER_WIDTH + 2, "Action — mission, responsable"),
        (NUMBER_WIDTH + ACTION_WIDTH + 2, "Statut et dates"),
    )
    for x, title in titles:
        _text(drawing, x, body + 5, title, bold=True)
    for x in (NUMBER_WIDTH, NUMBER_WIDTH + ACTION_WIDTH):
        _line(drawing, (x, 0, x, height))

    for position, row in enumerate(rows):
        top = body - ROW * position
        bottom = top - ROW
        _line(drawing, (0, top, width, top))
        action = row.action
        _text(drawing, 2, top - 10, str(row.number))
        for index, line in enumerate(_two_lines(action.title, ACTION_WIDTH - 4, pdfkit.FONT_BOLD, 7)):
            _text(drawing, NUMBER_WIDTH + 2, top - 9 - 8 * index, line, bold=True)
        meta = " — ".join(part for part in (action.mission.label, row.responsible) if part)
        _text(
            drawing,
            NUMBER_WIDTH + 2,
            bottom + 3,
            pdfkit.clipped(meta, ACTION_WIDTH - 4, pdfkit.FONT, 6.5),
            size=6.5,
        )
        status_x = NUMBER_WIDTH + ACTION_WIDTH + 2
        _text(drawing, status_x, top - 10, action.status.label)
        for index, dates in enumerate(filter(None, (planned_text(action), actual_text(action)))):
            _text(drawing, status_x, top - 18 - 7.5 * index, dates, size=6)
        if row.late_days:
            _warning(drawing, status_x, bottom + 2)
            _text(drawing, status_x + 11, bottom + 3, f"{LATE_WORD} ({row.late_days} j)", bold=True, size=6.5)
        left, right = x_of(action.planned_start), x_of(action.planned_end + timedelta(days=1))
        _hatched(drawing, left, top - 13, right, top - 6)
        if action.status is ActionStatus.ABANDONED:  # a dashed frame around a plan given up
            _box(drawing, (left - 1.5, top - 14.5), (right - left + 3, 10), None, width=0.6, dash=[2, 1.5])
        if action.actual_start is not None:
            finish = action.actual_end or max(planning.today, action.actual_start)
            _filled(drawing, x_of(action.actual_start), top - 22, x_of(finish + timedelta(days=1)), top - 16)
        if row.late_days:  # where the lateness begins: just after the planned end
            _warning(drawing, min(right + 2, width - 11), top - 14)

    if start <= planning.today < stop:
        x = x_of(planning.today)
        _today(drawing, x, 0, body)
        drawing.add(Polygon([x - 3, body, x + 3, body, x, body + 4], fillColor=black, strokeColor=None))
    _box(drawing, (0, 0), (width, height), None, width=0.6)
    return drawing


def legend(planning: Planning, width: float) -> Drawing:
    """Return the chart's key: planned, actual, today, late."""
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, 14)
    _hatched(drawing, 0, 2, 24, 9)
    _text(drawing, 28, 3, "Prévu (barre hachurée)", size=7.5)
    _filled(drawing, 130, 2.5, 154, 8.5)
    _text(drawing, 158, 3, "Réalisé (barre pleine)", size=7.5)
    _today(drawing, 262, 0, 12)
    _text(drawing, 267, 3, f"Aujourd'hui ({format_date(planning.today)})", size=7.5)
    _warning(drawing, 380, 1)
    _text(
        drawing, 393, 3, f"{LATE_WORD} : fin prévue dépassée sans être faite, ou faite après elle", size=7.5
    )
    return drawing


def write_gantt(planning: Planning, path: Path) -> Path:
    """Write the Gantt chart on A4 landscape pages, the month header on top of each page."""
    from reportlab.graphics import renderPDF
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Paragraph, Spacer

    width = 267 * mm

    class Chart(Flowable):
        """The rows ``first``..``stop`` of the chart; split into pages at row boundaries."""

        def __init__(self, first: int, stop: int) -> None:
            super().__init__()
            self.first, self.stop = first, stop

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return width, HEADER + ROW * (self.stop - self.first)

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            fit = int((availHeight - HEADER) // ROW)
            if fit <= 0:
                return []
            if fit >= self.stop - self.first:
                return [self]
            return [Chart(self.first, self.first + fit), Chart(self.first + fit, self.stop)]

        def draw(self) -> None:
            renderPDF.draw(
                gantt_drawing(planning, planning.rows[self.first : self.stop], width), self.canv, 0, 0
            )

    style = pdfkit.styles()
    story: list[Any] = [Paragraph(TITLE, style["title"])]
    story += [
        Paragraph(f"<b>{label}</b> : {pdfkit.para_text(value)}", style["base"])
        for label, value in planning.header
    ]
    story.append(Spacer(1, 2 * mm))
    if planning.rows:
        story += [legend(planning, width), Spacer(1, 2 * mm), Chart(0, len(planning.rows))]
    else:
        story.append(Paragraph("Aucune action dans le rétroplanning.", style["base"]))
    frame = pdfkit.PageFrame(
        title=TITLE,
        header_left=planning.programme.cpts_name,
        header_right=f"{TITLE} au {format_date(planning.today)}",
        footer_left=f"Édité le {planning.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(path, story, frame)
