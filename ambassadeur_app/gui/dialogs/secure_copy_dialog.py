"""Copy the carnet, encrypted, to a USB key or a folder off the laptop; restore such a copy.

The dialog only gathers and checks what the user typed; the main window does the work (the
copy in the thread pool, the restore with the carnet closed). The copy carries the attached
files; one missing or changed is named here, before the copy, and the user decides whether to
copy the rest (the copy itself leaves it out either way: it never carries a false document).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_secure_copy_dialog import Ui_SecureCopyDialog
from ambassadeur_app.gui.widgets.feedback import WARN_COLOR, error_line
from ambassadeur_app.gui.widgets.passphrase import echo_toggle
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.outside_copy import outside_copy_overdue, reminder_text
from ambassadeur_app.storage.sealed import (
    PASSPHRASE_MIN_LENGTH,
    SEALED_SUFFIX,
    check_opens,
    is_sealed,
    passphrase_problem,
    suggested_name,
)

FILTER = f"Copies chiffrées du carnet (*{SEALED_SUFFIX});;Tous les fichiers (*)"


@dataclass(frozen=True)
class CopyRequest:
    target: Path
    passphrase: str


@dataclass(frozen=True)
class RestoreRequest:
    source: Path
    passphrase: str


class SecureCopyDialog(QDialog):
    """``request`` holds what to do once the dialog is accepted."""

    COPY_TAB, RESTORE_TAB = 0, 1

    def __init__(
        self, service: CarnetService, folder: Path, parent: QWidget | None = None, restore: bool = False
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SecureCopyDialog()
        self.ui.setupUi(self)
        self.service = service
        self.folder = folder
        self.request: CopyRequest | RestoreRequest | None = None
        ui = self.ui
        self.ok_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        reminder = escape(reminder_text(service))
        if outside_copy_overdue(service):
            reminder = f"<span style='color:{WARN_COLOR}'><b>{reminder}</b></span>"
        ui.copy_info_label.setText(
            "Toutes les sauvegardes automatiques sont sur cet ordinateur : s'il est perdu ou volé, "
            "les heures, les justificatifs et le registre des professionnels partent avec lui. "
            "Gardez une copie <b>chiffrée</b> du carnet sur une clé USB ou dans un dossier hors de "
            "l'ordinateur, et renouvelez-la chaque mois. La copie contient aussi les pièces jointes "
            f"(devis, factures, feuilles d'émargement signées).<br/><br/>{reminder}"
        )
        ui.rules_label.setText(
            f"La phrase secrète compte au moins {PASSPHRASE_MIN_LENGTH} caractères ; quelques mots "
            "sans rapport entre eux sont sûrs et faciles à retenir. Notez-la en lieu sûr, jamais "
            "sur la clé : sans elle, personne ne pourra rouvrir la copie, pas même vous."
        )
        ui.restore_info_label.setText(
            "Remplace le carnet ouvert par le contenu d'une copie chiffrée ; ses pièces jointes "
            "reviennent dans le dossier des pièces jointes du carnet. L'état actuel du "
            "carnet est d'abord sauvegardé (type « avant restauration ») : vous pourrez revenir "
            "en arrière. Une phrase secrète erronée ou une copie abîmée ne change rien."
        )
        ui.target_edit.setText(str(folder / suggested_name(service.path, service.today().isoformat())))
        ui.target_button.clicked.connect(self._choose_target)
        ui.source_button.clicked.connect(self._choose_source)
        echo_toggle(ui.show_check, ui.passphrase_edit, ui.confirm_edit)
        ui.tabs.currentChanged.connect(self._tab_changed)
        for edit in (ui.target_edit, ui.passphrase_edit, ui.confirm_edit):
            edit.textChanged.connect(lambda: ui.copy_message_label.clear())
        for edit in (ui.source_edit, ui.restore_passphrase_edit):
            edit.textChanged.connect(lambda: ui.restore_message_label.clear())
        ui.buttons.accepted.connect(self._accept)
        ui.buttons.rejected.connect(self.reject)
        ui.tabs.setCurrentIndex(self.RESTORE_TAB if restore else self.COPY_TAB)
        self._tab_changed(ui.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        restoring = index == self.RESTORE_TAB
        self.ok_button.setText("Restaurer…" if restoring else "Copier")
        (self.ui.source_edit if restoring else self.ui.passphrase_edit).setFocus()

    def _choose_target(self) -> None:
        chosen = prompts.save_file(self, "Copier le carnet", Path(self.ui.target_edit.text().strip()), FILTER)
        if chosen is not None:
            self.ui.target_edit.setText(str(chosen))

    def _choose_source(self) -> None:
        chosen = prompts.open_file(self, "Restaurer une copie chiffrée", self.folder, FILTER)
        if chosen is not None:
            self.ui.source_edit.setText(str(chosen))

    def _accept(self) -> None:
        if self.ui.tabs.currentIndex() == self.RESTORE_TAB:
            request: CopyRequest | RestoreRequest | None = self._restore_request()
        else:
            request = self._copy_request()
        if request is not None:
            self.request = request
            for edit in (self.ui.passphrase_edit, self.ui.confirm_edit, self.ui.restore_passphrase_edit):
                edit.clear()  # the request holds it for the work; the widgets need not
            self.accept()

    def _copy_request(self) -> CopyRequest | None:
        ui, label = self.ui, self.ui.copy_message_label
        text = ui.target_edit.text().strip()
        if not text:
            error_line(label, "Choisissez le fichier de la copie (sur une clé USB ou dans un dossier).")
            return None
        target = Path(text).expanduser()
        if not target.suffix:
            target = target.with_name(target.name + SEALED_SUFFIX)
        if target.is_dir():
            error_line(label, f"« {target} » est un dossier : ajoutez un nom de fichier pour la copie.")
            return None
        if not target.parent.is_dir():
            error_line(label, f"Le dossier « {target.parent} » n'existe pas (la clé est-elle branchée ?).")
            return None
        passphrase = ui.passphrase_edit.text()
        problem = passphrase_problem(passphrase)
        if problem is not None:
            error_line(label, problem)
            ui.passphrase_edit.setFocus()
            return None
        if ui.confirm_edit.text() != passphrase:
            error_line(label, "Les deux saisies de la phrase secrète diffèrent.")
            ui.confirm_edit.setFocus()
            return None
        if _same_disk(target.parent, self.service.path) and not prompts.ask(
            self,
            "Cette copie resterait sur le disque de cet ordinateur.",
            "Elle ne protège pas le carnet si l'ordinateur est perdu ou volé, sauf si ce dossier "
            "est synchronisé ailleurs (dossier partagé de la CPTS). Copier quand même ici ?",
            "Copier ici",
        ):
            return None
        if target.exists() and not prompts.ask(
            self,
            f"Remplacer « {target.name} » ?",
            "Une copie de ce nom existe déjà à cet endroit.",
            "Remplacer",
        ):
            return None
        if not self._copy_despite_attachment_problems():
            return None
        return CopyRequest(target, passphrase)

    def _copy_despite_attachment_problems(self) -> bool:
        """Name the attached files the copy cannot carry (missing, changed); ask to copy the rest."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            problems = self.service.expenses.attachment_problems()  # every file hashed
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not problems:
            return True
        count = len(problems)
        shown = "\n".join(problems[:10]) + (f"\n… et {count - 10} autres." if count > 10 else "")
        return prompts.ask(
            self,
            "Une pièce jointe ne peut pas être copiée."
            if count == 1
            else f"{plural(count, 'pièce jointe', 'pièces jointes')} ne peuvent pas être copiées.",
            f"{shown}\n\nLa copie contiendra le carnet et toutes les autres pièces jointes. "
            "Retrouvez les originaux et joignez-les de nouveau, puis refaites la copie.",
            "Copier le reste",
        )

    def _restore_request(self) -> RestoreRequest | None:
        ui, label = self.ui, self.ui.restore_message_label
        text = ui.source_edit.text().strip()
        source = Path(text).expanduser() if text else None
        if source is None or not source.is_file():
            error_line(label, "Choisissez la copie chiffrée à restaurer.")
            return None
        if not is_sealed(source):
            error_line(
                label,
                f"« {source.name} » n'est pas une copie chiffrée ; une sauvegarde ordinaire se restaure "
                "depuis Fichier > Sauvegardes.",
            )
            return None
        passphrase = ui.restore_passphrase_edit.text()
        if not passphrase:
            error_line(label, "Saisissez la phrase secrète choisie lors de la copie.")
            ui.restore_passphrase_edit.setFocus()
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check_opens(source, passphrase)
        except AppError as exc:
            error_line(label, exc.message)
            ui.restore_passphrase_edit.selectAll()
            ui.restore_passphrase_edit.setFocus()
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        return RestoreRequest(source, passphrase)


def _same_disk(folder: Path, carnet: Path) -> bool:
    """Say whether ``folder`` is on the disk that holds the carnet (not a key, not a network share)."""
    try:
        return os.stat(folder).st_dev == os.stat(carnet).st_dev
    except OSError:
        return False
