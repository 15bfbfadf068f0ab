"""Numbers spelled out after the name of what they are: "numéro de sécu un cinquante sept zéro
six...", "code confidentiel un zéro huit huit", "mon iban c'est F R soixante seize...", "date
d'expiration zéro six vingt huit", "numéro de passeport soixante quatorze A A vingt cinq...".

People dictate to their phone or spell to dodge filters; the words give the number away as
surely as the digits. A run of number words (three at least) right after a cue is masked as the
kind the cue names ("mon numéro c'est le un 95 onze 74..." as the person's file number, digits
mixed with words); a name may be spelled letter by letter ("nom P E R R O T"; with dashes, capitals
need no label: "Perrot, P-E-R-R-O-T"). Phone numbers
and birthdates spelled out have their own readers (`_phone.py`, `_birthdate.py`, which uses
`NUMBER_WORD`); here nothing can be checked, so the cue is required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from ._model import Finding
from ._number_words import number_word_edits

NUMBER_WORD = (
    "(?:" + "|".join([*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "vingts", "cents?", "mille", "et", r"\d+"]) + ")"
)
# The words of a number spelled out (not digits, not "et").
SPELLED_WORDS = frozenset([*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "vingts", "cent", "cents", "mille"])
# Kinds named by a cue, and whether single letters belong to their values ("F R 76", "A A").
_CUES: tuple[tuple[str, str, bool], ...] = (
    # "securi te sociale": a word cut by dictation
    ("NIR", r"\b(?:secu|securite\s+sociale|secur\w*\s+\w{1,3}\s+sociale|nir|nss|n°\s*ss|carte\s+vitale)\b", False),
    ("IBAN", r"\b(?:iban|rib)\b", True),
    ("SECRET", r"\b(?:code(?:\s+(?:confidentiel|secret|pin|d'?\s*acces|de\s+verification|du\s+sms|recu)"
               r"|(?!\s+(?:postal|du\s+travail|de\s+la|civil|penal|ape|naf|rome|insee|erreur)))"
               r"|mot\s+de\s+passe|mdp)\b", False),
    ("ALLOCATAIRE", r"\ballocataire\b", False),
    ("ID_DOCUMENT", r"\b(?:passeport|carte\s+d'?\s*identite|titre\s+de\s+sejour|numero\s+etranger)\b", True),
    ("CARD", r"\b(?:numero\s+de\s+carte|carte\s+bancaire|date\s+d'?\s*expiration|expire|cryptogramme|crypto"
             r"|cvv|ma\s+carte(?!\s+(?:vitale|d'?\s*identite|grise|de\s+sejour|de\s+resident|mobilite|europeenne)))\b",
     False),
    # "mon numéro c'est le un 95 onze 74...": in a fund's chat, the person's own number
    ("ALLOCATAIRE", r"\bmon\s+(?:numero|num)\b(?!\s+(?:de\s+)?(?:tel|telephone|portable|fixe|mobile|fax))", False),
)
# A name spelled letter by letter after its label: "nom P E R R O T", "ça s'écrit D-U-P-U-I-S".
_SPELLED_NAME = re.compile(
    r"\b(?:nom|prenom|nom\s+de\s+(?:famille|naissance|jeune\s+fille)|s'?\s?ecrit|j'?\s?epelle)\b"
    r"(?:\s*[:=]|\s+(?:c'?\s?est|est))?\s+(?P<run>[a-z](?:[\s.\-]{1,2}[a-z](?![a-z'])){3,24})"
)
# Without a label, capitals joined by dashes: "Perrot, P-E-R-R-O-T", "Q-U-É-R-É avec deux accents";
# an acronym spelled so ("U-R-S-S-A-F") is not a name.
_DASHED_CAPITALS = re.compile(r"(?<![\w\-])[A-ZÀ-Ý](?:-[A-ZÀ-Ý]){3,24}(?![\w\-])")
_SPELLED_ACRONYMS = frozenset("cpam urssaf carsat cnav mdph paje ciaf ameli cesu aspa asf aeeh ars apl caf msa rsa aah css cmu"
                              " cerfa pdf rib iban nir sms dtr pas csg crds".split())
_LAST_DIGITS = re.compile(r"\bderniers\s+chiffres\b")  # a card's last four digits are readable
# Between the cue and the number: a few words without digits ("c'est", "commence par", ":").
_GAP = r"[^\d\n?!.;]{0,30}?"
_SEPARATOR = r"(?:[\s,\-/]|\bpuis\b)+"  # "un puis quatre-vingt-quatre", "un / soixante-dix-neuf"
_MINNUMBER_WORDS = 3
_PATTERNS = [
    (kind, re.compile(
        rf"{cue}{_GAP}(?<![\w])(?P<run>(?:{NUMBER_WORD}{'|[a-z]' if letters else ''})"
        rf"(?:{_SEPARATOR}(?:{NUMBER_WORD}{'|[a-z]' if letters else ''})(?![\w'])){{2,40}})"
    ))
    for kind, cue, letters in _CUES
]
# A value spelled letter by letter, as on the phone: "B, R, O, deux S, A, R, D", "G, A, E tréma,
# deux L, E", "D comme David, U, R, A, N, D", "S majuscule, O, L, E, I, L, deux, trois", or in the
# NATO alphabet ("Delta Uniform Papa"). Letters joined by commas or dashes (spaces alone join the
# words of a sentence: "il y a"), at least three of them; an acronym spelled so ("C, A, F") or
# letters in the alphabet's order ("les options A, B, C") are none. Its kind is the one named just before (mail, password, login, file...), a name otherwise.
_NATO = ("alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|oscar|papa"
         "|quebec|romeo|sierra|tango|uniform|victor|whiskey|x-ray|yankee|zulu")
_LETTER = (r"(?:(?:deux|double)\s+[a-z]|[a-z](?:\s+comme\s+[a-z]+|\s+(?:accent\s+(?:aigu|grave|circonflexe)|trema"
           r"|majuscule|minuscule|cedille))?)(?![\w'])")
_JOINER = r"(?:tiret(?:\s+du\s+(?:six|huit))?|point|arobase|underscore|espace|apostrophe)"
_SPELLING_UNIT = rf"(?:{_LETTER}|{_JOINER}|{NUMBER_WORD}(?:-{NUMBER_WORD})*)"
_SPELLED_LETTERS = re.compile(
    rf"(?<![\w'\-])(?P<run>{_SPELLING_UNIT}(?:\s*[,\-]\s*{_SPELLING_UNIT}){{2,40}})(?![\w']|-[a-z])")  # "Y-a-t-il"
_NATO_RUN = re.compile(
    rf"(?<![\w\-])(?P<run>(?:{_NATO})(?:[\s,\-]+(?:{_NATO})){{2,30}}(?:[\s,\-]+{NUMBER_WORD}){{0,8}})(?![\w\-])")
_LETTER_UNIT = re.compile(rf"{_LETTER}|(?:{_NATO})")
_SPELLED_KINDS = (
    ("EMAIL", re.compile(r"\b(?:e-?mail|mail|courriel|adresse\s+(?:mail|electronique))\b")),
    ("SECRET", re.compile(r"\b(?:mot\s+de\s+passe|mdp|code|cle\s+d'?\s*activation)\b")),
    ("LOGIN", re.compile(r"\b(?:identifiant|login|pseudo)\b")),
    ("FILE_NUMBER", re.compile(r"\b(?:dossier|reclamation|reference)\b")),
    ("ID_DOCUMENT", re.compile(r"\b(?:passeport|permis|carte\s+d'?\s*identite|titre\s+de\s+sejour)\b")),
)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def find_spelled_letters(text: str, folded: str) -> Iterator[Finding]:
    """Yield values spelled letter by letter (see above)."""
    for pattern in (_SPELLED_LETTERS, _NATO_RUN):
        for match in pattern.finditer(folded):
            run = match.group("run")
            units = _units(run)
            last = text[match.end() - 1]
            if (len(units) > 3 and units[-1] in ("a", "y") and re.match(r"\s+[a-z]{2,}", folded[match.end():])
                    and (last == "à" or (last.islower() and text[match.start()].isupper()))):
                run = run[:run.rindex(units[-1])].rstrip(" ,-")  # "..., R, O, U, X, à Reims"
                units = units[:-1]
            letters = [u for u in units if _LETTER_UNIT.fullmatch(u)]
            initials = "".join(u[0] for u in letters)
            if len(letters) < 3 or initials in _ALPHABET or any(  # "options A, B, C", "C, A, F"
                    acronym in _spelled(units) for acronym in _SPELLED_ACRONYMS):
                continue
            before = folded[max(0, match.start() - 60):match.start()]
            kind = "EMAIL" if "arobase" in match.group("run") else next(
                (kind for kind, cue in _SPELLED_KINDS if cue.search(before)), "NAME")
            yield Finding(kind, match.start("run"), match.start("run") + len(run))


def _units(run: str) -> list[str]:
    return [unit for unit in re.split(r"\s*[,\-]\s*|\s+(?=(?:" + _NATO + r")\b)", run) if unit]


def _spelled(units: list[str]) -> str:
    """The letters the units spell: "deux S" -> "ss", "D comme David" -> "d", "Delta" -> "d"."""
    letters = []
    for unit in units:
        if _LETTER_UNIT.fullmatch(unit):
            double = unit.split()[0] in ("deux", "double")
            letters.append(unit.split()[1] * 2 if double else unit[0])
    return "".join(letters)


# The word a run spells, right before it: "Brossard, B, R, O...", "Bert, ça s'écrit B, E, R, T".
_WORD_BEFORE = re.compile(r"([a-z][a-z'\-]*[a-z])[\s,:]*(?:(?:ca\s+)?s'?\s?ecrit\s*:?\s*)?$")


def spelled_word_before(folded: str, finding: Finding) -> tuple[int, int] | None:
    """The span of the word right before this spelled run, if the run spells it."""
    before = _WORD_BEFORE.search(folded, max(0, finding.start - 40), finding.start)
    if before is None:
        return None
    word = before.group(1).replace("-", "").replace("'", "")
    if _spelled(_units(folded[finding.start:finding.end])) != word:
        return None
    return before.start(1), before.end(1)


_WORDS = re.compile(NUMBER_WORD)
_HINTS = tuple(word for word in (*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "cent") if len(word) >= 3)


def find_spelled_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield runs of number words after a cue naming the kind of number, and names spelled."""
    if "nom" in folded or "ecrit" in folded or "epelle" in folded:
        for match in _SPELLED_NAME.finditer(folded):
            yield Finding("NAME", match.start("run"), match.end("run"))
    for match in _DASHED_CAPITALS.finditer(text) if "-" in text else ():
        if folded[match.start() : match.end()].replace("-", "") not in _SPELLED_ACRONYMS:
            yield Finding("NAME", match.start(), match.end())
    if not any(hint in folded for hint in _HINTS):
        return
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            run = match.group("run")
            words = [w for w in re.split(_SEPARATOR, run) if _WORDS.fullmatch(w) and w != "et"]
            # after "mon numéro" alone, digits are read by the file-number reader, with its checks,
            # and "zéro six..." by the phone reader; a NIR's digits by the NIR reader ("sécu 2 60 06
            # ... et 1 86 09 ...": two numbers, not one), a card's listed with its expiry by the card reader ("7589,
            # 08/29": two values)
            digits_only = all(w.isdigit() for w in words)
            read_elsewhere = digits_only and (kind == "NIR" or (kind == "CARD" and "," in run))
            if read_elsewhere or (match.group().startswith("mon") and (
                    digits_only or words[0] == "zero" or words[0].startswith("0"))):
                continue
            if _AMOUNT_AFTER.match(folded, match.end("run")):
                continue  # "allocataire ... j'ai payé 12, 15, 18 euros"
            if _said_year(run) or (kind == "CARD" and _digit_count(words) == 4
                                   and _LAST_DIGITS.search(folded, max(0, match.start() - 40), match.start("run"))):
                continue  # "allocataire depuis deux mille dix-neuf", "les quatre derniers chiffres de ma carte"
            if len(words) >= _MINNUMBER_WORDS:
                end = match.end("run")
                while folded[end - 1] in " ,-":
                    end -= 1
                if match.group().startswith("mon") and _digit_count(words) >= _NIR_DIGITS:
                    kind = "NIR"  # "mon numéro" of thirteen digits and more: the social security one
                yield Finding(kind, match.start("run"), end)


