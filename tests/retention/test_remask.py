"""Stores written while the detector missed some personal data (simulated: the clear values are
written as they came), then masked again with the current detector: nothing stays in clear in
Rasa's tracker store, the event broker, our tables or the logs; Rasa still reads the
conversations; a second pass changes nothing."""
import asyncio
import json
import os
import random
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from rasa.core.brokers.sql import SQLEventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, inspect, select, text, update

from bot.__main__ import main
from bot.config import load_config
from bot.handoff.queue import request_handoff
from bot.handoff.records import CLOSED, NOTE, Handoff, HandoffEvent
from bot.indicators.tracker import refresh_facts
from bot.moderation.flags import flag_conversation
from bot.retention import RetentionAudit, purge, remask_stores
from bot.retention.remask import detector_fingerprint
from bot.storage import migrate, record_feedback, session_scope
from bot.templates.versions import TemplateVersion
from tests.personal_data.synthetic import format_iban, format_nir, make_iban, make_nir

CONFIG = load_config(environ={})
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
DOMAIN = Domain.from_dict({"intents": ["faq", "nlu_fallback"], "entities": ["numero"]})
_rng = random.Random(20261125)
NIR = format_nir(make_nir(_rng), "space")
IBAN = format_iban(make_iban(_rng), "space")
EMAIL = "camille.exemple@example.org"
SENDER = "claude.essai@example.net"  # a conversation id chosen by a channel: an e-mail address
CLEAR = (NIR, NIR.replace(" ", ""), IBAN, IBAN.replace(" ", ""), EMAIL, SENDER)


def conversation(start: datetime):
    moment = start.timestamp()
    return [
        ActionExecuted("action_session_start", timestamp=moment),
        SessionStarted(metadata={"page": f"https://caf.fr/aide?courriel={EMAIL}"}, timestamp=moment + 0.1),
        SlotSet("session_started_metadata", {"page": f"https://caf.fr/aide?courriel={EMAIL}"}, timestamp=moment + 0.2),
        UserUttered(f"mon numéro de sécu est {NIR}", {"name": "nlu_fallback", "confidence": 0.4},
                    [{"entity": "numero", "value": NIR, "start": 22, "end": 22 + len(NIR)}],
                    timestamp=moment + 1, input_channel="rest", metadata={"note": f"écrire à {EMAIL}"}),
        ActionExecuted("action_default_fallback", policy="RulePolicy", confidence=1.0, timestamp=moment + 2),
        BotUttered("Pour cela, appelez le 32 30.", timestamp=moment + 3),
        # An agent's reply masked by an earlier detector, which missed the IBAN.
        BotUttered(f"Votre [NOM] : j'ai noté le RIB {IBAN}", metadata={"agent": "Dominique"}, timestamp=moment + 4),
        UserUttered("déjà masqué : [NIR] et [E-MAIL]", {"name": "faq", "confidence": 0.9}, timestamp=moment + 5,
                    input_channel="rest"),
    ]


