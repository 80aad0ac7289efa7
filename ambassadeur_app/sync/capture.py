"""Which tables travel between the laptops, and the triggers that record their changes.

Every change of a synced table is recorded by SQLite itself, in the same transaction, into
``_sync_log``: an inserted row as one entry (column ``*``: the row as a JSON object, kept as
NULL — "the row as it is in its table" — until the row's first change, when a
``sync_created_*`` trigger writes it down; most rows never change, and this takes a shared
carnet's file from 2.27 to 1.35 times the size of the same carnet unshared), an update as one
entry per field that changed, a real deletion (an erasure's purge) as a ``-`` entry that also
forgets every earlier entry of the row. Each entry carries this copy's id (``replica``) and a
hybrid logical clock (HLC): ``max(last + 1, wall clock in ms × 65536)``, raised past every clock
received from the other laptops, so that a change made after seeing another one always sorts
after it whatever the wall clocks say.

Triggers rather than the repositories' write path: every write is caught, including the
repositories' direct SQL (a purge, a reassignment, an import) and the future tables, with no
change to the repositories; the cost is measured in benchmarks/bench_sync.py.

The triggers exist only in a shared carnet: ``partager`` and ``rejoindre`` install them as they
give the carnet its shared identity. A step of migrations.py that adds a synced table or a
column to one must call ``install_capture`` again (tests/sync/test_tables.py fails otherwise).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# In an order where every table comes after the tables it references (a snapshot is applied
# in this order, so that a row's parents always exist before it).
SYNCED_TABLES = (
    "programme",
    "imports",
    "ambassadors",
    "activities",
    "month_locks",
    "professionals",
    "structures",
    "training_modules",
    "events",
    "time_entries",
    "professional_structures",
    "contacts",
    "contact_professionals",
    "solicitations",
    "account_events",
    "professional_activities",
    "import_changes",
    "event_invitations",
    "event_attendances",
    "survey_templates",
    "surveys",
    "survey_responses",
    "expenses",
    "attachments",
    "user_readings",
    "indicator_targets",
    "planned_actions",
    "planned_action_links",
    "journal_notes",
    "journal_note_links",
    "rex_texts",
    "agenda_items",
    "grant_payments",
    "conflict_choices",
)

# Kept on each laptop: a running timer belongs to the laptop it runs on (the entry it makes is
# synced); the entries' day sums (derived, kept by triggers); the sync's own bookkeeping (the
# changes of a later version's table waiting here included); SQLite's and sqlite-utils' tables.
LOCAL_TABLES = (
    "timers",
    "_time_entry_day_sums",
    "_sync_state",
    "_sync_log",
    "_sync_peers",
    "_sync_files",
    "_sync_conflicts",
    "_sync_waiting",
    "_sqlite_migrations",
)

# Fields a table checks together (CHECK constraints across columns): when one changes, all are
# recorded, so that the latest change of the group wins for each of them and the row stays valid.
FIELD_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "expenses": (("amount_ht_cents", "vat_cents", "amount_ttc_cents"),),
    "planned_actions": (("planned_start", "planned_end"),),
    "planned_action_links": (("event_id", "time_entry_id"),),
    "journal_note_links": (("event_id", "time_entry_id", "professional_id", "structure_id"),),
}

# Written on every change: merged last-writer-wins like any field, never listed as a conflict.
META_COLUMNS = frozenset({"id", "created_at", "updated_at", "device_id"})

INSERTED = "*"
PURGED = "-"

# The next clock value, from the last one and the wall clock (julianday: SQLite 3.40 has no
# sub-second unixepoch). 65536 values per millisecond before the counter spills into the next.
NEXT_HLC = (
    "UPDATE _sync_state SET hlc = max(hlc + 1, "
    "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) * 65536)"
)


def columns_of(db: Any, table: str) -> list[str]:
    """The columns of ``table``, in their order."""
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]


def _present(db: Any) -> Iterator[tuple[str, list[str]]]:
    """The synced tables the schema holds, with their columns: a migration run before the one
    that creates a table (installing the capture, say) passes over it."""
    for table in SYNCED_TABLES:
        if columns := columns_of(db, table):
            yield table, columns


def capture_sql(db: Any) -> list[str]:
    """The statements creating the capture triggers of every synced table, for the schema as it is."""
    statements = []
    for table, columns in _present(db):
        # (A VALUES list cannot name NEW and OLD inside a trigger: a UNION ALL of one-row selects.)
        fields = " UNION ALL ".join(
            f"SELECT '{column}' AS col, NEW.{column} AS value, {_changed(table, column)} AS changed"
            for column in columns
            if column != "id"
        )
        when = "WHEN (SELECT capture FROM _sync_state)"
        # The row as created, written down before its first change (merges included: always).
        # A row deleted takes its log with it (``sync_delete_*``, or the merge's purge).
        created = (
            f"UPDATE _sync_log SET value = {row_json(columns, 'OLD.')} WHERE tbl = '{table}' "
            f"AND row_id = OLD.id AND col = '{INSERTED}' AND value IS NULL"
        )
        statements += [
            f"CREATE TRIGGER sync_insert_{table} AFTER INSERT ON {table} {when} BEGIN {NEXT_HLC}; "
            f"INSERT INTO _sync_log (replica, hlc, tbl, row_id, col, value) SELECT replica, hlc, "
            f"'{table}', NEW.id, '{INSERTED}', NULL FROM _sync_state; END",
            f"CREATE TRIGGER sync_created_{table} BEFORE UPDATE ON {table} BEGIN {created}; END",
            f"CREATE TRIGGER sync_update_{table} AFTER UPDATE ON {table} {when} BEGIN {NEXT_HLC}; "
            f"INSERT INTO _sync_log (replica, hlc, tbl, row_id, col, value) SELECT s.replica, s.hlc, "
            f"'{table}', NEW.id, f.col, f.value FROM _sync_state AS s, ({fields}) AS f WHERE f.changed; END",
            f"CREATE TRIGGER sync_delete_{table} AFTER DELETE ON {table} {when} BEGIN {NEXT_HLC}; "
            f"DELETE FROM _sync_log WHERE tbl = '{table}' AND row_id = OLD.id; "
            f"INSERT INTO _sync_log (replica, hlc, tbl, row_id, col, value) SELECT replica, hlc, "
            f"'{table}', OLD.id, '{PURGED}', NULL FROM _sync_state; END",
        ]
    return statements


def row_json(columns: list[str], prefix: str = "") -> str:
    """The SQL expression of a row as a JSON object (``prefix``: ``OLD.``, a table alias)."""
    return "json_object(" + ", ".join(f"'{column}', {prefix}{column}" for column in columns) + ")"


def field_group(table: str, column: str) -> tuple[str, ...]:
    """The fields checked together with ``column`` (itself alone when it is in no group)."""
    return next((group for group in FIELD_GROUPS.get(table, ()) if column in group), (column,))


def _changed(table: str, column: str) -> str:
    group = field_group(table, column)
    return "(" + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in group) + ")"


def install_capture(db: Any) -> None:
    """(Re)create the capture triggers of every synced table from the current schema, once the
    carnet is shared (``shared_id`` set); a carnet that is not shared holds none.

    SQLite parses every trigger of the schema on each new connection's first statement: the 132
    triggers (~98 KB of SQL; the 33 ``sync_created_*`` add 0.45 ms) cost every connection
    2–3.5 ms (the CLI's, the window's, each worker's), and every INSERT, UPDATE and DELETE of a
    synced table checks their condition.
    """
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
    ).fetchall():
        db.execute(f"DROP TRIGGER {name}")
    if db.execute("SELECT shared_id FROM _sync_state").fetchone()[0]:
        for statement in capture_sql(db):
            db.execute(statement)


def compact_log(db: Any) -> None:
    """Install the ``sync_created_*`` triggers in a shared carnet, and keep as NULL every row's
    creation that the row still is (its JSON, as it is in its table): the log then holds each
    unchanged row once, in its table (the pages freed are reused as the carnet grows)."""
    install_capture(db)
    for table, columns in _present(db):
        db.execute(
            f"UPDATE _sync_log SET value = NULL WHERE tbl = ? AND col = ? AND value = "
            f"(SELECT {row_json(columns, f'{table}.')} FROM {table} "
            f"WHERE {table}.id = _sync_log.row_id)",
            [table, INSERTED],
        )
