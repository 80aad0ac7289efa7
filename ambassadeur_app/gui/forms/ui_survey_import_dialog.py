# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'survey_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox,
    QDialogButtonBox, QLabel,
    QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout)

class Ui_SurveyImportDialog(object):
    def setupUi(self, SurveyImportDialog):
        if not SurveyImportDialog.objectName():
            SurveyImportDialog.setObjectName(u"SurveyImportDialog")
        SurveyImportDialog.resize(760, 460)
        self.dialog_layout = QVBoxLayout(SurveyImportDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.file_label = QLabel(SurveyImportDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.file_label)

        self.columns_label = QLabel(SurveyImportDialog)
        self.columns_label.setObjectName(u"columns_label")
        self.columns_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.columns_label)

        self.summary_label = QLabel(SurveyImportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.problems_table = QTableWidget(SurveyImportDialog)
        self.problems_table.setObjectName(u"problems_table")
        self.problems_table.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.dialog_layout.addWidget(self.problems_table)

        self.skip_invalid_check = QCheckBox(SurveyImportDialog)
        self.skip_invalid_check.setObjectName(u"skip_invalid_check")

        self.dialog_layout.addWidget(self.skip_invalid_check)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.buttons = QDialogButtonBox(SurveyImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(SurveyImportDialog)

        QMetaObject.connectSlotsByName(SurveyImportDialog)
    # setupUi

    def retranslateUi(self, SurveyImportDialog):
        SurveyImportDialog.setWindowTitle(QCoreApplication.translate("SurveyImportDialog", u"Importer des r\u00e9ponses", None))
        self.file_label.setText("")
        self.columns_label.setText("")
        self.summary_label.setText("")
        self.skip_invalid_check.setText(QCoreApplication.translate("SurveyImportDialog", u"I&gnorer les lignes invalides et importer les autres", None))
    # retranslateUi