@pytest.fixture
def stores(database, tmp_path, var_folder):
    tracker_path, broker_path = tmp_path / "tracker.db", tmp_path / "broker.db"
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tracker_path))
    events = conversation(NOW - timedelta(days=3))
    asyncio.run(store.save(DialogueStateTracker.from_events(SENDER, events, slots=DOMAIN.slots)))
    asyncio.run(store.save(DialogueStateTracker.from_events("widget-4f1c", conversation(NOW - timedelta(days=3)),
                                                            slots=DOMAIN.slots)))
    broker = SQLEventBroker(db=str(broker_path))
    for event in events:
        broker.publish({"sender_id": SENDER, **event.as_dict()})
    broker.engine.dispose()
    tracker = create_engine(f"sqlite:///{tracker_path}")
    refresh_facts(tracker, database, CONFIG.opening_hours.timezone)  # unanswered question: the NIR, in clear
    handoff = request_handoff(SENDER, "rest", "asked", now=NOW - timedelta(days=3), engine=database)
    record_feedback(SENDER, "caf_logement_apl", False, "rest", engine=database)
    flag_conversation(SENDER, "spam", "low", "rest", now=NOW - timedelta(days=3), engine=database)
    with database.begin() as connection:
        connection.execute(update(Handoff.__table__).where(Handoff.__table__.c.id == handoff.id)
                           .values(status=CLOSED))
        # An agent's internal note for a colleague, masked by an earlier detector that missed the IBAN.
        connection.execute(HandoffEvent.__table__.insert().values(
            handoff_id=handoff.id, kind=NOTE, actor="agent:camille", detail=f"a dicté son RIB {IBAN}",
            at=NOW - timedelta(days=3)))
        connection.execute(TemplateVersion.__table__.insert().values(
            template_id="caf_logement_apl", proposed_by="redaction", note=f"question reçue de {EMAIL}",
            content=json.dumps({"answer": "Appelez le 32 30.", "examples": [f"mon nir {NIR} pour l'apl"],
                                "title": "APL"}, ensure_ascii=False, sort_keys=True)))
        connection.execute(RetentionAudit.__table__.insert().values(
            at=NOW, actor="moderator:alex", action="delete_conversation",
            detail=f"référence=demande de {NIR}, tracker_events=0"))
    logs = var_folder / "log"
    logs.mkdir(parents=True)
    (logs / "web.log").write_text(f"2026-11-22 10:00:01 INFO Message non traité (conversation {SENDER}).\n"
                                  f"2026-11-22 10:00:02 INFO texte reçu : {NIR}\n"
                                  "2026-11-22 10:00:03 INFO rien à masquer (32 30)\n"
                                  f"2026-11-22 10:00:04 INFO ligne en cours d'écriture {IBAN}")
    (logs / "web.log").chmod(0o640)
    return database, tracker, create_engine(f"sqlite:///{broker_path}"), tracker_path, broker_path, logs


def everything(*paths, leaving_out=()):
    """Every value of every table of the SQLite files, as text."""
    values = []
    for path in paths:
        with sqlite3.connect(path) as connection:
            for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                if table not in leaving_out:
                    values += [str(value) for row in connection.execute(f'SELECT * FROM "{table}"') for value in row]
    return "\n".join(values)


def event_rows(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, sender_id, type_name, intent_name, action_name, timestamp, data "
                                  "FROM events ORDER BY id").fetchall()


