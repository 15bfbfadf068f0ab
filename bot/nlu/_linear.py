"""What both NLU components share: a scikit-learn pipeline (text features, then a linear
classifier) trained on texts and labels, and kept in Rasa's model storage.

The classifier is a logistic regression, or a linear SVM whose scores become probabilities by a
softmax at a `temperature` (temperature scaling, fitted on held-out questions): with ~330
templates and ~9,000 examples the SVM trains in seconds where the logistic regression takes
minutes, and chooses as well."""
from __future__ import annotations

import logging
import warnings
from typing import Any, Dict, List, Optional, Sequence, Tuple

import joblib
import numpy as np
from joblib import Parallel, delayed
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.svm import LinearSVC

from bot.nlu._text import OneMessageFeatures, reading_fingerprint, text_features

logger = logging.getLogger(__name__)

MODEL_FILE = "model.joblib"


class GroupedLinearSVC(LinearSVC):
    """liblinear's one-vs-rest linear SVM, its classes solved in `n_jobs` groups at once.

    Each class's binary problem (the class against all other examples) does not depend on how the
    other examples are labelled, so a group's classes are learnt with every other class folded
    into one "rest" label and give the same coefficients (to the solver's tolerance). liblinear
    releases the GIL: on 2 cores, 708 templates train in 38 s instead of 67 s (2026-12-05).
    scikit-learn's OneVsRestClassifier converts the data once per class and gained only 12 s."""

    _REST = "\x00rest"

    def __init__(self, C: float = 1.0, class_weight: Any = None, n_jobs: int = 2) -> None:
        super().__init__(C=C, class_weight=class_weight)
        self.n_jobs = n_jobs

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> "GroupedLinearSVC":
        labels = np.asarray(y)
        classes = np.unique(labels)
        if self.n_jobs < 2 or self.class_weight is not None or len(classes) < 10 * self.n_jobs:
            # Weights per class would change with the folding; few classes gain nothing.
            return super().fit(X, labels, sample_weight)
        groups = [classes[start::self.n_jobs] for start in range(self.n_jobs)]

        def solve(group: np.ndarray) -> LinearSVC:
            folded = np.where(np.isin(labels, group), labels, self._REST)
            return LinearSVC(C=self.C).fit(X, folded, sample_weight)

        solved = Parallel(n_jobs=self.n_jobs, backend="threading")(delayed(solve)(group) for group in groups)
        row = {label: index for index, label in enumerate(classes)}
        self.classes_ = classes
        self.coef_ = np.zeros((len(classes), X.shape[1]))
        self.intercept_ = np.zeros(len(classes))
        for model in solved:
            for index, label in enumerate(model.classes_):
                if label != self._REST:
                    self.coef_[row[label]] = model.coef_[index]
                    self.intercept_[row[label]] = model.intercept_[index]
        self.n_features_in_ = X.shape[1]
        self.n_iter_ = max(model.n_iter_ for model in solved)
        return self


def _fast_scoring(pipeline: Pipeline) -> Pipeline:
    """A message is scored with the weight columns of its few features (`_scores`): dense and in
    Fortran order, each column is contiguous (scoring with the sparse weights was slower)."""
    classifier = pipeline[-1]
    if sparse.issparse(classifier.coef_):  # stored sparse (see `fit`); scored dense, the fastest
        classifier.coef_ = classifier.coef_.astype(np.float64).toarray(order="F")
    classifier.coef_ = np.asfortranarray(classifier.coef_)
    return pipeline


def _one_vs_rest(classifier: LogisticRegression) -> bool:
    """Whether scikit-learn's `predict_proba` normalises one sigmoid per class (else a softmax)."""
    return classifier.multi_class == "ovr" or (
        classifier.multi_class == "auto" and (len(classifier.classes_) <= 2 or classifier.solver == "liblinear"))


