# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'expenses_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_ExpensesDialog(object):
    def setupUi(self, ExpensesDialog):
        if not ExpensesDialog.objectName():
            ExpensesDialog.setObjectName(u"ExpensesDialog")
        ExpensesDialog.resize(1100, 640)
        ExpensesDialog.setAcceptDrops(True)
        self.dialog_layout = QVBoxLayout(ExpensesDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.forfait_label = QLabel(ExpensesDialog)
        self.forfait_label.setObjectName(u"forfait_label")
        self.forfait_label.setWordWrap(True)
        self.forfait_label.setTextFormat(Qt.RichText)

        self.dialog_layout.addWidget(self.forfait_label)

        self.splitter = QSplitter(ExpensesDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list_side = QWidget(self.splitter)
        self.list_side.setObjectName(u"list_side")
        self.list_layout = QVBoxLayout(self.list_side)
        self.list_layout.setObjectName(u"list_layout")
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.expenses_view = QTableView(self.list_side)
        self.expenses_view.setObjectName(u"expenses_view")
        self.expenses_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.expenses_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.expenses_view.setAlternatingRowColors(True)
        self.expenses_view.setWordWrap(False)

        self.list_layout.addWidget(self.expenses_view)

        self.list_buttons = QHBoxLayout()
        self.list_buttons.setObjectName(u"list_buttons")
        self.new_button = QPushButton(self.list_side)
        self.new_button.setObjectName(u"new_button")

        self.list_buttons.addWidget(self.new_button)

        self.delete_button = QPushButton(self.list_side)
        self.delete_button.setObjectName(u"delete_button")

        self.list_buttons.addWidget(self.delete_button)

        self.list_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.list_buttons.addItem(self.list_spacer)


        self.list_layout.addLayout(self.list_buttons)

        self.splitter.addWidget(self.list_side)
        self.form_box = QGroupBox(self.splitter)
        self.form_box.setObjectName(u"form_box")
        self.form_side = QVBoxLayout(self.form_box)
        self.form_side.setObjectName(u"form_side")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.supplier_label = QLabel(self.form_box)
        self.supplier_label.setObjectName(u"supplier_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supplier_label)

        self.supplier_edit = QLineEdit(self.form_box)
        self.supplier_edit.setObjectName(u"supplier_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supplier_edit)

        self.number_label = QLabel(self.form_box)
        self.number_label.setObjectName(u"number_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_edit = QLineEdit(self.form_box)
        self.number_edit.setObjectName(u"number_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.number_edit)

        self.date_label = QLabel(self.form_box)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(self.form_box)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.description_label = QLabel(self.form_box)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(self.form_box)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumSize(QSize(16777215, 64))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.ht_label = QLabel(self.form_box)
        self.ht_label.setObjectName(u"ht_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ht_label)

        self.ht_edit = QLineEdit(self.form_box)
        self.ht_edit.setObjectName(u"ht_edit")
        self.ht_edit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ht_edit)

        self.vat_label = QLabel(self.form_box)
        self.vat_label.setObjectName(u"vat_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.vat_label)

        self.vat_edit = QLineEdit(self.form_box)
        self.vat_edit.setObjectName(u"vat_edit")
        self.vat_edit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.vat_edit)

        self.ttc_label = QLabel(self.form_box)
        self.ttc_label.setObjectName(u"ttc_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ttc_label)

        self.ttc_edit = QLineEdit(self.form_box)
        self.ttc_edit.setObjectName(u"ttc_edit")
        self.ttc_edit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ttc_edit)

        self.status_label = QLabel(self.form_box)
        self.status_label.setObjectName(u"status_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(self.form_box)
        self.status_combo.setObjectName(u"status_combo")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.event_label = QLabel(self.form_box)
        self.event_label.setObjectName(u"event_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.event_label)

        self.event_combo = QComboBox(self.form_box)
        self.event_combo.setObjectName(u"event_combo")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.event_combo)

        self.amounts_hint = QLabel(self.form_box)
        self.amounts_hint.setObjectName(u"amounts_hint")
        self.amounts_hint.setWordWrap(True)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.amounts_hint)


        self.form_side.addLayout(self.form_layout)

        self.save_row = QHBoxLayout()
        self.save_row.setObjectName(u"save_row")
        self.message_label = QLabel(self.form_box)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.message_label.sizePolicy().hasHeightForWidth())
        self.message_label.setSizePolicy(sizePolicy)

        self.save_row.addWidget(self.message_label)

        self.save_button = QPushButton(self.form_box)
        self.save_button.setObjectName(u"save_button")

        self.save_row.addWidget(self.save_button)


        self.form_side.addLayout(self.save_row)

        self.attachments_label = QLabel(self.form_box)
        self.attachments_label.setObjectName(u"attachments_label")
        self.attachments_label.setWordWrap(True)

        self.form_side.addWidget(self.attachments_label)

        self.attachments_list = QListWidget(self.form_box)
        self.attachments_list.setObjectName(u"attachments_list")
        self.attachments_list.setMaximumSize(QSize(16777215, 110))

        self.form_side.addWidget(self.attachments_list)

        self.attachment_buttons = QHBoxLayout()
        self.attachment_buttons.setObjectName(u"attachment_buttons")
        self.attach_button = QPushButton(self.form_box)
        self.attach_button.setObjectName(u"attach_button")

        self.attachment_buttons.addWidget(self.attach_button)

        self.open_button = QPushButton(self.form_box)
        self.open_button.setObjectName(u"open_button")

        self.attachment_buttons.addWidget(self.open_button)

        self.detach_button = QPushButton(self.form_box)
        self.detach_button.setObjectName(u"detach_button")

        self.attachment_buttons.addWidget(self.detach_button)

        self.attachment_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachment_buttons.addItem(self.attachment_spacer)


        self.form_side.addLayout(self.attachment_buttons)

        self.splitter.addWidget(self.form_box)

        self.dialog_layout.addWidget(self.splitter)

        self.buttons = QDialogButtonBox(ExpensesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.supplier_label.setBuddy(self.supplier_edit)
        self.number_label.setBuddy(self.number_edit)
        self.date_label.setBuddy(self.date_edit)
        self.description_label.setBuddy(self.description_edit)
        self.ht_label.setBuddy(self.ht_edit)
        self.vat_label.setBuddy(self.vat_edit)
        self.ttc_label.setBuddy(self.ttc_edit)
        self.status_label.setBuddy(self.status_combo)
        self.event_label.setBuddy(self.event_combo)
        self.attachments_label.setBuddy(self.attachments_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.expenses_view, self.new_button)
        QWidget.setTabOrder(self.new_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.supplier_edit)
        QWidget.setTabOrder(self.supplier_edit, self.number_edit)
        QWidget.setTabOrder(self.number_edit, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.ht_edit)
        QWidget.setTabOrder(self.ht_edit, self.vat_edit)
        QWidget.setTabOrder(self.vat_edit, self.ttc_edit)
        QWidget.setTabOrder(self.ttc_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.event_combo)
        QWidget.setTabOrder(self.event_combo, self.save_button)
        QWidget.setTabOrder(self.save_button, self.attachments_list)
        QWidget.setTabOrder(self.attachments_list, self.attach_button)
        QWidget.setTabOrder(self.attach_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.detach_button)

        self.retranslateUi(ExpensesDialog)

        QMetaObject.connectSlotsByName(ExpensesDialog)
    # setupUi

    def retranslateUi(self, ExpensesDialog):
        ExpensesDialog.setWindowTitle(QCoreApplication.translate("ExpensesDialog", u"D\u00e9penses du forfait \u00e9v\u00e9nements", None))
        self.forfait_label.setText("")
        self.new_button.setText(QCoreApplication.translate("ExpensesDialog", u"&Nouvelle d\u00e9pense", None))
        self.delete_button.setText(QCoreApplication.translate("ExpensesDialog", u"Su&pprimer", None))
        self.form_box.setTitle(QCoreApplication.translate("ExpensesDialog", u"D\u00e9pense", None))
        self.supplier_label.setText(QCoreApplication.translate("ExpensesDialog", u"&Fournisseur :", None))
        self.supplier_edit.setPlaceholderText(QCoreApplication.translate("ExpensesDialog", u"Par exemple : Traiteur Dupont", None))
        self.number_label.setText(QCoreApplication.translate("ExpensesDialog", u"&Num\u00e9ro :", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("ExpensesDialog", u"Num\u00e9ro du devis ou de la facture", None))
        self.date_label.setText(QCoreApplication.translate("ExpensesDialog", u"&Date :", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ExpensesDialog", u"dd/MM/yyyy", None))
        self.description_label.setText(QCoreApplication.translate("ExpensesDialog", u"D&escription :", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("ExpensesDialog", u"Ce qui est achet\u00e9 : location de salle, buffet, impressions\u2026", None))
        self.ht_label.setText(QCoreApplication.translate("ExpensesDialog", u"Montant &HT (\u20ac) :", None))
        self.vat_label.setText(QCoreApplication.translate("ExpensesDialog", u"&TVA (\u20ac) :", None))
        self.ttc_label.setText(QCoreApplication.translate("ExpensesDialog", u"Montant TT&C (\u20ac) :", None))
        self.status_label.setText(QCoreApplication.translate("ExpensesDialog", u"&Statut :", None))
        self.event_label.setText(QCoreApplication.translate("ExpensesDialog", u"\u00c9&v\u00e9nement :", None))
        self.amounts_hint.setText(QCoreApplication.translate("ExpensesDialog", u"Laissez un des trois montants vide : il est calcul\u00e9 \u00e0 partir des deux autres.", None))
        self.message_label.setText("")
        self.save_button.setText(QCoreApplication.translate("ExpensesDialog", u"&Enregistrer", None))
        self.attachments_label.setText(QCoreApplication.translate("ExpensesDialog", u"Pi\u00e8ces &jointes (d\u00e9posez un PDF ou une image sur la fen\u00eatre pour le joindre) :", None))
        self.attach_button.setText(QCoreApplication.translate("ExpensesDialog", u"Joindre un &fichier\u2026", None))
        self.open_button.setText(QCoreApplication.translate("ExpensesDialog", u"&Ouvrir", None))
        self.detach_button.setText(QCoreApplication.translate("ExpensesDialog", u"&Retirer", None))
    # retranslateUi

