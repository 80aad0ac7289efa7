# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pack_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_PackDialog(object):
    def setupUi(self, PackDialog):
        if not PackDialog.objectName():
            PackDialog.setObjectName(u"PackDialog")
        PackDialog.resize(760, 560)
        self.dialog_layout = QVBoxLayout(PackDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(PackDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.findings_label = QLabel(PackDialog)
        self.findings_label.setObjectName(u"findings_label")

        self.dialog_layout.addWidget(self.findings_label)

        self.findings_list = QListWidget(PackDialog)
        self.findings_list.setObjectName(u"findings_list")
        self.findings_list.setWordWrap(True)
        self.findings_list.setAlternatingRowColors(True)

        self.dialog_layout.addWidget(self.findings_list)

        self.check_row = QHBoxLayout()
        self.check_row.setObjectName(u"check_row")
        self.show_button = QPushButton(PackDialog)
        self.show_button.setObjectName(u"show_button")

        self.check_row.addWidget(self.show_button)

        self.recheck_button = QPushButton(PackDialog)
        self.recheck_button.setObjectName(u"recheck_button")

        self.check_row.addWidget(self.recheck_button)

        self.check_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.check_row.addItem(self.check_spacer)


        self.dialog_layout.addLayout(self.check_row)

        self.output_form = QFormLayout()
        self.output_form.setObjectName(u"output_form")
        self.folder_label = QLabel(PackDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.output_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_edit = QLineEdit(PackDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(PackDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)


        self.output_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folder_row)

        self.zip_check = QCheckBox(PackDialog)
        self.zip_check.setObjectName(u"zip_check")
        self.zip_check.setChecked(True)

        self.output_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.zip_check)

        self.open_check = QCheckBox(PackDialog)
        self.open_check.setObjectName(u"open_check")
        self.open_check.setChecked(True)

        self.output_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.open_check)


        self.dialog_layout.addLayout(self.output_form)

        self.progress_bar = QProgressBar(PackDialog)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setValue(0)

        self.dialog_layout.addWidget(self.progress_bar)

        self.buttons = QDialogButtonBox(PackDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.findings_label.setBuddy(self.findings_list)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackDialog)

        QMetaObject.connectSlotsByName(PackDialog)
    # setupUi

    def retranslateUi(self, PackDialog):
        PackDialog.setWindowTitle(QCoreApplication.translate("PackDialog", u"Pr\u00e9parer le dossier de justification", None))
        self.summary_label.setText("")
        self.findings_label.setText(QCoreApplication.translate("PackDialog", u"&Points \u00e0 corriger (double-clic ou Entr\u00e9e : aller \u00e0 l'endroit o\u00f9 le corriger) :", None))
        self.show_button.setText(QCoreApplication.translate("PackDialog", u"Aller \u00e0 l'&endroit \u00e0 corriger", None))
        self.recheck_button.setText(QCoreApplication.translate("PackDialog", u"&V\u00e9rifier de nouveau", None))
        self.folder_label.setText(QCoreApplication.translate("PackDialog", u"&Dossier \u00e0 cr\u00e9er :", None))
        self.browse_button.setText(QCoreApplication.translate("PackDialog", u"&Parcourir\u2026", None))
        self.zip_check.setText(QCoreApplication.translate("PackDialog", u"\u00c9crire aussi une archive .&zip \u00e0 c\u00f4t\u00e9 du dossier", None))
        self.open_check.setText(QCoreApplication.translate("PackDialog", u"&Ouvrir le dossier une fois \u00e9crit", None))
        self.progress_bar.setFormat(QCoreApplication.translate("PackDialog", u"%v / %m documents", None))
    # retranslateUi

