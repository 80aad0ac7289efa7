# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'catalogue_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QTextBrowser, QVBoxLayout)

class Ui_CatalogueDialog(object):
    def setupUi(self, CatalogueDialog):
        if not CatalogueDialog.objectName():
            CatalogueDialog.setObjectName(u"CatalogueDialog")
        CatalogueDialog.resize(1000, 560)
        self.dialog_layout = QVBoxLayout(CatalogueDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.splitter = QSplitter(CatalogueDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table_view = QTableView(self.splitter)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table_view.setWordWrap(False)
        self.splitter.addWidget(self.table_view)
        self.detail_browser = QTextBrowser(self.splitter)
        self.detail_browser.setObjectName(u"detail_browser")
        self.splitter.addWidget(self.detail_browser)

        self.dialog_layout.addWidget(self.splitter)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.new_button = QPushButton(CatalogueDialog)
        self.new_button.setObjectName(u"new_button")

        self.button_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(CatalogueDialog)
        self.edit_button.setObjectName(u"edit_button")

        self.button_layout.addWidget(self.edit_button)

        self.delete_button = QPushButton(CatalogueDialog)
        self.delete_button.setObjectName(u"delete_button")

        self.button_layout.addWidget(self.delete_button)

        self.message_label = QLabel(CatalogueDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.button_layout.addWidget(self.message_label)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.buttons = QDialogButtonBox(CatalogueDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.button_layout.addWidget(self.buttons)


        self.dialog_layout.addLayout(self.button_layout)


        self.retranslateUi(CatalogueDialog)

        QMetaObject.connectSlotsByName(CatalogueDialog)
    # setupUi

    def retranslateUi(self, CatalogueDialog):
        CatalogueDialog.setWindowTitle(QCoreApplication.translate("CatalogueDialog", u"Catalogue des formations", None))
        self.new_button.setText(QCoreApplication.translate("CatalogueDialog", u"&Nouveau module\u2026", None))
        self.edit_button.setText(QCoreApplication.translate("CatalogueDialog", u"&Modifier\u2026", None))
        self.delete_button.setText(QCoreApplication.translate("CatalogueDialog", u"&Supprimer", None))
    # retranslateUi

