"""Word vectors: what a word means, for the words the seed corpus never used.

The seed corpus is the project's own writing, about 20,000 items; real news uses many words
it never does (飓风 where the seed says 台风, 垮塌 where it says 坍塌). TF-IDF knows nothing of a
word it was not trained on. Word vectors trained on a large general corpus place such words near the
ones the seed does use, so a document's mean vector, added to its TF-IDF features, lets the
linear models carry what they learnt to words they never saw. On bench.quality this raised
precision at recall 0.85 from 0.910 to 0.931 on the dev half and from 0.875 to 0.886 on the test
half, and on THUCNews headlines from 0.38 to 0.61 (docs/classifiers.md).

The vectors are the word2vec vectors of Chinese Wikipedia (125,796 words, 100 dimensions) that
the PyPI package ``synonyms`` 3.10.2 (MIT licence) ships in ``synonyms/data/words.vector``; the
project reads that file and nothing else of the package. A trained model keeps the vectors it
was trained with inside its artifact (as float16), so a model version gives the same output
whatever is installed later; only training needs the package.
"""

import importlib.util
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

SOURCES = {"synonyms-3.10.2": ("synonyms", "data/words.vector")}


class VectorsNotFound(FileNotFoundError):
    """The word vectors a model asks for are not installed."""


@dataclass
class WordVectors:
    """Word → vector, and the mean vector of a document's words (unit length × ``weight``)."""

    source: str
    vocabulary: dict[str, int]
    vectors: np.ndarray  # words × dimensions, float32
    weight: float = 1.0

    @property
    def dimensions(self) -> int:
        return self.vectors.shape[1]

    def transform(self, word_texts: list) -> np.ndarray:
        """Documents × dimensions: the direction of the sum of each document's known word
        vectors, scaled to ``weight`` (zeros for a document with no known word). A document's
        words are a string (split on whitespace) or a list of words."""
        tokens = [text.split() if isinstance(text, str) else text for text in word_texts]
        rows = len(tokens)
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=rows)
        total = int(lengths.sum())
        ids = np.fromiter(map(self.vocabulary.get, chain.from_iterable(tokens), repeat(-1)),
                          dtype=np.int64, count=total)
        doc = np.repeat(np.arange(rows, dtype=np.int64), lengths)
        known = ids >= 0
        counts = csr_matrix((np.ones(int(known.sum()), dtype=np.float32),
                             (doc[known], ids[known])), shape=(rows, len(self.vocabulary)))
        summed = np.asarray(counts @ self.vectors, dtype=np.float64)
        norms = np.sqrt(np.einsum("ij,ij->i", summed, summed))
        norms[norms == 0] = 1.0
        summed *= (self.weight / norms)[:, None]
        return summed

    def __getstate__(self) -> dict:
        # float16 in the artifact: half the size, and a mean of tens of vectors does not notice
        return {**self.__dict__, "vectors": self.vectors.astype(np.float16)}

    def __setstate__(self, state: dict) -> None:
        state["vectors"] = np.ascontiguousarray(state["vectors"], dtype=np.float32)
        self.__dict__.update(state)


def load_vectors(source: str, weight: float = 1.0) -> WordVectors:
    """The vectors named ``source`` (a key of ``SOURCES``), read from the installed package."""
    words, vectors = _read_source(source)
    return WordVectors(source, {w: i for i, w in enumerate(words)}, vectors, weight)


def _read_source(source: str) -> tuple[list[str], np.ndarray]:
    # read anew for each training (0.6 s of it): a cache would keep 65 MB in a service process
    # for good after its first training job
    if source not in SOURCES:
        raise ValueError(f"unknown word vectors {source!r}: known are {', '.join(SOURCES)}")
    package, relative = SOURCES[source]
    spec = importlib.util.find_spec(package)  # finds the package without importing it
    path = (Path(spec.submodule_search_locations[0]) / relative
            if spec and spec.submodule_search_locations else None)
    if path is None or not path.is_file():
        name, _, version = source.rpartition("-")
        raise VectorsNotFound(
            f"word vectors {source!r} not found: training needs the package "
            f"(pip install {name}=={version}; `make` installs it)")
    return read_word2vec(path)


def read_word2vec(path: Path) -> tuple[list[str], np.ndarray]:
    """Words and vectors of a word2vec binary file (a header "count dimensions", then per word
    its UTF-8 bytes, a space and the float32 values). Words that are not text a tokenizer could
    give (blank, or with whitespace inside) are left out."""
    data = path.read_bytes()
    end = data.index(b"\n")
    try:
        count, dimensions = map(int, data[:end].split())
    except ValueError:
        raise ValueError(f"{path}: not a word2vec binary file (header {data[:end][:40]!r})"
                         ) from None
    size = 4 * dimensions
    words, rows, position = [], [], end + 1
    for number in range(1, count + 1):
        space = data.find(b" ", position)
        start = space + 1
        if space < 0 or start + size > len(data):
            raise ValueError(f"{path}: ends before the end of word {number} of {count}")
        word = data[position:space].decode("utf-8", "replace").strip()
        if word and not any(char.isspace() for char in word):
            words.append(word)
            rows.append(start)
        position = start + size
    vectors = np.empty((len(rows), dimensions), dtype=np.float32)
    for row, start in enumerate(rows):
        vectors[row] = np.frombuffer(data, dtype="<f4", count=dimensions, offset=start)
    return words, vectors
