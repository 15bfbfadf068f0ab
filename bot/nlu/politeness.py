"""`without_politeness`: the greeting, the lead-in and the closing around a question, taken off.

"Bonjour, quand est versée la prime de Noël ? Merci d'avance." asks what "Quand est versée la prime
de Noël ?" asks, but the greeting and the thanks are words no template's texts hold: on the dev
parts of the real-question set wrapped so (2026-12-07), the right template was still first as
often, yet its confidence dropped below the gate's threshold and the assistant answered 15 % of the
questions that have a template instead of 43 % (0 % with "Madame, Monsieur, ... Cordialement").
A message that is only politeness ("bonjour", "merci beaucoup pour votre aide") is kept whole: it
is the greeting or the thanks the intent classifier must recognise.
"""
from __future__ import annotations

import hashlib
import re

# Read on folded text with chat spellings written in full ("bjr" is "bonjour", "mrc" is "merci").
_WHO = r"(?:madame|monsieur|mesdames|messieurs|mme|mr|m\.|a tous|a vous|tout le monde|la caf|la cpam|la msa|l'urssaf|la carsat)"
_GREETING = re.compile(
    rf"^\W*(?:(?:bonjour|bonsoir|salut|hello|coucou|allo|rebonjour)\b(?:[\s,]+{_WHO}\b)*|{_WHO}(?:[\s,]+{_WHO})*\s*,)[\s,.!:;-]*"
)
# What people say before the question itself: "je voudrais savoir si", "j'ai une question :",
# "pouvez-vous me dire" (not "je voudrais demander", whose verb is the question).
_LEAD_IN = re.compile(
    r"^(?:(?:je|j')\s*(?:voudrais|voudrai|aimerais|aimerai|souhaiterais|souhaiterai|souhaite|veux|veut)\s+"
    r"(?:savoir|connaitre|comprendre|me renseigner|avoir (?:une|des) (?:informations?|renseignements?|precisions?))"
    r"|(?:j'ai|jai)\s+(?:une|1)\s+(?:petite\s+)?question(?:\s+a vous poser)?|(?:une\s+)?(?:petite\s+)?question\s*:"
    r"|(?:est-ce que\s+)?(?:pouvez|pourriez)[\s-]*vous\s+me\s+(?:dire|renseigner|indiquer)|vous pouvez me (?:dire|renseigner|indiquer)"
    r")\b(?:\s+(?:si|sur|concernant|a propos de|au sujet de))?[\s,.:;!-]*"
)
_CLOSING_PART = (
    r"(?:merci|je vous remercie|en vous remerciant|remerciements)(?:\s+(?:beaucoup|bien|infiniment|encore))?"
    r"(?:\s+(?:d'?\s?avance|par avance|a l'\s?avance|de votre (?:aide|reponse|retour)|pour votre (?:aide|reponse|retour"
    r"|attention|temps))){0,2}"
    r"|(?:bien\s+|tres\s+)?cordialement|(?:mes\s+|sinceres\s+|meilleures\s+)?salutations(?:\s+distinguees)?"
    r"|bonne (?:journee|soiree|fin de journee)(?:\s+a vous)?|au revoir|a bientot"
    r"|dans l'attente de votre (?:reponse|retour)|s'il vous plait"
    r"|(?:est-ce que\s+)?(?:pouvez|pourriez)[\s-]*vous\s+m'?\s?aider|vous pouvez m'?\s?aider|aidez[\s-]*moi"
    r"|merci de (?:m'?\s?aider|me repondre|votre reponse)|j'attends votre reponse"
)
_CLOSING = re.compile(rf"(?:[\s,.!;:-]*(?:{_CLOSING_PART})\b[\s?]*)+[\s,.!?;:)-]*$")
_WORD = re.compile(r"[a-z0-9]+")
# Fewer words than this left: the message was the politeness, it stays whole.
MIN_WORDS_LEFT = 3


def without_politeness(folded: str) -> str:
    """`folded` (lowercase, accent-free, chat spellings in full) without its greeting, lead-in
    ("je voudrais savoir si") and closing ("pouvez-vous m'aider ? merci")."""
    core = _CLOSING.sub("", _LEAD_IN.sub("", _GREETING.sub("", folded, count=1), count=1), count=1)
    return core if len(_WORD.findall(core)) >= MIN_WORDS_LEFT else folded


def politeness_fingerprint() -> str:
    """Changes with the patterns."""
    patterns = _GREETING.pattern + _LEAD_IN.pattern + _CLOSING.pattern + str(MIN_WORDS_LEFT)
    return hashlib.sha256(patterns.encode("utf-8")).hexdigest()[:16]
