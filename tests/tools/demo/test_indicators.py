"""The demo generator: the shapes the brief asks for, and delays consistent with business time."""
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.config import load_config
from bot.handoff.business_time import business_seconds
from bot.handoff.records import Handoff
from bot.indicators.facts import ConversationFact
from bot.indicators.queries import Filters, compute
from bot.social.records import SocialComment
from bot.storage import get_engine, migrate
from tools.demo.indicators import WAITING_THREADS, DemoSize, generate

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def config():
    return load_config()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, config):
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    counts = generate(engine, config, DemoSize(conversations=20_000, handoffs=2_000, months=3), now=NOW)
    return engine, counts


def test_sizes_and_regeneration_replaces_the_previous_draw(demo, config):
    engine, counts = demo
    assert counts["conversation_facts"] == 20_000 and counts["social_comments"] >= 200
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Handoff).where(
            Handoff.channel.notlike("%_comment"))).scalar_one() == 2_000
        assert connection.execute(select(func.count()).select_from(Handoff)).scalar_one() == counts["handoffs"]
        first, last = connection.execute(select(func.min(ConversationFact.day), func.max(ConversationFact.day))).one()
    assert (first, last) == (date(2026, 9, 1), date(2026, 11, 25))


def test_start_of_month_peaks_and_quiet_weekends(demo):
    engine, _ = demo
    with engine.connect() as connection:
        per_day = dict(connection.execute(select(ConversationFact.day, func.count()).group_by(ConversationFact.day)).all())
    start_of_october = per_day[date(2026, 10, 1)]  # a Thursday
    mid_october_weekday = per_day[date(2026, 10, 15)]  # a Thursday too
    sunday = per_day[date(2026, 10, 18)]
    assert start_of_october > 1.8 * mid_october_weekday
    assert sunday < 0.6 * mid_october_weekday


def test_business_delays_match_the_opening_hours(demo, config):
    engine, _ = demo
    with engine.connect() as connection:
        rows = connection.execute(
            select(Handoff.requested_at, Handoff.first_agent_reply_at, Handoff.first_response_business_seconds,
                   Handoff.first_response_seconds)
            .where(Handoff.first_agent_reply_at.isnot(None)).limit(200)).all()
    assert rows
    for requested, replied, business, wall in rows:
        requested, replied = requested.replace(tzinfo=timezone.utc), replied.replace(tzinfo=timezone.utc)
        assert abs(business - business_seconds(requested, replied, config.opening_hours)) <= 61
        assert abs(wall - (replied - requested).total_seconds()) <= 1
        # Agents answer during opening hours (a second earlier: a reply may land on a closing time).
        assert config.opening_hours.is_open((replied - timedelta(seconds=1)).astimezone(PARIS))


def test_comment_threads_masked_a_few_waiting_for_the_agents(demo, config):
    engine, counts = demo
    with engine.connect() as connection:
        comments = connection.execute(select(SocialComment)).all()
        waiting = connection.execute(select(Handoff.conversation_id).where(
            Handoff.channel.like("%_comment"), Handoff.status == "waiting")).scalars().all()
    assert {c.platform for c in comments} == {"facebook", "instagram"}
    assert not any(re.search(r"\d{5}|@", c.masked_text) for c in comments)  # placeholders only
    assert {c.personal_data for c in comments if c.action == "hidden_personal_data"} - {None}
    assert len(waiting) == WAITING_THREADS
    threads = {c.conversation_id: [] for c in comments}
    for c in comments:
        threads[c.conversation_id].append(c)
    assert all(len(threads[conversation]) == 2 and all(c.answered_at is None for c in threads[conversation])
               for conversation in waiting)
    # The agents answered the other threads from their page, some in public, some in private.
    replies = [c for c in comments if c.reply_mode is not None]
    assert {c.reply_mode for c in replies} == {"public", "private"}
    answered = {c.comment_id: c.answered_at for c in comments}
    assert all(c.action == "ignored_own" and c.sent_at == answered[c.parent_id] for c in replies)
    # What the dashboard's section shows: every comment, personal data hidden within seconds.
    with engine.connect() as connection:
        table = compute(connection, Filters(date(2026, 9, 1), date(2026, 11, 25)), config, NOW,
                        only=["commentaires_reseaux"])["commentaires_reseaux"]
    assert table.extra["received"] == len(comments) - len(replies)
    assert {row["platform"] for row in table.rows} == {"Facebook", "Instagram"}
    assert all(row["hiding_p95"] < 5 and row["answer_median"] is not None for row in table.rows)