def test_nothing_stays_in_clear_rasa_reads_the_conversations_and_a_second_pass_changes_nothing(stores):
    engine, tracker, broker, tracker_path, broker_path, logs = stores
    database_path = engine.url.database
    assert all(value in everything(tracker_path, broker_path, database_path) for value in (NIR, IBAN, EMAIL, SENDER))
    before = event_rows(tracker_path)
    log_inode = os.stat(logs / "web.log").st_ino

    report = remask_stores(engine, tracker, broker, log_dir=logs, now=NOW)

    stored = everything(tracker_path, broker_path, database_path)
    log = (logs / "web.log").read_text()
    for value in CLEAR:
        assert value not in stored
    assert all(value not in log for value in (NIR, SENDER))
    assert IBAN in log.splitlines()[-1], "a line still being written waits for the next pass"
    assert "rien à masquer (32 30)" in log and "[NIR]" in log
    assert (logs / "web.log").stat().st_mode & 0o777 == 0o640 and os.stat(logs / "web.log").st_ino == log_inode
    assert report.conversation_ids == 1 and report.conversation_ids_deferred == 0
    assert report.tracker_events == 8 + 4  # all the e-mail sender's events renamed; 4 of the other's masked
    assert report.broker_events == len(conversation(NOW)) and report.log_lines == 2

    # The events are Rasa's own, only masked: same rows, same columns, valid JSON.
    after = event_rows(tracker_path)
    alias = after[0][1]
    assert alias.startswith("masked-") and {row[1] for row in after} == {alias, "widget-4f1c"}
    assert [row[2:6] for row in after] == [row[2:6] for row in before]
    changed = [(json.loads(old[6]), json.loads(new[6])) for old, new in zip(before, after) if old[6] != new[6]]
    assert {old["event"] for old, _ in changed} == {"session_started", "slot", "user", "bot"}
    for old, new in changed:
        assert old.keys() == new.keys() and old["timestamp"] == new["timestamp"]
    already_masked = lambda rows: [row for row in rows if "masqu" in row[6] and row[1] == "widget-4f1c"]  # noqa: E731
    assert len(already_masked(after)) == 1 and already_masked(after) == already_masked(before)
    restored = asyncio.run(SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tracker_path)).retrieve(alias))
    user, *_ = [e for e in restored.events if isinstance(e, UserUttered)]
    assert user.text == "mon numéro de sécu est [NIR]" and user.entities[0]["value"] == "[NIR]"
    assert user.intent["name"] == "nlu_fallback"
    bots = [e for e in restored.events if isinstance(e, BotUttered)]
    assert [b.text for b in bots] == ["Pour cela, appelez le 32 30.", "Votre [NOM] : j'ai noté le RIB [IBAN]"]
    assert bots[1].metadata == {"agent": "Dominique"}
    assert restored.get_slot("session_started_metadata") == {"page": "https://caf.fr/aide?courriel=[E-MAIL]"}
    assert [json.loads(row[0])["sender_id"] for row in sqlite3.connect(broker_path).execute("SELECT data FROM events")
            ] == [alias] * len(conversation(NOW))

    # Every table and the log name the conversation by its alias.
    assert f"(conversation {alias})" in log
    with sqlite3.connect(database_path) as connection:
        for table in ("conversation_facts", "unanswered_questions", "answer_feedback", "moderation_flags"):
            assert connection.execute(f"SELECT DISTINCT conversation_id FROM {table} WHERE conversation_id "
                                      "!= 'widget-4f1c'").fetchall() == [(alias,)], table
    with session_scope(engine) as db:
        handoff = db.execute(select(Handoff)).scalars().one()
        assert (handoff.conversation_id, handoff.transcript_ref) == (alias, f"rasa-tracker:{alias}")
        template = json.loads(db.execute(select(TemplateVersion.content)).scalar_one())
        assert template == {"answer": "Appelez le 32 30.", "examples": ["mon nir [NIR] pour l'apl"], "title": "APL"}
        audit = db.execute(select(RetentionAudit).where(RetentionAudit.action == "remask")).scalars().one()
        assert audit.detail.startswith(f"détecteur={detector_fingerprint()}, tracker_events=12, ")

    dumped = everything(tracker_path, broker_path, database_path, leaving_out=("retention_audit",))
    logged = (logs / "web.log").read_bytes()
    second = remask_stores(engine, tracker, broker, log_dir=logs, now=NOW)
    assert (second.tracker_events, second.broker_events, second.table_values, second.log_lines,
            second.conversation_ids) == (0, 0, 0, 0, 0)
    assert everything(tracker_path, broker_path, database_path, leaving_out=("retention_audit",)) == dumped
    assert (logs / "web.log").read_bytes() == logged


def test_a_conversation_still_going_on_keeps_its_id_until_it_is_over(stores):
    engine, tracker, broker, tracker_path, _, logs = stores
    with engine.begin() as connection:
        connection.execute(update(Handoff.__table__).values(status="active"))
    report = remask_stores(engine, tracker, broker, log_dir=logs, now=NOW)
    assert report.conversation_ids == 0 and report.conversation_ids_deferred == 1
    assert SENDER in {row[1] for row in event_rows(tracker_path)}
    assert NIR not in everything(tracker_path), "its texts are masked all the same"
    with engine.begin() as connection:
        connection.execute(update(Handoff.__table__).values(status=CLOSED))
    assert remask_stores(engine, tracker, broker, log_dir=logs, now=NOW).conversation_ids == 1
    assert SENDER not in everything(tracker_path, engine.url.database)


