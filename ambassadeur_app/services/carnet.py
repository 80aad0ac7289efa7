"""The carnet's use-cases: time entries, months, timesheets and spreadsheet imports.

``CarnetService`` wraps an open ``Carnet`` and applies the rules the repositories don't know:
closed months are read-only, no ambassador works more than 24 h a day, dates outside the
experiment are warned about, imports are checked before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month, utc_now_iso, weeks_of_month
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.model import (
    DEFAULT_ACTIVITIES,
    Ambassador,
    DayTotal,
    EntryFilter,
    Mission,
    MonthLock,
    Programme,
    Role,
    TimeEntry,
)
from ambassadeur_app.domain.rules import (
    MonthSummary,
    ProgrammeProgress,
    check_day_limit,
    clean_entry,
    date_warnings,
    funding_window,
    month_summary,
    programme_progress,
    validate_entry,
)
from ambassadeur_app.domain.text import blank, fold, printable
from ambassadeur_app.domain.validation import validate_ambassador, validate_programme
from ambassadeur_app.errors import (
    AppError,
    CarnetError,
    ExportError,
    InvalidInput,
    MonthClosed,
    describe_os_error,
)
from ambassadeur_app.importers.carnet import CarnetLine, LineProblem, parse_carnet_file
from ambassadeur_app.partfiles import part_for, tracked
from ambassadeur_app.services.register import RegisterService
from ambassadeur_app.services.register_imports import RegisterImports
from ambassadeur_app.storage.backup import Backup, BackupKind
from ambassadeur_app.storage.db import Carnet, open_carnet
from ambassadeur_app.storage.entries import EntryOrder
from ambassadeur_app.storage.imports import ImportRecord

if TYPE_CHECKING:
    from ambassadeur_app.reports.timesheet import Timesheet

Today = Callable[[], date]
TIMESHEET_FORMATS = ("xlsx", "pdf")


@dataclass(frozen=True)
class Saved:
    """The result of saving an entry: its id and the warnings to show."""

    entry_id: str
    warnings: list[str]


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


def undo_warning(record: ImportRecord) -> str:
    """What undoing an import will do, said before the user confirms."""
    if record.kind == "carnet":
        return (
            f"Les entrées qu'il a ajoutées ({record.row_count}) seront retirées du carnet, ainsi que "
            "les ambassadeurs et activités qu'il avait créés."
        )
    return (
        f"Les fiches qu'il a créées ou complétées ({record.row_count}) seront retirées ou remises "
        "dans leur état d'avant l'import."
    )


def undone_text(record: ImportRecord, count: int) -> str:
    """What undoing an import did."""
    if record.kind == "carnet":
        return plural(count, "entrée retirée", "entrées retirées")
    return plural(count, "fiche retirée ou rétablie", "fiches retirées ou rétablies")


@dataclass(frozen=True)
class ImportOutcome:
    import_id: str
    imported: int
    skipped_invalid: int
    skipped_duplicates: int


def open_service(
    path: Path | None = None,
    *,
    create: bool = False,
    readonly: bool = False,
    today: Today = date.today,
) -> CarnetService:
    """Open the carnet at ``path`` (the user's default carnet when ``None``)."""
    carnet = open_carnet(
        path or paths.default_carnet_path(),
        device_id=paths.device_id(),
        backup_root=paths.backup_root(),
        create=create,
        readonly=readonly,
    )
    return CarnetService(carnet, today)


class CarnetService:
    """The operations on one open carnet."""

    def __init__(self, carnet: Carnet, today: Today = date.today) -> None:
        self.carnet = carnet
        self.today = today
        self._fundable: dict[Month, int] = {}
        self._fundable_key: tuple[Programme, date] | None = None
        self.register = RegisterService(self)
        self.register_imports = RegisterImports(self)

    def close(self) -> None:
        self.carnet.close()

    def __enter__(self) -> CarnetService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.carnet.path

    # --- programme and binôme -----------------------------------------------------------------

    @property
    def is_set_up(self) -> bool:
        return self.carnet.programme.get() is not None

    def programme(self) -> Programme:
        """Return the programme settings.

        Raises:
            CarnetError: the carnet has not been set up yet.
        """
        programme = self.carnet.programme.get()
        if programme is None:
            raise CarnetError(
                f"Le carnet « {self.path} » n'est pas encore paramétré (CPTS, département, "
                "date de début) : ouvrez-le dans l'application ou utilisez la commande init."
            )
        return programme

    def setup(self, programme: Programme, ambassadors: list[Ambassador]) -> None:
        """Set up a new carnet: programme, binôme and the default activity lists."""
        validate_programme(programme)
        for index, ambassador in enumerate(ambassadors):
            validate_ambassador(ambassador, ambassadors[:index])
        with self.carnet.write():
            self.carnet.programme.save(programme)
            for ambassador in ambassadors:
                self.carnet.ambassadors.add(ambassador)
            if not any(self.carnet.activities.by_mission().values()):
                for mission, labels in DEFAULT_ACTIVITIES.items():
                    for label in labels:
                        self.carnet.activities.ensure(mission, label)

    def save_programme(self, programme: Programme) -> None:
        validate_programme(programme)
        with self.carnet.write():
            self.carnet.programme.save(programme)

    def ambassadors(self, include_inactive: bool = True) -> list[Ambassador]:
        return self.carnet.ambassadors.all(include_inactive)

    def ambassador_names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.carnet.ambassadors.all()}

    def save_ambassador(self, ambassador: Ambassador) -> str:
        """Add (empty id) or update an ambassador; return the id."""
        validate_ambassador(ambassador, self.ambassadors())
        with self.carnet.write():
            if ambassador.id and self.carnet.ambassadors.get(ambassador.id):
                self.carnet.ambassadors.update(ambassador)
                return ambassador.id
            return self.carnet.ambassadors.add(ambassador)

    def activities(self) -> dict[Mission, list[str]]:
        return self.carnet.activities.by_mission()

    def add_activity(self, mission: Mission, label: str) -> str:
        if blank(label):
            raise InvalidInput("Indiquez le nom de l'activité.", "activité")
        with self.carnet.write():
            return self.carnet.activities.ensure(mission, label)

    def is_new_activity(self, mission: Mission, label: str) -> bool:
        """Tell whether saving an entry with ``label`` would add it to ``mission``'s list."""
        return not blank(label) and self.carnet.activities.find(mission, " ".join(label.split())) is None

    def entry_suggestions(self) -> EntrySuggestions:
        """Return the mission and each mission's activity saved last and the places to complete
        from: those of the entries and the communes of the register (read from indexes: the
        start-up stays quick on a carnet of 100 000 entries)."""
        last = self.carnet.entries.last_activities()
        places = {fold(place): place for place in self.carnet.entries.places()}
        for table in ("professionals", "structures"):
            for commune in self.register.communes(table):
                places.setdefault(fold(commune), commune)
        return EntrySuggestions(
            max(last, key=lambda mission: last[mission][0]) if last else None,
            {mission: activity for mission, (_, activity) in last.items()},
            sorted(places.values(), key=fold),
        )

    def remove_activity(self, mission: Mission, label: str) -> None:
        with self.carnet.write():
            self.carnet.activities.remove(mission, label)

    # --- entries ------------------------------------------------------------------------------

    def entry(self, entry_id: str) -> TimeEntry:
        entry = self.carnet.entries.get(entry_id)
        if entry is None:
            raise AppError("Cette entrée n'existe plus dans le carnet.")
        return entry

    def entries(self, entry_ids: Iterable[str]) -> dict[str, TimeEntry]:
        return self.carnet.entries.get_many(entry_ids)

    def entries_between(self, first: date, last: date) -> list[TimeEntry]:
        return self.carnet.entries.in_range(first, last)

    def day_totals(self, first: date, last: date) -> list[DayTotal]:
        """Return the minutes per day, ambassador and mission (read from the index only)."""
        return self.carnet.entries.day_totals(first, last)

    def entry_ids(
        self, where: EntryFilter, order: EntryOrder = EntryOrder.DATE, descending: bool = False
    ) -> list[str]:
        return self.carnet.entries.ids(where, order, descending)

    def check_entry(self, entry: TimeEntry) -> list[str]:
        """Check an entry against every rule without saving it; return its warnings.

        Raises:
            InvalidInput, MonthClosed: the entry cannot be saved.
        """
        entry, notes = clean_entry(entry)
        validate_entry(entry)
        ambassador = self.carnet.ambassadors.get(entry.ambassador_id)
        if ambassador is None:
            raise InvalidInput("Cet ambassadeur n'existe pas dans le carnet.", "ambassadeur")
        self._check_open(entry.month)
        if entry.id:
            previous = self.entry(entry.id)
            self._check_open(previous.month)
        others = self.carnet.entries.day_minutes(entry.ambassador_id, entry.day, entry.id)
        check_day_limit(entry.day, ambassador.name, others, entry.minutes)
        return notes + date_warnings(entry.day, self.programme(), self.today())

    def add_entry(self, entry: TimeEntry) -> Saved:
        """Save a new entry; its activity joins its mission's list if it is new."""
        entry = replace(entry, id="")
        warnings = self.check_entry(entry)
        entry = clean_entry(entry)[0]
        with self.carnet.write():
            activity = self.carnet.activities.ensure(entry.mission, entry.activity)
            entry_id = self.carnet.entries.add(replace(entry, activity=activity))
        self._changed([entry.month])
        return Saved(entry_id, warnings)

    def update_entry(self, entry: TimeEntry) -> Saved:
        """Save a changed entry; a changed activity joins its mission's list if it is new."""
        warnings = self.check_entry(entry)
        entry = clean_entry(entry)[0]
        previous = self.entry(entry.id)
        kept = entry.mission is previous.mission and fold(entry.activity) == fold(previous.activity)
        with self.carnet.write():
            # An activity taken off the list stays off when only the duration or the text changes.
            activity = (
                entry.activity if kept else self.carnet.activities.ensure(entry.mission, entry.activity)
            )
            self.carnet.entries.update(replace(entry, activity=activity))
        self._changed([previous.month, entry.month])
        return Saved(entry.id, warnings)

    def delete_entries(self, entry_ids: list[str]) -> None:
        """Delete entries (undoable with ``restore_entries``)."""
        months = self.carnet.entries.months_of(entry_ids)
        for month in sorted(months):
            self._check_open(month)
        with self.carnet.write():
            self.carnet.entries.delete(entry_ids)
        self._changed(months)

    def restore_entries(self, entry_ids: list[str]) -> None:
        """Bring deleted entries back (undo of a deletion)."""
        entries = self.carnet.entries.get_many(entry_ids).values()
        for month in sorted({e.month for e in entries}):
            self._check_open(month)
        for entry in entries:
            others = self.carnet.entries.day_minutes(entry.ambassador_id, entry.day, entry.id)
            name = self.ambassador_names().get(entry.ambassador_id, "?")
            check_day_limit(entry.day, name, others, entry.minutes)
        with self.carnet.write():
            self.carnet.entries.restore(entry_ids)
        self._changed({e.month for e in entries})

    def duplicate_entry(self, entry_id: str, day: date | None = None) -> Saved:
        """Copy an entry, on ``day`` or on the same day."""
        original = self.entry(entry_id)
        return self.add_entry(replace(original, id="", day=day or original.day))

    # --- months -------------------------------------------------------------------------------

    def _check_open(self, month: Month) -> None:
        lock = self.carnet.months.active(month)
        if lock is not None:
            raise MonthClosed(
                f"Le mois {month.of_label()} est clôturé : on ne peut plus y ajouter, modifier ni "
                "supprimer d'entrée. Pour corriger, rouvrez-le (menu Mois > Rouvrir le mois, ou "
                "« ambassadeur rouvrir --mois AAAA-MM --motif … »)."
            )

    def month_lock(self, month: Month) -> MonthLock | None:
        return self.carnet.months.active(month)

    def closed_months(self) -> set[Month]:
        return self.carnet.months.closed_months()

    def month_summary(self, month: Month) -> MonthSummary:
        """Return the month at a glance (its weeks include days of the adjacent months)."""
        weeks = weeks_of_month(month)
        rows = self.carnet.entries.day_totals(weeks[0], weeks[-1] + timedelta(days=6))
        return month_summary(rows, self.programme(), month, self.today())

    def progress(self) -> ProgrammeProgress:
        """Return where the experiment stands; each month's sum is kept until it changes."""
        programme, today = self.programme(), self.today()
        if self._fundable_key != (programme, today):
            self._fundable_key, self._fundable = (programme, today), {}
        first, last = funding_window(programme, today)
        for month in programme.period_months:
            if month not in self._fundable:
                low, high = max(first, month.first_day), min(last, month.last_day)
                self._fundable[month] = (
                    self.carnet.entries.minutes_between(low, high, Mission.funded_missions())
                    if low <= high
                    else 0
                )
        return programme_progress(self._fundable, programme, today)

    def _changed(self, months: Iterable[Month] | None = None) -> None:
        """Forget the sums of the months whose entries changed (all of them when ``None``)."""
        if months is None:
            self._fundable.clear()
        for month in months or ():
            self._fundable.pop(month, None)

    def default_month(self) -> Month:
        """Return the month to show first: today's, or the nearest month of the experiment."""
        current = Month.of(self.today())
        if not self.is_set_up:
            return current
        months = self.programme().period_months
        if current < months[0]:
            return months[0]
        if current > months[-1]:
            bounds = self.carnet.entries.date_bounds()
            return min(Month.of(bounds[1]), months[-1]) if bounds else months[-1]
        return current

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
        finals = [folder / f"{sheet.file_stem()}.{fmt}" for fmt in TIMESHEET_FORMATS]
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
            self.carnet.months.reopen(lock, " ".join(reason.split()))

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
        self._changed()
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
        self._changed()
        return len(entry_ids)

    # --- backups ------------------------------------------------------------------------------

    def backups(self) -> list[Backup]:
        return self.carnet.backups.all()

    def backup_now(self) -> Path:
        """Take a manual backup into the carnet's backup folder."""
        return self.carnet.backup(BackupKind.MANUAL)

    def backup_to(self, target: Path) -> Path:
        """Copy the carnet to a file the user chose."""
        from ambassadeur_app.storage.backup import copy_database

        copy_database(self.carnet.db.conn, Path(target))
        return Path(target)


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
