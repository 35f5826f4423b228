"""The hand-read relevance labels of the quality benchmark: well formed, and applied only to the
text they were given for."""

import json
import re

import pytest

from bench import realdata
from tests.conftest import SHARED_DATA

DIGEST = re.compile(r"^[0-9a-f]{12}$")


def stored() -> dict:
    return json.loads(realdata.READ_LABELS.read_text(encoding="utf-8"))


def test_the_labels_file_keeps_keys_digests_and_labels_only():
    data = stored()
    labels = data["labels"]
    assert (realdata.READ_LABELS.parent / data["guide"]).is_file()
    assert len(labels) == 3176
    assert [e["key"] for e in labels] == sorted({e["key"] for e in labels})
    for entry in labels:
        assert set(entry) == {"key", "digest", "label"}, entry
        assert entry["key"].split(":")[0] in ("duee", "thuc"), entry
        assert DIGEST.match(entry["digest"]), entry
        assert entry["label"] in realdata.READ_TOPICS, entry


def test_a_label_is_not_used_for_another_text():
    entry = stored()["labels"][0]
    example = realdata.Example(entry["key"], "", "一段别的文字", False, [], "duee")

    [kept] = realdata._read_by_hand([example])

    assert (kept.relevant, kept.topics, kept.read_by_hand) == (False, [], False)


@pytest.mark.realdata
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not here")
def test_every_label_finds_its_item_and_maps_to_topics():
    labels = {e["key"]: e["label"] for e in stored()["labels"]}
    examples = realdata.duee() + realdata.thucnews()
    read = [e for e in examples if e.read_by_hand]

    assert len(read) == len(labels)
    for example in read:
        label = labels[realdata.label_key(example)]
        assert example.relevant == (label != "irrelevant")
        assert example.topics == (realdata.READ_TOPICS[label] or [])
    by_type = realdata.duee(read_by_hand=False)
    assert not any(e.read_by_hand for e in by_type)
