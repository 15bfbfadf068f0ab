"""A small dataset whose every indicator was computed by hand (see the tests' comments).

Period: 1-7 October 2026 (Thursday to Wednesday), Caf de la Gironde configuration:
open Monday-Thursday 8:30-16:30 and Friday 8:30-12:30, commitment 24 business hours.
"""
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import insert

from bot.config import load_config
from bot.handoff.records import Handoff
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.indicators.queries import Filters
from bot.moderation.flags import ModerationFlag
from bot.social.records import SocialComment
from bot.storage import get_engine, migrate
from bot.storage.feedback import AnswerFeedback

UTC = timezone.utc
# Monday 12 October 2026, 11:00 in Bordeaux: h4's deadline (Friday 9th, 10:00) has passed,
# h5's (Tuesday 13th, 12:00) has not.
NOW = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)
PERIOD = Filters(date(2026, 10, 1), date(2026, 10, 7))


def _fact(conversation_id, session, channel, branch, topic, day, messages, handoffs=0, fallback=0,
          out_of_scope=0, masked=0, abusive=0):
    started = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    return dict(conversation_id=conversation_id, session=session, channel=channel, branch=branch, topic=topic,
                started_at=started, day=day, week=date.fromordinal(day.toordinal() - day.weekday()),
                messages=messages, handoffs=handoffs, fallback_messages=fallback,
                out_of_scope_messages=out_of_scope, masked_messages=masked, abusive_messages=abusive,
                last_event_id=0)


FACTS = [
    _fact("c1", 0, "socketio", "caf", "caf_logement_apl", date(2026, 10, 1), 3, handoffs=1, masked=1),
    _fact("c2", 0, "socketio", "caf", "caf_logement_apl", date(2026, 10, 1), 2),
    _fact("c3", 0, "facebook", "cpam", "cpam_carte_vitale", date(2026, 10, 2), 4, handoffs=1, masked=2, abusive=1),
    _fact("c1", 1, "socketio", None, None, date(2026, 10, 5), 1, fallback=1),
    _fact("c4", 0, "rest", None, None, date(2026, 10, 5), 2, fallback=1, out_of_scope=1),
    _fact("c5", 0, "socketio", "caf", "caf_rsa_montant", date(2026, 9, 30), 5, handoffs=1, masked=2),
]


def _masked(conversation_id, session, channel, branch, day, data_type, messages):
    return dict(conversation_id=conversation_id, session=session, channel=channel, branch=branch, day=day,
                data_type=data_type, messages=messages)


MASKED = [
    _masked("c1", 0, "socketio", "caf", date(2026, 10, 1), "NIR", 1),
    _masked("c3", 0, "facebook", "cpam", date(2026, 10, 2), "IBAN", 1),
    _masked("c3", 0, "facebook", "cpam", date(2026, 10, 2), "PHONE", 1),
    _masked("c5", 0, "socketio", "caf", date(2026, 9, 30), "NIR", 2),
]


def _unanswered(conversation_id, session, channel, kind, text):
    return dict(conversation_id=conversation_id, session=session, channel=channel, branch=None,
                day=date(2026, 10, 5), at=datetime(2026, 10, 5, 9, 5, tzinfo=UTC), kind=kind, text=text)


UNANSWERED = [
    _unanswered("c1", 1, "socketio", "fallback", "alocation rentree scolaire c quand"),
    _unanswered("c4", 0, "rest", "fallback", "allocation rentrée scolaire date versement"),
    _unanswered("c4", 0, "rest", "out_of_scope", "quel temps fait il demain"),
]


def _handoff(conversation_id, channel, reason, topic, branch, requested, status="closed", delays=None):
    row = dict(conversation_id=conversation_id, channel=channel, reason=reason, topic=topic, branch=branch,
               transcript_ref=conversation_id, priority=0, status=status, requested_at=requested,
               first_agent_reply_at=None, closed_at=None, outcome=None)
    names = ("waiting_business_seconds", "waiting_seconds", "first_response_business_seconds",
             "first_response_seconds", "resolution_business_seconds", "resolution_seconds")
    row.update(dict.fromkeys(names))
    if delays:
        row.update(zip(names, delays))
        row["first_agent_reply_at"] = requested
        row["outcome"] = "answered"
    return row


HANDOFFS = [
    # h1..h5 in the period, h6 the day before.
    _handoff("c1", "socketio", "fallback", "caf_logement_apl", "caf", datetime(2026, 10, 1, 8, tzinfo=UTC),
             delays=(600, 600, 1800, 1800, 7200, 7200)),
    _handoff("c3", "facebook", "complaint", "cpam_carte_vitale", "cpam", datetime(2026, 10, 2, 8, tzinfo=UTC),
             delays=(3600, 3600, 20000, 70000, 30000, 90000)),
    _handoff("c1", "socketio", "fallback", None, None, datetime(2026, 10, 5, 9, tzinfo=UTC),
             delays=(50000, 90000, 100000, 200000, 120000, 250000)),
    _handoff("c6", "socketio", "urgent", None, "caf", datetime(2026, 10, 6, 8, tzinfo=UTC), status="waiting"),
    _handoff("c7", "rest", "asked", None, None, datetime(2026, 10, 7, 14, tzinfo=UTC), status="waiting"),
    _handoff("c5", "socketio", "asked", "caf_rsa_montant", "caf", datetime(2026, 9, 30, 8, tzinfo=UTC),
             delays=(60, 60, 60, 60, 60, 60)),
]


