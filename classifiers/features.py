"""TF-IDF features of a batch in a few numpy passes, the same numbers as scikit-learn's.

``TfidfVectorizer.transform`` counts n-grams one Python call at a time (a dict per document,
a slice per character n-gram). Here the fitted vocabularies become integer keys once:

* word n-grams: every token of the vocabulary gets an id (one dict lookup per token of the
  batch); a bigram is the pair of ids packed into one int64;
* character n-grams: the batch's text as code points (UTF-32), an n-gram is its code points
  packed into one int64 (21 bits each);

and the keys of the whole batch are looked up at once in hash tables (``_HashTable``).
Counts, sublinear tf, idf and the l2 norm of each block are then computed with the same
floating-point operations in the same order as scikit-learn (log, +1, ×idf, sequential sum of
squares per row, sqrt, division), and the matrix has the layout of ``hstack(...).tocsr()``
(rows in order, sorted columns), so the products that follow are bit for bit the same.
Vectorizers with settings this module does not reproduce fall back to scikit-learn.
"""

import re
from itertools import chain, repeat

import numpy as np
from scipy.sparse import csr_matrix, hstack

_WHITE_SPACES = re.compile(r"\s\s+")  # sklearn's _VectorizerMixin._white_spaces
_BITS = 21  # code points are below 0x110000 = 2**21
_SEPARATOR = "\x00"  # between the texts of a batch


def _tfidf_settings_supported(vectorizer) -> bool:
    return (vectorizer.input == "content" and vectorizer.preprocessor is None
            and not vectorizer.strip_accents and not vectorizer.binary
            and vectorizer.norm == "l2" and vectorizer.use_idf
            and np.dtype(vectorizer.dtype) == np.float64
            and getattr(vectorizer, "fixed_vocabulary_", False) is False)


class FastTfidf:
    """Word and character TF-IDF of a ``TextModel``'s two fitted vectorizers."""

    def __init__(self, words, chars, *, split):
        """``split`` is the words vectorizer's tokenizer when it is ``str.split()``."""
        self.words, self.chars = words, chars
        self.supported = (
            _tfidf_settings_supported(words) and _tfidf_settings_supported(chars)
            and words.analyzer == "word" and not words.lowercase and words.stop_words is None
            and words.tokenizer is split and tuple(words.ngram_range) in ((1, 1), (1, 2))
            and chars.analyzer == "char" and 1 <= chars.ngram_range[0] <= chars.ngram_range[1] <= 3)
        if not self.supported:
            return
        self.word_count = len(words.vocabulary_)
        self.width = self.word_count + len(chars.vocabulary_)
        self.idf = np.concatenate([words.idf_, chars.idf_])
        self.word_sublinear, self.char_sublinear = words.sublinear_tf, chars.sublinear_tf
        self.char_lower = chars.lowercase
        self._separable = not any(_SEPARATOR in term for term in chars.vocabulary_)
        self._compile_words(words.vocabulary_)
        low, high = chars.ngram_range
        self._compile_chars(chars.vocabulary_, range(low, high + 1))

    def _compile_words(self, vocabulary: dict[str, int]) -> None:
        ids: dict[str, int] = {}
        pairs = []
        for term, column in vocabulary.items():
            parts = term.split(" ")
            for part in parts:
                if part not in ids:
                    ids[part] = len(ids)
            pairs.append((parts, column))
        self._ids = ids
        self._token_count = count = len(ids)
        unigram = np.full(count, -1, dtype=np.int64)
        keys, columns = [], []
        for parts, column in pairs:
            if len(parts) == 1:
                unigram[ids[parts[0]]] = column
            else:
                keys.append(ids[parts[0]] * count + ids[parts[1]])
                columns.append(column)
        self._unigram = unigram
        self._bigrams = _HashTable(keys, columns)

    def _compile_chars(self, vocabulary: dict[str, int], sizes: range) -> None:
        by_size: dict[int, dict[int, int]] = {n: {} for n in sizes}
        for term, column in vocabulary.items():
            if len(term) in by_size:
                by_size[len(term)][_pack(term)] = column + self.word_count
        self._char_tables = {n: _HashTable(list(table), list(table.values()))
                             for n, table in by_size.items()}

    def transform(self, word_texts: list, raw_texts: list[str]):
        """The CSR matrix ``hstack([words.transform(...), chars.transform(...)]).tocsr()``;
        a document's words are a string (split on whitespace) or a list of words."""
        if not self.supported:
            word_texts = [t if isinstance(t, str) else " ".join(t) for t in word_texts]
            return hstack([self.words.transform(word_texts),
                           self.chars.transform(raw_texts)]).tocsr()
        rows = len(word_texts)
        word_rows, word_columns = self._word_features(word_texts)
        char_rows, char_columns = self._char_features(raw_texts)
        keys = np.concatenate([word_rows * self.width + word_columns,
                               char_rows * self.width + char_columns])
        keys, counts = np.unique(keys, return_counts=True)
        row_of = keys // self.width
        columns = keys - row_of * self.width
        data = counts.astype(np.float64)
        is_char = columns >= self.word_count
        if self.word_sublinear and self.char_sublinear:
            np.log(data, data)
            data += 1.0
        else:
            for sublinear, part in ((self.word_sublinear, ~is_char),
                                    (self.char_sublinear, is_char)):
                if sublinear:
                    values = data[part]
                    np.log(values, values)
                    values += 1.0
                    data[part] = values
        data *= self.idf[columns]
        block = row_of * 2 + is_char
        norms = np.sqrt(np.bincount(block, weights=data * data, minlength=2 * rows))
        data /= norms[block]
        indptr = np.zeros(rows + 1, dtype=np.int32)
        np.cumsum(np.bincount(row_of, minlength=rows), out=indptr[1:])
        return csr_matrix((data, columns.astype(np.int32), indptr), shape=(rows, self.width))

    def _word_features(self, word_texts: list):
        tokens = [text.split() if isinstance(text, str) else text for text in word_texts]
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        total = int(lengths.sum())
        ids = np.fromiter(map(self._ids.get, chain.from_iterable(tokens), repeat(-1)),
                          dtype=np.int64, count=total)
        doc = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
        known = ids >= 0
        columns = self._unigram[ids[known]]
        kept = columns >= 0
        out_rows, out_columns = [doc[known][kept]], [columns[kept]]
        if self.words.ngram_range[1] == 2 and total > 1:
            first, second = ids[:-1], ids[1:]
            pair = (doc[:-1] == doc[1:]) & (first >= 0) & (second >= 0)
            rows, columns = self._bigrams.lookup(first[pair] * self._token_count + second[pair])
            out_rows.append(doc[:-1][pair][rows])
            out_columns.append(columns)
        return np.concatenate(out_rows), np.concatenate(out_columns)

    def _char_features(self, raw_texts: list[str]):
        joined = _SEPARATOR.join(raw_texts)
        if self._separable and joined.count(_SEPARATOR) == len(raw_texts) - 1:
            # the batch prepared at once: lowercasing (final sigma included) and the white-space
            # rule stop at the separator, which is neither cased nor a space, so this is each
            # text prepared alone; n-grams across texts hold the separator, in no vocabulary
            if self.char_lower:
                joined = joined.lower()
            codes = _code_points(_WHITE_SPACES.sub(" ", joined))
            doc = np.cumsum(codes == 0)  # the separator's code point is 0
            across = False
        else:  # texts holding the separator: prepared one by one, n-grams kept inside each
            if self.char_lower:
                raw_texts = [text.lower() for text in raw_texts]
            texts = [_WHITE_SPACES.sub(" ", text) for text in raw_texts]
            lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
            codes = _code_points("".join(texts))
            doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
            across = True
        out_rows, out_columns = [], []
        for n, table in self._char_tables.items():
            if len(codes) < n:
                continue
            span = len(codes) - n + 1
            keys = codes[:span].copy()
            for offset in range(1, n):
                keys <<= _BITS
                keys |= codes[offset:offset + span]
            starts = doc[:span]
            if across:
                inside = starts == doc[n - 1:]
                keys, starts = keys[inside], starts[inside]
            positions, columns = table.lookup(keys)
            out_rows.append(starts[positions])
            out_columns.append(columns)
        if not out_rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(out_rows), np.concatenate(out_columns)


