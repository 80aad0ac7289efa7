"""The right diagnosis for the file in hand: read-only media, another program's database, a
page damaged behind the app's back, a carnet reached through a link."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app import paths
from ambassadeur_app.domain.model import Ambassador, EntryFilter, Role
from ambassadeur_app.errors import CarnetDamaged, CarnetLocked, CarnetReadOnly
from ambassadeur_app.services import open_service
from ambassadeur_app.storage.db import SEAL_NAME, backup_manager, open_carnet
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.unit.test_cli import run, saisir


def make_carnet(path: Path, entries: int = 3) -> None:
    with open_service(path, create=True, today=lambda: TODAY) as service:
        service.setup(PROGRAMME, [Ambassador("", "Paul Martin", Role.ADMINISTRATIF)])
        for index in range(entries):
            day = date(2024, 9, 2 + index % 28)
            log_entry(service, day, 30, who="Paul Martin", description="Visite " * 40)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only as a locked USB key is: a read-only mount when we may, else
    permissions (which do not stop root)."""
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "--bind", folder, folder], capture_output=True, check=False)
        if mounted.returncode == 0:
            try:
                remount = ["mount", "-o", "remount,ro,bind", folder, folder]
                if subprocess.run(remount, capture_output=True, check=False).returncode == 0:
                    yield
                    return
            finally:
                subprocess.run(["umount", folder], check=False)
        pytest.skip("no read-only mount possible here, and permissions do not stop root")
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_a_carnet_on_read_only_media_is_read_and_exported_not_changed(
    tmp_path: Path, private_home: Path
) -> None:
    key = tmp_path / "cle-usb"
    key.mkdir()
    carnet = key / "carnet.ambassadeur"
    make_carnet(carnet)
    before = listing(key)
    out = tmp_path / "releve.pdf"
    with read_only(key):
        check = run("--carnet", carnet, "check", home=private_home)
        assert check.returncode == 0, check.stderr
        assert "est sain (3 entrées)" in check.stdout
        summary = run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home)
        assert summary.returncode == 0, summary.stderr
        assert "1\xa0h\xa030" in summary.stdout
        export = run(
            "--carnet", carnet, "export", "releve", "--mois", "2024-09", "--format", "pdf", "--sortie", out,
            home=private_home,
        )  # fmt: skip
        assert export.returncode == 0, export.stderr
        change = saisir(carnet, private_home, day="10/09/2024")
        assert change.returncode == 1
        assert "support en lecture seule" in change.stderr
        assert "endommagé" not in change.stderr
        with pytest.raises(CarnetReadOnly):
            open_service(carnet)
        with open_service(carnet, readonly=True) as reader:
            assert reader.carnet.media_readonly
            assert len(reader.entry_ids(EntryFilter())) == 3
            with pytest.raises(CarnetReadOnly, match="lecture seule"):
                reader.save_programme(reader.programme())
    assert out.stat().st_size > 0
    assert listing(key) == before  # nothing written, not even a lock or a -shm file


def test_another_programs_database_is_refused_and_never_touched(tmp_path: Path, private_home: Path) -> None:
    places = tmp_path / "places.sqlite"
    conn = sqlite3.connect(places)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = listing(tmp_path)
    for command in (["resume"], ["check"], ["saisir", "--date", "02/09/2024", "--ambassadeur", "X",
                     "--mission", "promotion", "--activite", "Appel", "--duree", "1h"]):  # fmt: skip
        result = run("--carnet", places, *command, home=private_home)
        assert result.returncode == 1, command
        assert "n'est pas un carnet du Carnet de bord ambassadeur" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    result = run("--carnet", places, "resume", home=private_home)
    assert "autre programme (tables : moz_places)" in result.stderr
    assert "Il n'a pas été modifié" in result.stderr
    assert listing(tmp_path) == before  # no table added, no WAL switched on, no file beside


def damage_a_page_keeping_size_and_time(path: Path, table: str = "time_entries") -> None:
    stat = path.stat()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Overwrite the table's first page with noise, as a failing disk or a bad sync
    # would, then give the file back its size and modification time.
    start = (root - 1) * page_size
    data[start : start + page_size] = bytes((i * 7 + 3) % 256 for i in range(page_size))
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    # A failing disk changes no time at all: a seal of the file still matches it.
    seal = backup_manager(paths.backup_root(), path.resolve()).folder / SEAL_NAME
    if seal.exists():
        recorded = json.loads(seal.read_text(encoding="utf-8"))
        seal.write_text(json.dumps({**recorded, "ctime_ns": path.stat().st_ctime_ns}), encoding="utf-8")


