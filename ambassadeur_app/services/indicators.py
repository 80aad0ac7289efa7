"""The indicators' use-cases: targets (settings of the carnet), the active users readings and
their import, and every indicator against its target with its trend and chart.

``IndicatorsService`` reads the register, the events, the questionnaires and the expenses
from the carnet's repositories; the figures come from ``domain/indicators.py``, the documents from
``reports/indicators.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.expenses import forfait_use, settlement_text
from ambassadeur_app.domain.formatting import (
    format_date,
    format_euros,
    format_hours,
    format_number,
    format_percent,
    plural,
)
from ambassadeur_app.domain.indicators import (
    COUNTED_TYPES,
    EngagementFigures,
    EventFigures,
    Indicator,
    MoneyFigures,
    Reading,
    StructureFigures,
    Targets,
    UsersFigures,
    engagement_figures,
    event_figures,
    money_figures,
    projectable_quote,
    structure_figures,
    users_figures,
    validate_reading,
    validate_targets,
)
from ambassadeur_app.domain.structures import Onboarding
from ambassadeur_app.errors import AppError, InvalidInput

if TYPE_CHECKING:
    from ambassadeur_app.domain.expenses import Expense
    from ambassadeur_app.domain.model import Programme
    from ambassadeur_app.importers.carnet import LineProblem
    from ambassadeur_app.importers.readings import ReadingLine
    from ambassadeur_app.reports.charts import Chart
    from ambassadeur_app.services.core import CarnetCore

INDICATOR_FORMATS = ("xlsx", "pdf")
MONTH_ABBREVIATIONS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
NOTHING_MISSING = "Rien : objectif atteint"


def month_short(month: Month) -> str:
    """Return ``sept. 25``: a month on a chart's axis."""
    return f"{MONTH_ABBREVIATIONS[month.month - 1]} {month.year % 100:02d}"


@dataclass
class ReadingsPreview:
    """What an import of readings would do, shown before anything is written."""

    path: Path
    lines: list[ReadingLine]
    warnings: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[Reading]:
        return [line.reading for line in self.lines if line.reading is not None]

    @property
    def problems(self) -> list[LineProblem]:
        return [problem for line in self.lines for problem in line.problems]


