"""Entry points of the Rasa server and of the action server, as started by tools/run.py and
tools/production.py: `python -m bot.serve rasa <rasa run options>` and
`python -m bot.serve actions --interface 127.0.0.1 --port 5055`.

Secrets come from the environment, never from the command line, which any local account reads
(`ps`, /proc/<pid>/cmdline): the Rasa launcher adds `--auth-token` from RASA_AUTH_TOKEN inside its
own process before handing over to Rasa's command line. The action server (rasa_sdk's app) has no
authentication and its command (`rasa run actions`) binds every interface; ours binds the one
given and refuses any call without the shared secret that Rasa sends (endpoints.yml).
"""
from __future__ import annotations

import argparse
import hmac
import logging
import sys
from typing import List

from bot.settings import DEFAULT_INTERFACE, SettingsError, get_settings

# Rasa sends it with each action call (endpoints*.yml, `action_endpoint.headers`).
ACTION_TOKEN_HEADER = "X-Action-Token"


def internal_interface() -> str:
    """Where the servers behind the public doors listen: loopback unless INTERNAL_INTERFACE names
    a private address."""
    return get_settings().internal_interface


def _secret(name: str) -> str:
    value = getattr(get_settings(), name.lower()).get_secret_value()
    if not value:
        sys.exit(f"ERREUR : la variable d'environnement {name} est vide ; lancez l'assistant avec "
                 "`make run` ou `make prod`, qui la fixent.")
    return value


def rasa_server(argv: List[str]) -> None:
    """`rasa run` with the API token of the environment, in this process (ps shows only argv)."""
    from rasa.__main__ import main

    sys.argv = rasa_run_argv(argv, _secret("RASA_AUTH_TOKEN"))
    main()


def rasa_run_argv(argv: List[str], token: str) -> List[str]:
    """The token joined to its option: a random token may start with "-" (one in 64), which
    argparse would read as the next option and Rasa refuse to start."""
    return ["rasa", "run", *argv, f"--auth-token={token}"]


def create_action_app(package: str, token: str):
    """rasa_sdk's app, without CORS (only Rasa calls it), closed to calls without the secret;
    /health stays open for the supervisors' readiness checks."""
    from rasa_sdk.endpoint import create_app
    from sanic import response

    app = create_app(package, cors_origins=None)
    expected = token.encode()

    @app.middleware("request")
    async def require_token(request):
        if request.path == "/health":
            return None
        given = request.headers.get(ACTION_TOKEN_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "unauthorized"}, status=401)
        return None

    return app


def action_server(argv: List[str]) -> None:
    from rasa_sdk import utils

    parser = argparse.ArgumentParser(prog="python -m bot.serve actions")
    parser.add_argument("--interface", default=internal_interface())
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    app = create_action_app(args.actions, _secret("ACTION_SERVER_TOKEN"))
    utils.configure_colored_logging(logging.INFO)
    utils.update_sanic_log_level()
    app.run(args.interface, args.port, workers=utils.number_of_sanic_workers())


def main(argv: List[str]) -> None:
    servers = {"rasa": rasa_server, "actions": action_server}
    if not argv or argv[0] not in servers:
        sys.exit("usage : python -m bot.serve {rasa|actions} [options]")
    try:
        get_settings()  # a value that cannot be used stops the server now, not at the first message
    except SettingsError as error:
        sys.exit(f"ERREUR : {error}")
    servers[argv[0]](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
