from __future__ import annotations

from datetime import date
from typing import Any, cast

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QGridLayout, QLabel

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.gui.dialogs.entry_dialog import EntryDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models.entry_table import DURATION, MISSION, EntryTableModel
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry as log
from tests.conftest import plain

SEPT = Month(2024, 9)


def rows(grid: QGridLayout) -> list[tuple[str, str, bool]]:
    """The shown rows of a summary section: label, value (plain text) and whether it is greyed."""
    cells = [[grid.itemAtPosition(row, column) for column in (0, 1)] for row in range(grid.rowCount())]
    labels = [[cast(QLabel, cell.widget()) for cell in row if cell is not None] for row in cells]
    return [
        (plain(name.text()), plain(value.text()), bool(value.styleSheet()))
        for name, value in labels
        if not name.isHidden()
    ]


# The place completer pops up a list; the offscreen platform cannot raise it or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def type_entry(qtbot: Any, window: MainWindow, duration: str, description: str = "") -> None:
    """Fill the quick-entry bar with the keyboard only, from the date field, and press Enter."""
    ui = window.page.ui
    ui.date_edit.setFocus()
    ui.date_edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(ui.date_edit, "02092024")  # each full section moves on to the next
    assert ui.date_edit.date() == QDate(2024, 9, 2)
    qtbot.keyClick(ui.date_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.ambassador_combo
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # -> mission
    qtbot.keyClicks(QApplication.focusWidget(), "F")  # first letter selects Formation
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # -> activity
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # -> duration
    assert QApplication.focusWidget() is ui.duration_edit
    qtbot.keyClicks(ui.duration_edit, duration)
    qtbot.keyClick(ui.duration_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # skip the start time
    # QTest types ASCII only. The completer's list is tested on its own: here it would only
    # pop up over the field (and the offscreen platform warns that it cannot raise it).
    completer = ui.place_edit.completer()
    ui.place_edit.setCompleter(None)  # type: ignore[arg-type]
    qtbot.keyClicks(QApplication.focusWidget(), "Toul")
    ui.place_edit.setCompleter(completer)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.description_edit
    qtbot.keyClicks(ui.description_edit, description)
    qtbot.keyClick(ui.description_edit, Qt.Key.Key_Return)


def test_log_entries_with_the_keyboard(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    page = window.page
    page.ui.date_edit.setDate(QDate(2024, 11, 15))
    type_entry(qtbot, window, "1h30", "Formation de la MSP")
    ids = service.entry_ids(EntryFilter(month=SEPT))
    assert len(ids) == 1
    saved = service.entry(ids[0])
    assert (saved.day, saved.minutes, saved.mission) == (date(2024, 9, 2), 90, Mission.FORMATION)
    assert saved.activity == "Session de formation"
    assert (saved.place, saved.description) == ("Toul", "Formation de la MSP")
    assert page.model is not None
    assert page.model.rowCount() == 1
    assert plain(page.model.index(0, DURATION).data()) == "1 h 30"
    assert "Entrée enregistrée" in page.ui.entry_message_label.text()
    assert page.ui.duration_edit.text() == ""  # ready for the next entry
    assert page.ui.date_edit.date() == QDate(2024, 9, 2)  # date and ambassador are kept
    assert page.ui.ambassador_combo.currentText() == "Marie Durand"
    type_entry(qtbot, window, "45min", "Suite")
    assert page.model.rowCount() == 2
    assert ("Formation", "2 h 15", False) in rows(page.ui.missions_grid)
    assert rows(page.ui.ambassadors_grid) == [("Marie Durand", "2 h 15", False)]
    assert "112,50 €" in plain(page.ui.claim_bar.format())
    assert "2 entrées" in page.ui.count_label.text()


def test_a_refused_entry_says_why_and_saves_nothing(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    page = window.page
    page.show_month(SEPT)
    page.ui.date_edit.setDate(QDate(2024, 9, 2))
    type_entry(qtbot, window, "beaucoup")
    assert "Durée invalide : « beaucoup »" in page.ui.entry_message_label.text()
    assert QApplication.focusWidget() is page.ui.duration_edit
    page.ui.duration_edit.setText("25h")
    qtbot.keyClick(page.ui.duration_edit, Qt.Key.Key_Return)
    assert "ne peut pas dépasser 24 h" in page.ui.entry_message_label.text()
    assert service.entry_ids(EntryFilter()) == []
    page.ui.date_edit.setDate(QDate(2024, 8, 20))
    page.ui.duration_edit.setText("1h")
    qtbot.keyClick(page.ui.duration_edit, Qt.Key.Key_Return)
    assert "avant le début de l'expérimentation" in page.ui.entry_message_label.text()
    assert page.month == Month(2024, 8)  # the page follows the entry to its month


def test_edit_in_the_dialog_and_in_place(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    entry_id = log(service, date(2024, 9, 3), 60)
    page = window.page
    page.show_month(SEPT)
    page.ui.table_view.selectRow(0)
    window.ui.action_edit_entry.trigger()
    dialog = page.findChild(EntryDialog)
    assert dialog is not None
    dialog.ui.duration_edit.setText("2h15")
    dialog.ui.description_edit.setPlainText("Visite de l'EHPAD")
    dialog.ui.buttons.accepted.emit()
    assert service.entry(entry_id).minutes == 135
    assert service.entry(entry_id).description == "Visite de l'EHPAD"
    model = page.model
    assert model is not None
    assert model.setData(model.index(0, DURATION), "3h")
    assert service.entry(entry_id).minutes == 180
    assert model.setData(model.index(0, MISSION), Mission.ACCOMPAGNEMENT.value)
    assert service.entry(entry_id).mission is Mission.ACCOMPAGNEMENT
    assert not model.setData(model.index(0, DURATION), "n'importe quoi")
    assert "Durée invalide" in page.ui.entry_message_label.text()
    window.undo_action.trigger()  # back to Promotion
    assert service.entry(entry_id).mission is Mission.PROMOTION
    window.undo_action.trigger()
    assert service.entry(entry_id).minutes == 135


def test_delete_with_undo_and_duplicate(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    first = log(service, date(2024, 9, 2), 60)
    log(service, date(2024, 9, 4), 30)
    page = window.page
    page.show_month(SEPT)
    table = page.ui.table_view
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert page.model is not None
    assert page.model.rowCount() == 1
    assert "Ctrl+Z" in window.ui.statusbar.currentMessage()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 2
    assert first in service.entry_ids(EntryFilter(month=SEPT))
    window.redo_action.trigger()
    assert page.model.rowCount() == 1
    window.undo_action.trigger()
    assert page.selected_ids() != [first]  # the restored row comes back beside the selection
    # Qt still holds Ctrl from Ctrl+Z: selectRow would add to the selection.
    table.clearSelection()
    table.selectRow(0)
    assert page.selected_ids() == [first]
    window.ui.action_duplicate_entry.trigger()
    assert page.model.rowCount() == 3
    assert page.selected_ids() != [first]


def test_close_month_locks_it_and_writes_the_timesheet(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any
) -> None:
    entry_id = log(service, date(2024, 9, 2), 60)
    page = window.page
    page.show_month(SEPT)
    written = window.close_month()
    assert "Clôturer le mois de septembre 2024 ?" in prompts.asked
    assert sorted(p.suffix for p in written) == [".pdf", ".xlsx"]
    assert prompts.opened == [next(p for p in written if p.suffix == ".pdf")]
    assert service.month_lock(SEPT) is not None
    assert "Clôturé le" in page.ui.month_status_label.text()
    assert page.ui.reopen_month_button.isVisibleTo(page)
    assert page.model is not None
    assert not page.model.flags(page.model.index(0, DURATION)) & Qt.ItemFlag.ItemIsEditable
    page.ui.date_edit.setDate(QDate(2024, 9, 5))
    page.ui.duration_edit.setText("1h")
    assert not page.save_quick_entry()
    assert "est clôturé" in page.ui.entry_message_label.text()
    page.ui.table_view.selectRow(0)
    page.delete_selected()
    assert entry_id in service.entry_ids(EntryFilter(month=SEPT))
    dialog = window.reopen_month()
    assert dialog is not None
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.reason_edit, "Oubli de la reunion du 3")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert service.month_lock(SEPT) is None
    assert page.save_quick_entry()


def test_summary_shows_the_cap_weeks_and_progress(window: MainWindow, service: CarnetService) -> None:
    for day in range(2, 27):
        log(service, date(2024, 9, day), 120)
    page = window.page
    page.show_month(SEPT)
    text = plain(page.ui.claim_label.text())
    assert "Plafond atteint le 22 septembre 2024 : 10 h au-delà ne sont pas financées." in text
    assert "2 000,00 € demandés sur 2 000,00 €" in plain(page.ui.claim_bar.format())
    assert "100 % du plafond mensuel" in plain(page.ui.claim_bar.toolTip())
    # 2 h a day from Monday 2 to Thursday 26; a week under its base (10 h) is greyed.
    assert rows(page.ui.weeks_grid) == [
        ("du 26 août", "0 h / 10 h", True),
        *[(f"du {day} septembre", "14 h / 10 h", False) for day in (2, 9, 16)],
        ("du 23 septembre", "8 h / 10 h", True),
        ("du 30 septembre", "0 h / 10 h", True),
    ]
    page.show_month(Month(2024, 10))  # five weeks: the sixth row goes
    assert [label for label, _, _ in rows(page.ui.weeks_grid)] == [
        "du 30 septembre",
        *[f"du {day} octobre" for day in (7, 14, 21, 28)],
    ]
    page.show_month(SEPT)
    assert len(rows(page.ui.weeks_grid)) == 6
    assert "Mois 3 sur 6" in plain(page.ui.programme_label.text())
    model = page.model
    assert model is not None
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last, Qt.ItemDataRole.BackgroundRole) is not None  # beyond the cap
    assert "Au-delà du plafond" in model.data(last, Qt.ItemDataRole.ToolTipRole)


def test_filters_search_and_month_navigation(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    log(service, date(2024, 9, 2), 60)
    log(service, date(2024, 9, 3), 60, who="Paul Martin")
    log(service, date(2024, 10, 1), 60)
    page = window.page
    page.show_month(SEPT)
    assert page.model is not None
    assert page.model.rowCount() == 2
    page.ui.filter_ambassador_combo.setCurrentIndex(page.ui.filter_ambassador_combo.findText("Paul Martin"))
    assert page.model.rowCount() == 1
    page.ui.filter_ambassador_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.ui.search_edit, "paul")
    qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() == 1)
    page.ui.search_edit.clear()
    window.ui.action_next_month.trigger()
    assert page.month == Month(2024, 10)
    qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() == 1)
    window.ui.action_previous_month.trigger()
    assert page.month == SEPT


def test_the_table_model_passes_qt_checks(qtmodeltester: Any, service: CarnetService) -> None:
    for day in range(2, 12):
        log(service, date(2024, 9, day), 30)
    model = EntryTableModel(service)
    model.set_filter(EntryFilter(month=SEPT))
    qtmodeltester.check(model)
    assert model.rowCount() == 10


def test_at_1366_by_768_the_summary_fits_and_the_splitter_stays(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    """A maximised window on a 1366 × 768 laptop (task bar and title bar taken off)."""
    for day in range(2, 27):
        log(service, date(2024, 9, day), 120)  # the cap is reached: one more line
    log(service, date(2024, 8, 30), 60)  # outside the experiment: another one
    window.resize(1366, 705)
    page = window.page
    page.show_month(SEPT)
    qtbot.wait(10)
    assert not page.ui.entry_message_label.isVisible()  # no empty line in the entry box
    sizes = page.ui.splitter.sizes()
    for month in (Month(2024, 8), SEPT, Month(2024, 10), Month(2024, 11)):
        page.show_month(month)
        qtbot.wait(10)
        assert page.ui.splitter.sizes() == sizes
        assert not page.ui.summary_scroll.verticalScrollBar().isVisible(), month
        assert not page.ui.summary_scroll.horizontalScrollBar().isVisible(), month
    description = page.ui.table_view.horizontalHeader().sectionSize(7)
    assert description >= 250  # the widest column, readable
