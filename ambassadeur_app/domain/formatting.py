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
    """Return ``12,50 h`` for 750 minutes (only where hours multiply the hourly rate)."""
    return f"{format_number(minutes / 60)}{NBSP}h"


def format_hours(minutes: int) -> str:
    """Return a duration as documents and tables show it: ``41 h 15``, ``0 h 30``, ``30 h``.

    One shape for every duration of a document, so a column reads and adds up at a glance;
    thousands of hours get their separator (``1 200 h``), nothing logged is ``0 h``.
    """
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    shown = f"{sign}{format_number(hours, 0)}{NBSP}h"
    return f"{shown}{NBSP}{rest:02d}" if rest else shown


def format_amount_of_hours(minutes: int, rate_cents: int, amount_cents: int) -> str:
    """Return ``47,00 h × 50,00 € = 2 350,00 €``: the one place decimal hours are shown."""
    return f"{format_hours_decimal(minutes)} × {format_euros(rate_cents)} = {format_euros(amount_cents)}"


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
