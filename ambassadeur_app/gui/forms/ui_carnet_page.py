# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'carnet_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QToolButton, QVBoxLayout,
    QWidget)

class Ui_CarnetPage(object):
    def setupUi(self, CarnetPage):
        if not CarnetPage.objectName():
            CarnetPage.setObjectName(u"CarnetPage")
        self.page_layout = QVBoxLayout(CarnetPage)
        self.page_layout.setObjectName(u"page_layout")
        self.month_bar = QHBoxLayout()
        self.month_bar.setObjectName(u"month_bar")
        self.previous_month_button = QToolButton(CarnetPage)
        self.previous_month_button.setObjectName(u"previous_month_button")

        self.month_bar.addWidget(self.previous_month_button)

        self.month_combo = QComboBox(CarnetPage)
        self.month_combo.setObjectName(u"month_combo")
        self.month_combo.setMinimumContentsLength(22)

        self.month_bar.addWidget(self.month_combo)

        self.next_month_button = QToolButton(CarnetPage)
        self.next_month_button.setObjectName(u"next_month_button")

        self.month_bar.addWidget(self.next_month_button)

        self.month_status_label = QLabel(CarnetPage)
        self.month_status_label.setObjectName(u"month_status_label")

        self.month_bar.addWidget(self.month_status_label)

        self.month_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.month_bar.addItem(self.month_spacer)

        self.close_month_button = QPushButton(CarnetPage)
        self.close_month_button.setObjectName(u"close_month_button")

        self.month_bar.addWidget(self.close_month_button)

        self.reopen_month_button = QPushButton(CarnetPage)
        self.reopen_month_button.setObjectName(u"reopen_month_button")
        self.reopen_month_button.setVisible(False)

        self.month_bar.addWidget(self.reopen_month_button)


        self.page_layout.addLayout(self.month_bar)

        self.entry_group = QGroupBox(CarnetPage)
        self.entry_group.setObjectName(u"entry_group")
        self.entry_layout = QGridLayout(self.entry_group)
        self.entry_layout.setObjectName(u"entry_layout")
        self.date_label = QLabel(self.entry_group)
        self.date_label.setObjectName(u"date_label")

        self.entry_layout.addWidget(self.date_label, 0, 0, 1, 1)

        self.ambassador_label = QLabel(self.entry_group)
        self.ambassador_label.setObjectName(u"ambassador_label")

        self.entry_layout.addWidget(self.ambassador_label, 0, 1, 1, 1)

        self.mission_label = QLabel(self.entry_group)
        self.mission_label.setObjectName(u"mission_label")

        self.entry_layout.addWidget(self.mission_label, 0, 2, 1, 1)

        self.activity_label = QLabel(self.entry_group)
        self.activity_label.setObjectName(u"activity_label")

        self.entry_layout.addWidget(self.activity_label, 0, 3, 1, 1)

        self.duration_label = QLabel(self.entry_group)
        self.duration_label.setObjectName(u"duration_label")

        self.entry_layout.addWidget(self.duration_label, 0, 4, 1, 1)

        self.start_label = QLabel(self.entry_group)
        self.start_label.setObjectName(u"start_label")

        self.entry_layout.addWidget(self.start_label, 0, 5, 1, 1)

        self.place_label = QLabel(self.entry_group)
        self.place_label.setObjectName(u"place_label")

        self.entry_layout.addWidget(self.place_label, 0, 6, 1, 1)

        self.description_label = QLabel(self.entry_group)
        self.description_label.setObjectName(u"description_label")

        self.entry_layout.addWidget(self.description_label, 0, 7, 1, 1)

        self.date_edit = QDateEdit(self.entry_group)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.entry_layout.addWidget(self.date_edit, 1, 0, 1, 1)

        self.ambassador_combo = QComboBox(self.entry_group)
        self.ambassador_combo.setObjectName(u"ambassador_combo")
        self.ambassador_combo.setMinimumContentsLength(14)

        self.entry_layout.addWidget(self.ambassador_combo, 1, 1, 1, 1)

        self.mission_combo = QComboBox(self.entry_group)
        self.mission_combo.setObjectName(u"mission_combo")

        self.entry_layout.addWidget(self.mission_combo, 1, 2, 1, 1)

        self.activity_combo = QComboBox(self.entry_group)
        self.activity_combo.setObjectName(u"activity_combo")
        self.activity_combo.setEditable(True)
        self.activity_combo.setInsertPolicy(QComboBox.NoInsert)
        self.activity_combo.setMinimumContentsLength(18)

        self.entry_layout.addWidget(self.activity_combo, 1, 3, 1, 1)

        self.duration_edit = QLineEdit(self.entry_group)
        self.duration_edit.setObjectName(u"duration_edit")
        self.duration_edit.setMaximumWidth(90)

        self.entry_layout.addWidget(self.duration_edit, 1, 4, 1, 1)

        self.start_edit = QLineEdit(self.entry_group)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setMaximumWidth(70)

        self.entry_layout.addWidget(self.start_edit, 1, 5, 1, 1)

        self.place_edit = QLineEdit(self.entry_group)
        self.place_edit.setObjectName(u"place_edit")

        self.entry_layout.addWidget(self.place_edit, 1, 6, 1, 1)

        self.description_edit = QLineEdit(self.entry_group)
        self.description_edit.setObjectName(u"description_edit")

        self.entry_layout.addWidget(self.description_edit, 1, 7, 1, 1)

        self.add_button = QPushButton(self.entry_group)
        self.add_button.setObjectName(u"add_button")

        self.entry_layout.addWidget(self.add_button, 1, 8, 1, 1)

        self.entry_message_label = QLabel(self.entry_group)
        self.entry_message_label.setObjectName(u"entry_message_label")
        self.entry_message_label.setWordWrap(True)

        self.entry_layout.addWidget(self.entry_message_label, 2, 0, 1, 9)

        self.entry_layout.setColumnStretch(3, 2)
        self.entry_layout.setColumnStretch(6, 2)
        self.entry_layout.setColumnStretch(7, 4)

        self.page_layout.addWidget(self.entry_group)

        self.filter_bar = QHBoxLayout()
        self.filter_bar.setObjectName(u"filter_bar")
        self.filter_label = QLabel(CarnetPage)
        self.filter_label.setObjectName(u"filter_label")

        self.filter_bar.addWidget(self.filter_label)

        self.filter_ambassador_combo = QComboBox(CarnetPage)
        self.filter_ambassador_combo.setObjectName(u"filter_ambassador_combo")

        self.filter_bar.addWidget(self.filter_ambassador_combo)

        self.filter_mission_combo = QComboBox(CarnetPage)
        self.filter_mission_combo.setObjectName(u"filter_mission_combo")

        self.filter_bar.addWidget(self.filter_mission_combo)

        self.search_edit = QLineEdit(CarnetPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_bar.addWidget(self.search_edit)

        self.count_label = QLabel(CarnetPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_bar.addWidget(self.count_label)


        self.page_layout.addLayout(self.filter_bar)

        self.splitter = QSplitter(CarnetPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table_view = QTableView(self.splitter)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table_view.setSortingEnabled(False)
        self.table_view.setWordWrap(False)
        self.splitter.addWidget(self.table_view)
        self.summary_scroll = QScrollArea(self.splitter)
        self.summary_scroll.setObjectName(u"summary_scroll")
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.summary_scroll.setFrameShape(QFrame.NoFrame)
        self.summary_scroll.setMinimumWidth(310)
        self.summary_widget = QWidget()
        self.summary_widget.setObjectName(u"summary_widget")
        self.summary_layout = QVBoxLayout(self.summary_widget)
        self.summary_layout.setSpacing(3)
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary_layout.setContentsMargins(6, 0, 4, 0)
        self.summary_title_label = QLabel(self.summary_widget)
        self.summary_title_label.setObjectName(u"summary_title_label")

        self.summary_layout.addWidget(self.summary_title_label)

        self.claim_bar = QProgressBar(self.summary_widget)
        self.claim_bar.setObjectName(u"claim_bar")
        self.claim_bar.setVisible(False)
        self.claim_bar.setMaximum(100)
        self.claim_bar.setTextVisible(True)

        self.summary_layout.addWidget(self.claim_bar)

        self.claim_label = QLabel(self.summary_widget)
        self.claim_label.setObjectName(u"claim_label")
        self.claim_label.setWordWrap(True)

        self.summary_layout.addWidget(self.claim_label)

        self.missions_title_label = QLabel(self.summary_widget)
        self.missions_title_label.setObjectName(u"missions_title_label")
        self.missions_title_label.setVisible(False)

        self.summary_layout.addWidget(self.missions_title_label)

        self.missions_grid = QGridLayout()
        self.missions_grid.setObjectName(u"missions_grid")
        self.missions_grid.setHorizontalSpacing(12)
        self.missions_grid.setVerticalSpacing(0)

        self.summary_layout.addLayout(self.missions_grid)

        self.ambassadors_title_label = QLabel(self.summary_widget)
        self.ambassadors_title_label.setObjectName(u"ambassadors_title_label")
        self.ambassadors_title_label.setVisible(False)

        self.summary_layout.addWidget(self.ambassadors_title_label)

        self.ambassadors_grid = QGridLayout()
        self.ambassadors_grid.setObjectName(u"ambassadors_grid")
        self.ambassadors_grid.setHorizontalSpacing(12)
        self.ambassadors_grid.setVerticalSpacing(0)

        self.summary_layout.addLayout(self.ambassadors_grid)

        self.weeks_title_label = QLabel(self.summary_widget)
        self.weeks_title_label.setObjectName(u"weeks_title_label")
        self.weeks_title_label.setVisible(False)

        self.summary_layout.addWidget(self.weeks_title_label)

        self.weeks_grid = QGridLayout()
        self.weeks_grid.setObjectName(u"weeks_grid")
        self.weeks_grid.setHorizontalSpacing(12)
        self.weeks_grid.setVerticalSpacing(0)

        self.summary_layout.addLayout(self.weeks_grid)

        self.programme_title_label = QLabel(self.summary_widget)
        self.programme_title_label.setObjectName(u"programme_title_label")
        self.programme_title_label.setVisible(False)

        self.summary_layout.addWidget(self.programme_title_label)

        self.programme_bar = QProgressBar(self.summary_widget)
        self.programme_bar.setObjectName(u"programme_bar")
        self.programme_bar.setVisible(False)
        self.programme_bar.setMaximum(100)

        self.summary_layout.addWidget(self.programme_bar)

        self.programme_label = QLabel(self.summary_widget)
        self.programme_label.setObjectName(u"programme_label")
        self.programme_label.setWordWrap(True)

        self.summary_layout.addWidget(self.programme_label)

        self.summary_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.summary_layout.addItem(self.summary_spacer)

        self.summary_scroll.setWidget(self.summary_widget)
        self.splitter.addWidget(self.summary_scroll)

        self.page_layout.addWidget(self.splitter)

        self.page_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.ambassador_label.setBuddy(self.ambassador_combo)
        self.mission_label.setBuddy(self.mission_combo)
        self.activity_label.setBuddy(self.activity_combo)
        self.duration_label.setBuddy(self.duration_edit)
        self.start_label.setBuddy(self.start_edit)
        self.place_label.setBuddy(self.place_edit)
        self.description_label.setBuddy(self.description_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date_edit, self.ambassador_combo)
        QWidget.setTabOrder(self.ambassador_combo, self.mission_combo)
        QWidget.setTabOrder(self.mission_combo, self.activity_combo)
        QWidget.setTabOrder(self.activity_combo, self.duration_edit)
        QWidget.setTabOrder(self.duration_edit, self.start_edit)
        QWidget.setTabOrder(self.start_edit, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.add_button)
        QWidget.setTabOrder(self.add_button, self.table_view)

        self.retranslateUi(CarnetPage)

        QMetaObject.connectSlotsByName(CarnetPage)
    # setupUi

    def retranslateUi(self, CarnetPage):
#if QT_CONFIG(tooltip)
        self.previous_month_button.setToolTip(QCoreApplication.translate("CarnetPage", u"Mois pr\u00e9c\u00e9dent (Ctrl+Page pr\u00e9c.)", None))
#endif // QT_CONFIG(tooltip)
        self.previous_month_button.setText(QCoreApplication.translate("CarnetPage", u"\u25c0", None))
#if QT_CONFIG(tooltip)
        self.month_combo.setToolTip(QCoreApplication.translate("CarnetPage", u"Mois affich\u00e9", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.next_month_button.setToolTip(QCoreApplication.translate("CarnetPage", u"Mois suivant (Ctrl+Page suiv.)", None))
#endif // QT_CONFIG(tooltip)
        self.next_month_button.setText(QCoreApplication.translate("CarnetPage", u"\u25b6", None))
        self.month_status_label.setText("")
        self.close_month_button.setText(QCoreApplication.translate("CarnetPage", u"Cl\u00f4turer le mois\u2026", None))
#if QT_CONFIG(tooltip)
        self.close_month_button.setToolTip(QCoreApplication.translate("CarnetPage", u"Verrouille les entr\u00e9es du mois et enregistre le relev\u00e9 d'heures (PDF et Excel)", None))
#endif // QT_CONFIG(tooltip)
        self.reopen_month_button.setText(QCoreApplication.translate("CarnetPage", u"Rouvrir le mois\u2026", None))
        self.entry_group.setTitle(QCoreApplication.translate("CarnetPage", u"Nouvelle entr\u00e9e \u2014 Entr\u00e9e pour enregistrer", None))
        self.date_label.setText(QCoreApplication.translate("CarnetPage", u"&Date", None))
        self.ambassador_label.setText(QCoreApplication.translate("CarnetPage", u"&Ambassadeur", None))
        self.mission_label.setText(QCoreApplication.translate("CarnetPage", u"&Mission", None))
#if QT_CONFIG(tooltip)
        self.mission_label.setToolTip(QCoreApplication.translate("CarnetPage", u"Une lettre choisit la mission, dans cette liste ou dans la dur\u00e9e : P Promotion, F Formation, A Accompagnement, O Autre.", None))
#endif // QT_CONFIG(tooltip)
        self.activity_label.setText(QCoreApplication.translate("CarnetPage", u"Acti&vit\u00e9", None))
        self.duration_label.setText(QCoreApplication.translate("CarnetPage", u"D&ur\u00e9e", None))
        self.start_label.setText(QCoreApplication.translate("CarnetPage", u"D\u00e9&but", None))
        self.place_label.setText(QCoreApplication.translate("CarnetPage", u"&Lieu", None))
        self.description_label.setText(QCoreApplication.translate("CarnetPage", u"Descri&ption", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("CarnetPage", u"dd/MM/yyyy", None))
        self.duration_edit.setPlaceholderText(QCoreApplication.translate("CarnetPage", u"1h30", None))
#if QT_CONFIG(tooltip)
        self.duration_edit.setToolTip(QCoreApplication.translate("CarnetPage", u"1h30, 1,5 h, 1:30 ou 45 min ; puis P, F, A ou O pour changer de mission, et Entr\u00e9e", None))
#endif // QT_CONFIG(tooltip)
        self.start_edit.setPlaceholderText(QCoreApplication.translate("CarnetPage", u"09:30", None))
#if QT_CONFIG(tooltip)
        self.start_edit.setToolTip(QCoreApplication.translate("CarnetPage", u"Heure de d\u00e9but (facultative)", None))
#endif // QT_CONFIG(tooltip)
        self.place_edit.setPlaceholderText(QCoreApplication.translate("CarnetPage", u"Commune", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("CarnetPage", u"Avec qui, quoi, r\u00e9sultat\u2026", None))
        self.add_button.setText(QCoreApplication.translate("CarnetPage", u"Ajouter", None))
#if QT_CONFIG(tooltip)
        self.add_button.setToolTip(QCoreApplication.translate("CarnetPage", u"Enregistrer l'entr\u00e9e (Entr\u00e9e)", None))
#endif // QT_CONFIG(tooltip)
        self.entry_message_label.setText("")
        self.filter_label.setText(QCoreApplication.translate("CarnetPage", u"Afficher :", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("CarnetPage", u"Rechercher dans les activit\u00e9s, descriptions, lieux\u2026 (Ctrl+F)", None))
        self.count_label.setText("")
        self.summary_title_label.setText("")
        self.claim_label.setText("")
        self.missions_title_label.setText(QCoreApplication.translate("CarnetPage", u"<b>Par mission</b>", None))
        self.ambassadors_title_label.setText(QCoreApplication.translate("CarnetPage", u"<b>Par ambassadeur</b>", None))
        self.weeks_title_label.setText(QCoreApplication.translate("CarnetPage", u"<b>Par semaine (base indicative)</b>", None))
        self.programme_title_label.setText(QCoreApplication.translate("CarnetPage", u"<b>L'exp\u00e9rimentation</b>", None))
        self.programme_label.setText("")
        pass
    # retranslateUi

