"""The conversations behind a number of the dashboard: every count links here with its criteria.

A manager who sees "42 handoffs for a misunderstood question" can open the list, page by page
with its total, and read the masked transcripts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Dict, List, Optional, Sequence

from sqlalchemy import and_, exists, func, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql import Select

from bot.config import CaisseConfig
from bot.indicators import labels
from bot.indicators.queries import (
    FACTS, FEEDBACK, FLAGS, HANDOFFS, MASKED, UNANSWERED, Column, Filters, Table, bucket_expression, facts_where,
    feedback_where, first_response_column, flags_where, handoffs_where, overdue_condition, unanswered_groups,
)

PAGE_SIZE = 100
SOURCES = ("conversations", "handoffs", "votes", "unanswered", "flags")


@dataclass
class Listing:
    """One page of a drill-down: which page, of how many rows in all, and template titles to show."""

    page: int = 1
    titles: Dict[str, str] = field(default_factory=dict)
    total: int = 0

    def rows(self, connection: Connection, query: Select) -> Sequence[Row]:
        self.total = connection.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
        return connection.execute(query.limit(PAGE_SIZE).offset((self.page - 1) * PAGE_SIZE)).all()

    def title(self, template_id: Optional[str]) -> str:
        return labels.template_title(template_id, self.titles)


def _optional(column, value: str):
    """An empty criterion value stands for "not known" (NULL) in the table."""
    return column.is_(None) if value == "" else column == value


def _conversations(connection: Connection, filters: Filters, criteria: Dict[str, str], listing: Listing) -> Table:
    where = facts_where(FACTS, filters)
    if "day" in criteria:
        try:
            where.append(FACTS.c.day == date.fromisoformat(criteria["day"]))
        except ValueError:
            raise ValueError(f"jour invalide « {criteria['day']} » : attendu AAAA-MM-JJ") from None
    for name in ("channel", "branch", "topic"):
        if name in criteria:
            where.append(_optional(FACTS.c[name], criteria[name]))
    if criteria.get("handoff") == "1":
        where.append(FACTS.c.handoffs > 0)
    if criteria.get("abusive") == "1":
        where.append(FACTS.c.abusive_messages > 0)
    if criteria.get("masked") == "1":
        where.append(FACTS.c.masked_messages > 0)
    elif criteria.get("masked"):
        where.append(exists().where(MASKED.c.conversation_id == FACTS.c.conversation_id,
                                    MASKED.c.session == FACTS.c.session,
                                    MASKED.c.data_type == criteria["masked"]))
    rows = listing.rows(connection, select(
        FACTS.c.conversation_id, FACTS.c.started_at, FACTS.c.channel, FACTS.c.branch, FACTS.c.topic,
        FACTS.c.messages, FACTS.c.handoffs).where(*where).order_by(FACTS.c.started_at, FACTS.c.id))
    return Table("conversations", "Conversations",
                 [Column("conversation_id", "Conversation", "text"), Column("started_at", "Début", "datetime"),
                  Column("channel", "Canal", "text"), Column("branch", "Branche", "text"),
                  Column("topic", "Dernier modèle de réponse", "text"), Column("messages", "Messages"),
                  Column("handoffs", "Passages")],
                 [{"conversation_id": row.conversation_id, "started_at": row.started_at,
                   "channel": labels.label(labels.CHANNELS, row.channel),
                   "branch": labels.label(labels.BRANCHES, row.branch), "topic": listing.title(row.topic),
                   "messages": row.messages, "handoffs": row.handoffs} for row in rows])


def _handoffs(connection: Connection, filters: Filters, config: CaisseConfig, now: datetime,
              criteria: Dict[str, str], listing: Listing) -> Table:
    where = handoffs_where(filters)
    if "reason" in criteria:
        where.append(HANDOFFS.c.reason == criteria["reason"])
    if "topic" in criteria:
        where.append(_optional(HANDOFFS.c.topic, criteria["topic"]))
    if "bucket" in criteria:
        where.append(bucket_expression(config) == criteria["bucket"])
    limit = config.commitments.response_time_hours * 3600
    f1 = {"on_time": first_response_column(config) <= limit, "late": first_response_column(config) > limit,
          "overdue": overdue_condition(config, now)}
    if criteria.get("f1") in f1:
        where.append(f1[criteria["f1"]])
    rows = listing.rows(connection, select(
        HANDOFFS.c.id, HANDOFFS.c.conversation_id, HANDOFFS.c.channel, HANDOFFS.c.reason, HANDOFFS.c.topic,
        HANDOFFS.c.status, HANDOFFS.c.requested_at, HANDOFFS.c.first_response_business_seconds, HANDOFFS.c.outcome)
        .where(and_(*where)).order_by(HANDOFFS.c.requested_at, HANDOFFS.c.id))
    return Table("passages", "Passages à un conseiller",
                 [Column("id", "N°"), Column("conversation_id", "Conversation", "text"),
                  Column("requested_at", "Demandé le", "datetime"), Column("channel", "Canal", "text"),
                  Column("reason", "Motif", "text"), Column("topic", "Thème", "text"),
                  Column("status", "État", "text"),
                  Column("first_response", "Première réponse (heures ouvrées)", "duration"),
                  Column("outcome", "Issue", "text")],
                 [{"id": row.id, "conversation_id": row.conversation_id, "requested_at": row.requested_at,
                   "channel": labels.label(labels.CHANNELS, row.channel),
                   "reason": labels.label(labels.REASONS, row.reason), "topic": listing.title(row.topic),
                   "status": labels.label(labels.STATUSES, row.status),
                   "first_response": row.first_response_business_seconds,
                   "outcome": labels.OUTCOMES.get(row.outcome, row.outcome) if row.outcome else ""}
                  for row in rows])


def _votes(connection: Connection, filters: Filters, criteria: Dict[str, str], listing: Listing) -> Table:
    where = feedback_where(filters)
    if "template" in criteria:
        where.append(_optional(FEEDBACK.c.template_id, criteria["template"]))
    if criteria.get("useful") in ("oui", "non"):
        where.append(FEEDBACK.c.useful.is_(criteria["useful"] == "oui"))
    rows = listing.rows(connection, select(
        FEEDBACK.c.conversation_id, FEEDBACK.c.created_at, FEEDBACK.c.channel, FEEDBACK.c.template_id,
        FEEDBACK.c.useful).where(*where).order_by(FEEDBACK.c.created_at, FEEDBACK.c.id))
    return Table("avis", "Avis sur les réponses",
                 [Column("conversation_id", "Conversation", "text"), Column("created_at", "Date", "datetime"),
                  Column("channel", "Canal", "text"), Column("template", "Modèle de réponse", "text"),
                  Column("useful", "Avis", "text")],
                 [{"conversation_id": row.conversation_id, "created_at": row.created_at,
                   "channel": labels.label(labels.CHANNELS, row.channel), "template": listing.title(row.template_id),
                   "useful": "Utile" if row.useful else "Pas utile"} for row in rows])


def _unanswered(connection: Connection, filters: Filters, criteria: Dict[str, str], listing: Listing) -> Table:
    texts: List[str] = []
    for group in unanswered_groups(connection, filters):
        if group.leader == criteria.get("group"):
            texts = group.texts
    rows = listing.rows(connection, select(
        UNANSWERED.c.conversation_id, UNANSWERED.c.at, UNANSWERED.c.channel, UNANSWERED.c.kind, UNANSWERED.c.text)
        .where(*facts_where(UNANSWERED, filters), UNANSWERED.c.text.in_(texts))
        .order_by(UNANSWERED.c.at, UNANSWERED.c.id)) if texts else []
    return Table("questions", "Questions sans réponse",
                 [Column("conversation_id", "Conversation", "text"), Column("at", "Date", "datetime"),
                  Column("channel", "Canal", "text"), Column("kind", "Type", "text"),
                  Column("text", "Message (masqué)", "text")],
                 [{"conversation_id": row.conversation_id, "at": row.at,
                   "channel": labels.label(labels.CHANNELS, row.channel), "kind": labels.label(labels.KINDS, row.kind),
                   "text": row.text} for row in rows])


def _flags(connection: Connection, filters: Filters, criteria: Dict[str, str], listing: Listing) -> Table:
    where = flags_where(filters)
    if "category" in criteria:
        where.append(FLAGS.c.category == criteria["category"])
    rows = listing.rows(connection, select(
        FLAGS.c.conversation_id, FLAGS.c.flagged_at, FLAGS.c.channel, FLAGS.c.category, FLAGS.c.severity,
        FLAGS.c.decision).where(*where).order_by(FLAGS.c.flagged_at, FLAGS.c.id))
    return Table("signalements", "Signalements aux modérateurs",
                 [Column("conversation_id", "Conversation", "text"), Column("flagged_at", "Date", "datetime"),
                  Column("channel", "Canal", "text"), Column("category", "Catégorie", "text"),
                  Column("decision", "Décision", "text")],
                 [{"conversation_id": row.conversation_id, "flagged_at": row.flagged_at,
                   "channel": labels.label(labels.CHANNELS, row.channel),
                   "category": labels.label(labels.MODERATION, row.category),
                   "decision": labels.DECISIONS.get(row.decision, "En attente") if row.decision else "En attente"}
                  for row in rows])


def drill(connection: Connection, filters: Filters, config: CaisseConfig, now: datetime,
          criteria: Dict[str, str], listing: Optional[Listing] = None) -> Table:
    """One page of the conversations, handoffs, votes or messages matching `criteria`; the
    listing (filled in) tells how many there are in all."""
    listing = listing or Listing()
    source = criteria.get("source")
    if source == "conversations":
        return _conversations(connection, filters, criteria, listing)
    if source == "handoffs":
        return _handoffs(connection, filters, config, now, criteria, listing)
    if source == "votes":
        return _votes(connection, filters, criteria, listing)
    if source == "unanswered":
        return _unanswered(connection, filters, criteria, listing)
    if source == "flags":
        return _flags(connection, filters, criteria, listing)
    raise ValueError(f"source inconnue « {source} » (attendu : {', '.join(SOURCES)})")
