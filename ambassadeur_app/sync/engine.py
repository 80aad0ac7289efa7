"""Export this copy's changes, and merge the other copies' change files field by field.

Merge rules (docs/synchronisation.md):

- each field takes the value of its latest change by hybrid logical clock, the copy id breaking
  ties: every copy reaches the same value whatever the order it reads the files in;
- two changes of the same field where neither writer knew of the other's are *concurrent*: the
  losing value is kept in ``_sync_conflicts`` (kind ``champ``). Who knew what is read from the
  files: each one lists how far its writer had applied every other copy's files (``deps``), and
  a file is applied only once those files are applied here (so a row's parents are always
  there before it);
- a deletion concurrent with an edit of the same record is undone, and said (``suppression``);
- an entry arriving in a month closed here, of which the closing did not know, is set aside
  (deleted, listed as ``mois_clos``) rather than added to a signed relevé;
- an entry typed on both laptops (same day, person, mission, duration and start), neither
  knowing the other, is offered for de-duplication (``doublon``), never removed silently;
- an erasure's purge removes the row and every recorded value of it, and nothing brings it back.

Each file is applied in one transaction with its bookkeeping: a sync killed midway leaves every
file either applied whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ambassadeur_app.domain.dates import utc_now_iso
from ambassadeur_app.domain.durations import MAX_ENTRY_MINUTES
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.storage.db import Carnet
from ambassadeur_app.sync.capture import (
    INSERTED,
    META_COLUMNS,
    NEXT_HLC,
    PURGED,
    SYNCED_TABLES,
    columns_of,
    field_group,
    row_json,
)
from ambassadeur_app.sync.files import (
    ChangeFile,
    Incomplete,
    Keys,
    Refused,
    change_files,
    decode,
    encode,
    file_name,
    kdf_params,
    write_file,
)
from ambassadeur_app.sync.merge import Merged

FORMAT = 1
_T = TypeVar("_T")
_NAMESPACE = uuid.UUID("6f1d3c2a-5b1e-4d8e-9a57-3c2f1b0e7d21")
# A change whose value an erasure made this copy forget (a field's value that a later change
# replaced): it no longer counts for any field, but still tells who knew what.
FORGOTTEN = "~"
_NOT_YET = 1 << 62  # the log id of a change being applied, greater than any stored one
_ALL_IDS = (0, _NOT_YET)
_ENTRY_KEY = ("day", "ambassador_id", "mission", "minutes", "start_time")
# The fields of an entry that count in a month's relevé: a change of any of them made without
# knowing of the month's closing would change what was signed.
_COUNTED = ("day", "minutes", "mission", "activity", "ambassador_id", "start_time", "deleted_at")
# Fields that hold no one's words, which the merge rules read in a row's history: an erasure
# forgets the superseded values of the other fields only.
_RULED = frozenset(_COUNTED)
# The device of the changes the merge decides itself (an entry kept out of a closed month).
DECIDED = "synchronisation"
# What an erasure never forgets: whole rows (rewritten instead), the stamps of each change (no
# one's words), the rules' fields.
_KEPT = frozenset({INSERTED, PURGED, FORGOTTEN}) | META_COLUMNS | _RULED
CONFLICT_KINDS = ("champ", "suppression", "mois_clos", "doublon", "24h")
_BATCH = 500  # ids per ``IN (…)`` list
DOUBLON, TIME_ENTRIES, CHOICES = "doublon", "time_entries", "conflict_choices"


def _chunks(items: list[_T]) -> Iterator[list[_T]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _with(name: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    """A ``WITH`` clause naming ``rows`` as a table ``name`` of ``columns``, and its parameters."""
    marks = f"({', '.join('?' for _ in columns)})"
    values = ", ".join(marks for _ in rows)
    return f"WITH {name} ({', '.join(columns)}) AS (VALUES {values}) ", [v for row in rows for v in row]


def hlc_time(hlc: int) -> datetime:
    """The wall-clock moment a clock value stands for."""
    return datetime.fromtimestamp((hlc >> 16) / 1000, UTC)


@dataclass
class Logged:
    """One recorded change of a field (``*``: a whole inserted row; ``-``: a purge)."""

    id: int
    replica: str
    hlc: int
    file: int | None
    col: str
    value: Any
    row: dict[str, Any] | None = None

    @property
    def key(self) -> tuple[int, str]:
        return (self.hlc, self.replica)

    @property
    def version(self) -> str:
        return f"{self.hlc}:{self.replica}"

    def value_of(self, column: str) -> Any:
        return self.row.get(column) if self.row is not None else self.value

    def touches(self, column: str) -> bool:
        return self.col == column or (self.row is not None and column in self.row)


def _logged(row: tuple[Any, ...]) -> Logged:
    log_id, replica, hlc, file, col, value = row
    parsed = json.loads(value) if col == INSERTED and value is not None else None
    return Logged(log_id, replica, hlc, file, col, value, parsed)


def _counts_in(values: dict[str, Any] | None, month: str) -> bool:
    """Whether an entry with these fields counts in ``month`` (``None``: it did not exist)."""
    return values is not None and values["deleted_at"] is None and str(values["day"])[:7] == month


def _differs(signed: dict[str, Any] | None, values: dict[str, Any], month: str) -> bool:
    """Whether an entry with these fields counts in ``month`` differently from ``signed`` (the
    fields a closing of the month knew; ``None``: the entry did not exist for it)."""
    return _counts_in(signed, month) != _counts_in(values, month) or (
        signed is not None and _counts_in(signed, month) and signed != values
    )


def _aside(wanted: dict[str, Any], against: dict[str, Any], month: str) -> dict[str, Any]:
    """The fields of an entry set aside in ``month``: those of ``wanted`` (what its users wrote)
    that differ from ``against`` ({} when neither counts in the month)."""
    if not _counts_in(wanted, month) and not _counts_in(against, month):
        return {}
    if (wanted["deleted_at"] is None) != (against["deleted_at"] is None):
        return {"deleted_at": wanted["deleted_at"]}
    return {column: wanted[column] for column in _COUNTED if wanted[column] != against[column]}


def _valid(payload: dict[str, Any] | None, shared_id: str, replica: str, number: int) -> bool:
    """Whether a decoded payload is the change file ``number`` of copy ``replica`` of this carnet."""
    return (
        payload is not None
        and payload.get("format") == FORMAT
        and payload.get("carnet") == shared_id
        and payload.get("copy") == replica
        and payload.get("file") == number
        and isinstance(payload.get("deps"), dict)
        and isinstance(payload.get("changes"), list)
    )


def conflict_id(kind: str, table: str, row_id: str, key: str, column: str = "") -> str:
    """A conflict's id, from what it is about: the same on every copy."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}|{table}|{row_id}|{column}|{key}"))


def _latest(changes: list[list[Any]]) -> int:
    """The latest clock among a file's changes (``[hlc, table, row_id, col, value]``)."""
    return max((int(change[0]) for change in changes), default=0)


def _decided(log: list[Logged]) -> set[tuple[int, str]]:
    """The keys of a row's changes the merge decided itself (``DECIDED``)."""
    return {entry.key for entry in log if entry.col == "device_id" and entry.value == DECIDED}


def _written(log: list[Logged]) -> list[Logged]:
    """A row's changes without those the merge decided itself (``DECIDED``)."""
    decided = _decided(log)
    return [entry for entry in log if entry.key not in decided]


def _deleted_at(log: list[Logged], undone: set[int]) -> Any:
    """A row's ``deleted_at`` as its history gives it, the deletions ``undone`` against an edit
    (``suppression``) left out."""
    winner = _winner([entry for entry in log if entry.id not in undone], "deleted_at")
    return winner.value_of("deleted_at") if winner is not None else None


def _version_in(log: list[Logged], version: str, column: str) -> Logged | None:
    """The change ``version`` (``hlc:copy``) of a field in a row's history, if still recorded."""
    hlc, _, replica = version.partition(":")
    found = (entry for entry in log if entry.replica == replica and str(entry.hlc) == hlc)
    return next((entry for entry in found if entry.touches(column)), None)


def _winner(log: list[Logged], column: str) -> Logged | None:
    found = [entry for entry in log if entry.touches(column)]
    return max(found, key=lambda entry: entry.key) if found else None


@dataclass
class SyncReport:
    """What a sync did (the texts are French, for the user)."""

    exported: int = 0  # changes written into this copy's new file
    written: str = ""  # the name of that file
    applied: dict[str, int] = field(default_factory=dict)  # files applied, by copy
    changes: int = 0  # changes read from them
    waiting: list[str] = field(default_factory=list)  # files still on their way
    refused: list[str] = field(default_factory=list)  # why some files were not applied
    conflicts: int = 0  # new conflicts to check
    rewritten: int = 0  # files of this copy written again (damaged, or without an erased person)
    former_copy: str = ""  # the id this copy had before it found another writer of it
    pieces: int = 0  # attached files received
    last_change: dict[str, datetime] = field(default_factory=dict)  # each other copy's latest
    replaced: list[str] = field(default_factory=list)  # other copies' files applied again
    merged: Merged | None = None  # what a join merged in (a carnet kept apart before sharing)


