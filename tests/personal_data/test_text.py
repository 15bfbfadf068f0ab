"""Text helpers: folding keeps offsets; the cheap tests the detectors run before their patterns."""

from __future__ import annotations

from bot.personal_data._text import digit_count, fold, mentions


def test_fold_keeps_length():
    text = "Né le 12 MARS, l’Île"
    assert fold(text) == "ne le 12 mars, l'ile"
    assert len(fold(text)) == len(text)


def test_digit_count():
    assert digit_count("carte 4970 1012-3456.7895 exp 09/27") == 20
    assert digit_count("aucun chiffre ici") == 0


def test_mentions():
    assert mentions("mon mdp c'est", ("pass", "mdp"))
    assert not mentions("bonjour madame", ("pass", "mdp"))
