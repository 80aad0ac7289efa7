"""The events' documents from the app, on the demo carnet: the invitation e-mail draft and the
calendar file, the event's file in Excel and PDF from the events tab, and the events'
justification tables from the export dialog; every file read back."""

from __future__ import annotations

import email
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.events import EventKind
from ambassadeur_app.domain.text import fold
from ambassadeur_app.gui import prompts as gui_prompts
from ambassadeur_app.gui.dialogs.register_export_dialog import EVENT_DOCUMENTS, RegisterExportDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages.events_page import EventsPage
from ambassadeur_app.reports.event_tables import KINDS
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import plain
from tests.gui.conftest import Prompts

OPEN_PATH = gui_prompts.open_path  # the real one, before the ``prompts`` fixture replaces it
WORKSHOP = "Atelier d'information Parceo — soirée de la CPTS"


@pytest.fixture
def service(carnet_path: Path) -> Iterator[CarnetService]:
    """The demo carnet built on its reference day (instead of the GUI tests' empty carnet)."""
    svc = open_service(carnet_path, create=True, today=lambda: REFERENCE_DAY)
    build_demo(svc)
    yield svc
    svc.close()


@pytest.fixture
def opened(prompts: Prompts, monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs the app asks the system to open, recorded instead of launching anything."""
    urls: list[QUrl] = []
    monkeypatch.setattr(gui_prompts, "open_path", OPEN_PATH)
    monkeypatch.setattr(QDesktopServices, "openUrl", urls.append)
    return urls


def workshop_page(window: MainWindow, service: CarnetService) -> tuple[EventsPage, str]:
    (event_id,) = [
        i for i, e in service.events.events(service.events.event_ids()).items() if e.title == WORKSHOP
    ]
    page = window.pages.show("events")
    assert isinstance(page, EventsPage)
    page.select([event_id])
    return page, event_id


def invitees(service: CarnetService, event_id: str) -> list[tuple[str, str, str]]:
    """Return each invitee's last name, first name and e-mail."""
    people = service.register.professionals(i.professional_id for i in service.events.invitations(event_id))
    return [(p.last_name, p.first_name, p.email) for p in people.values()]


def test_invitation_email_draft_opened_with_the_invitees_in_bcc(
    window: MainWindow, service: CarnetService, prompts: Prompts, opened: list[QUrl], tmp_path: Path
) -> None:
    page, event_id = workshop_page(window, service)
    first = service.register.professional(service.events.invitations(event_id)[0].professional_id)
    service.register.save_professional(replace(first, email=""))  # to be invited another way
    prompts.file = tmp_path / "invitation"  # no extension typed: .eml added
    page.ui.email_button.click()
    out = tmp_path / "invitation.eml"
    assert opened == [QUrl.fromLocalFile(str(out))]
    mail = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert isinstance(mail, EmailMessage)
    expected = {address.casefold() for _, _, address in invitees(service, event_id) if address}
    assert len(expected) == len(service.events.invitations(event_id)) - 1
    assert {a.addr_spec.casefold() for a in mail["Bcc"].addresses} == expected
    assert first.email.casefold() not in str(mail).casefold()
    assert WORKSHOP in mail["Subject"]
    (attachment,) = mail.iter_attachments()
    assert attachment.get_content_type() == "text/calendar"
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [WORKSHOP]
    status = plain(window.ui.statusbar.currentMessage())
    assert f"{len(expected)} invités en copie cachée (Cci)." in status
    name = f"{first.first_name} {first.last_name}"
    assert f"1 invité sans adresse e-mail utilisable, à inviter autrement : {name}." in status
    notice = page.findChild(QMessageBox, "invitation_notice")
    assert notice is not None
    assert notice.isVisible()
    assert name in notice.informativeText()
    notice.close()


def test_calendar_file_of_the_event(
    window: MainWindow, service: CarnetService, prompts: Prompts, opened: list[QUrl], tmp_path: Path
) -> None:
    page, event_id = workshop_page(window, service)
    prompts.file = tmp_path / "agenda.ics"
    page.ui.ics_button.click()
    calendar = Calendar.from_ical((tmp_path / "agenda.ics").read_bytes())
    paris = ZoneInfo("Europe/Paris")
    starts = [e.decoded("DTSTART").astimezone(paris).replace(tzinfo=None) for e in calendar.walk("VEVENT")]
    (session,) = service.events.event(event_id).sessions
    assert starts == [datetime.combine(session.day, session.start)]
    assert opened == []  # opening it would add the event to the user's own agenda
    assert "Fichier d'agenda écrit" in window.ui.statusbar.currentMessage()


def test_event_file_in_excel_and_pdf(
    window: MainWindow, service: CarnetService, prompts: Prompts, opened: list[QUrl], tmp_path: Path
) -> None:
    page, event_id = workshop_page(window, service)
    menu = page.ui.dossier_button.menu()
    assert [a.text() for a in menu.actions()] == ["Classeur E&xcel (.xlsx)…", "&PDF…"]
    prompts.file = tmp_path / "dossier.xlsx"
    menu.actions()[0].trigger()
    cells = {
        str(value)
        for sheet in openpyxl.load_workbook(tmp_path / "dossier.xlsx").worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    people = invitees(service, event_id)
    assert len(people) == 55
    assert {(last, first) for last, first, _ in people if last not in cells or first not in cells} == set()
    prompts.file = tmp_path / "dossier"
    menu.actions()[1].trigger()
    text = fold(" ".join(p.extract_text() for p in PdfReader(tmp_path / "dossier.pdf").pages))
    assert {last for last, _, _ in people if fold(last) not in text} == set()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / name)) for name in ("dossier.xlsx", "dossier.pdf")]


