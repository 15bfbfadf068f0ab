"""People's names: cue patterns plus spaCy `PER` entities, filtered conservatively.

spaCy's French model tags many capitalised chat words as `PER` ("Caf", "Janvier",
"Cordialement"), so a `PER` span is kept only if it holds name evidence: a known first
name, or a capitalised word that is neither in our stoplists nor an ordinary French word,
or if a cue introduces it ("je m'appelle", "Madame", "mon fils", a closing formula).
Cue patterns also catch lowercase names, which the statistical model misses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from bot.text import fold_same_length

from ._census import census_first_names, census_surnames, recent_first_names
from ._lexicon import (
    ADMINISTRATIVE_WORDS,
    CHAT_WORDS,
    DAYS,
    FIRST_NAMES,
    FIRST_NAMES_AS_WORDS,
    GREETINGS,
    LABEL_WORDS,
    MEDICAL_WORDS,
    MONTHS,
    ORGANISATIONS,
    PLACES,
    PUBLIC_FIGURES,
    RELATIVES,
    SITUATION_WORDS,
    TITLES,
)
from ._model import Finding

# Words that are never part of a name, whatever their case.
_NEVER_NAME = (
    GREETINGS | TITLES | CHAT_WORDS | ORGANISATIONS | MONTHS | DAYS | PLACES | LABEL_WORDS | ADMINISTRATIVE_WORDS
    | MEDICAL_WORDS
)

# How sure a cue makes us: STRONG and TITLE accept lowercase names that are not ordinary
# words; CAPITAL accepts capitalised words only; WEAK needs capitalised, non-ordinary words
# (or a known first name, and a surname unknown to the dictionary after it); SELF ("je
# suis", "c'est") is WEAK, but a lowercase first name that is also a word ("marie") needs
# a second word, as "je suis marie" mostly means married; SIGNATURE is TITLE, but a
# lowercase signature needs two words or a known first name ("merci davance" is no
# signature).
STRONG, TITLE, CAPITAL, LABEL, WEAK, SELF, SIGNATURE = (
    "strong",
    "title",
    "capital",
    "label",
    "weak",
    "self",
    "signature",
)

_STRONG_CUES = (
    # "mon nom est bien Blanc" (a correction), "mon nom c fofana", "moi c van der berg"
    r"\bj(?:e\s*)?\s?m'?\s?app?ell?e?s?\b|\bje\s+me\s+presente\b|\bmon\s+(?:nom|prenom)(?:\s+de\s+famille|\s+complet)?\s*"
    r"(?:est|c'?est|c\b|:)(?:\s+bien\b)?|\bmoi\s+c(?:'?est|\b)|\bmi\s+chiamo\b|\bme\s+llamo\b|\bmy\s+name\s+is\b|\bnazywam\s+sie\b"
    r"|\bma\s+numesc\b|\bad[iı]m\b|\bchamo-me\b|\b(?:o\s+)?meu\s+nome\s+e\b|\bsigne\b\s*:?|\bde\s+la\s+part\s+d(?:e\b|')"
    r"|\bich\s+hei(?:ss|ß|s)e\b|\bmi\s+nombre\s+es\b|\bil\s+mio\s+nome\s+e\b"
    r"|\bnom\s*(?:et\s+prenom\s*)?:|\bprenom\s*:"
    # "mon nom kowalski", "mon nom de famille cé ouedraogo", "cé moi haddad", "my name"
    r"|\bmon\s+(?:nom|prenom)(?:\s+de\s+famille|\s+complet)?(?=\s+[^\W\d_])(?!\s+(?:de|d'|du|marital|jf)\b)"
    r"|\bc'?\s?est\s+moi\b|\bc\s+moi\b|\bmy\s+name\b"
    # Darija in Latin letters, "my name": "ana smiti khadija", "esmi youssef"; "mon non" typed for "mon nom"
    r"|\b(?:smiti|esmi|ismi)\b|\bmon\s+non\b(?=\s+[^\W\d_]+\s+[^\W\d_])"
    # "my name is" in the Latin letters of Vietnamese, Somali, Albanian, Russian, Tamil, Bengali, Urdu,
    # Romanian, Turkish: "em tên là ...", "magacaygu waa ...", "emri im është ...", "menya zovut ..."
    r"|\bten\s+la\b|\bmagacay(?:gu|ga)\s+waa\b|\bemri\s+(?:im|yne)(?:\s+eshte)?\b|\bmenya\s+zovut\b"
    r"|\ben\s+peyar\b|\bamar\s+naa?m\b|\bmera\s+naa?m\b|\bnumele\s+meu(?:\s+(?:este|e))?\b|\bbenim\s+adim\b"
    # "nom d'usage : Mercier", "nom de naissance ROUSSEL", "nom d'usage perrin"
    r"|\b(?:nom|prenom)\s+(?:de\s+famille|d'\s?usage|de\s+naissance|de\s+jeune\s+fille|(?:de\s+)?jf|marital"
    r"|d'\s?epouse)\s*(?::|(?:est|c'?\s?est)\b)?"  # "nom jf Robin", "mon nom de naissance est Henry"
)
_TITLE_CUES = (r"\b(?:madame|monsieur|mme|mlle|melle|mademoiselle|mr|mrs|dr|docteur"
               # other languages: "la señora Dubreuil", "a senhora Costa", "Ms Patel", "Frau Becker", "pani Nowak"
               r"|senora|senor|sra|senhora|senhor|ms|miss|signora|frau|herr|pani)\.?")
_RELATIVE_WORDS = "|".join(sorted(RELATIVES, key=len, reverse=True))
# "mon fils Enzo", and "la maman de Kenzo" / "le pere d'Enzo"
_RELATIVE_CUES = (
    # "mon conjoint s'appelle Thierno", "il s'appelle Noah" (not "le navire s'appelle Bretagne")
    rf"\b(?:mon|ma|notre)\s+(?:ex[\s\-]+)?(?:{_RELATIVE_WORDS})\b(?:\s+s'\s?app?ell?e\b)?"
    rf"|\b(?:la|le|l')\s*(?:{_RELATIVE_WORDS})\s+(?:de\b|d')|\b(?:il|elle)\s+s'\s?app?ell?e\b"
    # children counted or named together: "mes jumeaux ilyes et rayan", "j'ai 3 enfant lina adam et
    # sara", "le petit mehdi"
    r"|\b(?:mes|nos)\s+(?:enfants?|jumeaux|jumelles|triples|fils|filles|petits?[\s\-]enfants)\b"
    r"|\b(?:[2-9]|deux|trois|quatre|cinq|six)\s+(?:enfants?|gosses)\b|\b(?:le|la)\s+petite?\b"
    # in the languages of people who live in France: "my son", "mi hija", "o meu filho", "mia moglie"
    r"|\bmy\s+(?:son|daughter|wife|husband|mother|father|mum|mom|dad|partner)\b"
    r"|\bmi\s+(?:hij[oa]|espos[oa]|marido|mujer|madre|padre)\b|\b(?:o\s+)?meu\s+(?:filho|marido|pai)\b"
    r"|\b(?:a\s+)?minha\s+(?:filha|esposa|mulher|mae)\b|\bmi[oa]\s+(?:figli[oa]|moglie|marito|madre|padre)\b"
    r"|\b(?:benim\s+)?(?:oglum|kizim|esim|kocam|karim|annem|babam)\b"  # Turkish: "my son", "my daughter", "my husband"...
    r"|\bmeine?\s+(?:sohn|tochter|mann|frau|mutter|vater)\b|\b(?:fiica|sotia|mama)\s+mea\b|\b(?:fiul|sotul|tatal)\s+meu\b"
    # Creole "manman mwen" (my mother), Lingala "ndeko na ngai" (my brother or sister)
    r"|\b(?:manman|papa|pitit|madanm|mari|fanm|fre)\s+mwen\b|\b(?:ndeko|mama|tata|mwana|mobali|mwasi)\s+na\s+ngai\b"
)
# Who looks after the children or the person: "l'assistante maternelle Yvette Lemaire", "la nounou Rosa".
_CARER_CUES = (
    r"\b(?:l'|la|le|mon|ma|notre|votre|son|sa|leur)\s*(?:assistante?s?\s+maternelles?|nounou|nourrice|baby-?sitter"
    r"|aide\s+a\s+domicile|auxiliaire\s+de\s+vie|garde\s+d'\s*enfants?|femme\s+de\s+menage|aide\s+menagere)\b"
)
# The other people of a person's life and file, who are named as relatives are: "ma voisine Wideline
# Dupont qui m'aide", "la conseillère Sandrine Morel", "Gérante : Małgorzata Żak", "mon propriétaire M. ..."
_ROLE_CUES = (
    r"\b(?:l'|la|le|mon|ma|notre|votre|son|sa|leur)\s*(?:voisine?|amie?|collegue|gerante?|patron(?:ne)?|proprietaire"
    r"|bailleur|bailleresse|tut(?:eur|rice)|curat(?:eur|rice)|mandataire|conseill(?:er|ere)|agente?|referente?"
    r"|assistante?\s+sociale?|gestionnaire|notaire|avocate?|employee?|salariee?)\b"
)
# "je suis", typed "jsuis", "jsui", "j'suis", "chui" in chats
_WEAK_CUES = (r"\bje\s+sui[ts]?\b|\bj'?\s?su(?:is?|s)\b|\bjam\b|\baz\s+sum\b|\bchui\b|\bc\s?'?\s?est|\bc\b|\bici"
               r"|\bsoy\b|\bsono\b|\bsunt\b|\bjestem\b|\bi\s+am\b|\bi'm\b|\bthis\s+is\b")  # "soy Rocío", "sono Alessandra"
# A bare label before a capitalised word ("nom Ferreira", "au nom de Nathalie Brun"): the
# ":" form is a strong cue, this one accepts capitalised words only.
_CAPITAL_CUES = (
    r"\b(?:nee|epouse|veuve|ep\.)"
    r"|\b(?:nom|prenom)(?:\s+(?:de\s+famille|d'usage|de\s+naissance|de\s+jeune\s+fille))?"
    r"|\bana\b"  # "slm ana Hamza": "I am" in Darija
    r"|\bau\s+nom\s+(?:de|du|d')"
    r"|\b(?:succession|obseques\s+de|defunte?|feue?|famille)"  # "pour la succession Vasseur", "la famille Boudiaf"
    r"|\[\d{1,2}[:h]\d{2}(?::\d{2})?\]"  # a pasted conversation: "[10:05] Abdou : ..."
    # "elle s'appelle Romy", "ma sœur a eu un bébé Lya"
    r"|\b(?:il|elle|bebe|fils|fille|enfant)\s+s'?\s?appell?e"
    r"|\b(?:un|une|le|la|notre)\s+(?:bebe|nouveau-nee?|nourrisson)"
)
# A letter's or a screen's blocks: "Allocataire : CLÉMENCE JACOB", "Titulaire : ROSA LEBRUN",
# "Destinataire\nKAMEL GUÉRIN", "Salariée : DELATTRE Awa", "Gérante : Małgorzata Żak"; a form's answer
# ("Salarié : Oui", "Conjoint : Aucun", "Allocataire : Temps partiel") is no name.
_LABEL_CUES = (
    r"\b(?:allocataire|destinataire|titulaire(?:\s+du\s+compte)?|beneficiaire|assuree?|adherente?|salariee?"
    r"|conjointe?|pensionnee?|enfants?(?:\s+a\s+charge)?|gerante?|tut(?:eur|rice)|curat(?:eur|rice)|mandataire"
    r"|employee?)[ \t]*(?::|(?=\n))"
)

_CLOSINGS = (
    r"(?:cordialement|cdlt|cdt|bien\s+a\s+vous|salutations(?:\s+distinguees)?|bisous"
    # in the languages of people who live in France or abroad
    r"|thanks|thank\s+you|(?:best\s+|kind\s+)?regards|saludos|atentamente|obrigad[oa]|cumprimentos|grazie"
    r"|cordiali\s+saluti|danke|pozdrawiam|multumesc"
    r"|merci(?:\s+(?:d'avance|par\s+avance|beaucoup|bien|encore))?|bonne\s+(?:journee|soiree)"
    r"|a\s+bientot)"
)

_CUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:{_STRONG_CUES})\s*[:,]?\s*"), STRONG),
    (re.compile(rf"(?:{_TITLE_CUES})\s+"), TITLE),
    (re.compile(rf"(?:{_RELATIVE_CUES}|{_CARER_CUES}|{_ROLE_CUES})\s*[,:]?\s*"), WEAK),
    (re.compile(rf"(?:{_WEAK_CUES})\s+"), SELF),
    (re.compile(rf"(?:{_CAPITAL_CUES})\s+[\"«“]?\s*"), CAPITAL),
    (re.compile(rf"(?:{_LABEL_CUES})\s+[\"«“]?\s*"), LABEL),
)
# "M. Dupont": the bare initial is a title only in upper case, matched on the raw text.
_MONSIEUR_INITIAL = re.compile(r"\bM\.?\s+(?=[A-Z])")
_SIGNATURE = re.compile(rf"(?:{_CLOSINGS})\s*[,.;:!\-]*\s*(?:\n\s*)?")

_TOKEN = re.compile(r"[ \t]*((?:[A-ZÀ-Ý]\.)|[^\W\d_]+(?:['’\-][^\W\d_]+)*)")
_PARTICLES = frozenset("de du des la le van von den der ben ibn el al da dos di del della ait ould".split())
_MAX_TOKENS = 5  # "María del Carmen Ruiz de Alarcón": particles count
# Elided pronouns and articles in lower case ("m'a", "j'ai", "l'appli"): never a name.
_ELISION = re.compile(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]")
_END_OF_MESSAGE = re.compile(r"[\s.!,;:)\-]*\Z")
# A signature's name, then the contact that ends it: "Cordialement, yolande pierre-louis tel 07 ...".
_CONTACT_AFTER_SIGNATURE = re.compile(r"[\s.,;:\-]*(?:t[eé]l|portable|mobile|mail|e-mail|courriel)\b\.?\s*:?\s*[\d+@\w]"
                                      # or the line a phone's mail app adds: "Obtenir Outlook pour Android"
                                      r"|[ \t]*\n+[ \t]*(?:envoy[eé] (?:de|depuis) mon|obtenir outlook|sent from my)",
                                      re.IGNORECASE)
# Praise and apologies typed after "madame" / "monsieur": no surname; nor what describes the
# person ("je garde un monsieur âgé", "une dame handicapée").
_NOT_SURNAMES_AFTER_TITLE = frozenset(
    "super genial parfait gentil sympa bravo excellent formidable courage desole navre "
    "age agee ages agees malade malades handicape handicapee invalide seul seule isole isolee "
    "retraite retraitee decede decedee hospitalise hospitalisee bien bon bonne pas plus toujours encore aussi deja".split()
)
# A strong cue that names the name itself ("je m'appelle", "mon nom est", "de la part de"), not
# "moi c'est" ("moi c'est bon"): only then may a lone lowercase surname follow.
_NAME_CUE_BEFORE = re.compile(r"(?:\bj(?:e\s*)?\s?m'?\s?app?ell?e?s?|\bnom(?:\s+de\s+famille)?(?:\s+(?:est|c'?\s?est|c))?(?:\s+bien)?"
                              r"|\bde\s+la\s+part\s+de)\s*:?\s*$")
# A capitalised word after one of these is a street, a school, a place: not a person.
_PLACE_BEFORE = re.compile(
    r"\b(?:rue|avenue|av|bd|boulevard|place|allee|impasse|chemin|quai|square|residence"
    r"|lotissement|cite|college|lycee|ecole|hopital|clinique|gare|centre|caf|cpam|msa"
    r"|carsat|mairie|ville|saint|sainte|st|ste|aeroport|stade|pont|parc|universite|fac"
    r"|institut|fondation|musee|mediatheque|bibliotheque|salle|gymnase|maison|espace"
    r"|residence|foyer|ehpad|creche|quartier|societe|magasin)\.?\s*(?:de\s+|du\s+|des\s+|d')?$"
)
_COMPANY_BEFORE = re.compile(r"\b(?:employeur|entreprise)\s*(?:de\s+|du\s+|des\s+|d')?$")
# A capitalised word after one of these names a law after its minister ("un rachat « loi
# Fillon »", "la réforme Touraine", "le dispositif Pinel"): not a person of the conversation.
# An "ordonnance" named after its minister has no "de": "l'ordonnance de Mme Rolland" is a patient's
# prescription.
_LAW_BEFORE = re.compile(
    r"\b(?:loi|lois|reforme|amendement|decret|dispositif)\s*(?:de\s+|d'\s*)?"
    r"(?:(?:mme|madame|m\.|monsieur|mr)\s+)?[«\"“]?\s*$"  # "la réforme de Mme Borne"
    r"|\bordonnance\s*[«\"“]?\s*$"
    # a system named like a person: the health insurance's exchange with the mutuelles, "télétransmission NOEMIE"
    r"|\b(?:teletransmission|flux|norme|liaison)\s+$")


def _named_before(folded: str, start: int, first_name: bool = False) -> bool:
    """Does what comes before `start` make the next capitalised word a place, a law or a public
    office holder ("la ministre Catherine Vautrin": public, not the person writing), a
    company ("employeur Leroy Merlin") or a letter spelled ("D comme Denis")? A known first name after "employeur" is a person's
    ("mon employeur Jacques Lefèvre", "ma micro entreprise Julien Caron Photographie")."""
    before = folded[max(0, start - 30) : start]
    company = not first_name and _COMPANY_BEFORE.search(before)
    return bool(company or _PLACE_BEFORE.search(before) or _LAW_BEFORE.search(before)
                or _PUBLIC_ROLE_BEFORE.search(before) or _SPELLING_BEFORE.search(before))


def public_by_context(folded: str, start: int) -> bool:
    """Does what comes before make the word at `start` a place's or a public figure's name? The
    first name may stand between ("la ministre Catherine Vautrin")."""
    previous = _PREVIOUS_WORD.search(folded, max(0, start - 30), start)
    return (_named_before(folded, start) or bool(_PLACE_NAMED_AFTER.search(folded, max(0, start - 30), start))
            or (previous is not None and _named_before(folded, previous.start(1))))


_PREVIOUS_WORD = re.compile(r"([a-z][a-z\-]*)\s+$")


# "D comme Denis": a word that spells a letter, not anyone's name.
_SPELLING_BEFORE = re.compile(r"(?<![\w'])[a-z]\s+comme\s+$")


_PUBLIC_ROLE_BEFORE = re.compile(
    r"\b(?:ministre|president(?:e)?(?:\s+de\s+la\s+republique)?|deputee?|senat(?:eur|rice)"
    r"|defenseu?r(?:e|se)?\s+des\s+droits"
    r"|secretaire\s+d'etat)\s+$"
)


CommonWords = Callable[[str, str], bool]  # (lowercase word, folded word) -> ordinary?


@dataclass(frozen=True)
class _Token:
    text: str
    folded: str
    start: int
    end: int


class NameLexicon:
    """Decides whether a word can be part of a name, from stoplists and French vocabulary."""

    def __init__(self, common: CommonWords, stop_words: frozenset[str],
                 inflected: Callable[[str], bool] = lambda lower: False):
        self._common = common
        self._stop = stop_words
        self._inflected = inflected
        # a pipeline without French vocabulary (a blank model) cannot tell French words from others
        self.knows_french = common("dossier", "dossier")

    def never(self, folded: str) -> bool:
        """Words that end a name: function words, titles, organisations, months, and compounds of
        them ("Agirc-Arrco", "Pôle-Emploi")."""
        if folded in _NEVER_NAME or folded in self._stop:
            return True
        parts = folded.split("-")
        return len(parts) > 1 and all(p in _NEVER_NAME or p in self._stop for p in parts)

    def ordinary(self, token: _Token) -> bool:
        """An ordinary French word (not a known first name)."""
        word = token.folded.rstrip(".")
        return word not in FIRST_NAMES and self._common(token.text.lower(), word)

    def ordinary_text(self, word: str) -> bool:
        """A French word or function word, typed as is ("introuvable", "mon"), not "jdupont"."""
        folded = fold_same_length(word.lower())
        return folded in self._stop or self._common(word.lower(), folded)

    def dictionary_word(self, word: str) -> bool:
        """A French word in any of its forms ("résidents", "appelez"), as typed."""
        return self.ordinary_text(word) or self._inflected(word.lower())

    def ordinary_word(self, token: _Token) -> bool:
        """An ordinary French word, even if it is also a first name ("rose", "pierre")."""
        return self._common(token.text.lower(), token.folded.rstrip("."))

    def surname_after_title(self, token: _Token) -> bool:
        """"madame dupont", "monsieur rousseau": after a civility title, a lowercase word the
        dictionary knows only as a noun is the surname; a verb or an adverb is the sentence going
        on ("madame excusez-moi", "monsieur vraiment merci")."""
        word = token.folded.rstrip(".")
        lower = token.text.lower().rstrip(".")
        return not (self._inflected(lower) or word.endswith("ment") or word in _NOT_SURNAMES_AFTER_TITLE)

    def accented_word(self, token: _Token) -> bool:
        """Typed with accents that make it an ordinary word ("marié"), not a name ("Marie")."""
        lower = token.text.lower().rstrip(".")
        return lower != token.folded.rstrip(".") and self._common(lower, lower)

    def evidence(self, token: _Token) -> bool:
        """Does this token on its own make a span look like a person's name?"""
        word = token.folded.rstrip(".")
        if len(word) < 2 or self.never(word) or not token.text[0].isupper():
            return False
        if word in FIRST_NAMES:
            return True
        if token.text.isupper() and len(token.text) <= 5:
            return False  # acronyms: APL, CAF, RSA...
        if word.startswith(("saint-", "sainte-", "st-", "ste-")):
            return False  # towns and saints' days: Saint-Martin, Sainte-Marie
        return not self.ordinary(token)


