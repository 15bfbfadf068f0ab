"""Session rules that a stolen cookie or a copied database must not get around."""
import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.backoffice import account_for, create_user, sign_in, sign_out
from bot.backoffice.accounts import SESSION_MAX, BackofficeSession
from bot.storage import session_scope

PASSWORD = "une-phrase-de-passe-longue"
ADDRESS = "192.0.2.10"


@pytest.fixture
def agent(database):
    create_user("claude", PASSWORD, ["agent"], "Claude", engine=database)
    return database


def test_a_session_in_use_still_ends_after_its_maximum_length(agent):
    token = sign_in("claude", PASSWORD, ADDRESS, engine=agent)
    with session_scope(agent) as session:
        held = session.execute(select(BackofficeSession)).scalar_one()
        session.execute(update(BackofficeSession).values(created_at=held.created_at - SESSION_MAX - timedelta(minutes=1)))
    assert account_for(token, engine=agent) is None, "activity does not extend a session past its maximum"


def test_only_a_hash_of_the_cookie_is_stored(agent):
    token = sign_in("claude", PASSWORD, ADDRESS, engine=agent)
    with session_scope(agent) as session:
        stored = session.execute(select(BackofficeSession.token_hash)).scalar_one()
    assert stored != token and stored == hashlib.sha256(token.encode()).hexdigest()
    assert account_for(stored, engine=agent) is None, "a copy of the database opens no session"


def test_signing_out_ends_the_session_on_the_server(agent):
    token = sign_in("claude", PASSWORD, ADDRESS, engine=agent)
    sign_out(token, engine=agent)
    assert account_for(token, engine=agent) is None
