"""One carnet on the binôme's two laptops: share it, join it, sync it, check its conflicts.

``share`` gives the carnet its shared identity and writes its snapshot into the shared folder;
``join`` builds a new carnet, on the other laptop, from that folder; ``sync`` writes this copy's
changes then applies the others'; ``conflicts`` lists what the merge set aside and ``keep``
settles one. The engine is ``ambassadeur_app.sync``; the design, docs/synchronisation.md.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month, utc_now_iso
from ambassadeur_app.domain.durations import MAX_ENTRY_MINUTES, format_duration
from ambassadeur_app.domain.formatting import (
    NBSP,
    format_date,
    format_euros,
    format_number,
    format_timestamp,
    plural,
)
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.errors import CarnetError, InvalidInput, os_reason
from ambassadeur_app.partfiles import PART_SUFFIX, part_for, remove_part, tracked
from ambassadeur_app.services.core import CarnetCore
from ambassadeur_app.services.erasure import erased_elsewhere
from ambassadeur_app.storage.backup import FULL_DISK, BackupKind, copy_database, sqlite_reason
from ambassadeur_app.storage.db import open_carnet
from ambassadeur_app.storage.sealed import DEFAULT_KDF, KdfParams, check_passphrase
from ambassadeur_app.sync import pieces
from ambassadeur_app.sync.capture import SYNCED_TABLES, field_group, install_capture
from ambassadeur_app.sync.engine import CONFLICT_KINDS, Engine, SyncReport, entry_rows, hlc_time
from ambassadeur_app.sync.files import (
    IDENTITY_NAME,
    Incomplete,
    Keys,
    OtherPassphrase,
    Refused,
    change_files,
    decode,
    file_name,
    kdf_params,
    kdf_text,
    read_identity,
    write_identity,
)
from ambassadeur_app.sync.merge import Merged, common_records, date_first_file, match

CHOICES = ("actuelle", "ecartee")
DOUBLONS = "doublons"  # « conflits --garder doublons … »: every doublon still to check


class WrongPassphrase(CarnetError):
    """The passphrase given is not the shared carnet's (the window asks it again)."""


REOPEN_REASON = "entrée arrivée de l'autre ordinateur après la clôture (synchronisation)"

# What the user calls the records of each table the sync carries, (one, several), in the
# window's own words (« questionnaire », « présences », « sollicitation »…): conflicts and the
# merge summary use them; every synced table has its names (tests/sync/test_merge_wording.py).
TABLE_NAMES: dict[str, tuple[str, str]] = {
    "programme": ("paramètres du programme", "paramètres du programme"),
    "imports": ("import", "imports"),
    "ambassadors": ("ambassadeur", "ambassadeurs"),
    "activities": ("activité", "activités"),
    "month_locks": ("clôture de mois", "clôtures de mois"),
    "professionals": ("professionnel", "professionnels"),
    "structures": ("structure", "structures"),
    "training_modules": ("module de formation", "modules de formation"),
    "events": ("événement", "événements"),
    "time_entries": ("entrée", "entrées"),
    "professional_structures": ("lien professionnel – structure", "liens professionnel – structure"),
    "contacts": ("contact", "contacts"),
    "contact_professionals": ("personne d'un contact", "personnes des contacts"),
    "solicitations": ("sollicitation", "sollicitations"),
    "account_events": ("opération sur un compte Parceo", "opérations sur les comptes Parceo"),
    "professional_activities": ("lieu d'exercice", "lieux d'exercice"),
    "import_changes": ("fiche complétée par un import", "fiches complétées par un import"),
    "event_invitations": ("invitation", "invitations"),
    "event_attendances": ("présence à un événement", "présences aux événements"),
    "survey_templates": ("modèle de questionnaire", "modèles de questionnaire"),
    "surveys": ("questionnaire diffusé", "questionnaires diffusés"),
    "survey_responses": ("réponse à un questionnaire", "réponses aux questionnaires"),
    "expenses": ("dépense", "dépenses"),
    "attachments": ("pièce jointe", "pièces jointes"),
    "user_readings": ("relevé d'utilisateurs actifs", "relevés d'utilisateurs actifs"),
    "indicator_targets": ("objectifs de l'expérimentation", "objectifs de l'expérimentation"),
    "planned_actions": ("action du rétroplanning", "actions du rétroplanning"),
    "planned_action_links": ("lien d'une action du rétroplanning", "liens des actions du rétroplanning"),
    "journal_notes": ("note du journal", "notes du journal"),
    "journal_note_links": ("lien d'une note du journal", "liens des notes du journal"),
    "rex_texts": ("texte du retour d'expérience", "textes du retour d'expérience"),
    "agenda_items": ("rendez-vous d'agenda importé", "rendez-vous d'agenda importés"),
    "grant_payments": ("versement de la subvention", "versements de la subvention"),
    "conflict_choices": ("choix d'un conflit", "choix des conflits"),
}

