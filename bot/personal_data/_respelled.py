"""A copy of the message with its misspelt labels spelt right, for people who write as they speak.

"ma dat de nessance 17 11 1994", "n alocatère 2906801", "mon idantifian cé mdupont59", "12 ru
des lilas", "jabite au...", "code banc 87500 gichet 02212": the readers find values after the
words that name them, and people who write French with difficulty (dyslexia, French learnt late,
dictation) spell those words as they sound. Each word is compared with the label words by its
sound (a French phonetic key: "nessance", "nésanse" and "naissance" all sound "nesan"); a word
that sounds like a label, and is not that label already, is written as the label in the copy
("jabite" as "j'habite"; "cé" as "c'est"). The readers run again on the copy; a finding there is
carried back to the message through the offsets each character of the copy came from. The copy
also leaves out the invisible characters a value pasted from a web page may hold ("761\u200b8856").

Written here, not taken from a library: jellyfish keys English sounds; abydos, which has French
keys (Phonex, FONEM), is a large dependency for forty label words, and its keys are made for
surnames; a few rules of French spelling are all the label words need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ._model import Finding
from ._number_words import number_word_edits

# The label words the readers know, as the copy writes them.
LABEL_WORDS = (
    "naissance", "allocataire", "identifiant", "telephone", "adresse", "securite", "numero", "prenom",
    "appelle", "habite", "etranger", "dossier", "confidentiel", "compte", "banque", "guichet", "carte",
    "identite", "vitale", "avis", "imposition", "reference", "cryptogramme", "expiration", "famille",
    "passeport", "sejour", "portable", "utilisateur", "connexion", "rue", "avenue", "chemin", "impasse",
    "boulevard", "residence", "batiment", "appartement",
)  # fmt: skip
# Words typed as they sound that link a label to its value ("mon nom cé dupuis"), and the labels of the
# Creoles of the Antilles, Guyane and La Réunion and of Shimaore, which people write as they speak
# ("nimewo alokatè an mwen sé 4328628", "mwen fèt 2 avril 1953", "mo rété lotissement ...").
_SPOKEN = {
    "cé": "c'est", "cè": "c'est", "sé": "c'est", "nimewo": "numero", "nimero": "numero", "namba": "numero",
    "alokatè": "allocataire", "alokatèr": "allocataire", "alokasyon": "allocation", "fèt": "né le",
    "born": "né le", "kòd": "code", "kod": "code", "pasopò": "passeport", "kat": "carte",
    "didantité": "d'identité", "dosyé": "dossier", "dosié": "dossier", "rété": "habite", "adrès": "adresse",
    "sékirité": "securite", "sosyal": "sociale", "téléfòn": "telephone",
}
# The elided word a label may be typed glued to ("jabite", "lidentifiant", "mapelle").
_ELIDED = {"habite": "j", "appelle": "ms"}
_ELIDED_OTHERS = "ld"
# Rules of French spelling that change the letters, not the sound, applied in this order.
_SOUND_RULES = tuple(
    (re.compile(pattern), sound)
    for pattern, sound in (
        (r"ph", "f"), (r"qu", "k"), (r"gu(?=[eiy])", "g"), (r"c(?=[eiy])", "s"), (r"c", "k"),
        (r"kk|ck", "k"), (r"y", "i"), (r"h", ""), (r"eaux?|aux?", "o"), (r"mpt", "nt"),
        (r"[ae]in|un|im(?=[^aeiou]|$)", "in"), (r"[ae]m(?=[bp])|em|en", "an"), (r"ai|ei", "e"),
        (r"(?:ez|et)$", "e"), (r"t(?=i[aeo])", "s"), (r"(.)\1+", r"\1"), (r"e$", ""),
        (r"[stxdp]$", ""), (r"e$", ""),
    )
)  # fmt: skip
# Sounds shorter than this are compared exactly ("karim" is not "chemin"); longer ones may differ
# by one letter ("alokatr").
_FUZZY_FROM = 6
_WORD = re.compile(r"[^\W\d_]+")
# Zero-width characters and soft hyphens pasted with a value from a web page or a PDF.
# Keycap emojis are a digit, a variation selector and a keycap ("6️⃣"): the digit stays.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe0f\u20e3]")
_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
_LIGATURE = re.compile("[œŒæÆ]")
# A value typed one character at a time ("l a u r e n t 6 9", "1 0 . 1 2 . 1 9 4 6"): six characters
# and more, each alone between spaces, are one word.
_SPACED_OUT = re.compile(r"(?<!\S)(?:[^\s] ){5,}[^\s](?=\s|[.,;:!?)](?:\s|$)|$)")
# Digits kept apart by a word or a sign so that robots miss them ("06 x 82 x 51", "06 point 74 tiret
# 39", "2720 ~ 9530"): the separator is a space.
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)(?:\s*[x~]\s*|\s+(?:point|tiret)\s+)(?=\d)")
# A capitalised word inside a sentence is a name ("Mme Kone"), not a misspelt label.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s\"'«(\-]*$")


def sound(folded_word: str) -> str:
    """The phonetic key of a folded word: "nessance" and "naissance" both give "nesan"."""
    for pattern, replacement in _SOUND_RULES:
        folded_word = pattern.sub(replacement, folded_word)
    return folded_word


_LABEL_SOUNDS = {sound(label): label for label in LABEL_WORDS}


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, removed or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=8192)
def _label_sounding_like(folded_word: str, fuzzy: bool) -> str | None:
    key = sound(folded_word)
    label = _LABEL_SOUNDS.get(key)
    if label is None and fuzzy and len(key) >= _FUZZY_FROM:
        label = next((label for other, label in _LABEL_SOUNDS.items()
                      if len(other) >= _FUZZY_FROM and other[0] == key[0] and _one_edit_apart(key, other)), None)
    return label


@lru_cache(maxsize=16384)
def _respelling(folded_word: str, typed_word: str, known_word: Callable[[str], bool]) -> str | None:
    """How the copy writes this word, or None to keep it.

    A word of the dictionary is another word ("car" is not "carte", "appel" not "appelle"),
    unless it is one letter from the label ("ru", "cart", "vital", "étrangé").
    """
    if len(folded_word) < 2:
        return None
    label = _label_sounding_like(folded_word, True)
    if label is not None:
        if folded_word.startswith(label):  # spelt right: "numeros", "adresses"
            return None
        if not known_word(typed_word) or _one_edit_apart(folded_word, label):
            return label
        return None
    rest = folded_word[1:]
    if len(rest) < 4 or rest[0] not in "aeiouh":
        return None
    label = _label_sounding_like(rest, False)
    if label is None or folded_word[0] not in _ELIDED.get(label, _ELIDED_OTHERS) or label[0] not in "aeiouh":
        return None
    return None if known_word(typed_word) else folded_word[0] + "'" + label


@dataclass(frozen=True)
class Respelled:
    """The copy, and for each of its characters the offset in the message it comes from."""

    text: str
    origin: tuple[int, ...]

    def on_message(self, finding: Finding) -> Finding:
        """The same finding, its span on the message."""
        return Finding(finding.type, self.origin[finding.start], self.origin[finding.end - 1] + 1)


def respelled_view(text: str, folded: str, known_word: Callable[[str], bool]) -> Respelled | None:
    """The message with misspelt label words spelt right, invisible characters left out ("761\u200b8856"
    pasted from a web page, keycap emojis), a value typed one character at a time joined, the words
    or signs put between digits read as spaces and numbers said in words written in digits; or None
    where there is nothing to change.

    `folded`: the text folded (`fold_same_length`); `known_word(typed)`: is this word, as typed, a
    word of the dictionary (in any of its forms)?
    """
    edits = [] if text.isascii() else [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    if not text.isascii():  # "14 chemin Bœuf Mort", "rue Schœlcher": the readers know two letters
        edits.extend((m.start(), m.end(), _LIGATURES[m.group()]) for m in _LIGATURE.finditer(text))
    for match in _SPACED_OUT.finditer(text):
        edits.extend((match.start() + i, match.start() + i + 1, "") for i in range(1, len(match.group()), 2))
    edits.extend((m.start(), m.end(), " ") for m in _DIGIT_SEPARATOR.finditer(folded))
    said = [edit for edit in number_word_edits(folded)  # "zéro six douze ..." written in digits
            if not any(start < edit[1] and edit[0] < end for start, end, _ in edits)]
    edits.extend(said)
    for match in _WORD.finditer(folded):
        if any(start <= match.start() < end for start, end, _ in said):
            continue
        if text[match.start()].isupper() and not _SENTENCE_START.search(text, max(0, match.start() - 6), match.start()):
            continue
        typed = text[match.start() : match.end()]
        spelt = _SPOKEN.get(typed.lower()) or _respelling(match.group(), typed, known_word)
        if spelt is not None:
            edits.append((match.start(), match.end(), spelt))
    if not edits:
        return None
    pieces: list[str] = []
    origin: list[int] = []
    done = 0
    for start, end, replacement in sorted(edits):
        pieces.append(text[done:start])
        origin.extend(range(done, start))
        pieces.append(replacement)
        # spread over the words replaced, the last character on their end ("0612" on "zéro six douze")
        last = max(len(replacement) - 1, 1)
        origin.extend(start + (end - 1 - start) * i // last for i in range(len(replacement)))
        done = end
    pieces.append(text[done:])
    origin.extend(range(done, len(text)))
    return Respelled("".join(pieces), tuple(origin))
