"""What the assistant says under the usage charter; every channel and delay from the configuration."""
from __future__ import annotations

from typing import Any, Dict, Iterable

from bot.config import CaisseConfig

ABUSE_INTENT = "abuse"


def abuse_count(events: Iterable[Dict[str, Any]]) -> int:
    """Abusive messages in this conversation, the latest included."""
    return sum(1 for e in events if e.get("event") == "user"
               and ((e.get("parse_data") or {}).get("intent") or {}).get("name") == ABUSE_INTENT)


def _charter(config: CaisseConfig) -> str:
    return f"{config.site_url.rstrip('/')}{config.charter_path}"


def charter_reminder(config: CaisseConfig) -> str:
    return ("Je comprends que la situation puisse être difficile, mais les insultes et les propos "
            "blessants ne sont pas acceptés dans cet espace (charte d'utilisation : "
            f"{_charter(config)}). Je reste disponible pour répondre à votre question.")


def block_notice(config: CaisseConfig) -> str:
    minutes = config.moderation.block_minutes
    return (f"Vos messages ne respectent pas la charte d'utilisation ({_charter(config)}) : je suspends "
            f"cette conversation pendant {minutes} minutes et elle sera relue par un modérateur. Pour une "
            f"question urgente, vous pouvez appeler le {config.contacts.phone} ({config.contacts.phone_hours}).")


def self_harm_message(config: CaisseConfig) -> str:
    return ("Ce que vous vivez a l'air très lourd, et vous n'êtes pas seul·e. Si vous pensez à vous faire "
            f"du mal, appelez tout de suite le {config.moderation.prevention_line}, ou le 15 en cas "
            "d'urgence. Je préviens aussi un conseiller.")
