from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import Qt

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.domain.register import (
    Channel,
    Contact,
    Onboarding,
    Professional,
    RegisterFilter,
    RequestCategory,
    RequestStatus,
    Solicitation,
    Structure,
    StructureType,
)
from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models.record_table import RecordColumn, RecordTableModel
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id
from tests.gui.conftest import Prompts


def people(service: CarnetService) -> dict[str, str]:
    register = service.register
    msp = register.save_structure(Structure("MSP des Tilleuls", StructureType.MSP, commune="Toul"))
    return {
        "colin": register.save_professional(
            Professional("Colin", "Anne", "G15-10", commune="Toul", structure_ids=(msp,))
        ),
        "durand": register.save_professional(Professional("Durandal", "Luc", "G15-60", commune="Nancy")),
        "petit": register.save_professional(Professional("Petit", "Léa", "G15-70", commune="Toul")),
        "msp": msp,
    }


def test_search_as_you_type_and_filters(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    ids = people(service)
    page = window.pages.get("professionals")
    window.ui.tabs.setCurrentWidget(page)
    assert page.model is not None
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.ui.search_edit, "toul")
    qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() == 2)
    assert page.ui.count_label.text() == "2 professionnels"
    page.ui.search_edit.clear()
    page.ui.group_combo.setCurrentIndex(page.ui.group_combo.findData("Infirmier"))
    assert page.model.ids() == [ids["durand"]]
    page.ui.group_combo.setCurrentIndex(0)
    page.ui.type_combo.setCurrentIndex(page.ui.type_combo.findData("msp"))
    assert page.model.ids() == [ids["colin"]]
    page.select([ids["colin"]])
    assert "MSP des Tilleuls" in page.ui.detail_browser.toPlainText()


def test_commune_ambassador_and_period_filters(window: MainWindow, service: CarnetService) -> None:
    ids = people(service)
    marie, paul = ambassador_id(service, "Marie Durand"), ambassador_id(service, "Paul Martin")
    register = service.register
    for day, who, person in (
        (date(2024, 9, 10), marie, "colin"),
        (date(2024, 10, 2), paul, "durand"),
        (date(2024, 11, 5), marie, "petit"),
    ):
        register.log_contact(
            Contact(day, who, Channel.PHONE, Mission.PROMOTION, "Appel", professional_ids=(ids[person],))
        )
    window.register_changed()
    page = window.pages.get("professionals")
    scope = page.ui.scope_filters.ui
    assert page.model is not None
    assert [scope.commune_combo.itemText(i) for i in range(scope.commune_combo.count())] == [
        "Toutes",
        "Nancy",
        "Toul",
    ]
    scope.commune_combo.setCurrentIndex(scope.commune_combo.findText("Toul"))
    assert sorted(page.model.ids()) == sorted([ids["colin"], ids["petit"]])
    scope.ambassador_combo.setCurrentIndex(scope.ambassador_combo.findData(marie))
    assert sorted(page.model.ids()) == sorted([ids["colin"], ids["petit"]])
    scope.period_combo.setCurrentIndex(scope.period_combo.findText("en septembre 2024"))
    assert page.model.ids() == [ids["colin"]]
    scope.period_combo.setCurrentIndex(scope.period_combo.findText("les 30 derniers jours"))
    assert page.model.ids() == [ids["petit"]]  # today is 15 November 2024
    scope.commune_combo.setCurrentIndex(0)
    scope.ambassador_combo.setCurrentIndex(scope.ambassador_combo.findData(paul))
    assert page.model.ids() == []
    assert page.ui.count_label.text() == "0 professionnel"
    page.ui.search_edit.setText("zzz")
    page.ui.status_combo.setCurrentIndex(2)
    scope.reset_button.click()
    assert page.ui.search_edit.text() == ""
    assert (page.ui.status_combo.currentIndex(), scope.period_combo.currentIndex()) == (0, 0)
    assert page.model.rowCount() == 3
    register.save_professional(Professional("Neuf", "Jean", "G15-60", commune="Lunéville"))
    window.register_changed()
    assert scope.commune_combo.findText("Lunéville") > 0
    scope.commune_combo.setEditText("luneville")  # typed without accent, then Tab
    line = scope.commune_combo.lineEdit()
    assert line is not None
    line.editingFinished.emit()
    assert page.ui.scope_filters.commune() == "Lunéville"
    assert page.model.rowCount() == 1
    scope.commune_combo.setEditText("Atlantide")
    line.editingFinished.emit()
    assert page.ui.scope_filters.commune() == ""
    assert scope.commune_combo.currentText() == "Toutes"

    structures = window.pages.get("structures")
    structures_scope = structures.ui.scope_filters.ui
    structures_scope.ambassador_combo.setCurrentIndex(structures_scope.ambassador_combo.findData(marie))
    assert structures.model is not None
    assert structures.model.ids() == []  # no contact with a structure yet
    assert not window.pages.get("solicitations").ui.scope_filters.ui.commune_combo.isVisibleTo(window)


