# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'survey_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_SurveyDialog(object):
    def setupUi(self, SurveyDialog):
        if not SurveyDialog.objectName():
            SurveyDialog.setObjectName(u"SurveyDialog")
        SurveyDialog.resize(900, 640)
        self.dialog_layout = QVBoxLayout(SurveyDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.title_label = QLabel(SurveyDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.title_label)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.print_button = QPushButton(SurveyDialog)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.print_button)

        self.import_button = QPushButton(SurveyDialog)
        self.import_button.setObjectName(u"import_button")
        self.import_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.import_button)

        self.undo_import_button = QPushButton(SurveyDialog)
        self.undo_import_button.setObjectName(u"undo_import_button")
        self.undo_import_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.undo_import_button)

        self.template_button = QPushButton(SurveyDialog)
        self.template_button.setObjectName(u"template_button")
        self.template_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.template_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.dialog_layout.addLayout(self.actions_layout)

        self.tabs = QTabWidget(SurveyDialog)
        self.tabs.setObjectName(u"tabs")
        self.grid_tab = QWidget()
        self.grid_tab.setObjectName(u"grid_tab")
        self.grid_layout = QVBoxLayout(self.grid_tab)
        self.grid_layout.setObjectName(u"grid_layout")
        self.help_label = QLabel(self.grid_tab)
        self.help_label.setObjectName(u"help_label")
        self.help_label.setWordWrap(True)

        self.grid_layout.addWidget(self.help_label)

        self.grid_view = QTableView(self.grid_tab)
        self.grid_view.setObjectName(u"grid_view")
        self.grid_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.grid_view.setTabKeyNavigation(False)

        self.grid_layout.addWidget(self.grid_view)

        self.legend_label = QLabel(self.grid_tab)
        self.legend_label.setObjectName(u"legend_label")
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.grid_layout.addWidget(self.legend_label)

        self.status_label = QLabel(self.grid_tab)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.grid_layout.addWidget(self.status_label)

        self.tabs.addTab(self.grid_tab, "")
        self.results_tab = QWidget()
        self.results_tab.setObjectName(u"results_tab")
        self.results_layout = QVBoxLayout(self.results_tab)
        self.results_layout.setObjectName(u"results_layout")
        self.results_edit = QPlainTextEdit(self.results_tab)
        self.results_edit.setObjectName(u"results_edit")
        self.results_edit.setReadOnly(True)

        self.results_layout.addWidget(self.results_edit)

        self.tabs.addTab(self.results_tab, "")

        self.dialog_layout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(SurveyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(SurveyDialog)

        QMetaObject.connectSlotsByName(SurveyDialog)
    # setupUi

    def retranslateUi(self, SurveyDialog):
        SurveyDialog.setWindowTitle(QCoreApplication.translate("SurveyDialog", u"Questionnaire de satisfaction", None))
        self.title_label.setText("")
        self.print_button.setText(QCoreApplication.translate("SurveyDialog", u"&Imprimer le questionnaire\u2026", None))
        self.import_button.setText(QCoreApplication.translate("SurveyDialog", u"Im&porter des r\u00e9ponses\u2026", None))
        self.undo_import_button.setText(QCoreApplication.translate("SurveyDialog", u"&Annuler le dernier import", None))
        self.template_button.setText(QCoreApplication.translate("SurveyDialog", u"Modifier le &mod\u00e8le\u2026", None))
        self.help_label.setText("")
        self.legend_label.setText("")
        self.status_label.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.grid_tab), QCoreApplication.translate("SurveyDialog", u"&Saisie des formulaires papier", None))
        self.tabs.setTabText(self.tabs.indexOf(self.results_tab), QCoreApplication.translate("SurveyDialog", u"&R\u00e9sultats", None))
    # retranslateUi

