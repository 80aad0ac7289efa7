"""A folder in the making (a justification pack's staging) left by a killed writer is removed at
the next start, as a ``.part`` file is; one still being written, or a link, is left alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from ambassadeur_app import partfiles


def killed_while_writing(folder: Path, home: Path) -> None:
    """Run a writer that notes ``folder``, fills it, and is killed (kill -9) in the middle."""
    code = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from ambassadeur_app import partfiles\n"
        f"folder = Path({str(folder)!r})\n"
        "with partfiles.tracked(folder):\n"
        "    (folder / 'sous-dossier').mkdir(parents=True)\n"
        "    (folder / 'sous-dossier' / 'facture.pdf').write_bytes(b'%PDF')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "AMBASSADEUR_HOME": str(home)}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == -signal.SIGKILL


def test_a_killed_writer_s_folder_is_removed_at_the_next_start(tmp_path: Path, private_home: Path) -> None:
    out = tmp_path / "envoi"
    staging = out / "dossier.1a2b3c.part"
    killed_while_writing(staging, private_home)
    assert (staging / "sous-dossier" / "facture.pdf").exists()
    (out / "garder.txt").write_text("x")
    assert partfiles.clean_leftovers() == [staging]
    assert [p.name for p in out.iterdir()] == ["garder.txt"]
    assert list(partfiles.journal_dir().iterdir()) == []


def test_a_folder_being_written_or_a_link_is_left_alone(tmp_path: Path, private_home: Path) -> None:
    staging = tmp_path / "dossier.4d5e6f.part"
    with partfiles.tracked(staging):
        staging.mkdir()
        assert partfiles.clean_leftovers() == []  # its writer is at work
    assert staging.is_dir()
    kept = tmp_path / "vrai-dossier"
    kept.mkdir()
    link = tmp_path / "lien.0a0b0c.part"
    link.symlink_to(kept, target_is_directory=True)
    killed_while_writing(link, private_home)
    assert partfiles.clean_leftovers() == []
    assert (kept / "sous-dossier" / "facture.pdf").exists()  # never removed through a link
