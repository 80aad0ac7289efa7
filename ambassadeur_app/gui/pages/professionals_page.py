"""The professionals of the register: search, filters, detail with history, RGPD actions."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QTextBrowser, QWidget

from ambassadeur_app import paths
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.register import ParceoStatus, Professional
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_professionals_page import Ui_ProfessionalsPage
from ambassadeur_app.gui.models.record_table import RecordColumn
from ambassadeur_app.gui.pages.register_page import RegisterPage, history_html
from ambassadeur_app.gui.widgets.feedback import MUTED_COLOR
from ambassadeur_app.gui.widgets.professional_filters import fill_professional_filters, professional_filter
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.account_dialog import AccountDialog
    from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
    from ambassadeur_app.gui.dialogs.professional_dialog import ProfessionalDialog
    from ambassadeur_app.services import CarnetService


class ProfessionalsPage(RegisterPage):
    """The professionals of the register.

    Signals:
        erased: a person was erased; what could still hold their data (undo) must forget it.
    """

    erased = Signal()
    noun = ("professionnel", "professionnels")
    select_hint = "Sélectionnez un professionnel."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProfessionalsPage()
        self.ui.setupUi(self)
        self._structure_names: dict[str, str] = {}
        ui = self.ui
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.new_button.clicked.connect(self.new_professional)
        ui.edit_button.clicked.connect(self.edit_selected)
        ui.contact_button.clicked.connect(self.new_contact)
        ui.account_button.clicked.connect(self.record_account)
        ui.merge_button.clicked.connect(self.merge_selected)
        ui.data_button.clicked.connect(self.export_personal_data)
        ui.erase_button.clicked.connect(self.erase_selected)
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        return self.ui.table_view, self.ui.detail_browser, self.ui.count_label, self.ui.search_edit

    def set_service(self, service: CarnetService) -> None:
        ui = self.ui
        fill_professional_filters(service, ui.group_combo, ui.type_combo, ui.status_combo)
        ui.scope_filters.configure(
            service, service.register.communes("professionals"), "Contactés par", "Contactés"
        )
        super().set_service(service)

    def reload_choices(self) -> None:
        self.ui.scope_filters.set_communes(self._service().register.communes("professionals"))

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        ui = self.ui
        return ui.scope_filters, [ui.group_combo, ui.type_combo, ui.status_combo]

    def columns(self) -> list[RecordColumn]:
        professions = self._service().register.professions()

        def structure_names(person: Professional) -> str:
            return ", ".join(self._structure_names.get(s, "") for s in person.structure_ids)

        return [
            RecordColumn("Nom", lambda p: p.last_name),
            RecordColumn("Prénom", lambda p: p.first_name),
            RecordColumn(
                "Profession",
                lambda p: (
                    professions[p.profession_code].label
                    if p.profession_code in professions
                    else p.profession_code
                ),
            ),
            RecordColumn("Commune", lambda p: p.commune),
            RecordColumn("Compte Parceo", lambda p: p.parceo_status.label),
            RecordColumn("Structures", structure_names),
        ]

    def fetch(self, ids: list[str]) -> dict[str, object]:
        register = self._service().register
        people = register.professionals(ids)
        # The structures of the rows about to show only: a FINESS import brings hundreds.
        wanted = {s for p in people.values() for s in p.structure_ids} - self._structure_names.keys()
        self._structure_names.update({s.id: s.name for s in register.structures(wanted).values()})
        return dict(people)

    def refresh(self) -> None:
        self._structure_names.clear()  # a structure may have been renamed or merged
        super().refresh()

    def color(self, record: object) -> str | None:
        assert isinstance(record, Professional)
        return MUTED_COLOR if record.parceo_status is ParceoStatus.NONE else None

    def query(self) -> list[str]:
        ui = self.ui
        return self._service().register.professional_ids(
            professional_filter(
                ui.search_edit.text(), ui.group_combo, ui.type_combo, ui.status_combo, ui.scope_filters
            )
        )

    def detail_html(self, record_id: str) -> str:
        register = self._service().register
        person = register.professional(record_id)
        profession = register.professions().get(person.profession_code)
        facts = [profession.label if profession else person.profession_code]
        if person.specialty.label:
            facts.append(person.specialty.label)
        if person.practice_mode.value:
            facts.append(person.practice_mode.label)
        if person.rpps:
            facts.append(f"RPPS {person.rpps}")
        structures = register.structures(person.structure_ids)
        sites = register.practice_sites(record_id)
        lines = [
            " · ".join(facts),
            "Structures : " + (", ".join(s.name for s in structures.values()) or "aucune"),
            *(f"Exerce à : {site.summary()}" for site in sites),
            " · ".join(
                x for x in (f"{person.commune} {person.postal_code}".strip(), person.email, person.phone) if x
            ),
            f"Compte Parceo : {person.parceo_status.label}"
            + (f" depuis le {format_date(person.parceo_since)}" if person.parceo_since else ""),
        ]
        if person.notes:
            lines.append(f"<i>{escape(person.notes)}</i>")
        body = "<br/>".join(line if line.startswith("<i>") else escape(line) for line in lines if line)
        return f"<h3>{escape(person.full_name)}</h3><p>{body}</p><h4>Historique</h4>" + history_html(
            register.professional_history(record_id)
        )

    # --- actions ------------------------------------------------------------------------------

    def _one(self) -> Professional | None:
        record_id = self.selected_id()
        return self._service().register.professional(record_id) if record_id else None

    def new_professional(self) -> ProfessionalDialog:
        from ambassadeur_app.gui.dialogs.professional_dialog import ProfessionalDialog

        dialog = ProfessionalDialog(self._service(), parent=self)
        dialog.accepted.connect(lambda: self.done("Professionnel enregistré.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> ProfessionalDialog | None:
        from ambassadeur_app.gui.dialogs.professional_dialog import ProfessionalDialog

        person = self._one()
        if person is None:
            return None
        dialog = ProfessionalDialog(self._service(), person, self)
        dialog.accepted.connect(lambda: self.done("Professionnel modifié."))
        dialog.open()
        return dialog

    def new_contact(self) -> ContactDialog:
        from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog

        dialog = ContactDialog(self._service(), tuple(self.selected_ids()), parent=self)
        dialog.accepted.connect(lambda: self.done("Contact enregistré."))
        dialog.open()
        return dialog

    def record_account(self) -> AccountDialog | None:
        from ambassadeur_app.gui.dialogs.account_dialog import AccountDialog

        person = self._one()
        if person is None:
            return None
        dialog = AccountDialog(self._service(), person, self)
        dialog.accepted.connect(lambda: self.done("Action sur le compte Parceo enregistrée."))
        dialog.open()
        return dialog

    def merge_selected(self) -> None:
        register = self._service().register

        def option(record_id: str) -> str:
            person = register.professional(record_id)
            return f"Garder {person.full_name} ({person.commune or '?'})"

        keep = self.merge_pair(
            "Sélectionnez les deux fiches de la même personne (Ctrl+clic).",
            "Fusionner ces deux fiches ?",
            "Les contacts, sollicitations, comptes et structures de l'une passent sur l'autre ; "
            "les champs vides de la fiche gardée sont complétés.",
            option,
            register.merge_professionals,
        )
        if keep:
            self.done(f"Fiches fusionnées : {register.professional(keep).full_name}.", keep)

    def export_personal_data(self) -> None:
        from ambassadeur_app.reports.output import slug

        person = self._one()
        if person is None:
            return
        suggested = paths.documents_dir() / f"donnees-{slug(person.full_name)}.xlsx"
        out = prompts.save_file(
            self, "Données personnelles (droit d'accès)", suggested, "Classeur Excel (*.xlsx);;PDF (*.pdf)"
        )
        if out is None:
            return
        try:
            written = self._service().register.personal_data(person.id, out)
        except AppError as exc:
            show_error(self, exc)
            return
        self.message.emit(f"Données de {person.full_name} écrites : {written}")
        prompts.open_path(written)

    def erase_selected(self) -> None:
        person = self._one()
        if person is None:
            return
        if not prompts.ask(
            self,
            f"Effacer {person.full_name} du registre ?",
            "Son identité (nom, RPPS, coordonnées, lieux d'exercice, notes) est effacée définitivement. "
            "Son nom, son e-mail, son téléphone et son RPPS sont remplacés par « [effacé] » dans les "
            "textes qui la concernent : ses contacts, ses sollicitations, les heures notées avec ses "
            "contacts, les notes de ses structures. Les autres textes du carnet ne sont pas modifiés. "
            "Sa profession reste comptée, anonymement, dans les tableaux de justification.\n\n"
            "Elle est aussi effacée de toutes les sauvegardes du carnet. Les copies faites ailleurs "
            "(commande « backup --sortie », fichier copié, documents déjà exportés) ne peuvent pas "
            "être atteintes : supprimez-les vous-même. Cette action ne s'annule pas.",
            "Effacer la personne",
        ):
            return
        register = self._service().register
        erasure = register.erase_professional(person.id)
        while not erasure.complete and prompts.ask(
            self, "L'effacement n'est pas encore complet dans le fichier.", erasure.warning, "Réessayer"
        ):
            erasure = register.erase_professional(person.id)
        self.erased.emit()
        self.done(erasure.summary)
        if erasure.warning:
            show_error(self, AppError(erasure.warning))
