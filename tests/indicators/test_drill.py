"""The conversations behind a number are the ones that number counted."""
import pytest

from bot.indicators import drill as drill_module
from bot.indicators.drill import Listing, drill
from tests.indicators.conftest import NOW, PERIOD


def _ids(connection, config, **criteria):
    table = drill(connection, PERIOD, config, NOW, criteria)
    return [row["conversation_id"] for row in table.rows]


def test_conversations_of_a_day_with_masked_data_or_abuse(connection, config):
    assert _ids(connection, config, source="conversations", day="2026-10-01") == ["c1", "c2"]
    assert _ids(connection, config, source="conversations", masked="NIR") == ["c1"]
    assert _ids(connection, config, source="conversations", masked="1") == ["c1", "c3"]
    assert _ids(connection, config, source="conversations", abusive="1") == ["c3"]
    assert _ids(connection, config, source="conversations", branch="") == ["c1", "c4"]
    assert _ids(connection, config, source="conversations", topic="caf_logement_apl", handoff="1") == ["c1"]


def test_handoffs_by_reason_bucket_and_commitment(connection, config):
    assert _ids(connection, config, source="handoffs", reason="fallback") == ["c1", "c1"]
    assert _ids(connection, config, source="handoffs", bucket="none") == ["c6", "c7"]
    assert _ids(connection, config, source="handoffs", bucket="day") == ["c3"]
    assert _ids(connection, config, source="handoffs", f1="overdue") == ["c6"]
    assert _ids(connection, config, source="handoffs", f1="late") == ["c1"]
    assert _ids(connection, config, source="handoffs", topic="") == ["c1", "c6", "c7"]


def test_votes_and_unanswered_questions(connection, config):
    assert _ids(connection, config, source="votes", template="caf_logement_apl", useful="non") == ["c2"]
    assert _ids(connection, config, source="votes", template="") == ["c2"]
    assert _ids(connection, config, source="unanswered", group="allocation rentrée scolaire date versement") == ["c1", "c4"]
    assert _ids(connection, config, source="unanswered", group="pas une question posée") == []


def test_moderation_flags(connection, config):
    assert _ids(connection, config, source="flags", category="insult") == ["c3"]
    assert _ids(connection, config, source="flags") == ["c3", "c6"]


def test_unknown_source_is_refused(connection, config):
    with pytest.raises(ValueError):
        drill(connection, PERIOD, config, NOW, {"source": "users"})


def test_outcomes_and_templates_read_in_french(connection, config):
    listing = Listing(titles={"caf_logement_apl": "Aide au logement (APL)"})
    table = drill(connection, PERIOD, config, NOW, {"source": "handoffs", "reason": "fallback"}, listing)
    assert [row["outcome"] for row in table.rows] == ["Réponse apportée", "Réponse apportée"]
    assert [row["topic"] for row in table.rows] == ["Aide au logement (APL)", "Non déterminé"]


def test_pages_of_a_long_list_with_its_total(connection, config, monkeypatch):
    everything = _ids(connection, config, source="conversations")
    monkeypatch.setattr(drill_module, "PAGE_SIZE", 2)
    pages = []
    for page in (1, 2, 3):
        listing = Listing(page=page)
        pages.append([row["conversation_id"] for row in
                      drill(connection, PERIOD, config, NOW, {"source": "conversations"}, listing).rows])
        assert listing.total == 5
    assert [len(rows) for rows in pages] == [2, 2, 1]
    assert sum(pages, []) == everything
