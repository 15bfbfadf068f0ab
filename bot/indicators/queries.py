"""Every indicator of the managers' dashboard, as SQL aggregations that run unchanged on SQLite
and PostgreSQL.

Each function takes a `Scope` (connection, period and filters, configuration, now) and returns
a `Table`: the same object feeds the dashboard, its CSV exports and the command line, so the
three never disagree. Rows may carry `_links`: for a column, the drill-down criteria that list
the conversations behind that number (see `bot.indicators.drill`).

Percentiles use the nearest-rank definition (the value at rank ceil(p × n)), computed with
integer arithmetic and ORDER BY ... LIMIT 1 OFFSET, so both databases give the same answer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, distinct, false, func, literal, select
from sqlalchemy.engine import Connection

from bot.config import CaisseConfig
from bot.handoff.business_time import commitment_deadline
from bot.handoff.records import ACTIVE, WAITING, Handoff
from bot.indicators import labels
from bot.indicators.clusters import MAX_DISTINCT, Group, cluster_texts
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.moderation.flags import ModerationFlag
from bot.social import records
from bot.social.records import SocialComment
from bot.storage.feedback import AnswerFeedback
from bot.storage import aware

FACTS = ConversationFact.__table__
MASKED = MaskedDataFact.__table__
UNANSWERED = UnansweredQuestion.__table__
HANDOFFS = Handoff.__table__
FEEDBACK = AnswerFeedback.__table__
FLAGS = ModerationFlag.__table__
COMMENTS = SocialComment.__table__
OPEN_STATUSES = (WAITING, ACTIVE)
OPEN_LIST_LIMIT = 100
TOP_TEMPLATES = 20


@dataclass(frozen=True)
class Filters:
    """A period of local calendar days (both ends included), optionally one channel and one branch."""

    start: date
    end: date
    channel: Optional[str] = None
    branch: Optional[str] = None
    timezone: str = "Europe/Paris"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("la fin de la période précède son début")

    def utc_bounds(self) -> Tuple[datetime, datetime]:
        """[first local midnight, midnight after the last day) in UTC, as stored timestamps are."""
        zone = ZoneInfo(self.timezone)
        first = datetime.combine(self.start, time(0), zone)
        after = datetime.combine(self.end + timedelta(days=1), time(0), zone)
        return first.astimezone(timezone.utc), after.astimezone(timezone.utc)

    def as_params(self) -> Dict[str, str]:
        params = {"du": self.start.isoformat(), "au": self.end.isoformat()}
        if self.channel:
            params["canal"] = self.channel
        if self.branch:
            params["branche"] = self.branch
        return params


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    # text, int, percent (a 0..1 ratio), duration (seconds, shown in hours and minutes),
    # seconds (a short delay, shown to the tenth of a second), date, datetime
    kind: str = "int"


@dataclass
class Table:
    key: str
    title: str
    columns: List[Column]
    rows: List[Dict[str, Any]]
    note: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> Dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "note": self.note,
            "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in self.columns],
            "rows": [{k: _jsonable(v) for k, v in row.items() if k != "_links"} for row in self.rows],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _ratio(part: Optional[int], whole: Optional[int]) -> Optional[float]:
    return round(part / whole, 4) if whole else None


def _count_if(condition) -> Any:
    return func.sum(case((condition, 1), else_=0))


def _template_in_branch(column, branch: str):
    """Template ids start with their branch (caf_logement_apl): `branch_` prefix, `_` escaped."""
    return column.like(f"{branch}\\_%", escape="\\")


# --- filters per table ------------------------------------------------------------------------

def facts_where(table, filters: Filters) -> list:
    where = [table.c.day >= filters.start, table.c.day <= filters.end]
    if filters.channel:
        where.append(table.c.channel == filters.channel)
    if filters.branch:
        where.append(table.c.branch == filters.branch)
    return where


def handoffs_where(filters: Filters) -> list:
    start, after = filters.utc_bounds()
    where = [HANDOFFS.c.requested_at >= start, HANDOFFS.c.requested_at < after]
    return where + handoffs_scope(filters)


def handoffs_scope(filters: Filters) -> list:
    where = []
    if filters.channel:
        where.append(HANDOFFS.c.channel == filters.channel)
    if filters.branch:
        where.append(HANDOFFS.c.branch == filters.branch)
    return where


def feedback_where(filters: Filters) -> list:
    start, after = filters.utc_bounds()
    where = [FEEDBACK.c.created_at >= start, FEEDBACK.c.created_at < after]
    if filters.channel:
        where.append(FEEDBACK.c.channel == filters.channel)
    if filters.branch:
        where.append(_template_in_branch(FEEDBACK.c.template_id, filters.branch))
    return where


# --- percentiles ------------------------------------------------------------------------------

PERCENTILES = ((1, 2), (9, 10))  # median and 90th percentile, as exact fractions


def percentiles(connection: Connection, columns: Sequence, where: Sequence) -> List[Tuple[int, List[Optional[int]]]]:
    """(count, [median, p90]) of each column over the rows matching `where`, NULLs ignored.

    Nearest rank: the value at rank ceil(p × n) in ascending order, read with ORDER BY ...
    LIMIT 1 OFFSET rank - 1 (a top-N sort, cheaper than a window over every row on SQLite).
    """
    counts = connection.execute(select(*[func.count(column) for column in columns]).where(*where)).one()
    result = []
    for column, count in zip(columns, counts):
        values: List[Optional[int]] = []
        for num, den in PERCENTILES:
            rank = -(-count * num // den)  # ceil without floating point
            value = connection.execute(
                select(column).where(*where, column.isnot(None)).order_by(column).limit(1).offset(rank - 1)
            ).scalar() if count else None
            values.append(None if value is None else int(value))
        result.append((count, values))
    return result


@dataclass
class Scope:
    """One computation of the dashboard: the period and filters, and what several tables share."""

    connection: Connection
    filters: Filters
    config: CaisseConfig
    now: datetime
    # Template id -> title: managers know answers by their titles, not by their ids.
    titles: Dict[str, str] = field(default_factory=dict)
    _cube: Optional[List[Any]] = None
    _comments: Optional[List[Any]] = None

    def title(self, template_id: Optional[str]) -> str:
        return labels.template_title(template_id, self.titles)

    def cube(self) -> List[Any]:
        """Counts per (day, channel, branch): one pass over the period's conversations, from which
        the daily, weekly, channel and branch volumes and the summary are added up in Python."""
        if self._cube is None:
            self._cube = self.connection.execute(
                select(FACTS.c.day, FACTS.c.channel, FACTS.c.branch,
                       func.count().label("conversations"),
                       func.coalesce(func.sum(FACTS.c.messages), 0).label("messages"),
                       _count_if(FACTS.c.handoffs > 0).label("with_handoff"),
                       func.coalesce(func.sum(FACTS.c.masked_messages), 0).label("masked_messages"),
                       _count_if(FACTS.c.masked_messages > 0).label("with_masked"),
                       func.coalesce(func.sum(FACTS.c.abusive_messages), 0).label("abusive_messages"),
                       _count_if(FACTS.c.abusive_messages > 0).label("with_abusive"))
                .where(*facts_where(FACTS, self.filters))
                # The covering index's own order: grouped as read, no sort.
                .group_by(FACTS.c.day, FACTS.c.channel, FACTS.c.branch)
            ).all()
        return self._cube

    def totals_by(self, key: str) -> Dict[Any, Dict[str, int]]:
        """The cube added up by day, week (of the day), channel, branch, or "all" for the whole period."""
        totals: Dict[Any, Dict[str, int]] = {}
        for row in self.cube():
            if key == "all":
                value = None
            elif key == "week":
                value = row.day - timedelta(days=row.day.weekday())
            else:
                value = getattr(row, key)
            group = totals.setdefault(value, dict.fromkeys(CUBE_MEASURES, 0))
            for measure in CUBE_MEASURES:
                group[measure] += int(getattr(row, measure) or 0)
        return totals

    def comments(self) -> List[Any]:
        """The period's public comments, read and measured once for the tables that count them."""
        if self._comments is None:
            zone = ZoneInfo(self.filters.timezone)
            self._comments = [measure(comment, zone) for comment in social_comments(self.connection, self.filters)]
        return self._comments

    def people_by(self, column) -> Dict[Any, int]:
        """Distinct people per day or week: never a sum of smaller groups (people come back)."""
        return dict(self.connection.execute(
            select(column, func.count(distinct(FACTS.c.conversation_id)))
            .where(*facts_where(FACTS, self.filters)).group_by(column)
        ).all())


