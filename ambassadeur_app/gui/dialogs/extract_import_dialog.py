"""Import a national extract (RPPS or FINESS): read it in the background, then write the result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressDialog, QWidget

from ambassadeur_app.domain.formatting import format_number, plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import tasks
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_extract_import_dialog import Ui_ExtractImportDialog
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.problems import INVALID_LINES_NOTE, setup_problems_table, show_problems
from ambassadeur_app.importers.rpps import Territory
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.register_imports import RegisterImportOutcome, RegisterImportPreview


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.replace(";", ",").split(","))  # Territory trims, pads and drops blanks


class ExtractImportDialog(QDialog):
    """``kind`` is ``rpps`` or ``finess``; accepting writes the import (``outcome`` set)."""

    def __init__(
        self,
        service: CarnetService,
        kind: str,
        path: Path,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExtractImportDialog()
        self.ui.setupUi(self)
        self.service = service
        self.kind = kind
        self.path = path
        self.pool = pool
        self.preview: RegisterImportPreview | None = None
        self.outcome: RegisterImportOutcome | None = None
        self.task: tasks.Task | None = None
        ui = self.ui
        self.setWindowTitle("Importer l'extrait RPPS" if kind == "rpps" else "Importer l'extrait FINESS")
        self.import_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Importer")
        self.import_button.setEnabled(False)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        size = path.stat().st_size / 1_000_000 if path.exists() else 0
        ui.file_label.setText(f"Fichier : <b>{path.name}</b> ({format_number(size, 1)} Mo)")
        ui.departement_edit.setText(service.programme().departement_code)
        ui.departement_radio.setChecked(True)
        if kind == "finess":
            ui.territory_group.setTitle("Garder les établissements du département")
            for widget in (ui.communes_radio, ui.communes_edit, ui.postal_radio, ui.postal_edit):
                widget.setVisible(False)
        setup_problems_table(ui.problems_table)
        show_problems(ui.problems_table, [])
        ui.skip_invalid_check.setVisible(False)
        ui.skip_invalid_check.toggled.connect(lambda _: self._update_button())
        ui.scan_button.clicked.connect(self.scan)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def territory(self) -> Territory:
        ui = self.ui
        if ui.communes_radio.isChecked():
            return Territory(communes=_codes(ui.communes_edit.text()))
        if ui.postal_radio.isChecked():
            return Territory(postal_codes=_codes(ui.postal_edit.text()))
        return Territory(departement=ui.departement_edit.text())

    def scan(self) -> tasks.Task | None:
        """Read the file in the background with a progress bar and a cancel button."""
        try:
            territory = self.territory()
        except AppError as exc:
            error_line(self.ui.summary_label, exc.message)
            return None
        path, kind, today = self.path, self.kind, self.service.today
        carnet = self.service.path

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> RegisterImportPreview | None:
            def per_mille(done: int, total: int) -> None:  # byte counts overflow a Qt int
                progress(done * 1000 // max(total, 1), 1000)

            reader = open_service(carnet, readonly=True, today=today)
            try:
                imports = reader.register_imports
                if kind == "rpps":
                    return imports.preview_rpps(path, territory, per_mille, cancelled)
                return imports.preview_finess(path, territory.departement, per_mille, cancelled)
            finally:
                reader.close()

        dialog = QProgressDialog(f"Lecture de {path.name}…", "Annuler", 0, 1000, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(200)
        task = tasks.Task(work)
        dialog.canceled.connect(task.cancel)
        task.signals.progress.connect(lambda done, _total: dialog.setValue(done))
        task.signals.finished.connect(lambda preview: self._scanned(preview, dialog))
        task.signals.failed.connect(lambda exc: self._failed(exc, dialog))
        self.task = task
        self.ui.scan_button.setEnabled(False)
        return tasks.start(task, self.pool)

    def _scanned(self, preview: RegisterImportPreview | None, dialog: QProgressDialog) -> None:
        dialog.reset()
        self.ui.scan_button.setEnabled(True)
        self.preview = preview
        ui = self.ui
        show_problems(ui.problems_table, preview.problems if preview else [])
        ui.skip_invalid_check.setVisible(bool(preview and preview.invalid_lines))
        self._update_button()
        if preview is None:
            ui.summary_label.setText("Lecture annulée : rien n'a été importé.")
            return
        read = (
            plural(preview.read_lines, "ligne lue", "lignes lues")
            if self.kind == "rpps"
            else plural(preview.read_lines, "établissement retenu", "établissements retenus")
        )
        lines = [f"{read} : {preview.summary()}"]
        if preview.invalid_lines:
            lines.append(INVALID_LINES_NOTE)
        elif not preview.new + preview.completed:
            lines.append("Rien de nouveau à importer.")
        ui.summary_label.setText("<br/>".join(lines))

    def _update_button(self) -> None:
        """Import is offered when the file brings something and its invalid lines are dealt with."""
        preview = self.preview
        self.import_button.setEnabled(
            preview is not None
            and preview.new + preview.completed > 0
            and (not preview.invalid_lines or self.ui.skip_invalid_check.isChecked())
        )

    def _failed(self, exc: Exception, dialog: QProgressDialog) -> None:
        dialog.reset()
        self.ui.scan_button.setEnabled(True)
        self.preview = None
        self._update_button()
        show_problems(self.ui.problems_table, [])
        self.ui.skip_invalid_check.setVisible(False)
        if isinstance(exc, AppError):
            error_line(self.ui.summary_label, exc.message)
        else:
            show_error(self, exc)

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
