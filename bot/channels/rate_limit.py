"""Per-sender rate limit at the channels' door (token bucket).

A flood from one sender (a script, a stuck key, a malicious page) would otherwise run the NLU,
lock the conversation and fill the tracker store for everyone. Each sender has a bucket of
`burst` messages refilled at `per_minute`; a message finding the bucket empty is answered with
a clear French message and never reaches Rasa.

With several Rasa servers behind a load balancer, the buckets live in Redis
(RATE_LIMIT_REDIS_URL) so that the limit holds whichever server gets the message; without it,
each process keeps its own buckets (the embedded default has a single Rasa server). When Redis
does not answer, messages are let through: the limit protects the service, it must not become
the cause of an outage.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

logger = logging.getLogger(__name__)

DEFAULT_PER_MINUTE = 30.0
DEFAULT_BURST = 15
MESSAGE = (
    "Vous avez envoyé beaucoup de messages en peu de temps : ce message n'a pas été lu. "
    "Patientez une minute avant d'écrire de nouveau. Pour une demande urgente, appelez le {phone}."
)
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


def limiter_from_environment(environ: Optional[Dict[str, str]] = None):
    """RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST and RATE_LIMIT_REDIS_URL (optional)."""
    environ = os.environ if environ is None else environ
    per_minute = float(environ.get("RATE_LIMIT_PER_MINUTE", DEFAULT_PER_MINUTE))
    burst = int(environ.get("RATE_LIMIT_BURST", DEFAULT_BURST))
    url = environ.get("RATE_LIMIT_REDIS_URL")
    if url:
        return RedisRateLimiter(url, per_minute, burst)
    return LocalRateLimiter(per_minute, burst)
