# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'invite_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit,
    QDialogButtonBox, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

class Ui_InviteDialog(object):
    def setupUi(self, InviteDialog):
        if not InviteDialog.objectName():
            InviteDialog.setObjectName(u"InviteDialog")
        InviteDialog.resize(940, 600)
        self.dialog_layout = QVBoxLayout(InviteDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.event_label = QLabel(InviteDialog)
        self.event_label.setObjectName(u"event_label")
        self.event_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.event_label)

        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.search_edit = QLineEdit(InviteDialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)

        self.group_combo = QComboBox(InviteDialog)
        self.group_combo.setObjectName(u"group_combo")

        self.filter_layout.addWidget(self.group_combo)

        self.type_combo = QComboBox(InviteDialog)
        self.type_combo.setObjectName(u"type_combo")

        self.filter_layout.addWidget(self.type_combo)

        self.status_combo = QComboBox(InviteDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_layout.addWidget(self.status_combo)


        self.dialog_layout.addLayout(self.filter_layout)

        self.scope_filters = ScopeFilters(InviteDialog)
        self.scope_filters.setObjectName(u"scope_filters")

        self.dialog_layout.addWidget(self.scope_filters)

        self.people_list = QListView(InviteDialog)
        self.people_list.setObjectName(u"people_list")
        self.people_list.setUniformItemSizes(True)

        self.dialog_layout.addWidget(self.people_list)

        self.select_layout = QHBoxLayout()
        self.select_layout.setObjectName(u"select_layout")
        self.all_button = QPushButton(InviteDialog)
        self.all_button.setObjectName(u"all_button")

        self.select_layout.addWidget(self.all_button)

        self.none_button = QPushButton(InviteDialog)
        self.none_button.setObjectName(u"none_button")

        self.select_layout.addWidget(self.none_button)

        self.count_label = QLabel(InviteDialog)
        self.count_label.setObjectName(u"count_label")

        self.select_layout.addWidget(self.count_label)

        self.select_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.select_layout.addItem(self.select_spacer)


        self.dialog_layout.addLayout(self.select_layout)

        self.when_layout = QHBoxLayout()
        self.when_layout.setObjectName(u"when_layout")
        self.date_label = QLabel(InviteDialog)
        self.date_label.setObjectName(u"date_label")

        self.when_layout.addWidget(self.date_label)

        self.date_edit = QDateEdit(InviteDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.when_layout.addWidget(self.date_edit)

        self.channel_label = QLabel(InviteDialog)
        self.channel_label.setObjectName(u"channel_label")

        self.when_layout.addWidget(self.channel_label)

        self.channel_combo = QComboBox(InviteDialog)
        self.channel_combo.setObjectName(u"channel_combo")

        self.when_layout.addWidget(self.channel_combo)

        self.when_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.when_layout.addItem(self.when_spacer)


        self.dialog_layout.addLayout(self.when_layout)

        self.message_label = QLabel(InviteDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(InviteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

        self.dialog_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.channel_label.setBuddy(self.channel_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InviteDialog)

        QMetaObject.connectSlotsByName(InviteDialog)
    # setupUi

    def retranslateUi(self, InviteDialog):
        InviteDialog.setWindowTitle(QCoreApplication.translate("InviteDialog", u"Invitations", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("InviteDialog", u"Rechercher un nom, une commune, un RPPS, un e-mail\u2026", None))
        self.all_button.setText(QCoreApplication.translate("InviteDialog", u"&Tout cocher", None))
        self.none_button.setText(QCoreApplication.translate("InviteDialog", u"Tout d\u00e9co&cher", None))
        self.date_label.setText(QCoreApplication.translate("InviteDialog", u"Invit\u00e9s &le", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("InviteDialog", u"dd/MM/yyyy", None))
        self.channel_label.setText(QCoreApplication.translate("InviteDialog", u"p&ar", None))
    # retranslateUi

