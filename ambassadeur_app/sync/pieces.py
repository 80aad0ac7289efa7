"""The attached files (quotes, invoices, signed sign-in sheets) travel beside the change files.

An attachment's row travels like any record; its file, kept in the carnet's attachment folder
under its SHA-256, is put once into the shared folder by the copy that has it, encrypted like a
change file, as ``<copy id>/pieces/<sha256><extension>``. A copy that has the row but not the file
takes it from there, checks its SHA-256 and size, and stores it; a file still on its way waits for
the next sync.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ambassadeur_app.errors import os_reason
from ambassadeur_app.storage.attachments import store_folder
from ambassadeur_app.storage.backup import PIECE_NAME, read_piece, write_piece
from ambassadeur_app.storage.db import Carnet
from ambassadeur_app.storage.sealed import KdfParams
from ambassadeur_app.sync.files import COPY_NAME, Incomplete, Keys, Refused, seal, unseal, write_file

PIECES = "pieces"
SUFFIX = ".piece"


def _shared(folder: Path) -> dict[str, Path]:
    """The attached files in the shared folder, by stored name (the first copy's that has it)."""
    found: dict[str, Path] = {}
    try:
        copies = [entry / PIECES for entry in folder.iterdir() if COPY_NAME.fullmatch(entry.name)]
    except OSError:
        return found
    for pieces in copies:
        try:
            names = [entry for entry in pieces.iterdir() if entry.name.endswith(SUFFIX)]
        except OSError:
            continue
        for entry in names:
            name = entry.name.removesuffix(SUFFIX)
            if PIECE_NAME.fullmatch(name):
                found.setdefault(name, entry)
    return found


def send(carnet: Carnet, folder: Path, replica: str, keys: Keys, salt: bytes, params: KdfParams) -> int:
    """Put into the shared folder the attached files it does not hold yet; return how many."""
    shared = _shared(folder)
    store = store_folder(carnet.path)
    sent = 0
    for attachment in carnet.attachments.stored():
        name = attachment.stored_name
        if name in shared:
            continue
        data = read_piece(store / name, attachment)
        if data is None:
            continue  # not on this laptop (yet): the other one sends it
        write_file(folder / replica / PIECES / f"{name}{SUFFIX}", seal(data, keys, salt, params))
        shared[name] = folder / replica / PIECES / f"{name}{SUFFIX}"
        sent += 1
    return sent


def _kept(path: Path, size: int) -> bool:
    """Whether the store has the file already (named by its SHA-256: its size is checked, not
    its content, so that a sync does not read every attached file each time)."""
    try:
        return path.is_file() and not path.is_symlink() and path.stat().st_size == size
    except OSError:
        return False


def fetch(carnet: Carnet, folder: Path, keys: Keys) -> tuple[int, list[str]]:
    """Store the attached files this carnet lacks from the shared folder; return how many, and
    the French problems met (a file refused, a store that cannot be written)."""
    shared = _shared(folder)
    store = store_folder(carnet.path)
    fetched, problems = 0, []
    for attachment in carnet.attachments.stored():
        name = attachment.stored_name
        if name not in shared or _kept(store / name, attachment.size):
            continue
        try:
            data = unseal(shared[name].read_bytes(), keys, f"{PIECES}/{name}")
        except (Incomplete, OSError):
            continue  # still on its way
        except Refused as exc:
            problems.append(exc.message)
            continue
        if len(data) != attachment.size or hashlib.sha256(data).hexdigest() != attachment.sha256:
            problems.append(
                f"La pièce jointe « {attachment.filename} » du dossier partagé ne correspond pas à sa "
                "fiche : elle est ignorée."
            )
            continue
        try:
            write_piece(store, name, data)
        except OSError as exc:
            problems.append(
                f"La pièce jointe « {attachment.filename} » n'a pas pu être rangée : {os_reason(exc)}."
            )
            continue
        fetched += 1
    return fetched, problems
