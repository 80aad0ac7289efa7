"""The shared folder: files in transfer, garbled, tampered with, of another passphrase; re-reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ambassadeur_app.errors import AppError, CarnetError
from ambassadeur_app.services import sync as sync_service
from ambassadeur_app.services.sync import join
from ambassadeur_app.sync.engine import Engine
from ambassadeur_app.sync.files import HEADER_SIZE, Keys, change_files, decode, encode
from tests.conftest import log_entry
from tests.sync.conftest import DAY, FAST, PHRASE, Binome, contents, everyone_syncs, newest, sent_by_b


def live_entries(laptop) -> int:  # type: ignore[no-untyped-def]
    return int(laptop.db.execute("SELECT count(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0])


def test_in_transfer_and_garbled_files_wait_then_apply_once_complete(binome: Binome) -> None:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    for minutes in (30, 45):
        log_entry(b.service, DAY, minutes)
    b.sync()
    complete = newest(binome.folder, b.sync_service.engine.replica)
    data = complete.read_bytes()
    # What a sync engine shows while copying: a temporary name, a truncated file, a garbled one;
    # and its conflict copies, which are never read.
    complete.unlink()
    (complete.parent / f".syncthing.{complete.name}.tmp").write_bytes(data[:100])
    (complete.parent / f"~{complete.name}").write_bytes(data)
    (complete.parent / f"{complete.stem} (conflicted copy){complete.suffix}").write_bytes(data)
    (complete.parent / f"{complete.stem} conflit{complete.suffix}").write_bytes(data)
    report = a.sync()
    assert live_entries(a) == 0
    assert not report.applied
    assert not report.refused
    complete.write_bytes(data[: len(data) // 2])
    report = a.sync()
    assert live_entries(a) == 0
    assert "incomplet" in report.waiting[0]
    garbled = bytearray(data)
    garbled[HEADER_SIZE + 5] ^= 0xFF
    complete.write_bytes(bytes(garbled))
    assert live_entries(a) == 0
    assert a.sync().waiting
    complete.write_bytes(data)
    report = a.sync()
    assert live_entries(a) == 2
    assert sum(report.applied.values()) == 1
    # Applied once: again, nothing changes.
    before = contents(a)
    report = a.sync()
    assert not report.applied
    assert contents(a) == before == contents(b)


def test_a_file_re_read_from_the_start_changes_nothing(binome: Binome) -> None:
    a = binome.first()
    log_entry(a.service, DAY, 30)
    a.sync()
    b = binome.join("b")
    log_entry(b.service, DAY, 60)
    everyone_syncs([a, b])
    before = contents(a)
    a.db.execute("UPDATE _sync_peers SET applied = 0")  # as if every file were new again
    a.sync()
    assert contents(a) == before == contents(b)
    assert a.sync_service.conflicts() == []


def test_a_file_of_another_passphrase_is_refused_and_the_others_apply(binome: Binome, tmp_path: Path) -> None:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    c = binome.join("c")
    log_entry(b.service, DAY, 30)
    log_entry(c.service, DAY, 60)
    b.sync()
    c.sync()
    # C's file re-encrypted with another passphrase (same content, same name).
    path = newest(binome.folder, c.sync_service.engine.replica)
    payload = decode(path.read_bytes(), Keys(PHRASE), path.name)
    path.write_bytes(encode(payload, Keys("une tout autre phrase secrète"), b"s" * 16, FAST))
    report = a.sync()
    assert live_entries(a) == 1  # B's entry
    (refused,) = report.refused
    assert "autre phrase secrète" in refused
    assert path.name in refused


def test_a_tampered_file_is_refused(binome: Binome) -> None:
    a, _, path = sent_by_b(binome)
    data = bytearray(path.read_bytes())
    data[-1] ^= 1  # changed, its checksum recomputed by the attacker
    import hashlib

    body = bytes(data[HEADER_SIZE:])
    data[HEADER_SIZE - 64 : HEADER_SIZE - 32] = hashlib.sha256(body).digest()
    path.write_bytes(bytes(data))
    report = a.sync()
    assert live_entries(a) == 0
    (refused,) = report.refused  # the header's mac no longer matches: refused, never applied
    assert (
        f"/{path.name} » a été chiffré avec une autre phrase secrète que celle de ce carnet, ou modifié "
        in refused
    )


def test_the_wrong_passphrase_exchanges_nothing(binome: Binome) -> None:
    a = binome.first()
    log_entry(a.service, DAY, 30)
    pending = a.sync_service.pending()
    with pytest.raises(CarnetError, match="phrase secrète ne correspond pas"):
        a.sync("une autre phrase")
    assert a.sync_service.pending() == pending


def test_joining_with_the_wrong_passphrase_creates_nothing(binome: Binome, tmp_path: Path) -> None:
    binome.first()
    target = tmp_path / "b.ambassadeur"
    with pytest.raises(CarnetError, match="aucun carnet n'a été créé"):
        join(binome.folder, target, "une autre phrase", FAST)
    assert not target.exists()


def test_a_folder_of_another_carnet_is_refused(binome: Binome, tmp_path: Path) -> None:
    a = binome.first()
    other = tmp_path / "autre"
    shutil.copytree(binome.folder, other)
    (other / "carnet-partage.json").write_text('{"format": 1, "carnet": "un-autre"}', encoding="utf-8")
    with pytest.raises(AppError, match="n'est pas celui de ce carnet"):
        a.sync_service.sync(PHRASE, other)
    with pytest.raises(AppError, match="déjà partagé"):
        a.sync_service.share(tmp_path / "encore", PHRASE, FAST)


def test_sharing_into_a_folder_already_holding_a_shared_carnet_is_refused(
    binome: Binome, tmp_path: Path
) -> None:
    binome.first()
    other = Binome(tmp_path / "autre")
    (tmp_path / "autre").mkdir()
    other.folder = binome.folder
    try:
        with pytest.raises(AppError, match="contient déjà un carnet partagé"):
            other.first("x")
    finally:
        other.close()


def test_a_file_moved_into_another_copys_folder_is_refused(binome: Binome) -> None:
    a, _, moved = sent_by_b(binome)
    fake = binome.folder / ("0" * 8)  # not a copy id: ignored
    fake.mkdir()
    intruder = binome.folder / "12345678-1234-1234-1234-123456789abc"
    intruder.mkdir()
    shutil.copy(moved, intruder / "00000001.changes")
    report = a.sync()
    assert any("n'appartient pas" in problem for problem in report.refused)
    assert live_entries(a) == 1


def test_an_attached_invoice_reaches_the_other_laptop(binome: Binome, tmp_path: Path) -> None:
    from tests.unit.test_expenses import PDF, expense, pdf

    a = binome.first()
    expense_id = a.service.expenses.save_expense(expense())
    attachment = a.service.expenses.attach(expense_id, pdf(tmp_path, content=PDF + b"facture 12"))
    a.sync()
    b = binome.join("b")
    (received,) = b.service.expenses.attachments_of(expense_id)
    assert received == attachment
    assert b.service.expenses.attachment_path(received).read_bytes() == PDF + b"facture 12"
    assert b.service.expenses.attachment_problems() == []
    # In the shared folder it is encrypted, like the change files.
    (stored,) = (binome.folder / a.sync_service.engine.replica / "pieces").iterdir()
    assert b"facture 12" not in stored.read_bytes()


def test_a_share_that_fails_changes_nothing_and_can_be_tried_again(
    binome: Binome, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(folder: Path, shared_id: str) -> None:
        raise CarnetError("disque plein")

    monkeypatch.setattr(sync_service, "write_identity", disk_full)
    with pytest.raises(CarnetError, match="disque plein"):
        binome.first()
    a = binome.laptops[0]
    assert not a.sync_service.shared
    assert a.db.execute("SELECT count(*) FROM _sync_log").fetchone()[0] == 0
    assert change_files(binome.folder) == {}
    monkeypatch.undo()
    a.sync_service.share(binome.folder, PHRASE, FAST)
    entry = log_entry(a.service, DAY, 30)
    a.sync()
    assert binome.join("b").service.carnet.entries.is_live(entry)


def test_a_join_that_fails_midway_leaves_nothing_in_the_way(
    binome: Binome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binome.first().sync()

    def killed(*args: object) -> None:
        raise CarnetError("interrompu")

    monkeypatch.setattr(Engine, "apply_folder", killed)
    with pytest.raises(CarnetError, match="interrompu"):
        binome.join("b")
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith("b.")]
    monkeypatch.undo()
    assert contents(binome.join("b")) == contents(binome.laptops[0])


def test_a_sub_folder_of_another_shared_carnet_is_said_once_then_ignored(
    binome: Binome, tmp_path: Path
) -> None:
    a = binome.first()
    other = Binome(tmp_path / "autre")
    (tmp_path / "autre").mkdir()
    try:
        other.first("x").sync()
        (leftover,) = change_files(other.folder)
        shutil.copytree(other.folder / leftover, binome.folder / leftover)
    finally:
        other.close()
    assert any("autre carnet partagé" in problem for problem in a.sync().refused)
    assert a.sync().refused == []
