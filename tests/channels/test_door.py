"""What the channels' door does with bad input and with failures behind it."""
import random

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot import texts
from bot.channels.masking import MAX_MESSAGE_CHARS, MAX_METADATA_CHARS, MAX_SENDER_CHARS, mask_incoming
from bot.channels.rate_limit import LocalRateLimiter
from bot.config import get_config
from tests.personal_data.synthetic import format_nir, make_nir


async def _through(text, on_new_message=None, notify=None, metadata=None, sender_id="door"):
    received = []

    async def collect(message):
        received.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "réponse")

    async def no_notice(message):
        raise AssertionError("no notice without masked data")

    message = UserMessage(text, CollectingOutputChannel(), sender_id=sender_id, input_channel="rest",
                          metadata=metadata)
    await mask_incoming(on_new_message or collect, LocalRateLimiter(), notify or no_notice)(message)
    return received, [m["text"] for m in message.output_channel.messages]


async def test_a_message_with_masked_data_is_answered_then_followed_by_the_notice():
    async def notice(message):
        types = ", ".join(message.metadata["personal_data"])
        await message.output_channel.send_text_message(message.sender_id, f"masqué : {types}")

    received, answers = await _through("mon mail c'est jean.dupont.test@example.org", notify=notice)
    assert "example.org" not in received[0]
    assert answers == ["réponse", "masqué : EMAIL"]


async def test_a_notice_that_fails_leaves_the_answer_alone():
    async def action_server_down(message):
        raise ConnectionRefusedError("actions")

    _, answers = await _through("mon mail c'est jean.dupont.test@example.org", notify=action_server_down)
    assert answers == ["réponse"]


async def test_control_characters_and_lone_surrogates_never_reach_rasa():
    [text], _ = await _through("bon\x00jour\x07 \ud800 ça va\tbien")
    assert text.split() == ["bon", "jour", "ça", "va", "bien"] and "\t" in text
    assert not any(ord(c) < 9 or 0xD800 <= ord(c) <= 0xDFFF for c in text)


async def test_a_direction_mark_typed_inside_a_number_does_not_hide_it_from_the_detector():
    async def notice(message):
        pass

    nir = format_nir(make_nir(random.Random(3)), "none")
    [text], _ = await _through(f"mon nir {nir[:5]}\u202e{nir[5:]} et \u2066moi\u2069", notify=notice)
    assert text == "mon nir [NIR] et moi"


async def test_a_message_too_long_is_refused_with_a_clear_message():
    received, answers = await _through("a" * (MAX_MESSAGE_CHARS + 1))
    assert received == [] and answers == [texts.text("door.too_long")]
    assert get_config().contacts.phone in answers[0]


async def test_a_failure_behind_the_door_gets_a_clear_message_not_silence():
    async def tracker_store_down(_message):
        raise ConnectionRefusedError("PostgreSQL redémarre")

    received, answers = await _through("bonjour", tracker_store_down)
    assert answers == [texts.text("door.technical_error")] and get_config().contacts.phone in answers[0]


async def test_oversized_metadata_is_refused_before_any_work():
    async def never(_message):
        raise AssertionError("nothing oversized goes further")

    metadata = {"notes": ["Sophie Durand"] * (MAX_METADATA_CHARS // 10)}
    received, answers = await _through("bonjour", metadata=metadata,
                                       notify=never)
    assert received == [] and answers == [texts.text("door.too_much_metadata")]
    assert get_config().contacts.phone in answers[0]


async def test_a_sender_id_too_long_is_refused():
    received, answers = await _through("bonjour", sender_id="x" * (MAX_SENDER_CHARS + 1))
    assert received == [] and answers == [texts.text("door.sender_too_long")]


class ShowingOutput(CollectingOutputChannel):
    """A channel that can show the person their message as kept (as the web widget does)."""

    async def show_masked_text(self, recipient_id, text):
        self.messages.append({"recipient_id": recipient_id, "text": f"affiché : {text}"})


async def test_the_person_sees_their_message_masked_before_the_answer():
    async def notice(message):
        await message.output_channel.send_text_message(message.sender_id, "avis")

    async def answer(message):
        await message.output_channel.send_text_message(message.sender_id, "réponse")

    message = UserMessage("mon mail c'est jean.dupont.test@example.org", ShowingOutput(), sender_id="door")
    await mask_incoming(answer, LocalRateLimiter(), notice)(message)
    assert [m["text"] for m in message.output_channel.messages] == [
        "affiché : mon mail c'est [E-MAIL]", "réponse", "avis"]
