# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'journal_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QTextBrowser, QVBoxLayout)

from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

class Ui_JournalPage(object):
    def setupUi(self, JournalPage):
        if not JournalPage.objectName():
            JournalPage.setObjectName(u"JournalPage")
        self.page_layout = QVBoxLayout(JournalPage)
        self.page_layout.setObjectName(u"page_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.search_edit = QLineEdit(JournalPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)

        self.tag_combo = QComboBox(JournalPage)
        self.tag_combo.setObjectName(u"tag_combo")

        self.filter_layout.addWidget(self.tag_combo)

        self.count_label = QLabel(JournalPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_layout.addWidget(self.count_label)


        self.page_layout.addLayout(self.filter_layout)

        self.scope_filters = ScopeFilters(JournalPage)
        self.scope_filters.setObjectName(u"scope_filters")

        self.page_layout.addWidget(self.scope_filters)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.new_button = QPushButton(JournalPage)
        self.new_button.setObjectName(u"new_button")

        self.action_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(JournalPage)
        self.edit_button.setObjectName(u"edit_button")

        self.action_layout.addWidget(self.edit_button)

        self.delete_button = QPushButton(JournalPage)
        self.delete_button.setObjectName(u"delete_button")

        self.action_layout.addWidget(self.delete_button)

        self.action_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)

        self.rex_button = QPushButton(JournalPage)
        self.rex_button.setObjectName(u"rex_button")

        self.action_layout.addWidget(self.rex_button)


        self.page_layout.addLayout(self.action_layout)

        self.splitter = QSplitter(JournalPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
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
        self.pertinence_group = QGroupBox(self.splitter)
        self.pertinence_group.setObjectName(u"pertinence_group")
        self.pertinence_layout = QVBoxLayout(self.pertinence_group)
        self.pertinence_layout.setObjectName(u"pertinence_layout")
        self.pertinence_edit = QPlainTextEdit(self.pertinence_group)
        self.pertinence_edit.setObjectName(u"pertinence_edit")
        self.pertinence_edit.setTabChangesFocus(True)

        self.pertinence_layout.addWidget(self.pertinence_edit)

        self.pertinence_buttons = QHBoxLayout()
        self.pertinence_buttons.setObjectName(u"pertinence_buttons")
        self.pertinence_state = QLabel(self.pertinence_group)
        self.pertinence_state.setObjectName(u"pertinence_state")

        self.pertinence_buttons.addWidget(self.pertinence_state)

        self.pertinence_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pertinence_buttons.addItem(self.pertinence_spacer)

        self.revert_button = QPushButton(self.pertinence_group)
        self.revert_button.setObjectName(u"revert_button")

        self.pertinence_buttons.addWidget(self.revert_button)

        self.save_pertinence_button = QPushButton(self.pertinence_group)
        self.save_pertinence_button.setObjectName(u"save_pertinence_button")

        self.pertinence_buttons.addWidget(self.save_pertinence_button)


        self.pertinence_layout.addLayout(self.pertinence_buttons)

        self.splitter.addWidget(self.pertinence_group)

        self.page_layout.addWidget(self.splitter)

        self.page_layout.setStretch(3, 1)

        self.retranslateUi(JournalPage)

        QMetaObject.connectSlotsByName(JournalPage)
    # setupUi

    def retranslateUi(self, JournalPage):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("JournalPage", u"Rechercher dans les notes\u2026 (Ctrl+F)", None))
        self.new_button.setText(QCoreApplication.translate("JournalPage", u"&Nouvelle note\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_button.setToolTip(QCoreApplication.translate("JournalPage", u"Ctrl+N", None))
#endif // QT_CONFIG(tooltip)
        self.edit_button.setText(QCoreApplication.translate("JournalPage", u"&Modifier\u2026", None))
#if QT_CONFIG(tooltip)
        self.edit_button.setToolTip(QCoreApplication.translate("JournalPage", u"Entr\u00e9e", None))
#endif // QT_CONFIG(tooltip)
        self.delete_button.setText(QCoreApplication.translate("JournalPage", u"&Supprimer", None))
#if QT_CONFIG(tooltip)
        self.delete_button.setToolTip(QCoreApplication.translate("JournalPage", u"Suppr (Ctrl+Z annule)", None))
#endif // QT_CONFIG(tooltip)
        self.rex_button.setText(QCoreApplication.translate("JournalPage", u"Rapport de retour d'e&xp\u00e9rience\u2026", None))
#if QT_CONFIG(tooltip)
        self.rex_button.setToolTip(QCoreApplication.translate("JournalPage", u"Le rapport synth\u00e9tique : chiffres cl\u00e9s, r\u00e9ussites, \u00e9checs, leviers, freins et pertinence, en PDF ou en Word (.docx)", None))
#endif // QT_CONFIG(tooltip)
        self.pertinence_group.setTitle(QCoreApplication.translate("JournalPage", u"Pertinence de reconduire ou de g\u00e9n\u00e9raliser l'exp\u00e9rimentation (texte du rapport)", None))
        self.pertinence_edit.setPlaceholderText(QCoreApplication.translate("JournalPage", u"Votre avis, argument\u00e9 : faut-il reconduire l'exp\u00e9rimentation, la g\u00e9n\u00e9raliser \u00e0 d'autres d\u00e9partements, \u00e0 quelles conditions ?", None))
        self.revert_button.setText(QCoreApplication.translate("JournalPage", u"Ann&uler les modifications", None))
#if QT_CONFIG(tooltip)
        self.revert_button.setToolTip(QCoreApplication.translate("JournalPage", u"Revenir au texte enregistr\u00e9", None))
#endif // QT_CONFIG(tooltip)
        self.save_pertinence_button.setText(QCoreApplication.translate("JournalPage", u"&Enregistrer le texte", None))
#if QT_CONFIG(tooltip)
        self.save_pertinence_button.setToolTip(QCoreApplication.translate("JournalPage", u"Ctrl+S dans le texte", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

