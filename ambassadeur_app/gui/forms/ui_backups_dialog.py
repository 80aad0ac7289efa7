# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backups_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QTableWidget, QVBoxLayout)

class Ui_BackupsDialog(object):
    def setupUi(self, BackupsDialog):
        if not BackupsDialog.objectName():
            BackupsDialog.setObjectName(u"BackupsDialog")
        BackupsDialog.resize(720, 480)
        self.dialog_layout = QVBoxLayout(BackupsDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.info_label = QLabel(BackupsDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialog_layout.addWidget(self.info_label)

        self.backups_table = QTableWidget(BackupsDialog)
        self.backups_table.setObjectName(u"backups_table")
        self.backups_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.backups_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.backups_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.backups_table.setAlternatingRowColors(True)

        self.dialog_layout.addWidget(self.backups_table)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.backup_now_button = QPushButton(BackupsDialog)
        self.backup_now_button.setObjectName(u"backup_now_button")

        self.button_row.addWidget(self.backup_now_button)

        self.restore_button = QPushButton(BackupsDialog)
        self.restore_button.setObjectName(u"restore_button")

        self.button_row.addWidget(self.restore_button)

        self.restore_file_button = QPushButton(BackupsDialog)
        self.restore_file_button.setObjectName(u"restore_file_button")

        self.button_row.addWidget(self.restore_file_button)

        self.open_folder_button = QPushButton(BackupsDialog)
        self.open_folder_button.setObjectName(u"open_folder_button")

        self.button_row.addWidget(self.open_folder_button)


        self.dialog_layout.addLayout(self.button_row)

        self.buttons = QDialogButtonBox(BackupsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(BackupsDialog)

        QMetaObject.connectSlotsByName(BackupsDialog)
    # setupUi

    def retranslateUi(self, BackupsDialog):
        BackupsDialog.setWindowTitle(QCoreApplication.translate("BackupsDialog", u"Sauvegardes du carnet", None))
        self.info_label.setText("")
        self.backup_now_button.setText(QCoreApplication.translate("BackupsDialog", u"&Sauvegarder maintenant", None))
        self.restore_button.setText(QCoreApplication.translate("BackupsDialog", u"&Restaurer la sauvegarde choisie\u2026", None))
        self.restore_file_button.setText(QCoreApplication.translate("BackupsDialog", u"Restaurer depuis un &fichier\u2026", None))
        self.open_folder_button.setText(QCoreApplication.translate("BackupsDialog", u"&Ouvrir le dossier", None))
    # retranslateUi

