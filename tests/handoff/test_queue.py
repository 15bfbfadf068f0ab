import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.backoffice import create_user
from bot.config import load_config
from bot.handoff.queue import (
    HandoffError, close, colleagues, get_handoff, notes, open_handoff, open_queue, person_left, queue_position,
    record_agent_reply, release, request_handoff, take, transfer,
)
from bot.handoff.records import HandoffEvent
from bot.storage import session_scope

PARIS = ZoneInfo("Europe/Paris")
CONFIG = load_config(environ={})  # Gironde: Mon-Thu 8:30-16:30, Fri 8:30-12:30


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


@pytest.fixture
def agents(database):
    create_user("camille", "mot-de-passe-solide", ["agent"], engine=database)
    create_user("dominique", "mot-de-passe-solide", ["agent"], engine=database)
    return 1, 2


def test_asking_twice_keeps_the_first_place(database):
    first = request_handoff("conv-a", "socketio", "asked", now=at(2026, 11, 24, 9, 0), engine=database)
    again = request_handoff("conv-a", "socketio", "fallback", now=at(2026, 11, 24, 9, 5), engine=database)
    assert again.id == first.id and again.reason == "asked"


def test_position_follows_priority_then_waiting_time(database):
    a = request_handoff("conv-a", "socketio", "asked", now=at(2026, 11, 24, 9, 0), engine=database)
    b = request_handoff("conv-b", "facebook", "asked", now=at(2026, 11, 24, 9, 1), engine=database)
    urgent = request_handoff("conv-c", "socketio", "urgent", priority=1, now=at(2026, 11, 24, 9, 2),
                             engine=database)
    assert [queue_position(h, database) for h in (urgent, a, b)] == [1, 2, 3]


