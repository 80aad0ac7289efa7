"""« Rejoindre un carnet partagé… » merging a carnet kept apart before sharing (the window's own,
or another one) into the shared carnet; and the notes a restore of a shared carnet shows."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.gui.app import ui_settings
from ambassadeur_app.gui.dialogs.sync_dialog import SyncDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services import sync as sync_service
from ambassadeur_app.services.outside_copy import write_plain_copy
from ambassadeur_app.storage.attachments import store_folder
from ambassadeur_app.sync.engine import Engine
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.gui.conftest import Prompts
from tests.gui.test_sync_gui import fast_keys, fill, shot, sync_of  # noqa: F401 (fast_keys: autouse)
from tests.sync.conftest import PHRASE

OURS = date(2024, 10, 8)  # typed on this laptop, in the carnet kept apart
THEIRS = date(2024, 10, 15)  # typed on the other laptop, before it shared its carnet


def carnet_of_marie(path: Path) -> CarnetService:
    """A carnet of its own, set up (the same person as the window's carnet: Marie Durand)."""
    service = open_service(path, create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste")])
    return service


@pytest.fixture
def other(tmp_path: Path) -> Iterator[tuple[Path, CarnetService, str]]:
    """The other laptop's carnet, with an entry of its own, shared through a folder."""
    service = carnet_of_marie(tmp_path / "portable-a.ambassadeur")
    entry = log_entry(service, THEIRS, 45)
    folder = tmp_path / "partage"
    service.sync.share(folder, PHRASE)
    yield folder, service, entry
    service.close()


def ids(service: CarnetService) -> set[str]:
    return {
        row[0] for row in service.carnet.db.execute("SELECT id FROM time_entries WHERE deleted_at IS NULL")
    }


def dump(service: CarnetService) -> list[str]:
    """The whole carnet as SQL: equal when nothing in it changed."""
    return list(service.carnet.db.conn.iterdump())


def join_dialog(qtbot: Any, window: MainWindow) -> SyncDialog:
    sync = sync_of(window)
    qtbot.waitUntil(sync.join_action.isEnabled)  # once the carnet is shown
    sync.join_action.trigger()
    assert sync.dialog is not None
    assert sync.dialog.isVisible()
    return sync.dialog


def test_the_window_carnet_is_merged_into_the_shared_one(
    qtbot: Any,
    window: MainWindow,
    service: CarnetService,
    prompts: Prompts,
    other: tuple[Path, CarnetService, str],
) -> None:
    folder, laptop_a, theirs = other
    ours = log_entry(service, OURS, 75)
    path = service.path
    dialog = join_dialog(qtbot, window)
    ui = dialog.ui
    # The carnet open here holds entries: merging it is offered first, and explained.
    assert ui.merge_radio.isChecked()
    assert ui.carnet_edit.text() == str(path)
    assert ui.carnet_label.text() == "Carnet à fusio&nner :"
    assert ui.merge_label.isVisible()
    assert "reste une seule fiche" in ui.merge_label.text()
    assert "conflits à vérifier" in ui.merge_label.text().lower()
    assert "doublon" in ui.merge_label.text()
    assert "sauvegarde du carnet est faite d'abord" in ui.merge_label.text()
    window.resize(1366, 768)
    ui.folder_edit.setText(str(folder))
    shot(dialog, "join_merge_dialog")
    fill(dialog)
    assert prompts.asked == [f"Fusionner le carnet « {path} » avec le carnet partagé ?"]

    merged = window.service
    assert merged is not service  # closed, then opened again, merged
    assert merged.path == path
    assert merged.sync.shared
    assert (
        window.ui.statusbar.currentMessage() == f"Carnet fusionné avec le carnet partagé et ouvert : {path}"
    )
    assert ids(merged) == {ours, theirs}  # its entries, and the other laptop's
    names = [row[0] for row in merged.carnet.db.execute("SELECT name FROM ambassadors ORDER BY name")]
    assert names == ["Marie Durand", "Paul Martin"]  # the same person, kept as one
    notice = window.findChild(QMessageBox, "sync_notice")
    assert notice is not None
    assert notice.text() == f"Le carnet « {path} » est fusionné avec le carnet partagé et ouvert."
    details = notice.informativeText()
    assert details.startswith("Fusion : ")
    assert "Fiches reconnues dans les deux carnets" in details
    backup = Path(details.split("Le carnet d'avant la fusion est gardé en sauvegarde : ")[1].split("\n")[0])
    assert backup.is_file()
    with open_service(backup, readonly=True) as before:  # the carnet as it was, kept
        assert ids(before) == {ours}
        assert not before.sync.shared
    shot(notice, "join_merge_summary")
    notice.accept()

    sync = sync_of(window)
    qtbot.waitUntil(lambda: sync.last_sync is not None or bool(sync.problem))  # no question asked
    assert not sync.problem
    assert sync.dialog is dialog  # the passphrase was not asked again
    laptop_a.sync.sync(PHRASE)  # the other laptop receives this laptop's entries
    assert ids(laptop_a) == {ours, theirs}
    assert laptop_a.entry(ours).minutes == 75


@pytest.mark.parametrize("problem", ["phrase", "dossier sans carnet", "carnet déjà partagé"])
def test_a_failed_merge_leaves_the_open_carnet_as_it_was(
    qtbot: Any,
    window: MainWindow,
    service: CarnetService,
    prompts: Prompts,
    other: tuple[Path, CarnetService, str],
    tmp_path: Path,
    problem: str,
) -> None:
    folder, _, _ = other
    ours = log_entry(service, OURS, 75)
    if problem == "dossier sans carnet":
        folder = tmp_path / "vide"
        folder.mkdir()
    before = dump(service)
    dialog = join_dialog(qtbot, window)
    if problem == "carnet déjà partagé":
        # A carnet shared already (a copy of the other laptop's file) chosen to merge.
        chosen = tmp_path / "copie.ambassadeur"
        write_plain_copy(other[1], chosen)
        dialog.ui.carnet_edit.setText(str(chosen))
    dialog.ui.folder_edit.setText(str(folder))
    dialog.ui.passphrase_edit.setText("une tout autre phrase" if problem == "phrase" else PHRASE)
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.request is not None
    error = window.findChild(QMessageBox, "error_box")
    assert error is not None
    expected = {
        "phrase": "La phrase secrète ne correspond pas à celle du carnet partagé",
        "dossier sans carnet": f"Le dossier « {folder} » ne contient pas de carnet partagé",
        "carnet déjà partagé": "est déjà partagé : synchronisez-le",
    }[problem]
    assert expected in error.text()
    assert "Rien n'a été fusionné : le carnet « " in error.text()
    window.resize(1366, 768)
    shot(error, f"join_merge_error_{problem.split()[0]}")
    reopened = window.service
    assert window.ui.central.isVisible()
    assert reopened.path == service.path
    assert dump(reopened) == before  # untouched
    assert ids(reopened) == {ours}
    assert not reopened.sync.shared
    assert window.findChild(QMessageBox, "sync_notice") is None


def test_a_merge_done_but_not_all_sent_says_so_and_shows_the_merged_carnet(
    qtbot: Any,
    window: MainWindow,
    service: CarnetService,
    prompts: Prompts,
    other: tuple[Path, CarnetService, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shared folder refuses the merged carnet's changes once its file is replaced (a key
    pulled out at the last moment): the carnet is merged, and the next sync sends them."""
    folder, laptop_a, theirs = other
    ours = log_entry(service, OURS, 75)

    def unplugged(*args: Any) -> Any:
        raise CarnetError("Le dossier partagé est introuvable.")

    with monkeypatch.context() as patched:
        patched.setattr(Engine, "export", unplugged)
        dialog = join_dialog(qtbot, window)
        dialog.ui.folder_edit.setText(str(folder))
        fill(dialog)
    error = window.findChild(QMessageBox, "error_box")
    assert error is not None
    assert error.text() == (
        f"Le dossier partagé est introuvable.\n\nLe carnet « {service.path} » est pourtant fusionné : ce "
        "qui n'a pas pu être écrit dans le dossier partagé le sera à la prochaine synchronisation."
    )
    assert window.ui.central.isVisible()
    assert ids(window.service) == {ours, theirs}
    assert window.service.sync.shared
    sync = sync_of(window)
    qtbot.waitUntil(lambda: sync.dialog is not dialog)  # its passphrase, asked for the first sync
    assert sync.dialog is not None
    fill(sync.dialog)
    assert not sync.problem
    laptop_a.sync.sync(PHRASE)
    assert ids(laptop_a) == {ours, theirs}


def test_another_existing_carnet_is_merged_then_opened(
    qtbot: Any,
    window: MainWindow,
    service: CarnetService,
    prompts: Prompts,
    other: tuple[Path, CarnetService, str],
    tmp_path: Path,
) -> None:
    folder, _, theirs = other
    apart = carnet_of_marie(tmp_path / "tenu-a-part.ambassadeur")
    kept = log_entry(apart, OURS, 30)
    apart.close()
    window_entries = ids(service)
    prompts.file = apart.path
    dialog = join_dialog(qtbot, window)
    assert not dialog.ui.merge_radio.isChecked()  # the window's carnet holds no entry: a new one first
    dialog.ui.merge_radio.setChecked(True)
    assert dialog.ui.carnet_edit.text() == str(service.path)  # the window's, offered to merge
    dialog.ui.carnet_button.click()  # Choisir… : an existing carnet
    assert dialog.ui.carnet_edit.text() == str(apart.path)
    dialog.ui.folder_edit.setText(str(folder))
    fill(dialog)
    assert window.service.path == apart.path.resolve()
    assert ids(window.service) == {kept, theirs}
    assert window.service.sync.shared
    notice = window.findChild(QMessageBox, "sync_notice")
    assert notice is not None
    assert "Fusion : " in notice.informativeText()
    with open_service(service.path, readonly=True) as untouched:  # the carnet shown before
        assert ids(untouched) == window_entries
        assert not untouched.sync.shared


def test_the_merge_runs_in_a_worker_and_the_window_stays_responsive(
    qtbot: Any,
    service: CarnetService,
    prompts: Prompts,
    other: tuple[Path, CarnetService, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As in the app: a real thread pool; the window's carnet is closed meanwhile, out of sight."""
    folder, _, theirs = other
    ours = log_entry(service, OURS, 75)
    window = MainWindow(service, ui_settings())
    qtbot.addWidget(window)
    window.show()
    real_join = sync_service.join
    started, go = threading.Event(), threading.Event()
    threads: list[int] = []

    def join(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        started.set()
        go.wait(30)
        return real_join(*args, **kwargs)

    monkeypatch.setattr(sync_service, "join", join)
    dialog = join_dialog(qtbot, window)
    dialog.ui.folder_edit.setText(str(folder))
    fill(dialog)
    qtbot.waitUntil(started.is_set)
    assert threads != [threading.get_ident()]
    busy = window.findChild(QProgressDialog)
    assert busy is not None
    assert busy.isVisible()
    assert busy.labelText().startswith("Fusion du carnet avec le carnet partagé")
    assert not window.ui.central.isVisible()  # nothing reads the closed carnet
    window.resize(1000, 700)
    qtbot.wait(50)  # the event loop runs (paint, resize) while the merge waits
    window.resize(1366, 768)
    assert window.ui.statusbar.currentMessage().startswith("Fusion en cours : le carnet est fermé")
    shot(window, "join_merge_busy")
    shot(busy, "join_merge_busy_dialog")
    go.set()
    said = lambda: [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: bool(said()), timeout=20_000)
    assert said() == [f"Le carnet « {service.path} » est fusionné avec le carnet partagé et ouvert."]
    assert window.ui.central.isVisible()
    assert ids(window.service) == {ours, theirs}
    sync = sync_of(window)
    qtbot.waitUntil(lambda: sync.task is None)
    window.close()


def test_a_restore_shows_missing_attachments_and_the_shared_carnet_apart(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    from tests.unit.test_expenses import expense, pdf

    expense_id = service.expenses.save_expense(expense())
    service.expenses.attach(expense_id, pdf(tmp_path, "facture.pdf"))
    service.sync.share(tmp_path / "partage", PHRASE)
    copy = write_plain_copy(service, tmp_path / "copie.ambassadeur")
    (piece,) = store_folder(copy).iterdir()
    piece.chmod(0o600)
    piece.write_bytes(b"%PDF-faux")  # the key rotted
    assert window.copies.restore_backup(copy)
    notice = window.findChild(QMessageBox, "notice")
    assert notice is not None
    assert notice.text() == "Carnet restauré depuis copie.ambassadeur."
    missing, to_know = notice.informativeText().split("\n\n")
    assert missing.startswith("Des pièces jointes manquent :\nLa pièce jointe « facture.pdf » est abîmée")
    assert to_know.startswith("À savoir :\nCe carnet est partagé avec l'autre ordinateur par le dossier")
    window.resize(1366, 768)
    shot(notice, "restore_notes")


def test_the_status_bar_counts_new_conflicts_in_french() -> None:
    from ambassadeur_app.gui.actions.sync import _new_conflicts

    assert _new_conflicts(1).startswith("1 nouveau conflit après la synchronisation")
    assert _new_conflicts(12).startswith("12 nouveaux conflits après la synchronisation")
