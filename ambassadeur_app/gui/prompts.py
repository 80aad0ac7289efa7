"""Blocking questions to the user (confirmations, file choosers), kept in one module.

Tests replace these functions (``monkeypatch``) so that no modal dialog ever blocks them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ambassadeur_app import APP_NAME


def ask(parent: QWidget | None, text: str, informative: str = "", yes: str = "Continuer") -> bool:
    """Ask a yes/no question; return True when the user confirms."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=parent)
    box.setInformativeText(informative)
    confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Annuler", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(confirm)
    box.exec()
    return box.clickedButton() is confirm


def notice(parent: QWidget | None, title: str, text: str, details: str, name: str = "notice") -> QMessageBox:
    """Show an information the user should read, without waiting (window-modal; named ``name``)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName(name)
    box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def choose(parent: QWidget | None, text: str, informative: str, options: list[str]) -> int | None:
    """Ask the user to pick one of ``options``; return its index, or ``None`` if cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=parent)
    box.setInformativeText(informative)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.addButton("Annuler", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return next((index for index, button in enumerate(buttons) if button is clicked), None)


def open_file(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None


def open_files(parent: QWidget | None, title: str, folder: Path, filters: str) -> list[Path]:
    """Let the user pick one or several files (Ctrl or Maj + clic); ``[]`` if cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), filters)
    return [Path(name) for name in names]


def save_file(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def open_path(path: Path) -> None:
    """Open a document or folder with the system's default program."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
