"""Start the application: Qt, French translations, the carnet to open, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ambassadeur_app import APP_NAME, ORG_NAME, paths
from ambassadeur_app.errors import AppError, CarnetDamaged, CarnetReadOnly
from ambassadeur_app.gui.errors import install_excepthook, setup_logging
from ambassadeur_app.partfiles import clean_leftovers
from ambassadeur_app.services import CarnetService, open_service

DEMO_FILENAME = "demonstration.ambassadeur"


def ui_settings() -> QSettings:
    """Return the per-user interface settings (window state, last carnet, export folder)."""
    return QSettings(str(paths.user_config_dir() / "interface.ini"), QSettings.Format.IniFormat)


def create_application() -> QApplication:
    """Return the QApplication, set up for French (Qt's own dialogs included)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    translator = QTranslator(app)
    if translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def demo_path() -> Path:
    return paths.user_data_dir() / DEMO_FILENAME


def open_for_window(path: Path, create: bool = False) -> CarnetService:
    """Open a carnet for the window; one on read-only media is opened to be read and exported."""
    try:
        return open_service(path, create=create)
    except CarnetReadOnly:
        return open_service(path, readonly=True)


def open_initial(carnet: Path | None, settings: QSettings) -> tuple[CarnetService, bool]:
    """Return the carnet to show first and whether it is the demonstration.

    Order: ``--carnet``; else the last carnet opened; else the default carnet; else the
    demonstration carnet, created on first use.
    """
    if carnet is not None:
        return open_for_window(carnet, create=True), False
    last = str(settings.value("carnet/last") or "")
    for candidate in (Path(last) if last else None, paths.default_carnet_path()):
        if candidate is not None and candidate.exists():
            return open_for_window(candidate), False
    path = demo_path()
    service = open_service(path, create=True)
    if not service.is_set_up:
        from ambassadeur_app.demo import build_demo

        build_demo(service)
    return service, True


def _fatal(message: str) -> int:
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.exec()
    return 1


def _recover(
    exc: CarnetDamaged, carnet: Path | None, settings: QSettings
) -> tuple[CarnetService, bool] | None:
    """Offer the latest sound backup of a damaged carnet; restore it if the user agrees."""
    from ambassadeur_app.gui import prompts
    from ambassadeur_app.storage.db import restore_carnet

    if exc.backup is None:
        _fatal(exc.message)
        return None
    if not prompts.ask(
        None,
        exc.message,
        "Le fichier endommagé sera mis de côté, pas supprimé.",
        "Restaurer la sauvegarde",
    ):
        return None
    target = carnet or Path(str(settings.value("carnet/last") or paths.default_carnet_path()))
    restore_carnet(target, exc.backup, backup_root=paths.backup_root())
    return open_initial(target, settings)


def _first_setup(service: CarnetService) -> bool:
    """Run the first-run assistant on a new carnet before the window opens."""
    from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard, discard_new_carnet

    wizard = SetupWizard(service.path)
    while wizard.exec() == SetupWizard.DialogCode.Accepted:
        assert wizard.result_programme is not None
        try:
            service.setup(wizard.result_programme, wizard.result_ambassadors)
            return True
        except AppError as exc:
            _fatal(exc.message)
    discard_new_carnet(service)
    return False


def run_app(carnet: Path | None = None, close_after_ms: int | None = None) -> int:
    """Open the main window and run the event loop; return the exit status."""
    app = create_application()
    setup_logging()
    install_excepthook()
    clean_leftovers()
    settings = ui_settings()
    try:
        try:
            opened: tuple[CarnetService, bool] | None = open_initial(carnet, settings)
        except CarnetDamaged as exc:
            opened = _recover(exc, carnet, settings)
    except AppError as exc:
        return _fatal(exc.message)
    if opened is None:
        return 1
    service, demo = opened
    if not service.is_set_up and not _first_setup(service):
        return 0
    from ambassadeur_app.gui.main_window import MainWindow

    window = MainWindow(service, settings, demo=demo)
    window.show()
    if close_after_ms is not None:
        QTimer.singleShot(close_after_ms, window.close)
    return app.exec()
