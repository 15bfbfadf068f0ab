from bot.config import load_config
from bot.dialogue.moderation import abuse_count, block_notice, charter_reminder, self_harm_message
from bot.moderation.component import moderated_intent

CONFIG = load_config(environ={})


def user(intent):
    return {"event": "user", "parse_data": {"intent": {"name": intent}}}


def test_abuse_is_counted_over_the_conversation():
    assert abuse_count([user("abuse"), {"event": "bot"}, user("faq"), user("abuse")]) == 2


def test_messages_link_the_charter_and_give_the_ways_out():
    charter = f"{CONFIG.site_url}{CONFIG.charter_path}"
    assert charter in charter_reminder(CONFIG) and charter in block_notice(CONFIG)
    assert f"pendant {CONFIG.moderation.block_minutes} minutes" in block_notice(CONFIG)
    assert CONFIG.contacts.phone in block_notice(CONFIG)
    assert CONFIG.moderation.prevention_line in self_harm_message(CONFIG)


def test_lexicon_verdict_decides_the_intent_but_criticism_keeps_real_requests():
    assert moderated_intent("insult", "faq") == "abuse"
    assert moderated_intent("threat", "ask_human") == "threat"
    assert moderated_intent("self_harm", "personal_situation") == "self_harm"
    assert moderated_intent("criticism", "out_of_scope") == "criticism"
    assert moderated_intent("criticism", "faq") is None, "a question asked angrily still gets its answer"
    assert moderated_intent("criticism", "abuse") == "criticism", "harsh criticism is never treated as abuse"
    assert moderated_intent("criticism", "threat") is None, "a threat the NLU saw stays a threat"
    assert moderated_intent("none", "faq") is None
