"""Text helpers: the cheap tests the detectors run before their patterns (folding: tests/test_text.py)."""

from __future__ import annotations

from bot.personal_data._text import digit_count, mentions


def test_digit_count():
    assert digit_count("carte 4970 1012-3456.7895 exp 09/27") == 20
    assert digit_count("aucun chiffre ici") == 0


def test_mentions():
    assert mentions("mon mdp c'est", ("pass", "mdp"))
    assert not mentions("bonjour madame", ("pass", "mdp"))
