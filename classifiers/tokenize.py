"""jieba with the project's user dictionary and stop words, one private tokenizer per analyzer."""

import hashlib
import re
import tempfile
from pathlib import Path

import jieba

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


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
        self.stop_words = frozenset(
            w.strip() for w in stop_words.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#"))
        self.version = hashlib.sha256(
            user_dict.read_bytes() + stop_words.read_bytes() + "\n".join(extra_words).encode()
        ).hexdigest()[:12]

    def words(self, text: str) -> list[str]:
        """Content words of the text: segmented, stop words and punctuation dropped."""
        return [w for w in self._jieba.lcut(text, HMM=True)
                if w not in self.stop_words and _WORD.search(w)]

    def raw(self, text: str) -> list[str]:
        """Every token jieba produces, as jieba.lcut would."""
        return self._jieba.lcut(text, HMM=True)
