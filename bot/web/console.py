"""The agents' console: the queue, take-over, the masked conversation, replies, transfer, close.

The page polls this JSON API every few seconds; all state lives in our database and in Rasa's
tracker store, so a restart of any server loses nothing an agent or a person wrote.
"""
from __future__ import annotations

import asyncio
import re
from datetime import datetime, timezone
from typing import Any, Dict, Optional

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import Account, is_present, present_agents, set_presence
from bot.config import CaisseConfig
from bot.handoff.announcement import agent_joined, back_with_assistant, colleague_took_over, french_moment
from bot.handoff.queue import (
    MAX_NOTE_CHARACTERS, HandoffError, aware, close, colleagues, get_handoff, notes, open_queue, record_agent_reply,
    release, take, transfer,
)
from bot.handoff.records import ACTIVE, OUTCOMES, Handoff
from bot.handoff.transcript import last_person_message_at, messenger_window, transcript
from bot.indicators import labels
from bot.personal_data import detect
from bot.personal_data._model import apply_masks
from bot.templates.responses import template_text
from bot.templates.versions import current_templates
from bot.web.pages import Pages, displayable
from bot.web.rasa_api import RasaApi, RasaUnavailable
from bot.web.security import requires_role

MAX_REPLY_CHARACTERS = 2000


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment) -> Any:
    moment = aware(moment)
    return moment.isoformat() if moment else None


def _body(request: Request) -> Dict[str, Any]:
    """The JSON object sent by the console; anything else (a list, a string, nothing) is empty.
    Sanic itself answers 400 to a body that is not JSON at all."""
    body = request.json
    return body if isinstance(body, dict) else {}


def _words(text: str) -> set:
    return {word.casefold() for word in re.findall(r"\w+", text)}


def mask_agent_text(text: str, account: Account) -> str:
    """An agent's reply masked like any message, except the agent's own name ("je suis Camille,
    conseillère"): a name found there is kept when all its words are words of the agent's
    display name or account name. Anyone else's name, and every other kind of data, is masked."""
    own = _words(account.display_name) | _words(account.username)
    findings = [finding for finding in detect(text)
                if not (finding.type == "NAME" and _words(text[finding.start:finding.end]) <= own)]
    return apply_masks(text, findings)


def _titles() -> Dict[str, str]:
    return {t.id: t.title for t in current_templates()}


def _readable(handoff: Handoff, titles: Dict[str, str]) -> Dict[str, Any]:
    """The codes of a handoff as the agent reads them: the topic's title, French labels."""
    return {"topic_title": labels.template_title(handoff.topic, titles) if handoff.topic else None,
            "channel_label": labels.label(labels.CHANNELS, handoff.channel),
            "branch_label": labels.label(labels.BRANCHES, handoff.branch) if handoff.branch else None,
            "reason_label": labels.label(labels.REASONS, handoff.reason),
            "urgent": handoff.reason == "urgent" or (handoff.priority or 0) > 0}


def due_label(deadline: Optional[datetime], config: CaisseConfig, now: datetime) -> Optional[str]:
    """The commitment as a time of day an agent can plan with, rather than a countdown."""
    if deadline is None:
        return None
    moment = french_moment(deadline, config, now)
    return f"À traiter avant {moment}" if deadline >= now else f"Délai dépassé (prévu {moment})"


class NoteTooLong(ValueError):
    pass


async def _masked_note(request: Request, account: Account) -> Optional[str]:
    """The internal note for whoever takes the request next, masked like every agent's text."""
    note = _body(request).get("note")
    if not isinstance(note, str) or not note.strip():
        return None
    if len(note) > MAX_NOTE_CHARACTERS:
        raise NoteTooLong(f"Note trop longue ({MAX_NOTE_CHARACTERS} caractères au plus).")
    return await asyncio.to_thread(mask_agent_text, note, account)


def _error(message: str, status: int) -> response.HTTPResponse:
    return response.json({"error": message}, status=status)


