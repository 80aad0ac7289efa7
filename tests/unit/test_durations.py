from __future__ import annotations

import pytest

from ambassadeur_app.domain.durations import (
    DurationProposal,
    format_duration,
    hours_to_minutes,
    parse_duration,
)
from ambassadeur_app.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1h30", 90),
        ("1 h 30", 90),
        ("1H30", 90),
        ("1h30min", 90),
        ("1h", 60),
        ("2 heures", 120),
        ("0h45", 45),
        ("1,5", 90),
        ("1.5", 90),
        ("1,25", 75),
        (",5", 30),
        ("2", 120),
        ("1:30", 90),
        ("0:05", 5),
        ("90 min", 90),
        ("45min", 45),
        ("45 mn", 45),
        ("10 minutes", 10),
        ("1,33", 80),
        ("24h", 1440),
        ("1\u00a0h\u00a030", 90),
        ("1,5h", 90),
        ("1.5 h", 90),
        ("1,5 heure", 90),
        ("0,5 heures", 30),
        ("1 h", 60),
        ("1h 30 min", 90),
        ("24", 1440),
    ],
)
def test_parse_duration_reads_the_ways_people_write(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Indiquez une durée"),
        ("   ", "Indiquez une durée"),
        ("abc", "Durée invalide : « abc »"),
        ("-1h", "La durée doit être positive"),
        ("-30 min", "La durée doit être positive"),
        ("0", "supérieure à zéro"),
        ("0h00", "supérieure à zéro"),
        ("1h75", "plus de 59 minutes"),
        ("1:75", "plus de 59 minutes"),
        ("25h", "ne peut pas dépasser 24 h"),
        ("1500 min", "ne peut pas dépasser 24 h"),
        ("1,5,5", "Durée invalide"),
        ("1,5 min", "Durée invalide"),
        ("1500", "ne peut pas dépasser 24 h"),
    ],
)
def test_parse_duration_refuses_with_a_french_message(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        parse_duration(text)
    assert caught.value.field == "durée"


@pytest.mark.parametrize(("minutes", "text"), [(90, "1 h 30"), (60, "1 h"), (45, "0 h 45"), (605, "10 h 05")])
def test_format_duration_round_trips(minutes: int, text: str) -> None:
    shown = format_duration(minutes)
    assert shown.replace("\u00a0", " ") == text
    assert parse_duration(shown) == minutes


def test_hours_to_minutes_rounds_half_up() -> None:
    assert hours_to_minutes(0.0083333) == 0
    assert hours_to_minutes("0.00833334") == 1  # 0.5 minute rounds up
    assert hours_to_minutes(1.5) == 90


@pytest.mark.parametrize(("text", "minutes"), [("45", 45), ("25", 25), ("90", 90), ("1440", 1440)])
def test_a_bare_number_too_large_for_hours_is_proposed_as_minutes(text: str, minutes: int) -> None:
    with pytest.raises(DurationProposal) as caught:
        parse_duration(text)
    proposal = caught.value
    assert (proposal.minutes, proposal.text, proposal.field) == (minutes, f"{minutes} min", "durée")
    assert f"« {text} » : {minutes} min ?" in proposal.message
    assert "24 h" not in proposal.message  # not refused as too long
    assert parse_duration(proposal.text) == minutes  # the proposal reads back
