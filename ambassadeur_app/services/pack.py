"""The justification pack: the checks before it (``check``) and the one folder, optionally
zipped, that holds every document the funder asks for (``write``).

The pack is never half written: everything goes into a temporary folder beside the target
(``name.3f9a1c.part``, noted in the journal of files in the making, see ``partfiles``), the zip
into a ``.part`` file, and both are renamed only once complete. A failure, a full disk or a
cancel removes the temporary folder; what a killed writer leaves is noted for the clean-up at
the next start (``partfiles.clean_leftovers``).

An existing folder is never written into, unless it is empty: a pack already sent must not be
changed behind its manifest, nor two packs mixed. A new pack goes into a new folder.

A pack written while a finding of the checks blocks is a draft: its LISEZMOI.txt opens with a
banner listing the blocking points (the folder keeps the name the user chose). The pack holds
only the personal data the funder asks for (RGPD minimisation): no register of professionals,
and the register's tables without names nor free-text notes (``PRIVATE_COLUMNS``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain import checks
from ambassadeur_app.domain.checks import Finding
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import EventStatus
from ambassadeur_app.domain.expenses import Attachment, AttachmentRole
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.errors import ExportError, os_reason
from ambassadeur_app.partfiles import part_for, tracked, written_in_place_of
from ambassadeur_app.reports.manifest import (
    CSV_NAME,
    EVENTS,
    FIGURES_NAME,
    INVOICES,
    README_NAME,
    REPORTS,
    TABLE_STEMS,
    TABLES,
    TEXT_NAME,
    TIMESHEETS,
    ManifestEntry,
    blank_sheet_path,
    entry_of,
    event_file_path,
    file_hash,
    invoice_paths,
    report_path,
    short_slug,
    signed_sheet_paths,
    summary_text,
    table_path,
    timesheet_path,
    write_csv,
)
from ambassadeur_app.storage.attachments import store_write_problem

if TYPE_CHECKING:
    from ambassadeur_app.reports.tables import TableDocument
    from ambassadeur_app.services import CarnetService

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# The register's and the events' tables, with the mission or forfait each justifies.
# The register itself (every professional, with e-mails and RPPS numbers) stays out of the pack.
REGISTER_TABLES = {
    "structures": "Promotion : structures du département et leur parcours Parceo",
    "contacts": "Promotion : professionnels et structures contactés (par profession, par type de structure)",
    "sollicitations": "Accompagnement : sollicitations reçues et répondues",
    "comptes": "Formation : comptes Parceo créés et mis à jour",
}
EVENT_TABLES = {
    "ateliers": "Promotion : tableau de suivi des ateliers et événements organisés et animés",
    "formations": "Formation : tableau de suivi des sessions et des professionnels formés",
    "catalogue": "Formation : catalogue des formations proposées",
    "depenses": "Forfait événement : état des dépenses et de leurs justificatifs",
    "questionnaire-outil": "Indicateur : questionnaire de satisfaction sur l'outil",
}
# The columns of the register's tables left out of the pack (RGPD minimisation): the annex asks
# for counts of professionals contacted by profession and type of structure, and of requests
# received against answered; not who was contacted, nor the ambassadors' free-text notes.
PRIVATE_COLUMNS = frozenset(
    {
        "Professionnels",
        "Professionnel",
        "Demandeur",
        "Objet",
        "Résultat",
        "Suite prévue",
        "Description",
        "Réponse",
    }
)
PRIVATE_SECTIONS = frozenset({"Professionnels contactés"})  # one row per person: not in the pack
PRIVACY_NOTE = "sans nom de professionnel ni note libre (minimisation des données personnelles)"
FORMATS = ("xlsx", "pdf")
DRAFT_BANNER = "BROUILLON — DOSSIER INCOMPLET, À NE PAS ENVOYER EN L'ÉTAT"
REPORT_FORMATS = {"bilan": ("xlsx", "pdf"), "rapport": ("pdf", "docx")}
FIGURES_WHAT = (
    "Chiffres du bilan d'exécution lisibles par un programme (heures, montants, événements, "
    "indicateurs), pour la vue régionale"
)


@dataclass(frozen=True)
class PackResult:
    """A pack written: its folder, its zip (if asked), its files and the checks at that time."""

    folder: Path
    archive: Path | None
    files: list[ManifestEntry]
    findings: list[Finding]

    @property
    def draft(self) -> bool:
        """Tell whether the pack is a draft: a finding blocks (it is not ready to send)."""
        return any(finding.blocking for finding in self.findings)

    @property
    def draft_warning(self) -> str:
        """Say, on one line, that the pack is a draft and why (empty when it is not)."""
        if not self.draft:
            return ""
        blocking = sum(1 for finding in self.findings if finding.blocking)
        return (
            f"attention : le dossier est un brouillon, "
            f"{plural(blocking, 'point bloquant', 'points bloquants')} à corriger avant de l'envoyer "
            f"(voir {README_NAME})."
        )


@dataclass(frozen=True)
class _Step:
    """Files to write into the pack: ``write(root)`` writes ``count`` files (fewer when an
    attachment's file is broken) and returns them with what each justifies."""

    count: int
    write: Callable[[Path], list[tuple[Path, str]]]


class _Stopped(Exception):
    """The user cancelled: the temporary folder is removed."""


def archive_path(folder: Path) -> Path:
    return folder.with_name(f"{folder.name}.zip")


class PackService:
    """The checks and the justification pack of one open carnet."""

    def __init__(self, service: CarnetService) -> None:
        self.service = service

    # --- checks -------------------------------------------------------------------------------

    def check(self) -> list[Finding]:
        """Return what is missing or inconsistent before the pack, blocking findings first."""
        service = self.service
        programme, today = service.programme(), service.today()
        event_ids = service.events.event_ids()
        events = service.events.events(event_ids)
        expense_ids = service.expenses.expense_ids()
        expenses = service.expenses.expenses(expense_ids)
        attachments = service.expenses.checks([*expense_ids, *event_ids])
        problems = {
            owner: [c.problem for c in found if c.problem is not None] for owner, found in attachments.items()
        }
        roles = {owner: {c.attachment.role for c in found} for owner, found in attachments.items()}
        signed = {e for e in event_ids if AttachmentRole.SIGN_IN_SHEET in roles.get(e, set())}
        surveys = {e: service.surveys.survey_of_event(e) for e in event_ids}
        counts = service.carnet.survey_responses.counts([s for s in surveys.values() if s])
        answered = {e for e, s in surveys.items() if s and counts[s]}
        requests = service.register.solicitations(service.register.solicitation_ids(unanswered=True))
        outside = [
            *service.carnet.entries.in_range(date.min, programme.start_date - timedelta(days=1)),
            *service.carnet.entries.in_range(programme.end_date + timedelta(days=1), date.max),
        ]
        planning = service.planning
        return checks.ordered(
            [
                *checks.unclosed_months(programme, service.closed_months(), today),
                *checks.event_findings([events[e] for e in event_ids], programme, signed, answered, today),
                *checks.sheet_file_findings(problems, event_ids),
                *checks.expense_findings([expenses[e] for e in expense_ids], roles, problems),
                *checks.forfait_exceeded(service.expenses.forfait_use()),
                *checks.payments_outside(service.bilan.payments(), programme, today),
                *checks.unanswered_requests(requests.values()),
                *checks.entries_outside(outside, programme),
                *checks.late_actions(planning.actions(planning.action_ids()).values(), today),
                *checks.open_conflicts(len(service.sync.conflicts()) if service.sync.shared else 0),
            ]
        )

    # --- the pack -----------------------------------------------------------------------------

    def default_name(self) -> str:
        """Return a folder name for a new pack: the CPTS and today's date."""
        programme = self.service.programme()
        return f"dossier-justification-{short_slug(programme.cpts_name)}-{self.service.today()}"

    def write(
        self,
        folder: Path,
        zip: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> PackResult | None:
        """Write the pack into ``folder`` (new, or empty), and ``folder.zip`` beside it with
        ``zip``; return it, or ``None`` when ``cancelled()`` became true (nothing is left).

        Raises:
            ExportError: ``folder`` (or the zip) exists and is not an empty folder, its parent
                is missing, or writing failed (nothing is left).
        """
        folder = Path(folder).absolute()
        self._check_target(folder, zip)
        findings = self.check()
        steps = self._steps()
        total = sum(step.count for step in steps) + 1
        report = progress or (lambda done, total: None)
        stop = cancelled or (lambda: False)
        staging = part_for(folder)
        try:
            with tracked(staging):
                try:
                    staging.mkdir()
                    files = self._write_steps(staging, steps, report, stop, total)
                    self._write_summaries(staging, files, findings)
                    archive = archive_path(folder) if zip else None
                    if archive is not None:
                        _zip(staging, files, folder.name, archive)
                    try:
                        if folder.is_dir():
                            folder.rmdir()  # empty (checked): the pack takes its place
                        staging.rename(folder)
                    except BaseException:
                        if archive is not None:
                            archive.unlink(missing_ok=True)
                        raise
                except BaseException:
                    shutil.rmtree(staging, ignore_errors=True)
                    raise
        except _Stopped:
            return None
        except OSError as exc:
            raise ExportError(
                f"Impossible d'écrire le dossier « {folder} » : {os_reason(exc)}. Rien n'a été laissé."
            ) from exc
        report(total, total)
        return PackResult(folder, archive, files, findings)

    def _check_target(self, folder: Path, zip: bool) -> None:
        if not folder.parent.is_dir():
            raise ExportError(f"Le dossier « {folder.parent} » n'existe pas : le dossier n'a pas été écrit.")
        if problem := store_write_problem(folder / README_NAME):
            raise ExportError(problem)
        if folder.exists() and not (folder.is_dir() and not any(folder.iterdir())):
            raise ExportError(
                f"« {folder} » existe déjà et n'est pas un dossier vide : un dossier de justification "
                "n'est jamais écrit par-dessus un autre. Choisissez un nouveau nom de dossier."
            )
        if zip and archive_path(folder).exists():
            raise ExportError(
                f"« {archive_path(folder)} » existe déjà : il ne sera pas remplacé. Choisissez un "
                "nouveau nom de dossier."
            )

    def _write_steps(
        self, staging: Path, steps: list[_Step], report: Progress, stop: Cancelled, total: int
    ) -> list[ManifestEntry]:
        files: list[ManifestEntry] = []
        done = 0
        for step in steps:
            if stop():
                raise _Stopped
            files += [entry_of(staging, path, what) for path, what in step.write(staging)]
            done += step.count
            report(done, total)
        if stop():
            raise _Stopped
        return files

    def _write_summaries(self, staging: Path, files: list[ManifestEntry], findings: list[Finding]) -> None:
        header = self._header()
        write_csv(files, staging / CSV_NAME)
        (staging / TEXT_NAME).write_text(summary_text(files, header), encoding="utf-8", newline="\r\n")
        (staging / README_NAME).write_text(
            readme_text(header, files, findings), encoding="utf-8", newline="\r\n"
        )

    def _header(self) -> list[str]:
        service = self.service
        programme = service.programme()
        return [
            "Dossier de justification — expérimentation des binômes ambassadeurs Parceo",
            f"CPTS : {programme.cpts_label}",
            f"Période : du {format_date(programme.start_date)} au {format_date(programme.end_date)}",
            f"Préparé le {format_date(service.today())}",
        ]

    # --- what goes in --------------------------------------------------------------------------

    def placement(self) -> dict[str, str]:
        """Return, by attachment id, the pack's path of each attached file the pack holds: the
        quotes and invoices, and the signed sign-in sheets of the events not cancelled, whose
        stored file is intact (a missing or changed file is not copied). The one source the
        documents of the pack (bilan, event files, expenses statement) cite files from."""
        service = self.service
        events = service.events.events(service.events.event_ids())
        held = [event for event in events.values() if event.status is not EventStatus.CANCELLED]
        expense_ids = service.expenses.expense_ids()
        checked = service.expenses.checks([*expense_ids, *(event.id for event in held)])
        expenses = service.expenses.expenses(expense_ids)
        attached = {owner: [c.attachment for c in found] for owner, found in checked.items()}
        # Named over every attachment (a repeated name is numbered), so that a broken file does
        # not rename the others.
        names = invoice_paths((expenses[i] for i in expense_ids), attached)
        for event in held:
            sheets = [a for a in attached[event.id] if a.role is AttachmentRole.SIGN_IN_SHEET]
            names.update(signed_sheet_paths(event, sheets))
        intact = {c.attachment.id for found in checked.values() for c in found if c.problem is None}
        return {attachment_id: path for attachment_id, path in names.items() if attachment_id in intact}

    def _steps(self) -> list[_Step]:
        """Plan the pack: each step writes a few files at their place in the layout."""
        service = self.service
        events = service.events.events(service.events.event_ids())
        held = [event for event in events.values() if event.status is not EventStatus.CANCELLED]
        sheets = {event.id: service.expenses.sign_in_sheets(event.id) for event in held}
        expense_ids = service.expenses.expense_ids()
        attached = service.carnet.attachments.of_owners(expense_ids)
        # Every intact attachment's path in the pack, which the documents cite instead of its
        # carnet name.
        names = self.placement()
        steps = [_Step(len(FORMATS), partial(self._timesheets, m)) for m in service.programme().period_months]
        steps += [_Step(len(FORMATS), partial(self._table, kind, names)) for kind in TABLE_STEMS]
        for event in held:
            steps.append(
                _Step(len(FORMATS) + 1 + len(sheets[event.id]), partial(self._event, event.id, names))
            )
        if count := sum(len(found) for found in attached.values()):
            steps.append(_Step(count, partial(self._invoices, expense_ids, names)))
        steps += [
            # The bilan's step also writes chiffres.json, its figures for a program.
            _Step(len(formats) + (kind == "bilan"), partial(self._report, kind, names))
            for kind, formats in REPORT_FORMATS.items()
        ]
        return steps

    def _timesheets(self, month: Month, root: Path) -> list[tuple[Path, str]]:
        what = f"Forfait horaire : relevé d'heures {month.of_label()}"
        return [
            (self.service.export_timesheet(month, fmt, _place(root, timesheet_path(month, fmt))), what)
            for fmt in FORMATS
        ]

    def _table(self, kind: str, names: dict[str, str], root: Path) -> list[tuple[Path, str]]:
        from ambassadeur_app.reports import event_tables, planning

        service = self.service
        written = []
        for fmt in FORMATS:
            out = _place(root, table_path(kind, fmt))
            if kind in REGISTER_TABLES:
                written.append(
                    (
                        _write_table(minimised(service.register.document(kind)), fmt, out),
                        REGISTER_TABLES[kind],
                    )
                )
            elif kind in EVENT_TABLES:
                written.append(
                    (event_tables.export(service, kind, fmt, out, pack_names=names), EVENT_TABLES[kind])
                )
            elif kind == "indicateurs":
                written.append((service.indicators.write(fmt, out), "Indicateurs : objectifs et résultats"))
            else:
                what = "Promotion : rétroplanning des actions (tableau, diagramme de Gantt)"
                written.append((planning.export(service, fmt, out), what))
        return written

    def _event(self, event_id: str, names: dict[str, str], root: Path) -> list[tuple[Path, str]]:
        from ambassadeur_app.reports.event_tables import export

        service = self.service
        event = service.events.event(event_id)
        about = f"« {event.title} » du {format_date(event.first_day)}"
        written = [
            (
                export(service, "evenement", fmt, _place(root, event_file_path(event, fmt)), event_id, names),
                f"Dossier de {about}",
            )
            for fmt in FORMATS
        ]
        blank = _place(root, blank_sheet_path(event))
        written.append(
            (
                service.events.write_sign_in_sheet(event_id, blank),
                f"Feuille d'émargement à imprimer de {about}",
            )
        )
        for sheet in service.expenses.sign_in_sheets(event_id):
            if sheet.id in names and (copied := self._copy(sheet, _place(root, names[sheet.id]))):
                written.append((copied, f"Feuille d'émargement signée de {about} (« {sheet.filename} »)"))
        return written

    def _invoices(self, expense_ids: list[str], names: dict[str, str], root: Path) -> list[tuple[Path, str]]:
        service = self.service
        expenses = service.expenses.expenses(expense_ids)
        attached = service.carnet.attachments.of_owners(expense_ids)
        written = []
        for expense_id in expense_ids:
            expense = expenses[expense_id]
            event = service.expenses.event_title(expense.event_id)
            for attachment in attached[expense_id]:
                if attachment.id in names and (
                    copied := self._copy(attachment, _place(root, names[attachment.id]))
                ):
                    what = f"Forfait événement : {attachment.role.label.lower()} {expense.label}"
                    written.append((copied, what + (f", pour « {event} »" if event else "")))
        return written

    def _copy(self, attachment: Attachment, out: Path) -> Path | None:
        """Copy an attachment's stored file; ``None`` when it is missing or changed (the checks
        say it: a pack never holds a file other than the one attached)."""
        source = self.service.expenses.store.path_of(attachment)
        if not source.is_file():
            return None
        shutil.copyfile(source, out)
        if file_hash(out)[1] != attachment.sha256:
            out.unlink()
            return None
        return out

    def _report(self, kind: str, names: dict[str, str], root: Path) -> list[tuple[Path, str]]:
        from ambassadeur_app.reports import bilan
        from ambassadeur_app.reports.rex import write_rex
        from ambassadeur_app.services.region import write_figures

        service = self.service
        if kind == "bilan":
            what = "Bilan d'exécution : parties quantitative et qualitative"
            # Read once for both formats (every entry), citing the files where the pack holds them.
            report = bilan.build_report(service, names)
            writers = {"xlsx": bilan.write_xlsx, "pdf": bilan.write_pdf}
            figures = write_figures(service, report.bilan, report.indicators, root / FIGURES_NAME)
            return [
                *(
                    (writers[fmt](report, _place(root, report_path(kind, fmt))), what)
                    for fmt in REPORT_FORMATS[kind]
                ),
                (figures, FIGURES_WHAT),
            ]
        what = "Rapport synthétique de retour d'expérience"
        return [
            (write_rex(service, _place(root, report_path(kind, fmt)), fmt), what)
            for fmt in REPORT_FORMATS[kind]
        ]


def minimised(document: TableDocument) -> TableDocument:
    """Return a register document without its ``PRIVATE_SECTIONS`` and ``PRIVATE_COLUMNS``, and
    saying so."""
    sections = []
    for section in document.sections:
        if section.title in PRIVATE_SECTIONS:
            continue
        keep = [i for i, column in enumerate(section.columns) if column.title not in PRIVATE_COLUMNS]
        sections.append(
            replace(
                section,
                columns=[section.columns[i] for i in keep],
                rows=[[row[i] for i in keep] for row in section.rows],
            )
        )
    header = [*document.header, ("Données personnelles", PRIVACY_NOTE)]
    return replace(document, header=header, sections=sections)


def _write_table(document: TableDocument, fmt: str, out: Path) -> Path:
    from ambassadeur_app.reports.tables import write_pdf, write_xlsx

    return write_xlsx(document, out) if fmt == "xlsx" else write_pdf(document, out)


def _place(root: Path, relative: str) -> Path:
    """Return ``root / relative``, its folder made."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


PRIVACY_LINES = (
    "Données personnelles (RGPD) : le dossier n'en contient que ce que le financeur demande.",
    f"- Les dossiers d'événements ({EVENTS}/) nomment les personnes invitées et les participants, et "
    "les feuilles d'émargement signées portent leurs noms et signatures : le cahier des charges les "
    "exige comme justificatifs des événements et des formations.",
    "- Les tableaux du registre ne donnent que des décomptes (par profession, par type de structure, "
    "sollicitations reçues et répondues) et des listes sans nom de professionnel ni note libre ; le "
    "registre des professionnels (coordonnées, RPPS) n'est pas dans le dossier.",
    "- Les relevés d'heures et le bilan nomment les ambassadeurs du binôme.",
    "Transmettez le dossier au seul financeur, par un moyen sûr, et ne le conservez que le temps du "
    "contrôle.",
)


def readme_text(header: list[str], files: list[ManifestEntry], findings: list[Finding]) -> str:
    """Return the French README at the root of the pack."""
    folders = {
        TIMESHEETS: "les relevés d'heures mensuels du binôme (Excel et PDF à signer), un par mois de la "
        "période",
        TABLES: "les tableaux de justification : registre (structures, contacts, sollicitations, comptes "
        "Parceo, sans nom de professionnel ni note libre), ateliers et formations, catalogue, dépenses du "
        "forfait événement, questionnaire sur l'outil, indicateurs et rétroplanning",
        EVENTS: "un dossier par événement : son dossier (invitations, participants, questionnaire, "
        "dépenses), sa feuille d'émargement à imprimer et les feuilles signées numérisées",
        INVOICES: "les devis et factures du forfait événement, nommés date-fournisseur-numéro",
        REPORTS: "le bilan d'exécution (Excel et PDF) et le rapport synthétique de retour d'expérience "
        "(PDF, et Word à compléter)",
    }
    counts = {name: sum(1 for f in files if f.path.startswith(f"{name}/")) for name in folders}
    blocking = [finding for finding in findings if finding.blocking]
    lines = []
    if blocking:
        lines += [
            DRAFT_BANNER,
            f"{plural(len(blocking), 'point bloquant', 'points bloquants')} à corriger dans le carnet, "
            "puis préparez un nouveau dossier :",
            *[f"- {finding.title} : {finding.detail}" for finding in blocking],
            "=" * len(DRAFT_BANNER),
            "",
        ]
    lines += [*header, "", "Contenu du dossier :"]
    lines += [f"- {name}/ : {text} ({plural(counts[name], 'fichier')})" for name, text in folders.items()]
    lines += [
        f"- {CSV_NAME} : chaque fichier du dossier, sa taille, son empreinte SHA-256 et ce qu'il justifie ; "
        f"sauf ce texte ({README_NAME}) et le manifeste lui-même, qui ne peut pas contenir sa propre "
        "empreinte",
        f"- {TEXT_NAME} : le même inventaire, à lire",
        f"- {FIGURES_NAME} : les chiffres du bilan d'exécution pour un programme (vue régionale de "
        "l'ARS : « ambassadeur consolider »), vérifiés comme les autres fichiers par le manifeste",
        "",
        "Vérifier un fichier : son empreinte SHA-256 doit être celle du manifeste "
        "(Windows : Get-FileHash FICHIER ; Linux : sha256sum FICHIER ; macOS : shasum -a 256 FICHIER).",
        "",
        *PRIVACY_LINES,
        "",
        f"Vérification du carnet au {header[-1].removeprefix('Préparé le ')} : {checks.summary(findings)}",
    ]
    lines += [f"- {finding.line}" for finding in findings]
    return "\n".join(lines) + "\n"


def _zip(staging: Path, files: list[ManifestEntry], root: str, archive: Path) -> None:
    """Write the pack's files into ``archive`` under the folder ``root``, via a ``.part``."""
    from zipfile import ZIP_DEFLATED, ZipFile

    names = [f.path for f in files] + [CSV_NAME, TEXT_NAME, README_NAME]
    with written_in_place_of(archive) as part, ZipFile(part, "w", ZIP_DEFLATED) as bundle:
        for name in names:
            bundle.write(staging / name, f"{root}/{name}")
