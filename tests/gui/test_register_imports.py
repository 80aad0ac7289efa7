"""The register's import dialogs: contact lists, RPPS and FINESS extracts, and undo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMessageBox

from ambassadeur_app import paths
from ambassadeur_app.domain.register import RegisterFilter
from ambassadeur_app.gui.dialogs.contacts_import_dialog import ContactsImportDialog
from ambassadeur_app.gui.dialogs.extract_import_dialog import ExtractImportDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.tasks import Task
from ambassadeur_app.services import CarnetService
from tests.gui.conftest import Prompts


class CancellingPool:
    """The user presses « Annuler » as soon as the reading starts."""

    def start(self, task: Task) -> None:
        task.cancel()
        task.run()


EXAMPLES = paths.resource_dir() / "exemples"


def professional_names(service: CarnetService) -> list[str]:
    register = service.register
    return sorted(p.full_name for p in register.professionals(register.professional_ids()).values())


def test_contact_list_dialog_maps_columns_and_imports(
    window: MainWindow, service: CarnetService, prompts: Prompts
) -> None:
    prompts.file = EXAMPLES / "liste-contacts.xlsx"
    window.ui.action_import_contacts.trigger()
    dialog = window.findChild(ContactsImportDialog)
    assert isinstance(dialog, ContactsImportDialog)
    ui = dialog.ui
    assert ui.last_name_combo.currentText() == "Nom"
    assert ui.profession_combo.currentText() == "Profession"
    assert ui.problems_table.rowCount() == 0
    assert dialog.import_button.text() == "Importer 6 professionnels"
    ui.profession_combo.setCurrentIndex(0)  # no profession column: nothing can be imported
    assert "Choisissez la colonne de : Profession" in ui.summary_label.text()
    assert not dialog.import_button.isEnabled()
    ui.profession_combo.setCurrentIndex(ui.profession_combo.findText("Profession"))
    dialog.import_button.click()
    assert len(professional_names(service)) == 6
    assert window.pages.get("professionals").model.rowCount() == 6
    assert "6 fiches créées" in window.ui.statusbar.currentMessage()
    window.imports.undo_import()
    assert prompts.asked[-1].startswith("Annuler l'import de « liste-contacts.xlsx »")
    assert professional_names(service) == []
    assert window.pages.get("professionals").model.rowCount() == 0
    assert "fiches retirées ou rétablies" in window.ui.statusbar.currentMessage()


def test_contact_list_dialog_lists_invalid_lines(
    window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    path = tmp_path / "membres.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["NOM", "Prénom", "Métier"])
    sheet.append(["Durand", "Paul", "Infirmier"])
    sheet.append(["Astro", "Naute", "Astronaute"])
    workbook.save(path)
    dialog = window.imports.import_register("contacts", path)
    assert isinstance(dialog, ContactsImportDialog)
    ui = dialog.ui
    assert ui.profession_combo.currentText() == "Métier"
    assert ui.problems_table.rowCount() == 1
    assert [ui.problems_table.item(0, c).text() for c in range(4)] == [
        "3",
        "Métier",
        "Astronaute",
        "Profession inconnue",
    ]
    assert not dialog.import_button.isEnabled()
    ui.skip_invalid_check.setChecked(True)
    assert dialog.import_button.text() == "Importer 1 professionnel"
    dialog.import_button.click()
    assert professional_names(service) == ["Paul Durand"]


def test_unreadable_contact_list_says_why(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "liste.xlsx"
    bad.write_bytes(b"not a workbook")
    assert window.imports.import_register("contacts", bad) is None
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None
    assert "liste.xlsx" in box.text()
    box.close()


def test_rpps_dialog_scans_the_territory_then_imports(window: MainWindow, service: CarnetService) -> None:
    dialog = window.imports.import_register("rpps", EXAMPLES / "PS_LibreAcces_Personne_activite_exemple.txt")
    assert isinstance(dialog, ExtractImportDialog)
    ui = dialog.ui
    assert ui.departement_edit.text() == "54"
    assert not dialog.import_button.isEnabled()
    ui.communes_radio.setChecked(True)
    dialog.scan()
    assert "Indiquez les communes" in ui.summary_label.text()
    assert not dialog.import_button.isEnabled()
    ui.communes_edit.setText("54528")
    dialog.scan()
    assert ui.summary_label.text().startswith("14 lignes lues")
    assert dialog.preview is not None
    assert sorted(p.last_name for p in dialog.preview.professionals) == ["Bernard", "Richard"]
    ui.departement_radio.setChecked(True)
    dialog.scan()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert len(professional_names(service)) == 10
    assert "10 fiches créées" in window.ui.statusbar.currentMessage()
    (martin,) = service.register.professional_ids(RegisterFilter(text="sophie martin"))
    window.show_professional(martin)
    detail = window.pages.get("professionals").ui.detail_browser.toPlainText()
    assert "Exerce à : CABINET MEDICAL DU PARC — Nancy (54000), libéral" in detail
    assert "Exerce à : MAISON DE SANTE DES PROVINCES" in detail


def test_rpps_dialog_lists_invalid_lines_and_imports_the_others_only_when_asked(
    window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    from ambassadeur_app.domain.text import MAX_TEXT_LENGTH
    from tests.unit.test_import_identity import ANNE_A, ANNE_B, extract, line

    long = "X" * (MAX_TEXT_LENGTH + 1)
    path = extract(tmp_path / "long.txt", line(id=ANNE_A), line(id=ANNE_B, last="DURAND", site=long))
    dialog = window.imports.import_register("rpps", path)
    assert isinstance(dialog, ExtractImportDialog)
    dialog.scan()
    ui = dialog.ui
    assert ui.problems_table.rowCount() == 1
    assert ui.problems_table.item(0, 0).text() == "3"
    assert ui.problems_table.item(0, 1).text() == "Raison sociale site"
    assert "lignes invalides n'importe rien" in ui.summary_label.text()
    assert not dialog.import_button.isEnabled()
    ui.skip_invalid_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert professional_names(service) == ["Anne Martin"]
    again = window.imports.import_register("rpps", path)
    assert isinstance(again, ExtractImportDialog)
    again.ui.skip_invalid_check.setChecked(True)
    again.scan()
    assert not again.import_button.isEnabled()  # nothing new: one record already up to date
    assert "1 fiche déjà à jour" in again.ui.summary_label.text()


def test_rpps_dialog_reports_a_truncated_file_and_a_cancel(
    window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    truncated = tmp_path / "PS_LibreAcces_Personne_activite_coupe.txt"
    truncated.write_bytes((EXAMPLES / "PS_LibreAcces_Personne_activite_exemple.txt").read_bytes()[:1500])
    dialog = window.imports.import_register("rpps", truncated)
    assert isinstance(dialog, ExtractImportDialog)
    dialog.scan()
    assert "tronqué" in dialog.ui.summary_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.accept()  # nothing read: nothing written, the dialog stays open
    assert dialog.isVisible()
    assert professional_names(service) == []

    whole = window.imports.import_register("rpps", EXAMPLES / "PS_LibreAcces_Personne_activite_exemple.txt")
    assert isinstance(whole, ExtractImportDialog)
    whole.pool = CancellingPool()  # type: ignore[assignment]
    whole.scan()
    assert whole.ui.summary_label.text() == "Lecture annulée : rien n'a été importé."
    assert not whole.import_button.isEnabled()


def test_finess_dialog_keeps_the_departement(window: MainWindow, service: CarnetService) -> None:
    dialog = window.imports.import_register("finess", EXAMPLES / "etalab-cs1100507-stock-exemple.csv")
    assert isinstance(dialog, ExtractImportDialog)
    ui = dialog.ui
    assert dialog.windowTitle() == "Importer l'extrait FINESS"
    assert not ui.communes_radio.isVisible()
    dialog.scan()
    assert ui.summary_label.text().startswith("5 établissements retenus")
    dialog.import_button.click()
    assert len(service.register.structure_ids()) == 5
    assert window.pages.get("structures").model.rowCount() == 5
