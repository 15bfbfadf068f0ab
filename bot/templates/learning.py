"""What the conversations teach the communication team, read from Rasa's SQL tracker store.

- usage: how many times each template was given (bot events whose `utter_action` is
  `utter_faq/<id>`), to sort the editor's list by what matters;
- unanswered questions: user messages Rasa classified `nlu_fallback`, `out_of_scope` or
  `needs_clarification` (no validated answer, or too vague: `bot.nlu.answer_gate`), grouped
  when they say the same thing, as candidates for a new template or new examples;
- agents' replies in handoffs (bot events with `metadata.agent`) with the question that came
  before: what a human had to answer is what a template is missing.

Texts were masked by the channels before Rasa stored them: no personal value is shown here.
The tracker store is only read, with plain SQL that works on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Dict, List, Optional

from sqlalchemy import bindparam, create_engine, inspect, text
from sqlalchemy.engine import Engine

from bot.config import PROJECT_ROOT
from bot.templates.checks import normalise

UNANSWERED_INTENTS = ("nlu_fallback", "out_of_scope", "needs_clarification")
GROUP_DISTANCE = 0.5  # average cosine distance under which messages ask the same thing
MAX_ROWS = 2000  # the grouping compares every pair: bounded memory (2,000² distances)


def tracker_engine(url: Optional[str] = None) -> Engine:
    return create_engine(url or os.environ.get("TRACKER_DB_URL") or f"sqlite:///{PROJECT_ROOT / 'var' / 'tracker.db'}",
                         future=True)


def _has_events(engine: Engine) -> bool:
    if engine.dialect.name == "sqlite" and engine.url.database and not os.path.exists(engine.url.database):
        return False
    return inspect(engine).has_table("events")


def _moment(timestamp: Optional[float]) -> Optional[datetime]:
    return datetime.fromtimestamp(timestamp, timezone.utc) if timestamp else None


def template_usage(engine: Engine) -> Dict[str, int]:
    """Template id -> number of times it was given."""
    if not _has_events(engine):
        return {}
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT data FROM events WHERE type_name = 'bot' AND data LIKE '%utter_faq/%'"))
        counts: Counter = Counter()
        for (data,) in rows:
            action = ((json.loads(data).get("metadata") or {}).get("utter_action") or "")
            if action.startswith("utter_faq/"):
                counts[action.partition("/")[2]] += 1
    return dict(counts)


@dataclass
class QuestionGroup:
    texts: List[str]
    count: int
    last_seen: Optional[datetime]
    reasons: List[str] = field(default_factory=list)

    @property
    def sample(self) -> str:
        return self.texts[0]


def unanswered_groups(engine: Engine, limit: int = 50) -> List[QuestionGroup]:
    """Unanswered user messages grouped when they ask the same thing, biggest groups first.

    Average-linkage clustering on char 3-5-gram TF-IDF cosine distances; the IDF is learnt on
    these messages *and* the templates' examples, so that words every question has ("aide",
    "caf") weigh less than the subject ("bafa"). Two messages join when their groups are, on
    average, at a cosine distance below `GROUP_DISTANCE`."""
    if not _has_events(engine):
        return []
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT intent_name, timestamp, data FROM events WHERE type_name = 'user' "
            "AND intent_name IN :intents ORDER BY id DESC LIMIT :n").bindparams(bindparam("intents", expanding=True)),
            {"n": MAX_ROWS, "intents": list(UNANSWERED_INTENTS)}).all()
    messages = []
    for intent, timestamp, data in rows:
        message_text = (json.loads(data).get("text") or "").strip()
        if message_text and not message_text.startswith("/") and normalise(message_text):
            messages.append((message_text, intent, _moment(timestamp)))
    if not messages:
        return []
    labels = [0] * len(messages)
    if len(messages) > 1:
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics.pairwise import cosine_distances

        from bot.templates.versions import current_templates

        texts = [normalise(t) for t, _, _ in messages]
        examples = [normalise(e) for t in current_templates() for e in t.examples]
        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit(texts + examples).transform(texts)
        # scikit-learn 1.1 (pinned by Rasa) calls the distance `affinity`.
        labels = AgglomerativeClustering(n_clusters=None, distance_threshold=GROUP_DISTANCE, affinity="precomputed",
                                         linkage="average").fit(cosine_distances(vectors)).labels_
    groups: Dict[int, QuestionGroup] = {}
    for label, (message_text, intent, moment) in zip(labels, messages):
        group = groups.setdefault(int(label), QuestionGroup([], 0, None))
        group.count += 1
        if message_text not in group.texts:
            group.texts.append(message_text)
        if intent not in group.reasons:
            group.reasons.append(intent)
        if moment and (group.last_seen is None or moment > group.last_seen):
            group.last_seen = moment
    ordered = sorted(groups.values(), key=lambda g: (-g.count, -(g.last_seen.timestamp() if g.last_seen else 0)))
    return ordered[:limit]


@dataclass
class AgentReply:
    question: str
    reply: str
    agent: str
    at: Optional[datetime]


def agent_replies(engine: Engine, limit: int = 50) -> List[AgentReply]:
    """Agents' replies, newest first, each with the person's last message before it."""
    if not _has_events(engine):
        return []
    with engine.connect() as connection:
        replies = connection.execute(text(
            "SELECT id, sender_id, timestamp, data FROM events WHERE type_name = 'bot' AND data LIKE '%\"agent\"%' "
            "ORDER BY id DESC LIMIT :n"), {"n": limit * 4}).all()
        found: List[AgentReply] = []
        for event_id, sender_id, timestamp, data in replies:
            event = json.loads(data)
            agent = (event.get("metadata") or {}).get("agent")
            if not agent or not event.get("text"):
                continue
            question = connection.execute(text(
                "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' AND id < :i "
                "ORDER BY id DESC LIMIT 1"), {"s": sender_id, "i": event_id}).scalar()
            question_text = (json.loads(question).get("text") or "") if question else ""
            found.append(AgentReply(question_text, event["text"], agent, _moment(timestamp)))
            if len(found) >= limit:
                break
    return found
