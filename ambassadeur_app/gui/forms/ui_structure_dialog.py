# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'structure_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_StructureDialog(object):
    def setupUi(self, StructureDialog):
        if not StructureDialog.objectName():
            StructureDialog.setObjectName(u"StructureDialog")
        StructureDialog.resize(560, 640)
        self.layout_44 = QVBoxLayout(StructureDialog)
        self.layout_44.setObjectName(u"layout_44")
        self.layout_43 = QFormLayout()
        self.layout_43.setObjectName(u"layout_43")
        self.name_edit_label = QLabel(StructureDialog)
        self.name_edit_label.setObjectName(u"name_edit_label")

        self.layout_43.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_edit_label)

        self.name_edit = QLineEdit(StructureDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.layout_43.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.type_combo_label = QLabel(StructureDialog)
        self.type_combo_label.setObjectName(u"type_combo_label")

        self.layout_43.setWidget(1, QFormLayout.ItemRole.LabelRole, self.type_combo_label)

        self.type_combo = QComboBox(StructureDialog)
        self.type_combo.setObjectName(u"type_combo")

        self.layout_43.setWidget(1, QFormLayout.ItemRole.FieldRole, self.type_combo)

        self.finess_edit_label = QLabel(StructureDialog)
        self.finess_edit_label.setObjectName(u"finess_edit_label")

        self.layout_43.setWidget(2, QFormLayout.ItemRole.LabelRole, self.finess_edit_label)

        self.finess_edit = QLineEdit(StructureDialog)
        self.finess_edit.setObjectName(u"finess_edit")

        self.layout_43.setWidget(2, QFormLayout.ItemRole.FieldRole, self.finess_edit)

        self.commune_edit_label = QLabel(StructureDialog)
        self.commune_edit_label.setObjectName(u"commune_edit_label")

        self.layout_43.setWidget(3, QFormLayout.ItemRole.LabelRole, self.commune_edit_label)

        self.commune_edit = QLineEdit(StructureDialog)
        self.commune_edit.setObjectName(u"commune_edit")

        self.layout_43.setWidget(3, QFormLayout.ItemRole.FieldRole, self.commune_edit)

        self.postal_code_edit_label = QLabel(StructureDialog)
        self.postal_code_edit_label.setObjectName(u"postal_code_edit_label")

        self.layout_43.setWidget(4, QFormLayout.ItemRole.LabelRole, self.postal_code_edit_label)

        self.postal_code_edit = QLineEdit(StructureDialog)
        self.postal_code_edit.setObjectName(u"postal_code_edit")

        self.layout_43.setWidget(4, QFormLayout.ItemRole.FieldRole, self.postal_code_edit)

        self.departement_edit_label = QLabel(StructureDialog)
        self.departement_edit_label.setObjectName(u"departement_edit_label")

        self.layout_43.setWidget(5, QFormLayout.ItemRole.LabelRole, self.departement_edit_label)

        self.departement_edit = QLineEdit(StructureDialog)
        self.departement_edit.setObjectName(u"departement_edit")

        self.layout_43.setWidget(5, QFormLayout.ItemRole.FieldRole, self.departement_edit)

        self.layout_34 = QHBoxLayout()
        self.layout_34.setObjectName(u"layout_34")
        self.layout_34.setContentsMargins(0, 0, 0, 0)
        self.contacted_check = QCheckBox(StructureDialog)
        self.contacted_check.setObjectName(u"contacted_check")

        self.layout_34.addWidget(self.contacted_check)

        self.contacted_edit = QDateEdit(StructureDialog)
        self.contacted_edit.setObjectName(u"contacted_edit")
        self.contacted_edit.setCalendarPopup(True)

        self.layout_34.addWidget(self.contacted_edit)

        self.spacer_33 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_34.addItem(self.spacer_33)


        self.layout_43.setLayout(6, QFormLayout.ItemRole.SpanningRole, self.layout_34)

        self.layout_36 = QHBoxLayout()
        self.layout_36.setObjectName(u"layout_36")
        self.layout_36.setContentsMargins(0, 0, 0, 0)
        self.met_check = QCheckBox(StructureDialog)
        self.met_check.setObjectName(u"met_check")

        self.layout_36.addWidget(self.met_check)

        self.met_edit = QDateEdit(StructureDialog)
        self.met_edit.setObjectName(u"met_edit")
        self.met_edit.setCalendarPopup(True)

        self.layout_36.addWidget(self.met_edit)

        self.spacer_35 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_36.addItem(self.spacer_35)


        self.layout_43.setLayout(7, QFormLayout.ItemRole.SpanningRole, self.layout_36)

        self.layout_38 = QHBoxLayout()
        self.layout_38.setObjectName(u"layout_38")
        self.layout_38.setContentsMargins(0, 0, 0, 0)
        self.engaged_check = QCheckBox(StructureDialog)
        self.engaged_check.setObjectName(u"engaged_check")

        self.layout_38.addWidget(self.engaged_check)

        self.engaged_edit = QDateEdit(StructureDialog)
        self.engaged_edit.setObjectName(u"engaged_edit")
        self.engaged_edit.setCalendarPopup(True)

        self.layout_38.addWidget(self.engaged_edit)

        self.spacer_37 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_38.addItem(self.spacer_37)


        self.layout_43.setLayout(8, QFormLayout.ItemRole.SpanningRole, self.layout_38)

        self.layout_40 = QHBoxLayout()
        self.layout_40.setObjectName(u"layout_40")
        self.layout_40.setContentsMargins(0, 0, 0, 0)
        self.onboarded_check = QCheckBox(StructureDialog)
        self.onboarded_check.setObjectName(u"onboarded_check")

        self.layout_40.addWidget(self.onboarded_check)

        self.onboarded_edit = QDateEdit(StructureDialog)
        self.onboarded_edit.setObjectName(u"onboarded_edit")
        self.onboarded_edit.setCalendarPopup(True)

        self.layout_40.addWidget(self.onboarded_edit)

        self.spacer_39 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_40.addItem(self.spacer_39)


        self.layout_43.setLayout(9, QFormLayout.ItemRole.SpanningRole, self.layout_40)

        self.services_edit_label = QLabel(StructureDialog)
        self.services_edit_label.setObjectName(u"services_edit_label")

        self.layout_43.setWidget(10, QFormLayout.ItemRole.LabelRole, self.services_edit_label)

        self.services_edit = QLineEdit(StructureDialog)
        self.services_edit.setObjectName(u"services_edit")

        self.layout_43.setWidget(10, QFormLayout.ItemRole.FieldRole, self.services_edit)

        self.layout_42 = QHBoxLayout()
        self.layout_42.setObjectName(u"layout_42")
        self.layout_42.setContentsMargins(0, 0, 0, 0)
        self.it_check = QCheckBox(StructureDialog)
        self.it_check.setObjectName(u"it_check")

        self.layout_42.addWidget(self.it_check)

        self.it_edit = QDateEdit(StructureDialog)
        self.it_edit.setObjectName(u"it_edit")
        self.it_edit.setCalendarPopup(True)

        self.layout_42.addWidget(self.it_edit)

        self.spacer_41 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_42.addItem(self.spacer_41)


        self.layout_43.setLayout(11, QFormLayout.ItemRole.SpanningRole, self.layout_42)

        self.notes_label = QLabel(StructureDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.layout_43.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(StructureDialog)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.layout_43.setWidget(12, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.layout_44.addLayout(self.layout_43)

        self.message_label = QLabel(StructureDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.layout_44.addWidget(self.message_label)

        self.not_duplicate_check = QCheckBox(StructureDialog)
        self.not_duplicate_check.setObjectName(u"not_duplicate_check")

        self.layout_44.addWidget(self.not_duplicate_check)

        self.buttons = QDialogButtonBox(StructureDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout_44.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_edit_label.setBuddy(self.name_edit)
        self.type_combo_label.setBuddy(self.type_combo)
        self.finess_edit_label.setBuddy(self.finess_edit)
        self.commune_edit_label.setBuddy(self.commune_edit)
        self.postal_code_edit_label.setBuddy(self.postal_code_edit)
        self.departement_edit_label.setBuddy(self.departement_edit)
        self.services_edit_label.setBuddy(self.services_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StructureDialog)

        QMetaObject.connectSlotsByName(StructureDialog)
    # setupUi

    def retranslateUi(self, StructureDialog):
        StructureDialog.setWindowTitle(QCoreApplication.translate("StructureDialog", u"Structure", None))
        self.name_edit_label.setText(QCoreApplication.translate("StructureDialog", u"&Nom", None))
        self.type_combo_label.setText(QCoreApplication.translate("StructureDialog", u"&Type", None))
        self.finess_edit_label.setText(QCoreApplication.translate("StructureDialog", u"N\u00b0 &FINESS", None))
        self.finess_edit.setPlaceholderText(QCoreApplication.translate("StructureDialog", u"9 caract\u00e8res (facultatif)", None))
        self.commune_edit_label.setText(QCoreApplication.translate("StructureDialog", u"C&ommune", None))
        self.postal_code_edit_label.setText(QCoreApplication.translate("StructureDialog", u"Code post&al", None))
        self.departement_edit_label.setText(QCoreApplication.translate("StructureDialog", u"&D\u00e9partement", None))
        self.contacted_check.setText(QCoreApplication.translate("StructureDialog", u"Contact\u00e9e le", None))
        self.contacted_edit.setDisplayFormat(QCoreApplication.translate("StructureDialog", u"dd/MM/yyyy", None))
        self.met_check.setText(QCoreApplication.translate("StructureDialog", u"Rencontr\u00e9e le", None))
        self.met_edit.setDisplayFormat(QCoreApplication.translate("StructureDialog", u"dd/MM/yyyy", None))
        self.engaged_check.setText(QCoreApplication.translate("StructureDialog", u"Engag\u00e9e le", None))
        self.engaged_edit.setDisplayFormat(QCoreApplication.translate("StructureDialog", u"dd/MM/yyyy", None))
        self.onboarded_check.setText(QCoreApplication.translate("StructureDialog", u"Embarqu\u00e9e le", None))
        self.onboarded_edit.setDisplayFormat(QCoreApplication.translate("StructureDialog", u"dd/MM/yyyy", None))
        self.services_edit_label.setText(QCoreApplication.translate("StructureDialog", u"Ser&vices engag\u00e9s", None))
        self.services_edit.setPlaceholderText(QCoreApplication.translate("StructureDialog", u"pour un CH ou un EHPAD", None))
        self.it_check.setText(QCoreApplication.translate("StructureDialog", u"La DSI s'engage \u00e0 envoyer les entr\u00e9es et sorties, le", None))
        self.it_edit.setDisplayFormat(QCoreApplication.translate("StructureDialog", u"dd/MM/yyyy", None))
        self.notes_label.setText(QCoreApplication.translate("StructureDialog", u"Notes", None))
        self.message_label.setText("")
        self.not_duplicate_check.setText(QCoreApplication.translate("StructureDialog", u"Ce n'est pas la m\u00eame structure : enregistrer une nouvelle fiche", None))
    # retranslateUi

