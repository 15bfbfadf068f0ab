"""Masking at the door: every input channel masks personal data before Rasa builds the
tracker event, so the tracker store, the event broker, the logs, our tables and the agent
console only ever see the masked text. The types found (never the values) travel in the
message metadata under `personal_data`. Once Rasa has answered such a message, the door runs the
notice action (`action_masked_data_notice`: what was masked, and the secure channels) in the
conversation, through Rasa's agent and under the conversation's lock, as Rasa's HTTP API does.
Rasa's own per-message hook (`action_validate_slot_mappings`) did it before, at the cost of a
call to the action server on every message, a fifth of the Rasa servers' CPU (see `make bench`).

Everything else a person sends is handled at the same door:
- Metadata: nothing the person puts there is needed, so only the keys our own code reads
  (`ALLOWED_METADATA`, with the type each must have) go through; everything else is dropped,
  not masked: the detector reads sentences, not arbitrary JSON, and a masked value kept
  would still be data stored for nothing. `personal_data` is set by the door alone.
  Oversized metadata is refused before any work (a person's 2 MB of JSON was stored).
- Intent payloads (`/intent{"entity": "value"}`, parsed with Rasa's own pattern): our buttons
  only send the identifiers of `PAYLOAD_ENTITIES`, so any other entity, a value that is not such
  an identifier or that the detector flags, and any text around the entities are dropped; the
  types the detector finds in what was dropped still reach the notice. A hand-typed name
  would otherwise reach the tracker as an entity, and Rasa's log through its parsing warnings.
- The person's own copy: a channel whose output can show it (`show_masked_text`) gets the
  masked text before Rasa answers.
- Sender ids: refused when too long for a conversation id (every channel, whatever issues them).

The door also refuses floods from one sender (`bot.channels.rate_limit`) and messages too long
to be a person's question, removes control characters and invisible direction marks
(`printable`: PostgreSQL refuses NUL in text, they mean nothing to the NLU, and a mark inside a
number hid it from the detector), and turns a failure behind it (tracker store or lock store
unreachable, e.g. while PostgreSQL restarts) into a clear message: Rasa's channels would
otherwise log the error and leave the person without an answer."""
from __future__ import annotations

import json
import logging
import math
import re
from functools import lru_cache
from typing import Any, Awaitable, Callable, Dict, Iterator, List, Optional, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from sanic import Sanic

from bot.channels import rate_limit
from bot import texts
from bot.personal_data import mask

logger = logging.getLogger(__name__)

METADATA_KEY = "personal_data"
NOTICE_ACTION = "action_masked_data_notice"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
Notify = Callable[[UserMessage], Awaitable[None]]
MAX_MESSAGE_CHARS = 5000
MAX_METADATA_CHARS = 4000  # serialized; the product itself sends a few dozen characters at most
MAX_SENDER_CHARS = 200


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# Incoming metadata our code reads, and the check its value must pass. `proxy_received_at`:
# nginx's arrival time, set by the REST channel (`bot.channels.rest.RECEIVED_AT_KEY`).
ALLOWED_METADATA: Dict[str, Callable[[Any], bool]] = {"proxy_received_at": _is_number}
# Entities our buttons send (bot.dialogue.menu, the feedback buttons of bot.templates.importer):
# template ids, theme keys and oui/non, all lowercase identifiers.
PAYLOAD_ENTITIES = frozenset({"theme", "template_id", "useful"})
_IDENTIFIER = re.compile(r"[a-z0-9_.]{1,100}")
_INTENT = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")
_PAYLOAD = YAMLStoryReader._regex_message_pattern()  # what Rasa reads as `/intent@conf{entities}rest`
# C0 controls except tab and line breaks, DEL, and lone surrogates (invalid in UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Invisible direction marks and zero-width spaces: typed inside a number or a name, they hid it
# from the detector, and bidirectional overrides show an agent text in another order than stored.
_INVISIBLE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


@lru_cache(maxsize=1)
def default_limiter():
    """One limiter per process, shared by all channels (created on first message, not at import)."""
    return rate_limit.limiter_from_environment()


async def tell(message: UserMessage, text: str) -> None:
    """Answers the person directly from the door, on their channel (a sentence of `bot.texts`)."""
    await message.output_channel.send_text_message(message.sender_id, text)


async def notify_masked_data(message: UserMessage) -> None:
    """The notice action, run in the conversation by the agent of this Rasa server."""
    agent = Sanic.get_app().ctx.agent
    async with agent.lock_store.lock(message.sender_id):
        await agent.execute_action(message.sender_id, NOTICE_ACTION, message.output_channel, policy=None,
                                   confidence=None)


