"""The main window: its frame, menus and tabs, and the carnet it shows.

The window paints before any carnet is open: it is built without one, on the page its carnet
opened on last time (``app.first_page``: the tableau de bord once a carnet has data), and
``show_carnet`` hands it the carnet's data right after (``app.run_app``); until then the pages and
the actions that need the carnet are disabled (keys and clicks do not reach them). Pages
are built on their first visit (``pages.PageTabs``), the carnet page too when the window opens on
another; the menu actions that open dialogs live in ``actions/``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ambassadeur_app import APP_NAME, __version__, paths
from ambassadeur_app.errors import AppError, CarnetDamaged, CarnetError, logged
from ambassadeur_app.gui import errors, tasks
from ambassadeur_app.gui.actions.pack import Pack
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_main_window import Ui_MainWindow
from ambassadeur_app.gui.pages import CARNET, Page, PageTabs, opening_page

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent  # making their classes costs ~1 ms each

    from ambassadeur_app.gui.actions.copies import Copies
    from ambassadeur_app.gui.actions.exports import Exports
    from ambassadeur_app.gui.actions.imports import Imports
    from ambassadeur_app.gui.dialogs.reopen_dialog import ReopenDialog
    from ambassadeur_app.gui.dialogs.settings_dialog import SettingsDialog
    from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard
    from ambassadeur_app.gui.pages.carnet_page import CarnetPage
    from ambassadeur_app.gui.pages.follow_ups_page import FollowUpsPage
    from ambassadeur_app.gui.pages.journal_page import JournalPage
    from ambassadeur_app.gui.pages.professionals_page import ProfessionalsPage
    from ambassadeur_app.gui.pages.register_page import RegisterPage
    from ambassadeur_app.gui.pages.undoable_page import UndoablePage
    from ambassadeur_app.services import CarnetService

# The menu actions' keys. Set here, not in ui/main_window.ui: the form's ``setShortcut`` made
# PySide6 build its ``Qt`` namespace (~12 ms, 15–20 on a busy machine) before the first paint,
# ``setShortcuts`` does not. Nothing the window runs before its first paint may touch ``Qt``
# (tests/gui/test_startup.py checks it): the modules it imports first import it in functions.
ACTION_KEYS = {
    "action_new_carnet": "Ctrl+Shift+N",
    "action_open_carnet": "Ctrl+O",
    "action_import": "Ctrl+I",
    "action_export": "Ctrl+P",
    "action_quit": "Ctrl+Q",
    "action_new_entry": "Ctrl+N",
    "action_edit_entry": "Ctrl+E",
    "action_duplicate_entry": "Ctrl+D",
    "action_delete_entry": "Del",
    "action_find": "Ctrl+F",
    "action_previous_month": "Ctrl+PgUp",
    "action_next_month": "Ctrl+PgDown",
    "action_current_month": "Ctrl+Home",
    "action_new_professional": "Ctrl+Shift+P",
    "action_new_structure": "Ctrl+Shift+S",
    "action_new_contact": "Ctrl+Shift+C",
    "action_new_solicitation": "Ctrl+Shift+O",
    "action_register_export": "Ctrl+Shift+E",
    "action_pack": "Ctrl+Shift+J",
    "action_settings": "Ctrl+,",
    "action_shortcuts": "F1",
}
# How often the restore offer looks again whether the dialogs open on the damaged carnet closed.
MODAL_WAIT_MS = 250


class MainWindow(QMainWindow):
    """Signals:
    painted(): the window has been painted for the first time.
    carnet_shown(): a carnet is shown (the first one, or another): its data are on the pages.
    backup_done(): the day's backup, written in the background, has ended.
    gave_up(): the window has closed on a carnet it could not show (the app exits, status 1).
    """

    painted = Signal()
    carnet_shown = Signal()
    backup_done = Signal()
    gave_up = Signal()

    def __init__(
        self,
        service: CarnetService | None,
        settings: QSettings,
        demo: bool = False,
        pool: QThreadPool | None = None,
        first_page: str = CARNET,
    ) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.settings = settings
        self.pool = pool
        self.demo = demo
        self.closed = False  # by the user (closeEvent) or because its carnet is unreadable
        self._painted = False
        self._service: CarnetService | None = None
        self._backup_problem_shown: str | None = None
        self._waiting: tuple[QWidget, ...] = ()  # disabled until the carnet is shown
        self._check: tasks.Task | None = None
        self.pack = Pack(self)
        # One undo history for the pages (Édition > Annuler undoes from any tab), dropped when
        # another carnet is shown.
        self.undo_stack = QUndoStack(self)
        self.pages = PageTabs(self.ui.tabs, self._wire)
        self._first_page: str | None = first_page  # shown until the first carnet's page is known
        self.status_label = QLabel()
        self.ui.statusbar.addPermanentWidget(self.status_label)
        undo = self.undo_stack.createUndoAction(self, "Annuler")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_stack.createRedoAction(self, "Rétablir")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z")])
        first = self.ui.menu_edit.actions()[0]
        self.ui.menu_edit.insertAction(first, undo)
        self.ui.menu_edit.insertAction(first, redo)
        self.ui.menu_edit.insertSeparator(first)
        self.undo_action, self.redo_action = undo, redo
        self._carnet_actions = self._connect()
        # Menus and widgets added by other modules: each has an ``install(window)``, called here.
        # It runs before the first paint: import nothing heavy, and never touch ``Qt``'s
        # namespace nor call ``QAction.setShortcut`` (``setShortcuts([QKeySequence(key)])``
        # does not build the namespace): see ACTION_KEYS. Plain imports, so that the installer
        # (PyInstaller) sees these modules.
        from ambassadeur_app.gui.actions import agenda, payments, region, sync

        for actions in (agenda, payments, region, sync):
            actions.install(self)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._fit_screen()
        self.pages.show(first_page)
        if service is None:
            self.ui.demo_banner.setVisible(demo)  # run_app knows it before opening the carnet
            self.ui.statusbar.showMessage("Ouverture du carnet…")
            # The pages (not their tabs) and the banner's button wait for the carnet: disabled,
            # they take no key nor click (a key typed blind, Entrée, would save an entry the
            # user never saw), and look it. Not an application-wide event filter: every event
            # of the start then went through Python, and making the wrappers of the objects it
            # saw took ~20 ms before the first paint (and again while the carnet was shown).
            pages = self.ui.tabs.findChild(QStackedWidget)  # its own: children are searched first
            self._waiting = (cast(QWidget, pages), self.ui.create_carnet_button)
            for widget in self._waiting:
                widget.setEnabled(False)
            for action in self._carnet_actions:
                action.setEnabled(False)
        else:
            self.show_carnet(service, demo)

    @property
    def service(self) -> CarnetService:
        assert self._service is not None, "show_carnet() first"
        return self._service

    @cached_property
    def exports(self) -> Exports:
        from ambassadeur_app.gui.actions.exports import Exports  # on first use: not before the paint

        return Exports(self)

    @cached_property
    def imports(self) -> Imports:
        from ambassadeur_app.gui.actions.imports import Imports  # on first use: not before the paint

        return Imports(self)

    @cached_property
    def copies(self) -> Copies:
        from ambassadeur_app.gui.actions.copies import Copies  # on first use: not before the paint

        return Copies(self)

    @property
    def page(self) -> CarnetPage:
        """The carnet page, built now if it was not yet (the window may open on another)."""
        return cast("CarnetPage", self.pages.get(CARNET))

    @property
    def loaded(self) -> bool:
        """Whether the window has its carnet (before, only quitting and the help work)."""
        return self._service is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

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

    def _connect(self) -> list[QAction]:
        """Connect the actions; return those that need the carnet."""
        ui = self.ui
        for name, key in ACTION_KEYS.items():
            cast(QAction, getattr(ui, name)).setShortcuts([QKeySequence(key)])
        actions: dict[QAction, Callable[[], object]] = {
            ui.action_new_carnet: self.new_carnet,
            ui.action_open_carnet: self.open_carnet,
            ui.action_import: lambda: self.imports.import_carnet(),
            ui.action_undo_import: lambda: self.imports.undo_import(),
            ui.action_export: lambda: self.exports.export_timesheet(),
            ui.action_backups: lambda: self.copies.show_backups(),
            ui.action_secure_copy: lambda: self.copies.copy_carnet_outside(),
            ui.action_new_entry: lambda: self._open_on(CARNET, "focus_quick_entry"),
            ui.action_edit_entry: lambda: self.page.edit_selected(),
            ui.action_duplicate_entry: lambda: self.page.duplicate_selected(),
            ui.action_delete_entry: lambda: self.page.delete_selected(),
            ui.action_find: self.focus_search,
            ui.action_previous_month: lambda: self.page.show_month(self.page.month.previous()),
            ui.action_next_month: lambda: self.page.show_month(self.page.month.next()),
            ui.action_current_month: lambda: self.page.show_month(self.service.default_month()),
            ui.action_close_month: self.close_month,
            ui.action_reopen_month: self.reopen_month,
            ui.action_settings: self.edit_settings,
            ui.action_pack: self.pack.prepare,
            ui.action_bilan: lambda: self.exports.export_steering("bilan"),
            ui.action_budget: lambda: self.exports.export_steering("budget"),
            ui.action_targets: lambda: self._open_on("dashboard", "edit_targets"),
            ui.action_new_professional: lambda: self._open_on("professionals", "new_professional"),
            ui.action_new_structure: lambda: self._open_on("structures", "new_structure"),
            ui.action_new_contact: lambda: self._open_on("professionals", "new_contact"),
            ui.action_new_solicitation: lambda: self._open_on("solicitations", "new_request"),
            ui.action_register_export: lambda: self.exports.export_register(),
            ui.action_import_contacts: lambda: self.imports.import_register("contacts"),
            ui.action_import_rpps: lambda: self.imports.import_register("rpps"),
            ui.action_import_finess: lambda: self.imports.import_register("finess"),
        }
        for action, slot in actions.items():
            action.triggered.connect(lambda _=False, slot=slot: slot())
        ui.action_quit.triggered.connect(self.close)
        ui.action_shortcuts.triggered.connect(self.show_shortcuts)
        ui.action_about.triggered.connect(self.show_about)
        for number in range(ui.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda number=number: ui.tabs.setCurrentIndex(number))
        ui.tabs.currentChanged.connect(lambda _: self._tab_shown())
        self.undo_stack.indexChanged.connect(lambda _: self.update_status())
        self.backup_done.connect(self.update_status)
        ui.create_carnet_button.clicked.connect(lambda: self.new_carnet(paths.default_carnet_path()))
        return list(actions)

    def _wire(self, name: str, page: Page) -> None:
        """Connect the signals of a page just built."""
        page.message.connect(lambda text: self.ui.statusbar.showMessage(text, 8000))
        if name == CARNET:
            self._wire_carnet(cast("CarnetPage", page))
        else:
            cast("RegisterPage | FollowUpsPage", page).changed.connect(self.register_changed)
        if name == "follow_ups":
            cast("FollowUpsPage", page).open_professional.connect(self.show_professional)
        if name == "professionals":  # undo must not bring an erased name back
            cast("ProfessionalsPage", page).erased.connect(self.undo_stack.clear)
        if name in ("events", "planning", "journal"):  # Édition > Annuler, from any tab, undoes
            cast("UndoablePage", page).set_undo_stack(self.undo_stack)  # their deletions too

    def _wire_carnet(self, page: CarnetPage) -> None:
        from PySide6.QtCore import Qt  # with the carnet page, which needs it anyway

        page.set_undo_stack(self.undo_stack)
        # Delete acts on the table only, so that it still deletes text in the entry fields.
        self.ui.action_delete_entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        page.ui.table_view.addAction(self.ui.action_delete_entry)
        page.ui.close_month_button.clicked.connect(self.close_month)
        page.ui.reopen_month_button.clicked.connect(self.reopen_month)
        page.month_changed.connect(lambda _: self.update_status())
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            page.ui.splitter.restoreState(splitter)

    def _tab_shown(self) -> None:
        """The carnet page shown (Ctrl+1): the cursor in its quick entry, the next entry's field."""
        if self.loaded and self.pages.current_name() == CARNET:
            self.page.focus_next_entry()

    # --- carnet -------------------------------------------------------------------------------

    def show_carnet(self, service: CarnetService, demo: bool) -> None:
        """Show ``service``'s carnet; the first one makes the window usable.

        A carnet that cannot be read while it is shown is diagnosed as at opening: a damaged
        one gets the restore offer, and the app never stays on a carnet it could not show
        (``_damaged``). The day's integrity check, left out at opening, then runs in the
        background.
        """
        import sqlite3  # here: the window is imported before the storage

        try:
            self._show(service, demo)
        except sqlite3.Error as exc:
            from ambassadeur_app.storage.db import diagnose

            errors.log_sqlite_error(exc, f"ouverture du carnet {service.path}")
            self._damaged(service, diagnose(exc, service.path, service.carnet.backups))
            return
        if service.carnet.unchecked:
            self._check_in_background(service)

    def _show(self, service: CarnetService, demo: bool) -> None:
        for widget in self._waiting:  # before a page takes the focus
            widget.setEnabled(True)
        self._service = service
        self.demo = demo
        errors.carnet_in_use = service.path
        # The day's first save must not wait for the copy of the whole file; the status bar
        # says how it went when it ends (a signal: the copy ends in another thread).
        service.carnet.backup_in_background = True
        service.carnet.on_backup_done = self.backup_done.emit
        self.ui.demo_banner.setVisible(demo)
        self.pages.set_service(service)
        self.undo_stack.clear()  # the pages refresh on the new carnet; Annuler is greyed out
        opens_on = opening_page(service)
        # The carnet's own page, unless the user went to another while the first one loaded.
        if self._first_page in (None, self.pages.current_name()):
            self.pages.show(opens_on)
        self._first_page = None
        if self.pages.current_name() == CARNET:  # never type into a page out of sight
            self.page.focus_next_entry()
        programme = service.programme()
        readonly = " (lecture seule)" if service.carnet.media_readonly else ""
        self.setWindowTitle(f"{programme.cpts_name} — {service.path.name}{readonly} — {APP_NAME}")
        self.settings.setValue("carnet/last", "" if demo else str(service.path))
        self.settings.setValue("carnet/opens_on", opens_on)  # the page painted first next time
        self.update_status()
        if self._waiting:  # the first carnet is shown
            self._waiting = ()
            self.ui.statusbar.clearMessage()
            for action in self._carnet_actions:
                action.setEnabled(True)
            # The carnet page's lists, if it was built before the data came, were still empty
            # when first shown: size them to their items, as when the window showed with its data.
            for combo in self.page.findChildren(QComboBox) if self.pages.is_built(CARNET) else []:
                policy = combo.sizeAdjustPolicy()
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                combo.setSizeAdjustPolicy(policy)
        self.carnet_shown.emit()

    def _check_in_background(self, service: CarnetService) -> None:
        """Run the day's integrity check, left out at opening, on a connection of its own."""
        carnet = service.carnet

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> None:
            carnet.check_integrity()

        self._check = tasks.Task(work)
        self._check.signals.failed.connect(lambda exc: self._check_failed(service, exc))
        tasks.start(self._check, self.pool)

    def _check_failed(self, service: CarnetService, exc: Exception) -> None:
        """A carnet the background check found damaged gets the restore offer (``_damaged``).
        One it could not read to the end (busy, full disk, read error), or a check that failed
        otherwise, says nothing against the carnet: the error is shown and the carnet stays
        open, unchecked (not sealed at closing: the next opening checks it)."""
        if isinstance(exc, CarnetDamaged):
            self._damaged(service, exc)
        elif service is self._service:  # else another carnet is shown, or the window closed
            show_error(self, exc)

    def _damaged(self, service: CarnetService, exc: CarnetError) -> None:
        """Offer the last sound backup of a carnet found damaged (by the background check, or
        while it was shown) and show it restored. Without a backup to offer (none, or read-only
        media), declined, or for any other problem reading it while it was shown, the app
        closes with status 1.

        While a dialog is open, the offer waits for it to close: what the user confirms there
        runs on the carnet it was opened for, never on the restored one.
        """
        from ambassadeur_app.gui.app import fatal, offer_restore, open_for_window

        if service is not self._service:
            return  # another carnet is shown, or the window closed: checked at its next opening
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(MODAL_WAIT_MS, lambda: self._damaged(service, exc))
            return
        logged().error("Carnet illisible : %s", exc.message)
        path, demo = service.path, self.demo
        self._service = None
        service.close()
        try:
            if not isinstance(exc, CarnetDamaged):
                fatal(exc.message, self)
            elif offer_restore(exc, path, self):
                self.show_carnet(open_for_window(path), demo)
                return
        except AppError as problem:  # the restore, or the reopening, failed
            fatal(problem.message, self)
        self._give_up()

    def _give_up(self) -> None:
        """Close, its carnet closed already: nothing more is read from it (see ``gave_up``)."""
        self.closed = True
        for page in self.pages.built():
            page.shutdown()
        self.hide()
        self.gave_up.emit()

    def update_status(self) -> None:
        from ambassadeur_app.gui.widgets.feedback import error_line  # with the carnet: html too

        if self._service is None:
            return  # closed (a backup may end after its carnet)
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
            # The file's name only (its folder in the tooltip): a long path would leave no room
            # for the sync's state beside it.
            self.status_label.setText(f"{last} · {self.service.path.name}")
            self.status_label.setToolTip(str(self.service.path))
        self._backup_problem_shown = problem

    def switch_to(self, path: Path, create: bool = False) -> bool:
        """Open another carnet in this window (the current one is closed first)."""
        from ambassadeur_app.gui.app import open_for_window

        self._offer_unsaved_texts()

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
        self.show_carnet(new, demo=False)
        self.ui.statusbar.showMessage(f"Carnet ouvert : {new.path}", 8000)

    def _setup(self, service: CarnetService, done: Callable[[], None]) -> SetupWizard:
        """Run the first-run assistant on a new carnet; on cancel the empty file goes away."""
        from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard, discard_new_carnet

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
        from ambassadeur_app.gui import prompts  # here: it imports Qt's namespace (see ACTION_KEYS)

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
        from ambassadeur_app.gui import prompts

        path = prompts.open_file(
            self,
            "Ouvrir un carnet",
            self.service.path.parent,
            "Carnets (*.ambassadeur);;Tous les fichiers (*)",
        )
        if path is not None and path.resolve() != self.service.path.resolve():
            self.switch_to(path)

    # --- months -------------------------------------------------------------------------------

    def documents_folder(self) -> Path:
        saved = self.settings.value("export/folder")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        return paths.documents_dir()

    def close_month(self) -> list[Path]:
        from ambassadeur_app.domain.formatting import plural
        from ambassadeur_app.gui import prompts
        from ambassadeur_app.services.carnet import earlier_timesheet_kept

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
        done = f"Mois {month.of_label()} clôturé ; relevé enregistré dans {folder}."
        self.ui.statusbar.showMessage(done, 15000)
        if kept := earlier_timesheet_kept(month, written):  # too long for the status bar, and to be read
            prompts.notice(self, "Clôture du mois", done, kept, name="kept_timesheet_notice")
        pdf = next((p for p in written if p.suffix == ".pdf"), None)
        if pdf is not None:
            prompts.open_path(pdf)
        self.copies.propose_secure_copy()
        return written

    def reopen_month(self) -> ReopenDialog | None:
        from ambassadeur_app.gui.dialogs.reopen_dialog import ReopenDialog

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

    # --- pages ----------------------------------------------------------------------------------

    def _open_on(self, name: str, method: str) -> None:
        """Show a register page and open one of its dialogs."""
        getattr(self.pages.show(name), method)()

    def register_changed(self) -> None:
        carnet = self.page if self.pages.is_built(CARNET) else None
        for page in self.pages.built():
            if cast(object, page) is not carnet:
                reload_choices = getattr(page, "reload_choices", None)
                if reload_choices is not None:
                    reload_choices()
            page.refresh()  # the carnet page too: a contact may have logged its time
        self.update_status()

    def focus_search(self) -> None:
        self.pages.current().focus_search()

    def show_professional(self, professional_id: str) -> None:
        page = cast("ProfessionalsPage", self.pages.show("professionals"))
        page.reset_filters()
        page.select([professional_id])

    # --- settings and help --------------------------------------------------------------------

    def edit_settings(self) -> SettingsDialog:
        from ambassadeur_app.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.service, self)

        def saved() -> None:
            if self.pages.is_built(CARNET):  # otherwise it reads them when built
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
        from ambassadeur_app.gui.shortcuts import SHORTCUTS, shortcuts_html, window_shortcuts

        tabs = self.ui.tabs

        def describe(shortcut: QShortcut) -> str:
            # Ctrl+1, Ctrl+2...: the tabs, in order (see _connect)
            number = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText).removeprefix("Ctrl+")
            if number.isdigit() and 0 < int(number) <= tabs.count():
                return f"Onglet « {tabs.tabText(int(number) - 1).replace('&', '')} »"
            return shortcut.objectName()

        groups = window_shortcuts(self, describe, SHORTCUTS)
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Raccourcis clavier", shortcuts_html(groups), parent=self)
        box.setStyleSheet("QLabel { min-width: 900px; }")  # two columns without wrapping
        box.open()
        return box

    def show_about(self) -> None:
        carnet = f"<br/><br/>Carnet : {self.service.path}" if self.loaded else ""
        QMessageBox.about(
            self,
            f"À propos — {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br/>Le journal de bord hors ligne du binôme "
            f"ambassadeur Parceo : heures par mission, plafond mensuel, relevés d'heures signables.{carnet}",
        )

    def _offer_unsaved_texts(self) -> None:
        """Before the carnet is let go: offer to save a text the user is still writing."""
        if self.pages.is_built("journal"):
            journal = cast("JournalPage", self.pages.get("journal"))
            journal.offer_to_save_pertinence("Sinon, les modifications seront perdues.")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._offer_unsaved_texts()
        self.closed = True
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.pages.is_built(CARNET):
            self.settings.setValue("window/splitter", self.page.ui.splitter.saveState())
        service, self._service = self._service, None  # no restore offer once the window is gone
        if service is not None:
            service.carnet.stop_check()  # closing need not wait for the whole file to be read
        QThreadPool.globalInstance().waitForDone(10_000)
        for page in self.pages.built():
            page.shutdown()
        if service is not None:
            service.close()
        event.accept()
