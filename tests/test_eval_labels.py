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
    assert len(labels) == 21908  # every DuEE sentence and THUCNews headline
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


def test_the_second_reading_keeps_keys_digests_and_labels_of_read_items_only():
    first = realdata.read_labels()
    data = json.loads(realdata.SECOND_READING.read_text(encoding="utf-8"))

    assert data["of"] == realdata.READ_LABELS.name
    assert len(data["labels"]) == 400
    for entry in data["labels"]:
        assert set(entry) == {"key", "digest", "label"}, entry
        assert first[entry["key"]]["digest"] == entry["digest"], entry
        assert entry["label"] in realdata.READ_TOPICS, entry


def test_reader_agreement_counts_the_second_reading_against_the_first(tmp_path):
    first = realdata.read_labels()
    relevant = [k for k, e in first.items() if e["label"] != "irrelevant"][:10]
    irrelevant = [k for k, e in first.items() if e["label"] == "irrelevant"][:10]
    # the second reader agrees on 8 + 9 items, misses 2 relevant ones and adds 1
    labels = ([{"key": k, "digest": first[k]["digest"], "label": "fire"} for k in relevant[:8]]
              + [{"key": k, "digest": first[k]["digest"], "label": "irrelevant"}
                 for k in relevant[8:] + irrelevant[:9]]
              + [{"key": irrelevant[9], "digest": first[irrelevant[9]]["digest"],
                  "label": "mass_incident"},
                 {"key": relevant[0], "digest": "000000000000", "label": "irrelevant"}])
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"labels": labels}), encoding="utf-8")

    found = realdata.reader_agreement(second)

    assert found["items"] == 20  # the entry whose digest differs is not compared
    assert found["agreement"] == 0.85
    assert found["second_precision"] == round(8 / 9, 4)
    assert found["second_recall"] == 0.8
    # kappa: observed 0.85, expected by chance (10·9 + 10·11) / 400 = 0.5
    assert found["kappa"] == 0.7
    assert realdata.reader_agreement(tmp_path / "absent.json") == {"items": 0}
