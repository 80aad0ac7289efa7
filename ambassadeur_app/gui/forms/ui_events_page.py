# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'events_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

class Ui_EventsPage(object):
    def setupUi(self, EventsPage):
        if not EventsPage.objectName():
            EventsPage.setObjectName(u"EventsPage")
        self.page_layout = QVBoxLayout(EventsPage)
        self.page_layout.setObjectName(u"page_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.search_edit = QLineEdit(EventsPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)

        self.kind_combo = QComboBox(EventsPage)
        self.kind_combo.setObjectName(u"kind_combo")

        self.filter_layout.addWidget(self.kind_combo)

        self.status_combo = QComboBox(EventsPage)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_layout.addWidget(self.status_combo)

        self.count_label = QLabel(EventsPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_layout.addWidget(self.count_label)


        self.page_layout.addLayout(self.filter_layout)

        self.scope_filters = ScopeFilters(EventsPage)
        self.scope_filters.setObjectName(u"scope_filters")

        self.page_layout.addWidget(self.scope_filters)

        self.indicator_label = QLabel(EventsPage)
        self.indicator_label.setObjectName(u"indicator_label")
        self.indicator_label.setWordWrap(True)
        self.indicator_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.page_layout.addWidget(self.indicator_label)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.new_button = QPushButton(EventsPage)
        self.new_button.setObjectName(u"new_button")

        self.action_layout.addWidget(self.new_button)

        self.catalogue_button = QPushButton(EventsPage)
        self.catalogue_button.setObjectName(u"catalogue_button")

        self.action_layout.addWidget(self.catalogue_button)

        self.all_expenses_button = QPushButton(EventsPage)
        self.all_expenses_button.setObjectName(u"all_expenses_button")

        self.action_layout.addWidget(self.all_expenses_button)

        self.tool_survey_button = QPushButton(EventsPage)
        self.tool_survey_button.setObjectName(u"tool_survey_button")

        self.action_layout.addWidget(self.tool_survey_button)

        self.action_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)


        self.page_layout.addLayout(self.action_layout)

        self.splitter = QSplitter(EventsPage)
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
        self.detail_layout = QVBoxLayout(self.detail_widget)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_browser = QTextBrowser(self.detail_widget)
        self.detail_browser.setObjectName(u"detail_browser")
        self.detail_browser.setOpenLinks(False)

        self.detail_layout.addWidget(self.detail_browser)

        self.detail_buttons = QGridLayout()
        self.detail_buttons.setObjectName(u"detail_buttons")
        self.edit_button = QPushButton(self.detail_widget)
        self.edit_button.setObjectName(u"edit_button")

        self.detail_buttons.addWidget(self.edit_button, 0, 0, 1, 1)

        self.invite_button = QPushButton(self.detail_widget)
        self.invite_button.setObjectName(u"invite_button")

        self.detail_buttons.addWidget(self.invite_button, 1, 0, 1, 1)

        self.attendance_button = QPushButton(self.detail_widget)
        self.attendance_button.setObjectName(u"attendance_button")

        self.detail_buttons.addWidget(self.attendance_button, 1, 1, 1, 1)

        self.sheet_button = QPushButton(self.detail_widget)
        self.sheet_button.setObjectName(u"sheet_button")

        self.detail_buttons.addWidget(self.sheet_button, 1, 2, 1, 1)

        self.time_button = QPushButton(self.detail_widget)
        self.time_button.setObjectName(u"time_button")

        self.detail_buttons.addWidget(self.time_button, 0, 2, 1, 1)

        self.attach_button = QPushButton(self.detail_widget)
        self.attach_button.setObjectName(u"attach_button")

        self.detail_buttons.addWidget(self.attach_button, 2, 0, 1, 1)

        self.survey_button = QPushButton(self.detail_widget)
        self.survey_button.setObjectName(u"survey_button")

        self.detail_buttons.addWidget(self.survey_button, 2, 1, 1, 1)

        self.expenses_button = QPushButton(self.detail_widget)
        self.expenses_button.setObjectName(u"expenses_button")

        self.detail_buttons.addWidget(self.expenses_button, 2, 2, 1, 1)

        self.delete_button = QPushButton(self.detail_widget)
        self.delete_button.setObjectName(u"delete_button")

        self.detail_buttons.addWidget(self.delete_button, 0, 1, 1, 1)

        self.email_button = QPushButton(self.detail_widget)
        self.email_button.setObjectName(u"email_button")

        self.detail_buttons.addWidget(self.email_button, 3, 0, 1, 1)

        self.ics_button = QPushButton(self.detail_widget)
        self.ics_button.setObjectName(u"ics_button")

        self.detail_buttons.addWidget(self.ics_button, 3, 1, 1, 1)

        self.dossier_button = QPushButton(self.detail_widget)
        self.dossier_button.setObjectName(u"dossier_button")

        self.detail_buttons.addWidget(self.dossier_button, 3, 2, 1, 1)


        self.detail_layout.addLayout(self.detail_buttons)

        self.splitter.addWidget(self.detail_widget)

        self.page_layout.addWidget(self.splitter)

        self.page_layout.setStretch(4, 1)

        self.retranslateUi(EventsPage)

        QMetaObject.connectSlotsByName(EventsPage)
    # setupUi

    def retranslateUi(self, EventsPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("EventsPage", u"Rechercher un titre, un lieu, un intervenant\u2026 (Ctrl+F)", None))
        self.new_button.setText(QCoreApplication.translate("EventsPage", u"&Nouvel \u00e9v\u00e9nement\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_button.setToolTip(QCoreApplication.translate("EventsPage", u"Ctrl+N", None))
#endif // QT_CONFIG(tooltip)
        self.catalogue_button.setText(QCoreApplication.translate("EventsPage", u"&Catalogue des formations\u2026", None))
        self.all_expenses_button.setText(QCoreApplication.translate("EventsPage", u"D\u00e9penses du &forfait\u2026", None))
        self.tool_survey_button.setText(QCoreApplication.translate("EventsPage", u"Questionnaire sur l'&outil\u2026", None))
        self.edit_button.setText(QCoreApplication.translate("EventsPage", u"&Modifier\u2026", None))
#if QT_CONFIG(tooltip)
        self.edit_button.setToolTip(QCoreApplication.translate("EventsPage", u"Entr\u00e9e", None))
#endif // QT_CONFIG(tooltip)
        self.invite_button.setText(QCoreApplication.translate("EventsPage", u"&Invitations\u2026", None))
        self.attendance_button.setText(QCoreApplication.translate("EventsPage", u"&Pr\u00e9sences\u2026", None))
        self.sheet_button.setText(QCoreApplication.translate("EventsPage", u"Feuille d'\u00e9&margement\u2026", None))
        self.time_button.setText(QCoreApplication.translate("EventsPage", u"Saisir le &temps pass\u00e9\u2026", None))
        self.attach_button.setText(QCoreApplication.translate("EventsPage", u"&Joindre la feuille sign\u00e9e\u2026", None))
        self.survey_button.setText(QCoreApplication.translate("EventsPage", u"&Questionnaire\u2026", None))
        self.expenses_button.setText(QCoreApplication.translate("EventsPage", u"&D\u00e9penses\u2026", None))
        self.delete_button.setText(QCoreApplication.translate("EventsPage", u"&Supprimer", None))
#if QT_CONFIG(tooltip)
        self.delete_button.setToolTip(QCoreApplication.translate("EventsPage", u"Suppr (Ctrl+Z annule)", None))
#endif // QT_CONFIG(tooltip)
        self.email_button.setText(QCoreApplication.translate("EventsPage", u"Invitation par &e-mail\u2026", None))
#if QT_CONFIG(tooltip)
        self.email_button.setToolTip(QCoreApplication.translate("EventsPage", u"Brouillon d'e-mail (.eml) aux invit\u00e9s en copie cach\u00e9e, l'invitation d'agenda jointe, ouvert dans votre messagerie", None))
#endif // QT_CONFIG(tooltip)
        self.ics_button.setText(QCoreApplication.translate("EventsPage", u"Fichier d'a&genda (.ics)\u2026", None))
#if QT_CONFIG(tooltip)
        self.ics_button.setToolTip(QCoreApplication.translate("EventsPage", u"L'\u00e9v\u00e9nement pour Outlook, Thunderbird ou Google Agenda", None))
#endif // QT_CONFIG(tooltip)
        self.dossier_button.setText(QCoreApplication.translate("EventsPage", u"Dossier de l'\u00e9v\u00e9nement", None))
#if QT_CONFIG(tooltip)
        self.dossier_button.setToolTip(QCoreApplication.translate("EventsPage", u"Invitations, participants, questionnaire, devis et factures, en Excel ou en PDF", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

