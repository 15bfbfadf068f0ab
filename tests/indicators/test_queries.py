"""Every indicator against the hand-computed dataset of conftest.py."""
import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, insert

from bot.indicators.queries import Filters, compute, late_request_threshold, percentiles, unanswered_groups
from bot.indicators.report import table_csv
from bot.social.records import PRIVATE, PUBLIC, SocialComment, add_comment, agent_reply_sent, save_agent_reply
from tests.indicators.conftest import NOW, PERIOD


def _table(connection, config, key, filters=PERIOD):
    return compute(connection, filters, config, NOW, only=[key])[key]


def _by(table, column):
    return {row[column]: row for row in table.rows}


def test_volumes_per_day_fill_days_without_conversations(connection, config):
    rows = _table(connection, config, "volumes_jour").rows
    assert [row["day"] for row in rows] == [date(2026, 10, day) for day in range(1, 8)]
    first, second, monday = rows[0], rows[1], rows[4]
    assert (first["conversations"], first["messages"], first["people"], first["with_handoff"]) == (2, 5, 2, 1)
    assert first["containment"] == 0.5
    assert (second["conversations"], second["messages"], second["containment"]) == (1, 4, 0.0)
    assert (monday["conversations"], monday["messages"], monday["people"], monday["containment"]) == (2, 3, 2, 1.0)
    assert rows[2]["conversations"] == 0 and rows[2]["containment"] is None


def test_volumes_per_week_start_on_monday(connection, config):
    rows = _table(connection, config, "volumes_semaine").rows
    assert [(row["week"], row["conversations"], row["messages"]) for row in rows] == [
        (date(2026, 9, 28), 3, 9), (date(2026, 10, 5), 2, 3)]


def _summary(table):
    """Code -> figure; each row fills its count or its percentage (or neither: a ratio of nothing), never both."""
    assert not any(row["count"] is not None and row["share"] is not None for row in table.rows)
    return {row["code"]: row["count"] if row["share"] is None else row["share"] for row in table.rows}


def test_summary_counts_people_once_over_the_period(connection, config):
    summary = _summary(_table(connection, config, "synthese"))
    # c1 came twice (two sessions): 5 conversations, 4 people; c1 and c3 went to an agent.
    assert summary["conversations"] == 5
    assert summary["messages"] == 12
    assert summary["people"] == 4
    assert summary["containment"] == 0.6
    assert summary["handoffs"] == 5
    # The same count as the "Conversations passées à un conseiller" column of the volume tables.
    assert summary["with_handoff"] == 2 == sum(row["with_handoff"] for row in _table(connection, config, "volumes_jour").rows)
    assert summary["f1"] == 0.5
    assert (summary["open"], summary["late"]) == (2, 1)
    assert summary["useful"] == round(4 / 6, 4)
    assert summary["masked"] == 3
    assert summary["abusive"] == 1


def test_channel_and_branch_filters(connection, config):
    by_channel = _by(_table(connection, config, "canaux"), "channel")
    assert by_channel["Site (widget)"]["conversations"] == 3
    assert by_channel["Messenger"]["with_handoff"] == 1
    assert by_channel["API REST"]["containment"] == 1.0
    web = Filters(PERIOD.start, PERIOD.end, channel="socketio")
    summary = _summary(_table(connection, config, "synthese", web))
    assert (summary["conversations"], summary["people"], summary["handoffs"]) == (3, 2, 3)
    caf = Filters(PERIOD.start, PERIOD.end, branch="caf")
    by_branch = _by(_table(connection, config, "branches"), "branch")
    assert by_branch["Caf"]["conversations"] == 2 and by_branch["Non déterminé"]["conversations"] == 2
    assert _table(connection, config, "volumes_jour", caf).rows[0]["conversations"] == 2
    assert sum(row["handoffs"] for row in _table(connection, config, "passages_motif", caf).rows) == 2


