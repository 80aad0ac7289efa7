"""Encrypted copies of a carnet, to carry evidence off the laptop (USB key, shared folder).

The format is a fixed header followed by the encrypted content, in chunks::

    magic        8 bytes   b"AMBCHIFR"
    version      1 byte    2 (1 for the copies of earlier versions of the app)
    suite        1 byte    1 = scrypt + AES-256-GCM
    log2_n       1 byte    scrypt cost (N = 2 ** log2_n)
    r, p         2 bytes   scrypt block size and parallelism
    salt        16 bytes   random, per copy
    prefix       7 bytes   random nonce prefix, per copy
    chunk_size   4 bytes   plaintext bytes per chunk (big-endian)
    header_mac  32 bytes   HMAC-SHA256 of the 40 bytes above

scrypt turns the passphrase (NFC-normalised, UTF-8) into 64 bytes: the first 32 are the AES-256
key, the last 32 authenticate the header, which tells a wrong passphrase (or a damaged header)
apart from a damaged body before anything is decrypted. Each chunk is sealed with AES-GCM
(the "STREAM" construction): its nonce is ``prefix || counter (4 bytes) || last (1 byte)`` and
its associated data is the header, so a chunk moved, dropped, repeated or cut off, a copy
truncated at a chunk boundary, bytes added at the end, or any header change fails to decrypt.

What is encrypted depends on the version. Version 1: the SQLite file alone. Version 2 (since the
carnet has attached files): an uncompressed tar archive (ustar) holding ``carnet.ambassadeur``
first, then each attached file as ``pieces/<sha256><extension>``. A tar because it is the
standard container for files streamed one after the other (written in one pass, without a
second plaintext copy of the scans on disk; readable by any tool once decrypted), and because the
scans are already compressed. The attachments go inside the encrypted file, not beside it: a
single file to carry and to check, and a sign-in sheet full of names is never left readable on a
key. The version was bumped so that an earlier app refuses a new copy with "install the latest
version" instead of calling it damaged; both versions are read.

On the way back, each attached file is hashed before it is put in the carnet's folder: one whose
content does not match its name is refused (the others are restored), one already there is kept.

Nothing here is a home-made cipher: the primitives come from ``cryptography`` (OpenSSL).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import shutil
import struct
import tarfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ambassadeur_app.errors import CarnetError, InvalidInput, os_reason
from ambassadeur_app.partfiles import written_in_place_of
from ambassadeur_app.storage.attachments import MAX_SIZE
from ambassadeur_app.storage.backup import PIECE_NAME, read_piece, write_piece

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from ambassadeur_app.domain.expenses import Attachment

MAGIC = b"AMBCHIFR"
FORMAT_VERSION = 2
SINGLE_FILE_VERSION = 1  # the copies written before attachments: the SQLite file alone
CARNET_MEMBER = "carnet.ambassadeur"
PIECES_MEMBER = "pieces/"
SUITE_SCRYPT_AES256GCM = 1
SEALED_SUFFIX = ".carnet-chiffre"
PASSPHRASE_MIN_LENGTH = 10

_FIELDS = struct.Struct(">8sBBBBB16s7sI")
_MAC_SIZE = 32
HEADER_SIZE = _FIELDS.size + _MAC_SIZE
_TAG_SIZE = 16
_MAX_CHUNKS = 2**32 - 1
DEFAULT_CHUNK_SIZE = 1024 * 1024

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class SealedCopyError(CarnetError):
    """An encrypted copy cannot be read: not one, too new, damaged, or a wrong passphrase."""


class WrongPassphrase(SealedCopyError):
    """The passphrase does not open this copy (or its header was altered)."""


class SealCancelled(CarnetError):
    """The user cancelled the copy; nothing was left behind."""


@dataclass(frozen=True)
class KdfParams:
    """scrypt's cost: memory is 128 × r × 2**log2_n bytes (128 MiB by default)."""

    log2_n: int = 17
    r: int = 8
    p: int = 1

    @property
    def memory_bytes(self) -> int:
        return 128 * self.r * (1 << self.log2_n)

    def acceptable(self) -> bool:
        """Say whether a header's parameters are within what this app would ever write.

        The header is only authenticated after the key is derived: a forged header must not
        make the app allocate gigabytes or spin for hours first.
        """
        return (
            14 <= self.log2_n <= 20
            and 1 <= self.r <= 16
            and 1 <= self.p <= 4
            and (self.memory_bytes <= 512 * 1024 * 1024)
        )


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class _Header:
    version: int
    params: KdfParams
    salt: bytes
    prefix: bytes
    chunk_size: int
    fields: bytes  # the 40 authenticated bytes, also every chunk's associated data
    mac: bytes


