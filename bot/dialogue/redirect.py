"""Sending a question to the right body: another social-security branch, or an organisation
outside social security (grid item C5: redirect to the right organisation)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

from bot import texts
from bot.config import PROJECT_ROOT, CaisseConfig
from bot.texts import of

OTHER_ORGANISATIONS = PROJECT_ROOT / "config" / "other_organisations.yml"


def other_branch_notice(branch: str, config: CaisseConfig) -> str:
    """Said before a template answer of a branch the caisse does not cover."""
    body = config.contacts_for(branch)
    return texts.text("redirect.other_branch", config, de_caisse=of(config.contacts.name), organisme=body.name,
                      de_organisme=of(body.name), telephone_organisme=body.phone, site_organisme=body.website)


RETRIEVAL_INTENT = "other_organisation"
FALLBACK = "fallback"
# Under this probability of the best body, the person gets the general pointer rather than a
# body that may be the wrong one.
MIN_ORGANISATION_CONFIDENCE = 0.25


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    contact: str


@lru_cache(maxsize=4)
def load_organisations(path: Path = OTHER_ORGANISATIONS) -> Dict[str, Organisation]:
    """Bodies by key (the `other_organisation/<key>` of their training examples), then the
    general pointer under the key `FALLBACK`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    organisations = {key: Organisation(key, o["name"], o["contact"]) for key, o in data["organisations"].items()}
    organisations[FALLBACK] = Organisation(FALLBACK, data["fallback"]["name"], data["fallback"]["contact"])
    return organisations


def response_name(key: str) -> str:
    return f"utter_{RETRIEVAL_INTENT}/{key}"


def chosen_organisation(parse_data: Dict[str, Any]) -> Tuple[str, float]:
    """The body the NLU chose for a message (`TfidfTemplateSelector` on `other_organisation`),
    and its probability; `FALLBACK` when none was chosen."""
    response = ((parse_data.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}).get("response") or {}
    key = (response.get("intent_response_key") or "").partition("/")[2]
    return (key or FALLBACK), float(response.get("confidence") or 0.0)


def other_organisation_message(organisation: Organisation, config: CaisseConfig) -> str:
    return texts.text("redirect.other_organisation", config, de_caisse=of(config.contacts.name),
                      de_organisme=of(organisation.name), contact=organisation.contact)


def organisation_responses(config: CaisseConfig) -> Dict[str, List[Dict[str, str]]]:
    """One response per body, so that Rasa knows the bodies' answers (`utter_other_organisation/<key>`)
    and the NLG server serves the sentence of the current configuration."""
    return {response_name(key): [{"text": other_organisation_message(organisation, config)}]
            for key, organisation in load_organisations().items()}
