"""The demo accounts of `make run`: created on a database without accounts, each with its role and
a working random password kept in a file only the machine's user reads; never again after."""
import stat

from bot.backoffice.accounts import account_for, count_users, create_user, sign_in
from tools.demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts


def test_created_once_with_their_roles_and_a_private_password_file(database, tmp_path):
    credentials = tmp_path / "var" / "comptes-demo.txt"
    passwords = ensure_demo_accounts(credentials, database)
    assert set(passwords) == set(DEMO_ACCOUNTS) and len(set(passwords.values())) == len(DEMO_ACCOUNTS)
    assert credentials.read_text(encoding="utf-8").splitlines() == [f"{u} {p}" for u, p in passwords.items()]
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    account = account_for(sign_in("manager", passwords["manager"], "127.0.0.1", database), database)
    assert account.roles == frozenset({"manager"})
    assert ensure_demo_accounts(credentials, database) is None  # never a second set
    assert count_users(database) == len(DEMO_ACCOUNTS)


def test_nothing_on_a_database_that_has_accounts(database, tmp_path):
    create_user("dupont", "synthetic-password-123", ["agent"], engine=database)
    assert ensure_demo_accounts(tmp_path / "comptes-demo.txt", database) is None
    assert not (tmp_path / "comptes-demo.txt").exists() and count_users(database) == 1
