# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'region_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QListWidget, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableWidget, QVBoxLayout, QWidget)

class Ui_RegionDialog(object):
    def setupUi(self, RegionDialog):
        if not RegionDialog.objectName():
            RegionDialog.setObjectName(u"RegionDialog")
        RegionDialog.resize(1000, 640)
        self.dialog_layout = QVBoxLayout(RegionDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.info_label = QLabel(RegionDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.info_label)

        self.inputs_label = QLabel(RegionDialog)
        self.inputs_label.setObjectName(u"inputs_label")

        self.dialog_layout.addWidget(self.inputs_label)

        self.inputs_row = QHBoxLayout()
        self.inputs_row.setObjectName(u"inputs_row")
        self.inputs_list = QListWidget(RegionDialog)
        self.inputs_list.setObjectName(u"inputs_list")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.inputs_list.sizePolicy().hasHeightForWidth())
        self.inputs_list.setSizePolicy(sizePolicy)
        self.inputs_list.setMaximumSize(QSize(16777215, 110))
        self.inputs_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.inputs_list.setAlternatingRowColors(True)

        self.inputs_row.addWidget(self.inputs_list)

        self.inputs_buttons = QVBoxLayout()
        self.inputs_buttons.setObjectName(u"inputs_buttons")
        self.add_file_button = QPushButton(RegionDialog)
        self.add_file_button.setObjectName(u"add_file_button")

        self.inputs_buttons.addWidget(self.add_file_button)

        self.add_folder_button = QPushButton(RegionDialog)
        self.add_folder_button.setObjectName(u"add_folder_button")

        self.inputs_buttons.addWidget(self.add_folder_button)

        self.remove_button = QPushButton(RegionDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.inputs_buttons.addWidget(self.remove_button)

        self.inputs_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.inputs_buttons.addItem(self.inputs_spacer)


        self.inputs_row.addLayout(self.inputs_buttons)


        self.dialog_layout.addLayout(self.inputs_row)

        self.status_label = QLabel(RegionDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.status_label)

        self.tabs = QTabWidget(RegionDialog)
        self.tabs.setObjectName(u"tabs")
        self.figures_tab = QWidget()
        self.figures_tab.setObjectName(u"figures_tab")
        self.figures_layout = QVBoxLayout(self.figures_tab)
        self.figures_layout.setObjectName(u"figures_layout")
        self.figures_table = QTableWidget(self.figures_tab)
        self.figures_table.setObjectName(u"figures_table")
        self.figures_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.figures_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.figures_table.setAlternatingRowColors(True)
        self.figures_table.setWordWrap(False)

        self.figures_layout.addWidget(self.figures_table)

        self.tabs.addTab(self.figures_tab, "")
        self.indicators_tab = QWidget()
        self.indicators_tab.setObjectName(u"indicators_tab")
        self.indicators_layout = QVBoxLayout(self.indicators_tab)
        self.indicators_layout.setObjectName(u"indicators_layout")
        self.indicators_table = QTableWidget(self.indicators_tab)
        self.indicators_table.setObjectName(u"indicators_table")
        self.indicators_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.indicators_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.indicators_table.setAlternatingRowColors(True)

        self.indicators_layout.addWidget(self.indicators_table)

        self.tabs.addTab(self.indicators_tab, "")
        self.files_tab = QWidget()
        self.files_tab.setObjectName(u"files_tab")
        self.files_layout = QVBoxLayout(self.files_tab)
        self.files_layout.setObjectName(u"files_layout")
        self.files_table = QTableWidget(self.files_tab)
        self.files_table.setObjectName(u"files_table")
        self.files_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.files_table.setAlternatingRowColors(True)

        self.files_layout.addWidget(self.files_table)

        self.tabs.addTab(self.files_tab, "")

        self.dialog_layout.addWidget(self.tabs)

        self.save_row = QHBoxLayout()
        self.save_row.setObjectName(u"save_row")
        self.xlsx_button = QPushButton(RegionDialog)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.save_row.addWidget(self.xlsx_button)

        self.pdf_button = QPushButton(RegionDialog)
        self.pdf_button.setObjectName(u"pdf_button")

        self.save_row.addWidget(self.pdf_button)

        self.save_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.save_row.addItem(self.save_spacer)

        self.buttons = QDialogButtonBox(RegionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.save_row.addWidget(self.buttons)


        self.dialog_layout.addLayout(self.save_row)

        self.dialog_layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.inputs_label.setBuddy(self.inputs_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.inputs_list, self.add_file_button)
        QWidget.setTabOrder(self.add_file_button, self.add_folder_button)
        QWidget.setTabOrder(self.add_folder_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.figures_table)
        QWidget.setTabOrder(self.figures_table, self.indicators_table)
        QWidget.setTabOrder(self.indicators_table, self.files_table)
        QWidget.setTabOrder(self.files_table, self.xlsx_button)
        QWidget.setTabOrder(self.xlsx_button, self.pdf_button)

        self.retranslateUi(RegionDialog)

        QMetaObject.connectSlotsByName(RegionDialog)
    # setupUi

    def retranslateUi(self, RegionDialog):
        RegionDialog.setWindowTitle(QCoreApplication.translate("RegionDialog", u"Vue r\u00e9gionale", None))
        self.info_label.setText("")
        self.inputs_label.setText(QCoreApplication.translate("RegionDialog", u"Fichiers \u00e0 &consolider (glissez-les ici ; Suppr : retirer) :", None))
        self.add_file_button.setText(QCoreApplication.translate("RegionDialog", u"Ajouter des fichiers (.&zip, carnets)\u2026", None))
        self.add_folder_button.setText(QCoreApplication.translate("RegionDialog", u"Ajouter un &dossier\u2026", None))
#if QT_CONFIG(tooltip)
        self.add_folder_button.setToolTip(QCoreApplication.translate("RegionDialog", u"Un dossier de justification, ou un dossier qui en contient plusieurs (dossiers, .zip, carnets)", None))
#endif // QT_CONFIG(tooltip)
        self.remove_button.setText(QCoreApplication.translate("RegionDialog", u"&Retirer", None))
        self.status_label.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.figures_tab), QCoreApplication.translate("RegionDialog", u"&Heures et montants par CPTS", None))
        self.tabs.setTabText(self.tabs.indexOf(self.indicators_tab), QCoreApplication.translate("RegionDialog", u"&Indicateurs et objectifs", None))
        self.tabs.setTabText(self.tabs.indexOf(self.files_tab), QCoreApplication.translate("RegionDialog", u"Fichiers re\u00e7us et leur &v\u00e9rification", None))
        self.xlsx_button.setText(QCoreApplication.translate("RegionDialog", u"Enregistrer en &Excel\u2026", None))
        self.pdf_button.setText(QCoreApplication.translate("RegionDialog", u"Enregistrer en &PDF\u2026", None))
    # retranslateUi

