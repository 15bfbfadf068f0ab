"""Rate limits at the channels' door (token bucket): per sender, and per client address.

A flood from one sender (a script, a stuck key, a malicious page) would otherwise run the NLU,
lock the conversation and fill the tracker store for everyone. Each sender has a bucket of
`burst` messages refilled at `per_minute`; a message finding the bucket empty is answered with
a clear sentence (`door.too_many_messages` of config/textes.yml) and never reaches Rasa. A script
could dodge that limit by opening a new conversation for each message: each client address also
has a bucket for its messages and one for the conversations it opens (`address_limits`; IPv6
addresses by /64, what one host gets).

With several Rasa servers behind a load balancer, the buckets live in Redis
(RATE_LIMIT_REDIS_URL) so that the limit holds whichever server gets the message; without it,
each process keeps its own buckets (the embedded default has a single Rasa server). When Redis
does not answer, messages are let through: the limit protects the service, it must not become
the cause of an outage.
"""
from __future__ import annotations

import ipaddress
import logging
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Optional, Tuple, Union

from bot.serve import internal_interface
from bot.settings import DEFAULTS, Settings, get_settings

logger = logging.getLogger(__name__)

DEFAULT_PER_MINUTE, DEFAULT_BURST = DEFAULTS.rate_limit_per_minute, DEFAULTS.rate_limit_burst
# One bucket per key: tokens and time of the last refill, kept for twice a full refill.
_REDIS_BUCKET = """
local tokens = tonumber(redis.call('HGET', KEYS[1], 't') or ARGV[1])
local updated = tonumber(redis.call('HGET', KEYS[1], 'u') or ARGV[3])
local now = tonumber(ARGV[3])
tokens = math.min(tonumber(ARGV[1]), tokens + math.max(0, now - updated) * tonumber(ARGV[2]))
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
redis.call('EXPIRE', KEYS[1], ARGV[4])
return allowed
"""


@dataclass
class LocalRateLimiter:
    """Buckets in this process's memory; idle full buckets are dropped to bound memory."""

    per_minute: float = DEFAULT_PER_MINUTE
    burst: int = DEFAULT_BURST
    max_keys: int = 100_000

    def __post_init__(self) -> None:
        self._buckets: Dict[str, Tuple[float, float]] = {}

    @property
    def rate(self) -> float:
        return self.per_minute / 60.0

    async def allow(self, key: str, now: Optional[float] = None) -> bool:
        now = time.monotonic() if now is None else now
        tokens, updated = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - updated) * self.rate)
        allowed = tokens >= 1
        self._buckets[key] = (tokens - 1 if allowed else tokens, now)
        if len(self._buckets) > self.max_keys:
            self._forget_full_buckets(now)
        return allowed

    def _forget_full_buckets(self, now: float) -> None:
        refill = self.burst / self.rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < refill}


class RedisRateLimiter:
    """The same bucket, shared by every server through Redis (one Lua script, atomic)."""

    def __init__(self, url: str, per_minute: float = DEFAULT_PER_MINUTE, burst: int = DEFAULT_BURST) -> None:
        from redis import asyncio as aioredis

        self.per_minute, self.burst = per_minute, burst
        # Generous timeouts: a Rasa server busy with NLU answers its event loop late, and a
        # short timeout would then wrongly count Redis as down.
        self._redis = aioredis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._script = self._redis.register_script(_REDIS_BUCKET)

    async def allow(self, key: str, now: Optional[float] = None) -> bool:
        from redis.exceptions import RedisError

        now = time.time() if now is None else now
        ttl = int(2 * 60 * self.burst / self.per_minute) + 1
        try:
            result = await self._script(keys=[f"ratelimit:{key}"],
                                        args=[self.burst, self.per_minute / 60.0, now, ttl])
        except (RedisError, OSError) as error:
            logger.warning("Limite de débit : Redis injoignable (%s), message accepté.", error)
            return True
        return bool(result)


def limiter_from_environment(settings: Optional[Settings] = None, prefix: str = "rate_limit"):
    """<PREFIX>_PER_MINUTE, <PREFIX>_BURST, and RATE_LIMIT_REDIS_URL (optional, shared by all)."""
    settings = settings or get_settings()
    per_minute, burst = getattr(settings, f"{prefix}_per_minute"), getattr(settings, f"{prefix}_burst")
    url = settings.rate_limit_redis_url
    if url:
        return RedisRateLimiter(url, per_minute, burst)
    return LocalRateLimiter(per_minute, burst)


@dataclass(frozen=True)
class AddressLimits:
    """Per client address: its messages (RATE_LIMIT_ADDRESS_*) and the conversations it opens
    (RATE_LIMIT_NEW_CONVERSATION_*)."""

    messages: Any
    conversations: Any

    async def allow_message(self, address: str) -> bool:
        return await self.messages.allow(f"address:message:{address}")

    async def allow_new_conversation(self, address: str) -> bool:
        return await self.conversations.allow(f"address:conversation:{address}")


def address_limits_from_environment(settings: Optional[Settings] = None) -> AddressLimits:
    """Many people may share an address (an office, a mobile operator's NAT): higher limits."""
    return AddressLimits(limiter_from_environment(settings, "rate_limit_address"),
                         limiter_from_environment(settings, "rate_limit_new_conversation"))


@lru_cache(maxsize=1)
def address_limits() -> AddressLimits:
    """One set per process, shared by the channels (created on first use, not at import)."""
    return address_limits_from_environment()


def client_address(peer: str, forwarded_for: Optional[str]) -> str:
    """The client's address: the peer's, unless the peer is the proxy on this machine (loopback,
    or the servers' INTERNAL_INTERFACE that nginx connects to), which appends the address it saw
    at the end of X-Forwarded-For (any earlier entry is whatever the client claimed). IPv6
    addresses are counted by /64."""
    address = _parsed(peer)
    from_proxy = address is not None and (address.is_loopback or address == _parsed(internal_interface()))
    if from_proxy and forwarded_for:
        address = _parsed(forwarded_for.rsplit(",", 1)[-1].strip()) or address
    if address is None:
        return peer
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _parsed(value: str) -> Optional[Union[ipaddress.IPv4Address, ipaddress.IPv6Address]]:
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None
