"""Share the carnet through a folder, join a shared carnet, or give the binôme's passphrase.

The dialog only gathers and checks what the user typed (``request`` once accepted); the window
does the work in the background (``gui/actions/sync.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_sync_dialog import Ui_SyncDialog
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.passphrase import echo_toggle
from ambassadeur_app.storage.sealed import passphrase_problem

SHARE, JOIN, PASSPHRASE = "partager", "rejoindre", "phrase"

_TEXTS = {
    SHARE: (
        "Partager ce carnet",
        "Partager",
        "Choisissez un dossier que les deux ordinateurs du binôme voient : un dossier Syncthing, "
        "Nextcloud ou OneDrive de la CPTS, un partage réseau, ou une clé USB portée d'un ordinateur "
        "à l'autre. Le carnet y dépose une première copie complète, chiffrée avec la phrase secrète "
        "du binôme ; ensuite, chaque ordinateur y dépose ses changements et applique ceux de "
        "l'autre. Sur l'autre ordinateur : Carnet > Rejoindre un carnet partagé, même dossier, même "
        "phrase secrète. Notez-la en lieu sûr : sans elle, le dossier ne peut pas être relu.",
    ),
    JOIN: (
        "Rejoindre un carnet partagé",
        "Rejoindre",
        "Sur l'autre ordinateur, le carnet a été partagé par un dossier que celui-ci voit aussi. "
        "Un nouveau carnet est construit ici à partir de ce dossier, puis ouvert ; le carnet "
        "ouvert maintenant n'est pas modifié.",
    ),
    PASSPHRASE: (
        "Synchronisation du carnet partagé",
        "Synchroniser",
        "La phrase secrète du binôme ouvre les fichiers du dossier partagé. Elle est demandée une "
        "fois par session et gardée seulement en mémoire, jamais enregistrée.",
    ),
}


@dataclass(frozen=True)
class SyncRequest:
    folder: Path
    passphrase: str
    carnet: Path | None = None  # the new carnet, to join


class SyncDialog(QDialog):
    """``request`` holds what the user chose once the dialog is accepted."""

    def __init__(
        self,
        mode: str,
        parent: QWidget | None = None,
        folder: Path | None = None,
        carnet: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SyncDialog()
        self.ui.setupUi(self)
        self.mode = mode
        self.request: SyncRequest | None = None
        ui = self.ui
        title, verb, info = _TEXTS[mode]
        self.setWindowTitle(title)
        ui.info_label.setText(info)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.folder_edit.setText(str(folder or ""))
        ui.carnet_edit.setText(str(carnet or ""))
        layout = ui.form_layout
        layout.setRowVisible(0, mode != PASSPHRASE)
        layout.setRowVisible(1, mode == JOIN)
        layout.setRowVisible(3, mode == SHARE)
        self.resize(self.width(), self.sizeHint().height())  # no empty space below the fields
        ui.folder_button.clicked.connect(self._choose_folder)
        ui.carnet_button.clicked.connect(self._choose_carnet)
        echo_toggle(ui.show_check, ui.passphrase_edit, ui.confirm_edit)
        for edit in (ui.folder_edit, ui.carnet_edit, ui.passphrase_edit, ui.confirm_edit):
            edit.textChanged.connect(lambda: ui.message_label.clear())
        ui.buttons.accepted.connect(self._accept)
        ui.buttons.rejected.connect(self.reject)
        (ui.passphrase_edit if mode == PASSPHRASE or folder else ui.folder_edit).setFocus()

    def _choose_folder(self) -> None:
        start = Path(self.ui.folder_edit.text().strip() or Path.home())
        chosen = prompts.choose_folder(self, "Dossier partagé", start)
        if chosen is not None:
            self.ui.folder_edit.setText(str(chosen))

    def _choose_carnet(self) -> None:
        suggested = Path(self.ui.carnet_edit.text().strip() or Path.home() / "carnet.ambassadeur")
        chosen = prompts.save_file(self, "Nouveau carnet", suggested, "Carnets (*.ambassadeur)")
        if chosen is not None:
            self.ui.carnet_edit.setText(str(chosen))

    def _accept(self) -> None:
        ui, label = self.ui, self.ui.message_label
        folder = Path(ui.folder_edit.text().strip()).expanduser()
        if self.mode != PASSPHRASE and not ui.folder_edit.text().strip():
            error_line(label, "Choisissez le dossier partagé.")
            ui.folder_edit.setFocus()
            return
        if self.mode == JOIN and not folder.is_dir():
            error_line(label, f"Le dossier « {folder} » est introuvable (la clé est-elle branchée ?).")
            ui.folder_edit.setFocus()
            return
        carnet = None
        if self.mode == JOIN:
            text = ui.carnet_edit.text().strip()
            if not text:
                error_line(label, "Choisissez où créer le nouveau carnet.")
                ui.carnet_edit.setFocus()
                return
            carnet = Path(text).expanduser()
            if carnet.suffix != ".ambassadeur":
                carnet = carnet.with_name(carnet.name + ".ambassadeur")
            if carnet.exists():
                error_line(label, f"Le carnet « {carnet} » existe déjà : donnez un autre nom.")
                ui.carnet_edit.setFocus()
                return
        passphrase = ui.passphrase_edit.text()
        problem = passphrase_problem(passphrase) if self.mode == SHARE else None
        if not passphrase:
            problem = "Saisissez la phrase secrète du binôme."
        if problem is not None:
            error_line(label, problem)
            ui.passphrase_edit.setFocus()
            return
        if self.mode == SHARE and ui.confirm_edit.text() != passphrase:
            error_line(label, "Les deux saisies de la phrase secrète diffèrent.")
            ui.confirm_edit.setFocus()
            return
        self.request = SyncRequest(folder, passphrase, carnet)
        ui.passphrase_edit.clear()  # the request holds it for the work; the widgets need not
        ui.confirm_edit.clear()
        self.accept()
