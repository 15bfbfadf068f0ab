"""Generators of synthetic, checksum-valid identifiers for tests and the corpus.

Values are drawn from a seeded random generator: they are valid in form and checksum
but made up, never copied from anybody. Typing styles mimic what users paste in chats.
"""

from __future__ import annotations

import random
import string

from stdnum import iban as stdnum_iban
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
