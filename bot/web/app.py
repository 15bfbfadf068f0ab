"""Sanic application factory (Sanic is already Rasa's web framework: no second stack to learn).

The caisse's public page with the chat widget, and the back office (agents' console, and the
areas of managers, editors and moderators) behind a sign-in.
"""
from __future__ import annotations

from typing import Optional

from sanic import Sanic, response
from sanic.request import Request

from bot.channels.graph_api import GraphApi
from bot.config import PROJECT_ROOT, CaisseConfig, get_config
from bot.handoff.service import HandoffService
from bot.settings import get_settings
from bot.storage import get_engine
from bot.templates.nlg import LiveResponses
from bot.templates.retrain import Retrainer
from bot.web import comments, console, dashboard, editor, housekeeping, moderation, nlg, signin
from bot.web.offload import backoffice_pool
from bot.web.pages import Pages
from bot.web.rasa_api import RasaApi
from bot.web.security import REQUEST_MAX_SIZE, check_sizes, security_headers
from bot.web.widget_api import widget_blueprint

STATIC = PROJECT_ROOT / "bot" / "web" / "static"
SOCKET_IO_CLIENT = PROJECT_ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"


def create_app(config: Optional[CaisseConfig] = None, rasa_url: Optional[str] = None,
               rasa_api: Optional[RasaApi] = None) -> Sanic:
    config = config or get_config()
    settings = get_settings()
    rasa_url = rasa_url or settings.rasa_public_url
    rasa_api = rasa_api or RasaApi.from_environment()
    app = Sanic(f"caisse_web_{id(config)}")
    app.config.REQUEST_MAX_SIZE = REQUEST_MAX_SIZE
    pages = Pages(config, rasa_url)
    secure_cookies = settings.backoffice_secure_cookies

    @app.get("/")
    async def home(_: Request):
        return pages.render("index.html")

    @app.get(config.charter_path)
    async def charter(_: Request):
        return pages.render("charte.html")

    @app.get("/healthz")
    async def health(_: Request):
        return response.json({"status": "ok"})

    @app.get("/vendor/socket.io.min.js")
    async def socket_io_client(_: Request):
        if not SOCKET_IO_CLIENT.exists():
            return response.text("socket.io-client manquant : lancez `make setup`.", status=503)
        return await response.file(SOCKET_IO_CLIENT, mime_type="application/javascript")

    app.blueprint(signin.bp)
    app.ctx.pages, app.ctx.config, app.ctx.rasa = pages, config, rasa_api
    app.ctx.handoffs = HandoffService(config, rasa_api)
    app.blueprint(console.bp)
    app.ctx.graph = GraphApi()  # the agents' answers to comment threads
    app.blueprint(comments.bp)
    app.blueprint(widget_blueprint(config, rasa_api, app.ctx.handoffs))
    app.ctx.secure_cookies = secure_cookies
    app.ctx.retrainer = Retrainer(rasa_api.base_url, rasa_api.token)
    app.ctx.live = LiveResponses(config, get_engine)
    app.ctx.backoffice_pool = backoffice_pool()
    app.blueprint(moderation.bp)
    app.blueprint(dashboard.bp)
    app.blueprint(editor.bp)
    app.blueprint(nlg.bp)
    app.register_middleware(check_sizes, "request")
    app.register_middleware(security_headers(rasa_url), "response")
    app.static("/static", str(STATIC))

    @app.listener("after_server_start")
    async def start_housekeeping(running: Sanic, _loop) -> None:
        running.add_task(housekeeping.run_forever(running.ctx.handoffs, config))

    return app
