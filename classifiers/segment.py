"""jieba's accurate mode (``lcut(text, HMM=True)``), word for word, in fewer Python steps.

The same dictionary, the same route and the same HMM for unknown runs as jieba 0.42; what
changes is how much interpreter work each character costs:

* the prefix DAG and the best route are one right-to-left pass, without the DAG dict, the
  generator and the tuple ``max`` of ``Tokenizer.calc``; each candidate's score is computed with
  the same floating-point operations in the same order (``log(freq) - log(total)``, then
  ``+ route``), and ties go to the longer word as with ``max`` over ``(score, end)``;
* ``log(freq) - log(total)`` is remembered per frequency value (a few thousand distinct ones);
* the HMM's segmentation of a run of single characters is remembered per run (names and
  places recur), in a bounded memo.

``tests/test_segment.py`` checks the output against ``jieba.Tokenizer.lcut`` on the seed corpus
and on edge cases; ``bench/classify.py`` does so on the real data before it times anything.
"""

from math import log

import jieba
from jieba import finalseg, re_han_default, re_skip_default

_HMM_MEMO_LIMIT = 50_000  # runs remembered; cleared when full


class Segmenter:
    """``lcut(text)`` equal to ``tokenizer.lcut(text, HMM=True)`` for the given tokenizer."""

    def __init__(self, tokenizer: jieba.Tokenizer):
        tokenizer.check_initialized()
        self._tokenizer = tokenizer
        self._freq = tokenizer.FREQ
        self._total = None
        self._scores: dict[int, float] = {}
        self._hmm: dict[str, list[str]] = {}
        self._forced = 0

    def forget(self) -> None:
        """Drop the remembered HMM runs (a benchmark that repeats its texts calls this, so a
        repeat is not faster only because it has seen them)."""
        self._hmm = {}

    def lcut(self, sentence: str) -> list[str]:
        """The words of ``sentence`` as jieba's accurate mode with the HMM gives them."""
        if self._total != self._tokenizer.total:  # words added since: scores change
            self._total = self._tokenizer.total
            self._scores = {}
        if self._forced != len(finalseg.Force_Split_Words):
            self._forced = len(finalseg.Force_Split_Words)
            self._hmm = {}
        out: list[str] = []
        append, extend = out.append, out.extend
        for block in re_han_default.split(sentence):
            if not block:
                continue
            if re_han_default.match(block):
                self._cut_block(block, out)
            else:
                for part in re_skip_default.split(block):
                    if re_skip_default.match(part):
                        append(part)
                    else:
                        extend(part)  # one character at a time, as jieba does
        return out

    def _route(self, sentence: str) -> list[int]:
        """For each position, the end (exclusive) of the word the best route takes there."""
        freq = self._freq
        scores = self._scores
        logtotal = log(self._total)
        n = len(sentence)
        best = [0.0] * (n + 1)
        ends = [0] * n
        for start in range(n - 1, -1, -1):
            top = None
            top_end = start + 1
            i = start
            fragment = sentence[start]
            while fragment in freq:
                count = freq[fragment]
                if count:
                    score = scores.get(count)
                    if score is None:
                        score = scores[count] = log(count) - logtotal
                    value = score + best[i + 1]
                    if top is None or value >= top:  # equal: the later end, as max() picks
                        top, top_end = value, i + 1
                i += 1
                if i >= n:
                    break
                fragment = sentence[start:i + 1]
            if top is None:  # no word starts here: the character alone, count taken as 1
                count = freq.get(sentence[start]) or 1
                top = log(count) - logtotal + best[start + 1]
            best[start] = top
            ends[start] = top_end
        return ends

    def _cut_block(self, sentence: str, out: list[str]) -> None:
        ends = self._route(sentence)
        freq = self._freq
        append = out.append
        n = len(sentence)
        x = 0
        run_start = -1  # start of the current run of single characters
        while x < n:
            y = ends[x]
            if y - x == 1:
                if run_start < 0:
                    run_start = x
            else:
                if run_start >= 0:
                    self._flush_run(sentence[run_start:x], freq, out)
                    run_start = -1
                append(sentence[x:y])
            x = y
        if run_start >= 0:
            self._flush_run(sentence[run_start:], freq, out)

    def _flush_run(self, run: str, freq: dict, out: list[str]) -> None:
        if len(run) == 1:
            out.append(run)
        elif not freq.get(run):
            words = self._hmm.get(run)
            if words is None:
                if len(self._hmm) >= _HMM_MEMO_LIMIT:
                    self._hmm.clear()
                words = self._hmm[run] = list(finalseg.cut(run))
            out.extend(words)
        else:
            out.extend(run)
