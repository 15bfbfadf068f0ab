"""POST /nlg: Rasa's NLG endpoint (endpoints.yml `nlg.url`), answering with the live texts.

It only returns public answer texts, so it needs no sign-in. An unknown response name is a 404:
Rasa's side (`LiveOrModelGenerator`) then uses the copy in its model.
"""
from __future__ import annotations

import asyncio

from sanic import Blueprint, response
from sanic.request import Request

from bot.templates.nlg import LiveResponses, UnknownResponse


def nlg_blueprint(live: LiveResponses) -> Blueprint:
    bp = Blueprint("nlg")

    @bp.post("/nlg")
    async def nlg(request: Request):
        body = request.json or {}
        try:
            # The database query and a rebuild after a publication are blocking work.
            message = await asyncio.get_running_loop().run_in_executor(None, live.generate, body)
        except UnknownResponse as unknown:
            return response.json({"error": f"réponse inconnue : {unknown}"}, status=404)
        return response.json(message)

    return bp
