"""Each back-office area refuses the other roles on the server (pages and API calls alike), and
the public pages carry the security headers too. Secrets come only from the environment."""
import re
from pathlib import Path

import pytest
import requests
import yaml

from bot.backoffice import create_user
from bot.config import PROJECT_ROOT
from tests.web.test_backoffice_security import PASSWORD, sign_in, site  # noqa: F401 (fixture)

AREAS = {"agent": "/conseiller", "manager": "/pilotage", "editor": "/modeles", "moderator": "/moderation"}


@pytest.fixture(scope="module")
def accounts(site):  # noqa: F811
    base, engine = site
    for role in (*AREAS, "admin"):
        create_user(f"role-{role}", PASSWORD, [role], engine=engine)
    return base


@pytest.mark.parametrize("role", sorted(AREAS))
def test_each_role_opens_its_area_and_no_other(accounts, role):
    browser = sign_in(accounts, f"role-{role}")
    for area_role, path in AREAS.items():
        status = browser.get(accounts + path, allow_redirects=False).status_code
        assert (status == 200) == (area_role == role), (role, path, status)


def test_admin_opens_every_area(accounts):
    browser = sign_in(accounts, "role-admin")
    assert all(browser.get(accounts + path, allow_redirects=False).status_code == 200 for path in AREAS.values())


def test_public_pages_carry_the_security_headers(site):  # noqa: F811
    base, _ = site
    headers = requests.get(f"{base}/").headers
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_no_secret_is_written_in_the_configuration_files():
    credentials = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text()) or {}
    assert not any(isinstance(v, dict) and any(k in v for k in ("secret", "verify", "page-access-token"))
                   for v in credentials.values())
    for name in ("endpoints.yml", "endpoints.production.yml"):
        for line in (PROJECT_ROOT / name).read_text().splitlines():
            if re.match(r"\s*(password|url|token)\s*:", line):
                assert "${" in line, f"{name}: {line.strip()} must come from the environment"
    ignored = (PROJECT_ROOT / ".gitignore").read_text().split()
    assert "var/" in ignored and ".env" in ignored, "generated secrets (var/prod/secrets.env) stay out of git"


def test_production_secrets_file_is_private(tmp_path):
    from tools.production import _secrets

    values = _secrets(tmp_path / "secrets.env")
    assert len(values["PROD_DB_PASSWORD"]) >= 24 and (tmp_path / "secrets.env").stat().st_mode & 0o077 == 0
    assert _secrets(Path(tmp_path / "secrets.env")) == values, "drawn once, then kept"
