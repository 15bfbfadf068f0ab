"""Accounts for trying the back office on the embedded default (`make run`), created once when
the database has no account at all. Passwords are random and written to a file only the
machine's user can read; production accounts are made with `python -m bot users add`."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Dict, Optional

from sqlalchemy.engine import Engine

from bot.backoffice.accounts import count_users, create_user

DEMO_ACCOUNTS = {
    "conseiller": (["agent"], "Camille"),
    "manager": (["manager"], "Dominique (manager)"),
    # Two people: a proposal is published by someone other than its author.
    "redaction": (["editor"], "Sacha (communication)"),
    "validation": (["validator"], "Lou (validation)"),
    "moderation": (["moderator"], "Alex (modération)"),
}


def ensure_demo_accounts(credentials_file: Path, engine: Optional[Engine] = None) -> Optional[Dict[str, str]]:
    """Creates the demo accounts when there are none; returns {username: password} then."""
    if count_users(engine) > 0:
        return None
    passwords = {}
    for username, (roles, display_name) in DEMO_ACCOUNTS.items():
        passwords[username] = secrets.token_urlsafe(12)
        create_user(username, passwords[username], roles, display_name, engine=engine)
    credentials_file.parent.mkdir(parents=True, exist_ok=True)
    credentials_file.write_text("".join(f"{u} {p}\n" for u, p in passwords.items()), encoding="utf-8")
    os.chmod(credentials_file, 0o600)
    return passwords
