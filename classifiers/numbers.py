"""Numbers as Chinese news writes them: 12, 1.2, 十二, 一百零五, 两, 3万, 1.2亿."""

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
           "捌": 8, "九": 9, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}

CN_NUMERAL = "[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]"
# a number: Arabic (with thousands separators or decimals) or Chinese numerals, optional 万/亿
NUMBER = rf"(?:\d[\d,，]*(?:\.\d+)?\s*[万亿]?|{CN_NUMERAL}+)"
_ARABIC = re.compile(r"^(\d[\d,，]*(?:\.\d+)?)\s*([万亿]?)$")


def parse_number(text: str) -> float | None:
    """The value of a written number, or None when it is not one."""
    text = text.strip()
    if not text:
        return None
    if match := _ARABIC.match(text):
        value = float(match.group(1).replace(",", "").replace("，", ""))
        return value * _BIG.get(match.group(2), 1)
    return _chinese(text)


def _chinese(text: str) -> float | None:
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char in _BIG:
            section += digit or 0
            total = (total + section) * _BIG[char]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def parse_count(text: str) -> int | None:
    """A whole count of people (数十 and the like give None)."""
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None
