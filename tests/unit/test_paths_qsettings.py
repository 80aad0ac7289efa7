"""The command line reads the window's last carnet exactly as ``QSettings`` does: names the window
wrote (spaces, quotes, line separators, ``@``…) and hand-edited files (a byte order mark, a key or
a section twice, comments, escapes, other types), compared with a fresh ``QSettings`` each time."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from ambassadeur_app import paths, settings_ini

KEY = "carnet/last"
_files = itertools.count()


def qt_reads(folder: Path, data: bytes) -> object:
    """What a fresh ``QSettings`` reads at ``carnet/last`` in a file holding ``data`` (a new file
    each time: Qt keeps a file it read in memory while its size and time are the same)."""
    path = folder / f"réglages-{next(_files)}.ini"
    path.write_bytes(data)
    return QSettings(str(path), QSettings.Format.IniFormat).value(KEY)


def qt_writes(folder: Path, value: str) -> bytes:
    """The file ``QSettings`` writes for ``carnet/last`` = ``value``, with the window's other key."""
    path = folder / f"écrit-{next(_files)}.ini"
    written = QSettings(str(path), QSettings.Format.IniFormat)
    written.setValue(KEY, value)
    written.setValue("carnet/opens_on", "dashboard")
    written.sync()
    return path.read_bytes()


def assert_read_alike(folder: Path, data: bytes) -> None:
    ours = settings_ini.read_string(data, KEY)
    theirs = qt_reads(folder, data)
    if ours is not None and any(0xD800 <= ord(c) <= 0xDFFF for c in ours):
        return  # PySide6 makes another string of a half of a surrogate pair; paths says None
    assert ours == (theirs if isinstance(theirs, str) else None), data


NAMES = [
    "/home/marie/Mes carnets/carnet 2026.ambassadeur",
    "  /tmp/espaces autour.ambassadeur  ",
    "/tmp/virgule, point-virgule; égal=dièse#.ambassadeur",
    "/tmp/\"guillemets\" et 'apostrophes'.ambassadeur",
    "C:\\Users\\Zoé\\Documents\\carnet.ambassadeur",
    "/tmp/sépar\u2028ateur\u2029de\u0085lignes\x0c\x0b.ambassadeur",
    "/tmp/émoji 😀 — ŒUVRE ß.ambassadeur",
    "@/tmp/arobase.ambassadeur",
    "@@double",
    "@String(pas une chaîne).ambassadeur",
    "/tmp/tab\tretour\rligne\n.ambassadeur",
    "/tmp/\ufeffmarque.ambassadeur",
    "/tmp/barre\\x41 oblique\\n.ambassadeur",
    "/tmp/[carnet]\nlast=autre.ambassadeur",
    "/tmp/chiffres après \x01 1.ambassadeur",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_the_window_wrote_is_read_as_qt_reads_it(
    private_home: Path, tmp_path: Path, name: str
) -> None:
    data = qt_writes(tmp_path, name)
    assert qt_reads(tmp_path, data) == name  # Qt gives back what it wrote
    assert settings_ini.read_string(data, KEY) == name
    paths.settings_file().write_bytes(data)
    assert paths.last_carnet() == Path(name)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"), min_size=1))
@example("\u2028")
@example(" a ")
def test_any_name_the_window_writes_is_read_back(tmp_path: Path, name: str) -> None:
    data = qt_writes(tmp_path, name)
    assert settings_ini.read_string(data, KEY) == qt_reads(tmp_path, data) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeff[carnet]\nlast=/tmp/marque.ambassadeur\n", "/tmp/marque.ambassadeur"),
        ("[carnet]\nlast=/tmp/premier\nlast=/tmp/second\n", "/tmp/second"),
        ("[carnet]\nlast=/tmp/a\n[General]\nx=1\n[carnet]\nlast=/tmp/b\n", "/tmp/b"),
        ("[carnet]\nlast=/tmp/a\n[carnet]\nopens_on=dashboard\n", "/tmp/a"),
        ("[carnet]\nlast=  /tmp/espaces  \n", "/tmp/espaces"),
        ('[carnet]\nlast="  /tmp/espaces  "\n', "  /tmp/espaces  "),
        ("[carnet]\nlast=@String(/tmp/chaîne)\n", "/tmp/chaîne"),
        ("[carnet]\nlast=/tmp/a\u2028b\n", "/tmp/a\u2028b"),
        ("[carnet]\nlast=/tmp/a ; un commentaire\n", "/tmp/a"),
        ("; tête\n[ carnet ]\n  l%61st = /tmp/clé\n", "/tmp/clé"),
        ("[carnet]\nlast=/tmp/suite\\\n  de la ligne\n", "/tmp/suite  de la ligne"),
        ('[carnet]\nlast="/tmp/deux\nlignes"\n', "/tmp/deux\nlignes"),
        ("[carnet]\nlast=/tmp/\\q\\101\\x42\n", "/tmp/AB"),
        ("[carnet]\nlast=/tmp/a, /tmp/b\n", None),  # a list
        ("[carnet]\nlast=@ByteArray(/tmp/a)\n", None),
        ("[carnet]\nlast=@Invalid()\n", None),
        ("[Carnet]\nLast=/tmp/casse\n", None),  # keys are case-sensitive but on Windows
        ("[General]\ncarnet\\last=/tmp/général\n[carnet]\nopens_on=dashboard\n", None),
        ("[carnet]\nlast=/tmp/caché\n[carnet\\a]\nx=1\n", None),  # Qt reads [carnet\a] for the key
        ("[carnet]\nlast=/tmp/vu\n[carnet\\z]\nx=1\n", "/tmp/vu"),
        ("[\ufeffcarnet]\n\ufefflast=/tmp/marques\n", "/tmp/marques"),
    ],
)
def test_a_hand_edited_file_is_read_as_qt_reads_it(
    private_home: Path, tmp_path: Path, text: str, expected: str | None
) -> None:
    data = text.encode()
    theirs = qt_reads(tmp_path, data)
    assert (theirs if isinstance(theirs, str) else None) == expected  # what Qt itself reads
    assert settings_ini.read_string(data, KEY) == expected
    paths.settings_file().write_bytes(data)
    assert paths.last_carnet() == (Path(expected) if expected else None)


