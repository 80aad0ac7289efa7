# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'survey_template_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QVBoxLayout)

class Ui_SurveyTemplateDialog(object):
    def setupUi(self, SurveyTemplateDialog):
        if not SurveyTemplateDialog.objectName():
            SurveyTemplateDialog.setObjectName(u"SurveyTemplateDialog")
        SurveyTemplateDialog.resize(780, 480)
        self.dialog_layout = QVBoxLayout(SurveyTemplateDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.explanation_label = QLabel(SurveyTemplateDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explanation_label)

        self.table_layout = QHBoxLayout()
        self.table_layout.setObjectName(u"table_layout")
        self.questions_table = QTableWidget(SurveyTemplateDialog)
        self.questions_table.setObjectName(u"questions_table")
        self.questions_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.questions_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.table_layout.addWidget(self.questions_table)

        self.side_layout = QVBoxLayout()
        self.side_layout.setObjectName(u"side_layout")
        self.add_button = QPushButton(SurveyTemplateDialog)
        self.add_button.setObjectName(u"add_button")
        self.add_button.setAutoDefault(False)

        self.side_layout.addWidget(self.add_button)

        self.remove_button = QPushButton(SurveyTemplateDialog)
        self.remove_button.setObjectName(u"remove_button")
        self.remove_button.setAutoDefault(False)

        self.side_layout.addWidget(self.remove_button)

        self.up_button = QPushButton(SurveyTemplateDialog)
        self.up_button.setObjectName(u"up_button")
        self.up_button.setAutoDefault(False)

        self.side_layout.addWidget(self.up_button)

        self.down_button = QPushButton(SurveyTemplateDialog)
        self.down_button.setObjectName(u"down_button")
        self.down_button.setAutoDefault(False)

        self.side_layout.addWidget(self.down_button)

        self.reset_button = QPushButton(SurveyTemplateDialog)
        self.reset_button.setObjectName(u"reset_button")
        self.reset_button.setAutoDefault(False)

        self.side_layout.addWidget(self.reset_button)

        self.side_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.side_layout.addItem(self.side_spacer)


        self.table_layout.addLayout(self.side_layout)


        self.dialog_layout.addLayout(self.table_layout)

        self.error_label = QLabel(SurveyTemplateDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(SurveyTemplateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(SurveyTemplateDialog)

        QMetaObject.connectSlotsByName(SurveyTemplateDialog)
    # setupUi

    def retranslateUi(self, SurveyTemplateDialog):
        SurveyTemplateDialog.setWindowTitle(QCoreApplication.translate("SurveyTemplateDialog", u"Mod\u00e8le de questionnaire", None))
        self.explanation_label.setText("")
        self.add_button.setText(QCoreApplication.translate("SurveyTemplateDialog", u"A&jouter", None))
        self.remove_button.setText(QCoreApplication.translate("SurveyTemplateDialog", u"&Retirer", None))
        self.up_button.setText(QCoreApplication.translate("SurveyTemplateDialog", u"&Monter", None))
        self.down_button.setText(QCoreApplication.translate("SurveyTemplateDialog", u"&Descendre", None))
        self.reset_button.setText(QCoreApplication.translate("SurveyTemplateDialog", u"Mod\u00e8le par &d\u00e9faut", None))
        self.error_label.setText("")
    # retranslateUi

