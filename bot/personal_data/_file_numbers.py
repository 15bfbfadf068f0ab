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
import string
from collections.abc import Iterator

from stdnum import ean, luhn

from ._lexicon import MONTHS_PATTERN
from ._model import Finding
from ._text import SHORT_WORDS, mentions, value_end

_NUMBER_WORD = r"(?:numero|numeros|num|nume?ro|n°|nº|no|n|#|matricule|identifiant|id|code)"
# "o meu número da CAF é ...", "o numero dele na caf é ..." (not "de la": "le numéro de la Caf" is its phone)
_OF = r"(?:\s*(?:d'|(?:de|du|d|da|del|dele|dela|na|at\s+the|at)\b)\s*){0,2}"

_CUES: dict[str, re.Pattern[str]] = {
    "ALLOCATAIRE": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:all?occ?at?aire?s?|all?oc|caf)\b"
        r"|\ball?ocataire\s*(?:n°|nº|(?:no|num|numero)\b)|\bmatricule\s*caf\b"
        # in other languages: "my allocataire number is", "número de alocatário", "numer alokatariusza", "CAF numaram"
        r"|\ball?ocataire\s+number\b|\balocatari[oa]s?\b|\ballocatari[oa]\b|\balokatariusza\b|\bcaf\s+numaram\b"
        r"|\bcaf\s+(?:no\b\.?|number\b|n°)|\bmi\s+numero\s+de\s+la\s+caf\b"  # "my CAF no. is", "mi número de la CAF"
        r"|\bnumero\s+na\s+ngai\s+ya\s+caf\b)"
    ),
    "MSA": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:adherente?\s*)?(?:a\s*la\s*)?msa\b"
        r"|\bmsa\s*[(:,]?\s*(?:n°|nº|(?:no|num|numero)\b)|\bnumero\s*d'adherente?\b)"
    ),
    "FISCAL": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:identification\s*)?fiscale?s?\b"
        r"|\bnumero\s*spi\b|\bspi\b|\bnif\b|\bnumero\s*de\s*(?:tele)?declarant\b"
        # the tax notice's reference: "référence de l'avis 24 75 K381952 06"
        r"|\b(?:references?|ref|numero|n°)\.?\s*(?:de\s*l'\s*|d'\s*|de\s*|du\s*)?(?:(?:mon|son|ma|sa)\s+)?avis\b"
        r"(?:\s*d'?\s*imposition)?"
        # "avis d'impôt réf 21 59 E 610497 04", "notre avis d'impôt porte la référence ...", "avis commun a la référence"
        r"|\bavis\s*(?:d'?\s*)?(?:impots?|imposition)(?:\s*(?:19|20)\d\d)?(?:\s+commun)?(?:\s+(?:porte|portant|avec|a)(?:\s+la)?)?"
        r"\s*[(:,]?\s*(?:ref|references?)\b)"
    ),
    # "dossier n° 987654321", "ma référence pajemploi est ...", "num urssaf ...", "n° de pension ..."
    "FILE_NUMBER": re.compile(
        rf"(?:\b(?:{_NUMBER_WORD}|references?|ref)\.?\s*{_OF}(?:compte\s*|cotisant\s*)?"
        rf"{_OF}(?:(?:la|le|l'|notre|mon|ma|votre|son|sa)\s*)?(?:dossiers?|cotisants?|urssaf|pajemploi|cesu|pensions?|pensao"
        r"|retraites?|carsat|cnav|adherents?|pole\s*emploi|france\s*travail|ft|demandeur\s*d'?\s*emploi"
        r"|reclamations?|recours|at|accident\s*du\s*travail|accidents?|sinistre"
        # a student's, a tenant's, a landlord's: "n° étudiant", "numéro de locataire", "numéro unique départemental"
        # a hospital stay's: "n° d'entrée 240100978"
        r"|etudiante?|demande|contrat\s*d'?\s*apprentissage|dossier\s*social\s*etudiant|locataire|bailleur|resident|entree"
        r"|unique(?:\s*departemental)?|creance|mandat|mdph|enim"
        # a pensioner's, a member's, a contract's, a childminder's, an asylum seeker's, a hospital stay's
        # an employer's at the Cesu or Pajemploi: "numéro d'employeur Z 0047 1196 23"
        r"|pensionnee?s?|membres?|contrats?|salariee?s?|pajemploie|ofii|ofpra|anef|sejours?|employeur"
        # a complaint filed with the police, a court case: "numéro de plainte", "numéro de procédure"
        r"|plaintes?|procedures?|proces-verbal|(?<=d')indus?"
        # staff and special regimes: a teacher's NUMEN, a seafarer's, an agent's, a payroll's, a
        # soldier's "identifiant défense", SNCF's and RATP's staff numbers, the asylum court's (CNDA)
        r"|numen|marin|agents?|paie|defense|caisse\s+de\s+prevoyance|ratp|sncf|cnda|canssm"
        # an insurer's expert's report: "référence expertise EXP/25/77841"
        r"|expertise)\b"
        # "dossier MDPH n° ...", "Dossier départemental n° ASH-59-2025-04418"
        # "votre demande n° DEM-25-118503"
        r"|\b(?:dossiers?|pajemploi|cesu|cotisant|demande)\s*(?:[a-z]+\s*)?(?:n°|nº|(?:no|num|numero|ref|reference)\b)"
        r"|\bcompte\s*(?:urssaf|pajemploi|cesu)\b"
        # a farm's identifiers: "mon pacage 012521246", "l'EDE de mon élevage c'est FR 12 568 990", TESA
        r"|\b(?:pacage|cheptel|ede|tesa)\b"
        # a pension fund's number: "pension militaire n° M 07 441 583 B", "affiliée à la CARPIMKO n° C 558 214"
        r"|\b(?:pensions?|pensionnee?s?|affiliee?s?|mdph|cnracl|cnieg|cipav|crpcen|carpimko|carmf|enim|cprp|ircantec"
        r"|cavimac|camieg|cnss|cnr|rentes?|arrets?(?:\s+de\s+travail|\s+maladie)?|avis\s+d'?\s*arret|prise\s+en\s+charge"
        r"|sinistre|contrat\s*d'?\s*apprentissage|dossier\s*social\s*etudiant|locataire|bail"
        # "mutuelle ... contrat n° ...", "mise en demeure référence ...", "n° OFII ..."
        r"|contrats?|mutuelles?|mises?\s+en\s+demeure|ofii|ofpra|anef|agirc(?:-arrco)?|arrco"
        # a notary's file on a succession: "dossier successoral porte le n° ...", "office notarial : n° ..."
        r"|succession|successorale?|notari\w*|notaire|plaintes?|recepisse"
        # a bailiff's file on the person's debt: "lettre d'huissier ref H24-77193"
        r"|huissiers?|commissaires?\s+de\s+justice|numen|marin|ratp|sncf|cnda|pv|proces-verbal)\b[^.?!\n\d]{0,40}?"
        r"(?:n°|nº|\bnumero\b|\bnum\b|\breferences?\b|\bref\b\.?)|\bdossier\s*social\s*etudiant\b"
        # "adhérente à la MGEN sous le numéro ..."
        r"|\bsous\s+le\s+(?:numero|n°|no)\b"
        # a police report's number after a colon: "le PV de la gendarmerie de Lannion : 01247/00312/2025"
        r"|\b(?:pv|proces-verbal|plainte)\b[^.?!\n\d:]{0,40}?:)"
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
    # an MSA number may end with a letter ("07 553 218 B", "2-118-7045-K")
    "MSA": r"\d(?:[ .\-]?\d){5,14}(?:[ \-]?[a-df-z](?![\w\-]))?",
    # the tax notice's reference: "24 75 K381952 06", one digit more when mistyped ("24 57 A 4821365 09")
    "FISCAL": r"[0-3](?:[ .]?\d){12}|\d\d\s?\d[\dab]\s?[a-z]\s?\d(?:[ .]?\d){7,8}(?!\w)",
    # Letters may lead ("AB1234567", "PE 7012 4456 8" but not a short French word, "B 24 017 532");
    # five digits at least, so a year or a day is never taken.
    # France Travail's identifier ends with a letter ("1234567A"), and so may a pension's, typed
    # after a space as a capital ("03 784 215 K"); not "e", read as euros. A
    # reference may also mix letters and digits ("2024-DR-0458213", "7B2941058").
    # A number with parts of digits or letters after dots, slashes or dashes ("2025.00287.AB",
    # "103458/JD/MA", "2024/06/13-00482", "D24/11873/RM", "SR 24/01987"), one part of five digits at
    # least (a letter's short reference "2024/03/1547" stays readable): whole, before the plainer
    # shapes read only its start.
    "FILE_NUMBER": r"(?<![\w\-])(?=[0-9a-z./\- ]*?\d{5})(?:(?!" + SHORT_WORDS + r"\b)[a-z]{1,4}[ /]?)?"
                   r"\d{2,8}(?:[./\-](?:\d{2,8}|[a-z]{1,4})){1,4}(?![\w/]|[.\-]\w)|"
                   r"(?:\b[a-z]{1,4}-?|\b(?!" + SHORT_WORDS + r"\s)[a-z]{2}\s|\b[b-df-xz]\s(?=\d\d))?"
                   # not a form's number ("dossier n° 15479*03" is a cerfa)
                   r"\d(?:[ .\-]?\d){4,24}(?:[\s\-]?[a-df-z](?!\w))?(?![a-z0-9\-/*])|" + _MIXED_REFERENCE
                   # a department, the file's kind, a serial number: "dossier 75 INV 208834"
                   + r"|\d{1,4}\s(?!" + SHORT_WORDS + r"\b|ans?\b|mois\b|jours?\b)[a-z]{2,4}\s\d{5,12}(?![\w/])"
                   # a year, a slash and a serial number ("MDPH n° 2024/118734"), not a date
                   + r"|(?:19|20)\d\d[/\-]\d{5,12}(?![\d/\-])"
                   # "2024/CPAM/0087451", "ACO/2024/118734"
                   + r"|(?:19|20)\d\d/[a-z]{2,8}/\d{4,12}(?![\d/])|[a-z]{2,5}/(?:19|20)\d\d/\d{3,12}(?![\d/])",
}
# "1250 e" is euros; eight digits in a row and more are no amount ("número fiscal é 3471031001137 e preciso":
# "e" is "and" in Portuguese).
_NOT_AMOUNT = r"(?![ .]?\d)(?!\s*(?:€|eur\b|euros?\b|%))(?:(?<=\d{8})|(?!\s*e\b))"

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
    "FILE_NUMBER": r"\b(?:dossier(?:\s+(?:de\s+)?(?:retraite|pension|reversion|invalidite|caf|cpam|msa|urssaf|mdph|carsat|suivi"
                   r"|patient|agirc(?:-arrco)?|arrco|ircantec|mutuelle"
                   # "mon dossier AT c'est le 250114478" (but "dossier AT15589283" is one reference)
                   r"|(?:at|mp|accident\s+du\s+travail|maladie\s+professionnelle)(?=\s*(?:c'?\s?est|:|n°|numero)\b)))?"
                   # a SEPA mandate's reference ("RUM", "référence unique du mandat"), a debt's
                   r"|pajemploi|cesu|cotisant|urssaf|matricule|sejour|ipp|rum|mandat|creance|reclamation"
                   # "NUMEN 15e0923148ABD", "ENIM 20050218", "sinistre G25-410 887", "contrat HB-558-741-22"
                   r"|numen|enim|cnda|sinistre|contrat)",
}
# "alloc. 8505171", "son allocataire à lui : ...", "mon numéro à moi 5724810", "allocataire sous le 5816656", "allocataire (1519754)"
_SHORT_GAP = r"(?:\s+a\s+(?:lui|elle|moi))?\.?\s*(?:[:=\-(]|n°|nº|sous\s+le(?:\s+(?:n°|numero))?)?\s*(?:(?:c'?est|c|est)\s+(?:le\s+|la\s+)?)?"
_NOT_DATE_NOR_PHONE = (
    r"(?!\d\d?[ ./]\d\d?[ ./](?:19|20)?\d\d(?![ .]?\d))"
    r"(?!(?:19|20)\d\d[ .]?(?:19|20)\d\d(?![ .]?\d))"
    # a person's phone; not an 08 number, a service's, never given as one's own
    # ("N° de retraité 07 318 552 44 K": a letter after it makes it a pension's number)
    r"(?!0[1-79](?:[ .]?\d){8}(?![ .]?\d)(?![a-z])(?!\s[b-df-z](?![\w'])))"
)
# A file reference never looks like a date ("dossier envoyé le 12.05.2024") or a phone number
# (found as such by its own detector).
_GUARDS = {"FILE_NUMBER": _NOT_DATE_NOR_PHONE}