class IndicatorsService:
    """The indicators of one open carnet.

    It reads the register's structures, the events, the questionnaires and the expenses from
    the carnet's repositories, not through their services: the tableau de bord, the window's
    first page, computes them right after the first paint, and those services' modules (the
    register's brings the erasure and the sync's files, the questionnaires' the importers)
    are not needed for it.
    """

    def __init__(self, core: CarnetCore) -> None:
        self.core = core
        self.carnet = core.carnet

    # --- targets ------------------------------------------------------------------------------

    def targets(self) -> Targets:
        return self.carnet.targets.get()

    def save_targets(self, targets: Targets) -> None:
        """Keep the carnet's targets.

        Raises:
            InvalidInput: a value out of its range.
        """
        checked = validate_targets(targets)
        with self.carnet.write():
            self.carnet.targets.save(checked)

    # --- readings -----------------------------------------------------------------------------

    def readings(self) -> list[Reading]:
        """Return the baseline (first, if any) and the readings by date."""
        return self.carnet.readings.all()

    def save_reading(self, day: date, users: int, baseline: bool = False) -> str:
        """Record the active users of a day (over that day's reading), or the baseline (over
        the previous one); return its id.

        Raises:
            InvalidInput: a wrong count or date (only the baseline may precede the programme).
        """
        reading = validate_reading(Reading(day, users, baseline))
        start = self.core.programme().start_date
        if day < start and not baseline:
            raise InvalidInput(
                f"Le {format_date(day)} est avant le début de l'expérimentation ({format_date(start)}) : "
                "seule la valeur de référence peut être relevée avant. Rien n'a été enregistré."
            )
        with self.carnet.write():
            return self.carnet.readings.save(reading)

    def delete_reading(self, reading_id: str) -> None:
        if not self.carnet.readings.is_live(reading_id):
            raise AppError("Ce relevé n'existe plus dans le carnet.")
        with self.carnet.write():
            self.carnet.readings.delete([reading_id])

    def preview_readings(self, path: Path) -> ReadingsPreview:
        """Read a readings spreadsheet and say what importing it would change; write nothing."""
        from ambassadeur_app.importers.readings import parse_readings_file

        preview = ReadingsPreview(path, parse_readings_file(path))
        current = {(r.baseline, r.day if not r.baseline else None): r for r in self.readings()}
        seen: dict[tuple[bool, date | None], int] = {}
        programme = self.core.programme()
        for line in preview.lines:
            reading = line.reading
            if reading is None:
                continue
            key = (reading.baseline, None if reading.baseline else reading.day)
            if key in seen:
                what = "la valeur de référence" if reading.baseline else f"le {format_date(reading.day)}"
                preview.warnings.append(
                    f"Lignes {seen[key]} et {line.line} : deux valeurs pour {what} ; la dernière est gardée."
                )
            seen[key] = line.line
            before = current.get(key)
            if before is not None and before.users != reading.users:
                what = (
                    "La valeur de référence"
                    if reading.baseline
                    else f"Le relevé du {format_date(reading.day)}"
                )
                preview.warnings.append(
                    f"Ligne {line.line} : {what} passera de "
                    f"{format_number(before.users, 0)} à {format_number(reading.users, 0)}."
                )
            if not programme.start_date <= reading.day <= programme.end_date and not reading.baseline:
                preview.warnings.append(
                    f"Ligne {line.line} : le {format_date(reading.day)} est hors de l'expérimentation "
                    f"({format_date(programme.start_date)} – {format_date(programme.end_date)})."
                )
        return preview

    def apply_readings(self, preview: ReadingsPreview, skip_invalid: bool = False) -> int:
        """Write the valid readings of a previewed import in one transaction; return their number.

        Raises:
            InvalidInput: invalid lines and ``skip_invalid`` is false, or nothing to import.
        """
        if preview.problems and not skip_invalid:
            raise InvalidInput(
                f"{plural(len(preview.problems), 'problème')} dans « {preview.path.name} » : rien n'a été "
                "importé. Corrigez le fichier ou choisissez d'ignorer les lignes invalides."
            )
        readings = preview.valid
        if not readings:
            raise InvalidInput(f"Aucun relevé à importer dans « {preview.path.name} ».")
        with self.carnet.write():
            for reading in readings:
                self.carnet.readings.save(reading)
        return len(readings)

    # --- indicators ---------------------------------------------------------------------------

    def all(self) -> list[Indicator]:
        """Return every indicator: the five of §5, then the money."""
        programme, today, targets = self.core.programme(), self.core.today(), self.targets()
        carnet = self.carnet
        structures = carnet.structures.all(COUNTED_TYPES)
        expenses = carnet.expenses.get_many(carnet.expenses.ids()).values()
        return [
            users_indicator(users_figures(self.readings(), targets, programme.end_date), targets, programme),
            events_indicator(self._event_figures(today), targets),
            structures_indicator(
                structure_figures(structures, programme.departement_code, targets), targets, programme, today
            ),
            engagement_indicator(engagement_figures(structures, targets)),
            self._tool_survey_indicator(targets, today),
            *money_indicators(
                money_figures(
                    self.core.progress(),
                    forfait_use(programme.event_forfait_cents, expenses),
                    programme,
                    today,
                    self._projected_quotes_cents(expenses, programme, today),
                ),
                programme,
                carnet.payments.received_cents(),
            ),
        ]

    def _projected_quotes_cents(self, expenses: Iterable[Expense], programme: Programme, today: date) -> int:
        """Return the TTC of the pending quotes the projection counts (``projectable_quote``)."""
        quotes = [e for e in expenses if not e.committed]
        events = self.carnet.events.get_many(e.event_id for e in quotes if e.event_id)  # deleted too
        return sum(
            e.amount_ttc_cents
            for e in quotes
            if projectable_quote(
                e, events[e.event_id].first_day if e.event_id in events else None, programme, today
            )
        )

    def _event_figures(self, today: date) -> EventFigures:
        events = self.carnet.events.get_many(self.carnet.events.ids()).values()
        surveys = {e.id: self.carnet.surveys.of_event(e.id) for e in events}
        counts = self.carnet.survey_responses.counts([s for s in surveys.values() if s])
        answered = {event_id for event_id, survey in surveys.items() if survey and counts[survey]}
        return event_figures(events, answered, today)

    def _tool_survey_indicator(self, targets: Targets, today: date) -> Indicator:
        ids = self.carnet.surveys.tool_ids()
        counts = self.carnet.survey_responses.counts(ids)
        surveys = [survey for i in ids if (survey := self.carnet.surveys.get(i)) is not None]
        sent = [s for s in surveys if s.diffused_on is not None and s.diffused_on <= today]
        responses = sum(counts[s.id] for s in sent)
        lines = []
        for survey in surveys:
            when = format_date(survey.diffused_on) if survey.diffused_on else "date non indiquée"
            channel = survey.channel.label.lower() if survey.channel else "canal non indiqué"
            to = f" à {plural(survey.recipients, 'destinataire')}" if survey.recipients is not None else ""
            planned = " (à venir)" if survey not in sent else ""
            lines.append(f"{when}, {channel}{to}{planned} : {plural(counts[survey.id], 'réponse')}")
        met = len(sent) >= targets.tool_surveys
        return Indicator(
            "questionnaire_outil",
            "Questionnaire de satisfaction sur l'outil",
            f"Diffusé au moins {plural(targets.tool_surveys, 'fois', 'fois')} aux professionnels du "
            "département",
            f"{plural(len(sent), 'diffusion')}, {plural(responses, 'réponse')}",
            NOTHING_MISSING if met else f"{plural(targets.tool_surveys - len(sent), 'diffusion')} à faire",
            met,
            f"Dernière diffusion le {format_date(sent[-1].diffused_on)}"
            if sent and sent[-1].diffused_on
            else "Pas encore diffusé",
            detail_lines=tuple(lines),
        )

    def write(self, fmt: str, out: Path) -> Path:
        """Write the tableau de bord (xlsx or pdf) to ``out``."""
        from ambassadeur_app.reports.indicators import write_indicators

        if fmt not in INDICATOR_FORMATS:
            raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")
        return write_indicators(self, fmt, out)


