"""The agenda review dialog, driven by the keyboard on a real .ics file: accept, dismiss, edit in
place, save in one step, and Édition > Annuler takes it all back. The file is read in a worker
thread and compared with the carnet in the GUI thread; an event cancelled since its import keeps
its entry until the user chooses to remove it."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from ambassadeur_app.domain.agenda import Proposal
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.gui.dialogs.agenda_dialog import (
    ACTIVITY,
    DECISION,
    DESCRIPTION,
    DURATION,
    REMARKS,
    STATE,
    AgendaDialog,
    Decision,
    importer,
)
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.importers.agenda import Agenda
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.agenda import AgendaService
from tests.conftest import plain
from tests.gui.conftest import Prompts
from tests.unit.test_agenda import AGENDAS

_EVENT = """BEGIN:VEVENT
UID:{uid}
DTSTAMP:20241101T090000Z
DTSTART{start}
DTEND{end}
SUMMARY:{summary}
LOCATION:{place}
END:VEVENT
"""
EVENTS = [
    ("visite-toul", ";TZID=Europe/Paris:20241105T093000", ";TZID=Europe/Paris:20241105T110000",
     "Visite MSP de Toul", "MSP de Toul"),
    ("dejeuner", ";TZID=Europe/Paris:20241106T120000", ";TZID=Europe/Paris:20241106T133000",
     "Déjeuner", "Brasserie"),
    ("formation", ";TZID=Europe/Paris:20241106T140000", ";TZID=Europe/Paris:20241106T160000",
     "Formation Parceo infirmiers", "Nancy"),
    ("pont", ";VALUE=DATE:20241108", ";VALUE=DATE:20241109", "Pont", ""),
    ("plus-tard", ";TZID=Europe/Paris:20241120T100000", ";TZID=Europe/Paris:20241120T110000",
     "Réunion CPTS", "Lunéville"),
]  # fmt: skip

FORMATION = "Formation Parceo des infirmiers libéraux"


@pytest.fixture
def agenda(tmp_path: Path) -> Path:
    """A Thunderbird-like agenda of November 2024 (Paris time)."""
    events = "".join(
        _EVENT.format(uid=f"{uid}@example.org", start=start, end=end, summary=summary, place=place)
        for uid, start, end, summary, place in EVENTS
    )
    path = tmp_path / "agenda.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\n"
        f"{events}END:VCALENDAR\n",
        encoding="utf-8",
    )
    return path


def _open(qtbot: Any, window: MainWindow, prompts: Prompts, path: Path) -> AgendaDialog:
    prompts.file = path
    action = window.findChild(QAction, "action_import_agenda")
    assert action is not None
    assert plain(action.shortcut().toString()) == "Ctrl+Shift+A"
    action.trigger()
    dialogs = window.findChildren(AgendaDialog)
    assert dialogs
    dialog = dialogs[-1]
    qtbot.waitUntil(lambda: not dialog.running)  # the pool may be a real one
    return dialog


def _entries(service: CarnetService) -> list[tuple[Any, ...]]:
    return service.carnet.db.execute(
        "SELECT day, start_time, minutes, activity, description, place FROM time_entries "
        "WHERE deleted_at IS NULL ORDER BY day, start_time"
    ).fetchall()


def _cell(dialog: AgendaDialog, row: int, column: int) -> str:
    return plain(str(dialog.model.index(row, column).data()))


def test_review_with_the_keyboard_save_and_undo(
    qtbot: Any, qtmodeltester: Any, window: MainWindow, prompts: Prompts, agenda: Path
) -> None:
    dialog = _open(qtbot, window, prompts, agenda)
    qtmodeltester.check(dialog.model)
    model, view = dialog.model, dialog.ui.review_view
    # Up to today (15/11): the meeting of the 20th is not proposed yet.
    assert [_cell(dialog, row, DESCRIPTION) for row in range(model.rowCount())] == [
        "Visite MSP de Toul",
        "Déjeuner",
        "Formation Parceo infirmiers",
        "Pont",
    ]
    assert [row.decision for row in model.rows] == [
        Decision.ACCEPT,
        Decision.DISMISS,
        Decision.ACCEPT,
        Decision.DISMISS,
    ]
    assert "Écartée : journée entière" in _cell(dialog, 3, REMARKS)
    assert _cell(dialog, 1, DECISION) == "✖ Écartée"
    assert plain(dialog.ui.counts_label.text()).startswith("4 propositions : <b>2 acceptées</b> (3 h 30)")
    qtbot.waitUntil(view.hasFocus)

    # Row 1 (Visite): E dismisses it and moves down; on « Déjeuner », Espace accepts it.
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert model.rows[0].decision is Decision.DISMISS
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.rows[1].decision is Decision.ACCEPT
    # Back on the first row, A accepts it again.
    view.setCurrentIndex(model.index(0, DECISION))
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert model.rows[0].decision is Decision.ACCEPT

    # Entrée on a column that cannot be edited edits the description; typing replaces it.
    view.setCurrentIndex(model.index(2, DECISION))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == view.State.EditingState
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None
    assert editor.text() == "Formation Parceo infirmiers"
    editor.setText(FORMATION)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits at the next turn of the loop
    qtbot.waitUntil(lambda: _cell(dialog, 2, DESCRIPTION) == FORMATION)
    # The duration and the activity are edited in place too.
    assert model.setData(model.index(2, DURATION), "1h45")
    assert model.setData(model.index(2, ACTIVITY), "Session de formation")
    assert not model.setData(model.index(2, DURATION), "beaucoup")
    assert "Durée invalide" in dialog.ui.message_label.text()

    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves
    assert dialog.result() == AgendaDialog.DialogCode.Accepted
    assert _entries(window.service) == [
        ("2024-11-05", "09:30", 90, "Rencontre / visite", "Visite MSP de Toul", "MSP de Toul"),
        ("2024-11-06", "12:00", 90, "Rencontre / visite", "Déjeuner", "Brasserie"),
        ("2024-11-06", "14:00", 105, "Session de formation", FORMATION, "Nancy"),
    ]
    decisions = window.service.carnet.db.execute(
        "SELECT uid, decision FROM agenda_items WHERE deleted_at IS NULL ORDER BY uid"
    ).fetchall()
    assert decisions == [
        ("dejeuner@example.org", "accepted"),
        ("formation@example.org", "accepted"),
        ("pont@example.org", "dismissed"),
        ("visite-toul@example.org", "accepted"),
    ]
    assert "3 entrées enregistrées" in window.ui.statusbar.currentMessage()

    # Édition > Annuler takes the whole import back; the same agenda is then proposed again.
    assert window.undo_action.text() == "Annuler l'import de l'agenda"
    window.undo_action.trigger()
    assert _entries(window.service) == []
    assert (
        window.service.carnet.db.execute(
            "SELECT count(*) FROM agenda_items WHERE deleted_at IS NULL"
        ).fetchone()[0]
        == 0
    )
    again = _open(qtbot, window, prompts, agenda)
    assert again.model.rowCount() == 4


def test_a_row_with_a_problem_says_it_and_cannot_be_accepted(
    qtbot: Any, window: MainWindow, prompts: Prompts, agenda: Path
) -> None:
    dialog = _open(qtbot, window, prompts, agenda)
    dialog.ui.end_edit.setDate(QDate(2024, 11, 30))
    qtbot.mouseClick(dialog.ui.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running)
    model, view = dialog.model, dialog.ui.review_view
    assert model.rowCount() == 5
    late = model.rows[4]
    assert late.problems
    assert late.decision is Decision.LATER
    assert _cell(dialog, 4, DECISION) == "⚠ Problème"
    assert _cell(dialog, 4, REMARKS).startswith("⚠ Problème : ")
    view.setCurrentIndex(model.index(4, DECISION))
    view.selectRow(4)
    assert "Problème" in plain(dialog.ui.detail_label.text())
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert late.decision is Decision.LATER
    assert "ne peut pas être acceptée" in dialog.ui.message_label.text()
    # Dismissed by hand, it is recorded with a reason; the row left to review is not.
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert late.decision is Decision.DISMISS
    accepted, dismissed = model.chosen()
    assert [p.uid for p in accepted] == ["visite-toul@example.org", "formation@example.org"]
    assert [p.uid for p in dismissed] == ["dejeuner@example.org", "pont@example.org", "plus-tard@example.org"]
    assert dismissed[0].dismissed.startswith("personnel")
    assert [p.dismissed for p in dismissed[1:]] == ["journée entière", "écarté à la relecture"]


def test_a_malformed_file_says_why_and_saves_nothing(
    qtbot: Any, window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    broken = tmp_path / "casse.ics"
    broken.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:pas une date\nEND:VCALENDAR\n", encoding="utf-8"
    )
    dialog = _open(qtbot, window, prompts, broken)
    assert dialog.model.rowCount() == 0
    assert "casse.ics" in dialog.ui.message_label.text()
    assert not dialog.save_button.isEnabled()


def test_an_outlook_agenda_saved_as_reviewed(qtbot: Any, window: MainWindow, prompts: Prompts) -> None:
    """Helper A's Outlook export (time zones, recurrence with exceptions): what is saved is what
    the rows accepted showed, and the dismissed ones are recorded with their reasons."""
    dialog = _open(qtbot, window, prompts, AGENDAS / "outlook.ics")
    model, view = dialog.model, dialog.ui.review_view
    assert model.rowCount() > 0
    qtbot.waitUntil(view.hasFocus)
    accepted, dismissed = model.chosen()
    later = [(r.proposal.uid, r.proposal.recurrence_id) for r in model.rows if r.decision is Decision.LATER]
    assert accepted
    assert all(p.dismissed for p in dismissed)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == AgendaDialog.DialogCode.Accepted
    expected = sorted(
        (
            p.entry.day.isoformat(),
            p.entry.start_time.strftime("%H:%M") if p.entry.start_time else None,
            p.entry.minutes,
            p.entry.activity,
            p.entry.description,
            p.entry.place,
        )
        for p in accepted
    )
    assert sorted(_entries(window.service)) == expected
    recorded = window.service.carnet.db.execute(
        "SELECT uid, recurrence_id, decision, reason FROM agenda_items WHERE deleted_at IS NULL"
    ).fetchall()
    assert sorted(recorded) == sorted(
        [(p.uid, p.recurrence_id, "accepted", "") for p in accepted]
        + [(p.uid, p.recurrence_id, "dismissed", p.dismissed) for p in dismissed]
    )
    # Read again: nothing decided is proposed twice; the rows left to review come back.
    again = _open(qtbot, window, prompts, AGENDAS / "outlook.ics").model.rows
    assert [(r.proposal.uid, r.proposal.recurrence_id) for r in again] == later


# --- reading in a worker ----------------------------------------------------------------------------


class HeldParse:
    """``parse_agenda`` as the dialog calls it: records the thread of each call; the first one
    waits in its worker until ``release`` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parse = importer.parse_agenda
        self.threads: list[int] = []
        self.release = threading.Event()
        monkeypatch.setattr(importer, "parse_agenda", self)

    def __call__(self, path: Path, first: date, last: date) -> Agenda:
        self.threads.append(threading.get_ident())
        if len(self.threads) == 1:
            self.release.wait(60)  # the test sets it; the bound only keeps a broken test from hanging
        return self.parse(path, first, last)


