"""The register's use-cases: professionals, structures, contacts, requests, Parceo accounts.

``RegisterService`` works on the carnet of a ``CarnetCore`` (``core.py``): logging a contact may
log its time through the core's own rules in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Channel,
    Contact,
    HistoryItem,
    Onboarding,
    ParceoStatus,
    PracticeSite,
    Profession,
    Professional,
    RegisterFilter,
    RequestStatus,
    Solicitation,
    Structure,
    duplicate_key,
    identity,
    validate_professional,
    validate_structure,
)
from ambassadeur_app.domain.text import blank, fold, printable
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.nomenclatures import professions
from ambassadeur_app.services.erasure import (
    Erasure,
    erase_from_backups,
    erase_person,
    forget_identity,
)
from ambassadeur_app.storage.records import communes

if TYPE_CHECKING:
    from ambassadeur_app.reports.tables import TableDocument
    from ambassadeur_app.services.core import CarnetCore

# Parceo statuses in order: an account event never moves a professional backwards.
_STATUS_ORDER = list(ParceoStatus)
_ONBOARDING_ORDER = list(Onboarding)


class RegisterService:
    """The operations on the register of one open carnet."""

    def __init__(self, core: CarnetCore) -> None:
        self.core = core
        self.carnet = core.carnet

    # --- nomenclature -------------------------------------------------------------------------

    @staticmethod
    def professions() -> dict[str, Profession]:
        return professions()

    @staticmethod
    def profession_groups() -> list[str]:
        return list(dict.fromkeys(p.group for p in professions().values()))

    @staticmethod
    def codes_of_group(group: str) -> list[str]:
        return [p.code for p in professions().values() if p.group == group]

    # --- professionals ------------------------------------------------------------------------

    def professional_ids(self, where: RegisterFilter = RegisterFilter()) -> list[str]:  # noqa: B008
        return self.carnet.professionals.ids(where, self.codes_of_group(where.profession_group))

    def practice_sites(self, professional_id: str) -> list[PracticeSite]:
        """Where a professional practises, as the RPPS extract listed it."""
        return self.carnet.practice_sites.of(professional_id)

    def communes(self, table: str) -> list[str]:
        """Return the communes of the ``professionals`` or the ``structures``, by name."""
        return communes(self.carnet.db, table)

    def professionals(self, ids: Iterable[str]) -> dict[str, Professional]:
        return self.carnet.professionals.get_many(ids)

    def professional(self, professional_id: str) -> Professional:
        found = self.carnet.professionals.get(professional_id)
        if found is None:
            raise AppError("Ce professionnel n'existe plus dans le registre.")
        return found

    def duplicates_of(self, professional: Professional) -> list[Professional]:
        """Return the register's professionals who seem to be this person (same RPPS, or same
        name, profession group and commune), compared as they will be stored (invisible
        characters a copy-paste brings are dropped on saving, so they never make a new person)."""
        professional = replace(
            professional,
            last_name=printable(professional.last_name),
            first_name=printable(professional.first_name),
            commune=printable(professional.commune),
        )
        candidates: list[str] = []
        if professional.rpps and (same := self.carnet.professionals.by_rpps(professional.rpps)):
            candidates.append(same)
        key = duplicate_key(professional, professions())
        for other in self.professionals(
            self.carnet.professionals.by_name(professional.last_name, professional.first_name)
        ).values():
            if duplicate_key(other, professions()) == key:
                candidates.append(other.id)
        wanted = [c for c in dict.fromkeys(candidates) if c != professional.id]
        found = self.professionals(wanted)
        return [found[c] for c in wanted if c in found]

    def save_professional(self, professional: Professional) -> str:
        """Add (empty id) or update a professional; return the id.

        Raises:
            InvalidInput: a field is wrong, or the RPPS number belongs to someone else.
        """
        checked = validate_professional(professional, professions())
        if checked.rpps:
            owner = self.carnet.professionals.by_rpps(checked.rpps)
            if owner and owner != checked.id:
                raise InvalidInput(
                    f"Le numéro RPPS {checked.rpps} est déjà celui de "
                    f"{self.professional(owner).full_name} : fusionnez plutôt les deux fiches.",
                    "rpps",
                )
        with self.carnet.write():
            if checked.id and self.carnet.professionals.get(checked.id):
                self.carnet.professionals.update(checked)
                return checked.id
            return self.carnet.professionals.add(checked)

    def merge_professionals(self, keep_id: str, other_id: str) -> Professional:
        """Merge a duplicate into ``keep_id``: its history moves over, its empty fields fill in.

        Raises:
            InvalidInput: the two records have different national identifiers (RPPS or ADELI).
        """
        keep, other = self.professional(keep_id), self.professional(other_id)
        if identity(keep) and identity(other) and identity(keep) != identity(other):
            raise InvalidInput(
                f"{keep.full_name} et {other.full_name} ont deux identifiants nationaux différents "
                "(RPPS ou ADELI) : ce ne sont pas la même personne."
            )
        filled = replace(
            keep,
            **{
                name: getattr(other, name)
                for name in (
                    "first_name",
                    "rpps",
                    "adeli",
                    "commune",
                    "postal_code",
                    "email",
                    "phone",
                    "parceo_since",
                )
                if not getattr(keep, name) and getattr(other, name)
            },
            parceo_status=max(keep.parceo_status, other.parceo_status, key=_STATUS_ORDER.index),
            notes="\n".join(n for n in (keep.notes, other.notes) if n),
            structure_ids=tuple(dict.fromkeys(keep.structure_ids + other.structure_ids)),
        )
        with self.carnet.write():
            self.carnet.contacts.move_professional(other_id, keep_id)
            for repo in (self.carnet.solicitations, self.carnet.account_events, self.carnet.practice_sites):
                repo.reassign("professional_id", other_id, keep_id)
            self._merge_event_records(keep_id, other_id)
            self.carnet.professionals.set_structures(other_id, ())
            forget_identity(self.carnet, other_id)  # the duplicate keeps no copy of the identity
            self.carnet.professionals.delete([other_id])
            self.carnet.professionals.update(filled)
        return self.professional(keep_id)

    def _merge_event_records(self, keep_id: str, other_id: str) -> None:
        """Move a duplicate's invitations and attendance to the kept person: one invitation per
        event, and one attendance record, present at every half-day either of them was."""
        invitations, attendances = self.carnet.invitations, self.carnet.attendances
        kept = invitations.of_professional(keep_id)
        twice = [i.id for event, i in invitations.of_professional(other_id).items() if event in kept]
        invitations.delete(twice)
        invitations.reassign("professional_id", other_id, keep_id)
        kept_attendance = attendances.of_professional(keep_id)
        for event, other in attendances.of_professional(other_id).items():
            mine = kept_attendance.get(event)
            if mine is None:
                continue
            present = tuple(a or b for a, b in zip(mine.present, other.present, strict=False))
            attendances.update(replace(mine, present=present, walk_in=mine.walk_in and other.walk_in))
            attendances.delete([other.id])
        attendances.reassign("professional_id", other_id, keep_id)

    # --- structures ---------------------------------------------------------------------------

    def structure_ids(self, where: RegisterFilter = RegisterFilter()) -> list[str]:  # noqa: B008
        return self.carnet.structures.ids(where)

    def structures(self, ids: Iterable[str]) -> dict[str, Structure]:
        return self.carnet.structures.get_many(ids)

    def all_structures(self) -> list[Structure]:
        return self.carnet.structures.all()

    def structure(self, structure_id: str) -> Structure:
        found = self.carnet.structures.get(structure_id)
        if found is None:
            raise AppError("Cette structure n'existe plus dans le registre.")
        return found

    def structure_duplicates(self, structure: Structure) -> list[Structure]:
        """Return structures that seem to be this one (same FINESS, or same name and commune)."""
        candidates: list[str] = []
        if structure.finess and (same := self.carnet.structures.by_finess(structure.finess)):
            candidates.append(same)
        for other in self.structures(self.carnet.structures.by_name(structure.name)).values():
            if fold(other.commune) == fold(structure.commune):
                candidates.append(other.id)
        wanted = [c for c in dict.fromkeys(candidates) if c != structure.id]
        found = self.structures(wanted)
        return [found[c] for c in wanted if c in found]

    def save_structure(self, structure: Structure) -> str:
        """Add (empty id) or update a structure; return the id.

        Raises:
            InvalidInput: a field is wrong, or the FINESS number belongs to another structure.
        """
        checked = validate_structure(structure)
        if checked.finess:
            owner = self.carnet.structures.by_finess(checked.finess)
            if owner and owner != checked.id:
                raise InvalidInput(
                    f"Le numéro FINESS {checked.finess} est déjà celui de « {self.structure(owner).name} ».",
                    "finess",
                )
        with self.carnet.write():
            if checked.id and self.carnet.structures.get(checked.id):
                self.carnet.structures.update(checked)
                return checked.id
            return self.carnet.structures.add(checked)

    def delete_structure(self, structure_id: str) -> None:
        with self.carnet.write():
            for professional in self.carnet.professionals.professionals_of(structure_id):
                links = self.carnet.professionals.structure_links([professional]).get(professional, [])
                self.carnet.professionals.set_structures(
                    professional, [s for s in links if s != structure_id]
                )
            self.carnet.structures.delete([structure_id])

    def merge_structures(self, keep_id: str, other_id: str) -> Structure:
        """Merge a duplicate structure into ``keep_id`` (people, contacts and requests move over)."""
        keep, other = self.structure(keep_id), self.structure(other_id)
        if keep.finess and other.finess and keep.finess != other.finess:
            raise InvalidInput(f"« {keep.name} » et « {other.name} » ont deux numéros FINESS différents.")
        merged = replace(
            keep,
            finess=keep.finess or other.finess,
            commune=keep.commune or other.commune,
            postal_code=keep.postal_code or other.postal_code,
            departement_code=keep.departement_code or other.departement_code,
            onboarding=max(keep.onboarding, other.onboarding, key=_ONBOARDING_ORDER.index),
            onboarding_dates={**other.onboarding_dates, **keep.onboarding_dates},
            services_engaged="; ".join(s for s in (keep.services_engaged, other.services_engaged) if s),
            it_commitment_on=keep.it_commitment_on or other.it_commitment_on,
            notes="\n".join(n for n in (keep.notes, other.notes) if n),
        )
        with self.carnet.write():
            for professional in self.carnet.professionals.professionals_of(other_id):
                links = self.carnet.professionals.structure_links([professional]).get(professional, [])
                self.carnet.professionals.set_structures(
                    professional, [keep_id if s == other_id else s for s in links]
                )
            for repo in (self.carnet.contacts, self.carnet.solicitations):
                repo.reassign("structure_id", other_id, keep_id)
            self.carnet.structures.delete([other_id])
            self.carnet.structures.update(merged)
        return self.structure(keep_id)

    def indicators(self) -> tuple[int, int, list[Structure]]:
        """Return the coordinated structures (MSP, ESP, CDS) onboarded, their number, and the
        hospitals and nursing homes engaged (the indicators the CPTS is judged on)."""
        structures = self.all_structures()
        coordinated = [s for s in structures if s.type.coordinated]
        onboarded = sum(1 for s in coordinated if s.onboarding is Onboarding.ONBOARDED)
        engaged = [
            s
            for s in structures
            if s.type.engages_services
            and _ONBOARDING_ORDER.index(s.onboarding) >= _ONBOARDING_ORDER.index(Onboarding.ENGAGED)
        ]
        return onboarded, len(coordinated), engaged

    def advance_onboarding(self, structure_id: str, step: Onboarding, day: date) -> Structure:
        """Move a structure to ``step`` (never backwards), recording the day of each step."""
        structure = self.structure(structure_id)
        if _ONBOARDING_ORDER.index(step) <= _ONBOARDING_ORDER.index(structure.onboarding):
            return structure
        dates = dict(structure.onboarding_dates)
        dates.setdefault(step, day)
        updated = replace(structure, onboarding=step, onboarding_dates=dates)
        with self.carnet.write():
            self.carnet.structures.update(updated)
        return updated

    # --- contacts -----------------------------------------------------------------------------

    def log_contact(self, contact: Contact, minutes: int = 0, activity: str = "") -> str:
        """Record a contact; with ``minutes``, its time joins the carnet in the same transaction.

        A contact with a structure moves it to « contactée », or « rencontrée » for a visit.

        Raises:
            InvalidInput, MonthClosed: the contact or its time entry is refused (nothing written).
        """
        self._check_contact(contact)
        with self.carnet.write():
            time_entry_id = None
            if minutes:
                saved = self.core.add_entry(
                    TimeEntry(
                        day=contact.day,
                        ambassador_id=contact.ambassador_id,
                        mission=contact.mission,
                        activity=activity or _activity_for(contact.channel),
                        minutes=minutes,
                        description=contact.subject,
                    )
                )
                time_entry_id = saved.entry_id
            contact_id = self.carnet.contacts.add(replace(contact, time_entry_id=time_entry_id))
            if contact.structure_id:
                step = Onboarding.MET if contact.channel is Channel.VISIT else Onboarding.CONTACTED
                self.advance_onboarding(contact.structure_id, step, contact.day)
        return contact_id

    def _check_contact(self, contact: Contact) -> None:
        if blank(contact.subject):
            raise InvalidInput("Indiquez l'objet du contact.", "objet")
        if not contact.professional_ids and not contact.structure_id:
            raise InvalidInput("Choisissez au moins un professionnel ou une structure.", "professionnels")
        if contact.next_step_due and not contact.next_step.strip():
            raise InvalidInput("Indiquez la prochaine étape prévue pour cette échéance.", "prochaine étape")
        if contact.next_step_due and contact.next_step_due < contact.day:
            raise InvalidInput(
                f"L'échéance ({format_date(contact.next_step_due)}) est antérieure au contact "
                f"({format_date(contact.day)}).",
                "échéance",
            )

    def update_contact(self, contact: Contact) -> None:
        self._check_contact(contact)
        with self.carnet.write():
            self.carnet.contacts.update(contact)

    def delete_contact(self, contact_id: str) -> None:
        with self.carnet.write():
            self.carnet.contacts.delete([contact_id])

    def mark_follow_up_done(self, contact_id: str) -> None:
        contact = self.carnet.contacts.get(contact_id)
        if contact is None:
            raise AppError("Ce contact n'existe plus.")
        with self.carnet.write():
            self.carnet.contacts.update(replace(contact, next_step_done=True))

    def contacts(self, ids: Iterable[str]) -> dict[str, Contact]:
        return self.carnet.contacts.get_many(ids)

    def contact_ids(self, **criteria: object) -> list[str]:
        return self.carnet.contacts.ids(**criteria)  # type: ignore[arg-type]

    def follow_ups(self, stale_days: int = 30) -> tuple[list[Contact], list[tuple[Professional, date]]]:
        """Return the next steps due (within a week) and the professionals not contacted for
        ``stale_days`` days, oldest first (a list page takes the ids alone: ``due_follow_up_ids``,
        ``stale_professionals``)."""
        due_ids = self.due_follow_up_ids()
        due = self.contacts(due_ids)
        stale = self.stale_professionals(stale_days)
        people = self.professionals(stale)
        return (
            [due[c] for c in due_ids if c in due],
            [(people[p], day) for p, day in stale.items() if p in people],
        )

    def due_follow_up_ids(self) -> list[str]:
        """Return the contacts whose next step is not done and due within a week (or late),
        by due day, then contact day."""
        return self.carnet.contacts.due(self.core.today() + timedelta(days=7))

    def stale_professionals(self, stale_days: int = 30) -> dict[str, date]:
        """Return the live professionals last contacted more than ``stale_days`` days ago, with
        that day, oldest first."""
        return self.carnet.contacts.last_contacts(before=self.core.today() - timedelta(days=stale_days))

    # --- solicitations ------------------------------------------------------------------------

    def solicitation_ids(self, **criteria: object) -> list[str]:
        return self.carnet.solicitations.ids(**criteria)  # type: ignore[arg-type]

    def solicitations(self, ids: Iterable[str]) -> dict[str, Solicitation]:
        return self.carnet.solicitations.get_many(ids)

    def save_solicitation(self, request: Solicitation) -> str:
        """Add or update a request; an answer date makes it « répondue ».

        Raises:
            InvalidInput: no description, or an answer before the request.
        """
        if blank(request.description):
            raise InvalidInput("Décrivez la sollicitation.", "description")
        if not (request.professional_id or request.structure_id or request.requester.strip()):
            raise InvalidInput("Indiquez qui a sollicité le binôme.", "demandeur")
        if request.answered_at is not None:
            if request.answered_at < request.received_at:
                raise InvalidInput(
                    f"La réponse ({request.answered_at:%d/%m/%Y %H:%M}) précède la sollicitation "
                    f"({request.received_at:%d/%m/%Y %H:%M}).",
                    "réponse",
                )
            if not request.status.answered:
                request = replace(request, status=RequestStatus.ANSWERED)
        elif request.status.answered:
            raise InvalidInput("Indiquez la date et l'heure de la réponse.", "réponse")
        with self.carnet.write():
            if request.id and self.carnet.solicitations.get(request.id):
                self.carnet.solicitations.update(request)
                return request.id
            return self.carnet.solicitations.add(request)

    def answer(self, request_id: str, when: datetime, by: str, resolution: str) -> Solicitation:
        request = self.solicitations([request_id]).get(request_id)
        if request is None:
            raise AppError("Cette sollicitation n'existe plus.")
        answered = replace(
            request, answered_at=when, answered_by=by, resolution=resolution, status=RequestStatus.ANSWERED
        )
        self.save_solicitation(answered)
        return answered

    # --- accounts -----------------------------------------------------------------------------

    def record_account(self, event: AccountEvent) -> str:
        """Record an account action; a creation or reactivation moves the person to « compte créé »."""
        professional = self.professional(event.professional_id)
        with self.carnet.write():
            event_id = self.carnet.account_events.add(event)
            if event.action in (AccountAction.CREATE, AccountAction.REACTIVATE) and _STATUS_ORDER.index(
                professional.parceo_status
            ) < _STATUS_ORDER.index(ParceoStatus.CREATED):
                self.carnet.professionals.update(
                    replace(professional, parceo_status=ParceoStatus.CREATED, parceo_since=event.day)
                )
        return event_id

    def account_events(self, first: date | None = None, last: date | None = None) -> list[AccountEvent]:
        return self.carnet.account_events.between(first, last)

    # --- documents ----------------------------------------------------------------------------

    def document(self, kind: str, first: date | None = None, last: date | None = None) -> TableDocument:
        """Build a register document (``professionnels``, ``structures``, ``contacts``,
        ``sollicitations``, ``comptes``) for a period, the experiment's by default.

        The register lists cover everybody, or, given dates, those contacted in the period.

        Raises:
            InvalidInput: unknown kind or a period that ends before it starts.
        """
        from ambassadeur_app.reports.justification import KINDS, RegisterData, build

        if kind not in KINDS:
            raise InvalidInput(f"Document inconnu : « {kind} » (possibles : {', '.join(KINDS)}).")
        programme = self.core.programme()
        restricted = first is not None or last is not None
        first, last = first or programme.start_date, last or programme.end_date
        if last < first:
            raise InvalidInput(
                f"La période se termine ({format_date(last)}) avant de commencer ({format_date(first)})."
            )
        contacted = RegisterFilter(first_day=first, last_day=last) if restricted else RegisterFilter()
        people_ids = self.carnet.professionals.ids(contacted, [], include_erased=True)
        structure_ids = (
            self.carnet.structures.ids(contacted) if kind == "structures" else self.structure_ids()
        )
        header = [
            ("CPTS", programme.cpts_label),
            ("Période", f"du {format_date(first)} au {format_date(last)}"),
        ]
        data = RegisterData(
            header=header,
            first=first,
            last=last,
            professions=professions(),
            professionals=self.professionals(
                people_ids
                if kind == "professionnels"
                else self.carnet.professionals.ids(RegisterFilter(), [], include_erased=True)
            ),
            structures=self.structures(structure_ids),
            ambassadors=self.core.ambassador_names(),
            contacts=list(self.contacts(self.carnet.contacts.ids(first, last)).values()),
            solicitations=list(
                self.solicitations(self.carnet.solicitations.ids(first=first, last=last)).values()
            ),
            account_events=self.carnet.account_events.between(first, last),
            today=self.core.today(),
        )
        return build(kind, data)

    def export(
        self, kind: str, fmt: str, out: Path, first: date | None = None, last: date | None = None
    ) -> Path:
        """Write a register document as ``xlsx`` or ``pdf``."""
        from ambassadeur_app.reports.tables import write_pdf, write_xlsx

        document = self.document(kind, first, last)
        if fmt == "xlsx":
            return write_xlsx(document, out)
        if fmt == "pdf":
            return write_pdf(document, out)
        raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")

    # --- history and personal data --------------------------------------------------------------

    def professional_history(self, professional_id: str) -> list[HistoryItem]:
        """Return everything that happened with a professional, newest first."""
        names = self.core.ambassador_names()
        items = [
            HistoryItem(
                c.day,
                f"Contact ({c.channel.label.lower()})",
                _contact_text(c),
                names.get(c.ambassador_id, ""),
            )
            for c in self.contacts(self.carnet.contacts.ids(professional_id=professional_id)).values()
        ]
        items += [
            HistoryItem(
                r.received_at.date(), "Sollicitation", _request_text(r), names.get(r.answered_by or "", "")
            )
            for r in self.solicitations(
                self.carnet.solicitations.ids(professional_id=professional_id)
            ).values()
        ]
        items += [
            HistoryItem(e.day, "Compte Parceo", e.action.label, names.get(e.ambassador_id or "", ""))
            for e in self.carnet.account_events.between(professional_id=professional_id)
        ]
        return sorted(items, key=lambda item: item.day, reverse=True)

    def structure_history(self, structure_id: str) -> list[HistoryItem]:
        names = self.core.ambassador_names()
        structure = self.structure(structure_id)
        items = [
            HistoryItem(day, "Parcours Parceo", step.label)
            for step, day in structure.onboarding_dates.items()
        ]
        items += [
            HistoryItem(
                c.day,
                f"Contact ({c.channel.label.lower()})",
                _contact_text(c),
                names.get(c.ambassador_id, ""),
            )
            for c in self.contacts(self.carnet.contacts.ids(structure_id=structure_id)).values()
        ]
        items += [
            HistoryItem(
                r.received_at.date(), "Sollicitation", _request_text(r), names.get(r.answered_by or "", "")
            )
            for r in self.solicitations(self.carnet.solicitations.ids(structure_id=structure_id)).values()
        ]
        return sorted(items, key=lambda item: item.day, reverse=True)

    def personal_data(self, professional_id: str, out: Path) -> Path:
        """Write everything the carnet holds about a person (RGPD right of access) as xlsx or PDF."""
        from ambassadeur_app.reports.tables import Column, Section, TableDocument, write_pdf, write_xlsx

        person = self.professional(professional_id)
        profession = professions().get(person.profession_code)
        structures = self.structures(person.structure_ids)
        identity = [
            ("Civilité", person.civility.label),
            ("Nom", person.last_name),
            ("Prénom", person.first_name),
            ("Profession", profession.label if profession else person.profession_code),
            ("Spécialité", person.specialty.label),
            ("N° RPPS", person.rpps),
            ("Mode d'exercice", person.practice_mode.label),
            ("Commune", person.commune),
            ("Code postal", person.postal_code),
            ("E-mail", person.email),
            ("Téléphone", person.phone),
            ("Compte Parceo", person.parceo_status.label),
            ("Compte Parceo depuis", format_date(person.parceo_since) if person.parceo_since else ""),
            ("Notes", person.notes),
        ]
        programme = self.core.programme()
        document = TableDocument(
            title=f"Données personnelles — {person.full_name}",
            header=[
                ("Responsable du traitement", programme.cpts_name),
                ("Édition", format_date(self.core.today())),
            ],
            sections=[
                Section(
                    "Identité",
                    [Column("Donnée", width=24), Column("Valeur", width=60)],
                    [[label, value] for label, value in identity],
                ),
                Section(
                    "Structures",
                    [Column("Structure", width=40), Column("Type", width=20), Column("Commune", width=24)],
                    [[s.name, s.type.label, s.commune] for s in structures.values()],
                    empty="Aucune structure.",
                ),
                Section(
                    "Lieux d'exercice (extrait RPPS)",
                    [Column("Lieu d'exercice", width=84)],
                    [[site.summary()] for site in self.practice_sites(professional_id)],
                    empty="Aucun lieu d'exercice importé.",
                ),
                Section(
                    "Événements",
                    [
                        Column("Date", "date", 11),
                        Column("Événement", width=50),
                        Column("Invitation", width=24),
                        Column("Présence", width=24),
                    ],
                    self._events_of(professional_id),
                    empty="Aucun événement.",
                ),
                Section(
                    "Journal",
                    [Column("Date", "date", 11), Column("Type", width=16), Column("Note", width=80)],
                    [
                        [note.day, note.tag.label, note.text]
                        for note in self.carnet.notes.get_many(
                            self.carnet.notes.about_professional(professional_id)
                        ).values()
                    ],
                    empty="Aucune note du journal.",
                ),
                Section(
                    "Historique",
                    [
                        Column("Date", "date", 11),
                        Column("Type", width=20),
                        Column("Détail", width=70),
                        Column("Ambassadeur", width=20),
                    ],
                    [
                        [i.day, i.kind, i.text, i.ambassador]
                        for i in self.professional_history(professional_id)
                    ],
                    empty="Aucun échange enregistré.",
                ),
            ],
        )
        return write_pdf(document, out) if out.suffix.lower() == ".pdf" else write_xlsx(document, out)

    def _events_of(self, professional_id: str) -> list[list[Any]]:
        """Return a person's invitations and attendance, one row per live event, by date."""
        invited = self.carnet.invitations.of_professional(professional_id)
        attended = self.carnet.attendances.of_professional(professional_id)
        events = self.carnet.events.get_many({*invited, *attended})
        rows = []
        for event_id, event in sorted(events.items(), key=lambda item: item[1].first_day):
            if not self.carnet.events.is_live(event_id):
                continue
            invitation, presence = invited.get(event_id), attended.get(event_id)
            rows.append(
                [
                    event.first_day,
                    f"{event.kind.label} : {event.title}",
                    f"le {format_date(invitation.invited_on)} ({invitation.channel.label})"
                    if invitation
                    else "",
                    f"{sum(presence.present)} demi-journée(s) sur {len(presence.present)}"
                    if presence
                    else "",
                ]
            )
        return rows

    def erase_professional(self, professional_id: str, wait: float = 2.0) -> Erasure:
        """Erase a person on request (RGPD, article 17): identity gone, anonymous counts kept.

        What identifies them (names, e-mail, phone, RPPS) is also replaced in the free text linked
        to them, then the same erasure runs on every backup of the carnet's backup folder. The
        file keeps no old version of their data unless another connection, still reading, holds
        it for up to ``wait`` seconds (the result says so). Running it again on an erased person
        finishes what was left: a backup, the file.
        """
        person = self.professional(professional_id)  # before the erasure: backups look for it too
        texts = erase_person(self.carnet, professional_id)
        backups, unreached = erase_from_backups(self.carnet, person)
        complete = self.carnet.checkpoint(wait)
        return Erasure(texts, backups, tuple(unreached), complete, self.carnet.backups.folder)


def _activity_for(channel: Channel) -> str:
    return {
        Channel.VISIT: "Rencontre / visite",
        Channel.PHONE: "Appel",
        Channel.VIDEO: "Réunion",
        Channel.EVENT: "Atelier d'information",
    }.get(channel, "Communication")


def _contact_text(contact: Contact) -> str:
    text = contact.subject
    if contact.outcome:
        text += f" — {contact.outcome}"
    if contact.next_step:
        due = f" (pour le {format_date(contact.next_step_due)})" if contact.next_step_due else ""
        text += f" — à suivre : {contact.next_step}{due}"
    return text


def _request_text(request: Solicitation) -> str:
    text = f"{request.category.label} : {request.description} [{request.status.label.lower()}]"
    if request.resolution:
        text += f" — {request.resolution}"
    return text
