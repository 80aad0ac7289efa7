"""The rétroplanning tab on the demo carnet, driven like a user: an action created, linked to an
event, edited, deleted and brought back through its dialog and the keys; the late action marked
in the list and in the timeline; the filters; the Gantt chart and the table written and read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ActionStatus, Link, LinkKind
from ambassadeur_app.gui.dialogs.action_dialog import ActionDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages.planning_page import PlanningPage
from ambassadeur_app.gui.shortcuts import window_shortcuts
from ambassadeur_app.gui.widgets.programme_form import to_qdate
from ambassadeur_app.gui.widgets.timeline import SCALE
from ambassadeur_app.reports.planning import HEADER, ROW
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import ambassador_id, plain
from tests.gui.conftest import Prompts


def demo_carnet(path: Path) -> Iterator[CarnetService]:
    """Yield the demo carnet built on its reference day at ``path``, closed after."""
    svc = open_service(path, create=True, today=lambda: REFERENCE_DAY)
    build_demo(svc)
    yield svc
    svc.close()


@pytest.fixture
def service(carnet_path: Path) -> Iterator[CarnetService]:
    """The demo carnet (instead of the GUI tests' empty carnet)."""
    yield from demo_carnet(carnet_path)


def planning_page(window: MainWindow) -> PlanningPage:
    page = window.pages.show("planning")
    assert isinstance(page, PlanningPage)
    return page


def visible_dialogs(page: PlanningPage) -> list[ActionDialog]:
    return [d for d in page.findChildren(ActionDialog) if d.isVisible()]


def event_titled(service: CarnetService, start: str) -> tuple[str, str]:
    events = service.events.events(service.events.event_ids())
    return next((i, e.title) for i, e in events.items() if e.title.startswith(start))


def test_create_link_edit_delete_and_undo_an_action(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    page = planning_page(window)
    before = set(service.planning.action_ids())
    assert page.model is not None
    assert page.model.rowCount() == len(before)
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = visible_dialogs(page)
    ui = dialog.ui
    dialog.accept()  # no title: the domain's message, the dialog stays open
    assert dialog.isVisible()
    assert "Indiquez le titre de l'action" in ui.message_label.text()
    qtbot.keyClicks(ui.title_edit, "Relancer  les EHPAD du secteur ")
    ui.mission_combo.setCurrentIndex(ui.mission_combo.findData(Mission.ACCOMPAGNEMENT.value))
    julien = ambassador_id(service, "Julien Marchal")
    ui.responsible_combo.setCurrentIndex(ui.responsible_combo.findData(julien))
    ui.planned_start_edit.setDate(to_qdate(date(2026, 1, 5)))
    ui.planned_end_edit.setDate(to_qdate(date(2026, 1, 20)))
    # An event that carried it out, found by typing part of its title.
    event_id, title = event_titled(service, "Groupe de travail")
    picker = ui.link_picker.ui
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData(LinkKind.EVENT.value))
    qtbot.keyClicks(picker.search_edit, "groupe de trav")
    ui.link_picker.search()
    assert picker.result_combo.currentData() == event_id
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    assert picker.links_list.count() == 1
    assert picker.links_list.item(0).text().startswith(f"Événement : {title} (")
    dialog.accept()
    assert not dialog.isVisible()
    [new_id] = set(service.planning.action_ids()) - before
    saved = service.planning.action(new_id)
    assert (saved.title, saved.mission, saved.ambassador_id) == (
        "Relancer les EHPAD du secteur",
        Mission.ACCOMPAGNEMENT,
        julien,
    )
    assert (saved.planned_start, saved.planned_end, saved.status) == (
        date(2026, 1, 5),
        date(2026, 1, 20),
        ActionStatus.TODO,
    )
    assert saved.links == (Link(LinkKind.EVENT, event_id),)
    assert page.selected_ids() == [new_id]
    # Not started and past its end on the demo's day: late, in the list and the timeline.
    row = page.model.row_of(new_id)
    late_column = [c.title for c in page.model.columns].index("Retard")
    assert page.model.index(row, late_column).data() == "⚠ en retard de 38 jours"
    assert new_id in [r.action.id for r in page.ui.timeline.late_rows()]

    # Entrée edits it: done, with its actual dates (ticked by the status).
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_Return)
    [editing] = visible_dialogs(page)
    assert editing.original.id == new_id
    eui = editing.ui
    eui.status_combo.setCurrentIndex(eui.status_combo.findData(ActionStatus.DONE.value))
    assert eui.actual_start_check.isChecked()
    assert eui.actual_end_check.isChecked()
    eui.actual_start_edit.setDate(to_qdate(date(2026, 1, 6)))
    eui.actual_end_edit.setDate(to_qdate(date(2026, 1, 19)))
    editing.accept()
    assert not editing.isVisible()
    done = service.planning.action(new_id)
    assert (done.status, done.actual_start, done.actual_end) == (
        ActionStatus.DONE,
        date(2026, 1, 6),
        date(2026, 1, 19),
    )
    assert done.links == saved.links
    assert page.model.index(page.model.row_of(new_id), late_column).data() == ""

    # Suppr deletes it, Ctrl+Z brings it back, Ctrl+Maj+Z deletes it again.
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_Delete)
    assert new_id not in service.planning.action_ids()
    assert page.model.row_of(new_id) == -1
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert new_id in service.planning.action_ids()
    assert service.planning.action(new_id) == done
    assert page.model.row_of(new_id) >= 0
    qtbot.keyClick(
        page.ui.table_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert set(service.planning.action_ids()) == before


def test_a_refused_action_keeps_the_dialog_open_on_the_field_at_fault(
    window: MainWindow, service: CarnetService
) -> None:
    dialog = planning_page(window).new_record()
    ui = dialog.ui
    ui.title_edit.setText("Préparer le bilan")
    ui.status_combo.setCurrentIndex(ui.status_combo.findData(ActionStatus.DONE.value))
    ui.actual_end_edit.setDate(to_qdate(REFERENCE_DAY + timedelta(days=3)))
    before = service.planning.action_ids()
    dialog.accept()
    assert dialog.isVisible()
    assert "est dans le futur" in plain(ui.message_label.text())
    assert service.planning.action_ids() == before
    dialog.reject()


def test_the_late_action_is_marked_in_the_list_and_the_timeline(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    page = planning_page(window)
    [late] = service.planning.late_actions()
    assert page.model is not None
    late_column = [c.title for c in page.model.columns].index("Retard")
    marks = {
        page.model.ids()[r]: page.model.index(r, late_column).data() for r in range(page.model.rowCount())
    }
    assert marks[late.id].startswith("⚠ en retard de ")  # a symbol and words, not colour only
    assert [i for i, mark in marks.items() if mark] == [late.id]
    assert "⚠ 1 en retard" in page.ui.count_label.text()
    timeline = page.ui.timeline
    assert [r.action.id for r in timeline.rows] == page.model.ids()
    assert [r.action.id for r in timeline.late_rows()] == [late.id]
    # A click on its row in the timeline selects it in the list (and the detail says so).
    row = page.model.row_of(late.id)
    y = int((HEADER + ROW * row + ROW / 2) * SCALE)
    qtbot.mouseClick(timeline.canvas, Qt.MouseButton.LeftButton, pos=QPoint(10, y))
    assert page.selected_ids() == [late.id]
    assert timeline.selected_row() == row
    assert "EN RETARD DE" in page.ui.detail_browser.toPlainText()
    # The chart is drawn: light ground, dark bars and texts.
    image = timeline.canvas.grab().toImage()
    assert image.width() > 600
    assert image.height() > (HEADER + ROW * len(timeline.rows)) * SCALE - 2
    shades = {
        image.pixelColor(x, y).lightness() // 32
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 5)
    }
    assert len(shades) >= 3
    # « En retard seulement » keeps it alone, in the list and the timeline.
    page.ui.late_check.setChecked(True)
    assert page.model.ids() == [late.id]
    assert [r.action.id for r in timeline.rows] == [late.id]
    page.reset_filters()
    assert not page.ui.late_check.isChecked()
    assert len(page.model.ids()) == len(service.planning.action_ids())


def test_the_filters(window: MainWindow, service: CarnetService) -> None:
    page = planning_page(window)
    ids = service.planning.action_ids()
    found = service.planning.actions(ids)
    actions = {i: found[i] for i in ids}  # by planned start, as the list
    assert page.model is not None
    ui = page.ui
    ui.status_combo.setCurrentIndex(ui.status_combo.findData(ActionStatus.DONE.value))
    assert page.model.ids() == [i for i, a in actions.items() if a.status is ActionStatus.DONE]
    ui.status_combo.setCurrentIndex(0)
    ui.mission_combo.setCurrentIndex(ui.mission_combo.findData(Mission.FORMATION.value))
    assert page.model.ids() == [i for i, a in actions.items() if a.mission is Mission.FORMATION]
    ui.mission_combo.setCurrentIndex(0)
    julien = ambassador_id(service, "Julien Marchal")
    who = ui.scope_filters.ui.ambassador_combo
    who.setCurrentIndex(who.findData(julien))
    assert page.model.ids() == [i for i, a in actions.items() if a.ambassador_id == julien]
    page.reset_filters()
    page.ui.search_edit.setText("ehpad")
    page.refresh()
    assert page.model.ids() == [i for i, a in actions.items() if "EHPAD" in a.title]
    assert len(page.model.ids()) >= 1


def test_the_gantt_pdf_and_the_table_are_written_and_opened(
    window: MainWindow, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    page = planning_page(window)
    [late] = service.planning.late_actions()
    prompts.file = tmp_path / "retro"  # no suffix typed: the format's is added
    out = page.export("pdf")
    assert out == tmp_path / "retro.pdf"
    assert prompts.opened == [out]
    text = plain("\n".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Rétroplanning" in text
    assert "EN RETARD (" in text
    assert "février 2026" in text
    assert late.title.split(":")[0].strip() in text
    prompts.file = tmp_path / "retro.xlsx"
    assert page.export("xlsx") == prompts.file
    sheet = load_workbook(prompts.file).worksheets[0]
    titles = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert late.title in titles
    assert sum(
        1
        for t in titles
        if t in {a.title for a in service.planning.actions(service.planning.action_ids()).values()}
    ) == len(service.planning.action_ids())


def test_the_planning_keys_are_in_the_f1_list(window: MainWindow) -> None:
    groups = dict(window_shortcuts(window, lambda s: "", []))
    assert ("Ctrl+N", "Nouvelle action") in groups["Onglet « Rétroplanning »"]
    assert ("Suppr", "Supprimer l'action (Ctrl+Z l'annule)") in groups["Onglet « Rétroplanning »"]


def test_letters_beyond_french_are_drawn_on_screen_in_the_pdfs_fallback_font(
    window: MainWindow, service: CarnetService
) -> None:
    from PySide6.QtGui import QFontDatabase

    from ambassadeur_app.domain.planning import PlannedAction
    from ambassadeur_app.gui.widgets.timeline import _svg

    start = service.programme().start_date
    title = "Rencontre avec Łukasz Ørsted à Łódź"
    service.planning.save_action(PlannedAction(title, Mission.PROMOTION, start, start + timedelta(days=20)))
    timeline = planning_page(window).ui.timeline
    assert timeline.planning is not None
    svg = _svg(timeline.planning, timeline.rows, 700).decode()
    # The runs the chart placed by DejaVu's metrics are drawn in DejaVu, which Qt now has.
    assert "font-family: DejaVu Sans; font-weight: bold" in svg
    assert "DejaVuSans" not in svg
    assert "DejaVu Sans" in QFontDatabase.families()
    assert ">Ł<" in svg  # a run of its own, in DejaVu
