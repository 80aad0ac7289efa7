"""The quick-entry bar driven key by key: the common entry in seven keystrokes from launch (Ctrl+1
to the carnet page first), durations as people type them, no activity created by a typo, the
right month proposed."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.gui.dialogs.entry_dialog import EntryDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models.entry_table import ACTIVITY, DURATION
from ambassadeur_app.services import CarnetService
from tests.conftest import TODAY, plain
from tests.conftest import log_entry as log

# Completer lists pop up; the offscreen platform cannot raise them or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")

ENTER = "\n"


class Keyboard:
    """Presses keys in whatever widget has the focus, as a user does, and counts them."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0

    def type(self, keys: str) -> None:
        for key in keys:
            widget = QApplication.focusWidget()
            assert widget is not None, "no widget has the focus"
            if key == ENTER:
                self.qtbot.keyClick(widget, Qt.Key.Key_Return)
            else:
                self.qtbot.keyClicks(widget, key)
            self.count += 1

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1


@pytest.fixture
def history(service: CarnetService) -> None:
    """Yesterday: a promotion meeting, then a training account created (the last entry)."""
    log(service, date(2024, 11, 14), 60, Mission.PROMOTION, activity="Réunion", description="CPTS")
    time.sleep(0.002)  # creation times are kept to the millisecond
    log(service, date(2024, 11, 14), 30, Mission.FORMATION, activity="Création de compte")


def entries(service: CarnetService) -> list[Any]:
    return sorted(
        service.entries(service.entry_ids(EntryFilter())).values(), key=lambda entry: entry.created_at
    )


def test_the_common_entry_takes_seven_keystrokes_from_launch(
    qtbot: Any, history: None, window: MainWindow, service: CarnetService
) -> None:
    """« 1 h 30 de promotion aujourd'hui » when the last entry was training: the window opens on
    the tableau de bord (the carnet has data), then Ctrl+1 1 h 3 0 P Entrée."""
    assert window.pages.current_name() == "dashboard"
    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the carnet page
    ui = window.page.ui
    assert QApplication.focusWidget() is ui.duration_edit  # not the tab bar, not the date
    assert ui.date_edit.date() == QDate(2024, 11, 15)  # today
    assert ui.mission_combo.currentText() == "F — Formation"  # the last mission used
    assert ui.activity_combo.currentText() == "Création de compte"
    keyboard.type("1h30p" + ENTER)
    assert keyboard.count == 7
    saved = entries(service)[-1]
    assert (saved.day, saved.minutes, saved.mission) == (TODAY, 90, Mission.PROMOTION)
    assert saved.activity == "Réunion"  # the last one used for promotion, not the list's first
    assert saved.ambassador_id == service.find_ambassador("Marie Durand").id
    assert "Entrée enregistrée : 1 h 30 de promotion" in plain(ui.entry_message_label.text())
    # Ready for the next one: same day, ambassador, mission and activity; the cursor in the duration.
    assert QApplication.focusWidget() is ui.duration_edit
    assert ui.duration_edit.text() == ""
    assert (ui.mission_combo.currentText(), ui.activity_combo.currentText()) == ("P — Promotion", "Réunion")
    keyboard.count = 0
    keyboard.type("45min" + ENTER)  # the same mission again: no letter needed
    assert keyboard.count == 6
    assert (entries(service)[-1].minutes, entries(service)[-1].mission) == (45, Mission.PROMOTION)


def test_the_letter_may_come_first_and_each_mission_has_its_own(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    ui = window.page.ui
    keyboard = Keyboard(qtbot)
    keyboard.type("a2h" + ENTER)
    keyboard.type("o1h" + ENTER)
    keyboard.type("f1h" + ENTER)
    assert [e.mission for e in entries(service)] == [Mission.ACCOMPAGNEMENT, Mission.AUTRE, Mission.FORMATION]
    # In the mission list, "A" is Accompagnement only: Autre (non financé) is "O".
    ui.mission_combo.setFocus()
    keyboard.type("a")
    assert ui.mission_combo.currentData() == Mission.ACCOMPAGNEMENT.value
    keyboard.type("a")
    assert ui.mission_combo.currentData() == Mission.ACCOMPAGNEMENT.value
    keyboard.type("o")
    assert ui.mission_combo.currentData() == Mission.AUTRE.value
    assert "O Autre" in ui.mission_combo.toolTip()
    # A letter only picks a mission while the duration reads as one: a word stays a word.
    ui.duration_edit.setFocus()
    keyboard.type("beaucoup")
    assert ui.duration_edit.text() == "beaucoup"
    assert ui.mission_combo.currentData() == Mission.AUTRE.value


def test_tab_leaves_the_date_in_one_press(qtbot: Any, window: MainWindow) -> None:
    ui = window.page.ui
    ui.date_edit.setFocus()
    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.ambassador_combo
    keyboard.press(Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is ui.date_edit


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("1,5h", 90), ("1.5 h", 90), ("1 h", 60), ("2 heures", 120), ("1h30min", 90), ("0,75", 45)],
)
def test_durations_as_people_type_them(
    qtbot: Any, window: MainWindow, service: CarnetService, typed: str, minutes: int
) -> None:
    Keyboard(qtbot).type(typed + ENTER)
    assert [e.minutes for e in entries(service)] == [minutes]


