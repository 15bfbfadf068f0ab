"""Every environment variable the product reads, in one place, typed and checked once at start.

The servers (Rasa with our channels, the action server, the web server) and the commands read
their settings here and nowhere else: `get_settings()` reads the environment once per process and
stops with a message naming the variable when a value cannot be used, rather than at the first
person's message. Tests build `Settings(...)` or `Settings.from_environ({...})` (values given
there win over the process's environment), or call `get_settings.cache_clear()`.
An empty variable counts as unset, as it always did (`VAR= make run`).
The tooling (runner, production profile, bench, load test) sets the environment of the servers
it starts: it is not the product and keeps its own variables.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from pydantic import AnyHttpUrl, BaseSettings, Field, SecretStr, ValidationError, validator
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INTERFACE = "127.0.0.1"
CAISSE_PREFIX = "CAISSE__"
_REDIS_SCHEMES = ("redis", "rediss", "unix")
_EXPECTED = {  # pydantic's error types, said in French
    "type_error.float": "un nombre est attendu",
    "type_error.integer": "un nombre entier est attendu",
    "type_error.bool": "oui ou non est attendu (1, true, yes ou 0, false, no)",
    "value_error.number.not_gt": "un nombre plus grand que zéro est attendu",
    "value_error.number.not_ge": "un nombre au moins égal à 1 est attendu",
    "value_error.url.scheme": "une adresse http:// ou https:// est attendue",
    "value_error.url.host": "une adresse http:// ou https:// avec un nom de machine est attendue",
    "value_error.missing": "la valeur manque",
}


class SettingsError(ValueError):
    """A variable's value cannot be used; the message names each variable and what it expects."""


class _Group(BaseSettings):
    """What every group shares: an empty variable means "unset", and values are never shown."""

    @validator("*", pre=True)
    def _empty_is_unset(cls, value: Any, field) -> Any:
        return field.get_default() if value == "" else value

    class Config:
        # ALLOWED_ORIGINS is a space-separated list, not JSON (pydantic's reading of lists).
        @classmethod
        def parse_env_var(cls, field_name: str, raw: str) -> Any:
            return raw if field_name == "allowed_origins" else cls.json_loads(raw)

        @classmethod
        def customise_sources(cls, init_settings, env_settings, file_secret_settings):
            return init_settings, env_settings, _caisse_overrides


def _caisse_overrides(_settings: BaseSettings) -> Dict[str, Any]:
    """CAISSE__<KEY>__<SUB_KEY> variables: a pydantic settings source, since their names are open.
    Pairs rather than a dict, so that overrides given to `Settings(...)` replace them instead of
    being merged with them."""
    return {"caisse_overrides": [(key, value) for key, value in os.environ.items() if key.startswith(CAISSE_PREFIX)]}


def _database_url(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        make_url(value).get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise ValueError("une adresse de base de données SQLAlchemy est attendue "
                         "(ex. sqlite:///var/caisse.db ou postgresql://utilisateur@hote/base)") from None
    return value


def _redis_url(value: Optional[str]) -> Optional[str]:
    if value is not None and value.split("://", 1)[0] not in _REDIS_SCHEMES:
        raise ValueError("une adresse Redis est attendue (ex. redis://127.0.0.1:6379/0)")
    return value


class CaisseFiles(_Group):
    """Where the caisse's configuration and the files written at run time live: the e2e tests and
    the production profile point them elsewhere than the checkout."""

    caisse_config: Optional[Path] = None  # else config/caisse.yml (bot.config)
    caisse_overrides: Dict[str, str] = Field(default_factory=dict, env=[])  # CAISSE__* (bot.config)
    caisse_var_dir: Path = PROJECT_ROOT / "var"
    models_dir: Path = PROJECT_ROOT / "models"  # where `rasa run --model` looks at start-up


class Databases(_Group):
    """Our tables, Rasa's tracker store and its event broker: SQLite under var/ by default,
    PostgreSQL in production. A relative SQLite path of the tracker store is taken from the
    project folder (bot.storage.rasa_events), never from the working directory."""

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'caisse.db'}"
    tracker_db_url: str = "sqlite:///var/tracker.db"
    event_broker_db_url: Optional[str] = None

    _urls = validator("database_url", "tracker_db_url", "event_broker_db_url", allow_reuse=True)(_database_url)


