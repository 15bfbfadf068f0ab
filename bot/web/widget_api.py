"""What the chat widget asks our server while a person waits for an agent: their place in the
queue and the expected wait, refreshed. Keyed by the conversation id, a random value only the
person's browser knows; no message content is returned."""
from __future__ import annotations

from datetime import datetime, timezone

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import present_agents
from bot.config import CaisseConfig
from bot.handoff.announcement import estimate_wait, wait_status
from bot.handoff.queue import open_handoff, queue_position
from bot.handoff.records import WAITING


def widget_blueprint(config: CaisseConfig) -> Blueprint:
    bp = Blueprint("widget_api", url_prefix="/api/public")

    @bp.get("/handoff/<conversation_id:str>")
    async def handoff_status(request: Request, conversation_id: str):
        handoff = open_handoff(conversation_id[:255])
        if handoff is None:
            return response.json({"status": "none"})
        if handoff.status != WAITING:
            return response.json({"status": handoff.status, "text": "Un conseiller vous répond."})
        now = datetime.now(timezone.utc)
        estimate = estimate_wait(queue_position(handoff), present_agents(), config, now)
        return response.json({"status": WAITING, **estimate.as_dict(), "text": wait_status(estimate, config, now)})

    return bp
