# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reopen_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox,
    QLabel, QPlainTextEdit, QVBoxLayout)

class Ui_ReopenDialog(object):
    def setupUi(self, ReopenDialog):
        if not ReopenDialog.objectName():
            ReopenDialog.setObjectName(u"ReopenDialog")
        ReopenDialog.resize(460, 260)
        self.dialog_layout = QVBoxLayout(ReopenDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.explanation_label = QLabel(ReopenDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explanation_label)

        self.reason_label = QLabel(ReopenDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.dialog_layout.addWidget(self.reason_label)

        self.reason_edit = QPlainTextEdit(ReopenDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.dialog_layout.addWidget(self.reason_edit)

        self.buttons = QDialogButtonBox(ReopenDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReopenDialog)

        QMetaObject.connectSlotsByName(ReopenDialog)
    # setupUi

    def retranslateUi(self, ReopenDialog):
        ReopenDialog.setWindowTitle(QCoreApplication.translate("ReopenDialog", u"Rouvrir le mois", None))
        self.explanation_label.setText("")
        self.reason_label.setText(QCoreApplication.translate("ReopenDialog", u"&Motif de la r\u00e9ouverture (imprim\u00e9 sur le prochain relev\u00e9) :", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("ReopenDialog", u"Par exemple : correction d'une dur\u00e9e saisie deux fois le 14.", None))
    # retranslateUi

