"""« Fichier > Vue régionale… »: packs and carnets of several CPTS read in the background without
being written to, shown per CPTS with the regional totals and each input's check (a tampered
pack « non vérifié », a duplicate refused), the figures equal to the CLI's workbook, and saved
as the same workbook and PDF; keyboard usable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent

from ambassadeur_app.gui.actions.region import MENU_TEXT
from ambassadeur_app.gui.dialogs.region_dialog import FIGURE_TITLES, RegionDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, WARN_COLOR
from ambassadeur_app.reports.manifest import TIMESHEETS
from ambassadeur_app.reports.region import NUMBER_TITLES, TOTAL_LABEL, number_texts
from ambassadeur_app.services.region import VERIFIED_DRAFT
from tests.conftest import plain
from tests.gui.conftest import Prompts
from tests.unit.test_cli import run
from tests.unit.test_region import make_carnet, sha, write_pack

# The dialog opened again is brought to the front: offscreen cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def received(tmp_path: Path) -> Path:
    """What the region received, in one folder: two carnets, a pack's folder (one of its files
    changed since) and the same pack's .zip."""
    folder = tmp_path / "recus"
    folder.mkdir()
    make_carnet(folder, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    make_carnet(folder, "CPTS des Vosges", "88", "Vosges", extra_minutes=95)
    source = tmp_path / "source"
    source.mkdir()
    write_pack(make_carnet(source, "CPTS de la Meuse", "55", "Meuse"), folder / "dossier-55")
    changed = sorted((folder / "dossier-55" / TIMESHEETS).glob("*.xlsx"))[0]
    changed.write_bytes(changed.read_bytes() + b"\0")
    return folder


def files_under(folder: Path) -> dict[Path, str]:
    return {p: sha(p) for p in folder.rglob("*") if p.is_file()}


def texts(table: Any) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def workbook_rows(path: Path, sheet: str) -> list[list[Any]]:
    return [list(r) for r in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)]


