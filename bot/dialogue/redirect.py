"""Sending a question to the right body: another social-security branch, or an organisation
outside social security (grid item C5: redirect to the right organisation)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.config import PROJECT_ROOT, CaisseConfig
from bot.dialogue.situation import fold, mentions

OTHER_ORGANISATIONS = PROJECT_ROOT / "config" / "other_organisations.yml"


def of(name: str) -> str:
    """French "de" before a name, contracted as the grammar wants: "des Finances publiques",
    "du service public", "de France Travail", "de la préfecture", "de l'organisme"."""
    for article, contracted in (("les ", "des "), ("le ", "du ")):
        if name.lower().startswith(article):
            return contracted + name[len(article):]
    return "de " + name


def other_branch_notice(branch: str, config: CaisseConfig) -> str:
    """Said before a template answer of a branch the caisse does not cover."""
    body = config.contacts_for(branch)
    return (
        f"Cette question relève {of(body.name)}, pas {of(config.contacts.name)}. Vous pouvez joindre "
        f"{body.name} au {body.phone} ou sur {body.website}. Voici l'information générale :"
    )


@dataclass(frozen=True)
class Organisation:
    name: str
    contact: str
    keywords: tuple = ()


@lru_cache(maxsize=4)
def load_organisations(path: Path = OTHER_ORGANISATIONS) -> tuple:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    organisations = tuple(
        Organisation(o["name"], o["contact"], tuple(fold(k) for k in o["keywords"])) for o in data["organisations"]
    )
    return organisations + (Organisation(data["fallback"]["name"], data["fallback"]["contact"]),)


def organisation_for(text: str, organisations: Optional[tuple] = None) -> Organisation:
    organisations = organisations or load_organisations()
    folded = fold(text)
    for organisation in organisations[:-1]:
        if mentions(folded, organisation.keywords):
            return organisation
    return organisations[-1]


def other_organisation_message(text: str, config: CaisseConfig) -> str:
    organisation = organisation_for(text)
    return (
        f"Cette question ne relève pas {of(config.contacts.name)} mais {of(organisation.name)}. "
        f"Contact : {organisation.contact}."
    )
