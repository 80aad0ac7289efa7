"""List the carnet's backups, take one now, restore one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from ambassadeur_app.domain.formatting import format_number
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_backups_dialog import Ui_BackupsDialog
from ambassadeur_app.services import CarnetService
from ambassadeur_app.storage.backup import Backup

Restore = Callable[[Path], bool]


class BackupsDialog(QDialog):
    """``restore(path)`` is the main window's: it closes the carnet, restores and reopens."""

    def __init__(self, service: CarnetService, restore: Restore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupsDialog()
        self.ui.setupUi(self)
        self.service = service
        self.restore = restore
        self.backups: list[Backup] = []
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        ui.backups_table.setColumnCount(3)
        ui.backups_table.setHorizontalHeaderLabels(["Date", "Type", "Taille"])
        ui.backups_table.verticalHeader().setVisible(False)
        header = ui.backups_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.backup_now_button.clicked.connect(self._backup_now)
        ui.restore_button.clicked.connect(self._restore_selected)
        ui.restore_file_button.clicked.connect(self._restore_file)
        ui.open_folder_button.clicked.connect(lambda: prompts.open_path(self.service.carnet.backups.folder))
        ui.backups_table.itemSelectionChanged.connect(
            lambda: ui.restore_button.setEnabled(bool(self._selected()))
        )
        ui.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        self.backups = self.service.backups()
        self.ui.info_label.setText(
            "Une sauvegarde est faite automatiquement après la première modification de chaque "
            "jour (7 quotidiennes, 4 hebdomadaires et 6 mensuelles sont gardées), avant chaque "
            "import et chaque mise à jour du format.<br/>"
            f"Dossier : <tt>{self.service.carnet.backups.folder}</tt>"
        )
        table = self.ui.backups_table
        table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            size = f"{format_number(backup.size / 1024, 0)} Ko"
            for column, text in enumerate(
                (backup.taken_at.strftime("%d/%m/%Y à %H:%M"), backup.kind.label.capitalize(), size)
            ):
                table.setItem(row, column, QTableWidgetItem(text))
        self.ui.restore_button.setEnabled(False)

    def _selected(self) -> Backup | None:
        rows = self.ui.backups_table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _backup_now(self) -> None:
        try:
            path = self.service.backup_now()
        except AppError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.ui.info_label.setText(f"Sauvegarde faite : <tt>{path.name}</tt>")

    def _restore_selected(self) -> None:
        backup = self._selected()
        if backup is not None and self.restore(backup.path):
            self.accept()

    def _restore_file(self) -> None:
        path = prompts.open_file(
            self,
            "Restaurer une sauvegarde",
            self.service.carnet.backups.folder,
            "Carnets et copies chiffrées (*.ambassadeur *.carnet-chiffre *.sqlite *.db);;"
            "Tous les fichiers (*)",
        )
        if path is not None and self.restore(path):
            self.accept()
