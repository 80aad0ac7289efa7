# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QVBoxLayout)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(560, 260)
        self.dialog_layout = QVBoxLayout(ExportDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.month_label = QLabel(ExportDialog)
        self.month_label.setObjectName(u"month_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.month_label)

        self.month_combo = QComboBox(ExportDialog)
        self.month_combo.setObjectName(u"month_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.month_combo)

        self.who_label = QLabel(ExportDialog)
        self.who_label.setObjectName(u"who_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.who_label)

        self.who_combo = QComboBox(ExportDialog)
        self.who_combo.setObjectName(u"who_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.who_combo)

        self.format_label = QLabel(ExportDialog)
        self.format_label.setObjectName(u"format_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.format_label)

        self.format_row = QHBoxLayout()
        self.format_row.setObjectName(u"format_row")
        self.pdf_check = QCheckBox(ExportDialog)
        self.pdf_check.setObjectName(u"pdf_check")

        self.format_row.addWidget(self.pdf_check)

        self.xlsx_check = QCheckBox(ExportDialog)
        self.xlsx_check.setObjectName(u"xlsx_check")

        self.format_row.addWidget(self.xlsx_check)


        self.form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.format_row)

        self.folder_label = QLabel(ExportDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_edit = QLineEdit(ExportDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(ExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)


        self.form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folder_row)

        self.open_after_check = QCheckBox(ExportDialog)
        self.open_after_check.setObjectName(u"open_after_check")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.open_after_check)


        self.dialog_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ExportDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(ExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.month_label.setBuddy(self.month_combo)
        self.who_label.setBuddy(self.who_combo)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportDialog)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Exporter le relev\u00e9 d'heures", None))
        self.month_label.setText(QCoreApplication.translate("ExportDialog", u"&Mois", None))
        self.who_label.setText(QCoreApplication.translate("ExportDialog", u"&Pour", None))
        self.format_label.setText(QCoreApplication.translate("ExportDialog", u"Formats", None))
        self.pdf_check.setText(QCoreApplication.translate("ExportDialog", u"P&DF (\u00e0 signer)", None))
        self.xlsx_check.setText(QCoreApplication.translate("ExportDialog", u"E&xcel (.xlsx)", None))
        self.folder_label.setText(QCoreApplication.translate("ExportDialog", u"&Dossier", None))
        self.browse_button.setText(QCoreApplication.translate("ExportDialog", u"P&arcourir\u2026", None))
        self.open_after_check.setText(QCoreApplication.translate("ExportDialog", u"&Ouvrir les documents apr\u00e8s l'export", None))
        self.message_label.setText("")
    # retranslateUi

