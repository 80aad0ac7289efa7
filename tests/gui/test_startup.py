"""The window paints first, on the page its carnet opens on (the tableau de bord once it has
data), and loads its carnet right after; pages are built on their first visit, the carnet page
right after the first one's data; the day's integrity check runs in the background and still
offers the restore."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.gui import app
from ambassadeur_app.gui.dialogs.export_dialog import ExportDialog
from ambassadeur_app.gui.dialogs.setup_wizard import SetupWizard
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages.dashboard_page import DashboardPage
from ambassadeur_app.gui.pages.professionals_page import ProfessionalsPage
from ambassadeur_app.gui.pages.structures_page import StructuresPage
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.storage.backup import BackupKind, quick_check, read_only_connection
from ambassadeur_app.storage.db import SEAL_NAME, backup_manager
from tests.conftest import PROGRAMME
from tests.gui.conftest import Prompts, SyncPool
from tests.gui.test_register_pages import people
from tests.test_architecture import LAZY
from tests.unit.test_file_diagnosis import damage_a_page_keeping_size_and_time, make_carnet

ENTRIES = 5  # all in September 2024


def carnet_with_register(path: Path) -> None:
    make_carnet(path, entries=ENTRIES)
    with open_service(path) as service:
        people(service)


def painted_window(qtbot: Any, first_page: str = "carnet") -> MainWindow:
    """A window shown without a carnet, as ``run_app`` shows it, once painted."""
    window = MainWindow(None, app.ui_settings(), pool=SyncPool(), first_page=first_page)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.painted):
        window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_run_app_paints_the_window_before_it_opens_the_carnet(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    carnet_with_register(path)
    events: list[str] = []
    at_opening: list[tuple[bool, bool, bool, bool, bool, bool]] = []
    at_closing: list[tuple[bool, str, bool, bool, bool]] = []
    paint, close, opened = MainWindow.paintEvent, MainWindow.closeEvent, app.open_initial

    def painted(self: MainWindow, event: QPaintEvent) -> None:
        events.append("paint")
        paint(self, event)

    def open_initial(carnet: Path | None, settings: Any) -> tuple[CarnetService, bool]:
        events.append("open")
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        dashboard = cast(DashboardPage, window.pages.get("dashboard"))
        at_opening.append(
            (
                window.loaded,
                window.ui.menubar.isVisible(),
                dashboard.isVisible(),  # its frame: the carnet has data (a guess: not read yet)
                dashboard.ui.reading_button.isVisible(),
                dashboard.cards == {},  # the figures come with the carnet
                window.pages.is_built("carnet"),
            )
        )
        return opened(carnet, settings)

    def closed(self: MainWindow, event: QCloseEvent) -> None:
        dashboard = cast(DashboardPage, self.pages.get("dashboard"))
        at_closing.append(
            (
                self.loaded,
                self.windowTitle(),
                dashboard.isVisible() and bool(dashboard.cards),
                self.pages.is_built("carnet"),  # the quick entry ready behind Ctrl+1
                self.ui.action_export.isEnabled(),
            )
        )
        close(self, event)

    monkeypatch.setattr(MainWindow, "paintEvent", painted)
    monkeypatch.setattr(MainWindow, "closeEvent", closed)
    monkeypatch.setattr(app, "open_initial", open_initial)
    monkeypatch.setattr("ambassadeur_app.gui.errors.install_excepthook", lambda: None)

    assert app.run_app(path, close_after_ms=0) == 0
    assert "paint" in events
    assert events.index("paint") < events.index("open")
    assert at_opening == [(False, True, True, True, True, False)]
    assert at_closing == [
        (True, f"CPTS Test du Lunévillois — {path.name} — Carnet de bord ambassadeur", True, True, True)
    ]
    assert gc.isenabled()  # held while the window started, running again once it is usable


def test_the_collector_runs_again_when_the_window_gives_up(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Held while the window starts, Python's garbage collector runs again whatever happens to
    the carnet (here, refused: the app exits with status 1)."""
    monkeypatch.setattr(app, "load_carnet", lambda window, carnet, settings: 1)
    monkeypatch.setattr("ambassadeur_app.gui.errors.install_excepthook", lambda: None)
    assert app.run_app(tmp_path / "carnet.ambassadeur") == 1
    assert gc.isenabled()


