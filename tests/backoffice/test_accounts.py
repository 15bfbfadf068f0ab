from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.backoffice import SignInRefused, account_for, create_user, sign_in, sign_out
from bot.backoffice.accounts import MAX_FAILED_SIGN_INS, BackofficeSession, User
from bot.storage import session_scope

PASSWORD = "une-phrase-de-passe-longue"


@pytest.fixture
def camille(database):
    create_user("camille", PASSWORD, ["agent"], "Camille", engine=database)
    return database


def test_password_is_stored_as_argon2id_hash(camille):
    with session_scope(camille) as session:
        stored = session.execute(select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_short_password_and_unknown_role_are_refused(database):
    with pytest.raises(ValueError):
        create_user("a", "court", ["agent"], engine=database)
    with pytest.raises(ValueError):
        create_user("a", PASSWORD, ["chef"], engine=database)


def test_sign_in_opens_a_session_with_roles(camille):
    token = sign_in("camille", PASSWORD, engine=camille)
    account = account_for(token, engine=camille)
    assert account.username == "camille" and account.has_role("agent") and not account.has_role("manager")
    with session_scope(camille) as session:
        assert session.execute(select(BackofficeSession.token_hash)).scalar_one() != token
    sign_out(token, engine=camille)
    assert account_for(token, engine=camille) is None


def test_wrong_password_then_lockout(camille):
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInRefused, match="incorrect"):
            sign_in("camille", "mauvais mot de passe", engine=camille)
    with pytest.raises(SignInRefused, match="Trop de tentatives"):
        sign_in("camille", PASSWORD, engine=camille)


def test_idle_session_expires(camille):
    token = sign_in("camille", PASSWORD, engine=camille)
    with session_scope(camille) as session:
        held = session.execute(select(BackofficeSession)).scalar_one()
        session.execute(update(BackofficeSession).values(last_seen_at=held.last_seen_at - timedelta(hours=2)))
    assert account_for(token, engine=camille) is None
