from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import tasks
from ambassadeur_app.gui.app import load_carnet, ui_settings
from ambassadeur_app.gui.dialogs.backups_dialog import BackupsDialog
from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry as log
from tests.conftest import plain
from tests.gui.conftest import Prompts, SyncPool
from tests.unit.test_file_diagnosis import make_carnet

SEPT = Month(2024, 9)


def test_export_dialog_writes_the_chosen_documents(
    window: MainWindow, service: CarnetService, tmp_path: Path, prompts: Prompts
) -> None:
    log(service, date(2024, 9, 2), 90)
    window.page.show_month(SEPT)
    dialog = window.exports.export_timesheet()
    ui = dialog.ui
    assert ui.month_combo.currentData() == "2024-09"
    assert ui.month_combo.count() == 6
    ui.folder_edit.setText(str(tmp_path / "absent"))
    dialog.accept()
    assert "n'existe pas" in ui.message_label.text()
    ui.folder_edit.setText(str(tmp_path))
    ui.who_combo.setCurrentIndex(ui.who_combo.findText("Marie Durand seulement"))
    ui.pdf_check.setChecked(False)
    dialog.accept()
    written = tmp_path / "releve-heures-2024-09-marie-durand.xlsx"
    assert written.exists()
    assert openpyxl.load_workbook(written)["Relevé"]["A1"].value.endswith("— Marie Durand")
    assert prompts.opened == [written]
    assert "Relevé exporté" in window.ui.statusbar.currentMessage()
    assert ui_settings().value("export/folder") == str(tmp_path)


