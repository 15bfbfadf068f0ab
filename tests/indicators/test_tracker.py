"""Facts derived from Rasa's SQL tracker store, with events serialised by Rasa itself."""
import json
import os
from datetime import date, datetime, timezone

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, insert, select

from bot.handoff.records import Handoff
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.config import PROJECT_ROOT
from bot.indicators.tracker import refresh_facts, refresh_from_environment
from bot.storage import get_engine, migrate

# The columns of Rasa 3.6's SQLTrackerStore table (rasa/core/tracker_store.py, SQLEvent).
EVENTS = Table("events", MetaData(), Column("id", Integer, primary_key=True),
               Column("sender_id", String(255), nullable=False), Column("type_name", String(255), nullable=False),
               Column("timestamp", Float), Column("intent_name", String(255)), Column("action_name", String(255)),
               Column("data", Text))
# Wednesday 30 September 2026, 23:30 in Bordeaux: already 1 October for the caisse? No: 30 September.
LATE_EVENING = datetime(2026, 9, 30, 21, 30, tzinfo=timezone.utc).timestamp()
NEXT_DAY = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc).timestamp()


def _faq(text, template, timestamp, **metadata):
    parse_data = {"intent": {"name": "faq", "confidence": 0.9},
                  "response_selector": {"faq": {"response": {"intent_response_key": f"faq/{template}",
                                                             "confidence": 0.8}}}}
    return UserUttered(text, parse_data["intent"], parse_data=parse_data, input_channel="socketio",
                       metadata=metadata or None, timestamp=timestamp)


def _user(text, intent, timestamp, channel="socketio", moderation=None, **metadata):
    parse_data = {"intent": {"name": intent}}
    if moderation:  # what bot.moderation.component.ModerationGate adds to every parsed message
        parse_data["moderation"] = {"category": moderation, "severity": "medium"}
    return UserUttered(text, {"name": intent, "confidence": 0.9}, parse_data=parse_data,
                       input_channel=channel, metadata=metadata or None, timestamp=timestamp)


def _store(connection, sender, events):
    for event in events:
        data = event.as_dict()
        connection.execute(insert(EVENTS), {
            "sender_id": sender, "type_name": event.type_name, "timestamp": event.timestamp,
            "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
            "action_name": data.get("name"), "data": json.dumps(data)})


@pytest.fixture
def databases(tmp_path):
    url = f"sqlite:///{tmp_path / 'caisse.db'}"
    migrate(url)
    tracker = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    EVENTS.metadata.create_all(tracker)
    return tracker, get_engine(url)


def test_sessions_become_conversations_with_their_counts(databases):
    tracker, engine = databases
    with tracker.begin() as connection:
        _store(connection, "alice", [
            ActionExecuted("action_session_start", timestamp=LATE_EVENING), SessionStarted(timestamp=LATE_EVENING),
            _faq("apl [NIR] combien", "caf_logement_apl", LATE_EVENING + 5, personal_data=["NIR"]),
            BotUttered("réponse", timestamp=LATE_EVENING + 6),
            _user("blabla incompréhensible", "nlu_fallback", LATE_EVENING + 60,
                  personal_data=["NIR", "PHONE"], moderation="insult"),
            # The next day: a new Rasa session is a new conversation of the same person.
            SessionStarted(timestamp=NEXT_DAY),
            _user("quel temps fait-il", "out_of_scope", NEXT_DAY + 10, moderation="criticism"),
        ])
        _store(connection, "bob", [SessionStarted(timestamp=NEXT_DAY)])  # opened the widget, said nothing
    with engine.begin() as connection:
        connection.execute(insert(Handoff.__table__), {
            "conversation_id": "alice", "channel": "socketio", "reason": "fallback", "branch": "caf",
            "transcript_ref": "alice", "priority": 0, "status": "waiting",
            "requested_at": datetime.fromtimestamp(LATE_EVENING + 70, timezone.utc)})

    assert refresh_facts(tracker, engine) == 2
    with engine.connect() as connection:
        facts = connection.execute(select(ConversationFact.__table__).order_by("session")).mappings().all()
        masked = connection.execute(select(MaskedDataFact.__table__).order_by("data_type")).mappings().all()
        unanswered = connection.execute(select(UnansweredQuestion.__table__).order_by("at")).mappings().all()
    first, second = facts
    assert (first["conversation_id"], first["session"], first["channel"]) == ("alice", 0, "socketio")
    assert first["day"] == date(2026, 9, 30) and first["week"] == date(2026, 9, 28)
    assert (first["topic"], first["branch"], first["messages"], first["handoffs"]) == ("caf_logement_apl", "caf", 2, 1)
    assert (first["fallback_messages"], first["masked_messages"], first["abusive_messages"]) == (1, 2, 1)
    assert (second["session"], second["day"], second["messages"], second["handoffs"]) == (1, date(2026, 10, 1), 1, 0)
    assert (second["out_of_scope_messages"], second["abusive_messages"], second["branch"]) == (1, 0, None)
    assert [(row["data_type"], row["messages"]) for row in masked] == [("NIR", 2), ("PHONE", 1)]
    assert [(row["kind"], row["text"]) for row in unanswered] == [
        ("fallback", "blabla incompréhensible"), ("out_of_scope", "quel temps fait-il")]


def test_refresh_reads_only_conversations_with_new_events(databases):
    tracker, engine = databases
    with tracker.begin() as connection:
        _store(connection, "alice", [SessionStarted(timestamp=NEXT_DAY), _user("bonjour", "greet", NEXT_DAY + 1)])
        _store(connection, "carol", [SessionStarted(timestamp=NEXT_DAY), _user("salut", "greet", NEXT_DAY + 2)])
    assert refresh_facts(tracker, engine) == 2
    assert refresh_facts(tracker, engine) == 0
    with tracker.begin() as connection:
        _store(connection, "alice", [_user("et la prime d'activité ?", "nlu_fallback", NEXT_DAY + 30)])
    assert refresh_facts(tracker, engine) == 1
    with engine.connect() as connection:
        rows = connection.execute(select(ConversationFact.conversation_id, ConversationFact.messages)
                                  .order_by(ConversationFact.conversation_id)).all()
    assert rows == [("alice", 2), ("carol", 1)]


def test_no_tracker_table_yet_is_no_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'caisse.db'}"
    migrate(url)
    assert refresh_facts(create_engine(f"sqlite:///{tmp_path / 'empty.db'}"), get_engine(url)) == 0


def test_the_store_named_by_a_relative_url_is_found_from_any_working_directory(databases, tmp_path, monkeypatch):
    """The runner starts each process in the project folder; a command or test may not."""
    tracker, engine = databases
    with tracker.begin() as connection:
        _store(connection, "alice", [SessionStarted(timestamp=NEXT_DAY), _user("bonjour", "greet", NEXT_DAY + 1)])
    relative = os.path.relpath(tracker.url.database, PROJECT_ROOT)
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{relative}")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert refresh_from_environment(engine, "Europe/Paris") == 1
