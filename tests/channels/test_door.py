"""What the channels' door does with bad input and with failures behind it."""
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.masking import MAX_MESSAGE_CHARS, mask_incoming
from bot.channels.rate_limit import LocalRateLimiter
from bot.config import get_config


async def _through(text, on_new_message=None):
    received = []

    async def collect(message):
        received.append(message.text)

    message = UserMessage(text, CollectingOutputChannel(), sender_id="door", input_channel="rest")
    await mask_incoming(on_new_message or collect, LocalRateLimiter())(message)
    return received, [m["text"] for m in message.output_channel.messages]


async def test_control_characters_and_lone_surrogates_never_reach_rasa():
    [text], _ = await _through("bon\x00jour\x07 \ud800 ça va\tbien")
    assert text.split() == ["bon", "jour", "ça", "va", "bien"] and "\t" in text
    assert not any(ord(c) < 9 or 0xD800 <= ord(c) <= 0xDFFF for c in text)


async def test_a_message_too_long_is_refused_with_a_clear_message():
    received, answers = await _through("a" * (MAX_MESSAGE_CHARS + 1))
    assert received == [] and "trop long" in answers[0] and get_config().contacts.phone in answers[0]


async def test_a_failure_behind_the_door_gets_a_clear_message_not_silence():
    async def tracker_store_down(_message):
        raise ConnectionRefusedError("PostgreSQL redémarre")

    received, answers = await _through("bonjour", tracker_store_down)
    assert len(answers) == 1 and "erreur technique" in answers[0] and get_config().contacts.phone in answers[0]