def test_handoffs_by_reason_and_topic(connection, config):
    reasons = _by(_table(connection, config, "passages_motif"), "reason")
    assert {name: row["handoffs"] for name, row in reasons.items()} == {
        "Question non comprise": 2, "Réclamation": 1, "Urgence (menace, détresse)": 1, "Demande de la personne": 1}
    assert reasons["Question non comprise"]["share"] == 0.4
    assert reasons["Question non comprise"]["_links"]["handoffs"] == {"source": "handoffs", "reason": "fallback"}
    topics = [(row["topic"], row["branch"], row["handoffs"]) for row in _table(connection, config, "passages_theme").rows]
    assert topics[0] == ("Non déterminé", "Non déterminé", 2)
    assert sorted(topics[1:]) == [("Non déterminé", "Caf", 1), ("caf_logement_apl", "Caf", 1),
                                  ("cpam_carte_vitale", "Assurance maladie", 1)]


def test_delays_median_and_90th_percentile_business_and_wall_clock(connection, config):
    rows = _by(_table(connection, config, "delais"), "delay")
    waiting = rows["Attente avant prise en charge"]
    # Three measured handoffs: rank ceil(1.5) = 2 for the median, ceil(2.7) = 3 for p90.
    assert (waiting["handoffs"], waiting["business_median"], waiting["business_p90"]) == (3, 3600, 50000)
    assert (waiting["wall_median"], waiting["wall_p90"]) == (3600, 90000)
    first = rows["Première réponse d'un conseiller"]
    assert (first["business_median"], first["business_p90"], first["wall_median"], first["wall_p90"]) == (
        20000, 100000, 70000, 200000)
    resolution = rows["Résolution (clôture)"]
    assert (resolution["business_median"], resolution["business_p90"]) == (30000, 120000)


@pytest.mark.parametrize("values, median, p90", [
    (list(range(1, 11)), 5, 9),
    (list(range(30, 0, -1)), 15, 27),  # 30 × 0.9 is not exactly 27 in floating point
    ([7], 7, 7),
    ([], None, None),
])
def test_percentiles_nearest_rank(values, median, p90):
    from sqlalchemy import Column, Integer, MetaData, Table

    table = Table("numbers", MetaData(), Column("v", Integer))
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        if values:
            connection.execute(insert(table), [{"v": v} for v in values] + [{"v": None}])
        assert percentiles(connection, [table.c.v], []) == [(len(values), [median, p90])]


def test_commitment_f1(connection, config):
    rows = _by(_table(connection, config, "engagement_f1"), "status")
    # h1 (1800 s) and h2 (20000 s) within 24 business hours, h3 (100000 s) late, h4 overdue, h5 not yet due.
    assert rows["Réponse dans le délai"]["handoffs"] == 2
    assert rows["Réponse hors délai"]["handoffs"] == 1
    assert rows["Toujours sans réponse, délai dépassé"]["handoffs"] == 1
    assert rows["Réponse dans le délai"]["share"] == 0.5


def test_late_threshold_is_the_last_request_already_overdue(config):
    threshold = late_request_threshold(NOW, config)
    # 24 business hours before Monday 11:00 local: 2.5 h on Monday, 4 h on Friday, 8 h on Thursday
    # and Wednesday, the last 1.5 h on Tuesday from 16:30: Tuesday 6th 15:00 local.
    assert timedelta(0) < datetime(2026, 10, 6, 13, 0, tzinfo=timezone.utc) - threshold <= timedelta(seconds=1)


def test_reactivity_f2_buckets(connection, config):
    rows = _by(_table(connection, config, "reactivite_f2"), "code")
    assert [rows[name]["handoffs"] for name in ("hour", "half_day", "day", "later", "none")] == [1, 0, 1, 1, 2]
    assert rows["hour"]["share"] == round(1 / 3, 4)
    assert rows["day"]["cumulative"] == round(2 / 3, 4)
    assert rows["later"]["cumulative"] == 1.0
    assert rows["none"]["share"] is None


