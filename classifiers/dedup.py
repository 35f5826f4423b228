"""Near-duplicates and stories: exact match, SimHash for articles, MinHash-LSH for short texts.

* exact: the text after normalisation (white space, punctuation, URLs, #话题#, @名字 removed);
* articles: 64-bit SimHash over TF-IDF-weighted jieba tokens (Manku et al. 2007), looked up
  through 4 bands of 16 bits, so every fingerprint within Hamming distance 3 shares a band;
* short texts (headlines, posts): MinHash-LSH over character 2-gram shingles (datasketch).

Merging is not deduplication: two accident reports that name different places are different
events even when the wording is a template, so places must agree before they merge.
"""

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

SHORT_TEXT_CHARS = 160
_NOISE = re.compile(r"https?://\S+|#[^#]{1,40}#|@[\w\u4e00-\u9fff-]{1,30}[:：]?|//|\s+")
_MASK64 = (1 << 64) - 1


def normalize_for_match(text: str) -> str:
    """Text reduced to what makes two posts the same: no URLs, tags, mentions, punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = _NOISE.sub("", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN").lower()


def exact_key(text: str) -> str:
    """A hash of the normalised text (equal for exact reposts)."""
    return hashlib.blake2b(normalize_for_match(text).encode(), digest_size=16).hexdigest()


def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")


def simhash(tokens: Iterable[str], weight: Callable[[str], float] | None = None) -> int:
    """Charikar's 64-bit SimHash of weighted tokens (term frequency × ``weight``)."""
    counts: dict[str, int] = defaultdict(int)
    for token in tokens:
        counts[token] += 1
    vector = [0.0] * 64
    for token, count in counts.items():
        w = count * (weight(token) if weight else 1.0)
        bits = _token_hash(token)
        for i in range(64):
            vector[i] += w if bits >> i & 1 else -w
    value = 0
    for i, v in enumerate(vector):
        if v > 0:
            value |= 1 << i
    return value


def hamming(a: int, b: int) -> int:
    """Bits in which two fingerprints differ."""
    return ((a ^ b) & _MASK64).bit_count()


class SimHashIndex:
    """Fingerprints in 4 bands of 16 bits: a lookup touches only the four matching buckets."""

    BANDS = 4

    def __init__(self):
        self._buckets: list[dict[int, list[int]]] = [defaultdict(list) for _ in range(self.BANDS)]
        self._fingerprints: list[int] = []
        self._keys: list[object] = []

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key, fingerprint: int) -> None:
        """Index one fingerprint under ``key``."""
        slot = len(self._keys)
        self._keys.append(key)
        self._fingerprints.append(fingerprint)
        for band in range(self.BANDS):
            self._buckets[band][fingerprint >> (16 * band) & 0xFFFF].append(slot)

    def query(self, fingerprint: int, max_distance: int = 3) -> list[tuple[object, int]]:
        """Keys within ``max_distance`` bits, nearest first."""
        seen: set[int] = set()
        found = []
        for band in range(self.BANDS):
            for slot in self._buckets[band].get(fingerprint >> (16 * band) & 0xFFFF, ()):
                if slot in seen:
                    continue
                seen.add(slot)
                distance = hamming(fingerprint, self._fingerprints[slot])
                if distance <= max_distance:
                    found.append((self._keys[slot], distance))
        return sorted(found, key=lambda pair: pair[1])


class ShortTextIndex:
    """MinHash-LSH over character 2-grams for headlines and posts."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 128):
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # drawn once: a MinHash draws its permutations from the seed each time it is made,
        # which took longer than hashing a headline
        drawn = MinHash(num_perm=num_perm, seed=1)
        self._permutations, self._scheme = drawn.permutations, drawn.scheme

    def signature(self, text: str) -> MinHash:
        """The MinHash of a text's character 2-grams."""
        normal = normalize_for_match(text)
        shingles = {normal[i:i + 2] for i in range(max(len(normal) - 1, 1))}
        minhash = MinHash(num_perm=self.num_perm, seed=1, permutations=self._permutations,
                          scheme=self._scheme)
        minhash.update_batch([s.encode() for s in shingles])
        return minhash

    def add(self, key, signature: MinHash) -> None:
        """Index a signature under ``key`` (keys must be unique)."""
        self._lsh.insert(key, signature)

    def query(self, signature: MinHash) -> list:
        """Keys whose estimated Jaccard similarity passes the threshold."""
        return list(self._lsh.query(signature))


@dataclass
class Story:
    key: int
    first_item: object
    items: list = field(default_factory=list)
    sources: set = field(default_factory=set)
    places: set = field(default_factory=set)


@dataclass
class Match:
    """Where an item belongs: an existing story (or None) and the keys to index it by."""

    story: int | None
    how: str  # exact, simhash, minhash or new
    exact_key: str
    fingerprint: int | None = None
    signature: MinHash | None = None


class StoryClusterer:
    """Assigns each item to an existing story or opens a new one."""

    def __init__(self, *, max_distance: int = 3, short_threshold: float = 0.5):
        self.max_distance = max_distance
        self.exact: dict[str, int] = {}
        self.articles = SimHashIndex()
        self.short = ShortTextIndex(threshold=short_threshold)
        self.stories: dict[int, Story] = {}

    def match(self, *, text: str, tokens: list[str], places: list[str],
              weight: Callable[[str], float] | None = None) -> Match:
        """The story an item joins (exact, then SimHash or MinHash with agreeing places)."""
        key = exact_key(text)
        if (story := self.exact.get(key)) is not None:
            return Match(story, "exact", key)
        if len(normalize_for_match(text)) < SHORT_TEXT_CHARS:
            signature = self.short.signature(text)
            story = self._first_agreeing(self.short.query(signature), places)
            return Match(story, "minhash" if story else "new", key, signature=signature)
        fingerprint = simhash(tokens, weight)
        candidates = (k for k, _ in self.articles.query(fingerprint, self.max_distance))
        story = self._first_agreeing(candidates, places)
        return Match(story, "simhash" if story else "new", key, fingerprint=fingerprint)

    def register(self, story_key: int, match: Match, *, item_id=None, places=(),
                 source: str | None = None) -> Story:
        """Record an item under a story; a new story is indexed by the match's keys."""
        story = self.stories.get(story_key)
        if story is None:
            story = self.stories[story_key] = Story(story_key, item_id)
            if match.fingerprint is not None:
                self.articles.add(story_key, match.fingerprint)
            if match.signature is not None:
                self.short.add(story_key, match.signature)
        self.exact.setdefault(match.exact_key, story_key)
        if item_id is not None:
            story.items.append(item_id)
        story.places.update(places)
        if source:
            story.sources.add(source)
        return story

    def assign(self, item_id, *, text: str, tokens: list[str], places: list[str],
               source: str | None = None, weight: Callable[[str], float] | None = None
               ) -> tuple[int, str]:
        """Match and register in one step, numbering new stories 1, 2, 3 ..."""
        match = self.match(text=text, tokens=tokens, places=places, weight=weight)
        story_key = match.story if match.story is not None else len(self.stories) + 1
        self.register(story_key, match, item_id=item_id, places=places, source=source)
        return story_key, match.how

    def _first_agreeing(self, candidates, places: list[str]) -> int | None:
        for story_id in candidates:
            if places_agree(self.stories[story_id].places, places):
                return story_id
        return None


def places_agree(known: set[str], places: Iterable[str]) -> bool:
    """True unless both name places and none is shared."""
    places = set(places)
    return not known or not places or bool(known & places)
