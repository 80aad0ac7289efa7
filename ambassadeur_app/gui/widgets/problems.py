"""The table of an import's invalid lines (line, column, value, reason), shared by the import
dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, colored

if TYPE_CHECKING:
    from ambassadeur_app.importers.carnet import LineProblem

# Said under the summary of a preview with invalid lines.
INVALID_LINES_NOTE = colored(
    "Un fichier avec des lignes invalides n'importe rien, sauf si vous choisissez d'ignorer ces lignes.",
    ERROR_COLOR,
)


def setup_problems_table(table: QTableWidget) -> None:
    table.setColumnCount(4)
    table.setHorizontalHeaderLabels(["Ligne", "Colonne", "Valeur", "Raison"])
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)


def show_problems(table: QTableWidget, problems: Sequence[LineProblem]) -> None:
    """List ``problems`` (the table is hidden when there is none)."""
    table.setRowCount(len(problems))
    for row, problem in enumerate(problems):
        for column, text in enumerate((str(problem.line), problem.column, problem.value, problem.reason)):
            table.setItem(row, column, QTableWidgetItem(text))
    table.setVisible(bool(problems))
