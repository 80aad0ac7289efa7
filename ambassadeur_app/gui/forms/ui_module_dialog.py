# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'module_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout)

class Ui_ModuleDialog(object):
    def setupUi(self, ModuleDialog):
        if not ModuleDialog.objectName():
            ModuleDialog.setObjectName(u"ModuleDialog")
        ModuleDialog.resize(620, 520)
        self.dialog_layout = QVBoxLayout(ModuleDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.title_label = QLabel(ModuleDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(ModuleDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.duration_label = QLabel(ModuleDialog)
        self.duration_label.setObjectName(u"duration_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.duration_label)

        self.duration_edit = QLineEdit(ModuleDialog)
        self.duration_edit.setObjectName(u"duration_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.duration_edit)

        self.audience_label = QLabel(ModuleDialog)
        self.audience_label.setObjectName(u"audience_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.audience_label)

        self.audience_edit = QLineEdit(ModuleDialog)
        self.audience_edit.setObjectName(u"audience_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.audience_edit)

        self.objectives_label = QLabel(ModuleDialog)
        self.objectives_label.setObjectName(u"objectives_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.objectives_label)

        self.objectives_edit = QPlainTextEdit(ModuleDialog)
        self.objectives_edit.setObjectName(u"objectives_edit")
        self.objectives_edit.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.objectives_edit)

        self.content_label = QLabel(ModuleDialog)
        self.content_label.setObjectName(u"content_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content_edit = QPlainTextEdit(ModuleDialog)
        self.content_edit.setObjectName(u"content_edit")
        self.content_edit.setTabChangesFocus(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.content_edit)

        self.services_label = QLabel(ModuleDialog)
        self.services_label.setObjectName(u"services_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.services_label)

        self.services_layout = QHBoxLayout()
        self.services_layout.setObjectName(u"services_layout")
        self.mes_check = QCheckBox(ModuleDialog)
        self.mes_check.setObjectName(u"mes_check")

        self.services_layout.addWidget(self.mes_check)

        self.insi_check = QCheckBox(ModuleDialog)
        self.insi_check.setObjectName(u"insi_check")

        self.services_layout.addWidget(self.insi_check)

        self.dmp_check = QCheckBox(ModuleDialog)
        self.dmp_check.setObjectName(u"dmp_check")

        self.services_layout.addWidget(self.dmp_check)

        self.messaging_check = QCheckBox(ModuleDialog)
        self.messaging_check.setObjectName(u"messaging_check")

        self.services_layout.addWidget(self.messaging_check)

        self.services_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.services_layout.addItem(self.services_spacer)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.services_layout)


        self.dialog_layout.addLayout(self.form)

        self.message_label = QLabel(ModuleDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(ModuleDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.duration_label.setBuddy(self.duration_edit)
        self.audience_label.setBuddy(self.audience_edit)
        self.objectives_label.setBuddy(self.objectives_edit)
        self.content_label.setBuddy(self.content_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ModuleDialog)

        QMetaObject.connectSlotsByName(ModuleDialog)
    # setupUi

    def retranslateUi(self, ModuleDialog):
        ModuleDialog.setWindowTitle(QCoreApplication.translate("ModuleDialog", u"Module de formation", None))
        self.title_label.setText(QCoreApplication.translate("ModuleDialog", u"&Titre", None))
        self.duration_label.setText(QCoreApplication.translate("ModuleDialog", u"&Dur\u00e9e", None))
        self.duration_edit.setPlaceholderText(QCoreApplication.translate("ModuleDialog", u"ex. 2h, 1h30, 90 min", None))
        self.audience_label.setText(QCoreApplication.translate("ModuleDialog", u"&Public", None))
        self.objectives_label.setText(QCoreApplication.translate("ModuleDialog", u"&Objectifs", None))
        self.content_label.setText(QCoreApplication.translate("ModuleDialog", u"&Contenu", None))
        self.services_label.setText(QCoreApplication.translate("ModuleDialog", u"Services nationaux", None))
        self.mes_check.setText(QCoreApplication.translate("ModuleDialog", u"Mon espace sant\u00e9", None))
        self.insi_check.setText(QCoreApplication.translate("ModuleDialog", u"INSi", None))
        self.dmp_check.setText(QCoreApplication.translate("ModuleDialog", u"DMP", None))
        self.messaging_check.setText(QCoreApplication.translate("ModuleDialog", u"Messagerie s\u00e9curis\u00e9e", None))
    # retranslateUi