def test_the_purge_masks_again_once_the_detector_has_changed(stores):
    engine, tracker, _, tracker_path, _, logs = stores
    passes = lambda: engine.connect().execute(  # noqa: E731
        select(RetentionAudit.detail).where(RetentionAudit.action == "remask")).scalars().all()
    purge(CONFIG, engine, tracker, now=NOW)
    assert len(passes()) == 1 and NIR not in everything(tracker_path) and NIR not in (logs / "web.log").read_text()
    purge(CONFIG, engine, tracker, now=NOW + timedelta(days=1))
    assert len(passes()) == 1, "same detector: the messages since were masked by it at the door"
    with engine.begin() as connection:  # the last pass was made by another detector
        connection.execute(update(RetentionAudit.__table__).where(RetentionAudit.action == "remask")
                           .values(detail="détecteur=0123456789abcdef, tracker_events=0"))
    purge(CONFIG, engine, tracker, now=NOW + timedelta(days=2))
    assert len(passes()) == 2


def test_the_command(stores, monkeypatch, capsys):
    engine, _, broker, tracker_path, broker_path, _ = stores
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tracker_path}")
    monkeypatch.setenv("EVENT_BROKER_DB_URL", f"sqlite:///{broker_path}")
    assert main(["remask"]) == 0
    assert "Données personnelles masquées à nouveau : tracker_events=12, broker_events=8" in capsys.readouterr().out
    assert not any(value in everything(tracker_path, broker_path, engine.url.database) for value in CLEAR)


def test_on_postgresql(postgres, tmp_path):
    """The same pass on the production profile's databases (the tracker store, the SQL event
    broker and ours on PostgreSQL)."""
    migrate(f"{postgres}/caisse")
    engine, tracker, broker = (create_engine(f"{postgres}/{name}") for name in ("caisse", "rasa", "rasa_events"))
    store = SQLTrackerStore(DOMAIN, dialect="postgresql", host=tracker.url.host, port=tracker.url.port, db="rasa",
                            username="caisse")
    events = conversation(NOW - timedelta(days=3))
    asyncio.run(store.save(DialogueStateTracker.from_events(SENDER, events)))
    publisher = SQLEventBroker(dialect="postgresql", host=broker.url.host, port=broker.url.port, db="rasa_events",
                               username="caisse")
    for event in events:
        publisher.publish({"sender_id": SENDER, **event.as_dict()})
    publisher.engine.dispose()
    refresh_facts(tracker, engine, CONFIG.opening_hours.timezone)
    record_feedback(SENDER, "caf_logement_apl", False, "rest", engine=engine)

    def stored():
        values = []
        for database in (engine, tracker, broker):
            with database.connect() as connection:
                for table in inspect(database).get_table_names():
                    values += [str(v) for row in connection.execute(text(f'SELECT * FROM "{table}"')) for v in row]
        return "\n".join(values)

    assert all(value in stored() for value in (NIR, IBAN, EMAIL, SENDER))
    report = remask_stores(engine, tracker, broker, log_dir=tmp_path, now=NOW)
    assert (report.tracker_events, report.broker_events, report.conversation_ids) == (8, 8, 1)
    assert not any(value in stored() for value in CLEAR)
    second = remask_stores(engine, tracker, broker, log_dir=tmp_path, now=NOW)
    assert (second.tracker_events, second.broker_events, second.table_values, second.conversation_ids) == (0, 0, 0, 0)
    with tracker.connect() as connection:
        alias = connection.execute(text("SELECT DISTINCT sender_id FROM events")).scalar_one()
    user = [e for e in asyncio.run(store.retrieve(alias)).events if isinstance(e, UserUttered)][0]
    assert user.text == "mon numéro de sécu est [NIR]"
    for database in (engine, tracker, broker):
        database.dispose()
    store.engine.dispose()


def test_a_page_comment_stored_by_an_earlier_detector_is_masked_again(stores):
    from bot.social.records import SocialComment, add_comment

    engine, tracker, broker, _, _, logs = stores
    add_comment(SocialComment(platform="facebook", comment_id="2_1", post_id="1_2",
                              conversation_id="facebook_comment:2_1", masked_text=f"mon rib {IBAN}",
                              action="queued", received_at=NOW), engine)
    remask_stores(engine, tracker, broker, log_dir=logs, now=NOW)
    with session_scope(engine) as db:
        comment = db.execute(select(SocialComment)).scalars().one()
    assert (comment.masked_text, comment.conversation_id) == ("mon rib [IBAN]", "facebook_comment:2_1")
