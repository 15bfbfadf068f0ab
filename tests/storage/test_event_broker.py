import asyncio
import json

import sqlalchemy as sa

from bot.storage.event_broker import BatchingSQLEventBroker


def rows(url):
    with sa.create_engine(url).connect() as connection:
        return connection.execute(sa.text("SELECT sender_id, data FROM events ORDER BY id")).all()


def test_events_land_in_rasas_table_in_order_and_close_writes_what_is_left(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    broker = BatchingSQLEventBroker(host=url, flush_seconds=60)  # nothing written by the timer
    events = [{"sender_id": f"s{i % 2}", "event": "user", "text": f"message {i}"} for i in range(25)]
    for event in events:
        broker.publish(event)
    assert rows(url) == [], "queued, not written one commit at a time"
    asyncio.run(broker.close())
    assert [(sender, json.loads(data)) for sender, data in rows(url)] == [(e["sender_id"], e) for e in events]


def test_the_writer_flushes_by_itself(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    broker = BatchingSQLEventBroker(host=url, flush_seconds=0.05)
    broker.publish({"sender_id": "a", "event": "bot", "text": "bonjour"})
    for _ in range(100):
        if rows(url):
            break
        broker._stop.wait(0.05)
    assert len(rows(url)) == 1
    asyncio.run(broker.close())


def test_events_wait_while_the_database_is_unavailable(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    broker = BatchingSQLEventBroker(host=url, flush_seconds=60)
    with sa.create_engine(url).begin() as connection:
        connection.execute(sa.text("ALTER TABLE events RENAME TO events_away"))
    broker.publish({"sender_id": "a", "event": "user", "text": "un"})
    broker.flush()  # fails: no table
    with sa.create_engine(url).begin() as connection:
        connection.execute(sa.text("ALTER TABLE events_away RENAME TO events"))
    broker.publish({"sender_id": "a", "event": "user", "text": "deux"})
    asyncio.run(broker.close())
    assert [json.loads(data)["text"] for _, data in rows(url)] == ["un", "deux"]
