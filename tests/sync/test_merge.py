"""Two and three carnets merging through a folder: fields, conflicts, deletions, the carnet's rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.services.sync import conflict_lines
from ambassadeur_app.sync.engine import hlc_time
from tests.conftest import log_entry
from tests.sync.conftest import (
    DAY,
    Binome,
    Laptop,
    ahead,
    contents,
    edit,
    everyone_syncs,
    field,
    pair,
    sent_by_b,
)


def test_the_joined_carnet_is_the_shared_one(binome: Binome) -> None:
    a = binome.first()
    entry = log_entry(a.service, DAY, 90, description="Visite MSP")
    a.sync()
    b = binome.join("b")
    assert b.service.programme() == a.service.programme()
    assert b.service.entry(entry) == a.service.entry(entry)
    assert contents(b) == contents(a)


def test_two_people_editing_different_fields_both_keep_their_edit(binome: Binome) -> None:
    a, b, entry = pair(binome)
    edit(a, entry, place="Toul")
    edit(b, entry, description="Réunion de secteur")
    everyone_syncs([a, b])
    for laptop in (a, b):
        merged = laptop.service.entry(entry)
        assert (merged.place, merged.description) == ("Toul", "Réunion de secteur")
        assert laptop.sync_service.conflicts() == []
    assert contents(a) == contents(b)


def test_same_field_edited_on_both_sides_is_decided_alike_and_the_loser_kept(binome: Binome) -> None:
    a, b, entry = pair(binome)
    # B's clock is five hours ahead: its concurrent edit wins on both laptops, the other is kept.
    ahead(b, 5)
    edit(a, entry, place="Toul")
    edit(b, entry, place="Nancy")
    everyone_syncs([a, b])
    assert field(a, "time_entries", entry, "place") == field(b, "time_entries", entry, "place") == "Nancy"
    for laptop in (a, b):
        (conflict,) = laptop.sync_service.conflicts()
        assert (conflict.kind, conflict.column, conflict.kept, conflict.set_aside) == (
            "champ",
            "place",
            "Nancy",
            "Toul",
        )
        assert "« Toul »" in conflict.description
    assert contents(a) == contents(b)


def test_an_edit_made_after_seeing_the_other_wins_whatever_the_clocks(binome: Binome) -> None:
    a, b, entry = pair(binome)
    ahead(b, 5)  # B is 5 h ahead
    edit(b, entry, place="Nancy")
    b.sync()
    a.sync()
    assert field(a, "time_entries", entry, "place") == "Nancy"
    edit(a, entry, place="Toul")  # A's wall clock is earlier
    everyone_syncs([a, b])
    assert field(a, "time_entries", entry, "place") == field(b, "time_entries", entry, "place") == "Toul"
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []


def test_choosing_the_set_aside_value_travels_and_settles_both_sides(binome: Binome) -> None:
    a, b, entry = pair(binome)
    ahead(b, 1)
    edit(a, entry, place="Toul")
    edit(b, entry, place="Nancy")
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    settled = a.sync_service.keep(conflict.id[:8], "ecartee")
    assert settled.resolved
    everyone_syncs([a, b])
    assert field(a, "time_entries", entry, "place") == field(b, "time_entries", entry, "place") == "Toul"
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []
    assert len(b.sync_service.conflicts(include_resolved=True)) == 1


def test_keeping_the_current_value_settles_the_other_laptop_too(binome: Binome) -> None:
    a, b, entry = pair(binome)
    edit(a, entry, place="Toul")
    edit(b, entry, place="Nancy")
    everyone_syncs([a, b])
    kept = field(a, "time_entries", entry, "place")
    (conflict,) = b.sync_service.conflicts()
    b.sync_service.keep(conflict.id, "actuelle")
    everyone_syncs([a, b])
    assert field(a, "time_entries", entry, "place") == field(b, "time_entries", entry, "place") == kept
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []


def test_an_edit_concurrent_with_a_deletion_keeps_the_record_and_says_so(binome: Binome) -> None:
    a, b, entry = pair(binome)
    a.service.delete_entries([entry])
    edit(b, entry, description="Compte rendu ajouté")
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert laptop.service.carnet.entries.is_live(entry)
        assert laptop.service.entry(entry).description == "Compte rendu ajouté"
        assert [c.kind for c in laptop.sync_service.conflicts()] == ["suppression"]
    assert contents(a) == contents(b)
    # Choosing the deletion deletes it on both.
    (conflict,) = a.sync_service.conflicts()
    a.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b])
    assert not b.service.carnet.entries.is_live(entry)
    assert b.sync_service.conflicts() == []


def test_a_deletion_after_seeing_the_edit_is_no_conflict(binome: Binome) -> None:
    a, b, entry = pair(binome)
    edit(b, entry, description="vu")
    everyone_syncs([b, a])
    a.service.delete_entries([entry])
    everyone_syncs([a, b])
    assert not b.service.carnet.entries.is_live(entry)
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []


def test_an_entry_arriving_in_a_month_closed_here_is_set_aside_not_signed(
    binome: Binome, tmp_path: Path
) -> None:
    a = binome.first()
    log_entry(a.service, date(2024, 10, 3), 60)
    a.sync()
    b = binome.join("b")
    october = Month(2024, 10)
    (tmp_path / "releves").mkdir()
    a.service.close_month(october, tmp_path / "releves")
    signed = october_minutes(a)
    late = log_entry(b.service, date(2024, 10, 20), 45, description="oubliée")
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert not laptop.service.carnet.entries.is_live(late)
        (conflict,) = laptop.sync_service.conflicts()
        assert conflict.kind == "mois_clos"
        assert "octobre 2024" in conflict.description
    assert october_minutes(a) == october_minutes(b) == signed == 60
    assert contents(a) == contents(b)
    # Taking the entry reopens the month, on both laptops.
    (conflict,) = b.sync_service.conflicts()
    b.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert laptop.service.carnet.entries.is_live(late)
        assert laptop.service.carnet.months.active(october) is None
        assert laptop.sync_service.conflicts() == []


def test_edits_and_deletions_made_without_knowing_of_the_closing_leave_the_signed_month_alone(
    binome: Binome,
) -> None:
    a = binome.first()
    longer = log_entry(a.service, date(2024, 10, 3), 60)
    deleted = log_entry(a.service, date(2024, 10, 4), 60)
    unfunded = log_entry(a.service, date(2024, 10, 7), 60)
    moved = log_entry(a.service, date(2024, 10, 8), 60)
    a.sync()
    b = binome.join("b")
    edit(b, longer, minutes=300)
    b.service.delete_entries([deleted])
    edit(b, unfunded, mission=Mission.AUTRE, activity="Autre")
    edit(b, moved, day=date(2024, 11, 8))
    a.service.close_month(Month(2024, 10))
    signed = october_rows(a)
    everyone_syncs([a, b])
    everyone_syncs([a, b])
    assert october_rows(a) == october_rows(b) == signed
    assert contents(a) == contents(b)
    listed = {
        laptop: sorted((c.row_id, c.id, c.description) for c in laptop.sync_service.conflicts())
        for laptop in (a, b)
    }
    assert listed[a] == listed[b]
    assert [row_id for row_id, _, _ in listed[a]] == sorted([longer, deleted, unfunded, moved])
    assert all(c.kind == "mois_clos" for c in a.sync_service.conflicts())
    # Taking the longer duration reopens the month, on both laptops.
    (conflict,) = [c for c in b.sync_service.conflicts() if c.row_id == longer]
    assert "(durée : 5\xa0h)" in conflict.description
    b.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b])
    assert field(a, "time_entries", longer, "minutes") == field(b, "time_entries", longer, "minutes") == 300
    assert a.service.carnet.months.active(Month(2024, 10)) is None


def october_rows(laptop: Laptop) -> list[tuple[object, ...]]:
    return laptop.db.execute(
        "SELECT id, day, minutes, mission, activity FROM time_entries WHERE deleted_at IS NULL "
        "AND day LIKE '2024-10-%' ORDER BY id"
    ).fetchall()


def october_minutes(laptop: Laptop) -> int:
    return int(
        laptop.db.execute(
            "SELECT sum(minutes) FROM time_entries WHERE deleted_at IS NULL AND day LIKE '2024-10-%'"
        ).fetchone()[0]
    )


def test_the_same_entry_typed_on_both_laptops_is_offered_for_deduplication(binome: Binome) -> None:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    first = log_entry(a.service, DAY, 90, description="Réunion CPTS")
    second = log_entry(b.service, DAY, 90, description="réunion cpts")
    everyone_syncs([a, b])
    for laptop in (a, b):
        (conflict,) = laptop.sync_service.conflicts()
        assert conflict.kind == "doublon"
        assert {conflict.row_id, conflict.other_id} == {first, second}
        # Counted once while no one chose: the second typed is set aside, never removed silently.
        assert laptop.service.carnet.entries.is_live(conflict.row_id)
        assert not laptop.service.carnet.entries.is_live(conflict.other_id)
    assert contents(a) == contents(b)
    (conflict,) = a.sync_service.conflicts()
    a.sync_service.keep(conflict.id, "actuelle")  # one entry: the copy goes
    everyone_syncs([a, b])
    live = {e for e in (first, second) if b.service.carnet.entries.is_live(e)}
    assert live == {conflict.row_id}
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []
    assert contents(a) == contents(b)


def test_three_carnets_converge_whatever_the_order(binome: Binome) -> None:
    a, b, entry = pair(binome)
    c = binome.join("c")
    edit(a, entry, place="Toul")
    edit(b, entry, place="Nancy")
    edit(c, entry, place="Metz")
    log_entry(c.service, date(2024, 11, 13), 30)
    c.sync()
    b.sync()
    a.sync()
    c.sync()
    everyone_syncs([b, a, c])
    assert contents(a) == contents(b) == contents(c)
    sets = [{(x.kind, x.set_aside) for x in laptop.sync_service.conflicts()} for laptop in (a, b, c)]
    assert sets[0] == sets[1] == sets[2]
    assert len(sets[0]) == 2  # three values, one kept


def test_the_other_laptops_last_change_is_reported(binome: Binome) -> None:
    a, b, _ = sent_by_b(binome)
    report = a.sync()
    (moment,) = report.last_change.values()
    clock = int(b.db.execute("SELECT hlc FROM _sync_state").fetchone()[0])
    assert abs((moment - hlc_time(clock)).total_seconds()) < 1


def test_fields_checked_together_merge_together(binome: Binome) -> None:
    """An expense's HT, VAT and TTC edited apart on the two laptops: the latest edit of the
    amounts wins as a whole, never HT from one and VAT from the other (the row must add up)."""
    a = binome.first()
    a.db.execute(
        "INSERT INTO expenses (id, supplier, issued_on, amount_ht_cents, vat_cents, amount_ttc_cents, "
        "status, created_at, updated_at, device_id) VALUES ('x', 'Traiteur', '2024-11-04', 1000, 200, 1200, "
        "'devis', 't', 't', 'd')"
    )
    a.sync()
    b = binome.join("b")
    ahead(b, 1)
    a.db.execute("UPDATE expenses SET amount_ht_cents = 2000, amount_ttc_cents = 2200 WHERE id = 'x'")
    b.db.execute("UPDATE expenses SET vat_cents = 400, amount_ttc_cents = 1400 WHERE id = 'x'")
    everyone_syncs([a, b])
    amounts = "SELECT amount_ht_cents, vat_cents, amount_ttc_cents FROM expenses WHERE id = 'x'"
    assert a.db.execute(amounts).fetchone() == b.db.execute(amounts).fetchone() == (1000, 400, 1400)
    assert contents(a) == contents(b)
    # The three amounts are one conflict, listed in French, and the other side can be taken.
    for laptop in (a, b):
        (conflict,) = laptop.sync_service.conflicts()
        assert conflict.set_aside == {"amount_ht_cents": 2000, "vat_cents": 200, "amount_ttc_cents": 2200}
        assert "« montant HT, TVA, montant TTC »" in conflict.description
        assert "montant HT : 20,00 €" in conflict.description.replace("\u202f", " ").replace("\xa0", " ")
        assert "cents" not in " ".join(conflict_lines([conflict]))
    b.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b])
    assert a.db.execute(amounts).fetchone() == b.db.execute(amounts).fetchone() == (2000, 200, 2200)
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []


def test_a_day_that_a_merge_takes_over_24_hours_is_listed_alike_on_both_laptops(binome: Binome) -> None:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    log_entry(a.service, DAY, 20 * 60)
    extra = log_entry(b.service, DAY, 6 * 60)
    everyone_syncs([a, b])
    on_a, on_b = ([(c.id, c.kind, c.description) for c in x.sync_service.conflicts()] for x in (a, b))
    assert on_a == on_b
    ((_, kind, description),) = on_a
    assert kind == "24h"
    assert "12/11/2024" in description
    assert "26\xa0h" in description
    b.service.delete_entries([extra])
    everyone_syncs([a, b])
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []
    # Listed again once settled, it says what the day held and holds now, no contradiction.
    (settled,) = b.sync_service.conflicts(include_resolved=True)
    assert settled.description == (
        "Le 12/11/2024, Marie Durand avait plus de 24 h d'activité après la synchronisation ; "
        "la journée compte maintenant 20\xa0h."
    )


def test_both_laptops_list_the_same_conflicts_whatever_values_they_met_in_between(binome: Binome) -> None:
    a, b, entry = pair(binome)
    edit(a, entry, place="Toul")
    edit(a, entry, place="Nancy")  # A's latest, in the same file
    edit(b, entry, place="Toul")  # B meets A's first value: equal, then A's latest
    edit(b, entry, description="RDV")
    edit(b, entry, description="RDV MSP")
    edit(a, entry, description="Visite")
    everyone_syncs([a, b])
    listed = [
        sorted((c.id, c.column, str(c.kept), str(c.set_aside)) for c in laptop.sync_service.conflicts(True))
        for laptop in (a, b)
    ]
    assert listed[0] == listed[1]
    assert sorted(column for _, column, _, _ in listed[0]) == ["description", "place"]


def test_a_deletion_made_knowing_the_edit_stands_against_an_undone_one(binome: Binome) -> None:
    """A deletes; B edits meanwhile; C, having seen B's edit but not A's deletion, deletes too.
    A's deletion is undone (concurrent with the edit) and listed on every laptop; C's, made
    knowing the edit, deletes the entry everywhere, whatever order the files arrive in."""
    a, b, entry = pair(binome)
    c = binome.join("c")
    a.service.delete_entries([entry])
    edit(b, entry, description="Compte rendu ajouté")
    b.sync()
    c.sync()
    c.service.delete_entries([entry])
    a.sync()  # A meets B's edit: its own deletion is undone
    c.sync()
    everyone_syncs([b, a, c], rounds=3)
    assert contents(a) == contents(b) == contents(c)
    for laptop in (a, b, c):
        assert not laptop.service.carnet.entries.is_live(entry)
    listed = [
        sorted((x.id, x.kind, x.set_aside) for x in laptop.sync_service.conflicts(True))
        for laptop in (a, b, c)
    ]
    assert listed[0] == listed[1] == listed[2]
    assert [kind for _, kind, _ in listed[0]] == ["suppression"]
