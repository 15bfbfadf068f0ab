"""The caisse's configuration: one YAML file plus environment overrides.

Every answer that names a channel (phone, online account, appointment) reads it from here,
so a caisse changes its contacts without touching answers or code.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional

import holidays
import yaml
from pydantic import BaseModel, validator

from bot.settings import CAISSE_PREFIX, PROJECT_ROOT, Settings, get_settings

DEFAULT_CONFIG_PATH = PROJECT_ROOT / "config" / "caisse.yml"
BODIES_PATH = PROJECT_ROOT / "config" / "bodies.yml"
BRANCHES = ("caf", "cpam", "retraite", "urssaf", "msa")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SLOT_PATTERN = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class ConfigError(ValueError):
    """The caisse configuration cannot be used; the message says what to fix."""


class Contacts(BaseModel):
    """How a person reaches a body: the secure channels for questions about their own file."""

    name: str
    phone: str
    phone_hours: str
    account_name: str
    account_url: str
    app: str
    appointment_url: str
    website: str
    # Where, in the secure channels, each kind of personal question is answered (see SITUATION_TOPICS).
    secure_paths: Dict[str, str] = {}


class OpeningHours(BaseModel):
    timezone: str = "Europe/Paris"
    weekly: Dict[str, List[str]]
    public_holidays: str = "FR"
    # Subdivision of the `holidays` library: "57" adds Alsace-Moselle's Good Friday and
    # 26 December (caisses of Moselle, Bas-Rhin and Haut-Rhin), "974" La Réunion, etc.
    holidays_subdivision: Optional[str] = None

    @validator("weekly")
    def _check_slots(cls, weekly: Dict[str, List[str]]) -> Dict[str, List[str]]:
        for day, slots in weekly.items():
            if day not in WEEKDAYS:
                raise ValueError(f"jour inconnu « {day} » (attendu : {', '.join(WEEKDAYS)})")
            for slot in slots:
                if not _SLOT_PATTERN.match(slot):
                    raise ValueError(f"plage « {slot} » : format attendu HH:MM-HH:MM")
        return weekly

    def slots(self, day: date) -> List[tuple[time, time]]:
        """Opening slots of a given day: none on public holidays."""
        if self.is_holiday(day):
            return []
        result = []
        for slot in self.weekly.get(WEEKDAYS[day.weekday()], []):
            h1, m1, h2, m2 = map(int, _SLOT_PATTERN.match(slot).groups())
            result.append((time(h1, m1), time(h2, m2)))
        return result

    def is_holiday(self, day: date) -> bool:
        return day in _holidays(self.public_holidays, self.holidays_subdivision, day.year)

    def is_open(self, moment: datetime) -> bool:
        return any(start <= moment.time() < end for start, end in self.slots(moment.date()))


@lru_cache(maxsize=64)
def _holidays(country: str, subdivision: Optional[str], year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdiv=subdivision, years=year)


REACTIVITY_TARGETS = ("hour", "half_day", "day")


class Commitments(BaseModel):
    """The caisse's engagement (grid items F1 and F2 of the EN3S report)."""

    # F1: the answer promised to people, in working hours when business_hours_only.
    response_time_hours: int = 24
    business_hours_only: bool = True
    # F2: the internal reactivity target, and the business hours each bucket stands for.
    reactivity_target: str = "half_day"
    reactivity_buckets_hours: Dict[str, float] = {"hour": 1, "half_day": 4, "day": 8}

    @validator("reactivity_target")
    def _known_target(cls, target: str) -> str:
        if target not in REACTIVITY_TARGETS:
            raise ValueError(f"cible « {target} » inconnue (attendu : {', '.join(REACTIVITY_TARGETS)})")
        return target


class Handoff(BaseModel):
    """How the wait for an agent is estimated (the domain brief: up to 10 minutes per message)."""

    average_handling_minutes: int = 10
    # Messenger only lets a page answer within 24 h of the person's last message
    # (7 days for a human agent, with the HUMAN_AGENT tag).
    messenger_window_hours: int = 24
    messenger_human_agent_days: int = 7


class Moderation(BaseModel):
    """Words the caisse adds to the shared moderation lexicon (bot/moderation/lexicon.yml).

    Keyed by category (insult, threat, hate, defamation, self_harm, spam, criticism), so a
    caisse can catch a local slur or a scam that targets its allocataires without a release.
    The category names are checked when the classifier is built (bot.moderation).
    """

    extra_terms: Dict[str, List[str]] = {}
    # Graded answer to abuse: calm reminders of the charter first, then the assistant stops
    # answering the person for a while and a moderator is alerted.
    reminders_before_block: int = 1
    block_minutes: int = 30
    # National suicide prevention line, given at once with a handoff on any self-harm message.
    prevention_line: str = "3114 (numéro national de prévention du suicide, gratuit, 24 h/24 et 7 j/7)"


class Retention(BaseModel):
    """How long personal content is kept (a conversation is personal data): transcripts for
    their purpose, handoff records for year-on-year reporting of the commitments."""

    transcripts_days: int = 90
    handoff_records_months: int = 13


class CaisseConfig(BaseModel):
    name: str
    short_name: str
    branch: str
    department: str
    branches_covered: List[str]
    contacts: Contacts
    opening_hours: OpeningHours
    commitments: Commitments = Commitments()
    handoff: Handoff = Handoff()
    retention: Retention = Retention()
    charter_path: str = "/charte"
    site_url: str = "http://localhost:8000"
    national_contacts: Dict[str, Contacts] = {}
    moderation: Moderation = Moderation()

    @validator("branch")
    def _known_branch(cls, branch: str) -> str:
        if branch not in BRANCHES:
            raise ValueError(f"branche « {branch} » inconnue (attendu : {', '.join(BRANCHES)})")
        return branch

    def contacts_for(self, branch: str) -> Contacts:
        """The caisse's own contacts for its branch and the branches it answers for (an MSA is
        its members' Caf, CPAM and pension fund), the national ones for any other branch."""
        if branch == self.branch or branch in self.branches_covered:
            return self.contacts
        try:
            return self.national_contacts[branch]
        except KeyError:
            raise ConfigError(f"aucune coordonnée nationale pour la branche « {branch} »") from None


def _apply_env_overrides(data: dict, overrides: Mapping[str, str]) -> dict:
    """CAISSE__CONTACTS__PHONE=3230 sets data['contacts']['phone'] (values parsed as YAML)."""
    for key, raw in overrides.items():
        path = key[len(CAISSE_PREFIX):].lower().split("__")
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = yaml.safe_load(raw) if raw.strip() else raw
    return data


def load_config(path: Optional[Path] = None, environ: Optional[Mapping[str, str]] = None) -> CaisseConfig:
    """`path` (default CAISSE_CONFIG, else config/caisse.yml) with the CAISSE__ overrides; `environ`
    stands for the environment of the settings (tests)."""
    settings = get_settings() if environ is None else Settings.from_environ(environ)
    path = Path(path or settings.caisse_config or DEFAULT_CONFIG_PATH)
    if not path.is_absolute() and not path.exists():
        path = PROJECT_ROOT / path
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        bodies = yaml.safe_load(BODIES_PATH.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"configuration de la caisse illisible ({path}) : {error}") from error
    data = _apply_env_overrides(data, settings.caisse_overrides)
    data.setdefault("national_contacts", bodies)
    try:
        return CaisseConfig.parse_obj(data)
    except ValueError as error:
        raise ConfigError(f"configuration de la caisse invalide ({path}) :\n{error}") from error


@lru_cache(maxsize=1)
def get_config() -> CaisseConfig:
    """The process-wide configuration, read once."""
    return load_config()
