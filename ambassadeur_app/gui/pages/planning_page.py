"""The rétroplanning tab: the planned actions as a timeline (the Gantt chart of the PDF) above
their list, filtered by status, mission, responsible, period and lateness; an action created,
edited, linked to the events and entries that carried it out, deleted (Ctrl+Z brings it back);
the Gantt chart (PDF) and the table (xlsx) written and opened."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QTextBrowser, QWidget

from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ActionStatus
from ambassadeur_app.domain.text import fold
from ambassadeur_app.gui.forms.ui_planning_page import Ui_PlanningPage
from ambassadeur_app.gui.models.record_table import RecordColumn
from ambassadeur_app.gui.pages.undoable_page import UndoablePage
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, MUTED_COLOR
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.action_dialog import ActionDialog
    from ambassadeur_app.reports.planning import Planning, PlanningRow
    from ambassadeur_app.services import CarnetService

LATE_MARK = "⚠"  # beside the words « en retard »: the list does not rely on colour


def late_label(row: PlanningRow) -> str:
    return f"{LATE_MARK} {row.late}" if row.late_days else ""


class PlanningPage(UndoablePage):
    """The rétroplanning of the carnet.

    Keys (listed by F1 from ``pages.PLANNING_KEYS``): Ctrl+N new action, Entrée edit the
    selected one, Suppr delete it (Ctrl+Z brings it back).
    """

    noun = ("action", "actions")
    select_hint = "Sélectionnez une action."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanningPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.planning: Planning | None = None
        self._rows: dict[str, PlanningRow] = {}
        ui.splitter.setSizes([3000, 2000])  # the timeline above, three fifths of the height
        ui.list_splitter.setStretchFactor(0, 3)
        ui.list_splitter.setStretchFactor(1, 2)
        ui.new_button.clicked.connect(lambda: self.new_record())
        ui.edit_button.clicked.connect(lambda: self.edit_selected())
        ui.delete_button.clicked.connect(self.delete_selected)
        ui.gantt_button.clicked.connect(lambda: self.export("pdf"))
        ui.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        ui.late_check.toggled.connect(lambda _: self.refresh())
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())
        ui.timeline.clicked.connect(lambda action_id: self.select([action_id]))
        self.watch_keys(
            ui.table_view, ui.search_edit, ui.status_combo, ui.mission_combo, ui.detail_browser, ui.timeline
        )

    # --- the list -------------------------------------------------------------------------------

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        return self.ui.table_view, self.ui.detail_browser, self.ui.count_label, self.ui.search_edit

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        return self.ui.scope_filters, [self.ui.status_combo, self.ui.mission_combo]

    def set_service(self, service: CarnetService) -> None:
        ui = self.ui
        for combo in (ui.status_combo, ui.mission_combo):
            combo.blockSignals(True)
            combo.clear()
        ui.status_combo.addItem("Tous les statuts", "")
        for status in ActionStatus:
            ui.status_combo.addItem(status.label, status.value)
        ui.mission_combo.addItem("Toutes les missions", "")
        for mission in Mission:
            ui.mission_combo.addItem(mission.label, mission.value)
        for combo in (ui.status_combo, ui.mission_combo):
            combo.blockSignals(False)
        ui.scope_filters.configure(service, None, "Responsable", "Prévue")
        super().set_service(service)

    def reset_filters(self) -> None:
        self.ui.late_check.blockSignals(True)
        self.ui.late_check.setChecked(False)
        self.ui.late_check.blockSignals(False)
        super().reset_filters()

    def columns(self) -> list[RecordColumn]:
        return [
            RecordColumn("N°", lambda r: str(r.number), right=True),
            RecordColumn("Action", lambda r: r.action.title),
            RecordColumn("Statut", lambda r: r.action.status.label),
            RecordColumn("Retard", late_label),
            RecordColumn(
                "Prévue",
                lambda r: f"{format_date(r.action.planned_start)} → {format_date(r.action.planned_end)}",
            ),
            RecordColumn("Responsable", lambda r: r.responsible),
            RecordColumn("Mission", lambda r: r.action.mission.label),
            RecordColumn("Réalisée par", lambda r: "; ".join(view.label for view in r.links)),
        ]

    def fetch(self, ids: list[str]) -> dict[str, object]:
        return {i: self._rows[i] for i in ids if i in self._rows}

    def color(self, record: object) -> str | None:
        row: PlanningRow = record  # type: ignore[assignment]
        if row.late_days:
            return ERROR_COLOR
        return MUTED_COLOR if row.action.status is ActionStatus.ABANDONED else None

    def query(self) -> list[str]:
        """Read the rétroplanning once and keep the rows the filters let through (there are
        dozens of actions, not thousands: filtered here rather than in SQL)."""
        from ambassadeur_app.reports.planning import build_planning

        ui = self.ui
        self.planning = build_planning(self._service())
        status, mission = ui.status_combo.currentData(), ui.mission_combo.currentData()
        who = ui.scope_filters.ambassador_id()
        first, last = ui.scope_filters.period()
        words = fold(ui.search_edit.text()).split()
        late_only = ui.late_check.isChecked()

        def kept(row: PlanningRow) -> bool:
            action = row.action
            text = fold(f"{action.title} {action.description} {row.responsible}")
            return (
                (not status or action.status.value == status)
                and (not mission or action.mission.value == mission)
                and (not who or action.ambassador_id == who)
                and (first is None or action.planned_end >= first)
                and (last is None or action.planned_start <= last)
                and (not late_only or row.late_days > 0)
                and all(word in text for word in words)
            )

        rows = [row for row in self.planning.rows if kept(row)]
        self._rows = {row.action.id: row for row in rows}
        ui.timeline.show_rows(self.planning, rows)
        return [row.action.id for row in rows]

    def refresh(self) -> None:
        super().refresh()
        if self.planning is not None:
            late = self.planning.late_count
            total = len(self.planning.rows)
            shown = self.ui.count_label.text()
            self.ui.count_label.setText(
                f"{shown} sur {total} · {LATE_MARK} {late} en retard au {format_date(self.planning.today)}"
            )

    def show_detail(self) -> None:
        super().show_detail()
        ids = self.selected_ids()
        self.ui.timeline.select(ids[0] if len(ids) == 1 else "")

    def detail_html(self, record_id: str) -> str:
        row = self._rows.get(record_id)
        if row is None:
            return ""
        action = row.action
        facts = [action.mission.label, action.status.label]
        if row.responsible:
            facts.append(f"responsable : {row.responsible}")
        lines = [
            " · ".join(facts),
            f"Prévue du {format_date(action.planned_start)} au {format_date(action.planned_end)}",
        ]
        if action.actual_start is not None:
            end = f" au {format_date(action.actual_end)}" if action.actual_end else " (en cours)"
            lines.append(f"Réalisée du {format_date(action.actual_start)}{end}")
        html = f"<h3>{row.number}. {escape(action.title)}</h3><p>" + "<br/>".join(map(escape, lines)) + "</p>"
        if row.late_days:
            html += f"<p style='color:{ERROR_COLOR}'><b>{escape(late_label(row).upper())}</b></p>"
        if action.description:
            html += "<p>" + escape(action.description).replace("\n", "<br/>") + "</p>"
        if row.links:
            items = "".join(f"<li>{escape(view.label)}</li>" for view in row.links)
            html += f"<h4>Réalisée par</h4><ul>{items}</ul>"
        else:
            html += "<p><i>Aucun événement ni aucune entrée du carnet rattaché (« Modifier… »).</i></p>"
        return html

    # --- actions --------------------------------------------------------------------------------

    def new_record(self) -> ActionDialog:
        from ambassadeur_app.gui.dialogs.action_dialog import ActionDialog

        dialog = ActionDialog(self._service(), parent=self)
        dialog.accepted.connect(lambda: self.saved("Action enregistrée.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> ActionDialog | None:
        from ambassadeur_app.gui.dialogs.action_dialog import ActionDialog

        action_id = self.selected_id()
        if action_id is None:
            return None
        dialog = ActionDialog(self._service(), self._service().planning.action(action_id), self)
        dialog.accepted.connect(lambda: self.done("Action modifiée."))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        action_id = self.selected_id()
        if action_id is None:
            return
        planning = self._service().planning
        title = planning.action(action_id).title
        self.push_delete(
            f"la suppression de « {title} »",
            lambda: planning.delete_action(action_id),
            lambda: planning.restore_action(action_id),
        )
        self.done(f"« {title} » supprimée (Ctrl+Z pour annuler).")

    def export(self, fmt: str) -> Path | None:
        """Write the rétroplanning (``pdf``: the Gantt chart; ``xlsx``: the table), then open it."""
        from ambassadeur_app.reports.planning import export

        service = self._service()
        return self.write_document(
            "Rétroplanning",
            f"retroplanning-{service.today():%Y-%m-%d}.{fmt}",
            lambda out: export(service, fmt, out),
        )