def _tokens_from(text: str, folded: str, pos: int) -> Iterator[_Token]:
    """Word tokens starting at pos, stopping at the first punctuation or digit."""
    while True:
        match = _TOKEN.match(text, pos)
        if not match:
            return
        start, end = match.span(1)
        yield _Token(match.group(1), folded[start:end], start, end)
        pos = end


def _name_after(
    text: str, folded: str, pos: int, strength: str, lexicon: NameLexicon
) -> Finding | None:
    """The name introduced by a cue ending at pos, if the following words qualify."""
    kept: list[_Token] = []
    pending: list[_Token] = []  # particles waiting for a name part after them
    if strength == SELF:
        surname_first = _surname_then_first_name(text, folded, pos, lexicon)
        if surname_first:
            return surname_first
    for token in _tokens_from(text, folded, pos):
        word = token.folded.rstrip(".")
        capital = token.text[0].isupper()
        particle_after_title = strength == TITLE and (pending or word not in ("la", "le", "les"))  # "Madame la Ministre"
        if word in _PARTICLES and len(pending) < 2 and (kept or capital or strength == STRONG or particle_after_title):
            pending.append(token)  # "Da Silva", "Marie de Laval", "nom : le goff", "Mme de la Fontaine"
            continue
        if strength == STRONG and not kept and not pending and word in _NOW:
            continue  # "je m'appelle maintenant marin roy"
        town_as_name = capital and strength in (STRONG, TITLE) and word in PLACES and not (
            kept and kept[-1].folded in PLACES)  # "Mme Nancy Petit", "je m'appelle Florence Nancy"
        if (lexicon.never(word) and not town_as_name) or len(kept) >= _MAX_TOKENS or _ELISION.match(token.text):
            break
        if strength in (WEAK, SELF):
            accepted = lexicon.evidence(token) or _lowercase_name_part(
                token, kept, strength, lexicon
            ) or (strength == WEAK and capital and not kept and word in census_first_names()  # "mon conjoint Hamza"
                  # the capitalised word after a capitalised first name is its surname: "ma voisine Wideline Dupont"
                  or strength == WEAK and capital and len(kept) == 1 and kept[0].text[0].isupper() and not pending)
        elif capital:
            accepted = len(word) >= 2 or token.text.endswith(".")
        elif strength in (CAPITAL, LABEL):
            # "nom fatou diallo": in lowercase, a known first name and a surname no dictionary knows
            accepted = _lowercase_name_part(token, kept, strength, lexicon)
        else:
            # "je m'appelle marie dupont": after a first name, the next word is the surname
            # even where the dictionary knows it (dupont, moreau, fournier...)
            after_first_name = len(kept) == 1 and kept[0].folded in FIRST_NAMES
            after_title = strength == TITLE and len(kept) < 2 and lexicon.surname_after_title(token)
            # "je m'appelle dupont", "mon nom est durand": alone after a strong cue, a surname the
            # dictionary knows only as a noun ("mon nom est inscrit", "moi c'est pareil": not names)
            lone_surname = (strength == STRONG and not kept and word in census_surnames()
                            and word not in SITUATION_WORDS and lexicon.surname_after_title(token)
                            and _NAME_CUE_BEFORE.search(folded, max(0, pos - 40), pos) is not None)
            accepted = (word in FIRST_NAMES or not lexicon.ordinary(token) or after_first_name or after_title
                        or lone_surname or strength == STRONG and _census_name_part(word, kept))
        # "c'est kevin le goff", "mohamed el amrani": after a known first name, a lowercase particle
        # belongs to the surname that follows it
        particle_of_surname = bool(kept) and kept[0].folded in FIRST_NAMES and not lexicon.ordinary(token)
        if not accepted or (pending and not capital and not particle_of_surname and (kept or strength != STRONG)):
            break
        kept.extend(pending)
        pending.clear()
        kept.append(token)
    if not kept:
        return None
    lowercase = not any(t.text[0].isupper() for t in kept)
    if strength == SIGNATURE and lowercase and len(kept) < 2 and kept[0].folded not in FIRST_NAMES:
        return None
    if strength == SELF and lowercase and len(kept) < 2 and kept[0].folded in FIRST_NAMES_AS_WORDS:
        return None  # "je suis marie depuis 2010", "c'est claire"
    if strength == LABEL and len(kept) < 2 and not kept[0].text.isupper() and lexicon.ordinary(kept[0]):
        return None  # "Salarié : Oui", "Allocataire : Temps partiel"
    return Finding("NAME", kept[0].start, kept[-1].end)


