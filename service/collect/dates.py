"""Dates as Chinese sites write them; a time without a zone is Beijing time (Asia/Shanghai)."""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 30}
_ABSOLUTE = re.compile(
    r"(?P<y>\d{4})\s*[年/.\-]\s*(?P<m>\d{1,2})\s*[月/.\-]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"(?:\s*[T ]?\s*(?:(?P<ampm>上午|下午|晚上|凌晨|中午)\s*)?"
    r"(?P<H>\d{1,2})\s*[:：时点]\s*(?P<M>\d{1,2})?\s*分?(?:\s*[:：]\s*(?P<S>\d{1,2})(?:\.\d+)?\s*秒?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|UTC|GMT|CST|北京时间)?"
)
_MONTH_DAY = re.compile(
    r"^(?P<m>\d{1,2})\s*[月/\-]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"(?:\s+(?P<H>\d{1,2})[:：](?P<M>\d{2}))?$"
)
_RELATIVE = re.compile(
    r"^(?P<n>\d+|[零〇一二两三四五六七八九十半]+)\s*(?P<unit>秒|分钟|分|小时|个小时|天|日|周|星期|个月)前$"
)
_DAY_WORDS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
_DAY_WORD_TIME = re.compile(
    r"^(?P<w>今天|今日|昨天|昨日|前天)\s*(?:(?P<H>\d{1,2})[:：](?P<M>\d{2}))?$")
_UNIT_SECONDS = {"秒": 1, "分钟": 60, "分": 60, "小时": 3600, "个小时": 3600, "天": 86400,
                 "日": 86400, "周": 604800, "星期": 604800, "个月": 2592000}


def parse_date(text: str | None, *, now: datetime) -> datetime | None:
    """A timezone-aware UTC datetime from any date text found in feeds and pages, else None."""
    if not text:
        return None
    text = " ".join(text.replace("\u3000", " ").split())
    if not text:
        return None
    for parser in (_rfc822, _relative, _day_word, _absolute, _month_day):
        if (value := parser(text, now)) is not None:
            return value.astimezone(UTC)
    return None


def localize(moment: datetime) -> datetime:
    """A naive time read as Beijing time; an aware one unchanged."""
    return moment.replace(tzinfo=SHANGHAI) if moment.tzinfo is None else moment


def _rfc822(text: str, now: datetime) -> datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}", text):
        return None
    # Chinese sites mean China Standard Time by "CST", not US Central
    text = re.sub(r"\bCST$", "+0800", text)
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # "-0000" and a missing zone both come back naive: RFC 5322 calls them "zone unknown"
    return localize(value)


def _absolute(text: str, now: datetime) -> datetime | None:
    match = _ABSOLUTE.search(text)
    if not match:
        return None
    parts = match.groupdict()
    hour = int(parts["H"] or 0)
    if parts["ampm"] in ("下午", "晚上") and hour < 12:
        hour += 12
    elif parts["ampm"] == "凌晨" and hour == 12:
        hour = 0
    try:
        naive = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]), hour,
                         int(parts["M"] or 0), int(parts["S"] or 0))
    except ValueError:
        return None
    tz = parts["tz"]
    if tz in (None, "CST", "北京时间"):
        return naive.replace(tzinfo=SHANGHAI)
    if tz in ("Z", "UTC", "GMT"):
        return naive.replace(tzinfo=UTC)
    sign = 1 if tz[0] == "+" else -1
    digits = tz[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return naive.replace(tzinfo=UTC) - sign * offset


def _month_day(text: str, now: datetime) -> datetime | None:
    match = _MONTH_DAY.match(text)
    if not match:
        return None
    local_now = now.astimezone(SHANGHAI)
    try:
        value = datetime(local_now.year, int(match["m"]), int(match["d"]),
                         int(match["H"] or 0), int(match["M"] or 0), tzinfo=SHANGHAI)
    except ValueError:
        return None
    if value > local_now + timedelta(days=1):  # "12-31" read in January is last year
        value = value.replace(year=value.year - 1)
    return value


def _relative(text: str, now: datetime) -> datetime | None:
    if text in ("刚刚", "刚才"):
        return now
    match = _RELATIVE.match(text)
    if not match:
        return None
    amount = _cn_number(match["n"])
    if amount is None:
        return None
    return now - timedelta(seconds=amount * _UNIT_SECONDS[match["unit"]])


def _day_word(text: str, now: datetime) -> datetime | None:
    match = _DAY_WORD_TIME.match(text)
    if not match:
        return None
    local = now.astimezone(SHANGHAI) - timedelta(days=_DAY_WORDS[match["w"]])
    if match["H"] is None:
        return local.replace(hour=0, minute=0, second=0, microsecond=0)
    return local.replace(hour=int(match["H"]), minute=int(match["M"]), second=0, microsecond=0)


def _cn_number(token: str) -> float | None:
    if token.isdigit():
        return int(token)
    if token == "半":
        return 0.5
    if len(token) == 1:
        return _CN_DIGITS.get(token)
    if "十" in token:
        tens, _, ones = token.partition("十")
        high = _CN_DIGITS.get(tens, 1) if tens else 1
        return high * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return None
