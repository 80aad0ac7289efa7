"""Professionals of the register, their structures and their Parceo account events."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from ambassadeur_app.domain.dates import utc_now_iso
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Civility,
    ParceoStatus,
    PracticeMode,
    PracticeSite,
    Professional,
    RegisterFilter,
    Specialty,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.storage.contacts import ContactRepo, SolicitationRepo, contacted_sql
from ambassadeur_app.storage.entries import TimeEntryRepo
from ambassadeur_app.storage.imports import ImportChangeRepo
from ambassadeur_app.storage.records import Repo, days_sql, words_sql
from ambassadeur_app.storage.structures import StructureRepo

_COLUMNS = (
    "id, civility, last_name, first_name, profession_code, specialty, rpps, practice_mode, commune, "
    "postal_code, email, phone, parceo_status, parceo_since, notes, anonymized_at, adeli"
)

# What an erasure empties (``anonymize``): the person's identity and the words about them. The
# other fields (profession, specialty, practice mode, Parceo status and date...) stay for the
# anonymous counts; the sync keeps them as they were written (sync/engine.py, ``_forget``).
ERASED_COLUMNS = (
    "civility",
    "last_name",
    "first_name",
    "rpps",
    "adeli",
    "commune",
    "postal_code",
    "email",
    "phone",
    "notes",
    "search",
    "name_key",
)

# The free text written about a person, reached through their links, soft-deleted ones too (a
# deleted row is still in the file): repository, text columns, which rows (``?`` is the person).
_THEIR_CONTACTS = "SELECT contact_id FROM contact_professionals WHERE professional_id = ?"
_THEIR_STRUCTURES = "SELECT structure_id FROM professional_structures WHERE professional_id = ?"
_STRUCTURE_TEXTS = ("notes", "services_engaged")
_LINKED_TEXTS: tuple[tuple[type[Repo], tuple[str, ...], str], ...] = (
    (ContactRepo, ("subject", "outcome", "next_step"), f"id IN ({_THEIR_CONTACTS})"),
    (
        TimeEntryRepo,
        ("description", "place"),
        f"id IN (SELECT time_entry_id FROM contacts WHERE id IN ({_THEIR_CONTACTS}))",
    ),
    (SolicitationRepo, ("description", "requester", "resolution"), "professional_id = ?"),
    (StructureRepo, _STRUCTURE_TEXTS, f"id IN ({_THEIR_STRUCTURES})"),
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _professional(row: dict[str, Any], structure_ids: tuple[str, ...] = ()) -> Professional:
    return Professional(
        id=row["id"],
        civility=Civility(row["civility"]),
        last_name=row["last_name"],
        first_name=row["first_name"],
        profession_code=row["profession_code"],
        specialty=Specialty(row["specialty"]),
        rpps=row["rpps"],
        practice_mode=PracticeMode(row["practice_mode"]),
        commune=row["commune"],
        postal_code=row["postal_code"],
        email=row["email"],
        phone=row["phone"],
        parceo_status=ParceoStatus(row["parceo_status"]),
        parceo_since=_date(row["parceo_since"]),
        notes=row["notes"],
        structure_ids=structure_ids,
        anonymized=row["anonymized_at"] is not None,
        adeli=row["adeli"],
    )


def folded_name_and_search(professional: Professional) -> tuple[str, str]:
    """Return the folded name (sorting, matching namesakes) and what search-as-you-type looks into.

    Folding works word by word: ``fold(a + " " + b)`` is ``fold(a)`` and ``fold(b)`` joined by a
    space (the empty one dropped), so the name is folded once for both.
    """
    name_key = fold(f"{professional.last_name} {professional.first_name}")
    rest = fold(f"{professional.commune} {professional.postal_code} {professional.rpps} {professional.email}")
    return name_key, " ".join(part for part in (name_key, rest) if part)


def _values(professional: Professional) -> dict[str, Any]:
    name_key, search = folded_name_and_search(professional)
    return {
        "civility": professional.civility.value,
        "last_name": professional.last_name,
        "first_name": professional.first_name,
        "profession_code": professional.profession_code,
        "specialty": professional.specialty.value,
        "rpps": professional.rpps,
        "adeli": professional.adeli,
        "practice_mode": professional.practice_mode.value,
        "commune": professional.commune.strip(),
        "postal_code": professional.postal_code.strip(),
        "email": professional.email.strip(),
        "phone": professional.phone.strip(),
        "parceo_status": professional.parceo_status.value,
        "parceo_since": professional.parceo_since.isoformat() if professional.parceo_since else None,
        "notes": professional.notes.strip(),
        "search": search,
        "name_key": name_key,
    }


def filter_sql(where: RegisterFilter, alias: str, profession_codes: list[str]) -> tuple[list[str], list[Any]]:
    """Return the SQL conditions shared by professional lists and justification tables."""
    clauses, params = words_sql(f"{alias}.search", where.text)
    clauses.append(f"{alias}.deleted_at IS NULL")
    if where.profession_group:
        marks = ", ".join("?" for _ in profession_codes) or "''"
        clauses.append(f"{alias}.profession_code IN ({marks})")
        params += profession_codes
    if where.commune:
        clauses.append(f"fold({alias}.commune) = ?")
        params.append(fold(where.commune))
    if where.status:
        clauses.append(f"{alias}.parceo_status = ?")
        params.append(where.status)
    if where.structure_type is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM professional_structures ps JOIN structures s ON s.id = ps.structure_id "
            f"WHERE ps.professional_id = {alias}.id AND ps.deleted_at IS NULL AND s.deleted_at IS NULL "
            "AND s.type = ?)"
        )
        params.append(where.structure_type.value)
    contacted, values = contacted_sql(
        where,
        "contact_professionals cp JOIN contacts c ON c.id = cp.contact_id",
        f"cp.professional_id = {alias}.id AND cp.deleted_at IS NULL",
    )
    return clauses + contacted, params + values


class ProfessionalRepo(Repo):
    table = "professionals"

    def ids(
        self, where: RegisterFilter, profession_codes: list[str], include_erased: bool = False
    ) -> list[str]:
        """Return the ids of the professionals matching ``where``, by name."""
        clauses, params = filter_sql(where, "p", profession_codes)
        if not include_erased:
            clauses.append("p.anonymized_at IS NULL")
        sql = (
            f"SELECT p.id FROM professionals p WHERE {' AND '.join(clauses)} "
            "ORDER BY p.name_key, p.id"  # folded name: « Émilie » among the E, « École » before « Z »
        )
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def get_many(self, ids: Iterable[str]) -> dict[str, Professional]:
        rows = list(self._by_ids(_COLUMNS, ids))
        links = self.structure_links([row["id"] for row in rows])
        return {row["id"]: _professional(row, tuple(links.get(row["id"], ()))) for row in rows}

    def get(self, professional_id: str) -> Professional | None:
        return self.get_many([professional_id]).get(professional_id)

    def add(self, professional: Professional, import_id: str | None = None) -> str:
        return self.add_many([professional], import_id)[0]

    def add_many(self, professionals: Sequence[Professional], import_id: str | None = None) -> list[str]:
        """Insert professionals (one statement, one timestamp) and their structure links."""
        ids = self._insert_many(
            [{**_values(professional), "import_id": import_id} for professional in professionals],
            [professional.id or None for professional in professionals],
        )
        for professional_id, professional in zip(ids, professionals, strict=True):
            if professional.structure_ids:
                self.set_structures(professional_id, professional.structure_ids)
        return ids

    def update(self, professional: Professional) -> None:
        self._update(professional.id, _values(professional))
        self.set_structures(professional.id, professional.structure_ids)

    def structure_links(self, professional_ids: list[str]) -> dict[str, list[str]]:
        links: dict[str, list[str]] = {}
        for start in range(0, len(professional_ids), 500):
            chunk = professional_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for pro, structure in self.db.execute(
                "SELECT professional_id, structure_id FROM professional_structures "
                f"WHERE deleted_at IS NULL AND professional_id IN ({marks}) ORDER BY created_at",
                chunk,
            ).fetchall():
                links.setdefault(pro, []).append(structure)
        return links

    def set_structures(self, professional_id: str, structure_ids: Iterable[str]) -> None:
        """Link a professional to exactly these structures (soft-deleting other links)."""
        wanted = list(dict.fromkeys(structure_ids))
        current = {
            structure: link
            for link, structure in self.db.execute(
                "SELECT id, structure_id FROM professional_structures "
                "WHERE professional_id = ? AND deleted_at IS NULL",
                [professional_id],
            ).fetchall()
        }
        now = utc_now_iso()
        for structure, link in current.items():
            if structure not in wanted:
                self.db.execute(
                    "UPDATE professional_structures SET deleted_at = ?, updated_at = ?, device_id = ? "
                    "WHERE id = ?",
                    [now, now, self.device_id, link],
                )
        links = _LinkRepo(self.db, self.device_id)
        for structure in wanted:
            if structure not in current:
                links.link(professional_id, structure)

    def professionals_of(self, structure_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT ps.professional_id FROM professional_structures ps "
                "JOIN professionals p ON p.id = ps.professional_id "
                "WHERE ps.structure_id = ? AND ps.deleted_at IS NULL AND p.deleted_at IS NULL "
                "AND p.anonymized_at IS NULL ORDER BY p.last_name, p.first_name",
                [structure_id],
            ).fetchall()
        ]

    def by_rpps(self, rpps: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM professionals WHERE rpps = ? AND rpps != '' AND deleted_at IS NULL LIMIT 1",
            [rpps],
        ).fetchone()
        return str(row[0]) if row else None

    def ids_by_name(self) -> dict[str, list[str]]:
        """Return the live professionals by folded name (``name_key``), as ``by_name`` finds them."""
        found: dict[str, list[str]] = {}
        for professional_id, name_key in self.db.execute(
            "SELECT id, name_key FROM professionals WHERE deleted_at IS NULL AND anonymized_at IS NULL "
            "ORDER BY rowid"
        ).fetchall():
            found.setdefault(name_key, []).append(professional_id)
        return found

    def by_name(self, last_name: str, first_name: str) -> list[str]:
        """Return the live professionals with this name (case and accents ignored)."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM professionals WHERE deleted_at IS NULL AND anonymized_at IS NULL "
                "AND name_key = ?",
                [fold(f"{last_name} {first_name}")],
            ).fetchall()
        ]

    def count(self) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) FROM professionals WHERE deleted_at IS NULL AND anonymized_at IS NULL"
        ).fetchone()
        return int(row[0])

    def anonymize(self, professional_id: str) -> None:
        """Erase a person's identity, keeping what anonymous counts need (profession, status)."""
        self._update(professional_id, {**dict.fromkeys(ERASED_COLUMNS, ""), "anonymized_at": utc_now_iso()})

    def by_import(self, import_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM professionals WHERE import_id = ? AND deleted_at IS NULL", [import_id]
            ).fetchall()
        ]

    def rewrite_linked_texts(self, professional_id: str, rewrite: Callable[[str], str]) -> int:
        """Pass the free text linked to a person through ``rewrite``; return the rows changed.

        Linked: their contacts, the time those contacts logged, their requests, the notes of
        their structures, and the copies of those notes an import kept to undo its changes.
        """
        changed = 0
        for repo_class, columns, rows in _LINKED_TEXTS:
            repo = repo_class(self.db, self.device_id)
            for record_id, *texts in self.db.execute(
                f"SELECT id, {', '.join(columns)} FROM {repo.table} WHERE {rows}", [professional_id]
            ).fetchall():
                if (new := [rewrite(text) for text in texts]) != texts:
                    repo._update(record_id, dict(zip(columns, new, strict=True)))
                    changed += 1
        undo_copies = ImportChangeRepo(self.db, self.device_id)
        for change_id, before in self.db.execute(
            "SELECT id, before FROM import_changes WHERE record_table = 'structures' "
            f"AND record_id IN ({_THEIR_STRUCTURES})",
            [professional_id],
        ).fetchall():
            kept = json.loads(before)
            rewritten = {c: rewrite(kept[c]) for c in _STRUCTURE_TEXTS if isinstance(kept.get(c), str)}
            if any(kept[c] != text for c, text in rewritten.items()):
                undo_copies._update(change_id, {"before": json.dumps({**kept, **rewritten})})
                changed += 1
        return changed


