"""What reaches Rasa from the door: the text, the intent payload and the metadata, masked."""
import random

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.channels.masking import ALLOWED_METADATA, METADATA_KEY, mask_incoming
from bot.channels.rate_limit import LocalRateLimiter
from bot.channels.rest import RECEIVED_AT_KEY
from bot.config import PROJECT_ROOT
from bot.dialogue.menu import template_payload
from tests.personal_data.synthetic import format_iban, format_nir, make_iban, make_nir

RNG = random.Random(7)
IBAN = format_iban(make_iban(RNG))
NIR = format_nir(make_nir(RNG), "none")
EMAIL = "lea.martinez.test@example.org"


async def through(text, metadata=None):
    received = []

    async def on_new_message(message):
        received.append(message)

    async def notice(_message):
        pass

    await mask_incoming(on_new_message, LocalRateLimiter(), notice)(
        UserMessage(text, sender_id="s", metadata=metadata))
    [message] = received
    return message


async def test_message_reaches_rasa_masked_with_types_in_metadata():
    message = await through(f"voici mon iban {IBAN} pour le virement")
    assert IBAN not in message.text and "[IBAN]" in message.text
    assert message.metadata == {METADATA_KEY: ["IBAN"]}


async def test_message_without_personal_data_is_untouched():
    message = await through("quand est payée l'apl ?")
    assert message.text == "quand est payée l'apl ?" and not message.metadata


async def test_metadata_keeps_only_what_the_product_reads():
    metadata = {"page": "accueil", "nom": "Sophie Durand", "contact": {"mail": [EMAIL], NIR: "clé"},
                RECEIVED_AT_KEY: 1700000000.5}
    message = await through("bonjour", metadata)
    assert message.metadata == {RECEIVED_AT_KEY: 1700000000.5}
    assert RECEIVED_AT_KEY in ALLOWED_METADATA, "the REST channel's deadline stamp goes through"


@pytest.mark.parametrize("value", ["1700000000", True, None, [1], float("nan")])
async def test_a_deadline_stamp_that_is_not_a_number_is_dropped(value):
    assert not (await through("bonjour", {RECEIVED_AT_KEY: value})).metadata


async def test_a_person_cannot_claim_masked_data_in_the_metadata():
    assert not (await through("bonjour", {METADATA_KEY: ["NIR"]})).metadata


async def test_a_name_in_a_typed_intent_payload_never_reaches_rasa():
    message = await through('/greet{"nom": "Durand", "prenom": "Sophie"}')
    assert message.text == "/greet" and "Durand" not in repr(message.metadata)
    assert message.metadata == {METADATA_KEY: ["NAME"]}


async def test_rasa_reads_the_intent_and_our_entities_from_what_the_door_lets_through(recwarn):
    """Rasa's own parser of `/intent{...}`, with our domain: no name as an entity, nor in its
    warnings (which quote the whole text, and end up in Rasa's log)."""
    handler, domain = RegexMessageHandler(), Domain.load(PROJECT_ROOT / "domain.yml")
    recwarn.clear()
    for typed, intent, entities in [
            ('/greet{"name": "Sophie Durand", "theme": "caf.logement"}', "greet", [("theme", "caf.logement")]),
            ('/greet{"nom": "Durand"} et mon voisin Martin Lefort', "greet", [])]:
        [parsed] = handler.process([Message({TEXT: (await through(typed)).text})], domain)
        assert parsed.get(INTENT)["name"] == intent
        assert [(e["entity"], e["value"]) for e in parsed.get(ENTITIES)] == entities
    assert not [w for w in recwarn if "Durand" in str(w.message) or "Lefort" in str(w.message)]


@pytest.mark.parametrize("text", [
    '/help{"theme": "%s"}' % NIR,  # an allowed entity, but a social-security number
    '/help{"theme": "Sophie Durand"}',  # an allowed entity, but not an identifier
    '/help{"theme": ["caf.logement", "Durand"]}',
    '/help{"theme": "caf.logement", "theme": "Durand"}',  # Rasa keeps the last of duplicate keys
    '/help{"theme": "caf.logement"} Sophie Durand',  # free text after the entities
    '/help@0.5{"theme": "caf.logement"}\nSophie Durand',
    '/help{"theme": "caf.logement"',  # broken JSON
    '/help{"a":' + "[" * 2000 + '"Durand"' + "]" * 2000 + "}",  # deeper than the JSON parser goes
])
async def test_only_identifiers_of_our_own_buttons_stay_in_a_payload(text):
    message = await through(text)
    assert message.text in ('/help{"theme":"caf.logement"}', "/help")
    assert "Durand" not in message.text and NIR not in message.text


async def test_the_assistants_own_button_payloads_reach_rasa_unchanged():
    for payload in [template_payload("caf_demarches_separation"), '/help{"theme":"caf.logement"}',
                    '/feedback{"useful":"oui","template_id":"caf_demarches_separation"}', "/ask_human"]:
        message = await through(payload)
        assert message.text == payload and not message.metadata


async def test_an_email_in_a_payload_is_reported_for_the_notice():
    message = await through('/nlu_fallback{"contact": "%s"}' % EMAIL)
    assert message.text == "/nlu_fallback" and message.metadata == {METADATA_KEY: ["EMAIL"]}


@pytest.mark.parametrize("text", [f"/ mon iban {IBAN}", f"/{IBAN.replace(' ', '')}",
                                  '/%s{"theme": "caf.logement"}' % IBAN.replace(" ", "")])
async def test_a_slash_followed_by_free_text_or_data_is_masked_as_text(text):
    message = await through(text)
    assert IBAN.replace(" ", "") not in message.text.replace(" ", "") and "[IBAN]" in message.text