def test_open_handoffs_and_lateness(connection, config):
    table = _table(connection, config, "passages_ouverts")
    assert table.extra == {"open": 2, "late": 1}
    urgent, recent = table.rows
    assert urgent["conversation_id"] == "c6"
    # Deadline Friday 9th 10:00 local, now Monday 12th 11:00 local.
    assert urgent["late_by"] == int(timedelta(days=3, hours=1).total_seconds())
    assert recent["late_by"] is None


def test_votes_f3_per_template_and_overall(connection, config):
    rows = _by(_table(connection, config, "avis_f3"), "template")
    overall = rows["Toutes les réponses"]
    assert (overall["useful"], overall["not_useful"], overall["votes"]) == (4, 2, 6)
    apl = rows["caf_logement_apl"]
    assert (apl["useful"], apl["not_useful"], apl["useful_share"]) == (2, 1, round(2 / 3, 4))
    assert rows["Non déterminé"]["useful"] == 1
    caf = _by(_table(connection, config, "avis_f3", Filters(PERIOD.start, PERIOD.end, branch="caf")), "template")
    assert set(caf) == {"Toutes les réponses", "caf_logement_apl"}
    assert caf["Toutes les réponses"]["votes"] == 3


def test_templates_most_often_followed_by_a_handoff(connection, config):
    rows = _table(connection, config, "modeles_suivis_passage").rows
    assert [(row["topic"], row["conversations"], row["with_handoff"], row["rate"]) for row in rows] == [
        ("caf_logement_apl", 2, 1, 0.5), ("cpam_carte_vitale", 1, 1, 1.0)]


def test_masked_data_f9_by_type(connection, config):
    rows = _table(connection, config, "donnees_masquees_f9").rows
    assert (rows[0]["messages"], rows[0]["conversations"], rows[0]["share"]) == (3, 2, 0.4)
    assert [(row["data_type"], row["messages"]) for row in rows[1:]] == [
        ("IBAN", 1), ("Numéro de sécurité sociale", 1), ("Téléphone", 1)]


def test_abuse_f10(connection, config):
    abusive, insults, threats, urgent = _table(connection, config, "moderation_f10").rows
    assert (abusive["count"], abusive["conversations"]) == (1, 1)
    assert (insults["kind"], insults["count"]) == ("Signalements aux modérateurs : insultes", 1)
    assert (threats["kind"], threats["count"]) == ("Signalements aux modérateurs : menaces", 1)
    assert (urgent["count"], urgent["conversations"]) == (1, 1)
    web = Filters(PERIOD.start, PERIOD.end, channel="socketio")
    assert [row["count"] for row in _table(connection, config, "moderation_f10", web).rows] == [0, 1, 1]


def test_unanswered_questions_grouped_by_similarity(connection, config):
    table = _table(connection, config, "questions_sans_reponse")
    assert [(row["messages"], row["variants"]) for row in table.rows] == [(2, 2), (1, 1)]
    # Equal counts: the alphabetically first spelling leads its group.
    assert table.rows[0]["question"] == "allocation rentrée scolaire date versement"
    assert table.rows[1]["question"] == "quel temps fait il demain"
    assert table.extra["total"] == 3


def test_each_group_of_unanswered_questions_says_when_it_was_last_asked(connection):
    """The editors' candidates page shows it (bot.web.editor): same groups as the dashboard."""
    groups = unanswered_groups(connection, PERIOD)
    assert [group.last_seen for group in groups] == [datetime(2026, 10, 5, 9, 5, tzinfo=timezone.utc)] * 2


def test_summary_csv_has_one_unit_per_column(connection, config):
    rows = list(csv.reader(io.StringIO(table_csv(_table(connection, config, "synthese")).lstrip("\ufeff")),
                           delimiter=";"))
    assert rows[0] == ["Indicateur", "Nombre", "Pourcentage, en %"]
    by_name = {row[0]: row[1:] for row in rows[1:]}
    assert by_name["Conversations"] == ["5", ""]
    assert by_name["Réglées sans conseiller"] == ["", "60,0"]


