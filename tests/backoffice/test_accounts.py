from datetime import timedelta

import pytest
from sqlalchemy import select, update

from argon2 import PasswordHasher

from bot.backoffice import SignInRefused, account_for, create_user, sign_in, sign_out
from bot.backoffice import accounts
from bot.backoffice.accounts import (
    MAX_FAILED_FROM_ADDRESS, MAX_FAILED_ON_ACCOUNT, MAX_FAILED_SIGN_INS, BackofficeSession, LoginAttempt, User,
)
from bot.storage import session_scope

PASSWORD = "une-phrase-de-passe-longue"
WRONG = "mauvais mot de passe"
ATTACKER, AGENT_DESK = "198.51.100.66", "192.0.2.10"


class CountingHasher(PasswordHasher):
    """The real Argon2 hasher, counting the hashes it checks."""

    def __init__(self) -> None:
        super().__init__()
        self.checked = []

    def verify(self, hash, password):  # noqa: A002 (argon2's own parameter name)
        self.checked.append(hash)
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch):
    counting = CountingHasher()
    monkeypatch.setattr(accounts, "_hasher", counting)
    return counting


def fail(name, address, engine, times=1, password=WRONG):
    for _ in range(times):
        with pytest.raises(SignInRefused):
            sign_in(name, password, address, engine=engine)


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
    token = sign_in("camille", PASSWORD, AGENT_DESK, engine=camille)
    account = account_for(token, engine=camille)
    assert account.username == "camille" and account.has_role("agent") and not account.has_role("manager")
    with session_scope(camille) as session:
        assert session.execute(select(BackofficeSession.token_hash)).scalar_one() != token
    sign_out(token, engine=camille)
    assert account_for(token, engine=camille) is None


def test_wrong_password_then_lockout_of_that_address(camille):
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInRefused, match="incorrect"):
            sign_in("camille", WRONG, ATTACKER, engine=camille)
    with pytest.raises(SignInRefused, match="Trop de tentatives"):
        sign_in("camille", PASSWORD, ATTACKER, engine=camille)


def test_an_attacker_cannot_lock_the_agent_out_from_elsewhere(camille):
    fail("camille", ATTACKER, camille, times=MAX_FAILED_SIGN_INS + 3)
    assert sign_in("camille", PASSWORD, AGENT_DESK, engine=camille)


def test_names_masked_alike_do_not_share_a_counter(database):
    """"Jean Martin" and "Paul Durand" both read "[NOM]" once masked: they used to share one counter."""
    create_user("Jean Martin", PASSWORD, ["agent"], engine=database)
    create_user("Paul Durand", PASSWORD, ["agent"], engine=database)
    fail("Jean Martin", ATTACKER, database, times=MAX_FAILED_SIGN_INS)
    assert sign_in("Paul Durand", PASSWORD, ATTACKER, engine=database)


def test_one_address_trying_many_names_is_stopped(camille):
    for number in range(MAX_FAILED_FROM_ADDRESS):
        fail(f"personne-{number}", ATTACKER, camille)
    with pytest.raises(SignInRefused, match="Trop de tentatives"):
        sign_in("camille", PASSWORD, ATTACKER, engine=camille)
    assert sign_in("camille", PASSWORD, AGENT_DESK, engine=camille)


def test_an_attack_from_many_addresses_spares_the_agents_usual_address(camille):
    sign_in("camille", PASSWORD, AGENT_DESK, engine=camille)
    for number in range(MAX_FAILED_ON_ACCOUNT):
        fail("camille", f"203.0.113.{number}", camille)
    with pytest.raises(SignInRefused, match="Trop de tentatives"):
        sign_in("camille", PASSWORD, "203.0.113.200", engine=camille)
    assert sign_in("camille", PASSWORD, AGENT_DESK, engine=camille)


def test_unknown_names_are_locked_out_like_accounts(camille):
    """Otherwise the lockout message would tell which names are accounts."""
    fail("personne", ATTACKER, camille, times=MAX_FAILED_SIGN_INS)
    with pytest.raises(SignInRefused, match="Trop de tentatives"):
        sign_in("personne", WRONG, ATTACKER, engine=camille)


def test_an_unknown_name_costs_one_argon2_check_like_an_account(camille, hasher):
    accounts._dummy_hash()  # drawn once, before counting
    hasher.checked.clear()
    fail("camille", ATTACKER, camille)
    fail("personne", ATTACKER, camille)
    assert len(hasher.checked) == 2 and hasher.checked[1] == accounts._dummy_hash()
    assert hasher.checked[0] != hasher.checked[1]


def test_oversized_name_or_password_is_refused_before_any_work(camille, hasher):
    with pytest.raises(SignInRefused, match="incorrect"):
        sign_in("Jean " * 60000, WRONG, ATTACKER, engine=camille)
    with pytest.raises(SignInRefused, match="incorrect"):
        sign_in("camille", "x" * 100_000, ATTACKER, engine=camille)
    assert hasher.checked == []


def test_attempts_keep_no_typed_name_nor_address_in_clear(camille):
    fail("nom-tape-par-erreur", ATTACKER, camille)
    fail("camille", ATTACKER, camille)
    with session_scope(camille) as session:
        stored = [(row.account_key, row.client) for row in session.execute(select(LoginAttempt)).scalars()]
    assert not any("nom-tape-par-erreur" in key or "camille" in key for key, _ in stored)
    assert len({client for _, client in stored}) == 1, "one address, one counter"
    assert not any(ATTACKER in client for _, client in stored)


def test_idle_session_expires(camille):
    token = sign_in("camille", PASSWORD, AGENT_DESK, engine=camille)
    with session_scope(camille) as session:
        held = session.execute(select(BackofficeSession)).scalar_one()
        session.execute(update(BackofficeSession).values(last_seen_at=held.last_seen_at - timedelta(hours=2)))
    assert account_for(token, engine=camille) is None