# --- the indicators, in words and charts ---------------------------------------------------


def _axis(first: date, last: date) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """Return the ticks (days since ``first``) and labels of a time axis: each month's first
    day, and ``last``."""
    ticks: list[float] = []
    labels: list[str] = []
    month = Month.of(first)
    while month.first_day <= last:
        if month.first_day >= first:
            ticks.append(float((month.first_day - first).days))
            labels.append(month.first_day.strftime("%d/%m"))
        month = month.next()
    ticks.append(float((last - first).days))
    labels.append(last.strftime("%d/%m"))
    return tuple(ticks), tuple(labels)


def users_indicator(figures: UsersFigures, targets: Targets, programme: Programme) -> Indicator:
    from ambassadeur_app.reports.charts import Chart, Series

    percent = targets.users_increase_percent
    baseline, latest, target = figures.baseline, figures.latest, figures.target
    target_text = f"+{percent} % d'utilisateurs actifs depuis le début de l'expérimentation"
    if baseline is not None and target is not None:
        target_text += f" : {format_number(target, 0)} (référence {format_number(baseline.users, 0)})"
    if latest is None:
        current = "Aucun relevé"
    else:
        current = f"{format_number(latest.users, 0)} au {format_date(latest.day)}"
        if figures.increase is not None and latest is not baseline:
            current += f" ({'+' if figures.increase >= 0 else ''}{format_percent(figures.increase)})"
        elif baseline is not None and baseline.users == 0 and latest is not baseline:
            current += " (référence nulle : pas de pourcentage)"
    if baseline is None:
        missing = "La valeur de référence : les utilisateurs actifs au début de l'expérimentation"
    elif figures.met:
        missing = NOTHING_MISSING
    else:
        assert target is not None
        assert latest is not None
        missing = f"{plural(target - latest.users, 'utilisateur actif', 'utilisateurs actifs')} de plus"
    if figures.slope_per_day is None or figures.projection is None:
        trend = "Pas encore de tendance : il faut au moins deux relevés à des dates différentes"
    else:
        monthly = figures.slope_per_day * 30
        sign = "+" if monthly >= 0 else "−"
        projected = round(figures.projection)
        reach = ""
        if figures.met:  # the latest reading meets the target, whatever the line says
            reach = " : objectif déjà atteint"
        elif target is not None:
            reach = (
                " : objectif atteint à ce rythme"
                if projected >= target
                else " : objectif non atteint à ce rythme"
            )
        trend = (
            f"{sign}{format_number(abs(monthly), 1)} par mois ; projection au {format_date(figures.end)} : "
            f"{format_number(projected, 0)}{reach}"
        )
    dated = ([baseline] if baseline else []) + figures.readings
    values = [
        (f"{'Référence' if r.baseline else 'Relevé'} du {format_date(r.day)}", format_number(r.users, 0))
        for r in dated
    ]
    chart: Chart | None = None
    if dated:
        first = min(programme.start_date, dated[0].day)
        last = max(programme.end_date, dated[-1].day)
        ticks, labels = _axis(first, last)
        series = [Series("Relevés", tuple((float((r.day - first).days), float(r.users)) for r in dated))]
        if figures.projection is not None and dated[-1].day < figures.end:
            end_x = float((figures.end - first).days)
            series.append(
                Series(
                    "Projection (moindres carrés)",
                    ((series[0].points[-1]), (end_x, round(figures.projection, 1))),
                    dashed=True,
                )
            )
            values.append(
                (f"Projection au {format_date(figures.end)}", format_number(round(figures.projection), 0))
            )
        chart = Chart(
            "line",
            "Utilisateurs Parceo actifs du département",
            tuple(series),
            labels,
            ticks,
            float(target) if target is not None else None,
            f"Objectif +{percent} %",
            from_zero=False,
        )
    return Indicator(
        "utilisateurs",
        "Utilisateurs Parceo actifs du département",
        target_text,
        current,
        missing,
        figures.met,
        trend,
        chart,
        values=tuple(values),
    )


