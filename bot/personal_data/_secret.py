"""Passwords and confidential codes typed as such: the secret value is masked, not the words.

"mon mot de passe c'est Soleil2024!", "mdp: azerty", "mot de passe ameli : ...",
"code confidentiel 1234", "code d'accès : 8812", "identifiants : jdupont / Azerty12".
One-time codes are secrets too while they are valid ("code reçu par sms : 482913", "le
code de vérification 4587", "OTP 744007"): a code of 4 to 8 digits after "code" and a
few words saying what kind of code it is (received, by text message, verification, PIN,
sent by FranceConnect...) or "mon code" (the person's own), even typed before its name
("c'est 7 0 2 3 0 8 le code qu'on m'a envoyé", "le sms dit 124798"), but not a postcode or an article of a legal
code ("code postal 75012", "code du travail").
The value is the word that follows the cue and its link ("c'est", ":", "="), or a quoted
phrase; a word that looks like a password (letters with digits or symbols) needs no
link ("mot de passe provisoire reçu par courrier Xb4-kP9z"), and in a message about logging
in, one made of letters, digits and a symbol is a password wherever it stands ("j'ai tapé
azerty38* puis azerty81#"). Chats also talk about
passwords without giving one ("mon mdp est bloqué", "mot de passe oublié"): a plain
lowercase word is a secret only after an explicit link and when it is not one of the
words people use to describe a password or a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.text import fold_same_length

from ._model import Finding
from ._text import PASSWORD_WORDS, mentions, value_end

_PASSWORD = PASSWORD_WORDS
_CODE = (
    r"(?:\bcode\s*(?:pin\b|secret\b|confidentiel\b|perso(?:nnel)?\b|d'?\s*acc?es\b|acces\b"
    r"|provisoire\b|temporaire\b|de\s*connexion\b|de\s*securite\b|d'?\s*activation\b|sms\b"
    r"|recu\s*par\s*(?:sms|courrier|e-?mail|mail|texto)\b"
    r"|3\s*d\s*secure\b)"
    # the tax office's online access number, printed on the notice to open one's account
    r"|\b(?:n°|numero|no)\s*d'?\s*acces\s*en\s*ligne\b"
    r"|\bpin\b|\botp\b|\bcode\s*(?:de\s*(?:ma|la|mon)\s*)?(?:carte\s*(?:bancaire|bleue)?|cb)\b)"
)
# A service named between the cue and the value: "mot de passe ameli : ...", "mdp de mon
# compte caf c'est ...", "mot de passe impots.gouv c'est ...". Short, without digits, and a link must then follow.
_NAMED = r"(?:\s+(?:de|du|pour|sur|d')?\s*(?:mon|ma|l'|le|la|mon\s*compte)?\s*[a-z'\-]{2,20}(?:\.gouv)?){0,4}?"
_LINK = r"(?:\s*(?:[:=]|->|=>)\s*(?:c'?\s?est\s*)?|,?\s+(?:c'?\s?est|cest|c|est|c'?\s?etait|etait|sera)\b\s*(?::\s*)?)"
_QUOTED = r"[\"'«“](?P<quoted>[^\"'»”\n]{1,40})[\"'»”]"
# A code typed digit by digit ("1 2 3 4") is one value.
_WORD = r"(?P<word>\d(?: \d){3,7}(?!\S)|[^\s\"'«“][^\s]{0,59})"
_PASSWORD_CUE = re.compile(_PASSWORD)
# A password dictated, its digits and signs said after the word: "mot de passe papillon 48",
# "bibou 922 point d'exclamation", "azerty 26 dièse".
_SPOKEN_TAIL = re.compile(
    r"(?:\s+\d{1,6})+(?:\s+(?:diese|dollar|etoile|hashtag|arobase|tiret|underscore|esperluette|pourcent"
    r"|point\s+d'?\s*(?:exclamation|interrogation)))*(?!\S)"
)
# A value on the next line: "mdp\nSoleil2024!".
_NEXT_LINE = r"(?:[ \t]*\r?\n[ \t]*)?"
# "mes identifiants : jdupont / Soleil2024!": the login, then the password.
_LOGIN_PAIR = re.compile(
    r"\bidentifiants?\b\s*(?:[:=]|c'?\s?est|sont)?\s*[^\s/]{2,60}\s*/\s*(?P<word>[^\s/][^\s]{0,59})"
)
# "identifiant et mot de passe : 1234567 Tigre2416": the login, then the password.
_LOGIN_THEN_PASSWORD = re.compile(
    rf"\bidentifiants?\s*(?:et|/|&|\+)\s*{_PASSWORD}\s*(?:[:=]|c'?\s?est|sont)?\s*"
    r"(?P<login>[^\s/]{2,60})\s*(?:[/,\-]|et)?\s*(?P<word>[^\s/][^\s]{0,59})"
)
_PATTERN = re.compile(
    rf"(?:{_PASSWORD}|{_CODE})(?:(?P<named>{_NAMED}){_LINK}(?:le\s+|la\s+)?|\s*)"
    rf"{_NEXT_LINE}(?:{_QUOTED}|{_WORD})"
)
# A password-like word a few words after the cue, without a link.
# Words between may hold an elision or a remark in brackets ("temporaire que vous m'avez envoyé
# (Tmp-58Qz)", "de ma mère (je l'aide) : Josiane1948").
_PASSWORD_LATER = re.compile(
    rf"{_PASSWORD}(?:[^\d\n?!.;:=\"'«“]|(?<=[a-z])'(?=[a-z])|\)\s*:){{1,40}}?(?<!\S)\(?"
    r"(?P<word>(?=\S*[a-z])(?=\S*[\d!*#$@&%+=~^§£€])[^\s\"'«“]\S{5,59})"
)
# A one-time or confidential code: "code" (or OTP), words saying which code, digits.
# A question may stand between: "c'est bien le code reçu par sms ? 482913".
_CODE_GAP = r"(?:[^\d\n?!;]|\?\s|\b\d\s*chiffres\b){0,80}?"
_CODED = re.compile(
    rf"(?P<cue>\bcode\b|\bcodigo\b|\botp\b)(?P<gap>{_CODE_GAP}){_NEXT_LINE}"
    r"(?<![\w])(?P<word>\d{4,8}|\d(?: \d){3,7}|\d{2,3}(?: \d{2,3}){1,3})(?![\w%€*]|[/,.\-]?\s?\d)"
)
_DIGIT_BY_DIGIT = re.compile(r"\d(?: \d)+")
# "le code 418823 par texto": what kind of code may also be said right after it.
_KIND_AFTER = 25
# ... or right before it: "il m'a fait valider un virement avec le code 167344".
_KIND_BEFORE = 40
# Words in that gap saying the code is a secret one ...
_CODE_KINDS = re.compile(
    r"\b(?:verif\w*|valid\w*|confirm\w*|securite|secret|unique|sms|texto|mail"
    r"|e-mail|otp|recu|recue|envoye|envoie|envoi|envoient|recois|recoit|provisoire|temporaire|pin|acces"
    r"|donne|donnee|communique|llego"  # "le code que la conseillère m'a donné (4350)", "el código que me llegó"
    r"|activation|connexion|connecte|connecter|franceconnect|france\s*connect"
    r"|confidentiel|authentification|identification|identifiants?|carte|cb|chiffres|perso\w*"
    r"|expire|expiree|perime)\b"  # "le code c'était 653119, le premier a expiré": a one-time code
)
_LOGIN_MESSAGE = re.compile(r"\b(?:connect\w*|connexion|identifiant|mot\s*de\s*passe|mdp|saisi|choisi)\b")
# ... and words saying it is a public one.
_PUBLIC_CODES = re.compile(
    r"\b(?:postal|ape|naf|rome|travail|securite\s*sociale|promo\w*|erreur|article|insee"
    r"|departement|commune|client|organisme|regime|route|guichet|banque|etablissement|iban"
    r"|bic|swift|cerfa|ref|reference|civil|penal|sante|action\s*sociale|famille)\b"
)
# "mon numéro allocataire 1234567 et mon code 4452": the person's own code is the secret one.
_OWN_CODE = re.compile(r"\b(?:mon|ton|votre|son|sa|leur|voici\s+(?:le|mon)|voila\s+(?:le|mon))\s+$")
# "le lien", "la page": after an article, a plain word is a noun of the sentence.
_ARTICLE_BEFORE = re.compile(r"\b(?:le|la|les|un|une)\s+$")
# A word made like a password (letters, digits and a symbol: "azerty38*", "Jul1e.2001#"), in a
# message about logging in or typing it, is one even before its name or without it: "j'ai mis
# azerty89# comme mot de passe", "j'ai tapé azerty38* puis azerty81#, aucun ne marche".
_SYMBOL_PASSWORD = re.compile(
    r"(?<![\w@.])(?!(?:n°\s?)?\d{5}\*\d\d\b)(?P<word>(?=[^\s\"'«“»”@/]*[a-z])(?=[^\s\"'«“»”@/]*\d)(?=[^\s\"'«“»”@/]*[#*!$%&§£+=~^?])"
    r"[^\s\"'«“»”@/]{6,40})(?![\w@])"
)
# A web address is no password, even with "mdp" in its path; a password given as one of its
# parameters ("&pwd=...") is read by the field reader (`_fields.py`).
_URL = re.compile(r"(?:https?://|www\.)\S+")
# "mlemaire62 / azerty2434#": a login-like word, a slash, then the password.
_AFTER_A_LOGIN = re.compile(r"(?<!\S)(?=\S*[a-z])(?=\S*\d)[a-z0-9._\-]{5,}\s*/\s*\S")
_ERROR_BEFORE = re.compile(r"\berr(?:eur|or)\b")
# In such a message, a word in lower or mixed case ending with digits is a password tried ("j'ai
# essayé Chipie2010 et chipie2010", "j'avais mis Dupuis2024"); not an error code or a version in
# capitals ("ERR2045"), a device ("iPhone12", "Windows10") nor a login with a dot or an underscore.
_WORD_AND_DIGITS = re.compile(
    r"(?<![\w@./\-])(?!(?:windows|android|iphone|ipad|ios|chrome|firefox|safari|edge|version|galaxy|pixel|redmi"
    r"|macos|ubuntu|office|covid|sars)\d)(?P<word>(?-i:[A-Z]?[a-z]{2,}(?:[A-Z][a-z]+)*\d{2,8}))(?![\w@.\-/])",
    re.IGNORECASE,
)
_TYPED_CONTEXT = re.compile(
    rf"{PASSWORD_WORDS}|\b(?:code|tape\w*|saisi\w*|essaye\w*|connect\w*|identifiants?|user|login|pass)\b"
)
# The code before its name: "482913 c'est le code", "c'est 7 0 2 3 0 8 le code qu'on m'a envoyé".
_CODE_FIRST = re.compile(
    r"(?<![\w.,/])(?P<word>\d{4,8}|\d(?: \d){3,7})\s+(?:c'?\s?est\s+)?(?:le|mon|ce)\s+code\b"
)
# A password typed before its name, letters with digits: "j'ai mis papillon47 comme mot de passe".
_PASSWORD_FIRST = re.compile(
    rf"(?<![\w@.])(?P<word>(?=[^\s\"'«“»”@/]*[a-z])(?=[^\s\"'«“»”@/]*\d)[^\s\"'«“»”@/]{{5,40}})"
    rf"\s+(?:comme|c'?\s?est|c)\s+(?:mon\s+|le\s+|ma\s+)?{_PASSWORD}"
)
# A code of letters and digits, said what it is before: "le code que j'ai reçu par courrier pour
# activer mon compte est KX7P-93QM".
_LETTERED_CODE = re.compile(
    r"\bcode\b(?P<gap>[^\d\n?!;.()]{0,60}?)(?:\s(?:est|c'?\s?est|:|=)\s*|\s*\(\s*(?=[a-z0-9\-]+\s*\)))"  # or "(7K4P2M)"
    r"(?P<word>(?=[a-z\-]*\d)(?=[\d\-]*[a-z])[a-z0-9]{2,10}(?:-[a-z0-9]{2,10}){0,3})(?![\w\-])"
)
# The answer to a security question is a secret: "la question secrète c'est le nom de mon premier
# animal, j'ai mis Filou", "la question « ville de naissance de votre mère » j'ai répondu Tlemcen".
_SECURITY_QUESTION = re.compile(r"\bquestions?\s+(?:secretes?|de\s+securite|personnelles?)\b|\bquestion\s*[\"«“]")
_SECURITY_ANSWER = re.compile(
    r"\b(?:j'(?:ai|avais)\s+(?:bien\s+)?(?:mis|repondu|ecrit|tape|saisi)|ma\s+reponse\s+(?:est|c'?\s?est|:)|reponse\s*:)"
    r"\s*[\"«“]?\s*(?P<word>[a-z][a-z'\-]{1,30})"
    # the question's topic, then its answer: "nom de mon premier animal → Pompon", "ville de naissance
    # de ma mère (question de sécurité) : Tlemcen"
    r"|\b(?:animal|ville|naissance|mere|pere|ecole|film|livre|voiture|surnom|plat|equipe|rue|ami|amie|enfance)"
    r"[^\n.?!:→=]{0,40}?\s*(?:→|->|=>|:|=)\s*[\"«“]?\s*(?!(?:[jlcdnmst]|qu)')(?P<topic_word>[a-z][a-z'\-]{1,30})"
)
# A plain word set as the password: "j'ai mis mamour comme mot de passe".
_WORD_AS_PASSWORD = re.compile(
    rf"\b(?:mis|mets|met|mettre|choisi|choisis|tape|tapes|saisi|entre|cree)\s+(?P<word>[a-z0-9][^\s\"'«“»”]{{3,39}})"
    rf"\s+comme\s+(?:mon\s+|le\s+|nouveau\s+)?{_PASSWORD}"
)
# The text message itself said what the code is: "le sms dit 124798", "le texto indique : 5521 03".
_SMS_SAYS = re.compile(
    r"\b(?:sms|texto)\s+(?:recu\s+)?(?:dit|indique|affiche|donne|marque)\s*:?\s*(?:le\s+)?"
    r"(?<![\w])(?P<word>\d{4,8}|\d(?: \d){3,7}|\d{2,3}(?: \d{2,3}){1,3})(?![\w%€*]|[/,.\-]?\s?\d)"
)
_OR_ANOTHER_CODE = re.compile(r"\s*(?:ou|/)\s*(?:peut-etre\s+)?(?P<word>\d{4,8})(?![\w%€]|[/,.\-]?\s?\d)")
# "le code reçu en mars 2026": a year after these is a date, not a code.
_BEFORE_YEAR = re.compile(
    r"\b(?:en|depuis|annee|de|du|fin|debut|janvier|fevrier|mars|avril|mai|juin|juillet|aout"
    r"|septembre|octobre|novembre|decembre)\s*$"
)

# Words that describe a password or a code instead of giving it (folded forms).
_NOT_SECRETS = frozenset(
    """
    bloque bloquee bloques oublie oubliee perdu perdue faux fausse errone erronee incorrect
    incorrecte invalide expire expiree change changee modifie modifiee refuse refusee
    nul nulle ok bon bonne mauvais mauvaise valide actif active inactif correct correcte
    le la les un une des du de mon ma mes ton ta ton son sa ses votre vos notre nos
    pas plus jamais rien quoi quel quelle comment pourquoi ou qui que quand combien
    toujours encore deja bien mal trop tres aussi meme vide simple complique long court
    celui celle ceux ici la-bas dessus dessous pareil identique different connect franceconnect
    et ou mais donc car ni si je tu il elle on nous vous ils elles me te se y en
    a au aux par pour sur sous dans avec sans chez vers
    svp stp merci oui non peut-etre normal normalement requis obligatoire
    necessaire demande demandee envoye envoyee recu recue arrive arrivee
    est sont etait ete sera fonctionne marche reconnu reconnue accepte acceptee
    nouveau nouvelle ancien ancienne provisoire temporaire personnel personnelle actuel
    actuelle habituel habituelle defaut perso identifiant identifiants securise complexe
    parti partie partis parties revenu revenue retourne retournee
    """.split()
)
# "mot de passe : j'ai oublié": a sentence starts, not a password.
_ELISION = re.compile(r"(?:[jlcdnmst]|qu)'")
# Substrings one of which every cue holds.
_HINTS = ("pass", "mdp", "mpd", "pwd", "code", "pin", "identifiant", "otp", "tape", "saisi", "essay", "connect", "/",
          "question", "codigo",
          "acces en ligne",
          "has", "senha", "parol", "sifre", "contrasena", "kennwort",
          "sms", "texto")
_TRAILING = ".,;)]"
# Characters that make a word a password rather than a word or a service's name.
_SYMBOLS = frozenset("!*#$@&%?+=~^§£€/\\|<>")
# "mot de passe : 8 caractères minimum", "code à 4 chiffres": a rule, not a value.
_RULE_AFTER = re.compile(
    r"\s*(?:caracteres?|car|chiffres?|lettres?|fois|essais?|tentatives?|minutes?|min"
    r"|heures?|h|jours?|mois|ans?|semaines?|signes?|symboles?|minimum|maximum|max)\b"
)


def _is_secret(word: str, linked: bool) -> bool:
    """Is this word (folded) a value rather than a description of the password?"""
    bare = word.rstrip(_TRAILING + "!?")
    if not any(c.isalnum() for c in bare) or bare in _NOT_SECRETS or _ELISION.match(bare):
        return False
    if any(c.isdigit() or c in _SYMBOLS for c in bare):
        return True
    # a word, or a name with dots and dashes ("messervices.etudiant"): only after a link
    return linked and len(bare) >= 4


def _capitalised_with_symbol(typed: str) -> bool:
    """ "MDP Chouquette!": a capitalised word ending with a symbol is a password."""
    bare = typed.rstrip("!*#$&%")
    return (
        bare != typed
        and len(bare) >= 5
        and bare[0].isupper()
        and bare.isalpha()
        and fold_same_length(bare) not in _NOT_SECRETS
    )


def _value_end(text: str, match: re.Match[str]) -> int:
    """End of the typed value, without the sentence's closing punctuation."""
    return value_end(text, match.start("word"), match.end("word"), _TRAILING)


