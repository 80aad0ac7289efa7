"""A save repaints only what changed on the carnet page: the window around it (tab bar, menus,
timer bar) is not painted again. The page's figures still follow every save, edit, deletion and
undo, and the activities' list is left as it is when it did not change."""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import replace
from typing import Any, cast

import pytest
from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QToolBar, QWidget

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages import CARNET
from ambassadeur_app.gui.pages.carnet_page import CarnetPage
from ambassadeur_app.services import CarnetService
from tests.conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


class Paints(QObject):
    """Count the paint events of every widget of the application."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[QObject] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.counts[watched] += 1
        return False

    def painted(self, widget: QWidget) -> bool:
        return self.counts[widget] > 0


def carnet_page(window: MainWindow) -> CarnetPage:
    window.pages.show(CARNET)  # Ctrl+1
    settle()
    page = window.page
    assert page.isVisible()
    return page


def settle() -> None:
    """Deliver what is posted, and what that posts in turn (a layout request climbs one
    widget per round), and paint."""
    for _ in range(10):
        QApplication.processEvents()


def save(page: CarnetPage, day: int, duration: str = "30 min", activity: str | None = None) -> None:
    ui = page.ui
    ui.date_edit.setDate(QDate(TODAY.year, TODAY.month, day))
    if activity is not None:
        ui.activity_combo.setEditText(activity)
    ui.duration_edit.setText(duration)
    assert page.save_quick_entry(), ui.entry_message_label.text()
    settle()


def inside(widget: QObject, ancestor: QWidget) -> bool:
    while widget is not None and widget is not ancestor:
        widget = widget.parent()
    return widget is ancestor


def test_a_save_repaints_the_page_only(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    page = carnet_page(window)
    save(page, 4)  # the first message under the bar makes the page taller: the window follows
    save(page, 5)
    # The day's backup, started by the first save, ends: the status bar says so (once a day).
    service.carnet.settle_backup()
    # The windows of earlier tests, collected amid the save, made this one paint whole now and
    # then in a full run: collected and deleted before, none while it is measured.
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()
    paints = Paints()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(paints)
    gc.disable()
    try:
        save(page, 6)
    finally:
        gc.enable()
        app.removeEventFilter(paints)
    ui = page.ui
    # What changed is painted (the counter sees the paints)...
    assert paints.painted(ui.table_view.viewport())
    assert paints.painted(ui.claim_label)
    assert paints.painted(ui.count_label)
    # ...and nothing else of the window: neither its tab bar, menus, timer bar, nor the page's
    # bars and lists that did not change.
    timer_bar = window.findChild(QToolBar, "timer_bar")
    assert timer_bar is not None
    unchanged = [
        window.ui.tabs.tabBar(),
        window.menuBar(),
        timer_bar,
        *timer_bar.findChildren(QWidget),
        ui.previous_month_button,
        ui.month_combo,
        ui.close_month_button,
        ui.ambassador_combo,
        ui.mission_combo,
        ui.activity_combo,
        ui.filter_ambassador_combo,
        ui.filter_mission_combo,
        ui.search_edit,
        ui.add_button,
    ]
    assert [w.objectName() or type(w).__name__ for w in unchanged if paints.painted(w)] == [], [
        w.objectName() or type(w).__name__ for w in paints.counts if isinstance(w, QWidget)
    ]
    # The status bar shows the save's line (its message): none of its other widgets is painted.
    statusbar = window.ui.statusbar
    assert [w for w in statusbar.findChildren(QWidget) if paints.painted(w)] == []
    ancestors = []
    parent = page.parentWidget()
    while parent is not None:
        ancestors.append(parent)  # they paint their background under what changed
        parent = parent.parentWidget()
    elsewhere = [
        widget.objectName() or type(widget).__name__
        for widget in paints.counts
        if isinstance(widget, QWidget)
        and widget is not statusbar
        and widget not in ancestors
        and not inside(widget, page)
    ]
    assert elsewhere == []


def test_a_page_that_needs_more_room_still_tells_the_window(qtbot: Any, window: MainWindow) -> None:
    page = carnet_page(window)
    before = window.ui.tabs.minimumSizeHint().height()
    page.ui.entry_group.setMinimumHeight(before + 200)
    settle()
    assert page.minimumSizeHint().height() > before + 200
    assert window.ui.tabs.minimumSizeHint().height() > before + 200


def month_figures(service: CarnetService, month: Month) -> tuple[int, int, dict[Mission, int]]:
    """The month's count, total and minutes by mission, summed again from its entries."""
    listed = list(service.entries(service.entry_ids(EntryFilter(month=month))).values())
    by_mission = {mission: sum(e.minutes for e in listed if e.mission is mission) for mission in Mission}
    return len(listed), sum(e.minutes for e in listed), by_mission


def check_figures(page: CarnetPage, service: CarnetService) -> None:
    settle()
    count, total, by_mission = month_figures(service, page.month)
    ui = page.ui
    assert ui.count_label.text() == plural(count, "entrée")
    assert ui.claim_label.text().startswith(f"<b>{format_duration(total)}</b> saisies")
    grid = cast(QGridLayout, ui.missions_grid)
    shown = {}
    for row in range(len(Mission)):
        name, value = (cast(QLabel, grid.itemAtPosition(row, column).widget()).text() for column in (0, 1))
        shown[name] = value
    assert shown == {mission.label: format_duration(minutes) for mission, minutes in by_mission.items()}


def test_the_figures_follow_saves_edits_deletions_and_undos(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    page = carnet_page(window)
    assert page.month.contains(TODAY)
    check_figures(page, service)
    for day, duration in ((4, "30 min"), (5, "1 h"), (6, "45 min")):
        save(page, day, duration)
        check_figures(page, service)
    entry_id = page.selected_ids()[0]
    old = service.entry(entry_id)
    assert page._push_edit(old, replace(old, minutes=95, mission=Mission.FORMATION))
    check_figures(page, service)
    page.delete_selected()
    check_figures(page, service)
    for _ in range(3):
        page.undo_stack.undo()
        check_figures(page, service)
    page.undo_stack.redo()
    check_figures(page, service)
    assert month_figures(service, page.month)[0] == 3


def activities(page: CarnetPage) -> list[str]:
    combo = page.ui.activity_combo
    return [combo.itemText(index) for index in range(combo.count())]


def test_a_save_leaves_the_activities_list_as_it_is(qtbot: Any, window: MainWindow, prompts: Any) -> None:
    page = carnet_page(window)
    combo = page.ui.activity_combo
    listed = activities(page)
    chosen = listed[1]
    save(page, 4, activity=chosen)
    completer = combo.completer()
    save(page, 5)
    assert activities(page) == listed
    assert combo.currentText() == chosen
    assert combo.completer() is completer  # not made again
    # A new activity (confirmed) joins the list, and stays the one shown.
    save(page, 6, activity="Atelier numérique du jeudi")
    assert prompts.asked  # the new activity was confirmed
    assert activities(page) != listed
    assert "Atelier numérique du jeudi" in activities(page)
    assert set(listed) < set(activities(page))
    assert combo.currentText() == "Atelier numérique du jeudi"
    assert combo.completer() is not completer
