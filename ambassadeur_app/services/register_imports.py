"""Imports into the register: contact lists, the RPPS extract and the FINESS extract.

Each import is previewed first (nothing written), then applied in one transaction after a
backup, matching people and structures already in the register instead of doubling them; what
it changed in existing records is kept so that the whole import can be undone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.register import (
    Civility,
    PracticeMode,
    PracticeSite,
    Professional,
    Specialty,
    Structure,
    StructureType,
    duplicate_key,
)
from ambassadeur_app.domain.text import fold, title_name
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.contacts import ContactLine, parse_contacts, read_contact_table
from ambassadeur_app.importers.finess import FinessStructure, scan_finess
from ambassadeur_app.importers.rpps import Cancelled, Progress, RppsPerson, Territory, scan_rpps
from ambassadeur_app.importers.tabular import Table
from ambassadeur_app.nomenclatures import profession_for_rpps, professions
from ambassadeur_app.storage.backup import BackupKind

if TYPE_CHECKING:
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.register import RegisterService

GENERAL_PRACTICE = {"SM26", "SM53", "SM54"}
_CIVILITIES = {
    "DR": Civility.DOCTEUR,
    "PR": Civility.PROFESSEUR,
    "MME": Civility.MADAME,
    "M": Civility.MONSIEUR,
}
_MODES = {"L": PracticeMode.LIBERAL, "S": PracticeMode.SALARIE}
KINDS = {"contacts": "liste de contacts", "rpps": "extrait RPPS", "finess": "extrait FINESS"}


@dataclass
class RegisterImportPreview:
    """What a register import would do, shown before anything is written."""

    kind: str
    path: Path
    professionals: list[Professional] = field(default_factory=list)
    structures: list[Structure] = field(default_factory=list)
    sites: dict[int, list[PracticeSite]] = field(default_factory=dict)
    links: dict[int, tuple[str, StructureType]] = field(default_factory=dict)
    matched: dict[int, str] = field(default_factory=dict)
    problems: list[LineProblem] = field(default_factory=list)
    invalid_lines: int = 0
    read_lines: int = 0
    repeated_lines: list[int] = field(default_factory=list)  # the same person as an earlier line

    @property
    def new(self) -> int:
        items = self.professionals if self.kind != "finess" else self.structures
        return len(items) - len(self.matched)

    def summary(self) -> str:
        noun = (
            ("nouvelle structure", "nouvelles structures")
            if self.kind == "finess"
            else ("nouveau professionnel", "nouveaux professionnels")
        )
        text = (
            f"{plural(self.new, *noun)}, "
            f"{plural(len(self.matched), 'fiche existante complétée', 'fiches existantes complétées')}"
        )
        if self.invalid_lines:
            text += f", {plural(self.invalid_lines, 'ligne invalide', 'lignes invalides')}"
        if self.repeated_lines:
            shown = ", ".join(map(str, self.repeated_lines))
            text += (
                f", {plural(len(self.repeated_lines), 'ligne en double', 'lignes en double')} "
                f"(n° {shown} : la même personne qu'une ligne précédente, comptée une seule fois)"
            )
        return text + "."


@dataclass(frozen=True)
class _Known:
    """The register's professionals as a preview looks for them: by RPPS number, by folded name."""

    by_rpps: dict[str, str]
    by_name: dict[str, list[str]]


@dataclass(frozen=True)
class RegisterImportOutcome:
    import_id: str
    created: int
    updated: int


