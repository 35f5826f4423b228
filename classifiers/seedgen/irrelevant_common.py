"""Shared parts of the irrelevant-news scenarios: the unlabelled scenario and common slots."""

from collections.abc import Callable, Sequence
from random import Random

from classifiers.seedgen import vocab_numbers, vocab_people, vocab_places, vocab_times
from classifiers.seedgen.core import Scenario, Slots


def neg(name: str, slots: Callable[[Random], Slots], heads: Sequence[str],
        leads: Sequence[str], body: Sequence[Sequence[str]], weight: int = 10) -> Scenario:
    """An irrelevant story type: a scenario with no labels."""
    return Scenario(name, (), slots, heads, leads, body, weight)


def common(rng: Random) -> Slots:
    """Place, time, invented names and assorted numbers for irrelevant stories."""
    s = vocab_places.place(rng)
    s.update(time=vocab_times.when_soft(rng), name=vocab_people.full_name(rng), name2=vocab_people.full_name(rng),
             pct=f"{rng.randint(5, 980) / 100:.1f}", n=str(rng.randint(3, 90)),
             big=vocab_numbers.rounded(rng, 1000, 900000), yi=f"{rng.randint(2, 600) / 10:.1f}",
             year=str(rng.choice((2021, 2022, 2023, 2024))), month=str(rng.randint(1, 12)),
             day=str(rng.randint(1, 28)), small=vocab_numbers.num(rng, rng.randint(2, 9)))
    return s
