"""The log keeps a row's creation as NULL while the row is unchanged (the row in its table): what
the merge reads and what the files carry are the same as with the creation written out, and a
carnet shared before (m018) is compacted the same way (session 18)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ambassadeur_app.services import open_service
from ambassadeur_app.sync.capture import INSERTED, SYNCED_TABLES, capture_sql, columns_of, row_json
from ambassadeur_app.sync.files import Keys, change_files, decode
from tests.conftest import TODAY, log_entry
from tests.sync.conftest import DAY, PHRASE, Binome, Laptop, contents, edit, everyone_syncs


def history(laptop: Laptop) -> list[tuple[Any, ...]]:
    """Every recorded change as the merge reads it (a creation: the row's values as created)."""
    engine = laptop.sync_service.engine
    found = []
    for table, row_id in laptop.db.execute("SELECT DISTINCT tbl, row_id FROM _sync_log").fetchall():
        for change in engine._row_log(table, row_id):
            found.append((table, row_id, change.hlc, change.replica, change.col, change.row or change.value))
    return sorted(found, key=repr)


def written_history(path: Path) -> list[tuple[Any, ...]]:
    """The same, read from a closed carnet whose log holds every creation written out."""
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT tbl, row_id, hlc, replica, col, value FROM _sync_log").fetchall()
    conn.close()
    return sorted(
        ((*row[:5], json.loads(row[5]) if row[4] == INSERTED else row[5]) for row in rows), key=repr
    )


def sent(folder: Path, replica: str) -> list[Any]:
    """The changes of every file a copy wrote, decrypted."""
    files = change_files(folder)[replica]
    return [decode(f.path.read_bytes(), Keys(PHRASE), f.path.name)["changes"] for f in files]


def written_out(path: Path) -> None:
    """Make the closed carnet at ``path`` as a shared carnet was before m018: every creation
    written out in the log, no ``sync_created_*`` triggers."""
    conn = sqlite3.connect(path)
    with conn:
        for table in SYNCED_TABLES:
            conn.execute(
                f"UPDATE _sync_log SET value = (SELECT {row_json(columns_of(conn, table), f'{table}.')} "
                f"FROM {table} WHERE {table}.id = _sync_log.row_id) "
                "WHERE tbl = ? AND col = ? AND value IS NULL",
                [table, INSERTED],
            )
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'sync_created_%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm018_sync_log_rows_as_in_table'")
    conn.close()


def test_creations_stay_in_their_table_until_the_row_changes(binome: Binome) -> None:
    a = binome.first()
    kept, changed = log_entry(a.service, DAY, 45), log_entry(a.service, DAY, 30)
    a.sync()
    b = binome.join("b")
    edit(b, changed, minutes=60, place="Toul")
    everyone_syncs([a, b])
    for laptop in (a, b):
        creations = dict(
            laptop.db.execute(
                "SELECT row_id, value FROM _sync_log WHERE tbl = 'time_entries' AND col = ?", [INSERTED]
            ).fetchall()
        )
        assert creations[kept] is None  # the row in its table
        assert json.loads(creations[changed])["minutes"] == 30  # written out before the edit
        log = laptop.sync_service.engine._row_log("time_entries", changed)
        assert [c.value_of("minutes") for c in log if c.col in (INSERTED, "minutes")] == [30, 60]
    assert history(a) == history(b)
    assert contents(a) == contents(b)


def test_a_carnet_shared_before_is_compacted_and_reads_and_sends_the_same(binome: Binome) -> None:
    a = binome.first()
    entries = [log_entry(a.service, DAY, minutes) for minutes in (15, 30, 45)]
    a.sync()
    b = binome.join("b")
    edit(b, entries[0], description="Réunion")
    b.service.delete_entries([entries[1]])
    everyone_syncs([a, b])
    path = a.service.carnet.path
    a.close()
    binome.laptops.remove(a)
    written_out(path)
    read_before = written_history(path)
    assert all(row[5] is not None for row in read_before if row[4] == INSERTED)
    replica = a.sync_service.engine.replica
    sent_before = sent(binome.folder, replica)

    a = Laptop(open_service(path, today=lambda: TODAY))  # m018 runs
    binome.laptops.append(a)
    assert set(capture_sql(a.db)) <= {
        row[0] for row in a.db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
    }
    assert a.db.execute("SELECT count(*) FROM _sync_log WHERE col = '*' AND value IS NULL").fetchone()[0] > 0
    assert history(a) == read_before
    a.sync_service.engine.rewrite_own(binome.folder, Keys(PHRASE))
    assert sent(binome.folder, replica) == sent_before  # the files carry the same changes
    # And the carnets still converge, with the creation written out at the next change.
    edit(a, entries[2], minutes=50)
    everyone_syncs([a, b])
    assert contents(a) == contents(b)
    assert history(a) == history(b)
