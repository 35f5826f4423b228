"""Casualties, losses and the statutory grade as Chinese news writes them."""

import pytest

from classifiers.extract import (
    extract_casualties,
    extract_loss,
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


@pytest.mark.parametrize(("text", "deaths", "injured", "missing"), [
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
])
def test_casualties(text, deaths, injured, missing):
    assert extract_casualties(text).as_dict() == {
        "deaths": deaths, "injured": injured, "missing": missing}


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