def console_blueprint(pages: Pages, config: CaisseConfig, rasa: RasaApi) -> Blueprint:
    bp = Blueprint("console", url_prefix="/conseiller")

    def answers():
        """The texts the assistant gives now: the templates as published in the back office."""
        return [{"id": t.id, "title": t.title, "branch": t.branch, "text": template_text(t, config)}
                for t in sorted(current_templates(), key=lambda t: t.title)]

    def actor(account: Account) -> str:
        return f"agent:{account.username}"

    @bp.get("/")
    @requires_role("agent")
    async def console_page(request: Request, account: Account):
        return pages.render("backoffice/console.html", account=account, outcomes=labels.OUTCOMES,
                            reasons=labels.REASONS, channels=labels.CHANNELS, branches=labels.BRANCHES)

    @bp.get("/api/queue")
    @requires_role("agent")
    async def queue(request: Request, account: Account):
        now, titles = _now(), _titles()
        entries = []
        for entry in open_queue(config, now):
            h = entry.handoff
            entries.append({
                "id": h.id, "channel": h.channel, "reason": h.reason, "topic": h.topic, "status": h.status,
                "position": entry.position, "priority": h.priority,
                "requested_at": _iso(h.requested_at),
                "waited_seconds": int((now - aware(h.requested_at)).total_seconds()),
                "deadline": _iso(entry.deadline), "seconds_left": entry.seconds_left,
                "due_label": due_label(entry.deadline, config, now), **_readable(h, titles),
                "agent": h.agent.display_name if h.agent else None, "mine": h.agent_id == account.id,
                "person_left": entry.person_left,
            })
        return response.json({"entries": entries, "agents_present": present_agents(),
                              "present": is_present(account.id)})

    @bp.post("/api/presence")
    @requires_role("agent")
    async def presence(request: Request, account: Account):
        set_presence(account.id, bool(_body(request).get("present")))
        return response.json({"present": is_present(account.id), "agents_present": present_agents()})

    @bp.post("/api/handoffs/<handoff_id:int>/take")
    @requires_role("agent")
    async def take_over(request: Request, account: Account, handoff_id: int):
        try:
            handoff = take(handoff_id, account.id, actor(account), config=config)
        except HandoffError as refused:
            return _error(str(refused), 409)
        try:
            # Paused again: a session that expired meanwhile must not hand the person back to the bot.
            await rasa.append(handoff.conversation_id, [
                {"event": "pause"},
                {"event": "bot", "text": agent_joined(account.display_name, config), "metadata": {"system": "taken"}},
            ])
        except RasaUnavailable as error:
            return _error(f"Prise en charge enregistrée, mais message non envoyé ({error}).", 502)
        return response.json({"id": handoff.id, "status": handoff.status})

    @bp.get("/api/handoffs/<handoff_id:int>")
    @requires_role("agent")
    async def conversation(request: Request, account: Account, handoff_id: int):
        handoff = get_handoff(handoff_id)
        if handoff is None:
            return _error("Demande introuvable.", 404)
        try:
            events = await rasa.events(handoff.conversation_id)
        except RasaUnavailable as error:
            return _error(f"Conversation momentanément illisible ({error}).", 502)
        window = messenger_window(handoff.channel, last_person_message_at(events), config, _now())
        return response.json({
            "id": handoff.id, "status": handoff.status, "channel": handoff.channel, "reason": handoff.reason,
            "topic": handoff.topic, "mine": handoff.agent_id == account.id and handoff.status == ACTIVE,
            "requested_at": _iso(handoff.requested_at), **_readable(handoff, _titles()),
            # Shown by the console as text; control and direction characters made visible first.
            "lines": [{**line.as_dict(), "text": displayable(line.text)} for line in transcript(events)],
            "warning": window.warning, "can_send": window.can_send,
            "notes": [{"at": _iso(n.at), "author": n.actor.partition(":")[2], "text": displayable(n.detail)}
                      for n in notes(handoff.id)],
        })

    @bp.get("/api/answers")
    @requires_role("agent")
    async def answer_templates(request: Request, account: Account):
        query = (request.args.get("q") or "").lower()
        found = [a for a in answers() if query in a["title"].lower() or query in a["text"].lower()]
        return response.json({"answers": found[:20]})

    @bp.post("/api/handoffs/<handoff_id:int>/reply")
    @requires_role("agent")
    async def reply(request: Request, account: Account, handoff_id: int):
        text = _body(request).get("text")
        text = text.strip() if isinstance(text, str) else ""
        if not text:
            return _error("Le message est vide.", 400)
        if len(text) > MAX_REPLY_CHARACTERS:
            return _error(f"Message trop long ({MAX_REPLY_CHARACTERS} caractères au plus).", 400)
        handoff = get_handoff(handoff_id)
        if handoff is None or handoff.status != ACTIVE or handoff.agent_id != account.id:
            return _error("Vous ne tenez pas cette conversation (elle a été fermée ou reprise).", 409)
        try:
            events = await rasa.events(handoff.conversation_id)
            window = messenger_window(handoff.channel, last_person_message_at(events), config, _now())
            if not window.can_send:
                return _error(window.warning, 409)
            metadata: Dict[str, Any] = {"agent": account.display_name}
            if window.tag:
                metadata["messenger_tag"] = window.tag
            # Agents' words are masked too (but their own name): nothing lands in the tracker store in clear.
            masked = await asyncio.to_thread(mask_agent_text, text, account)
            await rasa.append(handoff.conversation_id, [{"event": "bot", "text": masked, "metadata": metadata}])
        except RasaUnavailable as error:
            return _error(f"Message non envoyé, réessayez ({error}).", 502)
        try:
            record_agent_reply(handoff_id, account.id, actor(account), config)
        except HandoffError as refused:
            return _error(str(refused), 409)
        return response.json({"sent": True})

    @bp.get("/api/colleagues")
    @requires_role("agent")
    async def colleague_list(request: Request, account: Account):
        return response.json({"colleagues": [{"id": user.id, "name": user.display_name, "present": user.present}
                                             for user in colleagues(account.id)]})

    @bp.post("/api/handoffs/<handoff_id:int>/release")
    @requires_role("agent")
    async def transfer_back(request: Request, account: Account, handoff_id: int):
        branch = _body(request).get("branch") or None
        if branch is not None and branch not in labels.BRANCHES:
            return _error("Service inconnu.", 400)
        try:
            handoff = release(handoff_id, account.id, actor(account), branch, await _masked_note(request, account))
        except NoteTooLong as refused:
            return _error(str(refused), 400)
        except HandoffError as refused:
            return _error(str(refused), 409)
        return response.json({"id": handoff.id, "status": handoff.status})

    @bp.post("/api/handoffs/<handoff_id:int>/transfer")
    @requires_role("agent")
    async def transfer_to_colleague(request: Request, account: Account, handoff_id: int):
        colleague = _body(request).get("to")
        if not isinstance(colleague, int):
            return _error("Choisissez le collègue.", 400)
        try:
            handoff, name = transfer(handoff_id, account.id, actor(account), colleague,
                                     await _masked_note(request, account))
        except NoteTooLong as refused:
            return _error(str(refused), 400)
        except HandoffError as refused:
            return _error(str(refused), 409)
        try:
            await rasa.append(handoff.conversation_id, [
                {"event": "bot", "text": colleague_took_over(name, config), "metadata": {"system": "taken"}},
            ])
        except RasaUnavailable as error:
            return _error(f"Transfert enregistré, mais message non envoyé ({error}).", 502)
        return response.json({"id": handoff.id, "status": handoff.status})

    @bp.post("/api/handoffs/<handoff_id:int>/close")
    @requires_role("agent")
    async def close_handoff(request: Request, account: Account, handoff_id: int):
        outcome = _body(request).get("outcome") or ""
        if outcome not in OUTCOMES:
            return _error("Choisissez l'issue de la demande.", 400)
        try:
            handoff = close(handoff_id, account.id, actor(account), outcome, config)
        except HandoffError as refused:
            return _error(str(refused), 409)
        try:
            await rasa.append(handoff.conversation_id, [
                {"event": "resume"},
                {"event": "bot", "text": back_with_assistant(config), "metadata": {"system": "closed"}},
                {"event": "action", "name": "action_listen"},
            ])
        except RasaUnavailable as error:
            return _error(f"Demande fermée, mais l'assistant n'a pas repris la main ({error}).", 502)
        return response.json({"id": handoff.id, "status": handoff.status})

    return bp
