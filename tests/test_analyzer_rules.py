"""The shipped analyzer on sentences of our own: schemes count for relevance, exclusion words
keep figurative and after-the-fact items out, and the events themselves stay in."""

import pytest

import classifiers


@pytest.fixture(scope="module")
def analyze():
    analyzer = classifiers.load()

    def one(text: str):
        return analyzer.analyze([{"id": "x", "text": text}])[0]

    return one


def test_a_matching_scheme_makes_a_safety_summons_relevant(analyze):
    found = analyze("省安委会集中约谈三个县区政府负责人，要求限期整改事故隐患")

    assert found.relevant
    assert found.topics[0]["label"] == "production_safety"
    assert "scheme:安全生产约谈与督办" in found.explanation["rules"]


def test_a_summons_about_something_else_matches_no_scheme(analyze):
    found = analyze("市场监管局约谈外卖平台负责人，要求规范收费行为")

    assert not found.relevant
    assert not any(rule.startswith("scheme:") for rule in found.explanation["rules"])


@pytest.mark.parametrize("text", [
    "某品牌召回部分电动汽车，因电池存在起火风险",
    "国庆群众游行彩车亮相，市民夹道欢迎",
    "法院一审宣判：被告人犯交通肇事罪获刑三年",
    "交强险理赔那些事：保险公司为何拒赔",
    "纪念汶川地震十周年座谈会举行",
])
def test_exclusion_words_keep_after_the_fact_and_festive_items_out(analyze, text):
    found = analyze(text)

    assert not found.relevant, (text, found.relevance, found.explanation)
    assert "relevance:exclusion_terms" in found.explanation["rules"]


@pytest.mark.parametrize(("text", "topic"), [
    ("某化工厂储罐起火，消防员正在全力扑救", "hazardous_chemicals"),
    ("一辆大货车与客车相撞，造成3人死亡5人受伤", "production_safety"),
    ("数百名工人聚集在厂门口讨要欠薪，一度堵路", "mass_incident"),
    ("强降雨导致山体滑坡，当地紧急转移群众两千余人", "flood_drought"),
])
def test_the_events_themselves_stay_relevant(analyze, text, topic):
    found = analyze(text)

    assert found.relevant
    assert topic in [t["label"] for t in found.topics]


def test_relevance_weighs_the_best_supported_topic():
    from classifiers.analyzer import relevance_score

    # 0.7 × (0.6 × 0.8 + 0.4 × 0.5) + 0.3 × 0.7
    assert relevance_score(0.8, 0.5, 0.7, 0) == pytest.approx(0.686)
    # the same relevance evidence, but no one topic that its model and its terms agree on
    assert relevance_score(0.8, 0.5, 0.2, 0) < relevance_score(0.8, 0.5, 0.7, 0) - 0.14
    # exclusion terms take off 0.1 per weight, at most 0.3
    assert relevance_score(0.8, 0.5, 0.7, 1.5) == pytest.approx(0.686 - 0.15)
    assert relevance_score(0.8, 0.5, 0.7, 9) == pytest.approx(0.686 - 0.3)


@pytest.mark.parametrize(("agreed", "unsure"), [
    # the relevance model likes both; only the first is one fire or one crash
    ("出租屋电动车充电起火，消防员救出被困租户", "男子在家中突然倒地身亡，警方已排除他杀"),
    ("货车侧翻压住路边轿车，司机被困驾驶室", "三年前的车祸官司终审：保险公司赔偿二十万"),
])
def test_a_report_of_one_event_outscores_a_death_or_a_case(analyze, agreed, unsure):
    assert analyze(agreed).relevance > analyze(unsure).relevance
    assert analyze(agreed).relevant and not analyze(unsure).relevant


def test_a_batch_pauses_cyclic_gc_and_restores_it(analyze):
    import gc

    from classifiers.analyzer import cyclic_gc_paused

    texts = ["今天上午某化工厂发生爆炸，3人死亡", "股市地震：大盘跳水", "暴雨致多条道路积水"]
    gc.collect()
    assert gc.isenabled()
    for text in texts * 20:
        analyze(text)
    assert gc.isenabled()
    assert gc.collect() == 0  # the batch left no reference cycles behind

    gc.disable()
    try:
        analyze(texts[0])
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()

    with pytest.raises(RuntimeError), cyclic_gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("a batch that fails")
    assert gc.isenabled()
