"""Each indicator's computation (domain/indicators.py), edge cases included: no baseline, a
baseline of 0, one reading, readings out of order or on the same day, no structure, structures
of another département, engagements incomplete, the money's projection."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import Event, EventKind, EventStatus, Session
from ambassadeur_app.domain.expenses import Expense, ExpenseStatus, ForfaitUse
from ambassadeur_app.domain.indicators import (
    Reading,
    Targets,
    engagement_figures,
    event_figures,
    least_squares,
    money_figures,
    projectable_quote,
    structure_figures,
    target_users,
    users_figures,
    validate_reading,
    validate_targets,
)
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Onboarding, Structure, StructureType
from ambassadeur_app.domain.rules import programme_progress
from ambassadeur_app.errors import InvalidInput
from tests.conftest import PROGRAMME

END = date(2025, 2, 28)


def test_target_users_rounds_up_and_asks_one_more_user_from_zero() -> None:
    assert target_users(400, 20) == 480
    assert target_users(412, 20) == 495  # 494,4 rounded up
    assert target_users(3, 20) == 4
    assert target_users(0, 20) == 1


def test_no_baseline_no_target_no_increase() -> None:
    figures = users_figures([Reading(date(2024, 10, 1), 50)], Targets(), END)
    assert figures.baseline is None
    assert figures.target is None
    assert figures.increase is None
    assert not figures.met
    assert figures.latest == Reading(date(2024, 10, 1), 50)
    assert figures.projection is None  # one reading: no trend


def test_baseline_alone_has_no_trend() -> None:
    figures = users_figures([Reading(date(2024, 9, 1), 400, baseline=True)], Targets(), END)
    assert figures.target == 480
    assert figures.latest is not None
    assert figures.latest.baseline
    assert figures.slope_per_day is None
    assert figures.projection is None
    assert not figures.met


def test_readings_out_of_order_and_on_the_same_day() -> None:
    readings = [
        Reading(date(2024, 11, 1), 440),
        Reading(date(2024, 9, 1), 400, baseline=True),
        Reading(date(2024, 10, 1), 420),
        Reading(date(2024, 11, 1), 450),  # the same day again: the last given counts
    ]
    figures = users_figures(readings, Targets(), END)
    assert [r.day for r in figures.readings] == [date(2024, 10, 1), date(2024, 11, 1)]
    assert figures.latest == Reading(date(2024, 11, 1), 450)
    assert figures.increase == pytest.approx(0.125)
    assert not figures.met
    # The least-squares line through (0, 400), (30, 420), (61, 450), read on the last day.
    xs = [date(2024, 9, 1), date(2024, 10, 1), date(2024, 11, 1)]
    slope, intercept = least_squares(
        [(d.toordinal(), y) for d, y in zip(xs, (400, 420, 450), strict=True)]
    ) or (0, 0)
    assert figures.slope_per_day == pytest.approx(slope)
    assert figures.projection == pytest.approx(slope * END.toordinal() + intercept)
    assert figures.projection is not None
    assert figures.projection > 480


def test_baseline_of_zero_has_no_percentage_but_a_target() -> None:
    readings = [Reading(date(2024, 9, 1), 0, baseline=True), Reading(date(2024, 10, 1), 3)]
    figures = users_figures(readings, Targets(), END)
    assert figures.increase is None
    assert figures.target == 1
    assert figures.met


def test_all_readings_on_one_day_give_no_projection() -> None:
    readings = [Reading(date(2024, 9, 1), 10, baseline=True), Reading(date(2024, 9, 1), 12)]
    figures = users_figures(readings, Targets(), END)
    assert figures.projection is None
    assert figures.latest == Reading(date(2024, 9, 1), 12)


def test_a_falling_count_is_projected_down_but_never_below_zero() -> None:
    readings = [Reading(date(2024, 9, 1), 10, baseline=True), Reading(date(2024, 9, 11), 2)]
    figures = users_figures(readings, Targets(), END)
    assert figures.slope_per_day == pytest.approx(-0.8)
    assert figures.projection == 0


def test_least_squares_needs_two_distinct_x() -> None:
    assert least_squares([]) is None
    assert least_squares([(1, 5), (1, 7)]) is None
    assert least_squares([(0, 1), (2, 5)]) == (2, 1)


@pytest.mark.parametrize(
    ("targets", "field"),
    [
        (Targets(users_increase_percent=0), "users_increase_percent"),
        (Targets(coordinated_percent=101), "coordinated_percent"),
        (Targets(min_events=-1), "min_events"),
        (Targets(hospitals=True), "hospitals"),  # a check box where a number belongs
        (Targets(tool_surveys=21), "tool_surveys"),
    ],
)
def test_targets_out_of_range_are_refused_in_french(targets: Targets, field: str) -> None:
    with pytest.raises(InvalidInput, match="Objectif invalide") as caught:
        validate_targets(targets)
    assert caught.value.field == field


def test_default_targets_are_the_cahier_des_charges() -> None:
    assert validate_targets(Targets()) == Targets(20, 2, 30, 1, 1, True, 1)


def test_readings_are_checked() -> None:
    with pytest.raises(InvalidInput, match="utilisateurs actifs invalide"):
        validate_reading(Reading(date(2024, 9, 1), -1))
    with pytest.raises(InvalidInput):
        validate_reading(Reading(date(1899, 9, 1), 1))


def _event(
    event_id: str,
    kind: EventKind,
    day: date,
    *,
    open_to_all: bool = True,
    status: EventStatus = EventStatus.DONE,
) -> Event:
    mission = Mission.FORMATION if kind is EventKind.TRAINING else Mission.PROMOTION
    return Event(
        kind,
        mission,
        event_id,
        (Session(day, time(9), time(12)),),
        place="Nancy",
        open_to_departement=open_to_all,
        status=status,
        id=event_id,
    )


def test_events_count_only_promotion_events_held_open_and_surveyed() -> None:
    today = date(2024, 11, 15)
    events = [
        _event("a", EventKind.WORKSHOP, date(2024, 9, 20)),
        _event("b", EventKind.WORKING_GROUP, date(2024, 10, 3), open_to_all=False),
        _event("c", EventKind.WEBINAR, date(2024, 10, 20)),
        _event("d", EventKind.TRAINING, date(2024, 10, 21)),
        _event("e", EventKind.MEETING, date(2024, 10, 22)),
        _event("f", EventKind.PROMOTIONAL, date(2024, 10, 23), status=EventStatus.CANCELLED),
        _event("g", EventKind.PROMOTIONAL, date(2024, 12, 5), status=EventStatus.PLANNED),
    ]
    figures = event_figures(events, {"a", "b", "d"}, today)
    assert [e.id for e in figures.held] == ["a", "b", "c"]
    assert figures.open_ids == {"a", "c"}
    assert figures.surveyed_ids == {"a", "b"}
    assert [e.id for e in figures.qualifying] == ["a"]  # c has no answers, b is not open
    assert [e.id for e in figures.planned] == ["g"]
    assert figures.training_sessions == 1


def _structure(
    name: str, kind: StructureType, step: Onboarding = Onboarding.TO_CONTACT, **more: object
) -> Structure:
    return Structure(name, kind, onboarding=step, **more)  # type: ignore[arg-type]


def test_no_structure_cannot_meet_the_target() -> None:
    figures = structure_figures([], "54", Targets())
    assert figures.ratio is None
    assert figures.target == 0
    assert not figures.met


def test_structures_of_the_departement_onboarded_against_thirty_percent() -> None:
    onboarded = {Onboarding.ONBOARDED: date(2024, 10, 2)}
    structures = [
        _structure(
            "A", StructureType.MSP, Onboarding.ONBOARDED, departement_code="54", onboarding_dates=onboarded
        ),
        _structure("B", StructureType.ESP, Onboarding.ONBOARDED),  # no département: the carnet's
        _structure("C", StructureType.CDS, Onboarding.ENGAGED, departement_code="54"),
        _structure("D", StructureType.MSP, departement_code="54"),
        _structure("E", StructureType.MSP, departement_code="54"),
        _structure("F", StructureType.MSP, departement_code="54"),
        _structure("G", StructureType.MSP, departement_code="54"),
        _structure("H", StructureType.MSP, Onboarding.ONBOARDED, departement_code="57"),  # elsewhere
        _structure("I", StructureType.PHARMACIE, Onboarding.ONBOARDED, departement_code="54"),
    ]
    figures = structure_figures(structures, "54", Targets())
    assert len(figures.coordinated) == 7
    assert [s.name for s in figures.onboarded] == ["A", "B"]
    assert figures.target == 3  # 30 % of 7 = 2,1: three structures
    assert figures.elsewhere == 1
    assert not figures.met
    assert figures.onboarded_by(date(2024, 10, 1)) == 1  # B has no date: counted always
    assert figures.onboarded_by(date(2024, 10, 2)) == 2
    assert structure_figures(structures, "54", Targets(coordinated_percent=25)).met


def test_engagement_needs_a_service_and_the_hospital_it_commitment() -> None:
    structures = [
        _structure("CH de Toul", StructureType.CH, Onboarding.ENGAGED, services_engaged="Urgences"),
        _structure("CHRU", StructureType.CHU, Onboarding.MET),
        _structure("EHPAD A", StructureType.EHPAD, Onboarding.ENGAGED),  # no service named
        _structure("EHPAD B", StructureType.EHPAD),  # not contacted: left out
    ]
    figures = engagement_figures(structures, Targets())
    assert [e.structure.name for e in figures.hospitals] == ["CH de Toul", "CHRU"]
    assert [e.structure.name for e in figures.nursing_homes] == ["EHPAD A"]
    assert figures.hospitals_done == 0  # the IT commitment is missing
    assert figures.nursing_homes_done == 0
    assert not figures.met
    assert engagement_figures(structures, Targets(hospital_it_commitment=False)).hospitals_done == 1
    dated = [
        _structure("CH de Toul", StructureType.CH, Onboarding.ONBOARDED, services_engaged="Urgences",
                   it_commitment_on=date(2024, 10, 1)),
        _structure("EHPAD A", StructureType.EHPAD, Onboarding.ENGAGED, services_engaged="UVP"),
    ]  # fmt: skip
    assert engagement_figures(dated, Targets()).met


def test_money_projection_gives_coming_months_the_mean_of_the_past_ones() -> None:
    programme = PROGRAMME  # September 2024 to February 2025, 2 000 € a month at 50 €/h
    today = date(2024, 11, 15)
    minutes = {Month(2024, 9): 30 * 60, Month(2024, 10): 50 * 60, Month(2024, 11): 10 * 60}
    progress = programme_progress(minutes, programme, today)
    forfait = ForfaitUse(160_000, 50_000, 30_000)
    figures = money_figures(progress, forfait, programme, today, forfait.quoted_cents)
    assert progress.claimed_cents == 150_000 + 200_000 + 50_000  # October is capped
    assert figures.over_cap == {Month(2024, 10): 10 * 60}
    assert figures.complete_months == 2
    mean = (150_000 + 200_000) // 2
    november = min(200_000, 50_000 + mean * 15 // 30)
    assert figures.projected_hourly_cents == 150_000 + 200_000 + november + 3 * mean
    assert figures.spent_cents == 400_000 + 50_000
    assert figures.projected_cents == figures.projected_hourly_cents + 80_000


def test_money_forfait_spent_never_exceeds_the_forfait() -> None:
    progress = programme_progress({}, PROGRAMME, date(2024, 8, 1))
    figures = money_figures(progress, ForfaitUse(160_000, 170_000, 5_000), PROGRAMME, date(2024, 8, 1), 5_000)
    assert figures.forfait_spent_cents == 160_000
    assert figures.projected_cents == 160_000  # nothing projected before the first month is over


def test_once_the_period_has_ended_the_projection_is_what_was_spent() -> None:
    today = PROGRAMME.end_date + timedelta(days=1)
    minutes = {month: 30 * 60 for month in PROGRAMME.period_months}
    progress = programme_progress(minutes, PROGRAMME, today)
    figures = money_figures(progress, ForfaitUse(160_000, 50_000, 25_000), PROGRAMME, today, 25_000)
    assert figures.ended
    assert figures.projected_quotes_cents == 0
    assert figures.projected_cents == figures.spent_cents == 6 * 150_000 + 50_000


def test_a_quote_after_the_period_or_for_an_event_after_it_is_never_projected() -> None:
    end = PROGRAMME.end_date
    quote = Expense("Salle", "D-1", end, "Location", 25_000, 0, 25_000, ExpenseStatus.QUOTE)
    running = end - timedelta(days=1)
    assert projectable_quote(quote, None, PROGRAMME, running)
    assert projectable_quote(quote, end, PROGRAMME, running)
    assert not projectable_quote(replace(quote, issued_on=end + timedelta(days=1)), None, PROGRAMME, running)
    assert not projectable_quote(quote, end + timedelta(days=1), PROGRAMME, running)
    assert not projectable_quote(quote, None, PROGRAMME, end + timedelta(days=1))  # the period is over
    assert not projectable_quote(replace(quote, status=ExpenseStatus.ORDERED), None, PROGRAMME, running)
