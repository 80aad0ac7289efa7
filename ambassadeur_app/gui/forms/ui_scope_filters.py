# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scope_filters.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel,
    QSizePolicy, QSpacerItem, QToolButton)

class Ui_ScopeFilters(object):
    def setupUi(self, ScopeFilters):
        if not ScopeFilters.objectName():
            ScopeFilters.setObjectName(u"ScopeFilters")
        self.layout = QHBoxLayout(ScopeFilters)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.commune_label = QLabel(ScopeFilters)
        self.commune_label.setObjectName(u"commune_label")

        self.layout.addWidget(self.commune_label)

        self.commune_combo = QComboBox(ScopeFilters)
        self.commune_combo.setObjectName(u"commune_combo")
        self.commune_combo.setEditable(True)
        self.commune_combo.setInsertPolicy(QComboBox.NoInsert)
        self.commune_combo.setMinimumContentsLength(14)
        self.commune_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)

        self.layout.addWidget(self.commune_combo)

        self.ambassador_label = QLabel(ScopeFilters)
        self.ambassador_label.setObjectName(u"ambassador_label")

        self.layout.addWidget(self.ambassador_label)

        self.ambassador_combo = QComboBox(ScopeFilters)
        self.ambassador_combo.setObjectName(u"ambassador_combo")
        self.ambassador_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.layout.addWidget(self.ambassador_combo)

        self.period_label = QLabel(ScopeFilters)
        self.period_label.setObjectName(u"period_label")

        self.layout.addWidget(self.period_label)

        self.period_combo = QComboBox(ScopeFilters)
        self.period_combo.setObjectName(u"period_combo")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.layout.addWidget(self.period_combo)

        self.reset_button = QToolButton(ScopeFilters)
        self.reset_button.setObjectName(u"reset_button")

        self.layout.addWidget(self.reset_button)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout.addItem(self.spacer)

#if QT_CONFIG(shortcut)
        self.commune_label.setBuddy(self.commune_combo)
        self.ambassador_label.setBuddy(self.ambassador_combo)
        self.period_label.setBuddy(self.period_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScopeFilters)

        QMetaObject.connectSlotsByName(ScopeFilters)
    # setupUi

    def retranslateUi(self, ScopeFilters):
        self.commune_label.setText(QCoreApplication.translate("ScopeFilters", u"Co&mmune :", None))
        self.ambassador_label.setText(QCoreApplication.translate("ScopeFilters", u"Contact\u00e9s &par", None))
        self.period_label.setText(QCoreApplication.translate("ScopeFilters", u"P\u00e9&riode", None))
        self.reset_button.setText(QCoreApplication.translate("ScopeFilters", u"Tout afficher", None))
#if QT_CONFIG(tooltip)
        self.reset_button.setToolTip(QCoreApplication.translate("ScopeFilters", u"Retirer la recherche et tous les filtres", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