def _looks_like_password(word: str) -> bool:
    """Letters with digits or symbols, long enough: "Xb4-kP9z", not "oublie," nor "v2"."""
    bare = word.rstrip(_TRAILING + "!?")
    return (
        len(bare) >= 6
        and any(c.isalpha() for c in bare)
        and any(c.isdigit() or c in _SYMBOLS for c in bare)
        and "@" not in bare
        and not bare.startswith(("http", "www"))
        and _is_secret(bare, linked=False)
    )


# "erreur 500 code E-4021": what a screen says, no one's code.
_ERROR_BEFORE_CUE = re.compile(r"\berreur\s*(?:\d{3}\s*)?[,:\-]?\s*$")
_LETTER_PREFIX = re.compile(r"[a-z]-$")


def _codes(folded: str) -> Iterator[re.Match[str]]:
    """One-time and confidential codes: "code reçu par sms : 482913", "OTP 744007", any code of
    a message about logging in ("je me connecte avec mon numéro, code 73920184")."""
    login_message = _LOGIN_MESSAGE.search(folded)
    for match in _CODED.finditer(folded):
        gap = match.group("gap")
        after = folded[match.end() : match.end() + _KIND_AFTER]
        own = _OWN_CODE.search(folded, max(0, match.start() - 12), match.start())
        before = folded[max(0, match.start() - _KIND_BEFORE) : match.start()]
        kind_said = _CODE_KINDS.search(gap) or _CODE_KINDS.search(after) or _CODE_KINDS.search(before)
        dictated = _DIGIT_BY_DIGIT.fullmatch(match.group("word"))  # "le code c 0 2 6 7 2 5": read out
        if match.group("cue") != "otp" and not (kind_said or own or login_message or dictated):
            continue
        if not 4 <= sum(c.isdigit() for c in match.group("word")) <= 8:
            continue
        if _PUBLIC_CODES.search(gap) or _PUBLIC_CODES.search(after) or _RULE_AFTER.match(folded, match.end("word")):
            continue
        if (_ERROR_BEFORE_CUE.search(folded, max(0, match.start() - 25), match.start())
                or _LETTER_PREFIX.search(folded, max(0, match.start("word") - 2), match.start("word"))):
            continue
        if len(match.group("word")) == 4 and match.group("word")[:2] in ("19", "20"):
            if _BEFORE_YEAR.search(gap):
                continue
        yield match


