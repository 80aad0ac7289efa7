"""The structures of the register and their path to Parceo, with the onboarding indicator."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QTextBrowser, QWidget

from ambassadeur_app.domain.formatting import format_date, format_percent
from ambassadeur_app.domain.register import Onboarding, RegisterFilter, Structure, StructureType
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_structures_page import Ui_StructuresPage
from ambassadeur_app.gui.models.record_table import RecordColumn
from ambassadeur_app.gui.pages.register_page import RegisterPage, history_html
from ambassadeur_app.gui.widgets.feedback import MUTED_COLOR, OK_COLOR
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
    from ambassadeur_app.gui.dialogs.structure_dialog import StructureDialog
    from ambassadeur_app.services import CarnetService

STEPS = list(Onboarding)


def last_step(structure: Structure) -> str:
    day = structure.onboarding_dates.get(structure.onboarding)
    return format_date(day) if day else ""


class StructuresPage(RegisterPage):
    noun = ("structure", "structures")
    select_hint = "Sélectionnez une structure."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StructuresPage()
        self.ui.setupUi(self)
        ui = self.ui
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.new_button.clicked.connect(self.new_structure)
        ui.edit_button.clicked.connect(self.edit_selected)
        ui.contact_button.clicked.connect(self.new_contact)
        ui.advance_button.clicked.connect(self.advance_selected)
        ui.merge_button.clicked.connect(self.merge_selected)
        ui.delete_button.clicked.connect(self.delete_selected)
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        return self.ui.table_view, self.ui.detail_browser, self.ui.count_label, self.ui.search_edit

    def set_service(self, service: CarnetService) -> None:
        ui = self.ui
        for combo in (ui.type_combo, ui.status_combo):
            combo.blockSignals(True)
            combo.clear()
        ui.type_combo.addItem("Tous les types", "")
        for kind in StructureType:
            ui.type_combo.addItem(kind.label, kind.value)
        ui.status_combo.addItem("Tous les statuts", "")
        for step in Onboarding:
            ui.status_combo.addItem(step.label, step.value)
        for combo in (ui.type_combo, ui.status_combo):
            combo.blockSignals(False)
        ui.scope_filters.configure(
            service, service.register.communes("structures"), "Contactées par", "Contactées"
        )
        super().set_service(service)

    def reload_choices(self) -> None:
        self.ui.scope_filters.set_communes(self._service().register.communes("structures"))

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        return self.ui.scope_filters, [self.ui.type_combo, self.ui.status_combo]

    def columns(self) -> list[RecordColumn]:
        return [
            RecordColumn("Nom", lambda s: s.name),
            RecordColumn("Type", lambda s: s.type.label),
            RecordColumn("Commune", lambda s: s.commune),
            RecordColumn("FINESS", lambda s: s.finess),
            RecordColumn("Statut Parceo", lambda s: s.onboarding.label),
            RecordColumn("Depuis le", last_step),
        ]

    def fetch(self, ids: list[str]) -> dict[str, object]:
        return dict(self._service().register.structures(ids))

    def color(self, record: object) -> str | None:
        assert isinstance(record, Structure)
        if record.onboarding is Onboarding.ONBOARDED:
            return OK_COLOR
        return MUTED_COLOR if record.onboarding is Onboarding.TO_CONTACT else None

    def query(self) -> list[str]:
        ui = self.ui
        kind = ui.type_combo.currentData()
        scope = ui.scope_filters
        first, last = scope.period()
        return self._service().register.structure_ids(
            RegisterFilter(
                text=ui.search_edit.text(),
                structure_type=StructureType(kind) if kind else None,
                status=ui.status_combo.currentData() or "",
                commune=scope.commune(),
                ambassador_id=scope.ambassador_id(),
                first_day=first,
                last_day=last,
            )
        )

    def refresh(self) -> None:
        super().refresh()
        if self.service is None:
            return
        onboarded, total, engaged = self.service.register.indicators()
        ratio = onboarded / total if total else 0.0
        reached = "atteint" if ratio >= 0.3 else "pas encore atteint"
        kinds = {s.type for s in engaged}
        hospital = "oui" if kinds & {StructureType.CH, StructureType.CHU} else "non"
        nursing = "oui" if StructureType.EHPAD in kinds else "non"
        dsi = any(s.it_commitment_on for s in engaged)
        self.ui.indicator_label.setText(
            f"Structures d'exercice coordonné (MSP, ESP, CDS) embarquées : <b>{onboarded} sur {total}</b> "
            f"({format_percent(ratio)}, objectif 30 % {reached}). "
            f"Centre hospitalier engagé : <b>{hospital}</b> ; EHPAD engagé : <b>{nursing}</b> ; "
            f"engagement d'une DSI : <b>{'oui' if dsi else 'non'}</b>."
        )

    def detail_html(self, record_id: str) -> str:
        register = self._service().register
        structure = register.structure(record_id)
        facts = [structure.type.label]
        if structure.finess:
            facts.append(f"FINESS {structure.finess}")
        place = f"{structure.commune} {structure.postal_code}".strip()
        if place:
            facts.append(place)
        steps = (
            " → ".join(
                f"{step.label} le {format_date(structure.onboarding_dates[step])}"
                for step in STEPS
                if step in structure.onboarding_dates
            )
            or "à contacter"
        )
        people = register.professionals(self._service().carnet.professionals.professionals_of(record_id))
        lines = [" · ".join(facts), f"Parcours Parceo : {steps}"]
        if structure.type.engages_services:
            lines.append("Services engagés : " + (structure.services_engaged or "aucun pour l'instant"))
            lines.append(
                "Engagement de la DSI : "
                + (format_date(structure.it_commitment_on) if structure.it_commitment_on else "pas encore")
            )
        lines.append("Professionnels : " + (", ".join(p.full_name for p in people.values()) or "aucun"))
        body = "<br/>".join(escape(line) for line in lines)
        return f"<h3>{escape(structure.name)}</h3><p>{body}</p><h4>Historique</h4>" + history_html(
            register.structure_history(record_id)
        )

    # --- actions ------------------------------------------------------------------------------

    def _one(self) -> Structure | None:
        record_id = self.selected_id()
        return self._service().register.structure(record_id) if record_id else None

    def new_structure(self) -> StructureDialog:
        from ambassadeur_app.gui.dialogs.structure_dialog import StructureDialog

        dialog = StructureDialog(self._service(), parent=self)
        dialog.accepted.connect(lambda: self.done("Structure enregistrée.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> StructureDialog | None:
        from ambassadeur_app.gui.dialogs.structure_dialog import StructureDialog

        structure = self._one()
        if structure is None:
            return None
        dialog = StructureDialog(self._service(), structure, self)
        dialog.accepted.connect(lambda: self.done("Structure modifiée."))
        dialog.open()
        return dialog

    def new_contact(self) -> ContactDialog:
        from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog

        structure = self._one()
        dialog = ContactDialog(self._service(), structure_id=structure.id if structure else None, parent=self)
        dialog.accepted.connect(lambda: self.done("Contact enregistré."))
        dialog.open()
        return dialog

    def advance_selected(self) -> None:
        structure = self._one()
        if structure is None:
            return
        index = STEPS.index(structure.onboarding)
        if index == len(STEPS) - 1:
            self.message.emit(f"{structure.name} est déjà embarquée dans Parceo.")
            return
        step = STEPS[index + 1]
        self._service().register.advance_onboarding(structure.id, step, self._service().today())
        self.done(f"{structure.name} : {step.label.lower()} le {format_date(self._service().today())}.")

    def merge_selected(self) -> None:
        register = self._service().register
        keep = self.merge_pair(
            "Sélectionnez les deux fiches de la même structure (Ctrl+clic).",
            "Fusionner ces deux structures ?",
            "Professionnels, contacts et sollicitations passent sur la fiche gardée.",
            lambda record_id: f"Garder « {register.structure(record_id).name} »",
            register.merge_structures,
        )
        if keep:
            self.done(f"Structures fusionnées : {register.structure(keep).name}.", keep)

    def delete_selected(self) -> None:
        structure = self._one()
        if structure is None:
            return
        if not prompts.ask(
            self,
            f"Supprimer « {structure.name} » du registre ?",
            "Ses professionnels restent dans le registre, sans cette structure.",
            "Supprimer",
        ):
            return
        self._service().register.delete_structure(structure.id)
        self.done(f"« {structure.name} » supprimée.")
