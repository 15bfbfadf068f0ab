"""What the person is told when personal data was masked in their message."""
from __future__ import annotations

from typing import Iterable

from bot import texts
from bot.personal_data import MASKS
from bot.config import Contacts

# The words for each kind of masked data (bot.personal_data), in config/textes.yml.
TYPE_LABELS = {kind: f"masked_data.{kind.lower()}" for kind in MASKS}


def _enumerate(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]


def masked_data_notice(types: Iterable[str], contacts: Contacts) -> str:
    labels = [texts.text(TYPE_LABELS[t], contacts=contacts) for t in sorted(set(types)) if t in TYPE_LABELS]
    if not labels:
        return ""
    return texts.text("masked_data.notice", contacts=contacts, donnees=_enumerate(labels))