def events_indicator(figures: EventFigures, targets: Targets) -> Indicator:
    count = len(figures.qualifying)
    lines = []
    for event in figures.held:
        open_text = (
            "ouvert à tout le département"
            if event.id in figures.open_ids
            else "non ouvert à tout le département"
        )
        survey = (
            "questionnaire rempli" if event.id in figures.surveyed_ids else "sans réponse au questionnaire"
        )
        lines.append(
            f"{format_date(event.first_day)} — {event.title} ({event.kind.label.lower()}) : "
            f"{open_text}, {survey}"
        )
    if figures.training_sessions:
        lines.append(
            f"Sessions de formation réalisées : {figures.training_sessions} (mission formation, hors de "
            "cet indicateur)"
        )
    met = count >= targets.min_events
    missing = NOTHING_MISSING
    if not met:
        missing = (
            f"{plural(targets.min_events - count, 'événement')} ouvert à tout le département et suivi d'un "
            "questionnaire de satisfaction"
        )
    planned = figures.planned
    trend = (
        f"{plural(len(planned), 'événement planifié', 'événements planifiés')} à venir, le prochain le "
        f"{format_date(planned[0].first_day)}"
        if planned
        else "Aucun événement planifié à venir"
    )
    return Indicator(
        "evenements",
        "Événements et groupes de travail de promotion",
        f"Au moins {targets.min_events}, chacun ouvert à tout le département et suivi d'un questionnaire "
        "de satisfaction",
        f"{plural(len(figures.held), 'réalisé')}, dont {len(figures.open_ids)} ouvert"
        f"{'s' if len(figures.open_ids) > 1 else ''} au département et {len(figures.surveyed_ids)} suivi"
        f"{'s' if len(figures.surveyed_ids) > 1 else ''} d'un questionnaire : "
        f"{plural(count, 'remplit', 'remplissent')} les conditions",
        missing,
        met,
        trend,
        detail_lines=tuple(lines),
    )


