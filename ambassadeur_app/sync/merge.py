"""Bring a carnet kept apart into the shared one (« rejoindre » with ``--fusionner``).

Before the binôme shared a carnet, each laptop may have held its own. Merging one into the
shared carnet is a sync like any other: the carnet kept apart becomes a new copy of the shared
carnet whose first change file holds all its records, written *without knowing* any of the
folder's files, then the folder's files are applied. The merge rules then decide as between two
laptops that worked apart: the same entry typed on both is listed as a duplicate, an entry in a
month the other closed is set aside, a field that differs on a record both hold is listed.

For the last rule, a record both carnets hold must have one id: before that first file is
written, this carnet's records that are the same as the shared carnet's take their ids (and
every reference to them follows). The shared carnet's values win on such a record (this
carnet's first file carries the oldest clock there is): its own values that differ are listed
among the conflicts, nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.text import fold
from ambassadeur_app.sync.capture import INSERTED


@dataclass
class Merged:
    """What « rejoindre --fusionner » brought in."""

    records: int = 0  # records of the carnet kept apart, now in the shared carnet
    matched: dict[str, int] = field(default_factory=dict)  # records both held, by table
    backup: Path | None = None  # the carnet as it was before the merge


# The records matched, in order, by their natural keys, tried one after the other (a key with
# an empty part is not used); ``()`` matches the one live row of a settings table.
MATCHED: tuple[tuple[str, tuple[tuple[str, ...], ...], str], ...] = (
    ("programme", ((),), ""),
    ("indicator_targets", ((),), ""),
    ("ambassadors", (("name",),), ""),
    ("activities", (("mission", "label"),), ""),
    ("survey_templates", (("key",),), ""),
    ("training_modules", (("title",),), ""),
    ("professionals", (("rpps",), ("adeli",), ("name_key", "commune")), "anonymized_at IS NULL"),
    ("structures", (("finess",), ("name", "commune")), ""),
    # What counts money or events, typed on both laptops: one record, never counted twice.
    ("events", (("first_day", "title"),), ""),
    ("expenses", (("supplier", "number", "issued_on"), ("supplier", "issued_on", "amount_ttc_cents")), ""),
    ("grant_payments", (("day", "amount_cents"),), ""),
)
# Ids kept in a column that is no foreign key: (table, column, the table whose ids it holds).
_LOOSE = (
    ("import_changes", "record_id", "professionals"),
    ("import_changes", "record_id", "structures"),
)
_SEPARATORS = re.compile(r"[\s\-'’‐-―]+")
# The first clock there is: the shared carnet's values win over the merged carnet's.
FIRST_HLC = 1


# Tables whose ids are drawn at random when a record is made: two carnets typed apart never
# share one, a copy of one carnet's file shares them all.
_DRAWN = ("time_entries", "contacts", "events", "expenses")


def common_records(db: Any, shared: Any) -> int:
    """Return how many records this carnet holds under the same id as the shared carnet: more
    than none means it is a copy of the same file (copied, or a backup restored), not a carnet
    kept apart, and merging it would take the copy's records for changes made apart."""
    common = 0
    for table in _DRAWN:
        theirs = {row_id for (row_id,) in shared.execute(f"SELECT id FROM {table}")}
        common += sum(row_id in theirs for (row_id,) in db.execute(f"SELECT id FROM {table}"))
    return common


def matches(db: Any, shared: Any) -> dict[str, dict[str, str]]:
    """For each matched table, this carnet's ids of the records the shared carnet also holds,
    with the shared ids (each shared record taken once)."""
    found: dict[str, dict[str, str]] = {}
    for table, keys, condition in MATCHED:
        pairs: dict[str, str] = {}
        taken: set[str] = set()
        for key in keys:
            theirs: dict[tuple[str, ...], str] = {}
            for row_id, *values in _rows(shared, table, key, condition):
                theirs.setdefault(values_key(values), row_id)
            for row_id, *values in _rows(db, table, key, condition):
                other = theirs.get(values_key(values)) if all(values) or not key else None
                if row_id not in pairs and other is not None and other not in taken:
                    pairs[row_id] = other
                    taken.add(other)
        found[table] = {mine: theirs for mine, theirs in pairs.items() if mine != theirs}
    return found


def values_key(values: list[Any]) -> tuple[str, ...]:
    """The values compared: folded, hyphens and apostrophes read as spaces (« Vandœuvre-lès-Nancy »
    is « vandoeuvre les nancy »)."""
    return tuple(" ".join(_SEPARATORS.split(fold(str(value)))).strip() for value in values)


def _rows(db: Any, table: str, key: tuple[str, ...], condition: str) -> list[tuple[Any, ...]]:
    where = " AND ".join(["deleted_at IS NULL", *([condition] if condition else [])])
    columns = ", ".join(["id", *key])
    return [tuple(row) for row in db.execute(f"SELECT {columns} FROM {table} WHERE {where} ORDER BY rowid")]


def take_ids(db: Any, found: dict[str, dict[str, str]]) -> None:
    """Give this carnet's records the shared ids found, every reference following (inside the
    caller's transaction; the foreign keys are checked at its end)."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    references = [
        (table, fk[3], fk[2]) for table in tables for fk in db.execute(f"PRAGMA foreign_key_list({table})")
    ]
    for target, pairs in found.items():
        columns = [(t, c) for t, c, parent in (*references, *_LOOSE) if parent == target]
        for mine, theirs in pairs.items():
            db.execute(f"UPDATE {target} SET id = ? WHERE id = ?", [theirs, mine])
            for table, column in columns:
                db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [theirs, mine])
            if target == "ambassadors":  # an event's organisers: a list of ambassadors' ids
                db.execute(
                    "UPDATE events SET organiser_ids = replace(organiser_ids, ?, ?) "
                    "WHERE instr(organiser_ids, ?)",
                    [mine, theirs, mine],
                )


def date_first_file(db: Any, replica: str) -> None:
    """Make this copy's snapshot the first file of its copy, written knowing nothing of the
    folder (no dependencies), with the first clock (the shared values win on a record both
    hold). The file is written into the folder at the first sync, once the carnet is complete
    (``Engine.check_own`` writes a file of its own that is missing)."""
    db.execute(
        "UPDATE _sync_log SET hlc = ?, file = 1 WHERE replica = ? AND col = ?", [FIRST_HLC, replica, INSERTED]
    )
    db.execute("UPDATE _sync_peers SET applied = 1 WHERE replica = ?", [replica])
    db.execute(
        "INSERT OR REPLACE INTO _sync_files (replica, file, deps, sha256) VALUES (?, 1, '{}', NULL)",
        [replica],
    )
