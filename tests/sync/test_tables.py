"""Every table of the schema is synced or kept on each laptop, on purpose; the capture is up to date,
in shared carnets only."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.domain.register import Structure, StructureType
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.sync import join
from ambassadeur_app.sync.capture import LOCAL_TABLES, SYNCED_TABLES, capture_sql
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.sync.conftest import DAY, FAST, PHRASE, Binome, edit


def tables(service: CarnetService) -> set[str]:
    return {
        row[0]
        for row in service.carnet.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    }


def test_every_table_is_either_synced_or_local_only(service: CarnetService) -> None:
    """A new table must be added to SYNCED_TABLES (and its capture installed) or LOCAL_TABLES."""
    assert not set(SYNCED_TABLES) & set(LOCAL_TABLES)
    assert tables(service) == set(SYNCED_TABLES) | set(LOCAL_TABLES)


def test_synced_tables_come_after_the_tables_they_reference_and_never_point_to_local_ones(
    service: CarnetService,
) -> None:
    for position, table in enumerate(SYNCED_TABLES):
        for reference in service.carnet.db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            target = reference[2]
            assert target in SYNCED_TABLES[:position], (table, target)


def triggers(db: Any) -> set[str]:
    return {
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
        ).fetchall()
    }


def test_a_carnet_not_shared_holds_no_capture_trigger(service: CarnetService) -> None:
    """Each new connection parses every trigger of the schema: a carnet not shared has no capture
    trigger, only the three that keep the entries' day sums."""
    log_entry(service, DAY, 45)
    assert not triggers(service.carnet.db)
    assert {
        row[0]
        for row in service.carnet.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    } == {"_time_entry_day_sums_insert", "_time_entry_day_sums_delete", "_time_entry_day_sums_update"}


def test_the_capture_triggers_match_the_schema_once_shared(binome: Binome) -> None:
    """A migration that adds a column to a synced table must call ``install_capture`` again;
    sharing and joining (plain or merging a carnet kept apart) install the capture."""
    a = binome.first()
    b = binome.join("b")
    apart = open_service(binome.tmp_path / "c.ambassadeur", create=True, today=lambda: TODAY)
    apart.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
    apart.close()
    merged, _ = join(binome.folder, binome.tmp_path / "c.ambassadeur", PHRASE, FAST, merge=True)
    with open_service(merged, today=lambda: TODAY) as c:
        for db in (a.db, b.db, c.carnet.db):
            assert triggers(db) == set(capture_sql(db))
            assert len(triggers(db)) == 4 * len(SYNCED_TABLES)


def test_a_shared_carnet_captures_every_change(binome: Binome) -> None:
    a = binome.first()
    entry = log_entry(a.service, DAY, 45)
    edit(a, entry, minutes=60)
    structure = a.service.register.save_structure(Structure("MSP de Toul", StructureType.MSP))
    logged = a.db.execute(
        "SELECT tbl, row_id, col, value FROM _sync_log WHERE file IS NULL ORDER BY id"
    ).fetchall()
    assert [row[:3] for row in logged] == [
        ("time_entries", entry, "*"),
        ("time_entries", entry, "minutes"),
        ("time_entries", entry, "updated_at"),
        ("structures", structure, "*"),
    ]
    assert logged[1][3] == 60
    # A row's creation is written down as created before its first change; until then it is
    # the row as it is in its table (NULL in the log).
    assert json.loads(logged[0][3])["minutes"] == 45
    assert logged[3][3] is None
    created = a.sync_service.engine.winner("structures", structure, "name_key")
    assert created is not None
    assert (created.col, created.value_of("name_key")) == ("*", "msp de toul")


def reopened_before_the_last_step(path: Path) -> None:
    """Mark the carnet at ``path`` (closed) as made before ``m016_capture_only_when_shared``."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm016_capture_only_when_shared'")
    conn.close()


def test_the_migration_drops_the_triggers_of_a_carnet_not_shared_and_keeps_a_shared_ones(
    binome: Binome, carnet_path: Path
) -> None:
    with open_service(carnet_path, create=True, today=lambda: TODAY) as apart:
        apart.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
        with apart.carnet.write():
            for statement in capture_sql(apart.carnet.db):  # as every carnet held them before
                apart.carnet.db.execute(statement)
    a = binome.first()
    path = a.service.carnet.path
    with a.service.carnet.write():
        for (name,) in a.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            a.db.execute(f"DROP TRIGGER {name}")
    a.close()
    binome.laptops.remove(a)
    for closed in (carnet_path, path):
        reopened_before_the_last_step(closed)
    with open_service(carnet_path, today=lambda: TODAY) as apart:
        assert triggers(apart.carnet.db) == set()
        log_entry(apart, DAY, 45)
        assert apart.carnet.db.execute("SELECT count(*) FROM _sync_log").fetchone()[0] == 0
    with open_service(path, today=lambda: TODAY) as shared:
        assert triggers(shared.carnet.db) == set(capture_sql(shared.carnet.db))
        before = shared.carnet.db.execute("SELECT count(*) FROM _sync_log").fetchone()[0]
        log_entry(shared, DAY, 45)
        assert shared.carnet.db.execute("SELECT count(*) FROM _sync_log").fetchone()[0] == before + 1


def test_nothing_is_recorded_while_the_carnet_is_not_shared(service: CarnetService) -> None:
    assert service.carnet.db.execute("SELECT count(*) FROM _sync_log").fetchone()[0] == 0
