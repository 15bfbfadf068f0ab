"""The managers' dashboard (/pilotage): the commitments (F1, F2), volumes, quality (F3),
personal data (F9), moderation (F10), public comments on the social networks and unanswered
questions over a chosen period.

Every figure comes from `bot.indicators.queries` (SQL aggregations) in the back office's threads
(`bot.web.offload`), so a slow query never blocks the event loop serving the agents' console. Charts are drawn in the
browser from the tables themselves (`data-value` cells, /static/pilotage.js): one source for
the chart, the table under it and its CSV export. The facts are brought up to date from Rasa's
tracker store before each reading (and in the background every few minutes), so that counts of
conversations and of handoff records on one page are equally fresh. Every list behind a number
is paged, and each of its conversations opens as a masked transcript.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sanic import Blueprint, response
from sanic.request import Request

from bot.config import BRANCHES, CaisseConfig
from bot.indicators import labels
from bot.handoff.transcript import transcript
from bot.indicators.drill import PAGE_SIZE, SOURCES, Listing, drill
from bot.indicators.queries import TABLE_KEYS, Filters, Table, compute, filters_from_params
from bot.indicators.report import format_value, table_csv
from bot.indicators.tracker import refresh_from_environment
from bot.storage import get_engine, rasa_events
from bot.text import example_key
from bot.web.offload import off_loop
from bot.web.security import requires_role

logger = logging.getLogger(__name__)
REFRESH_EVERY_SECONDS = 300
AUTHORS = {"person": "Personne", "bot": "Assistant", "agent": "Conseiller", "system": "Message automatique"}


@dataclass(frozen=True)
class Chart:
    """How the browser draws a table: `line` over time or horizontal `bars`; x and series are column keys."""

    kind: str
    x: str
    series: Tuple[str, ...]
    skip_first_row: bool = False


SECTIONS: Sequence[Tuple[str, Sequence[Tuple[str, Optional[Chart]]]]] = (
    ("Audience et autonomie", (
        ("volumes_jour", Chart("line", "day", ("conversations", "people", "with_handoff"))),
        ("volumes_semaine", Chart("bars", "week", ("conversations",))),
        ("canaux", Chart("bars", "channel", ("conversations",))),
        ("branches", None),
    )),
    ("Passages à un conseiller et engagements", (
        ("engagement_f1", Chart("bars", "status", ("handoffs",))),
        ("reactivite_f2", Chart("bars", "bucket", ("handoffs",))),
        ("delais", None),
        ("passages_ouverts", None),
        ("passages_motif", Chart("bars", "reason", ("handoffs",))),
        ("passages_theme", None),
    )),
    ("Qualité des réponses", (
        ("avis_f3", None),
        ("modeles_suivis_passage", None),
    )),
    ("Données personnelles et modération", (
        ("donnees_masquees_f9", Chart("bars", "data_type", ("messages",), skip_first_row=True)),
        ("moderation_f10", None),
    )),
    ("Réseaux sociaux : commentaires publics", (
        ("commentaires_reseaux", None),
        ("commentaires_jour", None),
    )),
    ("Questions sans réponse", (
        ("questions_sans_reponse", None),
    )),
)


def _link(filters: Filters, criteria: Dict[str, str]) -> str:
    return "/pilotage/conversations?" + urlencode({**filters.as_params(), **criteria})


def _transcript_link(filters: Filters, conversation_id: str) -> str:
    return "/pilotage/conversation?" + urlencode({**filters.as_params(), "id": conversation_id})


def _section_id(title: str) -> str:
    """The anchor of a section for the menu at the top of the page."""
    return "section-" + "-".join(example_key(title).split())


def _view(table: Table, filters: Filters, chart: Optional[Chart] = None) -> Dict[str, Any]:
    """The table as the template shows it: display text, raw value for charts, link to the rows behind."""
    rows = []
    for row in table.rows:
        links = row.get("_links", {})
        cells = []
        for column in table.columns:
            value = row.get(column.key)
            kind = column.kind
            criteria = links.get(column.key)
            href = _link(filters, criteria) if criteria and value else None
            if column.key == "conversation_id" and value:
                href = _transcript_link(filters, value)
            cells.append({
                "text": format_value(value, kind, filters.timezone),
                "value": "" if value is None else (value.isoformat() if isinstance(value, (date, datetime)) else value),
                "numeric": kind in ("int", "percent", "duration", "seconds"),
                "href": href,
            })
        rows.append(cells)
    return {"key": table.key, "title": table.title, "note": table.note, "columns": table.columns, "rows": rows,
            "chart": chart, "export": f"/pilotage/export/{table.key}.csv?{urlencode(filters.as_params())}"}


def _presets(today: date) -> List[Tuple[str, date, date]]:
    first = today.replace(day=1)
    previous_last = first - timedelta(days=1)
    return [("Ce mois-ci", first, today), ("Mois précédent", previous_last.replace(day=1), previous_last),
            ("7 derniers jours", today - timedelta(days=6), today),
            ("30 derniers jours", today - timedelta(days=29), today)]


bp = Blueprint("dashboard")


def today(config: CaisseConfig) -> date:
    return datetime.now(ZoneInfo(config.opening_hours.timezone)).date()


def filters_of(request: Request, config: CaisseConfig) -> Filters:
    """The period asked for, within what is kept (handoff records are the longest kept): a
    century of empty days would keep the server busy for seconds, for nothing."""
    now = today(config)
    filters = filters_from_params({key: request.args.get(key, "") for key in ("du", "au", "canal", "branche")},
                                  now, config.opening_hours.timezone)
    earliest = now - relativedelta(months=config.retention.handoff_records_months)
    if filters.start > filters.end:
        raise ValueError("La date de début doit précéder la date de fin.")
    if filters.start < earliest or filters.end > now:
        raise ValueError(f"Choisissez une période entre le {earliest:%d/%m/%Y} et aujourd'hui "
                         f"({config.retention.handoff_records_months} mois de données sont conservés).")
    return filters


def fresh_facts(config: CaisseConfig) -> None:
    try:
        refresh_from_environment(get_engine(), config.opening_hours.timezone)
    except Exception:  # a tracker store down must not hide the dashboard; figures just age
        logger.exception("mise à jour des indicateurs depuis l'historique de Rasa impossible")


def tables_for(config: CaisseConfig, filters: Filters, only: Optional[List[str]] = None) -> Dict[str, Table]:
    fresh_facts(config)
    with get_engine().connect() as connection:
        return compute(connection, filters, config, datetime.now(timezone.utc), only, labels.template_titles())


def refused(request: Request, account, error: str) -> response.HTTPResponse:
    return request.app.ctx.pages.render(
        "backoffice/pilotage.html", status=400, account=account, error=error, filters=None, sections=[],
        summary=None, presets=_presets(today(request.app.ctx.config)), channels=labels.CHANNELS,
        branches=_branches())


def dashboard_view(request: Request, account, filters: Filters) -> response.HTTPResponse:
    """Every table of the period, and the page around them: in the back office's pool."""
    config = request.app.ctx.config
    tables = tables_for(config, filters)
    sections = [(title, _section_id(title), [_view(tables[key], filters, chart) for key, chart in entries])
                for title, entries in SECTIONS]
    return request.app.ctx.pages.render(
        "backoffice/pilotage.html", account=account, error="", filters=filters,
        summary=_view(tables["synthese"], filters), sections=sections, presets=_presets(today(config)),
        channels=labels.CHANNELS, branches=_branches())


