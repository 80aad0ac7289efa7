# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ContactDialog(object):
    def setupUi(self, ContactDialog):
        if not ContactDialog.objectName():
            ContactDialog.setObjectName(u"ContactDialog")
        ContactDialog.resize(600, 740)
        self.layout_50 = QVBoxLayout(ContactDialog)
        self.layout_50.setObjectName(u"layout_50")
        self.layout_49 = QFormLayout()
        self.layout_49.setObjectName(u"layout_49")
        self.date_edit_label = QLabel(ContactDialog)
        self.date_edit_label.setObjectName(u"date_edit_label")

        self.layout_49.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_edit_label)

        self.date_edit = QDateEdit(ContactDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.layout_49.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.ambassador_combo_label = QLabel(ContactDialog)
        self.ambassador_combo_label.setObjectName(u"ambassador_combo_label")

        self.layout_49.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ambassador_combo_label)

        self.ambassador_combo = QComboBox(ContactDialog)
        self.ambassador_combo.setObjectName(u"ambassador_combo")

        self.layout_49.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ambassador_combo)

        self.channel_combo_label = QLabel(ContactDialog)
        self.channel_combo_label.setObjectName(u"channel_combo_label")

        self.layout_49.setWidget(2, QFormLayout.ItemRole.LabelRole, self.channel_combo_label)

        self.channel_combo = QComboBox(ContactDialog)
        self.channel_combo.setObjectName(u"channel_combo")

        self.layout_49.setWidget(2, QFormLayout.ItemRole.FieldRole, self.channel_combo)

        self.mission_combo_label = QLabel(ContactDialog)
        self.mission_combo_label.setObjectName(u"mission_combo_label")

        self.layout_49.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mission_combo_label)

        self.mission_combo = QComboBox(ContactDialog)
        self.mission_combo.setObjectName(u"mission_combo")

        self.layout_49.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mission_combo)

        self.subject_edit_label = QLabel(ContactDialog)
        self.subject_edit_label.setObjectName(u"subject_edit_label")

        self.layout_49.setWidget(4, QFormLayout.ItemRole.LabelRole, self.subject_edit_label)

        self.subject_edit = QLineEdit(ContactDialog)
        self.subject_edit.setObjectName(u"subject_edit")

        self.layout_49.setWidget(4, QFormLayout.ItemRole.FieldRole, self.subject_edit)

        self.structure_combo_label = QLabel(ContactDialog)
        self.structure_combo_label.setObjectName(u"structure_combo_label")

        self.layout_49.setWidget(5, QFormLayout.ItemRole.LabelRole, self.structure_combo_label)

        self.structure_combo = QComboBox(ContactDialog)
        self.structure_combo.setObjectName(u"structure_combo")

        self.layout_49.setWidget(5, QFormLayout.ItemRole.FieldRole, self.structure_combo)

        self.people_label = QLabel(ContactDialog)
        self.people_label.setObjectName(u"people_label")

        self.layout_49.setWidget(6, QFormLayout.ItemRole.LabelRole, self.people_label)

        self.people_filter_edit = QLineEdit(ContactDialog)
        self.people_filter_edit.setObjectName(u"people_filter_edit")
        self.people_filter_edit.setClearButtonEnabled(True)

        self.layout_49.setWidget(6, QFormLayout.ItemRole.FieldRole, self.people_filter_edit)

        self.people_list = QListWidget(ContactDialog)
        self.people_list.setObjectName(u"people_list")

        self.layout_49.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.people_list)

        self.outcome_label = QLabel(ContactDialog)
        self.outcome_label.setObjectName(u"outcome_label")

        self.layout_49.setWidget(8, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome_edit = QPlainTextEdit(ContactDialog)
        self.outcome_edit.setObjectName(u"outcome_edit")
        self.outcome_edit.setTabChangesFocus(True)

        self.layout_49.setWidget(8, QFormLayout.ItemRole.FieldRole, self.outcome_edit)

        self.next_step_edit_label = QLabel(ContactDialog)
        self.next_step_edit_label.setObjectName(u"next_step_edit_label")

        self.layout_49.setWidget(9, QFormLayout.ItemRole.LabelRole, self.next_step_edit_label)

        self.next_step_edit = QLineEdit(ContactDialog)
        self.next_step_edit.setObjectName(u"next_step_edit")

        self.layout_49.setWidget(9, QFormLayout.ItemRole.FieldRole, self.next_step_edit)

        self.layout_46 = QHBoxLayout()
        self.layout_46.setObjectName(u"layout_46")
        self.layout_46.setContentsMargins(0, 0, 0, 0)
        self.due_check = QCheckBox(ContactDialog)
        self.due_check.setObjectName(u"due_check")

        self.layout_46.addWidget(self.due_check)

        self.due_edit = QDateEdit(ContactDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setCalendarPopup(True)

        self.layout_46.addWidget(self.due_edit)

        self.spacer_45 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_46.addItem(self.spacer_45)


        self.layout_49.setLayout(10, QFormLayout.ItemRole.SpanningRole, self.layout_46)

        self.layout_48 = QHBoxLayout()
        self.layout_48.setObjectName(u"layout_48")
        self.layout_48.setContentsMargins(0, 0, 0, 0)
        self.time_check = QCheckBox(ContactDialog)
        self.time_check.setObjectName(u"time_check")

        self.layout_48.addWidget(self.time_check)

        self.duration_edit = QLineEdit(ContactDialog)
        self.duration_edit.setObjectName(u"duration_edit")
        self.duration_edit.setMaximumWidth(90)

        self.layout_48.addWidget(self.duration_edit)

        self.activity_combo = QComboBox(ContactDialog)
        self.activity_combo.setObjectName(u"activity_combo")
        self.activity_combo.setEditable(True)

        self.layout_48.addWidget(self.activity_combo)

        self.spacer_47 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout_48.addItem(self.spacer_47)


        self.layout_49.setLayout(11, QFormLayout.ItemRole.SpanningRole, self.layout_48)


        self.layout_50.addLayout(self.layout_49)

        self.message_label = QLabel(ContactDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.layout_50.addWidget(self.message_label)

        self.buttons = QDialogButtonBox(ContactDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout_50.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_edit_label.setBuddy(self.date_edit)
        self.ambassador_combo_label.setBuddy(self.ambassador_combo)
        self.channel_combo_label.setBuddy(self.channel_combo)
        self.mission_combo_label.setBuddy(self.mission_combo)
        self.subject_edit_label.setBuddy(self.subject_edit)
        self.structure_combo_label.setBuddy(self.structure_combo)
        self.people_label.setBuddy(self.people_filter_edit)
        self.outcome_label.setBuddy(self.outcome_edit)
        self.next_step_edit_label.setBuddy(self.next_step_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactDialog)

        QMetaObject.connectSlotsByName(ContactDialog)
    # setupUi

    def retranslateUi(self, ContactDialog):
        ContactDialog.setWindowTitle(QCoreApplication.translate("ContactDialog", u"Contact", None))
        self.date_edit_label.setText(QCoreApplication.translate("ContactDialog", u"&Date", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ContactDialog", u"dd/MM/yyyy", None))
        self.ambassador_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Ambassadeur", None))
        self.channel_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Canal", None))
        self.mission_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Mission", None))
        self.subject_edit_label.setText(QCoreApplication.translate("ContactDialog", u"&Objet", None))
        self.structure_combo_label.setText(QCoreApplication.translate("ContactDialog", u"&Structure", None))
        self.people_label.setText(QCoreApplication.translate("ContactDialog", u"&Professionnels", None))
        self.people_filter_edit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"Filtrer la liste\u2026", None))
        self.outcome_label.setText(QCoreApplication.translate("ContactDialog", u"&R\u00e9sultat", None))
        self.next_step_edit_label.setText(QCoreApplication.translate("ContactDialog", u"Prochaine \u00e9&tape", None))
        self.due_check.setText(QCoreApplication.translate("ContactDialog", u"\u00e0 faire pour le", None))
        self.due_edit.setDisplayFormat(QCoreApplication.translate("ContactDialog", u"dd/MM/yyyy", None))
        self.time_check.setText(QCoreApplication.translate("ContactDialog", u"&Noter aussi le temps pass\u00e9 :", None))
        self.duration_edit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"1h30", None))
        self.message_label.setText("")
    # retranslateUi

