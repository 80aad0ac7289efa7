"""The requests received by the binôme: an inbox, unanswered first with their age."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QTextBrowser, QWidget

from ambassadeur_app.domain.formatting import format_number
from ambassadeur_app.domain.register import Solicitation
from ambassadeur_app.gui.forms.ui_solicitations_page import Ui_SolicitationsPage
from ambassadeur_app.gui.models.record_table import RecordColumn
from ambassadeur_app.gui.pages.register_page import RegisterPage
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, MUTED_COLOR, WARN_COLOR
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.solicitation_dialog import SolicitationDialog
    from ambassadeur_app.services import CarnetService

LATE_DAYS = 2


def hours_text(hours: float) -> str:
    """Return ``45 min``, ``3 h`` or ``2 j 4 h`` for a delay in hours."""
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{format_number(hours, 0 if hours.is_integer() else 1)} h"
    return f"{int(hours // 24)} j {round(hours % 24)} h"


class SolicitationsPage(RegisterPage):
    noun = ("sollicitation", "sollicitations")
    select_hint = "Sélectionnez une sollicitation."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SolicitationsPage()
        self.ui.setupUi(self)
        ui = self.ui
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        for label, value in (
            ("Toutes les sollicitations", None),
            ("Sans réponse", True),
            ("Répondues", False),
        ):
            ui.status_combo.addItem(label, value)
        ui.new_button.clicked.connect(self.new_request)
        ui.answer_button.clicked.connect(lambda: self.edit_selected(answering=True))
        ui.edit_button.clicked.connect(lambda: self.edit_selected())
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())
        self._names: dict[str, str] = {}

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        return self.ui.table_view, self.ui.detail_browser, self.ui.count_label, self.ui.search_edit

    def set_service(self, service: CarnetService) -> None:
        self._names = {}
        self.ui.scope_filters.configure(service, None, None, "Reçues")
        super().set_service(service)

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        return self.ui.scope_filters, [self.ui.status_combo]

    def _requester(self, request: Solicitation) -> str:
        register = self._service().register
        if request.professional_id:
            key = f"p:{request.professional_id}"
            if key not in self._names:
                self._names[key] = register.professional(request.professional_id).full_name
            return self._names[key]
        if request.structure_id:
            key = f"s:{request.structure_id}"
            if key not in self._names:
                self._names[key] = register.structure(request.structure_id).name
            return self._names[key]
        return request.requester

    def _age(self, request: Solicitation) -> str:
        if request.answered_at is not None:
            return f"répondue en {hours_text(request.delay_hours() or 0)}"
        days = (self._service().today() - request.received_at.date()).days
        return "aujourd'hui" if days <= 0 else f"depuis {days} j"

    def columns(self) -> list[RecordColumn]:
        return [
            RecordColumn("Reçue le", lambda r: r.received_at.strftime("%d/%m/%Y %H:%M")),
            RecordColumn("Attente / délai", self._age),
            RecordColumn("Demandeur", self._requester),
            RecordColumn("Catégorie", lambda r: r.category.label),
            RecordColumn("Statut", lambda r: r.status.label),
            RecordColumn("Description", lambda r: " ".join(r.description.split())),
        ]

    def fetch(self, ids: list[str]) -> dict[str, object]:
        register = self._service().register
        requests = register.solicitations(ids)
        # The requesters of the rows about to show, in two queries rather than one per row.
        known = {key[2:] for key in self._names}
        people = {r.professional_id for r in requests.values() if r.professional_id} - known
        for person in register.professionals(people).values():
            self._names[f"p:{person.id}"] = person.full_name
        places = {r.structure_id for r in requests.values() if r.structure_id} - known
        for structure in register.structures(places).values():
            self._names[f"s:{structure.id}"] = structure.name
        return dict(requests)

    def color(self, record: object) -> str | None:
        assert isinstance(record, Solicitation)
        if record.status.answered:
            return MUTED_COLOR
        age = (self._service().today() - record.received_at.date()).days
        return ERROR_COLOR if age > LATE_DAYS else WARN_COLOR

    def query(self) -> list[str]:
        first, last = self.ui.scope_filters.period()
        return self._service().register.solicitation_ids(
            text=self.ui.search_edit.text(),
            unanswered=self.ui.status_combo.currentData(),
            first=first,
            last=last,
        )

    def refresh(self) -> None:
        self._names = {}  # a requester may have been renamed or erased
        super().refresh()
        if self.service is not None:
            waiting = len(self.service.register.solicitation_ids(unanswered=True))
            self.ui.count_label.setText(f"{self.ui.count_label.text()}, dont {waiting} sans réponse")

    def detail_html(self, record_id: str) -> str:
        request = self._service().register.solicitations([record_id])[record_id]
        names = self._service().ambassador_names()
        lines = [
            f"Reçue le {request.received_at:%d/%m/%Y à %H:%M} ({request.channel.label.lower()}) — "
            f"{request.category.label}",
            f"Statut : {request.status.label}",
        ]
        if request.answered_at:
            lines.append(
                f"Répondue le {request.answered_at:%d/%m/%Y à %H:%M} par "
                f"{names.get(request.answered_by or '', '?')} ({hours_text(request.delay_hours() or 0)})"
            )
        body = "<br/>".join(escape(line) for line in lines)
        answer = f"<h4>Réponse</h4><p>{escape(request.resolution)}</p>" if request.resolution else ""
        return (
            f"<h3>{escape(self._requester(request))}</h3><p>{body}</p><h4>Demande</h4>"
            f"<p>{escape(request.description)}</p>{answer}"
        )

    def new_request(self) -> SolicitationDialog:
        from ambassadeur_app.gui.dialogs.solicitation_dialog import SolicitationDialog

        dialog = SolicitationDialog(self._service(), parent=self)
        dialog.accepted.connect(lambda: self.done("Sollicitation enregistrée.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self, answering: bool = False) -> SolicitationDialog | None:
        from ambassadeur_app.gui.dialogs.solicitation_dialog import SolicitationDialog

        record_id = self.selected_id()
        if record_id is None:
            return None
        request = self._service().register.solicitations([record_id])[record_id]
        dialog = SolicitationDialog(self._service(), request, answering, self)
        dialog.accepted.connect(
            lambda: self.done("Réponse enregistrée." if answering else "Sollicitation modifiée.")
        )
        dialog.open()
        return dialog
