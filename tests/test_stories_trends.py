"""Near-duplicate stories and bursts, on generated streams with a fake clock."""

from datetime import UTC, datetime, timedelta

from classifiers.dedup import (
    SimHashIndex,
    StoryClusterer,
    exact_key,
    hamming,
    normalize_for_match,
    simhash,
)
from classifiers.trending import TrendDetector


def test_exact_reposts_share_a_key():
    post = "#珠海暴雨# 香洲区多处路段水浸，请市民注意出行安全 http://t.cn/abc"
    repost = "香洲区多处路段水浸，请市民注意出行安全！ @珠海发布:"
    assert normalize_for_match(post) == "香洲区多处路段水浸请市民注意出行安全"
    assert exact_key(post) == exact_key(repost)


def test_simhash_index_finds_everything_within_three_bits():
    index = SimHashIndex()
    base = 0x0123_4567_89AB_CDEF
    index.add("base", base)
    for key, flips in (("one", [0]), ("three", [1, 20, 63]), ("four", [2, 3, 40, 50])):
        value = base
        for bit in flips:
            value ^= 1 << bit
        index.add(key, value)
    found = dict(index.query(base, 3))
    assert found == {"base": 0, "one": 1, "three": 3}
    assert hamming(base, base ^ 0b1111) == 4


def test_simhash_is_stable_for_small_edits():
    tokens = [f"词{i % 97}" for i in range(400)]
    assert hamming(simhash(tokens), simhash(tokens + ["补充"])) <= 3


def test_clusterer_merges_reposts_but_not_other_places():
    clusterer = StoryClusterer()
    first, how = clusterer.assign(1, text="唐家湾镇一厂房起火 无人员伤亡", tokens=[],
                                  places=["唐家湾镇"], source="a")
    assert how == "new"
    assert clusterer.assign(2, text="唐家湾镇一厂房起火，无人员伤亡！", tokens=[],
                            places=["唐家湾镇"], source="b") == (first, "exact")
    assert clusterer.assign(3, text="唐家湾镇一厂房突发起火 暂无人员伤亡", tokens=[],
                            places=["唐家湾镇"], source="c") == (first, "minhash")
    other, how = clusterer.assign(4, text="东莞市一厂房起火 无人员伤亡", tokens=[],
                                  places=["东莞市"])
    assert other != first and how == "new"
    story = clusterer.stories[first]
    assert story.items == [1, 2, 3] and story.sources == {"a", "b", "c"}


def test_trend_fires_once_on_a_burst_then_cools_down():
    detector = TrendDetector(min_count=5, cooldown_hours=6)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    fired = []
    for hour in range(24 * 7):
        moment = start + timedelta(hours=hour)
        count = 2 if hour % 3 else 1
        if hour in (150, 151, 152):
            count = 30
        if trend := detector.update(("topic", "flood_drought", "香洲区"), moment, count):
            fired.append((hour, trend.count))
    assert fired == [(150, 30)]


def test_small_counts_never_trend_and_gaps_count_as_zero():
    detector = TrendDetector(min_count=5)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    assert detector.update(("story", 1), start, 4) is None
    state = detector.series[("story", 1)]
    detector.update(("story", 1), start + timedelta(hours=100), 0)
    assert state.hours == 101 and state.mean < 0.5