class PracticeSiteRepo(Repo):
    table = "professional_activities"

    def add(self, site: PracticeSite, import_id: str | None = None) -> str:
        return self.add_many([(site.professional_id, site)], import_id)[0]

    def add_many(self, sites: Iterable[tuple[str, PracticeSite]], import_id: str | None = None) -> list[str]:
        """Insert practice sites, each with its professional's id (one statement, one timestamp)."""
        return self._insert_many(
            [
                {
                    "professional_id": professional_id,
                    "site_name": site.site_name,
                    "finess_site": site.finess,
                    "siret": site.siret,
                    "postal_code": site.postal_code,
                    "commune_code": site.commune_code,
                    "commune": site.commune,
                    "mode": site.mode,
                    "sector": site.sector,
                    "role": site.role,
                    "import_id": import_id,
                }
                for professional_id, site in sites
            ]
        )

    def of(self, professional_id: str) -> list[PracticeSite]:
        return [
            PracticeSite(
                id=row["id"],
                professional_id=row["professional_id"],
                site_name=row["site_name"],
                finess=row["finess_site"],
                siret=row["siret"],
                postal_code=row["postal_code"],
                commune_code=row["commune_code"],
                commune=row["commune"],
                mode=row["mode"],
                sector=row["sector"],
                role=row["role"],
            )
            for row in self.db.query(
                "SELECT * FROM professional_activities WHERE professional_id = ? AND deleted_at IS NULL "
                "ORDER BY created_at, rowid",  # an import saves a person's sites at one instant
                [professional_id],
            )
        ]

    def by_import(self, import_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM professional_activities WHERE import_id = ? AND deleted_at IS NULL",
                [import_id],
            ).fetchall()
        ]

    def people_of_import(self, import_id: str) -> set[str]:
        """Return the professionals an import added practice sites to."""
        return {
            row[0]
            for row in self.db.execute(
                "SELECT professional_id FROM professional_activities "
                "WHERE import_id = ? AND deleted_at IS NULL",
                [import_id],
            ).fetchall()
        }


class _LinkRepo(Repo):
    table = "professional_structures"

    def link(self, professional_id: str, structure_id: str) -> str:
        return self._insert({"professional_id": professional_id, "structure_id": structure_id})


class AccountEventRepo(Repo):
    table = "account_events"

    def add(self, event: AccountEvent) -> str:
        return self._insert(
            {
                "day": event.day.isoformat(),
                "professional_id": event.professional_id,
                "action": event.action.value,
                "ambassador_id": event.ambassador_id,
            }
        )

    def between(
        self, first: date | None = None, last: date | None = None, professional_id: str | None = None
    ) -> list[AccountEvent]:
        clauses, params = days_sql("day", first, last)
        clauses.append("deleted_at IS NULL")
        if professional_id:
            clauses.append("professional_id = ?")
            params.append(professional_id)
        return [
            AccountEvent(
                id=row["id"],
                day=date.fromisoformat(row["day"]),
                professional_id=row["professional_id"],
                action=AccountAction(row["action"]),
                ambassador_id=row["ambassador_id"],
            )
            for row in self.db.query(
                "SELECT id, day, professional_id, action, ambassador_id FROM account_events "
                f"WHERE {' AND '.join(clauses)} ORDER BY day, created_at",
                params,
            )
        ]
