"""Command line of the assistant: `python -m bot <command>`."""
from __future__ import annotations

import argparse
import sys
from typing import List, Optional


def _web(args: argparse.Namespace) -> int:
    from bot.web import create_app

    create_app().run(host=args.host, port=args.port, access_log=False, motd=False)
    return 0


def _mask(args: argparse.Namespace) -> int:
    from bot.personal_data.cli import main as mask_main

    return mask_main(args.options)


def _route(_: argparse.Namespace) -> int:
    import json

    from bot.message_lines import read_messages
    from bot.nlu.router import Router

    router = Router()
    for text, echoed in read_messages(sys.stdin):
        print(json.dumps({**echoed, **router.route(text).as_dict()}, ensure_ascii=False), flush=True)
    return 0


def _db_upgrade(_: argparse.Namespace) -> int:
    from bot.storage import database_url, migrate

    migrate()
    print(f"Schéma à jour : {database_url().split('@')[-1]}")
    return 0


def _users_add(args: argparse.Namespace) -> int:
    import getpass

    from bot.backoffice import create_user

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Mot de passe : ")
    try:
        create_user(args.username, password, args.role, args.display_name)
    except ValueError as error:
        print(f"ERREUR : {error}", file=sys.stderr)
        return 2
    print(f"Compte « {args.username} » créé ({', '.join(args.role)}).")
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from bot.indicators.cli import indicators

    return indicators(args)


def _purge(_: argparse.Namespace) -> int:
    from bot.config import get_config
    from bot.retention import purge
    from bot.storage.rasa_events import tracker_engine
    from bot.storage import get_engine

    report = purge(get_config(), get_engine(), tracker_engine(), actor="commande")
    print(f"Purge faite : {report.detail()}")
    return 0


def _remask(_: argparse.Namespace) -> int:
    from bot.retention import broker_engine_from_environment, remask_stores
    from bot.storage.rasa_events import tracker_engine
    from bot.storage import get_engine

    report = remask_stores(get_engine(), tracker_engine(), broker_engine_from_environment(),
                           actor="commande")
    print(f"Données personnelles masquées à nouveau : {report.detail()}")
    return 0


def _delete_conversation(args: argparse.Namespace) -> int:
    from bot.config import get_config
    from bot.retention import delete_conversation
    from bot.storage.rasa_events import tracker_engine
    from bot.storage import get_engine

    report = delete_conversation(args.conversation_id, "commande", args.reference, get_engine(),
                                 tracker_engine(), get_config())
    print(f"Conversation supprimée : {report.detail()}")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Assistant de la caisse")
    commands = parser.add_subparsers(dest="command", required=True)
    web = commands.add_parser("web", help="lance seulement le site de la caisse (page et widget)")
    web.add_argument("--host", default="127.0.0.1")
    web.add_argument("--port", type=int, default=8000)
    web.set_defaults(func=_web)
    commands.add_parser(
        "route", help="route de chaque message (une ligne, ou du JSON avec un champ text) avec le modèle entraîné"
    ).set_defaults(func=_route)
    commands.add_parser(
        "mask", help="masque les données personnelles : un message par ligne en entrée, un JSON par ligne "
        "en sortie (options : python -m bot mask --help)", add_help=False,
    ).set_defaults(func=_mask)
    db = commands.add_parser("db", help="base de données : `db upgrade` met le schéma à jour (Alembic)")
    db.add_argument("action", choices=["upgrade"])
    db.set_defaults(func=_db_upgrade)
    users = commands.add_parser("users", help="comptes de l'espace interne : `users add NOM --role agent`")
    users.add_argument("action", choices=["add"])
    users.add_argument("username")
    users.add_argument("--role", action="append", required=True,
                       help="agent, manager, editor, validator, moderator ou admin (répétable)")
    users.add_argument("--display-name", help="nom affiché aux personnes (par défaut : l'identifiant)")
    users.add_argument("--password-stdin", action="store_true", help="lit le mot de passe sur l'entrée standard")
    users.set_defaults(func=_users_add)
    report = commands.add_parser("indicators", help="indicateurs de pilotage d'une période (md, csv ou json)")
    report.add_argument("--from", dest="start", required=True, help="premier jour (AAAA-MM-JJ)")
    report.add_argument("--to", dest="end", required=True, help="dernier jour inclus (AAAA-MM-JJ)")
    report.add_argument("--format", choices=("md", "csv", "json"), default="md")
    report.add_argument("--channel", help="un seul canal : socketio, rest, facebook, instagram, facebook_comment ou instagram_comment")
    report.add_argument("--branch", help="une seule branche : caf, cpam, retraite, urssaf ou msa")
    report.add_argument("--table", help="un seul tableau (ex. delais, engagement_f1)")
    report.add_argument("--no-refresh", action="store_true", help="sans relire d'abord l'historique de Rasa")
    report.set_defaults(func=_indicators)
    from bot.templates.cli import add_parser as add_templates_parser

    add_templates_parser(commands)
    commands.add_parser(
        "purge", help="supprime les conversations et fiches plus anciennes que les durées de conservation"
    ).set_defaults(func=_purge)
    commands.add_parser(
        "remask", help="masque à nouveau, avec le détecteur actuel, les données personnelles déjà enregistrées "
        "(historique, tables, journaux)"
    ).set_defaults(func=_remask)
    deletion = commands.add_parser("delete-conversation",
                                   help="supprime une conversation à la demande de la personne")
    deletion.add_argument("conversation_id")
    deletion.add_argument("--reference", default="", help="référence de la demande (gardée au journal)")
    deletion.set_defaults(func=_delete_conversation)
    args, rest = parser.parse_known_args(argv)
    if args.command != "mask" and rest:
        parser.error(f"arguments inconnus : {' '.join(rest)}")
    args.options = rest
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
