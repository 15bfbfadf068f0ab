"""E-mail detector: plain addresses and the spelled-out form users type to dodge filters.

"jean.dupont@gmail.com", "jean.dupont @ gmail.com" and
"jean.dupont arobase gmail point com", "jean point dupont arobase gmail point com" and "jean
point dupont quarante-neuf chez gmail point com" are all the same address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from ._model import Finding

# Dots may be typed spaced ("kevin . morvan @ gmail . com"), but on both sides: a dot with
# a space on one side only ends a sentence ("voici mon mail. jean@...", "@gmail. merci").
_PLAIN = re.compile(
    r"(?<![\w.+\-])(?:[\w+\-]+\s\.\s)*[\w.+\-]*\w\s?@\s?[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:(?:\.|\s\.\s)[A-Za-z0-9\-]+)*(?:\.|\s\.\s)[A-Za-z]{2,24}(?![\w])"
)

# Spelled-out form, matched on folded text; the top-level domain must be a common one
# so that "at" or "point" in ordinary sentences do not trigger it.
_TLD = r"(?:com|fr|net|org|eu|be|ch|re|gp|mq|info|io|biz|de|es|it|uk|ca|ma|dz|tn|sn)"
_AT = r"(?:@|\(at\)|\[at\]|\(arr?obase\)|\[arr?obase\]|\(a\)|[\[(]\s?@\s?[\])]|\bat\b|\barr?obase\b|\barr?ob\b|\bchez\b)"
_DOT = r"(?:\.|\(dot\)|\[dot\]|\(point\)|\[point\]|\bdot\b|\bpoint\b)"
# The part before the at-sign spelled too: "jean point dupont", "jean tiret bas dupont".
# "sophie tiret du six leclerc": the dash on the keyboard's 6 key, the underscore on its 8.
_SPELLED_LOCAL = (r"(?:[a-z0-9][a-z0-9._\-]*\s+(?:point|dot|tiret(?:\s+(?:du\s+)?bas|\s+du\s+(?:six|6|huit|8))?"
                  r"|underscore)\s+)*")
# Digits dictated at the end of the name: "jean point marc soixante deux arobase ...",
# "coco point lapin 33 arobase ...".
_NUMBER_WORDS = "(?:" + "|".join([*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "cent", "mille"]) + ")"
_SPELLED = re.compile(
    rf"(?<![\w.\-]){_SPELLED_LOCAL}[a-z0-9][a-z0-9._\-]*(?:\s+(?:{_NUMBER_WORDS}(?:-{_NUMBER_WORDS})*|\d+))*"
    rf"\s*{_AT}\s*[a-z0-9\-]+(?:\s*{_DOT}\s*[a-z0-9\-]+)*?\s*{_DOT}\s*{_TLD}\b"
)


# Mistyped: "elodie.vasseur@gmailcom", "jean@orange": a name, an at-sign, a domain; not a
# name written with an at-sign ("M@rel", the pension simulator).
# A service's address for automatic mails is nobody's ("ne-pas-repondre@caf.fr"), nor a fund's
# contact address ("contact@msa.fr").
_NO_REPLY = re.compile(
    r"(?i)(?:ne-?pas-?repondre|no-?reply|nepasrepondre|donotreply)@"
    r"|(?:contact|info|infos|accueil|courrier|service|communication)@(?:[\w\-]+\.)?(?:caf|msa|ameli|urssaf|cnav"
    r"|assurance-retraite|carsat[\w\-]*|lassuranceretraite|service-public|info-retraite)\.fr\b")
# Also with the at-sign doubled or a comma for the last dot: "nathalie.lefevre@@outlook.fr", "...@orange,fr".
_LOOSE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]*[^\W_][\w.+\-]*[^\W_]@@?[^\W_][\w\-]{3,}(?:\.[\w\-]+|,(?:fr|com|net|org)\b)*")


def find_email(text: str, folded: str) -> Iterator[Finding]:
    """Yield e-mail spans, plain first, then mistyped and spelled-out ones."""
    typed = ((text, _PLAIN), (text, _LOOSE)) if "@" in text else ()  # most messages: no at-sign
    for source, pattern in (*typed, (folded, _SPELLED)):
        for match in pattern.finditer(source):
            if not _NO_REPLY.match(match.group()):
                yield Finding("EMAIL", match.start(), match.end())
