"""Reading a vote on an answer from the user's message and the conversation."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

RETRIEVAL_PREFIX = "utter_faq/"
YES_VALUES = {"oui", "yes", "true", "1"}
NO_VALUES = {"non", "no", "false", "0"}


def _last_answered_template(events: List[Dict[str, Any]]) -> Optional[str]:
    for event in reversed(events):
        if event.get("event") == "bot":
            action = (event.get("metadata") or {}).get("utter_action") or ""
            if action.startswith(RETRIEVAL_PREFIX):
                return action[len(RETRIEVAL_PREFIX):]
    return None


def parse_feedback(
    entities: List[Dict[str, Any]], events: List[Dict[str, Any]]
) -> Optional[Tuple[Optional[str], bool]]:
    """(template id, useful) from a vote button or a typed opinion; None if no opinion is given.

    A typed "pas utile" carries no template id: it is about the last template answer given.
    """
    values = {entity.get("entity"): str(entity.get("value", "")).lower() for entity in entities}
    useful = values.get("useful")
    if useful in YES_VALUES:
        verdict = True
    elif useful in NO_VALUES:
        verdict = False
    else:
        return None
    return values.get("template_id") or _last_answered_template(events), verdict
