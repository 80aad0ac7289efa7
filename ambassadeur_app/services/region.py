"""The regional view: the figures of many CPTS, read from their justification packs (checked
against their manifest) or from read-only copies of their carnets (plain, or encrypted by
``backup --chiffrer``: decrypted with their passphrase into a private temporary folder; a wrong
passphrase stops the whole reading).

A carnet is never opened in place: its file (and its write-ahead log, if any) is copied into a
private temporary folder and the copy is read, so the file received is never modified, nor
anything beside it. A pack (a folder or a .zip written by ``ambassadeur dossier``) is checked
file by file against its manifest (present, size, SHA-256) before its figures are read: from its
``chiffres.json`` (written since format 1 of that file), cross-checked against its bilan
d'exécution, else from that bilan alone (older packs). A pack is « vérifié » only when every file
is as its manifest lists it, the manifest lists the bilan and the timesheets of every month of the
period, and its ``chiffres.json`` says what its bilan says; otherwise it is listed with the reasons
and its figures are marked « non vérifié », never counted in the regional totals. A draft's figures
(the period still runs, or a month is not closed) are counted, marked « provisoire ». An input
that cannot be read, or whose figures are impossible (negative, out of range, a period ending
before it starts, a month paid beyond its cap), is refused with a French reason naming it; the
others are still consolidated.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, fold, printable, too_long
from ambassadeur_app.errors import AppError, os_reason
from ambassadeur_app.paths import CARNET_SUFFIX
from ambassadeur_app.reports.manifest import (
    CSV_NAME,
    FIGURES_NAME,
    README_NAME,
    TEXT_NAME,
    parse_csv,
    report_path,
)
from ambassadeur_app.storage.sealed import MAGIC, SEALED_SUFFIX, WrongPassphrase

if TYPE_CHECKING:
    from ambassadeur_app.domain.bilan import Bilan
    from ambassadeur_app.domain.indicators import Indicator
    from ambassadeur_app.services.carnet import CarnetService

BILAN_PATH = report_path("bilan", "xlsx")
MAX_ENTRY_BYTES = 512 * 1024 * 1024  # a pack's file larger than this is not a pack's (a zip bomb)
MAX_PACK_BYTES = 4 * 1024 * 1024 * 1024
_CHUNK = 1 << 20
# The bilan's labels the regional view reads (reports/bilan.py writes them).
MONTH_HEADER = ("Mois", "Heures saisies")
EXPENSE_HEADER = ("Date", "Fournisseur")
INDICATOR_HEADER = ("Indicateur", "Objectif")
GRANT_LABEL = "Subvention FIR (ARS Grand Est) accordée"
RECEIVED_LABEL = "Versements reçus"
VERIFIED = "vérifié"
DRAFT = "provisoire"
VERIFIED_DRAFT = f"{VERIFIED} ({DRAFT})"  # counted, its figures can still change
NOT_VERIFIED = "non vérifié"
FIGURES_FORMAT = "ambassadeur-chiffres"
FIGURES_VERSION = 1
# No count of minutes or cents of one CPTS comes near this: beyond, the file is forged or garbled
# (and the documents' arithmetic would overflow).
MAX_FIGURE = 10**15
MAX_INDICATORS = 200


class RegionInputError(AppError):
    """An input the regional view cannot read: its message names the file and the reason."""


class PassphraseRefused(AppError):
    """The passphrase given for the encrypted copy ``path`` does not open it: the whole reading
    stops, so that nothing is written from a mistyped passphrase."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


# Given the path of an encrypted copy, return its passphrase, or None when none was given (the
# CLI asks it or reads it from ``AMBASSADEUR_PHRASE_SECRETE``, the window asks it).
Passphrase = Callable[[Path], str | None]
NO_PASSPHRASE = "copie chiffrée d'un carnet : sa phrase secrète n'a pas été saisie"


@dataclass(frozen=True)
class IndicatorLine:
    title: str
    target: str
    result: str
    status: str


