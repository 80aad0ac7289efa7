"""Prepare the justification pack: the checker's findings first, each one a way to the record
to fix, then the pack written in the background with a progress bar and a cancel.

The dialog is not modal: the user goes to a finding's record in the window (``finding_activated``),
fixes it, and checks again without closing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from ambassadeur_app.domain.checks import Finding, summary
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.gui import prompts, tasks
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_pack_dialog import Ui_PackDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from ambassadeur_app.services import CarnetService
    from ambassadeur_app.services.pack import PackResult

WRITE_TEXT = "Écrire le dossier"
CLOSE_TEXT = "Fermer"
CANCEL_TEXT = "Annuler l'écriture"
NOTE = (
    " Les points bloquants n'empêchent pas d'écrire le dossier (ils sont listés dans son "
    "LISEZMOI.txt), mais corrigez-les avant de l'envoyer au financeur."
)


def new_folder(parent: Path, name: str) -> Path:
    """Return ``parent / name``, or ``name-2``, ``name-3``… : a folder that does not exist yet."""
    candidate, number = parent / name, 1
    while candidate.exists() or candidate.with_name(f"{candidate.name}.zip").exists():
        number += 1
        candidate = parent / f"{name}-{number}"
    return candidate


class PackDialog(QDialog):
    """Signals:
    finding_activated(str, str, str): the page, the record kind and the record id of a finding
        the user wants to fix (see ``domain.checks.Finding``).
    written(object): the ``PackResult`` of a pack written.
    """

    finding_activated = Signal(str, str, str)
    written = Signal(object)

    def __init__(
        self,
        service: CarnetService,
        folder: Path,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PackDialog()
        self.ui.setupUi(self)
        self.service = service
        self.pool = pool
        self.findings: list[Finding] = []
        self.task: tasks.Task | None = None
        self.pack_result: PackResult | None = None
        self.write_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(WRITE_TEXT)
        self.close_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(CLOSE_TEXT)
        self.ui.folder_edit.setText(str(new_folder(folder, service.pack.default_name())))
        self.ui.progress_bar.setVisible(False)
        self.ui.buttons.accepted.connect(self.write)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.findings_list.itemActivated.connect(self._activated)
        self.ui.show_button.clicked.connect(lambda: self._activated(self.ui.findings_list.currentItem()))
        self.ui.recheck_button.clicked.connect(self.recheck)
        self.ui.browse_button.clicked.connect(self._browse)
        self.recheck()

    # --- findings -------------------------------------------------------------------------------

    def recheck(self) -> list[Finding]:
        """Run the checks again and list their findings."""
        self.findings = self.service.pack.check()
        listing = self.ui.findings_list
        listing.clear()
        style = self.style()
        icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for index, finding in enumerate(self.findings):
            item = QListWidgetItem(
                icons[finding.blocking],
                f"{finding.severity.value.capitalize()} — {finding.title}\n{finding.detail}",
            )
            item.setData(Qt.ItemDataRole.UserRole, index)
            if finding.blocking:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            listing.addItem(item)
        if self.findings:
            listing.setCurrentRow(0)
        self.ui.show_button.setEnabled(bool(self.findings))
        self.ui.summary_label.setText(summary(self.findings) + (NOTE if self.findings else ""))
        return self.findings

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        finding = self.findings[int(item.data(Qt.ItemDataRole.UserRole))]
        self.finding_activated.emit(finding.target_page, finding.record_kind.value, finding.record_id)

    def _browse(self) -> None:
        current = Path(self.ui.folder_edit.text().strip() or ".")
        chosen = QFileDialog.getExistingDirectory(
            self, "Dossier où créer le dossier de justification", str(current.parent)
        )
        if chosen:
            self.ui.folder_edit.setText(str(new_folder(Path(chosen), current.name)))

    # --- writing ----------------------------------------------------------------------------------

    def folder(self) -> Path:
        return Path(self.ui.folder_edit.text().strip())

    def write(self) -> tasks.Task | None:
        """Write the pack in the background; the dialog stays open and shows the progress."""
        if self.task is not None or not self.ui.folder_edit.text().strip():
            return None
        from ambassadeur_app.services import open_service

        folder, archive = self.folder(), self.ui.zip_check.isChecked()
        path, today = self.service.path, self.service.today

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> PackResult | None:
            service = open_service(path, readonly=True, today=today)
            try:
                return service.pack.write(folder, archive, progress, cancelled)
            finally:
                service.close()

        self._set_writing(True)
        task = tasks.Task(work)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        self.task = task
        return tasks.start(task, self.pool)

    def _set_writing(self, writing: bool) -> None:
        self.write_button.setEnabled(not writing)
        self.close_button.setText(CANCEL_TEXT if writing else CLOSE_TEXT)
        for widget in (self.ui.folder_edit, self.ui.browse_button, self.ui.zip_check, self.ui.recheck_button):
            widget.setEnabled(not writing)
        if writing:
            self.ui.progress_bar.setRange(0, 0)
            self.ui.progress_bar.setVisible(True)

    def _progress(self, done: int, total: int) -> None:
        self.ui.progress_bar.setRange(0, total)
        self.ui.progress_bar.setValue(done)

    def _finished(self, result: PackResult | None) -> None:
        self.task = None
        self._set_writing(False)
        if result is None:
            self.ui.progress_bar.setVisible(False)
            self.ui.summary_label.setText("Écriture annulée : aucun fichier n'a été laissé.")
            return
        self.pack_result = result
        archive = f" et l'archive « {result.archive.name} »" if result.archive else ""
        draft = f" {result.draft_warning}" if result.draft else ""
        self.ui.summary_label.setText(
            f"Dossier de justification écrit : {result.folder} ({plural(len(result.files), 'document')})"
            f"{archive}. {summary(result.findings)}{draft}"
        )
        self.ui.folder_edit.setText(str(new_folder(result.folder.parent, self.service.pack.default_name())))
        self.written.emit(result)
        if self.ui.open_check.isChecked():
            prompts.open_path(result.folder)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self._set_writing(False)
        self.ui.progress_bar.setVisible(False)
        show_error(self, exc)

    def reject(self) -> None:
        """Close, or while writing, cancel the writing (the dialog then stays open)."""
        if self.task is not None:
            self.task.cancel()
            self.ui.summary_label.setText("Annulation de l'écriture…")
            return
        super().reject()
