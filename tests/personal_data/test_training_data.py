"""The training examples kept in git (`data/nlu/`) hold no personal data in clear: the model
reads messages once masked, so an example writes the mask ("je suis [NOM]"), never a value."""
import json

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.config import PROJECT_ROOT
from bot.personal_data import detect


def test_no_training_example_holds_personal_data_in_clear():
    found = []
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for message in RasaYAMLReader().read(path).training_examples:
            kinds = sorted({finding.type for finding in detect(message.get("text") or "")})
            if kinds:
                found.append(f"{path.name}: {message.get('intent')} ({', '.join(kinds)})")
    assert not found, f"exemples avec une donnée personnelle (à remplacer par son masque) : {found}"


def test_the_check_sees_a_name_and_a_number_but_not_their_masks():
    assert {f.type for f in detect("le conseiller Kévin Tardieu, mon numéro 1 84 12 75 108 123 45")} >= {"NAME"}
    assert detect("le conseiller [NOM], mon numéro [NIR]") == []


def test_no_real_question_of_the_evaluation_holds_personal_data_in_clear():
    """Real questions are quoted from public pages, where people sometimes name themselves or a
    relative: kept in git, they carry the mask the assistant would write. The failure names lines
    only, so that nobody reads the test part."""
    from tools.evaluation import REAL_SETS, SETS

    found = []
    for name in REAL_SETS:
        lines = SETS[name].read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip() and detect(json.loads(line)["text"]):
                found.append(f"{SETS[name].name}:{number}")
    assert not found, f"questions réelles avec une donnée personnelle en clair (à masquer) : {found}"