def test_keys_are_case_insensitive_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"[Carnet]\nLAST=/tmp/a\n[carnet]\nLast=/tmp/b\n"
    assert settings_ini.read_string(data, KEY) is None
    monkeypatch.setattr(settings_ini.sys, "platform", "win32")
    assert settings_ini.read_string(data, KEY) == "/tmp/b"  # one section, the last key


PIECES = [
    *("[carnet]", "[Carnet]", "[General]", "[carnet\\a]", "[ carnet ]", "[%63arnet]", "[carnet"),
    *(
        "last",
        "\ufefflast",
        "l%61st",
        "LAST",
        "carnet\\last",
        "x=",
        " ",
        "\t",
        "=",
        "\n",
        "\r",
        "\r\n",
        "\\\n",
    ),
    *("\\", '"', ";", ",", "a", "é", "\u2028", "\x85", "😀", "\ufeff", "%", "@", "@@", "@String("),
    *(")", "@Rect(1 2 3 4)", "@Size(", "\\x41", "\\xd83d\\xde00", "\\0", "\\101", "\\n", "\\q"),
]
BYTES = [b"\xc3", b"\xa9", b"\xff", b"\xe2\x82", b"\xef", b"\xbb\xbf", b"\xf0\x80", b"\xed\xa0\x80"]
piece = st.sampled_from([p.encode() for p in PIECES] + BYTES)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(piece, max_size=30), st.lists(piece, max_size=6))
def test_any_hand_edited_file_is_read_as_qt_reads_it(
    tmp_path: Path, value: list[bytes], before: list[bytes]
) -> None:
    assert_read_alike(tmp_path, b"".join(before + value))
    assert_read_alike(tmp_path, b"[carnet]\n" + b"".join(before) + b"\nlast=" + b"".join(value) + b"\n")
