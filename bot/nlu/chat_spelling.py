"""`spelled_out`: chat spellings read as the words they stand for (`chat_spelling.yml`).

"cmt jfais pr la prime kel papier" and "comment je fais pour la prime, quel papier ?" ask the same
thing, but the templates' texts are written in full: without this, the selector's confidence and
the share of the question its best template holds both drop, and the assistant abstains on
questions it answers when they are typed in full.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

import yaml

from bot.text import fold

SPELLING_PATH = Path(__file__).with_name("chat_spelling.yml")
# "jtouche", "jpourrais": no French word starts with "j" and a consonant, so "j" stuck to one is
# "je"; "jhabite" is "j'habite".
_STUCK_JE = re.compile(r"(?<![\w\-/.@])j(?=[bcdfgjklmnpqrstvwxz]\w{2})")
_STUCK_J_H = re.compile(r"(?<![\w\-/.@])j(?=h[aeiouy]\w)")


@lru_cache(maxsize=1)
def _table() -> Tuple["re.Pattern[str]", Dict[str, str]]:
    entries = yaml.safe_load(SPELLING_PATH.read_text(encoding="utf-8"))
    table = {fold(form): fold(full) for full, forms in entries.items() for form in forms}
    alternation = "|".join(re.escape(form) for form in sorted(table, key=lambda form: (-len(form), form)))
    # A whole word: not inside another, nor the "c" of "c'est", "cmu-c", an initial ("C. Martin") or
    # an address ("secu-independants.fr", ".../jai-effectue..."); "l'alloc" reads "l'allocation".
    return re.compile(rf"(?<![\w\-/.@])(?:{alternation})(?![\w'\-/@]|\.\w|(?<=\b\w)\.)"), table


def spelled_out(folded: str) -> str:
    """`folded` (lowercase, accent-free: `bot.text.fold`) with its chat spellings written in full:
    "cmt jsuis" -> "comment je suis"."""
    pattern, table = _table()
    folded = pattern.sub(lambda match: table[match.group(0)], folded)
    return _STUCK_J_H.sub("j'", _STUCK_JE.sub("je ", folded))


def spelling_fingerprint() -> str:
    """Changes with the table and the rules: models that learnt on other spellings are trained again."""
    rules = SPELLING_PATH.read_text(encoding="utf-8") + _STUCK_JE.pattern + _STUCK_J_H.pattern + _table()[0].pattern
    return hashlib.sha256(rules.encode("utf-8")).hexdigest()[:16]
