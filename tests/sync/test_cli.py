"""The commands partager, rejoindre, sync and conflits; a sync killed midway applies nothing in part."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from ambassadeur_app.cli import main
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import open_service
from ambassadeur_app.storage.backup import sqlite_uri
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.sync.conftest import DAY, PHRASE, Binome


def new_carnet(path: Path) -> str:
    with open_service(path, create=True, today=lambda: TODAY) as service:
        service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
        return log_entry(service, DAY, 90)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_share_join_sync_and_settle_a_conflict_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, folder = tmp_path / "a.ambassadeur", tmp_path / "b.ambassadeur", tmp_path / "partage"
    entry = new_carnet(a)
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", PHRASE)
    code, out, _ = run(capsys, "--carnet", str(a), "partager", "--dossier", str(folder))
    assert code == 0
    assert "Carnet partagé par le dossier" in out
    assert "rejoindre" in out
    code, out, _ = run(capsys, "--carnet", str(b), "rejoindre", "--dossier", str(folder))
    assert code == 0
    assert f"Carnet partagé reconstruit : {b}" in out
    for path, place in ((a, "Toul"), (b, "Nancy")):
        with open_service(path, today=lambda: TODAY) as service:
            service.update_entry(replace(service.entry(entry), place=place))
    for path in (a, b, a):
        code, out, err = run(capsys, "--carnet", str(path), "sync")
        assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--carnet", str(a), "conflits")
    assert code == 0
    assert "même champ modifié des deux côtés" in out
    assert "« lieu »" in out
    conflict_id = out.split()[0]
    code, out, _ = run(capsys, "--carnet", str(a), "conflits", "--garder", conflict_id, "ecartee")
    assert code == 0
    assert "réglé" in out
    code, out, _ = run(capsys, "--carnet", str(a), "conflits")
    assert out.strip() == "Aucun conflit à vérifier."
    code, _, err = run(capsys, "--carnet", str(a), "conflits", "--garder", conflict_id, "peut-etre")
    assert code == 1
    assert "Choix inconnu" in err
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", "une tout autre phrase")
    code, _, err = run(capsys, "--carnet", str(b), "sync")
    assert code == 1
    assert "erreur : La phrase secrète ne correspond pas" in err
    code, _, err = run(
        capsys, "--carnet", str(tmp_path / "c.ambassadeur"), "rejoindre", "--dossier", str(tmp_path)
    )
    assert code == 1
    assert "ne contient pas de carnet partagé" in err
    gone = tmp_path / "clé débranchée"
    code, _, err = run(
        capsys, "--carnet", str(tmp_path / "c.ambassadeur"), "rejoindre", "--dossier", str(gone)
    )
    assert code == 1
    assert err.endswith(
        f"« {gone} » est introuvable (clé USB débranchée, dossier déplacé ?) : aucun carnet n'a été créé.\n"
    )
    assert not (tmp_path / "c.ambassadeur").exists()


def test_sync_of_a_carnet_not_shared_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    new_carnet(tmp_path / "a.ambassadeur")
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", PHRASE)
    code, _, err = run(capsys, "--carnet", str(tmp_path / "a.ambassadeur"), "sync")
    assert code == 1
    assert "n'est pas partagé" in err
    # The service says it before any passphrase: the CLI and the window ask it the same way.
    service = open_service(tmp_path / "a.ambassadeur", readonly=True)
    with pytest.raises(CarnetError) as not_shared:
        service.sync.require_shared()
    service.close()
    assert f"erreur : {not_shared.value.message}" in err
    assert not_shared.value.message.startswith("Ce carnet n'est pas partagé : utilisez d'abord « partager »")


def applied_and_entries(path: Path, copy: str) -> tuple[int, int]:
    conn = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
    try:
        applied = conn.execute("SELECT applied FROM _sync_peers WHERE replica = ?", [copy]).fetchone()
        count = conn.execute("SELECT count(*) FROM time_entries").fetchone()[0]
    finally:
        conn.close()
    return (applied[0] if applied else 0), count


FILES, PER_FILE = 30, 100
LAST = FILES + 1


def test_a_sync_killed_midway_applies_each_file_whole_or_not_at_all(binome: Binome, tmp_path: Path) -> None:
    a = binome.first()
    copy = a.sync_service.engine.replica
    binome.join("b").close()  # B has the snapshot; the files below come while it is closed
    binome.laptops.pop()
    ambassador = a.service.ambassadors()[0].id
    entries_up_to = {1: 0}
    for number in range(2, FILES + 2):
        rows = [
            (str(uuid.uuid4()), f"2024-10-{1 + i % 28:02d}", ambassador, "autre", "Divers", 10)
            for i in range(PER_FILE)
        ]
        with a.service.carnet.write():
            a.db.conn.executemany(
                "INSERT INTO time_entries (id, day, ambassador_id, mission, activity, minutes, created_at, "
                "updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, '2024-10-01', '2024-10-01', 'x')",
                rows,
            )
        a.sync()
        entries_up_to[number] = entries_up_to[number - 1] + PER_FILE
    path = tmp_path / "b.ambassadeur"
    env = {**os.environ, "AMBASSADEUR_PHRASE_SECRETE": PHRASE}
    killed_at = None
    for _ in range(3):  # a busy machine may finish before the kill: try again with what is left
        process = subprocess.Popen(
            [sys.executable, "-m", "ambassadeur_app", "--carnet", str(path), "sync"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        start = applied_and_entries(path, copy)[0]
        while process.poll() is None and applied_and_entries(path, copy)[0] <= start:
            time.sleep(0.005)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed_at = applied_and_entries(path, copy)[0]
            if killed_at < LAST:
                break
    applied, entries = applied_and_entries(path, copy)
    assert killed_at is not None
    assert applied == killed_at < LAST
    assert entries == entries_up_to[applied]  # every file applied whole, none in part
    with open_service(path, today=lambda: TODAY) as service:
        service.sync.sync(PHRASE)
    assert applied_and_entries(path, copy) == (LAST, entries_up_to[LAST])


def test_joining_with_a_carnet_of_its_own_asks_for_fusionner_then_merges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, folder = tmp_path / "a.ambassadeur", tmp_path / "b.ambassadeur", tmp_path / "partage"
    from_a, from_b = new_carnet(a), new_carnet(b)  # two carnets kept apart, the same ambassador
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", PHRASE)
    assert run(capsys, "--carnet", str(a), "partager", "--dossier", str(folder))[0] == 0
    code, out, err = run(capsys, "--carnet", str(b), "rejoindre", "--dossier", str(folder))
    assert code != 0
    assert "--fusionner" in err
    code, out, err = run(capsys, "--carnet", str(b), "rejoindre", "--dossier", str(folder), "--fusionner")
    assert code == 0
    assert f"Carnet fusionné avec le carnet partagé : {b}" in out
    assert "Envoyé : " in out
    assert "Fiches reconnues dans les deux carnets" in out
    assert "ambassadeur : 1" in out
    assert "Le carnet d'avant la fusion est gardé en sauvegarde" in out
    assert run(capsys, "--carnet", str(a), "sync")[0] == 0
    for path in (a, b):
        with open_service(path, today=lambda: TODAY) as service:
            # The same entry typed on both: counted once, the second typed set aside (« doublon »).
            assert [service.carnet.entries.is_live(e) for e in (from_a, from_b)].count(True) == 1
            assert [x.name for x in service.ambassadors()] == ["Marie Durand"]
    code, out, _ = run(capsys, "--carnet", str(a), "conflits")
    assert "doublon" in out  # the same entry, typed on both
    assert "(Marie Durand, 1\xa0h\xa030, Appel) figure deux fois" in out
