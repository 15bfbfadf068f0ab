"""The training examples kept in git (`data/nlu/`) hold no personal data in clear: the model
reads messages once masked, so an example writes the mask ("je suis [NOM]"), never a value."""
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
