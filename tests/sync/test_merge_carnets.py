"""« rejoindre --fusionner »: a carnet kept apart before sharing merged into the shared one,
with nothing lost, records both held matched, and the carnet left as it was if anything fails."""

from __future__ import annotations

import errno
import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.domain.register import Professional, Structure, StructureType
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.sync import join
from ambassadeur_app.sync.engine import Engine
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.sync.conftest import FAST, PHRASE, Binome, Laptop, contents, everyone_syncs

RPPS = "10001045367"
FINESS = "540000239"


def apart(path: Path) -> CarnetService:
    """The carnet the second laptop kept before sharing: the same binôme typed again (one
    name with other accents and case), a few settings of its own, its own entries."""
    service = open_service(path, create=True, today=lambda: TODAY)
    service.setup(
        replace(PROGRAMME, hourly_rate_cents=PROGRAMME.hourly_rate_cents + 500),
        [
            Ambassador("", "marie durand", Role.MEDICAL, "Médecin généraliste"),
            Ambassador("", "Paul Martin", Role.ADMINISTRATIF, "Coordinateur"),
            Ambassador("", "Lucie Bernard", Role.ADMINISTRATIF, "Secrétaire"),
        ],
    )
    return service


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shared_with_data(binome: Binome) -> Laptop:
    a = binome.first()
    log_entry(a.service, date(2024, 11, 4), 60, description="Réunion CPTS")
    log_entry(a.service, date(2024, 11, 5), 90)
    a.service.register.save_professional(Professional("Roux", "Anne", "G15-10", rpps=RPPS, phone="06 11"))
    a.service.register.save_structure(Structure("MSP de Toul", StructureType.MSP, finess=FINESS))
    a.service.register.save_professional(Professional("Petit", "Jean", "G15-10", commune="Toul"))
    a.sync()
    return a


def test_a_carnet_kept_apart_is_merged_into_the_shared_one_with_nothing_lost(binome: Binome) -> None:
    a = shared_with_data(binome)
    path = binome.tmp_path / "b.ambassadeur"
    b_service = apart(path)
    same = log_entry(b_service, date(2024, 11, 4), 60, description="réunion cpts")  # typed on both
    own = log_entry(b_service, date(2024, 11, 6), 45, who="Lucie Bernard")
    b_service.register.save_professional(Professional("ROUX", "Anne", "G15-10", rpps=RPPS, phone="06 22"))
    b_service.register.save_structure(Structure("MSP Toul", StructureType.MSP, finess=FINESS))
    b_service.register.save_professional(Professional("Pétit", "Jean", "G15-10", commune="TOUL"))
    b_service.register.save_professional(Professional("Leroy", "Luc", "G15-10"))
    b_service.close()
    before = fingerprint(path)

    with pytest.raises(CarnetError, match="--fusionner"):
        join(binome.folder, path, PHRASE, FAST)
    assert fingerprint(path) == before

    merged_path, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert merged_path == path.resolve()
    merged = report.merged
    assert merged is not None
    assert merged.backup is not None
    assert {k: v for k, v in merged.matched.items() if k != "activities"} == {
        "programme": 1,
        "ambassadors": 2,
        "professionals": 2,
        "structures": 1,
    }
    assert merged.matched["activities"] > 10  # the default lists, the same on both
    with open_service(merged.backup, readonly=True) as backup:  # the carnet as it was
        assert backup.carnet.entries.is_live(own)
        assert backup.carnet.entries.is_live(same)
    b = Laptop(open_service(path, today=lambda: TODAY))
    binome.laptops.append(b)
    everyone_syncs([a, b], rounds=2)

    assert contents(a) == contents(b)
    for laptop in (a, b):
        names = sorted(x.name for x in laptop.service.ambassadors())
        assert names == ["Lucie Bernard", "Marie Durand", "Paul Martin"]  # one Marie, the shared spelling
        assert laptop.service.carnet.entries.is_live(own)
        assert laptop.service.carnet.entries.is_live(same)
        people = laptop.db.execute("SELECT last_name FROM professionals ORDER BY last_name").fetchall()
        assert [p[0] for p in people] == ["Leroy", "Petit", "Roux"]
        assert laptop.db.execute("SELECT count(*) FROM structures").fetchone()[0] == 1
        assert laptop.service.programme().hourly_rate_cents == PROGRAMME.hourly_rate_cents  # shared wins
        marie = laptop.service.find_ambassador("Marie Durand").id
        assert laptop.service.entry(same).ambassador_id == marie  # re-pointed
    listed = [
        sorted((c.id, c.kind, c.table, c.column, repr(c.set_aside)) for c in laptop.sync_service.conflicts())
        for laptop in (a, b)
    ]
    assert listed[0] == listed[1]
    kinds = {(kind, table, column) for _, kind, table, column, _ in listed[0]}
    assert ("champ", "programme", "hourly_rate_cents") in kinds  # the setting that differed, kept
    assert ("champ", "professionals", "phone") in kinds  # the same person's other phone, kept
    assert ("doublon", "time_entries", "") in kinds  # the entry typed on both
    aside = {c.column: c.set_aside for c in b.sync_service.conflicts() if c.kind == "champ"}
    assert aside["hourly_rate_cents"] == PROGRAMME.hourly_rate_cents + 500


