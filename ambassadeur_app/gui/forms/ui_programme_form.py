# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'programme_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDoubleSpinBox,
    QFormLayout, QLabel, QLineEdit, QSpinBox)

class Ui_ProgrammeForm(object):
    def setupUi(self, ProgrammeForm):
        if not ProgrammeForm.objectName():
            ProgrammeForm.setObjectName(u"ProgrammeForm")
        self.form_layout = QFormLayout(ProgrammeForm)
        self.form_layout.setObjectName(u"form_layout")
        self.cpts_label = QLabel(ProgrammeForm)
        self.cpts_label.setObjectName(u"cpts_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cpts_label)

        self.cpts_edit = QLineEdit(ProgrammeForm)
        self.cpts_edit.setObjectName(u"cpts_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cpts_edit)

        self.departement_label = QLabel(ProgrammeForm)
        self.departement_label.setObjectName(u"departement_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.departement_label)

        self.departement_combo = QComboBox(ProgrammeForm)
        self.departement_combo.setObjectName(u"departement_combo")
        self.departement_combo.setEditable(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.departement_combo)

        self.programme_label = QLabel(ProgrammeForm)
        self.programme_label.setObjectName(u"programme_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.programme_label)

        self.programme_edit = QLineEdit(ProgrammeForm)
        self.programme_edit.setObjectName(u"programme_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.programme_edit)

        self.start_label = QLabel(ProgrammeForm)
        self.start_label.setObjectName(u"start_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_edit = QDateEdit(ProgrammeForm)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_edit)

        self.months_label = QLabel(ProgrammeForm)
        self.months_label.setObjectName(u"months_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.months_label)

        self.months_spin = QSpinBox(ProgrammeForm)
        self.months_spin.setObjectName(u"months_spin")
        self.months_spin.setMinimum(1)
        self.months_spin.setMaximum(36)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.months_spin)

        self.end_label = QLabel(ProgrammeForm)
        self.end_label.setObjectName(u"end_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.end_label)

        self.rate_label = QLabel(ProgrammeForm)
        self.rate_label.setObjectName(u"rate_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.rate_label)

        self.rate_spin = QDoubleSpinBox(ProgrammeForm)
        self.rate_spin.setObjectName(u"rate_spin")
        self.rate_spin.setMaximum(1000.000000000000000)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rate_spin)

        self.weekly_label = QLabel(ProgrammeForm)
        self.weekly_label.setObjectName(u"weekly_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.weekly_label)

        self.weekly_spin = QDoubleSpinBox(ProgrammeForm)
        self.weekly_spin.setObjectName(u"weekly_spin")
        self.weekly_spin.setMaximum(80.000000000000000)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.weekly_spin)

        self.cap_label = QLabel(ProgrammeForm)
        self.cap_label.setObjectName(u"cap_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.cap_label)

        self.cap_spin = QDoubleSpinBox(ProgrammeForm)
        self.cap_spin.setObjectName(u"cap_spin")
        self.cap_spin.setMaximum(100000.000000000000000)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.cap_spin)

        self.event_label = QLabel(ProgrammeForm)
        self.event_label.setObjectName(u"event_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.event_label)

        self.event_spin = QDoubleSpinBox(ProgrammeForm)
        self.event_spin.setObjectName(u"event_spin")
        self.event_spin.setMaximum(100000.000000000000000)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.event_spin)

        self.total_label = QLabel(ProgrammeForm)
        self.total_label.setObjectName(u"total_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.total_label)

        self.total_spin = QDoubleSpinBox(ProgrammeForm)
        self.total_spin.setObjectName(u"total_spin")
        self.total_spin.setMaximum(1000000.000000000000000)

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.total_spin)

        self.total_hint_label = QLabel(ProgrammeForm)
        self.total_hint_label.setObjectName(u"total_hint_label")
        self.total_hint_label.setWordWrap(True)

        self.form_layout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.total_hint_label)

        self.representative_label = QLabel(ProgrammeForm)
        self.representative_label.setObjectName(u"representative_label")

        self.form_layout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.representative_label)

        self.representative_edit = QLineEdit(ProgrammeForm)
        self.representative_edit.setObjectName(u"representative_edit")

        self.form_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.representative_edit)

        self.representative_title_label = QLabel(ProgrammeForm)
        self.representative_title_label.setObjectName(u"representative_title_label")

        self.form_layout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.representative_title_label)

        self.representative_title_edit = QLineEdit(ProgrammeForm)
        self.representative_title_edit.setObjectName(u"representative_title_edit")

        self.form_layout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.representative_title_edit)

#if QT_CONFIG(shortcut)
        self.cpts_label.setBuddy(self.cpts_edit)
        self.departement_label.setBuddy(self.departement_combo)
        self.programme_label.setBuddy(self.programme_edit)
        self.start_label.setBuddy(self.start_edit)
        self.months_label.setBuddy(self.months_spin)
        self.rate_label.setBuddy(self.rate_spin)
        self.weekly_label.setBuddy(self.weekly_spin)
        self.cap_label.setBuddy(self.cap_spin)
        self.event_label.setBuddy(self.event_spin)
        self.total_label.setBuddy(self.total_spin)
        self.representative_label.setBuddy(self.representative_edit)
        self.representative_title_label.setBuddy(self.representative_title_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProgrammeForm)

        QMetaObject.connectSlotsByName(ProgrammeForm)
    # setupUi

    def retranslateUi(self, ProgrammeForm):
        self.cpts_label.setText(QCoreApplication.translate("ProgrammeForm", u"Nom de la &CPTS", None))
        self.cpts_edit.setPlaceholderText(QCoreApplication.translate("ProgrammeForm", u"CPTS du Grand Nancy", None))
        self.departement_label.setText(QCoreApplication.translate("ProgrammeForm", u"&D\u00e9partement", None))
        self.programme_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Programme", None))
        self.start_label.setText(QCoreApplication.translate("ProgrammeForm", u"D\u00e9but de l'&exp\u00e9rimentation", None))
        self.start_edit.setDisplayFormat(QCoreApplication.translate("ProgrammeForm", u"dd/MM/yyyy", None))
        self.months_label.setText(QCoreApplication.translate("ProgrammeForm", u"D&ur\u00e9e", None))
        self.months_spin.setSuffix(QCoreApplication.translate("ProgrammeForm", u" mois", None))
        self.end_label.setText("")
        self.rate_label.setText(QCoreApplication.translate("ProgrammeForm", u"Forfait &horaire", None))
        self.rate_spin.setSuffix(QCoreApplication.translate("ProgrammeForm", u" \u20ac / h", None))
        self.weekly_label.setText(QCoreApplication.translate("ProgrammeForm", u"Base &hebdomadaire (indicative)", None))
        self.weekly_spin.setSuffix(QCoreApplication.translate("ProgrammeForm", u" h / semaine", None))
        self.cap_label.setText(QCoreApplication.translate("ProgrammeForm", u"Plafond &mensuel du bin\u00f4me", None))
        self.cap_spin.setSuffix(QCoreApplication.translate("ProgrammeForm", u" \u20ac", None))
        self.event_label.setText(QCoreApplication.translate("ProgrammeForm", u"Forfait \u00e9&v\u00e9nement", None))
        self.event_spin.setSuffix(QCoreApplication.translate("ProgrammeForm", u" \u20ac", None))
        self.total_label.setText(QCoreApplication.translate("ProgrammeForm", u"Montant &total de la subvention", None))
        self.total_spin.setSuffix(QCoreApplication.translate("ProgrammeForm", u" \u20ac", None))
        self.total_hint_label.setText("")
        self.representative_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Repr\u00e9sentant(e) de la CPTS", None))
        self.representative_edit.setPlaceholderText(QCoreApplication.translate("ProgrammeForm", u"signe les relev\u00e9s au nom de la CPTS", None))
        self.representative_title_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Fonction", None))
        pass
    # retranslateUi