CUBE_MEASURES = ("conversations", "messages", "with_handoff", "masked_messages", "with_masked",
                 "abusive_messages", "with_abusive")


# --- volumes and containment ------------------------------------------------------------------

VOLUME_COLUMNS = [
    Column("conversations", "Conversations"),
    Column("messages", "Messages reçus"),
    Column("with_handoff", "Conversations passées à un conseiller"),
    Column("containment", "Réglées sans conseiller", "percent"),
]
PEOPLE = Column("people", "Personnes distinctes")


def _volume_row(totals: Optional[Dict[str, int]]) -> Dict[str, Any]:
    totals = totals or dict.fromkeys(CUBE_MEASURES, 0)
    conversations, with_handoff = totals["conversations"], totals["with_handoff"]
    return {"conversations": conversations, "messages": totals["messages"], "with_handoff": with_handoff,
            "containment": _ratio(conversations - with_handoff, conversations)}


def volumes_by_day(scope: Scope) -> Table:
    filters = scope.filters
    totals, people = scope.totals_by("day"), scope.people_by(FACTS.c.day)
    rows = []
    day = filters.start
    while day <= filters.end:  # days without any conversation are shown as zeros
        rows.append({"day": day, **_volume_row(totals.get(day)), "people": people.get(day, 0),
                     "_links": {"conversations": {"source": "conversations", "day": day.isoformat()}}})
        day += timedelta(days=1)
    return Table("volumes_jour", "Volumes par jour", [Column("day", "Jour", "date"), *VOLUME_COLUMNS[:2], PEOPLE,
                                                       *VOLUME_COLUMNS[2:]],
                 rows, "Audience : conversations, messages reçus et personnes distinctes par jour.")


def volumes_by_week(scope: Scope) -> Table:
    totals, people = scope.totals_by("week"), scope.people_by(FACTS.c.week)
    return Table("volumes_semaine", "Volumes par semaine",
                 [Column("week", "Semaine du", "date"), *VOLUME_COLUMNS[:2], PEOPLE, *VOLUME_COLUMNS[2:]],
                 [{"week": week, **_volume_row(totals[week]), "people": people.get(week, 0)} for week in sorted(totals)],
                 "Semaines commençant le lundi ; la première et la dernière peuvent être partielles. "
                 "Personnes distinctes dans la partie de la semaine comprise dans la période.")


def _by_dimension(scope: Scope, key: str) -> List[Tuple[Optional[str], Dict[str, int]]]:
    return sorted(scope.totals_by(key).items(), key=lambda item: (-item[1]["conversations"], item[0] or ""))


def volumes_by_channel(scope: Scope) -> Table:
    return Table("canaux", "Conversations par canal", [Column("channel", "Canal", "text"), *VOLUME_COLUMNS],
                 [{"channel": labels.label(labels.CHANNELS, channel), **_volume_row(totals),
                   "_links": {"conversations": {"source": "conversations", "channel": channel}}}
                  for channel, totals in _by_dimension(scope, "channel")])


def volumes_by_branch(scope: Scope) -> Table:
    return Table("branches", "Conversations par branche", [Column("branch", "Branche", "text"), *VOLUME_COLUMNS],
                 [{"branch": labels.label(labels.BRANCHES, branch), **_volume_row(totals),
                   "_links": {"conversations": {"source": "conversations", "branch": branch or ""}}}
                  for branch, totals in _by_dimension(scope, "branch")],
                 "Branche du dernier modèle de réponse donné ; « Non déterminé » : aucun modèle donné.")


