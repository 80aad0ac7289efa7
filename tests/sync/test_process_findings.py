"""Engine faults found by the simulation in processes (tests/sync/test_processes.py), reduced
to deterministic examples: a value replaced knowingly after losing is listed alike everywhere, an
edit dropped against one erasure is dropped against any, a file written again after its value was
forgotten brings nothing new, a copy of a doublon kept out of a closed month is not taken for
a change of what the month's closing signed, a deletion undone against an edit is not set aside
by a closed month, a decision of the merge claims to know only the files applied before it."""

from __future__ import annotations

from dataclasses import replace

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.sync.engine import DECIDED
from tests.conftest import log_entry
from tests.sync.conftest import (
    DAY,
    PHRASE,
    Binome,
    contents,
    deleted_while_edited,
    edit,
    field,
    listing,
    newest,
    pair,
)


def test_a_value_replaced_knowingly_after_losing_is_listed_alike(binome: Binome) -> None:
    # B1 loses to A1 (neither knew the other), then C replaces B1 knowingly and wins over A1:
    # the laptops that met A1 as the winner listed « B1 set aside for A1 », the others not.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    entry = log_entry(c.service, DAY, 30)
    for laptop in (c, a, b):
        laptop.sync()
    edit(b, entry, description="B1")
    b.sync()
    edit(a, entry, description="A1")  # A does not know B1
    c.sync()
    edit(c, entry, description="C1")  # C knows B1, not A1
    for laptop in (a, c, b, a, b, c, a, b, c):
        laptop.sync()
    assert listing(a) == listing(b) == listing(c)


def test_an_edit_and_an_erasure_sent_apart_against_another_erasure_converge(binome: Binome) -> None:
    # A erases P; B (not knowing) changes a field an erasure keeps, syncs, then erases P too.
    # A dropped B's edit when it came (stale against A's erasure, deleted from its log); B and C
    # met B's erasure first, which knew the edit: they keep it. The carnets differ for good.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    person = a.service.register.save_professional(Professional("Nom", "Prénom", "G15-10"))
    for laptop in (a, b, c):
        laptop.sync()
    a.service.register.erase_professional(person)
    edited = replace(b.service.register.professional(person), profession_code="G15-40")
    b.service.register.save_professional(edited)
    b.sync()
    b.service.register.erase_professional(person)
    b.sync()
    for laptop in (a, b, c, a, b, c, a, b, c):
        laptop.sync()
    assert contents(a) == contents(b) == contents(c)


def test_a_file_written_again_after_its_value_was_forgotten_makes_no_conflict(binome: Binome) -> None:
    # B applied A's file (place X), replaced X knowingly, then an erasure made B forget X. A's
    # file, damaged, is written again (A killed right after, or B reads it before A's sync ends):
    # B applies it again, does not recognise X (its record became FORGOTTEN), records it anew,
    # and lists « Y kept, X set aside » — A does not.
    a, b, entry = pair(binome)
    person = a.service.register.save_professional(Professional("Nom", "Prénom", "G15-10"))
    a.sync()
    b.sync()
    edit(a, entry, place="X")
    a.sync()
    written = newest(binome.folder, a.sync_service.engine.replica)
    b.sync()
    edit(b, entry, place="Y")
    b.service.register.erase_professional(person)
    b.sync()
    written.write_bytes(written.read_bytes()[:100])
    a.sync_service.engine.check_own(binome.folder, a.sync_service._keys(PHRASE))  # then killed
    for laptop in (b, a, b, a, b):
        laptop.sync()
    assert listing(a) == listing(b)


def test_a_copy_set_aside_in_a_closed_month_edited_meanwhile_is_undone_once(binome: Binome) -> None:
    # A and C type the same hour (a « doublon »: C's copy is kept out of the counts, never
    # sent); B closes the month; C, not knowing, changes the copy's activity. Each laptop read
    # the copy kept out as a deletion against what B's closing signed, gave it back (a change
    # sent) and set it aside again, at every sync: the laptops never stopped exchanging, and the
    # conflict listed « deleted_at » set aside instead of the activity.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    log_entry(a.service, DAY, 60)
    copy = log_entry(c.service, DAY, 60)
    for laptop in (a, b, c, a, b, c):
        laptop.sync()
    month = Month(DAY.year, DAY.month)
    b.service.close_month(month)
    edit(c, copy, activity="Réunion")
    for laptop in (b, c, a, b, c, a):
        laptop.sync()
    reports = [laptop.sync() for laptop in (b, c, a)]
    assert [(report.exported, report.applied) for report in reports] == [(0, {})] * 3
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)
    for laptop in (a, b, c):
        assert field(laptop, "time_entries", copy, "deleted_at") == DECIDED  # still out of the counts
        assert field(laptop, "time_entries", copy, "activity") == "Appel"  # as signed
        laptop.service.changed()
        assert laptop.service.month_summary(month).total_minutes == 60  # the first entry only
        (closed,) = [k for k in laptop.sync_service.conflicts() if k.kind == "mois_clos"]
        assert closed.row_id == copy
        assert closed.set_aside == {"activity": "Réunion"}


def test_a_deletion_undone_against_an_edit_in_a_month_closed_twice_is_listed_alike(binome: Binome) -> None:
    # A deletes an entry and closes the month without it; B, not knowing, edits it and closes
    # the month with it. The edit keeps the entry (« suppression »). The laptops that met B's
    # closing before A's listed the deletion as set aside by the closed month (« mois_clos »),
    # A never did: the deletion undone against the edit is not what the users wrote any more.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    entry = log_entry(a.service, DAY, 60)
    for laptop in (a, b, c):
        laptop.sync()
    month = Month(DAY.year, DAY.month)
    a.service.delete_entries([entry])
    a.sync()
    a.service.close_month(month)
    edit(b, entry, description="Vu avec l'équipe")
    b.service.close_month(month)
    for laptop in (b, c, a, b, c, a):
        laptop.sync()
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)
    for laptop in (a, b, c):
        assert [k.kind for k in laptop.sync_service.conflicts()] == ["suppression"]
        laptop.service.changed()
        assert laptop.service.month_summary(month).total_minutes == 60  # kept by the edit


def test_a_decision_sent_after_more_files_were_applied_claims_to_know_none_of_them(binome: Binome) -> None:
    # D closed the month knowing nothing of an entry; B deleted it, A edited it meanwhile (the
    # deletion undone); C closed the month with it deleted. D applies A's entry (and sets it
    # aside for its closing: a decision of the merge), then C's closing, and sends its decision
    # in a file that said it knew C's closing: D read the decision as made without knowing C's
    # closing and listed the entry set aside, the others read it as made knowing it and did
    # not. A file now holds only changes made knowing the same files.
    a, b, c, d = binome.first(), binome.join("b"), binome.join("c"), binome.join("d")
    month = Month(DAY.year, DAY.month)
    d.service.close_month(month)
    entry = log_entry(a.service, DAY, 60)
    deleted_while_edited(a, b, entry, description="Vu avec l'équipe")
    c.sync()
    c.service.close_month(month)  # the entry deleted
    c.sync()
    a.sync()
    d.sync()  # meets the entry, sets it aside, then meets C's closing
    for laptop in (a, b, c, d, a, b, c, d):
        laptop.sync()
    assert contents(a) == contents(b) == contents(c) == contents(d)
    assert listing(a) == listing(b) == listing(c) == listing(d)
    for laptop in (a, b, c, d):
        (closed,) = [k for k in laptop.sync_service.conflicts() if k.kind == "mois_clos"]
        assert closed.row_id == entry
        assert closed.set_aside == {"deleted_at": None}  # kept out of the closed month
