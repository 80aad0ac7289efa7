"""Start-up of the window, against a bare PySide6 window, as whole processes.

Two moments are measured from the launch of the process: **painted** (the main window, its
menus, tabs, month and quick-entry bar are on screen) and **usable** (the carnet's data shown,
every action enabled). The app prints them when the environment variable
``AMBASSADEUR_TIMINGS`` is set (``painted <epoch seconds>``, ``usable <epoch seconds>``; a
hidden switch, for this benchmark only); the bare window prints its own first paint the same
way. Both ratios are to the bare window's paint.

Each carnet (the demo's and the large one of 100 000 entries) is measured warm (already opened
today: the seal of its last clean close skips the integrity check) and at the day's first
opening (the seal removed: the window opens without the check and runs it in the background).
Runs alternate app and floor; each figure is the fastest of REPEAT runs (the machine's load
only ever adds time, and it varies too much on two shared cores for a median). Offscreen
unless ``QT_QPA_PLATFORM`` says otherwise (under Xvfb: ``QT_QPA_PLATFORM=xcb DISPLAY=:99``).

Run, with the venv without the dev extras:
    cd benchmarks && PYTHONPATH=/work/main /work/bvenv/bin/python startup.py
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
REPEAT = 7


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
    command = [sys.executable, "-m", "ambassadeur_app", "--carnet", str(path), "--fermer-apres", "1"]

    def run_app() -> None:
        prepare(path)
        app.append(moments(command))

    alternated(run_app, lambda: bare.append(moments([sys.executable, "-c", BARE])), REPEAT)
    floor = min(run["painted"] for run in bare)
    for moment in ("painted", "usable"):
        value = min(run[moment] for run in app)
        report(f"{name}: {moment}", value, floor, "bare PySide6 window painted")


def main() -> None:
    for name, (path, _) in carnets().items():
        measure(f"{name}, warm", path, sealed)
        measure(f"{name}, first open of the day", path, first_open_of_the_day)


if __name__ == "__main__":
    main()
