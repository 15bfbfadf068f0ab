"""The caisse extends the lexicon in its configuration (moderation.extra_terms)."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.config import ConfigError, load_config
from bot.moderation import Classifier


def test_default_configuration_adds_nothing():
    config = load_config(environ={})
    assert config.moderation.extra_terms == {}
    assert Classifier.from_config(config).classify("zorglub").category == "none"


def test_extra_terms_from_the_environment_are_caught_in_disguise():
    config = load_config(
        environ={
            "CAISSE__MODERATION__EXTRA_TERMS__INSULT": '["zorglub"]',
            "CAISSE__MODERATION__EXTRA_TERMS__SPAM": '["allocs-express"]',
        }
    )
    classifier = Classifier.from_config(config)
    for text in ("espèce de zorglub", "Z0RGLUB", "z o r g l u b", "zorglubs"):
        assert classifier.classify(text).category == "insult", text
    verdict = classifier.classify("passez par allocs express pour vos aides")
    assert verdict.category == "spam"
    assert verdict.evidence[0].term == "allocs-express"


def test_extra_terms_from_the_file(tmp_path):
    path = tmp_path / "caisse.yml"
    base = load_config(environ={}).dict()
    base["moderation"] = {"extra_terms": {"hate": ["cassoulet-phobe"]}}
    path.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    classifier = Classifier.from_config(load_config(path, environ={}))
    assert classifier.classify("sale cassoulet-phobe").category == "hate"


def test_unknown_category_is_a_configuration_error():
    config = load_config(environ={"CAISSE__MODERATION__EXTRA_TERMS__INSULTE": '["x"]'})
    with pytest.raises(ConfigError, match="insulte"):
        Classifier.from_config(config)


def test_caisse_own_sites_are_no_spam():
    config = load_config(environ={"CAISSE__CONTACTS__WEBSITE": "https://www.ma-caisse-locale.example.org"})
    classifier = Classifier.from_config(config)
    assert classifier.classify("voir https://www.ma-caisse-locale.example.org/aides").category == "none"
    assert Classifier().classify("voir https://www.ma-caisse-locale.example.org/aides").category == "spam"


def test_a_site_the_assistant_cites_is_no_spam_when_a_person_quotes_it_back():
    """"Mon compte sur secu-independants.fr m'envoie sur urssaf.fr" was hidden as spam: the
    assistant's own answers cite that site."""
    from bot.dialogue.redirect import load_organisations
    from bot.templates import load_templates

    classifier = Classifier.from_config(load_config(environ={}))
    link = r"https?://[^\s)]*[\w/]"
    cited = {url for t in load_templates() for url in re.findall(link, f"{t.answer} {t.source}")}
    cited |= {url for o in load_organisations().values() for url in re.findall(link, o.contact)}
    assert any("secu-independants.fr" in url for url in cited)
    for url in sorted(cited):
        host = url.split("/")[2].removeprefix("www.").rstrip(".")
        for text in (f"j'ai lu {url} mais je ne comprends pas", f"sur {host} on me dit le contraire"):
            assert classifier.classify(text).category == "none", text
    assert classifier.classify("gagnez des euros sur allocs-faciles.fr").category == "spam", "other sites still are"