class LinearTextComponent(GraphComponent):
    """Base of the components: `fit`, `ranking`, and persistence through `ModelStorage`.

    `state` holds what a subclass needs besides the pipeline (e.g. the responses), saved with it."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # C: inverse regularisation, chosen by cross-validation on the training examples.
        # solver/tol: scikit-learn's; "saga" with tol 1e-3 trains the ~300-template selector in a third
        # of lbfgs' time, with the same choices on the dev part of the real-question set.
        # classifier: "logistic" or "linear_svm" (then `temperature` turns its scores into
        # probabilities). max_iter: a lower cap stops the logistic regression early, on purpose
        # (its convergence warning is then expected and not shown). min_df: see `text_features`.
        return {"C": 10.0, "class_weight": None, "ranking_length": 10, "max_iter": 3000,
                "solver": "lbfgs", "tol": 1e-4, "classifier": "logistic", "temperature": 1.0, "min_df": 1}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Optional[Pipeline] = None,
        state: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._pipeline = pipeline
        self._state = state or {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LinearTextComponent":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearTextComponent":
        try:
            with model_storage.read_from(resource) as directory:
                saved = joblib.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            # Rasa's convention: a component trained on no data loads untrained and predicts nothing.
            logger.debug("%s: no trained model in %s", cls.__name__, resource.name)
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, _fast_scoring(saved["pipeline"]), saved["state"])

    def fit(self, texts: Sequence[str], labels: Sequence[str], state: Dict[str, Any]) -> Resource:
        """Trains on the examples and persists; fewer than two labels leaves the component untrained."""
        if len(set(labels)) < 2:
            logger.warning("%s: at least two labels are needed to train, none learnt", type(self).__name__)
            return self._resource
        if self._config["classifier"] == "linear_svm":
            classifier = GroupedLinearSVC(C=self._config["C"], class_weight=self._config["class_weight"])
        else:
            classifier = LogisticRegression(C=self._config["C"], class_weight=self._config["class_weight"],
                                            max_iter=self._config["max_iter"], solver=self._config["solver"],
                                            tol=self._config["tol"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            pipeline = make_pipeline(text_features(self._config["min_df"]), classifier).fit(list(texts), list(labels))
        if self._config["classifier"] == "linear_svm":
            # A linear SVM's weights are mostly zeros (82 % for 822 templates): stored sparse and
            # in single precision (weights within 1.1e-5, same answers on every evaluation set), the
            # model is written and packed faster (422 MB of weights -> 80 MB, model 86 -> 53 MB;
            # with the importer's `TemplateExample`, full training 203-209 s -> 179 s, 07/12/2026).
            # By columns, so that loading unpacks them straight into the dense Fortran-ordered
            # matrix scoring uses (`_fast_scoring`; scoring with sparse weights was slower).
            classifier.coef_ = sparse.csc_matrix(classifier.coef_, dtype=np.float32)
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump({"pipeline": pipeline, "state": state}, directory / MODEL_FILE)
        self._pipeline, self._state = _fast_scoring(pipeline), state
        return self._resource

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """What the stored pipeline is made of. Rasa's training cache keys on the configuration and
        the data only: a component cached with classes since removed (the project's own TF-IDF and
        union, until 07/12/2026) would be restored and fail to load; naming the format retrains it.
        How the features read a text counts too (`bot.nlu._text.normalise`: chat spellings,
        politeness): a model that learnt "jai" as written would read "j'ai" at run time."""
        return f"scikit-learn TfidfVectorizer and FeatureUnion; {reading_fingerprint()}"

    @property
    def trained(self) -> bool:
        return self._pipeline is not None

    def _scores(self, text: str) -> np.ndarray:
        """The classifier's decision function for one message, computed from the message's few
        non-zero features (`OneMessageFeatures`) and the matching columns of the weights."""
        if getattr(self, "_features_of", None) is not self._pipeline:  # first use, or trained again
            self._features_of, self._features = self._pipeline, OneMessageFeatures(self._pipeline[0])
        classifier = self._pipeline[-1]
        columns, values = self._features.of(text)
        scores = classifier.coef_[:, columns] @ values + classifier.intercept_
        return scores[0] if len(scores) == 1 else scores

    def _probabilities(self, text: str) -> np.ndarray:
        classifier = self._pipeline[-1]
        scores = self._scores(text)
        if isinstance(classifier, LogisticRegression) and _one_vs_rest(classifier):
            probabilities = 1.0 / (1.0 + np.exp(-scores))  # scikit-learn's `_predict_proba_lr`
            return np.array([1.0 - probabilities, probabilities]) if np.ndim(probabilities) == 0 \
                else probabilities / probabilities.sum()
        if not isinstance(classifier, LogisticRegression):
            scores = scores * self._config["temperature"]
        if np.ndim(scores) == 0:  # two labels: one score, for the second
            scores = np.array([-scores, scores])
        exponentials = np.exp(scores - scores.max())
        return exponentials / exponentials.sum()

    def ranking(self, text: str, length: Optional[int] = None) -> List[Tuple[str, float]]:
        """Labels with their probability, best first: `length` of them (default
        `ranking_length`; all if 0)."""
        probabilities = self._probabilities(text)
        labels = self._pipeline.classes_
        best = sorted(zip(labels, probabilities), key=lambda pair: -pair[1])
        length = self._config["ranking_length"] if length is None else length
        return [(str(label), float(p)) for label, p in (best[:length] if length > 0 else best)]
