"""Each step of a handoff, done once: its database write (`bot.handoff.queue`), the events Rasa
records for it (pause, resume, the message the person reads) and the sentences of that message
(`config/textes.yml`, through `bot.handoff.announcement`).

A step is a plain function returning a `Step`: the action server (Rasa SDK, synchronous) returns
its events to Rasa, which sends the bot messages among them to the person's channel; the web
server's `HandoffService` runs the same function in a thread (off the event loop that also serves
`/nlg`) and appends the events through Rasa's HTTP API. Agents' texts are masked here, so
nothing an agent writes reaches the tracker store in clear.
"""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Dict, List, Optional, TypeVar

from sqlalchemy.engine import Engine

from bot.backoffice import Account, present_agents
from bot.config import CaisseConfig
from bot.handoff import queue
from bot.handoff.announcement import (
    WaitEstimate, agent_joined, back_with_assistant, colleague_took_over, estimate_wait, handoff_announcement,
)
from bot.handoff.records import Handoff
from bot.handoff.transcript import last_person_message_at, messenger_window
from bot.moderation.flags import expired_blocks, lift_block
from bot.personal_data import detect
from bot.personal_data._model import apply_masks

if TYPE_CHECKING:
    from bot.web.rasa_api import RasaApi

logger = logging.getLogger(__name__)

MAX_REPLY_CHARACTERS = 2000
T = TypeVar("T")
Event = Dict[str, Any]  # a Rasa event in its JSON form, as Rasa SDK and Rasa's HTTP API take it
# Paused, Rasa stores the person's messages but predicts nothing: they are for the agent.
PAUSE: Event = {"event": "pause"}
RESUME: Event = {"event": "resume"}
LISTEN: Event = {"event": "action", "name": "action_listen"}


class InvalidText(ValueError):
    """The agent's reply or note cannot be sent as written; the message is shown to the agent."""


class NotDelivered(RuntimeError):
    """The step is recorded, but Rasa did not take its events; the message is shown to the agent."""


@dataclass
class Step:
    conversation_id: str
    events: List[Event] = field(default_factory=list)
    handoff: Optional[Handoff] = None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _bot(text: str, **metadata: Any) -> Event:
    """A message the person reads; its metadata (who speaks, the handoff's state) reaches the
    widget with it."""
    return {"event": "bot", "text": text, "metadata": {key: value for key, value in metadata.items() if value}}


def _actor(account: Account) -> str:
    return f"agent:{account.username}"


def _words(text: str) -> set:
    return {word.casefold() for word in re.findall(r"\w+", text)}


def mask_agent_text(text: str, account: Account) -> str:
    """An agent's text masked like any message, except the agent's own name ("je suis Camille,
    conseillère"): a name found there is kept when all its words are words of the agent's
    display name or account name. Anyone else's name, and every other kind of data, is masked."""
    own = _words(account.display_name) | _words(account.username)
    findings = [finding for finding in detect(text)
                if not (finding.type == "NAME" and _words(text[finding.start:finding.end]) <= own)]
    return apply_masks(text, findings)


def _masked_note(note: Any, account: Account) -> Optional[str]:
    """The internal note for whoever takes the request next, masked like every agent's text."""
    if not isinstance(note, str) or not note.strip():
        return None
    if len(note) > queue.MAX_NOTE_CHARACTERS:
        raise InvalidText(f"Note trop longue ({queue.MAX_NOTE_CHARACTERS} caractères au plus).")
    return mask_agent_text(note, account)


def wait_estimate(handoff: Handoff, config: CaisseConfig, now: datetime,
                  engine: Optional[Engine] = None) -> WaitEstimate:
    """The place in the queue and the agents present now: what the person is told, in the
    conversation when asking and in the widget's status line while waiting."""
    return estimate_wait(queue.queue_position(handoff, engine), present_agents(engine), config, now)


def request_agent(conversation_id: str, channel: str, reason: str, config: CaisseConfig, *,
                  topic: Optional[str] = None, branch: Optional[str] = None, priority: int = 0,
                  now: Optional[datetime] = None, engine: Optional[Engine] = None) -> Step:
    """Into the queue (asking again keeps the place), told why, the wait and what to do
    meanwhile, and the assistant paused."""
    now = now or _now()
    handoff = queue.request_handoff(conversation_id, channel, reason, topic=topic, branch=branch,
                                    priority=priority, now=now, engine=engine)
    announcement = handoff_announcement(reason, wait_estimate(handoff, config, now, engine), config, now)
    # `handoff` in the message metadata: the web widget then shows the live wait.
    return Step(conversation_id, [_bot(announcement, handoff=handoff.status), PAUSE], handoff)


def pause_if_open(conversation_id: str, engine: Optional[Engine] = None) -> List[Event]:
    """At a new session: a conversation still waiting for or held by an agent stays paused, so
    the person's next message reaches the agent and not the assistant."""
    return [PAUSE] if queue.open_handoff(conversation_id, engine) is not None else []


def take(handoff_id: int, account: Account, config: CaisseConfig, now: Optional[datetime] = None,
         engine: Optional[Engine] = None) -> Step:
    """The agent takes over (one of two simultaneous agents wins) and the person is told who.
    Paused again: a session that expired meanwhile must not hand the person back to the bot."""
    handoff = queue.take(handoff_id, account.id, _actor(account), now=now, config=config, engine=engine)
    return Step(handoff.conversation_id, [PAUSE, _bot(agent_joined(account.display_name, config), system="taken")],
                handoff)


