"""French labels of the codes stored in our tables, shared by the dashboard, exports and CLI."""
from __future__ import annotations

from typing import Dict, Optional

from sqlalchemy.engine import Engine

from bot.templates.versions import current_templates

CHANNELS = {"socketio": "Site (widget)", "rest": "API REST", "facebook": "Messenger", "instagram": "Instagram",
            "facebook_comment": "Commentaires Facebook", "instagram_comment": "Commentaires Instagram"}
PLATFORMS = {"facebook": "Facebook", "instagram": "Instagram"}
BRANCHES = {"caf": "Caf", "cpam": "Assurance maladie", "retraite": "Assurance retraite",
            "urssaf": "Urssaf", "msa": "MSA"}
REASONS = {"asked": "Demande de la personne", "fallback": "Question non comprise",
           "not_useful": "Réponse jugée inutile", "complaint": "Réclamation",
           "template": "Modèle prévoyant un conseiller", "urgent": "Urgence (menace, détresse)",
           "not_sent": "Réponse non envoyée au réseau social"}
BUCKETS = {"hour": "Dans l'heure", "half_day": "Dans la demi-journée", "day": "Dans la journée",
           "later": "Au-delà de la journée", "none": "Sans réponse à ce jour"}
DATA_TYPES = {"NIR": "Numéro de sécurité sociale", "IBAN": "IBAN", "ALLOCATAIRE": "Numéro allocataire",
              "MSA": "Numéro MSA", "FISCAL": "Numéro fiscal", "PHONE": "Téléphone", "EMAIL": "E-mail",
              "ADDRESS": "Adresse", "BIRTHDATE": "Date de naissance", "NAME": "Nom",
              "CARD": "Carte bancaire", "ID_DOCUMENT": "Pièce d'identité", "SECRET": "Mot de passe ou code",
              "FILE_NUMBER": "Numéro de dossier ou de compte",
              "LOGIN": "Identifiant de connexion"}
KINDS = {"fallback": "Non comprise ou sans réponse validée", "out_of_scope": "Hors sujet"}
STATUSES = {"waiting": "En attente", "active": "Prise en charge", "closed": "Clôturée"}
MODERATION = {"insult": "Insultes", "threat": "Menaces", "hate": "Propos haineux", "defamation": "Diffamation",
              "self_harm": "Détresse", "criticism": "Critiques", "spam": "Hors sujet, publicité"}
OUTCOMES = {"answered": "Réponse apportée", "redirected": "Orientée vers un autre canal ou organisme",
            "no_reply": "Sans réponse de la personne", "abandoned": "Abandonnée par la personne",
            "cancelled": "Demande annulée"}
DECISIONS = {"keep": "Maintenu", "hide": "Masqué", "block": "Conversation suspendue"}
UNKNOWN = "Non déterminé"


def template_titles(engine: Optional[Engine] = None) -> Dict[str, str]:
    """Template id -> title, as the assistant answers now (files and published versions)."""
    return {template.id: template.title for template in current_templates(engine)}


def template_title(template_id: Optional[str], titles: Dict[str, str]) -> str:
    """A template as a manager knows it: its title (the id only for a template since deleted)."""
    if not template_id:
        return UNKNOWN
    return titles.get(template_id, template_id)


def label(mapping: dict, code: Optional[str]) -> str:
    if code is None or code == "":
        return UNKNOWN
    return mapping.get(code, code)
