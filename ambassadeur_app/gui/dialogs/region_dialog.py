"""« Vue régionale »: the figures of many CPTS read from their justification packs (folders or
.zip, checked against their manifest) and carnets, shown per CPTS with the regional totals, and
saved as the same workbook or PDF as ``ambassadeur consolider``.

The inputs are read in the thread pool by ``services.region.consolidate``, which never writes to
them (a carnet is read from a private copy). Each change of the list reads it again; a reading
overtaken by a newer one is dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.errors import os_reason
from ambassadeur_app.gui import prompts, tasks
from ambassadeur_app.gui.forms.ui_region_dialog import Ui_RegionDialog
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, OK_COLOR, WARN_COLOR, colored
from ambassadeur_app.paths import CARNET_SUFFIX
from ambassadeur_app.reports.region import (
    FILE_TITLES,
    NUMBER_TITLES,
    TOTAL_LABEL,
    number_rows,
    number_texts,
    regional_sums,
    shown,
)
from ambassadeur_app.services.region import (
    VERIFIED_DRAFT,
    Consolidation,
    InputResult,
    PassphraseRefused,
    consolidate,
    inputs_in,
)
from ambassadeur_app.storage.sealed import SEALED_SUFFIX, is_sealed

# The workbook's columns, its « Vérification » beside the CPTS: whether a row counts, on screen.
FIGURE_TITLES = ["CPTS", "Vérification", "Département", "Période", *NUMBER_TITLES]
FIRST_NUMBER = FIGURE_TITLES.index(NUMBER_TITLES[0])
STATUS_WIDTH = 220  # a long reason is cut on screen, whole in its tooltip
INDICATOR_TITLES = ["CPTS", "Indicateur", "Objectif", "Résultat", "État"]
FILTERS = {
    "xlsx": "Classeurs Excel (*.xlsx)",
    "pdf": "Documents PDF (*.pdf)",
}
INPUT_FILTER = (
    f"Dossiers .zip, carnets et copies chiffrées (*.zip *{CARNET_SUFFIX} *{SEALED_SUFFIX});;"
    "Tous les fichiers (*)"
)
INFO = (
    "Consolidez les chiffres de plusieurs CPTS : ajoutez leurs dossiers de justification (le dossier "
    "ou son .zip, vérifiés fichier par fichier contre leur manifeste) ou leurs carnets (ou leurs "
    "copies chiffrées : la phrase secrète est demandée). Les fichiers sont lus sans être modifiés. "
    "Les totaux régionaux ne comptent que les lignes « vérifié », y compris celles d'un bilan "
    "« provisoire » (période en cours ou mois non clôturé)."
)


class RegionDialog(QDialog):
    """The inputs (``paths``), their reading (``consolidation``) and its saving."""

    def __init__(self, folder: Path, pool: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RegionDialog()
        self.ui.setupUi(self)
        self.folder = folder  # where the file choosers start
        self.pool = pool
        self.paths: list[Path] = []
        self.passphrases: dict[Path, str | None] = {}  # per encrypted copy; None: not given
        self.consolidation: Consolidation | None = None
        self.reading = 0  # the number of the latest reading: an older one's result is dropped
        self.saved: Path | None = None
        self.tasks: set[tasks.Task] = set()  # kept until they end: their signals live with them
        ui = self.ui
        ui.info_label.setText(INFO)
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        ui.buttons.rejected.connect(self.reject)
        ui.add_file_button.clicked.connect(self.add_files)
        ui.add_folder_button.clicked.connect(self.add_folder)
        ui.remove_button.clicked.connect(self.remove_selected)
        ui.inputs_list.installEventFilter(self)  # Suppr removes the selected inputs
        ui.inputs_list.itemSelectionChanged.connect(self._update_buttons)
        ui.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        ui.pdf_button.clicked.connect(lambda: self.save("pdf"))
        for table, titles in (
            (ui.figures_table, FIGURE_TITLES),
            (ui.indicators_table, INDICATOR_TITLES),
            (ui.files_table, FILE_TITLES),
        ):
            table.setColumnCount(len(titles))
            table.setHorizontalHeaderLabels(titles)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ui.figures_table.setHorizontalHeaderLabels([_two_lines(t) for t in FIGURE_TITLES])
        ui.files_table.horizontalHeader().setStretchLastSection(True)
        header = ui.indicators_table.horizontalHeader()  # the long texts wrap in the middle columns
        for column, width in enumerate([180, 260, 0, 0, 160]):
            if width:
                ui.indicators_table.setColumnWidth(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: ui.indicators_table.resizeRowsToContents())
        self.setAcceptDrops(True)
        self._show(None)
        ui.add_file_button.setFocus()

    # --- the inputs -----------------------------------------------------------------------------

    def add_files(self) -> None:
        """Add the .zip and carnets chosen, one or several at once."""
        chosen = prompts.open_files(
            self, "Ajouter des dossiers .zip ou des carnets (un ou plusieurs)", self.folder, INPUT_FILTER
        )
        if chosen:
            self.folder = chosen[0].parent
            self.add_paths(chosen)

    def add_folder(self) -> None:
        chosen = prompts.choose_folder(
            self, "Ajouter un dossier de justification, ou un dossier qui en contient", self.folder
        )
        if chosen is None:
            return
        self.folder = chosen.parent
        try:
            found = inputs_in(chosen)
        except OSError as exc:
            self._status(colored(f"« {chosen} » est illisible : {os_reason(exc)}.", ERROR_COLOR))
            return
        if not found:
            self._status(
                colored(
                    f"« {chosen.name} » ne contient ni dossier de justification, ni .zip, ni carnet.",
                    WARN_COLOR,
                )
            )
            return
        self.add_paths(found)

    def add_paths(self, paths: list[Path]) -> None:
        """Add the inputs not yet listed, and read the list again."""
        added = [p for p in dict.fromkeys(Path(p).absolute() for p in paths) if p not in self.paths]
        if not added:
            return
        for path in added:
            item = QListWidgetItem(str(path))
            item.setToolTip(str(path))
            self.ui.inputs_list.addItem(item)
        self.paths += added
        self.read()

    def remove_selected(self) -> None:
        listing = self.ui.inputs_list
        rows = sorted((listing.row(item) for item in listing.selectedItems()), reverse=True)
        if not rows:
            return
        for row in rows:
            listing.takeItem(row)
            del self.paths[row]
        self.read()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.inputs_list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.add_paths([p for path in dropped for p in (inputs_in(path) if path.is_dir() else [path])])

    # --- reading --------------------------------------------------------------------------------

    def read(self) -> tasks.Task | None:
        """Read the listed inputs in the background (never written to)."""
        self.reading += 1
        number, paths = self.reading, list(self.paths)
        self._show(None)
        if not paths:
            return None
        for path in paths:
            if path not in self.passphrases and is_sealed(path):
                self.passphrases[path] = ask_passphrase(self, path)
        phrases = dict(self.passphrases)
        self._status(f"Lecture de {plural(len(paths), 'fichier')}…")
        task = tasks.Task(lambda progress, cancelled: consolidate(paths, passphrase=phrases.get))
        task.signals.finished.connect(lambda result: self._read(number, result))
        task.signals.failed.connect(lambda exc: self._failed(number, exc))
        return self._start(task)

    def _start(self, task: tasks.Task) -> tasks.Task:
        self.tasks.add(task)
        task.signals.finished.connect(lambda _: self.tasks.discard(task))
        task.signals.failed.connect(lambda _: self.tasks.discard(task))
        return tasks.start(task, self.pool)

    def _read(self, number: int, consolidation: Consolidation) -> None:
        if number == self.reading:
            self._show(consolidation)

    def _failed(self, number: int, exc: Exception) -> None:
        from ambassadeur_app.gui.errors import show_error

        if number == self.reading:
            self._status("")
            show_error(self, exc)
            if isinstance(exc, PassphraseRefused) and self.passphrases.pop(exc.path, None) is not None:
                self.read()  # its passphrase asked again

    def _show(self, consolidation: Consolidation | None) -> None:
        """Fill the three tables (empty while reading) and say what was counted."""
        self.consolidation = consolidation
        ui = self.ui
        inputs = consolidation.inputs if consolidation is not None else []
        read = shown(consolidation) if consolidation is not None else []
        figures_rows: list[list[str]] = []
        if consolidation is not None and read:
            for result, values in zip(read, number_rows(consolidation), strict=True):
                assert result.figures is not None
                figures = result.figures
                figures_rows.append(
                    [figures.cpts, result.status, figures.departement, figures.period, *number_texts(values)]
                )
            figures_rows.append([TOTAL_LABEL, "", "", "", *number_texts(regional_sums(consolidation))])
        items = _fill(ui.figures_table, figures_rows, numeric=range(FIRST_NUMBER, len(FIGURE_TITLES)))
        status = FIGURE_TITLES.index("Vérification")
        for row, result in enumerate(read):
            for item in items[row] if result.refused else [items[row][status]]:
                _mark(item, result)  # not counted: the whole row; else its verification
        if items:
            bold = QFont(ui.figures_table.font())
            bold.setBold(True)
            for item in items[-1]:
                item.setFont(bold)
        _fill(
            ui.indicators_table,
            [
                [result.figures.cpts, line.title, line.target, line.result, line.status]
                for result in read
                if result.figures is not None
                for line in result.figures.indicators
            ],
        )
        items = _fill(ui.files_table, [[str(r.path), r.kind, r.sha256, r.status] for r in inputs])
        for row, result in enumerate(inputs):
            _mark(items[row][-1], result)
        ui.figures_table.resizeColumnsToContents()
        ui.figures_table.setColumnWidth(status, min(ui.figures_table.columnWidth(status), STATUS_WIDTH))
        ui.files_table.resizeColumnsToContents()
        ui.indicators_table.resizeRowsToContents()
        if consolidation is not None:
            counted = consolidation.counted_text()
            refused = [r for r in inputs if r.refused]
            if refused:
                what = plural(
                    len(refused), "fichier refusé ou non vérifié", "fichiers refusés ou non vérifiés"
                )
                self._status(
                    colored(
                        f"{counted} dans les totaux ; {what} : voir l'onglet « Fichiers reçus ».", WARN_COLOR
                    )
                )
            else:
                self._status(
                    colored(f"{counted} dans les totaux ; tous les fichiers sont vérifiés.", OK_COLOR)
                )
        elif not self.paths:
            self._status("Ajoutez les dossiers de justification ou les carnets des CPTS.")
        self._update_buttons()

    def _status(self, text: str) -> None:
        self.ui.status_label.setText(text)

    def _update_buttons(self) -> None:
        ready = self.consolidation is not None
        self.ui.xlsx_button.setEnabled(ready)
        self.ui.pdf_button.setEnabled(ready)
        self.ui.remove_button.setEnabled(bool(self.ui.inputs_list.selectedItems()))

    # --- saving ---------------------------------------------------------------------------------

    def save(self, fmt: str) -> tasks.Task | None:
        """Write the view shown as ``ambassadeur consolider`` does, in the background."""
        from ambassadeur_app.reports.region import write

        consolidation = self.consolidation
        if consolidation is None:
            return None
        suggested = self.folder / f"vue-regionale-{date.today().isoformat()}.{fmt}"
        chosen = prompts.save_file(self, "Enregistrer la vue régionale", suggested, FILTERS[fmt])
        if chosen is None:
            return None
        out = chosen if chosen.suffix.lower() == f".{fmt}" else chosen.with_name(f"{chosen.name}.{fmt}")
        self._status(f"Écriture de « {out.name} »…")
        task = tasks.Task(lambda progress, cancelled: write(consolidation, out))
        task.signals.finished.connect(self._saved)
        task.signals.failed.connect(self._save_failed)
        return self._start(task)

    def _saved(self, out: Path) -> None:
        self.saved = out
        self._status(colored(f"Vue régionale enregistrée : {out}", OK_COLOR))

    def _save_failed(self, exc: Exception) -> None:
        from ambassadeur_app.gui.errors import show_error

        self._status(colored("La vue régionale n'a pas été enregistrée.", ERROR_COLOR))
        show_error(self, exc)


def ask_passphrase(parent: QWidget, path: Path) -> str | None:
    """Ask the passphrase of the encrypted copy ``path``; return None when none is given."""
    text, given = QInputDialog.getText(
        parent,
        "Copie chiffrée",
        f"« {path.name} » est une copie chiffrée d'un carnet.\nSa phrase secrète :",
        QLineEdit.EchoMode.Password,
    )
    return text if given and text else None


def _fill(
    table: QTableWidget, rows: list[list[str]], numeric: range = range(0)
) -> list[list[QTableWidgetItem]]:
    """Show ``rows`` in ``table`` (``numeric``: the columns aligned right); return the items."""
    table.setRowCount(len(rows))
    items = []
    for row, values in enumerate(rows):
        items.append([QTableWidgetItem(value) for value in values])
        for column, item in enumerate(items[-1]):
            item.setToolTip(item.text())
            if column in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    return items


def _two_lines(title: str) -> str:
    """Return a long column title on two lines, cut at the space nearest its middle."""
    spaces = [i for i, c in enumerate(title) if c == " "]
    if len(title) <= 16 or not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return f"{title[:cut]}\n{title[cut + 1 :]}"


def _mark(item: QTableWidgetItem, result: InputResult) -> None:
    """Colour an input's verification: red when it is not counted, orange when it is counted
    but provisional (« vérifié (provisoire) »)."""
    if result.refused:
        item.setForeground(QColor(ERROR_COLOR))
    elif result.status == VERIFIED_DRAFT:
        item.setForeground(QColor(WARN_COLOR))