def _surname_then_first_name(text: str, folded: str, pos: int, lexicon: NameLexicon) -> Finding | None:
    """ "je suis diallo fatou": in lowercase, the surname first (a word the dictionary does not know
    and no first name), then a first name that is not also a word."""
    tokens = list(islice(_tokens_from(text, folded, pos), 2))
    if len(tokens) < 2 or tokens[0].text[0].isupper():
        return None
    surname, first_name = tokens
    known_first_name = first_name.folded in FIRST_NAMES or (
        first_name.folded in census_first_names() and not lexicon.dictionary_word(first_name.text))
    if (len(surname.folded) >= 3 and not lexicon.never(surname.folded) and not lexicon.dictionary_word(surname.text)
            and surname.folded not in FIRST_NAMES
            and known_first_name and first_name.folded not in FIRST_NAMES_AS_WORDS):
        return Finding("NAME", surname.start, first_name.end)
    return None


# What may sit between "je m'appelle" and the name.
_NOW = frozenset({"maintenant", "desormais", "aujourd'hui"})


def _census_name_part(word: str, kept: list[_Token]) -> bool:
    """After "je m'appelle": a first name that is also a word ("désiré", "blanche", "marin"), then a
    surname that is one too ("laurent", "roy"): the census knows them as names."""
    if not kept:
        return word in census_first_names()
    return len(kept) == 1 and kept[0].folded in census_first_names() and word in census_surnames()


