"""Laptops on two versions: the changes of a table the older version does not know (here the
choices made in the conflicts, ``conflict_choices``, hidden on laptop A as on a version before
step m020) wait on that laptop, and are applied, with the usual rules, at its first sync after
the step that creates the table."""

from __future__ import annotations

import sqlite3

from ambassadeur_app.services import open_service
from tests.conftest import TODAY, log_entry
from tests.sync.conftest import (
    DAY,
    Binome,
    Laptop,
    ahead,
    before_step,
    contents,
    edit,
    everyone_syncs,
    listing,
    pair,
)
from tests.sync.test_reported_sync_bugs import counted

STEP = "m020_conflict_choices"


def three_conflicts(binome: Binome) -> tuple[Laptop, Laptop, str]:
    """A and B with a « suppression », a « champ » and a « doublon » listed on both; the entry
    deleted on A and edited on B."""
    a, b, entry = pair(binome)
    other = log_entry(a.service, DAY, 30, description="Réunion")
    everyone_syncs([a, b])
    a.service.delete_entries([entry])
    edit(b, entry, description="Compte rendu ajouté")
    ahead(b, 1)
    edit(a, other, place="Toul")
    edit(b, other, place="Nancy")
    for laptop in (a, b):
        log_entry(laptop.service, DAY, 45, description="Appel MSP Toul")
    everyone_syncs([a, b])
    assert sorted(c.kind for c in a.sync_service.conflicts()) == ["champ", "doublon", "suppression"]
    assert listing(a) == listing(b)
    return a, b, entry


def older(binome: Binome, number: int) -> Laptop:
    """Laptop ``number`` as a version that does not know the choices' table yet: the table, and
    its capture, gone (the step stays recorded: opening does not create it again)."""
    laptop = binome.laptops[number]
    path = laptop.service.path
    laptop.close()
    with sqlite3.connect(path) as old:
        assert not old.execute("SELECT count(*) FROM conflict_choices").fetchone()[0]
        for (name,) in old.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%conflict_choices' "
            "ESCAPE '\\'"
        ).fetchall():
            old.execute(f"DROP TRIGGER {name}")
        old.execute("DROP TABLE conflict_choices")
    old.close()
    binome.laptops[number] = Laptop(open_service(path, today=lambda: TODAY))
    return binome.laptops[number]


def waiting(laptop: Laptop) -> list[tuple[str, str]]:
    return laptop.db.execute("SELECT tbl, col FROM _sync_waiting ORDER BY id").fetchall()


def test_choices_made_on_the_updated_laptop_wait_on_the_older_one_until_it_is_updated(binome: Binome) -> None:
    a, b, _ = three_conflicts(binome)
    a = older(binome, 0)
    for conflict in b.sync_service.conflicts():
        b.sync_service.keep(conflict.id, "actuelle")  # the suppression's: no change of data at all
    b.sync()
    a.sync()
    assert waiting(a) == [("conflict_choices", "*")] * 3  # applied (the file is), not forgotten
    assert counted(a) == counted(b)  # the data converge meanwhile: the copy removed on both
    everyone_syncs([b, a])
    a = before_step(binome, 0, STEP, lambda old: None)  # updated: the step creates the table
    assert waiting(a) == [("conflict_choices", "*")] * 3
    a.sync()
    assert waiting(a) == []
    b.sync()
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []
    assert listing(a) == listing(b)
    assert {c.resolved for c in a.sync_service.conflicts(include_resolved=True)} == {
        "réglé : valeur actuelle gardée",
        "réglé : gardé, la suppression écartée",
        "réglé : une seule entrée gardée",
    }
    assert contents(a) == contents(b)
    assert counted(a) == counted(b) == (90 + 30 + 45, 3)


def test_a_choice_made_meanwhile_on_the_updated_laptop_merges_with_the_waiting_one(binome: Binome) -> None:
    a, b, entry = three_conflicts(binome)
    a = older(binome, 0)
    (deletion,) = [c for c in b.sync_service.conflicts() if c.kind == "suppression"]
    b.sync_service.keep(deletion.id, "actuelle")  # B keeps the entry...
    everyone_syncs([b, a])
    a = before_step(binome, 0, STEP, lambda old: None)
    assert deletion.id in [c.id for c in a.sync_service.conflicts()]  # A has not read B's choice yet
    a.sync_service.keep(deletion.id, "ecartee")  # ...A, updated, deletes it: the later choice wins
    everyone_syncs([a, b])
    assert waiting(a) == []
    for laptop in (a, b):
        assert not laptop.service.carnet.entries.is_live(entry)
        (settled,) = [c for c in laptop.sync_service.conflicts(include_resolved=True) if c.id == deletion.id]
        assert settled.resolved == "réglé : supprimé, la suppression reprise"
    assert listing(a) == listing(b)
    assert contents(a) == contents(b)


def test_an_erasure_scrubs_the_changes_that_wait(binome: Binome) -> None:
    """A later version's row may name the person erased: the waiting change is rewritten too."""
    a = binome.first()
    with a.service.carnet.write():
        a.db.execute(
            "INSERT INTO _sync_waiting (replica, file, hlc, tbl, row_id, col, value) "
            "VALUES ('b', 1, 1, 'later_table', 'r', '*', ?), ('b', 1, 1, 'later_table', 'r', 'note', ?)",
            ['{"id": "r", "note": "Appel de M. Dupont"}', "Dupont rappelle"],
        )
        a.sync_service.engine.scrub_log(lambda text: text.replace("Dupont", "X"))
    assert a.db.execute("SELECT value FROM _sync_waiting ORDER BY id").fetchall() == [
        ('{"id": "r", "note": "Appel de M. X"}',),
        ("X rappelle",),
    ]
