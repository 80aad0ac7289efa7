"""The change files of the shared folder: their names, their encrypted format, what is skipped.

The shared folder holds ``carnet-partage.json`` (which shared carnet this is) and one sub-folder
per copy of the carnet, named by the copy's id, where only that copy writes::

    <dossier>/carnet-partage.json
    <dossier>/<copy id>/00000001.changes      # the first one of the sharing copy: the snapshot
    <dossier>/<copy id>/00000002.changes ...

Only names of exactly that form are read: what sync engines leave while transferring
(``.syncthing.*.tmp``, ``~…``, ``….part``) and their conflict copies (« (conflicted copy) »,
« conflit ») never match. A file is written under a temporary name and renamed once complete
(``partfiles.written_in_place_of``).

Format: the scheme of the encrypted copies (``storage/sealed.py``: scrypt then AES-256-GCM from
``cryptography``), in one piece since a change file is small::

    magic      8 bytes  b"AMBSYNC1"
    version    1 byte   1
    log2_n, r, p        scrypt's cost (checked by ``KdfParams.acceptable``)
    salt      16 bytes  the writing copy's (one key derivation per copy and per sync)
    nonce     12 bytes  random, per file
    length     8 bytes  of the encrypted body
    checksum  32 bytes  SHA-256 of the encrypted body
    mac       32 bytes  HMAC-SHA256 of the fields above, with scrypt's second half

then the body: AES-GCM of the zlib-compressed JSON (an attached file's bytes, for ``pieces``),
the fields as associated data. A file shorter
or longer than its length, or whose checksum fails, is still on its way (or garbled): it is
skipped, and read again at the next sync. A wrong mac is another passphrase.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ambassadeur_app.errors import CarnetError, os_reason
from ambassadeur_app.partfiles import written_in_place_of
from ambassadeur_app.storage.sealed import DEFAULT_KDF, KdfParams, derive_keys

MAGIC = b"AMBSYNC1"
VERSION = 1
IDENTITY_NAME = "carnet-partage.json"
SUFFIX = ".changes"
FILE_NAME = re.compile(r"(\d{8})" + re.escape(SUFFIX))
COPY_NAME = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_FIELDS = struct.Struct(">8sBBBB16s12sQ32s")
_MAC_SIZE = 32
HEADER_SIZE = _FIELDS.size + _MAC_SIZE
_VERIFIER = b"ambassadeur: phrase du carnet partage"


class Incomplete(Exception):
    """The file is shorter or longer than it says, or its checksum fails: still being copied."""


class Refused(CarnetError):
    """The file can never be applied (another passphrase, altered, not a change file); French."""


class OtherPassphrase(Refused):
    """The file was encrypted with another passphrase."""


def file_name(number: int) -> str:
    return f"{number:08d}{SUFFIX}"


@dataclass(frozen=True)
class ChangeFile:
    """A readable change file of the shared folder (not yet opened)."""

    replica: str
    number: int
    path: Path


def change_files(folder: Path) -> dict[str, list[ChangeFile]]:
    """The change files of every copy in the shared folder, by copy id, in their order."""
    found: dict[str, list[ChangeFile]] = {}
    try:
        copies = [entry for entry in folder.iterdir() if COPY_NAME.fullmatch(entry.name) and entry.is_dir()]
    except OSError as exc:
        raise CarnetError(f"Le dossier partagé « {folder} » est illisible : {os_reason(exc)}.") from exc
    for copy in copies:
        files = []
        try:
            for entry in copy.iterdir():
                made = FILE_NAME.fullmatch(entry.name)
                if made and int(made[1]) > 0:
                    files.append(ChangeFile(copy.name, int(made[1]), entry))
        except OSError:
            continue  # a copy's folder being created or moved by the sync engine: next time
        found[copy.name] = sorted(files, key=lambda change: change.number)
    return found


class Keys:
    """The binôme's passphrase, and the keys derived from it for each salt (scrypt once each)."""

    def __init__(self, passphrase: str) -> None:
        self.passphrase = passphrase
        self._derived: dict[tuple[bytes, KdfParams], tuple[bytes, bytes]] = {}

    def derive(self, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
        key = (salt, params)
        if key not in self._derived:
            self._derived[key] = derive_keys(self.passphrase, salt, params)
        return self._derived[key]

    def verifier(self, salt: bytes, params: KdfParams) -> bytes:
        """What the carnet keeps to tell the right passphrase at the next sync (no secret)."""
        return hmac.digest(self.derive(salt, params)[1], _VERIFIER, hashlib.sha256)


def kdf_text(params: KdfParams) -> str:
    return f"{params.log2_n},{params.r},{params.p}"


def kdf_params(text: str) -> KdfParams:
    if not text:
        return DEFAULT_KDF
    log2_n, r, p = (int(part) for part in text.split(","))
    return KdfParams(log2_n, r, p)


def encode(payload: dict[str, Any], keys: Keys, salt: bytes, params: KdfParams) -> bytes:
    """The bytes of a change file holding ``payload``."""
    return seal(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(), keys, salt, params)


def decode(data: bytes, keys: Keys, name: str) -> dict[str, Any]:
    """The payload of a change file's bytes.

    Raises:
        Incomplete: still being copied (or garbled on the way). Refused: never applicable.
    """
    try:
        payload = json.loads(unseal(data, keys, name))
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise Refused(f"« {name} » n'est pas un fichier de changements du Carnet de bord : il est ignoré.")
    return payload


def seal(plain: bytes, keys: Keys, salt: bytes, params: KdfParams) -> bytes:
    """Compress and encrypt ``plain`` into the bytes of a shared-folder file."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key, mac_key = keys.derive(salt, params)
    packed = zlib.compress(plain, 6)
    nonce = os.urandom(12)
    length = len(packed) + 16  # AES-GCM adds its 16-byte tag
    # The checksum covers the body, which depends on the fields: computed on a provisional
    # header, the body is then sealed with the final one as associated data.
    provisional = _FIELDS.pack(MAGIC, VERSION, params.log2_n, params.r, params.p, salt, nonce, length, b"")
    body = AESGCM(key).encrypt(nonce, packed, provisional)
    fields = _FIELDS.pack(
        MAGIC, VERSION, params.log2_n, params.r, params.p, salt, nonce, length, hashlib.sha256(body).digest()
    )
    return fields + hmac.digest(mac_key, fields, hashlib.sha256) + body


def unseal(data: bytes, keys: Keys, name: str) -> bytes:
    """The content of a shared-folder file's bytes.

    Raises:
        Incomplete: still being copied (or garbled on the way). Refused: never applicable.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) < HEADER_SIZE:
        raise Incomplete
    magic, version, log2_n, r, p, salt, nonce, length, checksum = _FIELDS.unpack(data[: _FIELDS.size])
    if magic != MAGIC:
        raise Refused(f"« {name} » n'est pas un fichier de changements du Carnet de bord : il est ignoré.")
    if version > VERSION:
        raise Refused(
            f"« {name} » a été écrit par une version plus récente du Carnet de bord (ou son en-tête est "
            "abîmé) : installez la dernière version de l'application sur cet ordinateur pour l'appliquer."
        )
    body = data[HEADER_SIZE:]
    if len(body) != length or hashlib.sha256(body).digest() != checksum:
        raise Incomplete
    params = KdfParams(log2_n, r, p)
    if not params.acceptable():
        raise Refused(f"« {name} » est endommagé (son en-tête est illisible) : il est ignoré.")
    key, mac_key = keys.derive(salt, params)
    fields = data[: _FIELDS.size]
    if not hmac.compare_digest(
        hmac.digest(mac_key, fields, hashlib.sha256), data[_FIELDS.size : HEADER_SIZE]
    ):
        raise OtherPassphrase(
            f"« {name} » a été chiffré avec une autre phrase secrète que celle de ce carnet, ou modifié "
            "après son écriture : il n'est pas appliqué (les autres fichiers le sont). Vérifiez que les "
            "deux ordinateurs partagent le même carnet avec la même phrase."
        )
    provisional = fields[:-32] + b"\0" * 32
    try:
        return zlib.decompress(AESGCM(key).decrypt(nonce, body, provisional))
    except (InvalidTag, zlib.error):
        raise Refused(f"« {name} » a été modifié après son écriture : il n'est pas appliqué.") from None


def write_file(target: Path, data: bytes) -> None:
    """Write a change file under a temporary name, then rename it (never half a file)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with written_in_place_of(target) as part:
            part.write_bytes(data)
    except OSError as exc:
        raise CarnetError(
            f"Impossible d'écrire dans le dossier partagé « {target.parent} » : {os_reason(exc)}. "
            "Rien n'a été perdu : les changements seront écrits à la prochaine synchronisation."
        ) from exc


def read_identity(folder: Path) -> dict[str, Any] | None:
    """The shared carnet's identity file, or ``None`` when the folder holds none."""
    path = folder / IDENTITY_NAME
    try:
        identity = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise CarnetError(f"Le fichier « {path} » est illisible : il n'a pas été modifié.") from exc
    if not isinstance(identity, dict) or not isinstance(identity.get("carnet"), str):
        raise CarnetError(f"Le fichier « {path} » n'est pas celui d'un carnet partagé.")
    return identity


def write_identity(folder: Path, shared_id: str) -> None:
    data = json.dumps({"format": VERSION, "carnet": shared_id}, indent=2).encode()
    write_file(folder / IDENTITY_NAME, data)
