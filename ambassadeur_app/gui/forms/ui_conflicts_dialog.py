# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflicts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox,
    QDialogButtonBox, QHBoxLayout, QLabel,
    QListWidget, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

class Ui_ConflictsDialog(object):
    def setupUi(self, ConflictsDialog):
        if not ConflictsDialog.objectName():
            ConflictsDialog.setObjectName(u"ConflictsDialog")
        ConflictsDialog.resize(760, 440)
        self.dialog_layout = QVBoxLayout(ConflictsDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.info_label = QLabel(ConflictsDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.info_label)

        self.conflicts_list = QListWidget(ConflictsDialog)
        self.conflicts_list.setObjectName(u"conflicts_list")
        self.conflicts_list.setWordWrap(True)
        self.conflicts_list.setAlternatingRowColors(True)
        self.conflicts_list.setSelectionMode(QAbstractItemView.ExtendedSelection)

        self.dialog_layout.addWidget(self.conflicts_list)

        self.message_label = QLabel(ConflictsDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.choice_layout = QHBoxLayout()
        self.choice_layout.setObjectName(u"choice_layout")
        self.keep_button = QPushButton(ConflictsDialog)
        self.keep_button.setObjectName(u"keep_button")

        self.choice_layout.addWidget(self.keep_button)

        self.take_button = QPushButton(ConflictsDialog)
        self.take_button.setObjectName(u"take_button")

        self.choice_layout.addWidget(self.take_button)

        self.doublons_button = QPushButton(ConflictsDialog)
        self.doublons_button.setObjectName(u"doublons_button")

        self.choice_layout.addWidget(self.doublons_button)

        self.settled_check = QCheckBox(ConflictsDialog)
        self.settled_check.setObjectName(u"settled_check")

        self.choice_layout.addWidget(self.settled_check)

        self.choice_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choice_layout.addItem(self.choice_spacer)

        self.buttons = QDialogButtonBox(ConflictsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.choice_layout.addWidget(self.buttons)


        self.dialog_layout.addLayout(self.choice_layout)


        self.retranslateUi(ConflictsDialog)

        QMetaObject.connectSlotsByName(ConflictsDialog)
    # setupUi

    def retranslateUi(self, ConflictsDialog):
        ConflictsDialog.setWindowTitle(QCoreApplication.translate("ConflictsDialog", u"Conflits \u00e0 v\u00e9rifier", None))
        self.info_label.setText("")
        self.message_label.setText("")
        self.keep_button.setText(QCoreApplication.translate("ConflictsDialog", u"&Garder la valeur actuelle", None))
        self.take_button.setText(QCoreApplication.translate("ConflictsDialog", u"&Reprendre la valeur \u00e9cart\u00e9e", None))
        self.doublons_button.setText(QCoreApplication.translate("ConflictsDialog", u"S\u00e9lectionner les &doublons", None))
        self.settled_check.setText(QCoreApplication.translate("ConflictsDialog", u"&Afficher aussi les conflits r\u00e9gl\u00e9s", None))
    # retranslateUi

