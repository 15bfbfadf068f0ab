"""Our web server: the caisse's demo page with the chat widget, and the usage charter."""
from bot.web.app import create_app

__all__ = ["create_app"]
