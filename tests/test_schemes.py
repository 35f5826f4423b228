"""Monitoring schemes: groups, the advanced syntax and its errors, with positions."""

import pytest

from classifiers.schemes import Scheme, SchemeSyntaxError, parse_expression, scheme_from_dict


def matches(expression: str, present: set[str]):
    return Scheme("t", expression=expression).match(present)


def test_operators():
    assert matches("火灾+珠海", {"火灾", "珠海"}) == ["火灾", "珠海"]
    assert matches("火灾+珠海", {"火灾"}) is None
    assert matches("火灾|爆炸", {"爆炸"}) == ["爆炸"]
    assert matches("火灾|爆炸", {"火灾", "爆炸"}) == ["火灾", "爆炸"]
    assert matches("火灾!演练", {"火灾"}) == ["火灾"]
    assert matches("火灾!演练", {"火灾", "演练"}) is None
    assert matches("!演练+火灾", {"火灾"}) == ["火灾"]
    assert matches("(珠海|高新区)+(火灾|爆炸)!演练", {"高新区", "爆炸"}) == ["爆炸", "高新区"]
    assert matches("(珠海|高新区)+(火灾|爆炸)!演练", {"高新区", "爆炸", "演练"}) is None


def test_and_binds_tighter_than_or():
    assert matches("火灾+珠海|爆炸", {"爆炸"}) == ["爆炸"]
    assert matches("火灾+珠海|爆炸", {"火灾"}) is None
    assert matches("火灾+(珠海|爆炸)", {"爆炸"}) is None


def test_full_width_operators_are_accepted():
    assert matches("（珠海｜高新区）＋火灾！演练", {"珠海", "火灾"}) == ["火灾", "珠海"]


@pytest.mark.parametrize(("expression", "position", "message"), [
    ("", 0, "表达式为空"),
    ("A+(B|C", 2, "缺少右括号"),
    ("A++B", 2, "此处应为关键词"),
    (")", 0, "此处应为关键词"),
    ("A+", 2, "表达式不完整"),
    ("A)B", 1, "多余的"),
])
def test_syntax_errors_name_the_position(expression, position, message):
    with pytest.raises(SchemeSyntaxError) as caught:
        parse_expression(expression)
    assert caught.value.position == position
    assert message in str(caught.value)
    assert f"第 {position + 1} 个字符" in str(caught.value)


def test_groups_or_inside_and_across_with_exclusions():
    scheme = scheme_from_dict({"name": "辖区火灾", "topic": "fire", "地域": ["高新区", "唐家湾"],
                               "事件": ["火灾", "起火"], "排除": ["演练"]})
    assert scheme.match({"唐家湾", "起火"}) == ["唐家湾", "起火"]
    assert scheme.match({"唐家湾"}) is None
    assert scheme.match({"唐家湾", "起火", "演练"}) is None
    assert scheme.terms() == {"高新区", "唐家湾", "火灾", "起火", "演练"}


def test_groups_and_expression_combine():
    scheme = scheme_from_dict({"name": "x", "主体": ["应急管理局"], "expression": "投诉|网传"})
    assert scheme.match({"应急管理局", "网传"}) == ["应急管理局", "网传"]
    assert scheme.match({"网传"}) is None


def test_a_scheme_needs_something_to_match():
    with pytest.raises(ValueError):
        Scheme("empty", excludes=["演练"])