# The fields as the user knows them, by column (« table.column » where a table means another
# thing by it). Every column of a synced table has one, except the technical ones below
# (tests/sync/test_merge_wording.py).
_COLUMN_NAMES = {
    "day": "date",
    "minutes": "durée",
    "start_time": "heure de début",
    "mission": "mission",
    "activity": "activité",
    "ambassador_id": "ambassadeur",
    "place": "lieu",
    "description": "description",
    "deleted_at": "suppression",
    "last_name": "nom",
    "first_name": "prénom",
    "civility": "civilité",
    "phone": "téléphone",
    "email": "e-mail",
    "profession": "profession",
    "profession_code": "profession",
    "specialty": "spécialité",
    "practice_mode": "exercice",
    "commune": "commune",
    "postal_code": "code postal",
    "departement_code": "département",
    "rpps": "N° RPPS",
    "adeli": "N° ADELI",
    "finess": "N° FINESS",
    "siret": "N° SIRET",
    "name": "nom",
    "label": "libellé",
    "subject": "objet",
    "outcome": "résultat",
    "next_step": "suite à donner",
    "next_step_due": "échéance de la suite",
    "next_step_done": "suite faite",
    "channel": "moyen de contact",
    "contacted_on": "contactée le",
    "met_on": "rencontrée le",
    "engaged_on": "engagée le",
    "onboarded_on": "embarquée le",
    "onboarding": "parcours Parceo",
    "services_engaged": "services engagés",
    "it_commitment_on": "engagement de la DSI le",
    "title": "titre",
    "status": "statut",
    "notes": "notes",
    "text": "texte",
    "content": "contenu",
    "objectives": "objectifs",
    "audience": "public",
    "services": "services nationaux",
    "summary": "résumé",
    "category": "catégorie",
    "supplier": "fournisseur",
    "issued_on": "date de la facture",
    "amount_cents": "montant",
    "amount_ht_cents": "montant HT",
    "vat_cents": "TVA",
    "amount_ttc_cents": "montant TTC",
    "planned_start": "début prévu",
    "planned_end": "fin prévue",
    "actual_start": "début réel",
    "actual_end": "fin réelle",
    "starts_at": "début",
    "start_date": "début de l'expérimentation",
    "first_day": "premier jour",
    "sessions": "demi-journées",
    "link": "lien de connexion",
    "agenda": "ordre du jour",
    "speakers": "intervenants",
    "pulsy_trainer": "formateur Pulsy présent",
    "organiser_ids": "organisé par",
    "open_to_departement": "ouvert à tout le département",
    "module_id": "module",
    "present": "présence",
    "walk_in": "venu sans invitation",
    "invited_on": "invité le",
    "online": "en ligne",
    "active": "actif",
    "role": "rôle",
    "position": "ordre",
    "kind": "type",
    "type": "type",
    "reason": "motif",
    "decision": "décision",
    "month": "mois",
    "closed_at": "clôture",
    "reopened_at": "réouverture",
    "reopen_reason": "motif de réouverture",
    "event_id": "événement lié",
    "time_entry_id": "entrée liée",
    "professional_id": "professionnel",
    "structure_id": "structure",
    "contact_id": "contact",
    "survey_id": "questionnaire",
    "received_at": "date de réception",
    "requester": "demandeur",
    "answered_at": "date de réponse",
    "answered_by": "réponse par",
    "resolution": "réponse apportée",
    "action": "opération",
    "users": "utilisateurs actifs",
    "baseline": "relevé de référence",
    "number": "numéro",
    "answers": "réponses",
    "questions": "questions",
    "tag": "type de note",
    "diffused_on": "date de diffusion",
    "recipients": "nombre de destinataires",
    "recipients_text": "destinataires",
    "parceo_status": "compte Parceo",
    "parceo_since": "compte Parceo depuis le",
    "anonymized_at": "effacement de la personne",
    "filename": "nom du fichier",
    "row_count": "nombre de lignes",
    "undone_at": "annulation",
    "cpts_name": "nom de la CPTS",
    "departement_name": "nom du département",
    "programme_name": "programme",
    "months": "durée (mois)",
    "hourly_rate_cents": "forfait horaire",
    "monthly_cap_cents": "plafond mensuel",
    "total_grant_cents": "montant total de la subvention",
    "event_forfait_cents": "forfait événement",
    "weekly_base_minutes": "base hebdomadaire",
    "representative_name": "représentant(e) de la CPTS",
    "representative_title": "fonction du représentant",
    "users_increase_percent": "augmentation des utilisateurs actifs (%)",
    "min_events": "événements ouverts au département",
    "coordinated_percent": "part des MSP, ESP et CDS embarquées (%)",
    "hospitals": "centres hospitaliers engagés",
    "nursing_homes": "EHPAD engagés",
    "hospital_it_commitment": "engagement de la DSI du CH",
    "tool_surveys": "diffusions du questionnaire sur l'outil",
    "key": "section",
    "mode": "mode d'exercice",
    "sector": "secteur d'activité",
    "site_name": "lieu",
    "finess_site": "N° FINESS du lieu",
    "commune_code": "code de la commune",
    "contacts.channel": "moyen de contact",
    "solicitations.channel": "moyen de la demande",
    "surveys.channel": "moyen de diffusion",
    "event_invitations.channel": "moyen d'invitation",
    "expenses.number": "numéro de la facture",
    "survey_responses.number": "numéro du formulaire",
    "ambassadors.role": "rôle dans le binôme",
    "professional_activities.role": "fonction",
    "attachments.role": "type de pièce",
    "events.status": "statut",
    "surveys.key": "modèle",
    "survey_templates.key": "modèle",
    "agenda_items.reason": "motif du rendez-vous écarté",
    "agenda_items.summary": "intitulé du rendez-vous",
}
# Fields that hold no one's words and that no one types (the import that made a record, the
# search keys drawn from its names, a file's fingerprint, an agenda event's identifiers…), by
# column or « table.column »: the same professional imported on both laptops holds two imports'
# ids, two values of one thing that no one chose. A difference there is never listed (the
# carnet's value stands; the fields a user reads are compared on their own).
TECHNICAL_COLUMNS = frozenset(
    {
        "conflict_choices.choice",
        "import_id",
        "search",
        "name_key",
        "import_changes.record_table",
        "import_changes.record_id",
        "import_changes.before",
        "imports.kind",
        "attachments.owner_id",
        "attachments.sha256",
        "attachments.suffix",
        "attachments.size",
        "agenda_items.uid",
        "agenda_items.recurrence_id",
        "agenda_items.fingerprint",
        "agenda_items.source",
        "planned_action_links.owner_id",
        "journal_note_links.owner_id",
    }
)
# The columns that name a record in a conflict, in order (a reference reads as the name of the
# record it refers to, a date as a date); a table missing here is named by what it is alone.
_NAMED_BY: dict[str, tuple[str, ...]] = {
    "programme": ("cpts_name",),
    "imports": ("filename",),
    "ambassadors": ("name",),
    "activities": ("label",),
    "month_locks": ("month",),
    "professionals": ("trim(first_name || ' ' || last_name)",),
    "structures": ("name",),
    "training_modules": ("title",),
    "events": ("title",),
    "professional_structures": ("professional_id", "structure_id"),
    "contacts": ("day", "subject"),
    "contact_professionals": ("professional_id",),
    "solicitations": ("received_at", "requester"),
    "account_events": ("day", "professional_id"),
    "professional_activities": ("professional_id", "site_name", "commune"),
    "event_invitations": ("professional_id", "event_id"),
    "event_attendances": ("professional_id", "event_id"),
    "survey_templates": ("key",),
    "surveys": ("title",),
    "survey_responses": ("survey_id", "number"),
    "expenses": ("supplier", "number"),
    "attachments": ("filename",),
    "user_readings": ("day",),
    "planned_actions": ("title",),
    "planned_action_links": ("owner_id",),
    "journal_notes": ("day", "text"),
    "journal_note_links": ("owner_id",),
    "rex_texts": ("key",),
    "agenda_items": ("starts_at", "summary"),
    "grant_payments": ("day", "amount_cents"),
}
# The tables an id column refers to when it is no foreign key.
_REFERS = {
    "planned_action_links.owner_id": "planned_actions",
    "journal_note_links.owner_id": "journal_notes",
    "answered_by": "ambassadors",
}
# The tables whose rows hold search keys drawn from their other fields (their repositories
# write them).
_DERIVED = ("professionals", "structures", "events")
_YES_NO = frozenset(
    {
        "online",
        "active",
        "next_step_done",
        "walk_in",
        "open_to_departement",
        "pulsy_trainer",
        "baseline",
        "hospital_it_commitment",
    }
)


def _per_table(mapping: Mapping[str, Any], table: str, column: str) -> Any:
    """What ``mapping`` says of a table's column (« table.column » first, then « column »)."""
    return mapping.get(f"{table}.{column}", mapping.get(column))


def technical(table: str, column: str) -> bool:
    """Whether a field holds no one's words (never listed as a conflict)."""
    return f"{table}.{column}" in TECHNICAL_COLUMNS or column in TECHNICAL_COLUMNS


@dataclass(frozen=True)
class Conflict:
    """Something the merge set aside, to be checked by the user (texts in French)."""

    id: str
    kind: str
    table: str
    row_id: str
    column: str
    kept: Any
    set_aside: Any
    other_id: str
    detected_at: str
    resolved: str  # '' while open, else how it was settled (French)
    description: str


