"""Time vocabulary: parts of the day, news-style time phrases, soft dates for ordinary news."""

from random import Random

WEEKDAYS = "一二三四五六日"


def day_part(rng: Random) -> str:
    """A part of the day: 凌晨, 上午, 傍晚 ..."""
    return rng.choice(("凌晨", "清晨", "上午", "中午", "下午", "傍晚", "晚", "夜间", "深夜"))


def when(rng: Random) -> str:
    """A news-style time phrase: 凌晨3时许, 26日下午, 昨日, 8月12日22时40分许 ..."""
    d = rng.randint(1, 28)
    m = rng.randint(1, 12)
    h24 = rng.randint(0, 23)
    minute = rng.choice((5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 12, 18, 27, 43))
    forms = (
        f"凌晨{rng.randint(1, 5)}时许",
        f"{d}日{rng.choice(('凌晨', '上午', '中午', '下午', '傍晚', '晚', '夜间'))}",
        f"{d}日{h24}时许",
        f"{d}日{h24}时{minute}分许",
        f"{d}日{h24}时{minute}分左右",
        f"{m}月{d}日{h24}时{minute}分许",
        f"{m}月{d}日{rng.choice(('凌晨', '上午', '下午', '晚'))}",
        f"{m}月{d}日",
        "昨日", "昨天下午", "昨晚", "今日凌晨", "今天上午", "今天中午", "当天傍晚", "前天夜里",
        f"清晨{rng.randint(5, 7)}点左右",
        f"周{rng.choice(WEEKDAYS)}{rng.choice(('中午', '下午', '晚上', '凌晨'))}",
        f"{d}日晚{rng.randint(7, 11)}时许",
        f"下午{rng.randint(1, 5)}点多",
        f"{d}日{rng.choice(('早', '晚'))}间",
        f"本月{d}日",
    )
    return rng.choice(forms)


def when_soft(rng: Random) -> str:
    """A time phrase for ordinary news: 近日, 日前, 12日, 上周末, 3月8日上午 ..."""
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return rng.choice((
        "近日", "日前", f"{d}日", f"{m}月{d}日", f"{d}日上午", f"{d}日下午", f"{d}日晚",
        "昨日", "今天上午", "今天下午", "上周末", "本周一", f"{m}月{d}日晚",
        "昨天", "当天", f"本月{d}日",
    ))