@dataclass(frozen=True)
class CptsFigures:
    """One CPTS's figures for the regional view, from its carnet or its pack."""

    cpts: str
    departement: str
    start_date: date
    end_date: date
    worked_minutes: int
    funded_minutes: int
    hourly_cents: int  # the hourly forfait's amount, within the caps
    event_cents: int  # the part of the expenses taken on the forfait événement
    grant_cents: int
    received_cents: int | None  # None: no payment recorded
    indicators: tuple[IndicatorLine, ...]
    events_held: int | None = None  # the events done; None: unknown (a pack's bilan does not say)
    draft: bool = False  # the bilan is a draft: the period still runs, or a month is not closed

    @property
    def period(self) -> str:
        return _period_text(self.start_date, self.end_date)

    @property
    def total_cents(self) -> int:
        return self.hourly_cents + self.event_cents

    @property
    def balance_cents(self) -> int:
        """Return what the ARS still owes (positive) or what the CPTS returns (negative)."""
        return min(self.grant_cents, self.total_cents) - (self.received_cents or 0)


@dataclass(frozen=True)
class InputResult:
    """One input file: its kind, SHA-256, what its check found, and its figures (if read)."""

    path: Path
    kind: str  # « carnet », « copie chiffrée », « dossier », « dossier .zip », or « inconnu »
    sha256: str
    verified: bool
    problems: tuple[str, ...]
    figures: CptsFigures | None

    @property
    def status(self) -> str:
        if self.figures is None:
            return "refusé : " + " ; ".join(self.problems)
        if not self.verified:
            return f"{NOT_VERIFIED} : " + " ; ".join(self.problems)
        return VERIFIED_DRAFT if self.figures.draft else VERIFIED

    @property
    def refused(self) -> bool:
        return self.figures is None or not self.verified


@dataclass(frozen=True)
class Consolidation:
    inputs: list[InputResult]

    @property
    def counted(self) -> list[CptsFigures]:
        """Return the figures counted in the regional totals: those verified."""
        return [i.figures for i in self.inputs if i.figures is not None and i.verified]

    def counted_text(self) -> str:
        """Return « 3 CPTS comptées (dont 1 provisoire) »: what the totals hold, in French."""
        from ambassadeur_app.domain.formatting import plural

        counted = self.counted
        text = plural(len(counted), "CPTS comptée", "CPTS comptées")
        if drafts := sum(figures.draft for figures in counted):
            text += f" (dont {plural(drafts, 'provisoire')})"
        return text


def name_key(text: str) -> str:
    """Return the key two names of the same CPTS share: whatever their case, accents, Unicode
    form (NFC or NFD), invisible characters and spaces (``fold`` of ``printable``)."""
    return fold(printable(text))


def consolidate(
    paths: list[Path], today: Callable[[], date] = date.today, passphrase: Passphrase | None = None
) -> Consolidation:
    """Read each input; a duplicate of a CPTS and period already read is refused (the CPTS' names
    compared as ``name_key`` folds them). ``passphrase`` gives the passphrase of an encrypted copy
    of a carnet (without it, such a copy is refused).

    Raises:
        PassphraseRefused: a passphrase does not open its copy.
    """
    results: list[InputResult] = []
    seen: dict[tuple[str, date, date], Path] = {}
    for path in paths:
        result = read_input(Path(path), today, passphrase)
        figures = result.figures
        if figures is not None and result.verified:
            key = (name_key(figures.cpts), figures.start_date, figures.end_date)
            if key in seen:
                problem = f"doublon : la même CPTS et la même période que « {seen[key].name} »"
                result = replace(result, figures=None, problems=(*result.problems, problem))
            else:
                seen[key] = path
        results.append(result)
    return Consolidation(results)


def inputs_in(folder: Path) -> list[Path]:
    """Return what to consolidate in ``folder``: itself when it is a pack, else, by name, the
    packs (folders with a manifest, .zip), the carnets and their encrypted copies it holds; a
    pack's .zip beside the same pack's folder is left out (one CPTS, read once)."""
    if (folder / CSV_NAME).is_file():
        return [folder]
    found = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        if path.is_dir():
            if (path / CSV_NAME).is_file():
                found.append(path)
        elif path.suffix.lower() in (CARNET_SUFFIX, SEALED_SUFFIX) or (
            path.suffix.lower() == ".zip" and not (path.with_suffix("") / CSV_NAME).is_file()
        ):
            found.append(path)
    return found


