"""Imports into the carnet: a carnet kept in a spreadsheet, lists of professionals, the national
extracts (RPPS, FINESS), and undoing the last import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from ambassadeur_app import paths
from ambassadeur_app.domain.formatting import format_timestamp, plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.contacts_import_dialog import ContactsImportDialog
    from ambassadeur_app.gui.dialogs.extract_import_dialog import ExtractImportDialog
    from ambassadeur_app.gui.dialogs.import_dialog import ImportDialog
    from ambassadeur_app.gui.main_window import MainWindow

UNDO_HINT = "Fichier > Annuler un import pour revenir en arrière."


class Imports:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def import_carnet(self, path: Path | None = None) -> ImportDialog | None:
        from ambassadeur_app.gui.dialogs.import_dialog import ImportDialog

        window = self.window
        if path is None:
            path = prompts.open_file(
                window,
                "Importer un carnet tenu dans un tableur",
                paths.documents_dir(),
                "Tableurs (*.xlsx *.csv);;Tous les fichiers (*)",
            )
            if path is None:
                return None
        try:
            preview = window.service.preview_import(path)
        except AppError as exc:
            show_error(window, exc)
            return None
        dialog = ImportDialog(window.service, preview, window)

        def imported() -> None:
            outcome = dialog.outcome
            assert outcome is not None
            window.page.reload_choices()
            window.page.refresh()
            window.update_status()
            window.ui.statusbar.showMessage(
                f"{plural(outcome.imported, 'entrée importée', 'entrées importées')} — {UNDO_HINT}", 15000
            )

        dialog.accepted.connect(imported)
        dialog.open()
        return dialog

    def undo_import(self) -> None:
        from ambassadeur_app.services.carnet import undo_warning, undone_text

        window = self.window
        imports = [r for r in window.service.imports() if not r.undone_at]
        if not imports:
            window.ui.statusbar.showMessage("Aucun import à annuler.", 8000)
            return
        last = imports[0]
        if not prompts.ask(
            window,
            f"Annuler l'import de « {last.filename} » du {format_timestamp(last.created_at)} ?",
            undo_warning(last),
            "Annuler l'import",
        ):
            return
        try:
            removed = window.service.undo_import(last.id)
        except AppError as exc:
            show_error(window, exc)
            return
        window.page.reload_choices()
        window.register_changed()
        window.ui.statusbar.showMessage(f"Import annulé : {undone_text(last, removed)}.", 10000)

    def import_register(self, kind: str, path: Path | None = None) -> QDialog | None:
        """Import a list of professionals (``contacts``) or a national extract (``rpps``, ``finess``)."""
        from ambassadeur_app.gui.dialogs.contacts_import_dialog import ContactsImportDialog
        from ambassadeur_app.gui.dialogs.extract_import_dialog import ExtractImportDialog

        window = self.window
        if path is None:
            titles = {
                "contacts": ("Importer une liste de professionnels", "Tableurs (*.xlsx *.csv)"),
                "rpps": ("Importer l'extrait RPPS", "Extraits RPPS (*.txt *.csv)"),
                "finess": ("Importer l'extrait FINESS", "Extraits FINESS (*.csv *.txt)"),
            }
            title, pattern = titles[kind]
            path = prompts.open_file(
                window, title, paths.documents_dir(), f"{pattern};;Tous les fichiers (*)"
            )
            if path is None:
                return None
        dialog: ContactsImportDialog | ExtractImportDialog
        if kind == "contacts":
            try:
                table = window.service.register_imports.contact_table(path)
            except AppError as exc:
                show_error(window, exc)
                return None
            dialog = ContactsImportDialog(window.service, table, window)
        else:
            dialog = ExtractImportDialog(window.service, kind, path, window.pool, window)

        def imported() -> None:
            outcome = dialog.outcome
            assert outcome is not None
            window.register_changed()
            window.ui.statusbar.showMessage(
                f"Import terminé : {plural(outcome.created, 'fiche créée', 'fiches créées')}, "
                f"{plural(outcome.updated, 'fiche complétée', 'fiches complétées')} — {UNDO_HINT}",
                15000,
            )

        dialog.accepted.connect(imported)
        dialog.open()
        return dialog