def test_actions_wait_for_the_carnet_then_every_page_shows_its_data(
    qtbot: Any, tmp_path: Path, prompts: Prompts
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    carnet_with_register(path)
    window = painted_window(qtbot)
    ui = window.ui
    waiting = [ui.action_export, ui.action_new_professional, ui.action_close_month, ui.action_find]
    assert not window.loaded
    assert [action.isEnabled() for action in waiting] == [False] * 4
    assert ui.action_quit.isEnabled()
    assert ui.action_about.isEnabled()
    assert ui.action_shortcuts.isEnabled()
    ui.action_export.trigger()
    # The pages wait for the carnet, disabled: keys and clicks do not reach them (there is no
    # carnet to save to), whatever has the focus; the tabs can still be chosen.
    dashboard = window.pages.get("dashboard")
    assert [window.page.isEnabled(), dashboard.isEnabled()] == [False, False]
    assert ui.tabs.tabBar().isEnabled()
    qtbot.mouseClick(dashboard.ui.reading_button, Qt.MouseButton.LeftButton)
    window.page.ui.duration_edit.setFocus()
    assert QApplication.focusWidget() is not window.page.ui.duration_edit
    qtbot.keyClicks(QApplication.focusWidget() or window, "1h")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    assert window.findChildren(QDialog) == []
    assert window.page.ui.duration_edit.text() == ""

    assert app.load_carnet(window, path, app.ui_settings()) is None
    assert [action.isEnabled() for action in waiting] == [True] * 4
    assert [window.page.isEnabled(), dashboard.isEnabled()] == [True, True]
    # The keys typed before were dropped, not replayed: nothing was saved blind.
    assert window.page.ui.duration_edit.text() == ""
    assert len(window.service.entry_ids(EntryFilter())) == ENTRIES
    # The carnet has entries: it opens on its tableau de bord; the quick entry is one key away.
    assert ui.tabs.currentWidget() is window.pages.get("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.page.ui.duration_edit
    ui.action_export.trigger()
    assert len(window.findChildren(ExportDialog)) == 1
    window.findChildren(ExportDialog)[0].reject()
    qtbot.keyClicks(window.page.ui.duration_edit, "1h")  # keys reach the page now
    assert window.page.ui.duration_edit.text() == "1h"

    window.page.show_month(Month(2024, 9))
    assert window.page.model is not None
    assert window.page.model.rowCount() == len(window.service.entry_ids(EntryFilter())) == ENTRIES
    # The register pages are neither imported into the window nor built until visited.
    register = window.service.register
    for number, name, kind, count in (
        (2, "professionals", ProfessionalsPage, len(register.professional_ids())),
        (3, "structures", StructuresPage, len(register.structure_ids())),
    ):
        assert not window.pages.is_built(name)
        assert window.findChildren(kind) == []
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.pages.is_built(name)
        assert ui.tabs.currentIndex() == number - 1
        (page,) = window.findChildren(kind)
        assert ui.tabs.currentWidget() is page
        assert page.model is not None
        assert page.model.rowCount() == count > 0
    assert not window.pages.is_built("solicitations")
    assert not window.pages.is_built("follow_ups")


@pytest.mark.parametrize("accepted", [True, False])
def test_a_new_carnet_is_set_up_over_the_painted_window(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, accepted: bool
) -> None:
    path = tmp_path / "neuf.ambassadeur"
    parents: list[Any] = []

    def run(wizard: SetupWizard) -> int:  # the user fills the assistant in, or cancels it
        parents.append(wizard.parent())
        if not accepted:
            return SetupWizard.DialogCode.Rejected
        wizard.result_programme = PROGRAMME
        return SetupWizard.DialogCode.Accepted

    monkeypatch.setattr(SetupWizard, "exec", run)
    window = painted_window(qtbot)
    assert app.load_carnet(window, path, app.ui_settings()) == (None if accepted else 0)
    assert parents == [window]
    assert window.loaded is accepted
    assert path.exists() is accepted  # a cancelled set-up leaves no empty carnet behind
    if accepted:
        assert window.service.programme().cpts_name == PROGRAMME.cpts_name


def test_damage_found_by_the_background_check_offers_the_restore(
    qtbot: Any, tmp_path: Path, prompts: Prompts
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path, entries=ENTRIES)
    with open_service(path) as service:
        service.carnet.backup(BackupKind.MANUAL)
    # A page the window does not read at opening (the solicitations), damaged since the last
    # closing; the day's first opening (no seal) checks the whole file.
    damage_a_page_keeping_size_and_time(path, "solicitations")
    (backup_manager(paths.backup_root(), path).folder / SEAL_NAME).unlink()
    window = painted_window(qtbot)

    assert app.load_carnet(window, path, app.ui_settings()) is None
    (asked,) = prompts.asked
    assert "est endommagé" in asked
    assert window.loaded
    assert window.service.path == path.resolve()
    assert len(window.service.entry_ids(EntryFilter())) == ENTRIES
    assert window.service.carnet.unchecked is False  # the restored file was checked too
    conn = read_only_connection(path)
    try:
        assert quick_check(conn) == "ok"
    finally:
        conn.close()
    aside = [
        p for p in tmp_path.glob("carnet.ambassadeur.endommage-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1  # set aside, not deleted


def test_a_sound_carnet_checked_in_the_background_is_sealed_at_closing(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path)
    seal = backup_manager(paths.backup_root(), path).folder / SEAL_NAME
    seal.unlink()
    window = painted_window(qtbot)
    assert app.load_carnet(window, path, app.ui_settings()) is None
    assert window.service.carnet.unchecked is False
    window.close()
    assert seal.exists()


def test_importing_the_window_does_not_load_the_storage_library() -> None:
    code = "import sys, ambassadeur_app.gui.main_window; assert 'sqlite_utils' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_window_paints_without_the_storage_library() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "application = QApplication([])\n"
        "from ambassadeur_app.gui.app import ui_settings\n"
        "from ambassadeur_app.gui.main_window import MainWindow\n"
        "window = MainWindow(None, ui_settings())\n"
        "window.show()\n"
        "application.processEvents()\n"
        "assert 'sqlite_utils' not in sys.modules\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_window_paints_before_pyside6_builds_its_qt_namespace() -> None:
    """PySide6 builds ``QtCore.Qt`` (hundreds of enums, ~12 ms) when it is first touched, by a
    name or by ``QAction.setShortcut``: the window's first frame needs none of it (a bare window
    never builds it); the carnet's data then do."""
    code = (
        "from PySide6 import QtCore\n"
        "from PySide6.QtWidgets import QApplication\n"
        "application = QApplication([])\n"
        "from ambassadeur_app.gui.app import ui_settings\n"
        "from ambassadeur_app.gui.main_window import MainWindow\n"
        "window = MainWindow(None, ui_settings(), first_page='dashboard')\n"
        "built = []\n"
        "window.painted.connect(lambda: built.append('Qt' in QtCore.__dict__))\n"
        "window.show()\n"
        "while not built:\n"
        "    application.processEvents()\n"
        "assert built == [False], 'QtCore.Qt built before the first paint'\n"
        "assert window.ui.action_new_entry.shortcut().toString() == 'Ctrl+N'\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_dashboard_shows_its_figures_before_pyside6_builds_its_qt_namespace(tmp_path: Path) -> None:
    """The first page's figures (the cards, the charts' values until they are drawn) are in the
    first repaint after the carnet is read, laid out, and need none of ``QtCore.Qt``: it is built
    after them, with the carnet page behind Ctrl+1. Nor the services of the register, events,
    questionnaires and expenses (the indicators read their repositories)."""
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path, entries=ENTRIES)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6 import QtCore\n"
        "from PySide6.QtWidgets import QApplication\n"
        "application = QApplication([])\n"
        "from ambassadeur_app.gui.app import ui_settings\n"
        "from ambassadeur_app.gui.main_window import MainWindow\n"
        "from ambassadeur_app.services import open_service\n"
        "window = MainWindow(None, ui_settings(), first_page='dashboard')\n"
        "window.show()\n"
        "application.processEvents()\n"
        "window.show_carnet(open_service(Path(sys.argv[1])), False)\n"
        "window.repaint()\n"
        "page = window.pages.current()\n"
        "assert window.pages.current_name() == 'dashboard', window.pages.current_name()\n"
        "assert all(card.isVisible() for card in page.cards.values())\n"
        "content, room = page.ui.scroll_area.widget(), page.ui.scroll_area.viewport()\n"
        "assert content.height() > room.height(), 'the cards squeezed in the page'\n"
        "charts = [c.chart_view for c in page.cards.values() if c.chart_view.isVisible()]\n"
        "assert charts and not any(view.loaded for view in charts)\n"
        "assert 'Qt' not in QtCore.__dict__, 'QtCore.Qt built before the figures'\n"
        "services = ('register', 'surveys', 'events', 'expenses')  # the indicators read the repositories\n"
        "assert [s for s in services if f'ambassadeur_app.services.{s}' in sys.modules] == []\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AMBASSADEUR_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_quick_entry_takes_the_focus_only_when_its_tab_is_shown(
    qtbot: Any, tmp_path: Path, prompts: Prompts
) -> None:
    path, other = tmp_path / "carnet.ambassadeur", tmp_path / "autre.ambassadeur"
    carnet_with_register(path)
    make_carnet(other)
    window = painted_window(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # before the load
    assert window.ui.tabs.currentIndex() == 1
    assert app.load_carnet(window, path, app.ui_settings()) is None
    # Keys typed now must not reach the quick entry out of sight (and save an entry unseen).
    assert window.ui.tabs.currentIndex() == 1
    assert QApplication.focusWidget() is not window.page.ui.duration_edit
    assert window.switch_to(other)  # Fichier > Ouvrir from a register tab
    assert window.service.path == other.resolve()
    assert QApplication.focusWidget() is not window.page.ui.duration_edit


def test_the_first_frame_shows_today_and_nothing_stale(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path)
    window = painted_window(qtbot)
    ui = window.page.ui
    today = date.today()
    assert ui.date_edit.date() == QDate(today.year, today.month, today.day)
    assert ui.month_combo.currentText() == Month.of(today).title()
    assert Month.of(today).title() in ui.summary_title_label.text()
    assert ui.close_month_button.isVisible()
    assert not ui.reopen_month_button.isVisible()
    bars = (
        ui.claim_bar,
        ui.missions_title_label,
        ui.ambassadors_title_label,
        ui.weeks_title_label,
        ui.programme_title_label,
        ui.programme_bar,
    )
    assert [widget.isVisible() for widget in bars] == [False] * len(bars)
    sections = (ui.missions_grid, ui.ambassadors_grid, ui.weeks_grid)
    assert [grid.count() for grid in sections] == [0, 0, 0]  # no figure before the carnet's
    assert window.page.model is None  # the table's model comes with the carnet
    assert window.ui.statusbar.currentMessage() == "Ouverture du carnet…"
    assert app.load_carnet(window, path, app.ui_settings()) is None
    assert [widget.isHidden() for widget in bars] == [False] * len(bars)  # on their page, behind Ctrl+1
    assert [grid.count() >= 2 for grid in sections] == [True] * 3  # a label and its value at least
    assert window.ui.statusbar.currentMessage() == ""


def test_the_window_chooses_its_carnet_as_the_command_line(tmp_path: Path) -> None:
    settings = app.ui_settings()
    for last in ("/tmp/" + "é" * 200 + ".ambassadeur", str(tmp_path / "gone.ambassadeur")):
        settings.setValue("carnet/last", last)  # a name the system refuses to look at; a file gone
        assert app.initial_carnet(None, settings) == paths.opened_carnet(Path(last))
        assert app.initial_carnet(None, settings) == (paths.demo_carnet_path(), True)
    kept = tmp_path / "kept.ambassadeur"
    kept.write_bytes(b"")
    settings.setValue("carnet/last", str(kept))
    settings.sync()
    assert paths.last_carnet() == kept  # the command line reads what the window wrote
    assert app.initial_carnet(None, settings) == (kept, False)


def test_the_demonstration_banner_is_there_from_the_first_frame(qtbot: Any) -> None:
    settings = app.ui_settings()
    assert app.initial_carnet(None, settings) == (paths.demo_carnet_path(), True)  # first run: no carnet
    window = MainWindow(None, settings, demo=True, pool=SyncPool())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.painted):
        window.show()
    assert window.ui.demo_banner.isVisible()
    top = window.ui.tabs.mapTo(window, QPoint(0, 0)).y()
    assert app.load_carnet(window, None, settings) is None
    assert window.demo
    assert window.ui.demo_banner.isVisible()
    assert window.ui.tabs.mapTo(window, QPoint(0, 0)).y() == top  # the pages did not jump down


def test_qt_calls_keep_their_reference_to_none(qtbot: Any) -> None:
    """PySide6 6.12.0 loses a reference to None at each Qt call that returns nothing: on
    Python 3.11 (None not yet immortal) the app then aborts after some hundred saves (« Fatal
    Python error: deallocating None »). pyproject.toml keeps PySide6 below 6.12 for this."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(10_000):
        label.setText(str(number))
    assert sys.getrefcount(None) >= before - 100  # a few come and go; 10 000 would be the bug


def test_the_command_opens_the_window_on_its_carnet(tmp_path: Path) -> None:
    """``ambassadeur --carnet FICHIER`` (read without the command line's parser) shows the
    window, then the carnet's data, and closes when asked."""
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path)
    env = {**os.environ, app.TIMINGS_VARIABLE: "1", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "ambassadeur_app", "--carnet", str(path), "--fermer-apres", "0"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert [line.split()[0] for line in done.stdout.splitlines()] == ["painted", "usable", "entry"]
    assert app.ui_settings().value("carnet/last") == str(path.resolve())  # that carnet was shown
    assert not paths.demo_carnet_path().exists()


def test_the_window_loads_its_carnet_without_the_records_its_first_pages_do_not_read(tmp_path: Path) -> None:
    """Showing the tableau de bord, then the carnet page behind Ctrl+1 (the places to complete
    include the register's communes) imports neither the professionals, the journal, the
    planning nor the pack's checks."""
    path = tmp_path / "carnet.ambassadeur"
    carnet_with_register(path)
    unread = sorted(
        f"ambassadeur_app.{name}"
        for name in ("storage.professionals", "storage.journal", "storage.planning", "domain.checks")
    )
    assert set(unread) <= set(LAZY)
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "application = QApplication([])\n"
        "from ambassadeur_app.gui import app\n"
        "from ambassadeur_app.gui.main_window import MainWindow\n"
        "window = MainWindow(None, app.ui_settings(), first_page='dashboard')\n"
        "window.show()\n"
        "application.processEvents()\n"
        f"assert app.load_carnet(window, {str(path)!r}, app.ui_settings()) is None\n"
        "application.processEvents()\n"
        "assert window.loaded and window.pages.current_name() == 'dashboard'\n"
        "print(*window.page.ui.place_edit.completer().model().stringList(), sep='\\n')\n"
        f"print('read:', *sorted(m for m in sys.modules if m in {unread!r}))\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    *places, read = done.stdout.splitlines()
    assert read == "read:"
    assert {"Nancy", "Toul"} <= set(places)  # the register's communes (``people``)


def test_the_page_painted_first_is_the_one_the_carnet_opened_on(tmp_path: Path) -> None:
    """Guessed before the carnet is read: the page it opened on last time; the tableau de bord
    for the demonstration and another carnet; the carnet page for a carnet to create."""
    settings = app.ui_settings()
    path, other = tmp_path / "carnet.ambassadeur", tmp_path / "autre.ambassadeur"
    make_carnet(path, entries=0)
    make_carnet(other)
    assert app.first_page(tmp_path / "neuf.ambassadeur", False, settings) == "carnet"
    assert app.first_page(paths.demo_carnet_path(), True, settings) == "dashboard"
    assert app.first_page(path, False, settings) == "dashboard"  # never opened: most have data
    settings.setValue("carnet/last", str(path.resolve()))
    settings.setValue("carnet/opens_on", "carnet")
    assert app.first_page(path, False, settings) == "carnet"
    assert app.first_page(other, False, settings) == "dashboard"


@pytest.mark.parametrize(("entries", "opens_on"), [(0, "carnet"), (ENTRIES, "dashboard")])
def test_a_wrong_guess_is_put_right_once_the_carnet_is_read(
    qtbot: Any, tmp_path: Path, entries: int, opens_on: str
) -> None:
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path, entries=entries)
    guess = "carnet" if opens_on == "dashboard" else "dashboard"
    window = painted_window(qtbot, first_page=guess)
    assert window.pages.current_name() == guess
    assert app.load_carnet(window, path, app.ui_settings()) is None
    assert window.pages.current_name() == opens_on
    if opens_on == "carnet":  # a carnet without data: its first entry
        assert QApplication.focusWidget() is window.page.ui.duration_edit
    settings = app.ui_settings()
    assert settings.value("carnet/opens_on") == opens_on
    assert app.first_page(path, False, settings) == opens_on  # right at once next time


def test_a_readings_only_carnet_opens_on_the_dashboard(qtbot: Any, tmp_path: Path) -> None:
    """Data are entries, events or readings of active users: a carnet with readings only."""
    path = tmp_path / "carnet.ambassadeur"
    make_carnet(path, entries=0)
    with open_service(path) as service:
        service.indicators.save_reading(date(2024, 9, 2), 400, baseline=True)
    window = painted_window(qtbot)
    assert app.load_carnet(window, path, app.ui_settings()) is None
    assert window.pages.current_name() == "dashboard"


def test_the_icon_draws_every_size_it_was_given_read_only_when_drawn(qtbot: Any) -> None:
    icon = app._icon()
    sizes = [size.width() for size in icon.availableSizes()]
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    for size in sizes:
        picture = icon.pixmap(size, size).toImage()
        assert (picture.width(), picture.height()) == (size, size)
        assert picture.pixelColor(size // 2, size // 2).alpha() > 0  # the drawing, not an empty square
