# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(1100, 700)
        self.page_layout = QVBoxLayout(DashboardPage)
        self.page_layout.setObjectName(u"page_layout")
        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.situation_label = QLabel(DashboardPage)
        self.situation_label.setObjectName(u"situation_label")
        self.situation_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.situation_label.sizePolicy().hasHeightForWidth())
        self.situation_label.setSizePolicy(sizePolicy)

        self.actions_layout.addWidget(self.situation_label)

        self.reading_button = QPushButton(DashboardPage)
        self.reading_button.setObjectName(u"reading_button")

        self.actions_layout.addWidget(self.reading_button)

        self.import_button = QPushButton(DashboardPage)
        self.import_button.setObjectName(u"import_button")

        self.actions_layout.addWidget(self.import_button)

        self.targets_button = QPushButton(DashboardPage)
        self.targets_button.setObjectName(u"targets_button")

        self.actions_layout.addWidget(self.targets_button)

        self.export_button = QPushButton(DashboardPage)
        self.export_button.setObjectName(u"export_button")

        self.actions_layout.addWidget(self.export_button)


        self.page_layout.addLayout(self.actions_layout)

        self.scroll_area = QScrollArea(DashboardPage)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.NoFrame)
        self.cards_widget = QWidget()
        self.cards_widget.setObjectName(u"cards_widget")
        self.cards_layout = QVBoxLayout(self.cards_widget)
        self.cards_layout.setSpacing(10)
        self.cards_layout.setObjectName(u"cards_layout")
        self.scroll_area.setWidget(self.cards_widget)

        self.page_layout.addWidget(self.scroll_area)


        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.situation_label.setText("")
        self.reading_button.setText(QCoreApplication.translate("DashboardPage", u"&Nouveau relev\u00e9 d'utilisateurs\u2026", None))
#if QT_CONFIG(tooltip)
        self.reading_button.setToolTip(QCoreApplication.translate("DashboardPage", u"Noter les utilisateurs Parceo actifs du d\u00e9partement \u00e0 une date (statistiques de Pulsy), ou la valeur de r\u00e9f\u00e9rence (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.import_button.setText(QCoreApplication.translate("DashboardPage", u"&Importer des relev\u00e9s\u2026", None))
#if QT_CONFIG(tooltip)
        self.import_button.setToolTip(QCoreApplication.translate("DashboardPage", u"Lire les relev\u00e9s d'un tableur (colonnes Date, Utilisateurs actifs et, au besoin, R\u00e9f\u00e9rence)", None))
#endif // QT_CONFIG(tooltip)
        self.targets_button.setText(QCoreApplication.translate("DashboardPage", u"O&bjectifs\u2026", None))
#if QT_CONFIG(tooltip)
        self.targets_button.setToolTip(QCoreApplication.translate("DashboardPage", u"Modifier les objectifs de l'exp\u00e9rimentation (par d\u00e9faut ceux du cahier des charges)", None))
#endif // QT_CONFIG(tooltip)
        self.export_button.setText(QCoreApplication.translate("DashboardPage", u"E&xporter le tableau de bord\u2026", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("DashboardPage", u"\u00c9crire le tableau de bord en Excel ou en PDF (avec ses graphiques), puis l'ouvrir", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

