# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attendance_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox,
    QDialogButtonBox, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout)

class Ui_AttendanceDialog(object):
    def setupUi(self, AttendanceDialog):
        if not AttendanceDialog.objectName():
            AttendanceDialog.setObjectName(u"AttendanceDialog")
        AttendanceDialog.resize(940, 620)
        self.dialog_layout = QVBoxLayout(AttendanceDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.event_label = QLabel(AttendanceDialog)
        self.event_label.setObjectName(u"event_label")
        self.event_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.event_label)

        self.table_view = QTableView(AttendanceDialog)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.table_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table_view.setWordWrap(False)

        self.dialog_layout.addWidget(self.table_view)

        self.count_label = QLabel(AttendanceDialog)
        self.count_label.setObjectName(u"count_label")
        self.count_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.count_label)

        self.walk_in_box = QGroupBox(AttendanceDialog)
        self.walk_in_box.setObjectName(u"walk_in_box")
        self.walk_in_layout = QHBoxLayout(self.walk_in_box)
        self.walk_in_layout.setObjectName(u"walk_in_layout")
        self.last_name_label = QLabel(self.walk_in_box)
        self.last_name_label.setObjectName(u"last_name_label")

        self.walk_in_layout.addWidget(self.last_name_label)

        self.last_name_edit = QLineEdit(self.walk_in_box)
        self.last_name_edit.setObjectName(u"last_name_edit")

        self.walk_in_layout.addWidget(self.last_name_edit)

        self.first_name_label = QLabel(self.walk_in_box)
        self.first_name_label.setObjectName(u"first_name_label")

        self.walk_in_layout.addWidget(self.first_name_label)

        self.first_name_edit = QLineEdit(self.walk_in_box)
        self.first_name_edit.setObjectName(u"first_name_edit")

        self.walk_in_layout.addWidget(self.first_name_edit)

        self.profession_label = QLabel(self.walk_in_box)
        self.profession_label.setObjectName(u"profession_label")

        self.walk_in_layout.addWidget(self.profession_label)

        self.profession_combo = QComboBox(self.walk_in_box)
        self.profession_combo.setObjectName(u"profession_combo")
        self.profession_combo.setEditable(True)
        self.profession_combo.setInsertPolicy(QComboBox.NoInsert)

        self.walk_in_layout.addWidget(self.profession_combo)

        self.commune_label = QLabel(self.walk_in_box)
        self.commune_label.setObjectName(u"commune_label")

        self.walk_in_layout.addWidget(self.commune_label)

        self.commune_edit = QLineEdit(self.walk_in_box)
        self.commune_edit.setObjectName(u"commune_edit")

        self.walk_in_layout.addWidget(self.commune_edit)

        self.add_button = QPushButton(self.walk_in_box)
        self.add_button.setObjectName(u"add_button")

        self.walk_in_layout.addWidget(self.add_button)


        self.dialog_layout.addWidget(self.walk_in_box)

        self.message_label = QLabel(AttendanceDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(AttendanceDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.dialog_layout.addWidget(self.buttons)

        self.dialog_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.last_name_label.setBuddy(self.last_name_edit)
        self.first_name_label.setBuddy(self.first_name_edit)
        self.profession_label.setBuddy(self.profession_combo)
        self.commune_label.setBuddy(self.commune_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AttendanceDialog)

        QMetaObject.connectSlotsByName(AttendanceDialog)
    # setupUi

    def retranslateUi(self, AttendanceDialog):
        AttendanceDialog.setWindowTitle(QCoreApplication.translate("AttendanceDialog", u"Pr\u00e9sences", None))
        self.walk_in_box.setTitle(QCoreApplication.translate("AttendanceDialog", u"Ajouter une personne venue sans invitation", None))
        self.last_name_label.setText(QCoreApplication.translate("AttendanceDialog", u"N&om", None))
        self.first_name_label.setText(QCoreApplication.translate("AttendanceDialog", u"P&r\u00e9nom", None))
        self.profession_label.setText(QCoreApplication.translate("AttendanceDialog", u"Pro&fession", None))
        self.commune_label.setText(QCoreApplication.translate("AttendanceDialog", u"Co&mmune", None))
        self.add_button.setText(QCoreApplication.translate("AttendanceDialog", u"&Ajouter", None))
    # retranslateUi

