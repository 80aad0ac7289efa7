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
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month, utc_now_iso
from ambassadeur_app.domain.durations import MAX_ENTRY_MINUTES, format_duration
from ambassadeur_app.domain.formatting import format_date, format_euros, format_timestamp, plural
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


class WrongPassphrase(CarnetError):
    """The passphrase given is not the shared carnet's (the window asks it again)."""


REOPEN_REASON = "entrée arrivée de l'autre ordinateur après la clôture (synchronisation)"

_TABLE_NAMES = {
    "time_entries": "entrée",
    "professionals": "professionnel",
    "structures": "structure",
    "contacts": "contact",
    "events": "événement",
    "ambassadors": "ambassadeur",
    "programme": "paramètres du programme",
    "planned_actions": "action du rétroplanning",
    "journal_notes": "note du journal",
    "expenses": "dépense",
    "solicitations": "sollicitation",
    "activities": "activité",
    "month_locks": "clôture de mois",
    "training_modules": "module de formation",
    "event_invitations": "invitation",
    "event_attendances": "présence",
    "surveys": "enquête",
    "survey_templates": "modèle d'enquête",
    "attachments": "pièce jointe",
    "indicator_targets": "objectif",
    "rex_texts": "retour d'expérience",
    "agenda_items": "agenda",
    "grant_payments": "versement de la subvention",
    "account_events": "opération sur un compte Parceo",
    "survey_responses": "réponse à un questionnaire",
    "user_readings": "relevé d'utilisateurs actifs",
    "professional_structures": "lien professionnel – structure",
    "contact_professionals": "personne d'un contact",
    "professional_activities": "lieu d'exercice",
}

