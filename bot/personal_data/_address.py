"""Postal address detector.

An address is a house number, a street type and a street name, optionally followed by a
postcode and a town: "12 rue des Lilas", "3bis, av. Jean Jaurès 69007 Lyon",
"lotissement les Pins". Without a house number, a street is taken only after a cue
("j'habite rue ...", "mon adresse : ..."). A dwelling (résidence, lotissement, hameau)
needs no cue when its name is capitalised or starts with an article ("résidence les
Tilleuls", "lot. les pins"), nor do two parts of a dwelling in a row ("bat B esc 2
appt 34", "bat B 3eme etage porte gauche"), nor a street named with a building or flat
number ("cité des Fleurs bât 4"), but "la résidence des enfants" (custody) is no
address. "chez M. Petit" typed before an address belongs to it. After its label, an address
with a postcode is taken whatever its words ("adresse : quartier Bellevue, 97290 Le Marin"), and
an address typed in parts is masked as one. A postcode or a town alone is not an address.
A town typed in lowercase keeps its linking words ("chalon sur saone", "l isle d abeau"); a
floor may sit between the street and its postcode; a house number may be dictated ("au douze
rue des Lilas") or labelled ("lot 45 lotissement ..."); "r" needs no dot before a postcode;
abroad, the number follows the street and the postcode has four digits ("Rue des Tilleuls 47
bte 3, 4020 Liège").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import (
    ADDRESS_PARTICLES,
    ADDRESS_STOP_WORDS,
    DAYS,
    MONTHS,
    NUMBER_TEENS,
    NUMBER_TENS,
    NUMBER_UNITS,
    ORGANISATIONS,
)
from ._model import Finding

_STREET_TYPES = (
    r"grande?[ \-]rue|rue|avenue|av|ave|bd|boulevard|bvd|blvd|chemin|chem|impasse|imp|allee|all|place|pl|route|rte"
    r"|lotissement|lotiss|lot|residence|resid|res|batiment|bat|bt|quai|square|cite|hameau|camping"
    r"|lieu[ \-]dit|faubourg|fbg|chaussee|esplanade|promenade|ruelle|sentier|montee|traverse|cours"
    r"|r"
)
# Abbreviations that are also ordinary words need their dot ("pl.", "lot.", "res.", "r.", "all.").
_DOT_REQUIRED = frozenset({"pl", "lot", "res", "bt", "chem", "r", "all"})
# A street type that is also a common noun needs its postcode after the street's name: "14 cours
# Lafayette, 69003 Lyon", not "3 cours de français par semaine".
_POSTCODE_REQUIRED = frozenset({"cours"})
# Parts of a dwelling ("bâtiment 3", "appt 12"): the short number or letter after them
# belongs to the address, unlike a number after the street name.
_DWELLING_PARTS = frozenset(
    "bat batiment bt bloc appartement appart appt apt app porte etage escalier esc chambre tour emplacement".split()
)
# "appt 12 bat B 4 allée des Tilleuls": a dwelling mention typed before the street.
_DWELLING_PREFIX = re.compile(
    r"(?:(?<![\w])(?:appartement|appart|appt|apt|app|porte|etage|escalier|esc|bat|batiment|bt|lot|chambre|ch|tour"
    r"|emplacement|habitacion)"
    r"\.?\s*(?:n°\s*)?[a-z0-9]{1,4}\s*,?\s*){1,3}$"
    # "EHPAD Les Glycines, 2 rue ...": the home's name belongs to the address
    # a home for disabled adults or children: "FAM Les Oliviers, 10 rue ...", "IME Les Peupliers, ..."
    r"|(?<![\w])(?:ehpad|foyer|maison\s+de\s+retraite|usld|domaine|mas|ferme|chateau|gaec|earl|fam|ime|itep|mecs|chrs"
    r"|camping|fjt"
    r"|institut\s+medico[\s\-]educatif|residence\s+autonomie)\s+"
    r"(?:[a-z'\-]+\s+){0,4}?[a-z'\-]+\s*,?\s*$"
)

_NUMBER = r"\d{1,4}(?:\s?(?:bis|ter|quater|[abcd])\b)?"
_HEAD = re.compile(
    rf"(?<![\w,.])(?P<number>{_NUMBER})\s*,?\s*(?P<type>{_STREET_TYPES})(?P<dot>\.)?(?![\w'])"
)
_CUE = re.compile(
    r"(?:\bj'?\s?habite|\bhabitant|\bje vis|\bjvis|\bdomicilie|\bdemeurant|\bdemenage"
    r"|\badresse|\bnouvelle adresse|\binstalle)"
    r"\s*(?:est\s*|c'?est\s*|:\s*|au\s*|a\s*|en\s*|dans\s*(?:la|le)?\s*)*$"
)
# Dwelling names ("Résidence Les Glycines", "Lotissement Le Clos") point at where someone
# lives, unlike a street that may be the fund's own: capitalised, they need no cue.
_DWELLINGS = frozenset(
    {"residence", "resid", "lotissement", "lotiss", "hameau", "lieu-dit", "lieu dit"}
)
# Dwellings whose name may be lowercase when it starts with an article ("lot. les pins").
_NAMED_DWELLINGS = _DWELLINGS | {"lot", "res"}
# "Cité des Fleurs", "Camping Les Pins" are dwellings; "la cité des sciences", "en camping l'été" are not.
_CAPITALISED_DWELLINGS = _DWELLINGS | {"cite", "camping"}
_ARTICLE_NAME = re.compile(r"\s*(?:les|le|la|l'|du|des|de\s+la|de\s+l')\s*([a-z][a-z'\-]*)")
# "la résidence des enfants", "résidence de la famille": where someone lives, in law.
_NOT_DWELLING_NAMES = frozenset(
    """
    enfant enfants fils fille filles parent parents pere mere famille foyer conjoint
    conjointe mineur mineurs beneficiaire beneficiaires allocataire demandeur personne
    personnes etranger etrangers mari femme epoux epouse
    """.split()
)
_OF_BEFORE = re.compile(r"\b(?:de|d')\s*$")
_PART = r"(?:appartement|appart|appt|apt|app|porte|etage|escalier|esc|bat|batiment|bt|bloc|entree|lot|chambre|studio)"
_PART_VALUE = r"\.?\s*(?:n°\s*)?(?:[a-z]?\d{1,4}[a-z]?|[a-z])(?![\w'])"  # "chambre B212"
# A floor or a door side, part of a dwelling only next to another part ("bat B 3eme
# etage porte gauche"): alone ("j'habite au 3eme étage") it says nothing of where.
_SIDE = (
    r"(?:\d{1,2}\s?(?:e|eme|er|ere|ieme)\s*etage|rdc|rez[ \-]de[ \-]chaussee"
    r"|porte\s+(?:de\s+)?(?:gauche|droite|face|du\s+fond))(?![\w'])"
)
_ITEM = rf"(?:{_PART}{_PART_VALUE}|{_SIDE})"
_PART_VALUE_WORD = re.compile(r"\d{1,4}[a-z]?|[a-z]")
_PART_VALUE_AFTER = re.compile(rf"\s*(?:n°\s*)?(?:\d{{1,4}}[a-z]?|[a-z])(?![\w'])")
# Two dwelling parts in a row ("bat B esc 2 appt 34"), typed alone.
_PART_CHAIN = re.compile(rf"(?<![\w]){_ITEM}(?:[\s,/\-–]*{_ITEM})+")
# Where one lives, named without "résidence", then a building or flat: "on habite les Jardins de
# Provence bat A n°56" (the name checked for capitals on the text).
_LIVES_IN_NAMED = re.compile(
    r"\b(?:j'?\s?habite|on\s+habite|nous\s+habitons|je\s+(?:vis|loge|reside)|on\s+vit|nous\s+vivons)"
    r"\s+(?:(?:a|au|aux|dans|a\s+la|a\s+l')\s+)?"
    r"(?P<place>(?:(?:les?|la|l')\s*)?[a-z][a-z'\-]+(?:\s+(?:(?:de|du|des|d'|la|le|les|l')\s*)?[a-z][a-z'\-]+){0,4})"
    rf"\s*,?\s*(?={_ITEM})"
)
# Dwelling parts right after a dwelling's name ("résidence les Lilas, bât B, appt 12").
_PARTS_AFTER = re.compile(rf"(?:[\s,/\-–]+{_ITEM})+(?:\s*,?\s*n°\s*\d{{1,4}}[a-z]?(?![\w']))?")
_HAS_PART = re.compile(rf"(?<![\w]){_PART}{_PART_VALUE}")
# "chez M. Petit, 8 rue des Ormes": the person the mail is sent to is part of the address.
_CARE_OF = re.compile(
    r"\bchez\s+(?P<title>(?:m|mr|mme|mlle|melle|monsieur|madame)\.?\s+)?"
    r"(?P<name>[a-z][a-z'\-]+)(?:\s+[a-z][a-z'\-]+)?\s*,?\s*$"
)
# "rés les acacias", "lot le clos": undotted, but not "le lot des ..." (a batch).
_LOT_ARTICLE = re.compile(r"\b(?:le|un|du|au|ce|chaque|dernier|premier)\s+$")
_TYPE_ONLY = re.compile(rf"(?<![\w])(?P<type>{_STREET_TYPES})(?P<dot>\.)?(?![\w'])")
_WORD = re.compile(r"\s*,?\s*([a-z0-9][a-z0-9'\-]*|[a-z]'|d'|l')")
_POSTCODE_TOWN = re.compile(r"\s*[,\-–—]?\s*(?:\d{5}|\d{2} \d{3})(?![\d])")
_TOWN_WORD = re.compile(r"[ \t]*-?[ \t]*([a-z][a-z'\-]*)")  # a town is on its postcode's line
_EXTRA = re.compile(
    r"\s*,?\s*(?:(?:appartement|appart|appt|apt|app|porte|etage|escalier|esc|bat|batiment|bte|boite|bloc|n°)"
    r"\.?\s*(?:n°\s*)?[a-z0-9]{1,4}\b"
    r"|\d{1,2}\s?(?:e|eme|er|ere|ieme)\s*etage(?:\s+(?:porte\s+)?(?:gauche|droite|face|du\s+fond))?\b)"
)

# "lieu dit la Fosse aux Loups 23200 Aubusson", "rue au Lin": "aux" and "au" join a name when
# its postcode follows in a few words.
_NAME_LINKS = frozenset({"aux", "au", "en", "a"})
_POSTCODE_SOON = re.compile(r"(?:\s+[a-z][a-z'\-]*){1,3}\s*,?\s*\d{5}(?!\d)")
# "allée Simone Veil Résidence les Pins Esc C": a street and its dwelling, typed as one name.
_MAX_NAME_WORDS = 8
_ORDINAL = re.compile(r"\d{1,2}(?:e|eme|er|ere|ieme)")
# "19,chemin des vignes,71000,macon": a comma typed without a space before the town.
_TOWN_AFTER_COMMA = re.compile(r",(?=[a-z])")
_MAX_TOWN_WORDS = 5
# Typed in lowercase, a town's linking words join it all the same ("chalon sur saone",
# "l isle d abeau": the apostrophe dropped).
_LOWERCASE_LINKS = ("sur", "sous", "en", "l", "d", "de", "du")


def _street_name_end(folded: str, pos: int) -> int:
    """End of the street name starting at pos, or -1 if there is no real name."""
    end = pos
    words = 0
    meaningful = False
    previous = ""
    while words < _MAX_NAME_WORDS:
        match = _WORD.match(folded, end)
        if not match:
            break
        word = match.group(1)
        if _ORDINAL.fullmatch(word):
            break  # "45 rue Victor Hugo 3eme etage": the floor, after the name
        after_part = previous in _DWELLING_PARTS and bool(_PART_VALUE_WORD.fullmatch(word))
        inside_name = (word in ("aux", "au") or (words > 0 and word in _NAME_LINKS)) and bool(
            _POSTCODE_SOON.match(folded, match.end()))
        if (word in ADDRESS_STOP_WORDS and not after_part and not inside_name) or (
            word.isdigit() and (len(word) >= 4 or words > 0) and not after_part
        ):
            break  # a postcode, or a number after the name has started
        if match.group().lstrip().startswith(",") and meaningful:
            break  # "12 rue des Lilas, appt 3" : the comma closes the name
        end = match.end()
        words += 1
        previous = word
        if word not in ADDRESS_PARTICLES and not word.isdigit():
            meaningful = True
    return end if meaningful else -1


_SAINT = ("st", "ste", "saint", "sainte")


def _capitalised_next(text: str, folded: str, pos: int) -> bool:
    """Is the next word capitalised, and not a month or a day ("en Janvier")?"""
    following = _TOWN_WORD.match(folded, pos)
    return (bool(following) and text[following.start(1)].isupper()
            and following.group(1) not in MONTHS and following.group(1) not in DAYS)


def _tail_end(text: str, folded: str, pos: int) -> int:
    """Extend over the flat's mentions, a postcode and its town, when a postcode is there."""
    start = pos
    for _ in range(3):  # "bat C appt 23", "esc. 2, étage 3, porte 12"
        extra = _EXTRA.match(folded, pos)
        if not extra:
            break
        pos = extra.end()
    code = _POSTCODE_TOWN.match(folded, pos)
    if not code:
        return _town_after_comma(text, folded, pos) or start
    end = code.end()
    comma = _TOWN_AFTER_COMMA.match(folded, end)
    if comma:
        end = comma.end()
    previous = ""
    first = _TOWN_WORD.match(folded, end)
    lowercase_town = bool(first) and text[first.start(1)].islower()
    for index in range(_MAX_TOWN_WORDS):
        word = _TOWN_WORD.match(folded, end)
        linking = bool(word) and word.group(1) in ("en", "sur", "sous") and _capitalised_next(text, folded, word.end())
        if word and not linking and lowercase_town and word.group(1) in _LOWERCASE_LINKS:
            linking = _town_word_next(folded, word.end())
        if not word or (word.group(1) in ADDRESS_STOP_WORDS and not linking):
            break
        # Town words after the first one must be capitalised, hyphen-joined or follow an
        # article ("Le Havre", "Saint-Denis", "le havre", "st herblain"), so that "69003 lyon le
        # mois dernier" stops at lyon; "en", "sur", "sous" join when a capitalised word follows
        # ("Aix en Provence", "Châlons sur Marne"), or any town word in a town typed in lowercase.
        joined = text[word.start() : word.start(1)].strip() == "-"
        after_article = (index == 1 and previous in ("le", "la", "les")) or previous in _SAINT
        after_link = lowercase_town and previous in _LOWERCASE_LINKS
        if index and not (text[word.start(1)].isupper() or joined or after_article or linking or after_link):
            break
        previous = word.group(1)
        end = word.end()
    if end > (comma.end() if comma else code.end()):
        flat = _EXTRA.match(folded, end)  # "59100 roubaix appartement 5": the flat, after the town
        return flat.end() if flat else end
    return start


