from __future__ import annotations

from datetime import date, time

import pytest

from ambassadeur_app.domain.dates import (
    Month,
    add_months,
    parse_date,
    parse_time,
    week_start,
    weeks_of_month,
)
from ambassadeur_app.domain.formatting import (
    format_date_long,
    format_euros,
    format_hours_decimal,
    plural,
)
from ambassadeur_app.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("02/09/2024", date(2024, 9, 2)),
        ("2/9/2024", date(2024, 9, 2)),
        ("2024-09-02", date(2024, 9, 2)),
        ("02.09.2024", date(2024, 9, 2)),
        ("02/09/24", date(2024, 9, 2)),
        (" 29/02/2024 ", date(2024, 2, 29)),
    ],
)
def test_parse_date(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2024", "ce jour n'existe pas"),
        ("2024-13-01", "ce jour n'existe pas"),
        ("demain", "JJ/MM/AAAA"),
    ],
)
def test_parse_date_errors(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_date(text)


def test_parse_time() -> None:
    assert parse_time("9h30") == time(9, 30)
    assert parse_time("09:05") == time(9, 5)
    assert parse_time("14h") == time(14, 0)
    assert parse_time("") is None
    with pytest.raises(InvalidInput, match="Heure invalide"):
        parse_time("25:00")


def test_month_arithmetic_and_labels() -> None:
    month = Month.parse("2024-12")
    assert month.next() == Month(2025, 1)
    assert Month(2025, 1).previous() == month
    assert month.add(-12) == Month(2023, 12)
    assert month.last_day == date(2024, 12, 31)
    assert Month(2024, 2).days == 29
    assert Month(2024, 10).of_label() == "d'octobre 2024"
    assert Month(2024, 9).of_label() == "de septembre 2024"
    assert Month(2024, 8).title() == "Août 2024"
    assert Month.parse("09/2024") == Month(2024, 9)
    with pytest.raises(InvalidInput, match="AAAA-MM"):
        Month.parse("septembre")
    with pytest.raises(InvalidInput, match="01 à 12"):
        Month.parse("2024-13")


def test_weeks_start_on_monday() -> None:
    assert week_start(date(2024, 9, 1)) == date(2024, 8, 26)  # a Sunday
    weeks = weeks_of_month(Month(2024, 9))
    assert weeks[0] == date(2024, 8, 26)
    assert weeks[-1] == date(2024, 9, 30)
    assert len(weeks) == 6


def test_add_months_clamps() -> None:
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)


def test_french_formatting() -> None:
    nbsp = "\u00a0"
    assert format_euros(200_000) == f"2{nbsp}000,00{nbsp}€"
    assert format_euros(-5) == f"-0,05{nbsp}€"
    assert format_hours_decimal(750) == f"12,50{nbsp}h"
    assert format_date_long(date(2024, 9, 1)) == "dimanche 1er septembre 2024"
    assert plural(1, "entrée") == "1 entrée"
    assert plural(0, "entrée") == "0 entrée"
    assert plural(3, "entrée") == "3 entrées"


def test_stamps_taken_in_the_same_millisecond_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fast machine saves several records in one millisecond: their stamps still follow the
    order of saving (the relevé's order and "the activity saved last" rely on it)."""
    import datetime as real

    from ambassadeur_app.domain import dates

    class Frozen(real.datetime):
        @classmethod
        def now(cls, tz: real.tzinfo | None = None) -> Frozen:
            return cls(2026, 11, 30, 12, 0, 0, 123_456, tzinfo=tz)

    monkeypatch.setattr(dates, "_last_stamp", real.datetime.min.replace(tzinfo=real.UTC))
    monkeypatch.setattr(dates, "datetime", Frozen)
    stamps = [dates.utc_now_iso() for _ in range(3)]
    assert stamps == ["2026-11-30T12:00:00.123Z", "2026-11-30T12:00:00.124Z", "2026-11-30T12:00:00.125Z"]
