"""The carnet's safety copies: the backups and their restore, the encrypted copies off the laptop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from ambassadeur_app import paths
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts, tasks
from ambassadeur_app.gui.errors import show_error

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.backups_dialog import BackupsDialog
    from ambassadeur_app.gui.dialogs.secure_copy_dialog import CopyRequest, RestoreRequest, SecureCopyDialog
    from ambassadeur_app.gui.main_window import MainWindow


class Copies:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._tasks: list[tasks.Task] = []

    # --- backups ------------------------------------------------------------------------------

    def show_backups(self) -> BackupsDialog:
        from ambassadeur_app.gui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.window.service, self.restore_backup, self.window)
        dialog.open()
        return dialog

    def restore_backup(self, backup: Path) -> bool:
        """Replace the open carnet by ``backup`` after confirmation; reopen it."""
        from ambassadeur_app.services.outside_copy import restore_plain_copy
        from ambassadeur_app.storage.sealed import is_sealed

        if is_sealed(backup):  # an encrypted copy: its passphrase is asked in its own dialog
            self.copy_carnet_outside(source=backup)
            return False
        return self._replace_carnet(
            "Restaurer cette sauvegarde ?",
            f"Le carnet sera remplacé par :\n{backup}",
            lambda path, warn: restore_plain_copy(path, backup, backup_root=paths.backup_root(), warn=warn),
            f"Carnet restauré depuis {backup.name}.",
        )

    def _replace_carnet(
        self, question: str, what: str, restore: Callable[[Path, Callable[[str], None]], object], done: str
    ) -> bool:
        """Replace the open carnet (``restore`` writes it, telling ``warn`` of each attached file
        it could not put back, and that the carnet is a shared one) after confirmation, then
        reopen it."""
        from ambassadeur_app.services import open_service

        window = self.window
        if not prompts.ask(
            window,
            question,
            f"{what}\n\nSon état actuel est d'abord sauvegardé (type « avant restauration ») : vous "
            "pourrez revenir en arrière.",
            "Restaurer",
        ):
            return False
        path, demo, today = window.service.path, window.demo, window.service.today
        window.service.close()
        error: AppError | None = None
        notes: list[str] = []
        try:
            restore(path, notes.append)
        except AppError as exc:
            error = exc
        window.show_carnet(open_service(path, today=today), demo)
        if error is not None:
            show_error(window, error)
            return False
        window.ui.statusbar.showMessage(done, 15000)
        if notes:
            prompts.notice(window, "Restauration", done, _headed(notes))
        return True

    # --- encrypted copies off the laptop -------------------------------------------------------

    def propose_secure_copy(self) -> SecureCopyDialog | None:
        """Offer an encrypted copy off the laptop (at each month's close); insist when it is due."""
        from ambassadeur_app.services.outside_copy import outside_copy_overdue, reminder_text

        service = self.window.service
        overdue = outside_copy_overdue(service)
        question = (
            "La dernière copie du carnet hors de cet ordinateur date de plus d'un mois : "
            "la refaire maintenant ?"
            if overdue
            else "Copier aussi le carnet sur une clé ou un dossier ?"
        )
        if not prompts.ask(
            self.window,
            question,
            f"{reminder_text(service)}\n\nUne copie chiffrée hors de l'ordinateur garde les heures "
            "et le registre si l'ordinateur est perdu ou volé.",
            "Copier maintenant",
        ):
            return None
        return self.copy_carnet_outside()

    def copy_carnet_outside(self, restore: bool = False, source: Path | None = None) -> SecureCopyDialog:
        """Open the encrypted-copy dialog (on its restore tab, with ``source``, when asked)."""
        from ambassadeur_app.gui.dialogs.secure_copy_dialog import SecureCopyDialog

        window = self.window
        saved = window.settings.value("secure_copy/folder")
        folder = Path(str(saved)) if saved and Path(str(saved)).is_dir() else window.documents_folder()
        dialog = SecureCopyDialog(window.service, folder, window, restore=restore or source is not None)
        if source is not None:
            dialog.ui.source_edit.setText(str(source))
            dialog.ui.restore_passphrase_edit.setFocus()
        dialog.accepted.connect(lambda: self._run_secure_request(dialog.request))
        dialog.open()
        return dialog

    def _run_secure_request(self, request: CopyRequest | RestoreRequest | None) -> None:
        from ambassadeur_app.gui.dialogs.secure_copy_dialog import CopyRequest, RestoreRequest

        if isinstance(request, CopyRequest):
            self._run_secure_copy(request)
        elif isinstance(request, RestoreRequest):
            self.restore_secure_copy(request)

    def _run_secure_copy(self, request: CopyRequest) -> tasks.Task:
        """Write the encrypted copy in the background, on a read-only connection of its own."""
        from ambassadeur_app.services import open_service
        from ambassadeur_app.services.outside_copy import write_sealed_copy

        window = self.window
        path, today = window.service.path, window.service.today
        window.settings.setValue("secure_copy/folder", str(request.target.parent))
        left_out: list[str] = []  # attached files the copy could not carry (appended by the worker)

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path:
            service = open_service(path, readonly=True, today=today)
            try:
                return write_sealed_copy(
                    service,
                    request.target,
                    request.passphrase,
                    # in KiB: a Qt int holds the size of any carnet
                    progress=lambda done, total: progress(done >> 10, max(total >> 10, 1)),
                    cancelled=cancelled,
                    warn=left_out.append,
                )
            finally:
                service.close()

        dialog = QProgressDialog("Chiffrement et copie du carnet…", "Annuler", 0, 0, window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = tasks.Task(work)
        dialog.canceled.connect(task.cancel)

        def advanced(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        task.signals.progress.connect(advanced)

        def finished(target: Path) -> None:
            dialog.reset()
            self._tasks.remove(task)
            window.ui.statusbar.showMessage(f"Copie chiffrée écrite et relue : {target}", 15000)
            if left_out:
                said = "La copie est écrite, sans ces pièces jointes :"
                prompts.notice(window, "Copie chiffrée", said, "\n".join(left_out))

        def failed(exc: Exception) -> None:
            from ambassadeur_app.storage.sealed import SealCancelled

            dialog.reset()
            self._tasks.remove(task)
            if isinstance(exc, SealCancelled):
                window.ui.statusbar.showMessage(exc.message, 8000)
            else:
                show_error(window, exc)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self._tasks.append(task)
        return tasks.start(task, window.pool)

    def restore_secure_copy(self, request: RestoreRequest) -> bool:
        """Replace the open carnet by an encrypted copy after confirmation; reopen it."""
        from ambassadeur_app.services.outside_copy import restore_sealed_copy

        return self._replace_carnet(
            "Restaurer cette copie chiffrée ?",
            f"Le carnet sera remplacé par le contenu de :\n{request.source}",
            lambda path, warn: restore_sealed_copy(
                path, request.source, request.passphrase, backup_root=paths.backup_root(), warn=warn
            ),
            f"Carnet restauré depuis la copie chiffrée {request.source.name}.",
        )


def _headed(notes: list[str]) -> str:
    """The notes of a restore, each kind under its heading: the attached files it could not put
    back, then what else to know (a shared carnet: ``SHARED_NOTE``)."""
    from ambassadeur_app.services.outside_copy import SHARED_NOTE

    others = [note for note in notes if note.startswith(SHARED_NOTE)]
    missing = [note for note in notes if note not in others]
    parts = []
    if missing:
        parts.append("\n".join(["Des pièces jointes manquent :", *missing]))
    if others:
        parts.append("\n".join(["À savoir :", *others]))
    return "\n\n".join(parts)
