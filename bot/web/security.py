"""Back-office guards: who is signed in, which role a page needs, CSRF, security headers.

Roles are checked on the server for every page and every API call; the browser only hides
what a person cannot use. Unsafe methods need the session's CSRF token (header or form field).
"""
from __future__ import annotations

import secrets
from functools import wraps
from typing import Callable, Optional
from urllib.parse import quote

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
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


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
            account = current_account(request)
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


def add_security_headers(request: Request, reply: response.HTTPResponse) -> None:
    for name, value in COMMON_HEADERS.items():
        reply.headers.setdefault(name, value)
    if request.path.startswith(BACKOFFICE_PREFIXES):
        reply.headers.setdefault("Content-Security-Policy", BACKOFFICE_CSP)
        reply.headers.setdefault("Cache-Control", "no-store")
