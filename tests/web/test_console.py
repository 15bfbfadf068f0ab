"""Agents' replies: masked like every message, except the agent's own name."""
from bot.backoffice import Account
from bot.web.console import mask_agent_text

CAMILLE = Account(1, "cmartin", "Camille Martin", frozenset({"agent"}), "csrf")


def test_the_agent_introducing_themselves_keeps_their_name():
    assert mask_agent_text("Bonjour, je suis Camille, conseillère de la Caf.", CAMILLE) == \
        "Bonjour, je suis Camille, conseillère de la Caf."
    assert mask_agent_text("Camille Martin à votre écoute.", CAMILLE) == "Camille Martin à votre écoute."


def test_other_personal_data_in_the_reply_is_still_masked():
    masked = mask_agent_text("Je suis Camille. Mme Dupont m'a transmis votre demande, "
                             "je vous rappelle au 06 12 34 56 78.", CAMILLE)
    assert masked == "Je suis Camille. Mme [NOM] m'a transmis votre demande, je vous rappelle au [TÉLÉPHONE]."
    assert mask_agent_text("Camille Dupont est passée à l'accueil.", CAMILLE).startswith("[NOM]")
