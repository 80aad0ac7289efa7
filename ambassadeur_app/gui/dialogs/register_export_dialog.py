"""Choose which justification table to export (the register's, for a period; the events', whole),
in which formats; the request then writes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from ambassadeur_app.gui.dialogs.output_choice import chosen_output, setup_output
from ambassadeur_app.gui.forms.ui_register_export_dialog import Ui_RegisterExportDialog
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

REGISTER_DOCUMENTS = {
    "contacts": "Professionnels et structures contactés (listes et décomptes)",
    "sollicitations": "Sollicitations reçues et répondues (délais, sans réponse)",
    "comptes": "Comptes Parceo créés et mis à jour",
    "professionnels": "Liste des professionnels du registre",
    "structures": "Liste des structures et parcours Parceo (indicateur 30 %)",
}
# The events' tables (``reports.event_tables``): every event of the carnet, no period.
EVENT_DOCUMENTS = {
    "ateliers": "Ateliers et événements (suivi, participants, questionnaires)",
    "formations": "Sessions de formation et professionnels formés",
    "catalogue": "Catalogue des formations",
    "depenses": "Dépenses du forfait événements (devis, factures, pièces)",
    "questionnaire-outil": "Questionnaire sur l'outil (diffusions et résultats)",
}


@dataclass(frozen=True)
class RegisterExportRequest:
    kind: str
    first: date
    last: date
    formats: tuple[str, ...]
    folder: Path
    open_after: bool

    def write(self, service: CarnetService) -> list[Path]:
        """Write the document in each format (atomically); return the files written."""
        from ambassadeur_app.reports import event_tables

        whole = self.kind in EVENT_DOCUMENTS  # named by the day of the export, not by a period
        dates = f"{service.today():%Y-%m-%d}" if whole else f"{self.first:%Y-%m-%d}-{self.last:%Y-%m-%d}"
        written = []
        for fmt in self.formats:
            out = self.folder / f"{self.kind}-{dates}.{fmt}"
            if whole:
                written.append(event_tables.export(service, self.kind, fmt, out))
            else:
                written.append(service.register.export(self.kind, fmt, out, self.first, self.last))
        return written


class RegisterExportDialog(QDialog):
    def __init__(
        self, service: CarnetService, folder: Path, kind: str = "contacts", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RegisterExportDialog()
        self.ui.setupUi(self)
        self.request: RegisterExportRequest | None = None
        ui = self.ui
        setup_output(self, ui, folder, "Dossier des documents")
        for key, label in REGISTER_DOCUMENTS.items():
            ui.kind_combo.addItem(label, key)
        ui.kind_combo.insertSeparator(ui.kind_combo.count())
        for key, label in EVENT_DOCUMENTS.items():
            ui.kind_combo.addItem(label, key)
        ui.kind_combo.currentIndexChanged.connect(self._kind_changed)
        ui.kind_combo.setCurrentIndex(ui.kind_combo.findData(kind))
        self._kind_changed()
        programme = service.programme()
        ui.first_edit.setDate(to_qdate(programme.start_date))
        ui.last_edit.setDate(to_qdate(programme.end_date))

    def _kind_changed(self) -> None:
        """The events' tables take no period: the dates give way to a note saying so."""
        ui = self.ui
        whole = ui.kind_combo.currentData() in EVENT_DOCUMENTS
        for widget in (ui.first_edit, ui.to_label, ui.last_edit):
            widget.setVisible(not whole)
        ui.period_note.setVisible(whole)
        ui.period_label.setText("Période" if whole else "&Période du")

    def accept(self) -> None:
        ui = self.ui
        output = chosen_output(ui)
        if output is None:
            return
        formats, folder = output
        first, last = from_qdate(ui.first_edit.date()), from_qdate(ui.last_edit.date())
        if last < first and ui.first_edit.isVisibleTo(self):
            error_line(ui.message_label, "La fin de la période précède son début.")
            return
        self.request = RegisterExportRequest(
            ui.kind_combo.currentData(), first, last, formats, folder, ui.open_after_check.isChecked()
        )
        super().accept()
