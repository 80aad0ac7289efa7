"""Start the application: the display check, Qt, French translations, the main window, then the
carnet to open.

Qt is imported inside the functions, not at the top: ``run_app`` first checks that a display
and the system libraries Qt needs are there, and says in French what is missing, before anything
loads Qt (which would otherwise fail with an English ImportError or abort the process).

The window paints first, on the page its carnet opens on (``first_page``); the carnet (and the
storage library, slow to import) is opened right after, and the day's integrity check runs in
the background once the window is usable.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app import APP_NAME, ORG_NAME, paths
from ambassadeur_app.errors import AppError, CarnetDamaged, CarnetReadOnly

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QWidget

    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.services import CarnetService

# Set (to anything), the app prints when its window is painted, when it is usable (the carnet's
# data shown on its first page, every action enabled) and when its quick entry is ready behind
# Ctrl+1 (the carnet page built with its month: "entry"), as "painted <seconds since the epoch>":
# for benchmarks/startup.py.
TIMINGS_VARIABLE = "AMBASSADEUR_TIMINGS"

# The libraries Qt's X11 (xcb) plugin loads that a desktop Debian or Ubuntu may lack, with the
# package that ships each. Qt aborts the process when one is missing (since Qt 6.5 the first
# is libxcb-cursor0), so they are looked for before Qt is loaded.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# The libraries PySide6 itself links to, for the message when importing it fails.
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    **XCB_LIBRARIES,
}
NO_DISPLAY = (
    "Aucun affichage graphique n'est disponible (ni X11 ni Wayland : les variables DISPLAY et "
    "WAYLAND_DISPLAY sont vides). L'application ne peut pas ouvrir sa fenêtre : lancez-la depuis "
    "une session graphique. Les commandes du terminal fonctionnent sans affichage "
    "(ambassadeur --help)."
)


def _loadable(library: str) -> bool:
    """Say whether the dynamic loader finds ``library``, as Qt's plugin will look for it."""
    import ctypes  # here, not at the top: Windows and macOS never ask (~1.5 ms of a start)

    try:
        ctypes.CDLL(library)
    except OSError:
        # A bundle (PyInstaller) may carry its own copy beside Qt's libraries.
        bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
        return bundle is not None and any(Path(bundle).rglob(f"{library}*"))
    return True


def _x_server_answers(display: str, attempts: int = 2) -> bool:
    """Say whether the X server named by ``display`` accepts a connection, as Qt will ask it.

    A ``DISPLAY`` left over from another session (an ssh login without X forwarding) names a
    server that is gone: Qt would abort the process. Without libxcb, no answer is possible and
    the display is given the benefit of the doubt.

    A connection that succeeds is kept open for the life of the process: an X server whose last
    client leaves resets itself (``xvfb-run``, a kiosk session), and Qt's own connection, made
    a moment later, would arrive during the reset and be refused. A refusal is asked again once,
    in case another client's leaving had started such a reset.
    """
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    for attempt in range(attempts):
        if attempt:
            time.sleep(0.2)
        connection = xcb.xcb_connect(display.encode(), None)
        if connection and int(xcb.xcb_connection_has_error(connection)) == 0:
            _HELD_X_CONNECTIONS.append(connection)
            return True
        if connection:
            xcb.xcb_disconnect(connection)
    return False


_HELD_X_CONNECTIONS: list[int] = []


def _missing_packages(libraries: Mapping[str, str], loadable: Callable[[str], bool]) -> list[str]:
    return sorted({package for library, package in libraries.items() if not loadable(library)})


def _install_advice(packages: list[str]) -> str:
    return (
        f"installez {'le paquet' if len(packages) == 1 else 'les paquets'} {', '.join(packages)} "
        f"(Debian, Ubuntu : sudo apt install {' '.join(packages)}), puis relancez l'application."
    )


def display_problem(
    environ: Mapping[str, str] = os.environ,
    system: str = sys.platform,
    loadable: Callable[[str], bool] = _loadable,
    answers: Callable[[str], bool] = _x_server_answers,
) -> str | None:
    """Say in French why Qt could not open a window here, or return ``None``.

    Only Linux is checked: Windows and macOS always have a display. A platform chosen with
    ``QT_QPA_PLATFORM`` (``offscreen``, ``wayland``, ``vnc``...) is left to the user's choice,
    except ``xcb``, whose libraries and server are checked.
    """
    if not system.startswith("linux"):
        return None
    platform = environ.get("QT_QPA_PLATFORM", "").strip()
    if platform and not platform.startswith("xcb"):
        return None
    display, wayland = environ.get("DISPLAY", "").strip(), environ.get("WAYLAND_DISPLAY", "").strip()
    if wayland and not platform:
        return None  # Qt opens a Wayland window; X11 is not needed
    if not display:
        return NO_DISPLAY
    missing = _missing_packages(XCB_LIBRARIES, loadable)
    if missing:
        return "L'affichage X11 a besoin de bibliothèques absentes de ce système : " + _install_advice(
            missing
        )
    if not answers(display):
        return (
            f"L'affichage graphique « {display} » (variable DISPLAY) ne répond pas : la session "
            "graphique est fermée ou inaccessible d'ici (connexion ssh sans redirection X11 ?). "
            "Lancez l'application depuis la session graphique. Les commandes du terminal "
            "fonctionnent sans affichage (ambassadeur --help)."
        )
    return None


