"""The register's lists on real widgets: follow-ups as models over ids, the structure checklist,
creating a professional while noting a contact, ligature-blind search and the F1 shortcut list."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTableWidget

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import (
    Channel,
    Contact,
    Professional,
    RegisterFilter,
    Structure,
    StructureType,
)
from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
from ambassadeur_app.gui.dialogs.professional_dialog import ProfessionalDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models.check_list import CheckListModel
from ambassadeur_app.gui.pages.follow_ups_page import FollowUpsPage
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id

CHECKED = Qt.ItemDataRole.CheckStateRole


def contact(service: CarnetService, day: date, *people: str, step: str = "", due: date | None = None) -> str:
    return service.register.log_contact(
        Contact(
            day,
            ambassador_id(service, "Marie Durand"),
            Channel.PHONE,
            Mission.PROMOTION,
            "Appel",
            professional_ids=people,
            next_step=step,
            next_step_due=due,
        )
    )


def column(model: Any, col: int) -> list[str]:
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def test_follow_ups_are_models_over_ids_in_order(
    qtbot: Any, qtmodeltester: Any, window: MainWindow, service: CarnetService
) -> None:
    register = service.register
    a, b, c = (
        register.save_professional(Professional(name, "Anne", "G15-10", commune="Toul"))
        for name in ("Aubry", "Bastien", "Colin")
    )
    contact(service, date(2024, 9, 2), a, step="Rappeler", due=date(2024, 11, 20))
    contact(service, date(2024, 9, 20), b, c, step="Envoyer la plaquette", due=date(2024, 11, 1))
    contact(service, date(2024, 11, 10), c)  # Colin has news: 5 days ago
    contact(service, date(2024, 8, 1), b, step="Trop loin", due=date(2024, 12, 31))
    page = window.pages.get("follow_ups")
    assert not page.findChildren(QTableWidget)
    window.ui.tabs.setCurrentWidget(page)  # the tab refreshes when shown
    due, stale = page.due_model, page.stale_model
    assert column(due, 1) == ["Envoyer la plaquette", "Rappeler"]  # late first; 31/12 is too far
    assert column(due, 2) == ["Anne Bastien, Anne Colin", "Anne Aubry"]
    assert due.data(due.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None  # late: red
    assert due.data(due.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert column(stale, 0) == ["Anne Aubry", "Anne Bastien"]  # oldest news first
    assert column(stale, 4) == ["74 jours", "56 jours"]
    assert page.ui.stale_count_label.text() == "2 professionnels"
    qtmodeltester.check(due)
    qtmodeltester.check(stale)
    page.ui.stale_view.selectRow(1)
    page.ui.stale_spin.setValue(60)  # only Aubry is without news for 60 days
    assert column(stale, 0) == ["Anne Aubry"]
    page.ui.stale_spin.setValue(30)
    opened: list[str] = []
    page.open_professional.connect(opened.append)
    page.ui.stale_view.setCurrentIndex(stale.index(1, 0))
    page.ui.open_stale_button.click()
    assert opened == [b]
    assert window.pages.get("professionals").selected_ids() == [b]


def test_follow_ups_keep_the_selection_and_mark_several_done(
    window: MainWindow, service: CarnetService
) -> None:
    register = service.register
    a = register.save_professional(Professional("Aubry", "Anne", "G15-10"))
    first = contact(service, date(2024, 11, 2), a, step="Un", due=date(2024, 11, 12))
    second = contact(service, date(2024, 11, 3), a, step="Deux", due=date(2024, 11, 13))
    contact(service, date(2024, 11, 4), a, step="Trois", due=date(2024, 11, 14))
    page: FollowUpsPage = window.pages.get("follow_ups")
    page.refresh()
    page.ui.due_view.selectRow(0)
    page.ui.due_view.selectionModel().select(
        page.due_model.index(1, 0),
        page.ui.due_view.selectionModel().SelectionFlag.Select
        | page.ui.due_view.selectionModel().SelectionFlag.Rows,
    )
    page.refresh()
    assert page._selected(page.ui.due_view, page.due_model) == [first, second]
    page.mark_done()
    assert column(page.due_model, 1) == ["Trois"]
    assert window.ui.statusbar.currentMessage() == "2 étapes marquées comme faite(s)."


def test_structure_checklist_filters_folded_and_keeps_the_checked(
    qtbot: Any, qtmodeltester: Any, service: CarnetService
) -> None:
    register = service.register
    ids = {
        name: register.save_structure(Structure(name, kind, commune=town))
        for name, kind, town in (
            ("Pharmacie du Centre", StructureType.PHARMACIE, "Toul"),
            ("MSP de Vandœuvre", StructureType.MSP, "Vandœuvre-lès-Nancy"),
            ("Centre hospitalier", StructureType.CH, "Lunéville"),
            ("EHPAD Les Tilleuls", StructureType.EHPAD, "Toul"),
        )
    }
    person = register.save_professional(
        Professional("Colin", "Anne", "G15-10", structure_ids=(ids["EHPAD Les Tilleuls"],))
    )
    dialog = ProfessionalDialog(service, register.professional(person))
    qtbot.addWidget(dialog)
    model, ui = dialog.structures_model, dialog.ui
    qtmodeltester.check(model)
    assert column(model, 0) == [  # the checked first, then by name
        "EHPAD Les Tilleuls (EHPAD, Toul)",
        "Centre hospitalier (Centre hospitalier, Lunéville)",
        "MSP de Vandœuvre (MSP, Vandœuvre-lès-Nancy)",
        "Pharmacie du Centre (Pharmacie, Toul)",
    ]
    assert ui.structures_count_label.text() == "1 cochée · 3 autres structures"
    qtbot.keyClicks(ui.structures_filter_edit, "vandoeuvre")  # no œ key on an AZERTY keyboard
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert model.data(model.index(1)) == "MSP de Vandœuvre (MSP, Vandœuvre-lès-Nancy)"
    dialog.show()
    ui.structures_list.setFocus()
    ui.structures_list.setCurrentIndex(model.index(1))
    qtbot.keyClick(ui.structures_list, Qt.Key.Key_Space)  # checked from the keyboard
    assert model.data(model.index(1), CHECKED) == Qt.CheckState.Checked
    ui.structures_filter_edit.setText("LUNEVILLE")
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert model.data(model.index(2)) == "Centre hospitalier (Centre hospitalier, Lunéville)"
    assert model.setData(model.index(0), Qt.CheckState.Unchecked.value, CHECKED)  # not the EHPAD
    ui.buttons.accepted.emit()
    assert not dialog.isVisible(), ui.message_label.text()
    assert register.professional(person).structure_ids == (ids["MSP de Vandœuvre"],)


def test_a_contact_creates_the_professional_on_the_spot(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    register = service.register
    msp = register.save_structure(Structure("MSP des Tilleuls", StructureType.MSP, commune="Toul"))
    known = register.save_professional(Professional("Colin", "Anne", "G15-10"))
    dialog = window.pages.get("professionals").new_contact()
    assert isinstance(dialog, ContactDialog)
    ui = dialog.ui
    assert ui.time_check.isChecked()
    assert ui.duration_edit.isEnabled()
    form = ui.form_layout
    time_row = form.getLayoutPosition(ui.time_layout)[0]
    assert time_row < form.getWidgetPosition(ui.subject_edit)[0]  # near the top, before the subject
    ui.structure_combo.setCurrentIndex(ui.structure_combo.findData(msp))
    ui.people_filter_edit.setText("Lefèvre")
    qtbot.waitUntil(lambda: dialog.people.rowCount() == 0)
    assert ui.people_count_label.text() == "0 trouvé"
    created = dialog.new_professional()
    assert isinstance(created, ProfessionalDialog)
    assert created.windowTitle() == "Nouveau professionnel"
    assert created.ui.last_name_edit.text() == "Lefèvre"
    assert created.ui.commune_edit.text() == "Toul"
    assert created.structures_model.checked_ids() == [msp]
    created.ui.first_name_edit.setText("Julie")
    created.ui.buttons.accepted.emit()
    assert not created.isVisible(), created.ui.message_label.text()
    new_id = created.saved_id
    assert dialog.people.checked_ids() == [new_id]
    assert dialog.people.data(dialog.people.index(0), CHECKED) == Qt.CheckState.Checked
    assert "Fiche créée dans le registre : Julie Lefèvre" in ui.message_label.text()
    assert known in dialog.people.ids()  # the search was cleared: everybody is listed again
    ui.subject_edit.setText("Présentation de Parceo")
    ui.duration_edit.setText("45 min")
    ui.buttons.accepted.emit()
    assert not dialog.isVisible(), ui.message_label.text()
    saved = register.contacts([dialog.saved_id])[dialog.saved_id]
    assert saved.professional_ids == (new_id,)
    assert service.entry(saved.time_entry_id or "").minutes == 45
    assert register.professional(new_id).structure_ids == (msp,)


def test_search_folds_ligatures_everywhere(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    register = service.register
    register.save_structure(Structure("Clinique du Sacré-Cœur", StructureType.CLINIQUE, commune="Nancy"))
    person = register.save_professional(
        Professional("Lætitia", "Marie", "G15-10", commune="Vandœuvre-lès-Nancy")
    )
    assert register.professional_ids(RegisterFilter(text="vandoeuvre")) == [person]
    assert register.professional_ids(RegisterFilter(text="LAETITIA")) == [person]
    assert register.professional_ids(RegisterFilter(text="lætitia vandœuvre")) == [person]
    page = window.pages.get("structures")
    window.ui.tabs.setCurrentWidget(page)
    qtbot.keyClicks(page.ui.search_edit, "sacre-coeur")
    qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() == 1)
    assert page.model is not None
    assert page.model.data(page.model.index(0, 0)) == "Clinique du Sacré-Cœur"


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """The (keys, what) rows F1 shows, whatever their group."""
    cells = [line.strip("\xa0 ") for line in shortcut_text(window).splitlines() if line.strip()]
    return list(pairwise(cells))


def shortcut_text(window: MainWindow) -> str:
    box = window.show_shortcuts()
    document = QTextDocument()
    document.setHtml(box.text())
    box.close()
    return document.toPlainText()


def test_f1_lists_every_shortcut_from_the_actions(qtbot: Any, window: MainWindow) -> None:
    text = shortcut_text(window)
    rows = shortcut_rows(window)
    tabs = ("Carnet d'heures", "Professionnels", "Structures", "Sollicitations", "Relances")
    for number, tab in enumerate(tabs):
        assert (f"Ctrl+{number + 1}", f"Onglet « {tab} »") in rows
    for keys, what in (
        ("Ctrl+Maj+P", "Nouveau professionnel"),
        ("Ctrl+Maj+S", "Nouvelle structure"),
        ("Ctrl+Maj+C", "Noter un contact"),
        ("Ctrl+Maj+O", "Nouvelle sollicitation"),
        ("Ctrl+Maj+E", "Exporter les tableaux de justification"),
        ("Ctrl+Page préc.", "Mois précédent"),
        ("Suppr", "Supprimer"),
        ("F1", "Raccourcis clavier"),
    ):
        assert (keys, what) in rows
    assert "&" not in text
    assert "…" not in text
    described = {what for _, what in rows}
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.isVisible():
            assert action.text().replace("&", "").removesuffix("…") in described
    # a shortcut added later shows up by itself: the list cannot drift
    extra = QAction("Action ajoutée plus tard", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(extra)
    assert ("Ctrl+Alt+J", "Action ajoutée plus tard") in shortcut_rows(window)


def test_f1_key_opens_the_list(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)

    def shown() -> bool:
        boxes = [b for b in window.findChildren(QMessageBox) if b.windowTitle() == "Raccourcis clavier"]
        return any(b.isVisible() and "Ctrl+5" in b.text() for b in boxes)

    qtbot.waitUntil(shown)


def test_check_list_model_passes_qt_checks(qtmodeltester: Any) -> None:
    model = CheckListModel(lambda ids: {i: i.upper() for i in ids})
    model.set_checked(["b"])
    model.set_ids(["a", "b", "c"])
    qtmodeltester.check(model)
    assert model.ids() == ["b", "a", "c"]
    assert column(model, 0) == ["B", "A", "C"]
