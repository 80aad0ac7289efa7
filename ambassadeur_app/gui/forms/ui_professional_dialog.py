# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'professional_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListView,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_ProfessionalDialog(object):
    def setupUi(self, ProfessionalDialog):
        if not ProfessionalDialog.objectName():
            ProfessionalDialog.setObjectName(u"ProfessionalDialog")
        ProfessionalDialog.resize(560, 720)
        self.layout_32 = QVBoxLayout(ProfessionalDialog)
        self.layout_32.setObjectName(u"layout_32")
        self.layout_31 = QFormLayout()
        self.layout_31.setObjectName(u"layout_31")
        self.civility_combo_label = QLabel(ProfessionalDialog)
        self.civility_combo_label.setObjectName(u"civility_combo_label")

        self.layout_31.setWidget(0, QFormLayout.ItemRole.LabelRole, self.civility_combo_label)

        self.civility_combo = QComboBox(ProfessionalDialog)
        self.civility_combo.setObjectName(u"civility_combo")

        self.layout_31.setWidget(0, QFormLayout.ItemRole.FieldRole, self.civility_combo)

        self.last_name_edit_label = QLabel(ProfessionalDialog)
        self.last_name_edit_label.setObjectName(u"last_name_edit_label")

        self.layout_31.setWidget(1, QFormLayout.ItemRole.LabelRole, self.last_name_edit_label)

        self.last_name_edit = QLineEdit(ProfessionalDialog)
        self.last_name_edit.setObjectName(u"last_name_edit")

        self.layout_31.setWidget(1, QFormLayout.ItemRole.FieldRole, self.last_name_edit)

        self.first_name_edit_label = QLabel(ProfessionalDialog)
        self.first_name_edit_label.setObjectName(u"first_name_edit_label")

        self.layout_31.setWidget(2, QFormLayout.ItemRole.LabelRole, self.first_name_edit_label)

        self.first_name_edit = QLineEdit(ProfessionalDialog)
        self.first_name_edit.setObjectName(u"first_name_edit")

        self.layout_31.setWidget(2, QFormLayout.ItemRole.FieldRole, self.first_name_edit)

        self.profession_combo_label = QLabel(ProfessionalDialog)
        self.profession_combo_label.setObjectName(u"profession_combo_label")

        self.layout_31.setWidget(3, QFormLayout.ItemRole.LabelRole, self.profession_combo_label)

        self.profession_combo = QComboBox(ProfessionalDialog)
        self.profession_combo.setObjectName(u"profession_combo")

        self.layout_31.setWidget(3, QFormLayout.ItemRole.FieldRole, self.profession_combo)

        self.specialty_combo_label = QLabel(ProfessionalDialog)
        self.specialty_combo_label.setObjectName(u"specialty_combo_label")

        self.layout_31.setWidget(4, QFormLayout.ItemRole.LabelRole, self.specialty_combo_label)

        self.specialty_combo = QComboBox(ProfessionalDialog)
        self.specialty_combo.setObjectName(u"specialty_combo")

        self.layout_31.setWidget(4, QFormLayout.ItemRole.FieldRole, self.specialty_combo)

        self.rpps_edit_label = QLabel(ProfessionalDialog)
        self.rpps_edit_label.setObjectName(u"rpps_edit_label")

        self.layout_31.setWidget(5, QFormLayout.ItemRole.LabelRole, self.rpps_edit_label)

        self.rpps_edit = QLineEdit(ProfessionalDialog)
        self.rpps_edit.setObjectName(u"rpps_edit")

        self.layout_31.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rpps_edit)

        self.practice_combo_label = QLabel(ProfessionalDialog)
        self.practice_combo_label.setObjectName(u"practice_combo_label")

        self.layout_31.setWidget(6, QFormLayout.ItemRole.LabelRole, self.practice_combo_label)

        self.practice_combo = QComboBox(ProfessionalDialog)
        self.practice_combo.setObjectName(u"practice_combo")

        self.layout_31.setWidget(6, QFormLayout.ItemRole.FieldRole, self.practice_combo)

        self.structures_label = QLabel(ProfessionalDialog)
        self.structures_label.setObjectName(u"structures_label")

        self.layout_31.setWidget(7, QFormLayout.ItemRole.LabelRole, self.structures_label)

        self.structures_layout = QVBoxLayout()
        self.structures_layout.setSpacing(2)
        self.structures_layout.setObjectName(u"structures_layout")
        self.structures_filter_edit = QLineEdit(ProfessionalDialog)
        self.structures_filter_edit.setObjectName(u"structures_filter_edit")
        self.structures_filter_edit.setClearButtonEnabled(True)

        self.structures_layout.addWidget(self.structures_filter_edit)

        self.structures_list = QListView(ProfessionalDialog)
        self.structures_list.setObjectName(u"structures_list")
        self.structures_list.setUniformItemSizes(True)

        self.structures_layout.addWidget(self.structures_list)

        self.structures_count_label = QLabel(ProfessionalDialog)
        self.structures_count_label.setObjectName(u"structures_count_label")

        self.structures_layout.addWidget(self.structures_count_label)


        self.layout_31.setLayout(7, QFormLayout.ItemRole.FieldRole, self.structures_layout)

        self.commune_edit_label = QLabel(ProfessionalDialog)
        self.commune_edit_label.setObjectName(u"commune_edit_label")

        self.layout_31.setWidget(8, QFormLayout.ItemRole.LabelRole, self.commune_edit_label)

        self.commune_edit = QLineEdit(ProfessionalDialog)
        self.commune_edit.setObjectName(u"commune_edit")

        self.layout_31.setWidget(8, QFormLayout.ItemRole.FieldRole, self.commune_edit)

        self.postal_code_edit_label = QLabel(ProfessionalDialog)
        self.postal_code_edit_label.setObjectName(u"postal_code_edit_label")

        self.layout_31.setWidget(9, QFormLayout.ItemRole.LabelRole, self.postal_code_edit_label)

        self.postal_code_edit = QLineEdit(ProfessionalDialog)
        self.postal_code_edit.setObjectName(u"postal_code_edit")

        self.layout_31.setWidget(9, QFormLayout.ItemRole.FieldRole, self.postal_code_edit)

        self.email_edit_label = QLabel(ProfessionalDialog)
        self.email_edit_label.setObjectName(u"email_edit_label")

        self.layout_31.setWidget(10, QFormLayout.ItemRole.LabelRole, self.email_edit_label)

        self.email_edit = QLineEdit(ProfessionalDialog)
        self.email_edit.setObjectName(u"email_edit")

        self.layout_31.setWidget(10, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.phone_edit_label = QLabel(ProfessionalDialog)
        self.phone_edit_label.setObjectName(u"phone_edit_label")

        self.layout_31.setWidget(11, QFormLayout.ItemRole.LabelRole, self.phone_edit_label)

        self.phone_edit = QLineEdit(ProfessionalDialog)
        self.phone_edit.setObjectName(u"phone_edit")

        self.layout_31.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.parceo_combo_label = QLabel(ProfessionalDialog)
        self.parceo_combo_label.setObjectName(u"parceo_combo_label")

        self.layout_31.setWidget(12, QFormLayout.ItemRole.LabelRole, self.parceo_combo_label)

        self.parceo_combo = QComboBox(ProfessionalDialog)
        self.parceo_combo.setObjectName(u"parceo_combo")

        self.layout_31.setWidget(12, QFormLayout.ItemRole.FieldRole, self.parceo_combo)

        self.layout_30 = QHBoxLayout()
        self.layout_30.setObjectName(u"layout_30")
        self.layout_30.setContentsMargins(0, 0, 0, 0)
        self.since_check = QCheckBox(ProfessionalDialog)
        self.since_check.setObjectName(u"since_check")

        self.layout_30.addWidget(self.since_check)

        self.since_edit = QDateEdit(ProfessionalDialog)
        self.since_edit.setObjectName(u"since_edit")
        self.since_edit.setCalendarPopup(True)

        self.layout_30.addWidget(self.since_edit)

        self.spacer_29 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_30.addItem(self.spacer_29)


        self.layout_31.setLayout(13, QFormLayout.ItemRole.SpanningRole, self.layout_30)

        self.notes_label = QLabel(ProfessionalDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.layout_31.setWidget(14, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(ProfessionalDialog)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.layout_31.setWidget(14, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.layout_32.addLayout(self.layout_31)

        self.message_label = QLabel(ProfessionalDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.layout_32.addWidget(self.message_label)

        self.not_duplicate_check = QCheckBox(ProfessionalDialog)
        self.not_duplicate_check.setObjectName(u"not_duplicate_check")

        self.layout_32.addWidget(self.not_duplicate_check)

        self.buttons = QDialogButtonBox(ProfessionalDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout_32.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.civility_combo_label.setBuddy(self.civility_combo)
        self.last_name_edit_label.setBuddy(self.last_name_edit)
        self.first_name_edit_label.setBuddy(self.first_name_edit)
        self.profession_combo_label.setBuddy(self.profession_combo)
        self.specialty_combo_label.setBuddy(self.specialty_combo)
        self.rpps_edit_label.setBuddy(self.rpps_edit)
        self.practice_combo_label.setBuddy(self.practice_combo)
        self.structures_label.setBuddy(self.structures_filter_edit)
        self.commune_edit_label.setBuddy(self.commune_edit)
        self.postal_code_edit_label.setBuddy(self.postal_code_edit)
        self.email_edit_label.setBuddy(self.email_edit)
        self.phone_edit_label.setBuddy(self.phone_edit)
        self.parceo_combo_label.setBuddy(self.parceo_combo)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfessionalDialog)

        QMetaObject.connectSlotsByName(ProfessionalDialog)
    # setupUi

    def retranslateUi(self, ProfessionalDialog):
        ProfessionalDialog.setWindowTitle(QCoreApplication.translate("ProfessionalDialog", u"Professionnel", None))
        self.civility_combo_label.setText(QCoreApplication.translate("ProfessionalDialog", u"&Civilit\u00e9", None))
        self.last_name_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"&Nom", None))
        self.first_name_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"&Pr\u00e9nom", None))
        self.profession_combo_label.setText(QCoreApplication.translate("ProfessionalDialog", u"P&rofession", None))
        self.specialty_combo_label.setText(QCoreApplication.translate("ProfessionalDialog", u"&Sp\u00e9cialit\u00e9", None))
        self.rpps_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"N\u00b0 R&PPS", None))
        self.rpps_edit.setPlaceholderText(QCoreApplication.translate("ProfessionalDialog", u"11 chiffres (facultatif)", None))
        self.practice_combo_label.setText(QCoreApplication.translate("ProfessionalDialog", u"&Exercice", None))
        self.structures_label.setText(QCoreApplication.translate("ProfessionalDialog", u"S&tructures", None))
        self.structures_filter_edit.setPlaceholderText(QCoreApplication.translate("ProfessionalDialog", u"Filtrer : nom, commune ou FINESS\u2026", None))
        self.structures_count_label.setText("")
        self.commune_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"C&ommune", None))
        self.postal_code_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"Code post&al", None))
        self.email_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"E-&mail", None))
        self.phone_edit_label.setText(QCoreApplication.translate("ProfessionalDialog", u"T\u00e9l\u00e9p&hone", None))
        self.parceo_combo_label.setText(QCoreApplication.translate("ProfessionalDialog", u"Compte Parce&o", None))
        self.since_check.setText(QCoreApplication.translate("ProfessionalDialog", u"depuis le", None))
        self.since_edit.setDisplayFormat(QCoreApplication.translate("ProfessionalDialog", u"dd/MM/yyyy", None))
        self.notes_label.setText(QCoreApplication.translate("ProfessionalDialog", u"Notes", None))
        self.message_label.setText("")
        self.not_duplicate_check.setText(QCoreApplication.translate("ProfessionalDialog", u"Ce n'est pas la m\u00eame personne : enregistrer une nouvelle fiche", None))
    # retranslateUi

