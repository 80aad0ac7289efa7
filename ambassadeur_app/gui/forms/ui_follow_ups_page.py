# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_ups_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableView, QVBoxLayout)

class Ui_FollowUpsPage(object):
    def setupUi(self, FollowUpsPage):
        if not FollowUpsPage.objectName():
            FollowUpsPage.setObjectName(u"FollowUpsPage")
        self.layout_28 = QVBoxLayout(FollowUpsPage)
        self.layout_28.setObjectName(u"layout_28")
        self.due_label = QLabel(FollowUpsPage)
        self.due_label.setObjectName(u"due_label")

        self.layout_28.addWidget(self.due_label)

        self.due_view = QTableView(FollowUpsPage)
        self.due_view.setObjectName(u"due_view")
        self.due_view.setAlternatingRowColors(True)
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.due_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.due_view.setWordWrap(False)

        self.layout_28.addWidget(self.due_view)

        self.layout_23 = QHBoxLayout()
        self.layout_23.setObjectName(u"layout_23")
        self.done_button = QPushButton(FollowUpsPage)
        self.done_button.setObjectName(u"done_button")

        self.layout_23.addWidget(self.done_button)

        self.open_due_button = QPushButton(FollowUpsPage)
        self.open_due_button.setObjectName(u"open_due_button")

        self.layout_23.addWidget(self.open_due_button)

        self.spacer_22 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_23.addItem(self.spacer_22)


        self.layout_28.addLayout(self.layout_23)

        self.layout_25 = QHBoxLayout()
        self.layout_25.setObjectName(u"layout_25")
        self.stale_label = QLabel(FollowUpsPage)
        self.stale_label.setObjectName(u"stale_label")

        self.layout_25.addWidget(self.stale_label)

        self.stale_spin = QSpinBox(FollowUpsPage)
        self.stale_spin.setObjectName(u"stale_spin")
        self.stale_spin.setMinimum(7)
        self.stale_spin.setMaximum(365)

        self.layout_25.addWidget(self.stale_spin)

        self.stale_count_label = QLabel(FollowUpsPage)
        self.stale_count_label.setObjectName(u"stale_count_label")

        self.layout_25.addWidget(self.stale_count_label)

        self.spacer_24 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_25.addItem(self.spacer_24)


        self.layout_28.addLayout(self.layout_25)

        self.stale_view = QTableView(FollowUpsPage)
        self.stale_view.setObjectName(u"stale_view")
        self.stale_view.setAlternatingRowColors(True)
        self.stale_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.stale_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.stale_view.setWordWrap(False)

        self.layout_28.addWidget(self.stale_view)

        self.layout_27 = QHBoxLayout()
        self.layout_27.setObjectName(u"layout_27")
        self.contact_button = QPushButton(FollowUpsPage)
        self.contact_button.setObjectName(u"contact_button")

        self.layout_27.addWidget(self.contact_button)

        self.open_stale_button = QPushButton(FollowUpsPage)
        self.open_stale_button.setObjectName(u"open_stale_button")

        self.layout_27.addWidget(self.open_stale_button)

        self.spacer_26 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_27.addItem(self.spacer_26)


        self.layout_28.addLayout(self.layout_27)

        self.layout_28.setStretch(1, 1)
        self.layout_28.setStretch(4, 1)

        self.retranslateUi(FollowUpsPage)

        QMetaObject.connectSlotsByName(FollowUpsPage)
    # setupUi

    def retranslateUi(self, FollowUpsPage):
        self.due_label.setText(QCoreApplication.translate("FollowUpsPage", u"<b>Prochaines \u00e9tapes</b> \u2014 \u00e9chues ou pr\u00e9vues dans les 7 jours", None))
        self.done_button.setText(QCoreApplication.translate("FollowUpsPage", u"Marquer comme &fait", None))
        self.open_due_button.setText(QCoreApplication.translate("FollowUpsPage", u"&Voir le professionnel", None))
        self.stale_label.setText(QCoreApplication.translate("FollowUpsPage", u"<b>Sans nouvelles depuis</b>", None))
        self.stale_spin.setSuffix(QCoreApplication.translate("FollowUpsPage", u" jours", None))
        self.stale_count_label.setText("")
        self.contact_button.setText(QCoreApplication.translate("FollowUpsPage", u"Noter un &contact\u2026", None))
        self.open_stale_button.setText(QCoreApplication.translate("FollowUpsPage", u"Voir le &professionnel", None))
        pass
    # retranslateUi

