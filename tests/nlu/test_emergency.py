"""Someone with nowhere to sleep tonight is told about the 115: the project's own training data
and intent classifier (as configured in config.yml) recognise phrasings it never saw, and the
dialogue answers them with the 115."""
import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.config import PROJECT_ROOT
from bot.nlu.intent_classifier import TfidfIntentClassifier
from bot.templates.importer import CaisseImporter
from tests.nlu.conftest import build

UNSEEN = ["ce soir je vais dormir dans la rue", "j'ai pas de toit cette nuit",
          "je ne sais pas ou dormir ce soir avec mon fils", "je suis sans domicile je dors dehors"]
HOUSING_QUESTIONS = ["comment demander l'aide au logement", "je déménage, que faire pour mon apl"]


@pytest.fixture(scope="module")
def importer():
    return CaisseImporter(str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"),
                          [str(PROJECT_ROOT / "data")])


def _configured_c() -> float:
    pipeline = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())["pipeline"]
    return next(c for c in pipeline if c["name"].endswith("TfidfIntentClassifier"))["C"]


def test_nowhere_to_sleep_tonight_is_recognised(importer, storage, context):
    classifier = build(TfidfIntentClassifier, storage, context, "intent", C=_configured_c())
    classifier.train(importer.get_nlu_data("fr"))
    found = {text: message.get("intent")["name"]
             for text, message in zip(UNSEEN + HOUSING_QUESTIONS,
                                      classifier.process([Message.build(text=t) for t in UNSEEN + HOUSING_QUESTIONS]))}
    assert {found[t] for t in UNSEEN} == {"no_shelter"}, found
    assert "no_shelter" not in {found[t] for t in HOUSING_QUESTIONS}, found


def test_the_answer_gives_the_115(importer):
    domain = importer.get_domain()
    [answer] = domain.responses["utter_no_shelter"]
    assert "115 (Samu social)" in answer["text"] and "gratuit" in answer["text"]
    rules = yaml.safe_load((PROJECT_ROOT / "data/stories/rules.yml").read_text())["rules"]
    assert any([s.get("intent") or s.get("action") for s in rule["steps"]] == ["no_shelter", "utter_no_shelter"]
               for rule in rules)