# Without a postcode, a town after a comma ends the address: "10 rue Jules Ferry, Montreuil",
# "13 bd Carnot, Le Puy-en-Velay". It is capitalised and ends the sentence or the line.
_COMMA_BEFORE_TOWN = re.compile(r"[ \t]*,[ \t]*(?=[A-ZÀ-Ý])")
_TOWN_PART = re.compile(r"[ \t]*([A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*|le|la|les|sur|en|sous)(?![\w'’\-])")
_NOT_TOWN_WORDS = ADDRESS_STOP_WORDS | MONTHS | DAYS | {"cordialement", "salutations", "madame", "monsieur", "bien",
                                                         "bonne", "encore"}
_AFTER_TOWN = re.compile(r"[ \t]*(?:$|[\n.,;:!?()«»\"])")


def _town_after_comma(text: str, folded: str, pos: int) -> int:
    """Where a town typed after the street and a comma ends, or 0."""
    comma = _COMMA_BEFORE_TOWN.match(text, pos)
    if not comma:
        return 0
    end = comma.end()
    for _ in range(_MAX_TOWN_WORDS):
        word = _TOWN_PART.match(text, end)
        if not word or folded[word.start(1):word.end(1)] in _NOT_TOWN_WORDS:
            return 0
        end = word.end()
        if _AFTER_TOWN.match(text, end):
            return end
    return 0


