"""What opening a carnet, saving and reading its first figures leave out (``uuid`` with
``platform``, ``_strptime``, the bilan's domain), and what replaces them: random ids in the
format of the ids already stored, backup names read by slicing, the structures' folded name
kept in a column."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest

from ambassadeur_app import partfiles, paths
from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.domain.register import RegisterFilter, Structure, StructureType
from ambassadeur_app.ids import canonical_id, new_id
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.storage.backup import BACKUP_SUFFIX, BackupKind, BackupManager
from ambassadeur_app.storage.migrations import migrations
from tests.conftest import TODAY, log_entry

SESSION = """
import sys
from datetime import date
from pathlib import Path

from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.services import open_service

service = open_service(Path(sys.argv[1]), today=lambda: date(2024, 11, 15))
marie = service.ambassadors()[0].id
service.add_entry(TimeEntry(date(2024, 11, 4), marie, Mission.PROMOTION, "Appel", 45))
print(len(service.backups()), service.carnet.payments.received_cents(), len(service.carnet.structures.all()))
assert service.indicators.all()  # the tableau de bord's figures, the period running
service.close()
left_out = ("uuid", "platform", "_strptime", "ambassadeur_app.domain.bilan")
print(*sorted(name for name in left_out if name in sys.modules))
"""


def test_opening_saving_and_the_first_figures_import_neither_uuid_nor_strptime_nor_the_bilan(
    service: CarnetService, private_home: Path
) -> None:
    service.carnet.payments.add(GrantPayment(date(2024, 10, 1), 150_000, "Avance"))
    service.close()
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(service.carnet.path)],
        env={**os.environ, "AMBASSADEUR_HOME": str(private_home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures, loaded = done.stdout.splitlines()
    backups, received, structures = map(int, figures.split())
    assert backups >= 1  # the day's backup was taken, and its name read back
    assert (received, structures) == (150_000, 0)
    assert loaded == ""


def test_new_ids_are_version_4_uuids_written_as_uuid_writes_them() -> None:
    made = [new_id() for _ in range(2000)]
    assert len(set(made)) == len(made)
    for made_id in made:
        parsed = uuid.UUID(made_id)
        assert str(parsed) == made_id
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    # Every bit outside the version and the variant varies.
    free = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
    seen = 0
    for made_id in made:
        seen |= uuid.UUID(made_id).int ^ uuid.UUID(made[0]).int
    assert seen == free


def test_canonical_id_reads_what_uuid_reads_and_refuses_the_rest() -> None:
    text = "3F9A1C2E-5B1E-4D8E-9A57-3C2F1B0E7D21"
    assert canonical_id(text) == str(uuid.UUID(text))
    assert canonical_id(text.replace("-", "")) == str(uuid.UUID(text))
    for wrong in ("", "abc", text[:-1], text[:-1] + "g", text + "0", " " + text[1:], "٣" * 32):
        with pytest.raises(ValueError, match="not a UUID"):
            canonical_id(wrong)


def test_this_computer_s_id_is_kept_and_a_damaged_one_replaced(private_home: Path) -> None:
    stored = paths.user_config_dir() / "device-id"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text("3F9A1C2E5B1E4D8E9A573C2F1B0E7D21\n", encoding="ascii")
    assert paths.device_id() == "3f9a1c2e-5b1e-4d8e-9a57-3c2f1b0e7d21"
    stored.write_text("pas un identifiant", encoding="ascii")
    made = paths.device_id()
    assert uuid.UUID(made).version == 4
    assert paths.device_id() == made == stored.read_text(encoding="ascii")


def test_a_part_file_s_name_is_random_and_leads_back_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    parts = {partfiles.part_for(target) for _ in range(200)}
    assert len(parts) > 190  # 16 million names: a few repeats at most
    assert {partfiles.final_name(part) for part in parts} == {target}


def test_backup_names_are_read_as_strptime_reads_them(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    names = {
        "2024-09-02_09-00-00_quotidienne": (datetime(2024, 9, 2, 9, 0, 0), BackupKind.DAILY),
        "2024-12-31_23-59-59_manuelle-2": (datetime(2024, 12, 31, 23, 59, 59), BackupKind.MANUAL),
        "2028-02-29_00-00-01_avant-import": (datetime(2028, 2, 29, 0, 0, 1), BackupKind.BEFORE_IMPORT),
    }
    ignored = [
        "2024-02-30_09-00-00_quotidienne",  # no such day
        "2024-09-02_24-00-00_quotidienne",
        "2024-09-02 09-00-00_quotidienne",
        "2024-9-02_09-00-00_quotidienne",
        "2024-09-0²_09-00-00_quotidienne",
        "+024-09-02_09-00-00_quotidienne",
        "2024-09-02_09-00-00_inconnue",
        "notes",
    ]
    for name in [*names, *ignored]:
        (folder / f"{name}{BACKUP_SUFFIX}").write_bytes(b"x")
    found = {b.path.name[: -len(BACKUP_SUFFIX)]: (b.taken_at, b.kind) for b in BackupManager(folder).all()}
    assert found == names
    for name in names:
        assert found[name][0] == datetime.strptime(name[:19], "%Y-%m-%d_%H-%M-%S")


def structure_names(service: CarnetService) -> list[str]:
    register = service.carnet.structures
    by_ids = [register.get_many([i])[i].name for i in register.ids(RegisterFilter())]
    assert [s.name for s in register.all()] == by_ids
    return by_ids


def test_structures_are_listed_by_their_folded_name_kept_on_every_write(service: CarnetService) -> None:
    register = service.register
    for name in ("Zola santé", "École de santé", "ehpad les Œillets", "Ehpad Les Acacias", "CDS Azur"):
        register.save_structure(Structure(name, StructureType.AUTRE))
    assert structure_names(service) == [
        "CDS Azur",
        "École de santé",
        "Ehpad Les Acacias",
        "ehpad les Œillets",
        "Zola santé",
    ]
    zola = service.carnet.structures.by_name("ZOLA SANTE")
    assert len(zola) == 1
    register.save_structure(Structure("Àbbaye", StructureType.AUTRE, id=zola[0]))
    assert structure_names(service)[0] == "Àbbaye"
    assert service.carnet.structures.by_name("abbaye") == zola
    assert service.carnet.structures.by_name("zola santé") == []
    with service.carnet.write():
        service.carnet.structures.delete(zola)
    assert "Àbbaye" not in structure_names(service)


def test_the_structures_folded_names_are_filled_for_a_carnet_made_before(service: CarnetService) -> None:
    for name in ("Maison Œdipe", "école", "Azur"):
        service.register.save_structure(Structure(name, StructureType.AUTRE))
    path = service.carnet.path
    service.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP INDEX structures_name_key")
        conn.execute("ALTER TABLE structures DROP COLUMN name_key")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm015_structures_name_key'")
    conn.close()
    with open_service(path, today=lambda: TODAY) as again:
        keys = dict(again.carnet.db.execute("SELECT name, name_key FROM structures").fetchall())
        assert keys == {"Maison Œdipe": "maison oedipe", "école": "ecole", "Azur": "azur"}
        assert structure_names(again) == ["Azur", "école", "Maison Œdipe"]
        assert not migrations.pending(again.carnet.db.conn)
        plan = " ".join(
            str(row[-1])
            for row in again.carnet.db.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM structures WHERE deleted_at IS NULL AND name_key = 'x'"
            ).fetchall()
        )
        assert "structures_name_key" in plan


def test_received_payments_are_the_sum_of_the_live_ones(service: CarnetService) -> None:
    payments = service.carnet.payments
    assert payments.received_cents() == 0
    with service.carnet.write():
        first = payments.add(GrantPayment(date(2024, 10, 1), 150_000, "Avance"))
        payments.add(GrantPayment(date(2025, 3, 1), 72_550, "Solde"))
        payments.add(GrantPayment(date(2025, 4, 1), 10_000, "Erreur"))
        payments.delete([first])
    assert payments.received_cents() == sum(p.amount_cents for p in payments.all()) == 82_550


def test_an_entry_saved_gets_a_new_id_in_the_stored_format(service: CarnetService) -> None:
    entry = log_entry(service, TODAY, 30)
    assert str(uuid.UUID(entry)) == entry