_PATTERNS = [
    (kind, re.compile(
        rf"{cue.pattern}(?P<gap>{_GAP})(?<![\d.]){_GUARDS.get(kind, '')}(?P<value>{_VALUES[kind]}){_NOT_AMOUNT}"))
    for kind, cue in _CUES.items()
] + [
    (
        kind,
        re.compile(
            rf"{cue}(?P<gap>{_SHORT_GAP})(?<![\d.]){_NOT_DATE_NOR_PHONE}(?P<value>{_VALUES[kind]}){_NOT_AMOUNT}"
        ),
    )
    for kind, cue in _BARE_CUES.items()
]


# A second value of the same kind right after the first: "mon num FT c'est 6093517Z ou 6093517",
# "le numéro fiscal de mon mari ... et le mien ...".
_NEXT = re.compile(
    r"\s*(?:,|/|ou|et)\s*(?:(?:le|la)\s+(?:mien|mienne|tien|tienne|sien|sienne|notre|votre|leur)\s+|moi\s+"
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
COMMERCIAL_WORDS = (
    r"siret|siren|tva|rpps|adeli|finess|cip|carte\s+professionnelle|cpi|facture|commande|colis|suivi|transaction"
    r"|ticket|bordereau|lot|serie|ean|isbn|plaque|vin|imei|client|fournisseur"
)
# "lettre recommandée n° 1A 172 430 9685 2": La Poste's tracking number, no one's reference.
_POSTAL_ITEMS = r"recommandee?|lettre\s+suivie|colissimo|chronopost"
POSTAL_ITEM_BEFORE = re.compile(rf"\b(?:{_POSTAL_ITEMS}|colis)\b\s*(?:n°|no|numero)?\s*(?:\d[a-z]\s?)?$")
_UNNAMED_PUBLIC_BEFORE = re.compile(rf"\b(?:{COMMERCIAL_WORDS}|contrat|cerfa|article|references?)\b[^\n\d]{{0,70}}$")
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


# A reference copied from a letter, in parts joined by "-" or "/" ("ASPA-IND-2024-011873",
# "TP/2024/052/00873", "MDPH44-2024-0031187"), letters inside or before digits ("2024AT510093847",
# "TESA71622942"): nine digits at least (eight in one piece) and a letter, so that no date, decree
# ("n° 2023-1234"), article ("L. 512-1"), form ("S1", "E 121") or a letter's own reference
# ("AF-2024-1578") is taken; after a capitalised code ("CRA 2024-06-1184"), digits in parts are one too.
_COPIED_REFERENCE = re.compile(
    r"(?<![\w/\-.@:])(?:[a-z0-9]+(?:[/\-][a-z0-9]+)+|\d+[a-z]{1,5}\d+|[a-z]{1,5}\d{8,})(?![\w/\-@]|[.,]\w)"
)
_CODE_BEFORE = re.compile(r"\b[A-Z]{2,6} $")
# "AAT 7781 2249 03", "PEC 24 3318 775": a capitalised code, then groups of digits.
_CODE_AND_GROUPS = re.compile(r"(?<![\w\-])(?P<code>[A-Z]{2,5}) \d{1,5}(?: \d{1,5}){1,6}(?![\w\-/]|[.,]\d)")
_NOT_CODES = frozenset({"SIRET", "SIREN", "TVA", "RPPS", "FINESS", "ADELI", "CERFA", "CIP", "EAN", "ISBN", "RCS", "NAF",
                        "APE", "IBAN", "BIC", "RIB", "NIR", "SS", "CB", "TEL", "CAF", "CPAM", "MSA", "URSSAF", "EUR", "RN",
                        "CPI"})
_COPIED_MIN_DIGITS = 9
_LETTERS = string.ascii_lowercase
_DATE_LIKE = re.compile(r"\d{1,2}[/\-]\d{1,2}[/\-](?:\d\d|\d{4})|\d{4}[/\-]\d{1,2}[/\-]\d{1,2}|\d{1,2}[/\-]\d{4}")
# Commercial references stay readable ("facture FAC-2024-00123"); "référence" names the person's too.
_COMMERCIAL_BEFORE = re.compile(rf"\b(?:{COMMERCIAL_WORDS})\b[^\n\d]{{0,40}}$")
_LAW_BEFORE = re.compile(r"\b(?:decret|loi|arrete|article|art|circulaire|norme|modele|version|covid|cerfa)\W{0,3}(?:n°\s*)?$")
_WEB_ADDRESS = re.compile(r"https?:|www\.|\.(?:fr|com|org|gouv|net)/")


def _copied_references(text: str, folded: str) -> Iterator[tuple[int, int]]:
    """Spans of the references copied from a letter (see `_COPIED_REFERENCE`), code included."""
    for match in _CODE_AND_GROUPS.finditer(text):
        if match.group("code") not in _NOT_CODES and sum(c.isdigit() for c in match.group()) >= _COPIED_MIN_DIGITS - 1:
            yield match.start(), match.end()
    for match in _COPIED_REFERENCE.finditer(folded):
        value = match.group()
        digits = sum(c.isdigit() for c in value)
        lettered = any(c.isalpha() for c in value)
        compact = "-" not in value and "/" not in value
        if digits < _COPIED_MIN_DIGITS - compact or value.startswith("0x") or _DATE_LIKE.fullmatch(value.lstrip(_LETTERS)):
            continue  # "le18/04/2025": a date glued to a word; "0x80070005": an error code
        code = _CODE_BEFORE.search(text, max(0, match.start() - 7), match.start())
        if not lettered and not code:
            continue  # digits in parts only after a capitalised code
        run_start = folded.rfind(" ", 0, match.start()) + 1
        run_end = folded.find(" ", match.end())
        if _WEB_ADDRESS.search(folded, run_start, run_end if run_end >= 0 else len(folded)):
            continue
        if _LAW_BEFORE.search(folded, max(0, match.start() - 20), match.start()):
            continue
        yield (code.start() if code else match.start()), match.end()


def _tax_number(digits: str) -> bool:
    """Thirteen digits, the first 0 to 3, whose last three are the first ten modulo 511: the tax
    number's own key. Alone its key is weak, but a number that nothing names is masked anyway:
    the key says which kind it is ("le tien c'est 0434110577236")."""
    return len(digits) == 13 and digits[0] in "0123" and int(digits[:10]) % 511 == int(digits[10:])


# A document's file name carries its holder's references: "releve_mensualites_8995125_LEBRUN_PAUL.pdf".
_FILE_NAME = re.compile(r"[\w\-.]+\.(?:pdf|jpe?g|png|heic|docx?|odt|xlsx?)\b")
_FILE_EXTENSIONS = (".pdf", ".jp", ".png", ".heic", ".doc", ".odt", ".xls")  # most messages: no file name, no scan
_NUMBER_IN_FILE_NAME = re.compile(r"(?<![^\W_])\d{6,}(?![^\W_])")


def find_unnamed_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield long numbers and references copied from a letter that nothing names, as file numbers:
    the detector keeps only those no other reader found (a reader that knows the kind types it
    better)."""
    for name in _FILE_NAME.finditer(folded) if any(ext in folded for ext in _FILE_EXTENSIONS) else ():
        for number in _NUMBER_IN_FILE_NAME.finditer(folded, name.start(), name.end()):
            yield Finding("FILE_NUMBER", number.start(), number.end())
    for start, end in _copied_references(text, folded):
        if not _COMMERCIAL_BEFORE.search(folded, max(0, start - 50), start):
            yield Finding("FILE_NUMBER", start, end)
    for match in _UNNAMED.finditer(folded):
        start, end = _without_years(folded, match)
        groups = re.findall(r"\d+", folded[start:end])
        if sum(len(group) >= 5 for group in groups) >= 2:
            continue  # "micro 188700 77700": two amounts side by side, not one number in groups
        digits = "".join(groups)
        tax = _tax_number(digits)
        if len(digits) < 10 or (_PHONE_SHAPE.match(digits) and len(digits) in (10, 12, 13) and not tax):
            continue
        if len(digits) == 14 and (luhn.is_valid(digits) or _SIRET_GROUPS.fullmatch(match.group())):
            continue
        if len(digits) == 13 and digits.startswith("340") and ean.is_valid(digits):
            continue  # a medicine's CIP code (EAN-13 of prefix 340)
        if (_UNNAMED_PUBLIC_BEFORE.search(folded, max(0, match.start() - 80), match.start())
                or POSTAL_ITEM_BEFORE.search(folded, max(0, match.start() - 40), match.start())):
            continue
        if _COUNTRY_CODE_BEFORE.search(folded, max(0, match.start() - 5), match.start()):
            continue  # "+44 7911 123456": a foreign phone number, the phone reader's
        yield Finding("FISCAL" if tax else "FILE_NUMBER", start, end)


# A student's INE (identifiant national étudiant): eleven letters and digits.
_INE = re.compile(
    r"\b(?:ine|national\s+etudiant)\b[^\n\d?!.]{0,25}?(?P<value>(?=(?:[a-z]*\d){4})[a-z0-9]{11})(?![a-z0-9])"
    # its shape, ten digits and a letter or nine and two, anywhere in a message that names it:
    # "le Crous me demande mon INE ... Au cas où : 1204583967K"
    r"|(?<![\w\-])(?P<shape>\d{10}[a-z]|\d{9}[a-z]{2})(?![\w\-])")
# In a message about a Caf file, "numéro" then seven digits is the allocataire number ("un dossier
# CAF pour l'APL, numéro 6486583", "sur mon dossier, le numéro c'est 7461408").
# The Caf's online account takes the allocataire number as identifier ("espace caf, identifiant 9640482").
# Elsewhere it is some other number of the person's file ("numéro 3803668, pas de versement le 5").
# "numéro mwen 6770824" (Creole), "numero ya ngai" (Lingala), "numero dyali" (Darija): "my number";
# "numara" (Turkish), "numer" (Polish); "numéro allocation" for "numéro allocataire".
_SEVEN_DIGITS = re.compile(
    rf"(?:\b(?:numero|num|numara(?:si|m)?|numer|identifiant|number(?:\s+is)?|mine\s+is)\b(?:\s+(?:mwen|an\s+mwen|dyali|diali|ya\s+ngai|ngai|allocations?))?"
    rf"|\bn[°º]){_SHORT_GAP}(?P<value>\d{{7}})(?![ .\-/]?\d)(?![a-z])")
_CAF_FILE_WORDS = ("caf", "alloc", "apl", "dossier", "prime d'activite", "rsa", "aah", "ars")
# Seven digits a few words from the Caf's name are the allocataire number, whatever the language of
# the words between: "lambarka CAF waa 6388551" (Somali), "số CAF của em là 5004790" (Vietnamese),
# "(CAF: 6180396)", "5909752 یہ میرا CAF نمبر" (Urdu).
_SEVEN_NEAR_CAF = re.compile(
    r"\bcaf\b[^\d\n?!.]{0,25}?(?<![\w.,\-])(?P<value>\d{7})(?![ .,]?\d)(?![\w\-])" + _NOT_AMOUNT
    + r"|(?<![\w.,\-])(?P<before>\d{7})(?![ .,]?\d)(?![\w\-])" + _NOT_AMOUNT + r"[^\d\n?!.]{0,20}?\bcaf\b")


# "رقم الملف في الكاف 7934091" ("the file number at the Caf"): a number after "رقم" (number), in a
# message written in Arabic; seven digits in a message naming the Caf are the allocataire number.
_ARABIC_NUMBER = re.compile(
    r"رقم[^\d\n.?!؟+]{0,30}?(?<![\d.])" + _NOT_DATE_NOR_PHONE + r"(?P<value>\d(?:[ .]?\d){4,14})(?![\d])")
_ARABIC_CAF = "كاف"


# In a message naming the MSA and not the Caf, "n°" or "numéro" then eight to thirteen digits is the
# member's number: "@MSA Grand Sud, mon père n° 40 608625 attend ses indemnités".
_MSA_MESSAGE_NUMBER = re.compile(
    rf"(?:\b(?:numero|num)\b|\bn[°º]){_SHORT_GAP}(?<![\d.]){_NOT_DATE_NOR_PHONE}"
    r"(?P<value>\d(?:[ .]?\d){7,12})(?![ .\-/]?\d)(?![a-z])" + _NOT_AMOUNT)


# A guardianship or adoption judgment's number in the court's register ("jugement RG 22/03860",
# "jugement d'adoption n° 24/00592"): the file of a protected or adopted person.
_JUDGMENT = re.compile(
    r"(?:\br\.?g\.?\s*(?:n°\s*)?|(?<=\bjugement)[^\n\d?!.]{0,30}?(?:n°|numero)\s*"
    # "référence du jugement de tutelle 24/01386", "num de minute du jugement 24/0766"
    r"|\b(?:numero|num|n°|references?|ref|minute)\b[^\n\d?!.]{0,20}?\bjugement\b[^\n\d?!.]{0,25}?"
    # "(minute 2024/1562)", "ordonnance n° 23/00913", "décision n° 24/00158", "dossier tribunal 24/04012"
    # "l'ordonnance de protection c'est la n° 24/00871"
    r"|\b(?:jugement|minute|ordonnance|decision|dossier\s+tribunal)\b[^\n\d?!.]{0,30}?(?:n°|numero|de\s+minute|ref)?"
    r"\s*:?\s*)"
    r"(?P<value>(?:(?:19|20)\d\d|\d{2})/\d{4,6})(?![\d/])")
# A protective measure's reference at the association or the service that carries it out
# ("réf. mesure : UDAF71-CS-0932", "notre numéro de dossier : 54-TUT-7713", "dossier UDAF TUT-24-1903"),
# read in a message about a guardianship or a curatorship: the protected person's file.
_MEASURE_MESSAGE = re.compile(
    r"\b(?:tutelles?|curatelles?|mandataire|mjpm|udaf|atmp|habilitation\s+familiale|tuteur|tutrice|curateur"
    r"|curatrice|mesure\s+de\s+protection)\b")
_MEASURE_REFERENCE = re.compile(
    r"\b(?:(?:references?|ref)\b\.?(?:\s+(?:interne|service|mesure|dossier|de\s+la\s+mesure))?"
    r"|(?:numero|n°)\s+(?:de\s+)?(?:mesure|dossier)|dossier\s+(?:interne|service|udaf|atmp|mjpm)|mesure)"
    r"\s*[:(]?\s*(?P<value>(?=[a-z0-9\-]*\d{3})[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){1,4})(?![\w\-])")
# A published decision's number is public: "l'arrêt de la cour d'appel de Lyon, RG n° 22/04567",
# "la décision n° 2024/1234 du Conseil d'État".
_REGISTER_BEFORE = re.compile(r"\br\.?g\.?\s*(?:n°\s*)?$")
_JUDGMENT_WORDS = ("rg", "r.g", "jugement", "minute", "ordonnance", "decision", "tribunal")
_PUBLISHED_DECISION = re.compile(
    r"\b(?:cour\s+d'appel|cour\s+de\s+cassation|arret(?!\s+(?:de\s+travail|maladie))|legifrance|conseil\s+d'etat)\b")


# France Travail's identifier, seven digits and a letter, after "identifiant" or the service's name
# ("mon identifiant 0407365H", "je me connecte sur francetravail.fr avec 7718245T"): the job seeker's file.
_JOB_SEEKER_ID = re.compile(
    r"\b(?:identifiant|francetravail(?:\.fr)?|france\s+travail|pole\s+emploi)\b[^\n\d?!.]{0,20}?"
    r"(?<![\w\-])(?P<value>\d{7}[a-z])(?![\w\-])")


# A childminder's approval number, issued to her by the département: "n° d'agrément 21-0345-AM",
# "agrément N°2018-0457-AM".
_APPROVAL = re.compile(
    r"\bagrement\b\s*(?:pmi\s*)?(?:n°|numero|no)?\s*:?\s*"
    r"(?P<value>(?:n°\s*)?(?=[a-z0-9\-/]*\d{2})[a-z0-9][a-z0-9\-/]{3,20}[a-z0-9])(?![\w\-/])"
)


# A prisoner's registration number (numéro d'écrou): "numéro d'écrou 412587", "écroué sous le n° 38914",
# "mon écrou c'était 2019/04587", "écrou n° 3058 B".
_PRISON_NUMBER = re.compile(
    r"\becrou(?:ee?)?\b(?:\s+sous\s+le)?\s*(?:n°|nº|numero|no)?\s*:?\s*(?:c'?\s?(?:etait|est)\s+)?(?:le\s+)?"
    r"(?P<value>\d{2,}(?:[ /]\d{2,})*(?:\s?[b-z](?!\w))?)(?![\d/])"
    rf"(?!\s*(?:{MONTHS_PATTERN}|ans?|mois|jours?)\b)"
)


# Capitals leading the digits belong to the reference: "pension n° INV 0847 5521 09", "ADH 887 112".
_CAPITAL_PREFIX = re.compile(r"(?<![\w'])[A-Z]{2,4} $")


def with_capital_prefix(text: str, start: int) -> int:
    """Where a reference whose digits start at `start` begins, with the capitals that lead it."""
    prefix = _CAPITAL_PREFIX.search(text, max(0, start - 6), start)
    return prefix.start() if prefix else start


# The header of a letter from the fund, copied or scanned: "Vos références : 6230092", "V/Réf : 1673808
# N/Réf : ...", "Nos références : WNG/31626/XE", "Référence à indiquer : 7382...", "Réf. : 3229417": the
# person's file (not "Revenu fiscal de référence : 18 742").
_LETTER_REFERENCE = re.compile(
    r"(?:\b(?:vos|nos|votre|notre)\s+ref\w*\.?|\b[vn]\s*/\s*ref\w*\.?|\breference\s+a\s+(?:indiquer|rappeler)"
    r"|\breference\s+de\s+compte|(?<!de\s)\bref(?:erence)?s?\.?(?=[ \t]*:))[ \t]*:?[ \t]*")
_LETTER_TOKEN = re.compile(r"[^\s,;()\"«»“”]+")
_MIN_REFERENCE_DIGITS = 5


def _letter_references(text: str, folded: str) -> Iterator[Finding]:
    """The reference after a letter's "Vos références": its words that hold a digit (OCR may have
    read a zero as O), and capitals that lead them ("RET/77881071", "52 94 476 373 369")."""
    for cue in _LETTER_REFERENCE.finditer(folded):
        start = end = cue.end()
        for token in _LETTER_TOKEN.finditer(folded, cue.end()):
            gap = folded[end : token.start()]
            if (end > start and gap != " ") or "\n" in gap:
                break
            typed = text[token.start() : token.end()]
            if not (any(c.isdigit() for c in typed) or (typed.isupper() and len(typed) <= 5 and end == start)):
                break
            end = token.end()
        end = value_end(text, start, end, ".:") if end > start else end
        if sum(c.isdigit() for c in text[start:end]) >= _MIN_REFERENCE_DIGITS:
            yield Finding("FILE_NUMBER", start, end)


# A bank statement's line of a payment from or to a fund, copied into the chat ("VIR SEPA CAF 69
# /MOTIF 5133767 PRIME DE DEMENAGEMENT", "VIR MSA PICARDIE RETRAITE 0890294564", "PRLV URSSAF
# LIMOUSIN MDT 117018854937091668"): the fund writes the person's number in it; seven digits after
# the Caf are the allocataire number, after the MSA the member's, after another fund a file's. Not
# an amount ("156,00"), a date, a department ("CAF 69") nor a batch's or a creditor's reference.
_STATEMENT_LINE = re.compile(
    r"\b(?:vir|virement|prlv|prelevement|remboursement|rembt)\b[^\n]{0,60}?\b(?P<fund>caf|msa|cpam|carsat|cnav|urssaf)\b"
    r"(?P<rest>[^\n]*)")
_STATEMENT_NUMBER = re.compile(
    r"(?<![\w,./])(?<!lot )(?<!ics )(?<!ref )(?P<value>\d(?:\s?\d){6,19})(?![\w,./]|\s?(?:€|eur\b))")
_STATEMENT_KIND = {"caf": "ALLOCATAIRE", "msa": "MSA"}


def _statement_numbers(folded: str) -> Iterator[Finding]:
    for line in _STATEMENT_LINE.finditer(folded):
        kind = _STATEMENT_KIND.get(line.group("fund"), "FILE_NUMBER")
        for match in _STATEMENT_NUMBER.finditer(folded, line.start("rest"), line.end("rest")):
            digits = sum(c.isdigit() for c in match.group("value"))
            if digits == 7 if kind == "ALLOCATAIRE" else digits >= 8:
                yield Finding(kind, match.start("value"), match.end("value"))


# A SEPA mandate's unique reference (RUM), as the bank prints it: letters, digits and "+"
# ("RUM ++G2WDKE18KR35", "RUM : CPAM67LGZ8DOSX", "RUM MSA4892954266").
_MANDATE_REFERENCE = re.compile(r"\brum\b\s*:?\s*(?P<value>(?=[+a-z0-9]*\d[+a-z]*\d)[+a-z0-9]{6,35})(?![\w+])")


# An employee's number on a payslip or a work certificate, however short ("Matricule : 0412",
# "matricule intérim INT-55120-B", "Mat. 5512"), and in a column under its header.
_MATRICULE = re.compile(
    r"\b(?:matricules?|mat\.)(?:\s+(?:interim|salarie|agent))?\s*(?:[:;\t]\s*)?"
    r"(?P<value>(?=[a-z0-9\-]*\d)[a-z0-9](?:[a-z0-9\- ]{0,14}[a-z0-9])?)(?![\w\-/])")


# A code of letters and digits the person says is theirs: "ma référence X7Y4Z9K2", "mon dossier
# n°A2B3C4D5", "notre numéro de dossier c'est AB12CD34". The shapes of numbers above need five digits
# in a row; these mix them with letters. A letter's or a mail's own short reference, named without
# "mon" ("la référence du courrier est AF-2024-1578", "N/Réf : IND-34"), stays readable, as do a
# form's number ("2042-RICI", "S3705"), an article of law ("L161-1"), and a login ("jdupont75", six
# letters at most here: read as such elsewhere).
_CODE_CUE = re.compile(
    r"\b(?:mon|ma|notre|son|sa|leur)\s+(?:references?|ref|dossier|numero|num|n°|nº|identifiant)\.?"
    r"(?:\s+(?:de|du|sur)\s+(?:l'|le\s+|la\s+)?(?:dossier|courrier|lettre|compte|demande))?"
    r"\s*(?:[:=]\s*|(?:c'?est|c|est)\s+(?:le\s+|la\s+)?|n°\s*|nº\s*)?")
_CODE = re.compile(r"(?=(?:[a-z\-]*\d){2})(?=[\d\-]*[a-z])[a-z0-9](?:[a-z0-9\-]{4,18})[a-z0-9](?![\w\-/*])")
_NOT_CODE = re.compile(r"20(?:42|44|47|49|31|35)\b|s\d{4}\b|cerfa|[lrd]\.?\d{3}")


def _coded_references(folded: str) -> Iterator[Finding]:
    for cue in _CODE_CUE.finditer(folded):
        code = _CODE.match(folded, cue.end())
        if code and not _NOT_CODE.match(code.group()) and sum(c.isalpha() for c in code.group()) <= 6:
            yield Finding("FILE_NUMBER", code.start(), code.end())


def find_file_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield allocataire, MSA, tax and file numbers introduced by a cue."""
    if mentions(folded, ("mon ", "ma ", "notre ", "son ", "sa ", "leur ")):
        yield from _coded_references(folded)
    for match in _MATRICULE.finditer(folded) if "mat" in folded else ():
        value = match.group("value")
        if not re.fullmatch(r"(?:19|20)\d\d", value) and not re.search(r"\s[a-z]{2,}", value):
            yield Finding("FILE_NUMBER", match.start("value"), match.end("value"))
    if mentions(folded, ("vir", "prlv", "prelevement", "rembt")):
        yield from _statement_numbers(folded)
    for match in _MANDATE_REFERENCE.finditer(folded) if "rum" in folded else ():
        yield Finding("FILE_NUMBER", match.start("value"), match.end("value"))
    if "ref" in folded:
        yield from _letter_references(text, folded)
    for match in _PRISON_NUMBER.finditer(folded) if "ecrou" in folded else ():
        if sum(c.isdigit() for c in match.group("value")) >= 3:
            yield Finding("FILE_NUMBER", match.start("value"), match.end("value"))
    for match in _APPROVAL.finditer(folded) if "agrement" in folded else ():
        if sum(c.isdigit() for c in match.group("value")) >= 4:
            yield Finding("FILE_NUMBER", match.start("value"), match.end("value"))
    for match in _JOB_SEEKER_ID.finditer(folded) if mentions(folded, ("identifiant", "travail", "emploi")) else ():
        yield Finding("FILE_NUMBER", match.start("value"), match.end("value"))
    for match in _JUDGMENT.finditer(folded) if mentions(folded, _JUDGMENT_WORDS) else ():
        if _PUBLISHED_DECISION.search(folded, max(0, match.start() - 60), match.end() + 40):
            continue
        register = _REGISTER_BEFORE.search(folded, match.start(), match.start("value"))  # "RG 24/00871": whole
        start = register.start() if register else match.start("value")
        yield Finding("FILE_NUMBER", start, match.end())
    for match in _MEASURE_REFERENCE.finditer(folded) if _MEASURE_MESSAGE.search(folded) else ():
        yield Finding("FILE_NUMBER", match.start("value"), match.end("value"))
    if mentions(folded, ("ine", "etudiant")):
        named = re.search(r"\bine\b", folded) is not None  # the bare shape only where the INE is named
        for match in _INE.finditer(folded):
            group = "value" if match.group("value") else "shape"
            if group == "value" or named:
                yield Finding("FILE_NUMBER", match.start(group), match.end(group))
    if re.search(r"\bmsa\b", folded) and not re.search(r"\bcaf\b", folded):
        for match in _MSA_MESSAGE_NUMBER.finditer(folded):
            yield Finding("MSA", match.start("value"), match.end("value"))
    for match in _ARABIC_NUMBER.finditer(folded) if "رقم" in folded else ():
        seven = sum(c.isdigit() for c in match.group("value")) == 7
        kind = "ALLOCATAIRE" if seven and _ARABIC_CAF in folded else "FILE_NUMBER"
        yield Finding(kind, match.start("value"), match.end("value"))
    for match in _SEVEN_NEAR_CAF.finditer(folded) if "caf" in folded else ():
        group = "value" if match.group("value") else "before"
        yield Finding("ALLOCATAIRE", match.start(group), match.end(group))
    if mentions(folded, ("num", "n°", "nº", "identifiant", "number", "mine")):
        kind = "ALLOCATAIRE" if mentions(folded, _CAF_FILE_WORDS) else "FILE_NUMBER"
        for match in _SEVEN_DIGITS.finditer(folded):
            if not _COMMERCIAL_BEFORE.search(folded, max(0, match.start() - 50), match.start()):
                yield Finding(kind, match.start("value"), match.end("value"))  # not "facture n° 0045873"
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            if _PUBLISHED_DECISION.search(folded, match.start(), match.start("value")):
                continue  # "l'arrêt de la cour d'appel de Lyon, RG n° 22/04567": a public decision's
            if kind == "FILE_NUMBER" and POSTAL_ITEM_BEFORE.search(folded, max(0, match.start("value") - 40),
                                                                    match.start("value")):
                continue  # a tracking number
            end = match.end("value")
            if folded[end - 2] == " " and text[end - 1].islower():
                end -= 2  # "dossier 2024118734 a été refusé": a word, not the reference's letter
            start = match.start("value")
            prefixed = with_capital_prefix(text, start) if kind == "FILE_NUMBER" else start
            if prefixed >= match.start("gap"):  # capitals in the gap, not the cue ("n° OFII 0107...")
                start = prefixed
            yield Finding(kind, start, end)
            link = _NEXT.match(folded, match.end("value"))
            following = link and _SECOND_VALUES[kind].match(folded, link.end())
            if following:
                yield Finding(kind, following.start(), following.end())
