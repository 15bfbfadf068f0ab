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



def test_intents_of_one_route_pool_their_probability_below_the_floor(storage, context):
    """A message split between two ways of reaching a human is still a message for a human."""
    text = "un humain svp, ou en est mon dossier"
    plain = build(TfidfIntentClassifier, storage, context, "plain")
    plain.train(training_data())
    [alone] = plain.process([Message.build(text=text)])
    scores = {r["name"]: r["confidence"] for r in alone.get("intent_ranking")}
    pooled_sum = scores["ask_human"] + scores["personal_situation"]
    floor = (max(scores.values()) + pooled_sum) / 2  # above every intent alone, below the pair
    assert max(scores.values()) < floor <= pooled_sum

    pooling = build(TfidfIntentClassifier, storage, context, "pooled",
                    shared_routes=[["ask_human", "personal_situation"]], shared_route_floor=floor)
    pooling.train(training_data())
    [message] = pooling.process([Message.build(text=text)])
    leader = max(("ask_human", "personal_situation"), key=scores.get)
    assert message.get("intent") == {"name": leader, "confidence": pooled_sum}
    names = [r["name"] for r in message.get("intent_ranking")]
    assert names == [leader, "faq"], "the pooled intents appear once"
    assert abs(sum(r["confidence"] for r in message.get("intent_ranking")) - 1) < 1e-6

    too_high = build(TfidfIntentClassifier, storage, context, "high",
                     shared_routes=[["ask_human", "personal_situation"]], shared_route_floor=pooled_sum + 0.01)
    too_high.train(training_data())
    assert too_high.process([Message.build(text=text)])[0].get("intent")["name"] == alone.get("intent")["name"]
