"""The carnet's connection as the repositories use it: ``execute``, ``query``, ``atomic``, ``conn``.

These are sqlite-utils' ``Database`` methods of the same names, without importing sqlite-utils
(~30 ms: click, pluggy, dateutil…) to open an up-to-date carnet and read or write its records.
What only sqlite-utils does (the migrations, its table objects) gets a ``Database`` on the same
connection, importing it then (``utils``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

Params = Sequence[Any] | dict[str, Any]

# One name for every level: SQLite rolls back to, or releases, the latest savepoint of a name.
_SAVEPOINT = "atomic"


class Db:
    """A carnet's connection, in autocommit mode: a statement outside ``atomic`` is saved at once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        # The driver opens no transaction of its own: ``atomic`` opens them, and nothing written
        # outside one is left uncommitted.
        conn.isolation_level = None
        self.conn = conn

    def execute(self, sql: str, params: Params | None = None) -> sqlite3.Cursor:
        """Run one statement; return its cursor."""
        return self.conn.execute(sql, () if params is None else params)

    def query(self, sql: str, params: Params | None = None) -> Iterator[dict[str, Any]]:
        """Run a SELECT; yield its rows as dictionaries keyed by column name."""
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Run the block as one transaction (a savepoint inside another): all or nothing."""
        nested = self.conn.in_transaction
        # IMMEDIATE: the file is taken for writing at once (waiting for another writer there),
        # not at the first change, when a change committed meanwhile elsewhere could only fail.
        self.conn.execute(f"SAVEPOINT {_SAVEPOINT}" if nested else "BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute(f"RELEASE {_SAVEPOINT}" if nested else "COMMIT")
        except BaseException:
            # An error may have ended the whole transaction (a trigger's RAISE(ROLLBACK)).
            if self.conn.in_transaction:
                if nested:
                    self.conn.execute(f"ROLLBACK TO {_SAVEPOINT}")
                    self.conn.execute(f"RELEASE {_SAVEPOINT}")
                else:
                    self.conn.execute("ROLLBACK")
            raise

    @property
    def utils(self) -> Database:
        """sqlite-utils' ``Database`` on this connection, for what only it does (imported here)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def table(self, name: str) -> Table:
        """sqlite-utils' table object of ``name`` (its columns, indexes…)."""
        return self.utils.table(name)

    def close(self) -> None:
        self.conn.close()
