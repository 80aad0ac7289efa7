"""The ``ambassadeur`` command: opens the app, or runs one task on a carnet.

Exit status: 0 on success, 1 with ``erreur : …`` on stderr for a user error (nothing written),
2 for bad usage. Imports no Qt: the GUI is imported only when the app is opened.

Each command imports what it needs when it runs: reading the command line (and ``--help``) loads
argparse and nothing of the domain, the storage or the reports, so that a command costs its own
work and not the whole application's imports.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ambassadeur_app import APP_NAME, __version__, paths

if TYPE_CHECKING:
    from datetime import date

    from ambassadeur_app.domain.agenda import Proposal
    from ambassadeur_app.domain.checks import Finding
    from ambassadeur_app.domain.dates import Month
    from ambassadeur_app.domain.journal import NoteTag
    from ambassadeur_app.domain.model import Ambassador, Mission
    from ambassadeur_app.services import CarnetService

# WORKAROUND: argparse has no French catalogue; it looks its messages up through the module
# globals ``_`` and ``ngettext`` at call time, so a small table makes its usage errors French.
_ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : « %(value)s » (possibles : %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "expected one argument": "une valeur est attendue",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "invalid %(type)s value: %(value)r": "valeur invalide : « %(value)s »",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
}


REGISTER_DOCUMENTS = {
    "professionnels": "la liste des professionnels du registre",
    "structures": "la liste des structures et leur parcours Parceo",
    "contacts": "les professionnels et structures contactés (listes et décomptes)",
    "sollicitations": "les sollicitations reçues et répondues, avec les délais",
    "comptes": "les comptes Parceo créés et mis à jour",
}

EVENT_DOCUMENTS = {
    "ateliers": "le tableau de suivi des ateliers et événements organisés et animés",
    "formations": "le tableau de suivi des sessions de formation et des professionnels formés",
    "catalogue": "le catalogue des modules de formation",
    "evenement": "le dossier d'un événement : invitations, participants, questionnaire, devis et factures",
    "depenses": "l'état du forfait événement : dépenses, justificatifs, total sur le forfait",
    "questionnaire-outil": "le questionnaire sur l'outil : ses diffusions et leurs résultats",
}

STEERING_DOCUMENTS = {
    "planning": (
        "le rétroplanning : tableau des actions (xlsx) ou diagramme de Gantt (pdf)",
        ("xlsx", "pdf"),
    ),
    "rapport": (
        "le rapport synthétique de retour d'expérience (pdf, ou docx à modifier dans Word ou LibreOffice)",
        ("pdf", "docx"),
    ),
    "bilan": (
        "le bilan d'exécution : dépenses par poste comme l'annexe budgétaire, subvention et excédent, "
        "indicateurs, actions et retour d'expérience (brouillon avant la fin de la période)",
        ("xlsx", "pdf"),
    ),
    "budget": (
        "le budget prévisionnel (modèle de l'annexe 1), d'après les paramètres du programme",
        ("xlsx", "pdf"),
    ),
}


def _french(message: str) -> str:
    return _ARGPARSE_FR.get(message, message)


def _french_n(singular: str, plural_form: str, count: int) -> str:
    return _french(singular if count == 1 else plural_form)


argparse._ = _french  # type: ignore[attr-defined]
argparse.ngettext = _french_n  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """A parser whose commands get their own parser only if named in ``wanted`` (all of them
    when ``None``): see ``_Commands``."""

    def __init__(self, *args: Any, wanted: Collection[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wanted = wanted

    def add_subparsers(self, **kwargs: Any) -> Any:
        options: dict[str, Any] = {"action": _Commands, "wanted": self.wanted, **kwargs}
        return super().add_subparsers(**options)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"erreur : {message}\n")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse quotes the choices with repr ('xlsx'): French puts them between « ».
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(f"« {choice} »" for choice in action.choices)
            message = _french("invalid choice: %(value)r (choose from %(choices)s)")
            raise argparse.ArgumentError(action, message % {"value": value, "choices": choices})


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Commands whose parsers are made only for the words of the command line.

    The ~60 parsers of every command and document cost as much as a command's own imports
    (~3 ms). A command not in ``wanted`` keeps its name and help line (what ``--help`` and the
    usage errors show) and gets no parser: argparse runs a command only when its name is one of
    the line's words, so ``parse`` gives the line's words as ``wanted``.
    """

    def __init__(self, *args: Any, wanted: Collection[str] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wanted = wanted

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self.wanted is None or name in self.wanted:
            return super().add_parser(name, wanted=self.wanted, **kwargs)
        if "help" in kwargs:
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), kwargs["help"]))
        self._name_parser_map[name] = _Unused()
        return _Unused()


class _Unused:
    """A command's parser left out: takes its arguments and forgets them."""

    def __getattr__(self, name: str) -> Callable[..., _Unused]:
        return lambda *args, **kwargs: self


