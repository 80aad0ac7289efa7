"""The window keeps saving when backups fail, and says so until a backup succeeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from ambassadeur_app.domain.model import Ambassador, EntryFilter, Role
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY
from tests.gui.test_carnet_page import type_entry


@pytest.fixture
def service(carnet_path: Path, private_home: Path) -> Iterator[CarnetService]:
    """A carnet whose backup folder cannot be created (a file is in the way)."""
    (private_home / "data").mkdir(parents=True)
    (private_home / "data" / "sauvegardes").write_text("pas un dossier")
    svc = open_service(carnet_path, create=True, today=lambda: TODAY)
    svc.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
    yield svc
    svc.close()


def test_an_entry_is_saved_once_and_the_status_bar_warns(
    qtbot: Any, window: MainWindow, service: CarnetService, private_home: Path
) -> None:
    page = window.page
    page.ui.date_edit.setDate(QDate(2024, 9, 2))
    type_entry(qtbot, window, "2h", "Visite MSP")
    assert "Entrée enregistrée" in page.ui.entry_message_label.text()
    assert page.ui.duration_edit.text() == ""  # cleared: pressing Entrée again saves nothing twice
    assert len(service.entry_ids(EntryFilter())) == 1
    status = window.status_label
    assert service.carnet.backup_in_background  # the save did not wait for the copy
    qtbot.waitUntil(lambda: "Sauvegarde automatique en échec" in status.text())
    assert "bien enregistrées" in status.toolTip()
    (private_home / "data" / "sauvegardes").unlink()
    type_entry(qtbot, window, "1h", "Suite")
    assert len(service.entry_ids(EntryFilter())) == 2
    qtbot.waitUntil(lambda: "Dernière sauvegarde le" in status.text())  # told when the copy ends
    assert status.toolTip() == str(service.path)  # the folder, kept out of the bar