def _town_word_next(folded: str, pos: int) -> bool:
    """Is the next word a possible town word (not a stop word, a month or a day)?"""
    following = _TOWN_WORD.match(folded, pos)
    return bool(following) and following.group(1) not in ADDRESS_STOP_WORDS | MONTHS | DAYS and len(following.group(1)) > 2


# "lot 45 lotissement les Palmistes", "n° 12 rue ...": the number's label belongs to the address.
# "PK 12 route de Montsinéry" (Guyane: a point kilométrique stands for the house number)
# a pitch on a camping or a site for travellers: "emplacement 47, route de Sablé", "place 12, chemin des Mariniers"
_NUMBER_LABEL_BEFORE = re.compile(r"(?<![\w])(?:lot|n°|no|pk|emplacement|place)\.?\s*$")
# "j'habite au douze rue des Lilas": a house number dictated in words.
_SPELLED_NUMBER_BEFORE = re.compile(
    r"(?<![\w])(?:(?:" + "|".join([*NUMBER_TENS, "quatre-vingt", "quatre vingt"]) + r")[\s\-]+(?:et\s+)?)?"
    r"(?:" + "|".join([*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS]) + r")(?:\s+(?:bis|ter))?\s+$"
)


def _abbreviated_with_postcode(text: str, folded: str, match: re.Match[str]) -> bool:
    """ "8 r jean jaures 62000 arras", "5 chem des vignes 84120 pertuis": an abbreviated street type
    needs no dot when a postcode follows the street's name, and "cours" is a street when one does."""
    if match.group("type") not in (*_DOT_REQUIRED, *_POSTCODE_REQUIRED):
        return False
    name_end = _street_name_end(folded, match.end())
    return name_end > 0 and _tail_end(text, folded, name_end) > name_end


