"""The product's settings: one object reads the environment, checks it once, names a bad variable."""
import ast
import subprocess
import sys
from pathlib import Path
from typing import Iterator, List

import pytest

from bot.config import load_config
from bot.settings import PROJECT_ROOT, Settings, SettingsError, get_settings

PRODUCT = ("bot", "actions")
SETTINGS_MODULE = Path("bot") / "settings.py"
STORAGE = Path("bot") / "storage"
# Whatever runs the product or tests it, besides the product itself.
EVERY_PACKAGE = (*PRODUCT, "tools", "tests")


def _modules(root: Path, packages) -> Iterator[Path]:
    for package in packages:
        yield from sorted((root / package).rglob("*.py"))


def environment_readers(root: Path = PROJECT_ROOT) -> List[str]:
    """Product modules that read the process's environment themselves (os.environ, os.getenv)."""
    found = []
    for path in _modules(root, PRODUCT):
        relative = path.relative_to(root)
        if relative == SETTINGS_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            attribute = (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                         and node.value.id == "os" and node.attr in ("environ", "environb", "getenv"))
            imported = (isinstance(node, ast.ImportFrom) and node.module == "os"
                        and any(alias.name in ("environ", "environb", "getenv") for alias in node.names))
            if attribute or imported:
                found.append(f"{relative}:{node.lineno}")
    return found


def private_storage_imports(root: Path = PROJECT_ROOT) -> List[str]:
    """Imports of a private module of bot.storage (`bot.storage._x`) from outside the storage layer."""
    found = []
    for path in _modules(root, EVERY_PACKAGE):
        relative = path.relative_to(root)
        if STORAGE in relative.parents or Path("tests") / "storage" in relative.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            else:
                continue
            if any(name.startswith("bot.storage._") for name in names):
                found.append(f"{relative}:{node.lineno}")
    return found


def test_only_the_settings_read_the_environment():
    assert environment_readers() == []


def test_only_the_storage_layer_imports_its_private_modules():
    assert private_storage_imports() == []


def test_the_scans_find_what_they_look_for(tmp_path):
    (tmp_path / "bot" / "web").mkdir(parents=True)
    (tmp_path / "bot" / "storage").mkdir()
    (tmp_path / "bot" / "web" / "page.py").write_text(
        "import os\nfrom os import getenv\nfrom bot.storage import _database\nimport bot.storage._database\n"
        "port = os.environ.get('PORT')\nsio_environ = sio.get_environ(sid)\n", encoding="utf-8")
    (tmp_path / "bot" / "storage" / "models.py").write_text("from bot.storage._database import Base\n",
                                                             encoding="utf-8")
    assert environment_readers(tmp_path) == ["bot/web/page.py:2", "bot/web/page.py:5"]
    assert private_storage_imports(tmp_path) == ["bot/web/page.py:3", "bot/web/page.py:4"]


def test_defaults_are_those_of_a_checkout_without_variables():
    settings = Settings.from_environ({})
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'caisse.db'}"
    assert settings.tracker_db_url == "sqlite:///var/tracker.db" and settings.event_broker_db_url is None
    assert (settings.caisse_var_dir, settings.models_dir) == (PROJECT_ROOT / "var", PROJECT_ROOT / "models")
    assert settings.rasa_api_url == "http://127.0.0.1:5005" and settings.rasa_public_url == "http://localhost:5005"
    assert settings.internal_interface == "127.0.0.1" and not settings.backoffice_secure_cookies
    assert (settings.rate_limit_per_minute, settings.rate_limit_burst) == (30.0, 15)
    assert (settings.rate_limit_address_per_minute, settings.rate_limit_address_burst) == (120.0, 40)
    assert (settings.rate_limit_new_conversation_per_minute, settings.rate_limit_new_conversation_burst) == (20.0, 10)
    assert settings.allowed_origins == [] and settings.caisse_overrides == {}
    assert settings.conversation_secret.get_secret_value() == ""


def test_values_are_typed_and_an_empty_variable_counts_as_unset():
    settings = Settings.from_environ({
        "RASA_PORT": "5105", "RATE_LIMIT_BURST": "", "BACKOFFICE_SECURE_COOKIES": "yes",
        "ALLOWED_ORIGINS": "http://localhost:8000 https://www.caisse.example",
        "CAISSE_VAR_DIR": "/tmp/essai", "CAISSE__CONTACTS__PHONE": "32 30",
    })
    assert settings.rasa_api_url == "http://127.0.0.1:5105" and settings.rate_limit_burst == 15
    assert settings.allowed_origins == ["http://localhost:8000", "https://www.caisse.example"]
    assert settings.backoffice_secure_cookies and settings.caisse_var_dir == Path("/tmp/essai")
    assert settings.caisse_overrides == {"CAISSE__CONTACTS__PHONE": "32 30"}


@pytest.mark.parametrize("variable, value, expected", [
    ("RATE_LIMIT_PER_MINUTE", "trente", "un nombre est attendu"),
    ("RATE_LIMIT_BURST", "0", "au moins égal à 1"),
    ("RASA_PORT", "5005a", "un nombre entier est attendu"),
    ("BACKOFFICE_SECURE_COOKIES", "peut-être", "oui ou non"),
    ("DATABASE_URL", "base-de-la-caisse", "adresse de base de données"),
    ("TRACKER_DB_URL", "inconnue://hote/base", "adresse de base de données"),
    ("RASA_URL", "127.0.0.1:5005", "http://"),
    ("SOCKETIO_REDIS_URL", "http://127.0.0.1:6379", "adresse Redis"),
])
def test_a_bad_value_is_refused_with_the_variables_name(variable, value, expected):
    with pytest.raises(SettingsError) as refused:
        Settings.from_environ({variable: value})
    message = str(refused.value)
    assert f"- {variable} : " in message and expected in message
    assert value not in message, "a value may be a secret: never shown"


def test_the_process_settings_are_read_once(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_BURST", "7")
    assert get_settings().rate_limit_burst == 7
    monkeypatch.setenv("RATE_LIMIT_BURST", "8")
    assert get_settings() is get_settings() and get_settings().rate_limit_burst == 7
    get_settings.cache_clear()
    assert get_settings().rate_limit_burst == 8


def test_the_caisse_overrides_come_from_the_process_environment(monkeypatch):
    monkeypatch.setenv("CAISSE__CONTACTS__PHONE", "01 23 45 67 89")
    assert load_config().contacts.phone == "01 23 45 67 89"
    assert load_config(environ={}).contacts.phone == "32 30", "the file's"


def test_a_server_with_a_bad_value_stops_at_start_naming_it():
    environment = {"PATH": "/usr/bin:/bin", "RATE_LIMIT_PER_MINUTE": "beaucoup",
                   "DATABASE_URL": "synthetic-password@nulle-part"}
    started = subprocess.run([sys.executable, "-m", "bot.serve", "actions"], cwd=PROJECT_ROOT, env=environment,
                             capture_output=True, text=True, timeout=60)
    assert started.returncode == 1
    assert "RATE_LIMIT_PER_MINUTE : un nombre est attendu" in started.stderr and "DATABASE_URL" in started.stderr
    assert "synthetic-password" not in started.stderr and "Traceback" not in started.stderr