class RegisterImports:
    """Preview, apply and undo the register's imports on one open carnet."""

    def __init__(self, core: CarnetCore, register: RegisterService) -> None:
        self.core = core
        self.register = register
        self.carnet = core.carnet

    # --- previews -----------------------------------------------------------------------------

    @staticmethod
    def contact_table(path: Path) -> Table:
        """Read a contact list (the mapping of its columns is chosen next)."""
        return read_contact_table(path)

    def preview_contacts(self, table: Table, mapping: dict[str, int]) -> RegisterImportPreview:
        lines = parse_contacts(table, mapping, professions())
        preview = RegisterImportPreview("contacts", table.path)
        preview.read_lines = len(lines)
        known = self._known(line.professional.rpps for line in lines if line.professional is not None)
        for line in lines:
            if line.problems or line.professional is None:
                preview.problems += line.problems
                preview.invalid_lines += 1
                continue
            self._add_person(preview, known, line.professional, line)
        return preview

    def preview_rpps(
        self,
        path: Path,
        territory: Territory,
        progress: Progress = lambda d, t: None,
        cancelled: Cancelled = lambda: False,
    ) -> RegisterImportPreview | None:
        scan = scan_rpps(path, territory, progress, cancelled)
        if scan is None:
            return None
        preview = RegisterImportPreview("rpps", path, read_lines=scan.lines)
        known = self._known(person.rpps for person in scan.people.values())
        # Communes, and first and last names, come back again and again in an extract.
        title = functools.cache(title_name)
        for person in scan.people.values():
            sites = [
                PracticeSite(
                    "",
                    a.site_name,
                    a.postal_code,
                    title(a.commune),
                    a.commune_code,
                    a.finess,
                    a.siret,
                    a.mode,
                    a.sector,
                    a.role,
                )
                for a in person.activities
            ]
            index = self._add_person(preview, known, self._from_rpps(person, title), None)
            preview.sites[index] = sites
        return preview

    def preview_finess(
        self,
        path: Path,
        departement: str,
        progress: Progress = lambda d, t: None,
        cancelled: Cancelled = lambda: False,
    ) -> RegisterImportPreview | None:
        found = scan_finess(path, departement, progress, cancelled)
        if found is None:
            return None
        preview = RegisterImportPreview("finess", path, read_lines=len(found))
        for item in found:
            structure = self._from_finess(item)
            match = self.carnet.structures.by_finess(structure.finess) or next(
                (
                    s.id
                    for s in self.register.structures(self.carnet.structures.by_name(structure.name)).values()
                    if fold(s.commune) == fold(structure.commune)
                ),
                None,
            )
            if match:
                preview.matched[len(preview.structures)] = match
            preview.structures.append(structure)
        return preview

    def _known(self, rpps_numbers: Iterable[str]) -> _Known:
        return _Known(
            self.carnet.professionals.first_ids("rpps", rpps_numbers),
            self.carnet.professionals.ids_by_name(),
        )

    def _add_person(
        self, preview: RegisterImportPreview, known: _Known, person: Professional, line: ContactLine | None
    ) -> int:
        index = len(preview.professionals)
        match = known.by_rpps.get(person.rpps) if person.rpps else None
        if match is None and known.by_name:
            namesakes = known.by_name.get(fold(f"{person.last_name} {person.first_name}"), [])
            twins = [
                p.id
                for p in self.register.professionals(namesakes).values()
                if duplicate_key(p, professions()) == duplicate_key(person, professions())
            ]
            match = twins[0] if twins else None
        if line is not None:  # the same person twice in a list: keep the first line
            key = duplicate_key(person, professions())
            twin = next(
                (
                    i
                    for i, p in enumerate(preview.professionals)
                    if (match is not None and preview.matched.get(i) == str(match))
                    or (match is None and duplicate_key(p, professions()) == key)
                ),
                None,
            )
            if twin is not None:
                preview.repeated_lines.append(line.line)
                return twin
        if match is not None:
            preview.matched[index] = str(match)
        if line is not None and line.structure:
            preview.links[index] = (line.structure, line.structure_type)
        preview.professionals.append(person)
        return index

    @staticmethod
    def _from_rpps(person: RppsPerson, title: Callable[[str], str]) -> Professional:
        """Return the register's record of a person of the extract (``title``: ``title_name``)."""
        code = profession_for_rpps(person.profession)
        specialty = Specialty.NONE
        if code == "G15-10":
            specialty = (
                Specialty.GENERAL
                if person.skills & GENERAL_PRACTICE
                else (Specialty.OTHER if any(s.startswith("SM") for s in person.skills) else Specialty.NONE)
            )
        modes = {a.mode for a in person.activities if a.mode in _MODES}
        mode = (
            PracticeMode.MIXTE if len(modes) > 1 else _MODES[modes.pop()] if modes else PracticeMode.UNKNOWN
        )
        return Professional(
            last_name=title(person.last_name),
            first_name=title(person.first_name),
            profession_code=code,
            civility=_CIVILITIES.get(person.civility.upper(), Civility.NONE),
            specialty=specialty,
            rpps=person.rpps,
            practice_mode=mode,
            commune=title(person.activities[0].commune),
            postal_code=person.activities[0].postal_code,
            email=next((a.email for a in person.activities if a.email), ""),
            phone=next((a.phone for a in person.activities if a.phone), ""),
        )

    @staticmethod
    def _from_finess(item: FinessStructure) -> Structure:
        return Structure(
            name=title_name(item.name),
            type=item.type,
            finess=item.finess,
            commune=title_name(item.commune),
            postal_code=item.postal_code,
            departement_code=item.departement,
            notes=f"FINESS : {item.category}",
        )

    # --- apply and undo -----------------------------------------------------------------------

    def apply(self, preview: RegisterImportPreview, skip_invalid: bool = False) -> RegisterImportOutcome:
        """Write a previewed import in one transaction (after a backup).

        Raises:
            InvalidInput: invalid lines without ``skip_invalid``, or nothing to import.
        """
        if preview.invalid_lines and not skip_invalid:
            raise InvalidInput(
                f"{plural(preview.invalid_lines, 'ligne invalide', 'lignes invalides')} dans "
                f"« {preview.path.name} » : rien n'a été importé. Corrigez le fichier ou choisissez "
                "d'ignorer les lignes invalides."
            )
        if not preview.professionals and not preview.structures:
            raise InvalidInput(f"Rien à importer depuis « {preview.path.name} ».")
        self.carnet.backup(BackupKind.BEFORE_IMPORT)
        created = updated = 0
        with self.carnet.write():
            import_id = self.carnet.imports.add(preview.kind, preview.path.name, 0)
            if preview.kind == "finess":
                fresh: list[Structure] = []
                for index, structure in enumerate(preview.structures):
                    if index in preview.matched:
                        updated += self._complete_structure(import_id, preview.matched[index], structure)
                    else:
                        fresh.append(structure)
                created = len(self.carnet.structures.add_many(fresh, import_id))
            else:
                created, updated = self._apply_people(import_id, preview)
            self.carnet.imports.set_count(import_id, created + updated)
        self.core.changed()
        return RegisterImportOutcome(import_id, created, updated)

    def _apply_people(self, import_id: str, preview: RegisterImportPreview) -> tuple[int, int]:
        """Write the people of a contact list or an extract; return (created, updated).

        The new people, then all the practice sites, are inserted in one statement each.
        """
        updated = 0
        made: dict[str, str] = {}
        fresh: dict[int, Professional] = {}
        for index, person in enumerate(preview.professionals):
            links = self._structure_for(import_id, preview.links.get(index), made)
            if index in preview.matched:
                updated += self._complete_professional(import_id, preview.matched[index], person, links)
            else:
                fresh[index] = (
                    person if person.structure_ids == links else replace(person, structure_ids=links)
                )
        new_ids = self.carnet.professionals.add_many(list(fresh.values()), import_id)
        owners = {**dict(zip(fresh, new_ids, strict=True)), **preview.matched}
        by_finess = self.carnet.structures.first_ids(
            "finess", (site.finess for index in owners for site in preview.sites.get(index, []))
        )
        sites: list[tuple[str, PracticeSite]] = []
        for index, professional_id in sorted(owners.items()):
            # A site already known (the same extract imported again, a line repeated in it) is
            # not added twice.
            known = (
                {_site_key(s) for s in self.carnet.practice_sites.of(professional_id)}
                if index in preview.matched
                else set()
            )
            for site in preview.sites.get(index, []):
                if (key := _site_key(site)) not in known:
                    known.add(key)
                    sites.append((professional_id, site))
            if by_finess:
                self._link_sites(import_id, professional_id, preview.sites.get(index, []), by_finess)
        self.carnet.practice_sites.add_many(sites, import_id)
        return len(fresh), updated

    def _structure_for(
        self, import_id: str, wanted: tuple[str, StructureType] | None, made: dict[str, str]
    ) -> tuple[str, ...]:
        if wanted is None:
            return ()
        name, kind = wanted
        key = fold(name)
        if key not in made:
            existing = self.carnet.structures.by_name(name)
            made[key] = (
                existing[0] if existing else self.carnet.structures.add(Structure(name, kind), import_id)
            )
        return (made[key],)

    def _link_sites(
        self, import_id: str, professional_id: str, sites: list[PracticeSite], by_finess: dict[str, str]
    ) -> None:
        """Link a professional to the register's structures whose FINESS an activity names."""
        known = [by_finess[site.finess] for site in sites if site.finess in by_finess]
        if known:
            current = self.carnet.professionals.structure_links([professional_id]).get(professional_id, [])
            if set(known) - set(current):
                self._remember(import_id, "professionals", professional_id)
                self.carnet.professionals.set_structures(professional_id, [*current, *known])

    def _remember(self, import_id: str, table: str, record_id: str) -> None:
        if table == "professionals":
            before: Any = self.carnet.professionals.get(record_id)
        else:
            before = self.carnet.structures.get(record_id)
        self.carnet.import_changes.record(import_id, table, record_id, _serialise(before))

    def _complete_professional(
        self, import_id: str, professional_id: str, incoming: Professional, links: tuple[str, ...]
    ) -> int:
        current = self.carnet.professionals.get(professional_id)
        assert current is not None
        filled = {
            name: getattr(incoming, name)
            for name in ("first_name", "rpps", "commune", "postal_code", "email", "phone")
            if not getattr(current, name) and getattr(incoming, name)
        }
        if current.specialty is Specialty.NONE and incoming.specialty is not Specialty.NONE:
            filled["specialty"] = incoming.specialty
        if (
            current.practice_mode is PracticeMode.UNKNOWN
            and incoming.practice_mode is not PracticeMode.UNKNOWN
        ):
            filled["practice_mode"] = incoming.practice_mode
        structure_ids = tuple(dict.fromkeys(current.structure_ids + links))
        if not filled and structure_ids == current.structure_ids:
            return 0
        self._remember(import_id, "professionals", professional_id)
        self.carnet.professionals.update(replace(current, **filled, structure_ids=structure_ids))
        return 1

    def _complete_structure(self, import_id: str, structure_id: str, incoming: Structure) -> int:
        current = self.carnet.structures.get(structure_id)
        assert current is not None
        filled = {
            name: getattr(incoming, name)
            for name in ("finess", "commune", "postal_code", "departement_code")
            if not getattr(current, name) and getattr(incoming, name)
        }
        if not filled:
            return 0
        self._remember(import_id, "structures", structure_id)
        self.carnet.structures.update(replace(current, **filled))
        return 1

    def undo(self, import_id: str) -> int:
        """Remove what a register import created and put back what it changed; return the count."""
        record = next((r for r in self.carnet.imports.all() if r.id == import_id), None)
        if record is None or record.undone_at:
            raise InvalidInput("Cet import n'existe pas ou a déjà été annulé.")
        with self.carnet.write():
            changes = self.carnet.import_changes.of(import_id)
            for table, _record, before in changes:
                if table == "professionals":
                    self.carnet.professionals.update(_professional(before))
                else:
                    self.carnet.structures.update(_structure(before))
            people = self.carnet.professionals.by_import(import_id)
            for person in people:
                self.carnet.professionals.set_structures(person, ())
            self.carnet.professionals.delete(people)
            self.carnet.practice_sites.delete(self.carnet.practice_sites.by_import(import_id))
            structures = self.carnet.structures.by_import(import_id)
            self.carnet.structures.delete(structures)
            self.carnet.imports.mark_undone(import_id)
        self.core.changed()
        return len(people) + len(structures) + len({r for _, r, _ in changes})