def _type_ok(match: re.Match[str]) -> bool:
    kind = match.group("type")
    return (kind not in _DOT_REQUIRED or bool(match.group("dot"))) and kind not in _POSTCODE_REQUIRED


def _capitalised_dwelling(text: str, match: re.Match[str], name_end: int) -> bool:
    if match.group("type") not in _CAPITALISED_DWELLINGS or not text[match.start()].isupper():
        return False
    return any(word[:1].isupper() for word in text[match.end() : name_end].split())


_SKIP_COMMAS = re.compile(r"[\s,]*")


def _parts_after(folded: str, pos: int) -> re.Match[str] | None:
    """Dwelling parts after pos, unless they open the next address ("bât A, 13 rue ...")."""
    parts = _PARTS_AFTER.match(folded, pos)
    if parts and _HEAD.match(folded, _SKIP_COMMAS.match(folded, parts.end()).end()):
        return None
    return parts


def _named_dwelling(folded: str, match: re.Match[str]) -> bool:
    """A dwelling named after an article: "residence les tilleuls", "lot. du moulin"."""
    if match.group("type") not in _NAMED_DWELLINGS:
        return False
    if match.group("type") == "lot" and not match.group("dot"):
        if _LOT_ARTICLE.search(folded, max(0, match.start() - 10), match.start()):
            return False
    if _OF_BEFORE.search(folded, max(0, match.start() - 4), match.start()):
        return False  # "contrôle de résidence de la CPAM", "lieu de résidence"
    name = _ARTICLE_NAME.match(folded, match.end())
    return bool(name) and name.group(1) not in _NOT_DWELLING_NAMES | ADDRESS_STOP_WORDS | ORGANISATIONS


def _care_of_start(text: str, folded: str, start: int) -> int:
    """Start of a "chez M. Petit," typed right before the address, else start."""
    care = _CARE_OF.search(folded, max(0, start - 50), start)
    if care and (care.group("title") or text[care.start("name")].isupper()):
        return care.start()
    return start


# A farm's or a house's name before its street or lieu-dit: "La Ferme des Prés, lieu-dit Le Bourg, ...",
# "Les Hauts de Pinsaguel, 8 chemin de Lafitte, ...", "Moulin de la Roche, route de Saint-Pons, ...".
_NAMED_PLACE_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?:La|Le|Les|L['’])\s?[A-ZÀ-Ý]|(?=(?:Moulin|Ferme|Mas|Domaine|Ch[aâ]teau|Villa|Maison|Grange"
    r"|Bastide|Chalet|Manoir|Clos)\b)[A-ZÀ-Ý])[^\W\d_]*"
    r"(?:[ \-](?:(?:des|de\s+la|de|du|aux?)\s|d['’])?[A-ZÀ-Ý][^\W\d_]*){0,3}"
    r",[ \t]*$")


def _named_district(text: str, match: re.Match[str]) -> bool:
    """A district's name holds a proper noun or a number ("le quartier est calme, rue 3 fois plus...",
    "la cité administrative porte 2" are none), and "cite" typed without its accent is the verb ("la
    lettre cite l'article 1er du décret n° 2016-...")."""
    if text[match.start() : match.start() + 4].lower() == "cite":
        return False
    return any(c.isdigit() for c in match.group("name")) or bool(
        _PROPER_NOUN.search(text, match.start("name"), match.end("name")))


# Where a home has no street, people give its position: GPS coordinates in decimal degrees (four
# decimals at least, as phones give them) or in degrees, minutes and seconds, a plus code, a
# what3words address. A public place's position is masked as well: nothing tells them apart.
_POSITION = re.compile(
    r"(?<![\w.])-?(?:[1-8]?\d)[.,]\d{4,7}(?:\s*°)?(?:\s*[ns])?\s*[,;/ ]\s*-?(?:1[0-7]\d|\d?\d)[.,]\d{4,7}(?:\s*°)?"
    r"(?:\s*[ew](?![a-z]))?(?![\d])"
    r"|\d{1,3}\s*°\s*\d{1,2}\s*['’′]\s*(?:\d{1,2}(?:[.,]\d+)?\s*(?:\"|''|″)\s*)?[ns]\s*,?\s*"
    r"\d{1,3}\s*°\s*\d{1,2}\s*['’′]\s*(?:\d{1,2}(?:[.,]\d+)?\s*(?:\"|''|″)\s*)?[ewo](?![a-z])"
    r"|(?<![\w+])[23456789cfghjmpqrvwx]{4,8}\+[23456789cfghjmpqrvwx]{2,3}(?![\w+])"
    r"|///[a-z]+\.[a-z]+\.[a-z]+")


def find_address(text: str, folded: str) -> Iterator[Finding]:
    """Yield address spans, with the name of the place they lead to and the parts that follow them,
    and a home's position given instead of an address."""
    for match in _POSITION.finditer(folded) if any(c in folded for c in "°+/.,") else ():
        yield Finding("ADDRESS", match.start(), match.end())
    for finding in (*_addresses(text, folded), *_homes_abroad(text)):
        named = _NAMED_PLACE_BEFORE.search(text, max(0, finding.start - 60), finding.start)
        if named and _place_name(text, folded, named):
            finding = Finding("ADDRESS", named.start(), finding.end)
        yield Finding("ADDRESS", finding.start, _following_parts_end(text, folded, finding.end))


