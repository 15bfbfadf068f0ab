"""The queue of people waiting for an agent, and every step of a handoff.

Each step is one short transaction with a conditional UPDATE, so two agents clicking "take" at
the same instant cannot both win, on SQLite as on PostgreSQL. Delays are computed when their
end is known, in wall clock and business time.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import List, Optional

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from bot.backoffice.accounts import User
from bot.config import CaisseConfig
from bot.handoff.business_time import business_seconds, commitment_deadline
from bot.handoff.records import ACTIVE, CLOSED, NOTE, OUTCOMES, WAITING, Handoff, HandoffEvent
from bot.storage import aware, session_scope, utcnow

OPEN_STATUSES = (WAITING, ACTIVE)
PERSON_LEFT = "person_left"  # handoff event kind
MAX_NOTE_CHARACTERS = 200  # as typed; masked, it may grow, and is cut to the event's detail column


class HandoffError(Exception):
    """The step is not possible in the handoff's current state; the message is shown to the agent."""


def _utc(moment: Optional[datetime]) -> datetime:
    """Stored in UTC: SQLite keeps no offset, so a local time would come back shifted."""
    return (moment or utcnow()).astimezone(timezone.utc)


def _delays(start: datetime, end: datetime, config: CaisseConfig) -> tuple[int, int]:
    return int((end - start).total_seconds()), business_seconds(start, end, config.opening_hours)


def _log(session, handoff_id: int, kind: str, actor: str, detail: Optional[str] = None,
         at: Optional[datetime] = None) -> None:
    session.add(HandoffEvent(handoff_id=handoff_id, kind=kind, actor=actor, detail=detail, at=at or utcnow()))


def open_handoff(conversation_id: str, engine: Optional[Engine] = None) -> Optional[Handoff]:
    with session_scope(engine) as session:
        return session.execute(
            select(Handoff).where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN_STATUSES))
            .order_by(Handoff.requested_at.desc())
        ).scalars().first()


def get_handoff(handoff_id: int, engine: Optional[Engine] = None) -> Optional[Handoff]:
    with session_scope(engine) as session:
        return session.get(Handoff, handoff_id)


def request_handoff(conversation_id: str, channel: str, reason: str, topic: Optional[str] = None,
                    branch: Optional[str] = None, priority: int = 0, now: Optional[datetime] = None,
                    engine: Optional[Engine] = None) -> Handoff:
    """Puts the conversation in the queue; asking again while waiting keeps the original place."""
    existing = open_handoff(conversation_id, engine)
    if existing is not None:
        return existing
    with session_scope(engine) as session:
        handoff = Handoff(conversation_id=conversation_id, channel=channel, reason=reason, topic=topic,
                          branch=branch, priority=priority, status=WAITING,
                          transcript_ref=f"rasa-tracker:{conversation_id}", requested_at=_utc(now))
        session.add(handoff)
        session.flush()
        _log(session, handoff.id, "requested", "person", reason, at=handoff.requested_at)
        return handoff


def queue_position(handoff: Handoff, engine: Optional[Engine] = None) -> int:
    """1 for the next person served: higher priority first, then the longest wait."""
    with session_scope(engine) as session:
        ahead = session.execute(
            select(func.count()).select_from(Handoff).where(
                Handoff.status == WAITING,
                (Handoff.priority > handoff.priority)
                | ((Handoff.priority == handoff.priority) & (Handoff.requested_at < handoff.requested_at))
                | ((Handoff.priority == handoff.priority) & (Handoff.requested_at == handoff.requested_at)
                   & (Handoff.id < handoff.id)),
            )
        ).scalar_one()
    return ahead + 1


def take(handoff_id: int, agent_id: int, actor: str, now: Optional[datetime] = None,
         config: Optional[CaisseConfig] = None, engine: Optional[Engine] = None) -> Handoff:
    """The agent takes the conversation over; exactly one of two simultaneous agents wins."""
    now = _utc(now)
    with session_scope(engine) as session:
        won = session.execute(
            update(Handoff).where(Handoff.id == handoff_id, Handoff.status == WAITING)
            .values(status=ACTIVE, agent_id=agent_id).execution_options(synchronize_session=False)
        ).rowcount
        if won != 1:
            raise HandoffError("Cette conversation vient d'être prise en charge par un autre conseiller.")
        handoff = session.get(Handoff, handoff_id)
        if handoff.taken_at is None:
            handoff.taken_at = now
            if config is not None:
                handoff.waiting_seconds, handoff.waiting_business_seconds = _delays(
                    aware(handoff.requested_at), now, config)
        _log(session, handoff_id, "taken", actor, at=now)
        return handoff


def _held_by(session, handoff_id: int, agent_id: int) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None or handoff.status != ACTIVE or handoff.agent_id != agent_id:
        raise HandoffError("Vous ne tenez pas cette conversation (elle a été fermée ou reprise).")
    return handoff


def held(handoff_id: int, agent_id: int, engine: Optional[Engine] = None) -> Handoff:
    """The handoff this agent holds now; refused otherwise (closed, or taken back meanwhile)."""
    with session_scope(engine) as session:
        return _held_by(session, handoff_id, agent_id)


def record_agent_reply(handoff_id: int, agent_id: int, actor: str, config: CaisseConfig,
                       now: Optional[datetime] = None, engine: Optional[Engine] = None) -> Handoff:
    """Only an agent's message counts as a response: the bot's never reach this function."""
    now = _utc(now)
    with session_scope(engine) as session:
        handoff = _held_by(session, handoff_id, agent_id)
        if handoff.first_agent_reply_at is None:
            handoff.first_agent_reply_at = now
            handoff.first_response_seconds, handoff.first_response_business_seconds = _delays(
                aware(handoff.requested_at), now, config)
        _log(session, handoff_id, "agent_message", actor, at=now)
        return handoff


