"""Moderation under the usage charter: classify a chat message before the assistant answers.

Funds keep legal criticism visible and answer it, and remove insults, threats, hate,
defamation and off-topic posts (EN3S grid, item F10). `classify()` tells which, with a
severity the conversation flow acts on (self-harm and threats go to an agent at once) and
the names of the rules that fired, never the text itself.

    >>> from bot.moderation import classify
    >>> classify("vous êtes nuls, 3 mois sans réponse").category
    'criticism'
    >>> verdict = classify("je vais venir vous casser la gueule")
    >>> verdict.category, str(verdict.severity)
    ('threat', 'urgent')

Word lists and patterns live in `lexicon.yml`; the caisse adds its own words in its
configuration (`moderation.extra_terms` in config/caisse.yml).
"""

from ._classifier import Classifier, classify, default_classifier
from ._lexicon import Lexicon, load_lexicon
from ._model import ABUSE, CATEGORIES, SEVERITIES, Evidence, Severity, Verdict

__all__ = [
    "ABUSE",
    "CATEGORIES",
    "SEVERITIES",
    "Classifier",
    "Evidence",
    "Lexicon",
    "Severity",
    "Verdict",
    "classify",
    "default_classifier",
    "load_lexicon",
]
