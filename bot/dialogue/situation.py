"""Questions about a person's own file: which secure path answers them.

The assistant never sees a file on a chat channel; it names the precise place of the secure
channels for the kind of question (payments, amount, documents, progress of a request).
"""
from __future__ import annotations

import re

from bot import texts
from bot.config import Contacts
from bot.text import fold

# Checked in this order: "pourquoi ma prime a baissé" is about the amount; "j'ai envoyé ma demande,
# elle en est où ?" about progress before documents; "vous avez reçu mes justificatifs ?" about
# documents before the wider payment words. Anything else is about the file's progress.
SITUATION_TOPICS = {
    "amount": ("combien", "montant", "baisse", "diminu", "augment", "calcul", "moins que", "plus que",
               "pas le meme", "somme", "toucher"),
    "file_status": ("ou en est", "en est ou", "ou ca en est", "ca en est", "avance", "traite", "en cours",
                    "en attente", "bloque", "pas de nouvelles", "aucune nouvelle"),
    "documents": ("document", "justificatif", "piece", "papier", "attestation", "envoy", "courrier",
                  "formulaire", "releve"),
    "payments": ("paye", "paie", "paiement", "versement", "verse", "vire", "virement", "recu", "argent",
                 "rien touche", "sur mon compte"),
}
DEFAULT_TOPIC = "file_status"


def mentions(folded_text: str, keywords) -> bool:
    """True when a keyword starts a word of the text ("ants" must not match "enfants")."""
    return any(re.search(r"\b" + re.escape(keyword), folded_text) for keyword in keywords)


def situation_topic(text: str) -> str:
    folded = fold(text)
    for topic, keywords in SITUATION_TOPICS.items():
        if mentions(folded, keywords):
            return topic
    return DEFAULT_TOPIC


def secure_path_message(topic: str, contacts: Contacts) -> str:
    """The sentence of `topic` (config/textes.yml, secure_path) with the answering body's contacts."""
    return texts.text(f"secure_path.{topic}", contacts=contacts,
                      espace=contacts.secure_paths.get(topic) or contacts.account_name)
