"""Generators of synthetic, checksum-valid identifiers for tests and the corpus.

Values are drawn from a seeded random generator: they are valid in form and checksum
but made up, never copied from anybody. Typing styles mimic what users paste in chats.
`make_*` draws a value, `typo_*` a near-valid one (one digit mistyped), `format_*`
types it the way people do.
"""

from __future__ import annotations

import random
import string

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fr import nif as stdnum_nif
from stdnum.fr import nir as stdnum_nir

# Country -> BBAN layout as (kind, length) parts: n digits, a upper letters, c alnum.
_BBAN_LAYOUTS: dict[str, tuple[tuple[str, int], ...]] = {
    "FR": (("n", 5), ("n", 5), ("c", 11), ("n", 2)),
    "DE": (("n", 8), ("n", 10)),
    "BE": (("n", 3), ("n", 7), ("n", 2)),
    "ES": (("n", 4), ("n", 4), ("n", 1), ("n", 1), ("n", 10)),
    "IT": (("a", 1), ("n", 5), ("n", 5), ("c", 12)),
    "PT": (("n", 4), ("n", 4), ("n", 11), ("n", 2)),
    "GB": (("a", 4), ("n", 6), ("n", 8)),
    "CH": (("n", 5), ("c", 12)),
    "LU": (("n", 3), ("c", 13)),
    "NL": (("a", 4), ("n", 10)),
    "MC": (("n", 5), ("n", 5), ("c", 11), ("n", 2)),
}

_SEPARATORS = {"space": " ", "dot": ".", "dash": "-", "none": ""}


def _chars(rng: random.Random, kind: str, length: int) -> str:
    pool = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits}[kind]
    return "".join(rng.choice(pool) for _ in range(length))


def _rib_key(bank: str, branch: str, account: str) -> str:
    """French RIB key, so that French test IBANs look like real ones end to end.

    Generated account numbers are all digits, so the letter table of the RIB is not needed.
    """
    total = 89 * int(bank) + 15 * int(branch) + 3 * int(account)
    return f"{97 - total % 97:02d}"


def make_iban(rng: random.Random, country: str = "FR") -> str:
    """A compact IBAN that stdnum accepts, national check digits included."""
    for _ in range(100_000):  # some countries add a national check: draw until it holds
        parts = [_chars(rng, kind, length) for kind, length in _BBAN_LAYOUTS[country]]
        if country in ("FR", "MC"):
            parts[3] = _rib_key(parts[0], parts[1], parts[2])
        bban = "".join(parts)
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number
    raise RuntimeError(f"could not draw a valid IBAN for {country}")


def format_iban(number: str, style: str = "space") -> str:
    """Typed like users do: grouped by 4 with a separator, compact, or lowercase."""
    if style == "lower":
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4)).lower()
    sep = _SEPARATORS[style]
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def make_nir(
    rng: random.Random, *, sex: str | None = None, corsica: str | None = None, key: bool = True
) -> str:
    """A compact NIR (15 characters, or 13 without key) with a valid structure."""
    sex = sex or rng.choice("12")
    year = f"{rng.randint(0, 99):02d}"
    month = f"{rng.choice([*range(1, 13), *range(1, 13), 20, 31, 50, 99]):02d}"
    department = corsica or rng.choice([f"{rng.randint(1, 95):02d}", "99", "97"])
    if department == "97":
        department, commune = "97", f"{rng.randint(1, 6)}{rng.randint(1, 99):02d}"
    else:
        commune = f"{rng.randint(1, 990):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = sex + year + month + department + commune + order
    if not key:
        return body
    number = body + stdnum_nir.calc_check_digits(body + "00")
    assert stdnum_nir.is_valid(number), number
    return number


def bad_key_nir(rng: random.Random) -> str:
    """A NIR-shaped 15-digit number whose key does not check (an invoice number, say)."""
    number = make_nir(rng)
    wrong = f"{(int(number[13:]) + rng.randint(1, 90)) % 97 or 1:02d}"
    return number[:13] + wrong


def format_nir(number: str, style: str = "space") -> str:
    """Typed like users do: official grouping with a separator, compact, key apart."""
    if style == "key_apart":
        return number[:13] + " " + number[13:]
    groups = [number[:1], number[1:3], number[3:5], number[5:7], number[7:10], number[10:13]]
    if len(number) == 15:
        groups.append(number[13:])
    return _SEPARATORS[style].join(groups)


def make_tax_number(rng: random.Random) -> str:
    """A French tax number (SPI, 13 digits, mod-511 check)."""
    head = rng.choice("0123") + "".join(rng.choice(string.digits) for _ in range(9))
    number = head + stdnum_nif.calc_check_digits(head)
    assert stdnum_nif.is_valid(number), number
    return number


