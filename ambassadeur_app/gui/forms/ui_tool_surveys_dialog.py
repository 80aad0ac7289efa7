# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tool_surveys_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableWidget, QVBoxLayout)

class Ui_ToolSurveysDialog(object):
    def setupUi(self, ToolSurveysDialog):
        if not ToolSurveysDialog.objectName():
            ToolSurveysDialog.setObjectName(u"ToolSurveysDialog")
        ToolSurveysDialog.resize(860, 520)
        self.dialog_layout = QVBoxLayout(ToolSurveysDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.explanation_label = QLabel(ToolSurveysDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explanation_label)

        self.diffusions_table = QTableWidget(ToolSurveysDialog)
        self.diffusions_table.setObjectName(u"diffusions_table")
        self.diffusions_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.diffusions_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.diffusions_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.dialog_layout.addWidget(self.diffusions_table)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.open_button = QPushButton(ToolSurveysDialog)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.open_button)

        self.delete_button = QPushButton(ToolSurveysDialog)
        self.delete_button.setObjectName(u"delete_button")
        self.delete_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.delete_button)

        self.template_button = QPushButton(ToolSurveysDialog)
        self.template_button.setObjectName(u"template_button")
        self.template_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.template_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.dialog_layout.addLayout(self.actions_layout)

        self.new_box = QGroupBox(ToolSurveysDialog)
        self.new_box.setObjectName(u"new_box")
        self.new_layout = QFormLayout(self.new_box)
        self.new_layout.setObjectName(u"new_layout")
        self.date_label = QLabel(self.new_box)
        self.date_label.setObjectName(u"date_label")

        self.new_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(self.new_box)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.new_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.channel_label = QLabel(self.new_box)
        self.channel_label.setObjectName(u"channel_label")

        self.new_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel_combo = QComboBox(self.new_box)
        self.channel_combo.setObjectName(u"channel_combo")

        self.new_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channel_combo)

        self.recipients_label = QLabel(self.new_box)
        self.recipients_label.setObjectName(u"recipients_label")

        self.new_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recipients_label)

        self.recipients_spin = QSpinBox(self.new_box)
        self.recipients_spin.setObjectName(u"recipients_spin")
        self.recipients_spin.setMaximum(1000000)

        self.new_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recipients_spin)

        self.who_label = QLabel(self.new_box)
        self.who_label.setObjectName(u"who_label")

        self.new_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.who_label)

        self.who_edit = QLineEdit(self.new_box)
        self.who_edit.setObjectName(u"who_edit")

        self.new_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.who_edit)

        self.add_button = QPushButton(self.new_box)
        self.add_button.setObjectName(u"add_button")
        self.add_button.setAutoDefault(False)

        self.new_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.add_button)


        self.dialog_layout.addWidget(self.new_box)

        self.status_label = QLabel(ToolSurveysDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(ToolSurveysDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.channel_label.setBuddy(self.channel_combo)
        self.recipients_label.setBuddy(self.recipients_spin)
        self.who_label.setBuddy(self.who_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ToolSurveysDialog)

        QMetaObject.connectSlotsByName(ToolSurveysDialog)
    # setupUi

    def retranslateUi(self, ToolSurveysDialog):
        ToolSurveysDialog.setWindowTitle(QCoreApplication.translate("ToolSurveysDialog", u"Questionnaire sur Parceo et son utilisation", None))
        self.explanation_label.setText("")
        self.open_button.setText(QCoreApplication.translate("ToolSurveysDialog", u"&R\u00e9ponses et r\u00e9sultats\u2026", None))
        self.delete_button.setText(QCoreApplication.translate("ToolSurveysDialog", u"&Supprimer la diffusion", None))
        self.template_button.setText(QCoreApplication.translate("ToolSurveysDialog", u"Modifier le &mod\u00e8le\u2026", None))
        self.new_box.setTitle(QCoreApplication.translate("ToolSurveysDialog", u"Nouvelle diffusion", None))
        self.date_label.setText(QCoreApplication.translate("ToolSurveysDialog", u"&Date :", None))
        self.channel_label.setText(QCoreApplication.translate("ToolSurveysDialog", u"&Canal :", None))
        self.recipients_label.setText(QCoreApplication.translate("ToolSurveysDialog", u"&Nombre de destinataires :", None))
        self.who_label.setText(QCoreApplication.translate("ToolSurveysDialog", u"Destinataires (&qui) :", None))
        self.who_edit.setPlaceholderText(QCoreApplication.translate("ToolSurveysDialog", u"Par exemple : professionnels lib\u00e9raux de la CPTS (liste de diffusion)", None))
        self.add_button.setText(QCoreApplication.translate("ToolSurveysDialog", u"&Enregistrer la diffusion", None))
        self.status_label.setText("")
    # retranslateUi

