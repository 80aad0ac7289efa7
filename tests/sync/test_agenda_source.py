"""The agenda each decision came from travels to the other laptop with the decision, so that
importing an agenda there never proposes to remove the events of another one either; a carnet
shared before the step m019 records the new column too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ambassadeur_app.importers.agenda import parse_agenda
from ambassadeur_app.services.agenda import DELETED
from ambassadeur_app.sync.capture import capture_sql
from tests.conftest import ambassador_id
from tests.sync.conftest import Binome, Laptop, before_step, everyone_syncs
from tests.sync.test_tables import triggers
from tests.unit.test_agenda_changes import OCTOBER
from tests.unit.test_agenda_sources import A1, A2, B1, B2, GOOGLE, OUTLOOK, SHARED, calendar, summaries

SOURCES = "SELECT uid, source FROM agenda_items WHERE deleted_at IS NULL ORDER BY uid"


def sources(laptop: Laptop) -> list[tuple[str, str]]:
    return [tuple(row) for row in laptop.db.execute(SOURCES).fetchall()]


def accept_all(laptop: Laptop, path: Path) -> None:
    service = laptop.service
    service.agenda.accept(service.agenda.read(path, ambassador_id(service, "Marie Durand"), *OCTOBER))


def test_the_agenda_of_each_decision_reaches_the_other_laptop(binome: Binome, tmp_path: Path) -> None:
    a = binome.first()
    b = binome.join("b")
    work = calendar(tmp_path / "travail.ics", GOOGLE, A1, A2, SHARED)
    other = calendar(tmp_path / "perso.ics", OUTLOOK, B1, B2, SHARED)
    accept_all(a, work)
    everyone_syncs([a, b])
    assert sources(b) == sources(a)
    assert {source for _, source in sources(b)} == {parse_agenda(work, *OCTOBER).source}
    # On the other laptop: the other agenda, then the work one again, deleted meeting and all.
    marie = ambassador_id(b.service, "Marie Durand")
    accept_all(b, other)
    assert summaries(b.service, work, marie) == []
    everyone_syncs([a, b])
    assert sources(a) == sources(b)
    assert len({source for _, source in sources(a)}) == 2
    again = calendar(tmp_path / "travail (2).ics", GOOGLE, A1, SHARED)
    for laptop in (a, b):
        assert summaries(laptop.service, again, marie) == [("removed", "Réunion CPTS", DELETED, "écarté")]
        assert summaries(laptop.service, other, marie) == []


def drop_source(old: sqlite3.Connection) -> None:
    """Back to the schema of before m019."""
    old.execute("ALTER TABLE agenda_items DROP COLUMN source")


def test_a_carnet_shared_before_the_step_records_the_agenda_of_its_decisions(
    binome: Binome, tmp_path: Path
) -> None:
    binome.first()
    binome.join("b")
    for number in range(2):
        before_step(binome, number, "m019_agenda_items_source", drop_source)
    a, b = binome.laptops
    for laptop in (a, b):
        assert triggers(laptop.db) == set(capture_sql(laptop.db))
        assert "'source'" in " ".join(triggers(laptop.db))
    work = calendar(tmp_path / "travail.ics", GOOGLE, A1, A2, SHARED)
    accept_all(a, work)
    everyone_syncs([a, b])
    assert sources(b) == sources(a)
    assert {source for _, source in sources(b)} == {parse_agenda(work, *OCTOBER).source}