_NIR_DIGITS = 13
_AMOUNT_AFTER = re.compile(r"\s*(?:€|e\b|eur\b|euros?\b|%)")


def _said_year(run: str) -> bool:
    """Does this run of number words say a year and nothing else ("deux mille dix-neuf")?"""
    said = number_word_edits(run.strip(" ,-"))
    return len(said) == 1 and said[0][0] == 0 and len(said[0][2]) == 4 and said[0][2][:2] in ("19", "20")


def _digit_count(words: list[str]) -> int:
    """About how many digits these number words write ("cinq cent quatre": 3, "soixante
    dix neuf": 2): enough to tell a thirteen-digit number from a seven-digit one."""
    count, i = 0, 0
    while i < len(words):
        word = words[i]
        if word.isdigit():
            count += len(word)
        elif word in ("cent", "cents"):
            count += 1
        elif word in NUMBER_TENS or (word == "quatre" and i + 1 < len(words) and words[i + 1].startswith("vingt")):
            count += 2  # "quarante neuf", "soixante et onze", "quatre vingt dix huit": two digits
            i += 2 if word == "quatre" else 1
            i += 1 if i < len(words) and words[i] == "et" else 0
            if i < len(words) and words[i] in NUMBER_TEENS:
                i += 2 if words[i] == "dix" and i + 1 < len(words) and words[i + 1] in NUMBER_UNITS else 1
            elif i < len(words) and words[i] in NUMBER_UNITS and words[i] != "zero":
                i += 1
            continue
        elif word in NUMBER_TEENS:
            count += 2
            if word == "dix" and i + 1 < len(words) and words[i + 1] in NUMBER_UNITS:
                i += 1  # "dix huit"
        else:
            count += 1
        i += 1
    return count
