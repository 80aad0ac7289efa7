"""The carnet on two laptops, from the window: share, join, sync, its state, the conflicts."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.gui.actions.sync import PAUSED, Sync
from ambassadeur_app.gui.app import ui_settings
from ambassadeur_app.gui.dialogs.conflicts_dialog import ConflictsDialog
from ambassadeur_app.gui.dialogs.sync_dialog import SyncDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services import sync as sync_service
from ambassadeur_app.services.sync import SyncService
from ambassadeur_app.sync.files import HEADER_SIZE
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.gui.conftest import SyncPool
from tests.sync.conftest import FAST, PHRASE, newest

DAY = date(2024, 11, 12)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SHOTS = os.environ.get("AMBASSADEUR_SHOTS")  # a folder: the screens are saved there as PNG


@pytest.fixture(autouse=True)
def fast_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at the lowest cost the files accept (the same code path, in a blink)."""
    for function in (SyncService.share, sync_service.join):  # their ``kdf`` default
        defaults = list(function.__defaults__ or ())
        code = function.__code__
        defaults[code.co_varnames[: code.co_argcount][-len(defaults) :].index("kdf")] = FAST
        monkeypatch.setattr(function, "__defaults__", tuple(defaults))


def sync_of(window: MainWindow) -> Sync:
    (found,) = [child for child in window.children() if isinstance(child, Sync)]
    return found


