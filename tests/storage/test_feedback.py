from bot.storage import feedback_counts, record_feedback


def test_votes_are_counted_per_template(database):
    engine = database
    record_feedback("conv-1", "caf_logement_apl", True, "socketio", engine=engine)
    record_feedback("conv-2", "caf_logement_apl", True, "rest", engine=engine)
    record_feedback("conv-2", "caf_logement_apl", False, "rest", engine=engine)
    record_feedback("conv-3", None, False, engine=engine)
    assert feedback_counts(engine) == {
        ("caf_logement_apl", True): 2,
        ("caf_logement_apl", False): 1,
        (None, False): 1,
    }