def make_allocataire(rng: random.Random) -> str:
    """A 7-digit CAF allocataire number (no public checksum)."""
    return "".join(rng.choice(string.digits) for _ in range(7))


def typo(rng: random.Random, number: str, start: int = 0) -> str:
    """The same number with one digit (from `start` on) mistyped: a near-valid value."""
    positions = [i for i in range(start, len(number)) if number[i].isdigit()]
    i = rng.choice(positions)
    wrong = rng.choice([d for d in string.digits if d != number[i]])
    return number[:i] + wrong + number[i + 1 :]


def typo_iban(rng: random.Random, country: str = "FR") -> str:
    """An IBAN of the right shape with one mistyped digit (its checksum fails)."""
    number = make_iban(rng, country)
    while True:
        wrong = typo(rng, number, start=4)
        if not stdnum_iban.is_valid(wrong, check_country=False):
            return wrong


def typo_nir(rng: random.Random) -> str:
    """A person's NIR (sex 1/2, month 01-12) with one mistyped digit, key failing."""
    while True:
        number = make_nir(rng)
        if not 1 <= int(number[3:5]) <= 12:
            continue
        wrong = typo(rng, number, start=7)  # commune, order or key: the structure stays
        if not stdnum_nir.is_valid(wrong) and wrong[7:10] != "000" and wrong[10:13] != "000":
            return wrong


def format_nir_split(number: str, style: str = "newline") -> str:
    """Odd typings: across a line break, with slashes or underscores."""
    groups = [number[:1], number[1:3], number[3:5], number[5:7], number[7:10], number[10:13], number[13:]]
    if style == "newline":
        return " ".join(groups[:3]) + "\n" + " ".join(groups[3:])
    return {"slash": "/", "underscore": "_"}[style].join(groups)


# Card networks: (prefixes, length).
_CARD_NETWORKS: dict[str, tuple[tuple[str, ...], int]] = {
    "visa": (("4",), 16),
    "cb": (("4970", "4973", "5132"), 16),
    "mastercard": (("51", "52", "53", "54", "55", "2221", "2720"), 16),
    "amex": (("34", "37"), 15),
    "maestro": (("6759", "6761"), 19),
}


def make_card(rng: random.Random, network: str = "visa") -> str:
    """A Luhn-valid card number of the network's length (digits only)."""
    prefixes, length = _CARD_NETWORKS[network]
    body = rng.choice(prefixes)
    body += "".join(rng.choice(string.digits) for _ in range(length - len(body) - 1))
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number), number
    if stdnum_nir.is_valid(number):  # an Amex that is also a valid NIR is masked as a NIR
        return make_card(rng, network)
    return number


def typo_card(rng: random.Random, network: str = "visa") -> str:
    """A card number with one mistyped digit (the Luhn key fails)."""
    number = make_card(rng, network)
    return typo(rng, number, start=6)


def format_card(number: str, style: str = "space") -> str:
    """Typed like users do: groups of 4 (Amex 4-6-5) with a separator, or compact."""
    if style == "none":
        return number
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    return _SEPARATORS[style].join(groups)


def make_expiry(rng: random.Random, style: str = "short") -> str:
    """A card expiry date: "09/27" (short) or "09/2027" (long)."""
    month, year = rng.randint(1, 12), rng.randint(2026, 2031)
    return f"{month:02d}/{year % 100:02d}" if style == "short" else f"{month:02d}/{year}"


def make_cvv(rng: random.Random, length: int = 3) -> str:
    """The code on the back of a card."""
    return "".join(rng.choice(string.digits) for _ in range(length))


def _letters(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(count))


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def make_passport(rng: random.Random) -> str:
    """A French passport number: 2 digits, 2 letters, 5 digits ("18AB12345")."""
    return _digits(rng, 2) + _letters(rng, 2) + _digits(rng, 5)


def make_identity_card(rng: random.Random, new: bool = False) -> str:
    """Old identity card: 12 digits (year, month, office, order); new (2021): 9 alphanumerics."""
    if new:
        while True:
            value = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
            if any(c.isdigit() for c in value[1:]) and any(c.isalpha() for c in value):
                return value
    return f"{rng.randint(0, 20):02d}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}{_digits(rng, 6)}"


def make_driving_licence(rng: random.Random, new: bool = True) -> str:
    """New driving licence (2013): 2 digits, 2 letters, 5 digits; old: 12 digits."""
    if new:
        return make_passport(rng)
    return f"{rng.randint(70, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}{_digits(rng, 6)}"


def make_foreigner_number(rng: random.Random) -> str:
    """A foreigner number (AGDREF, on the residence permit): 10 digits."""
    return f"{rng.randint(1, 99):02d}{_digits(rng, 8)}"


