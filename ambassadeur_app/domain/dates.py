"""Calendar helpers: months, ISO weeks (Monday first) and French date parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from ambassadeur_app.errors import InvalidInput

MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, e.g. ``Month(2024, 9)``; ``str()`` gives ``2024-09``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 9999:
            raise InvalidInput(f"Mois invalide : {self.year}-{self.month:02d}.", "mois")

    @classmethod
    def of(cls, day: date) -> Month:
        """Return the month containing ``day``."""
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse ``AAAA-MM`` (or ``MM/AAAA``).

        Raises:
            InvalidInput: with a French message naming the value.
        """
        value = text.strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", value) or re.fullmatch(r"(\d{1,2})/(\d{4})", value)
        if match is None:
            raise InvalidInput(
                f"Mois invalide : « {text} ». Écrivez-le AAAA-MM, par exemple 2024-09.", "mois"
            )
        first, second = match.groups()
        year, month = (int(first), int(second)) if len(first) == 4 else (int(second), int(first))
        if not 1 <= month <= 12:
            raise InvalidInput(f"Mois invalide : « {text} » (le mois doit aller de 01 à 12).", "mois")
        check_year(year, text, "mois")
        return cls(year, month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, self.days)

    @property
    def days(self) -> int:
        # Not calendar.monthrange: the calendar module (with locale) costs ~1 ms to import.
        if self.month == 12:
            return 31
        return (date(self.year, self.month + 1, 1) - date(self.year, self.month, 1)).days

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def add(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def label(self) -> str:
        """Return ``septembre 2024``."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def of_label(self) -> str:
        """Return ``de septembre 2024`` or ``d'octobre 2024`` (French elision)."""
        name = self.label()
        return f"d'{name}" if name[0] in "aeiouy" else f"de {name}"

    def title(self) -> str:
        """Return ``Septembre 2024``."""
        return self.label().capitalize()

    def contains(self, day: date) -> bool:
        return day.year == self.year and day.month == self.month


def months_between(first: Month, last: Month) -> list[Month]:
    """Return the months from ``first`` to ``last`` inclusive."""
    result = []
    current = first
    while current <= last:
        result.append(current)
        current = current.next()
    return result


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months``, clamped to the end of shorter months."""
    target = Month.of(day).add(months)
    return date(target.year, target.month, min(day.day, target.days))


def week_start(day: date) -> date:
    """Return the Monday of ``day``'s week (French weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


def weeks_of_month(month: Month) -> list[date]:
    """Return the Mondays of every week that has at least one day in ``month``."""
    monday = week_start(month.first_day)
    result = []
    while monday <= month.last_day:
        result.append(monday)
        monday += timedelta(days=7)
    return result


# Compiled on first use by ``re`` (and kept in its cache), not at import.
_DATE_PATTERNS = (
    (r"(\d{4})-(\d{1,2})-(\d{1,2})", ("y", "m", "d")),
    (r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", ("d", "m", "y")),
    (r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})", ("d", "m", "y2")),
)


# The years a carnet can hold: far beyond any programme, and far from the calendar's ends
# (week and month arithmetic on 31/12/9999 overflows).
FIRST_YEAR, LAST_YEAR = 2000, 2099


def check_year(year: int, text: str, field: str = "date") -> None:
    """Refuse a year no programme can have (a typo such as 2205, or 9999).

    Raises:
        InvalidInput: naming the value typed.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            f"Date hors limites : « {text} » (l'année doit aller de {FIRST_YEAR} à {LAST_YEAR}).", field
        )


def parse_date(text: str, field: str = "date") -> date:
    """Parse a date typed the French way (``02/09/2024``, ``2/9/24``) or as ``2024-09-02``.

    Raises:
        InvalidInput: with a French message naming the value.
    """
    value = text.strip()
    for pattern, order in _DATE_PATTERNS:
        match = re.fullmatch(pattern, value)
        if match is None:
            continue
        parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
        year = parts.get("y", 2000 + parts.get("y2", 0))
        try:
            day = date(year, parts["m"], parts["d"])
        except ValueError:
            raise InvalidInput(f"Date invalide : « {text} » (ce jour n'existe pas).", field) from None
        check_year(day.year, text, field)
        return day
    raise InvalidInput(f"Date invalide : « {text} ». Écrivez-la JJ/MM/AAAA, par exemple 02/09/2024.", field)


def parse_time(text: str, field: str = "heure de début") -> time | None:
    """Parse an optional start time (``9:30``, ``09h30``, ``9h``); empty gives ``None``.

    Raises:
        InvalidInput: with a French message naming the value.
    """
    value = text.strip().lower().replace(" ", "")
    if not value:
        return None
    match = re.fullmatch(r"(\d{1,2})(?:[:h](\d{2})?)?", value)
    if match is not None:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise InvalidInput(f"Heure invalide : « {text} ». Écrivez-la HH:MM, par exemple 09:30.", field)


_last_stamp = datetime.min.replace(tzinfo=UTC)


def utc_now_iso() -> str:
    """Return the current UTC time as ISO 8601, e.g. ``2024-09-02T08:15:00.000Z``.

    Two calls never return the same stamp (the second is moved on by a millisecond): records
    saved one after the other keep their order of saving, which the relevé and "the activity
    saved last" rely on, even when a fast machine saves several in the same millisecond."""
    global _last_stamp
    now = datetime.now(UTC)
    now = max(
        now.replace(microsecond=now.microsecond // 1000 * 1000), _last_stamp + timedelta(milliseconds=1)
    )
    _last_stamp = now
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
