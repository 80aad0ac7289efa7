# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'payments_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PaymentsDialog(object):
    def setupUi(self, PaymentsDialog):
        if not PaymentsDialog.objectName():
            PaymentsDialog.setObjectName(u"PaymentsDialog")
        PaymentsDialog.resize(600, 460)
        self.dialog_layout = QVBoxLayout(PaymentsDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.explanation_label = QLabel(PaymentsDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explanation_label)

        self.summary_label = QLabel(PaymentsDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_label = QLabel(PaymentsDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QLineEdit(PaymentsDialog)
        self.date_edit.setObjectName(u"date_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.amount_label = QLabel(PaymentsDialog)
        self.amount_label.setObjectName(u"amount_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount_edit = QLineEdit(PaymentsDialog)
        self.amount_edit.setObjectName(u"amount_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amount_edit)

        self.label_label = QLabel(PaymentsDialog)
        self.label_label.setObjectName(u"label_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_label)

        self.label_edit = QLineEdit(PaymentsDialog)
        self.label_edit.setObjectName(u"label_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.label_edit)


        self.dialog_layout.addLayout(self.form_layout)

        self.add_layout = QHBoxLayout()
        self.add_layout.setObjectName(u"add_layout")
        self.add_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.add_layout.addItem(self.add_spacer)

        self.add_button = QPushButton(PaymentsDialog)
        self.add_button.setObjectName(u"add_button")

        self.add_layout.addWidget(self.add_button)


        self.dialog_layout.addLayout(self.add_layout)

        self.message_label = QLabel(PaymentsDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.payments_label = QLabel(PaymentsDialog)
        self.payments_label.setObjectName(u"payments_label")

        self.dialog_layout.addWidget(self.payments_label)

        self.payments_list = QListWidget(PaymentsDialog)
        self.payments_list.setObjectName(u"payments_list")

        self.dialog_layout.addWidget(self.payments_list)

        self.delete_layout = QHBoxLayout()
        self.delete_layout.setObjectName(u"delete_layout")
        self.delete_button = QPushButton(PaymentsDialog)
        self.delete_button.setObjectName(u"delete_button")
        self.delete_button.setAutoDefault(False)

        self.delete_layout.addWidget(self.delete_button)

        self.delete_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.delete_layout.addItem(self.delete_spacer)


        self.dialog_layout.addLayout(self.delete_layout)

        self.buttons = QDialogButtonBox(PaymentsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.amount_label.setBuddy(self.amount_edit)
        self.label_label.setBuddy(self.label_edit)
        self.payments_label.setBuddy(self.payments_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date_edit, self.amount_edit)
        QWidget.setTabOrder(self.amount_edit, self.label_edit)
        QWidget.setTabOrder(self.label_edit, self.add_button)
        QWidget.setTabOrder(self.add_button, self.payments_list)
        QWidget.setTabOrder(self.payments_list, self.delete_button)

        self.retranslateUi(PaymentsDialog)

        self.add_button.setDefault(True)


        QMetaObject.connectSlotsByName(PaymentsDialog)
    # setupUi

    def retranslateUi(self, PaymentsDialog):
        PaymentsDialog.setWindowTitle(QCoreApplication.translate("PaymentsDialog", u"Versements de la subvention", None))
        self.explanation_label.setText(QCoreApplication.translate("PaymentsDialog", u"Les sommes que l'ARS a r\u00e9ellement vers\u00e9es sur la subvention FIR (une avance, le solde), \u00e0 la date o\u00f9 elles ont \u00e9t\u00e9 re\u00e7ues. Le bilan d'ex\u00e9cution les compare aux d\u00e9penses retenues : l'exc\u00e9dent est \u00e0 reverser \u00e0 l'ARS, le manque est le solde qu'elle doit encore verser.", None))
        self.summary_label.setText("")
        self.date_label.setText(QCoreApplication.translate("PaymentsDialog", u"&Date de r\u00e9ception", None))
        self.date_edit.setPlaceholderText(QCoreApplication.translate("PaymentsDialog", u"JJ/MM/AAAA", None))
        self.amount_label.setText(QCoreApplication.translate("PaymentsDialog", u"&Montant re\u00e7u (\u20ac)", None))
        self.amount_edit.setPlaceholderText(QCoreApplication.translate("PaymentsDialog", u"par exemple 6 800,00", None))
        self.label_label.setText(QCoreApplication.translate("PaymentsDialog", u"&Libell\u00e9", None))
        self.label_edit.setPlaceholderText(QCoreApplication.translate("PaymentsDialog", u"par exemple \u00ab avance de 50 % \u00bb (facultatif)", None))
        self.add_button.setText(QCoreApplication.translate("PaymentsDialog", u"&Enregistrer le versement", None))
        self.message_label.setText("")
        self.payments_label.setText(QCoreApplication.translate("PaymentsDialog", u"Versements &re\u00e7us (par date) :", None))
        self.delete_button.setText(QCoreApplication.translate("PaymentsDialog", u"&Supprimer le versement s\u00e9lectionn\u00e9", None))
    # retranslateUi

