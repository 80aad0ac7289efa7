"""The demonstration carnet: deterministic for a day, realistic, in the present, in good French."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from ambassadeur_app.demo import REFERENCE_DAY, build_demo, demo_months
from ambassadeur_app.demo.entries import STRUCTURES, TEMPLATES, easter, french_holidays, mention
from ambassadeur_app.demo.register import email_address
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.services import CarnetService, open_service

# Reference day; today; a Saturday the 1st (nothing worked yet this month); a leap day; New Year.
DAYS = [REFERENCE_DAY, date.today(), date(2026, 8, 1), date(2028, 2, 29), date(2027, 1, 1)]


def demo(path: Path, today: date) -> CarnetService:
    service = open_service(path, create=True, today=lambda: today)
    build_demo(service)
    return service


def entries_of(path: Path, today: date) -> list[tuple[date, Mission, str, int, str]]:
    with demo(path, today) as service:
        return [
            (e.day, e.mission, e.activity, e.minutes, e.description)
            for e in service.entries(service.entry_ids(EntryFilter())).values()
        ]


def test_demo_is_deterministic_for_a_given_day(tmp_path: Path) -> None:
    first = entries_of(tmp_path / "a.ambassadeur", REFERENCE_DAY)
    assert sorted(first, key=str) == sorted(entries_of(tmp_path / "b.ambassadeur", REFERENCE_DAY), key=str)
    later_day = REFERENCE_DAY + timedelta(days=92)  # three months on: the whole demo moves
    later = [e[0] for e in entries_of(tmp_path / "c.ambassadeur", later_day)]
    assert min(later) >= date(2025, 12, 1)
    assert max(later) <= later_day
    assert max(later) > max(e[0] for e in first)


def test_demo_is_realistic(tmp_path: Path) -> None:
    with demo(tmp_path / "demo.ambassadeur", REFERENCE_DAY) as service:
        programme = service.programme()
        assert programme.departement_code == "54"
        assert programme.start_date == date(2025, 9, 1)
        assert len(service.ambassadors()) == 2
        months = programme.period_months
        assert len(months) == 6
        summaries = [service.month_summary(m) for m in months]
        assert all(s.total_minutes > 25 * 60 for s in summaries)
        assert all(all(s.by_mission[m] for m in Mission.funded_missions()) for s in summaries)
        assert [s.claim.over_cap_minutes > 0 for s in summaries].count(True) == 1
        assert service.closed_months() == {Month(2025, 9), Month(2025, 10)}
        (reopened, _) = service.carnet.months.history(Month(2025, 10))
        assert reopened.reopen_reason == (
            "Correction d'une formation saisie deux fois le 14 octobre (doublon supprimé)."
        )
        assert any(s.other_minutes for s in summaries)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_demo_lives_in_the_present(tmp_path: Path, today: date) -> None:
    with demo(tmp_path / "demo.ambassadeur", today) as service:
        months = service.programme().period_months
        assert months == demo_months(today)
        assert months[-1] == Month.of(today)  # the experiment is under way, in its last month
        assert service.closed_months() == set(months[:2])
        (reopened, _) = service.carnet.months.history(months[1])
        assert months[1].title().split()[0].lower() in reopened.reopen_reason
        entries = service.entries(service.entry_ids(EntryFilter())).values()
        assert max(e.day for e in entries) <= today
        holidays = french_holidays(today.year) | french_holidays(today.year - 1)
        assert not [e for e in entries if e.day.weekday() > 4 or e.day in holidays]
        full = [service.month_summary(m) for m in months[:-1]]
        assert all(s.total_minutes > 25 * 60 for s in full)
        assert [s.claim.over_cap_minutes > 0 for s in full].count(True) == 1
        # Requests waiting for an answer arrived in the last days, not months ago.
        register = service.register
        requests = register.solicitations(register.solicitation_ids()).values()
        waiting = [r for r in requests if r.answered_at is None]
        assert len(waiting) == 3
        assert all(0 < (today - r.received_at.date()).days <= 7 for r in waiting)
        assert all(r.received_at.date() <= today for r in requests)
        # Follow-ups: some open, none forgotten for weeks.
        contacts = register.contacts(register.contact_ids()).values()
        assert max(c.day for c in contacts) <= today
        open_steps = [c for c in contacts if c.next_step and not c.next_step_done]
        assert all(c.next_step_due and c.next_step_due >= today - timedelta(days=5) for c in open_steps)
        assert any(c.next_step_done for c in contacts)
        structures = register.all_structures()
        steps = [d for s in structures for d in s.onboarding_dates.values()]
        assert months[0].first_day <= min(steps)
        assert max(steps) <= today


def test_demo_sentences_are_correct_french_and_addresses_are_ascii(tmp_path: Path) -> None:
    with demo(tmp_path / "demo.ambassadeur", date.today()) as service:
        register = service.register
        texts = [e.description for e in service.entries(service.entry_ids(EntryFilter())).values()]
        texts += [c.subject for c in register.contacts(register.contact_ids()).values()]
        texts += [r.description for r in register.solicitations(register.solicitation_ids()).values()]
        professionals = register.professionals(register.professional_ids()).values()
        emails = [p.email for p in professionals] + [a.email for a in service.ambassadors()]
    assert "Mise à jour des habilitations du cabinet infirmier du Placieux" in texts
    wrong = re.compile(r"\b(de|à) les? ", re.IGNORECASE)
    assert not [t for t in texts if wrong.search(t)]
    assert len(emails) > 50
    assert all(re.fullmatch(r"[a-z]+(?:[.-][a-z]+)*@example\.org", e) for e in emails), emails
    assert len(set(emails)) == len(emails)


def test_every_template_reads_well_with_every_structure() -> None:
    wrong = re.compile(r"\b(de|à) les? ", re.IGNORECASE)
    for templates in TEMPLATES.values():
        for _, template in templates:
            for phrase, *_ in STRUCTURES:
                assert not wrong.search(mention(template, phrase)), mention(template, phrase)


def test_mention_contracts_the_preposition_with_the_article() -> None:
    assert mention("habilitations de {s}", "le cabinet infirmier") == "habilitations du cabinet infirmier"
    assert mention("Visite à {s}", "le CH de Toul") == "Visite au CH de Toul"
    assert mention("Visite à {s}", "les MSP") == "Visite aux MSP"
    assert mention("l'équipe de {s}", "les cabinets") == "l'équipe des cabinets"
    assert mention("l'équipe de {s}", "la MSP") == "l'équipe de la MSP"
    assert mention("accès de {s}", "l'EHPAD") == "accès de l'EHPAD"
    assert mention("Appel avec {s}", "le DAC 54") == "Appel avec le DAC 54"
    assert mention("Formation de l'équipe", "le DAC") == "Formation de l'équipe"
    assert mention("Réunion Parceo-de {s}", "le DAC") == "Réunion Parceo-de le DAC"  # not a word


def test_email_addresses_fold_accents() -> None:
    assert email_address("Lefèvre", "Élodie") == "lefevre.elodie@example.org"
    assert email_address("Noël", "François") == "noel.francois@example.org"
    assert email_address("Le Cœur", "Anne-Sophie") == "lecoeur.anne-sophie@example.org"


def test_french_public_holidays() -> None:
    assert [easter(y) for y in (2024, 2025, 2026, 2027)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
    ]
    holidays = french_holidays(2026)
    assert {date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)} <= holidays  # Pâques, Ascension
    assert {date(2026, 1, 1), date(2026, 7, 14), date(2026, 11, 11), date(2026, 12, 25)} <= holidays
    assert len(holidays) == 11


@pytest.mark.parametrize("today", [REFERENCE_DAY, date(2026, 8, 1)], ids=str)
def test_demo_events_training_and_their_time(tmp_path: Path, today: date) -> None:
    with demo(tmp_path / "demo.ambassadeur", today) as service:
        events = service.events
        found = events.events(events.event_ids()).values()
        kinds = sorted(e.kind.value for e in found)
        assert kinds == ["atelier", "formation", "formation", "formation", "groupe_travail"]
        assert [e.title for e in found if e.open_to_departement] == [
            "Atelier d'information Parceo — soirée de la CPTS"
        ]
        assert all(e.sessions[-1].day < today for e in found)
        assert len(events.module_ids()) == 4
        trainings = [e for e in found if e.module_id]
        assert len({e.module_id for e in trainings}) == 3
        months = service.programme().period_months
        for event in found:
            invited, present = events.counts([event.id])[event.id]
            assert 0 < present <= invited + 2
            assert all(
                months[0].first_day <= i.invited_on < event.first_day for i in events.invitations(event.id)
            )
            entries = service.entries(events.time_entry_ids(event.id)).values()
            assert entries
            assert all(e.mission is event.mission for e in entries)
        workshop = next(e for e in found if e.open_to_departement)
        walk_ins = [a for a in events.attendances(workshop.id) if a.walk_in]
        assert len(walk_ins) == 2  # one matched in the register, one created: nobody doubled
        register = service.register
        people = register.professionals(register.professional_ids()).values()
        keys = [(p.last_name.casefold(), p.first_name.casefold(), p.commune) for p in people]
        assert len(keys) == len(set(keys))
        trained = {a.professional_id for e in trainings for a in events.attendances(e.id) if a.attended}
        assert events.trained_count() == len(trained) > 6
        counts = events.participant_counts()
        assert counts.total == sum(counts.by_profession.values())
        assert service.closed_months() == set(months[:2])
