"""Chat spellings read as the words they stand for (`bot.nlu.chat_spelling`)."""
import yaml

from bot.nlu._text import normalise
from bot.nlu.chat_spelling import SPELLING_PATH, spelled_out
from bot.text import fold


def test_chat_spellings_read_as_the_full_question():
    assert normalise("cmt jfais pr la prime kel papier") == normalise("comment je fais pour la prime quel papier")
    assert spelled_out("jsuis enceinte, g un rdv qd ?") == "je suis enceinte, j'ai un rendez-vous quand ?"
    assert spelled_out(fold("Cé koi le RSA")) == "c'est quoi le rsa"


def test_only_whole_words_are_replaced():
    assert spelled_out("prime pretty qdmarche") == "prime pretty qdmarche"
    assert spelled_out("l'alloc de rentree") == "l'allocation de rentree"
    assert spelled_out("c'est la cmu-c") == "c'est la cmu-c"
    assert spelled_out("c. martin") == "c. martin"
    assert spelled_out("voir secu-independants.fr et https://x.fr/jai-effectue.html") == \
        "voir secu-independants.fr et https://x.fr/jai-effectue.html"
    assert spelled_out("mon rdv. demain") == "mon rendez-vous. demain"


def test_j_stuck_to_a_consonant_is_je_and_stuck_to_h_is_j_apostrophe():
    assert spelled_out("jtouche le rsa, jhabite a lyon") == "je touche le rsa, j'habite a lyon"
    assert spelled_out("jour janvier jeune juste") == "jour janvier jeune juste"
    assert spelled_out("photo.jpg jdd") == "photo.jpg jdd"


def test_each_form_is_folded_and_stands_for_one_full_form():
    entries = yaml.safe_load(SPELLING_PATH.read_text(encoding="utf-8"))
    forms = [form for forms in entries.values() for form in forms]
    assert len(forms) == len(set(forms)), "a form listed twice stands for two things"
    assert all(form == fold(form) for form in forms), "forms are matched on folded text"
    assert all(form not in entries for form in forms), "a full form is not also a chat form"


def test_a_model_that_learnt_other_spellings_is_trained_again(tmp_path, monkeypatch):
    import bot.nlu.chat_spelling as chat_spelling
    from bot.rasa_extensions import TfidfTemplateSelector

    before = chat_spelling.spelling_fingerprint()
    assert before in TfidfTemplateSelector.fingerprint_addon({})
    edited = tmp_path / "chat_spelling.yml"
    edited.write_text(chat_spelling.SPELLING_PATH.read_text(encoding="utf-8") + "bonjour: [bjrrr]\n", encoding="utf-8")
    monkeypatch.setattr(chat_spelling, "SPELLING_PATH", edited)
    chat_spelling._table.cache_clear()
    try:
        assert chat_spelling.spelled_out("bjrrr") == "bonjour"
        assert chat_spelling.spelling_fingerprint() != before
    finally:
        monkeypatch.undo()
        chat_spelling._table.cache_clear()
    assert chat_spelling.spelling_fingerprint() == before
