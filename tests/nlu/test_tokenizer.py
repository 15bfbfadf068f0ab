"""`ChatTokenizer`: tokens for the messages something reads, none for the template examples."""
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.tokenizer import ChatTokenizer

TOKENS = "text_tokens"


def _tokenizer() -> ChatTokenizer:
    return ChatTokenizer.create(ChatTokenizer.get_default_config(), None, None, None)


def test_training_tokenizes_conversation_examples_and_leaves_template_examples_raw():
    feedback = Message.build(text="c'était utile merci", intent="feedback")
    template = Message.build(text="comment demander l'apl", intent="faq/caf_logement_apl_demande")
    data = TrainingData(training_examples=[feedback, template])
    assert template.get(INTENT_RESPONSE_KEY)

    processed = _tokenizer().process_training_data(data)

    assert processed.training_examples == data.training_examples
    assert [t.text for t in feedback.get(TOKENS)] == ["c", "était", "utile", "merci"]
    assert template.get(TOKENS) is None
    assert template.get(TEXT) == "comment demander l'apl" and template.get(INTENT) == "faq"


def test_every_message_is_tokenized_at_run_time():
    message = Message({TEXT: "comment demander l'apl"})
    _tokenizer().process([message])
    assert [t.text for t in message.get(TOKENS)] == ["comment", "demander", "l", "apl"]
