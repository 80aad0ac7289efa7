"""A carnet the window cannot read, whenever that shows (while it is shown, by the background
check, on read-only media, with a dialog open, after the window closed), is diagnosed in French
with the restore offer; the window never stays on a carnet it could not read."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.errors import AppError, CarnetDamaged
from ambassadeur_app.gui import app, prompts
from ambassadeur_app.gui.errors import install_excepthook
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import open_service
from ambassadeur_app.storage.backup import BackupKind
from ambassadeur_app.storage.db import SEAL_NAME, acquire_lock, backup_manager
from tests.unit.test_file_diagnosis import (
    damage_a_page_keeping_size_and_time,
    listing,
    make_carnet,
    read_only,
)

ENTRIES = 5  # 30 min each, in September 2024


class HeldPool:
    """Keeps the tasks started (the background check) until the test runs them."""

    def __init__(self) -> None:
        self.tasks: list[Any] = []

    def start(self, runnable: Any) -> None:
        self.tasks.append(runnable)

    def run(self) -> None:
        while self.tasks:
            self.tasks.pop(0).run()


class Said:
    """Records the questions asked (text and details) and the messages that end the app."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []
        self.fatal: list[str] = []
        monkeypatch.setattr(prompts, "ask", self.ask)
        monkeypatch.setattr(app, "fatal", self.tell)

    def ask(self, parent: QWidget | None, text: str, informative: str = "", yes: str = "") -> bool:
        self.asked.append((text, informative))
        return self.answer

    def tell(self, message: str, parent: QWidget | None = None) -> int:
        self.fatal.append(message)
        return 1


def damaged_carnet(path: Path, table: str, backup: bool = True) -> None:
    """A carnet with a sound backup, then a page of ``table`` damaged behind the app's back
    (size and time kept), on the day's first opening (no seal: the check is due)."""
    make_carnet(path, entries=ENTRIES)
    if backup:
        with open_service(path) as service:
            service.carnet.backup(BackupKind.MANUAL)
    damage_a_page_keeping_size_and_time(path, table)
    (backup_manager(paths.backup_root(), path).folder / SEAL_NAME).unlink()


def new_window(qtbot: Any, pool: Any) -> MainWindow:
    window = MainWindow(None, app.ui_settings(), pool=pool)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.painted):
        window.show()
    return window


