import math

from bot.nlu.coverage import WordCoverage, stems

COVERAGE = WordCoverage.fit(
    ["aide au logement etudiant", "apl pour un etudiant", "carte vitale perdue", "perte de la carte vitale",
     "date de paiement des allocations"],
    ["logement", "logement", "vitale", "vitale", "paiement"])


def test_words_are_folded_and_cut_to_a_rough_stem():
    assert stems("Remboursé, REMBOURSEMENT et Où") == {"rembou", "et", "ou"}


def test_a_question_whose_words_the_template_holds_is_fully_covered():
    assert COVERAGE.of("APL étudiant ?", "logement") == 1.0


def test_words_the_template_never_uses_lower_the_coverage_by_their_rarity():
    # "vitale" (1 label of 3) is rarer than "de" (2 of 3): missing it costs more.
    rarity = {"vitale": math.log(3 / 1), "de": math.log(3 / 2), "logement": math.log(3 / 1)}
    expected = rarity["logement"] / (rarity["logement"] + rarity["vitale"] + rarity["de"])
    assert math.isclose(COVERAGE.of("logement de vitale", "logement"), expected)
    assert COVERAGE.of("logement de vitale", "vitale") > COVERAGE.of("logement de vitale", "logement")


def test_words_no_template_knows_are_not_held_against_it():
    assert COVERAGE.of("apl xyzzy", "logement") == 1.0
    assert COVERAGE.of("xyzzy", "logement") == 1.0
    assert COVERAGE.of("apl", "unknown label") == 0.0


def test_each_label_is_measured_on_the_same_reading_of_the_text():
    assert COVERAGE.of_each("logement de vitale", ["logement", "vitale", "unknown label"]) == [
        COVERAGE.of("logement de vitale", "logement"), COVERAGE.of("logement de vitale", "vitale"), 0.0]
    assert COVERAGE.of_each("xyzzy", ["logement", "vitale"]) == [1.0, 1.0]
