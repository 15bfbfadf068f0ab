"""The sentences a person reads that are not a Rasa response: `config/textes.yml`.

Sentences said in a conversation are responses of `domain.yml`; the others (answers of the
channels' door when Rasa is not reached, nginx's fallback answers, the widget's status lines,
the agents' arrival notices, the wait announcement shared by the handoff and the widget) live in
`config/textes.yml`, so that the communication team edits them without touching code. Their
`{{fields}}` are filled by the renderer of the domain responses (`bot.templates.render`): the
caisse's contacts (`{{telephone}}`...) plus the values the code passes for each entry.

`EXPECTED` is the code's side of the contract: every key it reads, with the fields it passes.
The file is checked against it when first read (each process reads it at start), so a missing
entry or a field the code does not provide stops the start with a clear message, never a
sentence with a hole in front of a person.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional

import yaml

from bot.config import PROJECT_ROOT, CaisseConfig, get_config
from bot.templates._render import PLACEHOLDERS, placeholders_in, render

TEXTS_PATH = PROJECT_ROOT / "config" / "textes.yml"

EXPECTED: Dict[str, FrozenSet[str]] = {key: frozenset(fields) for key, fields in {
    "door.too_long": (),
    "door.too_much_metadata": (),
    "door.sender_too_long": (),
    "door.technical_error": (),
    "messenger.not_read": (),
    "nginx.actions_unavailable": (),
    "nginx.rest_unavailable": (),
    **{f"handoff.opening_{reason}": () for reason in ("asked", "fallback", "not_useful", "complaint", "template",
                                                       "urgent")},
    "handoff.after": (),
    "handoff.agent_joined": ("conseiller", "de_caisse"),
    "handoff.colleague_took_over": ("conseiller", "de_caisse"),
    "handoff.back_with_assistant": (),
    "queue.first": (),
    "queue.position": ("position",),
    "queue.expected": ("moment",),
    "queue.no_agent": ("moment",),
    "queue.no_agent_undated": (),
    "queue.closed": ("moment",),
    "queue.closed_undated": (),
    "widget.agent_answering": (),
    "widget.suspended": ("heure",),
    "moderation.charter_reminder": ("charte_url",),
    "moderation.block_notice": ("charte_url", "minutes"),
    "moderation.self_harm": ("ligne_prevention",),
}.items()}


class TextsError(ValueError):
    """config/textes.yml cannot be used; the message says what to fix."""


def load_texts(path: Path = TEXTS_PATH) -> Dict[str, str]:
    """The texts by dotted key (`door.too_long`), checked against `EXPECTED`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise TextsError(f"textes illisibles ({path}) : {error}") from error
    texts: Dict[str, str] = {}
    for section, entries in data.items():
        for name, text in (entries or {}).items():
            texts[f"{section}.{name}"] = text
    problems = []
    for key, fields in EXPECTED.items():
        text = texts.get(key)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"« {key} » manque (ou n'est pas un texte)")
            continue
        unknown = placeholders_in(text) - fields - set(PLACEHOLDERS)
        if unknown:
            problems.append(f"« {key} » : champ(s) inconnu(s) {', '.join('{{' + f + '}}' for f in sorted(unknown))} "
                            f"(possibles : {', '.join(sorted(fields | set(PLACEHOLDERS)))})")
    if problems:
        raise TextsError(f"textes invalides ({path}) :\n- " + "\n- ".join(problems))
    return texts


@lru_cache(maxsize=1)
def _texts() -> Dict[str, str]:
    return load_texts()


def check() -> None:
    """Reads and checks the texts now (at a process's start) rather than at the first message."""
    _texts()


def text(key: str, config: Optional[CaisseConfig] = None, **fields: object) -> str:
    """The sentence `key` for the caisse, its {{fields}} filled from its contacts and `fields`."""
    if key not in EXPECTED or set(fields) != EXPECTED[key]:
        raise TextsError(f"texte « {key} » demandé avec les champs {sorted(fields)} : "
                         f"attendu {sorted(EXPECTED.get(key, ()))} (bot.texts.EXPECTED)")
    config = config or get_config()
    return render(_texts()[key], config.contacts, {name: str(value) for name, value in fields.items()})
