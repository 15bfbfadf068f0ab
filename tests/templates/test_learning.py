"""Candidates for new templates, read from a tracker store written by Rasa's own SQLTrackerStore."""
import asyncio

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.templates import load_templates
from bot.storage.rasa_events import tracker_engine
from bot.templates.learning import TemplateIndex, agent_replies, template_usage


def user(text, intent):
    return UserUttered(text, {"name": intent, "confidence": 0.3}, parse_data={"text": text, "intent": {"name": intent}})


def store(tmp_path):
    path = tmp_path / "tracker.db"
    tracker_store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    conversations = {
        "a": [user("comment avoir l'aide pour le bafa", "nlu_fallback"),
              BotUttered("Je n'ai pas bien compris."),
              user("la caf aide pour le BAFA ?", "nlu_fallback"),
              user("quel temps fait il", "out_of_scope")],
        "b": [user("aide caf pour passer le bafa svp", "nlu_fallback"),
              user("je veux un conseiller pour le bafa", "ask_human"),
              BotUttered("Oui, la Caf aide au BAFA sous conditions.", metadata={"agent": "Camille"}),
              BotUttered("Réponse", metadata={"utter_action": "utter_faq/caf_x"}),
              BotUttered("Réponse", metadata={"utter_action": "utter_faq/caf_x"})],
    }
    for sender, events in conversations.items():
        asyncio.run(tracker_store.save(DialogueStateTracker.from_events(sender, events)))
    return tracker_engine(f"sqlite:///{path}")


def test_agent_replies_come_with_the_question_before_them(tmp_path):
    [reply] = agent_replies(store(tmp_path))
    assert (reply.question, reply.agent) == ("je veux un conseiller pour le bafa", "Camille")
    assert reply.reply.startswith("Oui, la Caf aide au BAFA")


def test_usage_counts_each_template_given(tmp_path):
    assert template_usage(store(tmp_path)) == {"caf_x": 2}


def test_no_tracker_store_yet_means_no_candidates(tmp_path):
    engine = tracker_engine(f"sqlite:///{tmp_path / 'absent.db'}")
    assert agent_replies(engine) == [] and template_usage(engine) == {}


def test_the_closest_templates_and_the_search_fold_accents_and_case():
    templates = load_templates()
    index = TemplateIndex.of(templates)
    assert TemplateIndex.of(templates) is index  # built once per list
    assert index.search("noël")[0].id == index.search("NOEL")[0].id == "caf_rsa_prime_noel"
    assert [t.id for t in index.closest(["la prime de noel arrive quand"], 3)][0] == "caf_rsa_prime_noel"
    assert len(index.closest(["carte vitale perdue"], 3)) == 3
    assert index.search("x") == [] and index.rank("  ") == []
