"""The programme settings form, shared by the first-run assistant and the settings dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from ambassadeur_app.domain.formatting import format_date, format_euros
from ambassadeur_app.domain.model import GRAND_EST_DEPARTEMENTS, Programme
from ambassadeur_app.gui.forms.ui_programme_form import Ui_ProgrammeForm


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ProgrammeForm(QWidget):
    """Edit a ``Programme``: ``load()`` fills the fields, ``programme()`` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgrammeForm()
        self.ui.setupUi(self)
        for code, name in GRAND_EST_DEPARTEMENTS.items():
            self.ui.departement_combo.addItem(f"{code} — {name}", code)
        for spin in (self.ui.rate_spin, self.ui.cap_spin, self.ui.event_spin, self.ui.total_spin):
            spin.setDecimals(2)
            spin.setGroupSeparatorShown(True)  # « 2 000,00 € », as everywhere else
        self.ui.weekly_spin.setDecimals(1)
        self.ui.start_edit.dateChanged.connect(self._update_hints)
        self.ui.months_spin.valueChanged.connect(self._update_hints)
        for spin in (self.ui.cap_spin, self.ui.event_spin, self.ui.total_spin):
            spin.valueChanged.connect(self._update_hints)
        self.load(Programme("", "54", "Meurthe-et-Moselle", date.today().replace(day=1)))

    def load(self, programme: Programme) -> None:
        ui = self.ui
        ui.cpts_edit.setText(programme.cpts_name)
        index = ui.departement_combo.findData(programme.departement_code)
        if index >= 0:
            ui.departement_combo.setCurrentIndex(index)
        else:
            ui.departement_combo.setEditText(
                f"{programme.departement_code} — {programme.departement_name}".strip(" —")
            )
        ui.programme_edit.setText(programme.programme_name)
        ui.start_edit.setDate(to_qdate(programme.start_date))
        ui.months_spin.setValue(programme.months)
        ui.rate_spin.setValue(programme.hourly_rate_cents / 100)
        ui.weekly_spin.setValue(programme.weekly_base_minutes / 60)
        ui.cap_spin.setValue(programme.monthly_cap_cents / 100)
        ui.event_spin.setValue(programme.event_forfait_cents / 100)
        ui.total_spin.setValue(programme.total_grant_cents / 100)
        ui.representative_edit.setText(programme.representative_name)
        ui.representative_title_edit.setText(programme.representative_title)
        self._update_hints()

    def programme(self) -> Programme:
        """Return the programme described by the fields (not yet validated)."""
        ui = self.ui
        text = ui.departement_combo.currentText()
        code, _, name = text.partition("—")
        code = code.strip().upper()
        name = name.strip() or GRAND_EST_DEPARTEMENTS.get(code, "")
        return Programme(
            cpts_name=ui.cpts_edit.text().strip(),
            departement_code=code,
            departement_name=name,
            start_date=from_qdate(ui.start_edit.date()),
            programme_name=ui.programme_edit.text().strip(),
            months=ui.months_spin.value(),
            hourly_rate_cents=round(ui.rate_spin.value() * 100),
            weekly_base_minutes=round(ui.weekly_spin.value() * 60),
            monthly_cap_cents=round(ui.cap_spin.value() * 100),
            event_forfait_cents=round(ui.event_spin.value() * 100),
            total_grant_cents=round(ui.total_spin.value() * 100),
            representative_name=ui.representative_edit.text().strip(),
            representative_title=ui.representative_title_edit.text().strip(),
        )

    def _update_hints(self) -> None:
        programme = self.programme()
        self.ui.end_label.setText(f"Fin de l'expérimentation : {format_date(programme.end_date)}")
        expected = programme.months * programme.monthly_cap_cents + programme.event_forfait_cents
        if expected == programme.total_grant_cents:
            hint = (
                f"= {programme.months} × {format_euros(programme.monthly_cap_cents)} + "
                f"{format_euros(programme.event_forfait_cents)}"
            )
        else:
            hint = (
                f"Attention : {programme.months} mois × plafond + forfait événement font "
                f"{format_euros(expected)}, pas {format_euros(programme.total_grant_cents)}."
            )
        self.ui.total_hint_label.setText(hint)
