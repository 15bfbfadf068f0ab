"""Command line of the assistant: `python -m bot <command>`."""
from __future__ import annotations

import argparse
import sys
from typing import List, Optional


def _web(args: argparse.Namespace) -> int:
    from bot.web import create_app

    create_app().run(host=args.host, port=args.port, access_log=False, motd=False)
    return 0


def _run(_: argparse.Namespace) -> int:
    from bot.runner import run

    return run()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Assistant de la caisse")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="lance Rasa, le serveur d'actions et le site").set_defaults(func=_run)
    web = commands.add_parser("web", help="lance seulement le site de la caisse (page et widget)")
    web.add_argument("--host", default="127.0.0.1")
    web.add_argument("--port", type=int, default=8000)
    web.set_defaults(func=_web)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