def test_templates_are_shown_by_their_titles(connection, config):
    titles = {"caf_logement_apl": "Aide au logement (APL)"}
    tables = compute(connection, PERIOD, config, NOW, ["passages_theme", "avis_f3"], titles)
    topics = {row["topic"] for row in tables["passages_theme"].rows}
    assert "Aide au logement (APL)" in topics and "caf_logement_apl" not in topics
    assert "Aide au logement (APL)" in {row["template"] for row in tables["avis_f3"].rows}
    # The link behind the number keeps the id.
    [row] = [row for row in tables["passages_theme"].rows if row["topic"] == "Aide au logement (APL)"]
    assert row["_links"]["handoffs"]["topic"] == "caf_logement_apl"


# --- public comments (F9, F10 on the pages) -----------------------------------------------------

def test_public_comments_per_network_count_actions_and_delays(connection, config):
    by_network = _by(_table(connection, config, "commentaires_reseaux"), "platform")
    assert set(by_network) == {"Facebook", "Instagram"}
    facebook = by_network["Facebook"]
    # 13 in the period: the page's own reply (f12) is no comment, f15 and f16 fall outside in Paris.
    assert {key: facebook[key] for key in ("received", "personal_data", "hidden_personal_data", "hidden_abuse",
                                           "public", "private", "to_agents")} == {
        "received": 13, "personal_data": 5, "hidden_personal_data": 4, "hidden_abuse": 1,
        "public": 2, "private": 6, "to_agents": 5}
    # Hidden after 0.4, 1.5, 90 and 0.5 s (f13 from its edit); f4 never hidden counts as late.
    assert (facebook["hiding_median"], facebook["hiding_p95"], facebook["hiding_on_time"]) == (0.5, 90.0, 0.6)
    # First answers: 1.0, 1.2, 2.0, 2.5, 3.0, 4.0, 91, 3601 s.
    assert (facebook["answer_median"], facebook["answer_p95"]) == (2.5, 3601.0)
    instagram = by_network["Instagram"]
    assert (instagram["received"], instagram["hidden_personal_data"], instagram["to_agents"]) == (2, 1, 1)
    assert (instagram["hiding_median"], instagram["hiding_p95"], instagram["hiding_on_time"]) == (0.6, 0.6, 1.0)
    summary = _summary(_table(connection, config, "synthese"))
    assert summary["comments"] == 15 and summary["comments_hidden"] == round(4 / 6, 4)


def test_public_comments_per_day_in_the_caisse_time_zone(connection, config):
    rows = _table(connection, config, "commentaires_jour").rows
    assert len(rows) == 7 * 2  # every day, for each network that had comments
    by_day = {(row["day"], row["platform"]): row for row in rows}
    first = by_day[(date(2026, 10, 1), "Facebook")]
    assert (first["received"], first["hidden_personal_data"], first["public"], first["to_agents"]) == (6, 3, 2, 1)
    assert (first["hiding_median"], first["hiding_p95"], first["hiding_on_time"]) == (1.5, 90.0, 0.5)
    second = by_day[(date(2026, 10, 2), "Facebook")]
    assert (second["received"], second["hidden_abuse"], second["private"], second["to_agents"]) == (6, 1, 1, 4)
    assert second["hiding_on_time"] is None and second["answer_median"] == 2.5
    assert by_day[(date(2026, 10, 3), "Facebook")]["hiding_median"] == 0.5
    assert by_day[(date(2026, 10, 5), "Instagram")]["to_agents"] == 1
    assert by_day[(date(2026, 10, 4), "Instagram")]["received"] == 0
    assert sum(row["received"] for row in rows) == 15


def test_public_comments_follow_the_channel_filter_not_the_branch(connection, config):
    def received(channel=None, branch=None):
        table = _table(connection, config, "commentaires_reseaux", Filters(PERIOD.start, PERIOD.end, channel, branch))
        return {row["platform"]: row["received"] for row in table.rows}

    assert received("facebook_comment") == {"Facebook": 13}
    assert received("instagram_comment") == {"Instagram": 2}
    assert received("socketio") == {} and received("instagram") == {}
    assert received(branch="caf") == {"Facebook": 13, "Instagram": 2}


