"""A stand-in for the part of Rasa's HTTP API our web server calls (`bot.web.rasa_api`): read a
conversation's tracker, append events to it. A real HTTP server on loopback, in a thread with its
own event loop, so both async tests and a web server in another process can call it; it keeps
every conversation's events and every append with its query parameters."""
from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from typing import Any, Dict, List

from aiohttp import web

TOKEN = "jeton-rasa-essai"


class RasaHttpStandIn:
    def __init__(self) -> None:
        self.events: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
        self.appends: List[Dict[str, Any]] = []  # {"conversation", "events", "params"}
        self.down = False  # True: every call answers 503, as a Rasa that is restarting
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def appended_to(self, conversation_id: str) -> List[List[Dict[str, Any]]]:
        return [call["events"] for call in self.appends if call["conversation"] == conversation_id]

    async def _tracker(self, request: web.Request) -> web.Response:
        refusal = self._refusal(request)
        if refusal is not None:  # a response is a (here empty) mapping: falsy
            return refusal
        conversation_id = request.match_info["conversation_id"]
        return web.json_response({"sender_id": conversation_id, "events": self.events[conversation_id]})

    async def _append(self, request: web.Request) -> web.Response:
        refusal = self._refusal(request)
        if refusal is not None:  # a response is a (here empty) mapping: falsy
            return refusal
        conversation_id, events = request.match_info["conversation_id"], await request.json()
        self.events[conversation_id].extend(events)
        self.appends.append({"conversation": conversation_id, "events": events, "params": dict(request.query)})
        return web.json_response({"sender_id": conversation_id, "events": self.events[conversation_id]})

    def _refusal(self, request: web.Request):
        if self.down:
            return web.json_response({"status": "failure"}, status=503)
        if request.query.get("token") != TOKEN:
            return web.json_response({"status": "failure", "reason": "NotAuthenticated"}, status=401)
        return None

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_get("/conversations/{conversation_id}/tracker", self._tracker)
        app.router.add_post("/conversations/{conversation_id}/tracker/events", self._append)
        runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(runner.cleanup())

    def __enter__(self) -> "RasaHttpStandIn":
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *_: Any) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