def _vote(conversation_id, template, useful, channel, day):
    return dict(conversation_id=conversation_id, template_id=template, useful=useful, channel=channel,
                created_at=datetime(2026, 10, day, 12, tzinfo=UTC) if day else datetime(2026, 9, 30, 12, tzinfo=UTC))


VOTES = [
    _vote("c1", "caf_logement_apl", True, "socketio", 1),
    _vote("c2", "caf_logement_apl", False, "socketio", 2),
    _vote("c4", "caf_logement_apl", True, "rest", 3),
    _vote("c3", "cpam_carte_vitale", False, "facebook", 2),
    _vote("c2", None, True, "socketio", 4),
    # "cafeteria" is not of the caf branch: the branch filter must not take it for caf_...
    _vote("c2", "cafeteria_menu", True, "socketio", 3),
    _vote("c5", "caf_logement_apl", False, "socketio", None),
]


def _flag(conversation_id, channel, category, severity, day):
    return dict(conversation_id=conversation_id, channel=channel, category=category, severity=severity,
                flagged_at=datetime(2026, 10 if day else 9, day or 30, 10, tzinfo=UTC), status="open")


FLAGS = [
    _flag("c3", "facebook", "insult", "high", 2),
    _flag("c6", "socketio", "threat", "urgent", 6),
    _flag("c8", "socketio", "insult", "high", None),  # the day before the period
]


def _comment(comment_id, platform, action, received, hidden=None, answered=None, edited=None):
    """A public comment, delays in seconds after `received` (or absolute times); synthetic text."""
    def later(value):
        return received + timedelta(seconds=value) if isinstance(value, (int, float)) else value

    return dict(platform=platform, comment_id=comment_id, post_id="post-1", parent_id=None,
                conversation_id=f"{platform}_comment:{comment_id}", masked_text="Texte fictif [NIR]",
                personal_data="NIR" if action == "hidden_personal_data" else None, action=action,
                received_at=received, hidden_at=later(hidden), answered_at=later(answered), edited_at=edited,
                deleted_at=None)


def _at(day, hour, minute=0, month=10):
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# Facebook in the period (Paris days): 13 comments, f12 (the page's own) and f15, f16 outside.
COMMENTS = [
    _comment("f1", "facebook", "hidden_personal_data", _at(1, 8), hidden=0.4, answered=1.2),
    _comment("f2", "facebook", "hidden_personal_data", _at(1, 9), hidden=1.5, answered=2.0),
    _comment("f3", "facebook", "hidden_personal_data", _at(1, 10), hidden=90, answered=91),  # late
    _comment("f4", "facebook", "hidden_personal_data", _at(1, 11), answered=1.0),  # hiding failed: to agents
    _comment("f5", "facebook", "public_reply", _at(1, 12), answered=3.0),
    _comment("f6", "facebook", "public_reply", _at(2, 8)),  # reply failed: to agents
    _comment("f7", "facebook", "private_reply", _at(2, 9), answered=2.5),
    _comment("f8", "facebook", "hidden_abuse", _at(2, 10), hidden=0.8),
    _comment("f9", "facebook", "hidden_abuse", _at(2, 11)),  # hiding failed: to agents
    _comment("f10", "facebook", "queued", _at(2, 12)),
    _comment("f11", "facebook", "deleted", _at(2, 13)),  # queued, then removed by its author
    _comment("f12", "facebook", "ignored_own", _at(1, 14)),
    # Answered in public at reception, then edited to add a number: hidden 0.5 s after the edit.
    _comment("f13", "facebook", "hidden_personal_data", _at(3, 8), hidden=_at(3, 9) + timedelta(seconds=0.5),
             answered=3601, edited=_at(3, 9)),
    _comment("f14", "facebook", "public_reply", _at(30, 23, 30, month=9), answered=4.0),  # 1 Oct, 1:30 in Paris
    _comment("f15", "facebook", "public_reply", _at(30, 21, 30, month=9), answered=4.0),  # 30 Sept in Paris
    _comment("f16", "facebook", "public_reply", _at(7, 22, 30), answered=4.0),  # 8 Oct in Paris
    _comment("i1", "instagram", "hidden_personal_data", _at(2, 12), hidden=0.6, answered=1.4),
    _comment("i2", "instagram", "queued", _at(5, 12)),
]


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('indicators') / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    with engine.begin() as connection:
        for model, rows in ((ConversationFact, FACTS), (MaskedDataFact, MASKED), (UnansweredQuestion, UNANSWERED),
                            (Handoff, HANDOFFS), (AnswerFeedback, VOTES), (ModerationFlag, FLAGS),
                            (SocialComment, COMMENTS)):
            connection.execute(insert(model.__table__), rows)
    return engine


@pytest.fixture
def connection(engine):
    with engine.connect() as connection:
        yield connection