def test_new_professional_warns_about_a_duplicate(
    window: MainWindow, service: CarnetService, prompts: Prompts
) -> None:
    ids = people(service)
    page = window.pages.get("professionals")
    dialog = page.new_professional()
    ui = dialog.ui
    ui.last_name_edit.setText("COLIN")
    ui.first_name_edit.setText("anne")
    ui.commune_edit.setText("Toul")
    ui.buttons.accepted.emit()
    assert dialog.isVisible()
    assert (
        "Déjà dans le registre ? Dr Anne Colin" in ui.message_label.text()
        or "Anne Colin" in ui.message_label.text()
    )
    assert not ui.not_duplicate_check.isHidden()
    ui.rpps_edit.setText("123")
    ui.not_duplicate_check.setChecked(True)
    ui.buttons.accepted.emit()
    assert "Numéro RPPS invalide" in ui.message_label.text()
    ui.rpps_edit.setText("10001045367")
    ui.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert page.model is not None
    assert page.model.rowCount() == 4
    assert service.register.professional(dialog.saved_id).rpps == "10001045367"
    twin = dialog.saved_id
    page.select([twin])
    page.merge_selected()
    assert (
        window.ui.statusbar.currentMessage()
        == "Sélectionnez les deux fiches de la même personne (Ctrl+clic)."
    )
    page.select([ids["colin"], twin])
    prompts.choice = page.selected_ids().index(ids["colin"])  # the two rows sort alike: keep Anne Colin
    page.merge_selected()
    assert prompts.asked[-1] == "Fusionner ces deux fiches ?"
    assert service.register.professional(ids["colin"]).rpps == "10001045367"
    assert twin not in service.register.professional_ids()
    assert page.model.rowCount() == 3
    assert window.ui.statusbar.currentMessage() == "Fiches fusionnées : Anne Colin."
    assert page.selected_ids() == [ids["colin"]]


