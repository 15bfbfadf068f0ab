"""Numbers of other countries' social security, identity and tax systems, after their name:
"mon NISS c'est 87.03.14-819.27" (Belgium, Portugal), "afiliación seguridad social
28/41827305/69", "DNI 48213097-Z", "NIE X-4821309-A", "Cartão de Cidadão 14587362 4 ZY7",
"NIF 248 173 057", "número de contribuinte 226 400 832",
"matricule CNSS 687266673" (Morocco), "NI number KM934696A", "codice fiscale
RSSMRA85T10A562S", "Sozialversicherungsnummer 65 120881 K 044",
"AVS 756.1234.5678.97", a Swiss cross-border permit "permis G numero G 659.551.976".

People who worked abroad write to the caisse about their pension or their cover with these
numbers; they identify the person as surely as a French NIR. Their shapes vary too much to be
taken alone, so the name of the number is required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding

_GAP = r"[^\d\n?!;]{0,35}?"
_READERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"{cue}{_GAP}(?<![\w\-/.])(?P<value>{value})(?![\w\-/])"))
    for kind, cue, value in (
        ("NIR", r"\b(?:niss|numero\s+national|registre\s+national|segur(?:idad|anca)\s+social|afiliacion|naf)\b",
         r"\d(?:[ ./\-]?\d){8,13}"),
        # Morocco's and Tunisia's CNSS, Algeria's CNAS and its Chifa card
        ("NIR", r"\b(?:cnss|cnas|chifa)\b", r"\d(?:[ .\-]?\d){7,13}"),
        # Germany's pension number "65 120881 K 044", Switzerland's AVS number "756.1234.5678.97"
        ("NIR", r"\b(?:sozialversicherungsnummer|rentenversicherungsnummer|versicherungsnummer|avs|ahv)\b",
         r"\d\d\s?\d{6}\s?[a-z]\s?\d{3}|756[ .]?\d{4}[ .]?\d{4}[ .]?\d\d"),
        ("ID_DOCUMENT", r"\b(?:dni|nie|cartao\s+de\s+cidadao|carte\s+d'?\s*identite\s+portugaise|carta\s+d'?\s*identita"
                        r"|personalausweis)\b",
         r"[xyz]?-?\d{7,8}-?[a-z]|\d{8}\s?\d\s?[a-z]{2}\d|(?=[a-z0-9]*\d{4})[a-z]{2}[a-z0-9]{5,8}"),
        # the United Kingdom's National Insurance number: "NI number KM934696A", "PX 74 06 27 C"
        ("ID_DOCUMENT", r"\b(?:national\s+insurance(?:\s+number)?|ni\s+number|nino)\b",
         r"[a-z]{2}\s?\d\d\s?\d\d\s?\d\d\s?[a-d]"),
        # a Swiss cross-border or residence permit: "permis G numero G 659.551.976"
        ("ID_DOCUMENT", r"\bpermis\s+(?:frontalier\s+)?(?:suisse\s+)?(?:\(?permis\s+)?[bcgl]\b",
         r"[a-z]\s?\d{3}[ .]\d{3}[ .]\d{3}"),
        ("FISCAL", r"\b(?:nif|codice\s+fiscale?|code\s+fiscal\s+italien"
                   r"|steuer-?id|steueridentifikationsnummer|numero\s+de\s+contribuinte)\b",
         r"[a-z]{6}\d\d[a-z]\d\d[a-z]\d{3}[a-z]|\d(?:[ .]?\d){7,10}[a-z]?"),
    )
)
_HINTS = ("niss", "national", "social", "afiliacion", "dni", "nie", "cidadao", "identita", "ausweis",
          "nif", "fiscale", "steuer", "versicherungsnummer", "avs", "ahv", "permis", "insurance", "ni number",
          "nino", "contribuinte", "naf", "cnss", "cnas", "chifa", "fiscal", "portugaise")


def find_foreign_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield foreign social security, identity and tax numbers after their name."""
    del text  # the folded copy has the same offsets
    if not any(hint in folded for hint in _HINTS):
        return
    for kind, pattern in _READERS:
        for match in pattern.finditer(folded):
            yield Finding(kind, match.start("value"), match.end("value"))