class SyncService:
    """The sync of one open carnet."""

    def __init__(self, core: CarnetCore) -> None:
        self.core = core
        self.carnet = core.carnet
        self.engine = Engine(core.carnet)
        self.engine.on_erasure = functools.partial(erased_elsewhere, core.carnet)
        self._known: Keys | None = None
        self._references: dict[str, dict[str, str]] = {}

    @property
    def shared(self) -> bool:
        return bool(self.engine.state()["shared_id"])

    @property
    def folder(self) -> Path | None:
        folder = self.engine.state()["folder"]
        return Path(folder) if folder else None

    def pending(self) -> int:
        """Changes made here not yet written to the shared folder."""
        return self.engine.pending() if self.shared else 0

    def last_changes(self) -> dict[str, datetime]:
        """Each other copy's latest change applied here (its clock, as a UTC moment)."""
        if not self.shared:
            return {}
        rows = self.carnet.db.execute(
            "SELECT replica, last_hlc FROM _sync_peers WHERE replica != ? AND last_hlc > 0",
            [self.engine.state()["replica"]],
        ).fetchall()
        return {copy: hlc_time(hlc) for copy, hlc in rows}

    @contextmanager
    def in_thread(self) -> Iterator[SyncService]:
        """This carnet's sync on a connection of its own, for a worker thread (an SQLite
        connection belongs to the thread that opened it: the window's stays free meanwhile).
        The keys derived are shared both ways, so scrypt still runs once per session."""
        carnet = self.carnet.thread_copy()
        try:
            worker = SyncService(CarnetCore(carnet, self.core.today))
            worker._known = self._known
            yield worker
            self._known = worker._known
        finally:
            carnet.db.close()
            self.engine = Engine(self.carnet)  # its cached copy id may have changed (a new copy)
            self.engine.on_erasure = functools.partial(erased_elsewhere, self.carnet)

    # --- share, join, sync -------------------------------------------------------------------

    def share(self, folder: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> SyncReport:
        """Share this carnet through ``folder``: its shared identity, then its snapshot.

        Raises:
            InvalidInput: weak passphrase. CarnetError: already shared, not set up, a folder
                holding another shared carnet, or a folder that cannot be written.
        """
        check_passphrase(passphrase)
        state = self.engine.state()
        if state["shared_id"]:
            raise CarnetError(
                f"Ce carnet est déjà partagé par le dossier « {state['folder']} » : utilisez « sync »."
            )
        self.core.programme()  # a carnet not set up yet is refused (French message)
        folder = _usable_folder(folder, create=True)
        if read_identity(folder) is not None or change_files(folder):
            raise CarnetError(
                f"Le dossier « {folder} » contient déjà un carnet partagé (ou les restes d'un partage "
                "interrompu) : pour le retrouver sur cet ordinateur, utilisez « rejoindre » ; pour "
                "partager ce carnet-ci, choisissez un dossier vide."
            )
        shared_id = str(uuid.uuid4())
        keys = Keys(passphrase)
        salt = os.urandom(16)
        report = SyncReport()
        # One transaction: the carnet is marked shared only once its snapshot and the folder's
        # identity are written (the identity last); any failure leaves the carnet as it was.
        replica = str(uuid.uuid4())
        try:
            with self.carnet.write():
                self.engine.begin(shared_id, replica, folder, salt, kdf_text(kdf), keys.verifier(salt, kdf))
                install_capture(self.carnet.db)
                self.engine.snapshot()
                report.exported, report.written = self.engine.export(folder, keys)
                write_identity(folder, shared_id)
        except BaseException:
            self.engine.forget_replica()
            shutil.rmtree(folder / replica, ignore_errors=True)  # the snapshot, if it was written
            with suppress(OSError, CarnetError):
                if (read_identity(folder) or {}).get("carnet") == shared_id:
                    (folder / IDENTITY_NAME).unlink()  # written, then the commit failed
            raise
        self._known = keys
        self._pieces(folder, keys, report)
        return report

    def require_shared(self) -> None:
        """Check that this carnet is shared (before asking for the passphrase).

        Raises:
            CarnetError: not shared.
        """
        if not self.engine.state()["shared_id"]:
            raise CarnetError(
                "Ce carnet n'est pas partagé : utilisez d'abord « partager » (ou « rejoindre » sur "
                "l'autre ordinateur)."
            )

    def sync(self, passphrase: str, folder: Path | None = None) -> SyncReport:
        """Write this copy's changes into the shared folder, then apply the other copies'.

        Raises:
            CarnetError: not shared, wrong passphrase, folder missing or of another carnet.
        """
        self.require_shared()
        state = self.engine.state()
        keys = self._keys(passphrase)
        folder = _usable_folder(folder or Path(state["folder"]), create=False)
        identity = read_identity(folder)
        if identity is None or identity["carnet"] != state["shared_id"]:
            raise CarnetError(
                f"Le dossier « {folder} » n'est pas celui de ce carnet partagé : rien n'a été échangé."
            )
        if str(folder) != state["folder"]:
            with self.carnet.write():
                self.carnet.db.execute("UPDATE _sync_state SET folder = ?", [str(folder)])
        report = SyncReport()
        known = {row[0] for row in self.carnet.db.execute("SELECT id FROM _sync_conflicts")}
        report.rewritten, report.former_copy = self.engine.check_own(folder, keys)
        before = self.engine.files_written()
        report.exported, _ = self.engine.export(folder, keys)
        self.engine.apply_folder(folder, keys, report)
        if sum(report.applied.values()):
            self.core.changed()  # the entries kept in memory are read again
        if report.conflicts:  # the new ones as « conflits » lists them (a doublon set aside is one)
            report.conflicts = sum(conflict.id not in known for conflict in self.conflicts())
        # What the merge decided here (a record kept, an entry set aside) leaves at once.
        report.exported += self.engine.export(folder, keys)[0]
        if (after := self.engine.files_written()) > before:
            first = file_name(before + 1)
            report.written = first if after == before + 1 else f"{first} à {file_name(after)}"
        with self.carnet.write():
            erased = self.engine.forget_erased()
        if erased:
            report.rewritten += self.engine.rewrite_own(folder, keys)
        self._pieces(folder, keys, report)
        return report

    def _pieces(self, folder: Path, keys: Keys, report: SyncReport) -> None:
        """The attached files: those only this laptop has go out, those it lacks come in."""
        state = self.engine.state()
        try:
            pieces.send(self.carnet, folder, state["replica"], keys, state["salt"], kdf_params(state["kdf"]))
        except CarnetError as exc:  # the changes went through: the files go at the next sync
            report.refused.append(exc.message)
        fetched, problems = pieces.fetch(self.carnet, folder, keys)
        report.pieces += fetched
        report.refused += problems

    def _keys(self, passphrase: str) -> Keys:
        state = self.engine.state()
        # The keys derived stay in memory while the carnet is open: scrypt once per copy, not at
        # every sync (the window will sync every few minutes).
        if self._known is None or self._known.passphrase != passphrase:
            self._known = Keys(passphrase)
        keys = self._known
        params = kdf_params(state["kdf"])
        if keys.verifier(state["salt"], params) != state["verifier"]:
            raise WrongPassphrase(
                "La phrase secrète ne correspond pas à celle de ce carnet partagé (vérifiez les "
                "majuscules, les accents et les espaces) : rien n'a été échangé."
            )
        return keys

    # --- conflicts -----------------------------------------------------------------------------

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        """The conflicts to check (and, with ``include_resolved``, those settled), oldest first."""
        # A choice made on either laptop (``conflict_choices``, synced); before, on this one only.
        rows = self.carnet.db.execute(
            "SELECT c.id, kind, tbl, row_id, col, kept, set_aside, kept_version, lost_version, other_id, "
            "detected_at, coalesce(k.updated_at, c.resolved_at), coalesce(k.choice, c.choice) "
            "FROM _sync_conflicts AS c LEFT JOIN conflict_choices AS k ON k.id = c.id "
            "ORDER BY detected_at, c.id"
        ).fetchall()
        found = []
        for row in rows:
            kind, table, row_id, column, lost = row[1], row[2], row[3], row[4], row[8]
            # Listed alike on both laptops, whatever each one met in between: the conflict of
            # a writer's latest value only, and two entries until a choice only while both are
            # kept and still match (or the copy stays out of the counts, the entry shown edited).
            if kind == "champ" and lost and self.engine.lost_replaced(table, row_id, lost, row[7], column):
                continue
            if (
                kind == "doublon"
                and not row[11]
                and not (
                    self.engine.entry_kept(row_id)
                    and self.engine.entry_kept(row[9])
                    and (self.engine.same_entry(row_id, row[9]) or self.engine.twin_set_aside(row[9]))
                )
                and not self.engine.twin_shown_deleted(row_id, row[9])
            ):
                continue
            if kind == "champ" and technical(table, column):
                continue  # two values no one typed (two imports' ids): nothing to choose
            if kind == "champ" and column == "time_entry_id" and self._linked_twice(row[5], row[6]):
                continue
            aside = {}
            if kind == "mois_clos" and not row[11]:  # what is set aside, as every laptop reads it
                aside = self.engine.set_aside(row_id, json.loads(row[5]))
                row = (*row[:6], json.dumps(aside), *row[7:]) if aside else row
            conflict = self._conflict(*row)
            if kind == "mois_clos" and not row[11] and not aside and not conflict.resolved:
                continue  # nothing that counts differs any more
            if include_resolved or not conflict.resolved:
                found.append(conflict)
        return found

    def _linked_twice(self, kept: str, aside: str) -> bool:
        """Whether a record both laptops held (a contact typed on both, matched by a merge) is
        linked on each to its own copy of one entry typed twice: that entry's « doublon » says it."""
        first, second = json.loads(kept), json.loads(aside)
        return bool(first and second) and self.engine.same_entry(first, second)

    def _conflict(
        self,
        conflict_id: str,
        kind: str,
        table: str,
        row_id: str,
        column: str,
        kept: str,
        set_aside: str,
        kept_version: str,
        lost_version: str,
        other_id: str,
        detected_at: str,
        resolved_at: str | None,
        choice: str,
    ) -> Conflict:
        kept_value, aside_value = json.loads(kept), json.loads(set_aside)
        resolved = (
            _CHOSEN.get(f"{kind} {choice}", _CHOSEN.get(choice, "réglé"))
            if resolved_at
            else self._settled(kind, table, row_id, column, kept_version, lost_version, other_id)
        )
        if kind == "mois_clos" and resolved_at and choice == "ecartee":
            resolved = resolved.format(month=Month.parse(str(kept_value)).of_label())
        if kind == "champ" and len(field_group(table, column)) > 1:
            kept_value = self._group_values(table, row_id, column, kept_version, kept_value)
            aside_value = self._group_values(table, row_id, column, lost_version, aside_value)
        return Conflict(
            conflict_id,
            kind,
            table,
            row_id,
            column,
            kept_value,
            aside_value,
            other_id,
            detected_at,
            resolved,
            self._describe(kind, table, row_id, column, kept_value, aside_value, other_id),
        )

    def _group_values(
        self, table: str, row_id: str, column: str, version: str, stored: Any
    ) -> dict[str, Any]:
        """The values of the fields checked together with ``column`` in the change ``version``
        (a field of the group that change did not record keeps the carnet's current value)."""
        values = {}
        for name in field_group(table, column):
            change = self.engine.version(table, row_id, version, name) if version else None
            if change is not None:
                values[name] = change.value_of(name)
            elif name == column:
                values[name] = stored
            else:
                row = self.carnet.db.execute(f"SELECT {name} FROM {table} WHERE id = ?", [row_id]).fetchone()
                values[name] = row[0] if row else None
        return values

    def _settled(
        self, kind: str, table: str, row_id: str, column: str, kept: str, lost: str, other_id: str
    ) -> str:
        """How a conflict was settled since, here or on the other laptop ('' when it was not)."""
        db = self.carnet.db
        if kind == "champ" and kept and lost:
            current = self.engine.winner(table, row_id, column)
            kept_change = self.engine.version(table, row_id, kept, column)
            lost_change = self.engine.version(table, row_id, lost, column)
            if current is None or kept_change is None or lost_change is None:
                return "réglé (fiche effacée)"
            if (
                current.version not in (kept, lost)
                and self.engine.seen(kept_change, current)
                and self.engine.seen(lost_change, current)
            ):
                return "réglé depuis (valeur modifiée ensuite)"
            return ""
        live = _live(db, table, row_id)
        if kind == "doublon":  # both entries kept, or the entry shown deleted knowing both (listed)
            if self.engine.twin_shown_deleted(row_id, other_id):
                return _SHOWN_DELETED
            if not self.engine.twin_chosen(other_id, self.engine.twin_creations(row_id, other_id)):
                return ""
            return _BOTH_KEPT if _live(db, table, other_id) else _ONE_KEPT
        if kind == "mois_clos":
            # Open while the month is closed, by this closing or by one made on another laptop.
            month = db.execute("SELECT month FROM month_locks WHERE id = ?", [other_id]).fetchone()
            closed = {str(closed) for closed in self.carnet.months.closed_months()}
            return "" if month and month[0] in closed else "réglé (mois rouvert)"
        if kind == "suppression":
            return "" if live else "réglé (fiche supprimée)"
        if kind == "24h":
            return (
                "" if _day_minutes(db, row_id, other_id) > MAX_ENTRY_MINUTES else "réglé (journée corrigée)"
            )
        return ""

    def _describe(
        self, kind: str, table: str, row_id: str, column: str, kept: Any, aside: Any, other_id: str
    ) -> str:
        what = self._what(table, row_id)
        if kind == "champ":
            group = field_group(table, column)
            labels = ", ".join(_label(table, name) for name in group)
            if len(group) == 1:
                kept, aside = {column: kept}, {column: aside}
            return (
                f"{what} : {'le champ' if len(group) == 1 else 'les champs'} « {labels} » "
                f"{'a été modifié' if len(group) == 1 else 'ont été modifiés'} sur les deux ordinateurs. "
                f"Retenu : {self._values(table, kept)} ; écarté : {self._values(table, aside)}."
            )
        if kind == "suppression":
            return (
                f"{what} a été supprimée sur un ordinateur pendant qu'elle était modifiée sur l'autre : "
                "elle est conservée."
            )
        if kind == "mois_clos":
            month = Month.parse(str(kept))
            change = _month_change(aside)
            if change == {"deleted_at": None}:
                done, outcome = "a été saisie ou rétablie", "elle est mise de côté"
            elif change.get("deleted_at"):
                done, outcome = "a été supprimée", "elle est gardée"
            else:
                done = f"a été modifiée ({self._values(table, change, named=True)})"
                outcome = "la modification est mise de côté"
            outcome = (
                f"{outcome}, le relevé signé n'a pas changé"
                if month in self.carnet.months.closed_months()
                else "le mois a été rouvert depuis, ce qui avait été mis de côté est repris"
            )
            return f"{what} {done} sans connaître la clôture du mois ({month.label()}) : {outcome}."
        if kind == "24h":
            day = format_date(date.fromisoformat(other_id))
            name = self._name("ambassadors", row_id) or "?"
            minutes = _day_minutes(self.carnet.db, row_id, other_id)
            total = format_duration(minutes)
            if minutes <= MAX_ENTRY_MINUTES:  # the day has been corrected since
                return (
                    f"Le {day}, {name} avait plus de 24 h d'activité après la synchronisation ; la "
                    f"journée compte maintenant {total}."
                )
            return (
                f"Le {day}, {name} a {total} d'activité depuis la synchronisation (des entrées saisies "
                "sur les deux ordinateurs) : plus de 24 h dans une journée. Corrigez ou supprimez les "
                "entrées de ce jour."
            )
        other = self._what(table, other_id)
        choices = (
            "La seconde saisie n'est pas comptée tant que vous n'avez pas choisi : garder une seule "
            "entrée supprime la copie, garder les deux entrées les compte toutes les deux."
        )
        if other == what:
            return (
                f"{what} figure deux fois : elle semble avoir été saisie sur les deux ordinateurs. {choices}"
            )
        return (
            f"{what} et {other[:1].lower()}{other[1:]} semblent être la même entrée, saisie sur les "
            f"deux ordinateurs. {choices}"
        )

    def _values(self, table: str, values: dict[str, Any], named: bool = False) -> str:
        if len(values) == 1 and not named:
            ((column, value),) = values.items()
            return self._value(table, column, value)
        return ", ".join(
            f"{_label(table, column)} : {self._value(table, column, value)}"
            for column, value in values.items()
        )

    def _what(self, table: str, row_id: str) -> str:
        """The record a conflict is about, as the user finds it in the window."""
        name = self._name(table, row_id)
        if table == "time_entries" and name:
            return f"L'{name}"
        kind = TABLE_NAMES[table][0]
        return f"La fiche « {name} » ({kind})" if name else f"La fiche ({kind})"

    def _name(self, table: str, row_id: str) -> str:
        """What names a record (« Anne Roux », « Anne Roux, Atelier Parceo », « entrée du
        04/11/2024 (Marie Durand, 1 h, Appel) »); '' for a record without a name, or gone."""
        if table == "time_entries":
            entry = entry_rows(self.carnet.db, [row_id]).get(row_id)
            if not entry:
                return ""
            day = format_date(date.fromisoformat(entry["day"]))
            return (
                f"entrée du {day} ({entry['name'] or '?'}, {format_duration(entry['minutes'])}, "
                f"{entry['activity']})"
            )
        columns = _NAMED_BY.get(table, ())
        row = (
            self.carnet.db.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [row_id]
            ).fetchone()
            if columns
            else None
        )
        if row is None:
            return ""
        parts = (
            self._reading(table, column, value) or _shortened(str(value))
            for column, value in zip(columns, row, strict=True)
            if value is not None and value != ""
        )
        return ", ".join(part for part in parts if part)

    def _value(self, table: str, column: str, value: Any) -> str:
        """A field's value as the user reads it: euros, durations, dates, a list's wording, the
        name of the record referred to, « texts »."""
        if column == "deleted_at":
            return "supprimée" if value else "présente"
        if value is None or value == "":
            return "(vide)"
        reading = self._reading(table, column, value)
        if reading == "" and column.endswith("_id"):
            return "(une fiche qui n'existe plus)"
        return reading or f"« {value} »"

    def _reading(self, table: str, column: str, value: Any) -> str | None:
        """A value that is no free text, in words ('' for a record referred to that is gone);
        ``None`` for a text, which is shown as it was typed."""
        if column.endswith("_cents") and isinstance(value, int):
            return format_euros(value)
        if column.endswith("minutes") and isinstance(value, int):
            return format_duration(value)
        if column in _YES_NO:
            return "oui" if value else "non"
        if (listed := _per_table(_lists(), table, column)) is not None:
            with suppress(CarnetError, ValueError, KeyError, TypeError, AttributeError):
                return str(listed(value))
            return None
        if column == "organiser_ids" and isinstance(value, str):
            with suppress(ValueError, TypeError):
                names = [self._name("ambassadors", str(one)) for one in json.loads(value)]
                return ", ".join(name for name in names if name) or "(personne)"
        if (parent := self._refers(table, column)) is not None:
            return self._name(parent, str(value))
        if isinstance(value, int) and not isinstance(value, bool):  # a count: no quotes, its unit
            if column == "months":
                return plural(value, "mois", "mois")
            return format_number(value, 0) + (f"{NBSP}%" if column.endswith("_percent") else "")
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            return format_date(date.fromisoformat(value))
        if isinstance(value, str) and _ISO_DAY.fullmatch(value[:10]) and "T" in value:
            return format_timestamp(value)
        return None

    def _refers(self, table: str, column: str) -> str | None:
        """The table whose ids a column holds (``None`` when it holds none)."""
        if table not in self._references:
            self._references[table] = {
                row[3]: row[2] for row in self.carnet.db.execute(f"PRAGMA foreign_key_list({table})")
            }
        return self._references[table].get(column) or _per_table(_REFERS, table, column)

    def keep(self, conflict_id: str, choice: str) -> Conflict:
        """Settle a conflict: ``actuelle`` keeps what the carnet shows (of a ``doublon``: one
        entry, the copy typed second removed), ``ecartee`` takes what the merge set aside (the
        other value; the deletion; the entry, reopening its month; the copy, counted too). The
        choice is a record that travels (``conflict_choices``): the conflict reads settled, alike,
        on the other laptop.

        Raises:
            InvalidInput: unknown or ambiguous id, unknown choice, or a conflict already settled.
        """
        (settled,) = self.keep_many([conflict_id], choice)
        return settled

    def settle(self, which: str, choice: str) -> list[Conflict]:
        """Settle with one choice the conflicts ``which`` names: an id, ids separated by commas,
        or « doublons » (every doublon still to check); see ``keep_many``.

        Raises:
            InvalidInput: as ``keep_many``, or no doublon to settle.
        """
        listed = self.conflicts(include_resolved=True)
        if which.strip().lower() == DOUBLONS:
            ids = [c.id for c in listed if c.kind == "doublon" and not c.resolved]
            if not ids:
                raise InvalidInput(
                    "Aucun doublon à régler : voyez la liste donnée par « conflits ».", "conflit"
                )
        else:
            ids = [part for part in which.split(",") if part.strip()]
        return self._keep(listed, ids, choice)

    def keep_many(self, conflict_ids: Iterable[str], choice: str) -> list[Conflict]:
        """Settle the conflicts ``conflict_ids`` with one choice (as ``keep`` each), in one
        transaction: all are settled, or none when one of them cannot be (unknown, already
        settled, nothing set aside); return them settled, in the order given.

        Raises:
            InvalidInput: unknown or ambiguous id, unknown choice, no id, or a conflict that
                cannot take the choice (said of that conflict; none is settled then).
        """
        return self._keep(self.conflicts(include_resolved=True), conflict_ids, choice)

    def _keep(self, listed: list[Conflict], conflict_ids: Iterable[str], choice: str) -> list[Conflict]:
        """``keep_many`` among the conflicts ``listed`` (all of them, settled ones included)."""
        if choice not in CHOICES:
            raise InvalidInput(f"Choix inconnu « {choice} » : écrivez « actuelle » ou « ecartee ».", "choix")
        chosen = list({c.id: c for c in (_find(listed, one) for one in conflict_ids)}.values())
        if not chosen:
            raise InvalidInput("Aucun conflit choisi : voyez la liste donnée par « conflits ».", "conflit")
        alone = len(chosen) == 1  # among several, the conflict refused is named, none is settled
        none = "" if alone else " Aucun conflit n'a été réglé."
        closed = self.carnet.months.closed_months() if choice == "ecartee" else set()
        for conflict in chosen:
            if conflict.resolved:
                this = "Ce conflit" if alone else f"Le conflit {conflict.id[:8]}"
                raise InvalidInput(f"{this} est déjà {conflict.resolved}.{none}", "conflit")  # « réglé (…) »
            if conflict.kind == "24h" and choice == "ecartee":
                day = "cette journée" if alone else f"la journée du conflit {conflict.id[:8]} (plus de 24 h)"
                raise InvalidInput(
                    f"Rien n'a été mis de côté pour {day} : corrigez ou supprimez ses entrées, ou "
                    f"gardez-la telle quelle avec « actuelle ».{none}",
                    "choix",
                )
            if closed and (month := self._closed_month_changed(conflict, closed)) is not None:
                which = "" if alone else f" (conflit {conflict.id[:8]})"
                raise InvalidInput(
                    f"Le mois {month.of_label()} est clôturé : reprendre ce qui a été mis de côté{which} "
                    "changerait son relevé signé. Rouvrez-le d'abord (menu Mois > Rouvrir le mois, ou "
                    f"« ambassadeur rouvrir --mois {month} --motif … »), puis choisissez de nouveau.{none}",
                    "choix",
                )
        reopened: set[str] = set()  # the months a choice reopened: their entries are given back
        with self.carnet.write():
            now = utc_now_iso()
            for conflict in chosen:
                if choice == "ecartee":
                    self._take_set_aside(conflict, reopened)
                elif conflict.kind == "champ":
                    self.engine.touch(conflict.table, conflict.row_id, conflict.column)
                elif conflict.kind == "doublon":  # one entry: the second one typed goes
                    _set(self.carnet, conflict.table, conflict.other_id, {"deleted_at": now})
            self.carnet.db.conn.executemany(
                "INSERT INTO conflict_choices (id, choice, created_at, updated_at, device_id) "
                "VALUES (?, ?, ?, ?, ?)",
                [[conflict.id, choice, now, now, self.carnet.device_id] for conflict in chosen],
            )
        self.core.changed()
        settled = {c.id: c for c in self.conflicts(include_resolved=True)}
        # (One the listing no longer shows, its change replaced since: settled all the same.)
        return [settled.get(c.id, replace(c, resolved=_CHOSEN[choice])) for c in chosen]

    def _closed_month_changed(self, conflict: Conflict, closed: set[Month]) -> Month | None:
        """The month among ``closed`` that taking back what was set aside would change: an
        entry's, where it is or where the value set aside would move it (a « mois_clos » conflict
        reopens its month instead, and says so)."""
        if conflict.table != "time_entries" or conflict.kind not in ("champ", "suppression", "doublon"):
            return None
        row_id = conflict.other_id if conflict.kind == "doublon" else conflict.row_id
        found = self.carnet.db.execute("SELECT day FROM time_entries WHERE id = ?", [row_id])
        days = [str(day) for (day,) in found]
        if conflict.kind == "champ" and (day := _aside_values(conflict).get("day")):
            days.append(str(day))
        return next((month for day in days if (month := Month.of(date.fromisoformat(day))) in closed), None)

    def _take_set_aside(self, conflict: Conflict, reopened: set[str]) -> None:
        if conflict.kind == "champ":
            try:
                _set(self.carnet, conflict.table, conflict.row_id, _aside_values(conflict))
                self._derive(conflict.table, conflict.row_id)
            except sqlite3.IntegrityError:
                raise InvalidInput(
                    "La valeur écartée ne peut plus être reprise telle quelle (elle ne s'accorde pas avec "
                    "les autres champs de la fiche) : modifiez la fiche directement.",
                    "conflit",
                ) from None
        elif conflict.kind == "suppression":
            _set(self.carnet, conflict.table, conflict.row_id, {"deleted_at": utc_now_iso()})
        elif conflict.kind == "mois_clos":
            month = Month.parse(str(conflict.kept))
            if str(month) in reopened:  # reopened by an earlier choice: the entry is back already
                return
            while (lock := self.carnet.months.active(month)) is not None:  # closed on both laptops
                self.carnet.months.reopen(lock, REOPEN_REASON)
            _set(self.carnet, conflict.table, conflict.row_id, _month_change(conflict.set_aside))
            self.engine.reopened_here(str(month))  # the month's other entries set aside come back
            reopened.add(str(month))
        else:  # doublon: the second entry typed, set aside, counts too
            _set(self.carnet, conflict.table, conflict.other_id, {"deleted_at": None})
            self.engine.touch(conflict.table, conflict.other_id, "deleted_at")

    def _derive(self, table: str, row_id: str) -> None:
        """Write again what a record's fields give (the search keys drawn from its names) once
        one of them was taken back from the conflicts: search finds the record by its new name."""
        repository: Any = getattr(self.carnet, table) if table in _DERIVED else None
        if repository is not None and (record := repository.get(row_id)) is not None:
            repository.update(record)


