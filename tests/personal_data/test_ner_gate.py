"""The NER gate: skipping spaCy where no name can come out of it changes no finding."""

from __future__ import annotations

import pytest

from bot.personal_data import Detector
from bot.personal_data._nlp import load_pipeline
from tools.masking_evaluation import load_corpus


@pytest.fixture(scope="module")
def ungated(detector) -> Detector:
    """NER on every message, sharing the session's already-loaded pipeline."""
    return Detector(load_pipeline("fr_core_news_md"), gate_ner=False)


def test_gate_changes_no_finding_on_the_corpus(detector, ungated):
    for example in load_corpus():
        assert detector.detect(example.text) == ungated.detect(example.text), example.text


@pytest.mark.parametrize(
    "text",
    [
        "j'ai parle avec Sylvie Marchal au guichet",
        "Le dossier est au nom de Leclerc et pas Leclercq",
        "Marie-Thérèse Gomez veuve depuis mars",  # a name opening the message
        "mon ex mari Cedric Langlois ne paie plus",
        "je suis Roche et j'attends ma carte",  # an ordinary word, capitalised after a cue
    ],
)
def test_ner_runs_where_a_name_can_be(detector, text):
    assert detector.runs_ner(text)


@pytest.mark.parametrize(
    "text",
    [
        "bonjour je n'arrive pas a joindre le 3230 depuis ce matin",
        "je suis marie lefort et j'ai 2 enfants",  # lowercase: the cue patterns find it
        "Bonjour, je n'ai pas recu mon APL ni le RSA, la CAF ne repond pas",
        "Pourquoi mon dossier est bloque ? Merci",
        "",
    ],
)
def test_ner_skipped_where_no_name_can_come_out(detector, text):
    assert not detector.runs_ner(text)


def test_gating_off_runs_ner_on_every_message(ungated):
    assert ungated.runs_ner("bonjour je n'arrive pas a joindre le 3230")


def test_no_ner_detector_never_runs_it(regex_detector):
    assert not regex_detector.runs_ner("j'ai parle avec Sylvie Marchal")


def test_model_is_loaded_once_per_process(detector):
    assert load_pipeline("fr_core_news_md") is load_pipeline("fr_core_news_md")
