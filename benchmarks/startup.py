"""Start-up to a shown main window on a carnet of 100 000 entries, against a bare PySide6 window.

Both are timed as whole processes (interpreter start, imports, first paint, exit), offscreen.
Run: python benchmarks/startup.py
"""

from __future__ import annotations

import os
import subprocess
import sys

from common import alternated, big_carnet, report

BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTableView\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()\n"
    "QTimer.singleShot(1, w.close)\n"
    "app.exec()\n"
)


def main() -> None:
    path = big_carnet()
    env = {**os.environ}
    app, bare = alternated(
        lambda: subprocess.run(
            [sys.executable, "-m", "ambassadeur_app", "--carnet", str(path), "--fermer-apres", "1"],
            env=env,
            check=True,
            capture_output=True,
        ),
        lambda: subprocess.run([sys.executable, "-c", BARE], env=env, check=True),
    )
    report("start-up, carnet of 100 000 entries", app, bare, "bare PySide6 window")


if __name__ == "__main__":
    main()