def test_a_merge_that_fails_leaves_the_carnet_as_it_was(
    binome: Binome, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_with_data(binome)
    path = binome.tmp_path / "b.ambassadeur"
    service = apart(path)
    log_entry(service, date(2024, 11, 6), 45)
    service.close()
    before = fingerprint(path)
    folder_files = sorted(p.name for p in binome.folder.rglob("*"))

    def broken(engine: Engine, *_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(engine.carnet.path))

    monkeypatch.setattr(Engine, "apply_folder", broken)
    with pytest.raises(CarnetError, match="le disque est plein") as failed:
        join(binome.folder, path, PHRASE, FAST, merge=True)
    assert f"le carnet « {path} » n'a pas été modifié" in failed.value.message
    assert ".part" not in failed.value.message  # the file the user chose, not the one being built
    assert fingerprint(path) == before
    assert sorted(p.name for p in binome.folder.rglob("*")) == folder_files  # nothing sent
    assert not [p.name for p in path.parent.glob("b.ambassadeur.*") if p.suffix != ".lock"]  # no part


def test_a_carnet_already_shared_is_not_merged(binome: Binome) -> None:
    a = shared_with_data(binome)
    a.close()
    binome.laptops.remove(a)
    with pytest.raises(CarnetError, match="déjà partagé"):
        join(binome.folder, a.service.carnet.path, PHRASE, FAST, merge=True)


def test_a_copy_of_the_shared_carnet_is_not_merged(binome: Binome) -> None:
    """A file copied from the first laptop before it shared (or a backup of it restored) holds
    the shared records under their own ids: merging it would set the signed months' entries
    aside as changes made apart. It is refused, and nothing changes anywhere."""
    a_path = binome.tmp_path / "a.ambassadeur"
    service = apart(a_path)
    log_entry(service, date(2024, 11, 4), 60, description="Réunion CPTS")
    service.close()
    b_path = binome.tmp_path / "b.ambassadeur"
    b_path.write_bytes(a_path.read_bytes())
    a = Laptop(open_service(a_path, today=lambda: TODAY))
    binome.laptops.append(a)
    a.sync_service.share(binome.folder, PHRASE, FAST)
    log_entry(a.service, date(2024, 11, 5), 30)
    a.sync()
    before = fingerprint(b_path)
    folder_files = sorted(p.name for p in binome.folder.rglob("*"))

    with pytest.raises(
        CarnetError, match=r"une copie du carnet partagé \(\d+ fiches? sous le même identifiant"
    ):
        join(binome.folder, b_path, PHRASE, FAST, merge=True)
    assert fingerprint(b_path) == before
    assert sorted(p.name for p in binome.folder.rglob("*")) == folder_files
    assert a.service.month_summary(Month(2024, 11)).total_minutes == 90


def test_events_expenses_and_payments_typed_on_both_are_counted_once(binome: Binome) -> None:
    """The same event, quote and grant payment typed on both laptops before sharing: the merged
    carnet holds each once (the forfait événement and the balance are not counted twice)."""
    from ambassadeur_app.domain.bilan import GrantPayment
    from tests.unit.test_events import workshop
    from tests.unit.test_expenses import expense

    def typed(service: CarnetService, supplier: str) -> None:
        service.events.save_event(workshop())
        service.expenses.save_expense(expense(supplier=supplier))
        service.bilan.add_payment(GrantPayment(date(2024, 10, 1), 680_000, "Avance"))

    a = shared_with_data(binome)
    typed(a.service, "Traiteur Dupont")
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = apart(path)
    typed(b_service, "TRAITEUR  dupont")
    b_service.close()
    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert {t: report.merged.matched.get(t) for t in ("events", "expenses", "grant_payments")} == {
        "events": 1,
        "expenses": 1,
        "grant_payments": 1,
    }
    a.sync()
    for table in ("events", "expenses", "grant_payments"):
        assert a.db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0] == 1


def test_names_are_compared_folded_with_hyphens_and_apostrophes_as_spaces() -> None:
    from ambassadeur_app.sync.merge import values_key

    assert values_key(["Vandœuvre-lès-Nancy", "MSP  l’Étang"]) == values_key(
        ["vandoeuvre les nancy", "msp l etang"]
    )
    assert values_key(["Saint-Dié"]) != values_key(["Saint-Die-des-Vosges"])
