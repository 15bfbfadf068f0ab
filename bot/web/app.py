"""Sanic application factory (Sanic is already Rasa's web framework: no second stack to learn)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic, response
from sanic.request import Request

from bot.config import PROJECT_ROOT, CaisseConfig, get_config

HERE = Path(__file__).resolve().parent
SOCKET_IO_CLIENT = PROJECT_ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"


def create_app(config: Optional[CaisseConfig] = None, rasa_url: Optional[str] = None) -> Sanic:
    config = config or get_config()
    rasa_url = rasa_url or os.environ.get("RASA_PUBLIC_URL", "http://localhost:5005")
    app = Sanic(f"caisse_web_{id(config)}")
    pages = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape())

    def render(name: str, **context) -> response.HTTPResponse:
        html = pages.get_template(name).render(caisse=config, rasa_url=rasa_url, **context)
        return response.html(html)

    @app.get("/")
    async def home(_: Request):
        return render("index.html")

    @app.get(config.charter_path)
    async def charter(_: Request):
        return render("charte.html")

    @app.get("/healthz")
    async def health(_: Request):
        return response.json({"status": "ok"})

    @app.get("/vendor/socket.io.min.js")
    async def socket_io_client(_: Request):
        if not SOCKET_IO_CLIENT.exists():
            return response.text("socket.io-client manquant : lancez `make setup`.", status=503)
        return await response.file(SOCKET_IO_CLIENT, mime_type="application/javascript")

    app.static("/static", str(HERE / "static"))
    return app
