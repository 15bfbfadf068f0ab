"""What the NLU wrote in a parsed message, read the same way wherever it is needed: by the
actions, the handoff reasons, the indicators and the page comments (Rasa's own `parse_data`).

Kept apart from the NLU components so that reading it never loads Rasa's training code."""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple


def selected_template(parse_data: Dict[str, Any]) -> Tuple[Optional[str], Optional[float]]:
    """The template id the response selector chose for a parsed message, and its confidence."""
    response = ((parse_data.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    template = (response.get("intent_response_key") or "").partition("/")[2] or None
    return template, response.get("confidence")
