"""What the export dialogs share: the formats, the folder and « open after », checked on accept."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.widgets.feedback import error_line


class OutputForm(Protocol):
    """The widgets an export form names alike."""

    buttons: QDialogButtonBox
    pdf_check: QCheckBox
    xlsx_check: QCheckBox
    open_after_check: QCheckBox
    folder_edit: QLineEdit
    browse_button: QPushButton
    message_label: QLabel


def setup_output(dialog: QDialog, ui: OutputForm, folder: Path, browse_title: str) -> None:
    """Both formats ticked, open after, ``folder`` proposed; Exporter / Annuler wired."""
    ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Exporter")
    ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
    for box in (ui.pdf_check, ui.xlsx_check, ui.open_after_check):
        box.setChecked(True)
    ui.folder_edit.setText(str(folder))

    def browse() -> None:
        chosen = prompts.choose_folder(dialog, browse_title, Path(ui.folder_edit.text()))
        if chosen is not None:
            ui.folder_edit.setText(str(chosen))

    ui.browse_button.clicked.connect(browse)
    ui.buttons.accepted.connect(dialog.accept)
    ui.buttons.rejected.connect(dialog.reject)


def chosen_output(ui: OutputForm) -> tuple[tuple[str, ...], Path] | None:
    """Return the formats and the folder, or None after saying in the form what is wrong."""
    formats = tuple(f for f, box in (("pdf", ui.pdf_check), ("xlsx", ui.xlsx_check)) if box.isChecked())
    folder = Path(ui.folder_edit.text().strip()).expanduser()
    if not formats:
        error_line(ui.message_label, "Cochez au moins un format.")
        return None
    if not folder.is_dir():
        error_line(ui.message_label, f"Le dossier « {folder} » n'existe pas.")
        return None
    return formats, folder
