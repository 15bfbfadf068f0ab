"""The texts file the communication team edits: checked as a whole when read, filled per caisse."""
import pytest
import yaml

from bot import texts
from bot.config import get_config
from bot.texts import EXPECTED, TEXTS_PATH, TextsError, load_texts


def _sample_fields(key):
    return {field: f"<{field}>" for field in EXPECTED[key]}


def test_every_text_the_code_reads_is_in_the_file_and_fills_completely():
    config = get_config()
    for key in EXPECTED:
        sentence = texts.text(key, config, **_sample_fields(key))
        assert sentence.strip() and "{" not in sentence and "}" not in sentence, key
        for field in EXPECTED[key]:
            assert f"<{field}>" in sentence or field not in load_texts()[key], (key, field)


def test_the_caisse_fields_come_from_its_configuration():
    assert get_config().contacts.phone in texts.text("door.technical_error")


def _edited(tmp_path, change):
    data = yaml.safe_load(TEXTS_PATH.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "textes.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_missing_text_is_named_when_the_file_is_read(tmp_path):
    path = _edited(tmp_path, lambda data: data["door"].pop("too_long"))
    with pytest.raises(TextsError, match="door.too_long"):
        load_texts(path)


def test_a_field_the_code_does_not_provide_is_named_when_the_file_is_read(tmp_path):
    def typo(data):
        data["door"]["technical_error"] += " {{telefone}}"

    with pytest.raises(TextsError, match=r"door.technical_error.*\{\{telefone\}\}"):
        load_texts(_edited(tmp_path, typo))


def test_a_call_with_other_fields_than_the_contract_is_refused():
    with pytest.raises(TextsError, match="door.too_long"):
        texts.text("door.too_long", position=2)
    with pytest.raises(TextsError, match="inconnu.texte"):
        texts.text("inconnu.texte")
