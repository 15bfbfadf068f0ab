"""Synthetic conversations, handoffs and votes, so the dashboard can be tried and measured
without real users (`python -m tools.demo_data`).

The shapes follow the domain brief: peaks at the start of the month around payment day and at
the school-year start in late August, fewer conversations at weekends, people writing in the
evening, agents answering only during opening hours (so a request on Friday evening waits
until Monday). No real person's data: ids are `demo-<n>`, texts are invented questions.
Everything is drawn with numpy from one seed and inserted in bulk.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Dict, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.config import CaisseConfig, OpeningHours
from bot.handoff.records import Handoff
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.social import records as social
from bot.social.records import SocialComment
from bot.storage.feedback import AnswerFeedback
from bot.templates import load_templates

PREFIX = "demo-"
CHUNK = 50_000
CHANNELS = (("socketio", 0.70), ("facebook", 0.22), ("rest", 0.08))
REASONS = (("asked", 0.35), ("fallback", 0.25), ("not_useful", 0.15), ("template", 0.12),
           ("complaint", 0.10), ("urgent", 0.03))
DATA_TYPES = (("NAME", 0.28), ("PHONE", 0.2), ("NIR", 0.15), ("EMAIL", 0.1), ("ALLOCATAIRE", 0.1),
              ("ADDRESS", 0.07), ("IBAN", 0.04), ("BIRTHDATE", 0.03), ("MSA", 0.02), ("FISCAL", 0.01))
# Share of the day's conversations per local hour: office hours, lunch, and the evening.
HOURLY = np.array([2, 1, 1, 1, 1, 2, 4, 8, 14, 18, 18, 16, 12, 13, 16, 16, 14, 12, 12, 14, 15, 13, 9, 5], float)
# Questions the assistant has no answer for, as people type them (typos, no accents, SMS style).
UNANSWERED = (
    "c quand la prime de noel", "prime de noël versée quand", "quand est versée la prime de noel cette année",
    "allocation rentrée scolaire c quand", "ARS date de versement", "alocation rentree scolaire montant",
    "le chèque énergie c'est vous ?", "cheque energie pas recu", "comment avoir le cheque energie",
    "pass sport comment l'avoir", "pass'sport inscription", "quel temps fait il demain",
    "vous etes un robot ?", "je veux parler a quelqu un de vrai", "ma mutuelle rembourse les lunettes ?",
    "résilier ma mutuelle", "comment payer moins d impots", "carte grise perdue", "avis d'imposition 2026",
    "allocation chômage france travail montant", "mon employeur ne me paie pas", "aide pour le permis de conduire",
    "aide pour acheter une voiture", "prime de naissance 2eme enfant", "bourse college dossier",
    "aide au bafa", "aide vacances enfants caf", "bon vacances caf c quoi", "tarif cantine scolaire",
    "aide pour payer ma facture d'electricite", "fond solidarité logement", "fsl dossier", "mdph dossier en cours",
    "carte mobilité inclusion", "ou en est la réforme des retraites", "loi immigration titre de sejour",
)
# Public comments under the caisse's posts, as stored (masked), by what the assistant did with them.
COMMENTS = {
    social.PUBLIC_REPLY: ("quand est versée la prime d'activité ce mois-ci ?", "les horaires de l'accueil svp",
                          "c'est quoi le quotient familial ?", "c'est nul, trois semaines sans réponse à mon courrier"),
    social.PRIVATE_REPLY: ("ou en est mon dossier de logement ?", "mon allocation a baissé ce mois ci pourquoi"),
    social.HIDDEN_PERSONAL_DATA: ("mon numéro de sécu [NIR], vous pouvez regarder mon dossier ?",
                                  "rappelez moi au [TÉLÉPHONE] c'est urgent", "je suis [NOM], allocataire [ALLOCATAIRE]"),
    social.HIDDEN_ABUSE: ("bande d'incapables", "gagnez 500 euros par jour, cliquez ici"),
    social.QUEUED: ("j'ai envoyé ma déclaration il y a un mois et toujours rien, normal ?",
                    "ma fille part en apprentissage, on perd les allocations ?",
                    "vous fermez l'accueil de la rue de la gare ?"),
}
# What an agent answers from a thread's page, under the comment or to its author in private.
AGENT_REPLIES = {social.PUBLIC: "Bonjour, merci pour votre message : la réponse est sur notre site, rubrique Aides.",
                 social.PRIVATE: "Bonjour, je vous réponds en privé pour ne pas exposer votre situation."}
COMMENT_ACTIONS = ((social.PUBLIC_REPLY, 0.38), (social.PRIVATE_REPLY, 0.12), (social.HIDDEN_PERSONAL_DATA, 0.16),
                   (social.HIDDEN_ABUSE, 0.06), (social.QUEUED, 0.28))
COMMENT_PLATFORMS = ((social.FACEBOOK, 0.7), (social.INSTAGRAM, 0.3))
COMMENT_KINDS = {"[NIR]": "NIR", "[TÉLÉPHONE]": "PHONE", "[NOM]": "NAME", "[ALLOCATAIRE]": "ALLOCATAIRE"}
WAITING_THREADS = 3  # the newest queued threads stay in the agents' queue
TYPOS = (lambda text: text, lambda text: text.lower(), lambda text: text.replace("é", "e").replace("è", "e"),
         lambda text: text + " svp", lambda text: "bonjour " + text, lambda text: text + " ??")


@dataclass(frozen=True)
class DemoSize:
    conversations: int = 20_000
    handoffs: int = 2_000
    months: int = 3
    seed: int = 2026


class Timeline:
    """Opening time at one-minute resolution over the whole period, for vectorised business time."""

    def __init__(self, first: date, days: int, hours: OpeningHours) -> None:
        zone = ZoneInfo(hours.timezone)
        self.origin = datetime.combine(first, time(0), zone).astimezone(timezone.utc)
        self.origin_ts = self.origin.timestamp()
        minutes = days * 1440 + 1
        is_open = np.zeros(minutes, bool)
        for offset in range(days):
            day = first + timedelta(days=offset)
            for start, end in hours.slots(day):
                begin = (datetime.combine(day, start, zone).timestamp() - self.origin_ts) // 60
                stop = (datetime.combine(day, end, zone).timestamp() - self.origin_ts) // 60
                is_open[int(begin):int(stop)] = True
        self.open = is_open
        # Business seconds before each minute (one more entry than minutes).
        self.cumulative = np.concatenate([[0], np.cumsum(is_open) * 60])

    def _minute(self, ts: np.ndarray) -> np.ndarray:
        return np.clip(((ts - self.origin_ts) // 60).astype(np.int64), 0, len(self.open) - 1)

    def business(self, ts: np.ndarray) -> np.ndarray:
        """Business seconds from the origin to each instant."""
        minute = self._minute(ts)
        within = np.clip(ts - self.origin_ts - minute * 60, 0, 60)
        return self.cumulative[minute] + self.open[minute] * within

    def add_business(self, ts: np.ndarray, seconds: np.ndarray) -> np.ndarray:
        """The instants when `seconds` of opening time have passed since each `ts`."""
        target = self.business(ts) + seconds
        minute = np.maximum(np.searchsorted(self.cumulative, target, side="left") - 1, 0)
        return self.origin_ts + minute * 60.0 + (target - self.cumulative[minute])


def _day_weights(days: List[date]) -> np.ndarray:
    weights = []
    for day in days:
        weight = 1.0
        if day.day <= 5:  # payments land around the 5th: questions pile up at the start of the month
            weight *= 2.6 - 0.3 * (day.day - 1)
        if day.month == 8 and day.day >= 20 or day.month == 9 and day.day <= 5:
            weight *= 1.5  # school-year start allowance
        weight *= {5: 0.55, 6: 0.4}.get(day.weekday(), 1.0)
        weights.append(weight)
    array = np.array(weights)
    return array / array.sum()


def _choice(rng: np.random.Generator, options: Sequence[Tuple[str, float]], size: int) -> np.ndarray:
    names = np.array([name for name, _ in options], dtype=object)
    weights = np.array([weight for _, weight in options])
    return names[rng.choice(len(names), size=size, p=weights / weights.sum())]


def period(months: int, today: date) -> Tuple[date, date]:
    """From the first day of the month `months - 1` months ago to today."""
    year, month = today.year, today.month - (months - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1), today


def _rows(columns: Dict[str, Sequence]) -> List[dict]:
    keys = list(columns)
    values = [columns[key] for key in keys]
    return [dict(zip(keys, row)) for row in zip(*values)]


def generate(engine: Engine, config: CaisseConfig, size: DemoSize, today: Optional[date] = None,
             now: Optional[datetime] = None) -> Dict[str, int]:
    """Replaces the previous demo data with a new draw; returns the row counts inserted."""
    rng = np.random.default_rng(size.seed)
    zone = ZoneInfo(config.opening_hours.timezone)
    now = now or datetime.now(timezone.utc)
    today = today or now.astimezone(zone).date()
    first, last = period(size.months, today)
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    count = size.conversations

    # Conversations: day, hour, channel, person (some come back), topic, counts.
    day_index = rng.choice(len(days), size=count, p=_day_weights(days))
    hours = rng.choice(24, size=count, p=HOURLY / HOURLY.sum())
    midnight = np.array([datetime.combine(day, time(0), zone).timestamp() for day in days])
    started = midnight[day_index] + hours * 3600 + rng.integers(0, 3600, count)
    future = started > now.timestamp() - 600  # today's hours still to come: earlier today instead
    started = np.where(future, now.timestamp() - rng.uniform(600, 6 * 3600, count), started)
    started = np.maximum(started, midnight[0])
    started.sort()
    day_index = np.searchsorted(midnight, started, side="right") - 1
    people = max(1, int(count * 0.75))
    person = rng.integers(0, people, count)
    session = np.zeros(count, np.int64)
    by_person = np.argsort(person, kind="stable")
    sorted_person = person[by_person]
    run_start = np.r_[0, np.flatnonzero(np.diff(sorted_person)) + 1]
    run_id = np.repeat(np.arange(len(run_start)), np.diff(np.r_[run_start, count]))
    session[by_person] = np.arange(count) - run_start[run_id]
    channel = _choice(rng, CHANNELS, count)

    templates = load_templates()
    weights = np.array([5.0 if t.branch == config.branch else 1.0 for t in templates])
    template_ids = np.array([t.id for t in templates] + [None], dtype=object)
    template_branch = np.array([t.branch for t in templates] + [None], dtype=object)
    topic_index = rng.choice(len(templates), size=count, p=weights / weights.sum())
    topic_index[rng.random(count) < 0.15] = len(templates)  # small talk only: no template given
    topic, branch = template_ids[topic_index], template_branch[topic_index]
    messages = 1 + rng.geometric(0.4, count)
    fallback = (rng.random(count) < 0.10).astype(np.int64) * rng.integers(1, 3, count)
    out_of_scope = (rng.random(count) < 0.04).astype(np.int64)
    masked = (rng.random(count) < 0.06).astype(np.int64) * rng.integers(1, 3, count)
    abusive = (rng.random(count) < 0.005).astype(np.int64)

    # Handoffs: one per chosen conversation, requested a few minutes into it.
    with_handoff = np.sort(rng.choice(count, size=min(size.handoffs, count), replace=False))
    handoff_count = np.zeros(count, np.int64)
    handoff_count[with_handoff] = 1
    reason = _choice(rng, REASONS, len(with_handoff))
    fallback[with_handoff[reason == "fallback"]] = np.maximum(fallback[with_handoff[reason == "fallback"]], 1)
    messages = np.maximum(messages, fallback + out_of_scope + masked + abusive)

    # Agents work in opening hours: delays are drawn in business time, longer on busy days.
    timeline = Timeline(first, len(days) + 60, config.opening_hours)
    handled = len(with_handoff)
    busy = _day_weights(days)[day_index[with_handoff]] * len(days)
    requested = started[with_handoff] + rng.integers(60, 900, handled)
    taken = timeline.add_business(requested, rng.lognormal(np.log(2700), 1.5, handled) * busy)
    replied = timeline.add_business(taken, rng.lognormal(np.log(240), 0.8, handled))
    closed = timeline.add_business(replied, rng.lognormal(np.log(3600), 1.2, handled))
    now_ts = now.timestamp()
    # A few people leave before any agent came: closed three days later without an answer.
    abandoned = rng.random(len(with_handoff)) < 0.03
    closed = np.where(abandoned, requested + 3 * 86400, closed)
    is_taken = (taken <= now_ts) & ~abandoned
    has_reply = (replied <= now_ts) & ~abandoned
    state = np.where(closed <= now_ts, "closed", np.where(is_taken, "active", "waiting"))
    business = {name: timeline.business(values) for name, values in
                (("requested", requested), ("taken", taken), ("replied", replied), ("closed", closed))}

    def when(ts: float) -> datetime:
        return datetime.fromtimestamp(float(ts), timezone.utc)

    def delay(condition: bool, end: str, end_ts: float, wall: bool, index: int) -> Optional[int]:
        if not condition:
            return None
        if wall:
            return int(end_ts - requested[index])
        return int(business[end][index] - business["requested"][index])

    handoff_rows = []
    for index, conversation in enumerate(with_handoff):
        is_closed = state[index] == "closed"
        outcome = None
        if is_closed:
            outcome = "abandoned" if abandoned[index] else str(rng.choice(["answered", "answered", "redirected"]))
        handoff_rows.append({
            "conversation_id": f"{PREFIX}{person[conversation]}", "channel": channel[conversation],
            "reason": reason[index], "topic": topic[conversation], "branch": branch[conversation],
            "transcript_ref": f"{PREFIX}{person[conversation]}", "priority": 1 if reason[index] == "urgent" else 0,
            "status": state[index], "requested_at": when(requested[index]),
            "taken_at": when(taken[index]) if is_taken[index] else None,
            "first_agent_reply_at": when(replied[index]) if has_reply[index] else None,
            "closed_at": when(closed[index]) if is_closed else None,
            "outcome": outcome,
            "waiting_seconds": delay(is_taken[index], "taken", taken[index], True, index),
            "waiting_business_seconds": delay(is_taken[index], "taken", taken[index], False, index),
            "first_response_seconds": delay(has_reply[index], "replied", replied[index], True, index),
            "first_response_business_seconds": delay(has_reply[index], "replied", replied[index], False, index),
            "resolution_seconds": delay(is_closed and not abandoned[index], "closed", closed[index], True, index),
            "resolution_business_seconds": delay(is_closed and not abandoned[index], "closed", closed[index], False,
                                                 index),
        })

    local_days = np.array(days, dtype=object)[day_index]
    weeks = np.array([day - timedelta(days=day.weekday()) for day in days], dtype=object)[day_index]
    conversation_ids = np.array([f"{PREFIX}{p}" for p in person], dtype=object)
    started_at = [when(ts) for ts in started]
    facts = _rows({
        "conversation_id": conversation_ids, "session": session.tolist(), "channel": channel, "branch": branch,
        "topic": topic, "started_at": started_at, "day": local_days, "week": weeks, "messages": messages.tolist(),
        "fallback_messages": fallback.tolist(), "out_of_scope_messages": out_of_scope.tolist(),
        "masked_messages": masked.tolist(), "abusive_messages": abusive.tolist(),
        "handoffs": handoff_count.tolist(), "last_event_id": [0] * count,
    })

    masked_rows = []
    for index in np.flatnonzero(masked):
        for data_type in set(_choice(rng, DATA_TYPES, int(masked[index]))):
            masked_rows.append({"conversation_id": conversation_ids[index], "session": int(session[index]),
                                "day": local_days[index], "channel": channel[index], "branch": branch[index],
                                "data_type": data_type, "messages": int(masked[index])})

    zipf = 1.0 / np.arange(1, len(UNANSWERED) + 1) ** 0.9
    unanswered_rows = []
    for kind, per_conversation in (("fallback", fallback), ("out_of_scope", out_of_scope)):
        for index in np.flatnonzero(per_conversation):
            for _ in range(int(per_conversation[index])):
                question = UNANSWERED[rng.choice(len(UNANSWERED), p=zipf / zipf.sum())]
                unanswered_rows.append({
                    "conversation_id": conversation_ids[index], "session": int(session[index]),
                    "at": started_at[index] + timedelta(seconds=int(rng.integers(10, 300))),
                    "day": local_days[index], "channel": channel[index], "branch": branch[index], "kind": kind,
                    "text": TYPOS[int(rng.integers(len(TYPOS)))](question)})

    usefulness = {template: rng.beta(8, 2.5) for template in template_ids if template}
    vote_rows = []
    for index in np.flatnonzero((rng.random(count) < 0.15) & (topic_index < len(templates))):
        vote_rows.append({"conversation_id": conversation_ids[index], "template_id": topic[index],
                          "useful": bool(rng.random() < usefulness[topic[index]]), "channel": channel[index],
                          "created_at": started_at[index] + timedelta(minutes=2)})

    comment_rows, comment_handoffs = _comments(rng, started[rng.choice(count, size=max(30, count // 100))],
                                               timeline, now_ts)
    handoff_rows += comment_handoffs
    inserted = {}
    with engine.begin() as connection:
        for model in (ConversationFact, MaskedDataFact, UnansweredQuestion, AnswerFeedback, Handoff):
            table = model.__table__
            connection.execute(delete(table).where(table.c.conversation_id.like(f"{PREFIX}%")))
        connection.execute(delete(Handoff.__table__).where(Handoff.__table__.c.conversation_id.like(f"%:{PREFIX}%")))
        connection.execute(delete(SocialComment.__table__).where(SocialComment.__table__.c.comment_id.like(f"{PREFIX}%")))
        connection.execute(SocialComment.__table__.insert(), comment_rows)
        inserted[SocialComment.__tablename__] = len(comment_rows)
        for model, rows in ((ConversationFact, facts), (MaskedDataFact, masked_rows),
                            (UnansweredQuestion, unanswered_rows), (AnswerFeedback, vote_rows),
                            (Handoff, handoff_rows)):
            for start in range(0, len(rows), CHUNK):
                connection.execute(model.__table__.insert(), rows[start:start + CHUNK])
            inserted[model.__tablename__] = len(rows)
    return inserted


def _comments(rng: np.random.Generator, received: np.ndarray, timeline: Timeline,
              now_ts: float) -> Tuple[List[dict], List[dict]]:
    """Public comments and what the assistant did with them: hidden within a second or two,
    answered within a few seconds, a few replies Meta did not take; the comments left to the
    agents answered in opening hours (in public, or in private for two in five), but the newest
    few, still waiting with a follow-up."""
    received = np.sort(received)
    count = len(received)
    actions, platforms = _choice(rng, COMMENT_ACTIONS, count), _choice(rng, COMMENT_PLATFORMS, count)
    hiding = rng.lognormal(np.log(1.2), 0.5, count)
    answering = hiding + rng.lognormal(np.log(2.0), 0.4, count)
    not_sent = rng.random(count) < 0.03
    by_agent = timeline.add_business(received, rng.lognormal(np.log(3600), 1.0, count))
    agent_mode = np.where(rng.random(count) < 0.6, social.PUBLIC, social.PRIVATE)
    queued = np.flatnonzero(actions == social.QUEUED)
    waiting = queued[-WAITING_THREADS:].tolist()
    platforms[waiting] = [COMMENT_PLATFORMS[rank % 2][0] for rank in range(len(waiting))]  # both networks

    def when(ts: float) -> datetime:
        return datetime.fromtimestamp(float(ts), timezone.utc)

    comments, handoffs = [], []
    for index in range(count):
        action, platform = str(actions[index]), str(platforms[index])
        comment_id = f"{PREFIX}c{index}"
        conversation = f"{platform}_comment:{comment_id}"
        text = str(rng.choice(COMMENTS[action]))
        if index in waiting:  # three different questions
            text = COMMENTS[action][waiting.index(index) % len(COMMENTS[action])]
        start = received[index]
        row = {"platform": platform, "comment_id": comment_id, "post_id": f"{PREFIX}post{index % 7}",
               "parent_id": None, "conversation_id": conversation, "masked_text": text, "action": action,
               "personal_data": ",".join(sorted({kind for mask, kind in COMMENT_KINDS.items() if mask in text})) or None,
               "received_at": when(start), "hidden_at": None, "answered_at": None, "reply_mode": None,
               "sent_at": None}
        if action in (social.HIDDEN_PERSONAL_DATA, social.HIDDEN_ABUSE):
            row["hidden_at"] = None if not_sent[index] else when(start + hiding[index])
        if action in (social.PUBLIC_REPLY, social.PRIVATE_REPLY, social.HIDDEN_PERSONAL_DATA):
            row["answered_at"] = None if not_sent[index] else when(start + answering[index])
        agents = action == social.QUEUED or not_sent[index]  # what could not be done goes to them
        answered = agents and index not in waiting and by_agent[index] <= now_ts
        if action == social.QUEUED and answered:
            row["answered_at"] = when(by_agent[index])
        comments.append(row)
        if index in waiting:  # a follow-up from the person while waiting
            comments.append({**row, "comment_id": f"{comment_id}r", "parent_id": comment_id,
                             "masked_text": "quelqu'un peut me répondre ?", "action": social.QUEUED,
                             "personal_data": None, "received_at": when(start + 600)})
        if agents:
            # The agent answers from the thread's page: taken, answered and closed at once.
            done = when(by_agent[index]) if answered else None
            if answered and action != social.HIDDEN_ABUSE:  # an abuse left visible is hidden, not answered
                row["answered_at"] = row["answered_at"] or done  # as `social.records.agent_reply_sent` does
                mode = str(agent_mode[index])
                comments.append({**row, "comment_id": f"{comment_id}a", "parent_id": comment_id,
                                 "masked_text": AGENT_REPLIES[mode], "action": social.IGNORED_OWN,
                                 "personal_data": None, "received_at": done, "hidden_at": None,
                                 "answered_at": None, "reply_mode": mode, "sent_at": done})
            wall = int(by_agent[index] - start) if answered else None
            business = int(np.diff(timeline.business(np.array([start, by_agent[index]])))[0]) if answered else None
            handoffs.append({
                "conversation_id": conversation, "channel": f"{platform}_comment",
                "reason": "asked" if action == social.QUEUED else "not_sent", "topic": None, "branch": None,
                "transcript_ref": conversation, "priority": 0, "status": "closed" if answered else "waiting",
                "requested_at": when(start), "taken_at": done, "first_agent_reply_at": done, "closed_at": done,
                "outcome": "answered" if answered else None,
                "waiting_seconds": wall, "waiting_business_seconds": business, "first_response_seconds": wall,
                "first_response_business_seconds": business, "resolution_seconds": wall,
                "resolution_business_seconds": business})
    return comments, handoffs


def month_bounds(day: date) -> Tuple[date, date]:
    """The calendar month of `day`: its first and last days."""
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
