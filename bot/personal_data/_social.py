"""A person's account on a social network, as people give it on the caisse's pages and in
messages: an @handle ("@maxoudu13", "@laeti.b_76"), a person tagged by name ("@Julie Martin
regarde ça"), a profile link ("facebook.com/amandine.girard.5412", "instagram.com/rachid.amr").

An account names its owner as surely as a login does. The caisse's own accounts, other
organisations' and public figures' ("@caf_fr", "@ameli_actu", "@franceinfo", "@EmmanuelMacron")
are nobody's personal data and stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import ORGANISATIONS, PUBLIC_FIGURES
from ._model import Finding
from ._names import NameLexicon
from ._text import mentions

# A handle made of a name ("@sandrine.leroux59", "@kevin.durand_62"): first name and surname
# joined by a dot, digits after: a name. Not an e-mail ("s***@gmail.com").
_NAME_HANDLE = re.compile(
    r"(?<![\w.@*])@(?P<handle>[a-z]{2,}\.(?!(?:com|fr|net|org|eu|be|ch)\b)[a-z]{2,}(?:[._]?\d{1,4})?)(?![\w@.])"
)
# Any other handle: "@maxoudu13", "@NathLgd_", "@b.sanchez_photo".
_HANDLE = re.compile(r"(?<![\w.@*])@(?P<handle>[a-z0-9_](?:[a-z0-9_.]{2,29}[a-z0-9_]))(?![\w@]|\.[a-z])")
# A person tagged by name: "@Thomas Nguyen", "@Lina Ferrand" (a capital, then a capitalised word).
_TAGGED = re.compile(r"(?<![\w.@*])@(?P<name>[A-ZÀ-Ý][a-zà-ÿ'\-]+(?: [A-ZÀ-Ý][a-zà-ÿ'\-]+){1,2})\b")
# Organisations, media and services in a handle: "@caf_fr", "@MSA_officiel", "@franceinfo".
_ORGANISATION_HANDLE = re.compile(
    r"caf|cpam|ameli|msa|urssaf|retraite|officiel|official|gouv|service|info|contact|actu|press|media"
    r"|journal|news|radio|tv|france|ministere|sante|travail|emploi|mutuelle|assurance|mairie|ville|conseil"
    r"|departement|region|prefecture|impots|aide|support|help|team|equipe"
)
# A profile link: the site and the account's path, with the address's beginning if typed.
_PROFILE_LINK = re.compile(
    r"(?:https?://)?(?:www\.|m\.|fr-fr\.|fr\.)?"
    r"(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com|twitter\.com|x\.com|linkedin\.com|snapchat\.com)"
    r"/(?P<path>[\w.\-@/?=&%]{3,100})"
)
# An account named after "compte" or "sous le nom", shaped like one (letters with digits, dots or
# underscores): "son propre compte lucas_brt2006", "compte Insta jeremy.vdb", "sous le nom dam.lefort.39",
# "depuis son compte (sab.bella.95)".
_ACCOUNT = re.compile(
    r"(?:\b(?:compte|profil|sous\s+le\s+(?:nom|pseudo))\s*(?:(?:insta(?:gram)?|facebook|fb|tiktok|snap(?:chat)?"
    r"|twitter|x|linkedin)\b\s*)?"
    # "snap jess.d_972 si vous voulez me contacter": the network alone names the account
    r"|\b(?:insta(?:gram)?|snap(?:chat)?|tiktok|twitch|youtube|discord)\b\s*)[:,(]?\s*(?:c'?\s?est\s+)?"
    r"(?P<account>(?=[\w.\-]*[a-z])(?=[\w.\-]*[\d._])[a-z][\w.\-]{2,38}[a-z0-9_])(?![\w@]|\.[a-z])"
)
_WEB_ENDINGS = re.compile(r".*\.(?:fr|com|net|org|gouv|eu|php|html?)$")
_PUBLIC_PATHS = re.compile(r"(?:groups|events|pages|hashtag|explore|watch|share|help|policies|legal)\b")


def _public(handle: str) -> bool:
    """An organisation's, a medium's or a public figure's account (folded handle)."""
    words = set(re.split(r"[_.\d]+", handle))
    return bool(_ORGANISATION_HANDLE.search(handle) or words & ORGANISATIONS
                or words & PUBLIC_FIGURES or any(handle.endswith(figure) for figure in PUBLIC_FIGURES))


def _slogan(handle: str, lexicon: NameLexicon) -> bool:
    """French words, no digit: a brand's or a spammer's slogan ("@richesse_facile", "@solidarite")."""
    words = [word for word in re.split(r"[_.]+", handle) if word]
    return not any(c.isdigit() for c in handle) and all(map(lexicon.dictionary_word, words))


def find_handles(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Yield the social-network accounts of private persons: handles, tags, profile links and
    accounts named as such."""
    networks = ("compte", "profil", "sous le", "insta", "snap", "tiktok", "twitch", "youtube", "discord")
    for match in _ACCOUNT.finditer(folded) if mentions(folded, networks) else ():
        account = match.group("account")
        shaped = any(c.isdigit() or c in "._" for c in account)  # not "compte courant."
        if shaped and not _WEB_ENDINGS.match(account) and not set(re.split(r"[_.\-\d]+", account)) & ORGANISATIONS:
            yield Finding("LOGIN", match.start("account"), match.end("account"))
    if "@" not in folded and ".com/" not in folded:
        return
    named = set()
    for match in _NAME_HANDLE.finditer(folded):
        if not _public(match.group("handle")):
            named.add(match.start())
            yield Finding("NAME", match.start("handle"), match.end("handle"))
    for match in _TAGGED.finditer(text):
        if not _public(folded[match.start("name") : match.end("name")]):
            named.add(match.start())
            yield Finding("NAME", match.start("name"), match.end("name"))
    for match in _HANDLE.finditer(folded):
        handle = match.group("handle")
        if match.start() not in named and not handle.isdigit() and not _public(handle) and not _slogan(handle, lexicon):
            yield Finding("LOGIN", match.start("handle"), match.end("handle"))
    for match in _PROFILE_LINK.finditer(folded):
        path = match.group("path").rstrip(".,;:!?)")
        if not _PUBLIC_PATHS.match(path) and not _public(path.split("?")[0]):
            yield Finding("LOGIN", match.start(), match.start("path") + len(path))
