"""What the conversations teach the communication team, read from Rasa's SQL tracker store.

- usage: how many times each template was given (bot events whose `utter_action` is
  `utter_faq/<id>`), to sort the editor's list by what matters;
- agents' replies in handoffs (bot events with `metadata.agent`) with the question that came
  before: what a human had to answer is what a template is missing;
- the templates closest to a text (`TemplateIndex`): the editor's search and, for each group of
  unanswered questions (grouped as on the dashboard: `bot.indicators.queries.unanswered_groups`),
  the few templates it could be added to.

Texts were masked by the channels before Rasa stored them: no personal value is shown here.
The tracker store is read through `bot.storage.rasa_events`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, List, Optional, Sequence, Tuple

from sqlalchemy.engine import Engine

from bot.storage import rasa_events
from bot.templates._model import AnswerTemplate
from bot.text import example_key

# A search lists the templates at least this close (cosine, 0..1), best first; measured on the
# seed templates: "noël" -> the Christmas bonus (0.43) alone, "quand suis-je payé" -> the
# payment-date templates (0.13-0.17), a stray letter -> nothing above 0.04.
SEARCH_MIN_SCORE = 0.08


def _moment(timestamp: Optional[float]) -> Optional[datetime]:
    return datetime.fromtimestamp(timestamp, timezone.utc) if timestamp else None


def template_usage(engine: Engine) -> Dict[str, int]:
    """Template id -> number of times it was given."""
    if not rasa_events.has_events(engine):
        return {}
    counts: Counter = Counter()
    with engine.connect() as connection:
        for stored in rasa_events.bot_events_containing(connection, "utter_faq/"):
            action = (stored.event.get("metadata") or {}).get("utter_action") or ""
            if action.startswith("utter_faq/"):
                counts[action.partition("/")[2]] += 1
    return dict(counts)


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
            TfidfVectorizer(preprocessor=example_key, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            TfidfVectorizer(preprocessor=example_key, analyzer="word", sublinear_tf=True))
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

        if not example_key(query):
            return []
        # Each of the two parts is L2-normalised: their sum is at most 2.
        scores = linear_kernel(self._vectorizer.transform([query]), self._matrix)[0] / 2
        order = sorted(range(len(self.templates)), key=lambda i: -scores[i])
        return [(self.templates[i], float(scores[i])) for i in order]

    def search(self, query: str) -> List[AnswerTemplate]:
        """The templates a search finds, closest first: close enough, or containing the words as
        typed (from 3 letters: a stray letter is in every answer)."""
        typed = example_key(query)
        return [t for t, score in self.rank(query)
                if score >= SEARCH_MIN_SCORE
                or (len(typed) >= 3
                    and typed in example_key(" ".join([t.id.replace("_", " "), t.title, t.answer, *t.examples])))]

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
    if not rasa_events.has_events(engine):
        return []
    found: List[AgentReply] = []
    with engine.connect() as connection:
        for stored in rasa_events.bot_events_containing(connection, '"agent"', limit * 4):
            event = stored.event
            agent = (event.get("metadata") or {}).get("agent")
            if not agent or not event.get("text"):
                continue
            question = rasa_events.user_message_before(connection, stored.sender_id, stored.id)
            question_text = (question.event.get("text") or "") if question else ""
            found.append(AgentReply(question_text, event["text"], agent, _moment(stored.timestamp)))
            if len(found) >= limit:
                break
    return found