def _aside_values(conflict: Conflict) -> dict[str, Any]:
    """The fields a « champ » conflict set aside (one field, or the group checked together)."""
    aside = conflict.set_aside
    return aside if isinstance(aside, dict) else {conflict.column: aside}


def _find(conflicts: list[Conflict], conflict_id: str) -> Conflict:
    """The conflict whose id starts with ``conflict_id`` (4 characters at least, one match)."""
    wanted = conflict_id.strip().lower()
    matches = [c for c in conflicts if c.id.startswith(wanted)]
    if len(wanted) < 4 or len(matches) != 1:
        raise InvalidInput(
            f"Aucun conflit n'a l'identifiant « {conflict_id.strip()} »"
            + (" (plusieurs commencent ainsi : donnez plus de caractères)" if len(matches) > 1 else "")
            + " : voyez la liste donnée par « conflits ».",
            "conflit",
        )
    return matches[0]


def settled_line(settled: list[Conflict], with_id: bool = False) -> str:
    """What a choice settled, in French: « Conflit 1a2b3c4d réglé : … » for one (its id with
    ``with_id``), « 108 conflits réglés : une seule entrée gardée. » for several settled alike."""
    if len(settled) == 1:
        (conflict,) = settled
        return f"Conflit {conflict.id[:8] + ' ' if with_id else ''}{conflict.resolved}."
    outcomes = {conflict.resolved for conflict in settled}
    (outcome,) = outcomes if len(outcomes) == 1 else ("",)
    how = outcome.removeprefix("réglé : ") if outcome.startswith("réglé : ") else ""
    return f"{plural(len(settled), 'conflit réglé', 'conflits réglés')}{' : ' + how if how else ''}."


