"""File numbers that only mean something in context: CAF allocataire, MSA, tax (SPI) and the
other references of a person's file (dossier, Urssaf account, Pajemploi, pension, France
Travail...). A company's
SIRET or SIREN is public (SIRENE register) and stays readable.

These numbers have no public checksum (allocataire, MSA) or one too weak to be trusted
alone (tax number, mod 511), so they are taken only after a cue naming them:
"mon numéro allocataire c'est 1234567", "n° alloc: 123 4567", "numero fiscal 0123...".
People also drop the word "numéro" ("allocataire 1234567", "ma ref caf c 1234567",
"msa : 12345678") or name nothing ("mon numéro c'est le 1234567"): the bare word then
counts as a cue, but only right before the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

from ._model import Finding
from ._text import SHORT_WORDS

_NUMBER_WORD = r"(?:numero|numeros|num|nume?ro|n°|nº|no|n|#|matricule|identifiant|id|code)"
_OF = r"(?:\s*(?:d'|de|d)\s*)?"

_CUES: dict[str, re.Pattern[str]] = {
    "ALLOCATAIRE": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:all?occ?at?aire?s?|all?oc|caf)\b"
        r"|\ball?ocataire\s*(?:n°|nº|(?:no|num|numero)\b)|\bmatricule\s*caf\b)"
    ),
    "MSA": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:adherent\s*)?(?:a\s*la\s*)?msa\b"
        r"|\bmsa\s*[(:]?\s*(?:n°|nº|(?:no|num|numero)\b)|\bnumero\s*d'adherent\b)"
    ),
    "FISCAL": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:identification\s*)?fiscale?s?\b"
        r"|\bnumero\s*spi\b|\bspi\b|\bnif\b|\bnumero\s*de\s*(?:tele)?declarant\b"
        # the tax notice's reference: "référence de l'avis 24 75 K381952 06"
        r"|\b(?:references?|ref|numero|n°)\.?\s*(?:de\s*l'\s*|d'\s*|de\s*|du\s*)?avis\b(?:\s*d'?\s*imposition)?)"
    ),
    # "dossier n° 987654321", "ma référence pajemploi est ...", "num urssaf ...", "n° de pension ..."
    "FILE_NUMBER": re.compile(
        rf"(?:\b(?:{_NUMBER_WORD}|references?|ref)\.?\s*{_OF}(?:compte\s*|cotisant\s*)?"
        rf"{_OF}(?:(?:la|le|l'|notre|mon|ma|votre|son|sa)\s*)?(?:dossiers?|cotisants?|urssaf|pajemploi|cesu|pensions?"
        r"|retraites?|carsat|cnav|adherents?|pole\s*emploi|france\s*travail|ft|demandeur\s*d'?\s*emploi"
        r"|reclamations?|recours|at|accident\s*du\s*travail|sinistre)\b"
        # "dossier MDPH n° ...", "Dossier départemental n° ASH-59-2025-04418"
        r"|\b(?:dossiers?|pajemploi|cesu|cotisant)\s*(?:[a-z]+\s*)?(?:n°|nº|(?:no|num|numero|ref|reference)\b)"
        r"|\bcompte\s*(?:urssaf|pajemploi|cesu)\b)"
    ),
}

# What may sit between the cue and the value ("c'est", ": ", "j'ai un courrier avec"):
# no digit, no end of sentence.
_GAP = r"(?:[^\d\n?!.]|(?<!\d)(?:19|20)\d\d(?!\d)|\bm\.|\bmme\.){0,60}?"
# One word of letters and digits, in dashed parts or not: seven digits at least, so that a
# month ("2026-04") or a form number is never taken.
_MIXED_REFERENCE = r"(?=[a-z0-9\-]*(?:\d[a-z\-]*){7})[a-z0-9]{1,12}(?:-?[a-z0-9]{1,12}){1,5}(?![\w\-])"
_VALUES: dict[str, str] = {
    "ALLOCATAIRE": r"\d(?:[ .]?\d){5,8}",
    "MSA": r"\d(?:[ .]?\d){5,14}",
    "FISCAL": r"[0-3](?:[ .]?\d){12}|\d\d\s?\d[\dab]\s?[a-z]\s?\d(?:[ .]?\d){7}(?!\w)",
    # Letters may lead ("AB1234567", "PE 7012 4456 8" but not a short French word, "B 24 017 532");
    # five digits at least, so a year or a day is never taken.
    # France Travail's identifier ends with a letter ("1234567A"), and so may a pension's, typed
    # after a space as a capital ("03 784 215 K"); not "e", read as euros. A
    # reference may also mix letters and digits ("2024-DR-0458213", "7B2941058").
    "FILE_NUMBER": r"(?:\b[a-z]{1,4}-?|\b(?!" + SHORT_WORDS + r"\s)[a-z]{2}\s|\b[b-df-xz]\s(?=\d\d))?"
                   r"\d(?:[ .\-]?\d){4,24}(?:\s?[a-df-z](?!\w))?(?![a-z0-9\-/])|" + _MIXED_REFERENCE
                   # a year, a slash and a serial number ("MDPH n° 2024/118734"), not a date
                   + r"|(?:19|20)\d\d/\d{5,12}(?![\d/])"
                   # "2024/CPAM/0087451", "ACO/2024/118734"
                   + r"|(?:19|20)\d\d/[a-z]{2,8}/\d{4,12}(?![\d/])|[a-z]{2,5}/(?:19|20)\d\d/\d{4,12}(?![\d/])",
}
_NOT_AMOUNT = r"(?![ .]?\d)(?!\s*(?:€|e\b|eur\b|euros?\b|%))"

# The bare words: "allocataire depuis 2015, j'ai 3 enfants" is common, so only a short
# link ("c'est", ":", "n°") may stand between the word and the value, and the value may
# not be a date, a pair of years ("caf 2024 2025") or a phone number (the MSA's own line).
_BARE_CUES = {
    # "mon numéro c'est le 1234567": in a fund's chat, the person's own number
    "ALLOCATAIRE": r"\b(?:all?occ?at?aire?s?|all?oc|caf|mon\s+(?:numero|num|n°|nº|no))",
    "MSA": r"\b(?:msa|adherent)",
    "FISCAL": r"\bfiscale?",
    # a payslip's "Matricule", a hospital stay's number or patient identifier (IPP)
    # "dossier retraite 2024RET00587412"
    "FILE_NUMBER": r"\b(?:dossier(?:\s+(?:de\s+)?(?:retraite|pension|reversion|invalidite|caf|cpam|msa|urssaf|mdph|carsat|suivi))?"
                   r"|pajemploi|cesu|cotisant|urssaf|matricule|sejour|ipp)",
}
_SHORT_GAP = r"\.?\s*(?:[:=\-]|n°|nº)?\s*(?:(?:c'?est|c|est)\s+(?:le\s+)?)?"  # "alloc. 8505171"
_NOT_DATE_NOR_PHONE = (
    r"(?!\d\d?[ ./]\d\d?[ ./](?:19|20)?\d\d(?![ .]?\d))"
    r"(?!(?:19|20)\d\d[ .]?(?:19|20)\d\d(?![ .]?\d))"
    r"(?!0[1-9](?:[ .]?\d){8}(?![ .]?\d)(?![a-z]))"
)
# A file reference never looks like a date ("dossier envoyé le 12.05.2024") or a phone number
# (found as such by its own detector).
_GUARDS = {"FILE_NUMBER": _NOT_DATE_NOR_PHONE}

_PATTERNS = [
    (kind, re.compile(rf"{cue.pattern}{_GAP}(?<![\d.]){_GUARDS.get(kind, '')}(?P<value>{_VALUES[kind]}){_NOT_AMOUNT}"))
    for kind, cue in _CUES.items()
] + [
    (
        kind,
        re.compile(
            rf"{cue}{_SHORT_GAP}(?<![\d.]){_NOT_DATE_NOR_PHONE}(?P<value>{_VALUES[kind]}){_NOT_AMOUNT}"
        ),
    )
    for kind, cue in _BARE_CUES.items()
]


# A second value of the same kind right after the first: "mon num FT c'est 6093517Z ou 6093517",
# "le numéro fiscal de mon mari ... et le mien ...".
_NEXT = re.compile(
    r"\s*(?:,|/|ou|et)\s*(?:(?:le|la)\s+(?:mien|mienne|sien|sienne|notre|leur)\s+|moi\s+"
    r"|(?:mon|ma)\s+(?:conjointe?|mari|femme|epouse?|compagnon|compagne)\s*:?\s*)?(?:c'?est\s+)?"
)


_SECOND_VALUES = {
    kind: re.compile(rf"(?<![\d.]){_NOT_DATE_NOR_PHONE}(?:{value}){_NOT_AMOUNT}") for kind, value in _VALUES.items()
}


# A long number that nothing names ("voila 4902319381875078", "ref 4902 3193 8187 5078"): in a
# chat with a fund, some reference of the person's. Ten digits at least, so that no date, amount
# or short code is taken, and not two long groups side by side (two amounts: "micro 188700
# 77700"); a phone number, a run of years, a SIRET (Luhn key) and a number named
# as a public or commercial one (SIRET, a professional's RPPS or ADELI, a home's FINESS, invoice,
# order, parcel, customer, form, article) are left readable.
_UNNAMED = re.compile(r"(?<![\w.,/+\-])\d(?:[ .\-]?\d){9,23}(?![\w%€*]|[.,/]\d)" + _NOT_AMOUNT)
_UNNAMED_PUBLIC_BEFORE = re.compile(
    r"\b(?:siret|siren|tva|rpps|adeli|finess|carte\s+professionnelle|cpi|facture|commande|contrat|colis|suivi"
    r"|transaction|cerfa|article|ticket"
    r"|bordereau|lot|serie|ean|isbn|plaque|vin|imei|client|fournisseur|references?)\b[^\n\d]{0,70}$"
)
_COUNTRY_CODE_BEFORE = re.compile(r"\+\d{1,3}[ .]?$")
_PHONE_SHAPE = re.compile(r"(?:0[1-9]|00)")
_SIRET_GROUPS = re.compile(r"\d{3} \d{3} \d{3} \d{5}")  # how a SIRET is printed
_YEAR = re.compile(r"(?:19|20)\d\d")


def _without_years(folded: str, match: re.Match[str]) -> tuple[int, int]:
    """The run without a year typed before or after it ("né en 1985 0612345678")."""
    groups = [(g.start(), g.end()) for g in re.finditer(r"\d+", match.group())]
    while len(groups) > 1 and _YEAR.fullmatch(match.group()[slice(*groups[0])]):
        groups.pop(0)
    while len(groups) > 1 and _YEAR.fullmatch(match.group()[slice(*groups[-1])]):
        groups.pop()
    return match.start() + groups[0][0], match.start() + groups[-1][1]


def find_unnamed_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield long numbers that nothing names, as file numbers: the detector keeps only those no
    other reader found (a reader that knows the kind types it better)."""
    del text  # same offsets on the folded copy
    for match in _UNNAMED.finditer(folded):
        start, end = _without_years(folded, match)
        groups = re.findall(r"\d+", folded[start:end])
        if sum(len(group) >= 5 for group in groups) >= 2:
            continue  # "micro 188700 77700": two amounts side by side, not one number in groups
        digits = "".join(groups)
        if len(digits) < 10 or (_PHONE_SHAPE.match(digits) and len(digits) in (10, 12, 13)):
            continue
        if len(digits) == 14 and (luhn.is_valid(digits) or _SIRET_GROUPS.fullmatch(match.group())):
            continue
        if _UNNAMED_PUBLIC_BEFORE.search(folded, max(0, match.start() - 80), match.start()):
            continue
        if _COUNTRY_CODE_BEFORE.search(folded, max(0, match.start() - 5), match.start()):
            continue  # "+44 7911 123456": a foreign phone number, the phone reader's
        yield Finding("FILE_NUMBER", start, end)


def find_file_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield allocataire, MSA, tax and file numbers introduced by a cue."""
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            end = match.end("value")
            if folded[end - 2] == " " and text[end - 1].islower():
                end -= 2  # "dossier 2024118734 a été refusé": a word, not the reference's letter
            yield Finding(kind, match.start("value"), end)
            link = _NEXT.match(folded, match.end("value"))
            following = link and _SECOND_VALUES[kind].match(folded, link.end())
            if following:
                yield Finding(kind, following.start(), following.end())
