"""Back-office accounts (agents, managers, editors...) and their sign-in sessions.

Passwords are hashed with Argon2id (argon2-cffi). A session is a random token held in a cookie;
only its SHA-256 is stored, so a copy of the database opens no session.

Failed sign-ins are counted three ways over FAILED_SIGN_IN_WINDOW, so that guessing is slowed
without letting anyone lock a real agent out:
- per address and account: 5 failures stop that address for that account (one attacker
  guessing one password); the agent, from another address, is not affected;
- per address: 20 failures stop the address whatever the names (password spraying);
- per account, all addresses together: 20 failures stop the account (an attack spread over many
  addresses), except from an address where this account signed in successfully within
  TRUSTED_ADDRESS_PERIOD, so the agent's own workstation keeps working during such an attack.
The account is the account id for an existing name; an unknown name gets a counter of its own too
(keyed hash of the name, key drawn at start and never stored), so the lockout, like the timing
(an Argon2 check against a dummy hash), does not tell which names exist. Addresses are kept
under the same keyed hash (an address is personal data, and the counters only need equality):
failures for a day, successes for TRUSTED_ADDRESS_PERIOD. The key lives in the process only, so
after a restart the agents' usual addresses are learnt again at their next sign-in.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import FrozenSet, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, delete, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.storage import Base, aware, session_scope, utcnow

ROLES = ("agent", "manager", "editor", "validator", "moderator", "admin")
SESSION_IDLE = timedelta(hours=1)
SESSION_MAX = timedelta(hours=10)
MAX_USERNAME_CHARACTERS = 64  # the column's size
MAX_PASSWORD_CHARACTERS = 256
MAX_FAILED_SIGN_INS = 5  # per address and account
MAX_FAILED_FROM_ADDRESS = 20
MAX_FAILED_ON_ACCOUNT = 20
FAILED_SIGN_IN_WINDOW = timedelta(minutes=15)
TRUSTED_ADDRESS_PERIOD = timedelta(days=30)
FAILURES_KEPT = timedelta(days=1)
TOO_MANY = "Trop de tentatives échouées : réessayez dans 15 minutes."
WRONG = "Identifiant ou mot de passe incorrect."
_hasher = PasswordHasher()
# Names that are not accounts, and addresses, are counted under a keyed hash: nothing a person
# typed or sent from is stored in clear.
_KEY = secrets.token_bytes(32)
class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    display_name = Column(String(128), nullable=False)
    password_hash = Column(String(255), nullable=False)
    roles = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    present = Column(Boolean, nullable=False, default=False)
    presence_changed_at = Column(DateTime(timezone=True), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class BackofficeSession(Base):
    __tablename__ = "backoffice_sessions"

    token_hash = Column(String(64), primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    last_seen_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class LoginAttempt(Base):
    """One sign-in attempt: which account (`user:<id>`, or `name:<keyed hash>` for a name that
    is no account), from which address, when, and whether it succeeded."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_account_at", "account_key", "at"),
                      Index("ix_login_attempts_client_at", "client", "at"))

    id = Column(Integer, primary_key=True)
    account_key = Column(String(72), nullable=False)
    client = Column(String(64), nullable=False)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    success = Column(Boolean, nullable=False)


@dataclass(frozen=True)
class Account:
    """What a request knows about the signed-in person."""

    id: int
    username: str
    display_name: str
    roles: FrozenSet[str]
    csrf_token: str

    def has_role(self, role: str) -> bool:
        return role in self.roles or "admin" in self.roles


class SignInRefused(Exception):
    """Wrong name or password, or too many failures: the message is safe to show."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(username: str, password: str, roles: list[str], display_name: Optional[str] = None,
                engine: Optional[Engine] = None) -> None:
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"rôle inconnu : {', '.join(sorted(unknown))} (attendu : {', '.join(ROLES)})")
    if len(password) < 12:
        raise ValueError("mot de passe trop court (12 caractères au moins)")
    with session_scope(engine) as session:
        session.add(User(username=username, display_name=display_name or username,
                         password_hash=_hasher.hash(password), roles=",".join(roles)))


def count_users(engine: Optional[Engine] = None) -> int:
    with session_scope(engine) as session:
        return session.execute(select(func.count()).select_from(User)).scalar_one()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked for names that are no account, so that they take as long as a real one. Drawn
    by `prepare_sign_in` when the server starts: the first unknown name is not slower either."""
    return _hasher.hash(secrets.token_urlsafe(16))


