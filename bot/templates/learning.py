"""What the conversations teach the communication team, read from Rasa's SQL tracker store.

- usage: how many times each template was given (bot events whose `utter_action` is
  `utter_faq/<id>`), to sort the editor's list by what matters;
- unanswered questions: user messages Rasa classified `nlu_fallback`, `out_of_scope` or
  `needs_clarification` (no validated answer, or too vague: `bot.nlu.answer_gate`), grouped
  when they say the same thing, as candidates for a new template or new examples;
- agents' replies in handoffs (bot events with `metadata.agent`) with the question that came
  before: what a human had to answer is what a template is missing;
- the templates closest to a text (`TemplateIndex`): the editor's search and, for each group of
  unanswered questions, the few templates it could be added to.

Texts were masked by the channels before Rasa stored them: no personal value is shown here.
The tracker store is only read, with plain SQL that works on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Dict, List, Optional, Sequence, Tuple

from sqlalchemy import bindparam, create_engine, inspect, text
from sqlalchemy.engine import Engine

from bot.config import PROJECT_ROOT
from bot.templates._model import AnswerTemplate
from bot.templates.checks import normalise

UNANSWERED_INTENTS = ("nlu_fallback", "out_of_scope", "needs_clarification")
# Words that carry no question: a group made only of these (or of words under 3 letters: "x",
# "ok") is shown after the real questions.
NOISE_WORDS = {"test", "tests", "teste", "tester", "essai", "essais", "coucou", "allo", "hello", "bla", "azerty",
               "qsdf", "aaa", "abc", "toto"}
# A search lists the templates at least this close (cosine, 0..1), best first; measured on the
# seed templates: "noël" -> the Christmas bonus (0.43) alone, "quand suis-je payé" -> the
# payment-date templates (0.13-0.17), a stray letter -> nothing above 0.04.
SEARCH_MIN_SCORE = 0.08
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
    """Unanswered user messages grouped when they ask the same thing, biggest groups first and
    noise ("x", "test") last.

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
    ordered = sorted(groups.values(), key=lambda g: (is_noise(g), -g.count,
                                                     -(g.last_seen.timestamp() if g.last_seen else 0)))
    return ordered[:limit]


def is_noise(group: QuestionGroup) -> bool:
    return not any(len(word) >= 3 and word not in NOISE_WORDS
                   for message in group.texts for word in normalise(message).split())


class TemplateIndex:
    """TF-IDF of each template's title (twice), examples and answer: character 3-5-grams inside
    words (spelling and accent mistakes, "payé"/"payée") and whole words. Built once per list of
    templates (`current_templates` keeps the same list while nothing changes)."""

    _cache: Dict[int, "TemplateIndex"] = {}

    def __init__(self, templates: Sequence[AnswerTemplate]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_union

        self.templates = templates  # kept: its id stays its own while cached
        self._vectorizer = make_union(
            TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            TfidfVectorizer(preprocessor=normalise, analyzer="word", sublinear_tf=True))
        self._matrix = self._vectorizer.fit_transform(
            [" ".join([t.title, t.title, *t.examples, t.answer]) for t in self.templates])

    @classmethod
    def of(cls, templates: Sequence[AnswerTemplate]) -> "TemplateIndex":
        if id(templates) not in cls._cache:
            cls._cache.clear()
            cls._cache[id(templates)] = cls(templates)
        return cls._cache[id(templates)]

    def rank(self, query: str) -> List[Tuple[AnswerTemplate, float]]:
        """Every template with its closeness to `query` (0..1), closest first."""
        from sklearn.metrics.pairwise import linear_kernel

        if not normalise(query):
            return []
        # Each of the two parts is L2-normalised: their sum is at most 2.
        scores = linear_kernel(self._vectorizer.transform([query]), self._matrix)[0] / 2
        order = sorted(range(len(self.templates)), key=lambda i: -scores[i])
        return [(self.templates[i], float(scores[i])) for i in order]

    def search(self, query: str) -> List[AnswerTemplate]:
        """The templates a search finds, closest first: close enough, or containing the words as
        typed (from 3 letters: a stray letter is in every answer)."""
        typed = normalise(query)
        return [t for t, score in self.rank(query)
                if score >= SEARCH_MIN_SCORE
                or (len(typed) >= 3
                    and typed in normalise(" ".join([t.id.replace("_", " "), t.title, t.answer, *t.examples])))]

    def closest(self, texts: Sequence[str], count: int = 3) -> List[AnswerTemplate]:
        return [t for t, score in self.rank(" ".join(texts))[:count] if score > 0]


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
