"""A crash leaves no false document and no litter: kill -9 at the worst moments."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl

from ambassadeur_app import partfiles
from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.lockfile import LockFile
from ambassadeur_app.services import open_service
from tests.unit.test_cli import run

NOVEMBER = Month(2025, 11)


def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.ambassadeur"
    with open_service(path, create=True, today=lambda: REFERENCE_DAY) as service:  # Sept 2025 on
        build_demo(service)
        assert service.month_lock(NOVEMBER) is None
    return path


def run_killed_at(hook: str, code: str, home: Path) -> int:
    """Run ``code`` in a new interpreter whose ``hook`` (module:attribute) kills it (kill -9)."""
    module, _, attribute = hook.partition(":")
    script = f"""
import os, signal, importlib
target = importlib.import_module({module!r})
owner, _, name = {attribute!r}.rpartition(".")
holder = getattr(target, owner) if owner else target
setattr(holder, name, lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
{code}
"""
    env = {**os.environ, "AMBASSADEUR_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", script], env=env, check=False, timeout=120).returncode


def test_killed_before_the_close_is_committed_leaves_no_document_and_the_next_start_cleans(
    tmp_path: Path, private_home: Path
) -> None:
    carnet = demo(tmp_path)
    out = tmp_path / "docs"
    out.mkdir()
    code = f"""
from pathlib import Path
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.services import open_service
with open_service(Path({str(carnet)!r})) as service:
    service.close_month(Month(2025, 11), Path({str(out)!r}))
"""
    status = run_killed_at("ambassadeur_app.storage.months:MonthLockRepo.close", code, private_home)
    assert status == -signal.SIGKILL
    assert not [p for p in out.iterdir() if not p.name.endswith(".part")]  # no false "Mois clôturé"
    assert [p.suffix for p in out.iterdir()] == [".part", ".part"]  # the staged documents
    with open_service(carnet, readonly=True) as service:
        assert service.month_lock(NOVEMBER) is None
    assert run("--carnet", carnet, "check", home=private_home).returncode == 0  # the next start
    assert list(out.iterdir()) == []
    assert list(partfiles.journal_dir().iterdir()) == []


def test_killed_in_the_middle_of_an_export_or_a_backup_leaves_no_part_after_the_next_start(
    tmp_path: Path, private_home: Path
) -> None:
    carnet = demo(tmp_path)
    out = tmp_path / "releve.xlsx"
    export = f"""
from pathlib import Path
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.services import open_service
with open_service(Path({str(carnet)!r}), readonly=True) as service:
    service.export_timesheet(Month(2025, 11), "xlsx", Path({str(out)!r}))
"""
    # Killed once the workbook is written under its temporary name, before the rename.
    assert run_killed_at("os:fsync", export, private_home) == -signal.SIGKILL
    backup = f"""
from pathlib import Path
from ambassadeur_app.services import open_service
from ambassadeur_app.storage.backup import copy_database
with open_service(Path({str(carnet)!r}), readonly=True) as service:
    copy_database(service.carnet.db.conn, Path({str(tmp_path / "copie.ambassadeur")!r}))
"""
    assert run_killed_at("os:fsync", backup, private_home) == -signal.SIGKILL
    # Killed while SQLite writes the copy: its rollback journal is left beside the .part.
    copying = f"""
from pathlib import Path
from ambassadeur_app import partfiles
part = partfiles.part_for(Path({str(tmp_path / "copie2.ambassadeur")!r}))
with partfiles.tracked(part):
    part.write_bytes(b"SQLite format 3")
    Path(str(part) + "-journal").write_bytes(b"journal")
    import os, signal
    os.kill(os.getpid(), signal.SIGKILL)
"""
    assert run_killed_at("os:getppid", copying, private_home) == -signal.SIGKILL
    leftovers = sorted(p.name for p in tmp_path.glob("*.part*"))
    assert [name.split(".")[0] for name in leftovers] == ["copie", "copie2", "copie2", "releve"]
    assert any(name.endswith(".part-journal") for name in leftovers)
    assert all((tmp_path / name).stat().st_size > 1000 for name in leftovers if "copie2" not in name)
    # Another instance still writing its own .part, and .part files the app never wrote, one of
    # them named as the app's would have been before (« rapport.pdf.part » beside « rapport.pdf »).
    alive = partfiles.part_for(tmp_path / "en-cours.pdf")
    alive.write_bytes(b"%PDF-")
    strangers = [tmp_path / "telechargement.zip.part", tmp_path / "releve.xlsx.part"]
    for stranger in strangers:
        stranger.write_bytes(b"PK")
    with partfiles.tracked(alive):
        assert run("--carnet", carnet, "check", home=private_home).returncode == 0
        remaining = sorted(p.name for p in tmp_path.glob("*.part*"))
        assert remaining == sorted([alive.name, *(s.name for s in strangers)])
    exported = run(
        "--carnet", carnet, "export", "releve", "--mois", "2025-11", "--format", "xlsx", "--sortie", out,
        home=private_home,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert all(stranger.read_bytes() == b"PK" for stranger in strangers)


def test_the_close_and_its_documents_agree_whenever_the_process_dies(
    tmp_path: Path, private_home: Path
) -> None:
    """Real `cloturer` runs killed at spread-out moments: a document saying "clôturé" exists
    only for a closed month, and the next start leaves no .part behind."""
    carnet = demo(tmp_path)
    env = {**os.environ, "AMBASSADEUR_HOME": str(private_home)}
    command = [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet), "cloturer", "--mois"]
    outcomes: set[tuple[bool, int]] = set()
    for attempt, delay in enumerate((0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)):
        out = tmp_path / f"essai-{attempt}"
        out.mkdir()
        month = Month(2025, 10 + attempt % 2)
        with subprocess.Popen([*command, str(month), "--dossier", str(out)], env=env) as process:
            time.sleep(delay)
            process.kill()
        with open_service(carnet, readonly=True) as service:
            closed = service.month_lock(month) is not None
        documents = [p for p in out.iterdir() if p.suffix in (".xlsx", ".pdf")]
        for document in documents:
            assert closed, f"{document.name} written for a month still open"
            if document.suffix == ".xlsx":
                texts = [c for row in openpyxl.load_workbook(document).active.iter_rows(values_only=True)
                         for c in row if isinstance(c, str)]  # fmt: skip
                assert any("clôturé" in t for t in texts)
        outcomes.add((closed, len(documents)))
        if closed:
            assert run(
                "--carnet", carnet, "rouvrir", "--mois", str(month), "--motif", "essai", home=private_home
            )
        assert run("--carnet", carnet, "check", home=private_home).returncode == 0
        assert list(out.glob("*.part")) == []
    # Which moments the kills hit depends on the machine's speed; the deterministic tests above
    # cover the kill just before the commit.
    assert outcomes


def test_a_note_whose_lock_is_held_is_never_cleaned(tmp_path: Path) -> None:
    part = tmp_path / "x.pdf.part"
    part.write_bytes(b"x")
    with partfiles.tracked(part):
        note = next(partfiles.journal_dir().glob("*.txt"))
        assert LockFile(note.with_suffix(".lock")).acquire() is False  # held by another handle
        assert partfiles.clean_leftovers() == []
    assert part.exists()  # the writer finished: its file is its own business (renamed or removed)
    assert list(partfiles.journal_dir().iterdir()) == []
