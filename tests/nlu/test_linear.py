"""The grouped linear SVM learns what liblinear's own one-vs-rest learns, in less time; one message
is scored as scikit-learn scores it."""
import tempfile
from pathlib import Path

import numpy as np
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from sklearn.svm import LinearSVC

from bot.nlu._linear import GroupedLinearSVC, LinearTextComponent
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


def _component(classifier: str, labels_kept: int):
    """A trained component (the intent classifier's base) on the synthetic topics."""
    rng = np.random.default_rng(1)
    texts, labels = [], []
    for label, topic in enumerate(TOPICS[:labels_kept]):
        for _ in range(8):
            texts.append(f"{rng.choice(['bonjour', 'comment', 'quand'])} {topic} {rng.choice(['svp', 'merci', '?'])}")
            labels.append(f"t{label}")
    config = {**LinearTextComponent.get_default_config(), "classifier": classifier, "temperature": 8.0}
    storage = LocalModelStorage(Path(tempfile.mkdtemp()))
    component = LinearTextComponent(config, storage, Resource("linear"))
    component.fit(texts, labels, {})
    return component


def test_one_message_scoring_gives_scikit_learns_probabilities():
    """The fast path (a message's few non-zero features times the matching weight columns) gives
    the pipeline's own numbers: logistic regression (softmax, two labels: sigmoid), SVM at a temperature."""
    messages = ["comment avoir la prime activite ?", "mot inconnu zzyzx", "", "CARTE VITALE carte vitale perdue"]
    for classifier, kept in (("logistic", 6), ("logistic", 2), ("linear_svm", 6), ("linear_svm", 2)):
        component = _component(classifier, kept)
        pipeline = component._pipeline
        for message in messages:
            if classifier == "logistic":
                expected = pipeline.predict_proba([message])[0]
            else:
                scores = np.atleast_1d(pipeline.decision_function([message])[0]) * 8.0
                scores = np.array([-scores[0], scores[0]]) if len(scores) == 1 else scores
                expected = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
            assert np.allclose(component._probabilities(message), expected, atol=1e-12), (classifier, kept, message)
