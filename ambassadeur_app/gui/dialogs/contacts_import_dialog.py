"""Import a list of professionals: choose which column holds what, see every invalid line."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_contacts_import_dialog import Ui_ContactsImportDialog
from ambassadeur_app.gui.widgets.choices import select_data
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.problems import INVALID_LINES_NOTE, setup_problems_table, show_problems
from ambassadeur_app.importers.contacts import FIELDS, guess_mapping
from ambassadeur_app.importers.tabular import Table
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.register_imports import RegisterImportOutcome, RegisterImportPreview


class ContactsImportDialog(QDialog):
    """Accepting writes the import; ``outcome`` is then set."""

    def __init__(self, service: CarnetService, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ContactsImportDialog()
        self.ui.setupUi(self)
        self.service = service
        self.table = table
        self.preview: RegisterImportPreview | None = None
        self.outcome: RegisterImportOutcome | None = None
        ui = self.ui
        self.import_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.file_label.setText(f"Fichier : <b>{table.path.name}</b> — {plural(len(table.rows), 'ligne')}")
        guessed = guess_mapping(table.headers)
        self.combos: dict[str, QComboBox] = {key: getattr(ui, f"{key}_combo") for key in FIELDS}
        for key, combo in self.combos.items():
            combo.addItem("— (aucune)", None)
            for index, header in enumerate(table.headers):
                combo.addItem(header or f"Colonne {index + 1}", index)
            select_data(combo, guessed.get(key))
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        setup_problems_table(ui.problems_table)
        ui.skip_invalid_check.toggled.connect(lambda _: self._update_button())
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self.refresh()

    def mapping(self) -> dict[str, int]:
        return {
            key: combo.currentData() for key, combo in self.combos.items() if combo.currentData() is not None
        }

    def refresh(self) -> None:
        """Check every line again with the chosen columns."""
        ui = self.ui
        try:
            self.preview = self.service.register_imports.preview_contacts(self.table, self.mapping())
        except AppError as exc:
            self.preview = None
            error_line(ui.summary_label, exc.message)
            show_problems(ui.problems_table, [])
            self._update_button()
            return
        preview = self.preview
        lines = [preview.summary()]
        if preview.invalid_lines:
            lines.append(INVALID_LINES_NOTE)
        ui.summary_label.setText("<br/>".join(lines))
        show_problems(ui.problems_table, preview.problems)
        ui.skip_invalid_check.setVisible(bool(preview.invalid_lines))
        self._update_button()

    def _update_button(self) -> None:
        preview = self.preview
        ready = (
            preview is not None
            and bool(preview.professionals)
            and (not preview.invalid_lines or self.ui.skip_invalid_check.isChecked())
        )
        self.import_button.setEnabled(ready)
        self.import_button.setText(
            f"Importer {plural(len(preview.professionals), 'professionnel')}" if preview else "Importer"
        )

    def accept(self) -> None:
        if self.preview is None:
            return
        try:
            self.outcome = self.service.register_imports.apply(
                self.preview, self.ui.skip_invalid_check.isChecked()
            )
        except AppError as exc:
            error_line(self.ui.summary_label, exc.message)
            return
        super().accept()
