# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'link_picker.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLineEdit,
    QListWidget, QPushButton, QVBoxLayout)

class Ui_LinkPicker(object):
    def setupUi(self, LinkPicker):
        if not LinkPicker.objectName():
            LinkPicker.setObjectName(u"LinkPicker")
        self.picker_layout = QVBoxLayout(LinkPicker)
        self.picker_layout.setObjectName(u"picker_layout")
        self.picker_layout.setContentsMargins(0, 0, 0, 0)
        self.links_list = QListWidget(LinkPicker)
        self.links_list.setObjectName(u"links_list")
        self.links_list.setMaximumSize(QSize(16777215, 120))

        self.picker_layout.addWidget(self.links_list)

        self.add_layout = QHBoxLayout()
        self.add_layout.setObjectName(u"add_layout")
        self.kind_combo = QComboBox(LinkPicker)
        self.kind_combo.setObjectName(u"kind_combo")

        self.add_layout.addWidget(self.kind_combo)

        self.search_edit = QLineEdit(LinkPicker)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setMinimumSize(QSize(140, 0))
        self.search_edit.setClearButtonEnabled(True)

        self.add_layout.addWidget(self.search_edit)

        self.result_combo = QComboBox(LinkPicker)
        self.result_combo.setObjectName(u"result_combo")
        self.result_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.result_combo.setMinimumContentsLength(24)

        self.add_layout.addWidget(self.result_combo)

        self.add_button = QPushButton(LinkPicker)
        self.add_button.setObjectName(u"add_button")

        self.add_layout.addWidget(self.add_button)

        self.remove_button = QPushButton(LinkPicker)
        self.remove_button.setObjectName(u"remove_button")

        self.add_layout.addWidget(self.remove_button)

        self.add_layout.setStretch(1, 1)
        self.add_layout.setStretch(2, 2)

        self.picker_layout.addLayout(self.add_layout)


        self.retranslateUi(LinkPicker)

        QMetaObject.connectSlotsByName(LinkPicker)
    # setupUi

    def retranslateUi(self, LinkPicker):
#if QT_CONFIG(tooltip)
        self.links_list.setToolTip(QCoreApplication.translate("LinkPicker", u"Suppr retire le lien s\u00e9lectionn\u00e9", None))
#endif // QT_CONFIG(tooltip)
        self.search_edit.setPlaceholderText(QCoreApplication.translate("LinkPicker", u"Rechercher\u2026", None))
        self.add_button.setText(QCoreApplication.translate("LinkPicker", u"A&jouter le lien", None))
        self.remove_button.setText(QCoreApplication.translate("LinkPicker", u"&Retirer", None))
        pass
    # retranslateUi

