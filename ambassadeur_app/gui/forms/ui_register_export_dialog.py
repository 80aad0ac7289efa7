# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_RegisterExportDialog(object):
    def setupUi(self, RegisterExportDialog):
        if not RegisterExportDialog.objectName():
            RegisterExportDialog.setObjectName(u"RegisterExportDialog")
        RegisterExportDialog.resize(560, 280)
        self.layout_61 = QVBoxLayout(RegisterExportDialog)
        self.layout_61.setObjectName(u"layout_61")
        self.layout_60 = QFormLayout()
        self.layout_60.setObjectName(u"layout_60")
        self.kind_combo_label = QLabel(RegisterExportDialog)
        self.kind_combo_label.setObjectName(u"kind_combo_label")

        self.layout_60.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_combo_label)

        self.kind_combo = QComboBox(RegisterExportDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.layout_60.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.period_label = QLabel(RegisterExportDialog)
        self.period_label.setObjectName(u"period_label")

        self.layout_60.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.layout_56 = QHBoxLayout()
        self.layout_56.setObjectName(u"layout_56")
        self.layout_56.setContentsMargins(0, 0, 0, 0)
        self.first_edit = QDateEdit(RegisterExportDialog)
        self.first_edit.setObjectName(u"first_edit")
        self.first_edit.setCalendarPopup(True)

        self.layout_56.addWidget(self.first_edit)

        self.to_label = QLabel(RegisterExportDialog)
        self.to_label.setObjectName(u"to_label")

        self.layout_56.addWidget(self.to_label)

        self.last_edit = QDateEdit(RegisterExportDialog)
        self.last_edit.setObjectName(u"last_edit")
        self.last_edit.setCalendarPopup(True)

        self.layout_56.addWidget(self.last_edit)

        self.period_note = QLabel(RegisterExportDialog)
        self.period_note.setObjectName(u"period_note")

        self.layout_56.addWidget(self.period_note)

        self.spacer_55 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_56.addItem(self.spacer_55)


        self.layout_60.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout_56)

        self.formats_label = QLabel(RegisterExportDialog)
        self.formats_label.setObjectName(u"formats_label")

        self.layout_60.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formats_label)

        self.layout_58 = QHBoxLayout()
        self.layout_58.setObjectName(u"layout_58")
        self.layout_58.setContentsMargins(0, 0, 0, 0)
        self.pdf_check = QCheckBox(RegisterExportDialog)
        self.pdf_check.setObjectName(u"pdf_check")

        self.layout_58.addWidget(self.pdf_check)

        self.xlsx_check = QCheckBox(RegisterExportDialog)
        self.xlsx_check.setObjectName(u"xlsx_check")

        self.layout_58.addWidget(self.xlsx_check)

        self.spacer_57 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_58.addItem(self.spacer_57)


        self.layout_60.setLayout(2, QFormLayout.ItemRole.FieldRole, self.layout_58)

        self.folder_label = QLabel(RegisterExportDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.layout_60.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.layout_59 = QHBoxLayout()
        self.layout_59.setObjectName(u"layout_59")
        self.layout_59.setContentsMargins(0, 0, 0, 0)
        self.folder_edit = QLineEdit(RegisterExportDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.layout_59.addWidget(self.folder_edit)

        self.browse_button = QPushButton(RegisterExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.layout_59.addWidget(self.browse_button)


        self.layout_60.setLayout(3, QFormLayout.ItemRole.FieldRole, self.layout_59)

        self.open_after_check = QCheckBox(RegisterExportDialog)
        self.open_after_check.setObjectName(u"open_after_check")

        self.layout_60.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.open_after_check)


        self.layout_61.addLayout(self.layout_60)

        self.message_label = QLabel(RegisterExportDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.layout_61.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(RegisterExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout_61.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kind_combo_label.setBuddy(self.kind_combo)
        self.period_label.setBuddy(self.first_edit)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegisterExportDialog)

        QMetaObject.connectSlotsByName(RegisterExportDialog)
    # setupUi

    def retranslateUi(self, RegisterExportDialog):
        RegisterExportDialog.setWindowTitle(QCoreApplication.translate("RegisterExportDialog", u"Exporter les tableaux de justification", None))
        self.kind_combo_label.setText(QCoreApplication.translate("RegisterExportDialog", u"&Document", None))
        self.period_label.setText(QCoreApplication.translate("RegisterExportDialog", u"&P\u00e9riode du", None))
        self.first_edit.setDisplayFormat(QCoreApplication.translate("RegisterExportDialog", u"dd/MM/yyyy", None))
        self.to_label.setText(QCoreApplication.translate("RegisterExportDialog", u"au", None))
        self.last_edit.setDisplayFormat(QCoreApplication.translate("RegisterExportDialog", u"dd/MM/yyyy", None))
        self.period_note.setText(QCoreApplication.translate("RegisterExportDialog", u"Tout le programme : chaque \u00e9v\u00e9nement du carnet", None))
        self.formats_label.setText(QCoreApplication.translate("RegisterExportDialog", u"Formats", None))
        self.pdf_check.setText(QCoreApplication.translate("RegisterExportDialog", u"PD&F", None))
        self.xlsx_check.setText(QCoreApplication.translate("RegisterExportDialog", u"E&xcel (.xlsx)", None))
        self.folder_label.setText(QCoreApplication.translate("RegisterExportDialog", u"Dossi&er", None))
        self.browse_button.setText(QCoreApplication.translate("RegisterExportDialog", u"P&arcourir\u2026", None))
        self.open_after_check.setText(QCoreApplication.translate("RegisterExportDialog", u"&Ouvrir les documents apr\u00e8s l'export", None))
        self.message_label.setText("")
    # retranslateUi

