# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entry_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit,
    QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QVBoxLayout)

class Ui_EntryDialog(object):
    def setupUi(self, EntryDialog):
        if not EntryDialog.objectName():
            EntryDialog.setObjectName(u"EntryDialog")
        EntryDialog.resize(520, 420)
        self.dialog_layout = QVBoxLayout(EntryDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_label = QLabel(EntryDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(EntryDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.ambassador_label = QLabel(EntryDialog)
        self.ambassador_label.setObjectName(u"ambassador_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ambassador_label)

        self.ambassador_combo = QComboBox(EntryDialog)
        self.ambassador_combo.setObjectName(u"ambassador_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ambassador_combo)

        self.mission_label = QLabel(EntryDialog)
        self.mission_label.setObjectName(u"mission_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.mission_label)

        self.mission_combo = QComboBox(EntryDialog)
        self.mission_combo.setObjectName(u"mission_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.mission_combo)

        self.activity_label = QLabel(EntryDialog)
        self.activity_label.setObjectName(u"activity_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.activity_label)

        self.activity_combo = QComboBox(EntryDialog)
        self.activity_combo.setObjectName(u"activity_combo")
        self.activity_combo.setEditable(True)
        self.activity_combo.setInsertPolicy(QComboBox.NoInsert)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.activity_combo)

        self.duration_label = QLabel(EntryDialog)
        self.duration_label.setObjectName(u"duration_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.duration_label)

        self.duration_edit = QLineEdit(EntryDialog)
        self.duration_edit.setObjectName(u"duration_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.duration_edit)

        self.start_label = QLabel(EntryDialog)
        self.start_label.setObjectName(u"start_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_edit = QLineEdit(EntryDialog)
        self.start_edit.setObjectName(u"start_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.start_edit)

        self.place_label = QLabel(EntryDialog)
        self.place_label.setObjectName(u"place_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(EntryDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.description_label = QLabel(EntryDialog)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(EntryDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.description_edit)


        self.dialog_layout.addLayout(self.form_layout)

        self.message_label = QLabel(EntryDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(EntryDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.ambassador_label.setBuddy(self.ambassador_combo)
        self.mission_label.setBuddy(self.mission_combo)
        self.activity_label.setBuddy(self.activity_combo)
        self.duration_label.setBuddy(self.duration_edit)
        self.start_label.setBuddy(self.start_edit)
        self.place_label.setBuddy(self.place_edit)
        self.description_label.setBuddy(self.description_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EntryDialog)

        QMetaObject.connectSlotsByName(EntryDialog)
    # setupUi

    def retranslateUi(self, EntryDialog):
        EntryDialog.setWindowTitle(QCoreApplication.translate("EntryDialog", u"Modifier l'entr\u00e9e", None))
        self.date_label.setText(QCoreApplication.translate("EntryDialog", u"&Date", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("EntryDialog", u"dddd dd/MM/yyyy", None))
        self.ambassador_label.setText(QCoreApplication.translate("EntryDialog", u"&Ambassadeur", None))
        self.mission_label.setText(QCoreApplication.translate("EntryDialog", u"&Mission", None))
        self.activity_label.setText(QCoreApplication.translate("EntryDialog", u"Acti&vit\u00e9", None))
        self.duration_label.setText(QCoreApplication.translate("EntryDialog", u"D&ur\u00e9e", None))
        self.duration_edit.setPlaceholderText(QCoreApplication.translate("EntryDialog", u"1h30, 1,5, 1:30 ou 90 min", None))
        self.start_label.setText(QCoreApplication.translate("EntryDialog", u"Heure de d\u00e9&but", None))
        self.start_edit.setPlaceholderText(QCoreApplication.translate("EntryDialog", u"facultative, par exemple 09:30", None))
        self.place_label.setText(QCoreApplication.translate("EntryDialog", u"&Lieu", None))
        self.description_label.setText(QCoreApplication.translate("EntryDialog", u"Descri&ption", None))
        self.message_label.setText("")
    # retranslateUi

