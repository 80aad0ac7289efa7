"""The list of keyboard shortcuts (F1), read from the window's own actions and shortcuts.

Nothing here is typed by hand except the keys that widgets and dialogs handle themselves
(SHORTCUTS: Entrée in the quick entry, F2 in a table, the agenda review's letters...): a new
action with a shortcut shows up by itself, so the list cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from ambassadeur_app.gui.pages import PAGES

# Key names as French keyboards and Qt's French translation write them.
_KEY_NAMES = {
    "Shift": "Maj",
    "Meta": "Méta",
    "Del": "Suppr",
    "Ins": "Inser",
    "PgUp": "Page préc.",
    "PgDown": "Page suiv.",
    "Home": "Origine",
    "End": "Fin",
    "Return": "Entrée",
    "Enter": "Entrée",
    "Esc": "Échap",
    "Backspace": "Retour arrière",
    "Space": "Espace",
    "Left": "Gauche",
    "Right": "Droite",
    "Up": "Haut",
    "Down": "Bas",
}

Rows = list[tuple[str, str]]

# The keys that widgets and dialogs handle themselves, by group; every action's and QShortcut's
# key is read from the window when F1 is pressed (``window_shortcuts``): not repeated here (the
# timer's group names its Ctrl+T, listed with the Carnet menu).
SHORTCUTS: tuple[tuple[str, Rows], ...] = (
    (
        "Dans les listes et les champs",
        [
            ("Entrée", "Enregistrer la saisie rapide"),
            ("Tab / Maj+Tab", "Passer d'un champ de saisie à l'autre"),
            ("F2", "Modifier sur place la cellule sélectionnée"),
            ("Double-clic", "Ouvrir la ligne d'une liste"),
            ("Échap", "Fermer une fenêtre sans enregistrer"),
        ],
    ),
    (
        "Chronomètre (Ctrl+T : menu Carnet)",
        [
            ("Alt+H", "Aller à la description du chronomètre"),
            ("Entrée", "Démarrer le chronomètre (depuis sa barre)"),
        ],
    ),
    (
        "Importer un agenda : revue des propositions",
        [
            ("Espace", "Accepter ou écarter la sélection"),
            ("A", "Accepter la sélection"),
            ("E", "Écarter la sélection"),
            ("Entrée ou F2", "Modifier la cellule"),
            ("Ctrl+Entrée", "Enregistrer les propositions acceptées"),
        ],
    ),
)


def key_text(sequence: QKeySequence) -> str:
    """Return a key sequence in French: ``Ctrl+Shift+P`` -> ``Ctrl+Maj+P``."""
    chords = []
    for chord in sequence.toString(QKeySequence.SequenceFormat.PortableText).split(", "):
        # "Ctrl++" is Ctrl and the plus key: split on the "+" that join keys only
        keys = [*chord[:-1].split("+"), "+"] if chord.endswith("++") else chord.split("+")
        chords.append("+".join(_KEY_NAMES.get(key, key) for key in keys if key))
    return ", ".join(chords)


def action_text(action: QAction) -> str:
    """Return what an action does, as its menu shows it without the mnemonic and the ellipsis."""
    return action_text_of(action.text())


def action_text_of(text: str) -> str:
    """Return a menu's or a tab's text without the mnemonic and the ellipsis."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def window_shortcuts(
    window: QMainWindow, describe: Callable[[QShortcut], str], widget_keys: Iterable[tuple[str, Rows]]
) -> list[tuple[str, Rows]]:
    """Return the window's shortcuts by group: one group per menu (in the menu bar's order),
    then the actions outside any menu, ``widget_keys``, the shortcut objects, and the keys of
    each page that handles some itself (``PageSpec.keys``).

    Args:
        describe: what a ``QShortcut`` does, for those without a ``whatsThis`` text.
        widget_keys: the groups (title, rows of keys and what) of the keys handled by widgets
            and dialogs rather than actions (SHORTCUTS).
    """
    groups: list[tuple[str, Rows]] = []
    listed: set[int] = set()

    def rows_of(actions: Iterable[QAction]) -> Rows:
        rows = []
        for action in actions:
            keys = [key_text(s) for s in action.shortcuts() if not s.isEmpty()]
            if id(action) in listed or not keys or not action.isVisible():
                continue
            listed.add(id(action))
            rows.append((" ou ".join(keys), action_text(action)))
        return rows

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and (rows := rows_of(_menu_actions(menu))):
            groups.append((action_text(top), rows))
    if rows := rows_of(window.findChildren(QAction)):
        groups.append(("Autres", rows))
    groups += [(title, rows) for title, rows in widget_keys if rows]
    shortcuts = [
        (key_text(s.key()), s.whatsThis() or describe(s))
        for s in window.findChildren(QShortcut)
        if not s.key().isEmpty() and s.isEnabled()
    ]
    if shortcuts:
        groups.append(("Onglets et fenêtre", sorted(shortcuts)))
    groups += [(f"Onglet « {action_text_of(spec.title)} »", list(spec.keys)) for spec in PAGES if spec.keys]
    return groups


def _menu_actions(menu: QMenu) -> list[QAction]:
    """Return a menu's actions, those of its sub-menus included, in order."""
    found = []
    for action in menu.actions():
        sub = action.menu()
        found += _menu_actions(sub) if isinstance(sub, QMenu) else [action]
    return found


def shortcuts_html(groups: list[tuple[str, Rows]]) -> str:
    """Return the groups as HTML for a message box, in two columns so that it fits a laptop
    screen (1366 × 768)."""
    total = sum(len(rows) + 2 for _, rows in groups)
    left: list[str] = []
    right: list[str] = []
    for title, rows in groups:
        column = left if sum(len(rows) + 2 for _, rows in groups[: len(left)]) < total / 2 else right
        column.append(_group_html(title, rows))
    cells = "".join(
        f"<td valign='top' style='padding-right: 24px'><table cellspacing='0' cellpadding='1'>"
        f"{''.join(column)}</table></td>"
        for column in (left, right)
        if column
    )
    return f"<table cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"


def _group_html(title: str, rows: Rows) -> str:
    cell = "<td style='white-space: nowrap'>"
    keys = "".join(
        f"<tr>{cell}<b>{escape(k)}</b></td>{cell}&nbsp;&nbsp;{escape(w)}</td></tr>" for k, w in rows
    )
    return f"<tr><td colspan='2' style='padding-top: 8px'><b><u>{escape(title)}</u></b></td></tr>{keys}"
