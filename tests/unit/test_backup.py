from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ambassadeur_app.domain.model import Ambassador, Mission, Role, TimeEntry
from ambassadeur_app.errors import CarnetError, CarnetLocked
from ambassadeur_app.storage.backup import BackupKind, BackupManager
from ambassadeur_app.storage.db import open_carnet, restore_carnet


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def add_entry(carnet, minutes: int = 30) -> str:  # type: ignore[no-untyped-def]
    with carnet.write():
        ambassadors = carnet.ambassadors.all()
        amb = (
            ambassadors[0].id
            if ambassadors
            else carnet.ambassadors.add(Ambassador("", "Marie", Role.MEDICAL))
        )
        return carnet.entries.add(TimeEntry(date(2024, 9, 2), amb, Mission.PROMOTION, "Appel", minutes))


def test_one_daily_backup_after_the_first_change_of_each_day(tmp_path: Path) -> None:
    clock = Clock(datetime(2024, 9, 2, 9, 0))
    with open_carnet(
        tmp_path / "c.ambassadeur", device_id="d", backup_root=tmp_path / "b", create=True, clock=clock
    ) as carnet:
        assert carnet.backups.all() == []
        add_entry(carnet)
        clock.moment += timedelta(hours=3)
        add_entry(carnet)
        dailies = [b for b in carnet.backups.all() if b.kind is BackupKind.DAILY]
        assert [b.taken_at for b in dailies] == [datetime(2024, 9, 2, 9, 0)]
        copy = sqlite3.connect(dailies[0].path)
        assert copy.execute("SELECT COUNT(*) FROM time_entries").fetchone()[0] == 1
        copy.close()
        clock.moment = datetime(2024, 9, 3, 8, 0)
        add_entry(carnet)
        assert len([b for b in carnet.backups.all() if b.kind is BackupKind.DAILY]) == 2
    # A new session on the same day takes no second backup.
    with open_carnet(
        tmp_path / "c.ambassadeur", device_id="d", backup_root=tmp_path / "b", clock=clock
    ) as carnet:
        add_entry(carnet)
        assert len([b for b in carnet.backups.all() if b.kind is BackupKind.DAILY]) == 2


def test_thinning_keeps_7_daily_4_weekly_6_monthly(tmp_path: Path) -> None:
    manager = BackupManager(tmp_path / "b")
    manager.folder.mkdir()
    start = datetime(2024, 1, 1, 18, 0)
    for day in range(300):
        moment = start + timedelta(days=day)
        (manager.folder / f"{moment:%Y-%m-%d_%H-%M-%S}_quotidienne.ambassadeur").write_bytes(b"x")
    for n in range(12):
        (manager.folder / f"2024-03-{n + 1:02d}_10-00-00_avant-import.ambassadeur").write_bytes(b"x")
    (manager.folder / "2024-01-05_10-00-00_manuelle.ambassadeur").write_bytes(b"x")
    last = start + timedelta(days=299)
    manager.thin(last.date())
    kept = manager.all()
    dailies = sorted(b.taken_at for b in kept if b.kind is BackupKind.DAILY)
    newest_days = [last - timedelta(days=n) for n in range(7)]
    assert set(newest_days) <= set(dailies)
    assert len({(d.year, d.month) for d in dailies}) == 6
    assert len(dailies) <= 7 + 4 + 6
    assert min(dailies) >= datetime(2024, 5, 1)
    assert len([b for b in kept if b.kind is BackupKind.BEFORE_IMPORT]) == 10
    assert any(b.kind is BackupKind.MANUAL for b in kept)


def test_restore_replaces_the_carnet_and_keeps_the_previous_state(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_carnet(path, device_id="d", backup_root=tmp_path / "b", create=True) as carnet:
        add_entry(carnet)
        snapshot = carnet.backup(BackupKind.MANUAL)
        add_entry(carnet, 45)
        add_entry(carnet, 60)
        assert carnet.entries.count() == 3
        with pytest.raises(CarnetLocked):
            restore_carnet(path, snapshot, backup_root=tmp_path / "b")
    kept = restore_carnet(path, snapshot, backup_root=tmp_path / "b")
    assert kept is not None
    with open_carnet(path, device_id="d", backup_root=tmp_path / "b") as carnet:
        assert carnet.entries.count() == 1
        kinds = {b.kind for b in carnet.backups.all()}
        assert BackupKind.BEFORE_RESTORE in kinds
    previous = sqlite3.connect(kept)
    assert previous.execute("SELECT COUNT(*) FROM time_entries").fetchone()[0] == 3
    previous.close()


def test_restoring_something_that_is_not_a_carnet_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_carnet(path, device_id="d", backup_root=tmp_path / "b", create=True) as carnet:
        add_entry(carnet)
    junk = tmp_path / "photo.ambassadeur"
    junk.write_bytes(b"\x89PNG not a database")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    before = path.read_bytes()
    with pytest.raises(CarnetError, match="ne peut pas être restaurée : ce n'est pas un fichier de carnet"):
        restore_carnet(path, junk, backup_root=tmp_path / "b")
    with pytest.raises(CarnetError, match="ce n'est pas un carnet du Carnet de bord"):
        restore_carnet(path, other, backup_root=tmp_path / "b")
    assert path.read_bytes() == before
