"""What the assistant says under the usage charter; every channel and delay from the configuration,
every sentence from `config/textes.yml` (section moderation, `bot.texts`): they carry values of
the configuration that the domain responses' fields do not (block minutes, prevention line)."""
from __future__ import annotations

from typing import Any, Dict, Iterable

from bot import texts
from bot.config import CaisseConfig

ABUSE_INTENT = "abuse"


def abuse_count(events: Iterable[Dict[str, Any]]) -> int:
    """Abusive messages in this conversation, the latest included."""
    return sum(1 for e in events if e.get("event") == "user"
               and ((e.get("parse_data") or {}).get("intent") or {}).get("name") == ABUSE_INTENT)


def _charter(config: CaisseConfig) -> str:
    return f"{config.site_url.rstrip('/')}{config.charter_path}"


def charter_reminder(config: CaisseConfig) -> str:
    return texts.text("moderation.charter_reminder", config, charte_url=_charter(config))


def block_notice(config: CaisseConfig) -> str:
    return texts.text("moderation.block_notice", config, charte_url=_charter(config),
                      minutes=config.moderation.block_minutes)


def self_harm_message(config: CaisseConfig) -> str:
    return texts.text("moderation.self_harm", config, ligne_prevention=config.moderation.prevention_line)
