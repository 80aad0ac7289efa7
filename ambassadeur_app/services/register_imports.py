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
    identity,
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
    unchanged: int = 0  # records matched that the import leaves as they are

    @property
    def new(self) -> int:
        items = self.professionals if self.kind != "finess" else self.structures
        return len(items) - len(self.matched)

    @property
    def completed(self) -> int:
        """Return how many records the import completes (matched, and changed)."""
        return len(self.matched) - self.unchanged

    def summary(self) -> str:
        noun = (
            ("nouvelle structure", "nouvelles structures")
            if self.kind == "finess"
            else ("nouveau professionnel", "nouveaux professionnels")
        )
        text = (
            f"{plural(self.new, *noun)}, "
            f"{plural(self.completed, 'fiche existante complétée', 'fiches existantes complétées')}"
        )
        if self.unchanged:
            text += f", {plural(self.unchanged, 'fiche déjà à jour', 'fiches déjà à jour')}"
        if self.invalid_lines:
            text += f", {plural(self.invalid_lines, 'ligne invalide', 'lignes invalides')}"
        if self.repeated_lines:
            shown = ", ".join(map(str, self.repeated_lines))
            text += (
                f", {plural(len(self.repeated_lines), 'ligne en double', 'lignes en double')} "
                f"(n° {shown} : la même personne qu'une ligne précédente, comptée une seule fois)"
            )
        return text + "."


class _Firsts:
    """The first of a group of preview's people, and the first with each national identifier."""

    def __init__(self) -> None:
        self.first: int | None = None
        self.by_identity: dict[str, int] = {}

    def add(self, index: int, national_id: str) -> None:
        if self.first is None:
            self.first = index
        self.by_identity.setdefault(national_id, index)

    def same_person(self, national_id: str) -> int | None:
        """Return the first one that may be the person with this identifier (none, or the same)."""
        if not national_id:
            return self.first
        found = (self.by_identity.get(""), self.by_identity.get(national_id))
        return min((index for index in found if index is not None), default=None)


@dataclass
class _Lines:
    """The people of a contact list's preview so far, indexed to find a line's twin (the first
    earlier person it repeats) in one look-up instead of a pass over them all."""

    by_identity: dict[str, int] = field(default_factory=dict)
    by_match: dict[str, _Firsts] = field(default_factory=dict)
    by_key: dict[tuple[str, str, str], _Firsts] = field(default_factory=dict)

    def twin(self, national_id: str, match: str | None, key: tuple[str, str, str]) -> int | None:
        """Return the first person that a line is (see ``_add_person``), if any.

        The same national identifier; else, matched to the same record of the register, or,
        unmatched, the same ``duplicate_key``: either one unless both have a national identifier
        and they differ.
        """
        found = [self.by_identity.get(national_id) if national_id else None]
        group = self.by_match.get(match) if match is not None else self.by_key.get(key)
        found.append(group.same_person(national_id) if group else None)
        return min((index for index in found if index is not None), default=None)

    def add(self, index: int, national_id: str, match: str | None, key: tuple[str, str, str]) -> None:
        self.by_identity.setdefault(national_id, index)
        if match is not None:
            self.by_match.setdefault(match, _Firsts()).add(index, national_id)
        self.by_key.setdefault(key, _Firsts()).add(index, national_id)


