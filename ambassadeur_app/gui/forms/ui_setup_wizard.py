# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QLabel,
    QLineEdit, QVBoxLayout, QWizard, QWizardPage)

from ambassadeur_app.gui.widgets.programme_form import ProgrammeForm

class Ui_SetupWizard(object):
    def setupUi(self, SetupWizard):
        if not SetupWizard.objectName():
            SetupWizard.setObjectName(u"SetupWizard")
        SetupWizard.resize(640, 560)
        SetupWizard.setWizardStyle(QWizard.ClassicStyle)
        self.intro_page = QWizardPage()
        self.intro_page.setObjectName(u"intro_page")
        self.intro_layout = QVBoxLayout(self.intro_page)
        self.intro_layout.setObjectName(u"intro_layout")
        self.intro_label = QLabel(self.intro_page)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.intro_layout.addWidget(self.intro_label)

        self.path_label = QLabel(self.intro_page)
        self.path_label.setObjectName(u"path_label")
        self.path_label.setWordWrap(True)

        self.intro_layout.addWidget(self.path_label)

        SetupWizard.addPage(self.intro_page)
        self.programme_page = QWizardPage()
        self.programme_page.setObjectName(u"programme_page")
        self.programme_layout = QVBoxLayout(self.programme_page)
        self.programme_layout.setObjectName(u"programme_layout")
        self.programme_form = ProgrammeForm(self.programme_page)
        self.programme_form.setObjectName(u"programme_form")

        self.programme_layout.addWidget(self.programme_form)

        SetupWizard.addPage(self.programme_page)
        self.binome_page = QWizardPage()
        self.binome_page.setObjectName(u"binome_page")
        self.binome_layout = QVBoxLayout(self.binome_page)
        self.binome_layout.setObjectName(u"binome_layout")
        self.medical_group = QGroupBox(self.binome_page)
        self.medical_group.setObjectName(u"medical_group")
        self.medical_layout = QFormLayout(self.medical_group)
        self.medical_layout.setObjectName(u"medical_layout")
        self.medical_name_label = QLabel(self.medical_group)
        self.medical_name_label.setObjectName(u"medical_name_label")

        self.medical_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.medical_name_label)

        self.medical_name_edit = QLineEdit(self.medical_group)
        self.medical_name_edit.setObjectName(u"medical_name_edit")

        self.medical_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.medical_name_edit)

        self.medical_profession_label = QLabel(self.medical_group)
        self.medical_profession_label.setObjectName(u"medical_profession_label")

        self.medical_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.medical_profession_label)

        self.medical_profession_edit = QLineEdit(self.medical_group)
        self.medical_profession_edit.setObjectName(u"medical_profession_edit")

        self.medical_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.medical_profession_edit)

        self.medical_email_label = QLabel(self.medical_group)
        self.medical_email_label.setObjectName(u"medical_email_label")

        self.medical_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.medical_email_label)

        self.medical_email_edit = QLineEdit(self.medical_group)
        self.medical_email_edit.setObjectName(u"medical_email_edit")

        self.medical_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.medical_email_edit)


        self.binome_layout.addWidget(self.medical_group)

        self.admin_group = QGroupBox(self.binome_page)
        self.admin_group.setObjectName(u"admin_group")
        self.admin_layout = QFormLayout(self.admin_group)
        self.admin_layout.setObjectName(u"admin_layout")
        self.admin_name_label = QLabel(self.admin_group)
        self.admin_name_label.setObjectName(u"admin_name_label")

        self.admin_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.admin_name_label)

        self.admin_name_edit = QLineEdit(self.admin_group)
        self.admin_name_edit.setObjectName(u"admin_name_edit")

        self.admin_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.admin_name_edit)

        self.admin_profession_label = QLabel(self.admin_group)
        self.admin_profession_label.setObjectName(u"admin_profession_label")

        self.admin_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.admin_profession_label)

        self.admin_profession_edit = QLineEdit(self.admin_group)
        self.admin_profession_edit.setObjectName(u"admin_profession_edit")

        self.admin_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.admin_profession_edit)

        self.admin_email_label = QLabel(self.admin_group)
        self.admin_email_label.setObjectName(u"admin_email_label")

        self.admin_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.admin_email_label)

        self.admin_email_edit = QLineEdit(self.admin_group)
        self.admin_email_edit.setObjectName(u"admin_email_edit")

        self.admin_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.admin_email_edit)


        self.binome_layout.addWidget(self.admin_group)

        self.binome_message_label = QLabel(self.binome_page)
        self.binome_message_label.setObjectName(u"binome_message_label")
        self.binome_message_label.setWordWrap(True)

        self.binome_layout.addWidget(self.binome_message_label)

        SetupWizard.addPage(self.binome_page)
