"""The gazetteer: places with containment, ambiguous names, and locality for the bureau."""

import pytest

from classifiers.artifacts import DATA_DIR
from classifiers.places import Gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load(DATA_DIR / "gazetteer.tsv")


@pytest.mark.parametrize(("text", "places", "locality"), [
    ("珠海高新区唐家湾镇一厂房起火", ["珠海高新区", "唐家湾镇"], "jurisdiction"),
    ("在高新区金鼎工业园一仓库起火", ["珠海高新区", "金鼎"], "jurisdiction"),
    ("淇澳岛附近海域", ["淇澳岛"], "jurisdiction"),
    ("香洲区拱北街道一居民楼", ["香洲区", "拱北"], "nearby"),
    ("中山市坦洲镇内涝严重", ["中山市", "坦洲镇"], "nearby"),
    ("横琴口岸排起长队", ["横琴口岸"], "nearby"),
    ("成都高新区发生火灾", [], "unknown"),
    ("广东东莞万江区一纸品仓库起火", ["广东省", "东莞市"], "elsewhere"),
    ("甘肃省兰州市张掖路", ["甘肃省"], "elsewhere"),
    ("全国安全生产形势总体稳定", ["中国"], "unknown"),
])
def test_places_and_locality(gazetteer, text, places, locality):
    found = gazetteer.find(text)
    assert found.places == places
    assert found.locality.value == locality


def test_most_specific_place(gazetteer):
    assert gazetteer.most_specific(["珠海市", "唐家湾镇", "珠海高新区"]) == "唐家湾镇"
    assert gazetteer.most_specific(["广东省", "东莞市"]) == "东莞市"
    assert gazetteer.most_specific([]) is None
    # the first of equally deep places, whatever comes after
    assert gazetteer.most_specific(["东莞市", "珠海市", "广东省"]) == "东莞市"
    assert gazetteer.most_specific(["广东省", "珠海市", "东莞市"]) == "珠海市"


def test_ancestors(gazetteer):
    assert gazetteer.ancestors("唐家湾镇") == ["唐家湾镇", "珠海高新区", "珠海市", "广东省", "中国"]
