"""Someone with nowhere to sleep tonight is told about the 115: the trained model (the project's own
training data and pipeline, as configured in config.yml) recognises phrasings it never saw, and the
dialogue answers them with the 115."""
import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.nlu.router import Router
from bot.templates.importer import CaisseImporter

UNSEEN = ["ce soir je vais dormir dans la rue", "j'ai pas de toit cette nuit",
          "je ne sais pas ou dormir ce soir avec mon fils", "je suis sans domicile je dors dehors"]
HOUSING_QUESTIONS = ["comment demander l'aide au logement", "je déménage, que faire pour mon apl"]


@pytest.fixture(scope="module")
def importer():
    return CaisseImporter(str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"),
                          [str(PROJECT_ROOT / "data")])


@pytest.mark.skipif(not any((PROJECT_ROOT / "models").glob("*.tar.gz")), reason="needs a trained model (make train)")
def test_nowhere_to_sleep_tonight_is_recognised():
    router = Router()
    found = {text: router.route(text).intent for text in UNSEEN + HOUSING_QUESTIONS}
    assert {found[t] for t in UNSEEN} == {"no_shelter"}, found
    assert "no_shelter" not in {found[t] for t in HOUSING_QUESTIONS}, found


def test_the_answer_gives_the_115(importer):
    domain = importer.get_domain()
    [answer] = domain.responses["utter_no_shelter"]
    assert "115 (Samu social)" in answer["text"] and "gratuit" in answer["text"]
    rules = yaml.safe_load((PROJECT_ROOT / "data/stories/rules.yml").read_text())["rules"]
    assert any([s.get("intent") or s.get("action") for s in rule["steps"]] == ["no_shelter", "utter_no_shelter"]
               for rule in rules)
