# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'solicitations_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QTextBrowser, QVBoxLayout, QWidget)

from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

class Ui_SolicitationsPage(object):
    def setupUi(self, SolicitationsPage):
        if not SolicitationsPage.objectName():
            SolicitationsPage.setObjectName(u"SolicitationsPage")
        self.layout_21 = QVBoxLayout(SolicitationsPage)
        self.layout_21.setObjectName(u"layout_21")
        self.layout_15 = QHBoxLayout()
        self.layout_15.setObjectName(u"layout_15")
        self.status_combo = QComboBox(SolicitationsPage)
        self.status_combo.setObjectName(u"status_combo")

        self.layout_15.addWidget(self.status_combo)

        self.search_edit = QLineEdit(SolicitationsPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.layout_15.addWidget(self.search_edit)

        self.count_label = QLabel(SolicitationsPage)
        self.count_label.setObjectName(u"count_label")

        self.layout_15.addWidget(self.count_label)


        self.layout_21.addLayout(self.layout_15)

        self.scope_filters = ScopeFilters(SolicitationsPage)
        self.scope_filters.setObjectName(u"scope_filters")

        self.layout_21.addWidget(self.scope_filters)

        self.layout_17 = QHBoxLayout()
        self.layout_17.setObjectName(u"layout_17")
        self.new_button = QPushButton(SolicitationsPage)
        self.new_button.setObjectName(u"new_button")

        self.layout_17.addWidget(self.new_button)

        self.answer_button = QPushButton(SolicitationsPage)
        self.answer_button.setObjectName(u"answer_button")

        self.layout_17.addWidget(self.answer_button)

        self.edit_button = QPushButton(SolicitationsPage)
        self.edit_button.setObjectName(u"edit_button")

        self.layout_17.addWidget(self.edit_button)

        self.spacer_16 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_17.addItem(self.spacer_16)


        self.layout_21.addLayout(self.layout_17)

        self.splitter = QSplitter(SolicitationsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table_view = QTableView(self.splitter)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table_view.setWordWrap(False)
        self.splitter.addWidget(self.table_view)
        self.detail_widget = QWidget(self.splitter)
        self.detail_widget.setObjectName(u"detail_widget")
        self.layout_20 = QVBoxLayout(self.detail_widget)
        self.layout_20.setObjectName(u"layout_20")
        self.layout_20.setContentsMargins(0, 0, 0, 0)
        self.detail_browser = QTextBrowser(self.detail_widget)
        self.detail_browser.setObjectName(u"detail_browser")
        self.detail_browser.setOpenLinks(False)

        self.layout_20.addWidget(self.detail_browser)

        self.layout_19 = QHBoxLayout()
        self.layout_19.setObjectName(u"layout_19")
        self.spacer_18 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_19.addItem(self.spacer_18)


        self.layout_20.addLayout(self.layout_19)

        self.splitter.addWidget(self.detail_widget)

        self.layout_21.addWidget(self.splitter)

        self.layout_21.setStretch(3, 1)

        self.retranslateUi(SolicitationsPage)

        QMetaObject.connectSlotsByName(SolicitationsPage)
    # setupUi

    def retranslateUi(self, SolicitationsPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("SolicitationsPage", u"Rechercher dans les descriptions et les demandeurs\u2026 (Ctrl+F)", None))
        self.count_label.setText("")
        self.new_button.setText(QCoreApplication.translate("SolicitationsPage", u"&Nouvelle sollicitation\u2026", None))
        self.answer_button.setText(QCoreApplication.translate("SolicitationsPage", u"&R\u00e9pondre\u2026", None))
        self.edit_button.setText(QCoreApplication.translate("SolicitationsPage", u"&Modifier\u2026", None))
        pass
    # retranslateUi

