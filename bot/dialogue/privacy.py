"""What the person is told when personal data was masked in their message."""
from __future__ import annotations

from typing import Iterable

from bot.config import Contacts

TYPE_LABELS = {
    "NIR": "votre numéro de sécurité sociale",
    "IBAN": "vos coordonnées bancaires",
    "ALLOCATAIRE": "votre numéro allocataire",
    "MSA": "votre numéro MSA",
    "FISCAL": "votre numéro fiscal",
    "PHONE": "un numéro de téléphone",
    "EMAIL": "une adresse e-mail",
    "ADDRESS": "une adresse postale",
    "BIRTHDATE": "une date de naissance",
    "NAME": "un nom de personne",
    "CARD": "les données de votre carte bancaire",
    "ID_DOCUMENT": "le numéro d'une pièce d'identité",
    "SECRET": "un mot de passe ou un code confidentiel",
}


def _enumerate(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]


def masked_data_notice(types: Iterable[str], contacts: Contacts) -> str:
    labels = [TYPE_LABELS[t] for t in sorted(set(types)) if t in TYPE_LABELS]
    if not labels:
        return ""
    return (
        f"Pour protéger vos données, j'ai masqué {_enumerate(labels)} : ce canal n'est pas sécurisé, "
        "n'y écrivez pas d'informations personnelles. Pour une question sur votre dossier, "
        f"utilisez {contacts.account_name} ({contacts.account_url}) ou appelez le {contacts.phone}."
    )
