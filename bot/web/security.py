"""Back-office guards: who is signed in, which role a page needs, CSRF, security headers.

Roles are checked on the server for every page and every API call; the browser only hides
what a person cannot use. Unsafe methods need the session's CSRF token (header or form field).
Sizes are checked before any handler runs: one oversized field must not keep the event loop
(and with it the console and Rasa's /nlg calls) busy for seconds.
"""
from __future__ import annotations

import asyncio
import ipaddress
import secrets
from functools import wraps
from typing import Callable, Optional
from urllib.parse import quote, urlsplit

from sanic import response
from sanic.request import Request

from bot.backoffice import Account, account_for

SESSION_COOKIE = "caisse_backoffice"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Every back-office area lives under one of these paths (pages and their /api/ calls).
BACKOFFICE_PREFIXES = ("/connexion", "/deconnexion", "/conseiller", "/pilotage", "/modeles", "/moderation")
BACKOFFICE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
# Whole requests to this server (Rasa's /nlg calls carry the conversation: generous), then the
# back office's bodies, form fields and query parameters (the longest field is a template's examples).
REQUEST_MAX_SIZE = 10 * 1024 * 1024
MAX_BACKOFFICE_BODY = 256 * 1024
MAX_FORM_FIELD = 8000
MAX_QUERY_VALUE = 1000
MAX_QUERY_VALUES = 50
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def client_address(request: Request) -> str:
    """The address a request comes from. Behind the production nginx (a loopback peer), the last
    X-Forwarded-For entry, the one nginx appended (earlier ones are whatever the client sent)."""
    peer = request.ip
    try:
        behind_proxy = ipaddress.ip_address(peer).is_loopback
    except ValueError:
        return peer
    forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
    if behind_proxy and forwarded:
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return peer


def oversized(request: Request) -> Optional[str]:
    """Why a back-office request is too big to handle, in French, or None."""
    if len(request.body) > MAX_BACKOFFICE_BODY:
        return "Envoi trop volumineux."
    values = [value for values in request.args.values() for value in values]
    if len(values) > MAX_QUERY_VALUES or any(len(value) > MAX_QUERY_VALUE for value in values):
        return "Adresse trop longue : paramètre trop long ou trop nombreux."
    if request.form and any(len(value) > MAX_FORM_FIELD for values in request.form.values() for value in values):
        return f"Champ trop long ({MAX_FORM_FIELD} caractères au plus)."
    return None


def check_sizes(request: Request) -> Optional[response.HTTPResponse]:
    """Request middleware: refuses an oversized back-office request before its handler."""
    if not request.path.startswith(BACKOFFICE_PREFIXES):
        return None
    refusal = oversized(request)
    if refusal is None:
        return None
    status = 413 if len(request.body) > MAX_BACKOFFICE_BODY else 400
    return response.json({"error": refusal}, status=status) if _wants_json(request) else response.text(refusal, status=status)


def current_account(request: Request) -> Optional[Account]:
    if not hasattr(request.ctx, "account"):
        request.ctx.account = account_for(request.cookies.get(SESSION_COOKIE))
    return request.ctx.account


def csrf_ok(request: Request, expected: str) -> bool:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.form:
        sent = request.form.get(CSRF_FIELD)
    return bool(sent) and secrets.compare_digest(sent, expected)


def _wants_json(request: Request) -> bool:
    return "/api/" in request.path or "application/json" in request.headers.get("accept", "")


def requires_role(*roles: str) -> Callable:
    """Signed-in account with one of `roles` (or admin); CSRF token on unsafe methods."""

    def decorate(handler: Callable) -> Callable:
        @wraps(handler)
        async def guarded(request: Request, *args, **kwargs):
            # A database write (the session's last use) that may wait for SQLite's lock: off the loop.
            account = await asyncio.to_thread(current_account, request)
            if account is None:
                if _wants_json(request):
                    return response.json({"error": "Session expirée : reconnectez-vous."}, status=401)
                return response.redirect(f"/connexion?suite={quote(request.path)}")
            if not any(account.has_role(role) for role in roles):
                if _wants_json(request):
                    return response.json({"error": "Accès réservé."}, status=403)
                return response.text("Accès réservé.", status=403)
            if request.method in UNSAFE_METHODS and not csrf_ok(request, account.csrf_token):
                return response.json({"error": "Jeton de sécurité invalide : rechargez la page."}, status=403)
            return await handler(request, account, *args, **kwargs)

        return guarded

    return decorate


def public_csp(rasa_url: str) -> str:
    """The public pages' policy: our own scripts and styles only, and the widget's socket.io
    connection to Rasa (its HTTP long polling and its websocket)."""
    parts = urlsplit(rasa_url)
    secure = parts.scheme == "https"
    origins = f"{parts.scheme}://{parts.netloc} {'wss' if secure else 'ws'}://{parts.netloc}"
    return (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {origins}; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
            "object-src 'none'")


def security_headers(rasa_url: str) -> Callable[[Request, response.HTTPResponse], None]:
    """Response middleware: common headers everywhere, a CSP for the public pages and a stricter
    one (and no caching) for the back office."""
    public_policy = public_csp(rasa_url)

    def add(request: Request, reply: response.HTTPResponse) -> None:
        for name, value in COMMON_HEADERS.items():
            reply.headers.setdefault(name, value)
        if request.path.startswith(BACKOFFICE_PREFIXES):
            reply.headers.setdefault("Content-Security-Policy", BACKOFFICE_CSP)
            reply.headers.setdefault("Cache-Control", "no-store")
        else:
            reply.headers.setdefault("Content-Security-Policy", public_policy)

    return add