def test_two_agents_taking_at_the_same_instant_exactly_one_wins(database, agents):
    handoff = request_handoff("conv-a", "socketio", "asked", engine=database)
    barrier, outcomes = threading.Barrier(2), []

    def attempt(agent_id):
        barrier.wait()
        try:
            take(handoff.id, agent_id, f"agent:{agent_id}", config=CONFIG, engine=database)
            outcomes.append(("won", agent_id))
        except HandoffError:
            outcomes.append(("lost", agent_id))

    threads = [threading.Thread(target=attempt, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(result for result, _ in outcomes) == ["lost", "won"]
    winner = next(agent for result, agent in outcomes if result == "won")
    assert open_handoff("conv-a", database).agent_id == winner


def test_delays_in_wall_clock_and_business_time(database, agents):
    camille = agents[0]
    # Requested Thursday 16:00, taken Friday 9:00, first reply 9:10, closed Monday 9:00.
    handoff = request_handoff("conv-a", "socketio", "asked", now=at(2026, 11, 26, 16, 0), engine=database)
    take(handoff.id, camille, "agent:camille", now=at(2026, 11, 27, 9, 0), config=CONFIG, engine=database)
    record_agent_reply(handoff.id, camille, "agent:camille", CONFIG, now=at(2026, 11, 27, 9, 10), engine=database)
    record_agent_reply(handoff.id, camille, "agent:camille", CONFIG, now=at(2026, 11, 27, 9, 20), engine=database)
    closed = close(handoff.id, camille, "agent:camille", "answered", CONFIG, now=at(2026, 11, 30, 9, 0),
                   engine=database)
    assert (closed.waiting_seconds, closed.waiting_business_seconds) == (17 * 3600, 3600)
    # Only the first agent message counts as the first response.
    assert (closed.first_response_seconds, closed.first_response_business_seconds) == (17 * 3600 + 600, 4200)
    # Thursday 30 min + Friday 4 h + Monday 30 min.
    assert (closed.resolution_seconds, closed.resolution_business_seconds) == (89 * 3600, 5 * 3600)
    assert closed.outcome == "answered" and open_handoff("conv-a", database) is None


def test_only_the_holder_replies_and_release_puts_back_in_queue(database, agents):
    camille, dominique = agents
    handoff = request_handoff("conv-a", "socketio", "asked", engine=database)
    take(handoff.id, camille, "agent:camille", config=CONFIG, engine=database)
    with pytest.raises(HandoffError):
        record_agent_reply(handoff.id, dominique, "agent:dominique", CONFIG, engine=database)
    release(handoff.id, camille, "agent:camille", engine=database)
    taken = take(handoff.id, dominique, "agent:dominique", config=CONFIG, engine=database)
    assert taken.agent_id == dominique


def test_audit_trail_is_append_only(database, agents):
    handoff = request_handoff("conv-a", "socketio", "complaint", engine=database)
    take(handoff.id, agents[0], "agent:camille", config=CONFIG, engine=database)
    close(handoff.id, agents[0], "agent:camille", "redirected", CONFIG, engine=database)
    with session_scope(database) as session:
        events = session.execute(select(HandoffEvent).order_by(HandoffEvent.id)).scalars().all()
        assert [(e.kind, e.actor, e.detail) for e in events] == [
            ("requested", "person", "complaint"), ("taken", "agent:camille", None),
            ("closed", "agent:camille", "redirected"),
        ]
    with pytest.raises(PermissionError):
        with session_scope(database) as session:
            session.delete(session.execute(select(HandoffEvent)).scalars().first())


def test_queue_shows_time_left_before_the_commitment(database):
    requested = at(2026, 11, 24, 9, 0)  # Tuesday; commitment 24 working hours
    request_handoff("conv-a", "socketio", "asked", now=requested, engine=database)
    [entry] = open_queue(CONFIG, now=requested + timedelta(hours=1), engine=database)
    # Tue 9:00-16:30 (7h30) + Wed 8 h + Thu 8 h + Fri 4 h = 27h30 >= 24 h: due Friday 9:00.
    assert entry.deadline == at(2026, 11, 27, 9, 0)
    assert entry.position == 1 and entry.seconds_left == int((entry.deadline - requested).total_seconds()) - 3600


def test_an_agent_hands_the_conversation_to_a_colleague_who_then_holds_it(database, agents):
    camille, dominique = agents
    create_user("pilote", "mot-de-passe-solide", ["manager"], engine=database)
    assert [user.username for user in colleagues(camille, database)] == ["dominique"]
    handoff = request_handoff("conv-a", "socketio", "asked", engine=database)
    take(handoff.id, camille, "agent:camille", engine=database)
    with pytest.raises(HandoffError):
        transfer(handoff.id, camille, "agent:camille", 3, engine=database)  # a manager takes no conversation
    moved, name = transfer(handoff.id, camille, "agent:camille", dominique, engine=database)
    assert (moved.status, moved.agent_id, name) == ("active", dominique, "dominique")
    with pytest.raises(HandoffError):
        record_agent_reply(handoff.id, camille, "agent:camille", CONFIG, engine=database)
    record_agent_reply(handoff.id, dominique, "agent:dominique", CONFIG, engine=database)
    with session_scope(database) as session:
        logged = session.execute(select(HandoffEvent.kind, HandoffEvent.detail)
                                 .where(HandoffEvent.kind == "transferred")).all()
    assert logged == [("transferred", "agent:dominique")]


def test_back_to_the_queue_of_another_service(database, agents):
    camille, _ = agents
    handoff = request_handoff("conv-a", "socketio", "asked", branch="caf", engine=database)
    take(handoff.id, camille, "agent:camille", engine=database)
    release(handoff.id, camille, "agent:camille", branch="cpam", engine=database)
    back = get_handoff(handoff.id, database)
    assert (back.status, back.agent_id, back.branch) == ("waiting", None, "cpam")


def test_the_agent_is_told_when_the_person_ended_the_conversation(database, agents):
    left = request_handoff("conv-a", "socketio", "asked", now=at(2026, 11, 24, 9, 0), engine=database)
    request_handoff("conv-b", "socketio", "asked", now=at(2026, 11, 24, 9, 1), engine=database)
    take(left.id, agents[0], "agent:camille", now=at(2026, 11, 24, 9, 2), engine=database)
    assert person_left("conv-a", now=at(2026, 11, 24, 9, 3), engine=database).id == left.id
    entries = {e.handoff.conversation_id: e.person_left for e in open_queue(CONFIG, at(2026, 11, 24, 9, 4), database)}
    assert entries == {"conv-a": True, "conv-b": False}
    close(left.id, agents[0], "agent:camille", "abandoned", CONFIG, now=at(2026, 11, 24, 9, 5), engine=database)
    assert person_left("conv-a", engine=database) is None  # nothing open any more: nothing to tell


def test_an_internal_note_goes_with_a_transfer_and_a_release(database, agents):
    camille, dominique = agents
    handoff = request_handoff("conv-a", "socketio", "asked", now=at(2026, 11, 24, 9, 0), engine=database)
    take(handoff.id, camille, "agent:camille", engine=database)
    transfer(handoff.id, camille, "agent:camille", dominique, note="  Rappeler après 14 h  ", engine=database)
    release(handoff.id, dominique, "agent:dominique", branch="cpam", note=" ", engine=database)  # blank: no note
    assert [(n.actor, n.detail) for n in notes(handoff.id, database)] == [("agent:camille", "Rappeler après 14 h")]