def read_input(
    path: Path, today: Callable[[], date] = date.today, passphrase: Passphrase | None = None
) -> InputResult:
    """Read one input: a carnet file, an encrypted copy of one, a pack folder or a pack .zip;
    never raises for its content.

    Raises:
        PassphraseRefused: the passphrase does not open an encrypted copy.
    """
    kind, sha = "inconnu", ""
    try:
        if path.is_dir():
            kind = "dossier"
            if (path / CSV_NAME).is_file():
                sha = _sha256(path / CSV_NAME)  # a folder is known by its manifest's SHA-256
            return _read_pack(path, _FolderPack(path), kind, sha)
        if not path.exists():
            raise RegionInputError("fichier introuvable")
        sha = _sha256(path)
        with open(path, "rb") as handle:
            head = handle.read(16)
        if head.startswith(b"SQLite format 3"):
            kind = "carnet"
            return InputResult(path, kind, sha, True, (), _carnet_figures(path, today))
        if head.startswith(MAGIC):
            kind = "copie chiffrée"
            return InputResult(path, kind, sha, True, (), _sealed_figures(path, passphrase, today))
        if head.startswith(b"PK"):
            kind = "dossier .zip"
            return _read_zip(path, kind, sha)
        raise RegionInputError(
            "ni un carnet, ni un dossier de justification (dossier ou .zip écrit par « ambassadeur dossier »)"
        )
    except WrongPassphrase as exc:
        raise PassphraseRefused(f"{exc.message} La vue régionale n'a pas été écrite.", path) from exc
    except AppError as exc:
        problem = exc.message
    except sqlite3.Error as exc:
        problem = f"carnet illisible ({exc})"
    except OSError as exc:
        problem = f"fichier illisible ({os_reason(exc)})"
    return InputResult(path, kind, sha, False, (problem,), None)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- carnets ----------------------------------------------------------------------------------


@contextmanager
def _private_copy(path: Path) -> Iterator[Path]:
    """Copy a carnet (and its write-ahead log) into a temporary folder: only the copy is opened."""
    with tempfile.TemporaryDirectory(prefix="ambassadeur-region-") as folder:
        copy = Path(folder) / "carnet.ambassadeur"
        shutil.copyfile(path, copy)
        wal = Path(f"{path}-wal")
        if wal.is_file():
            shutil.copyfile(wal, f"{copy}-wal")
        yield copy


def _carnet_figures(path: Path, today: Callable[[], date], received: Path | None = None) -> CptsFigures:
    """Read the figures of the carnet ``path`` (decrypted from ``received``, if given)."""
    from ambassadeur_app.services.carnet import CarnetService
    from ambassadeur_app.storage.db import open_carnet

    received = received or path
    with _private_copy(path) as copy:
        try:
            carnet = open_carnet(
                copy, device_id="region", backup_root=copy.parent / "sauvegardes", readonly=True
            )
        except AppError as exc:
            # The message names the file received, not its private copy.
            message = exc.message.replace(str(copy.resolve()), str(received)).replace(
                str(copy), str(received)
            )
            raise RegionInputError(message) from exc
        with CarnetService(carnet, today) as service:
            if not service.is_set_up:
                raise RegionInputError("carnet non paramétré (aucune CPTS ni période)")
            return figures_of(service, service.bilan.bilan()[0], service.indicators.all())


def _sealed_figures(path: Path, passphrase: Passphrase | None, today: Callable[[], date]) -> CptsFigures:
    """Decrypt the encrypted copy ``path`` (``backup --chiffrer``) into a private temporary
    folder and read its carnet there; the copy received is only read.

    Raises:
        RegionInputError: no passphrase given. WrongPassphrase. SealedCopyError: a damaged copy.
    """
    from ambassadeur_app.storage.sealed import SINGLE_FILE_VERSION, unpack_archive, unseal_file

    phrase = passphrase(path) if passphrase is not None else None
    if phrase is None:
        raise RegionInputError(NO_PASSPHRASE)
    with tempfile.TemporaryDirectory(prefix="ambassadeur-region-") as folder:
        archive, carnet = Path(folder) / "copie.tar", Path(folder) / "carnet.ambassadeur"
        if unseal_file(path, phrase, archive) == SINGLE_FILE_VERSION:
            archive.replace(carnet)  # a copy made before attachments: the carnet file alone
        else:
            unpack_archive(archive, path, carnet, Path(folder) / "pieces")
        return _carnet_figures(carnet, today, received=path)


