from bot.dialogue.legal_notice import legal_notice_due


def bot(action):
    return {"event": "bot", "text": "…", "metadata": {"utter_action": action}}


def test_due_until_shown_in_the_conversation():
    assert legal_notice_due([])
    assert legal_notice_due([{"event": "session_started"}, bot("utter_faq/caf_x")])
    assert not legal_notice_due([{"event": "session_started"}, bot("utter_legal_notice_short"), bot("utter_faq/caf_x")])
    assert not legal_notice_due([bot("utter_legal_notice_short"), {"event": "user", "text": "apl ?"}])
    assert not legal_notice_due([{"event": "session_started"}, bot("utter_greet"), bot("utter_faq/caf_x")])


def test_due_again_in_a_new_session():
    assert legal_notice_due([bot("utter_legal_notice_short"), {"event": "session_started"}, bot("utter_faq/caf_x")])
