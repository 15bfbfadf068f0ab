"""Login identifiers typed as such: "mon identifiant c'est jdupont75", "login : marc.l".

A login names one person's account as surely as a file number does, so it is masked like
one; the words around it stay ("identifiant", "mot de passe"). The value is the word after
the cue and its link (":", "c'est", "est"), or the first half of a pair ("identifiants :
jdupont / Soleil2024!", "identifiant et mot de passe : 1234567 Tigre2416"). People also
describe their login instead of giving it ("mon identifiant est bloqué", "mon identifiant
c'est mon numéro allocataire"): a plain word is a login only when it is not a French word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding
from ._names import NameLexicon
from ._text import mentions

_CUE = r"(?:\bidentifiants?\b|\blogins?\b|\bnom\s*d'?\s*utilisateur\b|\buser(?:name)?\b|\bpseudo\b)"
# A service or a qualifier between the cue and the link: "identifiant ameli", "identifiant de
# connexion caf". Letters only, a few words.
_NAMED = r"(?:\s+(?:de|du|pour|sur|d')?\s*(?:mon|ma|le|la|l'|mon\s*compte)?\s*[a-z'\-]{2,20}){0,3}?"
_LINK = r"(?:\s*(?:[:=]|->|=>)\s*(?:c'?\s?est\s*)?|\s+(?:c'?\s?est|cest|c|est|etait)\b\s*(?::\s*)?)"
_VALUE = r"(?P<word>[^\s\"'«“/][^\s/]{1,59})"
_LINKED = re.compile(rf"{_CUE}(?P<named>{_NAMED}){_LINK}(?:le\s+)?{_VALUE}")
_PASSWORD = r"(?:mots?\s*(?:de|2|d)\s*pass?e?s?|mdp|mpd|pass?word|pwd)"
# "identifiants : jdupont / Soleil2024!" and "identifiant et mot de passe : 1234567 Tigre2416".
_PAIRS = (
    re.compile(rf"{_CUE}\s*(?:[:=]|c'?\s?est|sont)?\s*{_VALUE}\s*/\s*\S"),
    re.compile(rf"{_CUE}\s*(?:et|/|&|\+)\s*{_PASSWORD}\s*(?:[:=]|c'?\s?est|sont)?\s*{_VALUE}"),
)
_HINTS = ("identifiant", "login", "utilisateur", "user", "pseudo")
_TRAILING = ".,;:)]!?"
# Words that say what the login is, or how it is, instead of giving it.
_DESCRIPTIONS = frozenset(
    """
    mail email e-mail adresse numero num n° no nir secu securite allocataire fiscal france
    franceconnect connect telephone portable bloque bloquee oublie perdu faux incorrect invalide
    inconnu introuvable errone change nouveau provisoire mdp mpd pwd password passe mot code
    """.split()
)


def _is_login(word: str, lexicon: NameLexicon) -> bool:
    """A value rather than a description: digits, dots or underscores with letters, or a
    word that is not French."""
    bare = word.rstrip(_TRAILING)
    if len(bare) < 3 or "@" in bare or bare in _DESCRIPTIONS or bare.startswith(("http", "www")):
        return False
    if re.fullmatch(r"\d{1,4}", bare) or re.match(r"(?:[jlcdnmst]|qu)'", bare):
        return False
    if any(c.isdigit() or c in "._" for c in bare):
        return True
    return bare.isalpha() and not lexicon.ordinary_text(bare)


def find_login(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Yield the values of login identifiers typed after their name."""
    if not mentions(folded, _HINTS):
        return
    for pattern in (_LINKED, *_PAIRS):
        for match in pattern.finditer(folded):
            word = match.group("word")
            if _is_login(word, lexicon):
                end = match.end("word")
                while end > match.start("word") + 1 and text[end - 1] in _TRAILING:
                    end -= 1
                yield Finding("LOGIN", match.start("word"), end)
