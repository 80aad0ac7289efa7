"""Choose which register document to export, for which period, in which formats."""

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

DOCUMENTS = {
    "contacts": "Professionnels et structures contactés (listes et décomptes)",
    "sollicitations": "Sollicitations reçues et répondues (délais, sans réponse)",
    "comptes": "Comptes Parceo créés et mis à jour",
    "professionnels": "Liste des professionnels du registre",
    "structures": "Liste des structures et parcours Parceo (indicateur 30 %)",
}


@dataclass(frozen=True)
class RegisterExportRequest:
    kind: str
    first: date
    last: date
    formats: tuple[str, ...]
    folder: Path
    open_after: bool


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
        for key, label in DOCUMENTS.items():
            ui.kind_combo.addItem(label, key)
        ui.kind_combo.setCurrentIndex(list(DOCUMENTS).index(kind))
        programme = service.programme()
        ui.first_edit.setDate(to_qdate(programme.start_date))
        ui.last_edit.setDate(to_qdate(programme.end_date))

    def accept(self) -> None:
        ui = self.ui
        output = chosen_output(ui)
        if output is None:
            return
        formats, folder = output
        first, last = from_qdate(ui.first_edit.date()), from_qdate(ui.last_edit.date())
        if last < first:
            error_line(ui.message_label, "La fin de la période précède son début.")
            return
        self.request = RegisterExportRequest(
            ui.kind_combo.currentData(), first, last, formats, folder, ui.open_after_check.isChecked()
        )
        super().accept()