def release(handoff_id: int, account: Account, branch: Optional[str], note: Any,
            engine: Optional[Engine] = None) -> Step:
    """Back to the queue, or to another service's; the person keeps waiting, nothing to tell."""
    handoff = queue.release(handoff_id, account.id, _actor(account), branch, _masked_note(note, account), engine)
    return Step(handoff.conversation_id, [], handoff)


def transfer(handoff_id: int, account: Account, colleague_id: int, note: Any, config: CaisseConfig,
             engine: Optional[Engine] = None) -> Step:
    """Handed to a colleague, whose name the person is told."""
    handoff, name = queue.transfer(handoff_id, account.id, _actor(account), colleague_id,
                                   _masked_note(note, account), engine)
    return Step(handoff.conversation_id, [_bot(colleague_took_over(name, config), system="taken")], handoff)


def close(handoff_id: int, account: Account, outcome: str, config: CaisseConfig, now: Optional[datetime] = None,
          engine: Optional[Engine] = None) -> Step:
    """Closed with its outcome; the assistant answers again, and says so."""
    handoff = queue.close(handoff_id, account.id, _actor(account), outcome, config, now=now, engine=engine)
    return Step(handoff.conversation_id,
                [RESUME, _bot(back_with_assistant(config), system="closed"), LISTEN], handoff)


def suspension_over(conversation_id: str, engine: Optional[Engine] = None) -> Step:
    """A moderation block has expired: the assistant answers again, unless an agent holds or
    will take the conversation (then it stays paused for the agent)."""
    if queue.open_handoff(conversation_id, engine) is not None:
        return Step(conversation_id)
    return Step(conversation_id, [RESUME, LISTEN])


class HandoffService:
    """The web server's side of each step: the step in a thread, then its events to Rasa."""

    def __init__(self, config: CaisseConfig, rasa: "RasaApi", engine: Optional[Engine] = None) -> None:
        self.config, self.rasa, self.engine = config, rasa, engine

    @staticmethod
    async def _rasa(call: Awaitable[T], undelivered: str) -> T:
        # Imported here: `bot.web` loads the whole web server, which the action server must not.
        from bot.web.rasa_api import RasaUnavailable

        try:
            return await call
        except RasaUnavailable as error:
            raise NotDelivered(f"{undelivered} ({error}).") from error

    async def _run(self, step: Callable[..., Step], *args: Any, undelivered: str = "") -> Step:
        """`undelivered`: what the agent is told when Rasa does not take the step's events."""
        done = await asyncio.to_thread(step, *args, engine=self.engine)
        if done.events:
            await self._rasa(self.rasa.append(done.conversation_id, done.events), undelivered)
        return done

    async def take(self, handoff_id: int, account: Account) -> Handoff:
        return (await self._run(take, handoff_id, account, self.config,
                                undelivered="Prise en charge enregistrée, mais message non envoyé")).handoff

    async def release(self, handoff_id: int, account: Account, branch: Optional[str], note: Any) -> Handoff:
        return (await self._run(release, handoff_id, account, branch, note)).handoff

    async def transfer(self, handoff_id: int, account: Account, colleague_id: int, note: Any) -> Handoff:
        return (await self._run(transfer, handoff_id, account, colleague_id, note, self.config,
                                undelivered="Transfert enregistré, mais message non envoyé")).handoff

    async def close(self, handoff_id: int, account: Account, outcome: str) -> Handoff:
        return (await self._run(close, handoff_id, account, outcome, self.config,
                                undelivered="Demande fermée, mais l'assistant n'a pas repris la main")).handoff

    async def reply(self, handoff_id: int, account: Account, text: Any) -> None:
        """The agent's message, masked (but the agent's name), within Messenger's rules; only a
        message that reached Rasa counts as the agent's response."""
        text = text.strip() if isinstance(text, str) else ""
        if not text:
            raise InvalidText("Le message est vide.")
        if len(text) > MAX_REPLY_CHARACTERS:
            raise InvalidText(f"Message trop long ({MAX_REPLY_CHARACTERS} caractères au plus).")
        handoff = await asyncio.to_thread(queue.held, handoff_id, account.id, self.engine)
        undelivered = "Message non envoyé, réessayez"
        events = await self._rasa(self.rasa.events(handoff.conversation_id), undelivered)
        window = messenger_window(handoff.channel, last_person_message_at(events), self.config, _now())
        if not window.can_send:
            raise queue.HandoffError(window.warning)
        masked = await asyncio.to_thread(mask_agent_text, text, account)
        await self._rasa(self.rasa.append(handoff.conversation_id,
                                          [_bot(masked, agent=account.display_name, messenger_tag=window.tag)]),
                         undelivered)
        await asyncio.to_thread(queue.record_agent_reply, handoff_id, account.id, _actor(account), self.config,
                                engine=self.engine)

    async def person_left(self, conversation_id: str) -> None:
        """The person ended the conversation on their screen: the agent's queue shows it."""
        await asyncio.to_thread(queue.person_left, conversation_id, engine=self.engine)

    async def end_suspensions(self) -> int:
        """Hands back every conversation whose moderation block has expired; returns how many.
        A block whose resumption Rasa did not take stays, and is tried again next round."""
        ended = 0
        for flag in await asyncio.to_thread(expired_blocks, engine=self.engine):
            try:
                await self._run(suspension_over, flag.conversation_id, undelivered="Reprise après suspension")
            except NotDelivered as error:
                logger.warning("%s reportée.", error)
                continue
            await asyncio.to_thread(lift_block, flag.id, self.engine)
            ended += 1
        return ended
