# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'targets_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSpinBox, QVBoxLayout)

class Ui_TargetsDialog(object):
    def setupUi(self, TargetsDialog):
        if not TargetsDialog.objectName():
            TargetsDialog.setObjectName(u"TargetsDialog")
        TargetsDialog.resize(560, 340)
        self.dialog_layout = QVBoxLayout(TargetsDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.explanation_label = QLabel(TargetsDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explanation_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.users_label = QLabel(TargetsDialog)
        self.users_label.setObjectName(u"users_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.users_label)

        self.users_spin = QSpinBox(TargetsDialog)
        self.users_spin.setObjectName(u"users_spin")
        self.users_spin.setMaximum(999)
        self.users_spin.setMinimumSize(QSize(90, 0))

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.users_spin)

        self.events_label = QLabel(TargetsDialog)
        self.events_label.setObjectName(u"events_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.events_label)

        self.events_spin = QSpinBox(TargetsDialog)
        self.events_spin.setObjectName(u"events_spin")
        self.events_spin.setMaximum(999)
        self.events_spin.setMinimumSize(QSize(90, 0))

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.events_spin)

        self.coordinated_label = QLabel(TargetsDialog)
        self.coordinated_label.setObjectName(u"coordinated_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.coordinated_label)

        self.coordinated_spin = QSpinBox(TargetsDialog)
        self.coordinated_spin.setObjectName(u"coordinated_spin")
        self.coordinated_spin.setMaximum(999)
        self.coordinated_spin.setMinimumSize(QSize(90, 0))

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coordinated_spin)

        self.hospitals_label = QLabel(TargetsDialog)
        self.hospitals_label.setObjectName(u"hospitals_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hospitals_label)

        self.hospitals_spin = QSpinBox(TargetsDialog)
        self.hospitals_spin.setObjectName(u"hospitals_spin")
        self.hospitals_spin.setMaximum(999)
        self.hospitals_spin.setMinimumSize(QSize(90, 0))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hospitals_spin)

        self.nursing_homes_label = QLabel(TargetsDialog)
        self.nursing_homes_label.setObjectName(u"nursing_homes_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nursing_homes_label)

        self.nursing_homes_spin = QSpinBox(TargetsDialog)
        self.nursing_homes_spin.setObjectName(u"nursing_homes_spin")
        self.nursing_homes_spin.setMaximum(999)
        self.nursing_homes_spin.setMinimumSize(QSize(90, 0))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nursing_homes_spin)

        self.tool_surveys_label = QLabel(TargetsDialog)
        self.tool_surveys_label.setObjectName(u"tool_surveys_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.tool_surveys_label)

        self.tool_surveys_spin = QSpinBox(TargetsDialog)
        self.tool_surveys_spin.setObjectName(u"tool_surveys_spin")
        self.tool_surveys_spin.setMaximum(999)
        self.tool_surveys_spin.setMinimumSize(QSize(90, 0))

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tool_surveys_spin)

        self.it_check = QCheckBox(TargetsDialog)
        self.it_check.setObjectName(u"it_check")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.it_check)


        self.dialog_layout.addLayout(self.form_layout)

        self.message_label = QLabel(TargetsDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.message_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.defaults_button = QPushButton(TargetsDialog)
        self.defaults_button.setObjectName(u"defaults_button")
        self.defaults_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.defaults_button)

        self.buttons = QDialogButtonBox(TargetsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.buttons_layout.addWidget(self.buttons)


        self.dialog_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.users_label.setBuddy(self.users_spin)
        self.events_label.setBuddy(self.events_spin)
        self.coordinated_label.setBuddy(self.coordinated_spin)
        self.hospitals_label.setBuddy(self.hospitals_spin)
        self.nursing_homes_label.setBuddy(self.nursing_homes_spin)
        self.tool_surveys_label.setBuddy(self.tool_surveys_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TargetsDialog)

        QMetaObject.connectSlotsByName(TargetsDialog)
    # setupUi

    def retranslateUi(self, TargetsDialog):
        TargetsDialog.setWindowTitle(QCoreApplication.translate("TargetsDialog", u"Objectifs de l'exp\u00e9rimentation", None))
        self.explanation_label.setText(QCoreApplication.translate("TargetsDialog", u"Les objectifs du cahier des charges (\u00a75), r\u00e9glages de ce carnet : le tableau de bord mesure chaque indicateur par rapport \u00e0 eux.", None))
        self.users_label.setText(QCoreApplication.translate("TargetsDialog", u"&Augmentation des utilisateurs actifs", None))
        self.users_spin.setSuffix(QCoreApplication.translate("TargetsDialog", u" %", None))
        self.events_label.setText(QCoreApplication.translate("TargetsDialog", u"&\u00c9v\u00e9nements ouverts au d\u00e9partement, suivis d'un questionnaire", None))
        self.coordinated_label.setText(QCoreApplication.translate("TargetsDialog", u"&Part des MSP, ESP et CDS embarqu\u00e9es", None))
        self.coordinated_spin.setSuffix(QCoreApplication.translate("TargetsDialog", u" %", None))
        self.hospitals_label.setText(QCoreApplication.translate("TargetsDialog", u"Centres &hospitaliers engag\u00e9s", None))
        self.nursing_homes_label.setText(QCoreApplication.translate("TargetsDialog", u"EHPAD en&gag\u00e9s", None))
        self.tool_surveys_label.setText(QCoreApplication.translate("TargetsDialog", u"Diffusions du &questionnaire sur l'outil", None))
        self.it_check.setText(QCoreApplication.translate("TargetsDialog", u"La &DSI du CH doit s'engager \u00e0 envoyer les notifications d'entr\u00e9e et de sortie", None))
        self.message_label.setText("")
        self.defaults_button.setText(QCoreApplication.translate("TargetsDialog", u"Valeurs du &cahier des charges", None))
    # retranslateUi

