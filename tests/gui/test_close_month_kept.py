"""Closing a month again in the window: the relevé of the earlier closing (maybe signed) is kept as
it was, and the window says so, as the command line does, with the new relevé's name."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry

SEPT = Month(2024, 9)


def test_closing_again_says_the_earlier_relevé_is_kept(
    window: MainWindow, service: CarnetService, prompts: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "relevés"
    folder.mkdir()
    window.settings.setValue("export/folder", str(folder))
    log_entry(service, date(2024, 9, 2), 60)
    window.page.show_month(SEPT)
    first = window.close_month()
    said = window.ui.statusbar.currentMessage()
    assert said == f"Mois de septembre 2024 clôturé ; relevé enregistré dans {folder}."
    assert window.findChild(QMessageBox, "kept_timesheet_notice") is None  # nothing was kept
    signed = (folder / "releve-heures-2024-09.pdf").read_bytes()
    service.reopen_month(SEPT, "Oubli de la réunion du 3")
    window.page.show_month(SEPT)
    second = window.close_month()
    assert [p.name for p in second] == [p.name.replace("-09", "-09-cloture-2") for p in first]
    assert window.ui.statusbar.currentMessage() == said
    # Too long for the status bar (cut there), and to be read: a notice, as the command line says it.
    notice = window.findChild(QMessageBox, "kept_timesheet_notice")
    assert notice is not None
    assert notice.isVisible()
    assert notice.text() == said
    assert notice.informativeText() == (
        "Le relevé d'une clôture précédente de ce mois est gardé tel quel : le nouveau s'appelle "
        "« releve-heures-2024-09-cloture-2 »."
    )
    assert (folder / "releve-heures-2024-09.pdf").read_bytes() == signed
    assert prompts.opened[-1] == folder / "releve-heures-2024-09-cloture-2.pdf"
