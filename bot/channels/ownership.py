"""A conversation belongs to whoever opened it.

The server issues every conversation id of the widget and of the REST channel (an id chosen by
the client would let anyone write into, or read, a conversation whose id they know or guess,
and would bring e-mails or phone numbers used as ids into the tracker). With the id, the client
gets its proof of possession: an HMAC-SHA256 of the id under a server secret
(`CONVERSATION_SECRET`, the same for every Rasa server and for the web server). Nothing is
stored: any server checks a proof on its own, so this holds with several Rasa servers and
across restarts as long as the secret stays the same.

The id has one fixed format whatever the channel, so a value in another format (a NUL, an
e-mail, 100,000 characters) is refused before any work.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from bot.settings import get_settings

SECRET_VARIABLE = "CONVERSATION_SECRET"
# 24 random bytes: 32 characters of the URL-safe base64 alphabet.
_ID_BYTES = 24
_ID_FORMAT = re.compile(r"[A-Za-z0-9_-]{32}")
PROOF_HEADER = "X-Conversation-Proof"
NOT_PROVED = (
    "Cette conversation ne peut pas être lue ni poursuivie ici : la preuve qu'elle vous appartient "
    "manque ou n'est pas valable."
)


@dataclass(frozen=True)
class Conversation:
    id: str
    proof: str


def secret() -> bytes:
    """The server secret; its absence stops the server at start-up rather than at the first
    person's message (a random secret per process would refuse proofs issued by the others)."""
    value = get_settings().conversation_secret.get_secret_value()
    if not value:
        raise RuntimeError(
            f"{SECRET_VARIABLE} n'est pas défini : `make run` et le profil de production le tirent au "
            "hasard au lancement. Pour lancer un serveur à la main, donnez la même valeur aux serveurs "
            "Rasa et au serveur web."
        )
    return value.encode()


def is_conversation_id(value: Any) -> bool:
    return isinstance(value, str) and _ID_FORMAT.fullmatch(value) is not None


def proof_of(conversation_id: str) -> str:
    return hmac.new(secret(), conversation_id.encode(), hashlib.sha256).hexdigest()


def new_conversation() -> Conversation:
    conversation_id = secrets.token_urlsafe(_ID_BYTES)
    return Conversation(conversation_id, proof_of(conversation_id))


def is_proved(conversation_id: Any, proof: Any) -> bool:
    """True when `proof` is the proof of `conversation_id` (compared in constant time)."""
    if not is_conversation_id(conversation_id) or not isinstance(proof, str):
        return False
    return hmac.compare_digest(proof_of(conversation_id).encode(), proof.encode("utf-8", "replace"))