# --- handoffs ---------------------------------------------------------------------------------

def handoffs_by_reason(scope: Scope) -> Table:
    connection, filters = scope.connection, scope.filters
    rows = connection.execute(
        select(HANDOFFS.c.reason, func.count().label("handoffs")).where(*handoffs_where(filters))
        .group_by(HANDOFFS.c.reason).order_by(func.count().desc(), HANDOFFS.c.reason)
    ).all()
    total = sum(row.handoffs for row in rows)
    return Table("passages_motif", "Passages à un conseiller par motif",
                 [Column("reason", "Motif", "text"), Column("handoffs", "Passages"), Column("share", "Part", "percent")],
                 [{"reason": labels.label(labels.REASONS, row.reason), "handoffs": row.handoffs,
                   "share": _ratio(row.handoffs, total),
                   "_links": {"handoffs": {"source": "handoffs", "reason": row.reason}}} for row in rows])


def handoffs_by_topic(scope: Scope) -> Table:
    connection, filters = scope.connection, scope.filters
    rows = connection.execute(
        select(HANDOFFS.c.topic, HANDOFFS.c.branch, func.count().label("handoffs"))
        .where(*handoffs_where(filters))
        .group_by(HANDOFFS.c.topic, HANDOFFS.c.branch).order_by(func.count().desc(), HANDOFFS.c.topic)
    ).all()
    total = sum(row.handoffs for row in rows)
    return Table("passages_theme", "Passages à un conseiller par thème",
                 [Column("topic", "Thème (modèle de réponse)", "text"), Column("branch", "Branche", "text"),
                  Column("handoffs", "Passages"), Column("share", "Part", "percent")],
                 [{"topic": scope.title(row.topic), "branch": labels.label(labels.BRANCHES, row.branch),
                   "handoffs": row.handoffs, "share": _ratio(row.handoffs, total),
                   "_links": {"handoffs": {"source": "handoffs", "topic": row.topic or ""}}} for row in rows])


DELAYS = (
    ("Attente avant prise en charge", "waiting_business_seconds", "waiting_seconds"),
    ("Première réponse d'un conseiller", "first_response_business_seconds", "first_response_seconds"),
    ("Résolution (clôture)", "resolution_business_seconds", "resolution_seconds"),
)


def handoff_delays(scope: Scope) -> Table:
    connection, filters = scope.connection, scope.filters
    columns = [HANDOFFS.c[name] for _, business, wall in DELAYS for name in (business, wall)]
    measured = percentiles(connection, columns, handoffs_where(filters))
    rows = []
    for index, (title, _, _) in enumerate(DELAYS):
        (count, (business_median, business_p90)), (_, (wall_median, wall_p90)) = measured[2 * index:2 * index + 2]
        rows.append({"delay": title, "handoffs": count, "business_median": business_median,
                     "business_p90": business_p90, "wall_median": wall_median, "wall_p90": wall_p90})
    return Table("delais", "Délais des passages à un conseiller",
                 [Column("delay", "Délai", "text"), Column("handoffs", "Passages mesurés"),
                  Column("business_median", "Médiane (heures ouvrées)", "duration"),
                  Column("business_p90", "90e centile (heures ouvrées)", "duration"),
                  Column("wall_median", "Médiane (temps réel)", "duration"),
                  Column("wall_p90", "90e centile (temps réel)", "duration")],
                 rows, "Heures ouvrées : horaires d'ouverture de la caisse, jours fériés exclus. "
                       "90e centile : 9 passages sur 10 ont attendu moins. Médiane et centile au rang le plus proche.")


def late_request_threshold(now: datetime, config: CaisseConfig) -> Optional[datetime]:
    """The latest request time whose F1 deadline has already passed at `now`, to the second.

    The deadline grows with the request time, so "late" is "requested before this instant":
    one indexed comparison in SQL instead of a business-time computation per open handoff.
    """
    commitments, hours = config.commitments, config.opening_hours

    def late(moment: datetime) -> bool:
        deadline = commitment_deadline(moment, commitments, hours)
        return deadline is not None and deadline < now

    low = now - timedelta(days=60)
    if not late(low):
        return None
    high = now
    while (high - low).total_seconds() > 1:
        middle = low + (high - low) / 2
        low, high = (middle, high) if late(middle) else (low, middle)
    return low


def first_response_column(config: CaisseConfig):
    if config.commitments.business_hours_only:
        return HANDOFFS.c.first_response_business_seconds
    return HANDOFFS.c.first_response_seconds


def _commitment_text(config: CaisseConfig) -> str:
    hours = config.commitments.response_time_hours
    return f"{hours} h ouvrées" if config.commitments.business_hours_only else f"{hours} h"


def commitment(scope: Scope) -> Table:
    """F1: first agent reply within the promised delay, among handoffs that got one or are overdue."""
    connection, filters, config, now = scope.connection, scope.filters, scope.config, scope.now
    limit = config.commitments.response_time_hours * 3600
    response = first_response_column(config)
    where = handoffs_where(filters)
    overdue = overdue_condition(config, now)
    row = connection.execute(
        select(_count_if(response <= limit).label("on_time"),
               _count_if(response > limit).label("late_answered"),
               _count_if(overdue).label("overdue"))
        .where(*where)
    ).one()
    on_time, late_answered, overdue_count = (int(value or 0) for value in row)
    measured = on_time + late_answered + overdue_count
    rows = [
        {"status": "Réponse dans le délai", "handoffs": on_time, "share": _ratio(on_time, measured),
         "_links": {"handoffs": {"source": "handoffs", "f1": "on_time"}}},
        {"status": "Réponse hors délai", "handoffs": late_answered, "share": _ratio(late_answered, measured),
         "_links": {"handoffs": {"source": "handoffs", "f1": "late"}}},
        {"status": "Toujours sans réponse, délai dépassé", "handoffs": overdue_count,
         "share": _ratio(overdue_count, measured),
         "_links": {"handoffs": {"source": "handoffs", "f1": "overdue"}}},
    ]
    return Table("engagement_f1", f"Engagement de réponse (F1) : {_commitment_text(config)}",
                 [Column("status", "Situation", "text"), Column("handoffs", "Passages"),
                  Column("share", "Part", "percent")],
                 rows, "Première réponse d'un conseiller. Sont exclus les passages clôturés sans réponse "
                       "(personne partie) et ceux dont le délai court encore.",
                 {"on_time_share": _ratio(on_time, measured)})


