"""Normalised views of a chat message, so that one lexicon entry catches its disguises.

People dodge word filters with leetspeak (c0nn4rd), repeated letters (connnnard), spaced or
dotted letters (c o n n a r d, c.o.n.n.a.r.d), punctuation inside words (sal-ope), stars
(c*nnard), invisible characters (con\u200bnard), capitals and missing accents. Every view
below is lowercase, accent-free, made of `[a-z0-9*]` words separated by single spaces, with
every run of a repeated letter collapsed to one letter (the "skeleton": connard, conard and
connnnard all read `conard`, while Conrad stays `conrad`). Lexicon entries and pattern sources are skeletonised the same way.

A message usually has a single view; the variants (dotted letters glued, spaced letters
joined, `1` read as `l` rather than `i`) are only built when the message contains them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.text import APOSTROPHES, fold, strip_accents

# Ligatures written as their letters, the apostrophes of `bot.text`, and invisible characters
# (soft hyphen, zero-width space/joiners, word joiner, BOM) dropped: pasted text carries them
# ("con\u00adtrat") and they hide words from filters ("con\u200bnard").
_TYPOGRAPHY = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "Œ": "OE", "Æ": "AE", "ẞ": "SS", **APOSTROPHES,
                             **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff")})
_LEET = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "€": "e"}
_GLUE_LEET = {"!": "i", "|": "l"}  # only when punctuation is glued: "b!te", not "salut!"
_GLYPH = "a-z0-9@$€"
# Standalone characters separated by one or two spaces, dots or dashes: "c o n n a r d".
_SPACED = re.compile(
    rf"(?<![{_GLYPH}'])[{_GLYPH}](?:[ ._~+/-]{{1,2}}[{_GLYPH}](?![{_GLYPH}])){{2,}}"
)
_SPACED_SEPARATORS = re.compile(r"[ ._~+/-]")
_OUTER_PUNCTUATION = re.compile(rf"^[^{_GLYPH}*]+|[^a-z0-9*]+$")
_INNER_SEPARATOR = re.compile(r"[^a-z0-9*]")
_STRAY_STAR = re.compile(r"(?<![a-z0-9])\*+|\*+(?![a-z0-9])")
_REPEATED_LETTER = re.compile(r"([a-z])\1+")
_UNESCAPED_REPEATED_LETTER = re.compile(r"(?<!\\)([a-z])\1+")
_SPACES = re.compile(r" {2,}")
# A number with its unit ("24h", "10h30", "3ème", "1er", "5min") is no leetspeak: "2ah" helps nobody.
_NUMBER_WITH_UNIT = re.compile(r"\d+(?:h|e|eme|ieme|er|ere|nd|nde|min|mn|j|ans?|km|kg|mg|ml|m|g|mo|go|ko|k)\d*")


def plain_typography(text: str) -> str:
    """Ligatures expanded, apostrophes straightened, invisible characters dropped; case kept."""
    return text.translate(_TYPOGRAPHY)


def fold_typography(text: str) -> str:
    """`bot.text.fold` of the plain-typography text: the text the views and the link rule start from."""
    return fold(plain_typography(text))


def collapse_repeats(text: str) -> str:
    """Reduce every run of one letter to a single letter ("connnard" -> "conard")."""
    return _REPEATED_LETTER.sub(r"\1", text)


def skeleton_pattern(source: str) -> str:
    """Skeletonise a regex source written in plain French: accents off, doubled letters single.

    Escaped letters are left alone, so `\\bbite` keeps its word boundary.
    """
    return _UNESCAPED_REPEATED_LETTER.sub(r"\1", strip_accents(plain_typography(source)))


def _render_word(word: str, glue: bool, one: str) -> str:
    core = _OUTER_PUNCTUATION.sub("", word)
    if not core:
        return ""
    if re.search("[a-z]", core) and not _NUMBER_WITH_UNIT.fullmatch(core):
        table = dict(_LEET, **{"1": one}, **(_GLUE_LEET if glue else {}))
        core = "".join(table.get(c, c) for c in core)
    core = _INNER_SEPARATOR.sub("" if glue else " ", core)
    return _STRAY_STAR.sub(" ", core)


def _render(folded: str, glue: bool, one: str) -> str:
    words = []
    for chunk in folded.split():
        for piece in chunk.split("'"):  # an apostrophe always ends a French word: t'es, l'agence
            words.append(_render_word(piece, glue, one))
    text = collapse_repeats(" ".join(words))
    return _SPACES.sub(" ", text).strip()


def _has_glued_punctuation(folded: str) -> bool:
    return any(
        _INNER_SEPARATOR.search(core.replace("'", ""))
        for core in (_OUTER_PUNCTUATION.sub("", chunk) for chunk in folded.split())
    )


def _has_leet_one(folded: str) -> bool:
    return any("1" in chunk and re.search("[a-z]", chunk) for chunk in folded.split())


def views(text: str, resolve_stars: Callable[[str], str] | None = None) -> tuple[str, ...]:
    """The distinct normalised views of `text` (usually one), most literal first.

    `resolve_stars` replaces a word containing `*` ("m*rde") by the lexicon word it hides.
    """
    folded = fold_typography(text)
    sources = [folded]
    joined = _SPACED.sub(lambda m: _SPACED_SEPARATORS.sub("", m.group()), folded)
    if joined != folded:
        sources.append(joined)
    glues = (False, True) if _has_glued_punctuation(folded) else (False,)
    ones = ("i", "l") if _has_leet_one(folded) else ("i",)
    result: list[str] = []
    for source in sources:
        for glue in glues:
            for one in ones:
                view = _render(source, glue, one)
                if resolve_stars and "*" in view:
                    view = " ".join(resolve_stars(w) if "*" in w else w for w in view.split())
                if view not in result:
                    result.append(view)
    return tuple(result)


def skeleton(term: str) -> str:
    """The single view of a lexicon entry (entries hold no leetspeak nor stars)."""
    return _render(fold_typography(term), glue=False, one="i")
