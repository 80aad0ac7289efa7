"""The « Afficher la phrase secrète » check box of the dialogs that ask a passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLineEdit


def echo_toggle(check: QAbstractButton, *edits: QLineEdit) -> None:
    """Show the text of ``edits`` while ``check`` is checked, dots otherwise."""

    def toggled(shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in edits:
            edit.setEchoMode(mode)

    check.toggled.connect(toggled)
