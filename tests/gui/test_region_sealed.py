"""« Vue régionale »: an encrypted copy of a carnet (``backup --chiffrer``) is read once its
passphrase is typed; a wrong passphrase is said by name, nothing is shown from it, and it is asked
again; no passphrase refuses the copy alone. The copy received is never changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from ambassadeur_app.gui.dialogs import region_dialog
from ambassadeur_app.gui.dialogs.region_dialog import RegionDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import open_service
from ambassadeur_app.services.outside_copy import write_sealed_copy
from ambassadeur_app.services.region import NO_PASSPHRASE, VERIFIED_DRAFT, inputs_in
from tests.gui.test_region_dialog import open_from_menu, texts
from tests.unit.test_region import make_carnet, own_figures, sha

PHRASE = "cheval batterie agrafe correcte"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    folder = tmp_path / "recus"
    folder.mkdir()
    source = tmp_path / "source"
    source.mkdir()
    carnet = make_carnet(source, "CPTS des Vosges", "88", "Vosges", extra_minutes=95)
    with open_service(carnet, readonly=True) as service:
        return write_sealed_copy(service, folder / "vosges.carnet-chiffre", PHRASE)


def answering(dialog: RegionDialog, monkeypatch: pytest.MonkeyPatch, answers: list[str | None]) -> list[str]:
    """Answer the passphrase prompts with ``answers``; return the names asked about."""
    asked: list[str] = []

    def ask(parent: Any, path: Path) -> str | None:
        assert parent is dialog
        asked.append(path.name)
        return answers.pop(0)

    monkeypatch.setattr(region_dialog, "ask_passphrase", ask)
    return asked


def test_an_encrypted_copy_is_read_once_its_passphrase_is_typed(
    window: MainWindow, sealed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sha(sealed)
    dialog = open_from_menu(window)
    asked = answering(dialog, monkeypatch, ["une autre phrase secrète", PHRASE])
    assert inputs_in(sealed.parent) == [sealed]  # a folder's encrypted copies are added
    dialog.add_paths([sealed])
    # The wrong passphrase is said, naming the copy; the right one then reads it.
    boxes = [b for b in dialog.findChildren(QMessageBox) if "phrase secrète ne correspond pas" in b.text()]
    assert len(boxes) == 1
    assert "« vosges.carnet-chiffre »" in boxes[0].text()
    assert asked == ["vosges.carnet-chiffre", "vosges.carnet-chiffre"]
    assert dialog.consolidation is not None
    assert [(i.kind, i.status) for i in dialog.consolidation.inputs] == [("copie chiffrée", VERIFIED_DRAFT)]
    rows = texts(dialog.ui.figures_table)
    assert rows[0][0] == "CPTS des Vosges"
    assert (
        dialog.consolidation.counted[0].worked_minutes
        == own_figures(sealed.parents[1] / "source" / "88.ambassadeur").worked_minutes
    )
    # Read again when the list changes: the passphrase is not asked twice.
    dialog.add_paths([sealed.parent / "absent.zip"])
    assert len(asked) == 2
    assert sha(sealed) == before


def test_without_its_passphrase_the_copy_alone_is_refused(
    window: MainWindow, sealed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_from_menu(window)
    answering(dialog, monkeypatch, [None])
    dialog.add_paths([sealed])
    assert texts(dialog.ui.files_table)[0][1:] == ["copie chiffrée", sha(sealed), f"refusé : {NO_PASSPHRASE}"]
    assert dialog.ui.xlsx_button.isEnabled()
