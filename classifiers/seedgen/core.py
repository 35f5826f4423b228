"""Template engine of the seed corpus: slot filling, alternatives, the three length styles."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from random import Random

HEADLINE = "headline"
LEAD = "lead"
ARTICLE = "article"
STYLES = (HEADLINE, LEAD, ARTICLE)

HEADLINE_CHARS = (10, 30)
LEAD_CHARS = (26, 120)
ARTICLE_CHARS = (150, 600)
ARTICLE_SENTENCES = (3, 8)
TITLE_CHARS = (8, 30)

_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")
_SENTENCE_END = re.compile(r"[。！？]+(?:[”」』）])?")
_TIDY = (
    (re.compile(r"，{2,}"), "，"),
    (re.compile(r"[，、；]([。！？])"), r"\1"),
    (re.compile(r"。{2,}"), "。"),
    (re.compile(r"\s{2,}"), " "),
)

Slots = dict[str, str]


def expand(template: str, slots: Slots, rng: Random) -> str:
    """Fill one template: `[a|b|]` picks one alternative, `{name}` takes a slot value."""
    text = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return tidy(_SLOT.sub(lambda m: slots[m.group(1)], text))


def tidy(text: str) -> str:
    """Collapse doubled punctuation and stray spaces left by empty alternatives."""
    for pattern, repl in _TIDY:
        text = pattern.sub(repl, text)
    return text.strip()


def sentence_count(text: str) -> int:
    """Number of sentences, counted by their final punctuation."""
    return len(_SENTENCE_END.findall(text))


def style_of(title: str, text: str) -> str | None:
    """Which length style an item has, or None when it fits none of them."""
    if not text:
        return HEADLINE if _within(title, HEADLINE_CHARS) else None
    if not title:
        return LEAD if _within(text, LEAD_CHARS) and sentence_count(text) <= 1 else None
    fits = (_within(title, TITLE_CHARS) and _within(text, ARTICLE_CHARS)
            and ARTICLE_SENTENCES[0] <= sentence_count(text) <= ARTICLE_SENTENCES[1])
    return ARTICLE if fits else None


def _within(text: str, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= len(text) <= bounds[1]


@dataclass(frozen=True)
class Scenario:
    """One kind of story: how to draw its facts, and templates for each length style."""

    name: str
    topics: tuple[str, ...]
    slots: Callable[[Random], Slots]
    heads: Sequence[str]
    leads: Sequence[str]
    body: Sequence[Sequence[str]] = ()
    weight: int = 10
    body_chance: float = 0.75

    def render(self, style: str, rng: Random) -> tuple[str, str]:
        """One (title, text) pair in the given style; may not fit, the caller checks."""
        slots = self.slots(rng)
        if style == HEADLINE:
            return expand(rng.choice(self.heads), slots, rng), ""
        lead = expand(rng.choice(self.leads), slots, rng)
        if style == LEAD:
            return "", lead
        keep = [rng.random() < self.body_chance for _ in self.body]
        parts = [expand(rng.choice(section), slots, rng) for section in self.body]
        for i in range(len(parts)):
            if len(lead + "".join(p for p, k in zip(parts, keep, strict=True) if k)) >= 170:
                break
            keep[i] = True
        sentences = [lead, *(p for p, k in zip(parts, keep, strict=True) if k)]
        while len(sentences) > 3 and (len("".join(sentences)) > ARTICLE_CHARS[1]
                                      or sentence_count("".join(sentences)) > 8):
            sentences.pop(-2)
        return expand(rng.choice(self.heads), slots, rng), "".join(sentences)


@dataclass(frozen=True)
class Handwritten:
    """One item written by hand: a headline, a lead, or (title, text) of an article."""

    topics: tuple[str, ...]
    title: str
    text: str


def hand(topics: Sequence[str], *entries: str | tuple[str, str]) -> list[Handwritten]:
    """Handwritten items sharing labels: a string of <= 30 chars is a headline, longer a lead."""
    items = []
    for entry in entries:
        if isinstance(entry, tuple):
            items.append(Handwritten(tuple(topics), entry[0], entry[1]))
        elif len(entry) <= HEADLINE_CHARS[1]:
            items.append(Handwritten(tuple(topics), entry, ""))
        else:
            items.append(Handwritten(tuple(topics), "", entry))
    return items


@dataclass(frozen=True)
class Bucket:
    """A block of the corpus: an id prefix, its scenarios, its handwritten items and a size."""

    prefix: str
    relevant: bool
    count: int
    scenarios: Sequence[Scenario]
    handwritten: Sequence[Handwritten] = field(default_factory=tuple)
    style_share: tuple[float, float, float] = (0.36, 0.36, 0.28)
    part: str = ""  # a second block with the same prefix: its own seed, numbering continues
