"""Neighbour templates found from the templates alone (`tools/confusable_templates.py`)."""
from datetime import date

from bot.templates import AnswerTemplate
from tools.confusable_templates import as_markdown, confusable_pairs


def _template(tid: str, branch: str, subject: str, answer: str) -> AnswerTemplate:
    examples = [f"{subject} question {n} {word}" for n, word in enumerate(
        ("comment faire", "quel délai", "où envoyer", "quand payer", "combien", "qui contacter", "pourquoi", "est-ce possible"))]
    return AnswerTemplate(id=tid, title=f"{subject} : titre", examples=examples, answer=answer,
                          source="https://www.service-public.fr/particuliers/vosdroits/F1", reviewed=date(2026, 12, 1),
                          branch=branch)


TEMPLATES = [
    # twins: questions worded alike, answers that share their words
    _template("caf_prime_demande", "caf", "prime de naissance", "Demandez la prime de naissance en ligne."),
    _template("caf_prime_versement", "caf", "prime de naissance", "La prime de naissance est versée en ligne."),
    # far from both
    _template("caf_logement_apl", "caf", "aide au logement étudiant loyer", "L'APL dépend du loyer et des ressources."),
    # a twin in another branch: the caisse's own branch settles that one, not an example
    _template("msa_prime_demande", "msa", "prime de naissance demande agricole", "Demandez la prime à la MSA."),
]


def test_the_twins_of_one_branch_come_first_and_other_branches_are_left_out():
    pairs = confusable_pairs(TEMPLATES, folds=2)
    assert pairs[0][:2] == ("caf_prime_demande", "caf_prime_versement")
    assert pairs[0][2] > 0
    assert all(not ("msa_prime_demande" in pair[:2]) for pair in pairs)
    assert all(count <= pairs[0][2] for _, _, count in pairs)


def test_the_writers_file_holds_titles_and_answers_only():
    text = as_markdown([("caf_prime_demande", "caf_logement_apl", 3)], TEMPLATES)
    assert text.startswith("## Pair 1\n- **caf_prime_demande** — prime de naissance : titre")
    assert "Answer: L'APL dépend du loyer et des ressources." in text
    assert "question 0" not in text  # the examples stay out of the writers' view
