"""The agents' replies among a thread's comments, on a real SQLite database: stored before they
are sent, rewritten on a new try, and one row per reply whichever of our update and Meta's
delivery of the page's new comment comes first."""
from datetime import timedelta

import pytest

from bot.social import records
from bot.social.records import SocialComment
from bot.storage import utcnow

POST = "100000000000001_200000000000002"
THREAD = "facebook_comment:200000000000002_1"


@pytest.fixture
def question(database):
    row = SocialComment(platform=records.FACEBOOK, comment_id="200000000000002_1", post_id=POST, parent_id=POST,
                        conversation_id=THREAD, masked_text="une question", action=records.QUEUED,
                        received_at=utcnow() - timedelta(minutes=5))
    records.add_comment(row, database)
    return row


def agent_rows(database):
    return [row for row in records.thread(THREAD, database) if row.by_agent]


def test_an_unsent_reply_is_kept_then_rewritten_by_the_next_try(database, question):
    first = records.save_agent_reply(question, records.PUBLIC, "premier essai", None, utcnow(), engine=database)
    assert records.unsent_reply(THREAD, database).id == first.id
    again = records.save_agent_reply(question, records.PRIVATE, "second essai", None, utcnow(), first.id, database)
    assert again.id == first.id
    [kept] = agent_rows(database)
    assert (kept.masked_text, kept.reply_mode, kept.sent_at) == ("second essai", records.PRIVATE, None)
    assert kept.comment_id.startswith(records.LOCAL_ID_PREFIX) and kept.action == records.IGNORED_OWN


def test_a_sent_reply_answers_its_comment_once(database, question):
    reply = records.save_agent_reply(question, records.PUBLIC, "réponse", None, utcnow(), engine=database)
    sent_at = utcnow()
    records.agent_reply_sent(reply.id, question.comment_id, sent_at, "200000000000002_9", database)
    records.agent_reply_sent(reply.id, question.comment_id, sent_at + timedelta(hours=1), None, database)
    assert records.find_comment(question.comment_id, database).answered_at.replace(tzinfo=None) == \
        sent_at.replace(tzinfo=None)
    assert records.unsent_reply(THREAD, database) is None
    # A new try after a success starts a new reply: the sent one is never rewritten.
    other = records.save_agent_reply(question, records.PUBLIC, "autre", None, utcnow(), reply.id, database)
    assert other.id != reply.id


def test_metas_delivery_of_the_page_reply_arriving_first_leaves_one_row(database, question):
    reply = records.save_agent_reply(question, records.PUBLIC, "réponse", None, utcnow(), engine=database)
    records.add_comment(SocialComment(platform=records.FACEBOOK, comment_id="200000000000002_9", post_id=POST,
                                      parent_id=question.comment_id, conversation_id=THREAD, masked_text="réponse",
                                      action=records.IGNORED_OWN), database)
    records.agent_reply_sent(reply.id, question.comment_id, utcnow(), "200000000000002_9", database)
    rows = records.thread(THREAD, database)
    assert [row.comment_id for row in rows] == [question.comment_id, "200000000000002_9"]
    assert rows[1].by_agent and rows[1].sent_at is not None
