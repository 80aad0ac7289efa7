"""French display of numbers, money and dates, shared by the GUI, the CLI and the documents.

Thousands are separated by a no-break space (U+00A0), which every PDF base font can draw.
"""

from __future__ import annotations

from datetime import date, datetime

from ambassadeur_app.domain.dates import DAY_NAMES, MONTH_NAMES

NBSP = "\u00a0"


def format_number(value: float, decimals: int = 2) -> str:
    """Return ``1 234,50`` for ``1234.5``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def format_euros(cents: int) -> str:
    """Return ``2 000,00 €`` for ``200000`` cents (rounding happens only here)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{format_number(euros, 0)},{rest:02d}{NBSP}€"


def format_hours_decimal(minutes: int) -> str:
    """Return ``12,50 h`` for 750 minutes."""
    return f"{format_number(minutes / 60)}{NBSP}h"


def format_date(day: date) -> str:
    """Return ``02/09/2024``."""
    return day.strftime("%d/%m/%Y")


def format_date_long(day: date) -> str:
    """Return ``lundi 2 septembre 2024`` (``1er`` for the first day)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{DAY_NAMES[day.weekday()]} {number} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_date_medium(day: date) -> str:
    """Return ``2 septembre 2024``."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_day_short(day: date) -> str:
    """Return ``lun. 02/09`` for table cells."""
    return f"{DAY_NAMES[day.weekday()][:3]}. {day.strftime('%d/%m')}"


def format_timestamp(iso_utc: str) -> str:
    """Return a stored UTC timestamp in local time, ``02/09/2024 à 10:15``."""
    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    return moment.strftime("%d/%m/%Y à %H:%M")


def format_percent(ratio: float) -> str:
    """Return ``87 %`` for ``0.87``."""
    return f"{round(ratio * 100)}{NBSP}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """Return ``1 entrée`` / ``3 entrées`` (French: 0 and 1 are singular)."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{format_number(count, 0)} {word}"
