"""TF-IDF over jieba words and character n-grams, with calibrated linear models.

One binary model says whether an item is relevant to the bureau; one per topic says whether the
item is about that topic. Models are trained on token strings (words joined by spaces) so the
saved artifact holds no tokenizer; the analyzer tokenizes before predicting. Besides the TF-IDF
columns, each document has the mean of its word vectors (``classifiers.embeddings``), which
carries what the models learnt to words the seed corpus never used.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from classifiers.embeddings import WordVectors, load_vectors
from classifiers.features import FastTfidf

DEFAULT_PARAMS = {
    "word_ngrams": [1, 2],
    "char_ngrams": [2, 3],
    "min_df": 3,  # with the 15k-item seed corpus, rarer n-grams only grow the model (same scores)
    "max_features_words": 25000,
    "max_features_chars": 50000,
    "C": 0.5,
    "calibration": "sigmoid",
    "cv": 3,
    # word vectors beside TF-IDF (None: TF-IDF alone); their block has norm embedding_weight, as
    # each TF-IDF block has norm 1 (0.5 to 2.0 gave the same precision on bench.quality's dev half)
    "embeddings": "synonyms-3.10.2",
    "embedding_weight": 1.0,
}


def _split(text: str) -> list[str]:
    return text.split()


@dataclass
class TextModel:
    """Vectorizers and classifiers; ``topics`` names the columns of the topic models."""

    params: dict
    topics: list[str]
    words: TfidfVectorizer
    chars: TfidfVectorizer
    relevance: CalibratedClassifierCV
    topic_models: dict[str, CalibratedClassifierCV] = field(default_factory=dict)
    embeddings: WordVectors | None = None  # None in artifacts from before word vectors

    def features(self, word_texts: list, raw_texts: list[str]):
        """The sparse TF-IDF matrix of documents: their words joined by spaces (or the lists of
        words, if no word holds whitespace), and their raw text."""
        if getattr(self, "_fast", None) is None:
            self._fast = FastTfidf(self.words, self.chars, split=_split)
        return self._fast.transform(word_texts, raw_texts)

    def dense(self, word_texts: list) -> np.ndarray | None:
        """The word-vector columns of documents (None for a model without word vectors)."""
        vectors = getattr(self, "embeddings", None)
        return None if vectors is None else vectors.transform(word_texts)

    def __getstate__(self) -> dict:
        # what is derived at prediction time is not saved in the artifact
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_fast", "_linear", "_coef_cache", "_names")}

    def predict(self, word_texts: list, raw_texts: list[str]):
        """P(relevant) per document and P(topic) per document and topic (documents as for
        ``features``)."""
        matrix = self.features(word_texts, raw_texts)
        probabilities = self._compiled().probabilities(matrix, self.dense(word_texts))
        names = ["__relevance__", *self.topic_models]
        relevance = probabilities[:, 0]
        topics = {t: probabilities[:, i] for i, t in enumerate(names) if i}
        return matrix, relevance, topics

    def _compiled(self) -> "_CompiledLinear":
        if getattr(self, "_linear", None) is None:
            self._linear = _CompiledLinear([self.relevance, *self.topic_models.values()])
        return self._linear

    def top_features(self, matrix, row: int, topic: str | None, limit: int = 5) -> list[str]:
        """The word features that pushed document ``row`` most toward the topic (or relevance)."""
        coef = self._mean_coef(topic)
        if coef is None:
            return []
        start, end = int(matrix.indptr[row]), int(matrix.indptr[row + 1])
        columns, data = matrix.indices[start:end], matrix.data[start:end]
        # explain with words, not char n-grams (the word columns come first)
        if matrix.has_sorted_indices:
            words = int(np.searchsorted(columns, len(self.words.vocabulary_)))
            columns, data = columns[:words], data[:words]
        else:
            words = columns < len(self.words.vocabulary_)
            columns, data = columns[words], data[words]
        scores = data * coef[columns]
        names = self._feature_names()
        out = []
        best = np.argsort(-scores)[: limit * 2].tolist()
        for column, score in zip(columns[best].tolist(), scores[best].tolist(), strict=True):
            name = names[column].replace(" ", "")
            if score > 0 and len(name) >= 2 and not name.isdigit() and name not in out:
                out.append(name)
        return out[:limit]

    def _mean_coef(self, topic: str | None):
        cache = self.__dict__.setdefault("_coef_cache", {})
        if topic not in cache:
            model = self.topic_models.get(topic) if topic else self.relevance
            cache[topic] = None if model is None else np.mean(
                [c.estimator.coef_[0] for c in model.calibrated_classifiers_], axis=0)
        return cache[topic]

    def _feature_names(self) -> list[str]:
        if not hasattr(self, "_names"):
            self._names = list(self.words.get_feature_names_out()) + list(
                self.chars.get_feature_names_out())
        return self._names


def fit_model(word_texts: list[str], raw_texts: list[str], relevant: list[bool],
              topic_labels: list[list[str]], topics: list[str], params: dict | None = None
              ) -> TextModel:
    """Train the vectorizers, the relevance model and one model per topic seen in training."""
    params = {**DEFAULT_PARAMS, **(params or {})}
    words = TfidfVectorizer(tokenizer=_split, token_pattern=None, lowercase=False,
                            ngram_range=tuple(params["word_ngrams"]), min_df=params["min_df"],
                            max_features=params["max_features_words"], sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char", ngram_range=tuple(params["char_ngrams"]),
                            min_df=params["min_df"], max_features=params["max_features_chars"],
                            sublinear_tf=True)
    blocks = [words.fit_transform(word_texts), chars.fit_transform(raw_texts)]
    vectors = None
    if params.get("embeddings"):
        vectors = load_vectors(params["embeddings"], params["embedding_weight"])
        blocks.append(csr_matrix(vectors.transform(word_texts)))
    matrix = hstack(blocks).tocsr()
    model = TextModel(params=params, topics=list(topics), words=words, chars=chars,
                      relevance=_classifier(params).fit(matrix, np.array(relevant, dtype=int)),
                      embeddings=vectors)
    for topic in topics:
        target = np.array([topic in labels for labels in topic_labels], dtype=int)
        if target.sum() >= params["cv"] and (len(target) - target.sum()) >= params["cv"]:
            model.topic_models[topic] = _classifier(params).fit(matrix, target)
    return model


def _classifier(params: dict) -> CalibratedClassifierCV:
    return CalibratedClassifierCV(LinearSVC(C=params["C"], class_weight="balanced",
                                            random_state=0, max_iter=5000),
                                  method=params["calibration"], cv=params["cv"])


class _CompiledLinear:
    """Calibrated linear models folded into one sparse product (same numbers, far fewer calls).

    Each CalibratedClassifierCV averages, over its folds, sigmoid(A·(w·x + b) + B) of a LinearSVC;
    stacking every fold's w lets one matrix product serve all models at once. The word-vector
    columns, dense, come last in x: their part of w·x is a dense product of its own.
    """

    def __init__(self, models: list[CalibratedClassifierCV]):
        weights, intercepts, slopes, offsets, owners = [], [], [], [], []
        for index, model in enumerate(models):
            for fold in model.calibrated_classifiers_:
                weights.append(fold.estimator.coef_[0])
                intercepts.append(fold.estimator.intercept_[0])
                calibrator = fold.calibrators[0]
                slopes.append(calibrator.a_)
                offsets.append(calibrator.b_)
                owners.append(index)
        self.weights = np.ascontiguousarray(np.vstack(weights).T)  # C order: no copy per product
        self.intercepts = np.array(intercepts)
        self.slopes = np.array(slopes)
        self.offsets = np.array(offsets)
        self.owners = np.array(owners)
        self.models = len(models)

    def probabilities(self, matrix, dense: np.ndarray | None = None) -> np.ndarray:
        """Documents × models matrix of calibrated probabilities, from the sparse TF-IDF matrix
        and the dense word-vector columns (if the models have them)."""
        width = matrix.shape[1]
        if dense is None:
            decisions = matrix @ self.weights[:width]
        else:
            decisions = matrix @ self.weights[:width] + dense @ self.weights[width:]
        decisions += self.intercepts
        per_fold = 1.0 / (1.0 + np.exp(self.slopes * decisions + self.offsets))
        counts = np.bincount(self.owners, minlength=self.models)
        groups = self._columns()
        if len({len(columns) for columns in groups}) == 1 and groups[0]:
            # every model has as many folds: add fold k of all models at once, in fold order
            total = per_fold[:, [columns[0] for columns in groups]]
            for k in range(1, len(groups[0])):
                total += per_fold[:, [columns[k] for columns in groups]]
            return total / counts
        out = np.zeros((matrix.shape[0], self.models))
        for owner, columns in enumerate(groups):
            if len(columns):  # the folds' sum in fold order, as adding them one by one to 0
                total = per_fold[:, columns[0]].copy()
                for column in columns[1:]:
                    total += per_fold[:, column]
                out[:, owner] = total
        return out / counts

    def _columns(self) -> list[list[int]]:
        if getattr(self, "_by_owner", None) is None:
            self._by_owner = [np.flatnonzero(self.owners == owner).tolist()
                              for owner in range(self.models)]
        return self._by_owner
