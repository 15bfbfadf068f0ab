"""Values named by a field in pasted structured text: a spreadsheet or export row under its
header ("Nom;Prenom;NIR" then "GUERIAUD;Lina;2 68 ..."), a JSON or form field
('"telephone": "06..."', '"nom_naissance": "TREGUER"'), a web address's parameters
("...?titulaire=DUCLOS%20Remi&adresse=12+impasse+des+Mesanges").

People paste what their software exported. The label says what the value is, whatever its
shape, so the value is taken without the cue phrases the other readers expect; labels that
name nothing personal ("Lien", "Regime", "annee") leave their values readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote_plus

from bot.text import fold_same_length

from ._model import Finding

_NUMBER = r"(?:numero |num |no |n |nr |number )?"
# Labels, folded, separators and camel case turned into single spaces ("numPiece" -> "num piece").
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?:{pattern})"))
    for kind, pattern in (
        ("BIRTHDATE", r"(?:date (?:de |d )?)?naissance|ddn|birth ?date|date of birth|dob|birthday"),
        ("NIR", rf"nir|nss|{_NUMBER}(?:de )?(?:securite sociale|secu|ss)"),
        # a RIB's columns: "Code banque;Code guichet;Numéro de compte;Clé RIB"
        ("IBAN", rf"iban|rib|(?:code )?banque|(?:code )?guichet|{_NUMBER}(?:de )?compte|cle(?: rib)?"),
        ("CARD", rf"card ?number|{_NUMBER}(?:de )?carte(?: bancaire)?|cb|expiry|expiration|date (?:d )?expiration"
                 r"|exp|cvc|cvv|cryptogramme|crypto"),
        ("SECRET", r"password|passwd|pwd|pass|mdp|mot (?:de )?passe|code (?:confidentiel|secret|pin)|pin"),
        ("LOGIN", r"login|user|username|user name|identifiant|utilisateur"),
        ("EMAIL", r"e ?mail|courriel|adresse (?:e ?mail|electronique|mail)"),
        ("PHONE", rf"tel|telephone|portable|mobile|phone|gsm|{_NUMBER}(?:de )?telephone"),
        ("ADDRESS", r"adresse|address|adresse postale|domicile|rue|voie"),
        ("POSTAL", r"cp|code postal|zip|ville|commune|localite"),
        ("NAME", r"nom|noms|prenom|prenoms|nom (?:de )?(?:naissance|famille|usage|jeune fille)|titulaire"
                 r"|name|first ?name|last ?name|surname|given ?name|beneficiaire|assure|nom prenom|prenom nom"
                 r"|nom naissance|nom usage"
                 # a column of the household's or the payroll's people: "enfant;lundi;mardi" then "Zoé;8h-17h;..."
                 r"|enfants?|conjointe?|salariee?|employee?|child|children"),
        ("FISCAL", rf"{_NUMBER}(?:d )?(?:identification )?fiscal|spi|nif"),
        ("ALLOCATAIRE", rf"{_NUMBER}(?:d )?allocataire|{_NUMBER}caf"),
        ("MSA", rf"{_NUMBER}(?:d )?(?:adherent )?msa"),
        ("FILE_NUMBER", rf"{_NUMBER}(?:de )?(?:dossier|pension|cotisant|pajemploi)|dossier|reference dossier"),
        ("ID_DOCUMENT", rf"{_NUMBER}(?:de )?(?:piece|passeport|cni|titre (?:de )?sejour|carte (?:d )?identite)"),
    )
)
# A column of numbers beside a column naming the kind of document ("Piece;Numero").
_DOCUMENT_COLUMN = re.compile(r"(?:type )?(?:de )?(?:piece|document|justificatif)s?")
_BARE_NUMBER = re.compile(r"numero|num|no|n|number")
# What a value of each kind must hold.
_NEEDS_DIGIT = {"NIR", "IBAN", "CARD", "PHONE", "FISCAL", "ALLOCATAIRE", "MSA", "FILE_NUMBER", "ID_DOCUMENT"}
_NEEDS_LETTER = {"NAME"}
_MONTHS = re.compile(r"janv|fev|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec", re.IGNORECASE)

_JSON_FIELD = re.compile(r"""["']([A-Za-zÀ-ÿ_\- .°]{1,40})["']\s*:\s*["']([^"'\n]{1,120})["']""")
_URL_FIELD = re.compile(r"[?&]([A-Za-z_\-.]{1,30})=([^&\s#]{1,200})")
# "NIR=...;nom=Barbier;prenom=Lise": fields of a form or a log line, one after the other.
_PAIR_FIELD = re.compile(r"(?:^|(?<=[;,|\s]))([A-Za-z_\-.]{2,30})=([^;,|&\s#]{1,120})")
_CELL_SEPARATORS = (";", "\t", "|")
# A CSV export whose cells are quoted: '"nom","prenom","nir"' then '"WANG","Xiaoming","1-99-..."'.
_QUOTED_CSV_LINE = re.compile(r'\s*"[^"\n]*"(?:\s*,\s*"[^"\n]*")+\s*')


def _label(raw: str) -> str:
    """'nom_naissance' -> 'nom naissance', 'cardNumber' -> 'card number', 'N° MSA' -> 'n msa'."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw.strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold_same_length(spaced)).split())


def label_kind(raw: str) -> str | None:
    """The kind of personal data a field label names, or None."""
    label = _label(raw)
    for kind, pattern in _LABELS:
        if pattern.fullmatch(label):
            return kind
    return None


# A blank form's hints, not values: "(a remplir)", "[vide]", "xxx", "...".
_PLACEHOLDER = re.compile(r"\s*(?:[(\[].*[)\]]|x+|\.+|-+|\?+|n/?a|null|none|vide|a remplir|à remplir)\s*",
                          re.IGNORECASE)


def _fits(kind: str, value: str) -> bool:
    """Does this value have the shape of its kind (a number holds digits, a name none)?"""
    if not value.strip() or _PLACEHOLDER.fullmatch(value):
        return False
    if kind in _NEEDS_DIGIT:
        return any(c.isdigit() for c in value)
    if kind in _NEEDS_LETTER:
        return any(c.isalpha() for c in value) and not any(c.isdigit() for c in value)
    if kind == "BIRTHDATE":
        return any(c.isdigit() for c in value) or bool(_MONTHS.search(value))
    return True


def _kinds_of_header(cells: list[str]) -> list[str | None] | None:
    """The kind of each column if this line reads as a header naming personal data, else None."""
    kinds = [label_kind(cell) for cell in cells]
    labels = [_label(cell) for cell in cells]
    documents = any(_DOCUMENT_COLUMN.fullmatch(label) for label in labels)
    if not any(kind and kind != "POSTAL" for kind in kinds):
        if not (documents and any(_BARE_NUMBER.fullmatch(label) for label in labels)):
            return None
    if not all(label and len(label) <= 40 and not any(c.isdigit() for c in label) for label in labels):
        return None
    if documents:
        kinds = ["ID_DOCUMENT" if _BARE_NUMBER.fullmatch(label) else kind for label, kind in zip(labels, kinds)]
    # A town or postcode column is personal only in a row that also holds an address.
    if "ADDRESS" not in kinds:
        kinds = [None if kind == "POSTAL" else kind for kind in kinds]
    return kinds


def _cells(line: str, start: int, separator: str) -> list[tuple[int, int]]:
    spans, position = [], start
    for part in line.split(separator):
        spans.append((position, position + len(part)))
        position += len(part) + 1
    return spans


def _framed(offset: int, line: str) -> tuple[int, str]:
    """A Markdown row "| a | b |" without its outer bars (offsets kept)."""
    stripped = line.strip()
    if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
        start = line.index("|") + 1
        return offset + start, line[start:line.rindex("|")]
    return offset, line


def _table_findings(text: str) -> Iterator[Finding]:
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append(_framed(offset, line))
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        start, line = lines[i]
        separator = next((s for s in _CELL_SEPARATORS if line.count(s) >= 1), None)
        if separator is None and _QUOTED_CSV_LINE.fullmatch(line):
            separator = ","
        kinds = _kinds_of_header(line.split(separator)) if separator else None
        if not kinds:
            i += 1
            continue
        i += 1
        while i < len(lines) and lines[i][1].count(separator) == len(kinds) - 1 and (
                separator != "," or _QUOTED_CSV_LINE.fullmatch(lines[i][1])):
            row_start, row = lines[i]
            yield from _row_findings(text, _cells(row, row_start, separator), kinds)
            i += 1


def _row_findings(text: str, cells: list[tuple[int, int]], kinds: list[str | None]) -> Iterator[Finding]:
    address: list[tuple[int, int]] = []
    for (start, end), kind in zip(cells, kinds):
        while start < end and (text[start].isspace() or text[start] == '"'):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == '"'):
            end -= 1
        if kind in ("ADDRESS", "POSTAL"):
            if start < end:
                address.append((start, end))
            continue
        if address:  # an address and its postcode and town, side by side, are one address
            yield Finding("ADDRESS", address[0][0], address[-1][1])
            address = []
        if kind and _fits(kind, text[start:end]):
            yield Finding(kind, start, end)
    if address:
        yield Finding("ADDRESS", address[0][0], address[-1][1])


def find_fields(text: str, folded: str) -> Iterator[Finding]:
    """Yield values named by a JSON, web-address or spreadsheet field label."""
    del folded  # labels are folded one by one
    patterns = ((_JSON_FIELD,) if ":" in text and ('"' in text or "'" in text) else ()) + (
        (_URL_FIELD, _PAIR_FIELD) if "=" in text else ())  # most messages: none of these, no cost
    for pattern in patterns:
        for match in pattern.finditer(text):
            kind = label_kind(match.group(1))
            if kind == "POSTAL":
                kind = None
            if kind and _fits(kind, unquote_plus(match.group(2))):
                yield Finding(kind, match.start(2), match.end(2))
    if any(separator in text for separator in (*_CELL_SEPARATORS, '","')) and "\n" in text:
        yield from _table_findings(text)
