"""The first-run assistant: the CPTS, the experiment and the binôme."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from ambassadeur_app.domain.model import Ambassador, Programme, Role
from ambassadeur_app.domain.validation import validate_ambassador, validate_programme
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.gui.forms.ui_setup_wizard import Ui_SetupWizard
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, colored
from ambassadeur_app.services import CarnetService


def discard_new_carnet(service: CarnetService) -> None:
    """Close a carnet whose set-up was cancelled, removing its file if it holds nothing."""
    path, empty = service.path, not service.is_set_up
    service.close()
    if empty:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(path) + suffix).unlink(missing_ok=True)


class SetupWizard(QWizard):
    """Collects a ``Programme`` and the binôme; ``result_programme``/``result_ambassadors``."""

    def __init__(self, carnet_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupWizard()
        self.ui.setupUi(self)
        self.setButtonText(QWizard.WizardButton.NextButton, "Suivant >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Précédent")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Créer le carnet")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Annuler")
        self.ui.path_label.setText(f"Le carnet sera enregistré dans :<br/><tt>{carnet_path}</tt>")
        self.result_programme: Programme | None = None
        self.result_ambassadors: list[Ambassador] = []
        self._subtitle = self.ui.programme_page.subTitle()

    def validateCurrentPage(self) -> bool:
        """Refuse to leave a page whose fields cannot be right, saying why."""
        page = self.currentPage()
        try:
            if page is self.ui.programme_page:
                validate_programme(self.ui.programme_form.programme())
            elif page is self.ui.binome_page:
                self.result_ambassadors = self._ambassadors()
                self.result_programme = self.ui.programme_form.programme()
        except InvalidInput as exc:
            self._show(page, exc.message)
            return False
        self._show(page, "")
        return True

    def _show(self, page: QWidget, message: str) -> None:
        text = colored(message, ERROR_COLOR) if message else ""
        if page is self.ui.binome_page:
            self.ui.binome_message_label.setText(text)
        elif page is self.ui.programme_page:
            self.ui.programme_page.setSubTitle(text or self._subtitle)

    def _ambassadors(self) -> list[Ambassador]:
        ui = self.ui
        people = []
        for role, name, profession, email in (
            (Role.MEDICAL, ui.medical_name_edit, ui.medical_profession_edit, ui.medical_email_edit),
            (Role.ADMINISTRATIF, ui.admin_name_edit, ui.admin_profession_edit, ui.admin_email_edit),
        ):
            if name.text().strip() or profession.text().strip() or email.text().strip():
                people.append(
                    Ambassador(
                        "",
                        name.text().strip(),
                        role,
                        profession.text().strip(),
                        email.text().strip(),
                    )
                )
        if not people:
            raise InvalidInput("Indiquez au moins un membre du binôme.", "nom")
        for index, ambassador in enumerate(people):
            validate_ambassador(ambassador, people[:index])
        return people