def figures_of(service: CarnetService, bilan: Bilan, indicators: list[Indicator]) -> CptsFigures:
    """Return a carnet's figures for the regional view, from its bilan and its indicators."""
    from ambassadeur_app.domain.events import EventStatus

    programme = bilan.programme
    return CptsFigures(
        cpts=programme.cpts_name,
        departement=f"{programme.departement_code} {programme.departement_name}".strip(),
        start_date=programme.start_date,
        end_date=programme.end_date,
        worked_minutes=sum(m.worked_minutes for m in bilan.months),
        funded_minutes=sum(m.claim.funded_minutes for m in bilan.months),
        hourly_cents=bilan.hourly_cents,
        event_cents=bilan.event_cents,
        grant_cents=bilan.grant_cents,
        received_cents=bilan.received_cents if bilan.payments else None,
        indicators=tuple(
            IndicatorLine(i.title, i.target_text, i.current_text, i.status_text) for i in indicators
        ),
        events_held=len(service.events.event_ids(status=EventStatus.DONE)),
        draft=bilan.draft,
    )


def _period_text(start: date, end: date) -> str:
    from ambassadeur_app.domain.formatting import format_date

    return f"du {format_date(start)} au {format_date(end)}"


# --- chiffres.json ----------------------------------------------------------------------------


def write_figures(service: CarnetService, bilan: Bilan, indicators: list[Indicator], out: Path) -> Path:
    """Write the pack's machine-readable figures (``chiffres.json``) to ``out``."""
    out.write_text(figures_json(figures_of(service, bilan, indicators), bilan), encoding="utf-8")
    return out