def test_contact_with_time_feeds_the_carnet(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    ids = people(service)
    page = window.pages.get("professionals")
    page.refresh()
    page.select([ids["colin"]])
    dialog = page.new_contact()
    assert isinstance(dialog, ContactDialog)
    ui = dialog.ui
    listed = dialog.people
    checked = Qt.ItemDataRole.CheckStateRole
    assert listed.data(listed.index(0), checked) == Qt.CheckState.Checked  # the selected professional
    assert ui.time_check.isChecked()  # the time is noted unless told otherwise
    ui.date_edit.setDate(ui.date_edit.date().addDays(-60))  # 16/09/2024
    ui.subject_edit.setText("Présentation de Parceo")
    qtbot.keyClicks(ui.people_filter_edit, "petit")
    qtbot.waitUntil(lambda: listed.rowCount() == 2)
    assert listed.data(listed.index(1)) == "Léa Petit — Masseur-kinésithérapeute (Toul)"
    assert listed.setData(listed.index(1), Qt.CheckState.Checked.value, checked)
    ui.structure_combo.setCurrentIndex(ui.structure_combo.findData(ids["msp"]))
    ui.buttons.accepted.emit()
    assert dialog.isVisible()  # no time typed while « Noter aussi le temps passé » is checked
    assert "Indiquez le temps passé" in ui.message_label.text()
    ui.duration_edit.setText("1h30")
    ui.buttons.accepted.emit()
    assert not dialog.isVisible(), ui.message_label.text()
    (contact,) = service.register.contacts(service.register.contact_ids()).values()
    assert set(contact.professional_ids) == {ids["colin"], ids["petit"]}
    entry = service.entry(contact.time_entry_id or "")
    assert (entry.day, entry.minutes) == (date(2024, 9, 16), 90)
    assert service.register.structure(ids["msp"]).onboarding is Onboarding.MET
    assert "Présentation de Parceo" in page.ui.detail_browser.toPlainText()
    window.page.show_month(Month(2024, 9))
    assert window.page.model is not None
    assert window.page.model.rowCount() == 1


def test_structures_page_indicator_advance_and_merge(
    window: MainWindow, service: CarnetService, prompts: Prompts
) -> None:
    ids = people(service)
    twin = service.register.save_structure(Structure("MSP les Tilleuls", StructureType.MSP, commune="Toul"))
    page = window.pages.get("structures")
    page.refresh()
    assert "embarquées : <b>0 sur 2</b>" in page.ui.indicator_label.text()
    page.select([ids["msp"]])
    for _ in range(4):
        page.advance_selected()
    assert service.register.structure(ids["msp"]).onboarding is Onboarding.ONBOARDED
    assert "embarquées : <b>1 sur 2</b>" in page.ui.indicator_label.text()
    page.select([ids["msp"], twin])
    page.merge_selected()
    assert service.register.structure_ids() == [ids["msp"]]
    assert "embarquées : <b>1 sur 1</b>" in page.ui.indicator_label.text()


def test_solicitations_inbox_answer(window: MainWindow, service: CarnetService) -> None:
    ids = people(service)
    register = service.register
    request = register.save_solicitation(
        Solicitation(
            datetime(2024, 11, 10, 9, 0),
            Channel.PHONE,
            RequestCategory.ACCESS,
            "Mot de passe oublié",
            professional_id=ids["colin"],
        )
    )
    page = window.pages.get("solicitations")
    page.refresh()
    assert "dont 1 sans réponse" in page.ui.count_label.text()
    assert page.model is not None
    assert page.model.data(page.model.index(0, 1)) == "depuis 5 j"
    page.select([request])
    dialog = page.edit_selected(answering=True)
    assert dialog is not None
    assert dialog.ui.answered_check.isChecked()
    dialog.ui.resolution_edit.setPlainText("Réinitialisé")
    dialog.ui.buttons.accepted.emit()
    assert not dialog.isVisible(), dialog.ui.message_label.text()
    answered = register.solicitations([request])[request]
    assert answered.status is RequestStatus.ANSWERED
    assert "dont 0 sans réponse" in page.ui.count_label.text()


def test_follow_ups_and_erasure(window: MainWindow, service: CarnetService, prompts: Prompts) -> None:
    ids = people(service)
    register = service.register
    register.log_contact(
        Contact(
            date(2024, 9, 2),
            ambassador_id(service, "Marie Durand"),
            Channel.PHONE,
            Mission.PROMOTION,
            "Appel",
            professional_ids=(ids["petit"],),
            next_step="Envoyer la plaquette",
            next_step_due=date(2024, 11, 1),
        )
    )
    page = window.pages.get("follow_ups")
    page.refresh()
    due, stale = page.ui.due_view.model(), page.ui.stale_view.model()
    assert due.rowCount() == 1
    assert due.data(due.index(0, 1)) == "Envoyer la plaquette"
    assert due.data(due.index(0, 0)) == "01/11/2024"
    assert due.data(due.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None  # late: in red
    assert [stale.data(stale.index(0, c)) for c in (0, 3, 4)] == ["Léa Petit", "02/09/2024", "74 jours"]
    assert page.ui.stale_count_label.text() == "1 professionnel"
    page.ui.due_view.selectRow(0)
    page.mark_done()
    assert due.rowCount() == 0
    assert "0 étape" in page.ui.due_label.text()
    professionals = window.pages.get("professionals")
    professionals.refresh()
    professionals.select([ids["petit"]])
    window.page.ui.duration_edit.setText("1h")
    assert window.page.save_quick_entry()
    assert window.page.undo_stack.count() == 1
    professionals.erase_selected()
    assert "Effacer Léa Petit du registre ?" in prompts.asked
    assert window.page.undo_stack.count() == 0  # an undo must not write a name back
    assert ids["petit"] not in register.professional_ids(RegisterFilter())
    assert register.professional(ids["petit"]).anonymized


def test_register_export_and_personal_data(
    window: MainWindow, service: CarnetService, tmp_path: Path, prompts: Prompts
) -> None:
    ids = people(service)
    dialog = window.exports.export_register("structures")
    dialog.ui.folder_edit.setText(str(tmp_path))
    dialog.ui.pdf_check.setChecked(False)
    dialog.accept()
    (written,) = tmp_path.glob("structures-*.xlsx")
    assert openpyxl.load_workbook(written).sheetnames == ["Structures", "Par type"]
    page = window.pages.get("professionals")
    page.refresh()
    page.select([ids["colin"]])
    prompts.file = tmp_path / "donnees.xlsx"
    page.export_personal_data()
    identity = openpyxl.load_workbook(tmp_path / "donnees.xlsx")["Identité"]
    assert ("Nom", "Colin") in [(r[0], r[1]) for r in identity.iter_rows(values_only=True)]
    sites = openpyxl.load_workbook(tmp_path / "donnees.xlsx")["Lieux d'exercice (extrait RPPS)"]
    assert "Aucun lieu d'exercice importé." in [r[0] for r in sites.iter_rows(values_only=True)]


def test_record_model_passes_qt_checks(qtmodeltester: Any, service: CarnetService) -> None:
    people(service)
    model = RecordTableModel([RecordColumn("Nom", lambda p: p.last_name)], service.register.professionals)
    model.set_ids(service.register.professional_ids())
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["Colin", "Durandal", "Petit"]
    assert service.entry_ids(EntryFilter()) == []