def fill(dialog: SyncDialog, folder: Path | None = None, carnet: Path | None = None) -> None:
    ui = dialog.ui
    if folder is not None:
        ui.folder_edit.setText(str(folder))
    if carnet is not None:
        ui.carnet_edit.setText(str(carnet))
    ui.passphrase_edit.setText(PHRASE)
    ui.confirm_edit.setText(PHRASE)
    ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def other_window(qtbot: Any, tmp_path: Path) -> MainWindow:
    """A second laptop's window, on a carnet of its own."""
    service = open_service(tmp_path / "autre.ambassadeur", create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste")])
    window = MainWindow(service, ui_settings(), pool=SyncPool())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_share_join_and_sync_from_the_windows(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    folder = tmp_path / "partage"
    sync_a = sync_of(window)
    sync_a.update_actions()
    assert not sync_a.sync_action.isEnabled()  # not shared yet
    assert not sync_a.label.isVisible()
    sync_a.share_action.trigger()
    assert sync_a.dialog is not None
    fill(sync_a.dialog, folder)
    assert service.sync.shared
    assert (folder / "carnet-partage.json").is_file()
    assert sync_a.sync_action.isEnabled()
    assert sync_a.label.text().startswith("Synchronisé à ")
    notice = window.findChild(QMessageBox, "sync_notice")
    assert notice is not None
    assert str(folder) in notice.text()
    shot(notice, "share_notice")
    notice.accept()

    window_b = other_window(qtbot, tmp_path)
    sync_b = sync_of(window_b)
    qtbot.waitUntil(sync_b.join_action.isEnabled)  # once its carnet is shown
    sync_b.join_action.trigger()
    assert sync_b.dialog is not None
    fill(sync_b.dialog, folder, tmp_path / "b")
    joined = (tmp_path / "b.ambassadeur").resolve()
    qtbot.waitUntil(lambda: window_b.service.path == joined)
    qtbot.waitUntil(lambda: sync_b.last_sync is not None)  # the sync as it opens, no question
    assert window_b.service.sync.shared
    window_b.page.show_month(Month.of(DAY))
    assert window_b.page.model is not None
    assert window_b.page.model.rowCount() == 0

    entry = log_entry(service, DAY, 75)  # typed on the first laptop
    sync_a.update_label()
    assert "1 changement en attente" in sync_a.label.text()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL_SHIFT)  # Synchroniser maintenant
    qtbot.waitUntil(lambda: "en attente" not in sync_a.label.text())
    sync_b.sync_action.trigger()
    qtbot.waitUntil(lambda: window_b.page.model is not None and window_b.page.model.rowCount() == 1)
    minutes = window_b.service.carnet.db.execute(
        "SELECT minutes FROM time_entries WHERE id = ?", [entry]
    ).fetchone()
    assert minutes == (75,)
    assert "l'autre ordinateur : dernier changement le " in sync_b.label.text()
    window_b.resize(1366, 768)
    shot(window_b, "sync_status")
    window_b.close()


def shared_pair(window: MainWindow, tmp_path: Path) -> tuple[Path, CarnetService]:
    """The window's carnet shared through the service, and the other laptop's, joined."""
    folder = tmp_path / "partage"
    window.service.sync.share(folder, PHRASE)
    path, _ = sync_service.join(folder, tmp_path / "b.ambassadeur", PHRASE)
    return folder, open_service(path, today=lambda: TODAY)


def shared_alone(window: MainWindow, tmp_path: Path) -> tuple[Path, Sync]:
    """The window's carnet shared (the other laptop joined, then put away) and its sync."""
    folder, other = shared_pair(window, tmp_path)
    other.close()
    sync = sync_of(window)
    sync.update_actions()  # as the menu opens
    return folder, sync


def give_passphrase(qtbot: Any, sync: Sync) -> None:
    sync.update_actions()  # as the menu opens
    sync.sync_action.trigger()
    dialog = sync.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.ui.folder_edit.isVisible()  # the passphrase only
    fill(dialog)
    qtbot.waitUntil(lambda: sync.last_sync is not None or bool(sync.problem))


def test_a_conflict_is_listed_and_settled_from_the_dialog(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    entry = log_entry(service, DAY, 60)
    _, other = shared_pair(window, tmp_path)
    sync = sync_of(window)
    give_passphrase(qtbot, sync)
    other.sync.sync(PHRASE)
    service.update_entry(replace(service.entry(entry), place="Nancy"))  # on both, unaware
    ahead_one_hour = 3600 * 1000 * 65536  # the other laptop's clock: its edit wins, whatever the ms
    other.carnet.db.execute("UPDATE _sync_state SET hlc = hlc + ?", [ahead_one_hour])
    other.update_entry(replace(other.entry(entry), place="Toul"))
    other.sync.sync(PHRASE)
    sync.sync_action.trigger()
    qtbot.waitUntil(lambda: "1 conflit à vérifier" in sync.label.text())
    sync.update_actions()
    assert sync.conflicts_action.text() == "Conflits à &vérifier (1)…"
    assert service.entry(entry).place == "Toul"

    sync.conflicts_action.trigger()
    dialog = window.findChildren(ConflictsDialog)[-1]
    assert dialog.ui.conflicts_list.count() == 1
    text = dialog.ui.conflicts_list.item(0).text()
    assert text.startswith("Même champ modifié des deux côtés\nL'entrée du 12/11/2024")
    assert "« Nancy »" in text
    assert "« Toul »" in text
    window.resize(1366, 768)
    dialog.resize(760, 440)
    shot(dialog, "conflicts_dialog")
    dialog.ui.take_button.click()  # the value set aside: this laptop's
    assert dialog.ui.conflicts_list.item(0).text() == "Aucun conflit à vérifier."
    assert not dialog.ui.take_button.isEnabled()
    read_back = sqlite3.connect(service.path)
    try:
        assert read_back.execute("SELECT place FROM time_entries WHERE id = ?", [entry]).fetchone() == (
            "Nancy",
        )
        # The choice is a record that travels (one per conflict, under the conflict's id).
        assert read_back.execute(
            "SELECT c.kind, k.choice FROM conflict_choices AS k JOIN _sync_conflicts AS c ON c.id = k.id"
        ).fetchall() == [("champ", "ecartee")]
    finally:
        read_back.close()
    assert sync.conflicts_action.text() == "Conflits à &vérifier…"
    assert "conflit" not in sync.label.text()
    # The choice travels: the other laptop takes it at its next sync.
    sync.sync_action.trigger()
    qtbot.waitUntil(lambda: sync.task is None)
    other.sync.sync(PHRASE)
    assert other.entry(entry).place == "Nancy"
    other.close()


def test_an_entry_typed_on_both_laptops_is_settled_from_the_dialog(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    _, other = shared_pair(window, tmp_path)
    twins = [log_entry(laptop, DAY, 60, description="Appel MSP Toul") for laptop in (service, other)]
    for laptop in (service, other, service):
        laptop.sync.sync(PHRASE)
    assert [service.carnet.entries.is_live(e) for e in twins].count(True) == 1  # counted once
    dialog = ConflictsDialog(service.sync, lambda: None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.ui.conflicts_list.item(0).text()
    assert text.startswith("Doublon\nL'entrée du 12/11/2024")
    assert "garder une seule entrée supprime la copie" in text
    ui = dialog.ui
    assert (ui.keep_button.text(), ui.take_button.text()) == (
        "Une seule entrée (supprimer la copie)",
        "Les deux entrées (compter les deux)",
    )
    assert [b.shortcut().toString() for b in (ui.keep_button, ui.take_button)] == ["Alt+G", "Alt+R"]
    window.resize(1366, 768)
    dialog.resize(760, 440)
    shot(dialog, "conflicts_dialog_doublon")
    ui.take_button.click()  # both entries
    assert ui.message_label.text() == "Conflit réglé : les deux entrées gardées, comptées toutes deux."
    assert ui.keep_button.text() == "&Garder la valeur actuelle"  # nothing selected: the form's texts
    assert all(service.carnet.entries.is_live(e) for e in twins)
    service.sync.sync(PHRASE)
    other.sync.sync(PHRASE)
    assert all(other.carnet.entries.is_live(e) for e in twins)
    (settled,) = other.sync.conflicts(include_resolved=True)
    assert settled.resolved == "réglé : les deux entrées gardées, comptées toutes deux"
    other.close()


def test_declining_the_passphrase_pauses_the_sync(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    _, sync = shared_alone(window, tmp_path)
    sync.sync_action.trigger()
    dialog = sync.dialog
    assert dialog is not None
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert sync.label.text().endswith(f">{PAUSED}</span>")
    sync.timer.timeout.emit()  # five minutes later: no question, still paused
    assert sync.dialog is dialog
    assert not dialog.isVisible()
    assert sync.last_sync is None
    window.resize(1366, 768)
    shot(window, "sync_paused")
    give_passphrase(qtbot, sync)  # on demand, it is asked again
    assert sync.label.text().startswith("Synchronisé à ")


def test_an_unreachable_folder_is_said_in_words(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    folder, sync = shared_alone(window, tmp_path)
    give_passphrase(qtbot, sync)
    assert not sync.problem
    folder.rename(tmp_path / "ailleurs")  # the USB key unplugged
    sync.sync_action.trigger()
    qtbot.waitUntil(lambda: bool(sync.problem))
    assert "Synchronisation en échec : Le dossier partagé" in sync.label.text()
    assert "introuvable" in sync.label.toolTip()
    (tmp_path / "ailleurs").rename(folder)  # back: the next sync clears the state
    sync.sync_action.trigger()
    qtbot.waitUntil(lambda: not sync.problem)
    assert sync.label.text().startswith("Synchronisé à ")


def test_a_wrong_passphrase_is_asked_again(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    _, sync = shared_alone(window, tmp_path)
    sync.sync_action.trigger()
    assert sync.dialog is not None
    sync.dialog.ui.passphrase_edit.setText("une tout autre phrase secrète")
    sync.dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(sync.problem))
    assert "phrase secrète ne correspond pas" in sync.problem
    assert sync.passphrase is None
    give_passphrase(qtbot, sync)
    qtbot.waitUntil(lambda: not sync.problem)


def test_the_sync_runs_at_start_every_five_minutes_and_at_closing(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    _, other = shared_pair(window, tmp_path)
    path = service.path
    window.close()  # the app is started again on the shared carnet
    reopened = open_service(path, today=lambda: TODAY)
    started = MainWindow(None, ui_settings(), pool=SyncPool())  # type: ignore[arg-type]
    qtbot.addWidget(started)
    started.show()
    sync = sync_of(started)
    assert not sync.label.isVisible()  # nothing read before the carnet is shown
    started.show_carnet(reopened, demo=False)
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())  # asked at start
    assert sync.dialog is not None
    fill(sync.dialog)
    assert sync.last_sync is not None
    assert sync.timer.isActive()
    assert sync.timer.interval() == 5 * 60 * 1000

    first = log_entry(other, DAY, 20)  # the other laptop, meanwhile
    other.sync.sync(PHRASE)
    sync.timer.timeout.emit()  # five minutes later
    assert reopened.carnet.db.execute("SELECT 1 FROM time_entries WHERE id = ?", [first]).fetchone()

    last = log_entry(reopened, DAY, 35)  # typed just before closing
    started.close()
    other.sync.sync(PHRASE)
    assert other.entry(last).minutes == 35
    other.close()


def test_the_sync_runs_in_a_worker_thread(qtbot: Any, service: CarnetService, tmp_path: Path) -> None:
    """As in the app: a real thread pool, the sync on a connection of its own."""
    window = MainWindow(service, ui_settings())
    qtbot.addWidget(window)
    window.show()
    _, other = shared_pair(window, tmp_path)
    entry = log_entry(other, DAY, 50)
    other.sync.sync(PHRASE)
    sync = sync_of(window)
    assert isinstance(sync.pool, QThreadPool)
    assert sync.pool is not QThreadPool.globalInstance()
    give_passphrase(qtbot, sync)
    qtbot.waitUntil(lambda: sync.task is None and sync.last_sync is not None)
    assert not sync.problem
    assert service.entry(entry).minutes == 50  # read on the window's own connection
    log_entry(service, DAY, 25)
    window.close()  # the last sync, waited for a few seconds at most
    assert sync.pool.activeThreadCount() == 0
    other.sync.sync(PHRASE)
    assert other.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone() == (2,)
    other.close()


def test_a_refused_file_is_said_and_the_rest_applies(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    folder, other = shared_pair(window, tmp_path)
    log_entry(other, DAY, 30)
    other.sync.sync(PHRASE)
    path = newest(folder, other.sync.engine.replica)
    other.close()
    data = bytearray(path.read_bytes())
    data[-1] ^= 1  # tampered with, its checksum recomputed: its header's mac no longer matches
    data[HEADER_SIZE - 64 : HEADER_SIZE - 32] = hashlib.sha256(bytes(data[HEADER_SIZE:])).digest()
    path.write_bytes(bytes(data))
    sync = sync_of(window)
    give_passphrase(qtbot, sync)
    assert not sync.problem
    assert sync.label.text().endswith("· 1 fichier refusé</span>")
    assert sync.label.text().startswith("<span style='color:")  # a warning, in colour
    assert path.name in sync.label.toolTip()
    assert service.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone() == (0,)
