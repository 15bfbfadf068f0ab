from rasa.core.channels.channel import UserMessage

from bot.channels.masking import METADATA_KEY, mask_incoming
from tests.personal_data.synthetic import format_iban, make_iban
import random


async def test_message_reaches_rasa_masked_with_types_in_metadata():
    iban = format_iban(make_iban(random.Random(7)))
    received = []

    async def on_new_message(message):
        received.append(message)

    await mask_incoming(on_new_message)(
        UserMessage(f"voici mon iban {iban} pour le virement", sender_id="s", metadata={"page": "accueil"})
    )
    [message] = received
    assert iban not in message.text and "[IBAN]" in message.text
    assert message.metadata == {"page": "accueil", METADATA_KEY: ["IBAN"]}


async def test_message_without_personal_data_is_untouched():
    received = []

    async def on_new_message(message):
        received.append(message)

    await mask_incoming(on_new_message)(UserMessage("quand est payée l'apl ?", sender_id="s"))
    assert received[0].text == "quand est payée l'apl ?" and not received[0].metadata