def passphrase_problem(passphrase: str) -> str | None:
    """Return why a new passphrase is too weak (French), or ``None`` when it is acceptable."""
    text = passphrase.strip()
    if len(text) < PASSPHRASE_MIN_LENGTH:
        return (
            f"La phrase secrète doit compter au moins {PASSPHRASE_MIN_LENGTH} caractères "
            "(par exemple quatre mots sans rapport entre eux)."
        )
    if len(set(text.casefold())) < 4:
        return "La phrase secrète est trop répétitive : choisissez plusieurs mots différents."
    return None


def check_passphrase(passphrase: str) -> None:
    """Refuse a weak new passphrase.

    Raises:
        InvalidInput: with the French rule it breaks.
    """
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise InvalidInput(problem, "passphrase")


def is_sealed(path: Path) -> bool:
    """Say whether ``path`` starts like an encrypted copy (no passphrase needed)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def suggested_name(carnet: Path, day: str) -> str:
    """Return the file name proposed for an encrypted copy of ``carnet`` made on ``day``."""
    return f"{carnet.stem}-copie-{day}{SEALED_SUFFIX}"


def derive_keys(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    material = Scrypt(salt=salt, length=64, n=2**params.log2_n, r=params.r, p=params.p).derive(secret)
    return material[:32], material[32:]


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _blocks(handle: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """Yield ``(block, is_last)``; an empty input yields one empty last block."""
    current = handle.read(size)
    while True:
        following = handle.read(size)
        yield current, not following
        if not following:
            return
        current = following


class _Sealer:
    """A file-like object that encrypts what is written to it, chunk by chunk, into ``out``."""

    def __init__(
        self,
        out: BinaryIO,
        key: bytes,
        header: _Header,
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.out, self.header, self.total = out, header, total
        self.aead: AESGCM = AESGCM(key)
        self.progress, self.cancelled = progress, cancelled
        self.pending = bytearray()
        self.counter = self.done = 0

    def write(self, data: bytes) -> int:
        self.pending += data
        # A full chunk is kept until more comes: only then is it known not to be the last.
        while len(self.pending) > self.header.chunk_size:
            self._seal(bytes(self.pending[: self.header.chunk_size]), last=False)
            del self.pending[: self.header.chunk_size]
        return len(data)

    def finish(self) -> None:
        self._seal(bytes(self.pending), last=True)  # an empty content is one empty last chunk

    def _seal(self, block: bytes, last: bool) -> None:
        if self.cancelled is not None and self.cancelled():
            raise SealCancelled("Copie annulée : aucun fichier n'a été écrit.")
        nonce = _nonce(self.header.prefix, self.counter, last)
        self.out.write(self.aead.encrypt(nonce, block, self.header.fields))
        self.counter += 1
        self.done += len(block)
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _seal(
    target: Path,
    passphrase: str,
    version: int,
    fill: Callable[[_Sealer], None],
    total: int,
    params: KdfParams,
    chunk_size: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """Write to ``target`` (``.part`` then renamed, read back first) what ``fill`` writes, encrypted."""
    check_passphrase(passphrase)
    salt, prefix = os.urandom(16), os.urandom(7)
    fields = _FIELDS.pack(
        MAGIC, version, SUITE_SCRYPT_AES256GCM, params.log2_n, params.r, params.p, salt, prefix, chunk_size
    )
    key, mac_key = derive_keys(passphrase, salt, params)
    mac = hmac.digest(mac_key, fields, hashlib.sha256)
    header = _Header(version, params, salt, prefix, chunk_size, fields, mac)
    try:
        with written_in_place_of(target) as part:
            with open(part, "xb") as out:
                out.write(fields + header.mac)
                sealer = _Sealer(out, key, header, total, progress, cancelled)
                fill(sealer)
                sealer.finish()
                out.flush()
                os.fsync(out.fileno())
                if hasattr(os, "posix_fadvise"):  # Linux: the read-back then comes from the medium
                    os.posix_fadvise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            # Read back what the medium really holds: a failing key is caught now, not on the
            # day the copy is needed.
            try:
                _open_body(part, header, key, None)
            except SealedCopyError:
                raise CarnetError(
                    f"La copie chiffrée écrite dans « {target.parent} » ne se relit pas à l'identique : "
                    "le support est peut-être défaillant. Aucune copie n'a été gardée ; essayez une "
                    "autre clé ou un autre dossier."
                ) from None
    except OSError as exc:
        raise CarnetError(f"Impossible d'écrire la copie chiffrée « {target} » : {os_reason(exc)}.") from exc


def seal_file(
    source: Path,
    target: Path,
    passphrase: str,
    *,
    params: KdfParams = DEFAULT_KDF,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> None:
    """Encrypt the one file ``source`` into ``target`` (a version 1 copy, as the app wrote before
    it had attachments: the format layer alone, without the archive).

    Raises:
        InvalidInput: weak passphrase. CarnetError: the copy cannot be written.
    """

    def fill(sealer: _Sealer) -> None:
        with open(source, "rb") as plain:
            shutil.copyfileobj(plain, sealer, chunk_size)

    size = source.stat().st_size
    _seal(target, passphrase, SINGLE_FILE_VERSION, fill, size, params, chunk_size, None, None)


def seal_carnet(
    carnet: Path,
    store: Path,
    attachments: Iterable[Attachment],
    target: Path,
    passphrase: str,
    *,
    params: KdfParams = DEFAULT_KDF,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Attachment]:
    """Encrypt the carnet file ``carnet`` and the attached files (from ``store``) into ``target``;
    return the attachments left out because their stored file is missing or changed.

    Raises:
        InvalidInput: weak passphrase. CarnetError: the copy cannot be written (the key was
        removed, the disk is full...); SealCancelled when ``cancelled()`` turned true.
    """
    wanted = list(attachments)
    skipped: list[Attachment] = []
    moment = int(time.time())

    def member(name: str, size: int) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, moment, 0o444
        return info

    def fill(sealer: _Sealer) -> None:
        with tarfile.open(fileobj=sealer, mode="w|", format=tarfile.USTAR_FORMAT) as archive:  # type: ignore[call-overload]
            with open(carnet, "rb") as plain:
                archive.addfile(member(CARNET_MEMBER, carnet.stat().st_size), plain)
            for attachment in wanted:
                data = read_piece(store / attachment.stored_name, attachment)
                if data is None:
                    skipped.append(attachment)
                else:
                    info = member(PIECES_MEMBER + attachment.stored_name, len(data))
                    archive.addfile(info, io.BytesIO(data))

    total = carnet.stat().st_size + sum(a.size for a in wanted)
    _seal(target, passphrase, FORMAT_VERSION, fill, total, params, chunk_size, progress, cancelled)
    return skipped


def _read_header(path: Path) -> _Header:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(HEADER_SIZE)
    except OSError as exc:
        raise SealedCopyError(f"La copie « {path} » est illisible : {os_reason(exc)}.") from exc
    if raw[: len(MAGIC)] != MAGIC:
        raise SealedCopyError(
            f"Le fichier « {path} » n'est pas une copie chiffrée du Carnet de bord. Rien n'a été modifié."
        )
    damaged = (
        f"La copie chiffrée « {path} » est endommagée (son en-tête est illisible) : elle ne peut "
        "pas être restaurée. Rien n'a été modifié."
    )
    if len(raw) < HEADER_SIZE:
        raise SealedCopyError(damaged)
    _, version, suite, log2_n, r, p, salt, prefix, chunk_size = _FIELDS.unpack(raw[: _FIELDS.size])
    if version > FORMAT_VERSION:
        raise SealedCopyError(
            f"La copie « {path} » a été faite par une version plus récente du Carnet de bord "
            f"(format {version}) : installez la dernière version de l'application pour la restaurer. "
            "Rien n'a été modifié."
        )
    params = KdfParams(log2_n, r, p)
    if (
        version < SINGLE_FILE_VERSION
        or suite != SUITE_SCRYPT_AES256GCM
        or not params.acceptable()
        or not 4096 <= chunk_size <= 64 * 1024 * 1024
    ):
        raise SealedCopyError(damaged)
    return _Header(
        version, params, salt, prefix, chunk_size, raw[: _FIELDS.size], raw[_FIELDS.size : HEADER_SIZE]
    )


def _unlock(path: Path, passphrase: str) -> tuple[_Header, bytes]:
    header = _read_header(path)
    key, mac_key = derive_keys(passphrase, header.salt, header.params)
    if not hmac.compare_digest(hmac.digest(mac_key, header.fields, hashlib.sha256), header.mac):
        raise WrongPassphrase(
            f"La phrase secrète ne correspond pas à la copie « {path.name} » (vérifiez les "
            "majuscules, les accents et les espaces), ou le début du fichier est endommagé. "
            "Rien n'a été modifié."
        )
    return header, key


def _open_body(
    path: Path, header: _Header, key: bytes, out: BinaryIO | None, progress: Progress | None = None
) -> None:
    """Decrypt every chunk of ``path`` (into ``out`` when given); raise at the first bad one."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(key)
    total = max(path.stat().st_size - HEADER_SIZE, 0)
    done = 0
    with open(path, "rb") as handle:
        handle.seek(HEADER_SIZE)
        for counter, (block, last) in enumerate(_blocks(handle, header.chunk_size + _TAG_SIZE)):
            try:
                if counter >= _MAX_CHUNKS:
                    raise InvalidTag
                plain = aead.decrypt(_nonce(header.prefix, counter, last), block, header.fields)
            except InvalidTag:
                where = "elle est incomplète ou" if last else "elle est"
                raise SealedCopyError(
                    f"La copie chiffrée « {path} » est endommagée : {where} altérée à partir de "
                    f"l'octet {HEADER_SIZE + counter * (header.chunk_size + _TAG_SIZE)} "
                    "(fichier coupé, modifié ou mal copié). Elle ne peut pas être restaurée ; "
                    "rien n'a été modifié."
                ) from None
            if out is not None:
                out.write(plain)
            done += len(block)
            if progress is not None:
                progress(done, total)


