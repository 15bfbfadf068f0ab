"""A value typed before its name: "1890378 c mon num caf", "bgirard_13 c mon identifiant ameli",
"6K1MXOMAP c le numero de ma nouvelle cni".

The value comes first, then "c'est" (or "c", "=") and what it is. The value must have the shape
of that kind (digits for a file number, letters and digits for a document or a login), so that
"2024 c mon année de naissance" or "oui c mon numéro" take nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding

_LINK = (
    r"\s+(?:c'?\s?est|c|=|est)\s+(?:le\s+|la\s+|mon\s+|ma\s+)?(?:(?:numero|num|n°|no)\s+(?:de\s+)?)?"
    r"(?:ma\s+|mon\s+)?(?:nouvel(?:le)?\s+|ancien(?:ne)?\s+)?"
)
# (kind, shape of the value, name of the kind)
_KINDS: tuple[tuple[str, str, str], ...] = (
    ("ALLOCATAIRE", r"\d(?:[ .]?\d){6,7}", r"(?:caf|allocataire|alloc)\b"),
    ("MSA", r"\d(?:[ .]?\d){7,12}", r"msa\b"),  # "3345 8812 c'est le numéro MSA de mon fils"
    # "le 3427520 c'est le numéro de dossier ou le numéro d'allocataire ?"
    ("FILE_NUMBER", r"\d(?:[ .]?\d){6,12}", r"dossier\b"),
    # letters and digits, or the twelve digits of an old identity card or driving licence
    ("ID_DOCUMENT", r"(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8,12}|\d{12}",
     r"(?:cni|carte\s+d'?\s*identite|passeport|titre\s+de\s+sejour|permis)\b"),
    ("LOGIN", r"(?=\S*[a-z])(?=\S*[\d._])[a-z0-9][a-z0-9._\-]{4,40}", r"identifiant\b|login\b"),
)
# A document also by a comma and its name: "060408027873, la carte d'identité de mon père".
_COMMA_LINK = r"\s*,\s*(?:le|la|mon|ma|son|sa)\s+"
_PATTERNS = [
    (kind, re.compile(rf"(?<![\w.@])(?P<value>{value})(?![\w@])"
                      rf"(?:{_LINK}{'|' + _COMMA_LINK if kind == 'ID_DOCUMENT' else ''})(?:{label})"))
    for kind, value, label in _KINDS
]


def find_named_after(text: str, folded: str) -> Iterator[Finding]:
    """Yield values followed by "c'est mon <name of the kind>"."""
    del text  # the folded copy has the same offsets
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            yield Finding(kind, match.start("value"), match.end("value"))
