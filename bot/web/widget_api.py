"""What the chat widget asks our server: the conversation so far when the page is reloaded (the
masked transcript from Rasa's tracker store, so the browser never keeps personal data in clear),
and who answers now (`status`): the assistant, the queue (place and expected time), an agent, or
nobody during a moderation suspension (and until when), so the widget never shows a status
nobody keeps (a typing indicator while no one types, a queue banner once an agent is there).
Keyed by the conversation id, and answered only with its proof (header X-Conversation-Proof,
`bot.channels.ownership`): the same 403 whether the conversation exists or not."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List

from sanic import Blueprint, response
from sanic.request import Request

from bot import texts
from bot.channels import ownership
from bot.config import CaisseConfig
from bot.handoff.announcement import french_moment, wait_status
from bot.handoff.queue import open_handoff
from bot.handoff.records import WAITING
from bot.handoff.service import HandoffService, wait_estimate
from bot.handoff.transcript import Line, transcript
from bot.moderation.flags import block_end
from bot.storage import aware
from bot.web.rasa_api import RasaApi, RasaUnavailable


def widget_history(lines: List[Line]) -> List[Dict[str, Any]]:
    """The transcript as the widget shows it: bot texts in paragraphs (as Rasa's socket.io
    channel sends them), a clicked button as its title, buttons already answered disabled."""
    messages: List[Dict[str, Any]] = []
    offered: Dict[str, str] = {}
    for line in lines:
        if line.author == "person":
            text = offered.get(line.text, line.text)
            if text.startswith("/"):
                continue  # an intent typed by hand or sent by the page: not a sentence to show
            if messages and messages[-1]["buttons"]:
                messages[-1]["answered"] = True
            messages.append({"from": "user", "text": text, "buttons": []})
            continue
        parts = line.text.strip().split("\n\n")
        for index, part in enumerate(parts):
            buttons = line.buttons if index == len(parts) - 1 else []
            messages.append({"from": line.author, "text": part, "name": line.name, "buttons": buttons})
        offered = {button["payload"]: button["title"] for button in line.buttons} or offered
    return messages


TODAY = "aujourd'hui à "


def suspension_status(until: datetime, config: CaisseConfig, now: datetime) -> str:
    """« Conversation suspendue jusqu'à 19 h 42 », and where to turn meanwhile."""
    return texts.text("widget.suspended", config, heure=french_moment(until, config, now).removeprefix(TODAY))


def widget_blueprint(config: CaisseConfig, rasa: RasaApi, handoffs: HandoffService) -> Blueprint:
    ownership.secret()  # no secret: the server does not start
    texts.check()  # nor with a broken config/textes.yml
    bp = Blueprint("widget_api", url_prefix="/api/public")

    @bp.middleware("request")
    async def require_proof(request: Request):
        conversation_id = (request.match_info or {}).get("conversation_id")
        if not ownership.is_proved(conversation_id, request.headers.get(ownership.PROOF_HEADER)):
            return response.json({"error": ownership.NOT_PROVED}, status=403)
        return None

    @bp.get("/conversations/<conversation_id:str>/history")
    async def history(request: Request, conversation_id: str):
        try:
            events = await rasa.events(conversation_id)
        except RasaUnavailable:
            return response.json({"messages": []}, status=502)
        return response.json({"messages": widget_history(transcript(events))})

    @bp.post("/conversations/<conversation_id:str>/end")
    async def end(request: Request, conversation_id: str):
        """The person pressed "Terminer et effacer": an agent who holds or will take the request is told."""
        await handoffs.person_left(conversation_id)
        return response.json({"ended": True})

    @bp.get("/handoff/<conversation_id:str>")
    async def handoff_status(request: Request, conversation_id: str):
        now = datetime.now(timezone.utc)
        suspended_until = aware(block_end(conversation_id, now))
        if suspended_until is not None:
            return response.json({"status": "suspended", "until": suspended_until.isoformat(),
                                  "text": suspension_status(suspended_until, config, now)})
        handoff = open_handoff(conversation_id)
        if handoff is None:
            return response.json({"status": "none"})
        if handoff.status != WAITING:
            return response.json({"status": handoff.status, "text": texts.text("widget.agent_answering", config)})
        estimate = wait_estimate(handoff, config, now)
        return response.json({"status": WAITING, **estimate.as_dict(), "text": wait_status(estimate, config, now)})

    return bp