def bucket_expression(config: CaisseConfig):
    """The F2 bucket of a handoff's first response, in SQL (like business_time.reactivity_bucket)."""
    buckets = sorted(config.commitments.reactivity_buckets_hours.items(), key=lambda item: item[1])
    column = HANDOFFS.c.first_response_business_seconds
    bucket = case(*[(column <= hours * 3600, literal(name)) for name, hours in buckets], else_=literal("later"))
    return case((column.is_(None), literal("none")), else_=bucket)


def overdue_condition(config: CaisseConfig, now: datetime):
    """Open, no agent reply yet, and the F1 deadline already passed at `now`."""
    threshold = late_request_threshold(now, config)
    if threshold is None:
        return false()
    return and_(HANDOFFS.c.first_agent_reply_at.is_(None), HANDOFFS.c.status.in_(OPEN_STATUSES),
                HANDOFFS.c.requested_at < threshold)


def reactivity(scope: Scope) -> Table:
    """F2: first responses by business-time bucket (hour, half-day, day, later)."""
    connection, filters, config = scope.connection, scope.filters, scope.config
    buckets = sorted(config.commitments.reactivity_buckets_hours.items(), key=lambda item: item[1])
    bucket = bucket_expression(config)
    found = dict(connection.execute(
        select(bucket.label("bucket"), func.count()).where(*handoffs_where(filters)).group_by(bucket)
    ).all())
    answered = sum(count for name, count in found.items() if name != "none")
    rows, cumulative = [], 0
    for name in [name for name, _ in buckets] + ["later", "none"]:
        count = found.get(name, 0)
        cumulative += count if name != "none" else 0
        rows.append({"bucket": labels.BUCKETS.get(name, name), "code": name, "handoffs": count,
                     "share": _ratio(count, answered) if name != "none" else None,
                     "cumulative": _ratio(cumulative, answered) if name != "none" else None,
                     "_links": {"handoffs": {"source": "handoffs", "bucket": name}}})
    target = config.commitments.reactivity_target
    return Table("reactivite_f2", "Réactivité interne (F2) : première réponse en heures ouvrées",
                 [Column("bucket", "Tranche", "text"), Column("handoffs", "Passages"),
                  Column("share", "Part des réponses", "percent"), Column("cumulative", "Part cumulée", "percent")],
                 rows, f"Cible de la caisse : {labels.BUCKETS[target].lower()} "
                       f"({config.commitments.reactivity_buckets_hours.get(target):g} h ouvrées).",
                 {"target": target})


def open_handoffs(scope: Scope) -> Table:
    """Handoffs still open now (requested up to the end of the period), oldest first, and how late."""
    connection, filters, config, now = scope.connection, scope.filters, scope.config, scope.now
    _, after = filters.utc_bounds()
    where = [HANDOFFS.c.status.in_(OPEN_STATUSES), HANDOFFS.c.requested_at < after, *handoffs_scope(filters)]
    overdue = overdue_condition(config, now)
    total, late = connection.execute(select(func.count(), _count_if(overdue)).where(*where)).one()
    listed = connection.execute(
        select(HANDOFFS.c.id, HANDOFFS.c.conversation_id, HANDOFFS.c.channel, HANDOFFS.c.reason,
               HANDOFFS.c.topic, HANDOFFS.c.status, HANDOFFS.c.requested_at, HANDOFFS.c.first_agent_reply_at)
        .where(*where).order_by(HANDOFFS.c.requested_at, HANDOFFS.c.id).limit(OPEN_LIST_LIMIT)
    ).all()
    rows = []
    for row in listed:
        requested = aware(row.requested_at)
        deadline = commitment_deadline(requested, config.commitments, config.opening_hours)
        late_by = None
        if row.first_agent_reply_at is None and deadline is not None and deadline < now:
            late_by = int((now - deadline).total_seconds())
        rows.append({"id": row.id, "conversation_id": row.conversation_id,
                     "channel": labels.label(labels.CHANNELS, row.channel),
                     "reason": labels.label(labels.REASONS, row.reason), "topic": scope.title(row.topic),
                     "status": labels.label(labels.STATUSES, row.status), "requested_at": requested,
                     "deadline": deadline, "late_by": late_by})
    return Table("passages_ouverts", "Passages en cours (non clôturés)",
                 [Column("id", "N°"), Column("conversation_id", "Conversation", "text"),
                  Column("channel", "Canal", "text"), Column("reason", "Motif", "text"),
                  Column("topic", "Thème", "text"), Column("status", "État", "text"),
                  Column("requested_at", "Demandé le", "datetime"), Column("deadline", "Échéance F1", "datetime"),
                  Column("late_by", "Retard", "duration")],
                 rows, f"{total} passage(s) en cours dont {int(late or 0)} sans réponse après l'échéance "
                       f"({_commitment_text(config)}) ; les {OPEN_LIST_LIMIT} plus anciens sont listés.",
                 {"open": total, "late": int(late or 0)})




# --- quality ----------------------------------------------------------------------------------