def import_problem(exc: ImportError) -> str:
    """Say in French which system library kept Qt from loading, and which package ships it."""
    found = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", str(exc))
    library = found.group(1) if found else ""
    package = QT_LIBRARIES.get(library)
    if package:
        return f"La bibliothèque {library} est absente de ce système : " + _install_advice([package])
    detail = f" ({library} introuvable)" if library else ""
    return (
        f"La bibliothèque graphique Qt ne peut pas être chargée{detail}. Les commandes du "
        "terminal fonctionnent sans elle (ambassadeur --help)."
    )


def ui_settings() -> QSettings:
    """Return the per-user interface settings (window state, last carnet, export folder)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def _icon() -> QIcon:
    """Return the application icon (title bar, task bar), in every size drawn for it.

    Each file's size is given: Qt then reads a picture when it is drawn, not each file's header
    at once to learn its size (1.5–4 ms before the first paint)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.resource_dir() / "icons" / f"ambassadeur-{size}.png"), QSize(size, size))
    return icon


def skip_feature_hook() -> None:
    """Put back Python's own ``import``, which PySide6 replaced when it was imported.

    PySide6's replacement serves ``from __feature__ import snake_case`` (unused here); it reads
    the source of every module imported after PySide6 to look for that line, ~20 ms for the
    storage library and the services. PySide6 keeps the original as ``builtins.__orig_import__``;
    any other replacement (a debugger, a test tool) is left alone.
    """
    import builtins

    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is getattr(builtins, "__feature_import__", None):
        builtins.__import__ = original


