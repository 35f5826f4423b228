"""Number vocabulary: Chinese numerals, counts, and numbers and money rounded as news does."""

from random import Random

_CN_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """Chinese numeral for 0-99 (12 → 十二, 30 → 三十)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def count_cn(n: int) -> str:
    """Chinese count numeral, with 两 for 2 (两人, 两名)."""
    return "两" if n == 2 else cn(n)


def num(rng: Random, n: int, cn_share: float = 0.35) -> str:
    """A count written in digits or, for small numbers, sometimes in Chinese."""
    return count_cn(n) if n <= 10 and rng.random() < cn_share else str(n)


def rounded(rng: Random, low: int, high: int) -> str:
    """A number between low and high rounded the way news rounds it (1234 → 1200)."""
    n = rng.randint(low, high)
    digits = len(str(n))
    n = n if digits <= 2 else round(n, 2 - digits)
    if n >= 10000:
        return f"{n / 10000:.1f}".removesuffix(".0") + "万"
    return str(n)


def amount_wan(rng: Random, low: int = 20, high: int = 3000) -> str:
    """A money amount in 万元, rounded as news rounds it."""
    n = rng.randint(low, high)
    n = n if n < 100 else round(n, -1) if n < 1000 else round(n, -2)
    return f"{n}万元"