# An address goes on after its street or district with the parts of a building and, abroad, the
# areas around it, then the town: "Résidence Al Manar, imm. 7, appt 3, Marrakech", "douar Tagmout,
# commune d'Anzi, province de Tiznit", "Lotissement Ennasr, villa n° 36, Bordj El Kiffan, Alger",
# "6 rue des Écoles, 35000 Rennes, chambre 105".
_FOLLOWING_PART = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:villa|imm(?:euble)?|app?t|appartement|bloc|bat(?:iment)?|esc(?:alier)?|etage|porte|chambre|ch"
    r"|emplacement|habitacion)\.?[ \t]*"
    r"(?:n°|no)?[ \t]*[a-z0-9]{1,5}\b"
    r"|(?:commune|wilaya|province|prefecture|daira|gouvernorat|region|cercle|arrondissement|caidat)[ \t]+"
    r"(?:de[ \t]+|d'[ \t]*|du[ \t]+)?[a-z][a-z'\-]+(?:[ \t\-][a-z][a-z'\-]+)?)"
)
_TOWN_CLOSING = re.compile(r"[ \t]*(?:[.,;)\n]|$)")
_POSTCODE_AND_TOWN = re.compile(r"[ \t]*,?[ \t]*\d{5}[ \t]+[A-ZÀ-Ý][^\W\d_]+(?:[ \t\-][A-ZÀ-Ý][^\W\d_]+){0,2}")
_ENDS_WITH_PART = re.compile(
    r"\b(?:villa|imm(?:euble)?|app?t|appartement|bloc|porte)\.?[ \t]*(?:n°|no)?[ \t]*\d{1,5}$")


def _following_parts_end(text: str, folded: str, end: int) -> int:
    """The end of an address after the building's parts and areas that follow it, their town, and a
    postcode and its town."""
    parts = 1 if _ENDS_WITH_PART.search(folded, max(0, end - 20), end) else 0
    while (part := _FOLLOWING_PART.match(folded, end)) and part.end() > end:
        end, parts = part.end(), parts + 1
    for _ in range(2 if parts else 0):  # "Bordj El Kiffan, Alger"
        town = _TOWN_AFTER.match(text, end)
        if not (town and _TOWN_CLOSING.match(text, town.end())) or "," not in text[end:town.end()]:
            break
        if any(word in _NOT_TOWN_WORDS for word in re.findall(r"[a-z]+", folded[end:town.end()])):
            break
        end = town.end()
    postcode = _POSTCODE_AND_TOWN.match(text, end)  # "appt 7, Marigot, 97150 Saint-Martin"
    return postcode.end() if postcode else end


# A district and its villa's number (Dakar, Abidjan): "Sicap Liberté 6, villa 6214"; a Portuguese
# postcode and its town, with the place before it: "Lugar de Vilarinho, 5400-742 Chaves".
_VILLA_IN_DISTRICT = re.compile(
    r"(?<![\w'])[A-ZÀ-Ý][^\W\d_]+(?:[ \t][A-ZÀ-Ý][^\W\d_]+){0,3}(?:[ \t]+\d{1,4})?"
    r"[ \t]*,[ \t]*(?i:villa)[ \t]*(?:n°[ \t]*)?\d{1,5}\b")
_PORTUGUESE_POSTCODE = re.compile(
    r"(?:(?<=[(:])[ \t]*|(?<![\w'])(?=[A-ZÀ-Ý]))(?:[A-ZÀ-Ý][^,\n()\d]{2,40}(?:[ \t]\d{1,4})?,[ \t]*)?"
    r"(?<![\d\-])\d{4}-\d{3}(?![\d\-])[ \t]+[A-ZÀ-Ý][^\W\d_]+(?:[ \t][A-ZÀ-Ý][^\W\d_]+)?")


def _homes_abroad(text: str) -> Iterator[Finding]:
    """Homes abroad that no street reader sees: a villa in a district, a Portuguese postcode."""
    if "illa" in text:
        for match in _VILLA_IN_DISTRICT.finditer(text):
            yield Finding("ADDRESS", match.start(), match.end())
    if "-" in text:
        for match in _PORTUGUESE_POSTCODE.finditer(text):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            yield Finding("ADDRESS", start, match.end())


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*$")


# A home named after its kind: "au CHRS Les Cèdres, 18 rue ...", "l'EHPAD Les Tilleuls, ...".
_HOME_KIND_BEFORE = re.compile(r"\b(?:ehpad|chrs|fjt|cada|huda|mecs|fam|ime|usld|camping)[ \t]*$")


def _place_name(text: str, folded: str, named: re.Match[str]) -> bool:
    """Not a surname after a first name ("Yannick Le Goff, Lieu-dit ...") nor an organisation
    ("La Carsat Nord-Picardie, 11 allée Vauban")."""
    before = _WORD_BEFORE.search(text, max(0, named.start() - 30), named.start())
    if before and before.group(1)[0].isupper() and not _HOME_KIND_BEFORE.search(folded, 0, named.start()):
        return False
    return not any(word in ORGANISATIONS for word in re.findall(r"[a-z]+", folded[named.start() : named.end()]))


