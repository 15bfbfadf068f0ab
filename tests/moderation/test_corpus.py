"""The issue's acceptance figures, on the labelled corpus (tests/moderation/corpus.yml)."""

from __future__ import annotations

import pytest

from tools.moderation_evaluation import evaluate, load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def result(corpus, classifier):
    return evaluate(corpus, classifier)


def test_corpus_is_large_and_covers_every_category(corpus):
    labels = {e.label for e in corpus}
    assert len(corpus) >= 80
    assert labels == {
        "none", "criticism", "insult", "threat", "self_harm", "hate", "defamation", "spam"
    }


def test_no_criticism_or_ordinary_message_is_called_abuse(result):
    assert result.false_alarms == []


def test_insults_and_threats_recall_at_least_95_percent(result):
    assert result.must_catch_recall >= 0.95


def test_every_self_harm_message_is_urgent(corpus, classifier):
    for example in corpus:
        if example.label == "self_harm":
            verdict = classifier.classify(example.text)
            assert verdict.category == "self_harm" and verdict.urgent, example.text


def test_every_threat_is_urgent(corpus, classifier):
    for example in corpus:
        if example.label == "threat":
            assert classifier.classify(example.text).urgent, example.text


def test_abusive_categories_keep_their_precision(result):
    for category in ("insult", "threat", "hate", "defamation", "self_harm"):
        assert result.scores[category].precision >= 0.95, category
