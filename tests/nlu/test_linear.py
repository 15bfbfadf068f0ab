"""The grouped linear SVM learns what liblinear's own one-vs-rest learns, in less time."""
import numpy as np
from sklearn.svm import LinearSVC

from bot.nlu._linear import GroupedLinearSVC
from bot.nlu._text import text_features

TOPICS = ["allocation logement", "prime activite", "carte vitale", "arret maladie", "retraite progressive",
          "cotisations urssaf", "pension reversion", "conge maternite", "rsa montant", "aah couple",
          "cesu declaration", "c2s renouvellement", "ij accident travail", "micro entreprise", "asf pension",
          "apl etudiant", "medecin traitant", "kine ordonnance", "feuille soins", "cumul emploi retraite",
          "dpae embauche", "tpt mi temps"]


def _examples():
    rng = np.random.default_rng(0)
    fillers = ["comment", "quand", "est ce que", "bonjour", "combien", "ou", "pourquoi", "demande", "droit", "delai"]
    texts, labels = [], []
    for label, topic in enumerate(TOPICS):
        for _ in range(12):
            words = list(rng.choice(fillers, size=3)) + topic.split()
            rng.shuffle(words)
            texts.append(" ".join(words))
            labels.append(f"t{label}")
    return text_features().fit_transform(texts), np.array(labels)


def test_grouped_svm_learns_the_same_classifier_as_liblinear():
    features, labels = _examples()
    grouped = GroupedLinearSVC(C=0.5, n_jobs=2).fit(features, labels)
    plain = LinearSVC(C=0.5).fit(features, labels)
    assert list(grouped.classes_) == list(plain.classes_)
    assert np.abs(grouped.coef_ - plain.coef_).max() < 1e-3
    assert (grouped.predict(features) == plain.predict(features)).all()


def test_class_weights_are_not_folded():
    """Balanced weights depend on the class sizes, which folding changes: one plain solve then."""
    features, labels = _examples()
    grouped = GroupedLinearSVC(C=0.5, class_weight="balanced", n_jobs=2).fit(features, labels)
    plain = LinearSVC(C=0.5, class_weight="balanced").fit(features, labels)
    assert np.abs(grouped.coef_ - plain.coef_).max() < 1e-3