def _proposing_threads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the thread each comparison with the carnet runs in."""
    threads: list[int] = []
    propose = AgendaService.propose

    def recorded(self: AgendaService, agenda: Agenda, ambassador_id: str) -> list[Proposal]:
        threads.append(threading.get_ident())
        return propose(self, agenda, ambassador_id)

    monkeypatch.setattr(AgendaService, "propose", recorded)
    return threads


def _descriptions(dialog: AgendaDialog) -> list[str]:
    return [_cell(dialog, row, DESCRIPTION) for row in range(dialog.model.rowCount())]


def test_the_file_is_read_in_a_worker_and_the_last_reading_wins(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, agenda: Path
) -> None:
    held = HeldParse(monkeypatch)
    proposing = _proposing_threads(monkeypatch)
    dialog = AgendaDialog(window.service, agenda, window.undo_stack, window)  # Qt's own pool
    dialog.show()
    qtbot.waitUntil(lambda: len(held.threads) == 1)
    # While the file is read: a busy bar and a word, no row, nothing to save.
    assert dialog.ui.busy_bar.isVisible()
    assert dialog.ui.message_label.text() == "Lecture de l'agenda « agenda.ics »…"
    assert dialog.model.rowCount() == 0
    assert not dialog.save_button.isEnabled()
    # The dialog answers: a shorter period is read again, and its result shown first.
    dialog.ui.end_edit.setDate(QDate(2024, 11, 5))
    qtbot.mouseClick(dialog.ui.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert _descriptions(dialog) == ["Visite MSP de Toul"]
    assert not dialog.ui.busy_bar.isVisible()
    assert dialog.save_button.isEnabled()
    # The first reading ends later: its result is left unused.
    held.release.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert _descriptions(dialog) == ["Visite MSP de Toul"]
    main = threading.get_ident()
    assert len(held.threads) == 2
    assert main not in held.threads
    assert proposing == [main]  # compared with the carnet in its own thread, once


def test_closing_while_reading_leaves_the_result_unused(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, agenda: Path
) -> None:
    held = HeldParse(monkeypatch)
    proposing = _proposing_threads(monkeypatch)
    dialog = AgendaDialog(window.service, agenda, window.undo_stack, window)
    dialog.show()
    qtbot.waitUntil(lambda: len(held.threads) == 1)
    qtbot.keyClick(dialog.ui.review_view, Qt.Key.Key_Escape)
    assert dialog.result() == AgendaDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    held.release.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert proposing == []
    assert dialog.model.rowCount() == 0
    assert _entries(window.service) == []


def test_an_unexpected_error_of_the_reading_is_said_in_the_dialog(
    qtbot: Any, window: MainWindow, prompts: Prompts, monkeypatch: pytest.MonkeyPatch, agenda: Path
) -> None:
    def broken(path: Path, first: date, last: date) -> Agenda:
        raise RuntimeError("boom")

    monkeypatch.setattr(importer, "parse_agenda", broken)
    dialog = _open(qtbot, window, prompts, agenda)
    message = plain(dialog.ui.message_label.text())
    assert "L'agenda « agenda.ics » n'a pas pu être lu (erreur inattendue : RuntimeError)." in message
    assert "Le carnet n'a pas été modifié." in message
    assert not dialog.ui.busy_bar.isVisible()
    assert dialog.model.rowCount() == 0
    assert not dialog.save_button.isEnabled()
    # A period that ends before it starts is refused before anything is read.
    monkeypatch.undo()
    dialog.ui.start_edit.setDate(QDate(2024, 11, 10))
    dialog.ui.end_edit.setDate(QDate(2024, 11, 1))
    qtbot.mouseClick(dialog.ui.read_button, Qt.MouseButton.LeftButton)
    assert not dialog.running
    assert "finit le 01/11/2024, avant son début le 10/11/2024" in dialog.ui.message_label.text()


# --- what the agenda changed since an import --------------------------------------------------------


def _live(service: CarnetService, table: str, where: str, *args: object) -> list[tuple[Any, ...]]:
    return service.carnet.db.execute(
        f"SELECT id, deleted_at IS NULL FROM {table} WHERE {where} ORDER BY id", args
    ).fetchall()


def test_an_event_cancelled_since_its_import_keeps_its_entry_unless_removed(
    qtbot: Any, window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    service = window.service
    leroy = service.register.save_professional(
        Professional(
            last_name="Leroy",
            first_name="Antoine",
            profession_code="G15-10",
            email="antoine.leroy@msp-toul.example.org",
        )
    )
    text = (AGENDAS / "outlook.ics").read_text(encoding="utf-8")
    path = tmp_path / "outlook.ics"
    path.write_text(text, encoding="utf-8")
    first = _open(qtbot, window, prompts, path)
    qtbot.keyClick(first.ui.review_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert first.result() == AgendaDialog.DialogCode.Accepted
    (visit,) = service.carnet.db.execute(
        "SELECT id FROM time_entries WHERE description = 'Visite MSP de Toul' AND deleted_at IS NULL"
    ).fetchall()
    entry_id = visit[0]
    (contact_id,) = [c for c, _ in _live(service, "contacts", "time_entry_id = ?", entry_id)]
    assert service.register.contacts([contact_id])[contact_id].professional_ids == (leroy,)

    # Outlook now says the visit is cancelled: its row says so, and keeps the entry.
    cancelled = "SUMMARY;LANGUAGE=fr-fr:Visite MSP de Toul\n"
    assert cancelled in text
    path.write_text(text.replace(cancelled, f"{cancelled}STATUS:CANCELLED\n"), encoding="utf-8")
    dialog = _open(qtbot, window, prompts, path)
    model, view = dialog.model, dialog.ui.review_view
    (number,) = [n for n, row in enumerate(model.rows) if row.removal]
    assert model.rows[number].proposal.entry.id == entry_id
    assert [_cell(dialog, number, c) for c in (DECISION, DESCRIPTION, STATE)] == [
        "Garder l'entrée",
        "Visite MSP de Toul",
        "annulé",
    ]
    assert _cell(dialog, number, REMARKS).startswith("Événement annulé dans l'agenda · Entrée gardée")
    counts = "1 événement annulé : <b>0 entrée à retirer</b> (0 h), 1 gardée"
    assert plain(dialog.ui.counts_label.text()) == counts
    assert not model.flags(model.index(number, DESCRIPTION)) & Qt.ItemFlag.ItemIsEditable
    # Saving now removes nothing (nothing else is decided: the dialog stays open).
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert _live(service, "time_entries", "id = ?", entry_id) == [(entry_id, 1)]

    # Espace chooses to remove it: said in the row, the detail line and the counts.
    view.setCurrentIndex(model.index(number, DECISION))
    view.selectRow(number)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert _cell(dialog, number, DECISION) == "Retirer l'entrée"
    assert model.index(number, DESCRIPTION).data(Qt.ItemDataRole.FontRole).strikeOut()
    view.setCurrentIndex(model.index(number, DECISION))
    assert "L'entrée sera retirée du carnet, avec son contact" in dialog.ui.detail_label.text()
    counts = "1 événement annulé : <b>1 entrée à retirer</b> (1 h 30), 0 gardée"
    assert plain(dialog.ui.counts_label.text()) == counts
    accepted, dismissed = model.chosen()
    assert [(p.state, p.item_id) for p in accepted] == [("removed", model.rows[number].proposal.item_id)]
    assert accepted[0].item_id
    assert dismissed == []
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == AgendaDialog.DialogCode.Accepted
    assert _live(service, "time_entries", "id = ?", entry_id) == [(entry_id, 0)]
    assert _live(service, "contacts", "id = ?", contact_id) == [(contact_id, 0)]
    assert "1 entrée retirée" in window.ui.statusbar.currentMessage()

    # Édition > Annuler brings the entry and its contact back, and the decision taken at import.
    window.undo_action.trigger()
    assert _live(service, "time_entries", "id = ?", entry_id) == [(entry_id, 1)]
    assert _live(service, "contacts", "id = ?", contact_id) == [(contact_id, 1)]
    assert service.carnet.db.execute(
        "SELECT decision, reason FROM agenda_items WHERE time_entry_id = ? AND deleted_at IS NULL",
        (entry_id,),
    ).fetchall() == [("accepted", "")]


def test_what_the_file_changed_and_what_moved_are_shown(
    qtbot: Any, window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    zone = ";TZID=Customized Time Zone 7:"
    long_title = "Visite pharmacie " + "très " * 500
    path = tmp_path / "notes.ics"

    def write(start: str) -> None:
        events = _EVENT.format(
            uid="ludres@example.org", start=f"{zone}{start}", end=f"{zone}20241105T110000",
            summary="Visite pharmacie de Ludres", place="Ludres",
        ) + _EVENT.format(
            uid="long@example.org", start=";TZID=Europe/Paris:20241107T140000",
            end=";TZID=Europe/Paris:20241107T150000", summary=long_title, place="Toul",
        )  # fmt: skip
        path.write_text(f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n{events}END:VCALENDAR\n", "utf-8")

    write("20241105T093000")
    dialog = _open(qtbot, window, prompts, path)
    assert [_cell(dialog, row, STATE) for row in range(2)] == ["nouveau", "nouveau"]
    unknown = (
        "Lecture du fichier : fuseau horaire « Customized Time Zone 7 » inconnu : "
        "heure lue comme heure de Paris"
    )
    assert unknown in _cell(dialog, 0, REMARKS).split(" · ")
    assert unknown in plain(dialog.ui.detail_label.text())
    assert "Lecture du fichier : titre de 2" in _cell(dialog, 1, REMARKS)
    assert "coupé à" in _cell(dialog, 1, REMARKS)
    qtbot.keyClick(dialog.ui.review_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == AgendaDialog.DialogCode.Accepted

    # Moved in the agenda: shown « modifié » with what moved; saving moves the same entry.
    write("20241105T100000")
    again = _open(qtbot, window, prompts, path)
    assert again.model.rowCount() == 1
    assert _cell(again, 0, STATE) == "modifié"
    moved = "Modifiée dans l'agenda : déplacé du 05/11/2024 09:30 au 05/11/2024 10:00 ; durée 1 h 30 → 1 h"
    assert moved in _cell(again, 0, REMARKS).split(" · ")
    assert moved in plain(again.ui.detail_label.text())
    (accepted,), _ = again.model.chosen()
    assert accepted.item_id == again.model.rows[0].proposal.item_id != ""
    qtbot.keyClick(again.ui.review_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [row[:3] for row in _entries(window.service)] == [
        ("2024-11-05", "10:00", 60),
        ("2024-11-07", "14:00", 60),
    ]