def create_application() -> QApplication:
    """Return the QApplication, set up for French (Qt's own dialogs included)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    skip_feature_hook()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setWindowIcon(_icon())
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    translator = QTranslator(app)
    if translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def open_for_window(path: Path, create: bool = False) -> CarnetService:
    """Open a carnet for the window; one on read-only media is opened to be read and exported.

    The day's integrity check is left out: the window runs it in the background
    (``MainWindow.show_carnet``).
    """
    from ambassadeur_app.services import open_service

    try:
        return open_service(path, create=create, integrity_check=False)
    except CarnetReadOnly:
        return open_service(path, readonly=True, integrity_check=False)


def initial_carnet(carnet: Path | None, settings: QSettings) -> tuple[Path, bool]:
    """Return the carnet to show first and whether it is the demonstration, opening nothing
    (the window shows the demonstration's banner from its first frame).

    Order: ``--carnet``; else as the command line chooses (``paths.opened_carnet``): the last
    carnet opened; else the default carnet; else the demonstration carnet, created on first use.
    """
    if carnet is not None:
        return carnet, False
    last = str(settings.value("carnet/last") or "")
    return paths.opened_carnet(Path(last) if last else None)


def first_page(path: Path, demo: bool, settings: QSettings) -> str:
    """Return the page the window paints first, before the carnet ``path`` is opened: the one it
    opened on last time (``MainWindow`` remembers it), the tableau de bord for the demonstration
    and for another carnet (one with data, most likely), the carnet page for a carnet to create.
    A wrong guess is put right once the carnet is read (``pages.opening_page``)."""
    from ambassadeur_app.gui.pages import CARNET, DASHBOARD

    if demo:
        return DASHBOARD  # built with its data on first use
    if not path.exists():
        return CARNET
    if str(settings.value("carnet/last") or "") == str(path.resolve()):
        return str(settings.value("carnet/opens_on") or DASHBOARD)
    return DASHBOARD


def open_initial(carnet: Path | None, settings: QSettings) -> tuple[CarnetService, bool]:
    """Open the carnet to show first (``initial_carnet``); return it and whether it is the
    demonstration, built on first use."""
    path, demo = initial_carnet(carnet, settings)
    service = open_for_window(path, create=carnet is not None or demo)
    if demo and not _is_set_up(service):
        from ambassadeur_app.demo import build_demo

        build_demo(service)
    return service, demo


def _is_set_up(service: CarnetService) -> bool:
    """Whether the carnet has its programme. One that cannot be read is taken as set up: the
    window, reading it, diagnoses it (``MainWindow.show_carnet``: the restore offer)."""
    import sqlite3

    try:
        return service.is_set_up
    except sqlite3.Error:
        return True


def fatal(message: str, parent: QWidget | None = None) -> int:
    """Say (and wait until it is read) why the app cannot go on; return the exit status, 1."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, parent=parent)
    box.exec()
    return 1


RESTORE_DETAILS = (
    "Le fichier endommagé sera mis de côté, pas supprimé. « Annuler » ferme l'application sans "
    "modifier le fichier."
)


def offer_restore(exc: CarnetDamaged, target: Path, parent: QWidget | None = None) -> bool:
    """Offer the latest sound backup of the damaged carnet ``target``; restore it if the user
    agrees. Return whether it was restored (without a backup to offer, say so and return False).

    Raises:
        CarnetError: the restore failed (the file is left as it was).
    """
    from ambassadeur_app.gui import prompts
    from ambassadeur_app.storage.db import restore_carnet

    if exc.backup is None:
        fatal(exc.message, parent)
        return False
    if not prompts.ask(parent, exc.message, RESTORE_DETAILS, "Restaurer la sauvegarde"):
        return False
    restore_carnet(target, exc.backup, backup_root=paths.backup_root())
    return True


def _recover(
    exc: CarnetDamaged, carnet: Path | None, settings: QSettings, parent: QWidget | None = None
) -> tuple[CarnetService, bool] | None:
    """Offer the latest sound backup of a carnet found damaged at opening; reopen it restored."""
    target = carnet or Path(str(settings.value("carnet/last") or paths.default_carnet_path()))
    return open_initial(target, settings) if offer_restore(exc, target, parent) else None


def resume_collector() -> None:
    """Let Python's cyclic garbage collector run again, held while the window starts
    (``run_app``): the start makes modules, classes and Qt's wrappers, all kept, and the
    collector went through them again and again for nothing (~30 ms of the start, one full pass
    ~15 ms of it). What the start made is frozen first: left out of every later pass (the
    saves' included)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _first_setup(service: CarnetService, window: MainWindow) -> bool:
    """Run the first-run assistant on a new carnet, over the window still empty."""
    from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard, discard_new_carnet

    resume_collector()  # the user may take a while

    wizard = SetupWizard(service.path, window)
    while wizard.exec() == SetupWizard.DialogCode.Accepted:
        assert wizard.result_programme is not None
        try:
            service.setup(wizard.result_programme, wizard.result_ambassadors)
            return True
        except AppError as exc:
            fatal(exc.message, window)
    discard_new_carnet(service)
    return False


def load_carnet(window: MainWindow, carnet: Path | None, settings: QSettings) -> int | None:
    """Open the carnet to show and hand it to the painted ``window``; return the exit status
    when there is none to show (window already closed, refused, damaged and not restored,
    first setup cancelled).

    Damage found while the window reads the carnet is diagnosed as at opening (restore offer).
    """
    from ambassadeur_app.partfiles import clean_leftovers

    if window.closed:
        return 0  # closed before its carnet came: nothing is opened
    clean_leftovers()
    try:
        try:
            opened: tuple[CarnetService, bool] | None = open_initial(carnet, settings)
        except CarnetDamaged as exc:
            opened = _recover(exc, carnet, settings, window)
    except AppError as exc:
        return fatal(exc.message, window)
    if opened is None:
        return 1
    service, demo = opened
    if not _is_set_up(service) and not _first_setup(service, window):
        return 0
    window.show_carnet(service, demo)
    return None if window.loaded else 1


def _stamp(moment: str) -> None:
    if os.environ.get(TIMINGS_VARIABLE):
        print(f"{moment} {time.time():.6f}", flush=True)


def run_app(carnet: Path | None = None, close_after_ms: int | None = None) -> int:
    """Show the main window, open the carnet in it and run the event loop; return the exit status.

    Without a display, or without a library Qt needs, says so in French on stderr and returns 1.

    Python's cyclic garbage collector is held until the window is usable (``resume_collector``).
    """
    gc.disable()
    problem = display_problem()
    if problem is None:
        try:
            from PySide6.QtCore import QTimer

            from ambassadeur_app.gui.errors import install_excepthook
        except ImportError as exc:
            problem = import_problem(exc)
    if problem is not None:
        print(f"erreur : {problem}", file=sys.stderr)
        return 1
    app = create_application()
    install_excepthook()  # the log file is set up when something is first written to it
    settings = ui_settings()
    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.gui.pages import CARNET

    path, demo = initial_carnet(carnet, settings)
    window = MainWindow(None, settings, demo=demo, first_page=first_page(path, demo, settings))
    window.gave_up.connect(lambda: app.exit(1))

    def load() -> None:
        _stamp("painted")
        try:
            status = load_carnet(window, carnet, settings)
            if status is None:
                window.repaint()  # the data on screen now: the zero timers the paint sets come after
                _stamp("usable")
                window.pages.get(CARNET)  # built now if the window opened on another: Ctrl+1 waits
                _stamp("entry")
        finally:
            resume_collector()  # whatever happened
        if status is not None:
            app.exit(status)
            return
        if close_after_ms is not None:
            QTimer.singleShot(close_after_ms, window.close)

    # After the first paint has reached the screen: the carnet's opening never delays it.
    window.painted.connect(lambda: QTimer.singleShot(0, load))
    window.show()
    return app.exec()
