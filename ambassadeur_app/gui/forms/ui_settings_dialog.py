# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

from ambassadeur_app.gui.widgets.programme_form import ProgrammeForm

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(640, 600)
        self.dialog_layout = QVBoxLayout(SettingsDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.programme_tab = QWidget()
        self.programme_tab.setObjectName(u"programme_tab")
        self.programme_tab_layout = QVBoxLayout(self.programme_tab)
        self.programme_tab_layout.setObjectName(u"programme_tab_layout")
        self.programme_form = ProgrammeForm(self.programme_tab)
        self.programme_form.setObjectName(u"programme_form")

        self.programme_tab_layout.addWidget(self.programme_form)

        self.tabs.addTab(self.programme_tab, "")
        self.binome_tab = QWidget()
        self.binome_tab.setObjectName(u"binome_tab")
        self.binome_tab_layout = QVBoxLayout(self.binome_tab)
        self.binome_tab_layout.setObjectName(u"binome_tab_layout")
        self.ambassador_list = QListWidget(self.binome_tab)
        self.ambassador_list.setObjectName(u"ambassador_list")

        self.binome_tab_layout.addWidget(self.ambassador_list)

        self.ambassador_group = QGroupBox(self.binome_tab)
        self.ambassador_group.setObjectName(u"ambassador_group")
        self.ambassador_layout = QFormLayout(self.ambassador_group)
        self.ambassador_layout.setObjectName(u"ambassador_layout")
        self.name_label = QLabel(self.ambassador_group)
        self.name_label.setObjectName(u"name_label")

        self.ambassador_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.ambassador_group)
        self.name_edit.setObjectName(u"name_edit")

        self.ambassador_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.role_label = QLabel(self.ambassador_group)
        self.role_label.setObjectName(u"role_label")

        self.ambassador_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(self.ambassador_group)
        self.role_combo.setObjectName(u"role_combo")

        self.ambassador_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.profession_label = QLabel(self.ambassador_group)
        self.profession_label.setObjectName(u"profession_label")

        self.ambassador_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.profession_label)

        self.profession_edit = QLineEdit(self.ambassador_group)
        self.profession_edit.setObjectName(u"profession_edit")

        self.ambassador_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.profession_edit)

        self.email_label = QLabel(self.ambassador_group)
        self.email_label.setObjectName(u"email_label")

        self.ambassador_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(self.ambassador_group)
        self.email_edit.setObjectName(u"email_edit")

        self.ambassador_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.active_check = QCheckBox(self.ambassador_group)
        self.active_check.setObjectName(u"active_check")

        self.ambassador_layout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.active_check)


        self.binome_tab_layout.addWidget(self.ambassador_group)

        self.ambassador_buttons = QHBoxLayout()
        self.ambassador_buttons.setObjectName(u"ambassador_buttons")
        self.new_ambassador_button = QPushButton(self.binome_tab)
        self.new_ambassador_button.setObjectName(u"new_ambassador_button")

        self.ambassador_buttons.addWidget(self.new_ambassador_button)

        self.ambassador_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ambassador_buttons.addItem(self.ambassador_spacer)


        self.binome_tab_layout.addLayout(self.ambassador_buttons)

        self.tabs.addTab(self.binome_tab, "")
        self.activities_tab = QWidget()
        self.activities_tab.setObjectName(u"activities_tab")
        self.activities_tab_layout = QVBoxLayout(self.activities_tab)
        self.activities_tab_layout.setObjectName(u"activities_tab_layout")
        self.activities_help_label = QLabel(self.activities_tab)
        self.activities_help_label.setObjectName(u"activities_help_label")
        self.activities_help_label.setWordWrap(True)

        self.activities_tab_layout.addWidget(self.activities_help_label)

        self.activity_mission_combo = QComboBox(self.activities_tab)
        self.activity_mission_combo.setObjectName(u"activity_mission_combo")

        self.activities_tab_layout.addWidget(self.activity_mission_combo)

        self.activity_list = QListWidget(self.activities_tab)
        self.activity_list.setObjectName(u"activity_list")

        self.activities_tab_layout.addWidget(self.activity_list)

        self.activity_buttons = QHBoxLayout()
        self.activity_buttons.setObjectName(u"activity_buttons")
        self.new_activity_edit = QLineEdit(self.activities_tab)
        self.new_activity_edit.setObjectName(u"new_activity_edit")

        self.activity_buttons.addWidget(self.new_activity_edit)

        self.add_activity_button = QPushButton(self.activities_tab)
        self.add_activity_button.setObjectName(u"add_activity_button")

        self.activity_buttons.addWidget(self.add_activity_button)

        self.remove_activity_button = QPushButton(self.activities_tab)
        self.remove_activity_button.setObjectName(u"remove_activity_button")

        self.activity_buttons.addWidget(self.remove_activity_button)


        self.activities_tab_layout.addLayout(self.activity_buttons)

        self.tabs.addTab(self.activities_tab, "")

        self.dialog_layout.addWidget(self.tabs)

        self.message_label = QLabel(SettingsDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.role_label.setBuddy(self.role_combo)
        self.profession_label.setBuddy(self.profession_edit)
        self.email_label.setBuddy(self.email_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Param\u00e8tres du carnet", None))
        self.tabs.setTabText(self.tabs.indexOf(self.programme_tab), QCoreApplication.translate("SettingsDialog", u"&Programme", None))
        self.ambassador_group.setTitle(QCoreApplication.translate("SettingsDialog", u"Ambassadeur s\u00e9lectionn\u00e9", None))
        self.name_label.setText(QCoreApplication.translate("SettingsDialog", u"&Nom", None))
        self.role_label.setText(QCoreApplication.translate("SettingsDialog", u"&R\u00f4le", None))
        self.profession_label.setText(QCoreApplication.translate("SettingsDialog", u"&Profession", None))
        self.email_label.setText(QCoreApplication.translate("SettingsDialog", u"&E-mail", None))
        self.active_check.setText(QCoreApplication.translate("SettingsDialog", u"&Actif (propos\u00e9 dans la saisie)", None))
        self.new_ambassador_button.setText(QCoreApplication.translate("SettingsDialog", u"&Nouvel ambassadeur", None))
        self.tabs.setTabText(self.tabs.indexOf(self.binome_tab), QCoreApplication.translate("SettingsDialog", u"&Bin\u00f4me", None))
        self.activities_help_label.setText(QCoreApplication.translate("SettingsDialog", u"Chaque mission a sa liste d'activit\u00e9s, propos\u00e9e \u00e0 la saisie. Une activit\u00e9 tap\u00e9e dans la saisie s'ajoute d'elle-m\u00eame \u00e0 la liste.", None))
        self.new_activity_edit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Nouvelle activit\u00e9", None))
        self.add_activity_button.setText(QCoreApplication.translate("SettingsDialog", u"A&jouter", None))
        self.remove_activity_button.setText(QCoreApplication.translate("SettingsDialog", u"&Retirer de la liste", None))
        self.tabs.setTabText(self.tabs.indexOf(self.activities_tab), QCoreApplication.translate("SettingsDialog", u"&Activit\u00e9s", None))
        self.message_label.setText("")
    # retranslateUi

