"""The active users readings: type one in (a date, a count, the baseline or not) or delete one,
or import a spreadsheet of them after seeing what it would change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ambassadeur_app.domain.formatting import format_date, format_number, plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_import_dialog import Ui_ImportDialog
from ambassadeur_app.gui.forms.ui_reading_dialog import Ui_ReadingDialog
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, error_line
from ambassadeur_app.gui.widgets.problems import INVALID_LINES_NOTE, setup_problems_table, show_problems
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.indicators import ReadingsPreview


class ReadingDialog(QDialog):
    """Type a reading in, or delete one of those listed; ``saved_id`` holds the id of the reading
    saved, ``deleted`` how many were deleted. Without a baseline in the carnet, the dialog
    proposes it first, on the first day of the experiment."""

    def __init__(self, service: CarnetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReadingDialog()
        self.ui.setupUi(self)
        self.service = service
        self.saved_id = ""
        self.deleted = 0
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        no_baseline = not any(r.baseline for r in service.indicators.readings())
        ui.baseline_check.setChecked(no_baseline)
        ui.date_edit.setDate(to_qdate(service.programme().start_date if no_baseline else service.today()))
        ui.delete_button.clicked.connect(self.delete_selected)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self._list()
        ui.users_edit.setFocus()

    def _list(self) -> None:
        """List the readings, the latest first and the baseline last."""
        listed = self.ui.readings_list
        listed.clear()
        for reading in reversed(self.service.indicators.readings()):
            kind = "valeur de référence" if reading.baseline else "relevé"
            item = QListWidgetItem(f"{format_date(reading.day)} : {format_number(reading.users, 0)} ({kind})")
            item.setData(Qt.ItemDataRole.UserRole, reading.id)
            listed.addItem(item)
        self.ui.delete_button.setEnabled(listed.count() > 0)

    def delete_selected(self) -> None:
        selected = self.ui.readings_list.selectedItems()
        if not selected:
            error_line(self.ui.message_label, "Sélectionnez le relevé à supprimer dans la liste.")
            return
        item = selected[0]
        if not prompts.ask(self, f"Supprimer le relevé « {item.text()} » ?", yes="Supprimer"):
            return
        try:
            self.service.indicators.delete_reading(str(item.data(Qt.ItemDataRole.UserRole)))
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        self.deleted += 1
        self.ui.message_label.setText(f"Relevé supprimé : {item.text()}.")
        self._list()

    def accept(self) -> None:
        """Save the reading; a value the service refuses keeps the dialog open with its message."""
        from ambassadeur_app.importers.readings import parse_users

        ui = self.ui
        try:
            users = parse_users(ui.users_edit.text().strip())
            self.saved_id = self.service.indicators.save_reading(
                from_qdate(ui.date_edit.date()), users, ui.baseline_check.isChecked()
            )
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            ui.users_edit.setFocus()
            return
        super().accept()


class ReadingsImportDialog(QDialog):
    """Shows a ``ReadingsPreview`` (its warnings, its invalid lines); accepting writes it
    (``imported`` is then the number of readings written)."""

    def __init__(
        self, service: CarnetService, preview: ReadingsPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("Importer des relevés d'utilisateurs actifs")
        self.service = service
        self.preview = preview
        self.imported = 0
        ui = self.ui
        self.import_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.file_label.setText(f"Fichier : <b>{preview.path.name}</b> — {preview.path.parent}")
        valid, invalid = len(preview.valid), sum(1 for line in preview.lines if line.reading is None)
        summary = f"<b>{plural(valid, 'relevé prêt', 'relevés prêts')}</b> à importer"
        if invalid:
            lines_text = plural(invalid, "ligne invalide", "lignes invalides")
            summary += f", <b style='color:{ERROR_COLOR}'>{lines_text}</b> (détail ci-dessous)"
        lines = [summary + "."] + [f"⚠ {warning}" for warning in preview.warnings]
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
        blocked = bool(self.preview.problems) and not self.ui.skip_invalid_check.isChecked()
        self.import_button.setText(f"Importer {plural(count, 'relevé')}")
        self.import_button.setEnabled(count > 0 and not blocked)

    def accept(self) -> None:
        try:
            self.imported = self.service.indicators.apply_readings(
                self.preview, skip_invalid=self.ui.skip_invalid_check.isChecked()
            )
        except AppError as exc:
            error_line(self.ui.summary_label, exc.message)
            return
        super().accept()