def _lowercase_name_part(
    token: _Token, kept: list[_Token], strength: str, lexicon: NameLexicon
) -> bool:
    """After a weak cue: a lowercase first name, then a surname no dictionary knows.

    "je suis kevin lefort", "mon fils enzo": people type their names in lowercase. Beyond
    the first name only a word that is not ordinary French follows ("mon fils enzo malade"
    stops at "enzo"); "je suis marié", accented, is the word and never a first name.
    After a first name that is also a word ("je suis marie dupont"), any next word but a
    situation ("je suis marie pacsee") is the surname, even one the dictionary knows. A compound
    first name may come first ("mon pere jean pierre gautier").
    """
    word = token.folded.rstrip(".")
    if not kept:
        known = word in FIRST_NAMES or (len(word) > 3 and word in census_first_names()
                                        and not lexicon.dictionary_word(token.text))  # not "c max 100€"
        return known and not (strength == SELF and lexicon.accented_word(token))
    if len(kept) > 2 or any(t.folded not in FIRST_NAMES and t.folded not in census_first_names() for t in kept):
        return False
    if len(kept) == 1 and kept[0].folded in FIRST_NAMES_AS_WORDS:
        return word not in SITUATION_WORDS
    # "je suis rené chevalier", "mon père andré bouvier": a surname the dictionary also knows
    surname = len(kept) == 1 and word in census_surnames() and word not in SITUATION_WORDS
    return not lexicon.ordinary(token) or surname