def _addresses(text: str, folded: str) -> Iterator[Finding]:
    """Address spans: numbered streets anywhere, bare streets after a cue."""
    numbered: list[Finding] = []
    for match in _HEAD.finditer(folded):
        if not _type_ok(match) and not _abbreviated_with_postcode(text, folded, match):
            continue
        if match.group("type") in _DWELLING_PARTS:  # "appt 7 bat C": a building, no street
            part = _PART_VALUE_AFTER.match(folded, match.end())
            if part:
                parts = _parts_after(folded, part.end())
                numbered.append(Finding("ADDRESS", match.start(), parts.end() if parts else part.end()))
            continue
        name_end = _street_name_end(folded, match.end())
        if name_end < 0 and match.group("type").startswith("grand"):
            name_end = match.end()  # "15 Grande Rue": the type is the name
        if name_end < 0:
            continue
        start = match.start()
        label = _NUMBER_LABEL_BEFORE.search(folded, max(0, start - 13), start)
        if label:
            start = label.start()  # "lot 45 lotissement ...", "n° 12 rue ..."
        prefix = _DWELLING_PREFIX.search(folded, max(0, start - 40), start)
        if prefix:
            start = prefix.start()  # overlaps with "12 bat B" resolve to the longer span
        start = _care_of_start(text, folded, start)
        numbered.append(Finding("ADDRESS", start, _tail_end(text, folded, name_end)))
    yield from numbered
    for match in _TYPE_ONLY.finditer(folded):
        if any(f.start <= match.start() < f.end for f in numbered):
            continue
        named = _named_dwelling(folded, match)  # "rés les acacias": no dot needed
        if not (_type_ok(match) or named):
            continue
        name_end = _street_name_end(folded, match.end())
        if name_end < 0:
            continue
        parts = _parts_after(folded, name_end)
        cued = _CUE.search(folded[max(0, match.start() - 40) : match.start()])
        # "cité des Fleurs bât 4": a building or flat number makes any street a home
        dwelling = bool(parts) or bool(_HAS_PART.search(folded, match.end(), name_end))
        if cued or dwelling or named or _capitalised_dwelling(text, match, name_end):
            end = parts.end() if parts else name_end
            spelled = _SPELLED_NUMBER_BEFORE.search(folded, max(0, match.start() - 30), match.start())
            start = _care_of_start(text, folded, spelled.start() if spelled else match.start())
            yield Finding("ADDRESS", start, _tail_end(text, folded, end))
    for match in _PART_CHAIN.finditer(folded):
        if not _HAS_PART.search(match.group()):
            continue  # "3eme etage porte gauche": a floor and a side, no building or flat
        yield Finding("ADDRESS", match.start(), _tail_end(text, folded, match.end()))
    for match in _LIVES_IN_NAMED.finditer(folded):
        parts = _PARTS_AFTER.match(folded, match.end("place"))
        if parts and _PROPER_NOUN.search(text, match.start("place"), match.end("place")):
            yield Finding("ADDRESS", match.start("place"), _tail_end(text, folded, parts.end()))
    yield from _numbered_after(text, folded)
    for match in _GIVEN.finditer(folded):  # "adresse : quartier Bellevue, 97290 Le Marin"
        labelled = _LABELLED.match(folded, match.start())  # "adresse : ...", not "adresse de la..."
        if not labelled and (folded.startswith("a ", match.start("place"))
                             or not _PROPER_NOUN.search(text, match.start("place"), match.end("place"))):
            continue
        end = _tail_end(text, folded, match.end("place"))
        if end > match.end("place"):
            yield Finding("ADDRESS", match.start("place"), end)
    for match in _PLACE_BEFORE_POSTCODE.finditer(folded):
        place = match.group("place")
        if not _PROPER_NOUN.search(text, match.start("place"), match.end("place")) or ORGANISATIONS.intersection(
                _WORD_OF.findall(place)):
            continue  # "à la Mairie, 33000 Bordeaux": an organisation
        end = _tail_end(text, folded, match.end("place"))
        if end > match.end("place"):
            yield Finding("ADDRESS", match.start("place"), end)
    for match in _PLACE_LINE.finditer(folded) if "\n" in folded else ():
        if _PROPER_NOUN.search(text, match.start("place"), match.end("place")) and not ORGANISATIONS.intersection(
                _WORD_OF.findall(match.group("place"))):
            yield Finding("ADDRESS", match.start("place"), _tail_end(text, folded, match.end("place")))
    districts = (match for match in _DISTRICT_WITH_PARTS.finditer(folded) if _named_district(text, match))
    for match in (*districts, *_PLOT_AND_BLOCK.finditer(folded), *_BOX_AND_TOWN.finditer(text)):
        town = _TOWN_AFTER.match(text, match.end())
        yield Finding("ADDRESS", match.start(), town.end() if town else match.end())
    for match in _MAGHREB_PLACE.finditer(folded):
        words = match.group("name").split()
        while words and words[-1] in _MAGHREB_NAME_END:
            words.pop()
        if words and words[0] not in _MAGHREB_NAME_END:
            end = match.start("name") + len(" ".join(words))
            yield Finding("ADDRESS", match.start(), end)
    for match in _NAMED_PLACE.finditer(folded):
        proper_noun = _PROPER_NOUN.search(text, match.start("place") + 1, match.end("place"))
        if not _POST_OFFICE_BOX.match(match.group("place")) and not proper_noun:
            continue  # "un village de 12000 habitants"
        end = _tail_end(text, folded, match.end("place"))
        if end > match.end("place"):
            yield Finding("ADDRESS", match.start("place"), end)


# Belgium, Portugal, Switzerland...: the number after the street's name, then a postcode of four
# digits ("Rue des Tilleuls 47 bte 3, 4020 Liège", "Rua das Flores 112, 2º Esq, 4050-265 Porto").
_NUMBER_AFTER = re.compile(
    r"(?<![\w])(?:rue|avenue|av|chaussee|place|boulevard|bd|chemin|quai|allee|impasse|route|drève|dreve"
    r"|rua|avenida|travessa|largo|strasse|via|viale|corso|piazza|vicolo|calle|carrer|plaza|paseo)\s+(?:[a-z'\-]+\.?\s+){0,5}?"
    r"[a-z'\-]+,?\s+\d{1,4}[a-z]?"
    r"(?:\s*(?:bte|boite|bus|b)\.?\s*\d{1,4})?(?:\s*,\s*[^,\n\d]{0,12}\d?[^,\n\d]{0,12})?\s*,?\s*"
    r"(?:\d{4}(?:-\d{3})?|\d{5})(?!\d)\s+(?P<town>[a-z][a-z'\-]+)"
)


# German-speaking streets are one word: "Kaiserstraße 118, 76133 Karlsruhe", "Lindenweg 7, 77694 Kehl".
_COMPOUND_STREET = re.compile(
    r"(?<![\w])[a-zß]{3,}(?:strasse|straße|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d{1,4}[a-z]?\s*,?\s*"
    r"(?:[a-z]-)?\d{4,5}(?!\d)\s+(?P<town>[a-zß][a-zß'\-]+)"
)
# British order, the number first and the street's kind last, then the town and the postcode:
# "27 Chesterfield Road, Bristol BS6 5DN", "Flat 4, 19 Mornington Crescent, London NW1 7RG".
_BRITISH = re.compile(
    r"(?<![\w])(?:flat\s+\d{1,4}[a-z]?,?\s+)?\d{1,4}[a-z]?\s+(?:[a-z'\-]+\s+){1,3}"
    r"(?:road|street|lane|avenue|crescent|drive|close|way|gardens|terrace|court|grove|hill|square|place|rd|st)\b"
    r"(?:,?\s+[a-z][a-z'\-]+){0,2},?\s+[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b"
)


