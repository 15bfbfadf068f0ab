"""The back office's accounts: roles, sign-in and sessions, agents' presence (the pages of agents,
managers and editors are served by `bot/web/`)."""
from bot.backoffice.accounts import (
    ROLES,
    Account,
    SignInRefused,
    account_for,
    count_users,
    create_user,
    is_present,
    present_agents,
    set_presence,
    sign_in,
    sign_out,
)

__all__ = [
    "ROLES", "Account", "SignInRefused", "account_for", "count_users", "create_user", "is_present",
    "present_agents", "set_presence", "sign_in", "sign_out",
]
