"""Why and about what a conversation goes to an agent, read from the conversation so far."""
from __future__ import annotations

from typing import Any, Dict, Iterable, Optional

from bot.nlu.parse import selected_template

COMPLAINT_INTENT = "complaint"
NEGATIVE_VOTE_REPLY = "utter_feedback_sorry"
# A public comment the assistant could not hide or answer on the social network (Graph API down
# after its retries): the agents see that nothing was sent, not a question misunderstood.
NOT_SENT = "not_sent"


def handoff_reason(latest_intent: Optional[str], previous_bot_action: Optional[str]) -> str:
    if latest_intent == COMPLAINT_INTENT:
        return "complaint"
    if latest_intent == "nlu_fallback":
        return "fallback"
    if latest_intent == "faq":
        return "template"
    if previous_bot_action == NEGATIVE_VOTE_REPLY:
        return "not_useful"
    return "asked"


def previous_bot_action(events: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The last action the bot ran before the latest user message (action_listen aside, and
    actions taken out of the dialogue by Rasa's `undo` event, as the masked-data notice is)."""
    seen_user, undone = False, 0
    for event in reversed(list(events)):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                break
            seen_user = True
        elif kind == "undo":
            undone += 1
        elif kind == "action" and undone:
            undone -= 1
        elif seen_user and kind == "action" and event.get("name") != "action_listen":
            return event.get("name")
    return None


def last_template(events: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The most recent template the assistant chose: the handoff's topic for the agent."""
    for event in reversed(list(events)):
        if event.get("event") == "user":
            template, _ = selected_template(event.get("parse_data") or {})
            if template and (event.get("parse_data") or {}).get("intent", {}).get("name") == "faq":
                return template
    return None
