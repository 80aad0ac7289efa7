# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

class Ui_SyncDialog(object):
    def setupUi(self, SyncDialog):
        if not SyncDialog.objectName():
            SyncDialog.setObjectName(u"SyncDialog")
        SyncDialog.resize(560, 320)
        self.dialog_layout = QVBoxLayout(SyncDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.info_label = QLabel(SyncDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.info_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.folder_label = QLabel(SyncDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_layout = QHBoxLayout()
        self.folder_layout.setObjectName(u"folder_layout")
        self.folder_edit = QLineEdit(SyncDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_layout.addWidget(self.folder_edit)

        self.folder_button = QPushButton(SyncDialog)
        self.folder_button.setObjectName(u"folder_button")

        self.folder_layout.addWidget(self.folder_button)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folder_layout)

        self.choice_layout = QVBoxLayout()
        self.choice_layout.setObjectName(u"choice_layout")
        self.new_radio = QRadioButton(SyncDialog)
        self.new_radio.setObjectName(u"new_radio")
        self.new_radio.setChecked(True)

        self.choice_layout.addWidget(self.new_radio)

        self.merge_radio = QRadioButton(SyncDialog)
        self.merge_radio.setObjectName(u"merge_radio")

        self.choice_layout.addWidget(self.merge_radio)


        self.form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.choice_layout)

        self.carnet_label = QLabel(SyncDialog)
        self.carnet_label.setObjectName(u"carnet_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.carnet_label)

        self.carnet_layout = QHBoxLayout()
        self.carnet_layout.setObjectName(u"carnet_layout")
        self.carnet_edit = QLineEdit(SyncDialog)
        self.carnet_edit.setObjectName(u"carnet_edit")

        self.carnet_layout.addWidget(self.carnet_edit)

        self.carnet_button = QPushButton(SyncDialog)
        self.carnet_button.setObjectName(u"carnet_button")

        self.carnet_layout.addWidget(self.carnet_button)


        self.form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.carnet_layout)

        self.passphrase_label = QLabel(SyncDialog)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(SyncDialog)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)

        self.confirm_label = QLabel(SyncDialog)
        self.confirm_label.setObjectName(u"confirm_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(SyncDialog)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirm_edit)

        self.show_check = QCheckBox(SyncDialog)
        self.show_check.setObjectName(u"show_check")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.show_check)


        self.dialog_layout.addLayout(self.form_layout)

        self.merge_label = QLabel(SyncDialog)
        self.merge_label.setObjectName(u"merge_label")
        self.merge_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.merge_label)

        self.message_label = QLabel(SyncDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.buttons = QDialogButtonBox(SyncDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.folder_label.setBuddy(self.folder_edit)
        self.carnet_label.setBuddy(self.carnet_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SyncDialog)

        QMetaObject.connectSlotsByName(SyncDialog)
    # setupUi

    def retranslateUi(self, SyncDialog):
        SyncDialog.setWindowTitle(QCoreApplication.translate("SyncDialog", u"Carnet partag\u00e9", None))
        self.info_label.setText("")
        self.folder_label.setText(QCoreApplication.translate("SyncDialog", u"&Dossier partag\u00e9 :", None))
        self.folder_edit.setPlaceholderText(QCoreApplication.translate("SyncDialog", u"Dossier Syncthing, Nextcloud, OneDrive, partage r\u00e9seau ou cl\u00e9 USB", None))
        self.folder_button.setText(QCoreApplication.translate("SyncDialog", u"C&hoisir\u2026", None))
        self.new_radio.setText(QCoreApplication.translate("SyncDialog", u"Construire un nou&veau carnet depuis le dossier", None))
        self.merge_radio.setText(QCoreApplication.translate("SyncDialog", u"&Fusionner un carnet tenu \u00e0 part sur cet ordinateur avec le carnet partag\u00e9", None))
        self.carnet_label.setText(QCoreApplication.translate("SyncDialog", u"&Nouveau carnet :", None))
        self.carnet_button.setText(QCoreApplication.translate("SyncDialog", u"Ch&oisir\u2026", None))
        self.passphrase_label.setText(QCoreApplication.translate("SyncDialog", u"&Phrase secr\u00e8te :", None))
        self.confirm_label.setText(QCoreApplication.translate("SyncDialog", u"&Confirmation :", None))
        self.show_check.setText(QCoreApplication.translate("SyncDialog", u"&Afficher la phrase secr\u00e8te", None))
        self.merge_label.setText("")
        self.message_label.setText("")
    # retranslateUi

