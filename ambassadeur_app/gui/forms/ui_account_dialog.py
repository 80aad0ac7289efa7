# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit,
    QDialogButtonBox, QFormLayout, QLabel,
    QVBoxLayout)

class Ui_AccountDialog(object):
    def setupUi(self, AccountDialog):
        if not AccountDialog.objectName():
            AccountDialog.setObjectName(u"AccountDialog")
        AccountDialog.resize(420, 220)
        self.layout_54 = QVBoxLayout(AccountDialog)
        self.layout_54.setObjectName(u"layout_54")
        self.person_label = QLabel(AccountDialog)
        self.person_label.setObjectName(u"person_label")
        self.person_label.setWordWrap(True)

        self.layout_54.addWidget(self.person_label)

        self.layout_53 = QFormLayout()
        self.layout_53.setObjectName(u"layout_53")
        self.date_edit_label = QLabel(AccountDialog)
        self.date_edit_label.setObjectName(u"date_edit_label")

        self.layout_53.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_edit_label)

        self.date_edit = QDateEdit(AccountDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.layout_53.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.action_combo_label = QLabel(AccountDialog)
        self.action_combo_label.setObjectName(u"action_combo_label")

        self.layout_53.setWidget(1, QFormLayout.ItemRole.LabelRole, self.action_combo_label)

        self.action_combo = QComboBox(AccountDialog)
        self.action_combo.setObjectName(u"action_combo")

        self.layout_53.setWidget(1, QFormLayout.ItemRole.FieldRole, self.action_combo)

        self.ambassador_combo_label = QLabel(AccountDialog)
        self.ambassador_combo_label.setObjectName(u"ambassador_combo_label")

        self.layout_53.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ambassador_combo_label)

        self.ambassador_combo = QComboBox(AccountDialog)
        self.ambassador_combo.setObjectName(u"ambassador_combo")

        self.layout_53.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ambassador_combo)


        self.layout_54.addLayout(self.layout_53)

        self.message_label = QLabel(AccountDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.layout_54.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(AccountDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout_54.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_edit_label.setBuddy(self.date_edit)
        self.action_combo_label.setBuddy(self.action_combo)
        self.ambassador_combo_label.setBuddy(self.ambassador_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountDialog)

        QMetaObject.connectSlotsByName(AccountDialog)
    # setupUi

    def retranslateUi(self, AccountDialog):
        AccountDialog.setWindowTitle(QCoreApplication.translate("AccountDialog", u"Compte Parceo", None))
        self.person_label.setText("")
        self.date_edit_label.setText(QCoreApplication.translate("AccountDialog", u"&Date", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("AccountDialog", u"dd/MM/yyyy", None))
        self.action_combo_label.setText(QCoreApplication.translate("AccountDialog", u"A&ction", None))
        self.ambassador_combo_label.setText(QCoreApplication.translate("AccountDialog", u"&Ambassadeur", None))
        self.message_label.setText("")
    # retranslateUi

