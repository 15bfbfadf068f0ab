"""Login identifiers typed as such: "mon identifiant c'est jdupont75", "login : marc.l",
"je mets nadiaF84 comme identifiant".

A login names one person's account as surely as a file number does, so it is masked like
one; the words around it stay ("identifiant", "mot de passe"). The value is the word after
the cue and its link (":", "c'est", "est"), or the first half of a pair ("identifiants :
jdupont / Soleil2024!", "identifiant et mot de passe : 1234567 Tigre2416"). People also
describe their login instead of giving it ("mon identifiant est bloqué", "mon identifiant
c'est mon numéro allocataire"): a plain word is a login only when it is not a French word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from ._model import Finding
from ._names import NameLexicon
from ._text import PASSWORD_WORDS, mentions, value_end

_CUE = (
    r"(?:\b[ld]?'?\s?identifiants?\b|\blogins?\b|\bid\b(?!\s*(?:card|de\s*la\s*caisse))|\bnom\s*d'?\s*utilisateur\b"
    r"|\buser(?:name)?\b|\bpseudo\b"
    # a person's account on a social network: "mon snap c maxou_rdt93", "sur insta @lina.drw_"
    r"|\b(?:mon|ma|son|sa|sur|en)\s+(?:insta(?:gram)?|snap(?:chat)?|tiktok|discord|telegram)\b"
    r"|\bidentificador\b|\bkullan[iı]c[iı]\s+ad[iı]\w*|\bnazwa\s+uzytkownika\b|\blogin-ul\b|\busuario\b"
    r"|\bbenutzername\b|\butente\b|\bnome\s+utente\b"
    # an account then a colon: "mon compte net-entreprises : sarl.dupuy.freres"
    r"|\bcompte\s+(?:net-?entreprises|ameli|caf|urssaf|msa|impots|pajemploi|cesu|franceconnect|info-?retraite)(?=\s*:))"
)
# A service or a qualifier between the cue and the link: "identifiant ameli", "identifiant de
# connexion caf". Letters only, a few words.
_NAMED = r"(?:\s+(?:de|du|pour|sur|d')?\s*(?:mon|ma|le|la|l'|mon\s*compte)?\s*[a-z'\-]{2,20}){0,3}?"
_LINK = r"(?:\s*(?:[:=]|->|=>)\s*(?:c'?\s?est\s*)?|\s+(?:c'?\s?est|cest|c|ce|est|etait)\b\s*(?::\s*)?)"
_VALUE = r"(?P<word>[^\s\"'«“/][^\s/]{1,59})"
_LINKED = re.compile(rf"{_CUE}(?P<named>{_NAMED}){_LINK}(?:le\s+)?{_VALUE}")
_PASSWORD = PASSWORD_WORDS
# A login dictated: "celine point fontaine", "nora tiret marchand quatre-vingt-sept", "agnes
# cinquante-sept tiret du bas mille neuf cent soixante et onze": words joined by spoken signs.
_SAID_NUMBER = (r"(?:" + "|".join([*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "cents?", "mille", "vingts"])
                + r")(?:-[a-z]+)*|et(?=\s+(?:un|une|onze)\b)|\d+")
_SAID_PART = rf"[a-z0-9]+(?:-[a-z]+)*(?:\s+(?:{_SAID_NUMBER})\b)*"
_SPOKEN = re.compile(
    rf"{_CUE}{_NAMED}{_LINK}(?:le\s+)?(?P<word>{_SAID_PART}"
    rf"(?:\s+(?:point|tiret(?:\s+(?:du\s+)?bas)?|underscore)\s+{_SAID_PART})+)")
# "identifiants : jdupont / Soleil2024!" and "identifiant et mot de passe : 1234567 Tigre2416".
_PAIRS = (
    re.compile(rf"{_CUE}\s*(?:[:=]|c'?\s?est|sont)?\s*{_VALUE}\s*/\s*\S"),
    re.compile(rf"{_CUE}\s*(?:et|/|&|\+)\s*{_PASSWORD}\s*(?:[:=]|c'?\s?est|sont)?\s*{_VALUE}"),
)
# Without a link, only a word shaped like a login counts (see `_login_shaped`): "identifiant
# fabrice.morlet mot de passe ...", "login ybelkhir93", "l'identifiant reçu par courrier c'est
# PLT7784Q", "je mets nadiaF84 comme identifiant", "lolo_du_62 c mon pseudo", "je me connecte avec
# "thierry.gaudin"", or with a word that is neither French nor a service ("avec jlgarnier").
_QUOTE_OPEN = r"[\"«“]?"
_CUE_ONLY = re.compile(_CUE)
_LINE_AFTER_CUE = re.compile(
    r"[ \t:]*(?:(?:ameli|caf|urssaf|msa|impots|franceconnect|pajemploi|cesu)[ \t:]*(?=\r?\n))?(?:\r?\n)?"
    r"(?:de\s+connexion\b[ \t:]*)?"  # "pseudo de connexion kalsoumbah"
)
_LATER_WINDOW = 90  # "identifiant sur autoentrepreneur.urssaf.fr, je crois que c'était vincent.deco33"
_SENTENCE_END = re.compile(r"[?!;\n]|\.(?:\s|$)")
_TOKEN = re.compile(r"[^\s\"«“»”/,]+")
_BEFORE = re.compile(rf"(?<![\w.@]){_QUOTE_OPEN}(?P<word>[^\s\"'«“/]{{2,59}}?)[\"»”]?\s+"
                     rf"(?:comme|c'?\s?est|c|est|en)\s+(?:mon\s+|le\s+)?{_CUE}")
_CONNECT = re.compile(
    rf"\bconnect\w*\s+(?:avec|par)\s+(?:l'?\s?identifiant\s+|le\s+login\s+)?{_QUOTE_OPEN}{_VALUE}"
)
# A bank's online login is digits: "mon identifiant bancaire 40782215", "identifiant client : 0712 4409".
_BANK_LOGIN = re.compile(
    r"\bidentifiants?\s+(?:bancaires?|banque|client|de\s+(?:ma|la)\s+banque)\s*(?::\s*|c'?\s?est\s+|est\s+)?"
    r"(?P<word>\d(?:\s?\d){5,11})(?![\w,.]?\d)")
# "mlemaire62 / azerty2434#": a login, a slash, a password (found as such by `_secret.py`).
_BARE_PAIR = re.compile(
    r"(?<![\S])(?P<word>[^\s\"'«“/]{5,59})\s*/\s*(?=\S*[a-z])(?=\S*\d)(?=\S*[#*!$%&§£+=~^?])\S{6,}"
)
_QUOTED_CONNECT = re.compile(r"\bconnect\w*\s+(?:avec|par)\s+[\"«“](?P<word>[^\s\"»”]{3,59})[\"»”]")
_OR_ANOTHER = re.compile(r"\s*(?:ou|/|,)\s*(?:peut-etre\s+)?(?P<word>[^\s\"'«“/,]{5,59})")
_WEB_ADDRESS = re.compile(r"(?:https?:|www\.)|\.(?:fr|com|org|net|gouv|eu)\b")
_HINTS = ("identifiant", "compte", "login", "utilisateur", "user", "pseudo", "connect", "id", "/", "identificador", "kullan",
          "uzytkownika", "usuario", "insta", "snap", "tiktok", "discord", "telegram", "benutzer", "utente")
_TRAILING = ".,;:)]!?"
# Words that say what the login is, or how it is, instead of giving it.
_DESCRIPTIONS = frozenset(
    """
    mail email e-mail adresse numero num n° no nir secu securite allocataire fiscal france
    franceconnect connect telephone portable bloque bloquee oublie perdu faux incorrect invalide
    inconnu introuvable errone change nouveau provisoire mdp mpd pwd password passe mot code
    """.split()
)


def _is_login(word: str, lexicon: NameLexicon) -> bool:
    """A value rather than a description: digits, dots or underscores with letters, or a
    word that is not French."""
    bare = word.rstrip(_TRAILING)
    if len(bare) < 3 or "@" in bare or bare in _DESCRIPTIONS or bare.startswith(("http", "www")):
        return False
    if re.fullmatch(r"\d{1,4}", bare) or re.match(r"(?:[jlcdnmst]|qu)'", bare):
        return False
    if any(c.isdigit() or c in "._" for c in bare):
        return True
    parts = bare.split("-")  # "auto-entrep-bmartin", "klmn-dupre": not "peut-etre"
    return all(p.isalpha() for p in parts) and any(not lexicon.ordinary_text(p) for p in parts if p)


# Names of services and accounts people put after "identifiant": never a login.
_SERVICES = frozenset(
    """
    ameli caf msa urssaf franceconnect impots cnav carsat agirc arrco agircarrco pajemploi cesu
    netentreprises netentreprise lassuranceretraite inforetraite ants cpam mgen francetravail
    poleemploi mesdroitssociaux autoentrepreneur monenfant
    """.split()
)


def _plain_login(word: str, lexicon: NameLexicon) -> bool:
    """A lowercase word of letters that is neither French nor a service's name ("gmorvillier")."""
    bare = word.rstrip(_TRAILING)
    return (len(bare) >= 6 and bare.isalpha() and bare not in _SERVICES and bare not in _DESCRIPTIONS
            and not lexicon.ordinary_text(bare))


