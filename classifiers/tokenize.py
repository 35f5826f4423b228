"""jieba with the project's user dictionary and stop words, one private tokenizer per analyzer.

Segmentation is jieba's accurate mode with the HMM, computed by ``classifiers.segment`` (the same
words, about three times faster than ``jieba.lcut``).
"""

import hashlib
import re
import tempfile
from pathlib import Path

import jieba

from classifiers.segment import Segmenter

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_REMEMBERED_WORDS = 200_000  # bounds the memory of the content-word test


class _ContentWords:
    """Word → whether it is a content word (not a stop word, has a letter or digit), learnt as
    words come: one dict lookup per token instead of a set lookup and a regex search."""

    def __init__(self, stop_words: frozenset[str]):
        self.stop_words = stop_words
        self.known: dict[str, bool] = {}
        self.spaced = False  # a content word with whitespace in it was seen (jieba makes none)

    def learn(self, words: list[str]) -> None:
        """Remember the words not known yet."""
        if len(self.known) >= _REMEMBERED_WORDS:
            self.known.clear()
        for word in words:
            if word not in self.known:
                self.known[word] = self.test(word)

    def test(self, word: str) -> bool:
        """Whether the word is a content word (without the memory)."""
        keep = word not in self.stop_words and _WORD.search(word) is not None
        if keep and any(char.isspace() for char in word):
            self.spaced = True
        return keep


class Tokenizer:
    """Segments Chinese text; initialised once, with jieba's prefix-dictionary cache on disk."""

    def __init__(self, *, user_dict: Path, stop_words: Path, extra_words: list[str] = (),
                 cache_dir: Path | None = None):
        self._jieba = jieba.Tokenizer()
        cache_dir = cache_dir or Path(tempfile.gettempdir())
        self._jieba.tmp_dir = str(cache_dir)
        self._jieba.cache_file = "yuqing-jieba.cache"
        self._jieba.initialize()
        self._jieba.load_userdict(str(user_dict))
        for word in extra_words:
            self._jieba.add_word(word, freq=2000)
        self._segmenter = Segmenter(self._jieba)
        self.stop_words = frozenset(
            w.strip() for w in stop_words.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#"))
        self._content = _ContentWords(self.stop_words)
        self.version = hashlib.sha256(
            user_dict.read_bytes() + stop_words.read_bytes() + "\n".join(extra_words).encode()
        ).hexdigest()[:12]

    def words(self, text: str) -> list[str]:
        """Content words of the text: segmented, stop words and punctuation dropped."""
        tokens = self._segmenter.lcut(text)
        content = self._content
        if content.stop_words is not self.stop_words:  # replaced after loading
            self._content = content = _ContentWords(self.stop_words)
        known = content.known
        try:
            return [w for w in tokens if known[w]]
        except KeyError:  # a word seen for the first time
            content.learn(tokens)
            return [w for w in tokens
                    if (keep := known.get(w)) or (keep is None and content.test(w))]

    @property
    def words_without_whitespace(self) -> bool:
        """No word ``words`` has returned holds whitespace, so ``" ".join(w).split() == w``."""
        return not self._content.spaced

    def forget(self) -> None:
        """Drop what segmentation remembers of texts seen before (for benchmarks)."""
        self._segmenter.forget()

    def raw(self, text: str) -> list[str]:
        """Every token jieba produces, as jieba.lcut would."""
        return self._segmenter.lcut(text)
