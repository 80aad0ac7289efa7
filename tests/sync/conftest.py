"""Laptops for the sync tests: separate carnet files exchanging through one shared folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.sync import SyncService, join
from ambassadeur_app.storage.sealed import KdfParams
from ambassadeur_app.sync.capture import SYNCED_TABLES, columns_of, install_capture
from ambassadeur_app.sync.engine import SyncReport
from ambassadeur_app.sync.files import change_files
from tests.conftest import PROGRAMME, TODAY, log_entry

PHRASE = "cheval agrafe batterie correcte"
FAST = KdfParams(14, 8, 1)  # the lowest cost the files accept: fast tests, same code path


class Laptop:
    """One laptop of the binôme: its own carnet file, synced through the shared folder."""

    def __init__(self, service: CarnetService) -> None:
        self.service = service
        self.sync_service = SyncService(service)

    def sync(self, phrase: str = PHRASE) -> SyncReport:
        return self.sync_service.sync(phrase)

    @property
    def db(self) -> Any:
        return self.service.carnet.db

    def close(self) -> None:
        self.service.close()


class Binome:
    """Makes laptops: the first one shares, the others join."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.folder = tmp_path / "partage"
        self.laptops: list[Laptop] = []

    def first(self, name: str = "a") -> Laptop:
        service = open_service(self.tmp_path / f"{name}.ambassadeur", create=True, today=lambda: TODAY)
        service.setup(
            PROGRAMME,
            [
                Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste"),
                Ambassador("", "Paul Martin", Role.ADMINISTRATIF, "Coordinateur"),
            ],
        )
        laptop = Laptop(service)
        self.laptops.append(laptop)
        laptop.sync_service.share(self.folder, PHRASE, FAST)
        return laptop

    def join(self, name: str) -> Laptop:
        path, _ = join(self.folder, self.tmp_path / f"{name}.ambassadeur", PHRASE, FAST)
        laptop = Laptop(open_service(path, today=lambda: TODAY))
        self.laptops.append(laptop)
        return laptop

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.close()


@pytest.fixture
def binome(tmp_path: Path) -> Iterator[Binome]:
    made = Binome(tmp_path)
    yield made
    made.close()


def contents(laptop: Laptop) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's rows, but the columns that say where and when a row was written
    last (``updated_at``, ``device_id``: merged like any field, they may differ by a tie)."""
    found = {}
    for table in SYNCED_TABLES:
        columns = [c for c in columns_of(laptop.db, table) if c not in ("updated_at", "device_id")]
        found[table] = sorted(
            laptop.db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr
        )
    return found


def everyone_syncs(laptops: list[Laptop], rounds: int = 2) -> None:
    for _ in range(rounds):
        for laptop in laptops:
            laptop.sync()


def in_turns(laptops: dict[str, Laptop], order: Iterable[str], rounds: int = 3) -> None:
    """Sync the laptops named in ``order``, that order, ``rounds`` times."""
    for _ in range(rounds):
        for name in order:
            laptops[name].sync()


def listing(laptop: Laptop) -> list[tuple[object, ...]]:
    """The conflicts a laptop lists, settled ones included, as every laptop must list them (in
    the same order too)."""
    return [
        (c.id, c.kind, c.row_id, c.column, repr(c.kept), repr(c.set_aside), bool(c.resolved))
        for c in laptop.sync_service.conflicts(include_resolved=True)
    ]


def field(laptop: Laptop, table: str, row_id: str, column: str) -> Any:
    return laptop.db.execute(f"SELECT {column} FROM {table} WHERE id = ?", [row_id]).fetchone()[0]


DAY = date(2024, 11, 12)


def pair(binome: Binome) -> tuple[Laptop, Laptop, str]:
    """Laptop A sharing a carnet with one entry, and laptop B that joined it."""
    a = binome.first()
    entry = log_entry(a.service, DAY, 90)
    a.sync()
    return a, binome.join("b"), entry


def edit(laptop: Laptop, entry: str, **values: Any) -> None:
    laptop.service.update_entry(replace(laptop.service.entry(entry), **values))


def deleted_while_edited(a: Laptop, b: Laptop, entry: str, **values: Any) -> None:
    """A sends the entry; B deletes it and sends that; A, not knowing, edits it: the deletion is
    undone against the edit wherever both meet (« suppression »)."""
    a.sync()
    b.sync()
    b.service.delete_entries([entry])
    b.sync()
    edit(a, entry, **values)


def ahead(laptop: Laptop, hours: int) -> None:
    """Make the laptop's clock ``hours`` ahead: its next changes carry clocks that far ahead."""
    laptop.db.execute("UPDATE _sync_state SET hlc = hlc + ?", [hours * 3600 * 1000 * 65536])


def newest(folder: Path, copy: str) -> Path:
    """The last change file of a copy in the shared folder."""
    return change_files(folder)[copy][-1].path


def sent_by_b(binome: Binome) -> tuple[Laptop, Laptop, Path]:
    """A shares, B joins, types one entry and syncs: the two laptops and B's file holding it."""
    a = binome.first()
    a.sync()
    b = binome.join("b")
    log_entry(b.service, DAY, 30)
    b.sync()
    return a, b, newest(binome.folder, b.sync_service.engine.replica)


def before_step(binome: Binome, number: int, step: str, undo: Callable[[sqlite3.Connection], None]) -> Laptop:
    """Laptop ``number``'s carnet taken back to before the migration ``step`` (``undo`` changes it
    back, its capture triggers removed; they are installed again for that schema), then opened:
    the step runs."""
    laptop = binome.laptops[number]
    path = laptop.service.path
    laptop.close()
    with sqlite3.connect(path) as old:
        for (name,) in old.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync%'"
        ).fetchall():
            old.execute(f"DROP TRIGGER {name}")
        undo(old)
        install_capture(old)
        old.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [step])
    old.close()
    binome.laptops[number] = Laptop(open_service(path, today=lambda: TODAY))
    return binome.laptops[number]
