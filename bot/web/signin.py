"""Sign-in and sign-out of the back office; each role lands on its own area."""
from __future__ import annotations

import asyncio
import secrets

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import SignInRefused, account_for, sign_in, sign_out
from bot.backoffice.accounts import MAX_USERNAME_CHARACTERS, prepare_sign_in
from bot.web.security import SESSION_COOKIE, client_address, csrf_ok

LOGIN_CSRF_COOKIE = "caisse_login_csrf"
HOME_BY_ROLE = (("agent", "/conseiller"), ("manager", "/pilotage"), ("editor", "/modeles"),
                ("validator", "/modeles"), ("moderator", "/moderation"))


def _safe_next(target: str) -> str:
    """Only paths of this site: no open redirect to another host."""
    return target if target.startswith("/") and not target.startswith("//") else ""


def _set_cookie(reply: response.HTTPResponse, name: str, value: str, secure: bool) -> None:
    reply.cookies[name] = value
    reply.cookies[name]["httponly"] = True
    reply.cookies[name]["samesite"] = "Strict"
    reply.cookies[name]["path"] = "/"
    if secure:
        reply.cookies[name]["secure"] = True


bp = Blueprint("signin")


def form(request: Request, error: str = "", status: int = 200) -> response.HTTPResponse:
    token = secrets.token_urlsafe(24)
    posted = request.method == "POST" and request.form
    source = request.form if posted else request.args
    reply = request.app.ctx.pages.render(
        "backoffice/login.html", status=status, error=error, csrf_token=token,
        next=_safe_next(source.get("suite", "")),
        username=request.form.get("username", "")[:MAX_USERNAME_CHARACTERS] if posted else "")
    _set_cookie(reply, LOGIN_CSRF_COOKIE, token, request.app.ctx.secure_cookies)
    return reply


@bp.listener("after_server_start")
async def prepare(_app, _loop) -> None:
    await asyncio.to_thread(prepare_sign_in)


@bp.get("/connexion")
async def login_page(request: Request):
    return form(request)


@bp.post("/connexion")
async def login(request: Request):
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not csrf_ok(request, expected):
        return form(request, "La page a expiré : merci de vous reconnecter.", status=403)
    try:
        # Argon2 and the database in a worker thread: the event loop keeps serving meanwhile.
        token = await asyncio.to_thread(sign_in, request.form.get("username", "").strip(),
                                        request.form.get("password", ""), client_address(request))
    except SignInRefused as refused:
        return form(request, str(refused), status=401)
    account = await asyncio.to_thread(account_for, token)
    home = next((path for role, path in HOME_BY_ROLE if account.has_role(role)), "/")
    reply = response.redirect(_safe_next(request.form.get("suite", "")) or home)
    _set_cookie(reply, SESSION_COOKIE, token, request.app.ctx.secure_cookies)
    del reply.cookies[LOGIN_CSRF_COOKIE]
    return reply


@bp.post("/deconnexion")
async def logout(request: Request):
    """Ends the server session whenever its cookie comes, CSRF token or not: the cookie is
    SameSite=Strict, so another site cannot make a browser send it, and the worst a forged
    sign-out could do is what the person asked for anyway."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await asyncio.to_thread(sign_out, token)
    reply = response.redirect("/connexion")
    del reply.cookies[SESSION_COOKIE]
    return reply