_ONE_KEPT = "réglé : une seule entrée gardée"
_BOTH_KEPT = "réglé : les deux entrées gardées, comptées toutes deux"
_SHOWN_DELETED = "réglé : entrée supprimée (la copie n'est pas comptée)"
# How a choice settled a conflict, by « kind choice » or by choice.
_CHOSEN = {
    "actuelle": "réglé : valeur actuelle gardée",
    "ecartee": "réglé : valeur écartée reprise",
    "mois_clos ecartee": (
        "réglé : le mois {month} est rouvert, et ce que sa clôture avait mis de côté (cette entrée "
        "comme les autres) est repris ; clôturez-le de nouveau pour un relevé signé à jour"
    ),
    "doublon actuelle": _ONE_KEPT,
    "doublon ecartee": _BOTH_KEPT,
    "suppression actuelle": "réglé : gardé, la suppression écartée",
    "suppression ecartee": "réglé : supprimé, la suppression reprise",
}


def join(
    folder: Path, carnet_path: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF, merge: bool = False
) -> tuple[Path, SyncReport]:
    """Build the shared carnet at ``carnet_path`` from the shared folder's snapshot and change
    files. With ``merge``, a carnet already at ``carnet_path`` (kept apart before sharing) is
    merged into it: its records come in as this copy's own changes (``sync.merge``), the file
    is replaced only once the merged carnet is complete, and a backup of it is kept first;
    ``report.merged`` says what was merged.

    Raises:
        CarnetError: no shared carnet in the folder, a carnet already at ``carnet_path``
            (without ``merge``), a carnet to merge that is already shared or in use, or a
            passphrase that opens none of the folder's files (nothing is changed then).
    """
    folder = _usable_folder(folder, create=False, nothing="aucun carnet n'a été créé")
    identity = read_identity(folder)
    if identity is None:
        raise CarnetError(
            f"Le dossier « {folder} » ne contient pas de carnet partagé : sur l'autre ordinateur, "
            "partagez d'abord le carnet dans ce dossier (Carnet > Partager ce carnet…, ou la commande "
            "« partager ») et laissez le temps à la copie d'arriver."
        )
    existing = carnet_path.exists() and carnet_path.stat().st_size > 0
    if existing and not merge:
        raise CarnetError(
            f"Le carnet « {carnet_path} » existe déjà. Pour le fusionner avec le carnet partagé (ses "
            "données rejoignent celles de l'autre ordinateur, rien n'est perdu, une sauvegarde en est "
            "gardée), choisissez la fusion (« rejoindre --fusionner » en ligne de commande) ; pour "
            "reconstruire le carnet partagé dans un nouveau fichier, choisissez un autre nom de carnet."
        )
    merge = merge and existing
    keys = Keys(passphrase)
    _check_opens(folder, keys)
    salt = os.urandom(16)
    report = SyncReport()
    # Built under a temporary name beside the target and renamed once complete: a join killed
    # or failed midway leaves no half-built carnet in the way of the next try, and a carnet
    # being merged as it was (what a killed one leaves is removed at the next start:
    # ``partfiles.clean_leftovers``, the shared carnet built in the scratch folder included).
    part = part_for(carnet_path)
    with tracked(part), tempfile.TemporaryDirectory(suffix=PART_SUFFIX) as scratch, tracked(Path(scratch)):
        try:
            if merge:
                shared = Path(scratch) / "partage.ambassadeur"
                _build(folder, shared, keys, identity["carnet"], salt, kdf, SyncReport(), Path(scratch))
                report.merged, before = _copy_to_merge(carnet_path, part, shared)
            _build(folder, part, keys, identity["carnet"], salt, kdf, report, Path(scratch), merge)
            if merge and _state_of(carnet_path) != before:
                raise CarnetError(
                    f"Le carnet « {carnet_path} » a été modifié pendant la fusion : il n'a pas été "
                    "remplacé. Fermez-le ailleurs et recommencez."
                )
            if not merge and carnet_path.exists() and carnet_path.stat().st_size > 0:
                raise CarnetError(
                    f"Le carnet « {carnet_path} » a été créé entre-temps : il n'a pas été remplacé."
                )
            part.replace(carnet_path)
        except (CarnetError, OSError, sqlite3.Error) as exc:
            if (failed := _join_failed(exc, carnet_path, merge, part, Path(scratch))) is None:
                raise  # said of the carnet the user chose, or of the folder
            raise failed from exc
        finally:
            with suppress(OSError):
                remove_part(part)
    with open_carnet(carnet_path, device_id=paths.device_id(), backup_root=paths.backup_root()) as carnet:
        if merge:  # the merged records go out at once (the carnet is complete)
            engine = Engine(carnet)
            engine.check_own(folder, keys)  # its first file, all its records
            engine.export(folder, keys)  # what the merge decided
            state = engine.state()
            report.exported, last = carnet.db.execute(
                "SELECT count(*), max(file) FROM _sync_log WHERE replica = ?", [state["replica"]]
            ).fetchone()
            report.written = file_name(last)
            with suppress(CarnetError):  # the changes went through: the files go at the next sync
                pieces.send(carnet, folder, state["replica"], keys, state["salt"], kdf_params(state["kdf"]))
        report.pieces, problems = pieces.fetch(carnet, folder, keys)
        report.refused += problems
        report.conflicts = len(SyncService(CarnetCore(carnet)).conflicts())  # as « conflits » lists them
        return carnet.path, report