def _month(text: str) -> Month:
    from ambassadeur_app.domain.dates import Month
    from ambassadeur_app.errors import InvalidInput

    try:
        return Month.parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _day(text: str) -> date:
    from ambassadeur_app.domain.dates import parse_date
    from ambassadeur_app.errors import InvalidInput

    try:
        return parse_date(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _mission(text: str) -> Mission:
    """Read a mission whatever its case and accents: ``Promotion``, ``AUTRE``, ``Autre (non financé)``."""
    from ambassadeur_app.domain.model import Mission
    from ambassadeur_app.domain.text import fold

    wanted = fold(text)
    for mission in Mission:
        if wanted in (fold(mission.value), fold(mission.label)):
            return mission
    raise argparse.ArgumentTypeError(
        f"« {text} » : mission inconnue (promotion, formation, accompagnement ou autre)"
    )


def _ambassador_spec(text: str) -> Ambassador:
    from ambassadeur_app.domain.model import Ambassador, Role
    from ambassadeur_app.domain.text import fold

    name, _, role = text.rpartition(":")
    roles = {"medical": Role.MEDICAL, "administratif": Role.ADMINISTRATIF}
    if not name.strip() or fold(role) not in roles:
        raise argparse.ArgumentTypeError(f'« {text} » : écrivez "Nom:medical" ou "Nom:administratif"')
    return Ambassador("", name.strip(), roles[fold(role)])


def build_parser(wanted: Collection[str] | None = None) -> argparse.ArgumentParser:
    """Return the command line's parser; with ``wanted``, only the commands named there get
    their arguments (``_Commands``)."""
    parser = _Parser(
        wanted=wanted,
        prog="ambassadeur",
        description=f"{APP_NAME} : le journal de bord du binôme ambassadeur Parceo. "
        "Sans commande, ouvre l'application.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="affiche la version et quitte",
    )
    parser.add_argument(
        "--carnet",
        type=Path,
        metavar="CHEMIN",
        help="fichier du carnet (par défaut : celui qu'ouvre l'application, soit le dernier ouvert "
        f"dans la fenêtre, sinon {paths.CARNET_FILENAME} du dossier de données de l'utilisateur, sinon "
        f"la démonstration {paths.DEMO_FILENAME} ; init et rejoindre créent {paths.CARNET_FILENAME}, "
        f"demo remplit {paths.DEMO_FILENAME})",
    )
    parser.add_argument("--fermer-apres", type=int, metavar="MS", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)

    init = commands.add_parser("init", help="crée et paramètre un nouveau carnet")
    init.add_argument("--cpts", required=True, metavar="NOM", help="nom de la CPTS")
    init.add_argument("--departement", required=True, metavar="CODE", help="code du département (ex. 54)")
    init.add_argument(
        "--debut",
        required=True,
        type=_day,
        metavar="AAAA-MM-JJ",
        help="premier jour de l'expérimentation",
    )
    init.add_argument(
        "--ambassadeur",
        action="append",
        type=_ambassador_spec,
        default=[],
        metavar='"NOM:medical|administratif"',
        help="un membre du binôme (répétable)",
    )
    init.add_argument("--mois", type=int, default=6, help="durée en mois (par défaut 6)")
    init.add_argument("--programme", default="Parceo", help="nom du programme (par défaut Parceo)")

    commands.add_parser(
        "demo",
        help="remplit un carnet neuf avec une démonstration réaliste de 6 mois (sans --carnet : le "
        "carnet de démonstration qu'ouvre l'application)",
    )

    imp = commands.add_parser("import", help="importe des données")
    imp_kinds = imp.add_subparsers(dest="kind", metavar="TYPE", required=True, parser_class=_Parser)
    imp_carnet = imp_kinds.add_parser("carnet", help="un carnet tenu dans un tableur (.xlsx ou .csv)")
    imp_carnet.add_argument("fichier", type=Path, metavar="FICHIER", help="le tableur à importer")
    imp_carnet.add_argument(
        "--ignorer-invalides",
        action="store_true",
        help="importe les lignes valides même si d'autres sont invalides",
    )
    imp_carnet.add_argument(
        "--nouveaux-ambassadeurs",
        action="store_true",
        help="ajoute au carnet les ambassadeurs du fichier qu'il ne connaît pas (sinon, le fichier est "
        "refusé)",
    )
    imp_contacts = imp_kinds.add_parser("contacts", help="une liste de professionnels (.xlsx ou .csv)")
    imp_contacts.add_argument("fichier", type=Path, metavar="FICHIER", help="la liste à importer")
    imp_contacts.add_argument(
        "--ignorer-invalides",
        action="store_true",
        help="importe les lignes valides même si d'autres sont invalides",
    )
    imp_rpps = imp_kinds.add_parser("rpps", help="l'extrait national RPPS (PS_LibreAcces_Personne_activite)")
    imp_rpps.add_argument("fichier", type=Path, metavar="FICHIER", help="l'extrait à lire")
    imp_rpps.add_argument(
        "--ignorer-invalides",
        action="store_true",
        help="importe les lignes valides même si d'autres sont invalides",
    )
    where = imp_rpps.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--communes", type=_codes, metavar="CODE,CODE…", help="codes INSEE des communes à garder"
    )
    where.add_argument("--codes-postaux", type=_codes, metavar="CP,CP…", help="codes postaux à garder")
    where.add_argument("--departement", metavar="CODE", help="le département à garder (ex. 54)")
    imp_finess = imp_kinds.add_parser("finess", help="l'extrait FINESS des établissements (etalab cs1100507)")
    imp_finess.add_argument("fichier", type=Path, metavar="FICHIER", help="l'extrait à lire")
    imp_finess.add_argument("--departement", required=True, metavar="CODE", help="le département à garder")

    imp_agenda = imp_kinds.add_parser(
        "agenda", help="les rendez-vous d'un agenda (.ics d'Outlook, Thunderbird, Google) proposés en entrées"
    )
    imp_agenda.add_argument("fichier", type=Path, metavar="FICHIER.ics", help="l'agenda exporté")
    imp_agenda.add_argument("--ambassadeur", required=True, metavar="NOM", help="à qui est cet agenda")
    imp_agenda.add_argument(
        "--du",
        type=_day,
        metavar="JJ/MM/AAAA",
        help="premier jour lu (par défaut : début de l'expérimentation)",
    )
    imp_agenda.add_argument(
        "--au", type=_day, metavar="JJ/MM/AAAA", help="dernier jour lu (par défaut : aujourd'hui)"
    )
    imp_agenda.add_argument(
        "--accepter-tout",
        action="store_true",
        help="enregistre les rendez-vous proposés sauf les écartés et les bloqués (sans rien retirer)",
    )
    imp_agenda.add_argument(
        "--retirer-annules",
        action="store_true",
        help="avec --accepter-tout : retire aussi les entrées des rendez-vous annulés ou ôtés de l'agenda",
    )

    exp = commands.add_parser("export", help="écrit un document pour le financeur")
    exp_kinds = exp.add_subparsers(dest="kind", metavar="DOCUMENT", required=True, parser_class=_Parser)
    releve = exp_kinds.add_parser("releve", help="le relevé d'heures mensuel")
    releve.add_argument("--mois", required=True, type=_month, metavar="AAAA-MM", help="le mois du relevé")
    releve.add_argument("--format", required=True, choices=("xlsx", "pdf"), help="Excel ou PDF")
    releve.add_argument("--sortie", required=True, type=Path, metavar="FICHIER", help="le fichier à écrire")
    releve.add_argument("--ambassadeur", metavar="NOM", help="le relevé d'un seul ambassadeur")
    for kind, help_text in REGISTER_DOCUMENTS.items():
        document = exp_kinds.add_parser(kind, help=help_text)
        document.add_argument("--du", type=_day, metavar="AAAA-MM-JJ", help="début de la période")
        document.add_argument("--au", type=_day, metavar="AAAA-MM-JJ", help="fin de la période")
        document.add_argument("--format", required=True, choices=("xlsx", "pdf"), help="Excel ou PDF")
        document.add_argument(
            "--sortie", required=True, type=Path, metavar="FICHIER", help="le fichier à écrire"
        )

    entry = commands.add_parser("saisir", help="enregistre une entrée d'heures")
    entry.add_argument("--date", required=True, type=_day, metavar="JJ/MM/AAAA", help="le jour travaillé")
    entry.add_argument("--ambassadeur", required=True, metavar="NOM", help="qui a travaillé")
    entry.add_argument(
        "--mission",
        required=True,
        type=_mission,
        metavar="MISSION",
        help="promotion, formation, accompagnement ou autre (majuscules et accents indifférents)",
    )
    entry.add_argument(
        "--activite",
        required=True,
        metavar="ACTIVITÉ",
        help="une activité de la liste de la mission, ex. « Rencontre / visite »",
    )
    entry.add_argument(
        "--nouvelle-activite",
        action="store_true",
        help="ajoute l'activité à la liste de la mission si elle n'y est pas (sinon, elle est refusée)",
    )
    entry.add_argument("--duree", required=True, metavar="DURÉE", help="ex. 1h30, 1,5, 90 min")
    entry.add_argument("--debut", default="", metavar="HH:MM", help="heure de début")
    entry.add_argument("--lieu", default="", metavar="LIEU", help="la commune")
    entry.add_argument("--description", default="", metavar="TEXTE", help="avec qui, quoi, résultat")

    summary = commands.add_parser("resume", help="affiche le mois en un coup d'œil")
    summary.add_argument("--mois", type=_month, metavar="AAAA-MM", help="par défaut : le mois en cours")

    close = commands.add_parser("cloturer", help="clôture un mois et écrit son relevé (xlsx et PDF)")
    close.add_argument("--mois", required=True, type=_month, metavar="AAAA-MM", help="le mois à clôturer")
    close.add_argument(
        "--dossier",
        type=Path,
        metavar="DOSSIER",
        help="où écrire le relevé, créé s'il n'existe pas (par défaut : « Carnet de bord ambassadeur » "
        "dans le dossier Documents)",
    )

    reopen = commands.add_parser("rouvrir", help="rouvre un mois clôturé")
    reopen.add_argument("--mois", required=True, type=_month, metavar="AAAA-MM", help="le mois à rouvrir")
    reopen.add_argument("--motif", required=True, metavar="TEXTE", help="imprimé sur le relevé")

    commands.add_parser("imports", help="liste les imports du carnet")
    undo = commands.add_parser("annuler-import", help="annule un import en entier")
    undo.add_argument("identifiant", metavar="ID", help="identifiant (affiché par la commande imports)")

    backup = commands.add_parser("backup", help="copie le carnet dans un fichier de sauvegarde")
    backup.add_argument(
        "--sortie",
        required=True,
        metavar="FICHIER_OU_DOSSIER",
        help="la copie à écrire, ou le dossier où l'écrire (créé s'il n'existe pas : finissez par /)",
    )
    backup.add_argument(
        "--chiffrer",
        action="store_true",
        help="chiffre la copie avec une phrase secrète (pour une clé USB ou un dossier hors de "
        "l'ordinateur) ; lue dans AMBASSADEUR_PHRASE_SECRETE si elle est définie, sinon demandée",
    )
    restore = commands.add_parser(
        "restore",
        help="remplace le carnet par une sauvegarde (la phrase secrète d'une copie chiffrée est lue "
        "dans AMBASSADEUR_PHRASE_SECRETE, sinon demandée)",
    )
    restore.add_argument("fichier", type=Path, metavar="FICHIER", help="la sauvegarde à restaurer")
    commands.add_parser("sauvegardes", help="liste les sauvegardes automatiques du carnet")
    commands.add_parser("check", help="vérifie l'intégrité du carnet")
    share = commands.add_parser(
        "partager", help="partage ce carnet avec l'autre ordinateur du binôme par un dossier synchronisé"
    )
    share.add_argument(
        "--dossier",
        required=True,
        type=Path,
        metavar="DOSSIER",
        help="le dossier partagé (Syncthing, Nextcloud, OneDrive, partage réseau ou clé USB), vide",
    )
    join = commands.add_parser(
        "rejoindre",
        help="reconstruit sur cet ordinateur le carnet partagé par l'autre (le nouveau carnet : --carnet)",
    )
    join.add_argument("--dossier", required=True, type=Path, metavar="DOSSIER", help="le dossier partagé")
    join.add_argument(
        "--fusionner",
        action="store_true",
        help="le carnet existe déjà (tenu à part avant le partage) : le fusionner avec le carnet partagé "
        "(une sauvegarde en est gardée)",
    )
    commands.add_parser("sync", help="échange les changements avec l'autre ordinateur par le dossier partagé")
    conflicts = commands.add_parser(
        "conflits", help="liste les conflits à vérifier après une synchronisation"
    )
    conflicts.add_argument(
        "--garder",
        nargs=2,
        metavar=("ID", "CHOIX"),
        help="règle un conflit : CHOIX « actuelle » (garder ce que montre le carnet) ou « ecartee » "
        "(reprendre ce qui a été mis de côté) ; ID peut nommer plusieurs conflits séparés par des "
        "virgules, ou « doublons » pour tous les doublons à vérifier (tous réglés, ou aucun)",
    )
    conflicts.add_argument("--tous", action="store_true", help="montre aussi les conflits déjà réglés")

    commands.add_parser(
        "evenements",
        help="liste les événements et formations (identifiant, date, type, titre, invités, présents)",
    )
    for kind, help_text in EVENT_DOCUMENTS.items():
        document = exp_kinds.add_parser(kind, help=help_text)
        if kind == "evenement":
            document.add_argument(
                "identifiant",
                metavar="ID",
                help="identifiant de l'événement (affiché par la commande evenements)",
            )
        document.add_argument("--format", required=True, choices=("xlsx", "pdf"), help="Excel ou PDF")
        document.add_argument(
            "--sortie", required=True, type=Path, metavar="FICHIER", help="le fichier à écrire"
        )
    invitation = commands.add_parser(
        "invitation",
        help="écrit l'invitation à un événement : fichier d'agenda (.ics) ou brouillon d'e-mail (.eml) "
        "aux invités en copie cachée, l'agenda joint",
    )
    invitation.add_argument(
        "identifiant", metavar="ID", help="identifiant de l'événement (affiché par la commande evenements)"
    )
    invitation.add_argument(
        "--sortie",
        required=True,
        type=Path,
        metavar="FICHIER.eml|FICHIER.ics",
        help="le fichier à écrire (son extension donne le format)",
    )
    invitation.add_argument(
        "--format",
        choices=("ics", "eml"),
        help="ics (agenda) ou eml (brouillon d'e-mail), si l'extension ne le dit pas",
    )
    expenses = commands.add_parser(
        "depenses",
        help="liste les devis et factures du forfait événements, vérifie leurs pièces jointes "
        "(code de sortie 1 si une pièce manque ou a été modifiée ; un avertissement pour une dépense "
        "engagée sans justificatif) et affiche le forfait restant",
    )
    expenses.add_argument(
        "--evenement", metavar="ID", help="seulement les dépenses de cet événement (identifiant)"
    )
    expense_actions = expenses.add_subparsers(dest="action", metavar="ACTION")
    attach = expense_actions.add_parser(
        "joindre", help="joint un fichier (PDF ou image) à une dépense : son devis ou sa facture"
    )
    attach.add_argument(
        "identifiant", metavar="ID", help="identifiant de la dépense (affiché par la commande depenses)"
    )
    attach.add_argument("fichier", type=Path, metavar="FICHIER", help="le PDF ou l'image à joindre")
    attach.add_argument(
        "--type",
        choices=("devis", "facture"),
        help="devis ou facture (par défaut : devis tant que la dépense est un devis, facture ensuite)",
    )
    survey = commands.add_parser(
        "questionnaire", help="écrit le questionnaire de satisfaction d'un événement (PDF)"
    )
    survey.add_argument(
        "identifiant", metavar="ID", help="identifiant de l'événement (affiché par la commande evenements)"
    )
    survey.add_argument(
        "--sortie", required=True, type=Path, metavar="FICHIER.pdf", help="le fichier à écrire"
    )
    answers = imp_kinds.add_parser(
        "reponses",
        help="les réponses au questionnaire d'un événement (export .csv ou .xlsx d'un formulaire en ligne)",
    )
    answers.add_argument(
        "identifiant", metavar="ID", help="identifiant de l'événement (affiché par la commande evenements)"
    )
    answers.add_argument("fichier", type=Path, metavar="FICHIER", help="le tableur des réponses")
    answers.add_argument(
        "--ignorer-invalides",
        action="store_true",
        help="importe les lignes valides même si d'autres sont invalides",
    )
    board = exp_kinds.add_parser(
        "indicateurs",
        help="le tableau de bord : chaque indicateur, son objectif, son résultat et ses graphiques",
    )
    board.add_argument("--format", required=True, choices=("xlsx", "pdf"), help="Excel ou PDF")
    board.add_argument("--sortie", required=True, type=Path, metavar="FICHIER", help="le fichier à écrire")
    commands.add_parser(
        "indicateurs", help="affiche chaque indicateur : objectif, résultat, reste à faire, tendance"
    )
    reading = commands.add_parser(
        "lecture", help="enregistre les utilisateurs Parceo actifs du département relevés chez Pulsy"
    )
    reading.add_argument("--date", required=True, type=_day, metavar="JJ/MM/AAAA", help="le jour du relevé")
    reading.add_argument(
        "--utilisateurs", required=True, type=_users, metavar="N", help="utilisateurs actifs"
    )
    reading.add_argument(
        "--reference", action="store_true", help="la valeur de référence, au début de l'expérimentation"
    )
    readings = imp_kinds.add_parser(
        "lectures", help="des relevés d'utilisateurs actifs (.xlsx ou .csv : Date, Utilisateurs actifs)"
    )
    readings.add_argument("fichier", type=Path, metavar="FICHIER", help="le tableur des relevés")
    readings.add_argument(
        "--ignorer-invalides",
        action="store_true",
        help="importe les lignes valides même si d'autres sont invalides",
    )
    for kind, (help_text, formats) in STEERING_DOCUMENTS.items():
        document = exp_kinds.add_parser(kind, help=help_text)
        document.add_argument("--format", required=True, choices=formats, help=" ou ".join(formats))
        document.add_argument(
            "--sortie", required=True, type=Path, metavar="FICHIER", help="le fichier à écrire"
        )
    commands.add_parser(
        "planning", help="affiche le rétroplanning : les actions, leurs dates, leur statut et leurs retards"
    )
    journal = commands.add_parser(
        "journal", help="affiche les notes du journal (réussites, échecs, leviers, freins, faits marquants)"
    )
    journal.add_argument("--type", type=_note_tag, metavar="TYPE", help="seulement ce type de note")
    journal.add_argument("--du", type=_day, metavar="JJ/MM/AAAA", help="début de la période")
    journal.add_argument("--au", type=_day, metavar="JJ/MM/AAAA", help="fin de la période")
    note = commands.add_parser("note", help="ajoute une note au journal de l'expérimentation")
    note.add_argument("--date", required=True, type=_day, metavar="JJ/MM/AAAA", help="le jour de la note")
    note.add_argument(
        "--type",
        required=True,
        type=_note_tag,
        metavar="TYPE",
        help="reussite, echec, levier, frein ou fait-marquant",
    )
    note.add_argument(
        "--texte", required=True, metavar="TEXTE", help="ce qui s'est passé, ce qu'on en retient"
    )
    note.add_argument(
        "--evenement",
        metavar="ID",
        help="l'événement dont parle la note (identifiant affiché par evenements)",
    )
    pertinence = commands.add_parser(
        "pertinence",
        help="affiche ou enregistre le texte du rapport de retour d'expérience sur la pertinence de "
        "reconduire ou de généraliser l'expérimentation",
    )
    pertinence.add_argument("--texte", metavar="TEXTE", help="le nouveau texte (il remplace l'ancien)")
    pack = commands.add_parser(
        "dossier",
        help="vérifie le carnet puis écrit le dossier de justification complet (relevés, tableaux, "
        "émargements, factures, rapport, manifeste avec les empreintes SHA-256)",
    )
    pack.add_argument(
        "--sortie",
        required=True,
        type=Path,
        metavar="DOSSIER",
        help="le dossier à créer (nouveau, ou vide : un dossier existant n'est jamais complété)",
    )
    pack.add_argument("--zip", action="store_true", help="écrit aussi DOSSIER.zip à côté du dossier")
    region_help = (
        "écrit la vue régionale (xlsx ou PDF) de plusieurs CPTS à partir de leurs dossiers de justification "
        "(dossier ou .zip, vérifiés contre leur manifeste ; chiffres lus dans leur chiffres.json, ou dans le "
        "bilan d'un dossier plus ancien, et comparés à ce bilan) ou de leurs carnets, lus sans être "
        "modifiés ; un bilan encore provisoire est compté, marqué « provisoire » ; "
        "statut 1 si un fichier est refusé ou non vérifié (les autres sont tout de même consolidés)"
    )
    region = commands.add_parser("consolider", help=region_help, description=region_help)
    region.add_argument(
        "fichiers",
        nargs="+",
        type=Path,
        metavar="FICHIER",
        help="un carnet, sa copie chiffrée (backup --chiffrer : phrase secrète lue dans "
        "AMBASSADEUR_PHRASE_SECRETE, sinon demandée), un dossier de justification ou son .zip",
    )
    region.add_argument(
        "--sortie",
        required=True,
        type=Path,
        metavar="FICHIER.xlsx|FICHIER.pdf",
        help="le fichier à écrire, selon son extension : un classeur .xlsx (totaux en formules) ou un .pdf",
    )
    commands.add_parser(
        "verifier",
        help="liste ce qui manque ou ne concorde pas avant le dossier de justification (statut 1 si un "
        "point est bloquant)",
    )
    payment = commands.add_parser(
        "versement",
        help="enregistre un versement de la subvention reçu de l'ARS ; sans argument, liste les versements",
    )
    payment.add_argument("date", nargs="?", type=_day, metavar="JJ/MM/AAAA", help="le jour du versement")
    payment.add_argument(
        "montant", nargs="?", type=_euros, metavar="MONTANT", help="le montant reçu, en euros (6 800,00)"
    )
    payment.add_argument("--libelle", default="", metavar="TEXTE", help="par exemple « avance de 50 %% »")
    payment.add_argument(
        "--supprimer", metavar="ID", help="supprime ce versement (identifiant affiché par versements), seul"
    )
    payment.add_argument(
        "--confirmer",
        action="store_true",
        help="enregistre malgré un avertissement (versements au-delà de la subvention, versement déjà "
        "saisi, date avant le début de l'expérimentation)",
    )
    commands.add_parser(
        "versements", help="liste les versements de la subvention reçus, leur total et le solde du bilan"
    )
    sheet = commands.add_parser("emargement", help="écrit la feuille d'émargement d'un événement (PDF)")
    sheet.add_argument(
        "identifiant", metavar="ID", help="identifiant de l'événement (affiché par la commande evenements)"
    )
    sheet.add_argument(
        "--sortie", required=True, type=Path, metavar="FICHIER.pdf", help="le fichier à écrire"
    )
    sheet.add_argument(
        "--lignes-vides",
        type=_count,
        default=10,
        metavar="N",
        help="lignes vides pour les participants non inscrits (par défaut 10)",
    )
    return parser


