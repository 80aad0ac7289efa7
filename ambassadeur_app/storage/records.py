"""What every repository shares: UUID ids, timestamps, device id and soft deletes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from ambassadeur_app.domain.dates import utc_now_iso
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, fold, printable, too_long, unprintable_problem
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.ids import new_id

if TYPE_CHECKING:
    from ambassadeur_app.storage.connection import Db

Conditions = tuple[list[str], list[Any]]


def words_sql(expression: str, text: str) -> Conditions:
    """Keep the rows whose folded ``expression`` holds every word of ``text`` (search as you type)."""
    words = fold(text).split()
    return [f"instr({expression}, ?) > 0" for _ in words], list(words)


def days_sql(column: str, first: date | None, last: date | None) -> Conditions:
    """Keep the rows whose ``column`` (a day or a timestamp) falls between two optional days."""
    clauses: list[str] = []
    params: list[Any] = []
    if first:
        clauses.append(f"{column} >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append(f"{column} < ?")
        params.append((last + timedelta(days=1)).isoformat())
    return clauses, params


def communes(db: Db, table: str) -> list[str]:
    """Return the distinct communes of a table's live records (``professionals``, ``structures``):
    a plain query, so that the entries' suggestions need not import the register."""
    return [
        row[0]
        for row in db.execute(
            f"SELECT DISTINCT commune FROM {table} WHERE deleted_at IS NULL AND commune != '' "
            "ORDER BY commune COLLATE NOCASE"
        ).fetchall()
    ]


def _storable(values: dict[str, Any]) -> dict[str, Any]:
    """Return ``values`` with every text cleaned of what no document can hold.

    This is the one door into the file: whatever path a text took (typed, pasted, imported,
    merged), no control character or lone surrogate gets in, so every document can be exported
    and every month closed. The screens and importers warn about such characters before this.

    Raises:
        InvalidInput: a text longer than any field needs (nothing is written).
    """
    # One look at all the texts at once: almost every row is clean as it is.
    texts = "\n".join([value for value in values.values() if isinstance(value, str)])
    if unprintable_problem(texts) is None and len(texts) <= MAX_TEXT_LENGTH:
        return values
    cleaned = {}
    for column, value in values.items():
        if isinstance(value, str):
            value = printable(value)
            if len(value) > MAX_TEXT_LENGTH:
                raise InvalidInput(
                    f"{too_long(len(value)).capitalize()} : raccourcissez-le.",
                    column,
                )
        cleaned[column] = value
    return cleaned


class Repo:
    """Base of the repositories: each owns one table and writes the common columns."""

    table: ClassVar[str]

    def __init__(self, db: Db, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def _insert(self, values: dict[str, Any], record_id: str | None = None) -> str:
        return self._insert_many([values], [record_id])[0]

    def _insert_many(
        self, rows: Sequence[dict[str, Any]], record_ids: Sequence[str | None] | None = None
    ) -> list[str]:
        """Insert rows that have the same columns, all with one timestamp; return their ids.

        Args:
            record_ids: the rows' ids (``None``: a new one), or ``None`` for new ids for all.
        """
        if not rows:
            return []
        ids = [record_id or new_id() for record_id in record_ids or [None] * len(rows)]
        now = utc_now_iso()
        common = (now, now, self.device_id, None)
        keys = list(rows[0])
        columns = ["id", *keys, "created_at", "updated_at", "device_id", "deleted_at"]
        self.db.conn.executemany(
            f"INSERT INTO {self.table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [
                (record_id, *map(_storable(row).__getitem__, keys), *common)
                for record_id, row in zip(ids, rows, strict=True)
            ],
        )
        return ids

    def _update(self, record_id: str, values: dict[str, Any]) -> None:
        values = {**_storable(values), "updated_at": utc_now_iso(), "device_id": self.device_id}
        assignments = ", ".join(f"{column} = ?" for column in values)
        self.db.execute(f"UPDATE {self.table} SET {assignments} WHERE id = ?", [*values.values(), record_id])

    def _set_deleted(self, record_ids: list[str], deleted: bool) -> None:
        now = utc_now_iso()
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            self.db.execute(
                f"UPDATE {self.table} SET deleted_at = ?, updated_at = ?, device_id = ? "
                f"WHERE id IN ({marks})",
                [now if deleted else None, now, self.device_id, *chunk],
            )

    def _by_ids(self, columns: str, record_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """Yield the rows (deleted ones included) with these ids, 500 per query."""
        wanted = list(record_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            yield from self.db.query(f"SELECT {columns} FROM {self.table} WHERE id IN ({marks})", chunk)

    def first_ids(self, column: str, values: Iterable[str]) -> dict[str, str]:
        """Return, for each of these values, the first live record saved with it in ``column``."""
        wanted = sorted({value for value in values if value})
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for record_id, value in self.db.execute(
                f"SELECT id, {column} FROM {self.table} WHERE deleted_at IS NULL "
                f"AND {column} IN ({', '.join('?' for _ in chunk)}) ORDER BY rowid",
                chunk,
            ).fetchall():
                found.setdefault(value, record_id)
        return found

    def starting_with(self, prefix: str) -> list[str]:
        """Return the live records whose id starts with ``prefix`` (a short id typed by the user)."""
        return [
            row[0]
            for row in self.db.execute(
                f"SELECT id FROM {self.table} WHERE deleted_at IS NULL AND substr(id, 1, ?) = ? ORDER BY id",
                [len(prefix), prefix.lower()],
            ).fetchall()
        ]

    def is_live(self, record_id: str) -> bool:
        """Whether the record exists and is not deleted."""
        row = self.db.execute(f"SELECT deleted_at FROM {self.table} WHERE id = ?", [record_id]).fetchone()
        return row is not None and row[0] is None

    def delete(self, record_ids: list[str]) -> None:
        """Mark records as deleted (they stay in the file for merging and undo)."""
        self._set_deleted(record_ids, True)

    def reassign(self, column: str, from_id: str, to_id: str) -> None:
        """Point every row's ``column`` at another record (merging duplicates)."""
        self.db.execute(
            f"UPDATE {self.table} SET {column} = ?, updated_at = ?, device_id = ? WHERE {column} = ?",
            [to_id, utc_now_iso(), self.device_id, from_id],
        )

    def purge(self, column: str, value: str) -> None:
        """Really remove the rows where ``column`` is ``value`` (personal data erased on request)."""
        self.db.execute(f"DELETE FROM {self.table} WHERE {column} = ?", [value])

    def restore(self, record_ids: list[str]) -> None:
        """Bring soft-deleted records back."""
        self._set_deleted(record_ids, False)