class Servers(_Group):
    """How the servers find and trust each other: the interface behind the public doors, Rasa's
    API for the back office, the shared secrets (never on a command line, which `ps` shows)."""

    internal_interface: str = DEFAULT_INTERFACE
    rasa_port: int = Field(5005, gt=0)
    rasa_url: Optional[AnyHttpUrl] = None  # else http://127.0.0.1:<RASA_PORT>
    rasa_public_url: AnyHttpUrl = "http://localhost:5005"  # what the person's browser calls
    rasa_auth_token: SecretStr = SecretStr("")
    action_server_token: SecretStr = SecretStr("")
    backoffice_secure_cookies: bool = False  # true behind HTTPS
    rasa_max_cache_size: int = Field(6000, gt=0)  # MB of Rasa's training cache, for a retraining

    @property
    def rasa_api_url(self) -> str:
        return self.rasa_url or f"http://127.0.0.1:{self.rasa_port}"


class Conversations(_Group):
    """The widget's socket and the proof that a conversation belongs to whoever opened it: the
    same secret for every Rasa server and the web server; Redis when there are several servers."""

    conversation_secret: SecretStr = SecretStr("")
    allowed_origins: List[str] = []  # the origins of the caisse's pages, space-separated
    socketio_redis_url: Optional[str] = None

    @validator("allowed_origins", pre=True)
    def _space_separated(cls, value: Any) -> Any:
        return value.split() if isinstance(value, str) else value

    _redis = validator("socketio_redis_url", allow_reuse=True)(_redis_url)


class RateLimits(_Group):
    """Buckets at the channels' door (bot.channels.rate_limit): per sender, per client address,
    per address for new conversations; in Redis when several Rasa servers share them."""

    rate_limit_per_minute: float = Field(30.0, gt=0)
    rate_limit_burst: int = Field(15, ge=1)
    rate_limit_address_per_minute: float = Field(120.0, gt=0)
    rate_limit_address_burst: int = Field(40, ge=1)
    rate_limit_new_conversation_per_minute: float = Field(20.0, gt=0)
    rate_limit_new_conversation_burst: int = Field(10, ge=1)
    rate_limit_redis_url: Optional[str] = None

    _redis = validator("rate_limit_redis_url", allow_reuse=True)(_redis_url)


class Meta(_Group):
    """Messenger, Instagram and the page comments: Meta's secrets come from the environment,
    never from a YAML file; the Graph API's address is changed only by the tests' stand-in."""

    fb_verify_token: SecretStr = SecretStr("")
    fb_app_secret: SecretStr = SecretStr("")
    fb_page_access_token: SecretStr = SecretStr("")
    fb_graph_api_url: Optional[AnyHttpUrl] = None
    fb_page_id: Optional[str] = None
    ig_account_id: Optional[str] = None


class Settings(CaisseFiles, Databases, Servers, Conversations, RateLimits, Meta):
    """The product's settings: one field per environment variable (its name in capitals)."""

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as error:
            raise SettingsError(_describe(error)) from None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "Settings":
        """The settings `environ` gives, whatever this process's environment holds (tests)."""
        lowered = {key.lower(): value for key, value in environ.items()}
        values: Dict[str, Any] = {
            name: lowered.get(name, "") for name in cls.__fields__ if name != "caisse_overrides"
        }
        values["caisse_overrides"] = {key: value for key, value in environ.items() if key.startswith(CAISSE_PREFIX)}
        return cls(**values)


# The values when no variable is set (read by code that needs a default without the environment).
DEFAULTS = Settings.construct()


def _describe(error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        variable = str(problem["loc"][0]).upper()
        lines.append(f"- {variable} : {_EXPECTED.get(problem['type'], problem['msg'])}")
    return "variable(s) d'environnement invalide(s) :\n" + "\n".join(lines)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """This process's settings, read and checked at the first call (the servers call it at start)."""
    return Settings()


def child_environment(**values: str) -> Dict[str, str]:
    """The environment of a process the product starts (a retraining): this one's, plus `values`."""
    return {**os.environ, **values}
