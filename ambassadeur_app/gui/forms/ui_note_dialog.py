# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'note_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit,
    QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from ambassadeur_app.gui.widgets.link_picker import LinkPicker

class Ui_NoteDialog(object):
    def setupUi(self, NoteDialog):
        if not NoteDialog.objectName():
            NoteDialog.setObjectName(u"NoteDialog")
        NoteDialog.resize(720, 520)
        self.dialog_layout = QVBoxLayout(NoteDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.day_label = QLabel(NoteDialog)
        self.day_label.setObjectName(u"day_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.day_label)

        self.day_layout = QHBoxLayout()
        self.day_layout.setObjectName(u"day_layout")
        self.day_edit = QDateEdit(NoteDialog)
        self.day_edit.setObjectName(u"day_edit")
        self.day_edit.setCalendarPopup(True)

        self.day_layout.addWidget(self.day_edit)

        self.tag_label = QLabel(NoteDialog)
        self.tag_label.setObjectName(u"tag_label")

        self.day_layout.addWidget(self.tag_label)

        self.tag_combo = QComboBox(NoteDialog)
        self.tag_combo.setObjectName(u"tag_combo")

        self.day_layout.addWidget(self.tag_combo)

        self.day_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.day_layout.addItem(self.day_spacer)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.day_layout)

        self.text_label = QLabel(NoteDialog)
        self.text_label.setObjectName(u"text_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(NoteDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.text_edit)


        self.dialog_layout.addLayout(self.form)

        self.links_group = QGroupBox(NoteDialog)
        self.links_group.setObjectName(u"links_group")
        self.links_layout = QVBoxLayout(self.links_group)
        self.links_layout.setObjectName(u"links_layout")
        self.link_picker = LinkPicker(self.links_group)
        self.link_picker.setObjectName(u"link_picker")

        self.links_layout.addWidget(self.link_picker)


        self.dialog_layout.addWidget(self.links_group)

        self.message_label = QLabel(NoteDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(NoteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.day_label.setBuddy(self.day_edit)
        self.tag_label.setBuddy(self.tag_combo)
        self.text_label.setBuddy(self.text_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoteDialog)

        QMetaObject.connectSlotsByName(NoteDialog)
    # setupUi

    def retranslateUi(self, NoteDialog):
        NoteDialog.setWindowTitle(QCoreApplication.translate("NoteDialog", u"Note du journal", None))
        self.day_label.setText(QCoreApplication.translate("NoteDialog", u"&Date", None))
        self.day_edit.setDisplayFormat(QCoreApplication.translate("NoteDialog", u"dd/MM/yyyy", None))
        self.tag_label.setText(QCoreApplication.translate("NoteDialog", u"&Type", None))
        self.text_label.setText(QCoreApplication.translate("NoteDialog", u"Te&xte", None))
        self.links_group.setTitle(QCoreApplication.translate("NoteDialog", u"\u00c0 propos de (entr\u00e9es, professionnels, structures, \u00e9v\u00e9nements)", None))
    # retranslateUi