def test_a_bare_number_is_proposed_as_minutes(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    ui = window.page.ui
    keyboard = Keyboard(qtbot)
    keyboard.type("45" + ENTER)
    message = plain(ui.entry_message_label.text())
    assert "« 45 » : 45 min ?" in message
    assert "24 h" not in message  # proposed, not refused
    assert entries(service) == []
    assert ui.duration_edit.text() == "45 min"
    assert QApplication.focusWidget() is ui.duration_edit
    keyboard.type(ENTER)  # confirms
    assert [e.minutes for e in entries(service)] == [45]


def test_a_new_activity_needs_a_confirmation(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any
) -> None:
    ui = window.page.ui
    before = service.activities()[Mission.PROMOTION]
    keyboard = Keyboard(qtbot)
    keyboard.type("1h" + ENTER)
    # The slip of the issue: the duration typed in the activity field (as well).
    ui.duration_edit.setText("1h30")
    ui.activity_combo.setFocus()
    ui.activity_combo.lineEdit().selectAll()
    prompts.answer = False
    keyboard.type("1 h 30" + ENTER)
    assert prompts.asked == ["Ajouter l'activité « 1 h 30 » à la mission Promotion ?"]
    assert service.activities()[Mission.PROMOTION] == before  # no silent creation
    assert len(entries(service)) == 1
    assert "Rien n'est enregistré" in ui.entry_message_label.text()
    assert QApplication.focusWidget() is ui.activity_combo
    # Confirmed on purpose: the activity joins the list and the entry is saved.
    ui.activity_combo.lineEdit().selectAll()
    keyboard.type("Stand au salon")
    ui.duration_edit.setText("2h")
    prompts.answer = True
    keyboard.type(ENTER)
    assert prompts.asked[-1] == "Ajouter l'activité « Stand au salon » à la mission Promotion ?"
    assert service.activities()[Mission.PROMOTION] == [*before, "Stand au salon"]
    assert entries(service)[-1].activity == "Stand au salon"
    # A known activity, whatever its case, asks nothing.
    asked = len(prompts.asked)
    ui.activity_combo.setEditText("réunion")
    ui.duration_edit.setText("1h")
    ui.duration_edit.setFocus()
    keyboard.type(ENTER)
    assert len(prompts.asked) == asked
    assert entries(service)[-1].activity == "Réunion"


def test_the_edit_dialog_asks_too(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any
) -> None:
    entry_id = log(service, date(2024, 11, 4), 60)
    page = window.page
    page.show_month(Month(2024, 11))
    page.ui.table_view.selectRow(0)
    page.edit_selected()
    dialog = page.findChild(EntryDialog)
    assert dialog is not None
    dialog.ui.activity_combo.setEditText("Apel")
    prompts.answer = False
    dialog.ui.buttons.accepted.emit()
    assert prompts.asked == ["Ajouter l'activité « Apel » à la mission Promotion ?"]
    assert dialog.isVisible()
    assert "Apel" not in service.activities()[Mission.PROMOTION]
    assert service.entry(entry_id).activity == "Appel"
    dialog.ui.duration_edit.setText("90")
    dialog.ui.activity_combo.setEditText("Appel")
    dialog.ui.buttons.accepted.emit()
    assert "« 90 » : 1 h 30 ?" in plain(dialog.ui.message_label.text())
    dialog.ui.buttons.accepted.emit()
    assert service.entry(entry_id).minutes == 90


def test_places_complete_from_the_carnet_and_the_register(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    ui = window.page.ui
    keyboard = Keyboard(qtbot)
    keyboard.type("1h")
    ui.place_edit.setFocus()
    keyboard.type("Toul" + ENTER)
    completer = ui.place_edit.completer()
    assert completer is not None
    ui.place_edit.setFocus()
    completer.setCompletionPrefix("tou")
    assert completer.currentCompletion() == "Toul"  # a place already used, any case
    places = window.page._places.stringList()
    assert places == sorted(service.entry_suggestions().places, key=str.casefold)
    assert "Toul" in places


def test_a_closed_month_proposes_the_next_open_one(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any
) -> None:
    page = window.page
    ui = page.ui
    page.show_month(Month(2024, 10))
    service.close_month(Month(2024, 10))
    ui.date_edit.setDate(QDate(2024, 10, 7))
    ui.duration_edit.setText("1h")
    assert not page.save_quick_entry()
    assert "octobre 2024 est clôturé" in ui.entry_message_label.text()
    window.ui.action_next_month.trigger()
    assert "clôturé" not in ui.entry_message_label.text()  # the message went with its month
    window.ui.action_previous_month.trigger()  # back to the closed October
    message = plain(ui.entry_message_label.text())
    assert "Octobre 2024 est clôturé : la nouvelle entrée est proposée en novembre 2024" in message
    assert ui.date_edit.date() == QDate(2024, 11, 15)  # today, in the first open month
    assert page.save_quick_entry()
    assert entries(service)[-1].day == TODAY


def test_a_new_activity_typed_in_the_table_needs_a_confirmation(
    window: MainWindow, service: CarnetService, prompts: Any
) -> None:
    entry_id = log(service, date(2024, 11, 4), 60)
    page = window.page
    page.show_month(Month(2024, 11))
    model = page.model
    assert model is not None
    prompts.answer = False
    assert not model.setData(model.index(0, ACTIVITY), "Apell")
    assert prompts.asked == ["Ajouter l'activité « Apell » à la mission Promotion ?"]
    assert service.entry(entry_id).activity == "Appel"
    assert "Apell" not in service.activities()[Mission.PROMOTION]
    assert model.setData(model.index(0, DURATION), "2h")  # the activity kept: nothing asked
    assert len(prompts.asked) == 1
    prompts.answer = True
    assert model.setData(model.index(0, ACTIVITY), "Appel visio")
    assert service.entry(entry_id).activity == "Appel visio"
    assert "Appel visio" in service.activities()[Mission.PROMOTION]
