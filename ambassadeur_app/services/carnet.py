"""The carnet's use-cases, put together: the core (``core.py``: programme, binôme, entries,
months), the register (``register.py``) and its imports, timesheets, month closing and
spreadsheet imports of entries (checked before anything is written).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month, utc_now_iso
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.model import Ambassador, Mission, MonthLock, Role, TimeEntry
from ambassadeur_app.domain.rules import date_warnings
from ambassadeur_app.domain.text import fold, printable
from ambassadeur_app.errors import ExportError, InvalidInput, MonthClosed, describe_os_error
from ambassadeur_app.partfiles import part_for, tracked
from ambassadeur_app.services.core import CarnetCore, Today
from ambassadeur_app.storage.backup import Backup, BackupKind
from ambassadeur_app.storage.db import open_carnet
from ambassadeur_app.storage.records import communes

if TYPE_CHECKING:
    from ambassadeur_app.importers.carnet import CarnetLine, LineProblem
    from ambassadeur_app.reports.timesheet import Timesheet
    from ambassadeur_app.services.agenda import AgendaService
    from ambassadeur_app.services.bilan import BilanService
    from ambassadeur_app.services.events import EventsService
    from ambassadeur_app.services.expenses import ExpensesService
    from ambassadeur_app.services.indicators import IndicatorsService
    from ambassadeur_app.services.pack import PackService
    from ambassadeur_app.services.planning import PlanningService
    from ambassadeur_app.services.register import RegisterService
    from ambassadeur_app.services.register_imports import RegisterImports
    from ambassadeur_app.services.surveys import SurveysService
    from ambassadeur_app.services.sync import SyncService
    from ambassadeur_app.services.timer import TimerService
    from ambassadeur_app.storage.imports import ImportRecord

TIMESHEET_FORMATS = ("xlsx", "pdf")


@dataclass(frozen=True)
class EntrySuggestions:
    """What the quick entry offers: the last mission, each mission's last activity, the places."""

    last_mission: Mission | None
    last_activity: dict[Mission, str]
    places: list[str]


