"""The demonstration carnet: deterministic for a day, realistic, in the present, in good French."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from ambassadeur_app.demo import REFERENCE_DAY, build_demo, demo_months
from ambassadeur_app.demo.entries import STRUCTURES, TEMPLATES, easter, french_holidays, mention
from ambassadeur_app.demo.register import email_address
from ambassadeur_app.domain.dates import MONTH_NAMES, Month
from ambassadeur_app.domain.expenses import AttachmentRole
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.domain.planning import ActionStatus
from ambassadeur_app.domain.register import StructureType
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


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_demo_time_on_an_event_is_linked_to_it_and_no_other_entry_names_one(
    tmp_path: Path, today: date
) -> None:
    with demo(tmp_path / "demo.ambassadeur", today) as service:
        events = service.events
        found = events.events(events.event_ids()).values()
        linked = {entry_id: event for event in found for entry_id in events.time_entry_ids(event.id)}
        entries = service.entries(service.entry_ids(EntryFilter()))
    titles = {e.title for e in found} | {e.title.split(" : ")[-1] for e in found} | {"soirée"}
    assert all(entries[i].day <= event.sessions[-1].day for i, event in linked.items())
    unlinked = [e for i, e in entries.items() if i not in linked]
    assert [e for e in unlinked if any(t.casefold() in e.description.casefold() for t in titles)] == []
    assert any(e.activity == "Session de formation" for e in unlinked)  # one-to-one training


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_demo_people_practise_where_their_profession_does(tmp_path: Path, today: date) -> None:
    with demo(tmp_path / "demo.ambassadeur", today) as service:
        register = service.register
        kinds = {s.id: s.type for s in register.all_structures()}
        people = register.professionals(register.professional_ids())
        places = {(p.profession_code, kinds[s]) for p in people.values() for s in p.structure_ids}
        group = next(
            e
            for e in service.events.events(service.events.event_ids()).values()
            if e.kind.value == "groupe_travail"
        )
        present = [a.professional_id for a in service.events.attendances(group.id) if a.attended]
    assert {code for code, kind in places if kind is StructureType.PHARMACIE} <= {"G15-21"}
    practices = {StructureType.MSP, StructureType.CDS, StructureType.EHPAD, StructureType.CH}
    assert {kind for code, kind in places if code == "G15-10"} <= practices
    # « avec le CH, l'EHPAD et le DAC »: someone of each attends.
    attending = {kinds[s] for p in present for s in people[p].structure_ids}
    assert {StructureType.CH, StructureType.EHPAD, StructureType.DAC} <= attending


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_demo_planning_journal_and_expenses_agree_with_the_carnet(tmp_path: Path, today: date) -> None:
    with demo(tmp_path / "demo.ambassadeur", today) as service:
        months = service.programme().period_months
        over = [m for m in months[:-1] if service.month_summary(m).claim.over_cap_minutes]
        planning = service.planning
        actions = planning.actions(planning.action_ids()).values()
        notes = planning.notes()
        pertinence = planning.pertinence()
        structures = {s.id: s for s in service.register.all_structures()}
        [hospital] = [s for s in structures.values() if s.it_commitment_on]
        expenses = service.expenses
        found = expenses.expenses(expenses.expense_ids())
        roles = {i: {a.role for a in expenses.attachments_of(i)} for i in found}
        surnames = {a.name.split()[-1] for a in service.ambassadors()}
    assert hospital.type is StructureType.CH
    [engaged] = [a for a in actions if "service informatique du CH" in a.title]
    if engaged.status is not ActionStatus.TODO:  # a demo built early has not started it
        assert (engaged.status, engaged.actual_end) == (ActionStatus.DONE, hospital.it_commitment_on)
    assert "achever l'engagement" not in pertinence
    assert "un coordinateur" in pertinence
    [month] = over
    cap_notes = [n.text for n in notes if "plafond" in n.text]
    assert len(cap_notes) == (months[-1].first_day + timedelta(days=1) <= today)
    assert all(f"dépassé en {MONTH_NAMES[month.month - 1]} :" in text for text in cap_notes)
    about_it = [n for n in notes if "service informatique du centre hospitalier" in n.text]
    assert about_it
    assert all(structures[link.target_id].type is StructureType.CH for n in about_it for link in n.links)
    for expense_id, expense in found.items():
        assert not surnames & set(expense.supplier.split())
        if expense.committed:
            assert roles[expense_id] == {AttachmentRole.QUOTE, AttachmentRole.INVOICE}


def test_the_demo_day_backup_holds_the_demo(tmp_path: Path, private_home: Path) -> None:
    """The day's backup of the demonstration is taken once it is filled (it was taken at the
    first write, the carnet set up but empty: restoring it gave an empty carnet)."""
    carnet = tmp_path / "demo.ambassadeur"
    env = {**os.environ, "AMBASSADEUR_HOME": str(private_home)}

    def ambassadeur(*args: str) -> str:
        command = [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet), *args]
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True, timeout=120)
        return done.stdout

    made = ambassadeur("demo")
    found = re.search(r"\((\d+) entrées\)", made)
    assert found, made
    count = int(found[1])
    [daily] = [line.split()[-1] for line in ambassadeur("sauvegardes").splitlines() if "quotidienne" in line]
    with closing(sqlite3.connect(daily)) as backup:
        kept = backup.execute("SELECT COUNT(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0]
        closings = backup.execute("SELECT COUNT(*) FROM month_locks").fetchone()[0]
    assert kept == count > 100
    assert closings == 3  # the demo's last writes too (two closings and a reopening)