def structures_indicator(
    figures: StructureFigures, targets: Targets, programme: Programme, today: date
) -> Indicator:
    from ambassadeur_app.reports.charts import Chart, Series

    total, done = len(figures.coordinated), len(figures.onboarded)
    percent = targets.coordinated_percent
    if not total:
        return Indicator(
            "structures",
            "Structures d'exercice coordonné embarquées (MSP, ESP, CDS)",
            f"{percent} % des MSP, ESP et CDS du département",
            "Aucune MSP, ESP ni CDS du département dans le registre",
            "Les structures du département dans le registre (import de l'extrait FINESS, ou saisie)",
            False,
            "Pas de tendance sans structure",
        )
    met = figures.met
    recent = done - figures.onboarded_by(today - timedelta(days=30))
    engaged = sum(1 for s in figures.coordinated if s.onboarding is Onboarding.ENGAGED)
    trend = f"{plural(recent, 'embarquée') if recent else 'Aucune embarquée'} ces 30 derniers jours"
    if engaged:
        trend += f" ; {plural(engaged, 'engagée', 'engagées')} en voie d'embarquement"
    months = [m for m in programme.period_months if m.first_day <= today]
    counts = [figures.onboarded_by(min(m.last_day, today)) for m in months]
    chart = Chart(
        "bar",
        "Structures d'exercice coordonné embarquées (cumul)",
        (Series("Embarquées", tuple((float(i), float(c)) for i, c in enumerate(counts))),),
        tuple(month_short(m) for m in months),
        target=float(figures.target),
        target_label=f"Objectif {percent} %",
    )
    lines = [
        f"{s.name} ({s.type.label}) : embarquée"
        + (
            f" le {format_date(s.onboarding_dates[Onboarding.ONBOARDED])}"
            if Onboarding.ONBOARDED in s.onboarding_dates
            else ""
        )
        for s in figures.onboarded
    ]
    if figures.elsewhere:
        lines.append(
            plural(
                figures.elsewhere,
                "structure d'un autre département non comptée",
                "structures d'un autre département non comptées",
            )
        )
    return Indicator(
        "structures",
        "Structures d'exercice coordonné embarquées (MSP, ESP, CDS)",
        f"{percent} % des MSP, ESP et CDS du département : {figures.target} sur {total}",
        f"{done} sur {total} embarquée{'s' if done > 1 else ''} ({format_percent(done / total)})",
        NOTHING_MISSING if met else f"{plural(figures.target - done, 'structure')} à embarquer",
        met,
        trend,
        chart,
        tuple(lines),
        values=tuple(
            (f"Fin {m.label()}" if m.last_day <= today else f"{m.title()} (en cours)", str(c))
            for m, c in zip(months, counts, strict=True)
        ),
    )


def engagement_indicator(figures: EngagementFigures) -> Indicator:
    targets = figures.targets
    it_required = targets.hospital_it_commitment
    lines: list[str] = []
    missing: list[str] = []
    for label, items, wanted, done, needs_it in (
        ("CH", figures.hospitals, targets.hospitals, figures.hospitals_done, it_required),
        ("EHPAD", figures.nursing_homes, targets.nursing_homes, figures.nursing_homes_done, False),
    ):
        for item in items:
            parts = [item.structure.onboarding.label.lower()]
            parts.append(f"services : {item.services}" if item.services else "aucun service engagé indiqué")
            if item.it_commitment_on:
                parts.append(f"engagement de la DSI le {format_date(item.it_commitment_on)}")
            elif needs_it:
                parts.append("engagement de la DSI à obtenir")
            lines.append(f"{label} — {item.structure.name} : {', '.join(parts)}")
        if done < wanted:
            close = next((i for i in items if i.engaged), None)
            if close is not None and not close.services:
                missing.append(f"{label} : indiquer le service engagé de « {close.structure.name} »")
            elif close is not None and needs_it and close.it_commitment_on is None:
                missing.append(f"{label} : l'engagement de la DSI de « {close.structure.name} »")
            else:
                missing.append(
                    f"{label} : {plural(wanted - done, 'établissement engagé', 'établissements engagés')}"
                )
    pending = sum(1 for item in (*figures.hospitals, *figures.nursing_homes) if not item.engaged)
    dsi = " ; la DSI du CH s'engage à envoyer les notifications d'entrée et de sortie" if it_required else ""
    return Indicator(
        "ch_ehpad",
        "Engagement d'un CH et d'un EHPAD",
        f"{targets.hospitals} CH et {targets.nursing_homes} EHPAD engagés (au moins un service){dsi}",
        f"CH : {figures.hospitals_done} sur {targets.hospitals} ; "
        f"EHPAD : {figures.nursing_homes_done} sur {targets.nursing_homes}",
        " ; ".join(missing) or NOTHING_MISSING,
        figures.met,
        f"{plural(pending, 'établissement contacté', 'établissements contactés')} pas encore "
        f"engagé{'s' if pending > 1 else ''}"
        if pending
        else "Aucun autre CH ni EHPAD en discussion",
        detail_lines=tuple(lines),
    )