def _count(text: str) -> int:
    if not text.strip().isdecimal() or int(text) > 500:
        raise argparse.ArgumentTypeError(f"« {text} » : un nombre entier de 0 à 500 est attendu")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from ambassadeur_app.launch import usable_streams

    usable_streams()
    args = parse(opened_file_as_carnet(sys.argv[1:] if argv is None else list(argv)))
    if args.command is None:
        from ambassadeur_app.gui.app import run_app

        return run_app(args.carnet, close_after_ms=args.fermer_apres)
    from ambassadeur_app.errors import AppError

    handler = _HANDLERS[args.command]
    if not gc.isenabled():
        # ``__main__`` held Python's cyclic garbage collector while the command started: what
        # the start made (modules, classes, the parser) lives as long as the process, and is
        # frozen out of every later pass; the command's work runs with the collector (an export
        # of a month ~8 ms sooner, the collector going through the start's objects again and
        # again during the libraries' imports).
        gc.freeze()
        gc.enable()
    sys.stdout = _Output(sys.stdout)
    try:
        from ambassadeur_app.partfiles import clean_leftovers

        clean_leftovers()  # what a command killed earlier left half-written
        handler(args)
    except AppError as exc:
        print(f"erreur : {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("erreur : interrompu.", file=sys.stderr)
        return 1
    except Exception as exc:  # no Python traceback ever reaches the user
        print(f"erreur : {_unexpected(exc, args)}", file=sys.stderr)
        return 1
    return 0


def parse(argv: list[str]) -> argparse.Namespace:
    """Read the command line ``argv``, making the parsers of its own commands only."""
    return build_parser(wanted=set(argv)).parse_args(argv)


def opened_file_as_carnet(argv: list[str]) -> list[str]:
    """Read ``ambassadeur FICHIER`` as ``ambassadeur --carnet FICHIER``: the app opens on it.

    A file dropped on the program's icon, « Ouvrir avec » on Windows, a Linux file manager and
    macOS all pass the opened file as the only argument. A command or an option keeps its meaning.
    """
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in _HANDLERS:
        candidate = Path(argv[0])
        if candidate.suffix.lower() == paths.CARNET_SUFFIX or (
            paths.exists(candidate) and candidate.is_file()
        ):
            return ["--carnet", argv[0]]
    return argv


class _Output:
    """Standard output that cannot make a command fail once it has done its work.

    A closed pipe (``ambassadeur resume | head -1``) or a full disk behind a redirection loses
    the text, not the entry just saved: the command goes on, and its exit status tells the truth
    about the carnet.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError:
            self._silence()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._silence()

    def _silence(self) -> None:
        # Later writes, and Python's own flush at exit, go nowhere instead of failing again.
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _unexpected(exc: Exception, args: argparse.Namespace) -> str:
    """Say in French what went wrong outside the expected errors; log the traceback. Never
    raises: a diagnosis that fails in turn gives way to the general message."""
    import sqlite3

    from ambassadeur_app.errors import describe_os_error, logged
    from ambassadeur_app.storage.db import backup_manager, diagnose

    with suppress(Exception):
        if isinstance(exc, sqlite3.Error):
            carnet = _carnet_path(args)
            return diagnose(exc, carnet, backup_manager(paths.backup_root(), carnet.absolute())).message
        if isinstance(exc, OSError):
            return describe_os_error(exc)
    logged().error("Erreur inattendue", exc_info=exc)
    where = "le journal de l'application"
    with suppress(OSError):  # a user folder that cannot be made
        where = f"le journal : {paths.log_file()}"
    return (
        f"la commande s'est arrêtée sur une erreur inattendue ({type(exc).__name__}) ; le carnet "
        f"garde sa dernière modification réussie. Le détail est dans {where}"
    )


def _carnet_path(args: argparse.Namespace) -> Path:
    """Return the carnet of the command: ``--carnet``, else the one the window opens
    (``paths.opened_carnet``). ``init`` and ``rejoindre`` make a new carnet: the default one, as
    the window's « Créer un carnet »; ``demo`` fills the demonstration carnet; ``restore`` puts
    a copy back into the carnet in use, or into the default one when there is none yet."""
    if args.carnet:
        return Path(args.carnet)
    if args.command in ("init", "rejoindre"):
        return paths.default_carnet_path()
    if args.command == "demo":
        return paths.demo_carnet_path()
    last = paths.last_carnet()
    path, demo = paths.opened_carnet(last)
    if last is not None and path != last:
        # Another carnet than the one the user last worked on: never write there unasked.
        from ambassadeur_app.errors import CarnetError

        raise CarnetError(f"{_last_lost(last)} : indiquez le carnet avec --carnet CHEMIN.")
    return paths.default_carnet_path() if demo and args.command == "restore" else path


def _last_lost(last: Path) -> str:
    """Say that the carnet the window showed last, ``last``, cannot be found (or looked at)."""
    import errno

    from ambassadeur_app.errors import os_reason

    reason = "est introuvable (clé USB retirée ?)"
    try:
        last.stat()
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            reason = f"ne peut pas être lu — {os_reason(exc)}"
    except ValueError:
        pass
    return f"Le dernier carnet ouvert dans l'application, « {last} », {reason}"


def _pasteable(path: Path) -> str:
    """Return ``path`` as pasted in this system's terminal: in double quotes on Windows (cmd.exe
    reads no single quotes; escaped as ``subprocess.list2cmdline`` does), else quoted for POSIX
    shells."""
    if sys.platform == "win32":
        import subprocess

        quoted = subprocess.list2cmdline([str(path)])
        return quoted if quoted.startswith('"') else f'"{quoted}"'
    import shlex

    return shlex.quote(str(path))


def _say_carnet_in_use(made: Path) -> None:
    """After ``made`` was created without --carnet (init, rejoindre, demo): say when the next
    commands without --carnet work on another carnet, with the option to paste to use ``made``."""
    last = paths.last_carnet()
    in_use = paths.opened_carnet(last)[0]
    option = f"--carnet {_pasteable(made)}"
    if last is not None and in_use != last:
        print(
            f"{_last_lost(last)} : les commandes sans --carnet s'arrêtent. "
            f"Pour ce carnet-ci, ajoutez {option}"
        )
    elif in_use.resolve() != made.resolve():
        print(
            f"Les commandes sans --carnet travaillent sur « {in_use} » (le dernier carnet ouvert dans "
            f"l'application) : pour ce carnet-ci, ajoutez {option}"
        )


@contextmanager
def _service(
    args: argparse.Namespace, *, create: bool = False, readonly: bool = False
) -> Iterator[CarnetService]:
    """Open the carnet for one command; a failing automatic backup is said on stderr."""
    from ambassadeur_app.errors import CarnetError
    from ambassadeur_app.services import open_service

    path = _carnet_path(args)
    if not create and _empty_file(path):
        raise CarnetError(
            f"Le fichier « {path} » est vide (0 octet) : ce n'est pas un carnet. Indiquez le carnet avec "
            "--carnet CHEMIN, ou restaurez-y une sauvegarde (« ambassadeur sauvegardes », puis « ambassadeur "
            "restore FICHIER »)."
        )
    if not (args.carnet or create or paths.exists(path)):
        raise CarnetError(
            f"Aucun carnet sur cet ordinateur : ni « {paths.default_carnet_path()} » ni la démonstration "
            f"« {path} » (que l'application crée à sa première ouverture). Créez un carnet (« ambassadeur "
            "init … » ou, pour essayer, « ambassadeur demo »), ou indiquez-en un avec --carnet CHEMIN."
        )
    with open_service(path, create=create, readonly=readonly) as service:
        try:
            yield service
        finally:
            if service.carnet.backup_problem:
                print(f"attention : {service.carnet.backup_problem}", file=sys.stderr)


def _empty_file(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False  # said when it is opened


def _cmd_init(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date
    from ambassadeur_app.domain.model import GRAND_EST_DEPARTEMENTS, Programme
    from ambassadeur_app.errors import InvalidInput

    path = _carnet_path(args)
    code = args.departement.strip().upper().zfill(2)
    programme = Programme(
        cpts_name=args.cpts.strip(),
        departement_code=code,
        departement_name=GRAND_EST_DEPARTEMENTS.get(code, ""),
        start_date=args.debut,
        programme_name=args.programme,
        months=args.mois,
    )
    with _service(args, create=True) as service:
        if service.is_set_up:
            raise InvalidInput(f"Le carnet « {path} » est déjà paramétré.")
        service.setup(programme, args.ambassadeur)
    print(f"Carnet créé : {path}")
    start, end = format_date(programme.start_date), format_date(programme.end_date)
    print(f"Expérimentation du {start} au {end}.")
    if not args.carnet:
        _say_carnet_in_use(path)


def _cmd_demo(args: argparse.Namespace) -> None:
    from ambassadeur_app.demo import build_demo
    from ambassadeur_app.domain.formatting import plural

    with _service(args, create=True) as service:
        installed = not args.carnet and service.is_set_up  # the window built it at its first opening
        count = service.carnet.entries.count() if installed else build_demo(service)
    done = "La démonstration est déjà installée" if installed else "Carnet de démonstration créé"
    print(f"{done} : {service.path} ({plural(count, 'entrée')}).")
    if not args.carnet:
        _say_carnet_in_use(service.path)


def _cmd_import(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import plural
    from ambassadeur_app.errors import InvalidInput

    if args.kind == "reponses":
        _import_answers(args)
        return
    if args.kind == "lectures":
        _import_readings(args)
        return
    if args.kind == "agenda":
        _import_agenda(args)
        return
    if args.kind != "carnet":
        _import_register(args)
        return
    with _service(args) as service:
        preview = service.preview_import(args.fichier)
        for problem in preview.problems:
            print(f"ligne invalide — {problem}", file=sys.stderr)
        # A file imported again (every valid line already in the carnet) is no error: nothing to do.
        if preview.duplicates and not preview.valid and (args.ignorer_invalides or not preview.invalid):
            count, invalid = len(preview.duplicates), len(preview.invalid)
            valid = (" valide", " valides") if invalid else ("", "")
            lines = f"la ligne{valid[0]} est" if count == 1 else f"les {count} lignes{valid[1]} sont"
            # The invalid lines left out are said as for a file with new lines.
            ignored = plural(invalid, "ligne invalide ignorée", "lignes invalides ignorées")
            print(f"Rien de nouveau : {lines} déjà dans le carnet{f' ; {ignored}' if invalid else ''}.")
            return
        newcomers = preview.newcomers()
        one = len(newcomers) == 1
        if newcomers and not args.nouveaux_ambassadeurs:
            # As saisir refuses an unknown ambassador: a typo in the file never makes a third one.
            known = ", ".join(a.name for a in service.ambassadors()) or "aucun"
            raise InvalidInput(
                f"{'Ambassadeur inconnu' if one else 'Ambassadeurs inconnus'} du carnet : "
                f"{', '.join(newcomers)}. Ambassadeurs du carnet : {known}. Rien n'a été importé ; "
                f"corrigez le fichier, ou, pour ajouter {'cet ambassadeur' if one else 'ces ambassadeurs'} "
                "au carnet, relancez avec --nouveaux-ambassadeurs."
            )
        for warning in preview.warnings:
            print(f"attention : {warning}")
        outcome = service.apply_import(preview, skip_invalid=args.ignorer_invalides)
    message = plural(outcome.imported, "entrée importée", "entrées importées")
    if outcome.skipped_invalid:
        skipped = plural(outcome.skipped_invalid, "ligne invalide ignorée", "lignes invalides ignorées")
        message += f", {skipped}"
    print(f"{message}. Pour annuler : ambassadeur annuler-import {outcome.import_id}")
    if newcomers:
        added = "Nouvel ambassadeur ajouté" if one else "Nouveaux ambassadeurs ajoutés"
        print(f"{added} au carnet : {', '.join(newcomers)}.")


def _import_agenda(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date, format_number, plural

    # The preview writes nothing: a read-only carnet shows it.
    with _service(args, readonly=not args.accepter_tout) as service:
        agenda = service.agenda
        ambassador = service.find_ambassador(args.ambassadeur)
        first, last = agenda.period(args.du, args.au)
        proposals = agenda.read(args.fichier, ambassador.id, first, last)
        if not proposals:
            print(
                f"Aucun rendez-vous nouveau, modifié ou annulé dans « {args.fichier.name} » du "
                f"{format_date(first)} au {format_date(last)}."
            )
            return
        people = service.register.professionals({i for p in proposals for i in p.professional_ids})
        names = {i: person.full_name for i, person in people.items()}
        print(_AGENDA_ROW.format("Date", "Heure", "Durée", "État", "Suite", "Mission / activité — titre"))
        for proposal in proposals:
            _print_proposal(proposal, names)
        ready = [p for p in proposals if p.outcome == "à enregistrer"]
        removals = [p for p in proposals if p.outcome == "à retirer"]
        dismissed = [p for p in proposals if p.dismissed]
        blocked = len(proposals) - len(ready) - len(removals) - len(dismissed)
        left_out = f"{plural(len(dismissed), 'écarté')}, {plural(blocked, 'bloqué')}"
        counts = (
            f"{format_number(len(ready), 0)} à enregistrer, {format_number(len(removals), 0)} à retirer, "
            f"{left_out}"
        )
        if not args.accepter_tout:
            total = plural(len(proposals), "rendez-vous", "rendez-vous")
            print(
                f"{total} : {counts}. Rien n'a été enregistré : relancez avec --accepter-tout pour "
                "enregistrer ceux à enregistrer (et --retirer-annules pour retirer ceux à retirer), ou "
                "relisez-les un à un dans l'application (Importer un agenda)."
            )
            return
        removed = removals if args.retirer_annules else []
        saved = agenda.accept([*ready, *removed], dismissed)
    entries = plural(saved.saved, "entrée enregistrée", "entrées enregistrées")
    updates = plural(len(saved.updated_entries), "mise à jour", "mises à jour")
    contacts = plural(len(saved.contacts), "contact noté", "contacts notés")
    taken = f", {plural(len(saved.removed_entries), 'entrée retirée', 'entrées retirées')}" if removed else ""
    print(f"{entries} (dont {updates}){taken}, {contacts} ; {left_out}.")
    if removals and not removed:
        kept = (
            "1 entrée d'un rendez-vous annulé ou absent de l'agenda reste"
            if len(removals) == 1
            else f"{format_number(len(removals), 0)} entrées de rendez-vous annulés ou absents de l'agenda "
            "restent"
        )
        print(f"{kept} dans le carnet : relancez avec --retirer-annules, ou retirez-les dans l'application.")


_AGENDA_ROW = "{:<10}  {:<5}  {:<8}  {:<8}  {:<13}  {}"


def _print_proposal(proposal: Proposal, names: dict[str, str]) -> None:
    """Print one agenda proposal: a row, then what explains or stops it."""
    from ambassadeur_app.domain.durations import format_duration
    from ambassadeur_app.domain.formatting import format_date
    from ambassadeur_app.domain.text import printable

    entry = proposal.entry
    print(
        _AGENDA_ROW.format(
            format_date(entry.day),
            f"{entry.start_time:%H:%M}" if entry.start_time else "—",
            format_duration(entry.minutes),
            proposal.state_label,
            proposal.outcome,
            f"{entry.mission.label} / {entry.activity} — {proposal.summary or entry.description}",
        )
    )
    details = [
        ("deviné", proposal.guess),
        ("modifié" if proposal.state == "changed" else "annulé", proposal.change),
        ("écarté", proposal.dismissed),
        *(("problème", problem) for problem in proposal.problems),
        *(("chevauche", overlap) for overlap in proposal.overlaps),
        *(("note", note) for note in proposal.notes),
        ("contact avec", ", ".join(names.get(i, "?") for i in proposal.professional_ids)),
    ]
    for label, text in details:
        if text:
            # The texts come from a file: nothing in them may drive the terminal.
            print(f"{'':<10}  ↳ {label} : {printable(text)}")


def _import_register(args: argparse.Namespace) -> None:
    from ambassadeur_app.importers.contacts import LABELS, guess_mapping
    from ambassadeur_app.importers.rpps import Territory
    from ambassadeur_app.services.register_imports import RegisterImportPreview

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rlecture : {done * 100 // max(total, 1)} %", end="", file=sys.stderr, flush=True)

    with _service(args) as service:
        imports = service.register_imports
        if args.kind == "contacts":
            table = imports.contact_table(args.fichier)
            mapping = guess_mapping(table.headers)
            print(
                "Colonnes reconnues : "
                + ", ".join(f"{LABELS[k]} ← {table.headers[i]}" for k, i in mapping.items())
            )
            preview: RegisterImportPreview | None = imports.preview_contacts(table, mapping)
        elif args.kind == "rpps":
            # Territory strips the codes and puts back their leading zero.
            territory = Territory(
                frozenset(args.communes or ()), frozenset(args.codes_postaux or ()), args.departement or ""
            )
            preview = imports.preview_rpps(args.fichier, territory, progress)
        else:
            departement = args.departement.strip().upper().zfill(2)
            preview = imports.preview_finess(args.fichier, departement, progress)
        assert preview is not None
        if sys.stderr.isatty() and args.kind != "contacts":
            print(file=sys.stderr)
        for problem in preview.problems:
            print(f"ligne invalide — {problem}", file=sys.stderr)
        outcome = imports.apply(preview, skip_invalid=getattr(args, "ignorer_invalides", False))
    print(f"{preview.summary()} Pour annuler : ambassadeur annuler-import {outcome.import_id}")


def _codes(text: str) -> list[str]:
    codes = [code.strip().upper() for code in text.split(",") if code.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("indiquez au moins un code")
    return codes


def _cmd_export(args: argparse.Namespace) -> None:
    if args.kind == "indicateurs":
        with _service(args, readonly=True) as service:
            out = service.indicators.write(args.format, args.sortie)
        print(f"Tableau de bord écrit : {out}")
        return
    if args.kind in STEERING_DOCUMENTS:
        _export_steering_document(args)
        return
    if args.kind in EVENT_DOCUMENTS:
        _export_event_document(args)
        return
    with _service(args, readonly=True) as service:
        if args.kind != "releve":
            out = service.register.export(args.kind, args.format, args.sortie, args.du, args.au)
            print(f"Document écrit : {out}")
            return
        ambassador_id = service.find_ambassador(args.ambassadeur).id if args.ambassadeur else None
        out = service.export_timesheet(args.mois, args.format, args.sortie, ambassador_id)
    print(f"Relevé d'heures {args.mois.of_label()} écrit : {out}")


def _cmd_saisir(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.dates import parse_time
    from ambassadeur_app.domain.durations import format_duration, parse_duration
    from ambassadeur_app.domain.formatting import format_date
    from ambassadeur_app.domain.model import Mission, TimeEntry

    with _service(args) as service:
        if not args.nouvelle_activite:
            _known_activity(service, Mission(args.mission), args.activite)
        saved = service.add_entry(
            TimeEntry(
                day=args.date,
                ambassador_id=service.find_ambassador(args.ambassadeur).id,
                mission=Mission(args.mission),
                activity=args.activite,
                minutes=parse_duration(args.duree),
                start_time=parse_time(args.debut),
                place=args.lieu,
                description=args.description,
            )
        )
    for warning in saved.warnings:
        print(f"attention : {warning}")
    duration = format_duration(parse_duration(args.duree))
    print(f"Entrée enregistrée ({duration} le {format_date(args.date)}).")


def _known_activity(service: CarnetService, mission: Mission, label: str) -> None:
    """Refuse an activity that is not in ``mission``'s list, naming the closest ones.

    Raises:
        InvalidInput: ``label`` would be added to the list (a typo, most often).
    """
    from difflib import get_close_matches

    from ambassadeur_app.domain.text import clean_line, fold
    from ambassadeur_app.errors import InvalidInput

    if not service.is_new_activity(mission, label):
        return
    known = service.activities()
    folded = {fold(activity): activity for activity in known[mission]}
    close = [folded[f] for f in get_close_matches(fold(label), folded, n=3, cutoff=0.6)]
    # Its spelling in the other missions' lists (« Préparation » for « preparation »).
    elsewhere = {
        m.label: name
        for m, names in known.items()
        if m is not mission
        for name in names
        if fold(name) == fold(label)
    }
    hint = (
        f"Activités proches : {', '.join(f'« {name} »' for name in close)}."
        if close
        else f"Activités de cette mission : {', '.join(f'« {name} »' for name in known[mission])}."
    )
    if elsewhere:
        missions = "des missions" if len(elsewhere) > 1 else "de la mission"
        hint += f" « {next(iter(elsewhere.values()))} » est une activité {missions} {' et '.join(elsewhere)}."
    # The typed text, as it would be saved: no control character reaches the terminal.
    shown = clean_line(label)
    shown = shown if len(shown) <= 80 else f"{shown[:79]}…"
    raise InvalidInput(
        f"« {shown} » n'est pas dans la liste des activités de la mission {mission.label}. {hint} "
        "Rien n'a été enregistré ; pour ajouter cette activité à la liste, relancez avec --nouvelle-activite."
    )


def _cmd_resume(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.durations import format_duration
    from ambassadeur_app.domain.formatting import format_date, format_euros
    from ambassadeur_app.domain.model import Mission

    with _service(args, readonly=True) as service:
        month = args.mois or service.default_month()
        summary = service.month_summary(month)
        progress = service.progress()
        people = service.ambassadors()
        lock = service.month_lock(month)
        programme = service.programme()
    claim = summary.claim
    period = f"du {format_date(programme.start_date)} au {format_date(programme.end_date)}"
    inside = month in programme.period_months
    print(f"{month.title()} — {'clôturé' if lock else 'ouvert'}")
    for mission in Mission:
        print(f"  {mission.label:<22} {format_duration(summary.by_mission[mission]):>10}")
    # The binôme's order (medical first, then by name), not the order the hours come in: every
    # month reads the same way, and an active ambassador with no hour shows 0.
    for person in people:
        minutes = summary.by_ambassador.get(person.id, 0)
        if minutes or person.active:
            print(f"  {person.name:<22} {format_duration(minutes):>10}")
    claimed = (
        f"montant demandé : {format_euros(claim.claimed_cents)} sur {format_euros(claim.cap_cents)}"
        if inside
        else f"mois hors période de l'expérimentation ({period}) : rien n'y est financé"
    )
    print(f"  Total : {format_duration(summary.total_minutes)} ; {claimed}")
    if claim.over_cap_minutes:
        print(f"  Au-delà du plafond (non financé) : {format_duration(claim.over_cap_minutes)}")
    where = f"mois {progress.months_elapsed} sur {progress.months_total}" if inside else period
    print(
        f"Expérimentation : {where}, "
        f"{format_euros(progress.claimed_cents)} sur {format_euros(progress.hourly_cap_cents)}"
    )


def _cmd_cloturer(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date
    from ambassadeur_app.services.carnet import earlier_timesheet_kept

    folder = args.dossier or paths.documents_path()
    created = _make_folder(folder)
    try:
        with _service(args) as service:
            written = service.close_month(args.mois, folder)
            today = service.today()
    except BaseException:
        for made in created:  # a refused close leaves no empty folder behind
            with suppress(OSError):
                made.rmdir()
        raise
    print(f"Mois {args.mois.of_label()} clôturé. Relevé écrit :")
    for path in written:
        print(f"  {path}")
    if kept := earlier_timesheet_kept(args.mois, written):
        print(kept)
    if today <= args.mois.last_day:
        print(
            f"attention : le mois {args.mois.of_label()} n'est pas terminé (jusqu'au "
            f"{format_date(args.mois.last_day)}) : une heure à saisir d'ici là demandera de le rouvrir, "
            "et son motif sera imprimé sur le relevé.",
            file=sys.stderr,
        )


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, deepest first.

    Raises:
        InvalidInput: a file stands in the way, or the system refuses to create the folder.
    """
    from ambassadeur_app.errors import InvalidInput, os_reason

    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"« {folder} » est un fichier, pas un dossier : choisissez un dossier.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"Impossible de créer le dossier « {folder} » : {os_reason(exc)}.") from None
    return missing


