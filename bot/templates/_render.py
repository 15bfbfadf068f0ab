from __future__ import annotations

import re
from typing import Dict, Set

from bot.config import Contacts

PLACEHOLDERS: Dict[str, str] = {
    "nom_caisse": "name",
    "telephone": "phone",
    "horaires_telephone": "phone_hours",
    "compte_nom": "account_name",
    "compte_url": "account_url",
    "appli": "app",
    "rdv_url": "appointment_url",
    "site": "website",
}
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def placeholders_in(text: str) -> Set[str]:
    return set(_PLACEHOLDER.findall(text))


def render(text: str, contacts: Contacts, extra: Dict[str, str] | None = None) -> str:
    """Fill {{placeholders}} from a body's contacts; an unknown name is an error, never left as is.

    Rasa fills single-brace {slot} names in responses, so nothing with a brace may survive.
    """
    values = {name: getattr(contacts, field) for name, field in PLACEHOLDERS.items()}
    values.update(extra or {})

    def substitute(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"champ inconnu {{{{{name}}}}} (connus : {', '.join(sorted(values))})")
        return values[name]

    rendered = _PLACEHOLDER.sub(substitute, text)
    if "{" in rendered or "}" in rendered:
        raise KeyError(f"accolade restante dans « {rendered[:80]}… »")
    return rendered
