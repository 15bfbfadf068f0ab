"""The legal notice ("informations générales, sous réserve de l'examen complet de votre dossier")
goes with the answers: once per conversation, right after the first answer, so that a person who
asks straight away reads it too, and later answers stay light. The greeting carries it as well,
so "bonjour" gets one bubble and the menu, not a separate notice."""
from __future__ import annotations

from typing import Any, Dict, Iterable

NOTICE_RESPONSES = ("utter_greet", "utter_legal_notice_short")
SHORT_NOTICE = "utter_legal_notice_short"


def legal_notice_due(events: Iterable[Dict[str, Any]]) -> bool:
    """True when no legal notice was shown since the conversation (Rasa session) started."""
    for event in reversed(list(events)):
        if event.get("event") == "session_started":
            return True
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") in NOTICE_RESPONSES:
            return False
    return True
