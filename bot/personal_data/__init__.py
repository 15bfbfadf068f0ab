"""Detect and mask French personal data typed into a chat, before anything is stored.

Users paste their social-security number, IBAN or RIB, bank card, identity document
number, password, phone, address... into public or semi-public channels, sometimes
mistyped or spelled out; funds must mask them quickly (EN3S grid, item F9). Every input
channel calls `mask()` on the message before Rasa sees or stores it.

    >>> from bot.personal_data import mask
    >>> mask("rappelez moi au 06 12 34 56 78").text
    'rappelez moi au [TÉLÉPHONE]'
"""

from ._detector import Detector, detect, mask
from ._model import MASKS, Finding, MaskResult

__all__ = ["MASKS", "Detector", "Finding", "MaskResult", "detect", "mask"]