def make_residence_permit(rng: random.Random) -> str:
    """A residence-permit card number: 2 letters and 7 digits."""
    return _letters(rng, 2) + _digits(rng, 7)


def format_id(number: str, style: str = "none") -> str:
    """Compact, or grouped like on the document ("18 AB 12345", "1234 5678 9012")."""
    if style == "none":
        return number
    if len(number) == 9 and number[:2].isdigit() and number[2:4].isalpha() and number[4:].isdigit():
        groups = [number[:2], number[2:4], number[4:]]
    elif len(number) == 12 and number.isdigit():
        groups = [number[i : i + 4] for i in range(0, 12, 4)]
    else:  # other documents print their number in one block
        return number
    return _SEPARATORS[style].join(groups)


_PASSWORD_WORDS = ("Soleil", "chaton", "Marseille", "azerty", "Bibou", "loulou", "Tigre", "papillon")


def make_password(rng: random.Random) -> str:
    """A made-up password the way people choose them: a word, digits, maybe a symbol."""
    word = rng.choice(_PASSWORD_WORDS)
    return word + _digits(rng, rng.randint(2, 4)) + rng.choice(["", "!", "*", "#", "$"])


def make_secret_code(rng: random.Random, length: int = 4) -> str:
    """A confidential code (PIN, access code)."""
    return _digits(rng, length)


def make_rib(rng: random.Random) -> tuple[str, str, str, str]:
    """A French RIB: bank, branch (guichet), account, key, the key valid."""
    bank, branch, account = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
    return bank, branch, account, _rib_key(bank, branch, account)


def format_rib(rib: tuple[str, str, str, str], style: str = "row") -> str:
    """One row, labelled on one line, or labelled over several lines."""
    bank, branch, account, key = rib
    if style == "row":
        return f"{bank} {branch} {account} {key}"
    labelled = [f"code banque : {bank}", f"guichet : {branch}", f"n° de compte : {account}", f"clé : {key}"]
    return (" " if style == "labels" else "\n").join(labelled)


_MONTHS = ("janvier fevrier mars avril mai juin juillet aout septembre octobre novembre "
           "decembre").split()


def make_birthdate(rng: random.Random) -> tuple[int, int, int]:
    """A (year, month, day) birth date between 1940 and 2008."""
    return rng.randint(1940, 2008), rng.randint(1, 12), rng.randint(1, 28)


def format_date(value: tuple[int, int, int], style: str = "slash") -> str:
    """ISO (1981-08-18), slash (18/08/1981), dot, short year, words (18 aout 1981), compact."""
    year, month, day = value
    return {
        "iso": f"{year}-{month:02d}-{day:02d}",
        "slash": f"{day:02d}/{month:02d}/{year}",
        "dot": f"{day:02d}.{month:02d}.{year}",
        "short": f"{day}/{month}/{year % 100:02d}",
        "words": f"{day} {_MONTHS[month - 1]} {year}",
        "compact": f"{day:02d}{month:02d}{year}",
    }[style]


def make_phone(rng: random.Random) -> str:
    """A French mobile number (06/07), valid for `phonenumbers`."""
    return rng.choice(["06", "07"]) + rng.choice("5678") + _digits(rng, 7)


_UNITS = "zero un deux trois quatre cinq six sept huit neuf".split()
_TEENS = "dix onze douze treize quatorze quinze seize".split()
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def spell_pair(value: int) -> str:
    """A number 0-99 in French words, the way people write it (no hyphens)."""
    if value < 10:
        return "zero " + _UNITS[value]
    if value < 17:
        return _TEENS[value - 10]
    if value < 20:
        return "dix " + _UNITS[value - 10]
    tens, unit = divmod(value, 10)
    if tens in (7, 9):
        if tens == 7 and unit == 1:
            return "soixante et onze"
        return ("soixante " if tens == 7 else "quatre vingt ") + spell_pair(10 + unit)
    head = "quatre vingt" if tens == 8 else _TENS[tens]
    if unit == 0:
        return head
    return head + (" et un" if unit == 1 and tens != 8 else " " + _UNITS[unit])


def format_phone_words(number: str, style: str = "words") -> str:
    """A 10-digit number spelled: "zero six douze ..." (words) or every other pair (mixed)."""
    pairs = [number[i : i + 2] for i in range(0, 10, 2)]
    head = "zero " + _UNITS[int(pairs[0][1])]
    if style == "words":
        return " ".join([head] + [spell_pair(int(p)) for p in pairs[1:]])
    return " ".join([pairs[0]] + [spell_pair(int(p)) if i % 2 == 0 else p for i, p in enumerate(pairs[1:])])
