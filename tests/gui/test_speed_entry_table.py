"""The carnet's table keeps what it read and worked out (entries, row texts) from one save to the
next, and reads only the rows around those it shows: after any sequence of saves, edits,
deletions, undos, redos, sorts and month switches made on the page, every cell answers every role
as a table freshly read would, and the saved row is selected and scrolled to."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models import entry_table
from ambassadeur_app.gui.models.entry_table import OVER_CAP_ROLE, EntryTableModel
from ambassadeur_app.gui.pages import CARNET
from ambassadeur_app.gui.pages.carnet_page import CarnetPage
from ambassadeur_app.gui.undo import AddEntry, DeleteEntries, EditEntry
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry as log
from tests.entry_changes import MONTHS, Changes, fresh_service
from tests.entry_changes import fields as changed_fields

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")

ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.UserRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    OVER_CAP_ROLE,
]


def everything(model: EntryTableModel) -> list[list[list[Any]]]:
    """Every role of every cell, asked of the model itself (see ``test_incremental_save.shown``)."""
    return [
        [
            [model.data(model.index(row, column), role) for role in ROLES]
            for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    ]


def read_afresh(page: CarnetPage) -> EntryTableModel:
    """A table of the page's month, filter and order, read from the carnet."""
    shown = page.model
    assert shown is not None
    service = page._service()
    fresh = EntryTableModel(service)
    fresh.order, fresh.descending, fresh.read_only = shown.order, shown.descending, shown.read_only
    summary = service.month_summary(page.month)
    fresh.update(shown.where, summary.cap_reached_on, lambda: service.cap_day_split(summary))
    return fresh


steps = st.one_of(
    st.tuples(st.just("add"), changed_fields),
    st.tuples(st.just("add"), changed_fields),
    st.tuples(st.just("edit"), st.integers(0, 99), changed_fields),
    st.tuples(st.just("delete"), st.integers(0, 99), st.integers(1, 3)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
    st.tuples(st.just("sort"), st.integers(0, 7), st.booleans()),
    st.tuples(st.just("month"), st.sampled_from(MONTHS)),
)


def play(page: CarnetPage, changes: Changes, step: tuple[Any, ...]) -> None:
    """Make ``step`` on the page as the user makes it: a change goes on its undo stack, which
    refreshes the page (a change the rules refuse is dropped, as the page drops it)."""
    service, model = changes.service, page.model
    assert model is not None
    live = service.entry_ids(model.where)
    kind, command = step[0], None
    if kind == "add":
        blank = TimeEntry(date(2024, 9, 2), changes.people[0], Mission.PROMOTION, "Appel", 60)
        command = AddEntry(service, lambda exc: None, changes._entry(blank, step[1]))
    elif kind == "edit" and live:
        old = service.entry(live[step[1] % len(live)])
        command = EditEntry(service, lambda exc: None, old, changes._entry(old, step[2]))
    elif kind == "delete" and live:
        start = step[1] % len(live)
        command = DeleteEntries(service, lambda exc: None, live[start : start + step[2]])
    elif kind == "undo":
        page.undo_stack.undo()
    elif kind == "redo":
        page.undo_stack.redo()
    elif kind == "sort":
        model.sort(step[1], Qt.SortOrder.DescendingOrder if step[2] else Qt.SortOrder.AscendingOrder)
    elif kind == "month":
        page.show_month(step[1])
    if command is not None:
        page.undo_stack.push(command)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(steps, min_size=3, max_size=25))
# Back to a month shown before a change of its entries: its rows are not the ones kept.
@example(sequence=[("month", MONTHS[2]), ("add", {}), ("month", MONTHS[1])])
def test_each_cell_answers_as_a_table_read_afresh(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sequence: list[tuple[Any, ...]]
) -> None:
    # Windows of a few rows, so that the months hold rows read and rows not read yet.
    monkeypatch.setattr(entry_table, "BEHIND", 1)
    monkeypatch.setattr(entry_table, "AHEAD", 2)
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        for day in (2, 3, 3, 4, 30):  # September's rows before the changes
            changes.apply(("add", {"day": date(2024, 9, day), "minutes": 120}))
        page = CarnetPage()
        try:
            page.set_service(service)
            page.show_month(Month(2024, 9))
            model = page.model
            assert model is not None
            for step in sequence:
                play(page, changes, step)
                assert model.entry_ids() == service.entry_ids(model.where, model.order, model.descending)
                assert everything(model) == everything(read_afresh(page)), step
        finally:
            page.shutdown()
            page.deleteLater()


def test_the_saved_entry_is_selected_and_shown_in_a_long_month(
    window: MainWindow, service: CarnetService
) -> None:
    """Saving on a day far down a month of many rows scrolls to the saved row and selects it,
    the rows on screen read around it (not the whole month)."""
    for day in range(2, 29):
        for _ in range(6):
            log(service, date(2024, 9, day), 15)
    window.pages.show(CARNET)
    page = window.page
    page.show_month(Month(2024, 9))
    QApplication.processEvents()
    model = page.model
    assert model is not None
    read: list[int] = []
    entries = service.entries

    def counted(ids: Any) -> Any:
        ids = list(ids)
        read.append(len(ids))
        return entries(ids)

    service.entries = counted  # type: ignore[method-assign]
    table = page.ui.table_view
    for day in (27, 3, 15):
        read.clear()
        page.ui.date_edit.setDate(QDate(2024, 9, day))
        page.ui.duration_edit.setText("20 min")
        assert page.save_quick_entry()
        QApplication.processEvents()
        (saved,) = page.selected_ids()
        assert service.entry(saved).day == date(2024, 9, day)
        index = model.index(model.row_of(saved), 0)
        assert table.viewport().rect().contains(table.visualRect(index).center())
        # Only the rows compared with while placing the entry, and those around it.
        assert sum(read) <= entry_table.BEHIND * 2 + entry_table.AHEAD * 2 + 10, read
        assert everything(model) == everything(read_afresh(page))