def unseal_file(path: Path, passphrase: str, target: Path, progress: Progress | None = None) -> int:
    """Decrypt the copy ``path`` into ``target``; on any failure, ``target`` does not exist.
    Return the copy's format version (what ``target`` holds: 1, the carnet file; 2, the archive).

    Raises:
        SealedCopyError: not an encrypted copy, too new, damaged or truncated copy;
            WrongPassphrase. CarnetError: ``target`` cannot be written.
    """
    header, key = _unlock(path, passphrase)
    try:
        with open(target, "wb") as out:
            _open_body(path, header, key, out, progress)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        with suppress(OSError):
            target.unlink(missing_ok=True)
        raise CarnetError(f"Impossible de déchiffrer la copie « {path} » : {os_reason(exc)}.") from exc
    except BaseException:
        with suppress(OSError):
            target.unlink(missing_ok=True)
        raise
    return header.version


def unpack_archive(archive: Path, copy: Path, carnet: Path, store: Path) -> list[str]:
    """Write the carnet of a decrypted version 2 ``archive`` to ``carnet`` and put its attached
    files into ``store``; return the names of the files refused (content not matching the name).

    Every member is checked before anything is written: an archive holding anything else than
    one carnet and attached files is refused whole.

    Raises:
        SealedCopyError: not the archive of a copy (``copy`` names it). CarnetError: ``carnet`` or
            ``store`` cannot be written.
    """
    refused = []
    try:
        with tarfile.open(archive, "r:") as tar:
            members = tar.getmembers()
            pieces = [m for m in members if m.name.startswith(PIECES_MEMBER)]
            sound = (
                [m.name for m in members if m not in pieces] == [CARNET_MEMBER]
                and all(m.isfile() for m in members)
                and all(PIECE_NAME.fullmatch(m.name[len(PIECES_MEMBER) :]) for m in pieces)
            )
            if not sound:
                raise tarfile.TarError
            with tar.extractfile(CARNET_MEMBER) as source, open(carnet, "xb") as out:  # type: ignore[union-attr]
                shutil.copyfileobj(source, out)
            for piece in pieces:
                name = piece.name[len(PIECES_MEMBER) :]
                with tar.extractfile(piece) as source:  # type: ignore[union-attr]
                    data = source.read(MAX_SIZE + 1)
                if hashlib.sha256(data).hexdigest() != name[:64]:
                    refused.append(name)
                else:
                    write_piece(store, name, data)
    except (tarfile.TarError, EOFError):
        raise SealedCopyError(
            f"La copie chiffrée « {copy} » ne contient pas un carnet du Carnet de bord : elle ne peut "
            "pas être restaurée. Rien n'a été modifié."
        ) from None
    except OSError as exc:
        raise CarnetError(
            f"Impossible de restaurer la copie « {copy} » : {os_reason(exc)}. Le carnet n'a pas été remplacé."
        ) from exc
    return refused


def verify_sealed(path: Path, passphrase: str) -> None:
    """Check that ``passphrase`` opens ``path`` and that every chunk is intact (writes nothing)."""
    header, key = _unlock(path, passphrase)
    try:
        _open_body(path, header, key, None)
    except OSError as exc:
        raise SealedCopyError(f"La copie « {path} » est illisible : {os_reason(exc)}.") from exc


def check_opens(path: Path, passphrase: str) -> None:
    """Check that ``passphrase`` opens ``path``'s header (one key derivation, no decryption).

    Raises:
        SealedCopyError: not an encrypted copy, too new, damaged header; WrongPassphrase.
    """
    _unlock(path, passphrase)
