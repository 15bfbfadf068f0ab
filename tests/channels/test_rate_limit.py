"""Per-sender rate limit: in-process buckets, and buckets shared through a real Redis server."""
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.masking import mask_incoming
from bot.channels.rate_limit import LocalRateLimiter, RedisRateLimiter, limiter_from_environment
from bot.config import get_config
from bot.settings import Settings
from tests.channels.conftest import free_port


async def test_a_burst_passes_then_the_sender_waits_for_the_refill():
    limiter = LocalRateLimiter(per_minute=60, burst=3)
    assert [await limiter.allow("rest:a", now=0) for _ in range(4)] == [True, True, True, False]
    assert await limiter.allow("rest:b", now=0), "another sender is not affected"
    assert await limiter.allow("rest:a", now=1.0), "one message a second comes back"
    assert not await limiter.allow("rest:a", now=1.5)


async def test_idle_buckets_are_forgotten_when_there_are_too_many():
    limiter = LocalRateLimiter(per_minute=60, burst=2, max_keys=10)
    for i in range(11):
        await limiter.allow(f"k{i}", now=i * 10.0)
    assert len(limiter._buckets) == 1


async def test_a_flood_gets_a_clear_message_and_never_reaches_rasa():
    received = []

    async def on_new_message(message):
        received.append(message.text)

    door = mask_incoming(on_new_message, LocalRateLimiter(per_minute=1, burst=2))
    answers = []
    for i in range(5):
        message = UserMessage(f"message {i}", CollectingOutputChannel(), sender_id="flood", input_channel="rest")
        await door(message)
        answers.append([m["text"] for m in message.output_channel.messages])
    assert received == ["message 0", "message 1"]
    assert all(len(a) == 1 and "beaucoup de messages" in a[0] and get_config().contacts.phone in a[0]
               for a in answers[2:])


async def test_redis_buckets_are_shared_by_servers(redis_url):
    first, second = RedisRateLimiter(redis_url, 60, 2), RedisRateLimiter(redis_url, 60, 2)
    assert await first.allow("rest:shared", now=1000.0)
    assert await second.allow("rest:shared", now=1000.0)
    assert not await first.allow("rest:shared", now=1000.0)
    assert await second.allow("rest:shared", now=1001.5)


async def test_redis_unreachable_lets_messages_through():
    limiter = RedisRateLimiter(f"redis://127.0.0.1:{free_port()}/0", 60, 1)
    assert await limiter.allow("rest:x") and await limiter.allow("rest:x")


def test_environment_chooses_the_limiter(redis_url):
    assert isinstance(limiter_from_environment(Settings.from_environ({})), LocalRateLimiter)
    settings = Settings.from_environ({"RATE_LIMIT_REDIS_URL": redis_url, "RATE_LIMIT_BURST": "4"})
    shared = limiter_from_environment(settings)
    assert isinstance(shared, RedisRateLimiter) and shared.burst == 4


def test_the_client_address_trusts_x_forwarded_for_only_from_the_proxy_on_this_machine():
    from bot.channels.rate_limit import client_address

    assert client_address("127.0.0.1", "198.51.100.9") == "198.51.100.9"
    assert client_address("127.0.0.1", "10.0.0.1, 198.51.100.9") == "198.51.100.9", "what nginx saw, not the claim"
    assert client_address("203.0.113.5", "198.51.100.9") == "203.0.113.5", "a client cannot choose its address"
    assert client_address("127.0.0.1", "n'importe quoi") == "127.0.0.1"
    assert client_address("2001:db8:1:2:3::4", None) == client_address("2001:db8:1:2:ffff::1", None), "one /64"
    assert client_address("::ffff:198.51.100.9", None) == "198.51.100.9"


def test_behind_nginx_on_a_private_interface_its_x_forwarded_for_is_trusted(monkeypatch):
    from bot.channels.rate_limit import client_address

    monkeypatch.setenv("INTERNAL_INTERFACE", "10.0.0.5")
    assert client_address("10.0.0.5", "198.51.100.9") == "198.51.100.9"
    assert client_address("10.0.0.6", "198.51.100.9") == "10.0.0.6"
