"""Simulated people talking to the assistant through the REST channel, many at once.

Shared by the benchmarks (`make bench`) and the load-and-fault test (`make load-test`): each
simulated person opens one conversation (the server gives its id and proof,
`bot.channels.ownership`) and sends its messages one after the other, waiting for each answer,
as a person in the widget does. All come from this machine's address: the stacks they load are
started with `ONE_ADDRESS`, else the per-address limits would refuse most of them.
"""
from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import aiohttp

from bot.channels.ownership import PROOF_HEADER, Conversation
from bot.channels.rest import conversations_url

CONVERSATION = (
    "bonjour",
    "c'est quand le paiement de la caf ce mois ci",
    "j'ai perdu ma carte vitale",
    "comment je declare mes revenus pour la prime d'activité",
    "merci",
)
# The per-address limits, lifted for simulated people who all come from 127.0.0.1.
ONE_ADDRESS = {"RATE_LIMIT_ADDRESS_BURST": "1000000", "RATE_LIMIT_NEW_CONVERSATION_BURST": "1000000",
               "NGINX_PER_ADDRESS_LIMITS": "off"}  # nginx's own limits, in the production profile


@dataclass
class Outcome:
    """One message and what came back (`status` 0: no HTTP answer at all)."""

    sender: str
    text: str
    status: int
    answers: List[str] = field(default_factory=list)
    elapsed_ms: float = 0.0
    failure: Optional[str] = None


async def open_conversation(session: aiohttp.ClientSession, url: str) -> Conversation:
    """A new conversation from the REST channel whose webhook is `url` (raises if refused)."""
    async with session.post(conversations_url(url), raise_for_status=True) as answer:
        body = await answer.json()
    return Conversation(body["sender"], body["proof"])


async def send(session: aiohttp.ClientSession, url: str, conversation: Conversation, text: str) -> Outcome:
    start = time.perf_counter()
    sender = conversation.id
    try:
        async with session.post(url, json={"sender": sender, "message": text},
                                headers={PROOF_HEADER: conversation.proof}) as answer:
            try:
                body = await answer.json(content_type=None)
            except ValueError:  # an answer a REST client cannot show: its status and type tell who sent it
                return Outcome(sender, text, answer.status, [], (time.perf_counter() - start) * 1000,
                               f"not JSON: {answer.content_type}")
            texts = [m.get("text") or "" for m in body] if isinstance(body, list) else []
            return Outcome(sender, text, answer.status, texts, (time.perf_counter() - start) * 1000)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        return Outcome(sender, text, 0, [], (time.perf_counter() - start) * 1000, f"{type(error).__name__}: {error}")


async def converse(session: aiohttp.ClientSession, url: str, messages: Sequence[str], pause: float = 0.0,
                   rng: Optional[random.Random] = None) -> List[Outcome]:
    """One new conversation; after each answer, `pause` seconds (between half and one and a half
    times `pause` with `rng`: people do not all type at the same speed)."""
    try:
        conversation = await open_conversation(session, url)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:  # counted as the first message lost
        return [Outcome("", messages[0], 0, [], 0.0, f"{type(error).__name__}: {error}")]
    outcomes = []
    for text in messages:
        outcomes.append(await send(session, url, conversation, text))
        if pause:
            await asyncio.sleep(pause * (rng.uniform(0.5, 1.5) if rng else 1.0))
    return outcomes


@dataclass
class Run:
    concurrency: int
    outcomes: List[Outcome]
    seconds: float
    pause: float = 0.0

    @property
    def times(self) -> List[float]:
        return sorted(o.elapsed_ms for o in self.outcomes if o.status == 200)

    def summary(self) -> dict:
        times = self.times
        return {
            "concurrency": self.concurrency,
            "pause_s": self.pause,
            "messages": len(self.outcomes),
            "failed": sum(o.status != 200 for o in self.outcomes),
            "median_ms": round(statistics.median(times), 1) if times else None,
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1) if times else None,
            "messages_per_second": round(len(times) / self.seconds, 1),
        }


async def _simulate(url: str, concurrency: int, conversations_each: int, messages: Sequence[str],
                    timeout: float, pause: float) -> Run:
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)) as session:

        async def person(rng: random.Random) -> List[Outcome]:
            done: List[Outcome] = []
            if pause:  # people do not all arrive in the same second
                await asyncio.sleep(rng.uniform(0, pause))
            for _ in range(conversations_each):
                done += await converse(session, url, messages, pause=pause, rng=rng)
            return done

        start = time.perf_counter()
        results = await asyncio.gather(*(person(random.Random(seed)) for seed in range(concurrency)))
        seconds = time.perf_counter() - start
    return Run(concurrency, [o for r in results for o in r], seconds, pause)


def simulate(url: str, concurrency: int, conversations_each: int = 1, messages: Sequence[str] = CONVERSATION,
             timeout: float = 120, pause: float = 0.0) -> Run:
    """`concurrency` people at once, each holding `conversations_each` conversations in a row,
    waiting `pause` seconds after each answer (0: at once, the most the servers can take)."""
    return asyncio.run(_simulate(url, concurrency, conversations_each, messages, timeout, pause))