def _join_failed(
    exc: Exception, carnet_path: Path, merge: bool, part: Path, scratch: Path
) -> CarnetError | None:
    """The error of a join that failed, said of the carnet the user chose, never of the
    temporary files it was built in (``part``, beside it, and the shared carnet in ``scratch``):
    a full disk, a protected folder...; ``None`` when the error names none of them."""
    if isinstance(exc, CarnetError) and str(part) not in exc.message and str(scratch) not in exc.message:
        return None
    cause = next((e for e in (exc, exc.__cause__) if isinstance(e, (OSError, sqlite3.Error))), None)
    if cause is None:  # a refusal of the carnet being built: said of the carnet it becomes
        message = exc.message if isinstance(exc, CarnetError) else str(exc)
        return CarnetError(message.replace(str(part), str(carnet_path)))
    reason = sqlite_reason(cause) if isinstance(cause, sqlite3.Error) else os_reason(cause)
    return CarnetError(
        f"{'La fusion avec le' if merge else 'La reconstruction du'} carnet partagé n'a pas pu se faire : "
        f"{reason}. Rien n'a été envoyé dans le dossier partagé et le carnet « {carnet_path} » n'a "
        f"pas été {'modifié' if merge else 'créé'}. "
        + (
            "Libérez de la place, puis recommencez."
            if reason == FULL_DISK
            else "Corrigez ce problème, puis recommencez."
        )
    )


