"""bench.ceiling's arithmetic: folds, precision at a recall, precision and recall at each item's
own threshold."""

import pytest

from bench import ceiling, realdata


def example(key: str, relevant: bool = True) -> realdata.Example:
    return realdata.Example(f"duee:{key}", "标题", "", relevant, [], "duee")


def test_two_folds_are_the_dev_and_test_halves_and_more_folds_cover_every_item():
    examples = [example(str(n)) for n in range(400)]
    assert [ceiling.fold_of(e, 2) for e in examples] == [
        0 if realdata.half(e) == "dev" else 1 for e in examples]
    five = [ceiling.fold_of(e, 5) for e in examples]
    assert set(five) == {0, 1, 2, 3, 4}
    assert min(five.count(k) for k in range(5)) > 50  # roughly even
    assert five == [ceiling.fold_of(e, 5) for e in examples]  # stable


def test_a_real_item_becomes_a_training_record_with_its_topics():
    item = realdata.Example("duee:9", "工厂起火", "车间起火，无人伤亡。", True, ["fire"], "duee")
    assert ceiling.record(item) == {"id": "real:duee:9", "title": "工厂起火",
                                    "text": "车间起火，无人伤亡。", "relevant": True,
                                    "topics": ["fire"]}


def test_precision_at_recall_takes_the_highest_threshold_that_reaches_it():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    truth = [True, False, True, True, False, True]
    # recall 0.5 is reached after 0.7 (2 of 4 relevant, 1 false alert): 2/3
    assert ceiling.precision_at_recall(scores, truth, 0.5) == pytest.approx(0.6667)
    assert ceiling.precision_at_recall(scores, truth, 0.75) == 0.75  # after 0.6
    assert ceiling.precision_at_recall(scores, truth, 1.0) == pytest.approx(0.6667)
    assert ceiling.precision_at_recall(scores, [False] * 6, 0.9) is None


def test_each_item_is_judged_at_the_threshold_of_the_model_that_scored_it():
    scores = [0.5, 0.5, 0.3, 0.3]
    truth = [True, False, True, False]
    assert ceiling.at_thresholds(scores, truth, [0.4, 0.6, 0.2, 0.2]) == {
        "precision": 0.6667, "recall": 1.0, "tp": 2, "fp": 1, "fn": 0}
    assert ceiling.at_thresholds(scores, truth, [0.9] * 4) == {
        "precision": None, "recall": 0.0, "tp": 0, "fp": 0, "fn": 2}


def test_a_summary_gives_the_figures_of_one_model():
    rows = [{"relevant": t, "scores": {"shipped": s}, "thresholds": {"shipped": 0.5}}
            for s, t in [(0.9, True), (0.6, False), (0.55, True), (0.2, True)]]
    figures = ceiling.summarise(rows, "shipped")
    assert figures["at_threshold"] == {"precision": 0.6667, "recall": 0.6667, "tp": 2, "fp": 1,
                                       "fn": 1}
    assert figures["precision_at_recall_0.85"] == 0.75
    assert figures["precision_at_recall_0.90"] == 0.75
