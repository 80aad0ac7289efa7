"""Structures of the register (MSP, CDS, hospitals, nursing homes, pharmacies...)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.structures import Onboarding, Structure, StructureType
from ambassadeur_app.domain.text import fold
from ambassadeur_app.storage.records import Repo, words_sql

if TYPE_CHECKING:
    from ambassadeur_app.domain.register import RegisterFilter

_DATE_COLUMNS = {
    Onboarding.CONTACTED: "contacted_on",
    Onboarding.MET: "met_on",
    Onboarding.ENGAGED: "engaged_on",
    Onboarding.ONBOARDED: "onboarded_on",
}
_COLUMNS = (
    "id, name, type, finess, commune, postal_code, departement_code, onboarding, contacted_on, met_on, "
    "engaged_on, onboarded_on, services_engaged, it_commitment_on, notes"
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _structure(row: dict[str, Any]) -> Structure:
    return Structure(
        id=row["id"],
        name=row["name"],
        type=StructureType(row["type"]),
        finess=row["finess"],
        commune=row["commune"],
        postal_code=row["postal_code"],
        departement_code=row["departement_code"],
        onboarding=Onboarding(row["onboarding"]),
        onboarding_dates={
            step: day for step, column in _DATE_COLUMNS.items() if (day := _date(row[column])) is not None
        },
        services_engaged=row["services_engaged"],
        it_commitment_on=_date(row["it_commitment_on"]),
        notes=row["notes"],
    )


def _values(structure: Structure) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": structure.name,
        "type": structure.type.value,
        "finess": structure.finess,
        "commune": structure.commune.strip(),
        "postal_code": structure.postal_code.strip(),
        "departement_code": structure.departement_code.strip(),
        "onboarding": structure.onboarding.value,
        "services_engaged": structure.services_engaged.strip(),
        "it_commitment_on": structure.it_commitment_on.isoformat() if structure.it_commitment_on else None,
        "notes": structure.notes.strip(),
        "search": fold(f"{structure.name} {structure.commune} {structure.postal_code} {structure.finess}"),
        "name_key": fold(structure.name),
    }
    for step, column in _DATE_COLUMNS.items():
        day = structure.onboarding_dates.get(step)
        values[column] = day.isoformat() if day else None
    return values


class StructureRepo(Repo):
    table = "structures"

    def ids(self, where: RegisterFilter) -> list[str]:
        """Return the ids of the structures matching ``where``, by name."""
        # Here: the tableau de bord reads the structures without the register's people and contacts.
        from ambassadeur_app.storage.contacts import contacted_sql

        clauses, params = words_sql("s.search", where.text)
        clauses.append("s.deleted_at IS NULL")
        if where.structure_type is not None:
            clauses.append("s.type = ?")
            params.append(where.structure_type.value)
        if where.commune:
            clauses.append("fold(s.commune) = ?")
            params.append(fold(where.commune))
        if where.status:
            clauses.append("s.onboarding = ?")
            params.append(where.status)
        contacted, values = contacted_sql(where, "contacts c", "c.structure_id = s.id")
        clauses += contacted
        params += values
        where_sql = " AND ".join(clauses)
        # By folded name (« École » before « Z »), precomputed: no Python function on every row.
        sql = f"SELECT s.id FROM structures s WHERE {where_sql} ORDER BY s.name_key, s.id"
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def get_many(self, ids: Iterable[str]) -> dict[str, Structure]:
        return {row["id"]: _structure(row) for row in self._by_ids(_COLUMNS, ids)}

    def get(self, structure_id: str) -> Structure | None:
        return self.get_many([structure_id]).get(structure_id)

    def all(self, types: Iterable[StructureType] = ()) -> list[Structure]:
        """Return every live structure (of ``types`` only, if given), by name (for choosers),
        in one query."""
        kinds = [kind.value for kind in types]
        only = f" AND type IN ({', '.join('?' * len(kinds))})" if kinds else ""
        return [
            _structure(row)
            for row in self.db.query(
                f"SELECT {_COLUMNS} FROM structures WHERE deleted_at IS NULL{only} ORDER BY name_key, id",
                kinds,
            )
        ]

    def add(self, structure: Structure, import_id: str | None = None) -> str:
        return self.add_many([structure], import_id)[0]

    def add_many(self, structures: Sequence[Structure], import_id: str | None = None) -> list[str]:
        """Insert structures in one statement, with one timestamp; return their ids."""
        return self._insert_many(
            [{**_values(structure), "import_id": import_id} for structure in structures],
            [structure.id or None for structure in structures],
        )

    def update(self, structure: Structure) -> None:
        self._update(structure.id, _values(structure))

    def by_finess(self, finess: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM structures WHERE finess = ? AND finess != '' AND deleted_at IS NULL LIMIT 1",
            [finess],
        ).fetchone()
        return str(row[0]) if row else None

    def by_name(self, name: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM structures WHERE deleted_at IS NULL AND name_key = ?", [fold(name)]
            ).fetchall()
        ]

    def count_by_type(self, departement_code: str = "") -> dict[StructureType, tuple[int, int]]:
        """Return, per type, (structures, onboarded structures) of the département."""
        clauses, params = ["deleted_at IS NULL"], []
        if departement_code:
            clauses.append("departement_code = ?")
            params.append(departement_code)
        result: dict[StructureType, tuple[int, int]] = {}
        for kind, total, onboarded in self.db.execute(
            f"SELECT type, COUNT(*), SUM(onboarding = 'embarquee') FROM structures "
            f"WHERE {' AND '.join(clauses)} GROUP BY type",
            params,
        ).fetchall():
            result[StructureType(kind)] = (int(total), int(onboarded or 0))
        return result

    def by_import(self, import_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM structures WHERE import_id = ? AND deleted_at IS NULL", [import_id]
            ).fetchall()
        ]