def figures_json(figures: CptsFigures, bilan: Bilan) -> str:
    """Return the figures as the JSON text of ``chiffres.json`` (amounts in cents, durations in
    minutes, dates ISO 8601; ``versements_recus`` null when no payment is recorded;
    ``provisoire`` true while the bilan is a draft: its period runs, or a month is not closed)."""
    document = {
        "format": FIGURES_FORMAT,
        "version": FIGURES_VERSION,
        "cpts": figures.cpts,
        "departement": figures.departement,
        "periode": {"debut": figures.start_date.isoformat(), "fin": figures.end_date.isoformat()},
        "situation_au": bilan.today.isoformat(),
        "provisoire": figures.draft,
        "heures_minutes": {"saisies": figures.worked_minutes, "financees": figures.funded_minutes},
        "montants_centimes": {
            "forfait_horaire_dans_le_plafond": figures.hourly_cents,
            "forfait_evenement": figures.event_cents,
            "total_des_forfaits": figures.total_cents,
            "subvention_accordee": figures.grant_cents,
            "versements_recus": figures.received_cents,
            "solde": figures.balance_cents,
        },
        "evenements_tenus": figures.events_held,
        "indicateurs": [
            {"indicateur": i.title, "objectif": i.target, "resultat": i.result, "etat": i.status}
            for i in figures.indicators
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def figures_from_json(data: bytes) -> CptsFigures:
    """Read the figures of a pack's ``chiffres.json``.

    Raises:
        RegionInputError: not JSON, another format, a newer version, a missing, mistyped or
            impossible field (each figure from 0 to ``MAX_FIGURE``), a period ending before it
            starts, or totals that do not add up; the message names the field.
    """
    try:
        document = json.loads(data.decode("utf-8"))
    except RecursionError as exc:
        raise RegionInputError(f"{FIGURES_NAME} illisible (imbrication démesurée)") from exc
    except UnicodeDecodeError as exc:
        raise RegionInputError(f"{FIGURES_NAME} illisible (pas du JSON : pas du texte UTF-8)") from exc
    except json.JSONDecodeError as exc:
        raise RegionInputError(f"{FIGURES_NAME} illisible (pas du JSON)") from exc
    except ValueError as exc:  # an integer of more than 4 300 digits
        raise RegionInputError(f"{FIGURES_NAME} illisible (un nombre démesuré)") from exc
    if not isinstance(document, dict) or document.get("format") != FIGURES_FORMAT:
        raise RegionInputError(f"{FIGURES_NAME} d'une forme inattendue")
    version = _integer(document, "version", low=1)
    if version > FIGURES_VERSION:
        raise RegionInputError(
            f"{FIGURES_NAME} d'une version plus récente ({version}) : mettez l'application à jour"
        )
    figures = CptsFigures(
        cpts=_text(document, "cpts"),
        departement=_text(document, "departement"),
        start_date=_date(document, "periode.debut"),
        end_date=_date(document, "periode.fin"),
        worked_minutes=_integer(document, "heures_minutes.saisies"),
        funded_minutes=_integer(document, "heures_minutes.financees"),
        hourly_cents=_integer(document, "montants_centimes.forfait_horaire_dans_le_plafond"),
        event_cents=_integer(document, "montants_centimes.forfait_evenement"),
        grant_cents=_integer(document, "montants_centimes.subvention_accordee"),
        received_cents=_optional_integer(document, "montants_centimes.versements_recus"),
        indicators=_indicators(document),
        events_held=_optional_integer(document, "evenements_tenus"),
        draft=_field(document, "provisoire", bool, "true ou false"),
    )
    totals = (
        _integer(document, "montants_centimes.total_des_forfaits"),
        _integer(document, "montants_centimes.solde", low=-MAX_FIGURE),
    )
    if totals != (figures.total_cents, figures.balance_cents):
        raise RegionInputError(f"{FIGURES_NAME} incohérent : ses totaux ne sont pas la somme de ses montants")
    _check_possible(figures, FIGURES_NAME)
    return figures


def _check_possible(figures: CptsFigures, source: str) -> None:
    """Refuse figures no bilan can give: a period ending before it starts, more hours funded
    than logged.

    Raises:
        RegionInputError: naming ``source`` and what is impossible.
    """
    from ambassadeur_app.domain.formatting import format_date

    if figures.end_date < figures.start_date:
        raise RegionInputError(
            f"{source} incohérent : sa période finit ({format_date(figures.end_date)}) avant de commencer "
            f"({format_date(figures.start_date)})"
        )
    if figures.funded_minutes > figures.worked_minutes:
        raise RegionInputError(f"{source} incohérent : plus d'heures financées que d'heures saisies")


def _field(document: dict[str, Any], path: str, kind: type, expected: str) -> Any:
    """Return the value at ``path`` (keys joined by dots, a number the rank in a list from 1),
    checked to be a ``kind`` (a bool is not an int here); ``expected`` says in French what it
    must be.

    Raises:
        RegionInputError: missing or mistyped, naming the field.
    """
    value: Any = document
    keys = path.split(".")
    for depth, key in enumerate(keys):
        if isinstance(value, list) and key.isdigit() and 1 <= int(key) <= len(value):
            value = value[int(key) - 1]
        elif isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, dict) or (isinstance(value, list) and key.isdigit()):
            raise RegionInputError(f"{FIGURES_NAME} incomplet : il y manque « {path} »")
        else:
            raise RegionInputError(
                f"{FIGURES_NAME} d'une forme inattendue : « {'.'.join(keys[:depth])} » doit être un "
                f"objet (il vaut {_described(value)})"
            )
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RegionInputError(
            f"{FIGURES_NAME} d'une forme inattendue : « {path} » doit être {expected} "
            f"(il vaut {_described(value)})"
        )
    return value


def _integer(document: dict[str, Any], path: str, low: int = 0) -> int:
    """Return the integer at ``path``, from ``low`` to ``MAX_FIGURE``."""
    expected = f"un nombre entier de {low} à 10^15" if low >= 0 else "un nombre entier de -10^15 à 10^15"
    value: int = _field(document, path, int, expected)
    if not low <= value <= MAX_FIGURE:
        raise RegionInputError(
            f"{FIGURES_NAME} impossible : « {path} » doit être {expected} (il vaut {_described(value)})"
        )
    return value


def _optional_integer(document: dict[str, Any], path: str) -> int | None:
    """Return the integer at ``path`` (from 0 to ``MAX_FIGURE``), or ``None`` for a JSON null."""
    return None if _field(document, path, object, "") is None else _integer(document, path)


def _text(document: dict[str, Any], path: str) -> str:
    text: str = _field(document, path, str, "un texte")
    if len(text) > MAX_TEXT_LENGTH:
        raise RegionInputError(f"{FIGURES_NAME} impossible : « {path} » est un {too_long(len(text))}")
    return text


def _date(document: dict[str, Any], path: str) -> date:
    text = _field(document, path, str, "une date AAAA-MM-JJ")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise RegionInputError(
            f"{FIGURES_NAME} d'une forme inattendue : « {path} » doit être une date AAAA-MM-JJ "
            f"(il vaut {_described(text)})"
        ) from exc


def _indicators(document: dict[str, Any]) -> tuple[IndicatorLine, ...]:
    lines: list[Any] = _field(document, "indicateurs", list, "une liste")
    if len(lines) > MAX_INDICATORS:
        raise RegionInputError(
            f"{FIGURES_NAME} impossible : {len(lines)} indicateurs ({MAX_INDICATORS} au plus)"
        )
    keys = ("indicateur", "objectif", "resultat", "etat")
    return tuple(
        IndicatorLine(*(_text(document, f"indicateurs.{n}.{key}") for key in keys))
        for n in range(1, len(lines) + 1)
    )


def _described(value: Any) -> str:
    """Return a JSON value as a reader may see it in a message: short, never the whole value."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        digits = len(str(abs(value)))
        return str(value) if digits <= 18 else f"un nombre de {digits} chiffres"
    if isinstance(value, str):
        return f"« {printable(value)} »" if len(value) <= 40 else "un texte"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN ou l'infini, qui ne sont pas des nombres"
    kinds = {float: "un nombre à virgule", list: "une liste", dict: "un objet"}
    return kinds.get(type(value), type(value).__name__)


# --- packs ------------------------------------------------------------------------------------


class _FolderPack:
    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> set[str]:
        return {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()}

    def size(self, name: str) -> int:
        return (self.root / name).stat().st_size

    def open(self, name: str) -> Any:
        return open(self.root / name, "rb")


class _ZipPack:
    """A pack's zip: its files under one top folder (``dossier/…``)."""

    def __init__(self, bundle: zipfile.ZipFile) -> None:
        self.bundle = bundle
        self.current: str | None = None  # the file being read: a damaged one is named
        infos = [i for i in bundle.infolist() if not i.is_dir()]
        for info in infos:
            if info.flag_bits & 0x1:
                raise RegionInputError(
                    "archive .zip protégée par un mot de passe : l'application ne lit pas les .zip "
                    "chiffrés ; demandez le .zip tel qu'écrit par « ambassadeur dossier --zip »"
                )
            parts = info.filename.replace("\\", "/").split("/")
            if info.filename.startswith(("/", "\\")) or ".." in parts:
                raise RegionInputError(
                    f"archive .zip suspecte : « {printable(info.filename)} » pointe hors de l'archive "
                    "(chemin absolu ou avec « .. ») : non lue"
                )
        counts = Counter(i.filename for i in infos)
        if twice := sorted(name for name in counts if counts[name] > 1):
            # Tools disagree on which of the two they show: the one checked might not be the one read.
            raise RegionInputError(
                f"archive .zip suspecte : « {printable(twice[0])} » y figure deux fois : non lue"
            )
        tops = {i.filename.split("/", 1)[0] for i in infos}
        self.prefix = f"{tops.pop()}/" if len(tops) == 1 and all("/" in i.filename for i in infos) else ""
        self.infos = {i.filename.removeprefix(self.prefix): i for i in infos}
        if sum(i.file_size for i in infos) > MAX_PACK_BYTES:
            raise RegionInputError("archive .zip démesurée (plus de 4 Go une fois décompressée) : non lue")

    def names(self) -> set[str]:
        return set(self.infos)

    def size(self, name: str) -> int:
        return self.infos[name].file_size

    def open(self, name: str) -> Any:
        self.current = name
        return self.bundle.open(self.infos[name])


def _read_zip(path: Path, kind: str, sha: str) -> InputResult:
    """Read a pack's .zip; a damaged, truncated, encrypted or unknown zip is refused with its
    reason in French (never the library's English text)."""
    pack = None
    try:
        with zipfile.ZipFile(path) as bundle:
            pack = _ZipPack(bundle)
            return _read_pack(path, pack, kind, sha)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        member = pack.current if pack is not None else None
        if member is None:
            reason = "archive .zip tronquée ou abîmée : sa table des fichiers est introuvable ou altérée"
        elif isinstance(exc, NotImplementedError):
            reason = (
                f"archive .zip d'un format que l'application ne lit pas (« {member} » : compression ou "
                "chiffrement non pris en charge) : refaites-la avec « ambassadeur dossier --zip »"
            )
        else:
            reason = f"archive .zip abîmée ou tronquée : « {member} » ne se décompresse pas à l'identique"
        raise RegionInputError(reason) from exc


def _read(pack: Any, name: str) -> bytes:
    """Read a file of a pack whole, refusing one larger than ``MAX_ENTRY_BYTES``."""
    with pack.open(name) as handle:
        data: bytes = handle.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise RegionInputError(f"fichier démesuré dans le dossier : « {name} »")
    return data


def _hash_of(pack: Any, name: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with pack.open(name) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > MAX_ENTRY_BYTES:
                raise RegionInputError(f"fichier démesuré dans le dossier : « {name} »")
            digest.update(chunk)
    return size, digest.hexdigest()


def verify_manifest(pack: Any) -> tuple[set[str], list[str]]:
    """Return the files a pack's manifest lists, and what differs between the pack and its
    manifest (empty: every file as listed)."""
    names = pack.names()
    if CSV_NAME not in names:
        raise RegionInputError(f"pas de manifeste ({CSV_NAME}) : ce n'est pas un dossier de justification")
    try:
        entries = parse_csv(_read(pack, CSV_NAME))
    except (ValueError, UnicodeDecodeError) as exc:
        raise RegionInputError(f"manifeste illisible ({CSV_NAME})") from exc
    problems = []
    counts = Counter(entry.path for entry in entries)
    problems += [f"le manifeste liste deux fois : {name}" for name in sorted(counts) if counts[name] > 1]
    for entry in entries:
        if entry.path not in names:
            problems.append(f"fichier manquant : {entry.path}")
        elif pack.size(entry.path) != entry.size or _hash_of(pack, entry.path) != (entry.size, entry.sha256):
            problems.append(f"fichier modifié : {entry.path}")
    listed = {e.path for e in entries}
    problems += [
        f"fichier absent du manifeste : {name}"
        for name in sorted(names - listed - {CSV_NAME, TEXT_NAME, README_NAME})
    ]
    return listed, problems


def _read_pack(path: Path, pack: Any, kind: str, sha: str) -> InputResult:
    """Check a pack against its manifest, then read its ``chiffres.json`` and check it against
    its bilan, or read its bilan alone (a pack written before that file)."""
    listed, problems = verify_manifest(pack)
    names = pack.names()
    figures = figures_from_json(_read(pack, FIGURES_NAME)) if FIGURES_NAME in names else None
    bilan = None
    if BILAN_PATH in names:
        try:
            bilan = bilan_figures(_read(pack, BILAN_PATH))
        except RegionInputError as exc:
            if figures is None:
                raise
            problems.append(exc.message)
    if figures is None:
        if bilan is None:
            raise RegionInputError(f"le dossier ne contient pas le bilan d'exécution ({BILAN_PATH})")
        figures = bilan
    elif bilan is not None and (differ := disagreements(figures, bilan)):
        problems.append(f"{FIGURES_NAME} ne concorde pas avec le bilan : " + ", ".join(differ))
    problems += unlisted(figures, listed)
    return InputResult(path, kind, sha, not problems, tuple(problems), figures)


def unlisted(figures: CptsFigures, listed: set[str]) -> list[str]:
    """Say which of the pieces a pack must hold its manifest does not list: the bilan, and
    the timesheets (xlsx and PDF) of every month of the period."""
    from ambassadeur_app.domain.dates import Month, months_between
    from ambassadeur_app.domain.formatting import plural
    from ambassadeur_app.reports.manifest import timesheet_path
    from ambassadeur_app.services.pack import FORMATS

    problems = []
    if BILAN_PATH not in listed:
        problems.append(f"le manifeste ne liste pas le bilan d'exécution ({BILAN_PATH})")
    months = months_between(Month.of(figures.start_date), Month.of(figures.end_date))
    missing = [path for m in months for fmt in FORMATS if (path := timesheet_path(m, fmt)) not in listed]
    if missing:
        what = plural(len(missing), "relevé d'heures", "relevés d'heures")
        problems.append(f"le manifeste ne liste pas {what} de la période ({missing[0]}…)")
    return problems


# What chiffres.json must say as its bilan says it: names and texts compared as ``name_key``
# folds them (a document drops the characters it cannot hold).
_CROSS_CHECKED: tuple[tuple[str, Callable[[CptsFigures], object]], ...] = (
    ("CPTS", lambda f: name_key(f"{f.cpts} — {f.departement}")),
    ("période", lambda f: (f.start_date, f.end_date)),
    ("statut provisoire", lambda f: f.draft),
    ("heures saisies", lambda f: f.worked_minutes),
    ("heures financées", lambda f: f.funded_minutes),
    ("forfait horaire", lambda f: f.hourly_cents),
    ("forfait événement", lambda f: f.event_cents),
    ("subvention accordée", lambda f: f.grant_cents),
    ("versements reçus", lambda f: f.received_cents),
    ("indicateurs", lambda f: [tuple(map(name_key, astuple(line))) for line in f.indicators]),
)


def disagreements(figures: CptsFigures, bilan: CptsFigures) -> list[str]:
    """Return what ``figures`` (a pack's chiffres.json) says otherwise than its bilan."""
    return [what for what, value in _CROSS_CHECKED if value(figures) != value(bilan)]


def bilan_figures(data: bytes) -> CptsFigures:
    """Read a CPTS's figures from the bilan d'exécution workbook of its pack.

    Raises:
        RegionInputError: not a workbook, not a bilan, or impossible figures (negative, out of
            range, a month paid beyond its cap).
    """
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        money: list[list[Any]] = [
            list(row) for row in workbook["Bilan financier"].iter_rows(values_only=True)
        ]
        quality: list[list[Any]] = [
            list(row) for row in workbook["Bilan qualitatif"].iter_rows(values_only=True)
        ]
    except Exception as exc:  # openpyxl raises many kinds on a garbled file
        raise RegionInputError(f"bilan d'exécution illisible ({BILAN_PATH})") from exc
    try:
        header = {str(row[0]): str(row[1]) for row in money[1:4] if row and len(row) > 1}
        cpts, _, departement = header["CPTS"].partition(" — ")
        start, _, end = header["Expérimentation"].rpartition(", du ")[2].rpartition(" (")[0].partition(" au ")
        months = _table(money, MONTH_HEADER)
        expenses = _table(money, EXPENSE_HEADER)
        labels = [row[0] if row else None for row in money]
        grant_row = labels.index(GRANT_LABEL)
        received_row = labels.index(RECEIVED_LABEL, grant_row)
        payments = [row[2] for row in money[grant_row + 1 : received_row] if isinstance(row[2], (int, float))]
        for row in months:
            # Hours logged = not counted + beyond the cap + funded; the amount within the cap.
            worked, excluded, over, funded = (_bilan_number(v, 60) for v in row[1:5])
            if worked != excluded + over + funded:
                raise RegionInputError(
                    f"bilan d'exécution incohérent ({BILAN_PATH}) : "
                    f"les heures de {row[0]} ne s'additionnent pas"
                )
            if _bilan_number(row[6], 100) > _bilan_number(row[5], 100):
                raise RegionInputError(
                    f"bilan d'exécution incohérent ({BILAN_PATH}) : le forfait horaire de {row[0]} "
                    "dépasse le plafond du mois"
                )
        figures = CptsFigures(
            cpts=cpts,
            departement=departement,
            start_date=datetime.strptime(start, "%d/%m/%Y").date(),
            end_date=datetime.strptime(end, "%d/%m/%Y").date(),
            worked_minutes=sum(_bilan_number(row[1], 60) for row in months),
            funded_minutes=sum(_bilan_number(row[4], 60) for row in months),
            hourly_cents=sum(_bilan_number(row[6], 100) for row in months),
            event_cents=sum(_bilan_number(row[10], 100) for row in expenses),
            grant_cents=_bilan_number(money[grant_row][2], 100),
            received_cents=sum(_bilan_number(p, 100) for p in payments) if payments else None,
            indicators=tuple(
                IndicatorLine(*(str(v or "") for v in row[:4])) for row in _table(quality, INDICATOR_HEADER)
            ),
            draft=header["Statut"].startswith("BROUILLON"),
        )
    except (KeyError, ValueError, IndexError, TypeError, OverflowError, StopIteration) as exc:
        raise RegionInputError(f"bilan d'exécution d'une forme inattendue ({BILAN_PATH})") from exc
    _check_possible(figures, f"bilan d'exécution ({BILAN_PATH})")
    return figures


def _bilan_number(value: Any, unit: int) -> int:
    """Return a bilan's number (hours, euros) in ``unit`` (60: minutes, 100: cents).

    Raises:
        TypeError: not a number.
        ValueError: negative or beyond ``MAX_FIGURE``.
    """
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f"{value!r} is not a number")
    if not 0 <= value * unit <= MAX_FIGURE:  # also refuses NaN
        raise ValueError(f"{value!r} is out of range")
    return round(value * unit)


def _table(rows: list[list[Any]], header: tuple[str, str]) -> list[list[Any]]:
    """Return the rows of the table under ``header`` (its first two titles), to its empty row."""
    start = next(i for i, row in enumerate(rows) if tuple(row[:2]) == header) + 1
    found = []
    for row in rows[start:]:
        if not row or row[0] in (None, ""):
            break
        found.append(row)
    return found
