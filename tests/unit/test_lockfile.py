"""The system's file lock: exclusive even within one process, freed when its holder is killed,
never taken through a link put in place of the lock file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ambassadeur_app.errors import CarnetError, CarnetLocked
from ambassadeur_app.lockfile import LockFile
from ambassadeur_app.storage.db import acquire_lock


def test_a_second_lock_on_the_same_file_is_refused_until_the_first_is_released(tmp_path: Path) -> None:
    first, second = LockFile(tmp_path / "c.lock"), LockFile(tmp_path / "c.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    assert (tmp_path / "c.lock").exists()  # left in place: another process may be waiting on it


def test_a_killed_holder_frees_the_lock(tmp_path: Path) -> None:
    carnet = tmp_path / "c.ambassadeur"
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from ambassadeur_app.storage.db import acquire_lock\n"
        f"acquire_lock(Path({str(carnet)!r}))\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline() == "held\n"
            with pytest.raises(CarnetLocked, match="déjà ouvert"):
                acquire_lock(carnet)
        finally:
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait()
    acquire_lock(carnet).release()


def test_a_lock_file_that_cannot_be_made_is_said_in_french(tmp_path: Path) -> None:
    (tmp_path / "fichier").write_text("")
    with pytest.raises(CarnetError, match="Impossible de verrouiller le carnet"):
        acquire_lock(tmp_path / "fichier" / "c.ambassadeur")


@pytest.mark.skipif(sys.platform == "win32", reason="links need privileges on Windows")
def test_a_link_in_place_of_the_lock_file_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "autre.txt"
    elsewhere.write_text("à garder")
    (tmp_path / "c.ambassadeur.lock").symlink_to(elsewhere)
    with pytest.raises(CarnetError, match="Impossible de verrouiller"):
        acquire_lock(tmp_path / "c.ambassadeur")
    assert elsewhere.read_text() == "à garder"
    target = LockFile(elsewhere)
    assert target.acquire()  # nothing holds the file the link named
    target.release()