def _login_shaped(word: str) -> bool:
    """Letters with digits, or letters joined by a dot or an underscore ("mamie.jo45",
    "fabrice.morlet", "PLT7784Q"), that is not a web address."""
    bare = word.rstrip(_TRAILING + "\"»”")
    if len(bare) < 5 or "@" in bare or _WEB_ADDRESS.search(bare):
        return False
    letters = sum(c.isalpha() for c in bare)
    return letters >= 2 and (any(c.isdigit() for c in bare) or re.search(r"[a-z][._][a-z]", bare) is not None
                             or re.search(r"[a-z]{4}-[a-z]+-[a-z]", bare) is not None)


# A SEPA creditor identifier ("identifiant créancier FR23ZZZ458120"): the fund's, printed on every
# direct-debit mandate, public.
_CREDITOR_ID = re.compile(r"[a-z]{2}\d{2}zzz[0-9a-z]{3,28}")


def find_login(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Yield the values of login identifiers typed after their name."""
    if not mentions(folded, _HINTS):
        return
    for finding in _logins(text, folded, lexicon):
        if _CREDITOR_ID.fullmatch(folded, finding.start, finding.end):
            continue
        yield finding
        # "mon identifiant c'est jdupont59 ou bgirard59 je sais plus": the other guess too
        other = _OR_ANOTHER.match(folded, finding.end)
        if other and _login_shaped(other.group("word")):
            start = other.start("word")
            yield Finding("LOGIN", start, _value_end(text, start, other.end("word")))


def _value_end(text: str, start: int, end: int) -> int:
    """End of the typed value, without the sentence's punctuation or a closing quote."""
    return value_end(text, start, end, _TRAILING + "\"»”")


def _logins(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Logins after their name (linked or shaped like one), in pairs, before "comme identifiant"."""
    for cue in _CUE_ONLY.finditer(folded):  # the first login-shaped word of the sentence
        start_of_value = _LINE_AFTER_CUE.match(folded, cue.end()).end()  # "identifiant\ntonton-rene62"
        window = folded[start_of_value : start_of_value + _LATER_WINDOW]
        end_of_sentence = _SENTENCE_END.search(window)
        window = window[: end_of_sentence.start()] if end_of_sentence else window
        first = _TOKEN.match(window)
        if first and _plain_login(first.group(), lexicon):  # "identifiant gmorvillier"
            start = start_of_value
            yield Finding("LOGIN", start, _value_end(text, start, start_of_value + first.end()))
            continue
        for token in _TOKEN.finditer(window):
            if _login_shaped(token.group()):
                start = start_of_value + token.start()
                yield Finding("LOGIN", start, _value_end(text, start, start_of_value + token.end()))
                break
    for pattern, shaped_only in ((_LINKED, False), (_PAIRS[0], False), (_PAIRS[1], False),
                                 (_BEFORE, True), (_CONNECT, True), (_BARE_PAIR, True), (_QUOTED_CONNECT, False)):
        for match in pattern.finditer(folded):
            word = match.group("word")
            shaped = _login_shaped(word) or (pattern is _CONNECT and _plain_login(word, lexicon))
            if shaped if shaped_only else _is_login(word, lexicon):
                start = match.start("word")
                yield Finding("LOGIN", start, _value_end(text, start, match.end("word")))
    for match in (*_SPOKEN.finditer(folded), *_BANK_LOGIN.finditer(folded)):
        yield Finding("LOGIN", match.start("word"), match.end("word"))
