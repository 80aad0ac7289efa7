"""GUI fixtures: a main window on a fresh carnet, prompts answered without blocking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService


class SyncPool:
    """Runs a task at once, so that background work finishes inside the test."""

    def start(self, runnable: Any) -> None:
        runnable.run()


class Prompts:
    """Records what the app would have asked or opened, and answers for the user."""

    def __init__(self) -> None:
        self.answer = True
        self.asked: list[str] = []
        self.opened: list[Path] = []
        self.file: Path | None = None
        self.choice: int | None = 0

    def files(self) -> list[Path]:
        """The files chosen where several may be (``file`` alone, or none)."""
        return [] if self.file is None else [self.file]

    def ask(self, parent: QWidget | None, text: str, informative: str = "", yes: str = "") -> bool:
        self.asked.append(text)
        return self.answer

    def choose(self, parent: QWidget | None, text: str, informative: str, options: list[str]) -> int | None:
        self.asked.append(text)
        return self.choice


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    recorder = Prompts()
    monkeypatch.setattr("ambassadeur_app.gui.prompts.ask", recorder.ask)
    monkeypatch.setattr("ambassadeur_app.gui.prompts.choose", recorder.choose)
    monkeypatch.setattr("ambassadeur_app.gui.prompts.open_path", recorder.opened.append)
    monkeypatch.setattr("ambassadeur_app.gui.prompts.open_file", lambda *a, **k: recorder.file)
    monkeypatch.setattr("ambassadeur_app.gui.prompts.open_files", lambda *a, **k: recorder.files())
    monkeypatch.setattr("ambassadeur_app.gui.prompts.save_file", lambda *a, **k: recorder.file)
    return recorder


@pytest.fixture
def window(qtbot: Any, service: CarnetService, prompts: Prompts) -> Iterator[MainWindow]:
    create_application()
    win = MainWindow(service, ui_settings(), pool=SyncPool())  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.close()
