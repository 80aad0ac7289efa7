# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox,
    QDialogButtonBox, QLabel,
    QTableWidget, QVBoxLayout)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(820, 560)
        self.dialog_layout = QVBoxLayout(ImportDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.file_label = QLabel(ImportDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.file_label)

        self.summary_label = QLabel(ImportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.problems_table = QTableWidget(ImportDialog)
        self.problems_table.setObjectName(u"problems_table")
        self.problems_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problems_table.setAlternatingRowColors(True)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.dialog_layout.addWidget(self.problems_table)

        self.skip_invalid_check = QCheckBox(ImportDialog)
        self.skip_invalid_check.setObjectName(u"skip_invalid_check")

        self.dialog_layout.addWidget(self.skip_invalid_check)

        self.buttons = QDialogButtonBox(ImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Importer un carnet tenu dans un tableur", None))
        self.file_label.setText("")
        self.summary_label.setText("")
        self.skip_invalid_check.setText(QCoreApplication.translate("ImportDialog", u"&Ignorer les lignes invalides et importer les autres", None))
    # retranslateUi

