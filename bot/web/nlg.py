"""POST /nlg: Rasa's NLG endpoint (endpoints.yml `nlg.url`), answering with the live texts.

It only returns public answer texts, so it needs no sign-in. An unknown response name is a 404:
Rasa's side (`LiveOrModelGenerator`) then uses the copy in its model. The live responses are
`app.ctx.live` (`bot.templates.nlg.LiveResponses`), built by `create_app`.
"""
from __future__ import annotations

import asyncio
import threading

from sanic import Blueprint, response
from sanic.request import Request

from bot.templates.nlg import UnknownResponse

bp = Blueprint("nlg")


@bp.listener("after_server_start")
async def warm_up(app, _loop) -> None:
    """The responses are built once at start, in a thread: Rasa's first call is not the slow one."""
    threading.Thread(target=app.ctx.live.warm_up, daemon=True, name="nlg-warm-up").start()


@bp.post("/nlg")
async def nlg(request: Request):
    body = request.json or {}
    try:
        # The database query and a rebuild after a publication are blocking work. The loop's
        # default executor: the back office's heavy pages have a pool of their own (bot.web.offload).
        message = await asyncio.get_running_loop().run_in_executor(None, request.app.ctx.live.generate, body)
    except UnknownResponse as unknown:
        return response.json({"error": f"réponse inconnue : {unknown}"}, status=404)
    return response.json(message)