def votes(scope: Scope) -> Table:
    """F3: useful / not useful votes per template, with the overall line first."""
    connection, filters = scope.connection, scope.filters
    useful = _count_if(FEEDBACK.c.useful.is_(True)).label("useful")
    not_useful = _count_if(FEEDBACK.c.useful.is_(False)).label("not_useful")
    where = feedback_where(filters)
    overall = connection.execute(select(useful, not_useful).where(*where)).one()
    rows = connection.execute(
        select(FEEDBACK.c.template_id, useful, not_useful).where(*where)
        .group_by(FEEDBACK.c.template_id).order_by(func.count().desc(), FEEDBACK.c.template_id)
    ).all()

    def line(name: str, template: Optional[str], row) -> Dict[str, Any]:
        good, bad = int(row.useful or 0), int(row.not_useful or 0)
        criteria = {"source": "votes"} if template is None else {"source": "votes", "template": template}
        return {"template": name, "useful": good, "not_useful": bad, "votes": good + bad,
                "useful_share": _ratio(good, good + bad),
                "_links": {"not_useful": {**criteria, "useful": "non"}, "votes": criteria}}

    table_rows = [line("Toutes les réponses", None, overall)]
    table_rows += [line(scope.title(row.template_id), row.template_id or "", row) for row in rows]
    return Table("avis_f3", "Avis sur les réponses (F3)",
                 [Column("template", "Modèle de réponse", "text"), Column("useful", "Utile"),
                  Column("not_useful", "Pas utile"), Column("votes", "Avis"),
                  Column("useful_share", "Part utile", "percent")],
                 table_rows, "« Cette réponse vous a-t-elle été utile ? » : un avis par réponse notée.",
                 {"useful_share": _ratio(int(overall.useful or 0),
                                         int(overall.useful or 0) + int(overall.not_useful or 0))})


def templates_followed_by_handoff(scope: Scope) -> Table:
    """Templates after which people most often still needed an agent: answers to improve first."""
    connection, filters = scope.connection, scope.filters
    with_handoff = _count_if(FACTS.c.handoffs > 0)
    rows = connection.execute(
        select(FACTS.c.topic, func.count().label("conversations"), with_handoff.label("with_handoff"))
        .where(*facts_where(FACTS, filters), FACTS.c.topic.isnot(None))
        .group_by(FACTS.c.topic).having(with_handoff > 0)
        .order_by(with_handoff.desc(), FACTS.c.topic).limit(TOP_TEMPLATES)
    ).all()
    return Table("modeles_suivis_passage", "Modèles de réponse le plus souvent suivis d'un passage à un conseiller",
                 [Column("topic", "Modèle de réponse", "text"), Column("conversations", "Conversations"),
                  Column("with_handoff", "Suivies d'un passage"), Column("rate", "Taux", "percent")],
                 [{"topic": scope.title(row.topic), "conversations": row.conversations,
                   "with_handoff": int(row.with_handoff),
                   "rate": _ratio(int(row.with_handoff), row.conversations),
                   "_links": {"with_handoff": {"source": "conversations", "topic": row.topic, "handoff": "1"}}}
                  for row in rows],
                 f"Modèle donné en dernier dans la conversation ; les {TOP_TEMPLATES} premiers.")


# --- personal data and moderation -------------------------------------------------------------

def masked_data(scope: Scope) -> Table:
    """F9: messages whose personal data was masked at the door, by type."""
    connection, filters = scope.connection, scope.filters
    rows = connection.execute(
        select(MASKED.c.data_type, func.sum(MASKED.c.messages).label("messages"),
               func.count().label("conversations"))
        .where(*facts_where(MASKED, filters)).group_by(MASKED.c.data_type)
        .order_by(func.sum(MASKED.c.messages).desc(), MASKED.c.data_type)
    ).all()
    period = scope.totals_by("all").get(None, dict.fromkeys(CUBE_MEASURES, 0))
    masked_messages, conversations, with_masked = (period["masked_messages"], period["conversations"],
                                                   period["with_masked"])
    table_rows = [{"data_type": "Au moins une donnée masquée", "messages": masked_messages,
                   "conversations": with_masked, "share": _ratio(with_masked, conversations),
                   "_links": {"conversations": {"source": "conversations", "masked": "1"}}}]
    table_rows += [{"data_type": labels.label(labels.DATA_TYPES, row.data_type), "messages": int(row.messages),
                    "conversations": row.conversations, "share": _ratio(row.conversations, conversations),
                    "_links": {"conversations": {"source": "conversations", "masked": row.data_type}}}
                   for row in rows]
    return Table("donnees_masquees_f9", "Données personnelles masquées (F9)",
                 [Column("data_type", "Type de donnée", "text"), Column("messages", "Messages"),
                  Column("conversations", "Conversations"),
                  Column("share", "Part des conversations", "percent")],
                 table_rows, "Masquées avant tout enregistrement : seul le type est conservé, jamais la valeur.",
                 {"masked_messages": masked_messages})


def flags_where(filters: Filters) -> list:
    """Moderation flags of the period (they carry a channel, no branch)."""
    start, after = filters.utc_bounds()
    where = [FLAGS.c.flagged_at >= start, FLAGS.c.flagged_at < after]
    if filters.channel:
        where.append(FLAGS.c.channel == filters.channel)
    return where


