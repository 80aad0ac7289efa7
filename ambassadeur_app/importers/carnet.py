"""Import a carnet kept in a spreadsheet: ``Date, Ambassadeur, Mission, Activité, Durée,
Description`` (plus optional ``Lieu`` and ``Début``).

Reading and checking each line needs no database: ``parse_carnet_file`` returns the lines with
their problems; the service then checks them against the carnet (closed months, 24 h rule,
lines already present) and writes them in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.dates import check_year, parse_date, parse_time
from ambassadeur_app.domain.durations import check_minutes, hours_to_minutes, parse_duration
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.text import fold, printable
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.tabular import cell_text, match_columns, note_cut, read_table, unreadable

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Date", "Jour"),
    "ambassador": ("Ambassadeur", "Ambassadrice", "Ambassadeur·rice", "Nom"),
    "mission": ("Mission",),
    "activity": ("Activité", "Type d'activité", "Action"),
    "duration": ("Durée", "Durée (h)", "Durée (heures)", "Heures", "Temps"),
    "description": ("Description", "Commentaire", "Détail"),
    "place": ("Lieu", "Commune"),
    "start": ("Début", "Heure de début", "Heure"),
}
REQUIRED = ("date", "ambassador", "mission", "activity", "duration")

_MISSIONS = {
    "promotion": Mission.PROMOTION,
    "promouvoir": Mission.PROMOTION,
    "formation": Mission.FORMATION,
    "former": Mission.FORMATION,
    "accompagnement": Mission.ACCOMPAGNEMENT,
    "accompagner": Mission.ACCOMPAGNEMENT,
    "autre": Mission.AUTRE,
    "autre (non finance)": Mission.AUTRE,
    "non finance": Mission.AUTRE,
}


@dataclass(frozen=True)
class LineProblem:
    """Why a line cannot be imported: where, which column, which value."""

    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"ligne {self.line}, colonne {self.column}" if self.column else f"ligne {self.line}"
        shown = f" « {self.value} »" if self.value else ""
        return f"{where}{shown} : {self.reason}"


@dataclass
class CarnetLine:
    """One data line of the file, parsed; ``problems`` empty means it can be imported."""

    line: int
    day: date | None = None
    ambassador: str = ""
    mission: Mission | None = None
    activity: str = ""
    minutes: int = 0
    description: str = ""
    place: str = ""
    start_time: time | None = None
    problems: list[LineProblem] = field(default_factory=list)
    duplicate: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems


def parse_carnet_file(path: Path) -> list[CarnetLine]:
    """Read every line of a spreadsheet carnet and check it on its own.

    Raises:
        ImportFileError: unreadable file or missing columns.
    """
    table = read_table(path)
    columns = match_columns(table.headers, COLUMNS, REQUIRED, path)
    header = {key: table.headers[index] for key, index in columns.items()}
    lines = []
    for number, values in table.rows:
        cells = {key: values[index] if index < len(values) else None for key, index in columns.items()}
        lines.append(_parse_line(number, cells, header, unreadable(table, number, cells)))
    if lines:
        note_cut(table, lines[-1].problems)
    return lines


def _parse_line(
    number: int, cells: dict[str, Any], header: dict[str, str], row_problems: list[tuple[str, str]]
) -> CarnetLine:
    line = CarnetLine(line=number)

    def problem(key: str, reason: str) -> None:
        shown = printable(cell_text(cells.get(key)))
        line.problems.append(LineProblem(number, header.get(key, key), shown, reason))

    for key, reason in row_problems:
        problem(key, reason)
    try:
        line.day = _day(cells["date"])
    except InvalidInput as exc:
        problem("date", _reason(exc))
    line.ambassador = cell_text(cells["ambassador"])
    if not line.ambassador:
        problem("ambassador", "Nom de l'ambassadeur manquant")
    mission_text = cell_text(cells["mission"])
    line.mission = _MISSIONS.get(fold(mission_text))
    if line.mission is None:
        problem(
            "mission",
            "Mission inconnue (Promotion, Formation, Accompagnement ou Autre)"
            if mission_text
            else "Mission manquante",
        )
    line.activity = cell_text(cells["activity"])
    if not line.activity:
        problem("activity", "Activité manquante")
    try:
        line.minutes = _minutes(cells["duration"])
    except InvalidInput as exc:
        problem("duration", _reason(exc))
    line.description = cell_text(cells.get("description"))
    line.place = cell_text(cells.get("place"))
    try:
        line.start_time = _start(cells.get("start"))
    except InvalidInput as exc:
        problem("start", _reason(exc))
    return line


def _reason(exc: InvalidInput) -> str:
    return exc.message.rstrip(".")


def _day(value: Any) -> date:
    if isinstance(value, date):  # a real date of the spreadsheet (a datetime is a date too)
        day = value.date() if isinstance(value, datetime) else value
        check_year(day.year, format_date(day))
        return day
    if value is None or not cell_text(value):
        raise InvalidInput("Date manquante.", "date")
    return parse_date(cell_text(value))


def _minutes(value: Any) -> int:
    """Read a duration cell: hours as a number, a spreadsheet time, or any typed form."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidInput("Durée manquante.", "durée")
    if isinstance(value, bool):
        raise InvalidInput(f"Durée invalide : « {value} ».", "durée")
    if isinstance(value, int | float):
        if value < 0:
            raise InvalidInput(f"La durée doit être positive : « {cell_text(value)} ».", "durée")
        minutes = hours_to_minutes(value)
    elif isinstance(value, time):
        minutes = value.hour * 60 + value.minute + (1 if value.second >= 30 else 0)
    elif isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
    elif isinstance(value, datetime):
        raise InvalidInput(f"Durée invalide : « {value:%d/%m/%Y} » (c'est une date).", "durée")
    else:
        return parse_duration(str(value))
    check_minutes(minutes, cell_text(value))
    return minutes


def _start(value: Any) -> time | None:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    return parse_time(cell_text(value))