@dataclass(frozen=True)
class _Known:
    """The register's professionals as a preview looks for them: by RPPS or ADELI number, by
    folded name; the national identifier each record found by name gets from the import; and,
    for a contact list, the people previewed so far (``lines``)."""

    by_rpps: dict[str, str]
    by_adeli: dict[str, str]
    by_name: dict[str, list[str]]
    claimed: dict[str, str] = field(default_factory=dict)
    lines: _Lines = field(default_factory=_Lines)


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
        known = self._known(line.professional for line in lines if line.professional is not None)
        for line in lines:
            if line.problems or line.professional is None:
                preview.problems += line.problems
                preview.invalid_lines += 1
                continue
            self._add_person(preview, known, line.professional, line)
        self._count_unchanged(preview)
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
        preview = RegisterImportPreview(
            "rpps", path, problems=scan.problems, invalid_lines=len(scan.problems), read_lines=scan.lines
        )
        # Communes, and first and last names, come back again and again in an extract.
        title = functools.cache(title_name)
        people = [(self._from_rpps(person, title), person.activities) for person in scan.people.values()]
        known = self._known(professional for professional, _ in people)
        for professional, activities in people:
            index = self._add_person(preview, known, professional, None)
            preview.sites[index] = [
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
                for a in activities
            ]
        self._count_unchanged(preview)
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
                current = self.carnet.structures.get(match)
                assert current is not None
                preview.unchanged += not _filled_structure(current, structure)
            preview.structures.append(structure)
        return preview

    def _known(self, people: Iterable[Professional]) -> _Known:
        listed = list(people)
        repo = self.carnet.professionals
        return _Known(
            repo.first_ids("rpps", (person.rpps for person in listed)),
            repo.first_ids("adeli", (person.adeli for person in listed)),
            repo.ids_by_name(),
        )

    def _add_person(
        self, preview: RegisterImportPreview, known: _Known, person: Professional, line: ContactLine | None
    ) -> int:
        """Add a person to the preview, matched with the register's record of the same person.

        The same person: the same RPPS or ADELI number, else (first namesake) the same name,
        profession group and commune, unless both have a national identifier and they differ.
        """
        index = len(preview.professionals)
        national_id = identity(person)
        match = known.by_rpps.get(person.rpps) or known.by_adeli.get(person.adeli)
        if match is None or line is not None:  # else found by number, with no need of the key
            key = duplicate_key(person, professions())
            if match is None and known.by_name:
                namesakes = known.by_name.get(key[0], [])  # key[0]: the folded name, as stored
                match = next(
                    (
                        p.id
                        for p in self.register.professionals(namesakes).values()
                        if duplicate_key(p, professions()) == key
                        and not _differ(national_id, known.claimed.get(p.id) or identity(p))
                    ),
                    None,
                )
                if match is not None and national_id:  # the record gets this identifier
                    known.claimed.setdefault(match, national_id)
            if line is not None:  # the same person twice in a list: keep the first line
                twin = known.lines.twin(national_id, match, key)
                if twin is not None:
                    preview.repeated_lines.append(line.line)
                    return twin
                known.lines.add(index, national_id, match, key)
        if match is not None:
            preview.matched[index] = str(match)
        if line is not None and line.structure:
            preview.links[index] = (line.structure, line.structure_type)
        preview.professionals.append(person)
        return index

    def _count_unchanged(self, preview: RegisterImportPreview) -> None:
        """Count the matched records that the import would leave as they are (as ``apply`` does)."""
        by_finess = self._by_finess(preview)
        current = self.carnet.professionals.get_many(preview.matched.values())
        for index, professional_id in preview.matched.items():
            wanted = preview.links.get(index)
            named = tuple(self.carnet.structures.by_name(wanted[0])[:1]) if wanted else ()
            sites = preview.sites.get(index, [])
            links = named + _finess_links(sites, by_finess)
            completed = _completed(current[professional_id], preview.professionals[index], links)
            if (wanted and not named) or completed is not None or self._new_sites(professional_id, sites, {}):
                continue
            preview.unchanged += 1

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
            adeli=person.adeli,
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
        if not preview.new and not preview.completed:
            up_to_date = (
                f" : {plural(preview.unchanged, 'fiche', 'fiches')} déjà à jour dans le registre"
                if preview.unchanged
                else ""
            )
            raise InvalidInput(f"Rien à importer depuis « {preview.path.name} »{up_to_date}.")
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

        A known person is completed in one update (one copy kept for the undo); the new people,
        then all the practice sites, are inserted in one statement each. An activity in a
        structure of the register (same FINESS) links the person to it.
        """
        updated = 0
        made: dict[str, str] = {}
        fresh: dict[int, Professional] = {}
        current = self.carnet.professionals.get_many(preview.matched.values())
        by_finess = self._by_finess(preview)
        site_keys: dict[str, set[tuple[str, ...]]] = {}
        sites: list[tuple[str, PracticeSite]] = []
        for index, person in enumerate(preview.professionals):
            listed = preview.sites.get(index, [])
            links = self._structure_for(import_id, preview.links.get(index), made)
            links += _finess_links(listed, by_finess)
            if index not in preview.matched:
                links = tuple(dict.fromkeys(person.structure_ids + links))
                fresh[index] = replace(person, structure_ids=links)
                continue
            professional_id = preview.matched[index]
            completed = _completed(current[professional_id], person, links)
            if completed is not None:
                self._remember(import_id, "professionals", professional_id)
                self.carnet.professionals.update(completed)
                current[professional_id] = completed
            new_sites = self._new_sites(professional_id, listed, site_keys)
            sites += [(professional_id, site) for site in new_sites]
            updated += completed is not None or bool(new_sites)
        new_ids = self.carnet.professionals.add_many(list(fresh.values()), import_id)
        for index, professional_id in zip(fresh, new_ids, strict=True):
            # A line repeated in the extract is one site.
            listed = preview.sites.get(index, [])
            new_sites = self._new_sites(professional_id, listed, site_keys, stored=False)
            sites += [(professional_id, site) for site in new_sites]
        self.carnet.practice_sites.add_many(sites, import_id)
        return len(fresh), updated

    def _new_sites(
        self,
        professional_id: str,
        sites: list[PracticeSite],
        known: dict[str, set[tuple[str, ...]]],
        stored: bool = True,
    ) -> list[PracticeSite]:
        """Return the sites a person does not have yet (a site listed twice: once).

        Args:
            known: each person's sites as far as seen (read from the register on first use if
                ``stored``), completed with those returned.
        """
        if not sites:
            return []
        if professional_id not in known:
            saved = self.carnet.practice_sites.of(professional_id) if stored else []
            known[professional_id] = {_site_key(site) for site in saved}
        seen = known[professional_id]
        new = []
        for site in sites:
            if (key := _site_key(site)) not in seen:
                seen.add(key)
                new.append(site)
        return new

    def _by_finess(self, preview: RegisterImportPreview) -> dict[str, str]:
        """Return the register's structures that the preview's activities name, by FINESS."""
        return self.carnet.structures.first_ids(
            "finess", (site.finess for sites in preview.sites.values() for site in sites)
        )

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

    def _remember(self, import_id: str, table: str, record_id: str) -> None:
        if table == "professionals":
            before: Any = self.carnet.professionals.get(record_id)
        else:
            before = self.carnet.structures.get(record_id)
        self.carnet.import_changes.record(import_id, table, record_id, _serialise(before))

    def _complete_structure(self, import_id: str, structure_id: str, incoming: Structure) -> int:
        current = self.carnet.structures.get(structure_id)
        assert current is not None
        filled = _filled_structure(current, incoming)
        if not filled:
            return 0
        self._remember(import_id, "structures", structure_id)
        self.carnet.structures.update(replace(current, **filled))
        return 1

    def undo(self, import_id: str) -> int:
        """Remove what a register import created and put back what it changed; return the count."""
        imports = self.carnet.imports.all()
        record = next((r for r in imports if r.id == import_id), None)
        if record is None or record.undone_at:
            raise InvalidInput("Cet import n'existe pas ou a déjà été annulé.")
        changes = self.carnet.import_changes.of(import_id)
        touched = {r for _, r, _ in changes} | set(self.carnet.professionals.by_import(import_id))
        touched |= set(self.carnet.structures.by_import(import_id))
        for later in imports:  # newest first
            if later.created_at <= record.created_at or later.undone_at or later.kind == "carnet":
                continue
            completed = {r for _, r, _ in self.carnet.import_changes.of(later.id)}
            if touched & (completed | self.carnet.practice_sites.people_of_import(later.id)):
                raise InvalidInput(
                    f"L'import de « {later.filename} », fait après celui-ci, a complété des fiches "
                    "que celui-ci avait créées ou modifiées : annulez-le d'abord (les imports "
                    "s'annulent du plus récent au plus ancien)."
                )
        with self.carnet.write():
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


def _differ(one: str, other: str) -> bool:
    """Tell whether two national identifiers show two different people (both known, not equal)."""
    return bool(one and other and one != other)


def _completed(current: Professional, incoming: Professional, links: tuple[str, ...]) -> Professional | None:
    """Return ``current`` with its empty fields filled from ``incoming`` and linked to ``links``;
    ``None`` if that changes nothing."""
    filled: dict[str, Any] = {
        name: getattr(incoming, name)
        for name in ("first_name", "rpps", "adeli", "commune", "postal_code", "email", "phone")
        if not getattr(current, name) and getattr(incoming, name)
    }
    if current.specialty is Specialty.NONE and incoming.specialty is not Specialty.NONE:
        filled["specialty"] = incoming.specialty
    if current.practice_mode is PracticeMode.UNKNOWN and incoming.practice_mode is not PracticeMode.UNKNOWN:
        filled["practice_mode"] = incoming.practice_mode
    structure_ids = tuple(dict.fromkeys(current.structure_ids + links))
    if not filled and structure_ids == current.structure_ids:
        return None
    return replace(current, **filled, structure_ids=structure_ids)


def _filled_structure(current: Structure, incoming: Structure) -> dict[str, Any]:
    """Return the empty fields of a structure that ``incoming`` fills."""
    return {
        name: getattr(incoming, name)
        for name in ("finess", "commune", "postal_code", "departement_code")
        if not getattr(current, name) and getattr(incoming, name)
    }


def _finess_links(sites: list[PracticeSite], by_finess: dict[str, str]) -> tuple[str, ...]:
    """Return the register's structures (``by_finess``) where these activities take place."""
    return tuple(by_finess[site.finess] for site in sites if site.finess in by_finess)


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