def _serialise(item: Any) -> dict[str, Any]:
    values = asdict(item)
    if isinstance(item, Structure):
        values["onboarding_dates"] = {step.value: day for step, day in item.onboarding_dates.items()}
    return values


def _professional(values: dict[str, Any]) -> Professional:
    from datetime import date

    from ambassadeur_app.domain.register import ParceoStatus

    return Professional(
        **{
            **values,
            "civility": Civility(values["civility"]),
            "specialty": Specialty(values["specialty"]),
            "practice_mode": PracticeMode(values["practice_mode"]),
            "parceo_status": ParceoStatus(values["parceo_status"]),
            "parceo_since": date.fromisoformat(values["parceo_since"]) if values["parceo_since"] else None,
            "structure_ids": tuple(values["structure_ids"]),
        }
    )


def _structure(values: dict[str, Any]) -> Structure:
    from datetime import date

    from ambassadeur_app.domain.register import Onboarding

    return Structure(
        **{
            **values,
            "type": StructureType(values["type"]),
            "onboarding": Onboarding(values["onboarding"]),
            "onboarding_dates": {
                Onboarding(k): date.fromisoformat(v) for k, v in values["onboarding_dates"].items()
            },
            "it_commitment_on": date.fromisoformat(values["it_commitment_on"])
            if values["it_commitment_on"]
            else None,
        }
    )


def _site_key(site: PracticeSite) -> tuple[str, ...]:
    """What makes two practice sites of a person the same (all but their ids)."""
    return (
        site.site_name,
        site.finess,
        site.siret,
        site.postal_code,
        site.commune_code,
        site.commune,
        site.mode,
        site.sector,
        site.role,
    )