def money_indicators(figures: MoneyFigures, programme: Programme, received_cents: int) -> list[Indicator]:
    """Return the money indicators; once the period is over, the grant's says what settles it
    as the bilan does, from the payments received (``received_cents``)."""
    from ambassadeur_app.reports.charts import Chart, Series

    progress, use = figures.progress, figures.forfait
    months = list(progress.by_month.items())
    funded = sum(c.funded_minutes for _, c in months)
    lines = []
    for month, claim in months:
        line = (
            f"{month.title()} : {format_hours(claim.funded_minutes)} financées, "
            f"{format_euros(claim.claimed_cents)} (plafond {format_euros(claim.cap_cents)})"
        )
        if claim.over_cap_minutes:
            line += f", {format_hours(claim.over_cap_minutes)} au-delà du plafond, non financées"
        lines.append(line)
    over = " ; ".join(
        f"{m.label()} ({format_hours(minutes)} non financées)" for m, minutes in figures.over_cap.items()
    )
    hourly = Indicator(
        "forfait_horaire",
        "Forfait horaire : heures financées",
        f"Au plus {format_euros(programme.monthly_cap_cents)} par mois "
        f"({format_euros(programme.hourly_rate_cents)} de l'heure), "
        f"{format_euros(progress.hourly_cap_cents)} sur la période",
        f"{format_euros(progress.claimed_cents)} pour {format_hours(funded)} financées "
        f"({progress.months_elapsed} mois sur {progress.months_total})",
        f"Reste {format_euros(progress.hourly_cap_cents - progress.claimed_cents)} sur le forfait horaire",
        not figures.over_cap,
        f"Projection à la fin : {format_euros(figures.projected_hourly_cents)} "
        f"(moyenne des {plural(figures.complete_months, 'mois écoulé', 'mois écoulés')} pour les mois "
        "à venir)",
        Chart(
            "bar",
            "Forfait horaire : montant par mois (€)",
            (
                Series(
                    "Montant financé",
                    tuple((float(i), c.claimed_cents / 100) for i, (_, c) in enumerate(months)),
                ),
            ),
            tuple(month_short(m) for m, _ in months),
            target=programme.monthly_cap_cents / 100,
            target_label="Plafond mensuel",
        ),
        tuple(lines),
        status="Dans le plafond" if not figures.over_cap else f"Plafond dépassé : {over}",
        group="budget",
        values=tuple((m.title(), format_euros(c.claimed_cents)) for m, c in months),
    )
    forfait = Indicator(
        "forfait_evenement",
        "Forfait événement",
        f"{format_euros(use.forfait_cents)} sur la période, sur devis et factures",
        f"{format_euros(use.committed_cents)} engagés (commandés, facturés ou payés)",
        f"Reste {format_euros(use.remaining_cents)}"
        if use.remaining_cents >= 0
        else "Rien : forfait entièrement engagé",
        use.remaining_cents >= 0,
        f"Devis en attente : {format_euros(use.quoted_cents)}",
        status="Dans le forfait"
        if use.remaining_cents >= 0
        else f"Forfait dépassé de {format_euros(-use.remaining_cents)}",
        group="budget",
    )
    grant_cents, spent_cents = figures.total_grant_cents, figures.spent_cents
    unspent = grant_cents - spent_cents
    remaining = (
        f"Reste {format_euros(unspent)}"
        if unspent >= 0
        else f"Subvention dépassée de {format_euros(-unspent)}"
    )
    if figures.ended:  # the bilan's figures: what was spent, and what settles the grant
        trend = (
            f"Période terminée : {format_euros(spent_cents)} employés, {format_euros(received_cents)} "
            f"reçus ; part de la subvention non employée : {format_euros(max(unspent, 0))}"
        )
        status = settlement_text(received_cents, spent_cents, grant_cents)
    else:
        projected = figures.projected_cents
        how = (
            f"y compris {format_euros(figures.projected_quotes_cents)} de devis en attente"
            if figures.projected_quotes_cents
            else "mois à venir au rythme des mois écoulés"
        )
        trend = f"Projection à la fin de la période : {format_euros(projected)} employés, {how}"
        if projected > grant_cents:
            status = f"Subvention dépassée de {format_euros(projected - grant_cents)} (projection)"
        elif projected == grant_cents:
            status = "Subvention entièrement employée (projection)"
        else:
            status = (
                f"Part non employée projetée à la fin de la période ({how}) : "
                f"{format_euros(grant_cents - projected)}"
            )
    grant = Indicator(
        "subvention",
        "Subvention : dépensé et restant",
        f"{format_euros(grant_cents)} au total (forfait horaire et forfait événement)",
        f"{format_euros(spent_cents)} employés ({format_euros(progress.claimed_cents)} d'heures, "
        f"{format_euros(figures.forfait_spent_cents)} d'événements)",
        remaining,
        spent_cents <= grant_cents,
        trend,
        status=status,
        group="budget",
    )
    return [hourly, forfait, grant]
