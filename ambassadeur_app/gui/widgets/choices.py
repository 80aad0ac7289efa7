"""Fill and read the combo boxes shared by the page, the dialogs and the delegates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from ambassadeur_app.domain.model import Ambassador, Mission

if TYPE_CHECKING:  # the register's domain is not imported before the window paints
    from ambassadeur_app.domain.register import Labelled


def fill_missions(combo: QComboBox) -> None:
    combo.clear()
    for mission in Mission:
        combo.addItem(mission.label, mission.value)


def fill_ambassadors(combo: QComboBox, ambassadors: list[Ambassador]) -> None:
    current = combo.currentData()
    combo.clear()
    for ambassador in ambassadors:
        combo.addItem(ambassador.name, ambassador.id)
    select_data(combo, current)


def fill_activities(combo: QComboBox, labels: list[str], keep_text: bool = False) -> None:
    """Offer ``labels`` (typing filters them, ignoring case); show the first unless ``keep_text``.

    The same list is left as it is: filling it again would relay out and repaint its bar at each
    save.
    """
    text = combo.currentText() if keep_text else ""
    if [combo.itemText(index) for index in range(combo.count())] != labels:
        combo.clear()
        combo.addItems(labels)
        completer = QCompleter(labels, combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
    combo.setEditText(text if text else (labels[0] if labels else ""))


def fill_enum(combo: QComboBox, kind: type[Labelled]) -> None:
    """Offer the members of a labelled enum (label shown, value kept)."""
    combo.clear()
    for member in kind:
        combo.addItem(member.label, member.value)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def current_mission(combo: QComboBox) -> Mission:
    return Mission(combo.currentData())
