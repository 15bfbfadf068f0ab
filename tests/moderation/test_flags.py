from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.moderation.flags import (
    ModerationEvent, decide, expired_blocks, flag_conversation, is_blocked, lift_block, open_flags,
)
from bot.storage import session_scope

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)


def test_block_lasts_its_period_then_is_lifted(database):
    flag = flag_conversation("conv-a", "insult", "high", "socketio", block_minutes=30, now=NOW, engine=database)
    assert is_blocked("conv-a", NOW + timedelta(minutes=29), engine=database)
    assert expired_blocks(NOW + timedelta(minutes=29), engine=database) == []
    assert [f.id for f in expired_blocks(NOW + timedelta(minutes=31), engine=database)] == [flag.id]
    lift_block(flag.id, engine=database)
    assert not is_blocked("conv-a", NOW + timedelta(minutes=10), engine=database)


def test_moderator_decision_is_audited_and_closes_the_flag(database):
    flag = flag_conversation("conv-b", "hate", "high", now=NOW, engine=database)
    decide(flag.id, "block", "moderateur:alex", block_minutes=120, now=NOW, engine=database)
    assert open_flags(engine=database) == []
    assert is_blocked("conv-b", NOW + timedelta(minutes=119), engine=database)
    with session_scope(database) as session:
        trail = session.execute(select(ModerationEvent.actor, ModerationEvent.action)
                                .order_by(ModerationEvent.id)).all()
    assert trail == [("assistant", "flagged"), ("moderateur:alex", "block")]
    with pytest.raises(ValueError):
        decide(flag.id, "delete", "moderateur:alex", engine=database)


def test_the_moderation_audit_is_append_only(database):
    flag = flag_conversation("conv-c", "insult", "high", now=NOW, engine=database)
    decide(flag.id, "keep", "moderateur:alex", now=NOW, engine=database)
    with pytest.raises(PermissionError):
        with session_scope(database) as session:
            session.execute(select(ModerationEvent)).scalars().first().actor = "quelqu'un d'autre"
    with pytest.raises(PermissionError):
        with session_scope(database) as session:
            session.delete(session.execute(select(ModerationEvent)).scalars().first())