def _build(
    folder: Path,
    path: Path,
    keys: Keys,
    shared_id: str,
    salt: bytes,
    kdf: KdfParams,
    report: SyncReport,
    no_backups: Path,
    merge: bool = False,
) -> None:
    """Make the carnet at ``path`` a new copy of the shared carnet and apply the folder's files
    (``merge``: the carnet already there first records all its records as its first file)."""
    with open_carnet(path, device_id=paths.device_id(), backup_root=no_backups, create=not merge) as carnet:
        engine = Engine(carnet)
        replica = str(uuid.uuid4())
        with carnet.write():
            engine.begin(shared_id, replica, folder, salt, kdf_text(kdf), keys.verifier(salt, kdf))
            install_capture(carnet.db)
            if merge:
                engine.snapshot()
                date_first_file(carnet.db, replica)
            else:
                carnet.db.execute("UPDATE _sync_state SET capture = 1")
        engine.apply_folder(folder, keys, report)


def _state_of(path: Path) -> tuple[int, int, bool]:
    """What tells that a carnet file changed: its size, its time, a write-ahead log beside it."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns, Path(f"{path}-wal").exists()


def _copy_to_merge(carnet_path: Path, part: Path, shared: Path) -> tuple[Merged, tuple[int, int, bool]]:
    """Copy the carnet to merge to ``part`` (a backup of it is kept first), its records that the
    shared carnet at ``shared`` also holds taking the shared ids; return what was matched, and
    the original's state once closed (it must not change until it is replaced)."""
    merged = Merged()
    with open_carnet(carnet_path, device_id=paths.device_id(), backup_root=paths.backup_root()) as carnet:
        if Engine(carnet).state()["shared_id"]:
            raise CarnetError(
                f"Le carnet « {carnet_path} » est déjà partagé : synchronisez-le (Carnet > Synchroniser "
                "maintenant, ou la commande « sync ») au lieu de le fusionner, ou choisissez un autre nom "
                "de carnet."
            )
        merged.backup = carnet.backup(BackupKind.BEFORE_IMPORT)
        copy_database(carnet.db.conn, part)
    before = _state_of(carnet_path)
    with (
        tempfile.TemporaryDirectory() as no_backups,
        open_carnet(part, device_id=paths.device_id(), backup_root=Path(no_backups)) as copy,
        open_carnet(
            shared, device_id=paths.device_id(), backup_root=Path(no_backups), readonly=True
        ) as other,
    ):
        if common := common_records(copy.db, other.db):
            raise CarnetError(
                f"Le carnet « {carnet_path} » n'est pas un carnet tenu à part mais une copie du carnet "
                f"partagé ({plural(common, 'fiche')} sous le même identifiant : fichier copié ou "
                "sauvegarde restaurée) : le fusionner prendrait ses fiches pour des saisies faites à "
                "part. Il n'a pas été modifié. Rejoignez le carnet partagé dans un nouveau carnet, puis "
                "reportez-y ce qui n'a été saisi que dans cette copie."
            )
        with copy.write():
            merged.matched = match(copy.db, other.db)
        merged.records = sum(
            copy.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in SYNCED_TABLES
        )
        merged.erased = copy.db.execute(
            "SELECT count(*) FROM professionals WHERE anonymized_at IS NOT NULL AND deleted_at IS NULL"
        ).fetchone()[0]
    return merged, before


def _check_opens(folder: Path, keys: Keys) -> None:
    """Refuse a passphrase that opens none of the folder's complete files."""
    for files in change_files(folder).values():
        for change in files:
            try:
                decode(change.path.read_bytes(), keys, change.path.name)
            except (Incomplete, OSError):
                continue
            except OtherPassphrase:
                raise CarnetError(
                    "La phrase secrète ne correspond pas à celle du carnet partagé (vérifiez les "
                    "majuscules, les accents et les espaces) : aucun carnet n'a été créé ni modifié."
                ) from None
            except Refused:
                continue
            return
    raise CarnetError(
        f"Le dossier « {folder} » ne contient encore aucun fichier complet du carnet partagé : attendez "
        "que la copie soit arrivée, puis réessayez."
    )


def _usable_folder(folder: Path, create: bool, nothing: str = "rien n'a été échangé") -> Path:
    """The shared folder, made if ``create``; ``nothing`` says what was not done without it."""
    folder = Path(folder).expanduser().absolute()
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CarnetError(f"Le dossier « {folder} » n'a pas pu être créé : {os_reason(exc)}.") from exc
    if not folder.is_dir():
        raise CarnetError(
            f"Le dossier partagé « {folder} » est introuvable (clé USB débranchée, dossier déplacé ?) : "
            f"{nothing}."
        )
    return folder


def _month_change(aside: Any) -> dict[str, Any]:
    """The change set aside by a closed month (an entry's fields; older conflicts: its return)."""
    return dict(aside) if isinstance(aside, dict) else {"deleted_at": None}


def _day_minutes(db: Any, ambassador_id: str, day: str) -> int:
    row = db.execute(
        "SELECT sum(minutes) FROM time_entries WHERE ambassador_id = ? AND day = ? AND deleted_at IS NULL",
        [ambassador_id, day],
    ).fetchone()
    return int(row[0] or 0)


def _live(db: Any, table: str, row_id: str) -> bool:
    row = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [row_id]).fetchone()
    return row is not None and row[0] is None


def _set(carnet: Any, table: str, row_id: str, values: dict[str, Any]) -> None:
    """Change a row as the user would (recorded by the capture, sent to the other laptop)."""
    values = {**values, "updated_at": utc_now_iso(), "device_id": carnet.device_id}
    assignments = ", ".join(f"{column} = ?" for column in values)
    carnet.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id])


def _label(table: str, column: str) -> str:
    label = _per_table(_COLUMN_NAMES, table, column)
    return str(label) if label else "autre donnée"


