"""Share the carnet through a folder, join a shared carnet (in a new carnet, or merging a carnet
kept apart into it), or give the binôme's passphrase.

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
        "Le carnet partagé est construit ici à partir de ce dossier, puis ouvert : dans un nouveau "
        "carnet, ou, si cet ordinateur tenait déjà son propre carnet, en fusionnant celui-ci avec "
        "le carnet partagé.",
    ),
    PASSPHRASE: (
        "Synchronisation du carnet partagé",
        "Synchroniser",
        "La phrase secrète du binôme ouvre les fichiers du dossier partagé. Elle est demandée une "
        "fois par session et gardée seulement en mémoire, jamais enregistrée.",
    ),
}


MERGE_TEXT = (
    "La fusion fait du carnet choisi la copie du carnet partagé sur cet ordinateur : ses entrées, "
    "son registre et ses réglages rejoignent ceux de l'autre ordinateur, sans rien perdre.\n"
    "• Une même personne saisie des deux côtés reste une seule fiche (ambassadeurs par leur nom, "
    "professionnels par leur RPPS ou ADELI, structures par leur FINESS, sinon par nom et commune).\n"
    "• Un réglage du programme qui diffère garde la valeur du carnet partagé ; l'autre est listée "
    "dans Carnet > Conflits à vérifier, d'où elle peut être reprise.\n"
    "• Une même entrée saisie sur les deux ordinateurs est signalée comme doublon, jamais comptée "
    "deux fois.\n"
    "• Une sauvegarde du carnet est faite d'abord, et son fichier n'est remplacé qu'une fois la "
    "fusion complète : en cas d'erreur, il reste tel quel. Ouvert dans la fenêtre, il est fermé "
    "pendant la fusion, puis rouvert fusionné."
)


@dataclass(frozen=True)
class SyncRequest:
    folder: Path
    passphrase: str
    carnet: Path | None = None  # to join: the new carnet, or the carnet to merge
    merge: bool = False  # ``carnet`` exists, kept apart before sharing: merge it into the shared one


class SyncDialog(QDialog):
    """``request`` holds what the user chose once the dialog is accepted."""

    def __init__(
        self,
        mode: str,
        parent: QWidget | None = None,
        folder: Path | None = None,
        carnet: Path | None = None,
        to_merge: Path | None = None,
        merge: bool = False,
    ) -> None:
        """``carnet`` is the new carnet suggested to join, ``to_merge`` the carnet suggested to
        merge (the one open in the window), chosen first with ``merge``."""
        super().__init__(parent)
        self.ui = Ui_SyncDialog()
        self.ui.setupUi(self)
        self.mode = mode
        self.request: SyncRequest | None = None
        ui = self.ui
        title, _, info = _TEXTS[mode]
        self.setWindowTitle(title)
        ui.info_label.setText(info)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.folder_edit.setText(str(folder or ""))
        # The carnet field's text for each choice (a new carnet, the carnet to merge).
        self._carnets = {False: str(carnet or ""), True: str(to_merge or "")}
        ui.merge_label.setText(MERGE_TEXT)
        ui.merge_radio.setChecked(merge)
        self._show_choice()
        ui.merge_radio.toggled.connect(self._choice_toggled)
        layout = ui.form_layout
        layout.setRowVisible(0, mode != PASSPHRASE)
        layout.setRowVisible(1, mode == JOIN)
        layout.setRowVisible(2, mode == JOIN)
        layout.setRowVisible(4, mode == SHARE)
        self.resize(self.width(), self.sizeHint().height())  # no empty space below the fields
        ui.folder_button.clicked.connect(self._choose_folder)
        ui.carnet_button.clicked.connect(self._choose_carnet)
        echo_toggle(ui.show_check, ui.passphrase_edit, ui.confirm_edit)
        for edit in (ui.folder_edit, ui.carnet_edit, ui.passphrase_edit, ui.confirm_edit):
            edit.textChanged.connect(lambda: ui.message_label.clear())
        ui.buttons.accepted.connect(self._accept)
        ui.buttons.rejected.connect(self.reject)
        (ui.passphrase_edit if mode == PASSPHRASE or folder else ui.folder_edit).setFocus()

    @property
    def merging(self) -> bool:
        return self.mode == JOIN and self.ui.merge_radio.isChecked()

    def _choice_toggled(self, merging: bool) -> None:
        self._carnets[not merging] = self.ui.carnet_edit.text()  # kept, should the user come back
        self._show_choice()

    def _show_choice(self) -> None:
        """The carnet field, its label and the button for the choice made (new carnet or merge)."""
        ui, merging = self.ui, self.merging
        ui.carnet_edit.setText(self._carnets[merging])
        ui.carnet_label.setText("Carnet à fusio&nner :" if merging else "&Nouveau carnet :")
        ui.merge_label.setVisible(merging)
        verb = "Fusionner" if merging else _TEXTS[self.mode][1]
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        ui.message_label.clear()
        if self.isVisible():
            self.resize(self.width(), self.sizeHint().height())

    def _choose_folder(self) -> None:
        start = Path(self.ui.folder_edit.text().strip() or Path.home())
        chosen = prompts.choose_folder(self, "Dossier partagé", start)
        if chosen is not None:
            self.ui.folder_edit.setText(str(chosen))

    def _choose_carnet(self) -> None:
        suggested = Path(self.ui.carnet_edit.text().strip() or Path.home() / "carnet.ambassadeur")
        kind = "Carnets (*.ambassadeur)"
        if self.merging:
            chosen = prompts.open_file(self, "Carnet à fusionner", suggested.parent, kind)
        else:
            chosen = prompts.save_file(self, "Nouveau carnet", suggested, kind)
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
        carnet = self._carnet() if self.mode == JOIN else None
        if self.mode == JOIN and carnet is None:
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
        if self.merging and not self._merge_confirmed(carnet):
            return
        self.request = SyncRequest(folder, passphrase, carnet, self.merging)
        ui.passphrase_edit.clear()  # the request holds it for the work; the widgets need not
        ui.confirm_edit.clear()
        self.accept()

    def _carnet(self) -> Path | None:
        """The carnet to join into, checked (a new one, or an existing one to merge); ``None``
        after saying what is wrong."""
        ui, label, merging = self.ui, self.ui.message_label, self.merging
        text = ui.carnet_edit.text().strip()
        carnet = Path(text).expanduser()
        problem = ""
        if not text:
            problem = "Choisissez le carnet à fusionner." if merging else "Choisissez où créer le carnet."
        elif merging and not carnet.is_file():
            problem = f"Le carnet « {carnet} » est introuvable : choisissez un carnet existant."
        elif not merging:
            if carnet.suffix != ".ambassadeur":
                carnet = carnet.with_name(carnet.name + ".ambassadeur")
            if carnet.exists():
                problem = (
                    f"Le carnet « {carnet} » existe déjà : donnez un autre nom, ou choisissez de le "
                    "fusionner avec le carnet partagé."
                )
        if problem:
            error_line(label, problem)
            ui.carnet_edit.setFocus()
            return None
        return carnet

    def _merge_confirmed(self, carnet: Path | None) -> bool:
        return prompts.ask(
            self,
            f"Fusionner le carnet « {carnet} » avec le carnet partagé ?",
            "Ses données rejoignent celles de l'autre ordinateur, et il se synchronise ensuite avec "
            "lui. Une sauvegarde en est faite d'abord (type « avant import ») : vous pourrez revenir "
            "en arrière.",
            "Fusionner",
        )
