"""The main window: menus and actions around the carnet page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QProgressDialog, QWidget

from ambassadeur_app import APP_NAME, __version__, paths
from ambassadeur_app.domain.formatting import format_timestamp, plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import errors, prompts, tasks
from ambassadeur_app.gui.app import open_for_window
from ambassadeur_app.gui.dialogs.backups_dialog import BackupsDialog
from ambassadeur_app.gui.dialogs.contacts_import_dialog import ContactsImportDialog
from ambassadeur_app.gui.dialogs.export_dialog import ExportDialog, ExportRequest
from ambassadeur_app.gui.dialogs.extract_import_dialog import ExtractImportDialog
from ambassadeur_app.gui.dialogs.import_dialog import ImportDialog
from ambassadeur_app.gui.dialogs.register_export_dialog import RegisterExportDialog, RegisterExportRequest
from ambassadeur_app.gui.dialogs.reopen_dialog import ReopenDialog
from ambassadeur_app.gui.dialogs.secure_copy_dialog import CopyRequest, RestoreRequest, SecureCopyDialog
from ambassadeur_app.gui.dialogs.settings_dialog import SettingsDialog
from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard, discard_new_carnet
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_main_window import Ui_MainWindow
from ambassadeur_app.gui.pages.follow_ups_page import FollowUpsPage
from ambassadeur_app.gui.pages.professionals_page import ProfessionalsPage
from ambassadeur_app.gui.pages.register_page import RegisterPage
from ambassadeur_app.gui.pages.solicitations_page import SolicitationsPage
from ambassadeur_app.gui.pages.structures_page import StructuresPage
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.carnet import undo_warning, undone_text
from ambassadeur_app.storage.db import restore_carnet

# The keys that widgets handle themselves; every action's and QShortcut's key is read from the
# window when F1 is pressed (gui/shortcuts.py), so those are not repeated here.
SHORTCUTS = (
    ("Entrée", "Enregistrer la saisie rapide"),
    ("Tab / Maj+Tab", "Passer d'un champ de saisie à l'autre"),
    ("F2", "Modifier sur place la cellule sélectionnée"),
    ("Double-clic", "Ouvrir la ligne d'une liste"),
    ("Échap", "Fermer une fenêtre sans enregistrer"),
)


class MainWindow(QMainWindow):
    backup_done = Signal()  # the day's backup, written in the background, has ended

    def __init__(
        self,
        service: CarnetService,
        settings: QSettings,
        demo: bool = False,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.settings = settings
        self.pool = pool
        self.page = self.ui.carnet_page
        self.register_pages: list[ProfessionalsPage | StructuresPage | SolicitationsPage | FollowUpsPage] = [
            self.ui.professionals_page,
            self.ui.structures_page,
            self.ui.solicitations_page,
            self.ui.follow_ups_page,
        ]
        self.service = service
        self.demo = demo
        self._tasks: list[tasks.Task] = []
        self.status_label = QLabel()
        self._backup_problem_shown: str | None = None
        self.ui.statusbar.addPermanentWidget(self.status_label)
        undo = self.page.undo_stack.createUndoAction(self, "Annuler")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.page.undo_stack.createRedoAction(self, "Rétablir")
        redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        first = self.ui.menu_edit.actions()[0]
        self.ui.menu_edit.insertAction(first, undo)
        self.ui.menu_edit.insertAction(first, redo)
        self.ui.menu_edit.insertSeparator(first)
        self.undo_action, self.redo_action = undo, redo
        self._connect()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._fit_screen()
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.page.ui.splitter.restoreState(splitter)
        self._show_carnet(service, demo)

    def _outside_copy_due(self) -> bool:
        from ambassadeur_app.services.outside_copy import outside_copy_overdue

        return not self.demo and outside_copy_overdue(self.service)

    def _fit_screen(self) -> None:
        """Keep the window (its status bar above all) inside the screen, e.g. 1366 × 768."""
        available = self.screen().availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width(), available.width() - frame.width())
        height = min(self.height(), available.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(available.topLeft())

    def _connect(self) -> None:
        ui, page = self.ui, self.page
        actions: dict[QAction, Callable[[], object]] = {
            ui.action_new_carnet: self.new_carnet,
            ui.action_open_carnet: self.open_carnet,
            ui.action_import: self.import_carnet,
            ui.action_undo_import: self.undo_import,
            ui.action_export: self.export_timesheet,
            ui.action_backups: self.show_backups,
            ui.action_secure_copy: self.copy_carnet_outside,
            ui.action_quit: self.close,
            ui.action_new_entry: page.focus_quick_entry,
            ui.action_edit_entry: page.edit_selected,
            ui.action_duplicate_entry: page.duplicate_selected,
            ui.action_delete_entry: page.delete_selected,
            ui.action_find: self.focus_search,
            ui.action_previous_month: lambda: page.show_month(page.month.previous()),
            ui.action_next_month: lambda: page.show_month(page.month.next()),
            ui.action_current_month: lambda: page.show_month(self.service.default_month()),
            ui.action_close_month: self.close_month,
            ui.action_reopen_month: self.reopen_month,
            ui.action_settings: self.edit_settings,
            ui.action_shortcuts: self.show_shortcuts,
            ui.action_about: self.show_about,
        }
        for action, slot in actions.items():
            action.triggered.connect(lambda _=False, slot=slot: slot())
        # Delete acts on the table only, so that it still deletes text in the entry fields.
        ui.action_delete_entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        page.ui.table_view.addAction(ui.action_delete_entry)
        page.ui.close_month_button.clicked.connect(self.close_month)
        page.ui.reopen_month_button.clicked.connect(self.reopen_month)
        page.message.connect(lambda text: self.ui.statusbar.showMessage(text, 8000))
        for register_page in self.register_pages:
            register_page.message.connect(lambda text: self.ui.statusbar.showMessage(text, 8000))
            register_page.changed.connect(self._register_changed)
        self.ui.follow_ups_page.open_professional.connect(self.show_professional)
        ui.tabs.currentChanged.connect(lambda _: self._refresh_current())
        for number in range(ui.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda number=number: ui.tabs.setCurrentIndex(number))
        register = {
            ui.action_new_professional: (self.ui.professionals_page, "new_professional"),
            ui.action_new_structure: (self.ui.structures_page, "new_structure"),
            ui.action_new_contact: (self.ui.professionals_page, "new_contact"),
            ui.action_new_solicitation: (self.ui.solicitations_page, "new_request"),
        }
        for action, (target, method) in register.items():
            action.triggered.connect(
                lambda _=False, target=target, method=method: self._open_on(target, method)
            )
        ui.action_register_export.triggered.connect(lambda: self.export_register())
        for action, kind in (
            (ui.action_import_contacts, "contacts"),
            (ui.action_import_rpps, "rpps"),
            (ui.action_import_finess, "finess"),
        ):
            action.triggered.connect(lambda _=False, kind=kind: self.import_register(kind))
        page.month_changed.connect(lambda _: self._update_status())
        page.undo_stack.indexChanged.connect(lambda _: self._update_status())
        self.backup_done.connect(self._update_status)
        ui.professionals_page.erased.connect(page.undo_stack.clear)  # undo must not bring a name back
        ui.create_carnet_button.clicked.connect(lambda: self.new_carnet(paths.default_carnet_path()))

    # --- carnet -------------------------------------------------------------------------------

    def _show_carnet(self, service: CarnetService, demo: bool) -> None:
        self.service = service
        self.demo = demo
        errors.carnet_in_use = service.path
        # The day's first save must not wait for the copy of the whole file; the status bar
        # says how it went when it ends (a signal: the copy ends in another thread).
        service.carnet.backup_in_background = True
        service.carnet.on_backup_done = self.backup_done.emit
        self.ui.demo_banner.setVisible(demo)
        self.page.set_service(service)
        for register_page in self.register_pages:
            register_page.set_service(service)
        programme = service.programme()
        readonly = " (lecture seule)" if service.carnet.media_readonly else ""
        self.setWindowTitle(f"{programme.cpts_name} — {service.path.name}{readonly} — {APP_NAME}")
        self.settings.setValue("carnet/last", "" if demo else str(service.path))
        self._update_status()

    def _update_status(self) -> None:
        backups = self.service.backups()
        last = (
            f"Dernière sauvegarde le {backups[0].taken_at:%d/%m/%Y à %H:%M}"
            if backups
            else "Aucune sauvegarde encore"
        )
        problem = self.service.carnet.backup_problem
        if problem:
            # Shown until a backup succeeds: the entries are saved, but have no safety copy.
            error_line(self.status_label, f"Sauvegarde automatique en échec · {self.service.path}")
            self.status_label.setToolTip(problem)
            if problem != self._backup_problem_shown:
                show_error(self, AppError(problem))  # once: the status bar keeps saying it
        else:
            if self.service.carnet.media_readonly:
                last = "Support en lecture seule : consultation et export seulement"
            elif self._outside_copy_due():
                last += " · copie hors de l'ordinateur à refaire (menu Fichier)"
            self.status_label.setText(f"{last} · {self.service.path}")
            self.status_label.setToolTip("")
        self._backup_problem_shown = problem

    def switch_to(self, path: Path, create: bool = False) -> bool:
        """Open another carnet in this window (the current one is closed first)."""
        try:
            service = open_for_window(path, create=create)
        except AppError as exc:
            show_error(self, exc)
            return False
        old = self.service
        if not service.is_set_up:
            self._setup(service, lambda: self._replace(old, service))
            return True
        self._replace(old, service)
        return True

    def _replace(self, old: CarnetService, new: CarnetService) -> None:
        if old is not new:
            old.close()
        self._show_carnet(new, demo=False)
        self.ui.statusbar.showMessage(f"Carnet ouvert : {new.path}", 8000)

    def _setup(self, service: CarnetService, done: Callable[[], None]) -> SetupWizard:
        """Run the first-run assistant on a new carnet; on cancel the empty file goes away."""
        wizard = SetupWizard(service.path, self)

        def finish() -> None:
            assert wizard.result_programme is not None
            try:
                service.setup(wizard.result_programme, wizard.result_ambassadors)
            except AppError as exc:
                show_error(self, exc)
                return
            done()

        wizard.accepted.connect(finish)
        wizard.rejected.connect(lambda: discard_new_carnet(service))
        wizard.open()
        return wizard

    def new_carnet(self, path: Path | None = None) -> None:
        if path is None:
            path = prompts.save_file(
                self,
                "Nouveau carnet",
                paths.documents_dir() / "carnet.ambassadeur",
                "Carnets (*.ambassadeur)",
            )
            if path is None:
                return
            if path.suffix != ".ambassadeur":
                path = path.with_name(path.name + ".ambassadeur")
        if path.exists() and path.stat().st_size > 0:
            self.switch_to(path)
            return
        self.switch_to(path, create=True)

    def open_carnet(self) -> None:
        path = prompts.open_file(
            self,
            "Ouvrir un carnet",
            self.service.path.parent,
            "Carnets (*.ambassadeur);;Tous les fichiers (*)",
        )
        if path is not None and path.resolve() != self.service.path.resolve():
            self.switch_to(path)

    # --- import -------------------------------------------------------------------------------

    def import_carnet(self, path: Path | None = None) -> ImportDialog | None:
        if path is None:
            path = prompts.open_file(
                self,
                "Importer un carnet tenu dans un tableur",
                paths.documents_dir(),
                "Tableurs (*.xlsx *.csv);;Tous les fichiers (*)",
            )
            if path is None:
                return None
        try:
            preview = self.service.preview_import(path)
        except AppError as exc:
            show_error(self, exc)
            return None
        dialog = ImportDialog(self.service, preview, self)

        def imported() -> None:
            outcome = dialog.outcome
            assert outcome is not None
            self.page.reload_choices()
            self.page.refresh()
            self._update_status()
            self.ui.statusbar.showMessage(
                f"{plural(outcome.imported, 'entrée importée', 'entrées importées')} — "
                "Fichier > Annuler un import pour revenir en arrière.",
                15000,
            )

        dialog.accepted.connect(imported)
        dialog.open()
        return dialog

    def undo_import(self) -> None:
        imports = [r for r in self.service.imports() if not r.undone_at]
        if not imports:
            self.ui.statusbar.showMessage("Aucun import à annuler.", 8000)
            return
        last = imports[0]
        if not prompts.ask(
            self,
            f"Annuler l'import de « {last.filename} » du {format_timestamp(last.created_at)} ?",
            undo_warning(last),
            "Annuler l'import",
        ):
            return
        try:
            removed = self.service.undo_import(last.id)
        except AppError as exc:
            show_error(self, exc)
            return
        self.page.reload_choices()
        self._register_changed()
        self._update_status()
        self.ui.statusbar.showMessage(f"Import annulé : {undone_text(last, removed)}.", 10000)

    def import_register(self, kind: str, path: Path | None = None) -> QDialog | None:
        """Import a list of professionals (``contacts``) or a national extract (``rpps``, ``finess``)."""
        if path is None:
            titles = {
                "contacts": ("Importer une liste de professionnels", "Tableurs (*.xlsx *.csv)"),
                "rpps": ("Importer l'extrait RPPS", "Extraits RPPS (*.txt *.csv)"),
                "finess": ("Importer l'extrait FINESS", "Extraits FINESS (*.csv *.txt)"),
            }
            title, pattern = titles[kind]
            path = prompts.open_file(self, title, paths.documents_dir(), f"{pattern};;Tous les fichiers (*)")
            if path is None:
                return None
        dialog: ContactsImportDialog | ExtractImportDialog
        if kind == "contacts":
            try:
                table = self.service.register_imports.contact_table(path)
            except AppError as exc:
                show_error(self, exc)
                return None
            dialog = ContactsImportDialog(self.service, table, self)
        else:
            dialog = ExtractImportDialog(self.service, kind, path, self.pool, self)

        def imported() -> None:
            outcome = dialog.outcome
            assert outcome is not None
            self._register_changed()
            self._update_status()
            self.ui.statusbar.showMessage(
                f"Import terminé : {plural(outcome.created, 'fiche créée', 'fiches créées')}, "
                f"{plural(outcome.updated, 'fiche complétée', 'fiches complétées')} — "
                "Fichier > Annuler un import pour revenir en arrière.",
                15000,
            )

        dialog.accepted.connect(imported)
        dialog.open()
        return dialog

    # --- months and documents ----------------------------------------------------------------

    def documents_folder(self) -> Path:
        saved = self.settings.value("export/folder")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        return paths.documents_dir()

    def close_month(self) -> list[Path]:
        month = self.page.month
        summary = self.service.month_summary(month)
        folder = self.documents_folder()
        if not prompts.ask(
            self,
            f"Clôturer le mois {month.of_label()} ?",
            f"Ses entrées ({plural(self.page.model.rowCount() if self.page.model else 0, 'entrée')}, "
            f"{summary.total_minutes // 60} h {summary.total_minutes % 60:02d}) ne pourront plus être "
            "modifiées, sauf à rouvrir le mois avec un motif.\n\nLe relevé d'heures (PDF à signer et "
            f"Excel) sera enregistré dans :\n{folder}",
            "Clôturer le mois",
        ):
            return []
        try:
            written = self.service.close_month(month, folder)
        except AppError as exc:
            show_error(self, exc)
            return []
        self.page.show_month(month)
        self.ui.statusbar.showMessage(
            f"Mois {month.of_label()} clôturé ; relevé enregistré dans {folder}.", 15000
        )
        pdf = next((p for p in written if p.suffix == ".pdf"), None)
        if pdf is not None:
            prompts.open_path(pdf)
        self.propose_secure_copy()
        return written

    def reopen_month(self) -> ReopenDialog | None:
        month = self.page.month
        lock = self.service.month_lock(month)
        if lock is None:
            self.ui.statusbar.showMessage(f"Le mois {month.of_label()} n'est pas clôturé.", 8000)
            return None
        dialog = ReopenDialog(month, lock, self)

        def reopen() -> None:
            try:
                self.service.reopen_month(month, dialog.reason())
            except AppError as exc:
                show_error(self, exc)
                return
            self.page.show_month(month)
            self.ui.statusbar.showMessage(f"Mois {month.of_label()} rouvert.", 8000)

        dialog.accepted.connect(reopen)
        dialog.open()
        return dialog

    def export_timesheet(self) -> ExportDialog:
        dialog = ExportDialog(self.service, self.page.month, self.documents_folder(), self)
        dialog.accepted.connect(lambda: self._run_export(dialog.request))
        dialog.open()
        return dialog

    def _run_export(self, request: ExportRequest | None) -> tasks.Task | None:
        if request is None:
            return None
        self.settings.setValue("export/folder", str(request.folder))

        def write(service: CarnetService) -> list[Path]:
            return service.write_timesheets(
                request.month, request.formats, request.folder, request.ambassador_id
            )

        return self._run_export_task(write, request.open_after, "Relevé exporté : ")

    def _run_export_task(
        self, write: Callable[[CarnetService], list[Path]], open_after: bool, done: str
    ) -> tasks.Task:
        """Write documents in the background, on a read-only connection of the worker's own."""
        path, today = self.service.path, self.service.today

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list[Path]:
            service = open_service(path, readonly=True, today=today)
            try:
                progress(0, 1)
                written = write(service)
            finally:
                service.close()
            if cancelled():
                for out in written:
                    out.unlink(missing_ok=True)
                return []
            progress(1, 1)
            return written

        progress = QProgressDialog("Écriture des documents…", "Annuler", 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = tasks.Task(work)
        progress.canceled.connect(task.cancel)

        def finished(written: list[Path]) -> None:
            progress.reset()
            self._tasks.remove(task)
            if not written:
                self.ui.statusbar.showMessage("Export annulé.", 8000)
                return
            self.ui.statusbar.showMessage(done + ", ".join(p.name for p in written), 15000)
            if open_after:
                for out in written:
                    prompts.open_path(out)

        def failed(exc: Exception) -> None:
            progress.reset()
            self._tasks.remove(task)
            show_error(self, exc)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self._tasks.append(task)
        return tasks.start(task, self.pool)

    # --- register -------------------------------------------------------------------------------

    def _open_on(self, page: QWidget, method: str) -> None:
        """Show a register page and open one of its dialogs."""
        self.ui.tabs.setCurrentWidget(page)
        getattr(page, method)()

    def _register_changed(self) -> None:
        for register_page in self.register_pages:
            if isinstance(register_page, RegisterPage):
                register_page.reload_choices()
            register_page.refresh()
        self.page.refresh()  # a contact may have logged its time
        self._update_status()

    def _refresh_current(self) -> None:
        current = self.ui.tabs.currentWidget()
        for page in (self.page, *self.register_pages):
            if current is page:
                page.refresh()

    def focus_search(self) -> None:
        current = self.ui.tabs.currentWidget()
        for page in (self.page, *self.register_pages):
            if current is page:
                page.focus_search()

    def show_professional(self, professional_id: str) -> None:
        page = self.ui.professionals_page
        self.ui.tabs.setCurrentWidget(page)
        page.reset_filters()
        page.select([professional_id])

    def export_register(self, kind: str = "contacts") -> RegisterExportDialog:
        dialog = RegisterExportDialog(self.service, self.documents_folder(), kind, self)
        dialog.accepted.connect(lambda: self._run_register_export(dialog.request))
        dialog.open()
        return dialog

    def _run_register_export(self, request: RegisterExportRequest | None) -> tasks.Task | None:
        if request is None:
            return None
        self.settings.setValue("export/folder", str(request.folder))

        def write(service: CarnetService) -> list[Path]:
            stem = f"{request.kind}-{request.first:%Y-%m-%d}-{request.last:%Y-%m-%d}"
            return [
                service.register.export(
                    request.kind, fmt, request.folder / f"{stem}.{fmt}", request.first, request.last
                )
                for fmt in request.formats
            ]

        return self._run_export_task(write, request.open_after, "Tableaux exportés : ")

    # --- backups ------------------------------------------------------------------------------

    def show_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.service, self.restore_backup, self)
        dialog.open()
        return dialog

    def restore_backup(self, backup: Path) -> bool:
        """Replace the open carnet by ``backup`` after confirmation; reopen it."""
        from ambassadeur_app.storage.sealed import is_sealed

        if is_sealed(backup):  # an encrypted copy: its passphrase is asked in its own dialog
            self.copy_carnet_outside(source=backup)
            return False
        return self._replace_carnet(
            "Restaurer cette sauvegarde ?",
            f"Le carnet sera remplacé par :\n{backup}",
            lambda path: restore_carnet(path, backup, backup_root=paths.backup_root()),
            f"Carnet restauré depuis {backup.name}.",
        )

    def _replace_carnet(self, question: str, what: str, restore: Callable[[Path], object], done: str) -> bool:
        """Replace the open carnet (``restore`` writes it) after confirmation, then reopen it."""
        if not prompts.ask(
            self,
            question,
            f"{what}\n\nSon état actuel est d'abord sauvegardé (type « avant restauration ») : vous "
            "pourrez revenir en arrière.",
            "Restaurer",
        ):
            return False
        path, demo, today = self.service.path, self.demo, self.service.today
        self.service.close()
        error: AppError | None = None
        try:
            restore(path)
        except AppError as exc:
            error = exc
        self._show_carnet(open_service(path, today=today), demo)
        if error is not None:
            show_error(self, error)
            return False
        self.ui.statusbar.showMessage(done, 15000)
        return True

    # --- encrypted copies off the laptop -------------------------------------------------------

    def propose_secure_copy(self) -> SecureCopyDialog | None:
        """Offer an encrypted copy off the laptop (at each month's close); insist when it is due."""
        from ambassadeur_app.services.outside_copy import outside_copy_overdue, reminder_text

        overdue = outside_copy_overdue(self.service)
        question = (
            "La dernière copie du carnet hors de cet ordinateur date de plus d'un mois : "
            "la refaire maintenant ?"
            if overdue
            else "Copier aussi le carnet sur une clé ou un dossier ?"
        )
        if not prompts.ask(
            self,
            question,
            f"{reminder_text(self.service)}\n\nUne copie chiffrée hors de l'ordinateur garde les heures "
            "et le registre si l'ordinateur est perdu ou volé.",
            "Copier maintenant",
        ):
            return None
        return self.copy_carnet_outside()

    def copy_carnet_outside(self, restore: bool = False, source: Path | None = None) -> SecureCopyDialog:
        """Open the encrypted-copy dialog (on its restore tab, with ``source``, when asked)."""
        saved = self.settings.value("secure_copy/folder")
        folder = Path(str(saved)) if saved and Path(str(saved)).is_dir() else self.documents_folder()
        dialog = SecureCopyDialog(self.service, folder, self, restore=restore or source is not None)
        if source is not None:
            dialog.ui.source_edit.setText(str(source))
            dialog.ui.restore_passphrase_edit.setFocus()
        dialog.accepted.connect(lambda: self._run_secure_request(dialog.request))
        dialog.open()
        return dialog

    def _run_secure_request(self, request: CopyRequest | RestoreRequest | None) -> None:
        if isinstance(request, CopyRequest):
            self._run_secure_copy(request)
        elif isinstance(request, RestoreRequest):
            self.restore_secure_copy(request)

    def _run_secure_copy(self, request: CopyRequest) -> tasks.Task:
        """Write the encrypted copy in the background, on a read-only connection of its own."""
        from ambassadeur_app.services.outside_copy import write_sealed_copy

        path, today = self.service.path, self.service.today
        self.settings.setValue("secure_copy/folder", str(request.target.parent))

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
                )
            finally:
                service.close()

        dialog = QProgressDialog("Chiffrement et copie du carnet…", "Annuler", 0, 0, self)
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
            self.ui.statusbar.showMessage(f"Copie chiffrée écrite et relue : {target}", 15000)

        def failed(exc: Exception) -> None:
            from ambassadeur_app.storage.sealed import SealCancelled

            dialog.reset()
            self._tasks.remove(task)
            if isinstance(exc, SealCancelled):
                self.ui.statusbar.showMessage(exc.message, 8000)
            else:
                show_error(self, exc)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self._tasks.append(task)
        return tasks.start(task, self.pool)

    def restore_secure_copy(self, request: RestoreRequest) -> bool:
        """Replace the open carnet by an encrypted copy after confirmation; reopen it."""
        from ambassadeur_app.services.outside_copy import restore_sealed_copy

        return self._replace_carnet(
            "Restaurer cette copie chiffrée ?",
            f"Le carnet sera remplacé par le contenu de :\n{request.source}",
            lambda path: restore_sealed_copy(
                path, request.source, request.passphrase, backup_root=paths.backup_root()
            ),
            f"Carnet restauré depuis la copie chiffrée {request.source.name}.",
        )

    # --- settings and help --------------------------------------------------------------------

    def edit_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.service, self)

        def saved() -> None:
            self.page.reload_choices()
            self.page.show_month(self.page.month)
            self.setWindowTitle(
                f"{self.service.programme().cpts_name} — {self.service.path.name} — {APP_NAME}"
            )

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> QMessageBox:
        """List every shortcut of the window, read from its actions and QShortcut objects."""
        from ambassadeur_app.gui.shortcuts import shortcuts_html, window_shortcuts

        tabs = self.ui.tabs

        def describe(shortcut: QShortcut) -> str:
            # Ctrl+1, Ctrl+2...: the tabs, in order (see _connect)
            number = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText).removeprefix("Ctrl+")
            if number.isdigit() and 0 < int(number) <= tabs.count():
                return f"Onglet « {tabs.tabText(int(number) - 1).replace('&', '')} »"
            return shortcut.objectName()

        groups = window_shortcuts(self, describe, SHORTCUTS)
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Raccourcis clavier", shortcuts_html(groups), parent=self)
        box.setStyleSheet("QLabel { min-width: 800px; }")  # two columns without wrapping
        box.open()
        return box

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"À propos — {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br/>Le journal de bord hors ligne du binôme "
            "ambassadeur Parceo : heures par mission, plafond mensuel, relevés d'heures signables."
            f"<br/><br/>Carnet : {self.service.path}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.page.ui.splitter.saveState())
        QThreadPool.globalInstance().waitForDone(10_000)
        self.page.shutdown()
        for register_page in self.register_pages:
            register_page.shutdown()
        self.service.close()
        event.accept()