def _pack(term: str) -> int:
    key = 0
    for char in term:
        key = (key << _BITS) | ord(char)
    return key


def _code_points(text: str):
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(
        np.int64)


class _HashTable:
    """Distinct int64 keys (>= 0) to int64 values: open addressing, looked up in bulk."""

    _EMPTY = -1
    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing

    def __init__(self, keys: list[int], values: list[int]):
        bits = max(4, (4 * len(keys)).bit_length())  # at most a quarter full
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        table_keys = [self._EMPTY] * (1 << bits)
        table_values = [0] * (1 << bits)
        longest = 0
        slots = self._slots(np.array(keys, dtype=np.int64)).tolist() if keys else []
        for key, value, slot in zip(keys, values, slots, strict=True):
            probe = 0
            while table_keys[(slot + probe) & self._mask] != self._EMPTY:
                probe += 1
            table_keys[(slot + probe) & self._mask] = key
            table_values[(slot + probe) & self._mask] = value
            longest = max(longest, probe)
        self._keys = np.array(table_keys, dtype=np.int64)
        self._values = np.array(table_values, dtype=np.int64)
        self._probes = longest + 1

    def _slots(self, keys):
        return ((keys.view(np.uint64) * self._MULTIPLIER) >> self._shift).astype(np.intp)

    def lookup(self, keys):
        """Positions of the ``keys`` found in the table, and their values."""
        if not len(keys):
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int64)
        slots = self._slots(keys)
        stored = self._keys[slots]
        first = np.flatnonzero(stored == keys)
        positions, values = [first], [self._values[slots[first]]]
        pending = np.flatnonzero((stored != keys) & (stored != self._EMPTY))
        for probe in range(1, self._probes):
            if not len(pending):
                break
            at = (slots[pending] + probe) & self._mask
            stored = self._keys[at]
            hit = stored == keys[pending]
            positions.append(pending[hit])
            values.append(self._values[at[hit]])
            pending = pending[(stored != self._EMPTY) & ~hit]
        return np.concatenate(positions), np.concatenate(values)