class Engine:
    """The sync of one open, shared carnet."""

    def __init__(self, carnet: Carnet) -> None:
        self.carnet = carnet
        self.db = carnet.db
        self._columns: dict[str, list[str]] = {}
        self._created_sql: str | None = None
        self._deps: dict[tuple[str, int], dict[str, int]] = {}
        self._new_conflicts = 0
        self._replica: str | None = None
        # Called, inside the file's transaction, with a person as this copy knew them when an
        # erasure of them arrives: this copy scrubs its own texts naming them (services/erasure).
        self.on_erasure: Callable[[Professional], object] | None = None

    # --- state ---------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT shared_id, replica, folder, capture, hlc, salt, kdf, verifier, erased FROM _sync_state"
        ).fetchone()
        names = ("shared_id", "replica", "folder", "capture", "hlc", "salt", "kdf", "verifier", "erased")
        return dict(zip(names, row, strict=True))

    @property
    def replica(self) -> str:
        if self._replica is None:
            self._replica = str(self.state()["replica"])
        return self._replica

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = columns_of(self.db, table) if table in SYNCED_TABLES else []
        return self._columns[table]

    def begin(
        self, shared_id: str, replica: str, folder: Path, salt: bytes, kdf: str, verifier: bytes
    ) -> None:
        """Give this carnet its shared identity (inside the caller's transaction)."""
        self.db.execute(
            "UPDATE _sync_state SET shared_id = ?, replica = ?, folder = ?, salt = ?, kdf = ?, verifier = ?",
            [shared_id, replica, str(folder), salt, kdf, verifier],
        )
        self._replica = replica
        self.db.execute("INSERT OR IGNORE INTO _sync_peers (replica) VALUES (?)", [replica])

    def forget_replica(self) -> None:
        """Forget the copy id kept in memory (a share that failed was rolled back)."""
        self._replica = None

    def snapshot(self) -> None:
        """Record every row of the synced tables as inserted now, and start capturing."""
        self.db.execute(NEXT_HLC)
        replica, hlc = self.db.execute("SELECT replica, hlc FROM _sync_state").fetchone()
        for table in SYNCED_TABLES:  # each row as it is in its table (see capture.py)
            self.db.execute(
                "INSERT INTO _sync_log (replica, hlc, tbl, row_id, col, value) "
                f"SELECT ?, ?, ?, id, ?, NULL FROM {table} ORDER BY rowid",
                [replica, hlc, table, INSERTED],
            )
        self.db.execute("UPDATE _sync_state SET capture = 1")

    def pending(self) -> int:
        """How many recorded changes of this copy are not yet written to the shared folder."""
        return int(
            self.db.execute(
                "SELECT count(*) FROM _sync_log WHERE file IS NULL AND replica = ?", [self.replica]
            ).fetchone()[0]
        )

    # --- export --------------------------------------------------------------------------------

    def export(self, folder: Path, keys: Keys) -> tuple[int, str]:
        """Write this copy's pending changes as its next change files; return their count and the
        last file's name ("" when there was nothing to write).

        One file per run of changes that no other copy's change interrupts, each saying which
        files of the other copies its changes knew (``deps``): the decisions the merge made
        while applying a file, before the next one came, do not claim to know the next one, so
        every copy reads what they knew as this one does (``seen``).

        The files are renamed into place before the carnet records them as written (in the
        same transaction): killed between the two, the next sync finds them complete in the
        folder, their changes in the log, and records them (``check_own``).
        """
        replica = self.state()["replica"]
        runs = self._runs(replica)
        if not runs:
            return 0, ""
        applied = self._applied()
        first = number = applied.get(replica, 0) + 1
        count = 0
        with self.carnet.write():
            for low, high in runs:
                later = dict(
                    self.db.execute(
                        "SELECT replica, min(file) FROM _sync_log WHERE id > ? AND replica != ? "
                        "GROUP BY replica",
                        [high, replica],
                    ).fetchall()
                )
                deps = {
                    copy: min(done, later.get(copy, done + 1) - 1)
                    for copy, done in applied.items()
                    if copy != replica
                }
                count += self.db.execute(
                    "UPDATE _sync_log SET file = ? WHERE file IS NULL AND replica = ? AND id BETWEEN ? AND ?",
                    [number, replica, low, high],
                ).rowcount
                self._write_own(folder, keys, number, deps, (low, high))
                number += 1
            self._own_pairs(first, runs[0][0])
        return count, file_name(number - 1)

    def _own_pairs(self, first: int, low: int = 0) -> None:
        """An entry changed here may now match one typed elsewhere: the other laptop finds the
        pair when it applies this copy's files from ``first`` on (their log ids from ``low``),
        this one here (the same conflict, both sides). No other copy is known yet when a share
        writes its snapshot."""
        replica = self.replica
        if all(copy == replica for copy in self._applied()):
            return
        self.db.execute("UPDATE _sync_state SET capture = 0")  # what it decides is not sent
        self._duplicates(
            entry_id
            for (entry_id,) in self.db.execute(
                "SELECT DISTINCT row_id FROM _sync_log WHERE id >= ? AND replica = ? AND file >= ? "
                "AND tbl = ?",
                [low, replica, first, TIME_ENTRIES],
            )
        )
        self.db.execute("UPDATE _sync_state SET capture = 1")

    def files_written(self) -> int:
        """How many change files this copy wrote."""
        return self._applied().get(self.replica, 0)

    def _runs(self, replica: str) -> list[tuple[int, int]]:
        """The first and last log ids of each run of this copy's pending changes that no other
        copy's change interrupts (a file applied in between), in order."""
        return [
            (int(low), int(high))
            for low, high in self.db.execute(
                "SELECT min(id), max(id) FROM (SELECT id, replica, file, sum(replica != ?) "
                "OVER (ORDER BY id) AS run FROM _sync_log WHERE id >= (SELECT min(id) FROM _sync_log "
                "WHERE replica = ? AND file IS NULL)) WHERE replica = ? AND file IS NULL "
                "GROUP BY run ORDER BY run",
                [replica, replica, replica],
            ).fetchall()
        ]

    def _write_own(
        self, folder: Path, keys: Keys, number: int, deps: dict[str, int], ids: tuple[int, int] = _ALL_IDS
    ) -> None:
        """Write this copy's file ``number`` from the log (its changes among the log ids ``ids``;
        inside the caller's transaction: the carnet records it once it is in place), with its
        checksum."""
        state = self.state()
        replica = state["replica"]
        payload = self._own_payload(state, number, deps, ids)
        data = encode(payload, keys, state["salt"], kdf_params(state["kdf"]))
        write_file(folder / replica / file_name(number), data)
        self.db.execute(
            "UPDATE _sync_peers SET applied = max(applied, ?) WHERE replica = ?", [number, replica]
        )
        self.db.execute(
            "INSERT OR REPLACE INTO _sync_files (replica, file, deps, sha256) VALUES (?, ?, ?, ?)",
            [replica, number, json.dumps(deps), hashlib.sha256(data).hexdigest()],
        )
        self._deps[(replica, number)] = deps

    def _own_payload(
        self, state: dict[str, Any], number: int, deps: dict[str, int], ids: tuple[int, int] = _ALL_IDS
    ) -> dict[str, Any]:
        """This copy's file ``number`` as the log gives it now (its changes among the log ids
        ``ids``: a range read through the log's key, not the whole log)."""
        rows = self.db.execute(
            f"SELECT hlc, tbl, row_id, col, {self._logged_value()} FROM _sync_log "
            "WHERE id BETWEEN ? AND ? AND replica = ? AND file = ? ORDER BY id",
            [*ids, state["replica"], number],
        ).fetchall()
        return {
            "format": FORMAT,
            "carnet": state["shared_id"],
            "copy": state["replica"],
            "file": number,
            "deps": deps,
            "changes": [list(row) for row in rows],
        }

    def check_own(self, folder: Path, keys: Keys) -> tuple[int, str]:
        """Check this copy's own files in the shared folder, before writing there.

        A file missing or damaged (a bit flipped, another file renamed over it, another
        passphrase) is written again from the log, so that the other copies are not blocked on
        it. A complete file this copy did not write (this carnet file was copied and the copy
        syncs too, or a backup was restored and the changes made since are in the folder) makes
        this carnet a new copy: its changes not yet received elsewhere go out under its new id,
        and the other file's changes are applied like another laptop's. Return how many files
        were written again, and the former copy id when it changed ('' otherwise).
        """
        state = self.state()
        replica = state["replica"]
        counter = self.files_written()
        present = {change.number: change.path for change in change_files(folder).get(replica, [])}
        recorded = dict(
            self.db.execute("SELECT file, sha256 FROM _sync_files WHERE replica = ?", [replica]).fetchall()
        )
        mine: set[tuple[Any, ...]] | None = None
        damaged: list[int] = []
        junk: list[int] = []
        foreign: list[int] = []
        for number in sorted(set(range(1, counter + 1)) | set(present)):
            try:
                data = present[number].read_bytes() if number in present else None
            except OSError:
                data = None
            if (
                data is not None
                and number <= counter
                and hashlib.sha256(data).hexdigest() == recorded.get(number)
            ):
                continue
            try:
                payload = decode(data, keys, file_name(number)) if data is not None else None
            except Incomplete:
                if number <= counter:
                    damaged.append(number)
                continue  # beyond: still on its way
            except Refused:
                payload = None
            if not _valid(payload, state["shared_id"], replica, number):
                (damaged if number <= counter else junk).append(number)
                continue
            assert payload is not None
            assert data is not None
            if mine is None:
                mine = {
                    tuple(row)
                    for row in self.db.execute(
                        "SELECT hlc, tbl, row_id, col FROM _sync_log WHERE replica = ?", [replica]
                    ).fetchall()
                }
            if all(tuple(change[:4]) in mine for change in payload["changes"]):
                self._adopt(number, payload, data)  # written here (before a crash, or an erasure)
            else:
                foreign.append(number)
        with self.carnet.write():
            if foreign:
                return len(damaged), self._new_copy(min(foreign))
            for number in damaged:
                self._write_own(folder, keys, number, self._deps_of(replica, number))
            counter = self.files_written()
            for number in range(counter + 1, max(junk, default=0) + 1):
                # Something unreadable under this copy's next numbers: an empty file in its
                # place, so that the other copies read on.
                self._write_own(folder, keys, number, {})
        return len(damaged), ""

    def _adopt(self, number: int, payload: dict[str, Any], data: bytes) -> None:
        """Record a file of this copy found in the folder as written (a crash came between
        its writing and the carnet's record of it)."""
        replica = self.replica
        with self.carnet.write():
            self.db.conn.executemany(
                "UPDATE _sync_log SET file = ? WHERE replica = ? AND file IS NULL AND hlc = ? AND tbl = ? "
                "AND row_id = ? AND col = ?",
                [[number, replica, *change[:4]] for change in payload["changes"]],
            )
            self.db.execute(
                "UPDATE _sync_peers SET applied = max(applied, ?) WHERE replica = ?", [number, replica]
            )
            self.db.execute(
                "INSERT OR REPLACE INTO _sync_files (replica, file, deps, sha256) VALUES (?, ?, ?, ?)",
                [replica, number, json.dumps(payload["deps"]), hashlib.sha256(data).hexdigest()],
            )
            self._own_pairs(number)  # as ``export`` would have, had it not been stopped

    def _new_copy(self, first_foreign: int) -> str:
        """Become a new copy of the shared carnet: the former id's files from ``first_foreign``
        on are another writer's; this copy's changes from there go out again under the new id.
        Return the former id."""
        old, new = self.replica, str(uuid.uuid4())
        self.db.execute(
            "UPDATE _sync_log SET replica = ?, file = NULL WHERE replica = ? AND (file IS NULL OR file >= ?)",
            [new, old, first_foreign],
        )
        self.db.execute("DELETE FROM _sync_files WHERE replica = ? AND file >= ?", [old, first_foreign])
        self.db.execute("UPDATE _sync_peers SET applied = ? WHERE replica = ?", [first_foreign - 1, old])
        self.db.execute("INSERT OR IGNORE INTO _sync_peers (replica) VALUES (?)", [new])
        self.db.execute("UPDATE _sync_state SET replica = ?", [new])
        self._replica = new
        self._deps.clear()
        return old

    def _applied(self) -> dict[str, int]:
        """How far each copy's files are applied (not the sub-folders of another carnet: -1)."""
        return dict(self.db.execute("SELECT replica, applied FROM _sync_peers WHERE applied >= 0").fetchall())

    # --- import --------------------------------------------------------------------------------

    def apply_folder(self, folder: Path, keys: Keys, report: SyncReport) -> None:
        """Apply every complete change file of the folder not applied yet, each in its order and
        after the files it depends on; note in ``report`` what waits and what is refused."""
        state = self.state()
        others = {row[0] for row in self.db.execute("SELECT replica FROM _sync_peers WHERE applied < 0")}
        found = {copy: files for copy, files in change_files(folder).items() if copy not in others}
        applied = self._applied()
        self._apply_waiting()
        self._replaced(found, applied, keys, state["shared_id"], report)
        self._twins_counted()
        stuck: set[str] = set()
        progress = True
        while progress:
            progress = False
            for copy, files in found.items():
                if copy in stuck:
                    continue
                for change in files:
                    done = applied.get(copy, 0)
                    if change.number <= done:
                        continue
                    if change.number != done + 1:
                        report.waiting.append(f"{copy[:8]}/{file_name(done + 1)} (pas encore arrivé)")
                        stuck.add(copy)
                        break
                    read = self._read(change, keys, state["shared_id"], report)
                    if read is None:
                        stuck.add(copy)
                        break
                    payload, sha = read
                    deps = {str(k): int(v) for k, v in payload["deps"].items()}
                    if any(applied.get(other, 0) < number for other, number in deps.items()):
                        break  # waits for a file of another copy; tried again in the next round
                    with self.carnet.write():
                        self._apply(change, deps, payload["changes"], sha)
                    report.applied[copy] = report.applied.get(copy, 0) + 1
                    report.changes += len(payload["changes"])
                    applied[copy] = change.number
                    progress = True
        for copy, files in found.items():
            done = applied.get(copy, 0)
            if copy not in stuck and any(change.number > done for change in files):
                report.waiting.append(
                    f"{copy[:8]}/{file_name(done + 1)} (attend des changements d'un autre ordinateur)"
                )
        report.conflicts += self._new_conflicts
        self._new_conflicts = 0
        for copy, hlc in self.db.execute(
            "SELECT replica, last_hlc FROM _sync_peers WHERE replica != ? AND last_hlc > 0",
            [state["replica"]],
        ).fetchall():
            report.last_change[copy] = hlc_time(hlc)

    def _replaced(
        self,
        found: dict[str, list[ChangeFile]],
        applied: dict[str, int],
        keys: Keys,
        shared_id: str,
        report: SyncReport,
    ) -> None:
        """Apply again another copy's file that was replaced in the folder since it was applied
        here. Two carnet files writing under one copy id, each through its own copy of the
        folder (a carnet file copied, both laptops offline), may each write the same number: the
        sync engine keeps one, and a copy that applied the other must apply this one too (the
        writer of the other becomes a new copy and sends its changes again). A file its writer
        rewrote (damaged, or without an erased person) changes nothing when applied again."""
        for copy, files in found.items():
            if copy == self.replica:
                continue  # this copy's own files: ``check_own``
            recorded = dict(
                self.db.execute("SELECT file, sha256 FROM _sync_files WHERE replica = ?", [copy]).fetchall()
            )
            for change in files:
                if change.number > applied.get(copy, 0):
                    break
                try:
                    data = change.path.read_bytes()
                except OSError:
                    continue
                sha = hashlib.sha256(data).hexdigest()
                if recorded.get(change.number, sha) == sha:
                    continue
                if recorded[change.number] is None:  # applied by an older version: as it is now
                    with self.carnet.write():
                        self.db.execute(
                            "UPDATE _sync_files SET sha256 = ? WHERE replica = ? AND file = ?",
                            [sha, copy, change.number],
                        )
                    continue
                try:
                    payload = decode(data, keys, change.path.name)
                except (Incomplete, Refused):
                    continue  # being written again, or damaged: the file as applied stands
                if not _valid(payload, shared_id, copy, change.number):
                    continue
                deps = {str(k): int(v) for k, v in payload["deps"].items()}
                if any(applied.get(other, 0) < number for other, number in deps.items()):
                    continue  # tried again at the next sync
                by_writer = deps == self._deps_of(copy, change.number) and self._applied_from(
                    copy, change.number, payload["changes"]
                )
                with self.carnet.write():
                    self._apply(change, deps, payload["changes"], sha, again=True)
                if not by_writer:
                    report.replaced.append(f"{copy[:8]}/{change.path.name}")

    def _applied_from(self, copy: str, number: int, changes: list[list[Any]]) -> bool:
        """Whether every change of a file of ``copy`` found rewritten was applied here from its
        file ``number`` as it was (same clock, table, row and field; its value may differ, or be
        forgotten, on either side), or belongs to a row purged here: its writer wrote it again
        (damaged, or after an erasure), which changes nothing. Two carnet files writing under
        one copy id write different changes under the same number."""
        fields: dict[tuple[int, str, str], set[str]] = {}
        for hlc, table, row_id, col in self.db.execute(
            "SELECT hlc, tbl, row_id, col FROM _sync_log WHERE replica = ? AND file = ? UNION ALL "
            "SELECT hlc, tbl, row_id, col FROM _sync_waiting WHERE replica = ? AND file = ?",
            [copy, number, copy, number],
        ).fetchall():
            fields.setdefault((int(hlc), table, row_id), set()).add(col)
        for hlc, table, row_id, col, _ in changes:
            known = fields.get((int(hlc), table, row_id), set())
            if known and (col in known or FORGOTTEN in known | {col}):
                continue
            purged = self.db.execute(
                "SELECT 1 FROM _sync_log WHERE tbl = ? AND row_id = ? AND col = ?", [table, row_id, PURGED]
            ).fetchone()
            if purged is None:
                return False
        return True

    def _read(
        self, change: ChangeFile, keys: Keys, shared_id: str, report: SyncReport
    ) -> tuple[dict[str, Any], str] | None:
        """A complete file's content and SHA-256 (None, said in ``report``, when it cannot be
        applied yet or at all)."""
        name = f"{change.replica[:8]}/{change.path.name}"
        blocked = (
            f" Les changements de l'ordinateur {change.replica[:8]} s'arrêtent là jusqu'à ce qu'il "
            "réécrive ce fichier : il le fait à sa prochaine synchronisation."
        )
        try:
            data = change.path.read_bytes()
            payload = decode(data, keys, name)
        except (Incomplete, OSError):
            report.waiting.append(
                f"{name} (incomplet : en cours de copie, ou endommagé ; s'il est endommagé, l'ordinateur "
                f"{change.replica[:8]} le réécrira à sa prochaine synchronisation)"
            )
            return None
        except Refused as exc:
            report.refused.append(exc.message + blocked)
            return None
        if payload.get("format") == FORMAT and payload.get("carnet") != shared_id:
            with self.carnet.write():
                self.db.execute(
                    "INSERT INTO _sync_peers (replica, applied) VALUES (?, -1) "
                    "ON CONFLICT (replica) DO UPDATE SET applied = -1",
                    [change.replica],
                )
            report.refused.append(
                f"Le sous-dossier « {change.replica} » du dossier partagé est celui d'un autre carnet "
                "partagé (un reste d'un ancien partage ?) : il est ignoré désormais. Vous pouvez le "
                "supprimer."
            )
            return None
        if not _valid(payload, shared_id, change.replica, change.number):
            report.refused.append(
                f"« {name} » n'appartient pas à ce carnet partagé (ou a été déplacé) : il n'est pas appliqué."
                + blocked
            )
            return None
        return payload, hashlib.sha256(data).hexdigest()

    def _apply(
        self,
        change: ChangeFile,
        deps: dict[str, int],
        changes: list[list[Any]],
        sha: str,
        again: bool = False,
    ) -> None:
        """Apply a change file (``again``: one applied before, since written anew: a field of it
        forgotten here since, or there, after an erasure, is the change already known, not a new one)."""
        replica, number = change.replica, change.number
        self._deps[(replica, number)] = deps
        self.db.execute(
            "INSERT OR REPLACE INTO _sync_files (replica, file, deps, sha256) VALUES (?, ?, ?, ?)",
            [replica, number, json.dumps(deps), sha],
        )
        self._merge(replica, number, changes, again)
        self.db.execute(
            "INSERT INTO _sync_peers (replica, applied, last_hlc) VALUES (?, ?, ?) ON CONFLICT (replica) "
            "DO UPDATE SET applied = max(applied, excluded.applied), "
            "last_hlc = max(last_hlc, excluded.last_hlc)",
            [replica, number, _latest(changes)],
        )

    def _merge(self, replica: str, number: int, changes: list[list[Any]], again: bool = False) -> None:
        """Merge the changes of copy ``replica``'s file ``number`` (its rules included). Those of
        a table this version does not know (a later version's) wait in ``_sync_waiting`` until a
        version that knows it (``_apply_waiting``)."""
        by_row: dict[tuple[str, str], list[tuple[int, str, Any]]] = {}
        for hlc, table, row_id, col, value in changes:
            if not self.columns(table):
                self.db.execute(
                    "INSERT OR IGNORE INTO _sync_waiting (replica, file, hlc, tbl, row_id, col, value) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [replica, number, hlc, table, row_id, col, value],
                )
                continue
            by_row.setdefault((table, row_id), []).append((int(hlc), col, value))
        erasing = [
            person
            for (table, row_id), row_changes in by_row.items()
            if table == "professionals"
            and any(col == "anonymized_at" and value is not None for _, col, value in row_changes)
            and (person := self.carnet.professionals.get(row_id)) is not None
            and not person.anonymized
        ]
        self.db.execute("UPDATE _sync_state SET capture = 0")
        touched: list[tuple[str, str, list[Logged], bool]] = []
        logged = self._logged_rows(by_row)
        for (table, row_id), row_changes in by_row.items():
            log = self._row_log(table, row_id) if (table, row_id) in logged else []
            updates: dict[str, Any] = {}
            created = False
            fields: set[str] = set()
            for hlc, col, value in row_changes:
                incoming = Logged(_NOT_YET, replica, hlc, number, col, value)
                if col == INSERTED:
                    incoming.row = json.loads(value)
                fields |= set(incoming.row) if incoming.row is not None else {col}
                created |= self._apply_one(table, row_id, log, incoming, updates, again)
            self._write(table, row_id, updates, log)
            if not created:
                # (Two erasures of one person are not a conflict: the latest one's moment stands.)
                for column in fields & set(self.columns(table)) - META_COLUMNS - {
                    "deleted_at",
                    "anonymized_at",
                }:
                    self._concurrent(table, row_id, log, column)
            touched.append((table, row_id, log, created))
        # What is decided here from now on (a record kept, an entry set aside) comes after them
        # (after those that wait too: the files' writers sort every change of theirs after them).
        self.db.execute("UPDATE _sync_state SET hlc = max(hlc, ?)", [_latest(changes)])
        self._after(touched)
        if chosen := {row_id for table, row_id, _, _ in touched if table == CHOICES}:
            self._chosen_pairs(chosen, replica, number)
        self.db.execute("UPDATE _sync_state SET capture = 1")
        for person in erasing:
            if self.on_erasure is not None:
                self.on_erasure(person)
        if self.state()["erased"]:  # what arrives after an erasure may hold its values
            self._forget((table, row_id) for table, row_id, _, _ in touched)

    def _apply_waiting(self) -> None:
        """Apply the changes that wait for a table this version did not know when their files
        came, now that it knows it (the first sync after the step that creates it): each file's
        changes in the order they came, as when a file is applied (who knew what is read from
        the files' recorded dependencies), each file in one transaction."""
        tables = [
            table
            for (table,) in self.db.execute("SELECT DISTINCT tbl FROM _sync_waiting").fetchall()
            if self.columns(table)
        ]
        if not tables:
            return
        rows = self.db.execute(
            "SELECT replica, file, hlc, tbl, row_id, col, value FROM _sync_waiting "
            f"WHERE tbl IN ({', '.join('?' for _ in tables)}) ORDER BY id",
            tables,
        ).fetchall()
        files: dict[tuple[str, int], list[list[Any]]] = {}
        for replica, number, *change in rows:
            files.setdefault((replica, number), []).append(change)
        for (replica, number), changes in files.items():
            with self.carnet.write():
                self._merge(replica, number, changes)
                self.db.execute(
                    "DELETE FROM _sync_waiting WHERE replica = ? AND file = ? AND "
                    f"tbl IN ({', '.join('?' for _ in tables)})",
                    [replica, number, *tables],
                )

    def _logged_rows(self, rows: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these rows (table, id) have changes in the log: the history of the others is
        empty, not read (a file bringing new rows reads nothing row by row)."""
        by_table: dict[str, list[str]] = {}
        for table, row_id in rows:
            by_table.setdefault(table, []).append(row_id)
        found: set[tuple[str, str]] = set()
        for table, ids in by_table.items():
            for chunk in _chunks(ids):
                found.update(
                    (table, row_id)
                    for (row_id,) in self.db.execute(
                        f"SELECT DISTINCT row_id FROM _sync_log WHERE tbl = ? AND row_id IN "
                        f"({', '.join('?' for _ in chunk)})",
                        [table, *chunk],
                    ).fetchall()
                )
        return found

    def _row_log(self, table: str, row_id: str) -> list[Logged]:
        return [
            _logged(row)
            for row in self.db.execute(
                f"SELECT id, replica, hlc, file, col, {self._logged_value()} FROM _sync_log "
                "WHERE tbl = ? AND row_id = ? ORDER BY id",
                [table, row_id],
            ).fetchall()
        ]

    def _logged_value(self) -> str:
        """The SQL expression of a logged value: a row's creation kept as NULL is the row as it
        is in its table (capture.py)."""
        if self._created_sql is None:
            cases = " ".join(
                f"WHEN '{table}' THEN (SELECT {row_json(self.columns(table), f'{table}.')} FROM {table} "
                f"WHERE {table}.id = _sync_log.row_id)"
                for table in SYNCED_TABLES
                if self.columns(table)  # (a synced table missing from the schema holds no row)
            )
            self._created_sql = (
                f"CASE WHEN _sync_log.value IS NULL AND _sync_log.col = '{INSERTED}' "
                f"THEN CASE _sync_log.tbl {cases} END ELSE _sync_log.value END"
            )
        return self._created_sql

    def _record(
        self, table: str, row_id: str, entry: Logged, log: list[Logged], as_in_table: bool = False
    ) -> None:
        """Record a change (``as_in_table``: a creation whose values are the row's, kept as NULL
        until the row changes, as capture.py does)."""
        cursor = self.db.execute(
            "INSERT INTO _sync_log (replica, hlc, file, tbl, row_id, col, value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                entry.replica,
                entry.hlc,
                entry.file,
                table,
                row_id,
                entry.col,
                None if as_in_table else entry.value,
            ],
        )
        entry.id = int(cursor.lastrowid or 0)
        log.append(entry)

    def _apply_one(
        self,
        table: str,
        row_id: str,
        log: list[Logged],
        incoming: Logged,
        updates: dict[str, Any],
        again: bool = False,
    ) -> bool:
        """Merge one incoming change into the row (its field writes gathered in ``updates``);
        return whether it created the row."""
        for known in log:
            if known.key == incoming.key and (
                known.col == incoming.col or (again and FORGOTTEN in (known.col, incoming.col))
            ):
                if known.file is None:  # this copy's own change, written before a crash
                    self.db.execute("UPDATE _sync_log SET file = ? WHERE id = ?", [incoming.file, known.id])
                    known.file = incoming.file
                return False
        if any(known.col == PURGED for known in log):
            return False  # erased: nothing brings the row back
        if incoming.col == PURGED:
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
            self.db.execute("DELETE FROM _sync_log WHERE tbl = ? AND row_id = ?", [table, row_id])
            self.db.execute("DELETE FROM _sync_conflicts WHERE tbl = ? AND row_id = ?", [table, row_id])
            log.clear()
            updates.clear()
            self._record(table, row_id, incoming, log)
            return False
        if incoming.row is not None and not log:
            values = {
                column: incoming.row[column] for column in self.columns(table) if column in incoming.row
            }
            inserted = False
            with suppress(sqlite3.IntegrityError):  # a parent erased meanwhile: in the log only
                self.db.execute(
                    f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
                    list(values.values()),
                )
                inserted = True
            self._record(table, row_id, incoming, log, as_in_table=inserted and values == incoming.row)
            return True
        columns = list(incoming.row) if incoming.row is not None else [incoming.col]
        for column in columns:
            if column != "id" and column in self.columns(table):
                self._merge_field(table, row_id, log, incoming, column, updates)
        self._record(table, row_id, incoming, log)
        return False

    def _merge_field(
        self,
        table: str,
        row_id: str,
        log: list[Logged],
        incoming: Logged,
        column: str,
        updates: dict[str, Any],
    ) -> None:
        current = _winner(log, column)
        value = incoming.value_of(column)
        if current is None or (incoming.key > current.key and current.value_of(column) != value):
            updates[column] = value

    def _concurrent(self, table: str, row_id: str, log: list[Logged], column: str) -> None:
        """Keep the values that lost against a field's value without either writer knowing of
        the other (``champ``): each writer's latest value against the final one, so that every
        copy lists the same conflicts whatever values it met in between."""
        winner = _winner(log, column)
        if winner is None:
            return
        decided = _decided(log)
        latest: dict[str, Logged] = {}
        for entry in log:
            known = latest.get(entry.replica)
            if (
                entry.touches(column)
                and entry.replica != winner.replica
                and (known is None or entry.key > known.key)
            ):
                latest[entry.replica] = entry
        first = field_group(table, column)[0]  # fields checked together: one conflict
        for loser in latest.values():
            if self.seen(loser, winner):
                self._replaced_knowingly(
                    table, row_id, log, winner, conflict_id("champ", table, row_id, loser.version, first)
                )
            elif (
                loser.value_of(column) != winner.value_of(column)
                and not {loser.key, winner.key} <= decided  # two decisions of the merge
                and not self.seen(winner, loser)
            ):
                self._conflict(
                    "champ",
                    table,
                    row_id,
                    column=first,
                    kept=winner.value_of(first),
                    set_aside=loser.value_of(first),
                    kept_version=winner.version,
                    lost_version=loser.version,
                    key=f"{loser.version}",
                    arose=loser.hlc,
                )

    def _replaced_knowingly(
        self, table: str, row_id: str, log: list[Logged], winner: Logged, listed: str
    ) -> None:
        """Forget the open conflict ``listed`` of a value the final one replaced knowingly, when
        the value it was kept against is not known to the final one either: a copy that met the
        loser losing to that value listed it, the others never did (a choice « actuelle »
        rewrites the kept value knowing both: its conflict stays, settled)."""
        row = self.db.execute(
            "SELECT kept_version FROM _sync_conflicts WHERE id = ? AND resolved_at IS NULL", [listed]
        ).fetchone()
        if row is None:
            return
        kept = next((entry for entry in log if entry.version == row[0]), None)
        if kept is not None and kept is not winner and not self.seen(kept, winner):
            self.db.execute("DELETE FROM _sync_conflicts WHERE id = ?", [listed])

    def _write(self, table: str, row_id: str, updates: dict[str, Any], log: list[Logged]) -> None:
        """Write the fields a file changed in one row, together (a row's checks hold across
        fields); a combination the table refuses keeps, field by field, what it can."""
        if not updates:
            return
        try:
            self._update(table, row_id, updates)
        except sqlite3.IntegrityError:
            for column, value in updates.items():
                try:
                    self._update(table, row_id, {column: value})
                except sqlite3.IntegrityError:
                    current = self.db.execute(
                        f"SELECT {column} FROM {table} WHERE id = ?", [row_id]
                    ).fetchone()
                    self._conflict(
                        "champ",
                        table,
                        row_id,
                        column=column,
                        kept=current[0] if current else None,
                        set_aside=value,
                        key=f"refus:{column}:{json.dumps(value)}",
                        arose=max(entry.hlc for entry in log if entry.touches(column)),
                    )

    def _update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in values)
        self.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id])

    # --- who knew what -------------------------------------------------------------------------

    def seen(self, earlier: Logged, later: Logged) -> bool:
        """Whether the writer of ``later`` knew of ``earlier`` when writing it."""
        if later.replica == self.replica and later.id != _NOT_YET:
            return earlier.id < later.id  # a change made here knew everything recorded before it
        if earlier.replica == later.replica:
            return earlier.hlc <= later.hlc
        if earlier.file is None or later.file is None:
            return False
        return earlier.file <= self._deps_of(later.replica, later.file).get(earlier.replica, 0)

    def _deps_of(self, replica: str, number: int) -> dict[str, int]:
        if (replica, number) not in self._deps:
            row = self.db.execute(
                "SELECT deps FROM _sync_files WHERE replica = ? AND file = ?", [replica, number]
            ).fetchone()
            self._deps[(replica, number)] = json.loads(row[0]) if row else {}
        return self._deps[(replica, number)]

    # --- the carnet's rules after a merge ------------------------------------------------------

    def _after(self, touched: list[tuple[str, str, list[Logged], bool]]) -> None:
        for table, row_id, log, _ in touched:
            if table == "professionals":
                self._erasure_is_final(row_id, log)
            if "deleted_at" in self.columns(table):
                self._deletion_against_edit(table, row_id, log)
        locks = self._month_locks()
        entries = [row_id for table, row_id, _, _ in touched if table == "time_entries"]
        checked = dict.fromkeys(entries)  # each entry once, in this order
        for table, row_id, _, _ in touched:
            if table != "month_locks":
                continue
            # A closing or a reopening arrived: the month's entries are checked again.
            lock = self.db.execute("SELECT month FROM month_locks WHERE id = ?", [row_id]).fetchone()
            if lock is not None:
                checked.update(dict.fromkeys(self._of_month(str(lock[0]))))
        alone = self._alone(list(checked), locks)
        restored = [
            entry_id for entry_id in checked if entry_id not in alone and self._closed_month(entry_id, locks)
        ]
        self._duplicates(dict.fromkeys(entries + restored))
        self._over_a_day(entries)

    def _of_month(self, month: str) -> list[str]:
        """The entries of ``month``, and those whose day changed (they may have left it)."""
        return [
            entry_id
            for (entry_id,) in self.db.execute(
                "SELECT id FROM time_entries WHERE day >= ? AND day < ? UNION "
                "SELECT row_id FROM _sync_log WHERE tbl = 'time_entries' AND col = 'day'",
                [f"{month}-01", f"{month}-32"],
            ).fetchall()
        ]

    def reopened_here(self, month: str) -> None:
        """Give back at once what the closings of ``month`` set aside, once this copy reopened
        it (a conflict taken back, « rouvrir »), as a copy that receives the reopening does
        (``_closed_month``, then ``_reopened``): without it, the entries created in the month
        stayed deleted here until the other laptop sent them back."""
        locks = self._month_locks()
        self.db.execute("UPDATE _sync_state SET capture = 0")  # as in a merge: ``_local_update``
        self._copies({entry_id for entry_id in self._of_month(month) if self._closed_month(entry_id, locks)})
        self.db.execute("UPDATE _sync_state SET capture = 1")

    def _alone(
        self, entry_ids: list[str], locks: dict[str, list[tuple[str, Logged | None, bool]]]
    ) -> set[str]:
        """The entries whose every change one copy wrote, the copy that wrote every closing, and
        none of them a decision of the merge: nothing of theirs is concurrent with a closing
        (a copy knows its own earlier changes), so ``_closed_month`` has nothing to do for them
        (all the entries of a snapshot, read without their histories)."""
        writers = {closing.replica for month in locks.values() for _, closing, _ in month if closing}
        if len(writers) != 1:
            return set()
        (writer,) = writers
        found = set(entry_ids)
        for chunk in _chunks(entry_ids):
            found.difference_update(
                row_id
                for (row_id,) in self.db.execute(
                    "SELECT DISTINCT row_id FROM _sync_log WHERE tbl = 'time_entries' AND row_id IN "
                    f"({', '.join('?' for _ in chunk)}) "
                    "AND (replica != ? OR (col = 'device_id' AND value = ?))",
                    [*chunk, writer, DECIDED],
                ).fetchall()
            )
        return found

    def _over_a_day(self, entry_ids: list[str]) -> None:
        """List the days a merge took over 24 h for one person (``24h``): the entries stay, the
        day shows its warning, and both laptops list it alike (the same day, the same id)."""
        days = self._entry_values(("ambassador_id", "day"), entry_ids)
        for batch in _chunks(sorted(days)):
            cte, params = _with("t", ("ambassador_id", "day"), batch)
            for ambassador_id, day, _ in self.db.execute(
                f"{cte}SELECT e.ambassador_id, e.day, sum(e.minutes) FROM t JOIN time_entries AS e "
                "ON e.ambassador_id = t.ambassador_id AND e.day = t.day WHERE e.deleted_at IS NULL "
                "GROUP BY e.ambassador_id, e.day HAVING sum(e.minutes) > ?",
                [*params, MAX_ENTRY_MINUTES],
            ).fetchall():
                self._conflict(
                    "24h",
                    "ambassadors",
                    ambassador_id,
                    other_id=day,  # the day's total is read when listed: it changes
                    key=day,
                    arose=f"{day}T00:00:00.000Z",
                )

    def _erasure_is_final(self, row_id: str, log: list[Logged]) -> None:
        """Drop the edits of an erased person made without knowing of the erasure, on either side:
        they would bring back what was erased (and are never listed: they hold personal data)."""
        erasure = _winner(log, "anonymized_at")
        if erasure is None or erasure.value_of("anonymized_at") is None:
            return
        # Against every erasure in the log, not only the latest: an edit dropped when it came
        # (against the one erasure there was then) is dropped on every copy, whichever erasure
        # each met first. An erasure's own fields stay (the latest one's values win).
        erasures = [
            entry for entry in log if entry.touches("anonymized_at") and entry.value_of("anonymized_at")
        ]
        theirs = {entry.key for entry in erasures}
        stale = [
            entry
            for entry in log
            if entry.col not in (INSERTED, PURGED, FORGOTTEN)
            and entry.key not in theirs
            and any(
                entry.replica != other.replica and not self.seen(entry, other) and not self.seen(other, entry)
                for other in erasures
            )
        ]
        for entry in stale:
            self.db.execute("DELETE FROM _sync_log WHERE id = ?", [entry.id])
            log.remove(entry)
        restored = {}
        for column in {entry.col for entry in stale}:
            winner = _winner(log, column)
            restored[column] = winner.value_of(column) if winner else None
        # What an erasure empties is empty, whatever the log still gives: a field the eraser's
        # row held empty already is not in the erasure's changes, and this copy may hold another
        # value from the row's creation as first sent (its writer rewrote it since, emptied). Only
        # a change made knowing of an erasure (the erasure's own included) writes there again.
        # (Imported here: the register's storage is not read at start, tests/gui/test_startup.py.)
        from ambassadeur_app.storage.professionals import ERASED_COLUMNS

        found = self.db.execute(
            f"SELECT {', '.join(ERASED_COLUMNS)} FROM professionals WHERE id = ?", [row_id]
        ).fetchone()
        now = dict(zip(ERASED_COLUMNS, found, strict=True)) if found else {}
        for column in ERASED_COLUMNS:
            if any(
                entry.col == column and any(self.seen(other, entry) for other in erasures) for entry in log
            ):
                continue
            if restored.get(column, now.get(column, "")) not in ("", None):
                restored[column] = ""
        if restored:
            self._update("professionals", row_id, restored)

    def forget_erased(self) -> bool:
        """After an erasure, made here or applied from another copy, forget every value the log
        keeps that a later change replaced (the erased identity, the texts rewritten), and the
        conflicts about the person or settled; return whether this copy's files must be written
        again.

        Only superseded values go: merging needs nothing but each field's latest change. A
        losing change of this copy not yet sent stays (the other copy lists it as a conflict),
        and so do the two values of an open conflict."""
        count = self.db.execute(
            "SELECT count(*) FROM professionals WHERE anonymized_at IS NOT NULL"
        ).fetchone()[0]
        if count == self.state()["erased"]:
            if count:  # a conflict settled here since (a choice, an edit): it goes, as elsewhere
                self._forget(
                    self.db.execute("SELECT DISTINCT tbl, row_id FROM _sync_conflicts WHERE kind = 'champ'")
                )
            return False
        self.db.execute(
            "DELETE FROM _sync_conflicts WHERE tbl = 'professionals' AND row_id IN "
            "(SELECT id FROM professionals WHERE anonymized_at IS NOT NULL)"
        )
        self._forget(
            self.db.execute(
                f"SELECT DISTINCT tbl, row_id FROM _sync_log WHERE col NOT IN ('{INSERTED}', '{PURGED}')"
            ).fetchall()
        )
        self.db.execute("UPDATE _sync_state SET erased = ?", [count])
        return True

    def _forget(self, rows: Iterable[tuple[str, str]]) -> None:
        """Forget the superseded values of these rows (see ``forget_erased``)."""
        rows = list(rows)
        for table, row_id in rows:
            # A conflict settled (here, or since by a change made knowing both values) may hold
            # an erased person's words: it goes, with its values.
            for conflict_id, column, kept, lost, resolved in self.db.execute(
                "SELECT id, col, kept_version, lost_version, resolved_at FROM _sync_conflicts "
                "WHERE kind = 'champ' AND tbl = ? AND row_id = ?",
                [table, row_id],
            ).fetchall():
                winner = self.winner(table, row_id, column)
                both = [self.version(table, row_id, version, column) for version in (kept, lost)]
                if (
                    resolved
                    or winner is None
                    or None in both
                    or (
                        winner.version not in (kept, lost)
                        and all(change is not None and self.seen(change, winner) for change in both)
                    )
                ):
                    self.db.execute("DELETE FROM _sync_conflicts WHERE id = ?", [conflict_id])
        kept_versions = {
            version
            for row in self.db.execute(
                "SELECT kept_version, lost_version FROM _sync_conflicts WHERE resolved_at IS NULL"
            ).fetchall()
            for version in row
            if version
        }
        for table, row_id in rows:
            log = self._row_log(table, row_id)
            never = self._never_forgotten(table)
            for entry in log:
                if entry.col in never or entry.version in kept_versions:
                    continue
                winner = _winner(log, entry.col)
                if winner is None or winner is entry:
                    continue
                if entry.file is None and entry.replica == self.replica and winner.replica != self.replica:
                    continue  # lost to another copy's change, not sent yet: that copy lists it
                # The value goes; that a change was made stays (whether a deletion was made
                # knowing of it is read from it, on every copy alike).
                self.db.execute(
                    "UPDATE _sync_log SET col = ?, value = NULL WHERE id = ?", [FORGOTTEN, entry.id]
                )
            if table in SYNCED_TABLES:
                row = ", ".join(
                    f"'{column}', {self._as_created(table, column)}" for column in self.columns(table)
                )
                self.db.execute(
                    f"UPDATE _sync_log SET value = (SELECT json_object({row}) FROM {table} WHERE id = ?) "
                    "WHERE tbl = ? AND row_id = ? AND col = ? AND value IS NOT NULL "
                    f"AND EXISTS (SELECT 1 FROM {table} WHERE id = ?)",
                    [row_id, table, row_id, INSERTED, row_id],
                )

    def _never_forgotten(self, table: str) -> frozenset[str]:
        """The fields of a table whose superseded values an erasure never makes this copy forget:
        the merge rules' fields, the stamps, and of a professional every field an erasure keeps
        (profession, specialty, practice mode, Parceo status...: no one's words). An edit of an
        erased person made without knowing of the erasure is dropped and the field falls back to
        its latest value left in the log (``_erasure_is_final``): a copy that had forgotten it
        (replaced by that edit before the erasure came) would fall back further than the others."""
        if table == "professionals":
            # Imported here: the window opens a carnet without reading its register.
            from ambassadeur_app.storage.professionals import ERASED_COLUMNS

            return _KEPT | (frozenset(self.columns(table)) - frozenset(ERASED_COLUMNS))
        return _KEPT

    def _as_created(self, table: str, column: str) -> str:
        """The SQL expression of a field of a row's creation (``_sync_log.value``) that an erasure
        rewrites: another copy may still receive the creation, and the field falls back to it
        when the edits of an erased person made without knowing of the erasure are dropped.

        What is never forgotten stays as created. What an erasure empties in a professional is
        emptied once a later change replaced it or the person is erased (an empty value names no
        one, and that is what every copy holds once the person is erased). Other fields take the
        value the row holds now when they held a value (a text scrubbed since), since nothing
        drops their edits."""
        created = f"json_extract(_sync_log.value, '$.{column}')"
        if column in self._never_forgotten(table):
            return created
        if table == "professionals":
            return (
                "CASE WHEN EXISTS (SELECT 1 FROM _sync_log AS later WHERE later.tbl = _sync_log.tbl "
                f"AND later.row_id = _sync_log.row_id AND later.col = '{column}') "
                f"OR {table}.anonymized_at IS NOT NULL THEN '' ELSE {created} END"
            )
        return f"CASE WHEN coalesce({created}, '') = '' THEN {created} ELSE {column} END"

    def scrub_log(self, rewrite: Callable[[str], str]) -> None:
        """Pass the texts the log keeps, sent or not, the changes waiting for a later version's
        table and the conflicts' values through ``rewrite`` (an erasure's scrubbing). A logged
        value the carnet still shows is left as it is (the erasure left that field alone: another
        person's name); one it replaced since is rewritten, so that no old value names the person."""
        for log_id, table, row_id, col, value in self.db.execute(
            "SELECT id, tbl, row_id, col, value FROM _sync_log WHERE typeof(value) = 'text'"
        ).fetchall():
            if rewrite(value) == value or table not in SYNCED_TABLES:
                continue
            found = self.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()
            current = dict(zip(self.columns(table), found, strict=True)) if found else {}
            if col != INSERTED:
                new = value if current.get(col, None) == value and found else rewrite(value)
            else:
                row = json.loads(value)
                for column, text in row.items():
                    if isinstance(text, str) and not (found and current.get(column) == text):
                        row[column] = rewrite(text)
                new = json.dumps(row, ensure_ascii=False)
            if new != value:
                self.db.execute("UPDATE _sync_log SET value = ? WHERE id = ?", [new, log_id])
        for waiting_id, value in self.db.execute(
            "SELECT id, value FROM _sync_waiting WHERE typeof(value) = 'text'"
        ).fetchall():
            if (new := rewrite(value)) != value:  # a later version's row as its JSON, as conflicts'
                self.db.execute("UPDATE _sync_waiting SET value = ? WHERE id = ?", [new, waiting_id])
        for conflict_id, kept, aside in self.db.execute(
            "SELECT id, kept, set_aside FROM _sync_conflicts"
        ).fetchall():
            if (rewrite(kept or ""), rewrite(aside or "")) != (kept or "", aside or ""):
                self.db.execute(
                    "UPDATE _sync_conflicts SET kept = ?, set_aside = ? WHERE id = ?",
                    [rewrite(kept or "null"), rewrite(aside or "null"), conflict_id],
                )

    def rewrite_own(self, folder: Path, keys: Keys) -> int:
        """Write again, from what the log keeps now (after an erasure), this copy's change files
        whose changes the log no longer gives as they are in the folder (a value scrubbed or
        forgotten, a purged row's changes gone); return how many. Each keeps its number and its
        dependencies: a copy that applied the old one has nothing to do, one that had not gets
        it without the erased values. The other files are left as they are."""
        state = self.state()
        replica = state["replica"]
        present = {change.number: change.path for change in change_files(folder).get(replica, [])}
        written = 0
        with self.carnet.write():
            for number in range(1, self.files_written() + 1):
                deps = self._deps_of(replica, number)
                try:
                    held = decode(present[number].read_bytes(), keys, file_name(number))
                except (KeyError, OSError, Incomplete, Refused):
                    held = None  # missing or damaged: written again
                if held != self._own_payload(state, number, deps):
                    self._write_own(folder, keys, number, deps)
                    written += 1
        return written

    def _deletion_against_edit(self, table: str, row_id: str, log: list[Logged]) -> None:
        """Keep a record whose deletion was concurrent with an edit of it, and list each such
        deletion (``suppression``). Decided from the whole history of the row, never from the
        order the files came in: the record is deleted by its latest deletion that no edit was
        concurrent with (or a later restore), so every copy reaches the same state and list,
        and a deletion made knowing the edit still deletes it."""
        undone = set()
        for deletion in self._against_edits(log):
            undone.add(deletion.id)
            self._conflict(
                "suppression",
                table,
                row_id,
                kept=None,
                set_aside=deletion.value,
                lost_version=deletion.version,
                key=deletion.version,
                arose=deletion.hlc,
            )
        if not undone:
            return
        value = _deleted_at(log, undone)
        current = self.db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [row_id]).fetchone()
        if current is not None and current[0] != value:
            self._update(table, row_id, {"deleted_at": value})  # every copy decides alike: not sent

    def _against_edits(self, log: list[Logged]) -> list[Logged]:
        """The deletions of a row made concurrently with an edit of it (what the merge decided
        itself, for a closed month, is neither)."""
        skipped = META_COLUMNS | {"deleted_at", INSERTED, PURGED}
        written = _written(log)
        edits = [entry for entry in written if entry.col not in skipped]
        return [
            deletion
            for deletion in written
            if deletion.col == "deleted_at"
            and deletion.value is not None
            and any(
                edit.replica != deletion.replica
                and not self.seen(edit, deletion)
                and not self.seen(deletion, edit)
                for edit in edits
            )
        ]

    def _month_locks(self) -> dict[str, list[tuple[str, Logged | None, bool]]]:
        """Each month's closings (id, creation, whether still active), oldest first."""
        locks: dict[str, list[tuple[str, Logged | None, bool]]] = {}
        for lock_id, month, reopened in self.db.execute(
            "SELECT id, month, reopened_at FROM month_locks WHERE deleted_at IS NULL ORDER BY closed_at, id"
        ).fetchall():
            created = next((e for e in self._row_log("month_locks", lock_id) if e.col == INSERTED), None)
            locks.setdefault(month, []).append((lock_id, created, reopened is None))
        return locks

    def _closed_month(self, entry_id: str, locks: dict[str, list[tuple[str, Logged | None, bool]]]) -> bool:
        """Keep a closed month as it was signed: a change of what counts in it (an entry
        created, moved in or out, deleted, restored, its duration, mission, activity, person or
        start changed) made without knowing of the closing is undone here, as a change of this
        copy, and set aside (``mois_clos``); taking it reopens the month. Once no closing of the
        entry's months is active any more (reopened), what the merge undid is undone in turn:
        the users' values come back, on every copy, whichever it learnt first of the change and
        of the reopening (and a copy that learnt of the reopening first lists the conflict too,
        settled). Whether the entry was deleted or restored here: a restored copy of a
        ``doublon`` is set aside again (``_copies``)."""
        if not locks or (found := self._counted(entry_id)) is None:
            return False
        now, log = found
        before = now["deleted_at"]
        months = {str(entry.value_of("day"))[:7] for entry in log if entry.touches("day")}
        closed = False
        for month in sorted(months & locks.keys()):
            active = [lock for lock in locks[month] if lock[2]]
            closed |= bool(active)
            wanted = self._wanted(log, now)
            # The closing in force that signed the entry as its users wrote it decides (a month
            # closed on both laptops of a merged carnet: each closing signed its own entries),
            # else the latest one; without one in force, each reopened one still lists. (One
            # closing in force decides either way: it is not read twice.)
            signing = (
                [lock for lock in active if self._signs(log, lock[1], wanted, month)]
                if len(active) > 1
                else []
            )
            for lock_id, closing, is_active in signing[:1] or active[-1:] or locks[month]:
                if closing is None:
                    continue
                concurrent, signed = self._signed(log, closing)
                if not concurrent:
                    continue
                if is_active and _differs(signed, now, month):
                    if signed is None:
                        back = {"deleted_at": utc_now_iso()}
                    elif signed["deleted_at"] is not None:
                        back = {"deleted_at": signed["deleted_at"]}
                    elif not _counts_in(signed, month):
                        back = {"day": signed["day"]}
                    else:
                        back = {
                            column: signed[column] for column in _COUNTED if now[column] != signed[column]
                        }
                    self._local_update("time_entries", entry_id, back)
                    now.update(back)
                elif not _differs(signed, wanted, month):
                    # Nothing to undo and nothing set aside. (Nothing to undo but something set
                    # aside: another rule already undid it here, e.g. a deletion undone against an
                    # edit; listed as on a copy that undid it itself.)
                    continue
                self._conflict(
                    "mois_clos",
                    "time_entries",
                    entry_id,
                    other_id=lock_id,
                    kept=month,
                    # what the users wrote against what was signed (``None``: the entry did not
                    # exist for the closing, as if deleted)
                    set_aside=_aside(wanted, signed or {**wanted, "deleted_at": DECIDED}, month),
                    key=month,  # one conflict per entry and month, whichever laptop's closing it met
                    arose=min(entry.hlc for entry in log),  # the entry's creation
                )
        if not closed:
            self._reopened(entry_id, log, now)
        return bool(now["deleted_at"] != before)

    def _signed(self, log: list[Logged], closing: Logged) -> tuple[bool, dict[str, Any] | None]:
        """Whether a change of what counts in an entry was made concurrently with a closing, and
        the counted fields the closing knew (``None``: the entry did not exist for it)."""
        concurrent = [
            entry
            for entry in log
            if any(entry.touches(column) for column in _COUNTED)
            and not self.seen(entry, closing)
            and not self.seen(closing, entry)
        ]
        known = [entry for entry in log if entry not in concurrent and self.seen(entry, closing)]
        signed: dict[str, Any] | None = None
        if any(entry.col == INSERTED for entry in known):
            signed = {}
            for column in _COUNTED:
                winner = _winner(known, column)
                signed[column] = winner.value_of(column) if winner else None
        return bool(concurrent), signed

    def _signs(self, log: list[Logged], closing: Logged | None, values: dict[str, Any], month: str) -> bool:
        """Whether a closing counted an entry in ``month`` as ``values`` say."""
        if closing is None:
            return False
        concurrent, signed = self._signed(log, closing)
        return not concurrent or not _differs(signed, values, month)

    def _reopened(self, entry_id: str, log: list[Logged], now: dict[str, Any]) -> None:
        """Give back to an entry whose months are no longer closed the values the merge's own
        decisions (``DECIDED``) replaced: each field whose latest change is such a decision takes
        the value of the users' latest change (a deletion undone against an edit left out), as
        a change of this copy marked as the merge's decision (a later closing reads it)."""
        decided = _decided(log)
        if not decided:
            return
        written = self._kept_writes(log)
        back = {}
        for column in _COUNTED:
            latest = _winner(log, column)
            if latest is None or latest.key not in decided:
                continue
            winner = _winner(written, column)
            value = winner.value_of(column) if winner else None
            if value != now[column]:
                back[column] = value
        if back:
            self._local_update("time_entries", entry_id, back)
            now.update(back)

    def _entry_values(
        self, columns: tuple[str, ...], entry_ids: Iterable[str], condition: str = "1"
    ) -> set[tuple[Any, ...]]:
        """The distinct values of these columns among these time entries (those meeting ``condition``)."""
        found: set[tuple[Any, ...]] = set()
        for chunk in _chunks(sorted(entry_ids)):
            found.update(
                self.db.execute(
                    f"SELECT DISTINCT {', '.join(columns)} FROM time_entries "
                    f"WHERE id IN ({', '.join('?' for _ in chunk)}) AND {condition}",
                    chunk,
                ).fetchall()
            )
        return found

    def _duplicates(self, entry_ids: Iterable[str]) -> None:
        """List the pairs of entries typed on two laptops (``doublon``): kept (live, or set
        aside by the merge itself for a closed month, which one laptop may have decided before
        the other entry came and another one after), with the same day, person, mission,
        duration and start, created without either writer knowing of the other, one of them
        among ``entry_ids``; then set aside, or give back, the copies of the pairs these entries
        are in (``_copies``: their pairs' copies follow them).

        An entry of ``entry_ids`` that its users deleted is paired too, as the first entry of a
        pair whose copy is kept, when its users' latest deletion was made knowing both entries
        (the entry shown deleted, ``_deleted_knowing``): the file bringing that deletion records
        the pair even where the entry was already deleted (by a deletion not knowing the copy)
        when the copy came, as on a laptop that met both entries kept; the doublon reads settled,
        the copy set aside, alike everywhere."""
        ids = set(entry_ids)
        keys = self._entry_values(_ENTRY_KEY, ids)
        if keys:
            self._pairs(ids, keys)
        self._copies(ids)

    def _pairs(self, ids: set[str], keys: set[tuple[Any, ...]], chosen: set[str] | None = None) -> None:
        """List the ``doublon`` pairs of the entries ``ids``, whose keys are ``keys`` (``chosen``:
        only the pairs with these conflict ids, whatever their entries' state now).

        Read in batches, in proportion to the entries given and those sharing their key: each
        key's entries are read once with their creation's writer (the live ones through the
        index of the day's totals, those set aside in one pass, those given that their users
        deleted by their ids: paired only as the entry shown deleted), and a key whose entries
        one copy created all is passed over (a copy knows its own earlier changes)."""
        columns = ", ".join(f"e.{column}" for column in _ENTRY_KEY)
        creation = (
            "JOIN _sync_log AS c ON c.id = (SELECT min(id) FROM _sync_log WHERE tbl = 'time_entries' "
            f"AND row_id = e.id AND col = '{INSERTED}')"
        )
        rows = (
            self.db.execute(
                f"SELECT {columns}, e.id, c.id, c.replica, c.hlc, c.file FROM time_entries AS e {creation} "
                "WHERE e.deleted_at IS NOT NULL AND (e.device_id = ? OR e.deleted_at = ?)",
                [DECIDED, DECIDED],
            ).fetchall()
            if chosen is None
            else []
        )
        gone: set[str] = set()  # the entries given that their users deleted
        if chosen is None:
            for chunk in _chunks(sorted(ids)):
                found = self.db.execute(
                    f"SELECT {columns}, e.id, c.id, c.replica, c.hlc, c.file FROM time_entries AS e "
                    f"{creation} WHERE e.id IN ({', '.join('?' for _ in chunk)}) "
                    "AND e.deleted_at IS NOT NULL AND e.device_id != ? AND e.deleted_at != ?",
                    [*chunk, DECIDED, DECIDED],
                ).fetchall()
                gone.update(row[len(_ENTRY_KEY)] for row in found)
                rows += found
        same = " AND ".join(
            f"e.{column} {'IS' if column == 'start_time' else '='} k.{column}" for column in _ENTRY_KEY
        )
        for batch in _chunks(sorted(keys, key=repr)):
            cte, params = _with("k", _ENTRY_KEY, batch)
            rows += self.db.execute(
                f"{cte}SELECT {columns}, e.id, c.id, c.replica, c.hlc, c.file FROM k JOIN time_entries AS e "
                f"ON {same} {creation} WHERE {'e.deleted_at IS NULL' if chosen is None else '1'}",
                params,
            ).fetchall()
        width = len(_ENTRY_KEY)
        groups: dict[tuple[Any, ...], list[tuple[str, Logged]]] = {}
        for row in rows:
            if (key := tuple(row[:width])) in keys:
                log_id, replica, hlc, file = row[width + 1 :]
                groups.setdefault(key, []).append(
                    (row[width], Logged(log_id, replica, hlc, file, INSERTED, None))
                )
        for members in groups.values():
            if len({created.replica for _, created in members}) < 2:
                continue
            for entry_id, created in members:
                if entry_id not in ids:
                    continue
                for other_id, other in members:
                    if (
                        other.replica == created.replica
                        or self.seen(other, created)
                        or self.seen(created, other)
                    ):
                        continue
                    first, second = sorted([(created.key, entry_id), (other.key, other_id)])
                    if second[1] in gone or (
                        first[1] in gone and not self._deleted_knowing(first[1], [created, other])
                    ):
                        continue  # an entry deleted is paired only as the entry shown deleted
                    pair = f"{first[1]}:{second[1]}"
                    wanted = chosen is None or conflict_id(DOUBLON, TIME_ENTRIES, first[1], pair) in chosen
                    if not wanted:
                        continue
                    self._conflict(
                        DOUBLON,
                        TIME_ENTRIES,
                        first[1],
                        other_id=second[1],
                        key=pair,
                        arose=second[0][0],  # the second one's creation
                    )

    def _chosen_pairs(self, chosen: set[str], replica: str, number: int) -> None:
        """Record the ``doublon`` pairs that the choices ``chosen`` (copy ``replica``'s file
        ``number``) settle and that this copy never listed: it never held both entries kept (the
        first one deleted here before the copy came, say), while the laptop that chose did.
        The pair is among the entries that file changed (a choice changes the copy with it);
        recorded as elsewhere, it reads settled, alike on every laptop."""
        listed: set[str] = set()
        for chunk in _chunks(sorted(chosen)):
            listed.update(
                row[0]
                for row in self.db.execute(
                    f"SELECT id FROM _sync_conflicts WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
                ).fetchall()
            )
        if not chosen - listed:
            return
        entries = {
            row_id
            for (row_id,) in self.db.execute(
                "SELECT DISTINCT row_id FROM _sync_log WHERE tbl = ? AND replica = ? AND file = ?",
                [TIME_ENTRIES, replica, number],
            ).fetchall()
        }
        if keys := self._entry_values(_ENTRY_KEY, entries):
            self._pairs(entries, keys, chosen - listed)

    def _copies(self, entry_ids: set[str]) -> None:
        """Set aside, or give back, the copies in the ``doublon`` pairs of ``entry_ids``: the entry
        created second is kept out of every count (summary, cap, relevé: ``deleted_at =
        DECIDED``) while one of its pairs has its first entry kept (not deleted by its users), or
        deleted by its users knowing both entries (the one entry shown deleted: the hour goes,
        and comes back as it was if the deletion is undone), and no choice made knowing both;
        otherwise it has the state its users wrote (the first entry deleted before its writer
        knew of the copy: the copy is someone's entry, and counts). Copies are decided in the
        order of their creation (a first entry that is itself a copy is decided before), alike
        on every copy from the history, and never sent."""
        firsts: dict[str, list[str]] = {}
        for first_id, second_id in self.db.execute(
            "SELECT row_id, other_id FROM _sync_conflicts WHERE kind = 'doublon'"
        ).fetchall():
            firsts.setdefault(second_id, []).append(first_id)
        touched = {
            second for second, its in firsts.items() if second in entry_ids or entry_ids.intersection(its)
        }
        while more := {
            second for second, its in firsts.items() if second not in touched and touched.intersection(its)
        }:
            touched |= more
        created = {
            row_id: entry
            for row_id in touched | {first for second in touched for first in firsts[second]}
            if (entry := self._creation(row_id)) is not None
        }
        for second in sorted(touched & set(created), key=lambda row_id: created[row_id].key):
            aside = any(
                first in created
                and (
                    self.entry_kept(first) or self._deleted_knowing(first, [created[first], created[second]])
                )
                and not self.twin_chosen(second, [created[first], created[second]])
                for first in firsts[second]
            )
            if aside:
                self.db.execute(
                    "UPDATE time_entries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                    [DECIDED, second],
                )
            elif self.twin_set_aside(second):
                # What its users wrote as the merge keeps it: a deletion undone against an edit
                # (``suppression``) is not given back, as on a copy that never set it aside.
                winner = _winner(self._kept_writes(self._row_log("time_entries", second)), "deleted_at")
                self._update(
                    "time_entries", second, {"deleted_at": winner.value_of("deleted_at") if winner else None}
                )

    def _deleted_knowing(self, entry_id: str, creations: list[Logged]) -> bool:
        """Whether an entry's users deleted it (its latest deletion or restore is a deletion)
        knowing of these creations."""
        winner = _winner(_written(self._row_log("time_entries", entry_id)), "deleted_at")
        return (
            winner is not None
            and winner.value_of("deleted_at") is not None
            and all(self.seen(created, winner) for created in creations)
        )

    def twin_shown_deleted(self, first_id: str, second_id: str) -> bool:
        """Whether the entry shown of a ``doublon`` (typed first) was deleted by its users knowing
        both entries, and no choice was made for the copy since: the one hour goes, the copy
        stays set aside (``_copies``), and the doublon is settled alike on every copy. A copy its
        writer deleted before knowing of the first entry is no longer kept: nothing is set aside,
        and the pair is not listed (a copy that met that deletion before the first entry never
        paired them)."""
        creations = self.twin_creations(first_id, second_id)
        return (
            len(creations) == 2
            and self.entry_kept(second_id)
            and self._deleted_knowing(first_id, creations)
            and not self.twin_chosen(second_id, creations)
        )

    def entry_kept(self, entry_id: str) -> bool:
        """Whether an entry is kept: live, or set aside by the merge (a closed month, a copy)."""
        row = self.db.execute(
            "SELECT deleted_at IS NULL OR ? IN (deleted_at, device_id) FROM time_entries WHERE id = ?",
            [DECIDED, entry_id],
        ).fetchone()
        return row is not None and bool(row[0])

    def _twins_counted(self) -> None:
        """Set aside the copy of every ``doublon`` listed, not chosen and still counted: a carnet
        whose laptop listed it before the copies were set aside (step m020) counted both. What a
        file bringing them would decide; nothing at all once every copy is set aside."""
        # (A carnet without the choices' table, as a version before it: no choice to read.)
        chosen = "AND c.id NOT IN (SELECT id FROM conflict_choices)" if self.columns(CHOICES) else ""
        copies = [
            entry_id
            for (entry_id,) in self.db.execute(
                "SELECT c.other_id FROM _sync_conflicts AS c JOIN time_entries AS e ON e.id = c.other_id "
                f"WHERE c.kind = 'doublon' AND c.resolved_at IS NULL AND e.deleted_at IS NULL {chosen}"
            )
        ]
        if copies:
            with self.carnet.write():
                self.db.execute("UPDATE _sync_state SET capture = 0")
                self._duplicates(copies)
                self.db.execute("UPDATE _sync_state SET capture = 1")

    def twin_set_aside(self, entry_id: str) -> bool:
        """Whether an entry is the copy of a ``doublon`` kept out of every count until a choice."""
        row = self.db.execute("SELECT deleted_at FROM time_entries WHERE id = ?", [entry_id]).fetchone()
        return row is not None and row[0] == DECIDED

    def twin_chosen(self, second_id: str, creations: list[Logged]) -> bool:
        """Whether someone chose for the entry of a ``doublon`` typed second (removed it, or
        kept it as a real entry), knowing both entries."""
        return any(
            entry.col == "deleted_at" and all(self.seen(created, entry) for created in creations)
            for entry in _written(self._row_log("time_entries", second_id))
        )

    def _creation(self, entry_id: str) -> Logged | None:
        """An entry's creation, as logged."""
        return next(
            (entry for entry in self._row_log("time_entries", entry_id) if entry.col == INSERTED), None
        )

    def twin_creations(self, first_id: str, second_id: str) -> list[Logged]:
        """The creations of the two entries of a ``doublon``."""
        return [entry for row_id in (first_id, second_id) if (entry := self._creation(row_id)) is not None]

    def _local_update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        """Change a row as a change made here (recorded, sent to the other copies), marked as
        the merge's own decision (``DECIDED``: what the users wanted is read without it)."""
        self._update(table, row_id, {"device_id": ""})  # not captured: the mark always is, below
        self.db.execute("UPDATE _sync_state SET capture = 1")
        values = {**values, "updated_at": utc_now_iso(), "device_id": DECIDED}
        self._update(table, row_id, values)
        self.db.execute("UPDATE _sync_state SET capture = 0")

    def _conflict(
        self,
        kind: str,
        table: str,
        row_id: str,
        *,
        key: str,
        arose: int | str,
        column: str = "",
        kept: Any = None,
        set_aside: Any = None,
        kept_version: str = "",
        lost_version: str = "",
        other_id: str = "",
    ) -> None:
        """Record a conflict, identified by what it is about (``key``: the same id on every
        copy). Its time (``detected_at``, by which the conflicts are listed) is when it arose,
        read from the changes it is about (``arose``: a clock, or a time), never when this copy
        met it: every copy lists them in the same order.

        None about an erased person: each copy drops them when it meets the erasure
        (``forget_erased``), and one found again later (a file applied again, its writer having
        rewritten it after the erasure) would be listed on that copy only."""
        if table == "professionals" and self._erased(row_id):
            return
        if isinstance(arose, int):
            arose = hlc_time(arose).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        identity = conflict_id(kind, table, row_id, key, column)
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO _sync_conflicts (id, kind, tbl, row_id, col, kept, set_aside, "
            "kept_version, lost_version, other_id, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                identity,
                kind,
                table,
                row_id,
                column,
                json.dumps(kept, ensure_ascii=False),
                json.dumps(set_aside, ensure_ascii=False),
                kept_version,
                lost_version,
                other_id,
                arose,
            ],
        )
        self._new_conflicts += cursor.rowcount
        if not cursor.rowcount and kept_version:
            # Found again against a later winner (a change that did not know it either): the
            # value kept is the winner's, as on a copy that met the two first.
            self.db.execute(
                "UPDATE _sync_conflicts SET kept = ?, kept_version = ? WHERE id = ? AND resolved_at IS NULL",
                [json.dumps(kept, ensure_ascii=False), kept_version, identity],
            )

    def _erased(self, professional_id: str) -> bool:
        """Whether a person is erased here (anonymised)."""
        row = self.db.execute(
            "SELECT anonymized_at IS NOT NULL FROM professionals WHERE id = ?", [professional_id]
        ).fetchone()
        return row is not None and bool(row[0])

    # --- conflicts -----------------------------------------------------------------------------

    def version(self, table: str, row_id: str, version: str, column: str) -> Logged | None:
        """The recorded change ``version`` (``hlc:copy``) of a row's field, if still recorded."""
        return _version_in(self._row_log(table, row_id), version, column)

    def set_aside(self, entry_id: str, month: str) -> dict[str, Any]:
        """The fields of an entry that what its users wrote gives it and that a closed month
        keeps aside ({} when there is no difference in what counts in ``month``). Read from the
        row's history without the merge's own decisions, so every copy lists the same values,
        whichever copy decided first."""
        found = self._counted(entry_id)
        if found is None or not _written(found[1]):
            return {}
        now, log = found
        return _aside(self._wanted(log, now), now, month)

    def _counted(self, entry_id: str) -> tuple[dict[str, Any], list[Logged]] | None:
        """An entry's counted fields as its history gives them, and its history: the copy of a
        ``doublon`` kept out of the counts (``deleted_at = DECIDED``, never recorded) reads as
        recorded, as on a copy that has not set it aside yet, so a closed month does not take
        that for a change of what it signed, nor undo it again and again."""
        row = self.db.execute(
            f"SELECT {', '.join(_COUNTED)} FROM time_entries WHERE id = ?", [entry_id]
        ).fetchone()
        if row is None:
            return None
        now = dict(zip(_COUNTED, row, strict=True))
        log = self._row_log("time_entries", entry_id)
        if now["deleted_at"] == DECIDED:
            now["deleted_at"] = _deleted_at(log, self._undone(log))
        return now, log

    def _kept_writes(self, log: list[Logged]) -> list[Logged]:
        """A row's changes as its users wrote them and the merge keeps them: without the
        merge's own decisions, nor the deletions undone against an edit (``suppression``)."""
        undone = self._undone(log)
        return [entry for entry in _written(log) if entry.id not in undone]

    def _undone(self, log: list[Logged]) -> set[int]:
        """The log ids of a row's deletions undone against an edit (``suppression``)."""
        return {deletion.id for deletion in self._against_edits(log)}

    def _wanted(self, log: list[Logged], now: dict[str, Any]) -> dict[str, Any]:
        """The counted fields of an entry as what its users wrote gives them (``_kept_writes``;
        ``now`` for a field none of them wrote): a deletion undone against an edit is not what
        a closed month sets aside, whichever copy met the edit or the closings first."""
        written = self._kept_writes(log)
        wanted = dict(now)
        for column in _COUNTED:
            winner = _winner(written, column)
            if winner is not None:
                wanted[column] = winner.value_of(column)
        return wanted

    def same_entry(self, first: str, second: str) -> bool:
        """Whether two time entries have the same day, person, mission, duration and start."""
        rows = [
            self.db.execute(
                f"SELECT {', '.join(_ENTRY_KEY)} FROM time_entries WHERE id = ?", [row_id]
            ).fetchone()
            for row_id in (first, second)
        ]
        return rows[0] is not None and tuple(rows[0]) == tuple(rows[1] or ())

    def lost_replaced(self, table: str, row_id: str, lost: str, kept: str, column: str) -> bool:
        """Whether the change ``lost`` was replaced later, still without knowing of the change
        ``kept``, by its writer or by another copy's change made knowing it (a choice made
        knowing both settles the conflict instead). A value replaced knowingly is forgotten
        after an erasure (``_forget``) unless a conflict holds it: a copy that met it replaced
        before it met ``kept`` never lists it, so no copy does. (Not by the merge's own
        decisions: they replace nothing of anyone's.)"""
        hlc, _, replica = lost.partition(":")
        log = self._row_log(table, row_id)
        winner = _version_in(log, kept, column)
        loser = _version_in(log, lost, column)
        decided = _decided(log)
        return any(
            entry.touches(column)
            and (
                (entry.replica == replica and entry.hlc > int(hlc))
                or (
                    loser is not None
                    and entry.key != loser.key
                    and entry.key not in decided
                    and self.seen(loser, entry)
                )
            )
            and (winner is None or not self.seen(winner, entry))
            for entry in log
        )

    def touch(self, table: str, row_id: str, column: str) -> None:
        """Record a field's current value as changed now (a choice made here: the other copies
        learn that it was decided after both values)."""
        self.db.execute(NEXT_HLC)
        self.db.execute(
            "INSERT INTO _sync_log (replica, hlc, tbl, row_id, col, value) "
            f"SELECT replica, hlc, ?, ?, ?, (SELECT {column} FROM {table} WHERE id = ?) FROM _sync_state",
            [table, row_id, column, row_id],
        )

    def winner(self, table: str, row_id: str, column: str) -> Logged | None:
        return _winner(self._row_log(table, row_id), column)


def entry_rows(db: Any, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The time entries with these ids (deleted ones included), for describing conflicts."""
    found: dict[str, dict[str, Any]] = {}
    for entry_id in ids:
        row = db.execute(
            "SELECT e.day, e.minutes, e.mission, e.activity, e.deleted_at, a.name FROM time_entries AS e "
            "LEFT JOIN ambassadors AS a ON a.id = e.ambassador_id WHERE e.id = ?",
            [entry_id],
        ).fetchone()
        if row:
            found[entry_id] = dict(
                zip(("day", "minutes", "mission", "activity", "deleted_at", "name"), row, strict=True)
            )
    return found
