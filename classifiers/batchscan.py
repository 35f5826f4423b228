"""Term searches over a batch of texts, done where a term may be at all.

Most texts of a feed hold none of the lexicon's terms or the gazetteer's names, and an
Aho-Corasick search costs the same for them. A term can only occur where its first two
characters do (or its only character), so a table of those pairs, looked up at every position
of the batch at once with numpy, finds the few positions where one may begin. Then either

* ``occurrences``: the terms are checked at those positions (``str.startswith``) and sorted as
  ``Automaton.iter`` yields them (by end, the longest first) — the lexicon's search; or
* ``matches``: the texts with such positions are joined by a separator that no term holds and
  searched by the automaton in one pass — the gazetteer's ``iter_long``, whose choice among
  overlapping names only the automaton makes. The automaton is at its root at the start of
  each text and, at the separator as at the end of a text, no term goes on, so each text gets
  exactly the matches a search of that text alone gives.
"""

from collections.abc import Callable, Iterable
from itertools import accumulate

import numpy as np

SEPARATOR = "\x00"
_BMP = 0x10000


class BatchScanner:
    """The texts of a batch that may contain one of ``terms``, and the search over them."""

    def __init__(self, terms: Iterable[str]):
        terms = list(terms)
        # term index by its first two characters (or its only one), to check candidates
        self._groups: dict[str, list[tuple[str, int]]] = {}
        for index, term in enumerate(terms):
            if term:
                self._groups.setdefault(term[:2], []).append((term, index))
        terms = [t for t in terms if t]
        self.usable = not any(SEPARATOR in t for t in terms)
        self.empty = not terms
        heads = [t[:2] for t in terms]
        # a pair table over the Basic Multilingual Plane; without it every text is searched
        self._filtering = all(ord(c) < _BMP for head in heads for c in head)
        if not self._filtering or self.empty:
            return
        firsts = sorted({h[0] for h in heads})
        seconds = sorted({h[1] for h in heads if len(h) == 2})
        self._first = np.zeros(_BMP, dtype=np.int32)  # character -> 1 + its row (0: none)
        self._second = np.zeros(_BMP, dtype=np.int32)
        self._first[[ord(c) for c in firsts]] = np.arange(1, len(firsts) + 1)
        self._second[[ord(c) for c in seconds]] = np.arange(1, len(seconds) + 1)
        self._pairs = np.zeros((len(firsts) + 1, len(seconds) + 1), dtype=bool)
        for head in heads:
            if len(head) == 2:
                self._pairs[self._first[ord(head[0])], self._second[ord(head[1])]] = True
            else:  # a one-character term: whatever follows (the batch ends with a separator)
                self._pairs[self._first[ord(head)], :] = True

    def _starts(self, joined: str):
        """Positions of ``joined`` (ending with the separator) where a term may begin."""
        # the low 16 bits of each code point: characters beyond the BMP read as some BMP
        # character, which can only add positions, never drop one
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"),
                              dtype=np.uint16)[::2].astype(np.intp)
        heads = self._first[codes[:-1]]
        starts = np.flatnonzero(heads)
        return starts[self._pairs[heads[starts], self._second[codes[starts + 1]]]]

    def candidates(self, texts: list[str]) -> list[int]:
        """Indices of the texts in which a term may occur (all texts it cannot rule out)."""
        if self.empty:
            return []
        if not self._filtering or len(texts) < 2:
            return list(range(len(texts)))
        starts = self._starts(SEPARATOR.join(texts) + SEPARATOR)
        # a position lies in the first text whose separator comes after it
        return np.unique(np.searchsorted(_separators(texts), starts)).tolist()

    def occurrences(self, texts: list[str]) -> dict[int, list[tuple[int, int]]] | None:
        """Text index -> ``(end index within the text, term index)`` of every occurrence of a
        term, ordered as ``Automaton.iter`` yields them (by end, the longest first), for the
        texts with any; found by checking the terms at the positions where they may begin.
        None when this scanner cannot (terms beyond the BMP or holding the separator)."""
        if self.empty:
            return {}
        if not self._filtering or not self.usable:
            return None
        joined = SEPARATOR.join(texts) + SEPARATOR
        found = []
        groups, startswith = self._groups, joined.startswith
        for start in self._starts(joined).tolist():
            for term in (joined[start:start + 2], joined[start]):
                for text, index in groups.get(term, ()):
                    if len(text) <= 2 or startswith(text, start):
                        found.append((start + len(text) - 1, -len(text), index))
        found.sort()
        separators = _separators(texts).tolist()
        out: dict[int, list[tuple[int, int]]] = {}
        doc, first, bucket = 0, 0, None
        for end, _length, index in found:
            if bucket is None or end > separators[doc]:
                while end > separators[doc]:
                    doc += 1
                first = separators[doc - 1] + 1 if doc else 0
                bucket = out.setdefault(doc, [])
            bucket.append((end - first, index))
        return out

    def matches(self, search: Callable, texts: list[str]) -> dict[int, list[tuple[int, object]]]:
        """Text index -> its matches ``(end index within the text, value)``, for the texts with
        any; ``search`` is an automaton's ``iter`` or ``iter_long``."""
        if not self.usable:
            out = {i: [(end, value) for end, value in search(t)] for i, t in enumerate(texts)}
            return {i: m for i, m in out.items() if m}
        chosen = self.candidates(texts)
        if not chosen:
            return {}
        subset = [texts[i] for i in chosen]
        ends = list(accumulate(len(t) + 1 for t in subset))  # each text's separator
        found: dict[int, list[tuple[int, object]]] = {}
        k, start, end_of_text, bucket = 0, 0, ends[0] - 1, None
        for end, value in search(SEPARATOR.join(subset)):
            if end > end_of_text:
                while end > end_of_text:
                    k += 1
                    start, end_of_text = end_of_text + 1, ends[k] - 1
                bucket = None
            if bucket is None:
                bucket = found.setdefault(chosen[k], [])
            bucket.append((end - start, value))
        return found


def _separators(texts: list[str]):
    """Where each text's separator is in ``SEPARATOR.join(texts) + SEPARATOR``."""
    return np.fromiter(accumulate(len(t) + 1 for t in texts), dtype=np.int64,
                       count=len(texts)) - 1
