"""`python -m bot templates check|retrain` (imports inside the commands: `python -m bot` stays
quick for the others)."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Optional


def _all_templates(directory: Optional[Path], with_database: bool) -> list:
    """Every template of the files (duplicate ids included, to report them), with the published
    versions over them unless `with_database` is false."""
    from bot.templates._loader import load_template_files
    from bot.templates.versions import effective_versions, merge_templates

    seed = [t for f in load_template_files(directory).values() for t in f.resolved_templates()]
    return merge_templates(seed, effective_versions()) if with_database else seed


def check(args: argparse.Namespace) -> int:
    from bot.config import get_config
    from bot.templates._model import TemplateError
    from bot.templates.checks import check_all

    try:
        templates = _all_templates(args.directory, not args.files_only)
    except TemplateError as error:
        print(f"ERREUR {error}")
        return 1
    issues = check_all(templates, get_config())
    for issue in issues:
        print(issue)
    errors = sum(issue.is_error for issue in issues)
    print(f"{len(templates)} modèles vérifiés : {errors} erreur(s), {len(issues) - errors} avertissement(s).")
    return 1 if errors else 0


def retrain(args: argparse.Namespace) -> int:
    from bot.templates.retrain import run_job

    return run_job(Path(args.status), Path(args.out), args.template or [])


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "templates", help="modèles de réponse : `templates check` vérifie les modèles (fichiers et versions "
        "publiées)")
    actions = parser.add_subparsers(dest="action", required=True)
    checking = actions.add_parser("check", help="vérifie tous les modèles ; code de sortie 1 s'il y a une erreur")
    checking.add_argument("--directory", type=Path, help="dossier des modèles (par défaut data/templates)")
    checking.add_argument("--files-only", action="store_true", help="ignore les versions publiées dans la base")
    checking.set_defaults(func=check)
    training = actions.add_parser("retrain", help="(utilisé par l'espace interne) entraîne puis évalue un modèle")
    training.add_argument("--status", required=True)
    training.add_argument("--out", required=True)
    training.add_argument("--template", action="append", help="modèle dont on vérifie les exemples (répétable)")
    training.set_defaults(func=retrain)