def open_from_menu(window: MainWindow) -> RegionDialog:
    action = window.findChild(QAction, "action_region")
    assert action is not None
    assert action.text() == MENU_TEXT
    actions = window.ui.menu_file.actions()
    assert actions.index(action) == actions.index(window.ui.action_quit) - 2  # a separator between
    action.trigger()
    dialog = window.findChild(RegionDialog)
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_the_view_shows_the_cli_figures_and_saves_the_same_documents(
    window: MainWindow,
    prompts: Prompts,
    received: Path,
    tmp_path: Path,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = files_under(received)
    dialog = open_from_menu(window)
    assert not dialog.ui.xlsx_button.isEnabled()  # nothing read yet
    monkeypatch.setattr("ambassadeur_app.gui.prompts.choose_folder", lambda *a, **k: received)
    dialog.ui.add_folder_button.click()
    # The folder's zip is left out beside the same pack's folder; added by hand, it is read.
    assert [p.name for p in dialog.paths] == ["54.ambassadeur", "88.ambassadeur", "dossier-55"]
    monkeypatch.setattr(
        "ambassadeur_app.gui.prompts.open_files", lambda *a, **k: [received / "dossier-55.zip"]
    )
    dialog.ui.add_file_button.click()
    assert dialog.ui.inputs_list.count() == 4
    statuses = [i.status for i in dialog.consolidation.inputs] if dialog.consolidation else []
    assert statuses[:2] == [VERIFIED_DRAFT, VERIFIED_DRAFT]  # the period runs
    assert statuses[2].startswith("non vérifié : fichier modifié : 01-releves-d-heures/")
    assert statuses[3] == VERIFIED_DRAFT
    assert "3 CPTS comptées (dont 3 provisoires) dans les totaux ; 1 fichier refusé ou non vérifié" in plain(
        dialog.ui.status_label.text()
    )

    cli = tmp_path / "cli.xlsx"
    done = run("consolider", *dialog.paths, "--sortie", cli, home=private_home)
    assert done.returncode == 1  # the tampered folder
    rows = workbook_rows(cli, "Vue régionale")
    top = next(i for i, r in enumerate(rows) if r[0] == "CPTS")
    body = rows[top + 1 : top + 5]
    numbers = slice(3, 3 + len(NUMBER_TITLES))
    shown = texts(dialog.ui.figures_table)
    headers = [dialog.ui.figures_table.horizontalHeaderItem(c).text() for c in range(len(FIGURE_TITLES))]
    assert [" ".join(h.split("\n")) for h in headers] == FIGURE_TITLES
    assert ["CPTS", "Vérification", "Département", "Période", *NUMBER_TITLES] == FIGURE_TITLES
    assert shown[:-1] == [[r[0], r[-1], r[1], r[2], *number_texts(r[numbers])] for r in body]
    verified = [r[numbers] for r in body if r[-1] == VERIFIED_DRAFT]
    sums = [sum(r[i] or 0 for r in verified) for i in range(len(NUMBER_TITLES))]
    assert shown[-1] == [TOTAL_LABEL, "", "", "", *number_texts(sums)]
    assert dialog.ui.figures_table.item(len(shown) - 1, 0).font().bold()
    assert len(verified) == 3
    files = workbook_rows(cli, "Fichiers reçus")[3:]
    assert texts(dialog.ui.files_table) == [[str(v) for v in r] for r in files]
    indicators = texts(dialog.ui.indicators_table)
    assert {r[0] for r in indicators} == {"CPTS du Saintois", "CPTS des Vosges", "CPTS de la Meuse"}
    assert any(r[4] == "Atteint" for r in indicators)

    # Saved: the same workbook as the command's (a name without extension gets it), and the PDF.
    prompts.file = tmp_path / "vue"
    dialog.ui.xlsx_button.click()
    assert dialog.saved == tmp_path / "vue.xlsx"
    assert workbook_rows(dialog.saved, "Vue régionale") == rows
    assert workbook_rows(dialog.saved, "Fichiers reçus") == workbook_rows(cli, "Fichiers reçus")
    prompts.file = tmp_path / "vue.pdf"
    dialog.ui.pdf_button.click()
    assert dialog.saved == tmp_path / "vue.pdf"
    text = "".join(plain(" ".join(page.extract_text() for page in PdfReader(dialog.saved).pages)).split())
    assert all(name in text for name in ("CPTSduSaintois", "CPTSdesVosges", "CPTSdelaMeuse"))
    assert "".join(plain(shown[-1][4]).split()) in text  # the regional hours
    # Read only: nothing received was changed, nor anything added beside it.
    assert files_under(received) == before


def test_inputs_are_removed_with_the_keyboard_and_the_view_follows(
    window: MainWindow, prompts: Prompts, received: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_from_menu(window)
    dialog.add_paths([received / "54.ambassadeur", received / "88.ambassadeur", received / "nulle-part.zip"])
    assert texts(dialog.ui.files_table)[2][3] == "refusé : fichier introuvable"
    assert [r[0] for r in texts(dialog.ui.figures_table)] == [
        "CPTS du Saintois",
        "CPTS des Vosges",
        TOTAL_LABEL,
    ]
    listing = dialog.ui.inputs_list
    listing.setFocus()
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert [p.name for p in dialog.paths] == ["88.ambassadeur", "nulle-part.zip"]
    assert [r[0] for r in texts(dialog.ui.figures_table)] == ["CPTS des Vosges", TOTAL_LABEL]
    # A folder with nothing to read: said, nothing added.
    empty = received.parent / "vide"
    empty.mkdir()
    monkeypatch.setattr("ambassadeur_app.gui.prompts.choose_folder", lambda *a, **k: empty)
    dialog.ui.add_folder_button.click()
    assert "« vide » ne contient ni dossier de justification, ni .zip, ni carnet." in plain(
        dialog.ui.status_label.text()
    )
    assert listing.count() == 2
    # The same file twice is listed once.
    dialog.add_paths([received / "88.ambassadeur"])
    assert listing.count() == 2
    # Files dropped on the dialog: a folder holding packs gives its packs and carnets.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(received))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    assert [p.name for p in dialog.paths] == [
        "88.ambassadeur",
        "nulle-part.zip",
        "54.ambassadeur",
        "dossier-55",
    ]
    # Opened again from the menu: the same dialog, brought to the front.
    assert open_from_menu(window) is dialog


def test_an_impossible_pack_is_refused_on_screen_and_the_others_shown(
    window: MainWindow, received: Path, tmp_path: Path
) -> None:
    """A pack whose chiffres.json says 10^400 minutes (its manifest re-hashed) is refused with
    the field at fault; the carnet beside it is shown and counted, marked « provisoire »."""
    from tests.unit.test_region_checks import rewrite_figures

    source = tmp_path / "source"
    pack = source / "enorme"
    write_pack(source / "55.ambassadeur", pack)
    rewrite_figures(pack, lambda d: d["heures_minutes"].update(saisies=10**400))
    dialog = open_from_menu(window)
    dialog.add_paths([pack, received / "54.ambassadeur"])
    files = texts(dialog.ui.files_table)
    assert files[0][3] == (
        "refusé : chiffres.json impossible : « heures_minutes.saisies » doit être un nombre entier "
        "de 0 à 10^15 (il vaut un nombre de 401 chiffres)"
    )
    assert files[1][3] == VERIFIED_DRAFT
    assert dialog.ui.files_table.item(0, 3).foreground().color().name().upper() == ERROR_COLOR
    figures = texts(dialog.ui.figures_table)
    assert [r[:2] for r in figures] == [["CPTS du Saintois", VERIFIED_DRAFT], [TOTAL_LABEL, ""]]
    status = FIGURE_TITLES.index("Vérification")
    assert dialog.ui.figures_table.item(0, status).foreground().color().name().upper() == WARN_COLOR
    assert "1 CPTS comptée (dont 1 provisoire) dans les totaux ; 1 fichier refusé ou non vérifié" in plain(
        dialog.ui.status_label.text()
    )
