"""The agents' console: the queue, take-over, the masked conversation, replies, transfer, close.

The page polls this JSON API every few seconds; all state lives in our database and in Rasa's
tracker store, so a restart of any server loses nothing an agent or a person wrote. Each step is
one call of the handoff service (`bot.handoff.service`); the routes only read the request and
shape the answer. Their dependencies are the application's (`app.ctx`: `pages`, `config`, `rasa`,
`handoffs`), set by `bot.web.app`.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Dict, List, Optional

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import Account, is_present, present_agents, set_presence
from bot.config import CaisseConfig
from bot.handoff.announcement import french_moment
from bot.handoff.queue import HandoffError, aware, colleagues, get_handoff, notes, open_queue
from bot.handoff.records import ACTIVE, OUTCOMES, Handoff
from bot.handoff.service import InvalidText, NotDelivered
from bot.handoff.transcript import last_person_message_at, messenger_window, transcript
from bot.indicators import labels
from bot.templates.responses import template_text
from bot.templates.versions import current_templates
from bot.web.pages import displayable
from bot.web.rasa_api import RasaUnavailable
from bot.web.security import requires_role

bp = Blueprint("console", url_prefix="/conseiller")


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


def _error(message: str, status: int) -> response.HTTPResponse:
    return response.json({"error": message}, status=status)


def _answers(config: CaisseConfig) -> List[Dict[str, Any]]:
    """The texts the assistant gives now: the templates as published in the back office."""
    return [{"id": t.id, "title": t.title, "branch": t.branch, "text": template_text(t, config)}
            for t in sorted(current_templates(), key=lambda t: t.title)]


def _status(handoff: Handoff) -> Dict[str, Any]:
    return {"id": handoff.id, "status": handoff.status}


async def _step(call: Awaitable[Any], answer: Callable[[Any], Dict[str, Any]] = _status) -> response.HTTPResponse:
    """A step of the handoff service: its answer, or why the agent's action did not go through."""
    try:
        done = await call
    except InvalidText as refused:
        return _error(str(refused), 400)
    except HandoffError as refused:
        return _error(str(refused), 409)
    except NotDelivered as error:
        return _error(str(error), 502)
    return response.json(answer(done))


@bp.get("/")
@requires_role("agent")
async def console_page(request: Request, account: Account):
    return request.app.ctx.pages.render("backoffice/console.html", account=account, outcomes=labels.OUTCOMES,
                                        reasons=labels.REASONS, channels=labels.CHANNELS, branches=labels.BRANCHES)


@bp.get("/api/queue")
@requires_role("agent")
async def queue(request: Request, account: Account):
    config, now, titles = request.app.ctx.config, _now(), _titles()
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
    return await _step(request.app.ctx.handoffs.take(handoff_id, account))


@bp.get("/api/handoffs/<handoff_id:int>")
@requires_role("agent")
async def conversation(request: Request, account: Account, handoff_id: int):
    handoff = get_handoff(handoff_id)
    if handoff is None:
        return _error("Demande introuvable.", 404)
    try:
        events = await request.app.ctx.rasa.events(handoff.conversation_id)
    except RasaUnavailable as error:
        return _error(f"Conversation momentanément illisible ({error}).", 502)
    window = messenger_window(handoff.channel, last_person_message_at(events), request.app.ctx.config, _now())
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
    found = [a for a in _answers(request.app.ctx.config)
             if query in a["title"].lower() or query in a["text"].lower()]
    return response.json({"answers": found[:20]})


@bp.post("/api/handoffs/<handoff_id:int>/reply")
@requires_role("agent")
async def reply(request: Request, account: Account, handoff_id: int):
    return await _step(request.app.ctx.handoffs.reply(handoff_id, account, _body(request).get("text")),
                       lambda _: {"sent": True})


@bp.get("/api/colleagues")
@requires_role("agent")
async def colleague_list(request: Request, account: Account):
    return response.json({"colleagues": [{"id": user.id, "name": user.display_name, "present": user.present}
                                         for user in colleagues(account.id)]})


@bp.post("/api/handoffs/<handoff_id:int>/release")
@requires_role("agent")
async def transfer_back(request: Request, account: Account, handoff_id: int):
    body = _body(request)
    branch = body.get("branch") or None
    if branch is not None and branch not in labels.BRANCHES:
        return _error("Service inconnu.", 400)
    return await _step(request.app.ctx.handoffs.release(handoff_id, account, branch, body.get("note")))


@bp.post("/api/handoffs/<handoff_id:int>/transfer")
@requires_role("agent")
async def transfer_to_colleague(request: Request, account: Account, handoff_id: int):
    body = _body(request)
    colleague = body.get("to")
    if not isinstance(colleague, int):
        return _error("Choisissez le collègue.", 400)
    return await _step(request.app.ctx.handoffs.transfer(handoff_id, account, colleague, body.get("note")))


@bp.post("/api/handoffs/<handoff_id:int>/close")
@requires_role("agent")
async def close_handoff(request: Request, account: Account, handoff_id: int):
    outcome = _body(request).get("outcome") or ""
    if outcome not in OUTCOMES:
        return _error("Choisissez l'issue de la demande.", 400)
    return await _step(request.app.ctx.handoffs.close(handoff_id, account, outcome))
