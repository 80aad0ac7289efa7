# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'structures_page.ui'
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

class Ui_StructuresPage(object):
    def setupUi(self, StructuresPage):
        if not StructuresPage.objectName():
            StructuresPage.setObjectName(u"StructuresPage")
        self.layout_14 = QVBoxLayout(StructuresPage)
        self.layout_14.setObjectName(u"layout_14")
        self.layout_8 = QHBoxLayout()
        self.layout_8.setObjectName(u"layout_8")
        self.search_edit = QLineEdit(StructuresPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.layout_8.addWidget(self.search_edit)

        self.type_combo = QComboBox(StructuresPage)
        self.type_combo.setObjectName(u"type_combo")

        self.layout_8.addWidget(self.type_combo)

        self.status_combo = QComboBox(StructuresPage)
        self.status_combo.setObjectName(u"status_combo")

        self.layout_8.addWidget(self.status_combo)

        self.count_label = QLabel(StructuresPage)
        self.count_label.setObjectName(u"count_label")

        self.layout_8.addWidget(self.count_label)


        self.layout_14.addLayout(self.layout_8)

        self.scope_filters = ScopeFilters(StructuresPage)
        self.scope_filters.setObjectName(u"scope_filters")

        self.layout_14.addWidget(self.scope_filters)

        self.layout_10 = QHBoxLayout()
        self.layout_10.setObjectName(u"layout_10")
        self.new_button = QPushButton(StructuresPage)
        self.new_button.setObjectName(u"new_button")

        self.layout_10.addWidget(self.new_button)

        self.contact_button = QPushButton(StructuresPage)
        self.contact_button.setObjectName(u"contact_button")

        self.layout_10.addWidget(self.contact_button)

        self.advance_button = QPushButton(StructuresPage)
        self.advance_button.setObjectName(u"advance_button")

        self.layout_10.addWidget(self.advance_button)

        self.merge_button = QPushButton(StructuresPage)
        self.merge_button.setObjectName(u"merge_button")

        self.layout_10.addWidget(self.merge_button)

        self.spacer_9 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_10.addItem(self.spacer_9)


        self.layout_14.addLayout(self.layout_10)

        self.indicator_label = QLabel(StructuresPage)
        self.indicator_label.setObjectName(u"indicator_label")
        self.indicator_label.setWordWrap(True)

        self.layout_14.addWidget(self.indicator_label)

        self.splitter = QSplitter(StructuresPage)
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
        self.layout_13 = QVBoxLayout(self.detail_widget)
        self.layout_13.setObjectName(u"layout_13")
        self.layout_13.setContentsMargins(0, 0, 0, 0)
        self.detail_browser = QTextBrowser(self.detail_widget)
        self.detail_browser.setObjectName(u"detail_browser")
        self.detail_browser.setOpenLinks(False)

        self.layout_13.addWidget(self.detail_browser)

        self.layout_12 = QHBoxLayout()
        self.layout_12.setObjectName(u"layout_12")
        self.edit_button = QPushButton(self.detail_widget)
        self.edit_button.setObjectName(u"edit_button")

        self.layout_12.addWidget(self.edit_button)

        self.delete_button = QPushButton(self.detail_widget)
        self.delete_button.setObjectName(u"delete_button")

        self.layout_12.addWidget(self.delete_button)

        self.spacer_11 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_12.addItem(self.spacer_11)


        self.layout_13.addLayout(self.layout_12)

        self.splitter.addWidget(self.detail_widget)

        self.layout_14.addWidget(self.splitter)

        self.layout_14.setStretch(4, 1)

        self.retranslateUi(StructuresPage)

        QMetaObject.connectSlotsByName(StructuresPage)
    # setupUi

    def retranslateUi(self, StructuresPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("StructuresPage", u"Rechercher un nom, une commune, un FINESS\u2026 (Ctrl+F)", None))
        self.count_label.setText("")
        self.new_button.setText(QCoreApplication.translate("StructuresPage", u"&Nouvelle structure\u2026", None))
        self.contact_button.setText(QCoreApplication.translate("StructuresPage", u"Noter un &contact\u2026", None))
        self.advance_button.setText(QCoreApplication.translate("StructuresPage", u"\u00c9tape &suivante", None))
#if QT_CONFIG(tooltip)
        self.advance_button.setToolTip(QCoreApplication.translate("StructuresPage", u"Fait avancer la structure dans son parcours Parceo", None))
#endif // QT_CONFIG(tooltip)
        self.merge_button.setText(QCoreApplication.translate("StructuresPage", u"&Fusionner les doublons\u2026", None))
#if QT_CONFIG(tooltip)
        self.merge_button.setToolTip(QCoreApplication.translate("StructuresPage", u"S\u00e9lectionnez les deux fiches de la m\u00eame structure", None))
#endif // QT_CONFIG(tooltip)
        self.indicator_label.setText("")
        self.edit_button.setText(QCoreApplication.translate("StructuresPage", u"&Modifier\u2026", None))
        self.delete_button.setText(QCoreApplication.translate("StructuresPage", u"&Supprimer\u2026", None))
        pass
    # retranslateUi

