# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reading_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDateEdit,
    QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_ReadingDialog(object):
    def setupUi(self, ReadingDialog):
        if not ReadingDialog.objectName():
            ReadingDialog.setObjectName(u"ReadingDialog")
        ReadingDialog.resize(560, 400)
        self.dialog_layout = QVBoxLayout(ReadingDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.explanation_label = QLabel(ReadingDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explanation_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_label = QLabel(ReadingDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(ReadingDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.users_label = QLabel(ReadingDialog)
        self.users_label.setObjectName(u"users_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.users_label)

        self.users_edit = QLineEdit(ReadingDialog)
        self.users_edit.setObjectName(u"users_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.users_edit)

        self.baseline_check = QCheckBox(ReadingDialog)
        self.baseline_check.setObjectName(u"baseline_check")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.baseline_check)


        self.dialog_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ReadingDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.readings_label = QLabel(ReadingDialog)
        self.readings_label.setObjectName(u"readings_label")

        self.dialog_layout.addWidget(self.readings_label)

        self.readings_list = QListWidget(ReadingDialog)
        self.readings_list.setObjectName(u"readings_list")
        self.readings_list.setMaximumHeight(160)

        self.dialog_layout.addWidget(self.readings_list)

        self.delete_layout = QHBoxLayout()
        self.delete_layout.setObjectName(u"delete_layout")
        self.delete_button = QPushButton(ReadingDialog)
        self.delete_button.setObjectName(u"delete_button")
        self.delete_button.setAutoDefault(False)

        self.delete_layout.addWidget(self.delete_button)

        self.delete_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.delete_layout.addItem(self.delete_spacer)


        self.dialog_layout.addLayout(self.delete_layout)

        self.buttons = QDialogButtonBox(ReadingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.users_label.setBuddy(self.users_edit)
        self.readings_label.setBuddy(self.readings_list)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReadingDialog)

        QMetaObject.connectSlotsByName(ReadingDialog)
    # setupUi

    def retranslateUi(self, ReadingDialog):
        ReadingDialog.setWindowTitle(QCoreApplication.translate("ReadingDialog", u"Nouveau relev\u00e9 d'utilisateurs actifs", None))
        self.explanation_label.setText(QCoreApplication.translate("ReadingDialog", u"Le nombre d'utilisateurs Parceo actifs du d\u00e9partement \u00e0 une date, relev\u00e9 dans les statistiques de Pulsy. Un relev\u00e9 du m\u00eame jour remplace le pr\u00e9c\u00e9dent.", None))
        self.date_label.setText(QCoreApplication.translate("ReadingDialog", u"&Date du relev\u00e9", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ReadingDialog", u"dd/MM/yyyy", None))
        self.users_label.setText(QCoreApplication.translate("ReadingDialog", u"&Utilisateurs actifs", None))
        self.users_edit.setPlaceholderText(QCoreApplication.translate("ReadingDialog", u"par exemple 1 250", None))
        self.baseline_check.setText(QCoreApplication.translate("ReadingDialog", u"Valeur de &r\u00e9f\u00e9rence (au d\u00e9but de l'exp\u00e9rimentation ; remplace la pr\u00e9c\u00e9dente)", None))
        self.message_label.setText("")
        self.readings_label.setText(QCoreApplication.translate("ReadingDialog", u"Relev\u00e9s d\u00e9j\u00e0 &not\u00e9s (le plus r\u00e9cent en haut) :", None))
        self.delete_button.setText(QCoreApplication.translate("ReadingDialog", u"&Supprimer le relev\u00e9 s\u00e9lectionn\u00e9", None))
    # retranslateUi

