"""« Carnet > Conflits à vérifier » : what the merge of the two laptops set aside, one choice each.

The conflicts are a few hundred at most (two demo carnets merged: some 200), listed by the
service in French in one call: a list widget holds them (not a model over ids, meant for the
long lists). A choice applies to every conflict selected (« Sélectionner les doublons », Ctrl+A,
Ctrl or Maj + clic), in one transaction through the service, which records each choice as a
change that travels to the other laptop. « Afficher aussi les conflits réglés » lists the settled
ones too, greyed and not selectable, with how they were settled (as « conflits --tous »).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_conflicts_dialog import Ui_ConflictsDialog
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.services.sync import KIND_NAMES, Conflict, SyncService, settled_line

KEEP, TAKE = "actuelle", "ecartee"
# The two buttons' texts for a kind of conflict (others: the form's); the shortcuts stay Alt+G, Alt+R.
_CHOICES = {
    "doublon": ("Une seule entrée (supprimer la copie)", "Les deux entrées (compter les deux)"),
    "suppression": ("Garder (ne pas supprimer)", "Supprimer"),
}


class ConflictsDialog(QDialog):
    """``settled()`` is called after each choice (the window refreshes its data)."""

    def __init__(self, sync: SyncService, settled: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictsDialog()
        self.ui.setupUi(self)
        self.sync = sync
        self.settled = settled
        self.conflicts: list[Conflict] = []
        self._first = 0  # the list's row of the first conflict (1 under « Aucun conflit… »)
        ui = self.ui
        self.value_choices = (ui.keep_button.text(), ui.take_button.text())
        ui.info_label.setText(
            "Quand les deux ordinateurs ont changé la même chose, le même choix a été fait sur les "
            "deux et l'autre valeur a été mise de côté. Pour chaque conflit, gardez ce que montre "
            "le carnet (Alt+G) ou reprenez ce qui a été écarté (Alt+R) : le choix part aussi vers "
            "l'autre ordinateur. Une entrée saisie sur les deux ordinateurs n'est comptée qu'une fois "
            "tant que vous n'avez pas choisi : gardez-en une seule (Alt+G) ou les deux (Alt+R). Le "
            "choix s'applique à tous les conflits sélectionnés : « Sélectionner les doublons » (Alt+D), "
            "Ctrl+A, ou Ctrl / Maj + clic."
        )
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        ui.conflicts_list.setSpacing(4)
        ui.buttons.rejected.connect(self.reject)
        ui.keep_button.clicked.connect(lambda: self.choose(KEEP))
        ui.take_button.clicked.connect(lambda: self.choose(TAKE))
        ui.doublons_button.clicked.connect(self.select_doublons)
        ui.conflicts_list.itemSelectionChanged.connect(self._update_buttons)
        ui.settled_check.toggled.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.conflicts = self.sync.conflicts(include_resolved=self.ui.settled_check.isChecked())
        listing = self.ui.conflicts_list
        listing.clear()
        for conflict in self.conflicts:
            kind = KIND_NAMES[conflict.kind]
            state = f" [{conflict.resolved}]" if conflict.resolved else ""
            item = QListWidgetItem(f"{kind[0].upper()}{kind[1:]}{state}\n{conflict.description}")
            item.setToolTip(conflict.description)
            if conflict.resolved:  # shown, not chosen again
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setForeground(listing.palette().placeholderText())
            listing.addItem(item)
        # A first line says when nothing is left to choose (the settled ones, if shown, below it).
        self._first = int(all(conflict.resolved for conflict in self.conflicts))
        if self._first:
            listing.insertItem(0, "Aucun conflit à vérifier.")
        listing.setCurrentRow(0)
        listing.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        kinds = {conflict.kind for conflict in chosen}
        keep, take = _CHOICES.get(kinds.pop() if len(kinds) == 1 else "", self.value_choices)
        count = f" — {plural(len(chosen), 'conflit')}" if len(chosen) > 1 else ""
        for button, text, shortcut in (
            (self.ui.keep_button, keep, "Alt+G"),
            (self.ui.take_button, take, "Alt+R"),
        ):
            button.setText(text + count)
            button.setShortcut(QKeySequence(shortcut))  # after the text, whose mnemonic it replaces
        self.ui.keep_button.setEnabled(bool(chosen))
        # A day over 24 h has nothing set aside: it is corrected in the carnet, or kept.
        self.ui.take_button.setEnabled(bool(chosen) and all(c.kind != "24h" for c in chosen))
        self.ui.doublons_button.setEnabled(
            any(c.kind == "doublon" and not c.resolved for c in self.conflicts)
        )

    def selected(self) -> list[Conflict]:
        """The conflicts selected, in the list's order."""
        rows = sorted(index.row() - self._first for index in self.ui.conflicts_list.selectedIndexes())
        return [self.conflicts[row] for row in rows if 0 <= row < len(self.conflicts)]

    def select_doublons(self) -> None:
        """Select every doublon (one entry typed on both laptops), and only them."""
        listing = self.ui.conflicts_list
        listing.clearSelection()
        rows = [row for row, c in enumerate(self.conflicts) if c.kind == "doublon" and not c.resolved]
        for row in rows:
            listing.item(row).setSelected(True)
        if rows:  # the first one shown, the selection kept
            listing.setCurrentRow(rows[0], QItemSelectionModel.SelectionFlag.NoUpdate)
            listing.scrollToItem(listing.item(rows[0]), QAbstractItemView.ScrollHint.PositionAtTop)
        listing.setFocus()

    def choose(self, choice: str) -> bool:
        """Settle the selected conflicts with ``choice``, all or none; return whether they were."""
        chosen = self.selected()
        if not chosen:
            return False
        row = min(self.ui.conflicts_list.row(item) for item in self.ui.conflicts_list.selectedItems())
        try:
            settled = self.sync.keep_many([conflict.id for conflict in chosen], choice)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return False
        self.ui.message_label.setText(settled_line(settled))
        self.reload()
        self.ui.conflicts_list.setCurrentRow(min(row, self.ui.conflicts_list.count() - 1))
        self.settled()
        return True