@bp.get("/pilotage")
@requires_role("manager")
async def dashboard(request: Request, account):
    try:
        filters = filters_of(request, request.app.ctx.config)
    except ValueError as error:
        return refused(request, account, str(error))
    return await off_loop(request, dashboard_view, request, account, filters)


@bp.get("/pilotage/export/<name>")  # Sanic 21.12 has no "<key>.csv" route parameter
@requires_role("manager")
async def export(request: Request, account, name: str):
    key = name[:-len(".csv")] if name.endswith(".csv") else ""
    if key not in TABLE_KEYS:
        return response.text("Tableau inconnu.", status=404)
    try:
        filters = filters_of(request, request.app.ctx.config)
    except ValueError as error:
        return response.text(str(error), status=400)
    table = (await off_loop(request, tables_for, request.app.ctx.config, filters, [key]))[key]
    filename = f"pilotage-{key}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return response.text(table_csv(table), content_type="text/csv; charset=utf-8",
                         headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def listed(config: CaisseConfig, filters: Filters, criteria: Dict[str, str], listing: Listing) -> Table:
    fresh_facts(config)
    listing.titles = labels.template_titles()
    with get_engine().connect() as connection:
        return drill(connection, filters, config, datetime.now(timezone.utc), criteria, listing)


@bp.get("/pilotage/conversations")
@requires_role("manager")
async def conversations(request: Request, account):
    config = request.app.ctx.config
    criteria = {key: request.args.get(key) for key in request.args
                if key not in ("du", "au", "canal", "branche", "page")}
    if criteria.get("source") not in SOURCES:
        return response.text("Liste inconnue.", status=404)
    try:
        filters = filters_of(request, config)
        listing = Listing(page=max(1, int(request.args.get("page") or 1)))
    except ValueError as error:
        return response.text(str(error), status=400)
    try:
        table = await off_loop(request, listed, config, filters, criteria, listing)
    except ValueError as error:  # a criterion that is not a date, say
        return response.text(str(error), status=400)
    pages_count = max(1, -(-listing.total // PAGE_SIZE))
    here = {**filters.as_params(), **criteria}

    def page_link(number: int) -> Optional[str]:
        return f"/pilotage/conversations?{urlencode({**here, 'page': number})}" if 1 <= number <= pages_count else None

    day = None
    if criteria.get("day"):
        day = date.fromisoformat(criteria["day"])  # already checked by the drill-down
    return request.app.ctx.pages.render(
        "backoffice/pilotage_liste.html", account=account, filters=filters, day=day, table=_view(table, filters),
        total=listing.total, page=listing.page, pages_count=pages_count, first=(listing.page - 1) * PAGE_SIZE + 1,
        previous=page_link(listing.page - 1), next=page_link(listing.page + 1),
        back="/pilotage?" + urlencode(filters.as_params()))


@bp.get("/pilotage/conversation")
@requires_role("manager")
async def conversation(request: Request, account):
    """One conversation behind a number, masked as it was stored, as the agents read it."""
    config = request.app.ctx.config
    conversation_id = request.args.get("id", "")
    try:
        filters = filters_of(request, config)
    except ValueError as error:
        return response.text(str(error), status=400)
    events = (await off_loop(request, rasa_events.conversation, rasa_events.tracker_engine(), conversation_id)
              if conversation_id else [])
    lines = transcript(events)
    if not lines:
        return response.text("Conversation introuvable (supprimée ou pas encore enregistrée).", status=404)
    local = ZoneInfo(config.opening_hours.timezone)
    shown = [{"author": AUTHORS.get(line.author, line.author) if not line.name else line.name,
              "at": datetime.fromisoformat(line.at).astimezone(local).strftime("%d/%m/%Y %H:%M:%S"),
              "text": line.text if not line.hidden else
              f"Message retiré ({labels.label(labels.MODERATION, line.hidden).lower()})"} for line in lines]
    return request.app.ctx.pages.render(
        "backoffice/pilotage_conversation.html", account=account, lines=shown, conversation_id=conversation_id,
        back="/pilotage?" + urlencode(filters.as_params()))


@bp.listener("after_server_start")
async def start_refreshing(app, _loop):
    app.add_task(_refresh_forever(app.ctx.backoffice_pool, app.ctx.config))


def _branches() -> Dict[str, str]:
    return {code: labels.BRANCHES[code] for code in BRANCHES}


async def _refresh_forever(pool: Executor, config: CaisseConfig) -> None:
    """The facts stay close to date between readings: each reading then has little to catch up."""
    loop = asyncio.get_running_loop()
    while True:
        await loop.run_in_executor(pool, fresh_facts, config)
        await asyncio.sleep(REFRESH_EVERY_SECONDS)
