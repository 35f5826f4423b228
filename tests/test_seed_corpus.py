"""The classifiers' seed corpus: reproducible from its generator, well labelled, big enough."""

import json
import re
from collections import Counter

import pytest

from classifiers.seedgen import DEFAULT_PATH, MIN_IRRELEVANT_KINDS, MINIMUMS, TOPICS, counts, write
from classifiers.seedgen.core import STYLES, style_of

KEYS = {"id", "title", "text", "relevant", "topics"}
ID = re.compile(r"^[a-z_]+(?:-[a-z]+)?-\d{4}$")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    """The committed corpus, one dict per line."""
    with DEFAULT_PATH.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def test_regenerating_gives_the_committed_file(tmp_path):
    fresh = tmp_path / "corpus.jsonl"
    write(fresh)
    assert fresh.read_bytes() == DEFAULT_PATH.read_bytes(), (
        "corpus.jsonl is stale: run `python -m classifiers.seedgen` and commit the result")


def test_rows_have_the_schema_and_valid_labels(rows):
    ids = Counter(row["id"] for row in rows)
    assert not [i for i, n in ids.items() if n > 1]
    for row in rows:
        assert set(row) == KEYS, row
        assert ID.match(row["id"]), row["id"]
        assert isinstance(row["relevant"], bool)
        assert row["relevant"] == bool(row["topics"]), row
        assert set(row["topics"]) <= set(TOPICS), row
        assert len(set(row["topics"])) == len(row["topics"]), row
        block = row["id"].rsplit("-", 1)[0]
        if row["relevant"]:
            assert block in TOPICS and block in row["topics"], row
        else:
            assert block.startswith("irr-"), row["id"]


def test_multi_label_order_follows_the_conventions(rows):
    for row in rows:
        topics = row["topics"]
        if {"hazardous_chemicals", "fire"} <= set(topics):
            assert topics.index("hazardous_chemicals") < topics.index("fire"), row
        if {"flood_drought", "relief_supplies"} <= set(topics):
            assert topics.index("flood_drought") < topics.index("relief_supplies"), row
        if {"production_safety", "large_enterprise"} <= set(topics):
            assert topics.index("production_safety") < topics.index("large_enterprise"), row


def test_counts_meet_the_minimums(rows):
    tally = counts(rows)
    for name, minimum in MINIMUMS.items():
        assert tally[name] >= minimum, (name, tally[name], minimum)
    kinds = [k for k in tally if k.startswith("kind:")]
    assert len(kinds) >= MIN_IRRELEVANT_KINDS


def test_every_item_has_one_of_the_three_styles_and_every_class_has_all(rows):
    by_class: dict[str, Counter] = {}
    for row in rows:
        style = style_of(row["title"], row["text"])
        assert style in STYLES, row
        name = row["topics"][0] if row["topics"] else "irrelevant"
        by_class.setdefault(name, Counter())[style] += 1
    for name, styles in by_class.items():
        assert set(styles) == set(STYLES), (name, styles)


def test_no_duplicate_texts(rows):
    texts = Counter(row["text"] or row["title"] for row in rows)
    assert not [t for t, n in texts.items() if n > 1]
    folded = Counter(re.sub(r"[\s\W_]+", "", row["text"] or row["title"]) for row in rows)
    assert not [t for t, n in folded.items() if n > 1]


def test_wire_blocks_continue_the_numbering_of_their_topic():
    from classifiers.seedgen import buckets

    plan = buckets()
    for prefix in {b.prefix for b in plan if b.part}:
        total = sum(b.count for b in plan if b.prefix == prefix)
        assert len({b.part for b in plan if b.prefix == prefix}) == sum(
            1 for b in plan if b.prefix == prefix), prefix
        assert total <= 9999, prefix


def test_the_relevance_threshold_is_the_best_held_out_f1_within_bounds():
    from classifiers.train import relevance_threshold

    scores = [0.9, 0.8, 0.55, 0.52, 0.47, 0.3, 0.2]
    truth = [True, True, True, False, True, False, False]
    assert relevance_threshold(scores, truth, bounds=(0.45, 0.6)) == 0.47
    assert relevance_threshold([0.9, 0.1], [True, False], bounds=(0.45, 0.6)) == 0.6
