# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QTimeEdit,
    QVBoxLayout)

class Ui_EventDialog(object):
    def setupUi(self, EventDialog):
        if not EventDialog.objectName():
            EventDialog.setObjectName(u"EventDialog")
        EventDialog.resize(960, 480)
        self.dialog_layout = QVBoxLayout(EventDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.left_form = QFormLayout()
        self.left_form.setObjectName(u"left_form")
        self.kind_label = QLabel(EventDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.left_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(EventDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.left_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.title_label = QLabel(EventDialog)
        self.title_label.setObjectName(u"title_label")

        self.left_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(EventDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.left_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.mission_label = QLabel(EventDialog)
        self.mission_label.setObjectName(u"mission_label")

        self.left_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.mission_label)

        self.mission_layout = QHBoxLayout()
        self.mission_layout.setObjectName(u"mission_layout")
        self.mission_combo = QComboBox(EventDialog)
        self.mission_combo.setObjectName(u"mission_combo")

        self.mission_layout.addWidget(self.mission_combo)

        self.status_label = QLabel(EventDialog)
        self.status_label.setObjectName(u"status_label")

        self.mission_layout.addWidget(self.status_label)

        self.status_combo = QComboBox(EventDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.mission_layout.addWidget(self.status_combo)

        self.mission_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mission_layout.addItem(self.mission_spacer)


        self.left_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.mission_layout)

        self.module_label = QLabel(EventDialog)
        self.module_label.setObjectName(u"module_label")

        self.left_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.module_label)

        self.module_combo = QComboBox(EventDialog)
        self.module_combo.setObjectName(u"module_combo")

        self.left_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.module_combo)

        self.sessions_label = QLabel(EventDialog)
        self.sessions_label.setObjectName(u"sessions_label")

        self.left_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sessions_label)

        self.sessions_layout = QGridLayout()
        self.sessions_layout.setObjectName(u"sessions_layout")
        self.day_header = QLabel(EventDialog)
        self.day_header.setObjectName(u"day_header")

        self.sessions_layout.addWidget(self.day_header, 0, 1, 1, 1)

        self.start_header = QLabel(EventDialog)
        self.start_header.setObjectName(u"start_header")

        self.sessions_layout.addWidget(self.start_header, 0, 2, 1, 1)

        self.end_header = QLabel(EventDialog)
        self.end_header.setObjectName(u"end_header")

        self.sessions_layout.addWidget(self.end_header, 0, 3, 1, 1)

        self.sessions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sessions_layout.addItem(self.sessions_spacer, 0, 4, 1, 1)

        self.session_check_1 = QCheckBox(EventDialog)
        self.session_check_1.setObjectName(u"session_check_1")

        self.sessions_layout.addWidget(self.session_check_1, 1, 0, 1, 1)

        self.day_edit_1 = QDateEdit(EventDialog)
        self.day_edit_1.setObjectName(u"day_edit_1")
        self.day_edit_1.setCalendarPopup(True)

        self.sessions_layout.addWidget(self.day_edit_1, 1, 1, 1, 1)

        self.start_edit_1 = QTimeEdit(EventDialog)
        self.start_edit_1.setObjectName(u"start_edit_1")

        self.sessions_layout.addWidget(self.start_edit_1, 1, 2, 1, 1)

        self.end_edit_1 = QTimeEdit(EventDialog)
        self.end_edit_1.setObjectName(u"end_edit_1")

        self.sessions_layout.addWidget(self.end_edit_1, 1, 3, 1, 1)

        self.session_check_2 = QCheckBox(EventDialog)
        self.session_check_2.setObjectName(u"session_check_2")

        self.sessions_layout.addWidget(self.session_check_2, 2, 0, 1, 1)

        self.day_edit_2 = QDateEdit(EventDialog)
        self.day_edit_2.setObjectName(u"day_edit_2")
        self.day_edit_2.setCalendarPopup(True)

        self.sessions_layout.addWidget(self.day_edit_2, 2, 1, 1, 1)

        self.start_edit_2 = QTimeEdit(EventDialog)
        self.start_edit_2.setObjectName(u"start_edit_2")

        self.sessions_layout.addWidget(self.start_edit_2, 2, 2, 1, 1)

        self.end_edit_2 = QTimeEdit(EventDialog)
        self.end_edit_2.setObjectName(u"end_edit_2")

        self.sessions_layout.addWidget(self.end_edit_2, 2, 3, 1, 1)

        self.session_check_3 = QCheckBox(EventDialog)
        self.session_check_3.setObjectName(u"session_check_3")

        self.sessions_layout.addWidget(self.session_check_3, 3, 0, 1, 1)

        self.day_edit_3 = QDateEdit(EventDialog)
        self.day_edit_3.setObjectName(u"day_edit_3")
        self.day_edit_3.setCalendarPopup(True)

        self.sessions_layout.addWidget(self.day_edit_3, 3, 1, 1, 1)

        self.start_edit_3 = QTimeEdit(EventDialog)
        self.start_edit_3.setObjectName(u"start_edit_3")

        self.sessions_layout.addWidget(self.start_edit_3, 3, 2, 1, 1)

        self.end_edit_3 = QTimeEdit(EventDialog)
        self.end_edit_3.setObjectName(u"end_edit_3")

        self.sessions_layout.addWidget(self.end_edit_3, 3, 3, 1, 1)

        self.session_check_4 = QCheckBox(EventDialog)
        self.session_check_4.setObjectName(u"session_check_4")

        self.sessions_layout.addWidget(self.session_check_4, 4, 0, 1, 1)

        self.day_edit_4 = QDateEdit(EventDialog)
        self.day_edit_4.setObjectName(u"day_edit_4")
        self.day_edit_4.setCalendarPopup(True)

        self.sessions_layout.addWidget(self.day_edit_4, 4, 1, 1, 1)

        self.start_edit_4 = QTimeEdit(EventDialog)
        self.start_edit_4.setObjectName(u"start_edit_4")

        self.sessions_layout.addWidget(self.start_edit_4, 4, 2, 1, 1)

        self.end_edit_4 = QTimeEdit(EventDialog)
        self.end_edit_4.setObjectName(u"end_edit_4")

        self.sessions_layout.addWidget(self.end_edit_4, 4, 3, 1, 1)


        self.left_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.sessions_layout)

        self.place_label = QLabel(EventDialog)
        self.place_label.setObjectName(u"place_label")

        self.left_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(EventDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.left_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.online_check = QCheckBox(EventDialog)
        self.online_check.setObjectName(u"online_check")

        self.left_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.online_check)

        self.link_edit = QLineEdit(EventDialog)
        self.link_edit.setObjectName(u"link_edit")

        self.left_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.link_edit)

        self.open_check = QCheckBox(EventDialog)
        self.open_check.setObjectName(u"open_check")

        self.left_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.open_check)

        self.pulsy_check = QCheckBox(EventDialog)
        self.pulsy_check.setObjectName(u"pulsy_check")

        self.left_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.pulsy_check)


        self.columns_layout.addLayout(self.left_form)

        self.right_form = QFormLayout()
        self.right_form.setObjectName(u"right_form")
        self.organisers_label = QLabel(EventDialog)
        self.organisers_label.setObjectName(u"organisers_label")

        self.right_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organisers_label)

        self.organisers_layout = QVBoxLayout()
        self.organisers_layout.setObjectName(u"organisers_layout")

        self.right_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.organisers_layout)

        self.speakers_label = QLabel(EventDialog)
        self.speakers_label.setObjectName(u"speakers_label")

        self.right_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.speakers_label)

        self.speakers_edit = QPlainTextEdit(EventDialog)
        self.speakers_edit.setObjectName(u"speakers_edit")
        self.speakers_edit.setTabChangesFocus(True)

        self.right_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.speakers_edit)

        self.agenda_label = QLabel(EventDialog)
        self.agenda_label.setObjectName(u"agenda_label")

        self.right_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agenda_label)

        self.agenda_edit = QPlainTextEdit(EventDialog)
        self.agenda_edit.setObjectName(u"agenda_edit")
        self.agenda_edit.setTabChangesFocus(True)

        self.right_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agenda_edit)


        self.columns_layout.addLayout(self.right_form)

        self.columns_layout.setStretch(0, 3)
        self.columns_layout.setStretch(1, 2)

        self.dialog_layout.addLayout(self.columns_layout)

        self.message_label = QLabel(EventDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(EventDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
        self.title_label.setBuddy(self.title_edit)
        self.mission_label.setBuddy(self.mission_combo)
        self.status_label.setBuddy(self.status_combo)
        self.module_label.setBuddy(self.module_combo)
        self.place_label.setBuddy(self.place_edit)
        self.speakers_label.setBuddy(self.speakers_edit)
        self.agenda_label.setBuddy(self.agenda_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EventDialog)

        QMetaObject.connectSlotsByName(EventDialog)
    # setupUi

    def retranslateUi(self, EventDialog):
        EventDialog.setWindowTitle(QCoreApplication.translate("EventDialog", u"\u00c9v\u00e9nement", None))
        self.kind_label.setText(QCoreApplication.translate("EventDialog", u"&Type", None))
        self.title_label.setText(QCoreApplication.translate("EventDialog", u"T&itre", None))
        self.mission_label.setText(QCoreApplication.translate("EventDialog", u"M&ission", None))
        self.status_label.setText(QCoreApplication.translate("EventDialog", u"&Statut", None))
        self.module_label.setText(QCoreApplication.translate("EventDialog", u"Mod&ule", None))
        self.sessions_label.setText(QCoreApplication.translate("EventDialog", u"Demi-journ\u00e9es", None))
        self.day_header.setText(QCoreApplication.translate("EventDialog", u"Date", None))
        self.start_header.setText(QCoreApplication.translate("EventDialog", u"D\u00e9but", None))
        self.end_header.setText(QCoreApplication.translate("EventDialog", u"Fin", None))
        self.session_check_1.setText(QCoreApplication.translate("EventDialog", u"1", None))
        self.day_edit_1.setDisplayFormat(QCoreApplication.translate("EventDialog", u"dd/MM/yyyy", None))
        self.start_edit_1.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.end_edit_1.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.session_check_2.setText(QCoreApplication.translate("EventDialog", u"2", None))
        self.day_edit_2.setDisplayFormat(QCoreApplication.translate("EventDialog", u"dd/MM/yyyy", None))
        self.start_edit_2.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.end_edit_2.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.session_check_3.setText(QCoreApplication.translate("EventDialog", u"3", None))
        self.day_edit_3.setDisplayFormat(QCoreApplication.translate("EventDialog", u"dd/MM/yyyy", None))
        self.start_edit_3.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.end_edit_3.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.session_check_4.setText(QCoreApplication.translate("EventDialog", u"4", None))
        self.day_edit_4.setDisplayFormat(QCoreApplication.translate("EventDialog", u"dd/MM/yyyy", None))
        self.start_edit_4.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.end_edit_4.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.place_label.setText(QCoreApplication.translate("EventDialog", u"&Lieu", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"Salle, adresse, commune", None))
        self.online_check.setText(QCoreApplication.translate("EventDialog", u"En l&igne", None))
        self.link_edit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"Lien de connexion (https://\u2026)", None))
        self.open_check.setText(QCoreApplication.translate("EventDialog", u"Ouvert \u00e0 tout le &d\u00e9partement", None))
        self.pulsy_check.setText(QCoreApplication.translate("EventDialog", u"Formateur &Pulsy pr\u00e9sent", None))
        self.organisers_label.setText(QCoreApplication.translate("EventDialog", u"Organis\u00e9 par", None))
        self.speakers_label.setText(QCoreApplication.translate("EventDialog", u"Interve&nants", None))
        self.speakers_edit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"Un intervenant par ligne", None))
        self.agenda_label.setText(QCoreApplication.translate("EventDialog", u"&Ordre du jour", None))
    # retranslateUi

