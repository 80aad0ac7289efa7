# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'secure_copy_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_SecureCopyDialog(object):
    def setupUi(self, SecureCopyDialog):
        if not SecureCopyDialog.objectName():
            SecureCopyDialog.setObjectName(u"SecureCopyDialog")
        SecureCopyDialog.resize(620, 420)
        self.dialog_layout = QVBoxLayout(SecureCopyDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.tabs = QTabWidget(SecureCopyDialog)
        self.tabs.setObjectName(u"tabs")
        self.copy_tab = QWidget()
        self.copy_tab.setObjectName(u"copy_tab")
        self.copy_layout = QVBoxLayout(self.copy_tab)
        self.copy_layout.setObjectName(u"copy_layout")
        self.copy_info_label = QLabel(self.copy_tab)
        self.copy_info_label.setObjectName(u"copy_info_label")
        self.copy_info_label.setWordWrap(True)
        self.copy_info_label.setTextFormat(Qt.RichText)

        self.copy_layout.addWidget(self.copy_info_label)

        self.copy_form = QFormLayout()
        self.copy_form.setObjectName(u"copy_form")
        self.target_label = QLabel(self.copy_tab)
        self.target_label.setObjectName(u"target_label")

        self.copy_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.target_label)

        self.target_row = QHBoxLayout()
        self.target_row.setObjectName(u"target_row")
        self.target_edit = QLineEdit(self.copy_tab)
        self.target_edit.setObjectName(u"target_edit")

        self.target_row.addWidget(self.target_edit)

        self.target_button = QPushButton(self.copy_tab)
        self.target_button.setObjectName(u"target_button")
        self.target_button.setAutoDefault(False)

        self.target_row.addWidget(self.target_button)


        self.copy_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.target_row)

        self.passphrase_label = QLabel(self.copy_tab)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.copy_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(self.copy_tab)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.Password)

        self.copy_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)

        self.confirm_label = QLabel(self.copy_tab)
        self.confirm_label.setObjectName(u"confirm_label")

        self.copy_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(self.copy_tab)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.Password)

        self.copy_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirm_edit)

        self.show_check = QCheckBox(self.copy_tab)
        self.show_check.setObjectName(u"show_check")

        self.copy_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.show_check)


        self.copy_layout.addLayout(self.copy_form)

        self.rules_label = QLabel(self.copy_tab)
        self.rules_label.setObjectName(u"rules_label")
        self.rules_label.setWordWrap(True)

        self.copy_layout.addWidget(self.rules_label)

        self.copy_message_label = QLabel(self.copy_tab)
        self.copy_message_label.setObjectName(u"copy_message_label")
        self.copy_message_label.setWordWrap(True)
        self.copy_message_label.setTextFormat(Qt.RichText)

        self.copy_layout.addWidget(self.copy_message_label)

        self.copy_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.copy_layout.addItem(self.copy_spacer)

        self.tabs.addTab(self.copy_tab, "")
        self.restore_tab = QWidget()
        self.restore_tab.setObjectName(u"restore_tab")
        self.restore_layout = QVBoxLayout(self.restore_tab)
        self.restore_layout.setObjectName(u"restore_layout")
        self.restore_info_label = QLabel(self.restore_tab)
        self.restore_info_label.setObjectName(u"restore_info_label")
        self.restore_info_label.setWordWrap(True)

        self.restore_layout.addWidget(self.restore_info_label)

        self.restore_form = QFormLayout()
        self.restore_form.setObjectName(u"restore_form")
        self.source_label = QLabel(self.restore_tab)
        self.source_label.setObjectName(u"source_label")

        self.restore_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_row = QHBoxLayout()
        self.source_row.setObjectName(u"source_row")
        self.source_edit = QLineEdit(self.restore_tab)
        self.source_edit.setObjectName(u"source_edit")

        self.source_row.addWidget(self.source_edit)

        self.source_button = QPushButton(self.restore_tab)
        self.source_button.setObjectName(u"source_button")
        self.source_button.setAutoDefault(False)

        self.source_row.addWidget(self.source_button)


        self.restore_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.source_row)

        self.restore_passphrase_label = QLabel(self.restore_tab)
        self.restore_passphrase_label.setObjectName(u"restore_passphrase_label")

        self.restore_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.restore_passphrase_label)

        self.restore_passphrase_edit = QLineEdit(self.restore_tab)
        self.restore_passphrase_edit.setObjectName(u"restore_passphrase_edit")
        self.restore_passphrase_edit.setEchoMode(QLineEdit.Password)

        self.restore_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.restore_passphrase_edit)


        self.restore_layout.addLayout(self.restore_form)

        self.restore_message_label = QLabel(self.restore_tab)
        self.restore_message_label.setObjectName(u"restore_message_label")
        self.restore_message_label.setWordWrap(True)
        self.restore_message_label.setTextFormat(Qt.RichText)

        self.restore_layout.addWidget(self.restore_message_label)

        self.restore_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.restore_layout.addItem(self.restore_spacer)

        self.tabs.addTab(self.restore_tab, "")

        self.dialog_layout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(SecureCopyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.target_label.setBuddy(self.target_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
        self.source_label.setBuddy(self.source_edit)
        self.restore_passphrase_label.setBuddy(self.restore_passphrase_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.target_edit)
        QWidget.setTabOrder(self.target_edit, self.target_button)
        QWidget.setTabOrder(self.target_button, self.passphrase_edit)
        QWidget.setTabOrder(self.passphrase_edit, self.confirm_edit)
        QWidget.setTabOrder(self.confirm_edit, self.show_check)
        QWidget.setTabOrder(self.show_check, self.source_edit)
        QWidget.setTabOrder(self.source_edit, self.source_button)
        QWidget.setTabOrder(self.source_button, self.restore_passphrase_edit)

        self.retranslateUi(SecureCopyDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SecureCopyDialog)
    # setupUi

    def retranslateUi(self, SecureCopyDialog):
        SecureCopyDialog.setWindowTitle(QCoreApplication.translate("SecureCopyDialog", u"Copier le carnet hors de l'ordinateur", None))
        self.copy_info_label.setText("")
        self.target_label.setText(QCoreApplication.translate("SecureCopyDialog", u"&Fichier de la copie :", None))
        self.target_button.setText(QCoreApplication.translate("SecureCopyDialog", u"C&hoisir\u2026", None))
        self.passphrase_label.setText(QCoreApplication.translate("SecureCopyDialog", u"Phrase &secr\u00e8te :", None))
        self.passphrase_edit.setPlaceholderText(QCoreApplication.translate("SecureCopyDialog", u"au moins 10 caract\u00e8res, par exemple quatre mots", None))
        self.confirm_label.setText(QCoreApplication.translate("SecureCopyDialog", u"C&onfirmation :", None))
        self.show_check.setText(QCoreApplication.translate("SecureCopyDialog", u"&Afficher la phrase secr\u00e8te", None))
        self.rules_label.setText("")
        self.copy_message_label.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.copy_tab), QCoreApplication.translate("SecureCopyDialog", u"Co&pier sur une cl\u00e9 ou un dossier", None))
        self.restore_info_label.setText("")
        self.source_label.setText(QCoreApplication.translate("SecureCopyDialog", u"&Copie \u00e0 restaurer :", None))
        self.source_button.setText(QCoreApplication.translate("SecureCopyDialog", u"Ch&oisir\u2026", None))
        self.restore_passphrase_label.setText(QCoreApplication.translate("SecureCopyDialog", u"Phrase &secr\u00e8te :", None))
        self.restore_message_label.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.restore_tab), QCoreApplication.translate("SecureCopyDialog", u"&Restaurer une copie chiffr\u00e9e", None))
    # retranslateUi

