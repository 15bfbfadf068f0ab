"""Back-office accounts (agents, managers, editors...) and their sign-in sessions.

Passwords are hashed with Argon2id (argon2-cffi). A session is a random token held in a cookie;
only its SHA-256 is stored, so a copy of the database opens no session. Failed sign-ins are
counted per account name and refused for a while after too many.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import FrozenSet, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, delete, func, select
from sqlalchemy.engine import Engine

from bot.personal_data import mask
from bot.storage._database import Base, aware, session_scope, utcnow

ROLES = ("agent", "manager", "editor", "validator", "moderator", "admin")
SESSION_IDLE = timedelta(hours=1)
SESSION_MAX = timedelta(hours=10)
MAX_FAILED_SIGN_INS = 5
FAILED_SIGN_IN_WINDOW = timedelta(minutes=15)
_hasher = PasswordHasher()






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
    __tablename__ = "login_attempts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, index=True)
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


def sign_in(username: str, password: str, engine: Optional[Engine] = None) -> str:
    """Checks the password and opens a session; returns the cookie's token."""
    # The sign-in form is public: whatever is typed as a name is stored masked, like chat text.
    attempted = mask(username).text[:64]
    with session_scope(engine) as session:
        since = utcnow() - FAILED_SIGN_IN_WINDOW
        failures = session.execute(
            select(func.count()).select_from(LoginAttempt).where(
                LoginAttempt.username == attempted, LoginAttempt.success.is_(False), LoginAttempt.at >= since)
        ).scalar_one()
        if failures >= MAX_FAILED_SIGN_INS:
            raise SignInRefused("Trop de tentatives échouées : réessayez dans 15 minutes.")
        user = session.execute(select(User).where(User.username == username, User.active.is_(True))).scalar()
        try:
            valid = user is not None and _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            valid = False
        session.add(LoginAttempt(username=attempted, success=valid))
        token = secrets.token_urlsafe(32)
        if valid:
            session.add(BackofficeSession(token_hash=_token_hash(token), user_id=user.id,
                                          csrf_token=secrets.token_urlsafe(24)))
    # Raised after the commit, so that the failed attempt is counted.
    if not valid:
        raise SignInRefused("Identifiant ou mot de passe incorrect.")
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
