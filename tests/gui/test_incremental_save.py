"""The carnet's table moves, adds and takes out the rows of the entries saved, edited, deleted
and restored, and shows the same rows, in the same order, with the same marks as a reload."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.domain.rules import over_cap_split
from ambassadeur_app.gui.models.entry_table import DESCRIPTION, OVER_CAP_ROLE, EntryTableModel
from ambassadeur_app.storage.entries import EntryOrder
from tests.conftest import log_entry as log
from tests.entry_changes import MONTHS, Changes, fresh_service, sequences


def shown(model: EntryTableModel) -> list[list[Any]]:
    """Every cell's text, and whether it is greyed (not funded) or marked (beyond the cap).

    Asked of the model itself: ``index.data()`` goes through Qt, and PySide6 6.12 loses a
    reference to None each time that returns None (enough of them and Python aborts at exit).
    """
    return [
        [
            (
                model.data(cell, Qt.ItemDataRole.DisplayRole),
                model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None,
                model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None,
            )
            for cell in (model.index(row, column) for column in range(model.columnCount()))
        ]
        for row in range(model.rowCount())
    ]


filters = st.tuples(
    st.sampled_from([None, 0, 1]),
    st.sampled_from([None, Mission.PROMOTION, Mission.AUTRE]),
    st.sampled_from(["", "atelier", "éric", "martin"]),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=sequences, narrowing=filters)
def test_the_table_follows_each_change_as_a_reload_would(
    qtmodeltester: Any, tmp_path: Path, sequence: list[tuple[Any, Month | None]], narrowing: tuple[Any, ...]
) -> None:
    who, mission, text = narrowing
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        # One table per order, both ways; one of them narrowed by the filters.
        models = []
        for order, descending in product(EntryOrder, (False, True)):
            model = EntryTableModel(service)
            model.order, model.descending = order, descending
            qtmodeltester.check(model)  # and watches the signals of every change below
            models.append(model)
        month = MONTHS[1]
        reloads = 0
        for step, other in sequence:
            changes.apply(step)
            month = other or month
            summary = service.month_summary(month)
            split = service.cap_day_split(summary)
            entries = service.carnet.entries.in_range(month.first_day, month.last_day)
            over = dict(
                zip(
                    [e.id for e in entries],
                    over_cap_split(entries, service.programme(), month, service.today()),
                    strict=True,
                )
            )
            for index, model in enumerate(models):
                where = EntryFilter(month)
                if index == 0:
                    where = EntryFilter(month, who and changes.people[who], mission, text)
                # What Qt keeps (selection, current row) follows each entry to its new row.
                kept = {
                    i: QPersistentModelIndex(model.index(row, 0)) for row, i in enumerate(model.entry_ids())
                }
                reloaded = model.update(where, summary.cap_reached_on, split.copy)
                reloads += reloaded
                ids = service.entry_ids(where, model.order, model.descending)
                assert model.entry_ids() == ids, (step, model.order, model.descending)
                if not reloaded:
                    assert {i: index.row() for i, index in kept.items() if index.isValid()} == {
                        i: ids.index(i) for i in kept if i in ids
                    }
                stored = service.entries(ids)
                assert [model.entry_at(row) for row in range(len(ids))] == [stored[i] for i in ids]
                marks = [model.index(row, 0).data(OVER_CAP_ROLE) for row in range(len(ids))]
                assert marks == [over[i] for i in ids]
                if index < 2:  # what each row shows (kept from one paint to the next) as a reload
                    fresh = EntryTableModel(service)
                    fresh.order, fresh.descending = model.order, model.descending
                    fresh.update(where, summary.cap_reached_on, split.copy)
                    assert shown(model) == shown(fresh), step
        # Only another month or an import reads the rows again.
        switches = sum(1 for step, other in sequence if other or step[0] == "import")
        assert reloads <= len(models) * (1 + switches)


def test_an_edited_entry_moves_to_its_row_and_the_selection_follows(qtmodeltester: Any, service: Any) -> None:
    ids = [log(service, date(2024, 9, day), 60) for day in (2, 3, 4)]
    model = EntryTableModel(service)
    qtmodeltester.check(model)
    sept = EntryFilter(Month(2024, 9))
    model.update(sept, None, dict)
    assert model.entry_ids() == ids
    selected = QPersistentModelIndex(model.index(0, 0))
    for day, row in ((5, 2), (1, 0), (4, 1)):  # down, up, to the middle (created before the 4th's)
        service.update_entry(replace(service.entry(ids[0]), day=date(2024, 9, day)))
        assert not model.update(sept, None, dict)  # no reload
        assert model.entry_ids() == service.entry_ids(sept)
        assert model.entry_ids()[row] == ids[0]
        assert selected.row() == row
        assert model.entry_at(row).day == date(2024, 9, day)


def test_an_entry_saved_before_the_cap_day_marks_the_later_rows_beyond_the_cap(tmp_path: Path) -> None:
    """What the rows show is kept between paints: a save that moves the day the cap is reached
    changes the rows of the entries it did not touch, as a reload shows them."""
    with fresh_service(tmp_path) as service:  # cap: 6 h a month
        month = Month(2024, 9)
        for day, minutes in ((20, 300), (25, 120)):
            log(service, date(2024, 9, day), minutes)

        def updated(model: EntryTableModel) -> EntryTableModel:
            summary = service.month_summary(month)
            model.update(EntryFilter(month), summary.cap_reached_on, lambda: service.cap_day_split(summary))
            return model

        model = updated(EntryTableModel(service))
        before = shown(model)  # what the first paint asks
        assert [row[DESCRIPTION][2] for row in before] == [False, True]
        log(service, date(2024, 9, 3), 120)
        assert shown(updated(model)) == shown(updated(EntryTableModel(service)))
        notes = ["", "[dont 1\u00a0h au-delà du plafond] ", "[au-delà du plafond] "]
        assert [row[DESCRIPTION][0] for row in shown(model)] == notes
