"""Candidates for new templates, read from a tracker store written by Rasa's own SQLTrackerStore."""
import asyncio

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.templates.learning import agent_replies, template_usage, tracker_engine, unanswered_groups


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


def test_unanswered_questions_are_grouped_by_meaning_biggest_first(tmp_path):
    groups = unanswered_groups(store(tmp_path))
    assert [g.count for g in groups] == [3, 1]
    assert set(groups[0].texts) == {"comment avoir l'aide pour le bafa", "la caf aide pour le BAFA ?",
                                    "aide caf pour passer le bafa svp"}
    assert groups[1].texts == ["quel temps fait il"] and groups[1].reasons == ["out_of_scope"]


def test_agent_replies_come_with_the_question_before_them(tmp_path):
    [reply] = agent_replies(store(tmp_path))
    assert (reply.question, reply.agent) == ("je veux un conseiller pour le bafa", "Camille")
    assert reply.reply.startswith("Oui, la Caf aide au BAFA")


def test_usage_counts_each_template_given(tmp_path):
    assert template_usage(store(tmp_path)) == {"caf_x": 2}


def test_no_tracker_store_yet_means_no_candidates(tmp_path):
    engine = tracker_engine(f"sqlite:///{tmp_path / 'absent.db'}")
    assert unanswered_groups(engine) == [] and agent_replies(engine) == [] and template_usage(engine) == {}
