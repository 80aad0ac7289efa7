"""« Vue régionale »: several packs and carnets chosen at once in the file chooser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.dialogs.region_dialog import INPUT_FILTER, RegionDialog
from ambassadeur_app.services.region import VERIFIED_DRAFT
from tests.gui.conftest import SyncPool
from tests.unit.test_region import make_carnet, write_pack


@pytest.fixture
def received(tmp_path: Path) -> list[Path]:
    """Two carnets and a pack's .zip of three CPTS, in one folder."""
    folder = tmp_path / "recus"
    folder.mkdir()
    source = tmp_path / "source"
    source.mkdir()
    return [
        make_carnet(folder, "CPTS du Saintois", "54", "Meurthe-et-Moselle"),
        write_pack(make_carnet(source, "CPTS de la Meuse", "55", "Meuse"), folder / "dossier-55"),
        make_carnet(folder, "CPTS des Vosges", "88", "Vosges"),
    ]


def test_several_files_are_added_at_once_and_read_together(
    qtbot: Any, received: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = RegionDialog(tmp_path, pool=SyncPool())
    qtbot.addWidget(dialog)
    asked: list[tuple[Path, str]] = []
    answer: list[Path] = []

    def chooser(parent: Any, title: str, folder: Path, filters: str) -> list[Path]:
        asked.append((folder, filters))
        return answer

    monkeypatch.setattr("ambassadeur_app.gui.prompts.open_files", chooser)
    answer[:] = received
    dialog.ui.add_file_button.click()
    assert dialog.paths == received
    assert [dialog.ui.inputs_list.item(r).text() for r in range(3)] == [str(p) for p in received]
    assert dialog.consolidation is not None
    assert [i.status for i in dialog.consolidation.inputs] == [VERIFIED_DRAFT] * 3
    assert {r.figures.cpts for r in dialog.consolidation.inputs if r.figures} == {
        "CPTS du Saintois",
        "CPTS de la Meuse",
        "CPTS des Vosges",
    }
    assert dialog.folder == received[0].parent  # the next chooser opens where these were
    # Chosen again with one more: only the new one is added.
    fourth = make_carnet(tmp_path, "CPTS du Toulois", "57", "Moselle")
    answer[:] = [received[1], fourth]
    dialog.ui.add_file_button.click()
    assert dialog.paths == [*received, fourth]
    assert len(dialog.consolidation.inputs) == 4
    # Cancelled: nothing changes, not even where the chooser opens.
    answer[:] = []
    dialog.ui.add_file_button.click()
    assert dialog.paths == [*received, fourth]
    assert dialog.folder == received[1].parent
    recus = received[0].parent
    assert asked == [(tmp_path, INPUT_FILTER), (recus, INPUT_FILTER), (recus, INPUT_FILTER)]


def test_open_files_returns_every_file_chosen_or_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    called: list[tuple[Any, ...]] = []
    chosen = ([str(tmp_path / "a.zip"), str(tmp_path / "b.ambassadeur")], INPUT_FILTER)

    def dialog(*args: Any) -> tuple[list[str], str]:
        called.append(args)
        return chosen

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    assert prompts.open_files(None, "Titre", tmp_path, INPUT_FILTER) == [
        tmp_path / "a.zip",
        tmp_path / "b.ambassadeur",
    ]
    assert called == [(None, "Titre", str(tmp_path), INPUT_FILTER)]
    chosen = ([], "")
    assert prompts.open_files(None, "Titre", tmp_path, INPUT_FILTER) == []
