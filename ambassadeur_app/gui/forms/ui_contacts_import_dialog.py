# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contacts_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox,
    QComboBox, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel,
    QTableWidget, QVBoxLayout)

class Ui_ContactsImportDialog(object):
    def setupUi(self, ContactsImportDialog):
        if not ContactsImportDialog.objectName():
            ContactsImportDialog.setObjectName(u"ContactsImportDialog")
        ContactsImportDialog.resize(900, 560)
        self.layout_4 = QVBoxLayout(ContactsImportDialog)
        self.layout_4.setObjectName(u"layout_4")
        self.file_label = QLabel(ContactsImportDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)

        self.layout_4.addWidget(self.file_label)

        self.layout_3 = QHBoxLayout()
        self.layout_3.setObjectName(u"layout_3")
        self.mapping_group = QGroupBox(ContactsImportDialog)
        self.mapping_group.setObjectName(u"mapping_group")
        self.layout_1 = QFormLayout(self.mapping_group)
        self.layout_1.setObjectName(u"layout_1")
        self.last_name_combo_label = QLabel(self.mapping_group)
        self.last_name_combo_label.setObjectName(u"last_name_combo_label")

        self.layout_1.setWidget(0, QFormLayout.ItemRole.LabelRole, self.last_name_combo_label)

        self.last_name_combo = QComboBox(self.mapping_group)
        self.last_name_combo.setObjectName(u"last_name_combo")

        self.layout_1.setWidget(0, QFormLayout.ItemRole.FieldRole, self.last_name_combo)

        self.first_name_combo_label = QLabel(self.mapping_group)
        self.first_name_combo_label.setObjectName(u"first_name_combo_label")

        self.layout_1.setWidget(1, QFormLayout.ItemRole.LabelRole, self.first_name_combo_label)

        self.first_name_combo = QComboBox(self.mapping_group)
        self.first_name_combo.setObjectName(u"first_name_combo")

        self.layout_1.setWidget(1, QFormLayout.ItemRole.FieldRole, self.first_name_combo)

        self.profession_combo_label = QLabel(self.mapping_group)
        self.profession_combo_label.setObjectName(u"profession_combo_label")

        self.layout_1.setWidget(2, QFormLayout.ItemRole.LabelRole, self.profession_combo_label)

        self.profession_combo = QComboBox(self.mapping_group)
        self.profession_combo.setObjectName(u"profession_combo")

        self.layout_1.setWidget(2, QFormLayout.ItemRole.FieldRole, self.profession_combo)

        self.civility_combo_label = QLabel(self.mapping_group)
        self.civility_combo_label.setObjectName(u"civility_combo_label")

        self.layout_1.setWidget(3, QFormLayout.ItemRole.LabelRole, self.civility_combo_label)

        self.civility_combo = QComboBox(self.mapping_group)
        self.civility_combo.setObjectName(u"civility_combo")

        self.layout_1.setWidget(3, QFormLayout.ItemRole.FieldRole, self.civility_combo)

        self.rpps_combo_label = QLabel(self.mapping_group)
        self.rpps_combo_label.setObjectName(u"rpps_combo_label")

        self.layout_1.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rpps_combo_label)

        self.rpps_combo = QComboBox(self.mapping_group)
        self.rpps_combo.setObjectName(u"rpps_combo")

        self.layout_1.setWidget(4, QFormLayout.ItemRole.FieldRole, self.rpps_combo)

        self.practice_mode_combo_label = QLabel(self.mapping_group)
        self.practice_mode_combo_label.setObjectName(u"practice_mode_combo_label")

        self.layout_1.setWidget(5, QFormLayout.ItemRole.LabelRole, self.practice_mode_combo_label)

        self.practice_mode_combo = QComboBox(self.mapping_group)
        self.practice_mode_combo.setObjectName(u"practice_mode_combo")

        self.layout_1.setWidget(5, QFormLayout.ItemRole.FieldRole, self.practice_mode_combo)

        self.structure_combo_label = QLabel(self.mapping_group)
        self.structure_combo_label.setObjectName(u"structure_combo_label")

        self.layout_1.setWidget(6, QFormLayout.ItemRole.LabelRole, self.structure_combo_label)

        self.structure_combo = QComboBox(self.mapping_group)
        self.structure_combo.setObjectName(u"structure_combo")

        self.layout_1.setWidget(6, QFormLayout.ItemRole.FieldRole, self.structure_combo)

        self.structure_type_combo_label = QLabel(self.mapping_group)
        self.structure_type_combo_label.setObjectName(u"structure_type_combo_label")

        self.layout_1.setWidget(7, QFormLayout.ItemRole.LabelRole, self.structure_type_combo_label)

        self.structure_type_combo = QComboBox(self.mapping_group)
        self.structure_type_combo.setObjectName(u"structure_type_combo")

        self.layout_1.setWidget(7, QFormLayout.ItemRole.FieldRole, self.structure_type_combo)

        self.commune_combo_label = QLabel(self.mapping_group)
        self.commune_combo_label.setObjectName(u"commune_combo_label")

        self.layout_1.setWidget(8, QFormLayout.ItemRole.LabelRole, self.commune_combo_label)

        self.commune_combo = QComboBox(self.mapping_group)
        self.commune_combo.setObjectName(u"commune_combo")

        self.layout_1.setWidget(8, QFormLayout.ItemRole.FieldRole, self.commune_combo)

        self.postal_code_combo_label = QLabel(self.mapping_group)
        self.postal_code_combo_label.setObjectName(u"postal_code_combo_label")

        self.layout_1.setWidget(9, QFormLayout.ItemRole.LabelRole, self.postal_code_combo_label)

        self.postal_code_combo = QComboBox(self.mapping_group)
        self.postal_code_combo.setObjectName(u"postal_code_combo")

        self.layout_1.setWidget(9, QFormLayout.ItemRole.FieldRole, self.postal_code_combo)

        self.email_combo_label = QLabel(self.mapping_group)
        self.email_combo_label.setObjectName(u"email_combo_label")

        self.layout_1.setWidget(10, QFormLayout.ItemRole.LabelRole, self.email_combo_label)

        self.email_combo = QComboBox(self.mapping_group)
        self.email_combo.setObjectName(u"email_combo")

        self.layout_1.setWidget(10, QFormLayout.ItemRole.FieldRole, self.email_combo)

        self.phone_combo_label = QLabel(self.mapping_group)
        self.phone_combo_label.setObjectName(u"phone_combo_label")

        self.layout_1.setWidget(11, QFormLayout.ItemRole.LabelRole, self.phone_combo_label)

        self.phone_combo = QComboBox(self.mapping_group)
        self.phone_combo.setObjectName(u"phone_combo")

        self.layout_1.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phone_combo)


        self.layout_3.addWidget(self.mapping_group)

        self.layout_2 = QVBoxLayout()
        self.layout_2.setObjectName(u"layout_2")
        self.layout_2.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel(ContactsImportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.layout_2.addWidget(self.summary_label)

        self.problems_table = QTableWidget(ContactsImportDialog)
        self.problems_table.setObjectName(u"problems_table")
        self.problems_table.setAlternatingRowColors(True)
        self.problems_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.layout_2.addWidget(self.problems_table)


        self.layout_3.addLayout(self.layout_2)

        self.layout_3.setStretch(1, 1)

        self.layout_4.addLayout(self.layout_3)

        self.skip_invalid_check = QCheckBox(ContactsImportDialog)
        self.skip_invalid_check.setObjectName(u"skip_invalid_check")

        self.layout_4.addWidget(self.skip_invalid_check)

        self.buttons = QDialogButtonBox(ContactsImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout_4.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.last_name_combo_label.setBuddy(self.last_name_combo)
        self.first_name_combo_label.setBuddy(self.first_name_combo)
        self.profession_combo_label.setBuddy(self.profession_combo)
        self.civility_combo_label.setBuddy(self.civility_combo)
        self.rpps_combo_label.setBuddy(self.rpps_combo)
        self.practice_mode_combo_label.setBuddy(self.practice_mode_combo)
        self.structure_combo_label.setBuddy(self.structure_combo)
        self.structure_type_combo_label.setBuddy(self.structure_type_combo)
        self.commune_combo_label.setBuddy(self.commune_combo)
        self.postal_code_combo_label.setBuddy(self.postal_code_combo)
        self.email_combo_label.setBuddy(self.email_combo)
        self.phone_combo_label.setBuddy(self.phone_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactsImportDialog)

        QMetaObject.connectSlotsByName(ContactsImportDialog)
    # setupUi

    def retranslateUi(self, ContactsImportDialog):
        ContactsImportDialog.setWindowTitle(QCoreApplication.translate("ContactsImportDialog", u"Importer une liste de professionnels", None))
        self.file_label.setText("")
        self.mapping_group.setTitle(QCoreApplication.translate("ContactsImportDialog", u"Colonnes du fichier", None))
        self.last_name_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Nom", None))
        self.first_name_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Pr\u00e9nom", None))
        self.profession_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Profession", None))
        self.civility_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Civilit\u00e9", None))
        self.rpps_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"N\u00b0 RPPS", None))
        self.practice_mode_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Mode d'exercice", None))
        self.structure_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Structure", None))
        self.structure_type_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Type de structure", None))
        self.commune_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Commune", None))
        self.postal_code_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"Code postal", None))
        self.email_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"E-mail", None))
        self.phone_combo_label.setText(QCoreApplication.translate("ContactsImportDialog", u"T\u00e9l\u00e9phone", None))
        self.summary_label.setText("")
        self.skip_invalid_check.setText(QCoreApplication.translate("ContactsImportDialog", u"&Ignorer les lignes invalides et importer les autres", None))
    # retranslateUi

