"""What the person is told while waiting for an agent: their place, the expected wait, when
agents are back, and what to do meanwhile. Every channel and hour comes from the configuration,
every sentence from `config/textes.yml` (sections handoff and queue, `bot.texts`): the same
sentences are said in the conversation and shown by the widget's status line."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import ceil
from typing import Optional
from zoneinfo import ZoneInfo

from bot import texts
from bot.config import CaisseConfig
from bot.dialogue.redirect import of
from bot.handoff.business_time import add_business_seconds, commitment_deadline, next_opening

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def french_moment(moment: datetime, config: CaisseConfig, now: datetime) -> str:
    """« aujourd'hui à 13 h 30 », « demain à 8 h 30 », « lundi 30 novembre à 8 h 30 »."""
    zone = ZoneInfo(config.opening_hours.timezone)
    local, today = moment.astimezone(zone), now.astimezone(zone).date()
    hour = f"{local.hour} h {local.minute:02d}" if local.minute else f"{local.hour} h"
    if local.date() == today:
        return f"aujourd'hui à {hour}"
    if (local.date() - today).days == 1:
        return f"demain à {hour}"
    return f"{DAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} à {hour}"


@dataclass
class WaitEstimate:
    position: int
    agents_present: int
    open_now: bool
    minutes: Optional[int]
    back_at: Optional[datetime]

    def as_dict(self) -> dict:
        return {"position": self.position, "agents_present": self.agents_present, "open_now": self.open_now,
                "minutes": self.minutes, "back_at": self.back_at.isoformat() if self.back_at else None}


def estimate_wait(position: int, agents_present: int, config: CaisseConfig, now: datetime) -> WaitEstimate:
    """Each present agent serves one person per average handling time, in queue order."""
    opening = next_opening(now, config.opening_hours)
    open_now = opening is not None and opening <= now
    minutes = None
    if open_now and agents_present > 0:
        minutes = ceil(position / agents_present) * config.handoff.average_handling_minutes
    return WaitEstimate(position, agents_present, open_now, minutes, None if open_now else opening)


def _waiting(estimate: WaitEstimate, config: CaisseConfig, now: datetime) -> str:
    if estimate.minutes is not None:
        expected = add_business_seconds(now, estimate.minutes * 60, config.opening_hours)
        if expected is not None:
            return texts.text("queue.expected", config, moment=french_moment(expected, config, now))
    if estimate.open_now:
        # The promised delay as the moment it ends, counted in opening hours when it is so promised.
        due = commitment_deadline(now, config.commitments, config.opening_hours)
        if due is None:
            return texts.text("queue.no_agent_undated", config)
        return texts.text("queue.no_agent", config, moment=french_moment(due, config, now))
    if estimate.back_at is None:
        return texts.text("queue.closed_undated", config)
    return texts.text("queue.closed", config, moment=french_moment(estimate.back_at, config, now))


def wait_status(estimate: WaitEstimate, config: CaisseConfig, now: datetime) -> str:
    """One sentence on the place and the wait, refreshed while the person waits. The wait is a
    time of day counted in opening hours: "560 minutes" means nothing to a person, and a wait
    that runs past the closing time goes on at the next opening."""
    place = (texts.text("queue.first", config) if estimate.position == 1
             else texts.text("queue.position", config, position=estimate.position))
    return f"{place} {_waiting(estimate, config, now)}"


def handoff_announcement(reason: str, estimate: WaitEstimate, config: CaisseConfig, now: datetime) -> str:
    """One message: why the request goes to an agent (an unknown reason reads as asked), the
    queue, and what to do meanwhile."""
    opening = f"handoff.opening_{reason}"
    return " ".join([
        texts.text(opening if opening in texts.EXPECTED else "handoff.opening_asked", config),
        wait_status(estimate, config, now),
        texts.text("handoff.after", config),
    ])


def agent_joined(agent_name: str, config: CaisseConfig) -> str:
    """« Camille, de la Caf de la Gironde, a rejoint la conversation. »: the name the agent chose,
    without a role the person does not need (the role read « conseiller » for every agent)."""
    return texts.text("handoff.agent_joined", config, conseiller=agent_name, de_caisse=of(config.contacts.name))


def colleague_took_over(agent_name: str, config: CaisseConfig) -> str:
    """Told when an agent hands the conversation to a colleague."""
    return texts.text("handoff.colleague_took_over", config, conseiller=agent_name,
                      de_caisse=of(config.contacts.name))


def back_with_assistant(config: CaisseConfig) -> str:
    return texts.text("handoff.back_with_assistant", config)
