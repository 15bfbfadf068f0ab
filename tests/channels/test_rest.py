"""The REST channel behind the proxy: a message is processed within its deadline or not at all,
and the person is told to send it again (processed late, it could be overtaken by the next ones)."""
import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.rest import DEADLINE_SECONDS, RECEIVED_AT_KEY, body_error, within_deadline


async def _handled(received_at, now, processing=0.0, deadline=DEADLINE_SECONDS):
    handled = []

    async def on_new_message(message):
        await asyncio.sleep(processing)
        handled.append(message.text)

    message = UserMessage("bonjour", CollectingOutputChannel(), sender_id="s",
                          metadata={RECEIVED_AT_KEY: received_at} if received_at is not None else None)
    await within_deadline(on_new_message, now=lambda: now, deadline=deadline)(message)
    return handled, [m["text"] for m in message.output_channel.messages]


async def test_a_message_that_waited_too_long_behind_the_proxy_is_not_processed_and_the_person_is_told():
    handled, answers = await _handled(1000.0, 1000.0 + DEADLINE_SECONDS - 1)
    assert handled == [] and len(answers) == 1 and "Renvoyez-le" in answers[0]


async def test_processing_past_the_deadline_is_stopped_and_the_person_is_told():
    handled, answers = await _handled(1000.0, 1000.0, processing=5.0, deadline=3.5)
    assert handled == [] and len(answers) == 1 and "Renvoyez-le" in answers[0]


async def test_a_message_on_time_or_without_proxy_stamp_is_processed():
    assert await _handled(1000.0, 1000.0 + 1) == (["bonjour"], [])
    assert await _handled(None, 10**10) == (["bonjour"], [])


def test_metadata_must_be_an_object():
    assert body_error({"sender": "s", "message": "m", "metadata": [1]})
    assert body_error({"sender": "s", "message": "m", "metadata": {"page": "accueil"}}) is None
