# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'solicitation_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox,
    QDateTimeEdit, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout)

class Ui_SolicitationDialog(object):
    def setupUi(self, SolicitationDialog):
        if not SolicitationDialog.objectName():
            SolicitationDialog.setObjectName(u"SolicitationDialog")
        SolicitationDialog.resize(580, 640)
        self.layout_52 = QVBoxLayout(SolicitationDialog)
        self.layout_52.setObjectName(u"layout_52")
        self.layout_51 = QFormLayout()
        self.layout_51.setObjectName(u"layout_51")
        self.received_edit_label = QLabel(SolicitationDialog)
        self.received_edit_label.setObjectName(u"received_edit_label")

        self.layout_51.setWidget(0, QFormLayout.ItemRole.LabelRole, self.received_edit_label)

        self.received_edit = QDateTimeEdit(SolicitationDialog)
        self.received_edit.setObjectName(u"received_edit")
        self.received_edit.setCalendarPopup(True)

        self.layout_51.setWidget(0, QFormLayout.ItemRole.FieldRole, self.received_edit)

        self.channel_combo_label = QLabel(SolicitationDialog)
        self.channel_combo_label.setObjectName(u"channel_combo_label")

        self.layout_51.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channel_combo_label)

        self.channel_combo = QComboBox(SolicitationDialog)
        self.channel_combo.setObjectName(u"channel_combo")

        self.layout_51.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channel_combo)

        self.category_combo_label = QLabel(SolicitationDialog)
        self.category_combo_label.setObjectName(u"category_combo_label")

        self.layout_51.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_combo_label)

        self.category_combo = QComboBox(SolicitationDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.layout_51.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.professional_combo_label = QLabel(SolicitationDialog)
        self.professional_combo_label.setObjectName(u"professional_combo_label")

        self.layout_51.setWidget(3, QFormLayout.ItemRole.LabelRole, self.professional_combo_label)

        self.professional_combo = QComboBox(SolicitationDialog)
        self.professional_combo.setObjectName(u"professional_combo")

        self.layout_51.setWidget(3, QFormLayout.ItemRole.FieldRole, self.professional_combo)

        self.structure_combo_label = QLabel(SolicitationDialog)
        self.structure_combo_label.setObjectName(u"structure_combo_label")

        self.layout_51.setWidget(4, QFormLayout.ItemRole.LabelRole, self.structure_combo_label)

        self.structure_combo = QComboBox(SolicitationDialog)
        self.structure_combo.setObjectName(u"structure_combo")

        self.layout_51.setWidget(4, QFormLayout.ItemRole.FieldRole, self.structure_combo)

        self.requester_edit_label = QLabel(SolicitationDialog)
        self.requester_edit_label.setObjectName(u"requester_edit_label")

        self.layout_51.setWidget(5, QFormLayout.ItemRole.LabelRole, self.requester_edit_label)

        self.requester_edit = QLineEdit(SolicitationDialog)
        self.requester_edit.setObjectName(u"requester_edit")

        self.layout_51.setWidget(5, QFormLayout.ItemRole.FieldRole, self.requester_edit)

        self.description_label = QLabel(SolicitationDialog)
        self.description_label.setObjectName(u"description_label")

        self.layout_51.setWidget(6, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(SolicitationDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)

        self.layout_51.setWidget(6, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.answered_check = QCheckBox(SolicitationDialog)
        self.answered_check.setObjectName(u"answered_check")

        self.layout_51.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.answered_check)

        self.answered_edit_label = QLabel(SolicitationDialog)
        self.answered_edit_label.setObjectName(u"answered_edit_label")

        self.layout_51.setWidget(8, QFormLayout.ItemRole.LabelRole, self.answered_edit_label)

        self.answered_edit = QDateTimeEdit(SolicitationDialog)
        self.answered_edit.setObjectName(u"answered_edit")
        self.answered_edit.setCalendarPopup(True)

        self.layout_51.setWidget(8, QFormLayout.ItemRole.FieldRole, self.answered_edit)

        self.answered_by_combo_label = QLabel(SolicitationDialog)
        self.answered_by_combo_label.setObjectName(u"answered_by_combo_label")

        self.layout_51.setWidget(9, QFormLayout.ItemRole.LabelRole, self.answered_by_combo_label)

        self.answered_by_combo = QComboBox(SolicitationDialog)
        self.answered_by_combo.setObjectName(u"answered_by_combo")

        self.layout_51.setWidget(9, QFormLayout.ItemRole.FieldRole, self.answered_by_combo)

        self.resolution_label = QLabel(SolicitationDialog)
        self.resolution_label.setObjectName(u"resolution_label")

        self.layout_51.setWidget(10, QFormLayout.ItemRole.LabelRole, self.resolution_label)

        self.resolution_edit = QPlainTextEdit(SolicitationDialog)
        self.resolution_edit.setObjectName(u"resolution_edit")
        self.resolution_edit.setTabChangesFocus(True)

        self.layout_51.setWidget(10, QFormLayout.ItemRole.FieldRole, self.resolution_edit)

        self.status_combo_label = QLabel(SolicitationDialog)
        self.status_combo_label.setObjectName(u"status_combo_label")

        self.layout_51.setWidget(11, QFormLayout.ItemRole.LabelRole, self.status_combo_label)

        self.status_combo = QComboBox(SolicitationDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.layout_51.setWidget(11, QFormLayout.ItemRole.FieldRole, self.status_combo)


        self.layout_52.addLayout(self.layout_51)

        self.message_label = QLabel(SolicitationDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.layout_52.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(SolicitationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout_52.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.received_edit_label.setBuddy(self.received_edit)
        self.channel_combo_label.setBuddy(self.channel_combo)
        self.category_combo_label.setBuddy(self.category_combo)
        self.professional_combo_label.setBuddy(self.professional_combo)
        self.structure_combo_label.setBuddy(self.structure_combo)
        self.requester_edit_label.setBuddy(self.requester_edit)
        self.description_label.setBuddy(self.description_edit)
        self.answered_edit_label.setBuddy(self.answered_edit)
        self.answered_by_combo_label.setBuddy(self.answered_by_combo)
        self.resolution_label.setBuddy(self.resolution_edit)
        self.status_combo_label.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SolicitationDialog)

        QMetaObject.connectSlotsByName(SolicitationDialog)
    # setupUi

    def retranslateUi(self, SolicitationDialog):
        SolicitationDialog.setWindowTitle(QCoreApplication.translate("SolicitationDialog", u"Sollicitation", None))
        self.received_edit_label.setText(QCoreApplication.translate("SolicitationDialog", u"&Re\u00e7ue le", None))
        self.received_edit.setDisplayFormat(QCoreApplication.translate("SolicitationDialog", u"dd/MM/yyyy HH:mm", None))
        self.channel_combo_label.setText(QCoreApplication.translate("SolicitationDialog", u"&Canal", None))
        self.category_combo_label.setText(QCoreApplication.translate("SolicitationDialog", u"Ca&t\u00e9gorie", None))
        self.professional_combo_label.setText(QCoreApplication.translate("SolicitationDialog", u"De la part de (&professionnel)", None))
        self.structure_combo_label.setText(QCoreApplication.translate("SolicitationDialog", u"ou de la &structure", None))
        self.requester_edit_label.setText(QCoreApplication.translate("SolicitationDialog", u"ou de (&nom libre)", None))
        self.description_label.setText(QCoreApplication.translate("SolicitationDialog", u"&Description", None))
        self.answered_check.setText(QCoreApplication.translate("SolicitationDialog", u"R\u00e9pondue", None))
        self.answered_edit_label.setText(QCoreApplication.translate("SolicitationDialog", u"R\u00e9pondue &le", None))
        self.answered_edit.setDisplayFormat(QCoreApplication.translate("SolicitationDialog", u"dd/MM/yyyy HH:mm", None))
        self.answered_by_combo_label.setText(QCoreApplication.translate("SolicitationDialog", u"&Par", None))
        self.resolution_label.setText(QCoreApplication.translate("SolicitationDialog", u"R\u00e9&ponse apport\u00e9e", None))
        self.status_combo_label.setText(QCoreApplication.translate("SolicitationDialog", u"St&atut", None))
        self.message_label.setText("")
    # retranslateUi