def _numbered_after(text: str, folded: str) -> Iterator[Finding]:
    for match in (*_NUMBER_AFTER.finditer(folded), *_COMPOUND_STREET.finditer(folded)):
        if text[match.start("town")].isupper():
            yield Finding("ADDRESS", match.start(), match.end())
    for match in _BRITISH.finditer(folded):
        yield Finding("ADDRESS", match.start(), match.end())


# An address given after its label, with its postcode: the words before the postcode are the
# place, whatever they are (a district, a hamlet, a lieu-dit).
# "j'habite au Le Bourg, 19160 Neuvic", "nous habitons Kerhallet, 29830 ...", "l'exploitation est au
# lieu-dit Pech Merle, 47300 ...": where one lives, then a postcode (not "j'habite à Lyon 69003": a town).
_LABELLED = re.compile(r"(?:adresse|domicile)\b[^:\n?!.\d]{0,30}(?::|c'?\s?est)")
_GIVEN = re.compile(
    r"(?:\b(?:adresse|domicile)\b[^:\n?!.\d]{0,30}(?::|c'?\s?est)|\baddress\s+is|\b(?:j'?\s?habite|nous\s+habitons|on\s+habite|je\s+vis|on\s+vit"
    r"|nous\s+vivons|est\s+au|suis\s+au|demeurant|domiciliee?s?|adresse)(?:\s+(?:au|aux|en|a))?)\s*(?P<place>[a-z][^\n?!:;\d]{2,50}?)(?=\s*[,\-]?\s*\d{5}(?!\d))"
)
# A farm, a mill, a hamlet named, then its postcode and town: "à La Roche, 03250 Le Mayet-de-Montagne",
# "exploitant à La Borie Basse 12390 Rignac",
# "au Mas de la Font, 30460 Lasalle", "Domaine de Peyrelongue, 33570 Montagne".
_PLACE_BEFORE_POSTCODE = re.compile(
    r"(?:\b(?:a|au|chez|vers)\s+|,\s*)(?P<place>(?:le|la|les|l'|mas|domaine|ferme|moulin|bergerie|chateau|clos|bastide"
    r"|metairie|grange|borde|lieu-dit|lieu\s+dit|hameau|ker)[^\n?!:;,\d]{1,40}?)(?=\s*,?\s*\d{5}(?!\d))"
)
_WORD_OF = re.compile(r"[a-z]+")
# Where streets have no names or numbers (Mayotte, Guyane, the countryside): a district, a
# village or a post-office box, named, then its postcode ("quartier Mgombani, 97600 Mamoudzou",
# "village de Combani, 97680 Tsingoni", "BP 214 Kawéni 97600 Mamoudzou").
_NAMED_PLACE = re.compile(
    # in the Antilles, a "section", a "morne" or an "habitation": "Section Bois Jolan, 97180 Sainte-Anne"
    # overseas: a "lotissement", a "servitude" (Polynesia), a "tribu" (New Caledonia): "servitude Teriierooiterai,
    # PK 8,5 côté mer, 98718 Punaauia", "tribu de Tiéta, 98833 Voh", "lot. Zac Hibiscus n°45, quartier Baduel, 97300 ..."
    r"\b(?P<place>(?:quartier|village|hameau|section|morne|habitation|bp|boite\s+postale|servitude|tribu|lotissement"
    r"|lot\.)(?![\w])[^\n?!:;]{2,60}?)"
    r"(?=\s*[,\-]?\s*\d{5}(?!\d))"
)
# In the Maghreb's countryside and medinas a home is a "douar" (a hamlet), a "dchar" or a "derb"
# (a lane), named, with no number or postcode: "douar ait ourir province de marrakech".
_MAGHREB_PLACE = re.compile(r"\b(?:douar|dchar|derb)\s+(?P<name>[a-z'\-]+(?:\s+[a-z'\-]+){0,3})")
_MAGHREB_NAME_END = frozenset(
    "province commune cercle caidat wilaya daira region pres a au en et de du des mais je j on il elle nous "
    "maroc algerie tunisie".split())
# Where homes have no postcode (West and North Africa, the Comoros): a district named, then its
# numbered parts, then the town: "quartier Hamdallaye ACI 2000, rue 345 porte 12, Bamako", "hay
# Essalam rue 12 n° 48 Oujda", "cité 1200 logements bloc 14 n° 3 Bab Ezzouar Alger"; a post-office
# box and its town: "BP 5127 Douala".
_DISTRICT_WITH_PARTS = re.compile(
    r"\b(?:quartier|hay|cite)\s+(?P<name>[^\n?!:;]{2,40}?)"
    r"(?:[ \t,]+(?:rue|porte|lot|ilot|bloc|villa|n°|no|secteur|immeuble|imm|appt|apt|maison)\.?[ \t]*\d{1,4}[a-z]?\b){1,4}")
# "Cocody Riviera 3, lot 112 îlot 9, Abidjan": a plot and its block, then the town.
_PLOT_AND_BLOCK = re.compile(r"\blot\s*(?:n°\s*)?\d{1,4}[ \t]*,?[ \t]*ilot\s*(?:n°\s*)?\d{1,4}\b")
_BOX_AND_TOWN = re.compile(r"\b(?:bp|boite\s+postale)[ \t]*\d{1,5}(?=[ \t,]+[A-ZÀ-Ý])", re.IGNORECASE)
_TOWN_AFTER = re.compile(r"[ \t]*,?[ \t]*[A-ZÀ-Ý][^\W\d_]+(?:[ \t\-][A-ZÀ-Ý][^\W\d_]+){0,2}")
_POST_OFFICE_BOX = re.compile(r"(?:bp|boite\s+postale)\s*(?:bp\s*)?\d")  # "BP 112": a postal address, no name needed
# An address block's line, a place then its postcode and town, alone on its line (a signature's
# "Kerlann, 29260 Ploudaniel"): the place checked for a capital, and no organisation's.
_PLACE_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<place>[a-z][a-z'\- ]{2,40}),[ \t]*\d{5}[ \t]+[a-z][a-z'\- ]{1,40}[ \t]*(?=\n|$)")
_PROPER_NOUN = re.compile(r"\b(?:[A-ZÀ-Ý][a-zà-ÿ]{2,}|[A-ZÀ-Ý]{3,}\b)")  # "Kawéni", "KERNEVEZ"
_BETWEEN_PARTS = re.compile(r"[\s,\-]{1,3}")


