"""The few calls the back office makes to Rasa's HTTP API (`--enable-api`, token auth).

Agent replies and the end of a handoff are tracker events appended with Rasa's own endpoint,
delivered by the channel the person last used (`output_channel=latest`): the same path as the
bot's messages, so the web widget and Messenger need nothing special, and the transcript stays
in the tracker store.
"""
from __future__ import annotations

from typing import Any, Dict, List
from urllib.parse import quote

import aiohttp

from bot.settings import get_settings

TIMEOUT = aiohttp.ClientTimeout(total=15)


class RasaUnavailable(RuntimeError):
    """Rasa did not answer: the agent is told to try again."""


class RasaApi:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token

    @classmethod
    def from_environment(cls) -> "RasaApi":
        settings = get_settings()
        return cls(settings.rasa_api_url, settings.rasa_auth_token.get_secret_value())

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        params = {**kwargs.pop("params", {}), "token": self.token}
        url = f"{self.base_url}/conversations/{quote(path, safe='/')}"
        try:
            async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
                async with session.request(method, url, params=params, **kwargs) as answer:
                    if answer.status >= 400:
                        raise RasaUnavailable(f"Rasa a répondu {answer.status}")
                    return await answer.json()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise RasaUnavailable(f"Rasa injoignable : {error}") from error

    async def events(self, conversation_id: str) -> List[Dict[str, Any]]:
        tracker = await self._call("GET", f"{conversation_id}/tracker", params={"include_events": "ALL"})
        return tracker.get("events") or []

    async def append(self, conversation_id: str, events: List[Dict[str, Any]]) -> None:
        """Appends events and sends the bot messages among them to the person's channel."""
        await self._call("POST", f"{conversation_id}/tracker/events", json=events,
                         params={"output_channel": "latest", "execute_side_effects": "true"})
