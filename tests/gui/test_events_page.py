"""The events tab driven like a user: create an event, invite from the register's filters, print
the sign-in sheet, record attendance with walk-ins, log time, delete and undo, the catalogue."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ambassadeur_app.domain.events import (
    Event,
    EventKind,
    EventStatus,
    InvitationChannel,
    NationalService,
    Session,
    TrainingModule,
)
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import StructureType
from ambassadeur_app.gui.dialogs.attendance_dialog import AttendanceDialog
from ambassadeur_app.gui.dialogs.event_dialog import EventDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models.events import PERSON_COLUMNS
from ambassadeur_app.gui.pages.events_page import EventsPage
from ambassadeur_app.gui.shortcuts import window_shortcuts
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id, plain
from tests.gui.conftest import Prompts
from tests.gui.test_register_pages import people as register_people

DAY = date(2024, 10, 8)


@pytest.fixture
def people(service: CarnetService) -> dict[str, str]:
    """Anne Colin (médecin, MSP of Toul), Luc Durandal (infirmier, Nancy), Léa Petit (Toul)."""
    return register_people(service)


def workshop(service: CarnetService, sessions: int = 1) -> str:
    return service.events.save_event(
        Event(
            EventKind.WORKSHOP,
            Mission.PROMOTION,
            "Atelier Parceo à Toul",
            tuple(Session(DAY, time(9 + 4 * n, 0), time(12 + 4 * n, 0)) for n in range(sessions)),
            place="Mairie de Toul",
            speakers=("Dr Fontaine",),
        )
    )


def events_page(window: MainWindow, select: str = "") -> EventsPage:
    page = window.pages.show("events")
    assert isinstance(page, EventsPage)
    if select:
        page.select([select])
    return page


def test_create_an_event_through_the_dialog(window: MainWindow, service: CarnetService) -> None:
    module = service.events.save_module(TrainingModule("Prendre en main Parceo", 120))
    page = events_page(window)
    assert page.ui.count_label.text() == "0 événement"
    dialog = page.new_event()
    ui = dialog.ui
    dialog.accept()  # no title: the domain's message, the dialog stays open
    assert dialog.isVisible()
    assert "Indiquez le titre de l'événement" in ui.message_label.text()
    ui.title_edit.setText("Formation  Parceo ")
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData(EventKind.TRAINING.value))
    assert ui.mission_combo.currentData() == Mission.FORMATION.value  # follows the kind
    ui.place_edit.setText("Locaux de la CPTS")
    ui.day_edit_1.setDate(DAY)
    ui.session_check_2.setChecked(True)
    dialog.accept()  # a training session without its module
    assert "Choisissez le module du catalogue" in ui.message_label.text()
    assert dialog.focusWidget() is ui.module_combo
    ui.module_combo.setCurrentIndex(ui.module_combo.findData(module))
    marie = ambassador_id(service, "Marie Durand")
    dialog.organiser_checks[marie].setChecked(True)
    ui.speakers_edit.setPlainText("Dr Fontaine\n\nFormateur Pulsy")
    dialog.accept()
    assert not dialog.isVisible()
    (event_id,) = service.events.event_ids()
    event = service.events.event(event_id)
    assert event.title == "Formation Parceo"
    assert event.kind is EventKind.TRAINING
    assert event.module_id == module
    assert [s.day for s in event.sessions] == [DAY, date(2024, 10, 9)]  # the second row: the next day
    assert event.organiser_ids == (marie,)
    assert event.speakers == ("Dr Fontaine", "Formateur Pulsy")
    assert page.selected_ids() == [event_id]
    assert page.ui.count_label.text() == "1 événement"
    assert "Prendre en main Parceo" in page.ui.detail_browser.toPlainText()


def test_list_filters_and_keys(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    first = workshop(service)
    other = service.events.save_event(
        Event(
            EventKind.WEBINAR,
            Mission.PROMOTION,
            "Webinaire messagerie",
            (Session(date(2024, 11, 4), time(12, 0), time(13, 0)),),
            online=True,
            link="https://visio.example.org/parceo",
            status=EventStatus.CANCELLED,
        )
    )
    page = events_page(window)
    assert page.model is not None
    assert page.model.ids() == [first, other]  # by date
    assert page.model.data(page.model.index(1, 4)) == "0"  # invited
    qtbot.keyClicks(page.ui.search_edit, "webin")
    qtbot.waitUntil(lambda: page.model is not None and page.model.ids() == [other])
    page.ui.search_edit.clear()
    qtbot.waitUntil(lambda: page.model is not None and len(page.model.ids()) == 2)
    page.ui.status_combo.setCurrentIndex(page.ui.status_combo.findData(EventStatus.CANCELLED.value))
    assert page.model.ids() == [other]
    page.ui.status_combo.setCurrentIndex(0)
    period = page.ui.scope_filters.ui.period_combo
    period.setCurrentIndex(period.findData("2024-10-01"))
    assert page.model.ids() == [first]
    page.reset_filters()
    # Entrée edits the selected event, Ctrl+N opens a new one (before the window's « new entry »).
    page.select([first])
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_Return)
    editing = [d for d in page.findChildren(EventDialog) if d.isVisible()]
    assert [d.original.id for d in editing] == [first]
    editing[0].reject()
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    fresh = [d for d in page.findChildren(EventDialog) if d.isVisible()]
    assert [d.original.id for d in fresh] == [""]
    fresh[0].reject()


def test_delete_with_undo(
    qtbot: Any, window: MainWindow, service: CarnetService, people: dict[str, str]
) -> None:
    event_id = workshop(service)
    service.events.invite(event_id, [people["colin"]], DAY)
    page = events_page(window, event_id)
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_Delete)
    assert service.events.event_ids() == []
    assert page.model is not None
    assert page.model.rowCount() == 0
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.events.event_ids() == [event_id]
    assert page.model.ids() == [event_id]
    assert [i.professional_id for i in service.events.invitations(event_id)] == [people["colin"]]
    qtbot.keyClick(
        page.ui.table_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert service.events.event_ids() == []
    # The window's history: Édition > Annuler, from any tab, brings the event back.
    assert window.page.undo_stack.count() == 1
    window.pages.show("carnet")
    window.page.undo_stack.undo()
    assert service.events.event_ids() == [event_id]


def test_invite_from_a_filter_print_the_sheet_and_uninvite(
    window: MainWindow, service: CarnetService, people: dict[str, str], prompts: Prompts, tmp_path: Path
) -> None:
    event_id = workshop(service, sessions=2)
    page = events_page(window, event_id)
    dialog = page.invite_selected()
    assert dialog is not None
    ui = dialog.ui
    assert dialog.model.rowCount() == 3
    communes = ui.scope_filters.ui.commune_combo
    communes.setCurrentIndex(communes.findData("Toul"))
    assert set(dialog.model.ids()) == {people["colin"], people["petit"]}
    ui.type_combo.setCurrentIndex(ui.type_combo.findData(StructureType.MSP.value))
    assert dialog.model.ids() == [people["colin"]]
    ui.type_combo.setCurrentIndex(0)
    dialog.check_all()
    assert "2 invités" in ui.count_label.text()
    ui.channel_combo.setCurrentIndex(ui.channel_combo.findData(InvitationChannel.MAIL.value))
    ui.date_edit.setDate(date(2024, 9, 20))
    dialog.accept()
    invitations = service.events.invitations(event_id)
    assert {i.professional_id for i in invitations} == {people["colin"], people["petit"]}
    assert {(i.invited_on, i.channel) for i in invitations} == {(date(2024, 9, 20), InvitationChannel.MAIL)}
    assert "2 invitations du 20/09/2024 (courrier)" in window.ui.statusbar.currentMessage()
    detail = plain(page.ui.detail_browser.toPlainText())
    assert "2 invités · 0 présent" in detail
    assert "Anne Colin" in detail
    assert "Léa Petit" in detail

    prompts.file = tmp_path / "feuille"
    written = page.write_sheet()
    assert written == tmp_path / "feuille.pdf"
    assert prompts.opened == [written]
    text = "".join(p.extract_text() for p in PdfReader(written).pages)
    assert "COLIN" in text.upper()
    assert "PETIT" in text.upper()
    assert "DURANDAL" not in text.upper()

    again = page.invite_selected()
    assert again is not None
    assert again.model.ids()[:2] == [people["colin"], people["petit"]] or set(again.model.checked_ids()) == {
        people["colin"],
        people["petit"],
    }
    again.model.set_checked([people["colin"]])
    again.accept()
    assert [i.professional_id for i in service.events.invitations(event_id)] == [people["colin"]]


def test_attendance_by_keyboard_and_walk_ins(
    qtbot: Any, qtmodeltester: Any, window: MainWindow, service: CarnetService, people: dict[str, str]
) -> None:
    event_id = workshop(service, sessions=2)
    service.events.invite(event_id, [people["colin"], people["petit"]], DAY)
    page = events_page(window, event_id)
    dialog = page.attendance_selected()
    assert isinstance(dialog, AttendanceDialog)
    qtmodeltester.check(dialog.model)
    table = dialog.ui.table_view
    assert [row.person.last_name for row in dialog.model.rows] == ["Colin", "Petit"]
    assert table.currentIndex().column() == len(PERSON_COLUMNS)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    (attendance,) = service.events.attendances(event_id)
    assert attendance.professional_id == people["colin"]
    assert attendance.present == (True, False)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert service.events.attendances(event_id)[0].present == (True, True)
    assert plain(dialog.ui.count_label.text()) == "<b>1 présent</b> sur 2 invités · par demi-journée : 1, 1"

    # A walk-in typed in capitals who is in the register: matched, not doubled.
    before = len(service.register.professional_ids())
    ui = dialog.ui
    qtbot.keyClicks(ui.last_name_edit, "DURANDAL")
    qtbot.keyClicks(ui.first_name_edit, "Luc")
    ui.profession_combo.setEditText("infirmier")
    qtbot.keyClicks(ui.commune_edit, "Nancy")
    qtbot.keyClick(ui.commune_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Entrée adds the person, it does not close the dialog
    assert "trouvé(e) dans le registre (pas de doublon)" in ui.message_label.text()
    assert len(service.register.professional_ids()) == before
    marks = {a.professional_id: (a.present, a.walk_in) for a in service.events.attendances(event_id)}
    assert marks[people["durand"]] == ((True, True), True)
    # A newcomer: created in the register, once, however often typed.
    said = []
    for _ in range(2):
        qtbot.keyClicks(ui.last_name_edit, "Benali")
        qtbot.keyClicks(ui.first_name_edit, "Nadia")
        ui.profession_combo.setEditText("Infirmier")
        qtbot.keyClicks(ui.commune_edit, "Laxou")
        ui.add_button.click()
        said.append(ui.message_label.text())
    assert "Nadia Benali (Laxou) ajouté(e) au registre" in said[0]
    assert "trouvé(e) dans le registre" in said[1]
    assert len(service.register.professional_ids()) == before + 1
    assert len(service.events.attendances(event_id)) == 3
    assert "(dont 2 venus sans invitation)" in plain(dialog.ui.count_label.text())
    assert [row.person.last_name for row in dialog.model.rows] == ["Colin", "Petit", "Benali", "Durandal"]
    ui.profession_combo.setEditText("astronaute")
    ui.add_button.click()
    assert "Choisissez la profession dans la liste." in ui.message_label.text()
    dialog.reject()
    detail = plain(page.ui.detail_browser.toPlainText())
    assert "2 invités · 3 présents (dont 2 venus sans invitation)" in detail
    assert "Infirmier\t2" in detail or "Infirmier 2" in detail.replace("\n", " ")
    assert page.model is not None
    assert page.model.data(page.model.index(0, 5)) == "3"


def test_log_time_from_the_event(window: MainWindow, service: CarnetService) -> None:
    event_id = workshop(service)
    page = events_page(window, event_id)
    dialog = page.log_time()
    assert dialog is not None
    assert dialog.ui.duration_edit.text() == "3\u00a0h"  # the event's length
    dialog.ui.duration_edit.setText("2h")
    dialog.accept()
    (entry_id,) = service.events.time_entry_ids(event_id)
    entry = service.entry(entry_id)
    assert (entry.day, entry.minutes, entry.mission) == (DAY, 120, Mission.PROMOTION)
    assert entry.description == "Atelier Parceo à Toul"
    assert "Total 2 h" in plain(page.ui.detail_browser.toPlainText()).replace("\t", " ").replace("\n", " ")


def test_catalogue(window: MainWindow, service: CarnetService, prompts: Prompts) -> None:
    page = events_page(window)
    catalogue = page.show_catalogue()
    assert catalogue.model.rowCount() == 0
    dialog = catalogue.new_module()
    dialog.ui.title_edit.setText("INSi dans Parceo")
    dialog.ui.duration_edit.setText("90 min")
    dialog.ui.insi_check.setChecked(True)
    dialog.accept()
    (module_id,) = service.events.module_ids()
    module = service.events.module(module_id)
    assert (module.title, module.minutes, module.services) == ("INSi dans Parceo", 90, {NationalService.INSI})
    assert catalogue.selected_id() == module_id
    edit = catalogue.edit_selected()
    assert edit is not None
    edit.ui.audience_edit.setText("Secrétaires médicales")
    edit.accept()  # the duration shown (« 1 h 30 ») reads back the same
    assert service.events.module(module_id).minutes == 90
    assert "Secrétaires médicales" in catalogue.ui.detail_browser.toPlainText()
    bad = catalogue.new_module()
    bad.ui.title_edit.setText("Trop long")
    bad.ui.duration_edit.setText("200h")
    bad.accept()
    assert bad.isVisible()
    assert "durée" in bad.ui.message_label.text()
    bad.reject()
    service.events.save_event(
        Event(
            EventKind.TRAINING,
            Mission.FORMATION,
            "Session INSi",
            (Session(DAY, time(14, 0), time(15, 30)),),
            place="CPTS",
            module_id=module_id,
        )
    )
    catalogue.refresh(module_id)
    assert "Session INSi" in catalogue.ui.detail_browser.toPlainText()
    catalogue.delete_selected()  # used by a session: refused, said in the dialog
    assert service.events.module_ids() == [module_id]
    assert "session" in catalogue.ui.message_label.text()


def test_forfait_line_and_f1_list(window: MainWindow, service: CarnetService) -> None:
    page = events_page(window)
    assert "Forfait événements : 0,00 € engagés sur 1 600,00 €" in plain(page.ui.indicator_label.text())
    groups = dict(window_shortcuts(window, lambda s: "", []))
    keys = dict(groups["Onglet « Événements »"])
    assert keys["Ctrl+N"] == "Nouvel événement"
    assert "Suppr" in keys
    assert "Entrée" in keys


def test_signed_sheet_and_expenses(
    window: MainWindow, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    from ambassadeur_app.gui.dialogs.expenses_dialog import ExpensesDialog

    event_id = workshop(service)
    page = events_page(window, event_id)
    scan = tmp_path / "feuille-signee.pdf"
    page_written = service.events.write_sign_in_sheet(event_id, scan)
    prompts.file = page_written
    page.attach_sheet()
    (sheet,) = service.expenses.sign_in_sheets(event_id)
    assert service.expenses.attachment_path(sheet).read_bytes() == scan.read_bytes()
    assert "Feuille signée jointe : feuille-signee.pdf" in page.ui.detail_browser.toPlainText()
    dialog = page.expenses_selected()
    assert isinstance(dialog, ExpensesDialog)
    assert dialog.isVisible()
    dialog.reject()
    everything = page.show_expenses(None)
    assert everything.isVisible()
    everything.reject()


def test_questionnaires_open_from_the_page(window: MainWindow, service: CarnetService) -> None:
    from ambassadeur_app.gui.dialogs.survey_dialog import SurveyDialog, ToolSurveysDialog

    event_id = workshop(service)
    page = events_page(window)
    assert page.show_survey() is None  # nothing selected: said on the status bar
    assert window.ui.statusbar.currentMessage() == "Sélectionnez un événement."
    page.select([event_id])
    dialog = page.show_survey()
    assert isinstance(dialog, SurveyDialog)
    assert dialog.isVisible()
    dialog.reject()
    tool = page.show_tool_surveys()
    assert isinstance(tool, ToolSurveysDialog)
    assert tool.isVisible()
    tool.reject()