# Whose address it is: "l'adresse de la caf c'est ...", "la CPAM de ... au ...", or "cedex" (an
# organisation's mail).
_ORGANISATION_BEFORE = re.compile(
    r"\badresse\s+(?:de\s+la|du|de\s+l'|des|de\s+mon|de\s+ma|de)\s*(?:caf|cpam|carsat|cnav|msa|urssaf|mairie|prefecture"
    r"|agence|caisse|impots|tresor\s+public|france\s+travail|pole\s+emploi|mdph|ccas|tribunal|fac|faculte|universite"
    r"|ecole|lycee|college|crous)\b[^.?!\n]{0,40}$"
)
_CEDEX_AFTER = re.compile(r"\s*,?\s*cedex\b")
_CEDEX = re.compile(r"\bcedex\b")
_STREET_NUMBER_AT_END = re.compile(r"\d{1,4}\s*(?:bis|ter)?\s*$")
# "la CPAM de l'Hérault au 1 rue du Mas de Grille", "CCAS de Pessac, 28 avenue ...", "Office notarial du
# Ralliement, 3 rue ...": an organisation, then where it is. Not a home ("foyer", "EHPAD"): people live there.
_ORGANISATION_AT = re.compile(
    r"\b(?:caf|cpam|carsat|cnav|msa|urssaf|mairie|prefecture|agence|caisse|france\s+(?:travail|services)|pole\s+emploi"
    r"|mdph|ccas|cias|udaf|atmp|spip|tribunal|hopital|clinique|pharmacie|officine|office\s+notarial|etude(?:\s+notariale)?"
    r"|cabinet|association|centre\s+social|maison\s+de\s+quartier|crous|institut|universite|faculte|lycee|college"
    r"|centre\s+hospitalier|chu|maternite)\b"
    # its place, after "de" or capitalised (checked on the message): "CCAS de Pessac", "la Carsat Nord-Picardie"
    r"(?P<place>(?:\s+[a-z][a-z\-]{2,}){0,2})(?:\s*(?:de|du|des|d')\s*(?:l'\s*|la\s+)?[a-z\-]+){0,3}"
    r"(?:\s*,?\s+(?:au|(?:est|c'?\s?est|c)\s+(?:bien\s+|toujours\s+)?au|situee?\s+au)|\s*[,(])\s*$"
    # "nos bureaux sont au ...", "notre officine : ..."
    r"|\b(?:nos\s+(?:bureaux|locaux)|notre\s+(?:siege|officine|etude|cabinet|agence|antenne))\b[^.?!\n]{0,25}$"
    # "l'agence du 12 avenue de la République", "l'accueil de la rue ..."
    r"|\b(?:agence|antenne|accueil|permanence|caf|cpam|msa|urssaf|carsat|mairie)\s+(?:du|de\s+la|de\s+l'|des)\s*$"
)


# A person domiciled or living at an organisation receives mail there: "ma domiciliation est à
# l'association, 14 rue ...", "domicilié chez l'association Coallia, 18 rue ...", "hébergée au foyer";
# what one calls "mon adresse" is one's own, even with a CEDEX.
_LIVES_THERE = re.compile(
    r"\b(?:domicili\w*|hebergee?s?|je\s+(?:vis|loge|reside|dors)|j'habite|on\s+(?:vit|habite)"
    # a fund's mail may carry a CEDEX, a person's post-office box too: "ma boîte postale : BP 51, ... Cedex"
    r"|mon\s+adresse(?:\s+postale)?|ma\s+(?:nouvelle\s+)?adresse(?:\s+postale)?|ma\s+boite\s+postale)\b[^.?!\n]{0,40}$"
)


def organisation_address(text: str, folded: str, finding: Finding) -> bool:
    """Is this address an organisation's ("l'adresse de la caf c'est ...", or a cedex)?"""
    # the street's number may have been read apart ("Office notarial du Ralliement, 3 | rue ...")
    offset = max(0, finding.start - 50)
    before = _STREET_NUMBER_AT_END.sub("", folded[offset : finding.start])
    if _LIVES_THERE.search(before) and not _ORGANISATION_BEFORE.search(before):
        return False
    at = _ORGANISATION_AT.search(before)
    if at and at.groupdict().get("place"):  # "la Carsat Nord-Picardie, 11 allée ...", not "la caf envoie au ..."
        place = text[offset + at.start("place") : offset + at.end("place")]
        at = at if all(word[0].isupper() for word in place.split()) else None
    return bool(_ORGANISATION_BEFORE.search(before) or at
                or _CEDEX_AFTER.match(folded, finding.end) or _CEDEX.search(folded, finding.start, finding.end))


def merge_overlapping(candidates: list[Finding]) -> list[Finding]:
    """Address candidates that overlap ("9 rue Ampère bâtiment B" and "bâtiment B 3e étage 38000
    Grenoble") are one address: their union, so that no part is left out."""
    addresses = sorted((c for c in candidates if c.type == "ADDRESS"), key=lambda c: c.start)
    merged: list[Finding] = []
    for candidate in addresses:
        if merged and candidate.start < merged[-1].end:
            merged[-1] = Finding("ADDRESS", merged[-1].start, max(merged[-1].end, candidate.end))
        else:
            merged.append(candidate)
    return [c for c in candidates if c.type != "ADDRESS"] + merged


def join_address_parts(text: str, findings: list[Finding]) -> list[Finding]:
    """One address typed in parts ("résidence les Tilleuls, 22 avenue de Verdun, 33700 Mérignac")
    is one finding: the person sees one [ADRESSE], and no comma hints at its shape."""
    joined: list[Finding] = []
    for finding in findings:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.type == finding.type == "ADDRESS"
            and _BETWEEN_PARTS.fullmatch(text, previous.end, finding.start)
        ):
            joined[-1] = Finding("ADDRESS", previous.start, finding.end)
        else:
            joined.append(finding)
    return joined

