"""Start-up of the window, against a bare PySide6 window, as whole processes.

Three moments are measured from the launch of the process: **painted** (the main window, its
menus, tabs and the frame of the page the carnet opens on are on screen: the tableau de bord's,
both carnets having data; the pages disabled until the carnet is read), **usable** (that page's
figures shown, its cards laid out, the pages and every action enabled; the charts are drawn by
a worker just after) and **entry** (the carnet page
built with its month behind Ctrl+1: the quick entry one key away, what « usable » measured
until 2026-11-30, 10:30). The app prints
them when the environment variable ``AMBASSADEUR_TIMINGS`` is set (``painted <epoch seconds>``…;
a hidden switch, for this benchmark only); the bare window prints its own first paint the same
way. The ratios are to the bare window's paint. A second floor, **the forms shown bare**, is the
app's own two forms of the first frame (``ui_main_window``, ``ui_dashboard_page``: the frame,
menus, tabs, the tableau de bord's buttons and its empty scroll area) set up in a bare window and
painted, with none of the app's code: what PySide6 costs to make those widget classes (and their
Python enums) and Qt to lay out and paint a full window; the painted moment's distance to it is
the app's own share (until 2026-11-30, 10:30, the forms were the carnet page's).

Each run also gives the time from its own painted moment to its usable one (the carnet read and
the first page's figures shown): the app's share after the paint, which the load moves least
(added 2026-11-30: on the shared machine at load 5, the ratios moved by ±0.3 between runs).

Each carnet (the demo's and the large one of 100 000 entries) is measured warm (already opened
today: the seal of its last clean close skips the integrity check) and at the day's first
opening (the seal removed: the window opens without the check and runs it in the background).
Runs alternate app and floor; each figure is the fastest of REPEAT runs (the machine's load
only ever adds time, and it varies too much on two shared cores for a median). Offscreen
unless ``QT_QPA_PLATFORM`` says otherwise (under Xvfb: ``QT_QPA_PLATFORM=xcb DISPLAY=:99``).

Run, with the venv without the dev extras:
    cd benchmarks && PYTHONPATH=/work/main /work/bvenv/bin/python startup.py

The frozen program (PyInstaller, ``build_installer.spec``: no ``.py`` file read at import) is
measured instead when ``BUNDLE`` names its folder (``dist/ambassadeur``), against the bare window
frozen the same way, whose folder ``BARE_BUNDLE`` names (``python startup.py --bare-script
FILE`` writes its script, then ``pyinstaller --onedir --exclude-module numpy FILE``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from common import alternated, carnets, first_open_of_the_day, report, sealed

BARE = (
    "import sys, time\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTableView\n"
    "class Window(QMainWindow):\n"
    "    painted = False\n"
    "    def paintEvent(self, event):\n"
    "        super().paintEvent(event)\n"
    "        if not self.painted:\n"
    "            self.painted = True\n"
    "            QTimer.singleShot(0, self.done)\n"
    "    def done(self):\n"
    "        print(f'painted {time.time():.6f}', flush=True)\n"
    "        self.close()\n"
    "app = QApplication(sys.argv)\n"
    "w = Window(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()\n"
    "app.exec()\n"
)
FORMS = BARE.replace(
    "w = Window(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()\n",
    "from ambassadeur_app.gui.forms.ui_dashboard_page import Ui_DashboardPage\n"
    "from ambassadeur_app.gui.forms.ui_main_window import Ui_MainWindow\n"
    "from PySide6.QtWidgets import QWidget\n"
    "w = Window(); Ui_MainWindow().setupUi(w)\n"
    "page = QWidget(); Ui_DashboardPage().setupUi(page)\n"
    "tabs = w.findChild(QWidget, 'tabs'); tabs.addTab(page, 'Tableau de bord'); w.show()\n",
)
REPEAT = 7
BUNDLE, BARE_BUNDLE = os.environ.get("BUNDLE"), os.environ.get("BARE_BUNDLE")


def moments(command: list[str]) -> dict[str, float]:
    """Run ``command``; return the seconds from its launch to each moment it printed."""
    env = {**os.environ, "AMBASSADEUR_TIMINGS": "1"}
    start = time.time()
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    stamps = (line.split() for line in done.stdout.splitlines())
    return {words[0]: float(words[1]) - start for words in stamps if len(words) == 2}


def measure(name: str, path: Path, prepare: Callable[[Path], Path]) -> None:
    app: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    forms: list[dict[str, float]] = []
    program = [str(Path(BUNDLE) / "ambassadeur")] if BUNDLE else [sys.executable, "-m", "ambassadeur_app"]
    command = [*program, "--carnet", str(path), "--fermer-apres", "1"]
    floor_command = [str(Path(BARE_BUNDLE) / "bare_window")] if BARE_BUNDLE else [sys.executable, "-c", BARE]

    def run_app() -> None:
        prepare(path)
        app.append(moments(command))

    def run_floors() -> None:
        bare.append(moments(floor_command))
        if not BUNDLE:
            forms.append(moments([sys.executable, "-c", FORMS]))

    alternated(run_app, run_floors, REPEAT)
    floor = min(run["painted"] for run in bare)
    for moment in ("painted", "usable", "entry"):
        value = min(run[moment] for run in app)
        report(f"{name}: {moment}", value, floor, "bare PySide6 window painted")
    if forms:
        value = min(run["painted"] for run in app)
        report(f"{name}: painted", value, min(run["painted"] for run in forms), "the forms shown bare")
    # The app's own work after its first paint, within each run: what a busy machine moves least.
    after = min(run["usable"] - run["painted"] for run in app)
    print(f"{name}: painted → usable, fastest run{after * 1000:27.1f} ms")


def main() -> None:
    if sys.argv[1:2] == ["--bare-script"]:
        Path(sys.argv[2]).write_text(BARE)
        return
    for name, (path, _) in carnets().items():
        measure(f"{name}, warm", path, sealed)
        measure(f"{name}, first open of the day", path, first_open_of_the_day)


if __name__ == "__main__":
    main()
