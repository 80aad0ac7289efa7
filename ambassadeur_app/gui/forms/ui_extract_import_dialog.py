# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'extract_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox,
    QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QTableWidget, QVBoxLayout)

class Ui_ExtractImportDialog(object):
    def setupUi(self, ExtractImportDialog):
        if not ExtractImportDialog.objectName():
            ExtractImportDialog.setObjectName(u"ExtractImportDialog")
        ExtractImportDialog.resize(720, 480)
        self.layout_9 = QVBoxLayout(ExtractImportDialog)
        self.layout_9.setObjectName(u"layout_9")
        self.file_label = QLabel(ExtractImportDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)

        self.layout_9.addWidget(self.file_label)

        self.territory_group = QGroupBox(ExtractImportDialog)
        self.territory_group.setObjectName(u"territory_group")
        self.layout_5 = QFormLayout(self.territory_group)
        self.layout_5.setObjectName(u"layout_5")
        self.departement_radio = QRadioButton(self.territory_group)
        self.departement_radio.setObjectName(u"departement_radio")

        self.layout_5.setWidget(0, QFormLayout.ItemRole.LabelRole, self.departement_radio)

        self.departement_edit = QLineEdit(self.territory_group)
        self.departement_edit.setObjectName(u"departement_edit")
        self.departement_edit.setMaximumWidth(60)

        self.layout_5.setWidget(0, QFormLayout.ItemRole.FieldRole, self.departement_edit)

        self.communes_radio = QRadioButton(self.territory_group)
        self.communes_radio.setObjectName(u"communes_radio")

        self.layout_5.setWidget(1, QFormLayout.ItemRole.LabelRole, self.communes_radio)

        self.communes_edit = QLineEdit(self.territory_group)
        self.communes_edit.setObjectName(u"communes_edit")

        self.layout_5.setWidget(1, QFormLayout.ItemRole.FieldRole, self.communes_edit)

        self.postal_radio = QRadioButton(self.territory_group)
        self.postal_radio.setObjectName(u"postal_radio")

        self.layout_5.setWidget(2, QFormLayout.ItemRole.LabelRole, self.postal_radio)

        self.postal_edit = QLineEdit(self.territory_group)
        self.postal_edit.setObjectName(u"postal_edit")

        self.layout_5.setWidget(2, QFormLayout.ItemRole.FieldRole, self.postal_edit)


        self.layout_9.addWidget(self.territory_group)

        self.layout_7 = QHBoxLayout()
        self.layout_7.setObjectName(u"layout_7")
        self.scan_button = QPushButton(ExtractImportDialog)
        self.scan_button.setObjectName(u"scan_button")

        self.layout_7.addWidget(self.scan_button)

        self.spacer_6 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_7.addItem(self.spacer_6)


        self.layout_9.addLayout(self.layout_7)

        self.summary_label = QLabel(ExtractImportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.layout_9.addWidget(self.summary_label)

        self.problems_table = QTableWidget(ExtractImportDialog)
        self.problems_table.setObjectName(u"problems_table")
        self.problems_table.setAlternatingRowColors(True)
        self.problems_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.layout_9.addWidget(self.problems_table)

        self.skip_invalid_check = QCheckBox(ExtractImportDialog)
        self.skip_invalid_check.setObjectName(u"skip_invalid_check")

        self.layout_9.addWidget(self.skip_invalid_check)

        self.spacer_8 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout_9.addItem(self.spacer_8)

        self.buttons = QDialogButtonBox(ExtractImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout_9.addWidget(self.buttons)


        self.retranslateUi(ExtractImportDialog)

        QMetaObject.connectSlotsByName(ExtractImportDialog)
    # setupUi

    def retranslateUi(self, ExtractImportDialog):
        ExtractImportDialog.setWindowTitle(QCoreApplication.translate("ExtractImportDialog", u"Importer un extrait national", None))
        self.file_label.setText("")
        self.territory_group.setTitle(QCoreApplication.translate("ExtractImportDialog", u"Garder les professionnels qui exercent dans", None))
        self.departement_radio.setText(QCoreApplication.translate("ExtractImportDialog", u"le &d\u00e9partement", None))
        self.communes_radio.setText(QCoreApplication.translate("ExtractImportDialog", u"les &communes (codes INSEE)", None))
        self.communes_edit.setPlaceholderText(QCoreApplication.translate("ExtractImportDialog", u"54395, 54547, 54528\u2026", None))
        self.postal_radio.setText(QCoreApplication.translate("ExtractImportDialog", u"les codes &postaux", None))
        self.postal_edit.setPlaceholderText(QCoreApplication.translate("ExtractImportDialog", u"54000, 54500\u2026", None))
        self.scan_button.setText(QCoreApplication.translate("ExtractImportDialog", u"&Lire le fichier", None))
        self.summary_label.setText("")
        self.skip_invalid_check.setText(QCoreApplication.translate("ExtractImportDialog", u"&Ignorer les lignes invalides et importer les autres", None))
    # retranslateUi

