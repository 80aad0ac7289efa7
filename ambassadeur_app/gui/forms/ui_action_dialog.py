# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout)

from ambassadeur_app.gui.widgets.link_picker import LinkPicker

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.resize(760, 420)
        self.dialog_layout = QVBoxLayout(ActionDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.title_label = QLabel(ActionDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(ActionDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.mission_label = QLabel(ActionDialog)
        self.mission_label.setObjectName(u"mission_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.mission_label)

        self.mission_layout = QHBoxLayout()
        self.mission_layout.setObjectName(u"mission_layout")
        self.mission_combo = QComboBox(ActionDialog)
        self.mission_combo.setObjectName(u"mission_combo")

        self.mission_layout.addWidget(self.mission_combo)

        self.responsible_label = QLabel(ActionDialog)
        self.responsible_label.setObjectName(u"responsible_label")

        self.mission_layout.addWidget(self.responsible_label)

        self.responsible_combo = QComboBox(ActionDialog)
        self.responsible_combo.setObjectName(u"responsible_combo")

        self.mission_layout.addWidget(self.responsible_combo)

        self.mission_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mission_layout.addItem(self.mission_spacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.mission_layout)

        self.planned_label = QLabel(ActionDialog)
        self.planned_label.setObjectName(u"planned_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.planned_label)

        self.planned_layout = QHBoxLayout()
        self.planned_layout.setObjectName(u"planned_layout")
        self.planned_start_edit = QDateEdit(ActionDialog)
        self.planned_start_edit.setObjectName(u"planned_start_edit")
        self.planned_start_edit.setCalendarPopup(True)

        self.planned_layout.addWidget(self.planned_start_edit)

        self.planned_end_label = QLabel(ActionDialog)
        self.planned_end_label.setObjectName(u"planned_end_label")

        self.planned_layout.addWidget(self.planned_end_label)

        self.planned_end_edit = QDateEdit(ActionDialog)
        self.planned_end_edit.setObjectName(u"planned_end_edit")
        self.planned_end_edit.setCalendarPopup(True)

        self.planned_layout.addWidget(self.planned_end_edit)

        self.planned_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.planned_layout.addItem(self.planned_spacer)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.planned_layout)

        self.status_label = QLabel(ActionDialog)
        self.status_label.setObjectName(u"status_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.actual_layout = QHBoxLayout()
        self.actual_layout.setObjectName(u"actual_layout")
        self.status_combo = QComboBox(ActionDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.actual_layout.addWidget(self.status_combo)

        self.actual_start_check = QCheckBox(ActionDialog)
        self.actual_start_check.setObjectName(u"actual_start_check")

        self.actual_layout.addWidget(self.actual_start_check)

        self.actual_start_edit = QDateEdit(ActionDialog)
        self.actual_start_edit.setObjectName(u"actual_start_edit")
        self.actual_start_edit.setCalendarPopup(True)

        self.actual_layout.addWidget(self.actual_start_edit)

        self.actual_end_check = QCheckBox(ActionDialog)
        self.actual_end_check.setObjectName(u"actual_end_check")

        self.actual_layout.addWidget(self.actual_end_check)

        self.actual_end_edit = QDateEdit(ActionDialog)
        self.actual_end_edit.setObjectName(u"actual_end_edit")
        self.actual_end_edit.setCalendarPopup(True)

        self.actual_layout.addWidget(self.actual_end_edit)

        self.actual_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actual_layout.addItem(self.actual_spacer)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.actual_layout)

        self.description_label = QLabel(ActionDialog)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(ActionDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.description_edit)


        self.dialog_layout.addLayout(self.form)

        self.links_group = QGroupBox(ActionDialog)
        self.links_group.setObjectName(u"links_group")
        self.links_layout = QVBoxLayout(self.links_group)
        self.links_layout.setObjectName(u"links_layout")
        self.link_picker = LinkPicker(self.links_group)
        self.link_picker.setObjectName(u"link_picker")

        self.links_layout.addWidget(self.link_picker)


        self.dialog_layout.addWidget(self.links_group)

        self.message_label = QLabel(ActionDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(ActionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.mission_label.setBuddy(self.mission_combo)
        self.responsible_label.setBuddy(self.responsible_combo)
        self.planned_label.setBuddy(self.planned_start_edit)
        self.planned_end_label.setBuddy(self.planned_end_edit)
        self.status_label.setBuddy(self.status_combo)
        self.description_label.setBuddy(self.description_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionDialog)

        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Action du r\u00e9troplanning", None))
        self.title_label.setText(QCoreApplication.translate("ActionDialog", u"&Titre", None))
        self.mission_label.setText(QCoreApplication.translate("ActionDialog", u"M&ission", None))
        self.responsible_label.setText(QCoreApplication.translate("ActionDialog", u"Respo&nsable", None))
        self.planned_label.setText(QCoreApplication.translate("ActionDialog", u"&Pr\u00e9vue du", None))
        self.planned_start_edit.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd/MM/yyyy", None))
        self.planned_end_label.setText(QCoreApplication.translate("ActionDialog", u"a&u", None))
        self.planned_end_edit.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd/MM/yyyy", None))
        self.status_label.setText(QCoreApplication.translate("ActionDialog", u"&Statut", None))
        self.actual_start_check.setText(QCoreApplication.translate("ActionDialog", u"Commenc\u00e9e &le", None))
        self.actual_start_edit.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd/MM/yyyy", None))
        self.actual_end_check.setText(QCoreApplication.translate("ActionDialog", u"Achev\u00e9e l&e", None))
        self.actual_end_edit.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd/MM/yyyy", None))
        self.description_label.setText(QCoreApplication.translate("ActionDialog", u"&Description", None))
        self.links_group.setTitle(QCoreApplication.translate("ActionDialog", u"R\u00e9alis\u00e9e par (\u00e9v\u00e9nements et entr\u00e9es du carnet)", None))
    # retranslateUi