# The fields as the user knows them (a field missing here is shown as « autre donnée »).
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
    "email": "courriel",
    "profession": "profession",
    "specialty": "spécialité",
    "commune": "commune",
    "postal_code": "code postal",
    "rpps": "RPPS",
    "adeli": "ADELI",
    "finess": "FINESS",
    "siret": "SIRET",
    "name": "nom",
    "label": "libellé",
    "subject": "objet",
    "outcome": "résultat",
    "next_step": "suite à donner",
    "next_step_due": "échéance de la suite",
    "next_step_done": "suite faite",
    "channel": "moyen de contact",
    "contacted_on": "date du contact",
    "title": "titre",
    "status": "statut",
    "notes": "notes",
    "text": "texte",
    "content": "contenu",
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
    "start_date": "date de début",
    "first_day": "premier jour",
    "present": "présence",
    "online": "en ligne",
    "active": "actif",
    "role": "rôle",
    "position": "fonction",
    "kind": "type",
    "type": "type",
    "reason": "motif",
    "month": "mois",
    "closed_at": "clôture",
    "reopened_at": "réouverture",
    "reopen_reason": "motif de réouverture",
    "event_id": "événement lié",
    "time_entry_id": "entrée liée",
    "professional_id": "professionnel lié",
    "structure_id": "structure liée",
    "received_at": "date de réception",
    "requester": "demandeur",
    "answered_at": "date de réponse",
    "answered_by": "réponse par",
    "resolution": "réponse apportée",
    "action": "opération",
    "users": "utilisateurs actifs",
    "number": "numéro du formulaire",
    "answers": "réponses",
    "tag": "type de note",
    "diffused_on": "date de diffusion",
    "recipients": "nombre de destinataires",
    "parceo_status": "statut Parceo",
    "parceo_since": "date du statut Parceo",
    "hourly_rate_cents": "taux horaire",
    "monthly_cap_cents": "plafond mensuel",
    "total_grant_cents": "subvention totale",
    "event_forfait_cents": "forfait par événement",
    "weekly_base_minutes": "base hebdomadaire",
}
_YES_NO = frozenset({"present", "online", "active", "next_step_done", "walk_in", "open_to_departement"})


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

    def sync(self, passphrase: str, folder: Path | None = None) -> SyncReport:
        """Write this copy's changes into the shared folder, then apply the other copies'.

        Raises:
            CarnetError: not shared, wrong passphrase, folder missing or of another carnet.
        """
        state = self.engine.state()
        if not state["shared_id"]:
            raise CarnetError(
                "Ce carnet n'est pas partagé : utilisez d'abord « partager » (ou « rejoindre » sur "
                "l'autre ordinateur)."
            )
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
        report.exported, report.written = self.engine.export(folder, keys)
        self.engine.apply_folder(folder, keys, report)
        if report.conflicts:  # the new ones as « conflits » lists them (a doublon set aside is one)
            report.conflicts = sum(conflict.id not in known for conflict in self.conflicts())
        # What the merge decided here (a record kept, an entry set aside) leaves at once.
        more, written = self.engine.export(folder, keys)
        report.exported += more
        report.written = written or report.written
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
        rows = self.carnet.db.execute(
            "SELECT id, kind, tbl, row_id, col, kept, set_aside, kept_version, lost_version, other_id, "
            "detected_at, resolved_at, choice FROM _sync_conflicts ORDER BY detected_at, id"
        ).fetchall()
        found = []
        for row in rows:
            kind, table, row_id, column, lost = row[1], row[2], row[3], row[4], row[8]
            # Listed alike on both laptops, whatever each one met in between: the conflict of
            # a writer's latest value only, and two entries only while they still match.
            if (
                kind == "champ"
                and lost
                and self.engine.replaced_by_writer(table, row_id, lost, row[7], column)
            ):
                continue
            if kind == "doublon" and not self.engine.same_entry(row_id, row[9]):
                continue
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
        resolved = (
            _CHOSEN.get(choice, "réglé")
            if resolved_at
            else self._settled(kind, table, row_id, column, kept_version, lost_version, other_id)
        )
        kept_value, aside_value = json.loads(kept), json.loads(set_aside)
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
        if kind == "doublon":
            return "" if live and _live(db, table, other_id) else "réglé (une des deux entrées supprimée)"
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
            labels = ", ".join(_label(name) for name in group)
            if len(group) == 1:
                kept, aside = {column: kept}, {column: aside}
            return (
                f"{what} : {'le champ' if len(group) == 1 else 'les champs'} « {labels} » "
                f"{'a été modifié' if len(group) == 1 else 'ont été modifiés'} sur les deux ordinateurs. "
                f"Retenu : {self._values(kept)} ; écarté : {self._values(aside)}."
            )
        if kind == "suppression":
            return (
                f"{what} a été supprimée sur un ordinateur pendant qu'elle était modifiée sur l'autre : "
                "elle est conservée."
            )
        if kind == "mois_clos":
            month = Month.parse(str(kept)).label()
            change = _month_change(aside)
            if change == {"deleted_at": None}:
                return (
                    f"{what} a été saisie ou rétablie sans connaître la clôture du mois ({month}) : "
                    "elle est mise de côté, le relevé signé n'a pas changé."
                )
            if change.get("deleted_at"):
                return (
                    f"{what} a été supprimée sans connaître la clôture du mois ({month}) : elle est "
                    "gardée, le relevé signé n'a pas changé."
                )
            changes = self._values(change, named=True)
            return (
                f"{what} a été modifiée ({changes}) sans connaître la clôture du mois ({month}) : "
                "la modification est mise de côté, le relevé signé n'a pas changé."
            )
        if kind == "24h":
            names = dict(self.carnet.db.execute("SELECT id, name FROM ambassadors").fetchall())
            day = format_date(date.fromisoformat(other_id))
            total = format_duration(_day_minutes(self.carnet.db, row_id, other_id))
            return (
                f"Le {day}, {names.get(row_id, '?')} a {total} d'activité depuis la synchronisation (des "
                "entrées saisies sur les deux ordinateurs) : plus de 24 h dans une journée. Corrigez ou "
                "supprimez les entrées de ce jour."
            )
        other = self._what(table, other_id)
        return (
            f"{what} et {other[:1].lower()}{other[1:]} semblent être la même entrée, saisie sur les "
            "deux ordinateurs : les deux sont gardées tant que vous n'avez pas choisi."
        )

    def _values(self, values: dict[str, Any], named: bool = False) -> str:
        names = dict(self.carnet.db.execute("SELECT id, name FROM ambassadors").fetchall())
        if len(values) == 1 and not named:
            ((column, value),) = values.items()
            return _value(column, value, names)
        return ", ".join(
            f"{_label(column)} : {_value(column, value, names)}" for column, value in values.items()
        )

    def _what(self, table: str, row_id: str) -> str:
        if table == "time_entries":
            entry = entry_rows(self.carnet.db, [row_id]).get(row_id)
            if entry:
                day = format_date(date.fromisoformat(entry["day"]))
                return (
                    f"L'entrée du {day} ({entry['name'] or '?'}, {format_duration(entry['minutes'])}, "
                    f"{entry['activity']})"
                )
        kind = _TABLE_NAMES.get(table, "du carnet")
        columns = self.engine.columns(table)
        named = next(
            (c for c in ("title", "name", "supplier", "subject", "label", "last_name") if c in columns), ""
        )
        found = (
            self.carnet.db.execute(f"SELECT {named} FROM {table} WHERE id = ?", [row_id]).fetchone()
            if named
            else None
        )
        return f"La fiche {kind} « {found[0]} »" if found and found[0] else f"La fiche {kind} {row_id[:8]}"

    def keep(self, conflict_id: str, choice: str) -> Conflict:
        """Settle a conflict: ``actuelle`` keeps what the carnet shows, ``ecartee`` takes what the
        merge set aside (the other value; the deletion; the entry, reopening its month; the
        removal of the second entry typed). The choice travels to the other laptop.

        Raises:
            InvalidInput: unknown or ambiguous id, unknown choice, or a conflict already settled.
        """
        if choice not in CHOICES:
            raise InvalidInput(f"Choix inconnu « {choice} » : écrivez « actuelle » ou « ecartee ».", "choix")
        conflict = self._find(conflict_id)
        if conflict.resolved:
            raise InvalidInput(f"Ce conflit est déjà réglé ({conflict.resolved}).", "conflit")
        if conflict.kind == "24h" and choice == "ecartee":
            raise InvalidInput(
                "Rien n'a été mis de côté pour cette journée : corrigez ou supprimez ses entrées, ou "
                "gardez-la telle quelle avec « actuelle ».",
                "choix",
            )
        with self.carnet.write():
            if choice == "ecartee":
                self._take_set_aside(conflict)
            elif conflict.kind == "champ":
                self.engine.touch(conflict.table, conflict.row_id, conflict.column)
            self.carnet.db.execute(
                "UPDATE _sync_conflicts SET resolved_at = ?, choice = ? WHERE id = ?",
                [utc_now_iso(), choice, conflict.id],
            )
        return self._find(conflict.id, include_resolved=True)

    def _take_set_aside(self, conflict: Conflict) -> None:
        db = self.carnet.db
        if conflict.kind == "champ":
            aside = conflict.set_aside
            values = aside if isinstance(aside, dict) else {conflict.column: aside}
            try:
                _set(self.carnet, conflict.table, conflict.row_id, values)
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
            while (lock := self.carnet.months.active(month)) is not None:  # closed on both laptops
                self.carnet.months.reopen(lock, REOPEN_REASON)
            _set(self.carnet, conflict.table, conflict.row_id, _month_change(conflict.set_aside))
        else:  # doublon: the second entry typed goes
            later = conflict.other_id
            if _live(db, conflict.table, later):
                _set(self.carnet, conflict.table, later, {"deleted_at": utc_now_iso()})

    def _find(self, conflict_id: str, include_resolved: bool = False) -> Conflict:
        wanted = conflict_id.strip().lower()
        matches = [c for c in self.conflicts(include_resolved=True) if c.id.startswith(wanted)]
        if len(wanted) < 4 or len(matches) != 1:
            raise InvalidInput(
                f"Aucun conflit n'a l'identifiant « {conflict_id} »"
                + (" (plusieurs commencent ainsi : donnez plus de caractères)" if len(matches) > 1 else "")
                + " : voyez la liste donnée par « conflits ».",
                "conflit",
            )
        return matches[0]