async def show_masked(message: UserMessage) -> None:
    """Shows the person their message as kept, on channels that can (the web widget replaces
    the text typed, which would otherwise stay on screen in clear until the page is reloaded)."""
    show = getattr(message.output_channel, "show_masked_text", None)
    if show is not None:
        await show(message.sender_id, message.text)


def _metadata_chars(metadata: Any) -> int:
    try:
        return len(json.dumps(metadata, ensure_ascii=False, default=str))
    except (ValueError, RecursionError):  # circular or absurdly deep: too much anyway
        return MAX_METADATA_CHARS + 1


def allowed_metadata(metadata: Any) -> Dict[str, Any]:
    """The keys our code reads, when their values have the expected type; nothing else."""
    if not isinstance(metadata, dict):
        return {}
    return {key: metadata[key] for key, valid in ALLOWED_METADATA.items()
            if key in metadata and valid(metadata[key])}


def _strings(value: Any) -> Iterator[str]:
    """Every string of a JSON value, keys included, and its numbers as text (iterative: a
    hand-typed payload may nest as deep as the JSON parser allows)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            pending.extend(str(key) for key in item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool):  # a number typed bare
            yield str(item)


def _types_in(value: Any) -> List[str]:
    return sorted({kind for text in _strings(value) for kind in mask(text).types})


def _mask_payload(match: re.Match) -> Tuple[str, List[str]]:
    """The payload rebuilt from its intent and the entities our buttons send, and the types
    found in what was left out. Rebuilt the way our buttons write it, so they come out as sent."""
    try:
        entities = json.loads(match.group("entities") or "{}")
    except (ValueError, RecursionError):
        entities = match.group("entities")
    dropped: List[Any] = [match.group("rest"), match.string[match.end():]]
    if not isinstance(entities, dict):
        dropped.append(entities)
        entities = {}
    kept = {}
    for name, value in entities.items():
        if (name in PAYLOAD_ENTITIES and isinstance(value, str) and _IDENTIFIER.fullmatch(value)
                and not mask(value).findings):
            kept[name] = value
        else:
            dropped.append({name: value})
    text = "/" + match.group("name").strip()
    if kept:
        text += json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    return text, _types_in(dropped)


def printable(text: str) -> str:
    """A person's text without the characters that mean nothing to the NLU nor to the detector:
    controls become spaces (PostgreSQL refuses NUL in text), invisible marks go. Every channel,
    public comments included, cleans what a person wrote with it before masking."""
    return _INVISIBLE.sub("", _UNPRINTABLE.sub(" ", text))


def mask_text(text: str) -> Tuple[str, List[str]]:
    """The text as Rasa may see it, and the types of personal data found (sorted)."""
    payload = _PAYLOAD.match(text.strip())
    intent = payload.group("name").strip() if payload else ""
    if _INTENT.fullmatch(intent) and not mask(intent).findings:  # else words or data after a slash
        return _mask_payload(payload)
    result = mask(text)
    return result.text, result.types


def mask_incoming(on_new_message: OnNewMessage, limiter: Optional[Any] = None,
                  notify: Notify = notify_masked_data) -> OnNewMessage:
    texts.check()  # a broken config/textes.yml stops Rasa's start, not a person's message

    async def handle(message: UserMessage) -> Any:
        if len(message.sender_id or "") > MAX_SENDER_CHARS:
            await tell(message, texts.text("door.sender_too_long"))
            return None
        if message.metadata and _metadata_chars(message.metadata) > MAX_METADATA_CHARS:
            await tell(message, texts.text("door.too_much_metadata"))
            return None
        if not await (limiter or default_limiter()).allow(f"{message.input_channel}:{message.sender_id}"):
            await tell(message, texts.text("door.too_many_messages"))
            return None
        if len(message.text or "") > MAX_MESSAGE_CHARS:
            await tell(message, texts.text("door.too_long"))
            return None
        metadata = allowed_metadata(message.metadata)
        types: List[str] = []
        if message.text is not None:
            message.text, types = mask_text(printable(message.text))
        if types:
            metadata[METADATA_KEY] = types
        message.metadata = metadata or None
        try:
            if types:
                await show_masked(message)
            answered = await on_new_message(message)
        except Exception:  # whatever failed, the person must not be left with silence
            logger.exception("Message non traité (conversation %s).", message.sender_id)
            await tell(message, texts.text("door.technical_error"))
            return None
        if types:
            try:
                await notify(message)
            except Exception as error:  # answered already; the data was masked all the same
                logger.warning("Avis de données masquées non envoyé (conversation %s) : %s.", message.sender_id,
                               type(error).__name__)
        return answered

    return handle


class MaskingInput:
    """Mixin for a Rasa InputChannel whose blueprint hands messages to `on_new_message`."""

    def blueprint(self, on_new_message: OnNewMessage):
        return super().blueprint(mask_incoming(on_new_message))  # type: ignore[misc]