def _shortened(text: str, length: int = 60) -> str:
    """A text naming a record, on one line and not too long."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@functools.cache
def _lists() -> dict[str, Callable[[Any], str]]:
    """How the fields holding a choice from a list read (« table.column » or « column »),
    loaded on first use (the status bar's sync needs none of them)."""
    from ambassadeur_app.domain.events import EventKind, EventStatus, InvitationChannel, NationalService
    from ambassadeur_app.domain.expenses import AttachmentRole, ExpenseStatus
    from ambassadeur_app.domain.journal import NoteTag
    from ambassadeur_app.domain.model import Role
    from ambassadeur_app.domain.planning import ActionStatus
    from ambassadeur_app.domain.register import (
        AccountAction,
        Channel,
        Civility,
        Onboarding,
        ParceoStatus,
        PracticeMode,
        RequestCategory,
        RequestStatus,
        Specialty,
        StructureType,
    )
    from ambassadeur_app.domain.survey_forms import DiffusionChannel
    from ambassadeur_app.domain.surveys import template_title
    from ambassadeur_app.nomenclatures import professions
    from ambassadeur_app.reports.rex import PERTINENCE_HEADING
    from ambassadeur_app.services.planning import PERTINENCE

    kinds: dict[str, Any] = {
        "mission": Mission,
        "civility": Civility,
        "practice_mode": PracticeMode,
        "specialty": Specialty,
        "parceo_status": ParceoStatus,
        "contacts.channel": Channel,
        "solicitations.channel": Channel,
        "category": RequestCategory,
        "solicitations.status": RequestStatus,
        "action": AccountAction,
        "surveys.channel": DiffusionChannel,
        "expenses.status": ExpenseStatus,
        "attachments.role": AttachmentRole,
        "structures.type": StructureType,
        "onboarding": Onboarding,
        "events.kind": EventKind,
        "events.status": EventStatus,
        "event_invitations.channel": InvitationChannel,
        "planned_actions.status": ActionStatus,
        "tag": NoteTag,
        "ambassadors.role": Role,
    }
    readers = {key: _labels_of(kind) for key, kind in kinds.items()}
    readers["profession_code"] = lambda code: professions()[code].label
    readers["survey_templates.key"] = readers["surveys.key"] = template_title
    readers["agenda_items.decision"] = {"accepted": "accepté", "dismissed": "écarté"}.__getitem__
    readers["rex_texts.key"] = {PERTINENCE: PERTINENCE_HEADING}.__getitem__  # as the REX prints it
    readers["month"] = lambda month: Month.parse(month).label()
    readers["present"] = _presence
    # Lists kept as JSON: an event's half-days, speakers, a module's services, questions, answers.
    readers["sessions"] = lambda text: ", ".join(
        f"{format_date(date.fromisoformat(day))} {start}–{end}" for day, start, end in json.loads(text)
    )
    readers["speakers"] = lambda text: ", ".join(json.loads(text)) or "(aucun)"
    readers["services"] = lambda text: (
        ", ".join(NationalService(s).label for s in json.loads(text)) or "(aucun)"
    )
    readers["questions"] = lambda text: " / ".join(question for question, _ in json.loads(text))
    readers["answers"] = lambda text: " / ".join("—" if a is None else str(a) for a in json.loads(text))
    return readers


def _presence(flags: str) -> str:
    """Who came to an event, by half-day (« 1 » present, « 0 » absent, one per half-day), in
    words: « présent », « présent aux 2 demi-journées », « présent à 1 demi-journée sur 3 »."""
    count, sessions = flags.count("1"), len(flags)
    if not count:
        return "absent"
    if count == sessions:
        return "présent" if sessions == 1 else f"présent aux {sessions} demi-journées"
    return f"présent à {plural(count, 'demi-journée')} sur {sessions}"


def _labels_of(kind: Any) -> Callable[[Any], str]:
    """The label of a value of the list ``kind`` (an enum whose members have a ``label``)."""
    return lambda value: str(kind(value).label)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def report_lines(report: SyncReport) -> list[str]:
    """What a sync did, in French, one line each (the CLI prints them; the window will show them)."""
    lines = []
    if report.written:
        lines.append(f"Envoyé : {plural(report.exported, 'changement', 'changements')} ({report.written}).")
    else:
        lines.append("Rien de nouveau à envoyer.")
    files = sum(report.applied.values())
    if files:
        lines.append(
            f"Reçu : {plural(files, 'fichier appliqué', 'fichiers appliqués')} "
            f"({plural(report.changes, 'changement', 'changements')})."
        )
    else:
        lines.append("Rien de nouveau à recevoir.")
    for copy, moment in sorted(report.last_change.items()):
        who = "l'autre ordinateur" if len(report.last_change) == 1 else f"l'ordinateur {copy[:8]}"
        lines.append(f"Dernier changement de {who} : le {moment.astimezone():%d/%m/%Y à %H:%M}.")
    if report.pieces:
        lines.append(f"{plural(report.pieces, 'pièce jointe reçue', 'pièces jointes reçues')}.")
    if report.former_copy:
        lines.append(
            f"Ce carnet écrivait sous le nom {report.former_copy[:8]} dans le dossier partagé, où un autre "
            "fichier du carnet (une copie du fichier, ou le même carnet avant la restauration d'une "
            "sauvegarde) a écrit aussi : il continue sous un nouveau nom, ses changements sont envoyés "
            "et ceux de l'autre fichier appliqués ; rien n'est perdu. Ne copiez pas le fichier d'un "
            "carnet partagé : utilisez « rejoindre »."
        )
    for name in report.replaced:
        lines.append(
            f"Le fichier {name} du dossier partagé a été remplacé depuis qu'il a été appliqué ici (deux "
            "copies du même fichier de carnet y écrivaient sous le même nom) : ses changements sont "
            "appliqués aussi, rien n'est perdu."
        )
    if report.merged is not None:
        lines += merge_lines(report.merged)
    if report.conflicts:
        lines.append(
            f"{plural(report.conflicts, 'nouveau conflit', 'nouveaux conflits')} à vérifier : "
            "voyez « conflits »."
        )
    return lines


def merge_lines(merged: Merged) -> list[str]:
    """What « rejoindre --fusionner » merged, in French."""
    several = merged.records > 1
    lines = [
        f"Fusion : {plural(merged.records, 'fiche', 'fiches')} du carnet tenu à part (entrées, registre, "
        f"paramètres…) {'sont' if several else 'est'} dans le carnet partagé et "
        f"{'partent' if several else 'part'} vers l'autre ordinateur."
    ]
    if merged.matched:
        found = ", ".join(
            f"{TABLE_NAMES[table][count > 1]} : {count}" for table, count in merged.matched.items()
        )
        lines.append(
            f"Fiches reconnues dans les deux carnets, gardées en un seul exemplaire ({found}) ; "
            "les valeurs qui différaient sont dans les conflits à vérifier."
        )
    if merged.erased:
        lines.append(
            f"{plural(merged.erased, 'personne effacée', 'personnes effacées')} de ce carnet avant la "
            "fusion : une personne effacée n'a plus d'identité, la fusion ne peut donc pas la reconnaître "
            "dans le carnet partagé, qui la contient peut-être encore (saisie sur l'autre ordinateur). "
            "Cherchez-la dans le registre des professionnels et, si elle y figure, effacez-la à nouveau "
            "(« Effacer la personne… ») : l'effacement atteindra les deux ordinateurs."
        )
    if merged.backup is not None:
        lines.append(f"Le carnet d'avant la fusion est gardé en sauvegarde : {merged.backup}")
    return lines


def conflict_lines(conflicts: list[Conflict]) -> list[str]:
    """The conflicts as the CLI lists them (French)."""
    if not conflicts:
        return ["Aucun conflit à vérifier."]
    lines = []
    for conflict in conflicts:
        state = f" [{conflict.resolved}]" if conflict.resolved else ""
        lines.append(f"{conflict.id[:8]}  {KIND_NAMES[conflict.kind]}{state}")
        lines.append(f"    {conflict.description}")
    settled = sum(bool(conflict.resolved) for conflict in conflicts)
    count = plural(len(conflicts) - settled, "conflit à vérifier", "conflits à vérifier")
    if settled:
        count += f" ; {plural(settled, 'conflit réglé', 'conflits réglés')}"
    lines.append(f"{count}.")
    kinds = {conflict.kind for conflict in conflicts if not conflict.resolved}
    if kinds - {"24h"}:
        lines.append(
            "Pour choisir : conflits --garder ID actuelle (garder ce que montre le carnet) ou "
            "conflits --garder ID ecartee (reprendre ce qui a été mis de côté)."
        )
    if "24h" in kinds:
        lines.append(
            "Pour une journée de plus de 24 h, rien n'a été mis de côté : corrigez ou supprimez ses "
            "entrées, ou gardez-la telle quelle avec conflits --garder ID actuelle."
        )
    if "doublon" in kinds:
        lines.append(
            "Pour un doublon : « actuelle » garde une seule entrée (la copie est supprimée), « ecartee » "
            "garde les deux entrées, comptées toutes les deux. Pour régler tous les doublons d'un coup : "
            "conflits --garder doublons actuelle (ou ecartee) ; plusieurs conflits : ID1,ID2,…"
        )
    return lines


KIND_NAMES = dict(
    zip(
        CONFLICT_KINDS,
        (
            "même champ modifié des deux côtés",
            "suppression et modification",
            "entrée dans un mois clos",
            "doublon",
            "journée de plus de 24 h",
        ),
        strict=True,
    )
)
