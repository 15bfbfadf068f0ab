"""The Graph API calls the assistant makes on the caisse's page comments: hide a comment, answer
it publicly, answer its author privately (Messenger's private replies).

FB_GRAPH_API_URL (default Meta's, pinned version) and FB_PAGE_ACCESS_TOKEN come from the
environment, as for Messenger. The token travels in the Authorization header, so that no URL
holds it. A call failing on the network, with a 5xx or a 429 (Meta's rate limit) is tried again
with exponential back-off (`aiohttp_retry`), a bounded number of times: a comment left visible
with a social-security number is worth a few seconds of retries. When it finally fails, the
error is logged with the operation and the HTTP status only (never the comment's text or id of
its author), and the caller decides what to do (the comment goes to the agents).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, Optional

import aiohttp
from aiohttp_retry import ExponentialRetry, RetryClient

from bot.settings import get_settings

logger = logging.getLogger(__name__)

DEFAULT_URL = "https://graph.facebook.com/v19.0"
TRIES = 4  # the first call and three retries: 0.5 s, 1 s, 2 s apart
FIRST_DELAY = 0.5
TIMEOUT = aiohttp.ClientTimeout(total=10)


class GraphApi:
    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, tries: int = TRIES,
                 first_delay: float = FIRST_DELAY) -> None:
        settings = get_settings()
        self.url = (url or settings.fb_graph_api_url or DEFAULT_URL).rstrip("/")
        self._token = token if token is not None else settings.fb_page_access_token.get_secret_value()
        self._retry = ExponentialRetry(attempts=tries, start_timeout=first_delay, factor=2.0, statuses={429},
                                       exceptions={aiohttp.ClientError, asyncio.TimeoutError})

    async def _post(self, operation: str, path: str, body: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        """Meta's JSON answer, or None when the call failed after every try (logged)."""
        headers = {"Authorization": f"Bearer {self._token}"}
        try:
            async with RetryClient(retry_options=self._retry, timeout=TIMEOUT) as client:
                async with client.post(f"{self.url}/{path}", json=body, headers=headers) as answer:
                    if answer.status < 400:
                        return await answer.json(content_type=None)
                    status = str(answer.status)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            status = type(error).__name__
        logger.error("Graph API : échec de l'appel « %s » après %d essais (%s).", operation,
                     self._retry.attempts, status)
        return None

    async def hide_comment(self, comment_id: str, field: str = "is_hidden") -> bool:
        """`field`: `is_hidden` for a page's comment, `hide` for an Instagram one."""
        answer = await self._post("masquer un commentaire", comment_id, {field: True})
        return bool(answer and answer.get("success"))

    async def reply_publicly(self, comment_id: str, text: str, edge: str = "comments") -> Optional[str]:
        """The id of the reply posted under the comment, None when it could not be posted
        (`edge`: `comments` on a page, `replies` on Instagram)."""
        answer = await self._post("réponse publique", f"{comment_id}/{edge}", {"message": text})
        return (answer or {}).get("id")

    async def reply_privately(self, page_id: str, comment_id: str, text: str) -> bool:
        """Messenger's private reply to a comment's author (one per comment, within 7 days)."""
        answer = await self._post("réponse privée", f"{page_id}/messages",
                                  {"recipient": {"comment_id": comment_id}, "message": {"text": text}})
        return bool(answer and (answer.get("message_id") or answer.get("recipient_id")))
