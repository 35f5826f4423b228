"""Term lists (per topic, sensitivity, negativity, exclusion) matched with one Aho-Corasick pass."""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from classifiers.batchscan import BatchScanner

SPECIAL_LISTS = ("sensitivity", "negativity", "exclusion")


@dataclass
class LexiconHits:
    """What one text matched: per list, each term with its weight and count."""

    hits: dict[str, dict[str, tuple[float, int]]] = field(
        default_factory=lambda: defaultdict(dict))

    def score(self, name: str) -> float:
        """Sum of weights of the distinct terms of one list (repeats add a little)."""
        return sum(weight * (1 + 0.1 * min(count - 1, 5))
                   for weight, count in self.hits.get(name, {}).values())

    def terms(self, name: str) -> list[str]:
        """The distinct terms of one list found, strongest first."""
        found = self.hits.get(name, {})
        return sorted(found, key=lambda t: (-found[t][0], t))

    def present(self) -> set[str]:
        """Every term found, from any list."""
        return {t for found in self.hits.values() for t in found}


# the result of a text without any term (a plain dict: looking a list up adds nothing to it)
NO_HITS: tuple[LexiconHits, frozenset[str]] = (LexiconHits(hits={}), frozenset())


class Lexicon:
    """All term lists of a folder, compiled into one automaton."""

    def __init__(self, lists: dict[str, dict[str, float]], extra_terms: set[str] = frozenset()):
        self.lists = lists
        self._automaton = ahocorasick.Automaton()
        by_term: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for name, terms in lists.items():
            for term, weight in terms.items():
                by_term[term].append((name, weight))
        for term in extra_terms:
            by_term.setdefault(term, [])
        # the automaton's values are indices into this table (cheap to count)
        self._entries = [(term, tuple(owners)) for term, owners in by_term.items()]
        for index, (term, _owners) in enumerate(self._entries):
            self._automaton.add_word(term, index)
        self._automaton.make_automaton()
        self._topics = [name for name in self.lists if name not in SPECIAL_LISTS]
        self._scanner = BatchScanner([term for term, _ in self._entries])

    @classmethod
    def load(cls, folder: Path, extra_terms: set[str] = frozenset()) -> "Lexicon":
        """Every ``*.txt`` of the folder: ``term`` or ``term<TAB>weight`` per line."""
        lists = {}
        for path in sorted(folder.glob("*.txt")):
            lists[path.stem] = read_terms(path)
        return cls(lists, extra_terms)

    @property
    def topics(self) -> list[str]:
        """The topic lists (everything but sensitivity, negativity and exclusion)."""
        return list(self._topics)

    def scan(self, text: str) -> tuple[LexiconHits, set[str]]:
        """The list hits of a text, and every automaton term present (for schemes)."""
        counts: dict[int, int] = {}  # term index -> occurrences, in order of first occurrence
        for _end, index in self._automaton.iter(text):
            counts[index] = counts.get(index, 0) + 1
        return self._hits(counts)

    def scan_many(self, texts: list[str]) -> list[tuple[LexiconHits, set[str]]]:
        """``scan`` of each text, with one search over the batch (``batchscan``); the texts
        without any term share one empty result (``NO_HITS``, not to be changed)."""
        results = [NO_HITS] * len(texts)
        found = self._scanner.occurrences(texts)  # what the automaton would find, without it
        if found is None:
            found = self._scanner.matches(self._automaton.iter, texts)
        for doc, matches in found.items():
            counts: dict[int, int] = {}  # term index -> occurrences, in order of first occurrence
            for _end, index in matches:
                counts[index] = counts.get(index, 0) + 1
            results[doc] = self._hits(counts)
        return results

    def _hits(self, counts: dict[int, int]) -> tuple[LexiconHits, set[str]]:
        hits = LexiconHits()
        if not counts:
            return hits, set()
        present: set[str] = set()
        found = hits.hits
        entries = self._entries
        for index, count in counts.items():
            term, owners = entries[index]
            present.add(term)
            for name, weight in owners:
                found[name][term] = (weight, count)
        return hits, present


def read_terms(path: Path) -> dict[str, float]:
    """Terms and weights of one list file."""
    terms: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, _, weight = line.partition("\t")
        try:
            terms[term.strip()] = float(weight) if weight.strip() else 1.0
        except ValueError:
            raise ValueError(f"{path}:{number}: weight {weight!r} is not a number") from None
    return terms
