"""The verdict the conversation flow acts on: severity, priority, evidence without text."""

from __future__ import annotations

import json

from bot.moderation import ABUSE, CATEGORIES, SEVERITIES, Severity


def test_every_category_has_a_severity_and_urgent_ones_are_self_harm_and_threat():
    assert set(SEVERITIES) == set(CATEGORIES)
    assert {c for c, s in SEVERITIES.items() if s is Severity.URGENT} == {"self_harm", "threat"}
    assert ABUSE == {"insult", "threat", "hate", "defamation"}


def test_most_serious_category_wins_and_all_are_kept(classifier):
    verdict = classifier.classify("je vais te défoncer sale connard")
    assert verdict.category == "threat"
    assert verdict.urgent
    assert verdict.categories[:2] == ("threat", "insult")


def test_self_harm_wins_over_a_threat(classifier):
    verdict = classifier.classify("je vais tous vous tuer et après je vais me suicider")
    assert verdict.category == "self_harm"
    assert "threat" in verdict.categories


def test_evidence_names_rules_never_the_message(classifier):
    text = "Mme Dupont est une voleuse, c0nn4rd, voir www.site-perso.xyz"
    verdict = classifier.classify(text)
    record = json.dumps(verdict.as_dict(), ensure_ascii=False)
    assert verdict.category == "defamation"
    for fragment in ("Dupont", "c0nn4rd", "site-perso"):
        assert fragment not in record
    assert {"category": "insult", "rule": "word", "term": "connard"} in verdict.as_dict()["evidence"]
    assert verdict.as_dict()["severity"] == "high"


def test_nothing_found_is_none(classifier):
    verdict = classifier.classify("bonjour, quels sont vos horaires ?")
    assert (verdict.category, verdict.severity, verdict.evidence) == ("none", Severity.NONE, ())
    assert classifier.classify("").category == "none"