def expected_cells(service: CarnetService, kind: str) -> set[str]:
    """Return texts each table must hold, read from the carnet itself."""
    events = service.events.events(service.events.event_ids())
    modules = service.events.modules(service.events.module_ids())
    if kind == "ateliers":
        return {e.title for e in events.values() if e.kind is not EventKind.TRAINING}
    if kind == "formations":
        return {modules[e.module_id].title for e in events.values() if e.module_id}
    if kind == "catalogue":
        return {m.title for m in modules.values()}
    if kind == "questionnaire-outil":
        surveys = [service.surveys.survey(i) for i in service.surveys.tool_survey_ids()]
        return {question.text for survey in surveys for question in survey.questions}
    expenses = service.expenses.expenses(service.expenses.expense_ids())
    return {e.number for e in expenses.values()} | {e.supplier for e in expenses.values()}


def test_event_tables_from_the_export_dialog(
    window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    dialog = RegisterExportDialog(service, tmp_path, "contacts", window)
    ui = dialog.ui
    assert ui.first_edit.isVisibleTo(dialog)
    assert not ui.period_note.isVisibleTo(dialog)
    labels = [ui.kind_combo.itemText(i) for i in range(ui.kind_combo.count())]
    assert labels[5] == ""  # the separator between the register's tables and the events'
    assert labels[6:] == list(EVENT_DOCUMENTS.values())
    ui.last_edit.setDate(ui.first_edit.date().addDays(-1))
    dialog.accept()
    assert dialog.request is None  # the register's tables need a period
    reader = open_service(service.path, readonly=True, today=lambda: REFERENCE_DAY)  # as the export task
    try:
        for kind in EVENT_DOCUMENTS:
            ui.kind_combo.setCurrentIndex(ui.kind_combo.findData(kind))
            assert ui.period_note.isVisibleTo(dialog)
            assert not ui.first_edit.isVisibleTo(dialog)
            dialog.accept()  # the period hidden does not count
            request = dialog.request
            assert request is not None
            assert request.kind == kind
            assert request.formats == ("pdf", "xlsx")
            written = request.write(reader)
            assert written == [tmp_path / f"{kind}-2026-02-27.pdf", tmp_path / f"{kind}-2026-02-27.xlsx"]
            book = openpyxl.load_workbook(written[1])
            cells = {str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r if v}
            expected = expected_cells(service, kind)
            assert expected
            assert expected <= cells
            assert cells >= {f"{KINDS[kind]} — {book.worksheets[0].title}"}
            text = plain(" ".join(p.extract_text() for p in PdfReader(written[0]).pages))
            assert KINDS[kind] in text
    finally:
        reader.close()
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData("structures"))
    assert ui.first_edit.isVisibleTo(dialog)
    assert ui.period_label.text() == "&Période du"


def test_a_document_that_cannot_be_written_is_said_and_not_opened(
    window: MainWindow, service: CarnetService, prompts: Prompts, opened: list[QUrl], tmp_path: Path
) -> None:
    page, _ = workshop_page(window, service)
    prompts.file = tmp_path / "absent" / "invitation.eml"
    assert page.write_invitation("eml") is None
    assert page.write_dossier("pdf") is None
    boxes = [b for b in page.findChildren(QMessageBox) if b.objectName() == "error_box"]
    assert len(boxes) == 2
    assert all("absent" in b.text() for b in boxes)
    assert opened == []
    assert not (tmp_path / "absent").exists()