_CHOSEN = {"actuelle": "réglé : valeur actuelle gardée", "ecartee": "réglé : valeur écartée reprise"}


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
    folder = _usable_folder(folder, create=False)
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


def _usable_folder(folder: Path, create: bool) -> Path:
    folder = Path(folder).expanduser().absolute()
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CarnetError(f"Le dossier « {folder} » n'a pas pu être créé : {os_reason(exc)}.") from exc
    if not folder.is_dir():
        raise CarnetError(
            f"Le dossier partagé « {folder} » est introuvable (clé USB débranchée, dossier déplacé ?) : "
            "rien n'a été échangé."
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


def _label(column: str) -> str:
    return _COLUMN_NAMES.get(column, "autre donnée")


def _value(column: str, value: Any, names: dict[str, str] | None = None) -> str:
    """A field's value as the user reads it: euros, durations, dates, names, « texts »."""
    if column == "deleted_at":
        return "supprimée" if value else "présente"
    if value is None or value == "":
        return "(vide)"
    if column.endswith("_cents") and isinstance(value, int):
        return format_euros(value)
    if column.endswith("minutes") and isinstance(value, int):
        return format_duration(value)
    if column in _YES_NO:
        return "oui" if value else "non"
    if column == "mission" and value in set(Mission):
        return Mission(value).label
    if column.endswith("_id") or column == "id":
        return (names or {}).get(str(value), "(une autre fiche)")
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return format_date(date.fromisoformat(value))
    if isinstance(value, str) and _ISO_DAY.fullmatch(value[:10]) and "T" in value:
        return format_timestamp(value)
    return f"« {value} »"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def report_lines(report: SyncReport, now: datetime | None = None) -> list[str]:
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
        local = moment.astimezone()
        lines.append(f"Dernier changement de l'ordinateur {copy[:8]} : le {local:%d/%m/%Y à %H:%M}.")
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
    lines = [
        f"Fusion : {plural(merged.records, 'fiche', 'fiches')} du carnet tenu à part "
        "(entrées, registre, paramètres…) sont dans le carnet partagé et partent vers l'autre ordinateur."
    ]
    if merged.matched:
        found = ", ".join(
            f"{_MATCHED_NAMES[table][count > 1]} : {count}" for table, count in merged.matched.items()
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


# What the merge summary calls the records matched: (one, several).
_MATCHED_NAMES: dict[str, tuple[str, str]] = {
    "programme": ("paramètres du programme", "paramètres du programme"),
    "indicator_targets": ("objectifs des indicateurs", "objectifs des indicateurs"),
    "ambassadors": ("ambassadeur", "ambassadeurs"),
    "activities": ("activité", "activités"),
    "survey_templates": ("modèle de questionnaire", "modèles de questionnaire"),
    "training_modules": ("module de formation", "modules de formation"),
    "rex_texts": ("texte du retour d'expérience", "textes du retour d'expérience"),
    "professionals": ("professionnel", "professionnels"),
    "structures": ("structure", "structures"),
    "professional_structures": ("lien professionnel – structure", "liens professionnel – structure"),
    "professional_activities": ("lieu d'exercice", "lieux d'exercice"),
    "events": ("événement", "événements"),
    "expenses": ("dépense", "dépenses"),
    "grant_payments": ("versement de la subvention", "versements de la subvention"),
    "event_invitations": ("invitation", "invitations"),
    "event_attendances": ("présence à un événement", "présences aux événements"),
    "attachments": ("pièce jointe", "pièces jointes"),
    "contacts": ("contact", "contacts"),
    "contact_professionals": ("personne d'un contact", "personnes des contacts"),
    "solicitations": ("sollicitation", "sollicitations"),
    "account_events": ("opération sur un compte Parceo", "opérations sur les comptes Parceo"),
    "surveys": ("questionnaire diffusé", "questionnaires diffusés"),
    "survey_responses": ("réponse à un questionnaire", "réponses aux questionnaires"),
    "user_readings": ("relevé d'utilisateurs actifs", "relevés d'utilisateurs actifs"),
    "planned_actions": ("action du rétroplanning", "actions du rétroplanning"),
    "planned_action_links": ("lien d'une action du rétroplanning", "liens des actions du rétroplanning"),
    "journal_notes": ("note du journal", "notes du journal"),
    "journal_note_links": ("lien d'une note du journal", "liens des notes du journal"),
    "agenda_items": ("rendez-vous d'agenda importé", "rendez-vous d'agenda importés"),
}


def conflict_lines(conflicts: list[Conflict]) -> list[str]:
    """The conflicts as the CLI lists them (French)."""
    if not conflicts:
        return ["Aucun conflit à vérifier."]
    lines = []
    for conflict in conflicts:
        state = f" [{conflict.resolved}]" if conflict.resolved else ""
        lines.append(f"{conflict.id[:8]}  {KIND_NAMES[conflict.kind]}{state}")
        lines.append(f"    {conflict.description}")
    lines.append(
        "Pour choisir : conflits --garder ID actuelle (garder ce que montre le carnet) ou "
        "conflits --garder ID ecartee (reprendre ce qui a été mis de côté)."
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