_BANK_CODE_BEFORE = re.compile(r"\b(?:bic|swift)\b[^.?!,;\n\d]{0,20}$")


# "nom leger prenom florian": whatever stands between "nom" and "prénom" is the surname, even a word.
_SURNAME_BEFORE_FIRST_NAME_LABEL = re.compile(
    r"\bnom\s*:?\s*(?P<name>[^\W\d_]{2,}(?:[ \-][^\W\d_]{2,})?)\s*[,;]?\s+prenoms?\b")


def find_cued_names(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Names introduced by a cue: presentation, title, relative, signature."""
    for match in _SURNAME_BEFORE_FIRST_NAME_LABEL.finditer(folded):
        words = match.group("name").replace("-", " ").split()
        if not any(lexicon.never(word) for word in words):
            yield Finding("NAME", match.start("name"), match.end("name"))
    for pattern, strength in _CUE_PATTERNS:
        for match in pattern.finditer(folded):
            if strength == TITLE and _named_before(folded, match.start()):
                continue  # "rue du Docteur Gallet", "rue Madame": a street
            if _BANK_CODE_BEFORE.search(folded, max(0, match.start() - 30), match.start()):
                continue  # "le BIC c'est COBADEFFXXX": a bank's code, public
            found = _name_after(text, folded, match.end(), strength, lexicon)
            if found:
                yield found
    for match in _MONSIEUR_INITIAL.finditer(text):
        found = _name_after(text, folded, match.end(), TITLE, lexicon)
        if found:
            yield found
    for match in _SIGNATURE.finditer(folded):
        found = _name_after(text, folded, match.end(), SIGNATURE, lexicon)
        if found and (_END_OF_MESSAGE.match(text, found.end) or _CONTACT_AFTER_SIGNATURE.match(text, found.end)):
            yield found


_CAPITALISED_WORD = re.compile(r"(?<![\w'’\-])[A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý][^\W\d_]+)?")
_SENTENCE_START = re.compile(r"[.!?:\n][\s\"'«(]*$")
_LOOK_BACK = 12


# Streets and buildings named after a person: the name is the place's.
_PLACE_NAMED_AFTER = re.compile(
    r"\b(?:rue|avenue|av|bd|boulevard|place|allee|impasse|quai|chemin|square|cours|passage|college"
    r"|lycee|ecole|hopital|clinique|stade|residence|cite|pont|gare|centre|parc|mediatheque|creche"
    # "l'assistante maternelle de Gabriel" keeps the child's name: a childminder, not a school
    r"|groupe\s+scolaire|(?<!assistante\s)(?<!assistant\s)(?<!asmat\s)maternelle|primaire|universite|faculte"
    r"|fondation|institut|ehpad|foyer)\.?"
    # "collège Jean Moulin", "rue du Général Leclerc"; not "collège pour Mattéo"
    r"\s+(?:de\s+|du\s+|des\s+|d')?(?:(?!pour\b|avec\b|par\b|chez\b|et\b|a\b)[a-z\-]+\s+)?$"
)


# A surname typed in capitals (more than an acronym's five letters, or hyphenated) right before
# the first name, or in the column before it of a pasted record ("DUPONT|Marie", "DUPONT;Marie").
_SURNAME_BEFORE = re.compile(r"(?<![\w'])([A-ZÀ-Ý]{2,}(?:-[A-ZÀ-Ý]{2,})?)(?:[ \t]+|[ \t]*[|;][ \t]*)$")


# An agent's or a person's first name where a greeting or a signature puts it: "Bonjour Patrice,",
# "Julien - CPAM", "Véronique, Assurance retraite" on a line of its own at the end of a reply.
_GREETED = re.compile(r"\b(?i:bonjour|bonsoir|salut|hello|coucou)\s+(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s*[,!]")
_SIGNED = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)[ \t]*[,\-–][ \t]*"
    r"(?i:cpam|caf|urssaf|msa|carsat|cnav|assurance|support|service|conseill\w*|agence|caisse)\b")


# Who wrote each message of a thread pasted from WhatsApp, Messenger or SMS: "Florence : ta tante
# a appelé", "[12/03 18:40] Nour: ...", "Ali (Messenger) : salut", "Océane 🌸 16:45" on its own line.
_TIME = r"\d{1,2}[:h]\d\d"
_STAMP = rf"(?:\[[^\]\n]{{3,25}}\]|(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?,?[ \t]+)?{_TIME})[ \t]*[\-–:]?[ \t]*"
_SPEAKER = re.compile(
    rf"(?:^|\n)[ \t>\"«“]*(?:{_STAMP})?(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
    rf"(?:[ \t]*(?:\([^()\n]{{1,20}}\)|[^\w\s:,.;!?'’\-]{{1,3}}))*"
    rf"(?:[ \t]*:(?!\d)|[ \t]+{_TIME}[ \t]*(?=\n))")
# Census first names that head a line as words: months, a country, a parent.
_NOT_SPEAKERS = MONTHS | DAYS | {"france", "papa"}


def find_greeted_and_signed_names(text: str, folded: str) -> Iterator[Finding]:
    """First names the census knows, after a greeting, before the fund's name in a signature, or
    heading a message of a pasted thread."""
    for pattern in (_GREETED, _SIGNED, _SPEAKER):
        for match in pattern.finditer(text):
            name = folded[match.start("name"):match.end("name")]
            if pattern is _SPEAKER and name in _NOT_SPEAKERS:
                continue
            if all(part in census_first_names() for part in name.split("-")):
                yield Finding("NAME", match.start("name"), match.end("name"))


def find_known_first_names(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """A capitalised known first name ("avec Sylvie Marchal"), with the surname after it.

    At the start of a sentence, a first name that is also an ordinary word ("Rose",
    "Pierre") is not enough: capitals there say nothing.
    """
    for match in _CAPITALISED_WORD.finditer(text):
        word = folded[match.start() : match.end()]
        parts = word.split("-")  # "Marie-Louise" too
        known = all(part in FIRST_NAMES for part in parts) or (
            not match.group().isupper()  # "MAE/2025/...": an acronym
            and all(part in FIRST_NAMES or _recent_first_name(part, lexicon) for part in parts)
            and not _mostly_foreign(text, lexicon))
        if not known and not _census_first_name_with_surname(text, folded, match, lexicon):
            continue
        if _named_before(folded, match.start(), first_name=known):  # "employeur Leroy Merlin": a company
            continue
        if _PLACE_NAMED_AFTER.search(folded, max(0, match.start() - 30), match.start()):
            continue  # "rue Victor Hugo", "collège Jean Moulin": a place named after someone
        token = _Token(match.group(), word, match.start(), match.end())
        look_back = max(0, match.start() - _LOOK_BACK)
        at_start = (look_back == 0 and not text[: match.start()].strip(" \t\"'«(")) or bool(
            _SENTENCE_START.search(text, look_back, match.start())
        )
        if at_start and lexicon.ordinary_word(token):
            continue
        start, end = match.start(), match.end()
        before = _SURNAME_BEFORE.search(text, max(0, start - 30), start)  # "LEMOINE Martine"
        if before and not lexicon.never(folded[before.start(1) : before.end(1)]):
            if text[before.end(1):start].strip(" \t"):  # "DUPONT|Marie": each column its own value
                yield Finding("NAME", before.start(1), before.end(1))
            else:
                start = before.start(1)
        for follower in _tokens_from(text, folded, end):
            if (not follower.text[0].isupper() or lexicon.never(follower.folded.rstrip("."))
                    or _number_sign(text, follower) or "\t" in text[end : follower.start]):  # a table's next column
                break
            end = follower.end
            if end - match.start() > 40:
                break
        if folded[start:end].split()[-1] in PUBLIC_FIGURES and start == match.start():
            continue  # "Elisabeth Borne avait dit...": a public figure
        yield Finding("NAME", start, end)


# "MARTINEZ Carlos", "DA COSTA Manuel", "DE MAGALHAES Ana": a surname in capitals (with its
# particle), then a first name of the census lists, as forms and lists of people write them, and
# as records pasted from a file or a QR code put them, in columns ("DUPONT|Marie|...", "DUPONT;Marie").
_CAPITAL_SURNAME_FIRST = re.compile(
    r"(?<![\w'’\-])(?P<surname>(?:(?:DE|DA|DOS|DAS|DU|DES|LE|LA|VAN|VON|EL|BEN|AIT|AÏT|MAC)[ \t]+)?"
    r"[A-ZÀ-Ý]{3,}(?:-[A-ZÀ-Ý]{2,})?)(?:[ \t]+|[ \t]*[|;][ \t]*)(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w'’])")


def find_capital_surnames_first(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """A surname typed in capitals right before a first name (see above)."""
    for match in _CAPITAL_SURNAME_FIRST.finditer(text):
        first = folded[match.start("first"):match.end("first")]
        surname = folded[match.start("surname"):match.end("surname")].replace("-", " ").split()
        if not all(part in FIRST_NAMES or part in census_first_names() for part in first.split("-")):
            continue
        if any(lexicon.never(word) for word in surname if word not in _PARTICLES):  # "CAF Marie", "RIB Paul"
            continue
        if text[match.end("surname"):match.start("first")].strip(" \t"):  # columns: each value its own
            yield Finding("NAME", match.start(), match.end("surname"))
            yield Finding("NAME", match.start("first"), match.end())
        else:
            yield Finding("NAME", match.start(), match.end())


# Months people write in English ("an appointment on 14 June"), first names too.
_ENGLISH_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _recent_first_name(word: str, lexicon: NameLexicon) -> bool:
    """A first name given since 2001 that is no French word, place or label ("Lyna", not
    "Victoire", "Nancy" or "Iban")."""
    return (word in recent_first_names() and word not in _ENGLISH_MONTHS and not lexicon.never(word)
            and not lexicon.dictionary_word(word))



_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?|[A-ZÀ-Ý]{2,})(?![\w'’])")


_WORKPLACE_BEFORE = re.compile(r"\b(?:chez|travaille\s+(?:a|pour)|embauchee?\s+(?:a|par)|magasin|enseigne)\s+$")


def _census_first_name_with_surname(text: str, folded: str, match: re.Match[str], lexicon: NameLexicon) -> bool:
    """ "Ginette Roux", "Pierrette Morin": a first name of the census lists missing from the curated
    one, then a capitalised surname of the census, or two words no dictionary knows ("France
    Travail", "Marine Nationale" are no one)."""
    word = folded[match.start() : match.end()]
    if _WORKPLACE_BEFORE.search(folded, max(0, match.start() - 30), match.start()):
        return False  # "je travaille chez Leroy Merlin": a shop named after its founders
    if (match.group().isupper() or lexicon.never(word) or word in FIRST_NAMES_AS_WORDS
            or word.split("-")[0] in ("saint", "sainte")  # "Saint Denis", "Saint-Étienne Cedex": places
            or not all(part in census_first_names() for part in word.split("-"))):
        return False
    surname = _NEXT_CAPITALISED.match(text, match.end())
    if not surname:
        return False
    folded_surname = folded[surname.start(1) : surname.end(1)]
    if lexicon.never(folded_surname):
        return False
    return folded_surname in census_surnames() or not (
        lexicon.dictionary_word(surname.group(1)) or lexicon.dictionary_word(match.group()))


def _cued(folded: str, start: int) -> bool:
    """Is there a cue right before this position?"""
    before = folded[max(0, start - 40) : start]
    for pattern, _strength in _CUE_PATTERNS:
        for match in pattern.finditer(before):
            if match.end() == len(before):
                return True
    return False


_WORD_PIECE = re.compile(r"[^\W\d_]+")


def may_hold_person_span(text: str, folded: str, lexicon: NameLexicon) -> bool:
    """Could `filter_person_spans` keep any PER span of this text? If not, skip the NER.

    The filter keeps a span only if one of its words is capitalised and either carries
    name evidence or follows a cue; so a text where no capitalised word (nor any piece of
    a hyphenated or elided word, where spaCy may start a span: "Marie-Thérèse",
    "d'Artagnan") passes that test cannot yield a name from the statistical model, and its
    NER pass, which costs ~30 times all the pattern detectors, is skipped. Lowercase names
    after a cue ("je suis marie dupont") never reach the filter either: the cue patterns
    find them without the model.
    """
    for token in _tokens_from_span(text, folded, 0, len(text)):
        pieces = [token]
        if any(c in token.text for c in "-'’"):
            pieces.extend(_tokens_from_span(text, folded, token.start, token.end, _WORD_PIECE))
        for piece in pieces:
            if piece.text[0].isupper() and (lexicon.evidence(piece) or _cued(folded, piece.start)):
                return True
    return False


def filter_person_spans(
    text: str, folded: str, spans: list[tuple[int, int]], lexicon: NameLexicon
) -> Iterator[Finding]:
    """Keep the statistical PER spans that carry name evidence, trimmed of titles and cut at the end
    of their line; a span over two tags ("@Thomas Nguyen @Mehdi Bouaziz") is two names, a piece of a
    handle ("@MSA_Fr") none."""
    foreign = _mostly_foreign(text, lexicon) if spans else False
    for span_start, span_end in _split_at_handles(text, spans):
        tokens = list(_tokens_from_span(text, folded, span_start, span_end))
        while tokens and (_droppable_head(tokens, lexicon) or _number_sign(text, tokens[0])):
            tokens.pop(0)
        while tokens and (
            lexicon.never(tokens[-1].folded.rstrip(".")) or tokens[-1].folded in _PARTICLES
            or _number_sign(text, tokens[-1])
        ):
            tokens.pop()
        words = [t.folded.rstrip(".") for t in tokens]
        if not tokens or any(lexicon.never(w) and w not in _PARTICLES for w in words):
            continue
        if len(tokens) > _MAX_TOKENS + 1:
            continue  # a whole clause in another language, read as a name by the model
        start, end = tokens[0].start, tokens[-1].end
        if _named_before(folded, start):
            continue
        if _PLACE_NAMED_AFTER.search(folded, max(0, start - 30), start):
            continue  # "l'école maternelle Jules Ferry": a place named after someone
        if _COURT_CHAMBER_AFTER.match(folded, end):
            continue  # "Cass. soc., 13 mars 2024": a court's abbreviation
        cued = _cued(folded, start) and tokens[0].text[0].isupper()
        if not cued and len(words) <= 2 and words[-1] in PUBLIC_FIGURES:
            continue  # "Macron augmente tout": a public figure named without a title or cue
        if foreign and not cued and not any(t.folded in census_first_names() for t in tokens):
            continue  # a message in another language: the model reads its capitalised words as names
        if cued or any(lexicon.evidence(t) for t in tokens):
            yield Finding("NAME", start, end)


_WORD_OF_THREE = re.compile(r"(?<![\w'])[^\W\d_]{3,}(?![\w'])")
_FOREIGN_SHARE = 0.5  # under this share of French words among its lowercase words, a message is in another language
_MIN_WORDS = 3


def _mostly_foreign(text: str, lexicon: NameLexicon) -> bool:
    """Is this message written in another language ("Słyszałam, że 148,52 € ...", "Ho visto ...")?"""
    words = [word for word in _WORD_OF_THREE.findall(text) if word.islower()]
    if len(words) < _MIN_WORDS or not lexicon.knows_french:
        return False
    return sum(lexicon.dictionary_word(word) for word in words) < _FOREIGN_SHARE * len(words)


_COURT_CHAMBER_AFTER = re.compile(r"\.?\s*(?:soc|civ|crim|com|req|ass\.?\s*plen)\b\.?")
_HANDLE_TOKEN = re.compile(r"\S*[_\d.]")


def _split_at_handles(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for span_start, span_end in spans:
        token_start = max(text.rfind(space, 0, span_start) for space in " \t\n") + 1
        at_sign = text.rfind("@", token_start, span_start)
        if 0 <= at_sign < span_start - 1:
            continue  # inside a handle, after its at-sign: "@MSA_Fr"
        pieces = [span_start, *(i + 1 for i in range(span_start, span_end) if text[i] == "@"), span_end + 1]
        for start, end in zip(pieces, pieces[1:]):
            after_at_sign = text[start - 1 : start] == "@"
            if text[start : end - 1].strip() and not (after_at_sign and _HANDLE_TOKEN.match(text, start)):
                # a name ends with its line: "VIDAL Geneviève\nAllocataire : ..."
                line_end = text.find("\n", start, end - 1)
                yield start, len(text[: end - 1 if line_end < 0 else line_end].rstrip())


def _droppable_head(tokens: list[_Token], lexicon: NameLexicon) -> bool:
    """Titles, greetings, stray letters before a name; not a particle of it ("Da Silva")."""
    head = tokens[0]
    word = head.folded.rstrip(".")
    if word in _PARTICLES and head.text[0].isupper() and len(tokens) > 1:
        return not tokens[1].text[0].isupper()
    return lexicon.never(word) or (len(word) < 2 and head.text.islower())


def _number_sign(text: str, token: _Token) -> bool:
    """The N of "N°" ("Allocataire : M. JACQUET Tristan\tN° 9271303"): the model's span runs on to it."""
    return len(token.text) == 1 and text[token.end : token.end + 1] in ("°", "º")


_SPAN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")


def _tokens_from_span(
    text: str, folded: str, start: int, end: int, word: re.Pattern[str] = _SPAN_WORD
) -> Iterator[_Token]:
    for match in word.finditer(text, start, end):
        s, e = match.span()
        yield _Token(text[s:e], folded[s:e], s, e)


# Letters of the scripts other than Latin that names are written in: Greek, Cyrillic, Armenian, Hebrew,
# Arabic (not its comma nor its question mark), Devanagari, Bengali, Tamil, Thai, Georgian, Ethiopic, Khmer,
# Tifinagh, Chinese, Korean.
_OTHER_SCRIPT = (
    "\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0620-\u0669\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u0900-\u097f"
    "\u0980-\u09ff\u0b80-\u0bff\u0e00-\u0e7f\u10a0-\u10ff\u1200-\u137f\u1780-\u17ff\u2d30-\u2d7f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af"
)
_OTHER_SCRIPT_WORDS = rf"[{_OTHER_SCRIPT}]+(?:[ \-][{_OTHER_SCRIPT}]+){{0,3}}"
# "Anastasia Morozova (Анастасия Морозова)": the same name in its own script, in brackets after it.
_SAME_NAME_AFTER = re.compile(rf"\s*[(\[]\s*(?P<name>{_OTHER_SCRIPT_WORDS})\s*[)\]]")
# "je suis 李伟", "mon nom en arabe c'est يوسف بن علي", "меня зовут Наталья Иванова".
_NAME_IN_ITS_SCRIPT = re.compile(
    rf"(?:\b(?:je\s+suis|je\s+m'?\s?appelle|c'?\s?est|s'appelle|mon\s+nom|prenom)\b[^.?!\n\d]{{0,25}}?\s"
    # "我叫王秀英" / "我是..." (Chinese: "my name is", "I am"), no space before the name
    # "my name is" in Ukrainian, Bulgarian, Persian, Urdu, Bengali, Tamil, Amharic, Tigrinya, Georgian
    rf"|меня\s+зовут\s+|мене\s+звати\s+|казвам\s+се\s+|اسمي\s*|نام\s+من\s+|میرا\s+نام\s+|আমার\s+নাম\s+"
    rf"|என்\s+பெயர்\s+|ስሜ\s+|ስመይ\s+|ჩემი\s+სახელია\s+|我叫\s*|我是\s*)(?P<name>{_OTHER_SCRIPT_WORDS})"
    # "أنا يوسف العمراني" ("I am"), "راجلي محمد بنعلي" ("my husband", in Darija), "زوجتي", "ولدي",
    # "بنتي", "أمي": two words at most, as the rest of the sentence follows; three when a comma or the
    # end closes them ("أنا فاطمة الزهراء بنعلي، ...")
    # "الوالد ديالي" (my father), "الوالدة ديالي" (my mother), "والدي", "ابني"; a name that opens with "عبد"
    # or "أبو" ("servant of", "father of") holds a third word: "عبد القادر بوزيد"
    rf"|(?<![{_OTHER_SCRIPT}])(?:[أا]نا|راجلي|زوجي|زوجتي|مراتي|ولدي|بنتي|[أا]مي|[أا]بي|خويا|ختي|والدي|والدتي|[أا]بني"
    rf"|[أا]بنتي|[أا]خي|[أا]ختي|(?:ال)?(?:والد|والدة|راجل|مرا|ولد|بنت|خو|خت)\s+ديالي)\s+"
    rf"(?P<self_name>(?:عبد|[أا]بو)\s[{_OTHER_SCRIPT}]+\s[{_OTHER_SCRIPT}]+"
    rf"|[{_OTHER_SCRIPT}]+(?:\s[{_OTHER_SCRIPT}]+){{2}}(?=\s*(?:[،,.!؟?]|$))"
    rf"|[{_OTHER_SCRIPT}]+(?:\s[{_OTHER_SCRIPT}]+)?)"
)


# Names in a list: "Jules et Ambre", "Timothée, Constance et Aliénor", "Abdel 2010, Nour 2012".
# A colon opens the list ("trois enfants : Anna, Marc et Irène"); a sentence's first word says nothing.
_SENTENCE_BREAK = re.compile(r"[.!?\n][\s\"'«(]*$")
# ", ", " et ", " and ", a birth year or an age between ("yanis 11ans kenza 8ans")
_LIST_LINK = r"(?:\s*,\s*|\s+(?:et|&|and|y)\s+|\s+(?:19|20)\d\d\s*,\s*|\s+\d{1,2}\s?ans?\s*(?:,\s*|et\s+)?)"
_NEXT_IN_LIST = re.compile(rf"{_LIST_LINK}(?P<name>[A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý][^\W\d_]+)?)\b")
# "enfants : lina 2015, adam 2018": in lowercase, a first name that no dictionary knows as a word.
_NEXT_LOWERCASE_IN_LIST = re.compile(rf"{_LIST_LINK}(?P<name>[a-zà-ÿ]{{3,}}(?:-[a-zà-ÿ]+)?)\b")
_BEFORE_IN_LIST = re.compile(rf"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý][^\W\d_]+)?){_LIST_LINK}$")


def _first_name_not_word(word: str, lexicon: NameLexicon) -> bool:
    folded = fold_same_length(word.lower())
    return (all(part in FIRST_NAMES or part in census_first_names() for part in folded.split("-"))
            and folded not in FIRST_NAMES_AS_WORDS and not lexicon.dictionary_word(word))


def find_names_in_lists(text: str, folded: str, names: Iterable[Finding], lexicon: NameLexicon) -> Iterator[Finding]:
    """Yield the capitalised words listed with a name found ("mes 2 enfants Nael et Lya", "pour
    Alicia et Hamza"): in a list of first names, the one the dictionary also knows ("Ambre",
    "Constance") is a first name too. Not a function word, a month, a place or an organisation."""
    pending = list(names)
    seen = {(name.start, name.end) for name in pending}
    while pending:
        name = pending.pop()
        before = _BEFORE_IN_LIST.search(text, max(0, name.start - 40), name.start)
        lowercase = _NEXT_LOWERCASE_IN_LIST.match(text, name.end)
        if lowercase and not _first_name_not_word(lowercase.group("name"), lexicon):
            lowercase = None
        for match in (_NEXT_IN_LIST.match(text, name.end), before, lowercase):
            if not match or lexicon.never(folded[match.start("name") : match.end("name")]):
                continue
            found = Finding("NAME", match.start("name"), match.end("name"))
            at_sentence_start = _SENTENCE_BREAK.search(text, max(0, found.start - 3), found.start)
            if (found.start, found.end) not in seen and not at_sentence_start:
                seen.add((found.start, found.end))
                pending.append(found)
                yield found


_GAP_AFTER_DATE = re.compile(r"[ \t]*[,\-–]?[ \t]*")


# An initial typed before a surname: "Cordialement, J. Morvan" (not "M. Dupuis": Monsieur).
_INITIAL_BEFORE = re.compile(r"(?<![\w.'’\-])(?!M\.)(?:[A-ZÀ-Ý]\.-?){1,2}[ \t]?$")  # and "J.-P. Lemoine"
_WORD = re.compile(r"[^\W\d_]{4,}")


def find_names_again(text: str, folded: str, names: Iterable[Finding], lexicon: NameLexicon) -> Iterator[Finding]:
    """A name found once is a name wherever else the message writes it ("Hervé Castagné, DRH,
    Transports Castagné"), and so is the initial typed before it ("J. Morvan"). Words of a name that
    are also ordinary words ("Marin", "Petit") are left where they stand elsewhere, and so is all of
    a message in another language, whose ordinary words the lexicon does not know ("my French ...")."""
    names = list(names)
    words: set[str] = set()
    for name in names:
        initial = _INITIAL_BEFORE.search(text, max(0, name.start - 3), name.start)
        if initial:
            yield Finding("NAME", initial.start(), name.end)
        for match in _WORD.finditer(folded, name.start, name.end):
            if folded.count(match.group()) < 2:
                continue  # most names are written once: nothing to look for
            token = _Token(text[match.start():match.end()], match.group(), match.start(), match.end())
            if not lexicon.ordinary(token) and not lexicon.never(match.group()):
                words.add(match.group())
    if not words or _mostly_foreign(text, lexicon):
        return
    # the whole name where it is written again whole, one finding; then its words alone
    whole = {folded[name.start:name.end] for name in names if " " in folded[name.start:name.end]}
    taken = list(names)
    for value in (*sorted(whole, key=len, reverse=True), *words):
        for start in _whole_word_positions(folded, value):
            if not any(found.start <= start < found.end for found in taken):
                taken.append(Finding("NAME", start, start + len(value)))
                yield taken[-1]


def _whole_word_positions(folded: str, value: str) -> Iterator[int]:
    """Where `value` stands as whole words (a plain search: a pattern compiled per name costs more)."""
    start = folded.find(value)
    while start >= 0:
        end = start + len(value)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not (before.isalnum() or before in "_'’-" or after.isalnum() or after in "_'’-"):
            yield start
        start = folded.find(value, start + 1)


def find_names_after_birth_dates(text: str, folded: str, found: Iterable[Finding],
                                 lexicon: NameLexicon) -> Iterator[Finding]:
    """ "moi né le 3.4.85 sandra lopes": a lowercase name typed right after a birth date, with no
    cue of its own. Capitalised names there are read by the other readers; a town is not a name."""
    for finding in found:
        if finding.type != "BIRTHDATE":
            continue
        start = _GAP_AFTER_DATE.match(text, finding.end).end()
        if start < len(text) and text[start].islower():
            name = _name_after(text, folded, start, SELF, lexicon)
            if name:
                yield name


def find_names_in_other_scripts(folded: str, names: Iterable[Finding]) -> Iterator[Finding]:
    """Yield names written in a script other than Latin: after a name, in brackets, or after a
    presentation."""
    if folded.isascii():
        return
    for name in names:
        same = _SAME_NAME_AFTER.match(folded, name.end)
        if same:
            yield Finding("NAME", same.start("name"), same.end("name"))
    for match in _NAME_IN_ITS_SCRIPT.finditer(folded):
        group = "name" if match.group("name") else "self_name"
        yield Finding("NAME", match.start(group), match.end(group))