def checking(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> tuple[MainWindow, HeldPool, Said]:
    """A window showing a carnet damaged where showing it reads nothing, its check not run yet."""
    path = tmp_path / "carnet.ambassadeur"
    damaged_carnet(path, "solicitations")
    said = Said(monkeypatch)
    pool = HeldPool()
    window = new_window(qtbot, pool)
    assert app.load_carnet(window, path, app.ui_settings()) is None
    return window, pool, said


def emitted(signal: Any) -> list[bool]:
    calls: list[bool] = []
    signal.connect(lambda: calls.append(True))
    return calls


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def aside(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*.endommage-*") if not p.name.endswith(("-wal", "-shm"))]


@pytest.mark.parametrize("restore", [True, False])
def test_damage_met_while_the_carnet_is_shown_gets_the_restore_offer(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, restore: bool
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    # The entries' page: read to show the carnet (the quick entry's suggestions), not at opening.
    damaged_carnet(path, "time_entries")
    before = digest(path)
    said = Said(monkeypatch, answer=restore)
    window = new_window(qtbot, HeldPool())
    gave_up = emitted(window.gave_up)

    status = app.load_carnet(window, path, app.ui_settings())

    ((question, details),) = said.asked
    assert "est endommagé" in question
    assert "La dernière sauvegarde saine date du" in question
    assert "« Annuler » ferme l'application sans modifier le fichier" in details
    log = paths.log_file().read_text(encoding="utf-8")
    assert f"Erreur SQLite pendant « ouverture du carnet {path.resolve()} »" in log
    assert "Traceback" in log
    assert gave_up == ([] if restore else [True])
    if restore:
        assert status is None
        assert window.loaded
        assert window.ui.action_export.isEnabled()  # a usable window, not a half-drawn one
        assert window.page.model is not None
        window.page.show_month(Month(2024, 9))
        assert window.page.model.rowCount() == len(window.service.entry_ids(EntryFilter())) == ENTRIES
        assert len(aside(tmp_path)) == 1
    else:
        assert status == 1
        assert not window.loaded
        assert window.closed
        assert not window.isVisible()
        assert digest(path) == before  # declined: the file is left as it was
        assert aside(tmp_path) == []
        acquire_lock(path).release()  # closed: not held by the window any more


def test_damage_on_read_only_media_is_explained_without_a_restore_offer(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key = tmp_path / "cle-usb"
    key.mkdir()
    path = key / "carnet.ambassadeur"
    damaged_carnet(path, "solicitations")  # found by the background check only
    latest = backup_manager(paths.backup_root(), path).latest_sound()
    assert latest is not None
    said = Said(monkeypatch)
    pool = HeldPool()
    with read_only(key):
        before = listing(key)
        window = new_window(qtbot, pool)
        gave_up = emitted(window.gave_up)
        assert app.load_carnet(window, path, app.ui_settings()) is None
        assert window.service.carnet.media_readonly
        pool.run()  # the check finds the damage
        assert gave_up == [True]  # the app exits (status 1): nothing more can be read
        assert said.asked == []  # no restore: it could not set the file aside on the key
        (message,) = said.fatal
        assert "est endommagé" in message
        assert "support en lecture seule" in message
        assert f"« {latest.path} ». Copiez-la dans vos documents, puis ouvrez la copie" in message
        assert not window.loaded  # no closed carnet left on screen for the next action
        assert window.closed
        assert not window.isVisible()
        assert listing(key) == before


def test_the_restore_waits_for_the_settings_dialog_open_on_the_damaged_carnet(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, pool, said = checking(qtbot, monkeypatch, tmp_path)
    damaged = window.service
    dialog = window.edit_settings()
    assert QApplication.activeModalWidget() is dialog

    pool.run()  # the check finds the damage while the dialog is open

    assert said.asked == []
    assert window.service is damaged  # still open: the dialog works on it
    dialog.ui.programme_form.ui.cpts_edit.setText("CPTS Renommée")
    dialog.accept()
    assert dialog.ui.message_label.text() == ""
    assert not dialog.isVisible()
    assert window.findChildren(QMessageBox) == []  # saved, no error
    qtbot.waitUntil(lambda: len(said.asked) == 1)  # offered once the dialog has closed
    assert "est endommagé" in said.asked[0][0]
    assert window.service is not damaged
    assert window.service.programme().cpts_name == "CPTS Test du Lunévillois"  # the backup's
    assert window.findChildren(QMessageBox) == []


def test_a_month_closing_confirmed_during_the_check_runs_on_its_own_carnet(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_ask = prompts.ask
    window, pool, said = checking(qtbot, monkeypatch, tmp_path)
    monkeypatch.setattr(window.copies, "propose_secure_copy", lambda: None)
    monkeypatch.setattr(prompts, "open_path", lambda path: None)
    window.page.show_month(Month(2024, 9))
    damaged = window.service
    order: list[str] = []

    def confirm_after_the_check() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        pool.run()  # the damage is found while the confirmation is open
        order.append(f"check ended, {len(said.asked)} restore offer")
        (confirm,) = [button for button in box.buttons() if button.text() == "Clôturer le mois"]
        confirm.click()

    def ask(parent: QWidget | None, text: str, informative: str = "", yes: str = "") -> bool:
        if text.startswith("Clôturer"):
            QTimer.singleShot(0, confirm_after_the_check)
            return real_ask(parent, text, informative, yes)
        order.append("restore offer")
        return said.ask(parent, text, informative, yes)

    monkeypatch.setattr(prompts, "ask", ask)
    written = window.close_month()

    assert order == ["check ended, 0 restore offer"]  # no offer while the confirmation was open
    assert len(written) == 2
    assert window.service is damaged
    # Closed on the carnet the confirmation was about, with its hours.
    assert damaged.month_lock(Month(2024, 9)) is not None
    assert damaged.month_summary(Month(2024, 9)).total_minutes == ENTRIES * 30
    qtbot.waitUntil(lambda: order == ["check ended, 0 restore offer", "restore offer"])
    assert window.service is not damaged
    assert window.service.month_lock(Month(2024, 9)) is None  # the backup predates the closing


def test_the_app_exits_with_status_1_when_the_restore_is_declined(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    damaged_carnet(path, "solicitations")  # found by the check, in the background
    said = Said(monkeypatch, answer=False)
    monkeypatch.setattr("ambassadeur_app.gui.errors.install_excepthook", lambda: None)
    assert app.run_app(path, close_after_ms=60_000) == 1
    assert len(said.asked) == 1
    assert aside(tmp_path) == []


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (AppError("Le disque est plein."), "Le disque est plein."),
        (RuntimeError("bug"), "Une erreur inattendue s'est produite."),
    ],
)
def test_an_error_reaching_the_excepthook_is_shown(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, error: Exception, shown: str
) -> None:
    import gc
    import threading

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app.create_application()
    install_excepthook()

    def fail() -> None:
        raise error

    def boxes() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.text().startswith(shown)
        ]

    QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    gc.collect()
    QApplication.processEvents()
    (box,) = boxes()
    assert box.isVisible()
    box.reject()
    qtbot.waitUntil(lambda: boxes() == [])


def test_nothing_is_opened_for_a_window_closed_before_its_carnet(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path)
    before = listing(tmp_path)
    window = new_window(qtbot, HeldPool())
    window.close()
    assert app.load_carnet(window, path, app.ui_settings()) == 0
    assert not window.loaded
    assert listing(tmp_path) == before  # no lock, no -wal or -shm file left beside it


def test_no_restore_offer_once_the_window_has_gone(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, pool, said = checking(qtbot, monkeypatch, tmp_path)
    check = window._check
    assert check is not None
    window.close()
    pool.run()  # the check, stopped by the closing, reads nothing more
    check.signals.failed.emit(CarnetDamaged("Le carnet est endommagé.", None))  # a late answer
    assert said.asked == []
    assert said.fatal == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm"))] == []