def test_public_comments_csv_names_its_units(connection, config):
    rows = list(csv.reader(io.StringIO(table_csv(_table(connection, config, "commentaires_reseaux")).lstrip("\ufeff")),
                           delimiter=";"))
    header = rows[0]
    assert header[:3] == ["Réseau", "Commentaires reçus", "Avec données personnelles"]
    assert "Délai de masquage, médiane, en secondes" in header
    assert "Délai de première réponse, 95e centile, en secondes" in header
    assert "Masqués en 60 s au plus, en %" in header
    facebook = dict(zip(header, rows[1]))
    assert facebook["Réseau"] == "Facebook"
    assert facebook["Délai de masquage, médiane, en secondes"] == "0,5"
    assert facebook["Délai de première réponse, 95e centile, en secondes"] == "3601,0"
    assert facebook["Masqués en 60 s au plus, en %"] == "60,0"


def test_a_comment_counts_in_the_public_or_private_column_of_its_first_answer(database, config):
    """An agent's answer from the thread's page is a row of its own pointing to the comment
    (`parent_id`): its reply mode decides, not the assistant's action on the comment; a comment
    whose reply failed stays counted as handed to the agents once they answered it."""
    def at(day, hour):
        return datetime(2026, 10, day, hour, tzinfo=timezone.utc)

    def comment(comment_id, action, day, answered=None):
        received = at(day, 8)
        row = SocialComment(platform="facebook", comment_id=comment_id, post_id="post-1",
                            conversation_id=f"facebook_comment:{comment_id}", masked_text="Texte fictif",
                            action=action, received_at=received,
                            answered_at=None if answered is None else received + timedelta(seconds=answered))
        add_comment(row, database)
        return row

    def agent_answers(answered, mode, hours_later):
        now = at(answered.received_at.day, 8 + hours_later)
        reply = save_agent_reply(answered, mode, "Réponse fictive", None, now, engine=database)
        agent_reply_sent(reply.id, answered.comment_id, now, f"posted-{answered.comment_id}" if mode == PUBLIC else None,
                         engine=database)

    agent_answers(comment("a1", "queued", 1), PUBLIC, 1)
    agent_answers(comment("a2", "queued", 2), PRIVATE, 1)
    comment("a3", "public_reply", 3, answered=2.0)  # the assistant's own public reply
    agent_answers(comment("a4", "public_reply", 4), PRIVATE, 1)  # the assistant's reply failed
    agent_answers(comment("a5", "private_reply", 5, answered=2.0), PUBLIC, 1)  # after the assistant's answer
    save_agent_reply(comment("a6", "queued", 6), PUBLIC, "Réponse fictive", None, at(6, 9), engine=database)  # unsent
    with database.connect() as connection:
        rows = _table(connection, config, "commentaires_jour", Filters(date(2026, 10, 1), date(2026, 10, 6))).rows
    assert [(row["public"], row["private"]) for row in rows] == [(1, 0), (0, 1), (1, 0), (0, 1), (0, 1), (0, 0)]
    assert [row["answer_median"] for row in rows] == [3600.0, 3600.0, 2.0, 3600.0, 2.0, None]
    assert [row["to_agents"] for row in rows] == [1, 1, 0, 1, 0, 1]


def test_comment_channels_are_those_of_the_comment_threads():
    from bot.channels.page_comments import FACEBOOK, INSTAGRAM
    from bot.indicators import labels
    from bot.indicators.queries import COMMENT_CHANNELS

    assert COMMENT_CHANNELS == {FACEBOOK.name: FACEBOOK.channel, INSTAGRAM.name: INSTAGRAM.channel}
    assert [labels.CHANNELS[channel] for channel in COMMENT_CHANNELS.values()] == [
        "Commentaires Facebook", "Commentaires Instagram"]
