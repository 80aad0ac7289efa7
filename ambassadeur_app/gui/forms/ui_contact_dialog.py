# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListView,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout)

class Ui_ContactDialog(object):
    def setupUi(self, ContactDialog):
        if not ContactDialog.objectName():
            ContactDialog.setObjectName(u"ContactDialog")
        ContactDialog.resize(620, 700)
        self.main_layout = QVBoxLayout(ContactDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_edit_label = QLabel(ContactDialog)
        self.date_edit_label.setObjectName(u"date_edit_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_edit_label)

        self.date_edit = QDateEdit(ContactDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.ambassador_combo_label = QLabel(ContactDialog)
        self.ambassador_combo_label.setObjectName(u"ambassador_combo_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ambassador_combo_label)

        self.ambassador_combo = QComboBox(ContactDialog)
        self.ambassador_combo.setObjectName(u"ambassador_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ambassador_combo)

        self.channel_combo_label = QLabel(ContactDialog)
        self.channel_combo_label.setObjectName(u"channel_combo_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.channel_combo_label)

        self.channel_combo = QComboBox(ContactDialog)
        self.channel_combo.setObjectName(u"channel_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.channel_combo)

        self.mission_combo_label = QLabel(ContactDialog)
        self.mission_combo_label.setObjectName(u"mission_combo_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mission_combo_label)

        self.mission_combo = QComboBox(ContactDialog)
        self.mission_combo.setObjectName(u"mission_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mission_combo)

        self.time_layout = QHBoxLayout()
        self.time_layout.setObjectName(u"time_layout")
        self.time_layout.setContentsMargins(0, 0, 0, 0)
        self.time_check = QCheckBox(ContactDialog)
        self.time_check.setObjectName(u"time_check")
        self.time_check.setChecked(True)

        self.time_layout.addWidget(self.time_check)

        self.duration_edit = QLineEdit(ContactDialog)
        self.duration_edit.setObjectName(u"duration_edit")
        self.duration_edit.setMaximumWidth(90)

        self.time_layout.addWidget(self.duration_edit)

        self.activity_combo = QComboBox(ContactDialog)
        self.activity_combo.setObjectName(u"activity_combo")
        self.activity_combo.setEditable(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.activity_combo.sizePolicy().hasHeightForWidth())
        self.activity_combo.setSizePolicy(sizePolicy)

        self.time_layout.addWidget(self.activity_combo)


        self.form_layout.setLayout(4, QFormLayout.ItemRole.SpanningRole, self.time_layout)

        self.subject_edit_label = QLabel(ContactDialog)
        self.subject_edit_label.setObjectName(u"subject_edit_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.subject_edit_label)

        self.subject_edit = QLineEdit(ContactDialog)
        self.subject_edit.setObjectName(u"subject_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.subject_edit)

        self.structure_combo_label = QLabel(ContactDialog)
        self.structure_combo_label.setObjectName(u"structure_combo_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.structure_combo_label)

        self.structure_combo = QComboBox(ContactDialog)
        self.structure_combo.setObjectName(u"structure_combo")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.structure_combo)

        self.people_label = QLabel(ContactDialog)
        self.people_label.setObjectName(u"people_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.people_label)

        self.people_layout = QHBoxLayout()
        self.people_layout.setObjectName(u"people_layout")
        self.people_layout.setContentsMargins(0, 0, 0, 0)
        self.people_filter_edit = QLineEdit(ContactDialog)
        self.people_filter_edit.setObjectName(u"people_filter_edit")
        self.people_filter_edit.setClearButtonEnabled(True)

        self.people_layout.addWidget(self.people_filter_edit)

        self.new_person_button = QPushButton(ContactDialog)
        self.new_person_button.setObjectName(u"new_person_button")

        self.people_layout.addWidget(self.new_person_button)


        self.form_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.people_layout)

        self.people_list = QListView(ContactDialog)
        self.people_list.setObjectName(u"people_list")
        self.people_list.setUniformItemSizes(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.SpanningRole, self.people_list)

        self.people_count_label = QLabel(ContactDialog)
        self.people_count_label.setObjectName(u"people_count_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.people_count_label)

        self.outcome_label = QLabel(ContactDialog)
        self.outcome_label.setObjectName(u"outcome_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome_edit = QPlainTextEdit(ContactDialog)
        self.outcome_edit.setObjectName(u"outcome_edit")
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setMaximumHeight(90)

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.outcome_edit)

        self.next_step_edit_label = QLabel(ContactDialog)
        self.next_step_edit_label.setObjectName(u"next_step_edit_label")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.next_step_edit_label)

        self.next_step_edit = QLineEdit(ContactDialog)
        self.next_step_edit.setObjectName(u"next_step_edit")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.next_step_edit)

        self.due_layout = QHBoxLayout()
        self.due_layout.setObjectName(u"due_layout")
        self.due_layout.setContentsMargins(0, 0, 0, 0)
        self.due_check = QCheckBox(ContactDialog)
        self.due_check.setObjectName(u"due_check")

        self.due_layout.addWidget(self.due_check)

        self.due_edit = QDateEdit(ContactDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setCalendarPopup(True)

        self.due_layout.addWidget(self.due_edit)

        self.due_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.due_layout.addItem(self.due_spacer)


        self.form_layout.setLayout(12, QFormLayout.ItemRole.SpanningRole, self.due_layout)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ContactDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(ContactDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_edit_label.setBuddy(self.date_edit)
        self.ambassador_combo_label.setBuddy(self.ambassador_combo)
        self.channel_combo_label.setBuddy(self.channel_combo)
        self.mission_combo_label.setBuddy(self.mission_combo)
        self.subject_edit_label.setBuddy(self.subject_edit)
        self.structure_combo_label.setBuddy(self.structure_combo)
        self.people_label.setBuddy(self.people_filter_edit)
        self.outcome_label.setBuddy(self.outcome_edit)
        self.next_step_edit_label.setBuddy(self.next_step_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactDialog)

        QMetaObject.connectSlotsByName(ContactDialog)
    # setupUi

    def retranslateUi(self, ContactDialog):
        ContactDialog.setWindowTitle(QCoreApplication.translate("ContactDialog", u"Noter un contact", None))
        self.date_edit_label.setText(QCoreApplication.translate("ContactDialog", u"&Date", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ContactDialog", u"dd/MM/yyyy", None))
        self.ambassador_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Ambassadeur", None))
        self.channel_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Canal", None))
        self.mission_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Mission", None))
        self.time_check.setText(QCoreApplication.translate("ContactDialog", u"&Noter aussi le temps pass\u00e9 :", None))
        self.duration_edit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"1h30", None))
        self.subject_edit_label.setText(QCoreApplication.translate("ContactDialog", u"&Objet", None))
        self.structure_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Structure", None))
        self.people_label.setText(QCoreApplication.translate("ContactDialog", u"&Professionnels", None))
        self.people_filter_edit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"Rechercher : nom, commune, RPPS\u2026", None))
        self.new_person_button.setText(QCoreApplication.translate("ContactDialog", u"No&uveau professionnel\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_person_button.setToolTip(QCoreApplication.translate("ContactDialog", u"Cr\u00e9er la fiche d'une personne absente du registre ; elle est coch\u00e9e pour ce contact", None))
#endif // QT_CONFIG(tooltip)
        self.people_count_label.setText("")
        self.outcome_label.setText(QCoreApplication.translate("ContactDialog", u"&R\u00e9sultat", None))
        self.next_step_edit_label.setText(QCoreApplication.translate("ContactDialog", u"Prochaine \u00e9&tape", None))
        self.due_check.setText(QCoreApplication.translate("ContactDialog", u"\u00e0 faire pour le", None))
        self.due_edit.setDisplayFormat(QCoreApplication.translate("ContactDialog", u"dd/MM/yyyy", None))
        self.message_label.setText("")
    # retranslateUi