def test_import_dialog_previews_and_imports(
    window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    source = tmp_path / "carnet.csv"
    source.write_text(
        "Date;Ambassadeur;Mission;Activité;Durée;Description\n"
        "02/09/2024;Marie Durand;Promotion;Appel;1h;ok\n"
        "03/09/2024;Nouvelle Personne;Formation;Webinaire;2h;ok\n"
        "04/09/2024;Marie Durand;Promotion;Appel;jamais;mauvaise durée\n",
        encoding="utf-8",
    )
    dialog = window.imports.import_carnet(source)
    assert dialog is not None
    ui = dialog.ui
    assert ui.problems_table.rowCount() == 1
    assert ui.problems_table.item(0, 0).text() == "4"
    assert ui.problems_table.item(0, 1).text() == "Durée"
    assert ui.problems_table.item(0, 2).text() == "jamais"
    assert "Nouvelle Personne" in ui.summary_label.text()
    assert not dialog.import_button.isEnabled()
    ui.skip_invalid_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Importer 2 entrées"
    dialog.import_button.click()
    assert len(service.entry_ids(EntryFilter())) == 2
    assert window.page.ui.ambassador_combo.findText("Nouvelle Personne") >= 0
    assert "2 entrées importées" in window.ui.statusbar.currentMessage()
    window.imports.undo_import()
    assert service.entry_ids(EntryFilter()) == []
    assert window.page.ui.ambassador_combo.findText("Nouvelle Personne") < 0


def test_an_unreadable_import_file_shows_the_reason(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "ancien.xls"
    bad.write_bytes(b"\xd0\xcf")
    assert window.imports.import_carnet(bad) is None
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None
    assert "enregistrez-le au format .xlsx" in box.text()
    box.close()


def test_settings_dialog_edits_programme_binome_and_activities(
    window: MainWindow, service: CarnetService
) -> None:
    dialog = window.edit_settings()
    ui = dialog.ui
    ui.programme_form.ui.cpts_edit.setText("CPTS Nouvelle")
    ui.programme_form.ui.months_spin.setValue(7)
    assert "Attention" in ui.programme_form.ui.total_hint_label.text()
    amounts = ui.programme_form.ui
    assert [plain(spin.text()) for spin in (amounts.cap_spin, amounts.total_spin)] == [
        "2 000,00 €",
        "13 600,00 €",
    ]  # the French way, as everywhere else
    ui.new_ambassador_button.click()
    ui.name_edit.setText("Sophie Leroy")
    ui.name_edit.textEdited.emit("Sophie Leroy")
    ui.tabs.setCurrentWidget(ui.activities_tab)
    ui.new_activity_edit.setText("Stand au salon")
    ui.add_activity_button.click()
    ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert service.programme().cpts_name == "CPTS Nouvelle"
    assert service.programme().months == 7
    assert "Sophie Leroy" in [a.name for a in service.ambassadors()]
    assert "Stand au salon" in service.activities()[Mission.PROMOTION]
    assert window.windowTitle().startswith("CPTS Nouvelle")
    assert window.page.ui.ambassador_combo.findText("Sophie Leroy") >= 0


def test_settings_dialog_refuses_bad_values(window: MainWindow, service: CarnetService) -> None:
    dialog = window.edit_settings()
    dialog.ui.programme_form.ui.cpts_edit.setText("")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "Indiquez le nom de la CPTS" in dialog.ui.message_label.text()
    assert dialog.isVisible()
    assert service.programme().cpts_name == "CPTS Test du Lunévillois"


def test_new_carnet_with_the_first_run_assistant(
    window: MainWindow, tmp_path: Path, prompts: Prompts
) -> None:
    prompts.file = tmp_path / "mon-carnet"
    window.new_carnet()
    wizard = window.findChild(SetupWizard)
    assert wizard is not None
    wizard.next()
    form = wizard.ui.programme_form.ui
    wizard.next()
    assert wizard.currentPage() is wizard.ui.programme_page  # the CPTS name is missing
    assert "Indiquez le nom de la CPTS" in wizard.ui.programme_page.subTitle()
    form.cpts_edit.setText("CPTS des Vosges de l'Ouest")
    form.departement_combo.setCurrentIndex(form.departement_combo.findData("88"))
    wizard.next()
    assert wizard.currentPage() is wizard.ui.binome_page
    wizard.ui.medical_name_edit.setText("Dr Anne Colin")
    wizard.ui.admin_name_edit.setText("Luc Petit")
    wizard.ui.admin_email_edit.setText("luc.petit@example.org")
    wizard.accept()
    assert window.service.path == tmp_path / "mon-carnet.ambassadeur"
    assert window.service.programme().departement_name == "Vosges"
    assert [a.name for a in window.service.ambassadors()] == ["Dr Anne Colin", "Luc Petit"]
    assert window.windowTitle().startswith("CPTS des Vosges de l'Ouest")


def test_cancelling_the_assistant_leaves_no_file(
    window: MainWindow, tmp_path: Path, prompts: Prompts
) -> None:
    prompts.file = tmp_path / "abandon.ambassadeur"
    before = window.service
    window.new_carnet()
    wizard = window.findChild(SetupWizard)
    assert wizard is not None
    wizard.reject()
    assert not (tmp_path / "abandon.ambassadeur").exists()
    assert window.service is before


def test_backups_dialog_backs_up_and_restores(
    window: MainWindow, service: CarnetService, prompts: Prompts
) -> None:
    log(service, date(2024, 9, 2), 60)
    dialog = window.copies.show_backups()
    assert isinstance(dialog, BackupsDialog)
    before = dialog.ui.backups_table.rowCount()
    dialog.ui.backup_now_button.click()
    assert dialog.ui.backups_table.rowCount() == before + 1
    log(service, date(2024, 9, 3), 60)
    dialog.ui.backups_table.selectRow(0)
    dialog.ui.restore_button.click()
    assert "Restaurer cette sauvegarde ?" in prompts.asked
    assert len(window.service.entry_ids(EntryFilter())) == 1
    assert "Carnet restauré" in window.ui.statusbar.currentMessage()
    assert window.page.model is not None
    assert window.page.model.service is window.service


def test_demo_banner_and_its_button(qtbot: Any, service: CarnetService, prompts: Prompts) -> None:
    demo = MainWindow(service, ui_settings(), demo=True, pool=SyncPool())  # type: ignore[arg-type]
    qtbot.addWidget(demo)
    demo.show()
    assert demo.ui.demo_banner.isVisible()
    assert ui_settings().value("carnet/last") == ""
    demo.ui.create_carnet_button.click()
    assert demo.findChild(SetupWizard) is not None
    demo.close()


def test_errors_become_dialogs(qtbot: Any, window: MainWindow) -> None:
    known = show_error(window, AppError("Le disque est plein."))
    assert known.icon() == QMessageBox.Icon.Warning
    assert known.text() == "Le disque est plein."
    known.close()
    unexpected = show_error(window, ZeroDivisionError("division by zero"))
    assert unexpected.icon() == QMessageBox.Icon.Critical
    assert "ambassadeur.log" in unexpected.text()
    assert "ZeroDivisionError" in unexpected.detailedText()
    unexpected.close()


def test_tasks_run_in_the_thread_pool(qtbot: Any) -> None:
    seen: list[tuple[int, int]] = []

    def work(progress: Any, cancelled: Any) -> int:
        progress(1, 2)
        return 42

    task = tasks.Task(work)
    task.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(task.signals.finished, timeout=10_000) as blocker:
        tasks.start(task)
    assert blocker.args == [42]
    qtbot.waitUntil(lambda: seen == [(1, 2)])
    failing = tasks.Task(lambda progress, cancelled: 1 / 0)
    with qtbot.waitSignal(failing.signals.failed, timeout=10_000) as blocker:
        tasks.start(failing)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_the_carnet_menu_writes_the_bilan_and_the_budget_and_opens_the_steering_dialogs(
    window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from ambassadeur_app.gui.dialogs.pack_dialog import PackDialog
    from ambassadeur_app.gui.dialogs.targets_dialog import TargetsDialog

    prompts.file = tmp_path / "bilan"  # no suffix: a PDF
    window.ui.action_bilan.trigger()
    bilan = tmp_path / "bilan.pdf"
    assert "Bilan d'exécution" in plain(PdfReader(bilan).pages[0].extract_text())
    prompts.file = tmp_path / "budget.xlsx"
    window.ui.action_budget.trigger()
    cells = {
        v for row in openpyxl.load_workbook(prompts.file).active.iter_rows(values_only=True) for v in row
    }
    assert any("Budget prévisionnel" in str(v) for v in cells)
    assert prompts.opened == [bilan, prompts.file]
    window.ui.action_targets.trigger()
    assert window.ui.tabs.currentWidget() is window.pages.get("dashboard")
    assert any(d.isVisible() for d in window.findChildren(TargetsDialog))
    window.ui.action_pack.trigger()
    assert any(d.isVisible() for d in window.findChildren(PackDialog))


def test_a_carnet_opens_on_its_dashboard_once_it_has_data_with_the_undo_history_dropped(
    qtbot: Any, carnet_path: Path, tmp_path: Path, prompts: Prompts
) -> None:
    """Fichier > Ouvrir: a carnet with data shows its tableau de bord, an empty one its carnet
    page (its first entry); the history of the carnet left is dropped, the carnet page built or
    not."""
    make_carnet(carnet_path)  # with entries
    empty = tmp_path / "vide.ambassadeur"
    make_carnet(empty, entries=0)
    window = MainWindow(None, ui_settings(), pool=SyncPool(), first_page="dashboard")  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.painted):
        window.show()
    assert load_carnet(window, carnet_path, ui_settings()) is None
    assert window.pages.current_name() == "dashboard"
    assert not window.pages.is_built("carnet")  # built when first needed (run_app: right after)
    window.undo_stack.push(QUndoCommand("la suppression d'un événement"))
    assert window.undo_action.isEnabled()
    assert window.switch_to(empty)
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert window.pages.current_name() == "carnet"
    assert QApplication.focusWidget() is window.page.ui.duration_edit
    assert window.switch_to(carnet_path)
    assert window.pages.current_name() == "dashboard"
    window.close()
