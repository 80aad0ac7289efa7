"""Import the active Parceo users readings from a small spreadsheet (``Date``, ``Utilisateurs
actifs``, optional ``Référence`` marking the baseline), as Pulsy's statistics are copied.

Reading and checking each line needs no database: ``parse_readings_file`` returns the lines
with their problems; the service compares them with the carnet's readings and writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.dates import check_year, parse_date
from ambassadeur_app.domain.indicators import MAX_USERS, Reading
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.tabular import cell_text, match_columns, note_cut, read_table, unreadable

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Date", "Jour", "Date du relevé"),
    "users": (
        "Utilisateurs actifs",
        "Utilisateurs",
        "Nombre d'utilisateurs actifs",
        "Actifs",
        "Utilisateurs Parceo actifs",
    ),
    "baseline": ("Référence", "Valeur de référence", "Type"),
}
REQUIRED = ("date", "users")
_YES = {"oui", "o", "x", "reference", "référence", "1", "vrai", "yes"}
_NUMBER = re.compile(r"\d+")


@dataclass
class ReadingLine:
    """One data line of the file; ``problems`` empty means it can be imported."""

    line: int
    reading: Reading | None = None
    problems: list[LineProblem] = field(default_factory=list)


def parse_users(value: Any) -> int:
    """Return a count of users from a cell (``1234``, ``1 234``, ``1234.0``).

    Raises:
        InvalidInput: not a whole, positive and plausible number.
    """
    if isinstance(value, bool):
        raise InvalidInput(f"« {value} » n'est pas un nombre d'utilisateurs.", "utilisateurs")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_text(value).replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not _NUMBER.fullmatch(text):
        raise InvalidInput(
            f"« {cell_text(value)} » n'est pas un nombre entier d'utilisateurs.", "utilisateurs"
        )
    users = int(text)
    if users > MAX_USERS:
        raise InvalidInput(f"{cell_text(value)} utilisateurs : nombre invraisemblable.", "utilisateurs")
    return users


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        check_year(value.year, cell_text(value), "date")
        return value
    return parse_date(cell_text(value))


def parse_readings_file(path: Path) -> list[ReadingLine]:
    """Read every data line of a readings spreadsheet (.xlsx or .csv).

    Raises:
        ImportFileError: unreadable file or missing columns, in French.
    """
    table = read_table(path)
    columns = match_columns(table.headers, COLUMNS, REQUIRED, path)
    lines: list[ReadingLine] = []
    for number, values in table.rows:
        cells = {key: values[index] if index < len(values) else None for key, index in columns.items()}
        line = ReadingLine(number)
        lines.append(line)
        for key, reason in unreadable(table, number, cells):
            column = table.headers[columns[key]] if key else ""
            line.problems.append(
                LineProblem(number, column, cell_text(cells.get(key)) if key else "", reason)
            )
        if line.problems:
            continue
        try:
            day = _day(cells["date"])
        except InvalidInput as exc:
            line.problems.append(
                LineProblem(number, table.headers[columns["date"]], cell_text(cells["date"]), exc.message)
            )
        try:
            users = parse_users(cells["users"])
        except InvalidInput as exc:
            line.problems.append(
                LineProblem(number, table.headers[columns["users"]], cell_text(cells["users"]), exc.message)
            )
        if not line.problems:
            baseline = fold(cell_text(cells.get("baseline"))) in {fold(word) for word in _YES}
            line.reading = Reading(day, users, baseline)
    if lines:
        note_cut(table, lines[-1].problems)
    return lines
