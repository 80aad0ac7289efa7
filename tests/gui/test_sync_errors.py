"""An unexpected error of the background sync: said in the status bar (red) at every failing
sync, shown in a dialog once per distinct error; « Synchroniser maintenant » always shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.sync import SyncService
from tests.gui.test_sync_gui import fast_keys, give_passphrase, shared_alone

__all__ = ["fast_keys"]  # the passphrase's keys derived fast here too (autouse)


def error_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox, "error_box") if box.isVisible()]


def test_a_background_error_is_shown_once_and_an_explicit_sync_shows_it(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sync = shared_alone(window, tmp_path)
    give_passphrase(qtbot, sync)
    assert not sync.problem
    failure = RuntimeError("disque en panne")

    def broken(self: SyncService, passphrase: str) -> None:
        raise failure

    monkeypatch.setattr(SyncService, "sync", broken)
    for _ in range(3):  # fifteen minutes of periodic syncs failing alike
        sync.timer.timeout.emit()
        assert "Synchronisation en échec : erreur inattendue" in sync.label.text()
        assert ERROR_COLOR in sync.label.text()
    assert len(error_boxes(window)) == 1
    for box in error_boxes(window):
        box.close()

    sync.sync_action.trigger()  # asked for: shown again
    assert len(error_boxes(window)) == 1
    for box in error_boxes(window):
        box.close()
    sync.timer.timeout.emit()  # the same error in the background: not again
    assert error_boxes(window) == []

    failure = RuntimeError("autre panne")  # another error: shown once
    sync.timer.timeout.emit()
    sync.timer.timeout.emit()
    assert len(error_boxes(window)) == 1
    assert "Synchronisation en échec" in sync.label.text()
