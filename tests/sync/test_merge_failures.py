"""A merge (« rejoindre --fusionner ») that fails says so of the carnet the user chose, never of
the temporary file it was built in; one killed midway leaves nothing that the next start does
not remove, and the carnet as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app import partfiles
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import open_service
from ambassadeur_app.services.sync import join
from ambassadeur_app.sync.engine import Engine
from tests.conftest import TODAY, log_entry
from tests.sync.conftest import FAST, PHRASE, Binome
from tests.sync.test_merge_records import set_up


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kept_apart(binome: Binome) -> Path:
    """A shared carnet with an entry, and a carnet kept apart with one of its own."""
    a = binome.first()
    log_entry(a.service, date(2024, 11, 4), 60)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    service = set_up(path)
    log_entry(service, date(2024, 11, 6), 45)
    service.close()
    return path


def beside(path: Path) -> list[str]:
    """The files beside the carnet but its own lock (left in place, as every carnet's)."""
    return sorted(p.name for p in path.parent.glob(f"{path.name}*") if p.name != f"{path.name}.lock")


def test_a_full_disk_while_the_merged_carnet_is_written_names_the_carnet(
    binome: Binome, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = kept_apart(binome)
    before = fingerprint(path)
    folder_files = sorted(p.name for p in binome.folder.rglob("*"))
    applied = Engine.apply_folder

    def full(engine: Engine, *args: object) -> None:
        if engine.carnet.path.name.endswith(partfiles.PART_SUFFIX):  # the merged carnet being built
            with engine.carnet.write():
                raise sqlite3.OperationalError("database or disk is full")
        applied(engine, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "apply_folder", full)
    with pytest.raises(CarnetError) as failed:
        join(binome.folder, path, PHRASE, FAST, merge=True)
    message = failed.value.message
    assert ".part" in str(failed.value.__cause__)  # what the carnet being built said of itself
    assert ".part" not in message
    assert message.startswith("La fusion avec le carnet partagé n'a pas pu se faire : le disque est plein.")
    assert f"le carnet « {path} » n'a pas été modifié" in message
    assert message.endswith("Libérez de la place, puis recommencez.")
    assert fingerprint(path) == before
    assert beside(path) == ["b.ambassadeur"]
    assert sorted(p.name for p in binome.folder.rglob("*")) == folder_files


def test_a_full_disk_while_a_carnet_is_rebuilt_names_the_carnet(
    binome: Binome, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_apart(binome)
    target = binome.tmp_path / "nouveau.ambassadeur"

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Engine, "apply_folder", full)
    with pytest.raises(CarnetError, match="le disque est plein") as failed:
        join(binome.folder, target, PHRASE, FAST)
    assert failed.value.message.startswith("La reconstruction du carnet partagé n'a pas pu se faire")
    assert f"le carnet « {target} » n'a pas été créé" in failed.value.message
    assert not list(binome.tmp_path.glob("nouveau.ambassadeur*"))


# Run in a process of its own, killed (kill -9) once the merged carnet is being built: the
# carnet kept apart copied, its records matched, the folder's files being applied.
_KILLED = """
import os, signal, sys
from pathlib import Path
from ambassadeur_app.services.sync import join
from ambassadeur_app.storage.sealed import KdfParams
from ambassadeur_app.sync.engine import Engine

applied = Engine.apply_folder

def killed(engine, *args):
    if engine.carnet.path.name.endswith(".part"):
        engine.carnet.db.execute("BEGIN IMMEDIATE")
        engine.carnet.db.execute("UPDATE time_entries SET minutes = minutes")
        os.kill(os.getpid(), signal.SIGKILL)
    applied(engine, *args)

Engine.apply_folder = killed
join(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], KdfParams(14, 8, 1), merge=True)
"""


def test_a_merge_killed_midway_leaves_nothing_after_the_next_start(
    binome: Binome, private_home: Path
) -> None:
    path = kept_apart(binome)
    before = fingerprint(path)
    folder_files = sorted(p.name for p in binome.folder.rglob("*"))
    scratch = binome.tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "AMBASSADEUR_HOME": str(private_home), "TMPDIR": str(scratch)}
    run = subprocess.run(
        [sys.executable, "-c", _KILLED, str(binome.folder), str(path), PHRASE], env=env, check=False
    )
    assert run.returncode == -signal.SIGKILL
    left = beside(path)
    assert any(name.endswith(".part") for name in left)
    assert any(name.endswith(".part.lock") for name in left)  # the carnet being built was open
    assert any(name.endswith((".part-journal", ".part-wal")) for name in left)
    assert [p.name for p in scratch.iterdir() if p.name.endswith(".part")]  # the shared carnet built

    removed = partfiles.clean_leftovers()  # the next start (window or command)
    assert len(removed) >= 4
    assert beside(path) == ["b.ambassadeur"]
    assert list(scratch.iterdir()) == []
    assert list(partfiles.journal_dir().iterdir()) == []
    assert fingerprint(path) == before
    assert sorted(p.name for p in binome.folder.rglob("*")) == folder_files

    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)  # and the merge can be done
    assert report.merged is not None
    with open_service(path, today=lambda: TODAY) as merged:
        assert merged.month_summary(Month(2024, 11)).total_minutes == 105  # both entries


def test_a_refusal_of_the_carnet_being_built_is_said_of_the_carnet(
    binome: Binome, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = kept_apart(binome)

    applied = Engine.apply_folder

    def read_only(engine: Engine, *args: object) -> None:
        if engine.carnet.path.name.endswith(partfiles.PART_SUFFIX):  # the merged carnet being built
            raise CarnetError(f"Le carnet « {engine.carnet.path} » est sur un support en lecture seule.")
        applied(engine, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "apply_folder", read_only)
    with pytest.raises(CarnetError) as failed:
        join(binome.folder, path, PHRASE, FAST, merge=True)
    assert failed.value.message == f"Le carnet « {path} » est sur un support en lecture seule."


def test_what_already_names_the_carnet_is_said_as_it_is(binome: Binome) -> None:
    path = kept_apart(binome)
    before = fingerprint(path)
    with open_service(path, today=lambda: TODAY), pytest.raises(CarnetError) as failed:
        join(binome.folder, path, PHRASE, FAST, merge=True)  # open in another window
    assert failed.value.message.startswith(f"Le carnet « {path} » est déjà ouvert")
    assert fingerprint(path) == before
