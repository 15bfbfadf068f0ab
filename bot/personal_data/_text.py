"""Text helpers: the cheap tests the detectors run before their patterns.

Cue words are matched on the message folded by `bot.text.fold_same_length` (lowercase, no
accents, straight apostrophes) so that "Né le", "ne le" and "NÉE LE" need one pattern, while
spans stay valid on the original text because that folding never changes the length.
"""

from __future__ import annotations

import re


# How people name a password ("mot de passe", "mdp", "mot 2 passe", "password", "pass :"):
# shared by the password and login detectors.
PASSWORD_WORDS = (
    r"(?:\bmots?\s*(?:de|2|d)?\s*pass?e?s?\b|\bmot-de-passe\b|\bmdp\b|\bmpd\b|\bpass?word\b"
    r"|\bpasswd\b|\bpwd\b|(?<![\w-])pass(?=\s*[:=])"
    # in the other languages people write in: Polish, Portuguese, Italian and Romanian, Turkish, Spanish, German,
    # Russian typed in Latin letters ("parol")
    r"|\bhas[lł]o\b|\bsenha\b|\bparola\b|\bparol\b|\bsifre\w*|\bcontrasena\b|\bkennwort\b|\bpasswort\b)"
)

# Short French words that stand before a number in a sentence ("expire le 2026-05-30", "mon
# dossier du 12..."): two letters before a number are a reference's prefix only when not one of these.
SHORT_WORDS = r"(?:le|la|de|du|au|en|un|et|ou|se|ce|ne|sa|ma|ta|il|on|as|es|ai|mon|ton|son|est|les|des|par|sur)"


def value_end(text: str, start: int, end: int, trailing: str) -> int:
    """End of a typed value without the punctuation that closes its sentence ("Soleil2024!." ->
    "Soleil2024!"), keeping at least one character."""
    while end > start + 1 and text[end - 1] in trailing:
        end -= 1
    return end


def digits_only(value: str) -> str:
    """Keep the alphanumerics of a typed number ("1 85-03" -> "18503")."""
    return "".join(c for c in value if c.isalnum())


_NON_DIGITS = re.compile(r"\D+")


def digit_count(folded: str) -> int:
    """How many digits the message holds: detectors skip messages with too few (cheap)."""
    return len(_NON_DIGITS.sub("", folded))


def mentions(folded: str, words: tuple[str, ...]) -> bool:
    """Does the folded text contain one of these substrings? A cheap test before a pattern."""
    return any(word in folded for word in words)
