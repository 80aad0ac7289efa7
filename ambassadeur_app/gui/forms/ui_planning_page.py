# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'planning_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox,
    QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QTextBrowser, QVBoxLayout)

from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters
from ambassadeur_app.gui.widgets.timeline import TimelineView

class Ui_PlanningPage(object):
    def setupUi(self, PlanningPage):
        if not PlanningPage.objectName():
            PlanningPage.setObjectName(u"PlanningPage")
        self.page_layout = QVBoxLayout(PlanningPage)
        self.page_layout.setObjectName(u"page_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.search_edit = QLineEdit(PlanningPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)

        self.status_combo = QComboBox(PlanningPage)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_layout.addWidget(self.status_combo)

        self.mission_combo = QComboBox(PlanningPage)
        self.mission_combo.setObjectName(u"mission_combo")

        self.filter_layout.addWidget(self.mission_combo)

        self.late_check = QCheckBox(PlanningPage)
        self.late_check.setObjectName(u"late_check")

        self.filter_layout.addWidget(self.late_check)

        self.count_label = QLabel(PlanningPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_layout.addWidget(self.count_label)


        self.page_layout.addLayout(self.filter_layout)

        self.scope_filters = ScopeFilters(PlanningPage)
        self.scope_filters.setObjectName(u"scope_filters")

        self.page_layout.addWidget(self.scope_filters)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.new_button = QPushButton(PlanningPage)
        self.new_button.setObjectName(u"new_button")

        self.action_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(PlanningPage)
        self.edit_button.setObjectName(u"edit_button")

        self.action_layout.addWidget(self.edit_button)

        self.delete_button = QPushButton(PlanningPage)
        self.delete_button.setObjectName(u"delete_button")

        self.action_layout.addWidget(self.delete_button)

        self.action_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)

        self.gantt_button = QPushButton(PlanningPage)
        self.gantt_button.setObjectName(u"gantt_button")

        self.action_layout.addWidget(self.gantt_button)

        self.xlsx_button = QPushButton(PlanningPage)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.action_layout.addWidget(self.xlsx_button)


        self.page_layout.addLayout(self.action_layout)

        self.splitter = QSplitter(PlanningPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.timeline = TimelineView(self.splitter)
        self.timeline.setObjectName(u"timeline")
        self.splitter.addWidget(self.timeline)
        self.list_splitter = QSplitter(self.splitter)
        self.list_splitter.setObjectName(u"list_splitter")
        self.list_splitter.setOrientation(Qt.Horizontal)
        self.list_splitter.setChildrenCollapsible(False)
        self.table_view = QTableView(self.list_splitter)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table_view.setWordWrap(False)
        self.list_splitter.addWidget(self.table_view)
        self.detail_browser = QTextBrowser(self.list_splitter)
        self.detail_browser.setObjectName(u"detail_browser")
        self.detail_browser.setOpenLinks(False)
        self.list_splitter.addWidget(self.detail_browser)
        self.splitter.addWidget(self.list_splitter)

        self.page_layout.addWidget(self.splitter)

        self.page_layout.setStretch(3, 1)

        self.retranslateUi(PlanningPage)

        QMetaObject.connectSlotsByName(PlanningPage)
    # setupUi

    def retranslateUi(self, PlanningPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("PlanningPage", u"Rechercher une action\u2026 (Ctrl+F)", None))
        self.late_check.setText(QCoreApplication.translate("PlanningPage", u"En retard &seulement", None))
        self.new_button.setText(QCoreApplication.translate("PlanningPage", u"&Nouvelle action\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_button.setToolTip(QCoreApplication.translate("PlanningPage", u"Ctrl+N", None))
#endif // QT_CONFIG(tooltip)
        self.edit_button.setText(QCoreApplication.translate("PlanningPage", u"&Modifier\u2026", None))
#if QT_CONFIG(tooltip)
        self.edit_button.setToolTip(QCoreApplication.translate("PlanningPage", u"Entr\u00e9e", None))
#endif // QT_CONFIG(tooltip)
        self.delete_button.setText(QCoreApplication.translate("PlanningPage", u"&Supprimer", None))
#if QT_CONFIG(tooltip)
        self.delete_button.setToolTip(QCoreApplication.translate("PlanningPage", u"Suppr (Ctrl+Z annule)", None))
#endif // QT_CONFIG(tooltip)
        self.gantt_button.setText(QCoreApplication.translate("PlanningPage", u"&Gantt (PDF)\u2026", None))
#if QT_CONFIG(tooltip)
        self.gantt_button.setToolTip(QCoreApplication.translate("PlanningPage", u"Le r\u00e9troplanning en diagramme de Gantt, au format PDF (A4 paysage)", None))
#endif // QT_CONFIG(tooltip)
        self.xlsx_button.setText(QCoreApplication.translate("PlanningPage", u"Tableau E&xcel\u2026", None))
#if QT_CONFIG(tooltip)
        self.xlsx_button.setToolTip(QCoreApplication.translate("PlanningPage", u"Le r\u00e9troplanning en tableau, au format Excel (.xlsx)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