def abuse(scope: Scope) -> Table:
    """F10: abusive messages, conversations flagged to moderators by category, urgent handoffs.

    Abusive messages come from the moderation verdict carried by each parsed message (see
    `bot.indicators.tracker.MODERATION_PARSE_KEY`); flags from the moderators' table.
    """
    connection, filters = scope.connection, scope.filters
    period = scope.totals_by("all").get(None, dict.fromkeys(CUBE_MEASURES, 0))
    flags = connection.execute(
        select(FLAGS.c.category, func.count().label("flags"),
               func.count(distinct(FLAGS.c.conversation_id)).label("conversations"))
        .where(*flags_where(filters)).group_by(FLAGS.c.category).order_by(func.count().desc(), FLAGS.c.category)
    ).all()
    urgent = connection.execute(
        select(func.count(), func.count(distinct(HANDOFFS.c.conversation_id)))
        .where(*handoffs_where(filters), HANDOFFS.c.reason == "urgent")
    ).one()
    rows = [{"kind": "Messages injurieux, menaçants, haineux ou diffamatoires", "count": period["abusive_messages"],
             "conversations": period["with_abusive"],
             "_links": {"conversations": {"source": "conversations", "abusive": "1"}}}]
    rows += [{"kind": f"Signalements aux modérateurs : {labels.label(labels.MODERATION, row.category).lower()}",
              "count": row.flags, "conversations": row.conversations,
              "_links": {"count": {"source": "flags", "category": row.category}}} for row in flags]
    rows.append({"kind": "Passages urgents à un conseiller (menace, détresse)", "count": urgent[0],
                 "conversations": urgent[1], "_links": {"count": {"source": "handoffs", "reason": "urgent"}}})
    note = ("Selon la charte d'usage : les critiques restent visibles et reçoivent une réponse ; "
            "elles ne sont pas comptées comme abusives.")
    if filters.branch:
        note += " Les signalements ne portent pas de branche : le filtre de branche ne s'y applique pas."
    return Table("moderation_f10", "Modération (F10)",
                 [Column("kind", "Signalement", "text"), Column("count", "Nombre"),
                  Column("conversations", "Conversations")], rows, note)


# --- public comments on the social networks ---------------------------------------------------

# The channel naming each network's comment threads in the queue and the filters
# (`bot.channels.page_comments.Platform.channel`).
COMMENT_CHANNELS = {records.FACEBOOK: "facebook_comment", records.INSTAGRAM: "instagram_comment"}
# F9 "masquage rapide" at its best, "instantly": the caisse's configuration sets no delay of its own.
HIDING_TARGET_SECONDS = 60


def social_comments(connection: Connection, filters: Filters) -> List[Any]:
    """The public comments received in the period, other people's only (the page's own replies
    are not comments to handle), on the filtered channel's network (none for a private channel).
    No branch: a comment carries none."""
    start, after = filters.utc_bounds()
    where = [COMMENTS.c.received_at >= start, COMMENTS.c.received_at < after,
             COMMENTS.c.action != records.IGNORED_OWN]
    if filters.channel:
        where.append(COMMENTS.c.platform.in_(
            [platform for platform, channel in COMMENT_CHANNELS.items() if channel == filters.channel]))
    # The agents' replies Meta took, per comment they answer (`parent_id`): the first one, and the
    # first public one. A reply is saved after its comment was received, hence the lower bound.
    replies = COMMENTS.alias("replies")
    agent_replies = select(
        replies.c.parent_id,
        func.min(replies.c.sent_at).label("agent_replied_at"),
        func.min(case((replies.c.reply_mode == records.PUBLIC, replies.c.sent_at))).label("agent_public_at"),
    ).where(replies.c.reply_mode.isnot(None), replies.c.sent_at.isnot(None),
            replies.c.received_at >= start).group_by(replies.c.parent_id).subquery()
    return connection.execute(
        select(COMMENTS.c.platform, COMMENTS.c.action, COMMENTS.c.received_at, COMMENTS.c.hidden_at,
               COMMENTS.c.answered_at, COMMENTS.c.edited_at, agent_replies.c.agent_replied_at,
               agent_replies.c.agent_public_at)
        .outerjoin_from(COMMENTS, agent_replies, agent_replies.c.parent_id == COMMENTS.c.comment_id).where(*where)
    ).all()


