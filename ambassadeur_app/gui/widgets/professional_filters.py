"""The filters over the professionals of the register (profession, structure type, Parceo
account, and the shared commune / ambassador / period filters), for every screen that picks
professionals: the professionals page, the invitations of an event."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ambassadeur_app.domain.register import ParceoStatus, RegisterFilter, StructureType
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters
from ambassadeur_app.services import CarnetService


def fill_professional_filters(
    service: CarnetService, group_combo: QComboBox, type_combo: QComboBox, status_combo: QComboBox
) -> None:
    """Offer the profession groups, structure types and account statuses (first item: all)."""
    combos = (group_combo, type_combo, status_combo)
    for combo in combos:
        combo.blockSignals(True)
        combo.clear()
    group_combo.addItem("Toutes les professions", "")
    for group in service.register.profession_groups():
        group_combo.addItem(group, group)
    type_combo.addItem("Toutes les structures", "")
    for kind in StructureType:
        type_combo.addItem(f"Exerçant en {kind.label}", kind.value)
    status_combo.addItem("Tous les comptes", "")
    for status in ParceoStatus:
        status_combo.addItem(status.label, status.value)
    for combo in combos:
        combo.blockSignals(False)


def professional_filter(
    text: str, group_combo: QComboBox, type_combo: QComboBox, status_combo: QComboBox, scope: ScopeFilters
) -> RegisterFilter:
    """Return the filter the widgets describe."""
    kind = type_combo.currentData()
    first, last = scope.period()
    return RegisterFilter(
        text=text,
        profession_group=group_combo.currentData() or "",
        structure_type=StructureType(kind) if kind else None,
        status=status_combo.currentData() or "",
        commune=scope.commune(),
        ambassador_id=scope.ambassador_id(),
        first_day=first,
        last_day=last,
    )