def _cmd_rouvrir(args: argparse.Namespace) -> None:
    with _service(args) as service:
        service.reopen_month(args.mois, args.motif)
    print(f"Mois {args.mois.of_label()} rouvert.")


def _cmd_imports(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_timestamp, plural
    from ambassadeur_app.services.carnet import import_noun

    with _service(args, readonly=True) as service:
        records = service.imports()
    if not records:
        print("Aucun import dans ce carnet.")
    for record in records:
        state = f"annulé le {format_timestamp(record.undone_at)}" if record.undone_at else "actif"
        print(
            f"{record.id}  {format_timestamp(record.created_at)}  {record.filename}  "
            f"{plural(record.row_count, import_noun(record))}  ({state})"
        )


def _cmd_undo_import(args: argparse.Namespace) -> None:
    from ambassadeur_app.services.carnet import undone_text

    with _service(args) as service:
        record = next((r for r in service.imports() if r.id == args.identifiant), None)
        removed = service.undo_import(args.identifiant)
    assert record is not None  # undo_import refuses an unknown identifier
    print(f"Import annulé : {undone_text(record, removed)}.")


def _passphrase(new: bool) -> str:
    """Return the passphrase from ``AMBASSADEUR_PHRASE_SECRETE``, or ask it (twice if ``new``)."""
    import getpass

    from ambassadeur_app.errors import AppError
    from ambassadeur_app.services.outside_copy import passphrase_from_env
    from ambassadeur_app.storage.sealed import check_passphrase

    given = passphrase_from_env()
    if given is not None:
        return given

    def ask(prompt: str) -> str:
        if sys.stdin.isatty():
            return getpass.getpass(prompt)
        # Piped in (a script): read the line without getpass's English warning about echo.
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    try:
        first = ask("Phrase secrète : ")
        if new:
            check_passphrase(first)
            if ask("Phrase secrète (confirmation) : ") != first:
                raise AppError("Les deux saisies de la phrase secrète diffèrent : rien n'a été écrit.")
    except EOFError:
        raise AppError(
            "Aucune phrase secrète saisie (pour un script, définissez AMBASSADEUR_PHRASE_SECRETE)."
        ) from None
    return first


def _cmd_backup(args: argparse.Namespace) -> None:
    from datetime import date
    from functools import partial

    from ambassadeur_app.services.outside_copy import (
        outside_copy_overdue,
        reminder_text,
        write_plain_copy,
        write_sealed_copy,
    )

    warn = partial(print, "attention :", file=sys.stderr)  # an attached file the copy lacks

    # A folder (existing, or named with a final separator) receives a copy with a dated name.
    target = Path(args.sortie)
    if args.sortie.endswith(("/", os.sep)) or target.is_dir():
        _make_folder(target)
        if not args.chiffrer:
            target = target / f"{_carnet_path(args).stem}-copie-{date.today():%Y-%m-%d}{paths.CARNET_SUFFIX}"
    if not args.chiffrer:
        with _service(args, readonly=True) as service:
            out = write_plain_copy(service, target, warn)
            reminder = reminder_text(service) if outside_copy_overdue(service) else None
        print(f"Sauvegarde écrite : {out}")
        if reminder:
            print(f"Rappel : {reminder}")
            print("Pour une copie à garder hors de l'ordinateur, utilisez « backup --chiffrer ».")
        return

    passphrase = _passphrase(new=True)
    with _service(args, readonly=True) as service:
        out = write_sealed_copy(service, target, passphrase, warn=warn)
    print(f"Copie chiffrée écrite et relue : {out}")
    print("Gardez la phrase secrète à part : sans elle, la copie ne peut pas être restaurée.")


def _cmd_restore(args: argparse.Namespace) -> None:
    from functools import partial

    from ambassadeur_app.services.outside_copy import restore_plain_copy, restore_sealed_copy
    from ambassadeur_app.storage.sealed import is_sealed

    path = _carnet_path(args)
    warn = partial(print, "attention :", file=sys.stderr)  # an attached file of the copy refused
    replaced_cpts = _cpts_name(path)
    if is_sealed(args.fichier):
        phrase = _passphrase(new=False)
        kept = restore_sealed_copy(path, args.fichier, phrase, backup_root=paths.backup_root(), warn=warn)
    else:
        kept = restore_plain_copy(path, args.fichier, backup_root=paths.backup_root(), warn=warn)
    print(f"Carnet restauré depuis « {args.fichier} » dans « {path} ».")
    if kept:
        print(f"L'ancien carnet a été conservé : {kept}")
    restored_cpts = _cpts_name(path)
    if replaced_cpts and restored_cpts and replaced_cpts != restored_cpts:
        warn(
            f"la copie restaurée est le carnet de « {restored_cpts} », le carnet remplacé était celui de "
            f"« {replaced_cpts} »" + (" (il est conservé ci-dessus)." if kept else ".")
        )


def _cpts_name(path: Path) -> str | None:
    """Return the CPTS of the carnet ``path``; ``None`` when it cannot be read (missing, damaged,
    not set up)."""
    import sqlite3

    from ambassadeur_app.errors import AppError
    from ambassadeur_app.services import open_service

    try:
        with open_service(path, readonly=True) as service:
            return service.programme().cpts_name if service.is_set_up else None
    except (AppError, OSError, sqlite3.Error):
        return None


def _cmd_partager(args: argparse.Namespace) -> None:
    from ambassadeur_app.services.sync import report_lines

    passphrase = _passphrase(new=True)
    with _service(args) as service:
        report = service.sync.share(args.dossier, passphrase)
        folder = service.sync.folder
    print(f"Carnet partagé par le dossier « {folder} ».", *report_lines(report), sep="\n")
    print(
        "Sur l'autre ordinateur : ambassadeur --carnet NOUVEAU_CARNET rejoindre --dossier DOSSIER, "
        "avec la même phrase secrète."
    )


def _cmd_rejoindre(args: argparse.Namespace) -> None:
    from ambassadeur_app.services.sync import join, report_lines

    passphrase = _passphrase(new=False)
    path, report = join(args.dossier, _carnet_path(args), passphrase, merge=args.fusionner)
    if report.merged is None:
        print(f"Carnet partagé reconstruit : {path}", *report_lines(report)[1:], sep="\n")
    else:
        print(f"Carnet fusionné avec le carnet partagé : {path}", *report_lines(report), sep="\n")
    if not args.carnet:
        _say_carnet_in_use(path)
    _sync_warnings(report)


def _cmd_sync(args: argparse.Namespace) -> None:
    from ambassadeur_app.services.sync import report_lines

    with _service(args, readonly=True) as service:
        service.sync.require_shared()  # said before a passphrase is asked for nothing
    passphrase = _passphrase(new=False)
    with _service(args) as service:
        report = service.sync.sync(passphrase)
    print(*report_lines(report), sep="\n")
    _sync_warnings(report)


def _sync_warnings(report: Any) -> None:
    for problem in [*report.refused, *(f"en attente : {name}" for name in report.waiting)]:
        print(f"attention : {problem}", file=sys.stderr)


def _cmd_conflits(args: argparse.Namespace) -> None:
    from ambassadeur_app.services.sync import conflict_lines, settled_line

    with _service(args) as service:
        if args.garder:
            print(settled_line(service.sync.settle(*args.garder), with_id=True))
            return
        print(*conflict_lines(service.sync.conflicts(include_resolved=args.tous)), sep="\n")


def _cmd_sauvegardes(args: argparse.Namespace) -> None:
    from ambassadeur_app.storage.db import backup_manager

    manager = backup_manager(paths.backup_root(), _carnet_path(args).absolute())
    backups = manager.all()
    if not backups:
        print(f"Aucune sauvegarde dans « {manager.folder} ».")
    for backup in backups:
        print(f"{backup.taken_at:%d/%m/%Y %H:%M}  {backup.kind.label:<28} {backup.path}")
    if manager.problem:
        print(f"attention : {manager.problem}", file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import plural
    from ambassadeur_app.errors import AppError
    from ambassadeur_app.storage.backup import check_file

    # Opening says what the file is not (a carnet, readable here, recent enough); the full
    # check then runs even when the carnet was already checked today.
    with _service(args, readonly=True) as service:
        problem = check_file(service.path)
        if problem:
            raise AppError(f"Le carnet « {service.path} » n'est pas sain : {problem}.")
        count = service.carnet.entries.count()
        attachments = service.expenses.attachment_problems()
        if attachments:
            raise AppError("\n".join(attachments))
        print(f"Le carnet « {service.path} » est sain ({plural(count, 'entrée')}).")


def _cmd_evenements(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date, plural
    from ambassadeur_app.services.core import SHORT_ID

    with _service(args, readonly=True) as service:
        events = service.events
        ids = events.event_ids()
        found = events.events(ids)
        counts = events.counts(ids)
    if not ids:
        print("Aucun événement dans ce carnet.")
    for event_id in ids:
        event = found[event_id]
        invited, present = counts[event_id]
        kind = f"{event.kind.label} ({event.status.label.lower()})"
        print(
            f"{event_id[:SHORT_ID]}  {format_date(event.first_day)}  {kind}  {event.title}  — "
            f"{plural(invited, 'invité')}, {plural(present, 'présent')}"
        )


def _cmd_questionnaire(args: argparse.Namespace) -> None:
    with _service(args, readonly=True) as service:
        event = service.events.find_event(args.identifiant)
        out = service.surveys.write_event_questionnaire(event.id, args.sortie)
    print(f"Questionnaire de « {event.title} » écrit : {out}")


def _import_answers(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import plural

    with _service(args) as service:
        event = service.events.find_event(args.identifiant)
        surveys = service.surveys
        # The event's questionnaire is made only when the answers are written: a refused import
        # leaves the carnet as it was.
        preview = surveys.preview_event_import(event.id, args.fichier)
        print(
            "Colonnes reconnues : "
            + ", ".join(f"question {index + 1} ← {header}" for index, header in preview.columns.items())
        )
        for problem in preview.problems:
            print(f"ligne invalide — {problem}", file=sys.stderr)
        print(f"Lecture du fichier : {preview.summary()}")
        outcome = surveys.apply_import(preview, skip_invalid=args.ignorer_invalides)
    message = plural(outcome.imported, "réponse importée", "réponses importées")
    if outcome.skipped_invalid:
        message += (
            f", {plural(outcome.skipped_invalid, 'ligne invalide ignorée', 'lignes invalides ignorées')}"
        )
    print(f"{message} pour « {event.title} ». Pour annuler : ambassadeur annuler-import {outcome.import_id}")


def _users(text: str) -> int:
    from ambassadeur_app.errors import InvalidInput
    from ambassadeur_app.importers.readings import parse_users

    try:
        return parse_users(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _cmd_indicateurs(args: argparse.Namespace) -> None:
    with _service(args, readonly=True) as service:
        indicators = service.indicators.all()
    for indicator in indicators:
        print(
            f"{indicator.title} — {indicator.status_text} — objectif : {indicator.target_text} — "
            f"résultat : {indicator.current_text} — reste : {indicator.missing_text} — {indicator.trend}"
        )


def _cmd_lecture(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date, format_number

    with _service(args) as service:
        service.indicators.save_reading(args.date, args.utilisateurs, baseline=args.reference)
    what = "Valeur de référence enregistrée" if args.reference else "Relevé enregistré"
    users = format_number(args.utilisateurs, 0)
    print(f"{what} : {users} utilisateurs actifs au {format_date(args.date)}.")


def _import_readings(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import plural

    with _service(args) as service:
        preview = service.indicators.preview_readings(args.fichier)
        for problem in preview.problems:
            print(f"ligne invalide — {problem}", file=sys.stderr)
        for warning in preview.warnings:
            print(f"attention : {warning}")
        count = service.indicators.apply_readings(preview, skip_invalid=args.ignorer_invalides)
    print(f"{plural(count, 'relevé importé', 'relevés importés')}.")


def _note_tag(text: str) -> NoteTag:
    """Read a note's type: ``reussite``, ``Échec``, ``fait-marquant``..."""
    from ambassadeur_app.domain.journal import NoteTag
    from ambassadeur_app.errors import InvalidInput

    try:
        return NoteTag(NoteTag.parse(text.replace("-", " ").replace("_", " ")))
    except InvalidInput:
        raise argparse.ArgumentTypeError(
            f"« {text} » : type inconnu (reussite, echec, levier, frein ou fait-marquant)"
        ) from None


def _export_steering_document(args: argparse.Namespace) -> None:
    from ambassadeur_app.reports.planning import export
    from ambassadeur_app.reports.rex import write_rex

    with _service(args, readonly=True) as service:
        if args.kind == "planning":
            out = export(service, args.format, args.sortie)
        elif args.kind == "bilan":
            from ambassadeur_app.reports.bilan import export as export_bilan

            out = export_bilan(service, args.format, args.sortie)
        elif args.kind == "budget":
            from ambassadeur_app.reports.budget import write_budget

            out = write_budget(service.programme(), args.format, args.sortie)
        else:
            out = write_rex(service, args.sortie, args.format)
    print(f"Document écrit : {out}")


def _cmd_planning(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date, plural
    from ambassadeur_app.reports.planning import LATE_WORD, actual_text, build_planning, planned_text
    from ambassadeur_app.services.core import SHORT_ID

    with _service(args, readonly=True) as service:
        planning = build_planning(service)
    if not planning.rows:
        print("Aucune action dans le rétroplanning.")
        return
    for row in planning.rows:
        action = row.action
        who = f" ({row.responsible})" if row.responsible else ""
        print(
            f"{action.id[:SHORT_ID]}  {planned_text(action)}  {action.status.label:<10} {action.title}{who}"
        )
        if actual := actual_text(action):
            print(f"          {actual}")
        if row.late_days:
            print(f"          {LATE_WORD} : {row.late}")
        for view in row.links:
            print(f"          {view.label}")
    late = plural(planning.late_count, "action en retard", "actions en retard")
    print(f"{plural(len(planning.rows), 'action')} ; {late} au {format_date(planning.today)}.")


def _cmd_journal(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date
    from ambassadeur_app.services.core import SHORT_ID

    with _service(args, readonly=True) as service:
        notes = service.planning.notes(args.type, args.du, args.au)
        views = {v.link: v for v in service.planning.link_views(k for n in notes for k in n.links)}
    if not notes:
        print("Aucune note dans le journal." if args.type is None else "Aucune note de ce type.")
    for note in notes:
        print(f"{note.id[:SHORT_ID]}  {format_date(note.day)}  {note.tag.label:<14} {note.text}")
        for link in note.links:
            print(f"          {views[link].label}")


def _cmd_note(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date
    from ambassadeur_app.domain.journal import JournalNote
    from ambassadeur_app.domain.planning import Link, LinkKind

    with _service(args) as service:
        links = (
            (Link(LinkKind.EVENT, service.events.find_event(args.evenement).id),) if args.evenement else ()
        )
        service.planning.save_note(JournalNote(args.date, args.type, args.texte, links))
    print(f"Note enregistrée : {args.type.label.lower()} du {format_date(args.date)}.")


def _cmd_pertinence(args: argparse.Namespace) -> None:
    if args.texte is None:
        with _service(args, readonly=True) as service:
            text = service.planning.pertinence()
        print(text or "Aucun texte sur la pertinence de reconduire ou de généraliser l'expérimentation.")
        return
    with _service(args) as service:
        service.planning.save_pertinence(args.texte)
    print("Texte sur la pertinence enregistré.")


def _euros(text: str) -> int:
    from ambassadeur_app.domain.expenses import parse_amount
    from ambassadeur_app.errors import InvalidInput

    try:
        cents = parse_amount(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    if cents is None:
        raise argparse.ArgumentTypeError("un montant en euros est attendu, par exemple 6 800,00")
    return cents


def _cmd_versement(args: argparse.Namespace) -> None:
    """Record a payment of the grant, delete one, or (without arguments) list them."""
    from ambassadeur_app.domain.bilan import GrantPayment
    from ambassadeur_app.domain.formatting import format_euros, plural
    from ambassadeur_app.errors import InvalidInput

    if args.supprimer is not None:
        if not args.supprimer.strip():
            raise InvalidInput("Indiquez l'identifiant du versement à supprimer (affiché par : versements).")
        if args.date is not None or args.montant is not None or args.libelle or args.confirmer:
            raise InvalidInput(
                "--supprimer s'emploie seul : supprimez un versement, ou enregistrez-en un, pas les deux à "
                "la fois."
            )
        with _service(args) as service:
            found = service.bilan.find_payment(args.supprimer)
            service.bilan.delete_payment(found.id)
        print(f"Versement supprimé : {found.line}.")
        return
    if args.date is None:
        if args.libelle or args.confirmer:
            raise InvalidInput(
                "Indiquez la date et le montant du versement, par exemple : versement 15/03/2026 6800 "
                "--libelle avance."
            )
        _cmd_versements(args)
        return
    if args.montant is None:
        raise InvalidInput("Indiquez le montant reçu après la date, par exemple : versement 15/03/2026 6800.")
    with _service(args) as service:
        payment = GrantPayment(args.date, args.montant, args.libelle)
        warnings = service.bilan.payment_warnings(payment)
        if warnings and not args.confirmer:
            raise InvalidInput(
                " ".join(warnings)
                + " Rien n'a été enregistré : relancez avec --confirmer pour l'enregistrer quand même."
            )
        payment_id = service.bilan.add_payment(payment)
        saved = service.bilan.payments()
        grant = service.programme().total_grant_cents
    print(f"Versement enregistré : {next(p for p in saved if p.id == payment_id).line}.")
    received = format_euros(sum(p.amount_cents for p in saved))
    print(f"{plural(len(saved), 'versement')} : {received} reçus sur {format_euros(grant)} accordés.")
    for warning in warnings:
        print(f"attention : {warning}", file=sys.stderr)


def _cmd_versements(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import format_date, format_euros, plural
    from ambassadeur_app.services.core import SHORT_ID

    with _service(args, readonly=True) as service:
        bilan, _ = service.bilan.bilan()
    if not bilan.payments:
        print(f"Aucun versement de la subvention saisi ({format_euros(bilan.grant_cents)} accordés).")
    for payment in bilan.payments:
        print(
            f"{payment.id[:SHORT_ID]}  {format_date(payment.day)}  {format_euros(payment.amount_cents):>14}"
            f"  {payment.label}".rstrip()
        )
    if bilan.payments:
        print(
            f"{plural(len(bilan.payments), 'versement')}, {format_euros(bilan.received_cents)} reçus sur "
            f"{format_euros(bilan.grant_cents)} accordés."
        )
    print(bilan.balance_text)


def _cmd_emargement(args: argparse.Namespace) -> None:
    with _service(args, readonly=True) as service:
        event = service.events.find_event(args.identifiant)
        out = service.events.write_sign_in_sheet(event.id, args.sortie, args.lignes_vides)
    print(f"Feuille d'émargement de « {event.title} » écrite : {out}")


def _print_findings(findings: list[Finding]) -> None:
    from ambassadeur_app.domain.checks import summary

    for finding in findings:
        print(finding.line)
    print(summary(findings))


def _cmd_verifier(args: argparse.Namespace) -> None:
    from ambassadeur_app.errors import AppError

    with _service(args, readonly=True) as service:
        findings = service.pack.check()
    _print_findings(findings)
    if any(finding.blocking for finding in findings):
        raise AppError("des points bloquants restent à corriger avant le dossier de justification.")


def _cmd_dossier(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import plural

    with _service(args, readonly=True) as service:
        result = service.pack.write(args.sortie, zip=args.zip)
    assert result is not None  # never cancelled here
    _print_findings(result.findings)
    if result.draft:
        print(result.draft_warning, file=sys.stderr)
    print(f"Dossier de justification écrit : {result.folder} ({plural(len(result.files), 'document')})")
    if result.archive is not None:
        print(f"Archive : {result.archive}")


def _cmd_consolider(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.formatting import plural
    from ambassadeur_app.errors import AppError
    from ambassadeur_app.reports.region import output_format, write
    from ambassadeur_app.services.outside_copy import passphrase_from_env
    from ambassadeur_app.services.region import consolidate

    def passphrase(copy: Path) -> str:
        if passphrase_from_env() is None:
            print(f"« {copy} » est une copie chiffrée.", file=sys.stderr)
        return _passphrase(new=False)

    output_format(args.sortie)  # before any passphrase is asked
    consolidation = consolidate(args.fichiers, passphrase=passphrase)
    out = write(consolidation, args.sortie)
    for result in consolidation.inputs:
        print(f"{result.path} : {result.status}")
    print(f"Vue régionale écrite : {out} ; {consolidation.counted_text()}.")
    refused = [result for result in consolidation.inputs if result.refused]
    if refused:
        names = ", ".join(f"« {result.path.name} »" for result in refused)
        what = plural(len(refused), "fichier refusé ou non vérifié", "fichiers refusés ou non vérifiés")
        raise AppError(f"{what} : {names}.")


def _cmd_depenses(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.expenses import attachments_status, missing_document
    from ambassadeur_app.domain.formatting import format_date, format_euros, plural
    from ambassadeur_app.errors import AppError
    from ambassadeur_app.services.core import SHORT_ID

    if args.action == "joindre":
        _attach_expense_file(args)
        return
    with _service(args, readonly=True) as service:
        expenses = service.expenses
        event_id = service.events.find_event(args.evenement).id if args.evenement else None
        ids = expenses.expense_ids(event_id)
        found = expenses.expenses(ids)
        checks = expenses.checks(ids)
        titles = {i: expenses.event_title(found[i].event_id) for i in ids}
        use = expenses.forfait_use()
    if not ids:
        print("Aucune dépense dans ce carnet." if event_id is None else "Aucune dépense pour cet événement.")
    problems = [check.problem for i in ids for check in checks[i] if check.problem]
    lacks = {i: missing_document(found[i], [c.attachment.role for c in checks[i]]) for i in ids}
    for expense_id in ids:
        expense = found[expense_id]
        number = f"n° {expense.number}" if expense.number else "sans n°"
        event = f"  {titles[expense_id]}" if titles[expense_id] else ""
        print(
            f"{expense_id[:SHORT_ID]}  {format_date(expense.issued_on)}  {expense.supplier}  {number}  "
            f"{expense.status.label}  {format_euros(expense.amount_ttc_cents)} TTC{event}  — "
            f"{attachments_status(len(checks[expense_id]), sum(bool(c.problem) for c in checks[expense_id]))}"
            + (f" ; {lacks[expense_id]}" if lacks[expense_id] else "")
        )
    print(use.label)
    # A document not yet received is a warning (exit code 0): the statement is not complete, but
    # nothing is damaged; a changed or lost file (below) is an error.
    if lacking := [found[i] for i in ids if lacks[i]]:
        print(
            f"attention : {plural(len(lacking), 'dépense engagée', 'dépenses engagées')} sans justificatif "
            "(devis ou facture) : joignez-le avec « depenses joindre ID FICHIER ».",
            file=sys.stderr,
        )
    for problem in problems:
        print(f"problème : {problem}", file=sys.stderr)
    if problems:
        missing = plural(
            len(problems), "pièce jointe manquante ou modifiée", "pièces jointes manquantes ou modifiées"
        )
        raise AppError(f"{missing} : retrouvez les originaux et joignez-les de nouveau.")


def _attach_expense_file(args: argparse.Namespace) -> None:
    from ambassadeur_app.domain.expenses import AttachmentRole, format_size

    with _service(args) as service:
        expense = service.expenses.find_expense(args.identifiant)
        role = AttachmentRole(args.type) if args.type else None
        attached = service.expenses.attach(expense.id, args.fichier, role)
        folder = service.expenses.store.folder
    joined = "joint" if attached.role is AttachmentRole.QUOTE else "jointe"  # « une facture »
    print(
        f"{attached.role.label} {joined} à la dépense {expense.label} : « {attached.filename} » "
        f"({format_size(attached.size)}), conservé dans « {folder} »."
    )


def _cmd_invitation(args: argparse.Namespace) -> None:
    from ambassadeur_app.reports.invitation import output_format, recipients_text, write_invitation

    with _service(args, readonly=True) as service:
        event = service.events.find_event(args.identifiant)
        draft = write_invitation(service, event.id, args.sortie, args.format)
    print(f"Invitation à « {event.title} » écrite : {args.sortie}")
    if output_format(args.sortie, args.format) == "eml":
        for line in recipients_text(draft):
            print(line)


def _export_event_document(args: argparse.Namespace) -> None:
    from ambassadeur_app.reports.event_tables import export

    with _service(args, readonly=True) as service:
        event_id = service.events.find_event(args.identifiant).id if args.kind == "evenement" else None
        out = export(service, args.kind, args.format, args.sortie, event_id)
    print(f"Document écrit : {out}")


_HANDLERS: dict[str, Callable[[argparse.Namespace], None]] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "saisir": _cmd_saisir,
    "resume": _cmd_resume,
    "cloturer": _cmd_cloturer,
    "rouvrir": _cmd_rouvrir,
    "imports": _cmd_imports,
    "annuler-import": _cmd_undo_import,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "sauvegardes": _cmd_sauvegardes,
    "check": _cmd_check,
    "partager": _cmd_partager,
    "rejoindre": _cmd_rejoindre,
    "sync": _cmd_sync,
    "conflits": _cmd_conflits,
    "evenements": _cmd_evenements,
    "emargement": _cmd_emargement,
    "verifier": _cmd_verifier,
    "dossier": _cmd_dossier,
    "consolider": _cmd_consolider,
    "planning": _cmd_planning,
    "journal": _cmd_journal,
    "note": _cmd_note,
    "pertinence": _cmd_pertinence,
    "indicateurs": _cmd_indicateurs,
    "lecture": _cmd_lecture,
    "questionnaire": _cmd_questionnaire,
    "depenses": _cmd_depenses,
    "invitation": _cmd_invitation,
    "versement": _cmd_versement,
    "versements": _cmd_versements,
}
