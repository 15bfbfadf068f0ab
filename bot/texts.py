"""The sentences a person reads that are not a Rasa response: `config/textes.yml`.

Sentences said in a conversation are responses of `domain.yml`; the others live in
`config/textes.yml`, so that the communication team edits them without touching code: answers of
the channels' door when Rasa is not reached (too long, too many, too late), nginx's fallback
answers, the chat window's labels and status lines, the agents' arrival notices, the wait
announcement shared by the handoff and the widget, and the sentences the actions build from the
configuration (menus, redirects to another body, masked data, secure paths, charter). Their
`{{fields}}` are filled by the renderer of the domain responses (`bot.templates.render`): the
caisse's contacts (`{{telephone}}`...) plus the values the code passes for each entry.

`EXPECTED` is the code's side of the contract: every key it reads, with the fields it passes.
The file is checked against it when first read (each process reads it at start), so a missing
entry or a field the code does not provide stops the start with a clear message, never a
sentence with a hole in front of a person.

The chat window's fixed labels (section `widget`) reach chat.js through the page
(`widget_texts`): filled here but for the fields only the browser knows (`BROWSER_FIELDS`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional

import yaml

from bot.config import PROJECT_ROOT, CaisseConfig, Contacts, get_config
from bot.personal_data import MASKS
from bot.templates._render import PLACEHOLDERS, placeholders_in, render

TEXTS_PATH = PROJECT_ROOT / "config" / "textes.yml"

EXPECTED: Dict[str, FrozenSet[str]] = {key: frozenset(fields) for key, fields in {
    "door.too_long": (),
    "door.too_much_metadata": (),
    "door.sender_too_long": (),
    "door.technical_error": (),
    "door.too_many_messages": (),
    "door.too_many_conversations": (),
    "door.too_late": (),
    "door.not_confirmed": (),
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
    "menu.themes": (),
    "menu.questions": (),
    "clarify.themes_button": (),
    "clarify.agent_button": (),
    "redirect.other_branch": ("de_caisse", "organisme", "de_organisme", "telephone_organisme", "site_organisme"),
    "redirect.other_organisation": ("de_caisse", "de_organisme", "contact"),
    "masked_data.notice": ("donnees",),
    **{f"masked_data.{kind.lower()}": () for kind in MASKS},  # one wording per kind of masked data
    **{f"secure_path.{topic}": ("espace",) for topic in ("amount", "payments", "documents", "file_status")},
    **{f"widget.{name}": () for name in (
        "launcher", "title", "clear", "close_label", "log_label", "intro", "notice", "charter_link", "typing",
        "input_label", "placeholder", "placeholder_suspended", "send", "author_user", "author_bot",
        "author_system", "agent_unnamed", "suggestions_label", "requeued", "resumed", "keep_intro", "keep_here",
        "keep_here_undo", "copy_link", "link_label", "unkept", "link_copied", "clear_confirm", "cleared",
        "resumed_by_link", "resumed_on_device")},
    "widget.panel_label": ("de_caisse",),
    "widget.agent_author": ("conseiller", "de_caisse"),
    "widget.kept": ("jours",),
}.items()}
# Fields of the chat window's texts that only the browser knows: left as {{name}} for chat.js.
BROWSER_FIELDS = frozenset({"conseiller", "jours"})
_BROWSER_FIELD = re.compile(r"\{\{\s*(" + "|".join(sorted(BROWSER_FIELDS)) + r")\s*\}\}")


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


def of(name: str) -> str:
    """French "de" before a name, contracted as the grammar wants: "des Finances publiques",
    "du service public", "de France Travail", "de la préfecture", "de l'organisme"."""
    for article, contracted in (("les ", "des "), ("le ", "du ")):
        if name.lower().startswith(article):
            return contracted + name[len(article):]
    return "de " + name


def text(key: str, config: Optional[CaisseConfig] = None, *, contacts: Optional[Contacts] = None,
         **fields: object) -> str:
    """The sentence `key` for the caisse, its {{fields}} filled from its contacts (or `contacts`,
    those of the body that answers the question) and `fields`."""
    if key not in EXPECTED or set(fields) != EXPECTED[key]:
        raise TextsError(f"texte « {key} » demandé avec les champs {sorted(fields)} : "
                         f"attendu {sorted(EXPECTED.get(key, ()))} (bot.texts.EXPECTED)")
    contacts = contacts or (config or get_config()).contacts
    return render(_texts()[key], contacts, {name: str(value) for name, value in fields.items()})


def widget_texts(config: Optional[CaisseConfig] = None) -> Dict[str, str]:
    """The chat window's texts by name (`widget.send` -> `send`) for chat.js: the caisse's fields
    filled, `BROWSER_FIELDS` left as {{name}}. Texts with other fields (`widget.suspended`, its
    end time) are filled by the server when it sends them."""
    config = config or get_config()
    server_fields = {"de_caisse": of(config.contacts.name)}
    widget = {}
    for key, fields in EXPECTED.items():
        section, _, name = key.partition(".")
        if section != "widget" or not fields <= BROWSER_FIELDS | set(server_fields):
            continue
        pieces = _BROWSER_FIELD.split(_texts()[key])  # text, field name, text, field name, text...
        widget[name] = "".join("{{" + piece + "}}" if index % 2 else render(piece, config.contacts, server_fields)
                               for index, piece in enumerate(pieces))
    return widget