def _note(session, handoff_id: int, actor: str, note: Optional[str]) -> None:
    if note and note.strip():
        _log(session, handoff_id, NOTE, actor, note.strip()[:255])


def notes(handoff_id: int, engine: Optional[Engine] = None) -> List[HandoffEvent]:
    """The internal notes left on a request, oldest first: agents read them, the person never does."""
    with session_scope(engine) as session:
        return session.execute(select(HandoffEvent).where(HandoffEvent.handoff_id == handoff_id,
                                                          HandoffEvent.kind == NOTE)
                               .order_by(HandoffEvent.id)).scalars().all()


def release(handoff_id: int, agent_id: int, actor: str, branch: Optional[str] = None,
            note: Optional[str] = None, engine: Optional[Engine] = None) -> Handoff:
    """Back to the queue (another agent, or later; another service's when `branch` is given),
    keeping its place by request time."""
    with session_scope(engine) as session:
        handoff = _held_by(session, handoff_id, agent_id)
        handoff.status, handoff.agent_id = WAITING, None
        if branch:
            handoff.branch = branch
        _log(session, handoff_id, "released", actor, f"service:{branch}" if branch else None)
        _note(session, handoff_id, actor, note)
        return handoff


def _is_agent(user: User) -> bool:
    return user.active and bool({"agent", "admin"} & set(user.roles.split(",")))


def colleagues(agent_id: int, engine: Optional[Engine] = None) -> List[User]:
    """The other agents a conversation can be handed to, available ones first."""
    with session_scope(engine) as session:
        users = session.execute(select(User).where(User.id != agent_id, User.active.is_(True))
                                .order_by(User.present.desc(), User.display_name)).scalars().all()
    return [user for user in users if _is_agent(user)]


def transfer(handoff_id: int, agent_id: int, actor: str, colleague_id: int, note: Optional[str] = None,
             engine: Optional[Engine] = None) -> tuple[Handoff, str]:
    """Handed to a colleague, who holds it from now on; returns it and the colleague's name."""
    with session_scope(engine) as session:
        handoff = _held_by(session, handoff_id, agent_id)
        colleague = session.get(User, colleague_id)
        if colleague is None or colleague_id == agent_id or not _is_agent(colleague):
            raise HandoffError("Ce collègue ne peut pas recevoir la conversation.")
        handoff.agent_id = colleague_id
        _log(session, handoff_id, "transferred", actor, f"agent:{colleague.username}")
        _note(session, handoff_id, actor, note)
        return handoff, colleague.display_name


def close(handoff_id: int, agent_id: Optional[int], actor: str, outcome: str, config: CaisseConfig,
          now: Optional[datetime] = None, engine: Optional[Engine] = None) -> Handoff:
    if outcome not in OUTCOMES:
        raise HandoffError(f"Issue inconnue « {outcome} ».")
    now = _utc(now)
    with session_scope(engine) as session:
        handoff = session.get(Handoff, handoff_id)
        if handoff is None or handoff.status == CLOSED:
            raise HandoffError("Cette conversation est déjà fermée.")
        if agent_id is not None and handoff.status == ACTIVE and handoff.agent_id != agent_id:
            raise HandoffError("Un autre conseiller tient cette conversation.")
        handoff.status, handoff.outcome, handoff.closed_at = CLOSED, outcome, now
        handoff.resolution_seconds, handoff.resolution_business_seconds = _delays(
            aware(handoff.requested_at), now, config)
        _log(session, handoff_id, "closed", actor, outcome, at=now)
        return handoff


def person_left(conversation_id: str, now: Optional[datetime] = None,
                engine: Optional[Engine] = None) -> Optional[Handoff]:
    """The person ended the conversation on their screen: the agent is told (the queue shows it),
    and the agent closes the request, since the person will not read an answer there."""
    with session_scope(engine) as session:
        handoff = session.execute(
            select(Handoff).where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN_STATUSES))
            .order_by(Handoff.id.desc())
        ).scalars().first()
        if handoff is None:
            return None
        _log(session, handoff.id, PERSON_LEFT, "person", at=_utc(now))
        return handoff


@dataclass
class QueueEntry:
    handoff: Handoff
    position: Optional[int]
    deadline: Optional[datetime]
    seconds_left: Optional[int]
    person_left: bool = False


def open_queue(config: CaisseConfig, now: Optional[datetime] = None,
               engine: Optional[Engine] = None) -> List[QueueEntry]:
    """Waiting conversations (longest wait first, by priority) then the ones agents hold."""
    now = _utc(now)
    with session_scope(engine) as session:
        rows = session.execute(
            select(Handoff).where(Handoff.status.in_(OPEN_STATUSES))
            .order_by(Handoff.status.desc(), Handoff.priority.desc(), Handoff.requested_at, Handoff.id)
        ).scalars().all()
        left = set(session.execute(
            select(HandoffEvent.handoff_id).where(HandoffEvent.kind == PERSON_LEFT,
                                                  HandoffEvent.handoff_id.in_([h.id for h in rows]))
        ).scalars())
    entries, position = [], 0
    for handoff in rows:
        deadline = commitment_deadline(aware(handoff.requested_at), config.commitments, config.opening_hours)
        if handoff.status == WAITING:
            position += 1
        entries.append(QueueEntry(
            handoff, position if handoff.status == WAITING else None, deadline,
            int((deadline - now).total_seconds()) if deadline else None, handoff.id in left,
        ))
    return entries
