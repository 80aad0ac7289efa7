"""The day's integrity check, run in the background, that cannot read the carnet to the end
(another program holds it, the disk is full, a read error) says so and leaves the carnet open,
unchecked: only a damaged file closes it (with the restore offer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtWidgets import QMessageBox

import ambassadeur_app.storage.db as db
from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui import app
from ambassadeur_app.storage.db import SEAL_NAME, backup_manager
from tests.failing_storage import sqlite_error
from tests.gui.test_unreadable_carnet import ENTRIES, HeldPool, Said, emitted, new_window
from tests.unit.test_file_diagnosis import make_carnet
from tests.unit.test_robust_check import Failing

TROUBLES = [
    ("SQLITE_BUSY", "database is locked", "le fichier est occupé par un autre programme"),
    ("SQLITE_FULL", "database or disk is full", "le disque est plein"),
    ("SQLITE_IOERR_READ", "disk I/O error", "erreur de lecture ou d'écriture sur le disque"),
]


@pytest.mark.parametrize("at_connection", [True, False], ids=["connexion", "lecture"])
@pytest.mark.parametrize(("name", "text", "reason"), TROUBLES)
def test_a_check_that_cannot_read_the_carnet_shows_why_and_keeps_it_open(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    text: str,
    reason: str,
    at_connection: bool,
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path, entries=ENTRIES)
    seal = backup_manager(paths.backup_root(), path).folder / SEAL_NAME
    seal.unlink()  # the day's first opening: the check is due, in the background
    said = Said(monkeypatch)
    pool = HeldPool()
    window = new_window(qtbot, pool)
    gave_up = emitted(window.gave_up)
    assert app.load_carnet(window, path, app.ui_settings()) is None
    shown = window.service
    assert shown.carnet.unchecked
    opened = db.read_only_connection

    def failing(where: Path) -> sqlite3.Connection:
        if at_connection:
            raise sqlite_error(name, text)
        return cast(sqlite3.Connection, Failing(opened(where), sqlite_error(name, text)))

    monkeypatch.setattr(db, "read_only_connection", failing)
    pool.run()  # the check meets the trouble

    assert (said.fatal, said.asked, gave_up) == ([], [], [])
    assert (window.loaded, window.closed, window.isVisible()) == (True, False, True)
    assert window.service is shown  # the same carnet, still open and usable
    assert shown.carnet.unchecked  # still unchecked: checked at the next opening
    boxes = [box for box in window.findChildren(QMessageBox, "error_box") if box.isVisible()]
    (box,) = boxes
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith(f"Le carnet « {path.resolve()} » n'a pas pu être vérifié : {reason}. ")
    assert "endommagé" not in box.text()
    box.close()
    window.page.show_month(Month(2024, 9))
    assert window.page.model is not None
    assert window.page.model.rowCount() == ENTRIES
    window.close()
    assert not seal.exists()  # never known sound: not sealed, so checked at the next opening
