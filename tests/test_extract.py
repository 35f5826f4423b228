"""Casualties, losses and the statutory grade as Chinese news writes them."""

import pytest

from classifiers.extract import (
    extract_casualties,
    extract_loss,
    may_state_facts,
    says_no_casualties,
    statutory_grade,
)
from classifiers.numbers import parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("1,234", 1234), ("1.5", 1.5), ("十", 10), ("十二", 12), ("二十三", 23),
    ("一百零五", 105), ("两", 2), ("3万", 30000), ("1.2亿", 120_000_000),
    ("三千五百万", 35_000_000), ("一万二千", 12000), ("数十", None), ("abc", None),
])
def test_numbers(text, value):
    assert parse_number(text) == value


CASUALTY_CASES = [
    ("事故造成3人死亡", 3, 0, 0),
    ("三人遇难", 3, 0, 0),
    ("致2死5伤", 2, 5, 0),
    ("一死一伤", 1, 1, 0),
    ("死亡人数上升至12人", 12, 0, 0),
    ("遇难者增至27人", 27, 0, 0),
    ("1人失联", 0, 0, 1),
    ("失踪人员增至4人", 0, 0, 4),
    ("两名工人当场死亡", 2, 0, 0),
    ("导致家中两位老人死亡，女主人跟小女儿受伤", 2, 0, 0),
    ("15人不同程度受伤送医院救治", 0, 15, 0),
    ("火灾致11人窒息死亡", 11, 0, 0),
    ("事故造成３人死亡、５人受伤", 3, 5, 0),
    ("造成5人死亡，后经抢救无效又有1人死亡，死亡人数升至6人", 6, 0, 0),
    ("大火未造成人员伤亡", 0, 0, 0),
    ("17名群众被疏散", 0, 0, 0),
    ("受伤人数达到20人", 0, 20, 0),
    ("致3人死亡2人受伤", 3, 2, 0),
    ("两车相撞致10人死亡2人重伤", 10, 2, 0),
    ("事故造成6人死亡，3人重伤，14人轻微伤", 6, 17, 0),
    ("共造成17人死亡、1人重伤、4人轻伤，28人轻微伤", 17, 33, 0),
    ("造成47人死亡、16人重伤，致63人死伤", 47, 16, 0),
    ("卡车失控撞死8人", 8, 0, 0),
    ("撞上环卫工人周某，致周某当场死亡", 1, 0, 0),
    ("女孩不幸身亡", 1, 0, 0),
    # taken to hospital: hurt, unless they died there or were only checked
    ("爆炸发生后，9人被送往附近医院救治", 0, 9, 0),
    ("仓库起火，12人入院治疗，其中2人伤势较重", 0, 12, 0),
    ("另有6人饮酒后感到不适被送医", 0, 6, 0),
    ("两人送医后经抢救无效死亡", 2, 0, 0),
    ("8名乘客被送往医院检查", 0, 0, 0),
    # poisoned or taken ill
    ("40名游客集体食物中毒", 0, 40, 0),
    ("25名工人出现呕吐、头晕等中毒症状", 0, 25, 0),
    ("7人午饭后出现不适", 0, 7, 0),
    ("多名学生出现腹痛症状", 0, 0, 0),
    # the rescued, by outcome in one sentence, add up; a 其中 count is part of the one before it
    ("救出20人，其中9人死亡，8人经抢救后已脱险，3人正在抢救中", 9, 11, 0),
    ("已有30人出院，5人仍在住院治疗", 0, 35, 0),
    ("18人入院治疗，其中6人已出院", 0, 18, 0),
    ("11名被困群众均安全脱险", 0, 0, 0),
    # hurt by something: counted, or one victim
    ("失控货车撞伤4名行人", 0, 4, 0),
    ("一辆轿车撞伤了过马路的老人", 0, 1, 0),
    ("司机及时刹车，避免撞伤行人", 0, 0, 0),
    ("坐在副驾驶的乘客头部受伤", 0, 1, 0),
    ("司机头部未受伤", 0, 0, 0),
    # one person taken to hospital without a count; not when the sentence is about several
    ("消防员将司机救出后，送往医院治疗", 0, 1, 0),
    ("伤者被送往医院，经抢救无效死亡", 0, 0, 0),
    ("十几名工人被送往医院治疗", 0, 0, 0),
    ("所幸无人伤亡，司机被送往医院治疗", 0, 0, 0),
    # bodies
    ("救援队从废墟中抬出三具遇难者遗体", 3, 0, 0),
    ("发现100多具尸体", 0, 0, 0),
    # the hurt who died after treatment are taken out of the injured
    ("事故造成2人死亡、5人受伤。当晚，其中1名伤者经抢救无效死亡", 2, 4, 0),
    ("另有2人经抢救无效死亡，5人受伤", 2, 5, 0),
]


@pytest.mark.parametrize(("text", "deaths", "injured", "missing"), CASUALTY_CASES)
def test_casualties(text, deaths, injured, missing):
    assert extract_casualties(text).as_dict() == {
        "deaths": deaths, "injured": injured, "missing": missing}


@pytest.mark.parametrize("text", [text for text, *counts in CASUALTY_CASES if any(counts)])
def test_text_with_casualties_may_state_facts(text):
    # the analyzer skips the extractor for texts this says have nothing
    assert may_state_facts(text)


def test_background_events_are_left_out():
    main = "昨晚一辆客车翻入河中，造成6人死亡、9人受伤。"
    background = "这是该省今年第二起客车事故。今年1月，一辆货车在山区侧翻，造成2人死亡、15人受伤。"
    assert extract_casualties(main + background).as_dict() == {
        "deaths": 6, "injured": 9, "missing": 0}
    # a day is a date of the main event, not background
    assert extract_casualties("3月5日,一辆货车侧翻,造成12人受伤").injured == 12
    # only background: it is all there is, so it counts
    assert extract_casualties("去年,当地曾发生一起火灾,造成3人死亡").deaths == 3


def test_no_casualties_statement():
    assert says_no_casualties("所幸大火未造成人员伤亡")
    assert says_no_casualties("事故没有人员死亡")
    assert not says_no_casualties("3人死亡")


@pytest.mark.parametrize(("text", "yuan"), [
    ("直接经济损失约1200万元", 12_000_000.0),
    ("直接经济损失1.2亿元", 120_000_000.0),
    ("经济损失达3000元", 3000.0),
    ("造成直接经济损失约五百万元", 5_000_000.0),
    ("无损失", None),
])
def test_loss(text, yuan):
    assert extract_loss(text) == yuan


@pytest.mark.parametrize(("text", "grade", "rule"), [
    ("30人死亡", "特别重大", "grade:deaths>=30"),
    ("100人受伤", "特别重大", "grade:injured>=100"),
    ("直接经济损失1.5亿元", "特别重大", "grade:loss>=1亿元"),
    ("10人死亡", "重大", "grade:deaths>=10"),
    ("50人受伤", "重大", "grade:injured>=50"),
    ("直接经济损失6000万元", "重大", "grade:loss>=5000万元"),
    ("3人死亡", "较大", "grade:deaths>=3"),
    ("10人受伤", "较大", "grade:injured>=10"),
    ("直接经济损失1000万元", "较大", "grade:loss>=1000万元"),
    ("2人死亡", "一般", "grade:below较大"),
    ("1人失联", "一般", "grade:below较大"),
    ("无人员伤亡", None, None),
])
def test_statutory_grade(text, grade, rule):
    found, rules = statutory_grade(extract_casualties(text), extract_loss(text))
    assert found == grade
    assert (rules[0] if rules else None) == rule
