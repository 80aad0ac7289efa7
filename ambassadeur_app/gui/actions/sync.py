"""The carnet on the binôme's two laptops, in the window: « Partager ce carnet… », « Rejoindre
un carnet partagé… », « Synchroniser maintenant », « Conflits à vérifier… » (menu Carnet), and
the sync's state in the status bar.

A shared carnet syncs in the background (``services/sync.py``, on a connection of its own in a
worker: the window's stays free) once the window shows it, every five minutes, on demand and
at closing (a bounded wait). The binôme's passphrase is asked once per session, when first
needed, and kept only in memory (the service keeps the keys derived from it).

``install(window)`` runs before the first paint: it makes actions, a label and a timer, and
imports nothing else (the dialogs and the service are imported on first use).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from ambassadeur_app import paths
from ambassadeur_app.gui import tasks

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.conflicts_dialog import ConflictsDialog
    from ambassadeur_app.gui.dialogs.sync_dialog import SyncDialog, SyncRequest
    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.services.sync import SyncService
    from ambassadeur_app.sync.engine import SyncReport

SYNC_KEY = "Ctrl+Shift+Y"
INTERVAL_MS = 5 * 60 * 1000
CLOSE_WAIT_MS = 4000  # the sync at closing: the window never waits longer for it
PAUSED = "Synchronisation en pause : phrase secrète non saisie"
CONFLICTS_TEXT = "Conflits à &vérifier…"


class Sync(QObject):
    """The sync of the carnet the window shows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Not the global pool: the window waits for that one when it closes, this one is
        # waited for a few seconds only (a shared folder on a network that hangs).
        self.pool: Any = window.pool or QThreadPool(self)
        self.passphrases: dict[Path, str] = {}  # by carnet, for this session only
        self.paused = False  # the user declined to give the passphrase this session
        self.task: tasks.Task | None = None
        self.busy_task: tasks.Task | None = None  # a share, a join or a merge (kept till it ends)
        self.last_sync: datetime | None = None
        self.problem = ""  # why the last sync failed (French)
        # The unexpected errors of background syncs already shown in a dialog: each one once.
        self.errors_shown: set[str] = set()
        self.refused: list[str] = []  # the files the last sync refused, and why (French)
        self.conflict_count = 0
        self.shown: object = None  # the service whose state is shown
        self.dialog: SyncDialog | None = None
        self.label = QLabel()
        self.label.setObjectName("sync_label")
        self.label.setContentsMargins(0, 0, 12, 0)  # apart from the backups' state beside it
        self.label.setMinimumWidth(160)  # cut rather than widen the window (1366 px screens)
        self.label.hide()
        window.ui.statusbar.insertPermanentWidget(0, self.label)
        self.share_action = self._action("action_share", "&Partager ce carnet…", self.share)
        self.share_action.setStatusTip(
            "Garder ce carnet sur les deux ordinateurs du binôme, par un dossier partagé"
        )
        self.join_action = self._action("action_join", "Re&joindre un carnet partagé…", self.join)
        self.join_action.setStatusTip("Construire ici le carnet partagé depuis l'autre ordinateur")
        self.sync_action = self._action(
            "action_sync", "S&ynchroniser maintenant", lambda: self.sync_now(explicit=True)
        )
        self.sync_action.setShortcuts([QKeySequence(SYNC_KEY)])  # see main_window.ACTION_KEYS
        self.conflicts_action = self._action("action_conflicts", CONFLICTS_TEXT, self.show_conflicts)
        menu = window.ui.menu_carnet
        menu.addSeparator()
        for action in (self.share_action, self.join_action, self.sync_action, self.conflicts_action):
            menu.addAction(action)
            action.setEnabled(False)  # until the carnet is shown (update_actions)
            window.addAction(action)  # its key works from anywhere in the window
        menu.aboutToShow.connect(self.update_actions)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.sync_now(ask=False))
        # After the carnet's figures are on screen: never on the way to the first paint.
        window.carnet_shown.connect(lambda: QTimer.singleShot(0, self.carnet_shown))
        window.undo_stack.indexChanged.connect(lambda _: self.update_label())
        window.installEventFilter(self)  # its closing: the last sync

    def _action(self, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        return action

    @property
    def sync(self) -> SyncService:
        return self.window.service.sync

    @property
    def shared(self) -> bool:
        return self.window.loaded and not self.window.service.carnet.readonly and self.sync.shared

    @property
    def passphrase(self) -> str | None:
        return self.passphrases.get(self.window.service.path) if self.window.loaded else None

    # --- the carnet shown ----------------------------------------------------------------------

    def carnet_shown(self) -> None:
        """A carnet is shown (the first, or another one): its state, and a first sync."""
        if not self.window.loaded or self.shown is self.window.service:
            return
        self.shown = self.window.service
        self.paused, self.last_sync, self.problem, self.refused = False, None, "", []
        self.update_actions()
        self.update_label()
        if self.shared:
            self.timer.start()
            self.sync_now()
        else:
            self.timer.stop()

    def update_actions(self) -> None:
        loaded, shared = self.window.loaded, self.shared
        writable = loaded and not self.window.demo and not self.window.service.carnet.readonly
        self.share_action.setEnabled(writable and not shared)
        self.join_action.setEnabled(loaded)
        self.sync_action.setEnabled(shared)
        self.conflicts_action.setEnabled(shared)
        # Counted here (a sync, a choice, the menu opening), not at each save (see update_label).
        self.conflict_count = len(self.sync.conflicts()) if shared else 0
        count = self.conflict_count
        self.conflicts_action.setText(
            CONFLICTS_TEXT.replace("…", f" ({count})…") if count else CONFLICTS_TEXT
        )

    def update_label(self) -> None:
        """The sync's state in the status bar, in words (hidden for a carnet not shared)."""
        from ambassadeur_app.domain.formatting import plural
        from ambassadeur_app.gui.widgets.feedback import error_line, warning_line

        label = self.label
        label.setVisible(self.shared)
        if not self.shared:
            return
        label.setToolTip(self.problem)
        if self.task is not None:
            label.setText("Synchronisation en cours…")
            return
        if self.paused and self.passphrase is None:
            warning_line(label, PAUSED)
            label.setToolTip("Carnet > Synchroniser maintenant (Ctrl+Maj+Y) demande la phrase secrète.")
            return
        parts = [f"Synchronisé à {self.last_sync:%H:%M}" if self.last_sync else "Pas encore synchronisé"]
        pending = self.sync.pending()
        if pending:
            parts.append(plural(pending, "changement en attente", "changements en attente"))
        latest = self.sync.last_changes().values()
        if latest:
            moment = max(latest).astimezone()
            parts.append(f"l'autre ordinateur : dernier changement le {moment:%d/%m à %H:%M}")
        if self.conflict_count:
            parts.append(plural(self.conflict_count, "conflit à vérifier", "conflits à vérifier"))
        if self.refused:
            parts.append(plural(len(self.refused), "fichier refusé", "fichiers refusés"))
        text = " · ".join(parts)
        if self.problem:
            error_line(label, f"Synchronisation en échec : {_short(self.problem)}")
            label.setToolTip(f"{self.problem}\n\n{text}")
        elif self.refused:
            warning_line(label, text)
            label.setToolTip("\n".join(self.refused))
        else:
            label.setText(text)
            label.setToolTip(text)  # whole, when the status bar is too narrow

    # --- sync ----------------------------------------------------------------------------------

    def sync_now(self, ask: bool = True, explicit: bool = False) -> tasks.Task | None:
        """Sync in the background; the passphrase is asked first if this session has none
        (not by the timer once the user declined it). An unexpected error is shown in a dialog
        when the user asked for this sync (``explicit``), else once per distinct error (the
        status bar says it each time)."""
        if not self.shared or self.task is not None:
            return None
        passphrase = self.passphrase
        if passphrase is None:
            if ask or not self.paused:
                self.ask_passphrase()
            return None
        sync, shown = self.sync, self.window.service

        def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> SyncReport:
            with sync.in_thread() as worker:
                return worker.sync(passphrase)

        def ended(result: Callable[[], None]) -> None:
            self.task = None
            if self.window.loaded and self.window.service is shown:  # not another carnet now
                result()

        task = tasks.Task(run)
        task.signals.finished.connect(lambda report: ended(lambda: self._synced(report)))
        task.signals.failed.connect(lambda exc: ended(lambda: self._failed(exc, explicit)))
        self.task = task
        self.update_label()
        return tasks.start(task, self.pool)

    def ask_passphrase(self) -> SyncDialog:
        """Ask the binôme's passphrase (once per session); the sync starts when it is given."""
        from ambassadeur_app.gui.dialogs.sync_dialog import PASSPHRASE, SyncDialog

        if self.dialog is not None and self.dialog.isVisible():
            return self.dialog
        dialog = SyncDialog(PASSPHRASE, self.window)
        path = self.window.service.path

        def given() -> None:
            assert dialog.request is not None
            self.passphrases[path] = dialog.request.passphrase
            self.paused = False
            self.sync_now()

        def declined() -> None:
            self.paused = True
            self.update_label()

        dialog.accepted.connect(given)
        dialog.rejected.connect(declined)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _synced(self, report: SyncReport) -> None:
        self.last_sync, self.problem, self.refused = datetime.now(), "", report.refused
        if sum(report.applied.values()) or report.pieces:
            self.window.service.changed()  # the entries are read again
            self.window.register_changed()  # every page built refreshes
        self.update_actions()
        self.update_label()
        if report.conflicts:
            self.window.ui.statusbar.showMessage(_new_conflicts(report.conflicts), 15000)

    def _failed(self, exc: Exception, explicit: bool = False) -> None:
        import traceback

        from ambassadeur_app.errors import AppError, logged
        from ambassadeur_app.gui.errors import show_error
        from ambassadeur_app.services.sync import WrongPassphrase

        if isinstance(exc, WrongPassphrase):
            self.passphrases.pop(self.window.service.path, None)  # asked again at the next sync
        if isinstance(exc, AppError):
            self.problem = exc.message
        else:
            self.problem = "erreur inattendue (voir le journal de l'application)."
            error = f"{type(exc).__name__}: {exc}"
            if explicit or error not in self.errors_shown:
                self.errors_shown.add(error)
                show_error(self.window, exc)  # logs it too
            else:  # a periodic sync failing again as before: the status bar says it, the log keeps it
                details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
                logged().error("Erreur inattendue (synchronisation en arrière-plan) :\n%s", details)
        self.update_label()

    # --- share, join ----------------------------------------------------------------------------

    def share(self) -> SyncDialog | None:
        """Choose the folder and the passphrase, then share in the background."""
        from ambassadeur_app.gui.dialogs.sync_dialog import SHARE, SyncDialog

        if not self.window.loaded or self.shared:
            return None
        dialog = SyncDialog(SHARE, self.window)
        dialog.accepted.connect(lambda: self._share(dialog.request))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _share(self, request: SyncRequest | None) -> None:
        if request is None:
            return
        sync, path = self.sync, self.window.service.path

        def run() -> None:
            with sync.in_thread() as worker:
                worker.share(request.folder, request.passphrase)

        def shared(_: None) -> None:
            self.passphrases[path] = request.passphrase
            self.last_sync, self.problem, self.refused, self.paused = datetime.now(), "", [], False
            self.update_actions()
            self.update_label()
            self.timer.start()
            self._notice(
                "Carnet partagé",
                f"Carnet partagé par le dossier « {sync.folder} ».",
                "Sur l'autre ordinateur : Carnet > Rejoindre un carnet partagé, avec ce dossier et la "
                "même phrase secrète. Ensuite, les deux carnets se synchronisent à l'ouverture, toutes "
                "les cinq minutes, à la demande (Ctrl+Maj+Y) et à la fermeture.",
            )

        self._busy("Partage du carnet : chiffrement et écriture de sa première copie…", run, shared)

    def join(self) -> SyncDialog:
        """Choose the folder, the passphrase and the carnet: a new one, or one kept apart before
        sharing to merge (the window's, offered first when it holds entries); build it in the
        background, then open it in the window (as Fichier > Ouvrir)."""
        from ambassadeur_app.gui.dialogs.sync_dialog import JOIN, SyncDialog

        window = self.window
        service = window.service if window.loaded else None
        if service is None or window.demo or service.carnet.readonly or self.shared:
            service = None  # the window's carnet cannot be merged
        dialog = SyncDialog(
            JOIN,
            window,
            carnet=paths.documents_dir() / "carnet partagé.ambassadeur",
            to_merge=service.path if service is not None else None,
            merge=service is not None and service.carnet.entries.count() > 0,
        )
        dialog.accepted.connect(lambda: self._join(dialog.request))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _join(self, request: SyncRequest | None) -> None:
        from ambassadeur_app.services.sync import join

        if request is None or request.carnet is None:
            return
        if request.merge:
            self._merge(request.carnet, request)
            return
        target = request.carnet

        def joined(path: Path) -> None:
            self.passphrases[path] = request.passphrase
            if self.window.switch_to(path):
                self.window.ui.statusbar.showMessage(f"Carnet partagé rejoint et ouvert : {path}", 15000)

        self._busy(
            "Construction du carnet partagé depuis le dossier…",
            lambda: join(request.folder, target, request.passphrase)[0],
            joined,
        )

    def _merge(self, target: Path, request: SyncRequest) -> None:
        """Merge the carnet ``target``, kept apart before sharing, into the shared carnet in the
        background, then open it merged and say what was merged. The window's own carnet is
        closed meanwhile (the merge replaces its file) and reopened after, merged or, on an
        error, as it was."""
        from ambassadeur_app.errors import AppError
        from ambassadeur_app.services import open_service
        from ambassadeur_app.services.sync import join

        window = self.window
        reopen: Callable[[], None] | None = None
        if window.loaded and target.resolve() == window.service.path.resolve():
            path, demo, today = window.service.path, window.demo, window.service.today
            target = path
            central = window.ui.central
            central.hide()  # nothing is read from the carnet while it is closed
            window.service.close()
            window.ui.statusbar.showMessage("Fusion en cours : le carnet est fermé le temps de la fusion.")

            def reopen() -> None:
                central.show()
                window.ui.statusbar.clearMessage()
                window.show_carnet(open_service(path, today=today, integrity_check=False), demo)

        def run() -> tuple[Path, SyncReport]:
            before = _file_id(target)
            try:
                return join(request.folder, target, request.passphrase, merge=True)
            except AppError as exc:
                if _file_id(target) == before:
                    said = f"Rien n'a été fusionné : le carnet « {target} » est tel qu'avant."
                else:  # merged, but its changes could not all be written into the shared folder
                    said = (
                        f"Le carnet « {target} » est pourtant fusionné : ce qui n'a pas pu être écrit "
                        "dans le dossier partagé le sera à la prochaine synchronisation."
                    )
                raise AppError(f"{exc.message}\n\n{said}") from exc

        def merged(result: tuple[Path, SyncReport]) -> None:
            path, report = result
            self.passphrases[path] = request.passphrase  # no question at its first sync
            if reopen is not None:
                reopen()
            elif not window.switch_to(path):
                return
            window.ui.statusbar.showMessage(
                f"Carnet fusionné avec le carnet partagé et ouvert : {path}", 15000
            )
            self._notice(
                "Carnet fusionné",
                f"Le carnet « {path} » est fusionné avec le carnet partagé et ouvert.",
                "\n".join(_merge_summary(report)),
            )

        self._busy(
            "Fusion du carnet avec le carnet partagé : construction depuis le dossier, sauvegarde, fusion…",
            run,
            merged,
            reopen,
        )

    def _busy(
        self,
        text: str,
        run: Callable[[], Any],
        done: Callable[[Any], None],
        undo: Callable[[], None] | None = None,
    ) -> tasks.Task:
        """Run ``run`` in the background behind a window-modal busy indication (no cancel: a
        share or a join leaves nothing half done anyway); on an error, ``undo`` runs, then the
        error is shown in a dialog. With ``undo`` (the window's carnet is closed meanwhile), the
        indication shows at once: the window takes no input until it is done."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        from ambassadeur_app.gui.errors import show_error

        busy = QProgressDialog(text, "", 0, 0, self.window)
        busy.setCancelButton(None)
        busy.setWindowTitle("Carnet partagé")
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        if undo is not None:
            busy.show()
        task = tasks.Task(lambda progress, cancelled: run())
        self.busy_task = task  # referenced until it ends: its signals must outlive the call

        def finished(result: object) -> None:
            self.busy_task = None
            busy.reset()
            done(result)

        def failed(exc: Exception) -> None:
            self.busy_task = None
            busy.reset()
            if undo is not None:
                undo()
            show_error(self.window, exc)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        return tasks.start(task, self.pool)

    def _notice(self, title: str, text: str, details: str) -> None:
        from ambassadeur_app.gui import prompts

        prompts.notice(self.window, title, text, details, name="sync_notice")

    # --- conflicts -----------------------------------------------------------------------------

    def show_conflicts(self) -> ConflictsDialog | None:
        from ambassadeur_app.gui.dialogs.conflicts_dialog import ConflictsDialog

        if not self.shared:
            return None
        dialog = ConflictsDialog(self.sync, self._settled, self.window)
        dialog.open()
        return dialog

    def _settled(self) -> None:
        self.window.service.changed()
        self.window.register_changed()
        self.update_actions()
        self.update_label()

    # --- closing -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.last_sync_at_close()
        return False

    def last_sync_at_close(self) -> None:
        """Send what was done since the last sync, waiting a few seconds at most."""
        if self.window.closed or not self.shared or self.passphrase is None:
            return
        self.timer.stop()
        if self.task is None:
            self.sync_now(ask=False)
        if isinstance(self.pool, QThreadPool):
            self.pool.waitForDone(CLOSE_WAIT_MS)


def _file_id(path: Path) -> int | None:
    """The file's identity: another once the merge has put the merged carnet in its place (its
    size and time change by merely opening it)."""
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _merge_summary(report: SyncReport) -> list[str]:
    """What a merge did, in French, for the window (what the CLI prints, in the menus' words)."""
    from ambassadeur_app.domain.formatting import plural
    from ambassadeur_app.services.sync import merge_lines

    assert report.merged is not None
    lines = merge_lines(report.merged)
    if report.conflicts:
        count = plural(report.conflicts, "conflit à vérifier", "conflits à vérifier")
        lines.append(f"{count} : Carnet > Conflits à vérifier.")
    lines += [f"Fichier refusé : {problem}" for problem in report.refused]
    return lines


def _new_conflicts(count: int) -> str:
    """What the status bar says of the conflicts a sync found."""
    from ambassadeur_app.domain.formatting import plural

    found = plural(count, "nouveau conflit", "nouveaux conflits")
    return f"{found} après la synchronisation : Carnet > Conflits à vérifier."


def _short(message: str) -> str:
    """The first part of a French message, for the status bar (the whole one in its tooltip)."""
    first = message.split(" : ")[0].split("\n")[0]
    return first if len(first) <= 90 else first[:89] + "…"


def install(window: MainWindow) -> Sync:
    """Add the sync's actions to the Carnet menu and its state to the status bar."""
    return Sync(window)
