# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox,
    QDateEdit, QDialogButtonBox, QHBoxLayout,
    QLabel, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_AgendaDialog(object):
    def setupUi(self, AgendaDialog):
        if not AgendaDialog.objectName():
            AgendaDialog.setObjectName(u"AgendaDialog")
        AgendaDialog.resize(1240, 640)
        self.dialog_layout = QVBoxLayout(AgendaDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.source_layout = QHBoxLayout()
        self.source_layout.setObjectName(u"source_layout")
        self.file_label = QLabel(AgendaDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setTextFormat(Qt.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.file_label.sizePolicy().hasHeightForWidth())
        self.file_label.setSizePolicy(sizePolicy)

        self.source_layout.addWidget(self.file_label)

        self.file_button = QPushButton(AgendaDialog)
        self.file_button.setObjectName(u"file_button")
        self.file_button.setAutoDefault(False)

        self.source_layout.addWidget(self.file_button)


        self.dialog_layout.addLayout(self.source_layout)

        self.filters_layout = QHBoxLayout()
        self.filters_layout.setObjectName(u"filters_layout")
        self.ambassador_label = QLabel(AgendaDialog)
        self.ambassador_label.setObjectName(u"ambassador_label")

        self.filters_layout.addWidget(self.ambassador_label)

        self.ambassador_combo = QComboBox(AgendaDialog)
        self.ambassador_combo.setObjectName(u"ambassador_combo")

        self.filters_layout.addWidget(self.ambassador_combo)

        self.start_label = QLabel(AgendaDialog)
        self.start_label.setObjectName(u"start_label")

        self.filters_layout.addWidget(self.start_label)

        self.start_edit = QDateEdit(AgendaDialog)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setCalendarPopup(True)

        self.filters_layout.addWidget(self.start_edit)

        self.end_label = QLabel(AgendaDialog)
        self.end_label.setObjectName(u"end_label")

        self.filters_layout.addWidget(self.end_label)

        self.end_edit = QDateEdit(AgendaDialog)
        self.end_edit.setObjectName(u"end_edit")
        self.end_edit.setCalendarPopup(True)

        self.filters_layout.addWidget(self.end_edit)

        self.read_button = QPushButton(AgendaDialog)
        self.read_button.setObjectName(u"read_button")
        self.read_button.setAutoDefault(False)

        self.filters_layout.addWidget(self.read_button)

        self.filters_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters_layout.addItem(self.filters_spacer)


        self.dialog_layout.addLayout(self.filters_layout)

        self.keys_label = QLabel(AgendaDialog)
        self.keys_label.setObjectName(u"keys_label")
        self.keys_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.keys_label)

        self.message_layout = QHBoxLayout()
        self.message_layout.setObjectName(u"message_layout")
        self.busy_bar = QProgressBar(AgendaDialog)
        self.busy_bar.setObjectName(u"busy_bar")
        self.busy_bar.setVisible(False)
        self.busy_bar.setMaximum(0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumSize(QSize(160, 16777215))

        self.message_layout.addWidget(self.busy_bar)

        self.message_label = QLabel(AgendaDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.message_label.sizePolicy().hasHeightForWidth())
        self.message_label.setSizePolicy(sizePolicy1)

        self.message_layout.addWidget(self.message_label)


        self.dialog_layout.addLayout(self.message_layout)

        self.review_view = QTableView(AgendaDialog)
        self.review_view.setObjectName(u"review_view")
        self.review_view.setAlternatingRowColors(True)
        self.review_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.review_view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.review_view.setWordWrap(False)

        self.dialog_layout.addWidget(self.review_view)

        self.detail_label = QLabel(AgendaDialog)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialog_layout.addWidget(self.detail_label)

        self.bottom_layout = QHBoxLayout()
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.counts_label = QLabel(AgendaDialog)
        self.counts_label.setObjectName(u"counts_label")
        sizePolicy.setHeightForWidth(self.counts_label.sizePolicy().hasHeightForWidth())
        self.counts_label.setSizePolicy(sizePolicy)

        self.bottom_layout.addWidget(self.counts_label)

        self.buttons = QDialogButtonBox(AgendaDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.bottom_layout.addWidget(self.buttons)


        self.dialog_layout.addLayout(self.bottom_layout)

#if QT_CONFIG(shortcut)
        self.ambassador_label.setBuddy(self.ambassador_combo)
        self.start_label.setBuddy(self.start_edit)
        self.end_label.setBuddy(self.end_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.review_view, self.ambassador_combo)
        QWidget.setTabOrder(self.ambassador_combo, self.start_edit)
        QWidget.setTabOrder(self.start_edit, self.end_edit)
        QWidget.setTabOrder(self.end_edit, self.read_button)
        QWidget.setTabOrder(self.read_button, self.file_button)

        self.retranslateUi(AgendaDialog)

        QMetaObject.connectSlotsByName(AgendaDialog)
    # setupUi

    def retranslateUi(self, AgendaDialog):
        AgendaDialog.setWindowTitle(QCoreApplication.translate("AgendaDialog", u"Importer un agenda", None))
        self.file_label.setText("")
        self.file_button.setText(QCoreApplication.translate("AgendaDialog", u"Autre &fichier\u2026", None))
        self.ambassador_label.setText(QCoreApplication.translate("AgendaDialog", u"A&mbassadeur :", None))
        self.start_label.setText(QCoreApplication.translate("AgendaDialog", u"&Du", None))
        self.start_edit.setDisplayFormat(QCoreApplication.translate("AgendaDialog", u"dd/MM/yyyy", None))
        self.end_label.setText(QCoreApplication.translate("AgendaDialog", u"a&u", None))
        self.end_edit.setDisplayFormat(QCoreApplication.translate("AgendaDialog", u"dd/MM/yyyy", None))
        self.read_button.setText(QCoreApplication.translate("AgendaDialog", u"&Relire l'agenda", None))
        self.keys_label.setText(QCoreApplication.translate("AgendaDialog", u"Au clavier : <b>Espace</b> accepte ou \u00e9carte la ligne \u00b7 <b>A</b> accepte \u00b7 <b>E</b> \u00e9carte \u00b7 <b>Entr\u00e9e</b> ou <b>F2</b> modifie la cellule (dur\u00e9e, mission, activit\u00e9, description) \u00b7 <b>Ctrl+Entr\u00e9e</b> enregistre \u00b7 <b>\u00c9chap</b> ferme sans rien enregistrer. Un \u00e9v\u00e9nement annul\u00e9 garde son entr\u00e9e, sauf si vous choisissez \u00ab Retirer l'entr\u00e9e \u00bb (<b>A</b>).", None))
#if QT_CONFIG(accessibility)
        self.busy_bar.setAccessibleName(QCoreApplication.translate("AgendaDialog", u"Lecture de l'agenda en cours", None))
#endif // QT_CONFIG(accessibility)
        self.message_label.setText("")
        self.detail_label.setText("")
        self.counts_label.setText("")
    # retranslateUi

