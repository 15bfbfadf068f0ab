"""What the person is told while waiting for an agent: their place, the expected wait, when
agents are back, and what to do meanwhile. Every channel and hour comes from the configuration."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import ceil
from typing import Optional
from zoneinfo import ZoneInfo

from bot.config import CaisseConfig
from bot.dialogue.redirect import of
from bot.handoff.business_time import add_business_seconds, commitment_deadline, next_opening

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
REASON_OPENINGS = {
    "asked": "C'est noté : je transmets votre demande à un conseiller.",
    "fallback": "Je ne trouve pas de réponse à votre question : je la transmets à un conseiller.",
    "not_useful": "Je transmets votre question à un conseiller, qui pourra vous répondre plus précisément.",
    "complaint": "Votre réclamation est transmise à un conseiller, qui va la prendre en charge.",
    "template": "Cette question demande l'avis d'un conseiller : je lui transmets votre demande.",
    "urgent": "Je transmets tout de suite votre message à un conseiller.",
}


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


def _commitment(config: CaisseConfig, now: datetime) -> str:
    """The promised delay as the moment it ends, counted in opening hours when it is so promised."""
    due = commitment_deadline(now, config.commitments, config.opening_hours)
    if due is None:
        return f"{config.contacts.name} s'engage à vous répondre dès la réouverture"
    return f"{config.contacts.name} s'engage à vous répondre au plus tard {french_moment(due, config, now)}"


def wait_status(estimate: WaitEstimate, config: CaisseConfig, now: datetime) -> str:
    """One sentence on the place and the wait, refreshed while the person waits. The wait is a
    time of day counted in opening hours: "560 minutes" means nothing to a person, and a wait
    that runs past the closing time goes on at the next opening."""
    place = "Vous êtes en tête de la file." if estimate.position == 1 else (
        f"Vous êtes en position {estimate.position} dans la file.")
    if estimate.minutes is not None:
        expected = add_business_seconds(now, estimate.minutes * 60, config.opening_hours)
        if expected is not None:
            return f"{place} Réponse prévue au plus tard {french_moment(expected, config, now)}."
    if estimate.open_now:
        return f"{place} Aucun conseiller n'est disponible pour l'instant ; {_commitment(config, now)}."
    back = french_moment(estimate.back_at, config, now) if estimate.back_at else "dès la réouverture"
    return f"{place} Nos conseillers sont absents en ce moment ; ils reviennent {back}."


def handoff_announcement(reason: str, estimate: WaitEstimate, config: CaisseConfig, now: datetime) -> str:
    contacts = config.contacts
    return " ".join([
        REASON_OPENINGS.get(reason, REASON_OPENINGS["asked"]),
        wait_status(estimate, config, now),
        "La réponse s'affichera dans cette conversation.",
        f"En attendant, vous pouvez consulter {contacts.account_name} ({contacts.account_url}) "
        f"ou appeler le {contacts.phone} ({contacts.phone_hours}).",
        "Ne donnez pas ici votre numéro de sécurité sociale ni vos coordonnées bancaires : "
        "le conseiller vous indiquera un canal sécurisé si besoin.",
    ])


def agent_joined(agent_name: str, config: CaisseConfig) -> str:
    """« Camille, de la Caf de la Gironde, a rejoint la conversation. »: the name the agent chose,
    without a role the person does not need (the role read « conseiller » for every agent)."""
    return f"{agent_name}, {of(config.contacts.name)}, a rejoint la conversation."


def colleague_took_over(agent_name: str, config: CaisseConfig) -> str:
    """Told when an agent hands the conversation to a colleague."""
    return f"{agent_name}, {of(config.contacts.name)}, prend la suite de la conversation."


def back_with_assistant(config: CaisseConfig) -> str:
    return (f"La conversation avec le conseiller est terminée : vous êtes de nouveau avec l'assistant de "
            f"{config.contacts.name}. Posez-moi une autre question si vous le souhaitez.")