def prepare_sign_in() -> None:
    _dummy_hash()


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _locked_out(session: Session, account_key: str, client: str) -> bool:
    now = utcnow()
    failed = select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.success.is_(False), LoginAttempt.at >= now - FAILED_SIGN_IN_WINDOW)
    if session.execute(failed.where(LoginAttempt.account_key == account_key,
                                    LoginAttempt.client == client)).scalar_one() >= MAX_FAILED_SIGN_INS:
        return True
    if session.execute(failed.where(LoginAttempt.client == client)).scalar_one() >= MAX_FAILED_FROM_ADDRESS:
        return True
    if session.execute(failed.where(LoginAttempt.account_key == account_key)).scalar_one() < MAX_FAILED_ON_ACCOUNT:
        return False
    trusted = session.execute(select(LoginAttempt.id).where(
        LoginAttempt.account_key == account_key, LoginAttempt.client == client, LoginAttempt.success.is_(True),
        LoginAttempt.at >= now - TRUSTED_ADDRESS_PERIOD).limit(1)).first()
    return trusted is None


def _keyed(value: str) -> str:
    return hmac.new(_KEY, value.encode(), hashlib.sha256).hexdigest()


def sign_in(username: str, password: str, client: str, engine: Optional[Engine] = None) -> str:
    """Checks the password and opens a session; returns the cookie's token. `client` is the
    address the attempt comes from. Blocking (Argon2): call it from a worker thread."""
    if len(username) > MAX_USERNAME_CHARACTERS or len(password) > MAX_PASSWORD_CHARACTERS:
        raise SignInRefused(WRONG)  # before any work: no account has such a name or password
    client = _keyed(client)
    with session_scope(engine) as session:
        user = session.execute(select(User).where(User.username == username, User.active.is_(True))).scalar()
        user_id, password_hash = (user.id, user.password_hash) if user else (None, None)
        account_key = (f"user:{user_id}" if user else
                       "name:" + _keyed(username))
        if _locked_out(session, account_key, client):
            raise SignInRefused(TOO_MANY)
    # Outside any transaction: Argon2 takes a tenth of a second and must not hold the database.
    valid = _password_matches(password_hash or _dummy_hash(), password) and user_id is not None
    token = secrets.token_urlsafe(32)
    with session_scope(engine) as session:
        now = utcnow()
        session.execute(delete(LoginAttempt).where(or_(
            LoginAttempt.at < now - TRUSTED_ADDRESS_PERIOD,
            LoginAttempt.success.is_(False) & (LoginAttempt.at < now - FAILURES_KEPT))))
        session.add(LoginAttempt(account_key=account_key, client=client, success=valid))
        if valid:
            session.add(BackofficeSession(token_hash=_token_hash(token), user_id=user_id,
                                          csrf_token=secrets.token_urlsafe(24)))
    # Raised after the commit, so that the failed attempt is counted.
    if not valid:
        raise SignInRefused(WRONG)
    return token


def account_for(token: Optional[str], engine: Optional[Engine] = None) -> Optional[Account]:
    """The account behind a session cookie, or None when absent, unknown or expired."""
    if not token:
        return None
    now = utcnow()
    with session_scope(engine) as session:
        row = session.execute(
            select(BackofficeSession, User).join(User, User.id == BackofficeSession.user_id)
            .where(BackofficeSession.token_hash == _token_hash(token))
        ).first()
        if row is None:
            return None
        held, user = row
        if (not user.active or now - aware(held.last_seen_at) > SESSION_IDLE
                or now - aware(held.created_at) > SESSION_MAX):
            session.delete(held)
            return None
        held.last_seen_at = now
        return Account(user.id, user.username, user.display_name, frozenset(user.roles.split(",")),
                       held.csrf_token)


def sign_out(token: str, engine: Optional[Engine] = None) -> None:
    with session_scope(engine) as session:
        session.execute(delete(BackofficeSession).where(BackofficeSession.token_hash == _token_hash(token)))


def set_presence(user_id: int, present: bool, engine: Optional[Engine] = None) -> None:
    with session_scope(engine) as session:
        user = session.get(User, user_id)
        user.present = present
        user.presence_changed_at = utcnow()


def is_present(user_id: int, engine: Optional[Engine] = None) -> bool:
    with session_scope(engine) as session:
        user = session.get(User, user_id)
        return bool(user and user.present)


def present_agents(engine: Optional[Engine] = None) -> int:
    with session_scope(engine) as session:
        return session.execute(
            select(func.count()).select_from(User).where(User.present.is_(True), User.active.is_(True))
        ).scalar_one()
