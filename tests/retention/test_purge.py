"""The purge on a tracker store (Rasa's own SQL store) and our tables holding old and recent
conversations: only the old content goes, and every indicator stays the same."""
import asyncio
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, select

from bot.config import load_config
from bot.handoff.queue import request_handoff
from bot.handoff.records import Handoff, HandoffEvent
from bot.indicators.queries import Filters, compute
from bot.indicators.tracker import refresh_facts
from bot.retention import RetentionAudit, delete_conversation, purge, purge_is_due
from bot.storage import record_feedback, session_scope

CONFIG = load_config(environ={})
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
DOMAIN = Domain.from_dict({"intents": ["faq", "out_of_scope", "greet"]})


def session(start: datetime, *messages):
    events = [ActionExecuted("action_session_start", timestamp=start.timestamp()),
              SessionStarted(timestamp=start.timestamp() + 0.1)]
    for offset, (text, intent) in enumerate(messages, start=1):
        events.append(UserUttered(text, {"name": intent, "confidence": 0.9}, timestamp=start.timestamp() + offset,
                                  input_channel="socketio"))
    return events


@pytest.fixture
def stores(database, tmp_path):
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    old, recent = NOW - timedelta(days=120), NOW - timedelta(days=10)
    conversations = {
        "person-old": session(old, ("c'est quoi la prime", "faq"), ("il fait beau ?", "out_of_scope")),
        "person-back": [*session(old, ("bonjour", "greet")), *session(recent, ("et l'apl ?", "faq"))],
        "person-new": session(recent, ("quand est le paiement", "faq")),
    }
    for sender, events in conversations.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    request_handoff("person-old", "socketio", "asked", now=NOW - timedelta(days=450), engine=database)
    request_handoff("person-new", "socketio", "asked", now=NOW - timedelta(days=10), engine=database)
    record_feedback("person-old", "caf_logement_apl", True, "socketio", engine=database)
    return database, create_engine(tracker_url), tmp_path / "tracker.db"


def indicators(engine):
    """Every figure of the dashboard over both periods; the ids listed under a number are left
    out (the purge takes them off on purpose), and so are the unanswered questions' texts."""
    with engine.connect() as connection:
        tables = compute(connection, Filters(date(2025, 1, 1), date(2026, 11, 30)), CONFIG, NOW)
    return {key: [{k: v for k, v in row.items() if k != "conversation_id"} for row in table.as_dict()["rows"]]
            for key, table in tables.items() if key != "questions_sans_reponse"}


def senders(tracker_path):
    with sqlite3.connect(tracker_path) as connection:
        return sorted({row[0] for row in connection.execute("SELECT sender_id FROM events")})


def texts(tracker_path):
    with sqlite3.connect(tracker_path) as connection:
        return " ".join(str(row[0]) for row in connection.execute("SELECT data FROM events"))


def test_only_old_content_goes_and_indicators_stay_the_same(stores):
    engine, tracker, tracker_path = stores
    refresh_facts(tracker, engine, CONFIG.opening_hours.timezone)
    before = indicators(engine)

    report = purge(CONFIG, engine, tracker, now=NOW)

    assert senders(tracker_path) == ["person-back", "person-new"]
    remaining = texts(tracker_path)
    assert "c'est quoi la prime" not in remaining and "bonjour" not in remaining
    assert "et l'apl ?" in remaining and "quand est le paiement" in remaining
    assert report.conversations == 2 and report.handoffs == 1
    assert indicators(engine) == before
    with session_scope(engine) as db:
        kept = db.execute(select(Handoff.conversation_id).order_by(Handoff.requested_at)).scalars().all()
        assert kept == ["purged", "person-new"]
        assert db.execute(select(HandoffEvent.kind)).scalars().all() == ["requested"]
    # New events for a purged person: the facts of the deleted conversation are kept.
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tracker_path))
    back = asyncio.run(store.retrieve("person-back"))
    back.update(UserUttered("merci", {"name": "greet", "confidence": 0.9}, timestamp=NOW.timestamp()))
    asyncio.run(store.save(back))
    refresh_facts(tracker, engine, CONFIG.opening_hours.timezone)
    total = lambda rows: sum(r["messages"] for r in rows)  # noqa: E731
    assert total(indicators(engine)["volumes_jour"]) == total(before["volumes_jour"]) + 1


def test_purge_runs_once_a_day(stores):
    engine, tracker, _ = stores
    assert purge_is_due(engine, NOW)
    purge(CONFIG, engine, tracker, now=NOW)
    assert not purge_is_due(engine, NOW + timedelta(hours=23))
    assert purge_is_due(engine, NOW + timedelta(hours=25))


def test_a_conversation_deleted_on_request_leaves_counts_and_an_audit_line_without_content(stores):
    engine, tracker, tracker_path = stores
    refresh_facts(tracker, engine, CONFIG.opening_hours.timezone)
    before = indicators(engine)
    delete_conversation("person-new", "moderator:alex", "demande n° 42 de Mme Durand", engine, tracker,
                        CONFIG, now=NOW)
    assert "person-new" not in senders(tracker_path)
    assert indicators(engine)["volumes_jour"] == before["volumes_jour"]
    with session_scope(engine) as db:
        audit = db.execute(select(RetentionAudit)).scalars().one()
        assert audit.action == "delete_conversation" and "person-new" not in audit.detail
        assert "Durand" not in audit.detail
        assert "person-new" not in db.execute(select(Handoff.conversation_id)).scalars().all()


def test_the_text_of_old_page_comments_goes_with_the_transcripts_their_dates_stay(stores):
    from bot.social.records import SocialComment, add_comment

    engine, tracker, _ = stores
    for comment_id, days in (("2_1", 120), ("2_2", 10)):
        add_comment(SocialComment(platform="facebook", comment_id=comment_id, post_id="1_2",
                                  conversation_id=f"facebook_comment:{comment_id}", masked_text="texte [NIR]",
                                  action="hidden_personal_data", received_at=NOW - timedelta(days=days),
                                  hidden_at=NOW - timedelta(days=days)), engine)
    report = purge(CONFIG, engine, tracker, now=NOW)
    with session_scope(engine) as db:
        comments = db.execute(select(SocialComment).order_by(SocialComment.comment_id)).scalars().all()
    assert [(c.conversation_id, c.masked_text) for c in comments] == [
        ("purged", ""), ("facebook_comment:2_2", "texte [NIR]")]
    assert all(c.hidden_at is not None for c in comments) and report.social_comments == 1