@dataclass
class ImportPreview:
    """What an import would do, shown to the user before anything is written."""

    path: Path
    lines: list[CarnetLine]
    new_ambassadors: list[str] = field(default_factory=list)
    new_activities: list[tuple[Mission, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[CarnetLine]:
        return [line for line in self.lines if line.valid and not line.duplicate]

    @property
    def invalid(self) -> list[CarnetLine]:
        return [line for line in self.lines if not line.valid]

    @property
    def duplicates(self) -> list[CarnetLine]:
        return [line for line in self.lines if line.valid and line.duplicate]

    @property
    def problems(self) -> list[LineProblem]:
        return [problem for line in self.invalid for problem in line.problems]

    def newcomers(self) -> list[str]:
        """Name the ambassadors the import adds to the carnet, unknown there (a typo, most often),
        each with the lines it would import: « Sophie Leroy » (lignes 3, 5)."""
        named = []
        for name in self.new_ambassadors:
            lines = [str(line.line) for line in self.valid if fold(line.ambassador) == fold(name)]
            if lines:
                named.append(f"« {name} » ({'ligne' if len(lines) == 1 else 'lignes'} {', '.join(lines)})")
        return named


def import_noun(record: ImportRecord) -> str:
    """What an import's lines became: entries, answers or register records."""
    return {"carnet": "entrée", "reponses": "réponse"}.get(record.kind, "fiche")


def undo_warning(record: ImportRecord) -> str:
    """What undoing an import will do, said before the user confirms."""
    if record.kind == "carnet":
        return (
            f"Les entrées qu'il a ajoutées ({record.row_count}) seront retirées du carnet, ainsi que "
            "les ambassadeurs et activités qu'il avait créés."
        )
    if record.kind == "reponses":
        return f"Les réponses qu'il a ajoutées ({record.row_count}) seront retirées."
    return (
        f"Les fiches qu'il a créées ou complétées ({record.row_count}) seront retirées ou remises "
        "dans leur état d'avant l'import."
    )


def undone_text(record: ImportRecord, count: int) -> str:
    """What undoing an import did."""
    if record.kind == "carnet":
        return plural(count, "entrée retirée", "entrées retirées")
    if record.kind == "reponses":
        return plural(count, "réponse retirée", "réponses retirées")
    return plural(count, "fiche retirée ou rétablie", "fiches retirées ou rétablies")


@dataclass(frozen=True)
class ImportOutcome:
    import_id: str
    imported: int
    skipped_invalid: int
    skipped_duplicates: int


def unused_names(names: list[Path]) -> list[Path]:
    """Return ``names``, or their first ``-cloture-N`` version (N = 2, 3…) none of which exists:
    a relevé written by an earlier closing of the month (maybe signed) is never replaced."""
    found = names
    number = 1
    while any(path.exists() for path in found):
        number += 1
        found = [path.with_stem(f"{path.stem}-cloture-{number}") for path in names]
    return found


def earlier_timesheet_kept(month: Month, written: list[Path]) -> str:
    """Return what to say when a closing's relevé ``written`` took a ``-cloture-N`` name (see
    ``unused_names``): the relevé of an earlier closing of ``month`` is kept as it was; else ""."""
    from ambassadeur_app.reports.timesheet import timesheet_stem

    if not written or written[0].stem == timesheet_stem(month):
        return ""
    return (
        "Le relevé d'une clôture précédente de ce mois est gardé tel quel : le nouveau s'appelle "
        f"« {written[0].stem} »."
    )


def open_service(
    path: Path | None = None,
    *,
    create: bool = False,
    readonly: bool = False,
    today: Today = date.today,
    integrity_check: bool = True,
) -> CarnetService:
    """Open the carnet at ``path`` (the user's default carnet when ``None``); with
    ``integrity_check=False`` the day's check is left to the caller (see ``open_carnet``)."""
    carnet = open_carnet(
        path or paths.default_carnet_path(),
        device_id=paths.device_id(),
        backup_root=paths.backup_root(),
        create=create,
        readonly=readonly,
        integrity_check=integrity_check,
    )
    return CarnetService(carnet, today)


class CarnetService(CarnetCore):
    """The operations on one open carnet: the core's, the register's, timesheets and imports."""

    # The register and its imports are built on first use: a command that never touches them
    # (an export, a summary) does not import them.
    @cached_property
    def register(self) -> RegisterService:
        from ambassadeur_app.services.register import RegisterService

        return RegisterService(self)

    @cached_property
    def events(self) -> EventsService:
        from ambassadeur_app.services.events import EventsService

        return EventsService(self, self.register)

    @cached_property
    def surveys(self) -> SurveysService:
        from ambassadeur_app.services.surveys import SurveysService

        return SurveysService(self, self.events)

    @cached_property
    def expenses(self) -> ExpensesService:
        from ambassadeur_app.services.expenses import ExpensesService

        return ExpensesService(self, self.events)

    @cached_property
    def indicators(self) -> IndicatorsService:
        from ambassadeur_app.services.indicators import IndicatorsService

        return IndicatorsService(self)  # the repositories only: not the other services' modules

    @cached_property
    def planning(self) -> PlanningService:
        from ambassadeur_app.services.planning import PlanningService

        return PlanningService(self, self.events)

    @cached_property
    def pack(self) -> PackService:
        from ambassadeur_app.services.pack import PackService

        return PackService(self)

    @cached_property
    def bilan(self) -> BilanService:
        from ambassadeur_app.services.bilan import BilanService

        return BilanService(self, self.register, self.events, self.expenses, self.planning)

    @cached_property
    def timer(self) -> TimerService:
        from ambassadeur_app.services.timer import TimerService

        return TimerService(self)

    @cached_property
    def register_imports(self) -> RegisterImports:
        from ambassadeur_app.services.register_imports import RegisterImports

        return RegisterImports(self, self.register)

    @cached_property
    def sync(self) -> SyncService:
        from ambassadeur_app.services.sync import SyncService

        return SyncService(self)

    @cached_property
    def agenda(self) -> AgendaService:
        from ambassadeur_app.services.agenda import AgendaService

        return AgendaService(self, self.register)

    def entry_suggestions(self) -> EntrySuggestions:
        """Return the mission and each mission's activity saved last and the places to complete
        from: those of the entries and the communes of the register (read from indexes: the
        start-up stays quick on a carnet of 100 000 entries)."""
        last = self.carnet.entries.last_activities()
        places = {fold(place): place for place in self.carnet.entries.places()}
        for table in ("professionals", "structures"):
            for commune in communes(self.carnet.db, table):
                places.setdefault(fold(commune), commune)
        return EntrySuggestions(
            max(last, key=lambda mission: last[mission][0]) if last else None,
            {mission: activity for mission, (_, activity) in last.items()},
            sorted(places.values(), key=fold),
        )

    def close_month(self, month: Month, folder: Path | None = None) -> list[Path]:
        """Close a month and write its timesheet (xlsx and PDF) into ``folder``.

        Returns the written files (none when ``folder`` is ``None``).

        Raises:
            MonthClosed: already closed; InvalidInput: the month has not begun.
        """
        if self.carnet.months.active(month) is not None:
            raise MonthClosed(f"Le mois {month.of_label()} est déjà clôturé.")
        if month.first_day > self.today():
            raise InvalidInput(
                f"Le mois {month.of_label()} n'a pas commencé : il ne peut pas être clôturé.",
                "mois",
            )
        if folder is None:
            with self.carnet.write():
                self.carnet.months.close(month)
            return []
        # The documents say "Mois clôturé le …": they get their names only once the close is
        # committed, so a crash never leaves one for a month that is still open.
        sheet = self._timesheet(month, None, MonthLock("", month, utc_now_iso()))
        finals = unused_names([folder / f"{sheet.file_stem()}.{fmt}" for fmt in TIMESHEET_FORMATS])
        staged = [part_for(final) for final in finals]
        with ExitStack() as notes:
            for part in staged:
                notes.enter_context(tracked(part))
            try:
                for fmt, part in zip(TIMESHEET_FORMATS, staged, strict=True):
                    self._write(sheet, fmt, part)
                with self.carnet.write(backup=False):  # the names first: the backup takes time
                    self.carnet.months.close(month)
            except BaseException:
                for part in staged:
                    with suppress(OSError):  # never hides why the closing failed
                        part.unlink(missing_ok=True)
                raise
            try:
                for part, final in zip(staged, finals, strict=True):
                    part.replace(final)
            except OSError as exc:
                raise ExportError(
                    f"Le mois {month.of_label()} est clôturé, mais son relevé n'a pas pu être mis à "
                    f"sa place : {describe_os_error(exc)} Exportez-le à nouveau (menu Fichier)."
                ) from exc
            finally:
                self.carnet.daily_backup()
        return finals

    def reopen_month(self, month: Month, reason: str) -> None:
        """Reopen a closed month; the reason is printed on its next timesheet."""
        lock = self.carnet.months.active(month)
        if lock is None:
            raise InvalidInput(f"Le mois {month.of_label()} n'est pas clôturé.", "mois")
        if len(printable(reason).strip()) < 3:
            raise InvalidInput(
                "Indiquez le motif de la réouverture : il sera imprimé sur le relevé.", "motif"
            )
        with self.carnet.write():
            while lock is not None:  # a month closed on both laptops of a merged carnet: each closure
                self.carnet.months.reopen(lock, " ".join(reason.split()))
                lock = self.carnet.months.active(month)
            if self.sync.shared:
                self.sync.engine.reopened_here(str(month))

    # --- documents ----------------------------------------------------------------------------

    def _timesheet(
        self, month: Month, ambassador_id: str | None, extra_lock: MonthLock | None = None
    ) -> Timesheet:
        ambassadors = self.ambassadors()
        only = None
        if ambassador_id:
            only = next((a for a in ambassadors if a.id == ambassador_id), None)
            if only is None:
                raise InvalidInput("Cet ambassadeur n'existe pas dans le carnet.", "ambassadeur")
        locks = self.carnet.months.history(month) + ([extra_lock] if extra_lock else [])
        from ambassadeur_app.reports.timesheet import build_timesheet

        return build_timesheet(
            self.programme(),
            month,
            self.carnet.entries.in_range(month.first_day, month.last_day),
            ambassadors,
            locks,
            self.today(),
            only,
            left_cents=self.period_left(month),
        )

    def timesheet(self, month: Month, ambassador_id: str | None = None) -> Timesheet:
        return self._timesheet(month, ambassador_id)

    def _write(self, sheet: Timesheet, fmt: str, out: Path) -> Path:
        from ambassadeur_app.reports.timesheet import write_pdf, write_xlsx

        if fmt == "xlsx":
            return write_xlsx(sheet, out)
        if fmt == "pdf":
            return write_pdf(sheet, out)
        raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")

    def write_timesheets(
        self,
        month: Month,
        formats: Iterable[str],
        folder: Path,
        ambassador_id: str | None = None,
    ) -> list[Path]:
        """Write a month's timesheet in each format into ``folder``, named after the month."""
        sheet = self._timesheet(month, ambassador_id)
        return [self._write(sheet, fmt, folder / f"{sheet.file_stem()}.{fmt}") for fmt in formats]

    def export_timesheet(self, month: Month, fmt: str, out: Path, ambassador_id: str | None = None) -> Path:
        """Write one month's timesheet (the binôme's, or one ambassador's) to ``out``."""
        return self._write(self._timesheet(month, ambassador_id), fmt, out)

    def find_ambassador(self, name: str) -> Ambassador:
        """Return the ambassador called ``name`` (case and accents ignored).

        Raises:
            InvalidInput: no such ambassador, listing the known names.
        """
        ambassadors = self.ambassadors()
        for ambassador in ambassadors:
            if fold(ambassador.name) == fold(name):
                return ambassador
        known = ", ".join(a.name for a in ambassadors) or "aucun"
        raise InvalidInput(f"Ambassadeur inconnu : « {name} ». Ambassadeurs du carnet : {known}.")

    # --- import -------------------------------------------------------------------------------

    def preview_import(self, path: Path) -> ImportPreview:
        """Read a spreadsheet carnet and check every line against the carnet; write nothing."""
        from ambassadeur_app.importers.carnet import LineProblem, parse_carnet_file

        lines = parse_carnet_file(path)
        preview = ImportPreview(path=path, lines=lines)
        known = {fold(a.name): a for a in self.ambassadors()}
        activities = self.activities()
        closed = self.closed_months()
        programme = self.programme()
        existing = self._signatures(lines)
        alike: dict[tuple[str, ...], list[CarnetLine]] = {}
        day_use: dict[tuple[str, date], int] = {}
        warned = 0
        for line in lines:
            if not line.valid or line.day is None or line.mission is None:
                continue
            ambassador = known.get(fold(line.ambassador))
            if ambassador is None and fold(line.ambassador) not in {fold(n) for n in preview.new_ambassadors}:
                preview.new_ambassadors.append(line.ambassador)
            if not any(fold(a) == fold(line.activity) for a in activities[line.mission]) and not any(
                m is line.mission and fold(a) == fold(line.activity) for m, a in preview.new_activities
            ):
                preview.new_activities.append((line.mission, line.activity))
            month = Month.of(line.day)
            if month in closed:
                line.problems.append(
                    LineProblem(
                        line.line,
                        "Date",
                        format_date(line.day),
                        f"Le mois {month.of_label()} est clôturé",
                    )
                )
                continue
            key = (fold(line.ambassador), line.day)
            # A newcomer has no id yet: the folded name keeps two newcomers' lines apart.
            signature = _signature(line, ambassador.id if ambassador else fold(line.ambassador))
            alike.setdefault(signature, []).append(line)
            if existing.get(signature):
                # Counted, not collapsed: each entry of the carnet stands for one line of the
                # file, and two identical sessions on the same day are possible.
                existing[signature] -= 1
                line.duplicate = True
                continue
            if key not in day_use:
                day_use[key] = self.carnet.entries.day_minutes(ambassador.id, line.day) if ambassador else 0
            if day_use[key] + line.minutes > 24 * 60:
                line.problems.append(
                    LineProblem(
                        line.line,
                        "Durée",
                        format_duration(line.minutes),
                        f"{line.ambassador} dépasserait 24 h le {format_date(line.day)}",
                    )
                )
                continue
            day_use[key] += line.minutes
            if date_warnings(line.day, programme, self.today()):
                warned += 1
        if warned:
            preview.warnings.append(
                f"{plural(warned, 'ligne')} hors de la période de l'expérimentation ou dans le "
                "futur : importées mais non comptées dans les heures financées."
            )
        skipped = [line.line for line in preview.duplicates]
        if skipped:
            preview.warnings.append(
                f"{plural(len(skipped), 'ligne')} déjà dans le carnet, donc "
                f"{'ignorée' if len(skipped) == 1 else 'ignorées'} : {', '.join(map(str, skipped))}."
            )
        for group in alike.values():
            kept = [line for line in group if line.valid]
            imported = sum(not line.duplicate for line in kept)
            if len(kept) > 1 and imported:
                already = f", {len(kept) - imported} déjà dans le carnet" if len(kept) > imported else ""
                preview.warnings.append(
                    f"Lignes {', '.join(str(line.line) for line in kept)} identiques entre elles : chacune "
                    f"compte comme une séance ({plural(imported, 'importée')}{already})."
                )
        return preview

    def _signatures(self, lines: list[CarnetLine]) -> dict[tuple[str, ...], int]:
        """Count the carnet's entries by signature over the days the file covers."""
        days = [line.day for line in lines if line.day is not None]
        counts: dict[tuple[str, ...], int] = {}
        if days:
            for entry in self.carnet.entries.in_range(min(days), max(days)):
                signature = _signature(entry, entry.ambassador_id)
                counts[signature] = counts.get(signature, 0) + 1
        return counts

    def apply_import(self, preview: ImportPreview, skip_invalid: bool = False) -> ImportOutcome:
        """Write the valid lines of a previewed import as one undoable import.

        Raises:
            InvalidInput: invalid lines and ``skip_invalid`` is false (nothing is written).
        """
        if preview.invalid and not skip_invalid:
            raise InvalidInput(
                f"{plural(len(preview.invalid), 'ligne invalide', 'lignes invalides')} dans "
                f"« {preview.path.name} » : rien n'a été importé. Corrigez le fichier ou "
                "choisissez d'ignorer les lignes invalides."
            )
        lines = preview.valid
        if not lines:
            raise InvalidInput(f"Aucune ligne à importer dans « {preview.path.name} ».")
        self.carnet.backup(BackupKind.BEFORE_IMPORT)
        with self.carnet.write():
            import_id = self.carnet.imports.add("carnet", preview.path.name, len(lines))
            by_name = {fold(a.name): a.id for a in self.ambassadors()}
            has_medical = any(a.role is Role.MEDICAL for a in self.ambassadors())
            for line in lines:
                if fold(line.ambassador) not in by_name:
                    role = Role.ADMINISTRATIF if has_medical else Role.MEDICAL
                    has_medical = True
                    by_name[fold(line.ambassador)] = self.carnet.ambassadors.add(
                        Ambassador(id="", name=line.ambassador, role=role), import_id
                    )
            for line in lines:
                assert line.day is not None
                assert line.mission is not None
                activity = self.carnet.activities.ensure(line.mission, line.activity, import_id)
                self.carnet.entries.add(
                    TimeEntry(
                        day=line.day,
                        ambassador_id=by_name[fold(line.ambassador)],
                        mission=line.mission,
                        activity=activity,
                        minutes=line.minutes,
                        start_time=line.start_time,
                        place=line.place,
                        description=line.description,
                    ),
                    import_id,
                )
        self.changed()
        return ImportOutcome(import_id, len(lines), len(preview.invalid), len(preview.duplicates))

    def imports(self) -> list[ImportRecord]:
        return self.carnet.imports.all()

    def undo_import(self, import_id: str) -> int:
        """Remove everything an import added; return the number of entries removed.

        Raises:
            MonthClosed: some of its entries are in a closed month.
        """
        record = next((r for r in self.imports() if r.id == import_id), None)
        if record is None or record.undone_at:
            raise InvalidInput("Cet import n'existe pas ou a déjà été annulé.")
        if record.kind == "reponses":
            return self.surveys.undo_import(import_id)
        if record.kind != "carnet":
            return self.register_imports.undo(import_id)
        entry_ids = self.carnet.entries.by_import(import_id)
        for month in sorted(self.carnet.entries.months_of(entry_ids)):
            self._check_open(month)
        with self.carnet.write():
            self.carnet.entries.delete(entry_ids)
            self.carnet.activities.delete(self.carnet.activities.created_by_import(import_id))
            orphans = [
                a
                for a in self.carnet.ambassadors.created_by_import(import_id)
                if not self.carnet.ambassadors.has_entries(a)
            ]
            self.carnet.ambassadors.delete(orphans)
            self.carnet.imports.mark_undone(import_id)
        self.changed()
        return len(entry_ids)

    # --- backups ------------------------------------------------------------------------------

    def backups(self) -> list[Backup]:
        return self.carnet.backups.all()

    def backup_now(self) -> Path:
        """Take a manual backup into the carnet's backup folder."""
        return self.carnet.backup(BackupKind.MANUAL)


def _signature(item: CarnetLine | TimeEntry, ambassador_id: str) -> tuple[str, ...]:
    """Return what makes two entries the same work (used to skip lines already imported)."""
    assert item.day is not None
    assert item.mission is not None
    return (
        item.day.isoformat(),
        ambassador_id,
        item.mission.value,
        fold(item.activity),
        str(item.minutes),
        fold(item.description),
    )