# A link that resets a password or signs in carries its secret in its query: "...?token=a93f0c7e52b14d8e".
# A value without a digit is a page's setting ("?code=simulateur"), not a secret.
_SECRET_IN_LINK = re.compile(
    r"[?&](?:token|reset_?token|access_?token|otp|code|password|pwd|mdp)=(?P<value>(?=[^&#\s]*\d)[^&#\s]{4,})")


def find_secret(text: str, folded: str) -> Iterator[Finding]:
    """Yield the values of passwords and confidential codes typed after their name, and the
    secrets that links carry."""
    for match in _SECRET_IN_LINK.finditer(folded) if "=" in folded else ():
        yield Finding("SECRET", match.start("value"), match.end("value"))
    if not mentions(folded, _HINTS):  # most messages: nothing to look for, at little cost
        return
    urls = [(m.start(), m.end()) for m in _URL.finditer(folded)] if ("http" in folded or "www" in folded) else []
    for finding in _secrets(text, folded):
        if not any(start <= finding.start < end for start, end in urls):
            yield finding


def _secrets(text: str, folded: str) -> Iterator[Finding]:
    logins: set[int] = set()
    for match in _LOGIN_THEN_PASSWORD.finditer(folded):
        if _is_secret(match.group("word"), linked=True):
            logins.add(match.start("login"))
            yield Finding("SECRET", match.start("word"), _value_end(text, match))
    for match in _LOGIN_PAIR.finditer(folded):
        labelled = _PASSWORD_CUE.match(match.group("word"))  # "... / mdp : X" is read below
        if not labelled and _is_secret(match.group("word"), linked=True):
            yield Finding("SECRET", match.start("word"), _value_end(text, match))
    for match in _PATTERN.finditer(folded):
        if match.group("quoted") is not None:
            yield Finding("SECRET", match.start("quoted"), match.end("quoted"))
            continue
        linked = match.group("named") is not None
        word = match.group("word")
        if match.start("word") in logins:
            continue
        typed = text[match.start("word") : match.end("word")]
        tail = _SPOKEN_TAIL.match(folded, match.end("word")) if word.isalpha() else None
        if tail and (word in _NOT_SECRETS or _RULE_AFTER.match(folded, tail.end())):
            tail = None
        if not (_is_secret(word, linked) or _capitalised_with_symbol(typed) or tail):
            continue
        if _ARTICLE_BEFORE.search(folded, 0, match.start("word")) and word.rstrip(_TRAILING).isalpha():
            continue  # "mot de passe oublié : le lien expire": a noun, not a password
        if _RULE_AFTER.match(folded, match.end("word")):
            continue
        yield Finding("SECRET", match.start("word"), tail.end() if tail else _value_end(text, match))
    for match in _PASSWORD_LATER.finditer(folded):
        if match.start("word") not in logins and _looks_like_password(match.group("word")):
            yield Finding("SECRET", match.start("word"), _value_end(text, match))
    for match in _codes(folded):
        yield Finding("SECRET", match.start("word"), match.end("word"))
        other = _OR_ANOTHER_CODE.match(folded, match.end("word"))  # "c'était 2415 ou 5801"
        if other:
            yield Finding("SECRET", other.start("word"), other.end("word"))
    for match in (*_PASSWORD_FIRST.finditer(folded), *_SMS_SAYS.finditer(folded)):
        yield Finding("SECRET", match.start("word"), _value_end(text, match))
    for match in _LETTERED_CODE.finditer(folded):
        if _CODE_KINDS.search(match.group("gap")) and not _PUBLIC_CODES.search(match.group("gap")):
            yield Finding("SECRET", match.start("word"), match.end("word"))
    if _SECURITY_QUESTION.search(folded):
        for match in _SECURITY_ANSWER.finditer(folded):
            group = "word" if match.group("word") else "topic_word"
            if match.group(group) not in _NOT_SECRETS:
                yield Finding("SECRET", match.start(group), match.end(group))
    for match in _WORD_AS_PASSWORD.finditer(folded):
        if match.group("word") not in _NOT_SECRETS:
            yield Finding("SECRET", match.start("word"), _value_end(text, match))
    for match in _CODE_FIRST.finditer(folded):  # "c'est 7 0 2 3 0 8 le code qu'on m'a envoyé"
        if _CODE_KINDS.search(folded, match.end(), match.end() + _KIND_AFTER):
            yield Finding("SECRET", match.start("word"), match.end("word"))
    if _TYPED_CONTEXT.search(folded) or _AFTER_A_LOGIN.search(folded):
        for match in _SYMBOL_PASSWORD.finditer(folded):
            if not _ERROR_BEFORE.search(folded, max(0, match.start() - 15), match.start()):
                yield Finding("SECRET", match.start(), _value_end(text, match))


def find_tried_passwords(text: str, folded: str) -> Iterator[Finding]:
    """Yield the words a person says they typed to log in, letters then digits ("j'ai essayé
    Chipie2010"): a last resort, kept only where no other reader found anything (the detector
    drops them over a login it knows, "tiphaine_guillot56")."""
    if mentions(folded, _HINTS) and (_TYPED_CONTEXT.search(folded) or _AFTER_A_LOGIN.search(folded)):
        for match in _WORD_AND_DIGITS.finditer(text):
            if not _ERROR_BEFORE.search(folded, max(0, match.start() - 15), match.start()):
                yield Finding("SECRET", match.start(), _value_end(text, match))
