"""« Préparer le dossier de justification… » on the demo carnet: the findings listed, each one a
way to its record in the window, the pack written in the background to the end of its progress
bar and opened, and a cancel that leaves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.checks import RecordKind
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.gui.actions.pack import Pack
from ambassadeur_app.gui.dialogs.pack_dialog import PackDialog, new_folder
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages.carnet_page import ENTRY_GONE
from ambassadeur_app.gui.pages.register_page import RegisterPage
from ambassadeur_app.gui.widgets.choices import select_data
from ambassadeur_app.reports.manifest import CSV_NAME, read_csv
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import log_entry, plain
from tests.gui.conftest import Prompts

# The window is brought to the front after a finding's record is shown: offscreen cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def service(carnet_path: Path) -> Iterator[CarnetService]:
    """The demo carnet built on its reference day (instead of the GUI tests' empty carnet)."""
    svc = open_service(carnet_path, create=True, today=lambda: REFERENCE_DAY)
    build_demo(svc)
    yield svc
    svc.close()


class HeldPool:
    """Keeps the task queued until the test runs it (to cancel it in between)."""

    def __init__(self) -> None:
        self.queued: list[Any] = []

    def start(self, runnable: Any) -> None:
        self.queued.append(runnable)


def open_dialog(window: MainWindow, folder: Path) -> tuple[Pack, PackDialog]:
    window.settings.setValue("export/folder", str(folder))
    action = Pack(window)
    return action, action.prepare()


def test_the_findings_are_listed_and_each_leads_to_its_record(
    window: MainWindow, service: CarnetService, tmp_path: Path, qtbot: Any
) -> None:
    _, dialog = open_dialog(window, tmp_path)
    findings = service.pack.check()
    listing = dialog.ui.findings_list
    assert listing.count() == len(findings) == 12
    shown = [listing.item(row).text() for row in range(listing.count())]
    assert shown[0].startswith("Bloquant — Mois de novembre 2025 non clôturé\n")
    assert shown[-1].startswith("À vérifier — Action en retard dans le rétroplanning\n")
    assert listing.item(0).font().bold()
    assert not listing.item(listing.count() - 1).font().bold()
    assert plain(dialog.ui.summary_label.text()).startswith("7 points bloquants, 5 points à vérifier.")
    # A month: the carnet page shows it.
    window.pages.show("events")
    with qtbot.waitSignal(dialog.finding_activated) as signal:
        qtbot.mouseClick(dialog.ui.show_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["carnet", "mois", "2025-11"]
    assert window.ui.tabs.currentWidget() is window.page
    assert window.page.month == Month(2025, 11)
    # An event: the events page, the event selected.
    row = next(i for i, f in enumerate(findings) if f.record_kind is RecordKind.EVENT)
    listing.setCurrentRow(row)
    listing.itemActivated.emit(listing.item(row))
    events = cast(RegisterPage, window.pages.get("events"))
    assert window.ui.tabs.currentWidget() is events
    assert events.selected_ids() == [findings[row].record_id]
    # A request: the solicitations page, the request selected.
    row = next(i for i, f in enumerate(findings) if f.record_kind is RecordKind.REQUEST)
    listing.itemActivated.emit(listing.item(row))
    requests = cast(RegisterPage, window.pages.get("solicitations"))
    assert window.ui.tabs.currentWidget() is requests
    assert requests.selected_ids() == [findings[row].record_id]
    # Checking again after a fix: the month closed is gone from the list.
    service.close_month(Month(2025, 11))
    assert len(dialog.recheck()) == listing.count() == 11


def test_a_finding_about_an_entry_selects_it_in_its_month(
    window: MainWindow, service: CarnetService, tmp_path: Path, qtbot: Any
) -> None:
    """An entry dated after the period: the carnet page shows its month, with the filters that
    would hide it cleared, and the entry selected in the table."""
    outside = log_entry(service, date(2026, 3, 4), 45, Mission.PROMOTION, who="Julien Marchal")
    log_entry(service, date(2026, 3, 2), 30, Mission.FORMATION, who="Julien Marchal")
    page = window.page
    page.show_month(Month(2025, 11))
    page.ui.search_edit.setText("pharmacie")  # a search and a mission that leave it out
    select_data(page.ui.filter_mission_combo, Mission.FORMATION.value)
    _, dialog = open_dialog(window, tmp_path)
    listing = dialog.ui.findings_list
    row = next(i for i, f in enumerate(dialog.findings) if f.record_id == outside)
    assert dialog.findings[row].record_kind is RecordKind.ENTRY
    window.pages.show("dashboard")
    listing.setCurrentRow(row)
    with qtbot.waitSignal(dialog.finding_activated) as signal:
        qtbot.mouseClick(dialog.ui.show_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["carnet", "entrée", outside]
    assert window.ui.tabs.currentWidget() is page
    assert page.month == Month(2026, 3)
    assert page.ui.search_edit.text() == ""
    assert page.ui.filter_mission_combo.currentData() is None
    assert page.model is not None
    assert page.model.rowCount() == 2  # the month whole
    assert page.selected_ids() == [outside]
    assert page.ui.table_view.hasFocus()
    # Deleted since the check: the status bar says so, the page stays as it was.
    service.delete_entries([outside])
    listing.itemActivated.emit(listing.item(row))
    assert window.ui.statusbar.currentMessage() == ENTRY_GONE
    assert page.month == Month(2026, 3)


def test_the_pack_is_written_to_the_end_and_opened(
    window: MainWindow, service: CarnetService, tmp_path: Path, prompts: Prompts, qtbot: Any
) -> None:
    _, dialog = open_dialog(window, tmp_path)
    expected = tmp_path / service.pack.default_name()
    assert Path(dialog.ui.folder_edit.text()) == expected
    progress: list[tuple[int, int]] = []
    dialog.ui.progress_bar.valueChanged.connect(
        lambda value: progress.append((value, dialog.ui.progress_bar.maximum()))
    )
    with qtbot.waitSignal(dialog.written) as signal:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    result = signal.args[0]
    assert result.folder == expected
    assert result.archive == expected.with_name(f"{expected.name}.zip")
    assert result.archive.is_file()
    bar = dialog.ui.progress_bar
    assert bar.value() == bar.maximum() > 50
    assert progress[-1] == (bar.maximum(), bar.maximum())
    assert {e.path for e in read_csv(expected / CSV_NAME)} == {e.path for e in result.files}
    assert prompts.opened == [expected]
    assert "Dossier de justification écrit" in dialog.ui.summary_label.text()
    assert "brouillon" in dialog.ui.summary_label.text()  # the demo has blocking points
    assert window.settings.value("export/folder") == str(tmp_path)
    # The next pack gets a new folder: the one written is never written into.
    assert Path(dialog.ui.folder_edit.text()) == tmp_path / f"{expected.name}-2"
    assert dialog.write_button.isEnabled()
    assert dialog.close_button.text() == "Fermer"


def test_cancel_while_writing_leaves_nothing_and_keeps_the_dialog(
    window: MainWindow, service: CarnetService, tmp_path: Path, qtbot: Any
) -> None:
    pool = HeldPool()
    out = tmp_path / "envoi"
    out.mkdir()
    dialog = PackDialog(service, out, pool, window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.write() is not None
    assert dialog.close_button.text() == "Annuler l'écriture"
    assert not dialog.write_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    pool.queued[0].run()
    assert dialog.ui.summary_label.text() == "Écriture annulée : aucun fichier n'a été laissé."
    assert list(out.iterdir()) == []
    assert dialog.close_button.text() == "Fermer"
    dialog.reject()
    assert not dialog.isVisible()


def test_a_new_folder_name_never_takes_an_existing_one(tmp_path: Path) -> None:
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier-2.zip").write_bytes(b"")
    assert new_folder(tmp_path, "dossier") == tmp_path / "dossier-3"