def test_a_page_damaged_the_same_day_is_diagnosed_on_every_path(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "carnet.ambassadeur"
    make_carnet(carnet, entries=60)  # several pages of entries
    assert run("--carnet", carnet, "resume", home=private_home).returncode == 0  # sealed today
    damage_a_page_keeping_size_and_time(carnet)
    commands = [
        ["export", "releve", "--mois", "2024-09", "--sortie", tmp_path / "r.xlsx", "--format", "xlsx"],
        ["resume", "--mois", "2024-09"],
    ]
    for command in commands:
        result = run("--carnet", carnet, *command, home=private_home)
        assert result.returncode == 1, (command, result.stdout)
        assert "est endommagé" in result.stderr, result.stderr
        assert "sauvegarde saine" in result.stderr  # the restore offer
        assert "Traceback" not in result.stderr
        assert "DatabaseError" not in result.stderr
    assert not (tmp_path / "r.xlsx").exists()
    with pytest.raises(CarnetDamaged):  # the next opening runs the full check
        open_service(carnet, readonly=True)


def test_the_check_left_out_at_opening_finds_the_damage_later(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "carnet.ambassadeur"
    make_carnet(carnet, entries=60)
    seal = backup_manager(paths.backup_root(), carnet).folder / SEAL_NAME
    damage_a_page_keeping_size_and_time(carnet)
    seal.unlink()  # the day's first opening
    opened = open_carnet(carnet, device_id="test", backup_root=paths.backup_root(), integrity_check=False)
    try:
        assert opened.unchecked
        with pytest.raises(CarnetDamaged, match="est endommagé"):
            opened.check_integrity()
        assert opened.unchecked  # not known sound: not sealed at closing
    finally:
        opened.close()
    assert not seal.exists()  # a carnet found damaged is not sealed: the next opening checks it
    with pytest.raises(CarnetDamaged):
        open_service(carnet)
    # A sound carnet opened the same way is checked, then sealed at closing as usual.
    sound = tmp_path / "sain.ambassadeur"
    make_carnet(sound)
    backup_manager(paths.backup_root(), sound).folder.joinpath(SEAL_NAME).unlink()
    opened = open_carnet(sound, device_id="test", backup_root=paths.backup_root(), integrity_check=False)
    assert opened.unchecked
    opened.check_integrity()
    opened.close()
    assert backup_manager(paths.backup_root(), sound).folder.joinpath(SEAL_NAME).exists()


def test_closing_stops_the_background_check_and_leaves_no_log_beside_the_file(
    tmp_path: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    carnet = tmp_path / "carnet.ambassadeur"
    make_carnet(carnet)
    seal = backup_manager(paths.backup_root(), carnet).folder / SEAL_NAME
    seal.unlink()  # the day's first opening: the check is due
    reading = threading.Event()

    def endless_check(conn: sqlite3.Connection) -> str:
        """A check of a file too big to finish before the carnet is closed."""
        reading.set()
        # Reading a table: the check holds a read transaction on the file, as the real one.
        endless = (
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c, programme"
        )
        try:
            conn.execute(endless).fetchone()
        except sqlite3.DatabaseError as exc:  # interrupted
            return str(exc)
        return "ok"

    monkeypatch.setattr("ambassadeur_app.storage.db.quick_check", endless_check)
    opened = open_carnet(carnet, device_id="test", backup_root=paths.backup_root(), integrity_check=False)
    failures: list[BaseException] = []

    def check() -> None:
        try:
            opened.check_integrity()
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=check, daemon=True)
    thread.start()
    reading.wait()
    opened.close()  # another carnet opened in the window, or the window closed
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm"))] == []
    thread.join()
    assert failures == []  # stopped, not taken for damage
    assert opened.unchecked
    assert not seal.exists()  # not known sound: checked again at the next opening


def test_the_writer_lock_follows_the_real_file_not_its_name(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "carnet.ambassadeur"
    make_carnet(carnet, entries=0)
    link = tmp_path / "raccourci.ambassadeur"
    link.symlink_to(carnet)
    with open_service(link) as first:
        with pytest.raises(CarnetLocked):
            open_service(carnet)
        assert first.path == carnet.resolve()
    with open_service(carnet), pytest.raises(CarnetLocked):
        open_service(link)


FOREIGN = {
    "a view only": ["CREATE VIEW v AS SELECT 1"],
    "an application id": ["CREATE TABLE t (x)", "DROP TABLE t", "PRAGMA application_id = 1234"],
    "a newer-looking version": ["PRAGMA user_version = 3"],
    "its own programme table": ["CREATE TABLE programme (id INTEGER PRIMARY KEY, nom TEXT)"],
    "programme and an odd migrations table": [
        "CREATE TABLE programme (id)",
        "CREATE TABLE _sqlite_migrations (x)",
        "CREATE TABLE clients (id)",
    ],
}


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_no_database_of_another_program_is_ever_taken_for_a_carnet(
    tmp_path: Path, private_home: Path, kind: str
) -> None:
    folder = tmp_path / "autre"
    folder.mkdir()
    other = folder / "autre.db"
    conn = sqlite3.connect(other)
    for statement in FOREIGN[kind]:
        conn.execute(statement)
    conn.commit()
    conn.close()
    before = folder_state(folder)
    backup = tmp_path / "copie.ambassadeur"
    make_carnet(tmp_path / "vrai.ambassadeur")
    run("--carnet", tmp_path / "vrai.ambassadeur", "backup", "--sortie", backup, home=private_home)
    for command in (["check"], ["resume"], ["restore", str(backup)]):
        result = run("--carnet", other, *command, home=private_home)
        assert result.returncode == 1, (kind, command, result.stdout)
        assert "n'est pas un carnet du Carnet de bord ambassadeur" in result.stderr, result.stderr
        assert "Il n'a pas été modifié" in result.stderr
    restored = run("--carnet", tmp_path / "x.ambassadeur", "restore", other, home=private_home)
    assert restored.returncode == 1
    assert "ne peut pas être restaurée : ce n'est pas un carnet" in restored.stderr
    assert folder_state(folder) == before


def test_a_database_whose_tables_are_still_in_its_log_is_seen_whole(
    tmp_path: Path, private_home: Path
) -> None:
    other = tmp_path / "journal.db"
    script = f"""
import os, signal, sqlite3
conn = sqlite3.connect({str(other)!r})
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("CREATE TABLE clients (id)")
conn.commit()
os.kill(os.getpid(), signal.SIGKILL)
"""
    subprocess.run([sys.executable, "-c", script], check=False)
    assert Path(f"{other}-wal").stat().st_size > 0
    result = run("--carnet", other, "check", home=private_home)
    assert result.returncode == 1
    assert "tables : clients" in result.stderr


def test_restore_through_a_link_restores_the_real_carnet_and_respects_its_lock(
    tmp_path: Path, private_home: Path
) -> None:
    carnet = tmp_path / "carnet.ambassadeur"
    make_carnet(carnet, entries=2)
    backup = tmp_path / "copie.ambassadeur"
    assert run("--carnet", carnet, "backup", "--sortie", backup, home=private_home).returncode == 0
    link = tmp_path / "raccourci.ambassadeur"
    link.symlink_to(carnet)
    with open_service(carnet):
        locked = run("--carnet", link, "restore", backup, home=private_home)
        assert locked.returncode == 1
        assert "déjà ouvert" in locked.stderr
    assert run("--carnet", link, "restore", backup, home=private_home).returncode == 0
    assert link.is_symlink()  # the link is kept; the file it points to is restored
    assert "est sain (2 entrées)" in run("--carnet", link, "check", home=private_home).stdout


def test_a_read_only_carnet_not_closed_cleanly_says_so(tmp_path: Path, private_home: Path) -> None:
    key = tmp_path / "cle-usb"
    key.mkdir()
    carnet = key / "carnet.ambassadeur"
    make_carnet(carnet)
    script = f"""
import os, signal, sqlite3
conn = sqlite3.connect({str(carnet)!r})
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE programme SET cpts_name = cpts_name")
conn.commit()
os.kill(os.getpid(), signal.SIGKILL)
"""
    subprocess.run([sys.executable, "-c", script], check=False)
    Path(f"{carnet}-shm").unlink()
    with read_only(key):
        result = run("--carnet", carnet, "resume", home=private_home)
    # Newer SQLite versions read such a log without its -shm file; older ones cannot.
    assert result.returncode == 0 or "n'a pas été fermé proprement" in result.stderr, result.stderr
    assert "endommagé" not in result.stderr


def test_a_carnet_whose_path_is_not_utf8_works(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / os.fsdecode(b"caf\xe9.ambassadeur")  # a name from an old USB key
    make_carnet(carnet)
    out = tmp_path / os.fsdecode(b"relev\xe9.pdf")
    env = {**os.environ, "AMBASSADEUR_HOME": str(private_home)}
    for command in (["check"], ["resume"], ["export", "releve", "--mois", "2024-09", "--format", "pdf",
                                           "--sortie", str(out)]):  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet), *command],
            capture_output=True, env=env, check=False, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, (command, result.stderr.decode("utf-8", "replace"))
    assert out.stat().st_size > 0


def test_impossible_years_and_invisible_names_are_refused(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "c.ambassadeur"
    blank = run(
        "--carnet", carnet, "init", "--cpts", "\x01\x02", "--departement", "54", "--debut", "01/09/2024",
        home=private_home,
    )  # fmt: skip
    assert blank.returncode == 1
    assert "Indiquez le nom de la CPTS" in blank.stderr
    make_carnet(carnet)
    far = saisir(carnet, private_home, day="31/12/9999", who="Paul Martin")
    assert far.returncode == 2
    assert "l'année doit aller de 2000 à 2099" in far.stderr
    month = run("--carnet", carnet, "resume", "--mois", "9999-12", home=private_home)
    assert month.returncode == 2
    assert "hors limites" in month.stderr


def test_files_named_with_url_characters_are_read_and_restored(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "carnet 100%41 #2.ambassadeur"
    make_carnet(carnet, entries=2)
    backup = tmp_path / "sauvegarde #2 50%.ambassadeur"
    assert run("--carnet", carnet, "backup", "--sortie", backup, home=private_home).returncode == 0
    assert run("--carnet", carnet, "saisir", "--date", "03/09/2024", "--ambassadeur", "Paul Martin",
               "--mission", "promotion", "--activite", "Appel", "--duree", "1h",
               home=private_home).returncode == 0  # fmt: skip
    restored = run("--carnet", carnet, "restore", backup, home=private_home)
    assert restored.returncode == 0, restored.stderr
    assert "est sain (2 entrées)" in run("--carnet", carnet, "check", home=private_home).stdout
