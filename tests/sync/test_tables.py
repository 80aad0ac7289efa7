"""Every table of the schema is synced or kept on each laptop, on purpose; the capture is up to date."""

from __future__ import annotations

from ambassadeur_app.services import CarnetService
from ambassadeur_app.sync.capture import LOCAL_TABLES, SYNCED_TABLES, capture_sql


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


def test_the_capture_triggers_match_the_schema(service: CarnetService) -> None:
    """A migration that adds a column to a synced table must call ``install_capture`` again."""
    db = service.carnet.db
    installed = {
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
        ).fetchall()
    }
    assert installed == set(capture_sql(db))
    assert len(installed) == 3 * len(SYNCED_TABLES)


def test_nothing_is_recorded_while_the_carnet_is_not_shared(service: CarnetService) -> None:
    assert service.carnet.db.execute("SELECT count(*) FROM _sync_log").fetchone()[0] == 0
