"""The masked conversation as an agent reads it, built from Rasa's tracker events.

Texts are already masked (channels mask at the door, agent replies are masked before they are
sent); the console shows them as text, never as HTML.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Iterable, List, Optional

from bot.config import CaisseConfig
from bot.indicators.labels import CHANNELS
from bot.moderation import ABUSE

MESSENGER_CHANNELS = ("facebook", "instagram")  # the same Send API and 24-hour rule
HUMAN_AGENT_TAG = "HUMAN_AGENT"


@dataclass
class Line:
    author: str  # person, bot, agent, system
    text: str
    at: str
    name: Optional[str] = None
    buttons: List[Dict[str, str]] = field(default_factory=list)
    # Moderation category when the message breaks the charter: agents see it behind a click.
    hidden: Optional[str] = None

    def as_dict(self) -> Dict[str, Any]:
        return asdict(self)


def _moment(event: Dict[str, Any]) -> datetime:
    return datetime.fromtimestamp(float(event.get("timestamp") or 0), tz=timezone.utc)


def transcript(events: Iterable[Dict[str, Any]]) -> List[Line]:
    lines = []
    for event in events:
        kind, text = event.get("event"), event.get("text")
        if kind == "user" and text:
            category = ((event.get("parse_data") or {}).get("moderation") or {}).get("category")
            lines.append(Line("person", text, _moment(event).isoformat(),
                              hidden=category if category in ABUSE else None))
        elif kind == "bot" and text:
            metadata = event.get("metadata") or {}
            author = "agent" if metadata.get("agent") else "system" if metadata.get("system") else "bot"
            buttons = [{"title": b.get("title", ""), "payload": b.get("payload", "")}
                       for b in (event.get("data") or {}).get("buttons") or []]
            lines.append(Line(author, text, _moment(event).isoformat(), metadata.get("agent"), buttons))
    return lines


def last_person_message_at(events: Iterable[Dict[str, Any]]) -> Optional[datetime]:
    moments = [_moment(e) for e in events if e.get("event") == "user"]
    return max(moments) if moments else None


@dataclass
class MessengerWindow:
    """Messenger's rule for pages, Instagram's too: free answers within 24 h of the person's last
    message, then only a human agent, with the HUMAN_AGENT tag, up to 7 days."""

    tag: Optional[str]
    warning: Optional[str]
    can_send: bool


def messenger_window(channel: str, last_message: Optional[datetime], config: CaisseConfig,
                     now: datetime) -> MessengerWindow:
    if channel not in MESSENGER_CHANNELS or last_message is None:
        return MessengerWindow(None, None, True)
    elapsed = now - last_message
    if elapsed <= timedelta(hours=config.handoff.messenger_window_hours):
        return MessengerWindow(None, None, True)
    network = CHANNELS[channel]  # the agent is told which network refuses: Messenger or Instagram
    if elapsed <= timedelta(days=config.handoff.messenger_human_agent_days):
        return MessengerWindow(HUMAN_AGENT_TAG, (
            f"Le dernier message de la personne date de plus de 24 h : {network} n'accepte votre réponse "
            "qu'avec l'étiquette « agent humain » (jusqu'à 7 jours). Elle sera envoyée ainsi."), True)
    return MessengerWindow(None, (
        f"Le dernier message de la personne date de plus de 7 jours : {network} refusera la réponse. "
        "Fermez la demande en indiquant le canal à utiliser (téléphone, compte en ligne)."), False)
