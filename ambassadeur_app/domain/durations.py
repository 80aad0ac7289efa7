"""Durations typed the way people write them, kept as integer minutes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ambassadeur_app.errors import InvalidInput

if TYPE_CHECKING:
    from decimal import Decimal

MAX_ENTRY_MINUTES = 24 * 60

# Compiled on first use by ``re`` (and kept in its cache), not at import: showing durations,
# what most commands do, never parses one.
_HOURS_MINUTES = r"(?P<h>\d+)\s*(?:h|heures?)\s*(?:(?P<m>\d{1,2})\s*(?:min|mn|m|minutes?)?)?"
_MINUTES = r"(?P<m>\d+)\s*(?:min|mn|m|minutes?)"
_CLOCK = r"(?P<h>\d+):(?P<m>\d{2})"
_DECIMAL = r"\d*[.,]?\d+|\d+[.,]"
_DECIMAL_HOURS = r"(?P<h>\d*[.,]\d+|\d+[.,])\s*(?:h|heures?)"
_BARE_NUMBER = r"\d+"

EXAMPLES = "Écrivez par exemple 1h30, 1,5 h, 1:30 ou 90 min."


class DurationProposal(InvalidInput):
    """A bare number too large to be hours (``45``): ``minutes`` is what it likely means.

    The quick-entry bar offers it (« 45 min ? ») instead of refusing; elsewhere the message asks
    for the unit. ``text`` is the proposed spelling.
    """

    def __init__(self, raw: str, minutes: int, field: str) -> None:
        self.minutes = minutes
        self.text = f"{minutes} min"
        super().__init__(
            f"« {raw} » : {minutes} min ? Précisez l'unité, par exemple « {minutes} min » ou « 1h30 ».",
            field,
        )


def parse_duration(text: str, field: str = "durée") -> int:
    """Return the number of minutes in ``text`` (``1h30``, ``1,5 h``, ``1:30``, ``90 min``...).

    Decimal hours are rounded to the nearest minute; a bare number up to 24 is hours.

    Raises:
        DurationProposal: a bare number between 25 and 1440 (« 45 » : 45 min ?).
        InvalidInput: empty, unreadable, zero, negative or longer than 24 h, in French.
    """
    raw = text.strip()
    value = raw.lower().replace("\u00a0", " ").replace("\u202f", " ")
    if not value:
        raise InvalidInput(f"Indiquez une durée. {EXAMPLES}", field)
    if value.startswith("-"):
        raise InvalidInput(f"La durée doit être positive : « {raw} ».", field)
    minutes: int | None = None
    if match := re.fullmatch(_HOURS_MINUTES, value):
        extra = int(match.group("m") or 0)
        if extra >= 60:
            raise InvalidInput(f"Durée invalide : « {raw} » (plus de 59 minutes après les heures).", field)
        minutes = int(match.group("h")) * 60 + extra
    elif match := re.fullmatch(_CLOCK, value):
        extra = int(match.group("m"))
        if extra >= 60:
            raise InvalidInput(f"Durée invalide : « {raw} » (plus de 59 minutes après les heures).", field)
        minutes = int(match.group("h")) * 60 + extra
    elif match := re.fullmatch(_MINUTES, value):
        minutes = int(match.group("m"))
    elif match := re.fullmatch(_DECIMAL_HOURS, value):
        minutes = hours_to_minutes(match.group("h").replace(",", "."), raw, field)
    elif re.fullmatch(_BARE_NUMBER, value) and MAX_ENTRY_MINUTES // 60 < int(value) <= MAX_ENTRY_MINUTES:
        # "45" is not 45 hours: nobody logs more than a day at once, so it is likely minutes.
        raise DurationProposal(raw, int(value), field)
    elif re.fullmatch(_DECIMAL, value):
        minutes = hours_to_minutes(value.replace(",", "."), raw, field)
    if minutes is None:
        raise InvalidInput(f"Durée invalide : « {raw} ». {EXAMPLES}", field)
    check_minutes(minutes, raw, field)
    return minutes


def hours_to_minutes(hours: str | float | Decimal, shown: str = "", field: str = "durée") -> int:
    """Convert a number of hours (``1.5``) into minutes, rounded half up to the minute.

    Raises:
        InvalidInput: if ``hours`` is not a number.
    """
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    try:
        minutes = (Decimal(str(hours)) * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise InvalidInput(f"Durée invalide : « {shown or hours} ». {EXAMPLES}", field) from None
    return int(minutes)


def check_minutes(minutes: int, shown: str = "", field: str = "durée") -> None:
    """Check that a duration is positive and at most 24 h.

    Raises:
        InvalidInput: with a French message.
    """
    label = shown or format_duration(abs(minutes))
    if minutes < 0:
        raise InvalidInput(f"La durée doit être positive : « {label} ».", field)
    if minutes == 0:
        raise InvalidInput(f"La durée doit être supérieure à zéro : « {shown or '0'} ».", field)
    if minutes > MAX_ENTRY_MINUTES:
        raise InvalidInput(f"Une durée ne peut pas dépasser 24 h : « {label} ».", field)


def format_duration(minutes: int) -> str:
    """Return ``1 h 30``, ``2 h``, ``0 h 45``, ``0 h`` (no-break spaces): on screen, in the
    command line and in the documents, one way (``formatting.format_hours``)."""
    from ambassadeur_app.domain.formatting import format_hours

    return format_hours(minutes)
