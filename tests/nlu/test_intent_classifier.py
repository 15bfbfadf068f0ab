from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.intent_classifier import TfidfIntentClassifier
from tests.nlu.conftest import build, reload

EXAMPLES = {
    "ask_human": ["je veux parler a un conseiller", "un humain svp", "passez moi quelqu'un de la caisse",
                  "mettez moi en relation avec un agent"],
    "personal_situation": ["ou en est mon dossier", "pk j'ai pas ete payee ce mois ci",
                           "ma prime a baisse, vous pouvez regarder", "vous avez recu mes papiers ?"],
    "faq": ["c koi les conditions pour l'apl", "comment faire une demande de rsa",
            "les allocs sont versees quel jour", "comment declarer une grossesse"],
}


def training_data():
    return TrainingData([Message.build(text=t, intent=i) for i, texts in EXAMPLES.items() for t in texts])


def test_predicts_intent_and_ranking_like_rasa_classifiers(storage, context):
    classifier = build(TfidfIntentClassifier, storage, context, "intent")
    classifier.train(training_data())
    [message] = classifier.process([Message.build(text="je voudrais parler à un conseiller svp")])
    assert message.get("intent")["name"] == "ask_human"
    ranking = message.get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "ask_human"
    assert {r["name"] for r in ranking} == set(EXAMPLES)
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert abs(sum(confidences) - 1) < 1e-6
    assert message.get("intent")["confidence"] == confidences[0]
    assert "intent" in message.as_dict(only_output_properties=True)


def test_accents_and_case_do_not_matter(storage, context):
    classifier = build(TfidfIntentClassifier, storage, context, "intent")
    classifier.train(training_data())
    plain, accented = classifier.process([Message.build(text="ou en est mon dossier"),
                                          Message.build(text="OÙ EN EST MON DOSSIER")])
    assert plain.get("intent") == accented.get("intent")


def test_loads_what_it_trained(storage, context):
    build(TfidfIntentClassifier, storage, context, "intent").train(training_data())
    loaded = reload(TfidfIntentClassifier, storage, context, "intent")
    [message] = loaded.process([Message.build(text="pourquoi j'ai pas été payée")])
    assert message.get("intent")["name"] == "personal_situation"


def test_one_intent_only_leaves_it_untrained(storage, context):
    classifier = build(TfidfIntentClassifier, storage, context, "intent")
    classifier.train(TrainingData([Message.build(text="bonjour", intent="greet")]))
    [message] = classifier.process([Message.build(text="bonjour")])
    assert message.get("intent") is None
    assert reload(TfidfIntentClassifier, storage, context, "intent").process([Message.build(text="x")])[0].get("intent") is None

