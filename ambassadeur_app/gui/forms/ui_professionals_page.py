# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'professionals_page.ui'
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

class Ui_ProfessionalsPage(object):
    def setupUi(self, ProfessionalsPage):
        if not ProfessionalsPage.objectName():
            ProfessionalsPage.setObjectName(u"ProfessionalsPage")
        self.layout_7 = QVBoxLayout(ProfessionalsPage)
        self.layout_7.setObjectName(u"layout_7")
        self.layout_1 = QHBoxLayout()
        self.layout_1.setObjectName(u"layout_1")
        self.search_edit = QLineEdit(ProfessionalsPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.layout_1.addWidget(self.search_edit)

        self.group_combo = QComboBox(ProfessionalsPage)
        self.group_combo.setObjectName(u"group_combo")

        self.layout_1.addWidget(self.group_combo)

        self.type_combo = QComboBox(ProfessionalsPage)
        self.type_combo.setObjectName(u"type_combo")

        self.layout_1.addWidget(self.type_combo)

        self.status_combo = QComboBox(ProfessionalsPage)
        self.status_combo.setObjectName(u"status_combo")

        self.layout_1.addWidget(self.status_combo)

        self.count_label = QLabel(ProfessionalsPage)
        self.count_label.setObjectName(u"count_label")

        self.layout_1.addWidget(self.count_label)


        self.layout_7.addLayout(self.layout_1)

        self.scope_filters = ScopeFilters(ProfessionalsPage)
        self.scope_filters.setObjectName(u"scope_filters")

        self.layout_7.addWidget(self.scope_filters)

        self.layout_3 = QHBoxLayout()
        self.layout_3.setObjectName(u"layout_3")
        self.new_button = QPushButton(ProfessionalsPage)
        self.new_button.setObjectName(u"new_button")

        self.layout_3.addWidget(self.new_button)

        self.contact_button = QPushButton(ProfessionalsPage)
        self.contact_button.setObjectName(u"contact_button")

        self.layout_3.addWidget(self.contact_button)

        self.account_button = QPushButton(ProfessionalsPage)
        self.account_button.setObjectName(u"account_button")

        self.layout_3.addWidget(self.account_button)

        self.merge_button = QPushButton(ProfessionalsPage)
        self.merge_button.setObjectName(u"merge_button")

        self.layout_3.addWidget(self.merge_button)

        self.spacer_2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_3.addItem(self.spacer_2)


        self.layout_7.addLayout(self.layout_3)

        self.splitter = QSplitter(ProfessionalsPage)
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
        self.layout_6 = QVBoxLayout(self.detail_widget)
        self.layout_6.setObjectName(u"layout_6")
        self.layout_6.setContentsMargins(0, 0, 0, 0)
        self.detail_browser = QTextBrowser(self.detail_widget)
        self.detail_browser.setObjectName(u"detail_browser")
        self.detail_browser.setOpenLinks(False)

        self.layout_6.addWidget(self.detail_browser)

        self.layout_5 = QHBoxLayout()
        self.layout_5.setObjectName(u"layout_5")
        self.edit_button = QPushButton(self.detail_widget)
        self.edit_button.setObjectName(u"edit_button")

        self.layout_5.addWidget(self.edit_button)

        self.data_button = QPushButton(self.detail_widget)
        self.data_button.setObjectName(u"data_button")

        self.layout_5.addWidget(self.data_button)

        self.erase_button = QPushButton(self.detail_widget)
        self.erase_button.setObjectName(u"erase_button")

        self.layout_5.addWidget(self.erase_button)

        self.spacer_4 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_5.addItem(self.spacer_4)


        self.layout_6.addLayout(self.layout_5)

        self.splitter.addWidget(self.detail_widget)

        self.layout_7.addWidget(self.splitter)

        self.layout_7.setStretch(3, 1)

        self.retranslateUi(ProfessionalsPage)

        QMetaObject.connectSlotsByName(ProfessionalsPage)
    # setupUi

    def retranslateUi(self, ProfessionalsPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("ProfessionalsPage", u"Rechercher un nom, une commune, un RPPS, un e-mail\u2026 (Ctrl+F)", None))
        self.count_label.setText("")
        self.new_button.setText(QCoreApplication.translate("ProfessionalsPage", u"&Nouveau professionnel\u2026", None))
        self.contact_button.setText(QCoreApplication.translate("ProfessionalsPage", u"Noter un &contact\u2026", None))
        self.account_button.setText(QCoreApplication.translate("ProfessionalsPage", u"Compte &Parceo\u2026", None))
        self.merge_button.setText(QCoreApplication.translate("ProfessionalsPage", u"&Fusionner les doublons\u2026", None))
#if QT_CONFIG(tooltip)
        self.merge_button.setToolTip(QCoreApplication.translate("ProfessionalsPage", u"S\u00e9lectionnez les deux fiches de la m\u00eame personne", None))
#endif // QT_CONFIG(tooltip)
        self.edit_button.setText(QCoreApplication.translate("ProfessionalsPage", u"&Modifier\u2026", None))
        self.data_button.setText(QCoreApplication.translate("ProfessionalsPage", u"&Donn\u00e9es personnelles\u2026", None))
        self.erase_button.setText(QCoreApplication.translate("ProfessionalsPage", u"&Effacer la personne\u2026", None))
        pass
    # retranslateUi

