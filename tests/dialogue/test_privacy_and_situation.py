import pytest

from bot.config import load_config
from bot.dialogue import masked_data_notice, secure_path_message, situation_topic


def test_notice_names_each_kind_of_data_and_the_secure_channels():
    contacts = load_config(environ={}).contacts
    notice = masked_data_notice(["IBAN", "NIR", "NIR"], contacts)
    assert "votre numéro de sécurité sociale" in notice and "vos coordonnées bancaires" in notice
    assert notice.count("numéro de sécurité sociale") == 1
    assert contacts.account_url in notice and contacts.phone in notice


def test_a_file_reference_is_named_in_the_notice():
    from bot.personal_data import mask

    masked = mask("mon numero de dossier est 87654321, ou en est-il ?")
    assert masked.types == ["FILE_NUMBER"] and "87654321" not in masked.text
    assert "un numéro de dossier ou de compte" in masked_data_notice(masked.types, load_config(environ={}).contacts)


def test_no_known_type_no_notice():
    assert masked_data_notice([], load_config(environ={}).contacts) == ""


@pytest.mark.parametrize(
    "text, topic",
    [
        ("pourquoi ma prime a baissé ce mois ci", "amount"),
        ("je vais toucher combien", "amount"),
        ("j'ai toujours pas été payé", "payments"),
        ("vous avez reçu mes justificatifs ?", "documents"),
        ("ou en est mon dossier", "file_status"),
        ("j'ai envoyé ma demande il y a un mois, elle en est où ?", "file_status"),
        ("pouvez vous regarder ma situation", "file_status"),
    ],
)
def test_topic_of_a_personal_question(text, topic):
    assert situation_topic(text) == topic


def test_secure_path_is_the_configured_place_for_the_topic():
    contacts = load_config(environ={}).contacts
    message = secure_path_message("payments", contacts)
    assert contacts.secure_paths["payments"] in message and contacts.account_url in message