#if QT_CONFIG(shortcut)
        self.medical_name_label.setBuddy(self.medical_name_edit)
        self.medical_profession_label.setBuddy(self.medical_profession_edit)
        self.medical_email_label.setBuddy(self.medical_email_edit)
        self.admin_name_label.setBuddy(self.admin_name_edit)
        self.admin_profession_label.setBuddy(self.admin_profession_edit)
        self.admin_email_label.setBuddy(self.admin_email_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SetupWizard)

        QMetaObject.connectSlotsByName(SetupWizard)
    # setupUi

    def retranslateUi(self, SetupWizard):
        SetupWizard.setWindowTitle(QCoreApplication.translate("SetupWizard", u"Cr\u00e9er votre carnet de bord", None))
        self.intro_page.setTitle(QCoreApplication.translate("SetupWizard", u"Bienvenue", None))
        self.intro_page.setSubTitle(QCoreApplication.translate("SetupWizard", u"Le carnet de bord du bin\u00f4me ambassadeur, qui fonctionne sans connexion.", None))
        self.intro_label.setText(QCoreApplication.translate("SetupWizard", u"Ce carnet enregistre vos heures par mission (promotion, formation, accompagnement), calcule le montant \u00e0 demander au regard du plafond mensuel et produit les relev\u00e9s d'heures \u00e0 signer, en Excel et en PDF.<br/><br/>Trois informations suffisent pour commencer : votre CPTS, la date de d\u00e9but de l'exp\u00e9rimentation et les deux membres du bin\u00f4me. Tout se modifie ensuite dans Carnet > Param\u00e8tres.", None))
        self.path_label.setText("")
        self.programme_page.setTitle(QCoreApplication.translate("SetupWizard", u"La CPTS et l'exp\u00e9rimentation", None))
        self.programme_page.setSubTitle(QCoreApplication.translate("SetupWizard", u"Les montants sont ceux du cahier des charges ; modifiez-les si votre convention diff\u00e8re.", None))
        self.binome_page.setTitle(QCoreApplication.translate("SetupWizard", u"Le bin\u00f4me ambassadeur", None))
        self.binome_page.setSubTitle(QCoreApplication.translate("SetupWizard", u"Un membre m\u00e9dical et un membre administratif. Le nom suffit ; le reste est facultatif.", None))
        self.medical_group.setTitle(QCoreApplication.translate("SetupWizard", u"Ambassadeur m\u00e9dical", None))
        self.medical_name_label.setText(QCoreApplication.translate("SetupWizard", u"&Nom", None))
        self.medical_profession_label.setText(QCoreApplication.translate("SetupWizard", u"&Profession", None))
        self.medical_email_label.setText(QCoreApplication.translate("SetupWizard", u"&E-mail", None))
        self.admin_group.setTitle(QCoreApplication.translate("SetupWizard", u"Ambassadeur administratif", None))
        self.admin_name_label.setText(QCoreApplication.translate("SetupWizard", u"&Nom", None))
        self.admin_profession_label.setText(QCoreApplication.translate("SetupWizard", u"&Profession", None))
        self.admin_email_label.setText(QCoreApplication.translate("SetupWizard", u"&E-mail", None))
        self.binome_message_label.setText("")
    # retranslateUi

