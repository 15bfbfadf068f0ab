"""The one grouping of unanswered questions (dashboard and editors' candidates page)."""
from bot.indicators.clusters import cluster_texts


def test_spellings_of_one_question_join_the_most_asked_one():
    groups = cluster_texts(["alocation rentree scolaire c quand", "allocation rentrée scolaire date versement",
                            "quel temps fait il demain"], [1, 3, 1])
    assert [(g.leader, g.messages, len(g.texts)) for g in groups] == [
        ("allocation rentrée scolaire date versement", 4, 2), ("quel temps fait il demain", 1, 1)]


def test_noise_comes_after_real_questions_however_often_typed():
    groups = cluster_texts(["x", "test", "Test", "ok", "aide pour le bafa"], [3, 2, 1, 1, 1])
    assert groups[0].texts == ["aide pour le bafa"]
    assert {text for group in groups[1:] for text in group.texts} == {"x", "test", "Test", "ok"}
    assert all(group.is_noise for group in groups[1:]) and not groups[0].is_noise
