"""Preview a spreadsheet carnet before importing it: every invalid line with its reason."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_import_dialog import Ui_ImportDialog
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, WARN_COLOR, error_line
from ambassadeur_app.gui.widgets.problems import INVALID_LINES_NOTE, setup_problems_table, show_problems
from ambassadeur_app.services import CarnetService, ImportOutcome, ImportPreview


class ImportDialog(QDialog):
    """Shows an ``ImportPreview``; accepting writes it (``outcome`` is then set)."""

    def __init__(self, service: CarnetService, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.service = service
        self.preview = preview
        self.outcome: ImportOutcome | None = None
        ui = self.ui
        self.import_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.file_label.setText(f"Fichier : <b>{preview.path.name}</b> — {preview.path.parent}")
        valid, invalid = len(preview.valid), len(preview.invalid)
        lines = [
            f"<b>{plural(valid, 'ligne prête', 'lignes prêtes')}</b> à importer"
            + (
                f", <b style='color:{ERROR_COLOR}'>{plural(invalid, 'ligne invalide', 'lignes invalides')}"
                "</b> (détail ci-dessous)"
                if invalid
                else ""
            )
            + "."
        ]
        if newcomers := preview.newcomers():
            # Said before the user confirms the import (the command line, with no preview, asks
            # for --nouveaux-ambassadeurs): a typo in the file never makes a silent third one.
            unknown = "Ambassadeur inconnu" if len(newcomers) == 1 else "Ambassadeurs inconnus"
            known = ", ".join(a.name for a in service.ambassadors()) or "aucun"
            lines.append(
                f"<b style='color:{WARN_COLOR}'>⚠ {unknown} du carnet, que l'import ajoutera : "
                f"{html.escape(', '.join(newcomers))}</b>. Ambassadeurs du carnet : {html.escape(known)}."
            )
        if preview.new_activities:
            added = ", ".join(
                f"{label} ({mission.label.lower()})" for mission, label in preview.new_activities
            )
            lines.append(f"Activités que l'import ajoutera aux listes : {added}.")
        lines += [f"⚠ {warning}" for warning in preview.warnings]
        if invalid:
            lines.append(INVALID_LINES_NOTE)
        ui.summary_label.setText("<br/>".join(lines))
        setup_problems_table(ui.problems_table)
        show_problems(ui.problems_table, preview.problems)
        ui.skip_invalid_check.setVisible(bool(invalid))
        ui.skip_invalid_check.toggled.connect(lambda _: self._update_button())
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self._update_button()

    def _update_button(self) -> None:
        count = len(self.preview.valid)
        blocked = bool(self.preview.invalid) and not self.ui.skip_invalid_check.isChecked()
        self.import_button.setText(f"Importer {plural(count, 'entrée')}")
        self.import_button.setEnabled(count > 0 and not blocked)

    def accept(self) -> None:
        try:
            self.outcome = self.service.apply_import(
                self.preview, skip_invalid=self.ui.skip_invalid_check.isChecked()
            )
        except AppError as exc:
            error_line(self.ui.summary_label, exc.message)
            return
        super().accept()