def nearest_rank(values: Sequence[float], num: int, den: int) -> Optional[float]:
    """The value at rank ceil(num/den × n) of the sorted values, as `percentiles` does in SQL."""
    if not values:
        return None
    return sorted(values)[-(-len(values) * num // den) - 1]


@dataclass(frozen=True)
class MeasuredComment:
    """One comment as the tables count it, measured once however many tables group it."""

    platform: str
    day: date  # the caisse's local day of its reception
    personal_data: bool
    hidden_personal_data: bool
    hidden_abuse: bool
    public: bool
    private: bool
    to_agents: bool
    hiding: Optional[float]  # seconds
    answer: Optional[float]


def measure(comment, zone: ZoneInfo) -> MeasuredComment:
    action, received, hidden = comment.action, aware(comment.received_at), comment.hidden_at
    answered = aware(comment.answered_at)
    # The first answer is an agent's from the thread's page when their first reply came no later
    # (Meta's taking it set `answered_at`), else the assistant's; it is public or private.
    agent_replied = aware(comment.agent_replied_at)
    by_agent = answered is not None and agent_replied is not None and agent_replied <= answered
    public = aware(comment.agent_public_at) == agent_replied if by_agent else action == records.PUBLIC_REPLY
    by_assistant = answered is not None and not by_agent
    personal = action == records.HIDDEN_PERSONAL_DATA
    failed = ((personal and (hidden is None or not by_assistant))
              or (action == records.HIDDEN_ABUSE and hidden is None)
              or (action in (records.PUBLIC_REPLY, records.PRIVATE_REPLY) and not by_assistant))
    hiding = None
    if personal and hidden is not None:
        # From the moment the data was posted: the comment's reception, or the edit that added it.
        hidden, edited = aware(hidden), aware(comment.edited_at)
        posted = edited if edited is not None and received < edited <= hidden else received
        hiding = (hidden - posted).total_seconds()
    return MeasuredComment(
        comment.platform, received.astimezone(zone).date(), personal, personal and hidden is not None,
        action == records.HIDDEN_ABUSE and hidden is not None,
        public and answered is not None,
        not public and answered is not None,
        # Left to the agents by the assistant, or handed to them when its hiding or reply failed
        # (a queued comment since removed by its author, or since answered, was sent to them all the same).
        action in (records.QUEUED, records.DELETED) or failed,
        hiding, None if answered is None else (answered - received).total_seconds())


@dataclass
class CommentCounts:
    """What the assistant did with a group of comments, and how fast."""

    received: int = 0
    personal_data: int = 0
    hidden_personal_data: int = 0
    hidden_abuse: int = 0
    public: int = 0
    private: int = 0
    to_agents: int = 0
    hiding: List[float] = field(default_factory=list)
    answer: List[float] = field(default_factory=list)

    def add(self, comment: MeasuredComment) -> None:
        self.received += 1
        self.personal_data += comment.personal_data
        self.hidden_personal_data += comment.hidden_personal_data
        self.hidden_abuse += comment.hidden_abuse
        self.public += comment.public
        self.private += comment.private
        self.to_agents += comment.to_agents
        if comment.hiding is not None:
            self.hiding.append(comment.hiding)
        if comment.answer is not None:
            self.answer.append(comment.answer)

    def row(self) -> Dict[str, Any]:
        def rounded(value: Optional[float]) -> Optional[float]:
            return None if value is None else round(value, 1)

        on_time = sum(delay <= HIDING_TARGET_SECONDS for delay in self.hiding)
        return {"received": self.received, "personal_data": self.personal_data,
                "hidden_personal_data": self.hidden_personal_data, "hidden_abuse": self.hidden_abuse,
                "public": self.public, "private": self.private, "to_agents": self.to_agents,
                "hiding_median": rounded(nearest_rank(self.hiding, 1, 2)),
                "hiding_p95": rounded(nearest_rank(self.hiding, 95, 100)),
                # Out of every comment with personal data: one that could not be hidden is late.
                "hiding_on_time": _ratio(on_time, self.personal_data),
                "answer_median": rounded(nearest_rank(self.answer, 1, 2)),
                "answer_p95": rounded(nearest_rank(self.answer, 95, 100))}


COMMENT_COLUMNS = [
    Column("received", "Commentaires reçus"),
    Column("personal_data", "Avec données personnelles"),
    Column("hidden_personal_data", "Masqués pour données personnelles"),
    Column("hidden_abuse", "Masqués pour abus"),
    Column("public", "Réponses publiques"),
    Column("private", "Réponses privées"),
    Column("to_agents", "Confiés aux conseillers"),
    Column("hiding_median", "Délai de masquage, médiane", "seconds"),
    Column("hiding_p95", "Délai de masquage, 95e centile", "seconds"),
    Column("hiding_on_time", f"Masqués en {HIDING_TARGET_SECONDS} s au plus", "percent"),
    Column("answer_median", "Délai de première réponse, médiane", "seconds"),
    Column("answer_p95", "Délai de première réponse, 95e centile", "seconds"),
]
COMMENTS_NOTE = (f"Commentaires publics des pages Facebook et du compte Instagram de la caisse (F9, F10), hors "
                 f"réponses de la page elle-même. Délai de masquage : de la publication (ou de la modification "
                 f"qui a ajouté la donnée) au masquage ; un commentaire qui n'a pas pu être masqué compte comme "
                 f"hors délai ({HIDING_TARGET_SECONDS} s). Première réponse : de l'assistant ou d'un "
                 f"conseiller ; publique ou privée, elle range le commentaire dans l'une des deux colonnes. 95e "
                 f"centile : 19 commentaires sur 20 ont attendu moins. Sans branche : le filtre de branche ne s'y "
                 f"applique pas.")


def _comment_groups(scope: Scope, key: Callable[[Any], Any]) -> Dict[Any, CommentCounts]:
    groups: Dict[Any, CommentCounts] = {}
    for comment in scope.comments():
        groups.setdefault(key(comment), CommentCounts()).add(comment)
    return groups


def comments_by_network(scope: Scope) -> Table:
    """F9 on the public pages: per network over the period, how fast personal data was hidden."""
    groups = _comment_groups(scope, lambda comment: comment.platform)
    overall = _comment_groups(scope, lambda comment: None).get(None, CommentCounts()).row()
    return Table("commentaires_reseaux", "Commentaires publics par réseau",
                 [Column("platform", "Réseau", "text"), *COMMENT_COLUMNS],
                 [{"platform": labels.label(labels.PLATFORMS, platform), **groups[platform].row()}
                  for platform in sorted(groups)], COMMENTS_NOTE,
                 {"received": overall["received"], "hiding_on_time": overall["hiding_on_time"]})


def comments_by_day(scope: Scope) -> Table:
    """The same per local day, for each network that had comments (days without any as zeros)."""
    groups = _comment_groups(scope, lambda comment: (comment.day, comment.platform))
    platforms = sorted({platform for _, platform in groups})
    rows = []
    day = scope.filters.start
    while day <= scope.filters.end:
        rows += [{"day": day, "platform": labels.label(labels.PLATFORMS, platform),
                  **groups.get((day, platform), CommentCounts()).row()} for platform in platforms]
        day += timedelta(days=1)
    return Table("commentaires_jour", "Commentaires publics par jour",
                 [Column("day", "Jour", "date"), Column("platform", "Réseau", "text"), *COMMENT_COLUMNS],
                 rows, "Jours de la caisse (son fuseau horaire) ; mêmes définitions que le tableau par réseau.")


# --- the dashboard ----------------------------------------------------------------------------

Indicator = Callable[[Scope], Table]
INDICATORS: Dict[str, Indicator] = {
    "volumes_jour": volumes_by_day,
    "volumes_semaine": volumes_by_week,
    "canaux": volumes_by_channel,
    "branches": volumes_by_branch,
    "passages_motif": handoffs_by_reason,
    "passages_theme": handoffs_by_topic,
    "delais": handoff_delays,
    "engagement_f1": commitment,
    "reactivite_f2": reactivity,
    "passages_ouverts": open_handoffs,
    "avis_f3": votes,
    "modeles_suivis_passage": templates_followed_by_handoff,
    "donnees_masquees_f9": masked_data,
    "moderation_f10": abuse,
    "commentaires_reseaux": comments_by_network,
    "commentaires_jour": comments_by_day,
}
SUMMARY_SOURCES = ("passages_motif", "engagement_f1", "passages_ouverts", "avis_f3", "commentaires_reseaux")


def summary(scope: Scope, tables: Dict[str, Table]) -> Table:
    """The key figures at the top of the page, taken from the detailed tables."""
    period = scope.totals_by("all").get(None, dict.fromkeys(CUBE_MEASURES, 0))
    people = scope.connection.execute(  # over the whole period, not a sum of days: people come back
        select(func.count(distinct(FACTS.c.conversation_id))).where(*facts_where(FACTS, scope.filters))
    ).scalar_one()
    conversations, with_handoff = period["conversations"], period["with_handoff"]
    rows = [
        ("conversations", "Conversations", conversations, "int"),
        ("messages", "Messages reçus", period["messages"], "int"),
        ("people", "Personnes distinctes", people, "int"),
        ("containment", "Réglées sans conseiller", _ratio(conversations - with_handoff, conversations), "percent"),
        ("with_handoff", "Conversations passées à un conseiller", with_handoff, "int"),
        ("handoffs", "Demandes de passage à un conseiller", sum(row["handoffs"] for row in tables["passages_motif"].rows),
         "int"),
        ("f1", "Réponses dans le délai (F1)", tables["engagement_f1"].extra["on_time_share"], "percent"),
        ("open", "Passages en cours", tables["passages_ouverts"].extra["open"], "int"),
        ("late", "En retard sur l'engagement", tables["passages_ouverts"].extra["late"], "int"),
        ("useful", "Avis « utile » (F3)", tables["avis_f3"].extra["useful_share"], "percent"),
        ("masked", "Messages avec données masquées (F9)", period["masked_messages"], "int"),
        ("abusive", "Messages abusifs (F10)", period["abusive_messages"], "int"),
        ("comments", "Commentaires publics reçus", tables["commentaires_reseaux"].extra["received"], "int"),
        ("comments_hidden", f"Commentaires : données personnelles masquées en {HIDING_TARGET_SECONDS} s au plus (F9)",
         tables["commentaires_reseaux"].extra["hiding_on_time"], "percent"),
    ]
    # Counts and percentages in columns of their own: a spreadsheet adds up one unit per column.
    return Table("synthese", "Synthèse de la période",
                 [Column("indicator", "Indicateur", "text"), Column("count", "Nombre"),
                  Column("share", "Pourcentage", "percent")],
                 [{"code": code, "indicator": title, "count": value if kind == "int" else None,
                   "share": value if kind == "percent" else None} for code, title, value, kind in rows])


def compute(connection: Connection, filters: Filters, config: CaisseConfig, now: datetime,
            only: Optional[Iterable[str]] = None, titles: Optional[Dict[str, str]] = None) -> Dict[str, Table]:
    """The dashboard's tables (all, or the keys in `only`), the summary first when asked for."""
    scope = Scope(connection, filters, config, now, titles or {})
    wanted = ["synthese", *INDICATORS] if only is None else [key for key in only if key in TABLE_KEYS]
    needed = set(wanted) | (set(SUMMARY_SOURCES) if "synthese" in wanted else set())
    tables = {key: INDICATORS[key](scope) for key in INDICATORS if key in needed}
    if "synthese" in wanted:
        tables["synthese"] = summary(scope, tables)
    return {key: tables[key] for key in TABLE_KEYS if key in wanted}


def filters_from_params(params: Dict[str, str], today: date, zone: str) -> Filters:
    """Filters from the page's query string (du, au, canal, branche); the current month by default."""
    def parse(name: str, default: date) -> date:
        try:
            return date.fromisoformat(params.get(name) or "") if params.get(name) else default
        except ValueError:
            raise ValueError(f"date invalide pour « {name} » : attendu AAAA-MM-JJ") from None

    start = parse("du", today.replace(day=1))
    end = parse("au", today)
    return Filters(start, end, params.get("canal") or None, params.get("branche") or None, zone)




# --- questions without an answer --------------------------------------------------------------

def _unanswered_counts(connection: Connection, filters: Filters):
    return connection.execute(
        select(UNANSWERED.c.text, func.count().label("messages"), func.max(UNANSWERED.c.at).label("last_seen"))
        .where(*facts_where(UNANSWERED, filters))
        .group_by(UNANSWERED.c.text).order_by(func.count().desc(), UNANSWERED.c.text).limit(MAX_DISTINCT)
    ).all()


def unanswered_groups(connection: Connection, filters: Filters) -> List[Group]:
    """The unanswered questions of the period grouped by similarity: the dashboard's table and
    the editors' candidates page (`bot.web.editor`)."""
    rows = _unanswered_counts(connection, filters)
    groups = cluster_texts([row.text for row in rows], [row.messages for row in rows])
    last_seen = {row.text: aware(row.last_seen) for row in rows}
    for group in groups:
        group.last_seen = max(last_seen[text] for text in group.texts)
    return groups


def unanswered_questions(scope: Scope) -> Table:
    """Fallback and out-of-scope messages grouped by similarity: the answers still missing."""
    connection, filters = scope.connection, scope.filters
    total = connection.execute(select(func.count()).where(*facts_where(UNANSWERED, filters))).scalar_one()
    groups = unanswered_groups(connection, filters)
    rows = [{"question": group.leader, "messages": group.messages, "variants": len(group.texts),
             "examples": " | ".join(group.texts[1:4]), "share": _ratio(group.messages, total),
             "_links": {"messages": {"source": "unanswered", "group": group.leader}}} for group in groups]
    grouped = sum(group.messages for group in groups)
    note = "Messages non compris ou hors sujet, regroupés par ressemblance (la formulation la plus fréquente en tête)."
    if total > grouped:
        note += f" {total - grouped} message(s) aux formulations plus rares ne sont pas regroupés."
    return Table("questions_sans_reponse", "Questions sans réponse",
                 [Column("question", "Question (formulation la plus fréquente)", "text"),
                  Column("messages", "Messages"), Column("variants", "Formulations"),
                  Column("examples", "Autres formulations", "text"), Column("share", "Part", "percent")],
                 rows, note, {"total": total})


INDICATORS["questions_sans_reponse"] = unanswered_questions
TABLE_KEYS = ("synthese", *INDICATORS)
