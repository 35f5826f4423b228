"""Heightened periods (四(二)(三) of the plan): statutory holidays, traditional festivals, and the
bureau's own dates, evaluated on the local date of the configured time zone.

Also the schema of the `heightened` section of routing.yaml, which this module alone reads.
"""

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar
from lunardate import LunarDate
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

log = logging.getLogger(__name__)
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")

HOLIDAY_NAMES = {
    chinese_calendar.Holiday.new_years_day.value: "元旦",
    chinese_calendar.Holiday.spring_festival.value: "春节",
    chinese_calendar.Holiday.tomb_sweeping_day.value: "清明节",
    chinese_calendar.Holiday.labour_day.value: "劳动节",
    chinese_calendar.Holiday.dragon_boat_festival.value: "端午节",
    chinese_calendar.Holiday.mid_autumn_festival.value: "中秋节",
    chinese_calendar.Holiday.national_day.value: "国庆节",
    chinese_calendar.Holiday.anti_fascist_70th_day.value: "抗战胜利70周年纪念日",
}
# lunar (month, day) of the traditional festivals that are not statutory holidays
TRADITIONAL_FESTIVALS = {(1, 15): "元宵节", (7, 15): "中元节", (9, 9): "重阳节"}


class DaySpan(BaseModel):
    """``YYYY-MM-DD`` (one-off, inclusive) or ``MM-DD`` (every year, may wrap the new year)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    start: str | None = Field(None, alias="from")
    end: str | None = Field(None, alias="to")
    day: str | None = Field(None, alias="date")
    topics: list[str] = []  # topic labels, checked with the rest of routing.yaml
    raise_by: int | None = Field(None, alias="raise", ge=0, le=3)

    @field_validator("start", "end", "day", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        if isinstance(value, date):  # YAML reads an unquoted 2026-10-01 as a date
            return value.isoformat()[:10]
        if isinstance(value, str):
            if _MONTH_DAY.match(value):
                date(2000, int(value[:2]), int(value[3:]))  # a leap year, so 02-29 passes
            else:
                date.fromisoformat(value)
            return value
        raise ValueError(f"{value!r} is not a day (YYYY-MM-DD or MM-DD)")

    @model_validator(mode="after")
    def _span(self) -> "DaySpan":
        if self.day is not None:
            if self.start is not None or self.end is not None:
                raise ValueError("give either `date` or `from` and `to`")
            self.start = self.end = self.day
        if self.start is None or self.end is None:
            raise ValueError("a period needs `from` and `to` (or `date`)")
        if len(self.start) != len(self.end):
            raise ValueError("`from` and `to` must both be YYYY-MM-DD or both MM-DD")
        if len(self.start) == 10 and self.start > self.end:
            raise ValueError("`from` is after `to`")
        return self

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in this period."""
        assert self.start is not None and self.end is not None
        if len(self.start) == 10:
            return self.start <= day.isoformat() <= self.end
        month_day = day.isoformat()[5:]
        if self.start <= self.end:
            return self.start <= month_day <= self.end
        return month_day >= self.start or month_day <= self.end


class Heightened(BaseModel):
    """The `heightened` section of routing.yaml."""

    model_config = ConfigDict(extra="forbid")

    statutory_holidays: bool = True
    days_before: int = Field(1, ge=0, le=7)
    raise_by: int = Field(1, alias="raise", ge=0, le=3)
    deadline_factor: float = Field(0.5, gt=0, le=1)
    traditional_festivals: bool = True
    periods: list[DaySpan] = []



@dataclass(frozen=True)
class ActivePeriod:
    """A heightened period in force; ``kind`` is statutory, eve, traditional or custom."""

    name: str
    raise_by: int
    kind: str = "custom"


@dataclass(frozen=True)
class _DayEntry:
    period: ActivePeriod
    topics: frozenset[str] = frozenset()


def missing_years_warning(year: int) -> str:
    """The message shown when chinese-calendar has no data for ``year``."""
    return (f"chinese-calendar 无 {year} 年法定节假日数据; 请升级 chinese-calendar "
            "或在 heightened.periods 中补充 (only the fixed legal holiday days are assumed)")


class HeightenedCalendar:
    """Which heightened periods are in force at a moment; results are cached per local date.

    For a year chinese-calendar has no data for, a warning is logged once (unless
    ``log_missing`` is false) and the year is added to ``missing_years``.
    """

    def __init__(self, config: Heightened, tz: ZoneInfo | str = "Asia/Shanghai", *,
                 log_missing: bool = True):
        self.config = config
        self.log_missing = log_missing
        self.tz = ZoneInfo(tz) if isinstance(tz, str) else tz
        self.missing_years: set[int] = set()
        self._days: dict[date, tuple[_DayEntry, ...]] = {}
        self._holidays: dict[date, str | None] = {}

    def periods_at(self, at: datetime, topic: str | None = None,
                   topics: Iterable[str] = ()) -> list[ActivePeriod]:
        """Periods in force at ``at`` (aware) for an alert about ``topic`` or any of ``topics``."""
        if at.tzinfo is None:
            raise ValueError("periods_at needs an aware datetime")
        return self.periods_on(at.astimezone(self.tz).date(), topic, topics)

    def periods_on(self, day: date, topic: str | None = None,
                   topics: Iterable[str] = ()) -> list[ActivePeriod]:
        """Periods in force on the local date ``day``."""
        wanted = {topic, *topics} - {None}
        return [entry.period for entry in self._entries(day)
                if not entry.topics or entry.topics & wanted]

    def upcoming(self, start: date, days: int) -> list[tuple[date, ActivePeriod]]:
        """Periods that begin within ``days`` after ``start`` (for forward-looking briefings)."""
        found = []
        for offset in range(1, days + 1):
            day = start + timedelta(days=offset)
            before = {entry.period.name for entry in self._entries(day - timedelta(days=1))}
            found += [(day, entry.period) for entry in self._entries(day)
                      if entry.period.kind != "eve" and entry.period.name not in before]
        return found

    def _entries(self, day: date) -> tuple[_DayEntry, ...]:
        if day not in self._days:
            self._days[day] = tuple(self._compute(day))
        return self._days[day]

    def _compute(self, day: date) -> list[_DayEntry]:
        cfg = self.config
        entries: list[_DayEntry] = []
        if cfg.statutory_holidays:
            name = self._holiday(day)
            if name:
                entries.append(_DayEntry(ActivePeriod(name, cfg.raise_by, "statutory")))
            for ahead in range(1, cfg.days_before + 1):
                coming = self._holiday(day + timedelta(days=ahead))
                if coming and coming != name:
                    eve = coming + "前" if coming.endswith("节") else coming + "节前"
                    entries.append(_DayEntry(ActivePeriod(eve, cfg.raise_by, "eve")))
                    break
        if cfg.traditional_festivals:
            entries += [_DayEntry(ActivePeriod(name, cfg.raise_by, "traditional"))
                        for name in traditional_festivals(day)]
        for period in cfg.periods:
            if period.contains(day):
                raise_by = cfg.raise_by if period.raise_by is None else period.raise_by
                entries.append(_DayEntry(ActivePeriod(period.name, raise_by, "custom"),
                                         frozenset(period.topics)))
        return entries

    def _holiday(self, day: date) -> str | None:
        """The Chinese name of the statutory holiday on ``day`` (a 调休 working day has none)."""
        if day not in self._holidays:
            self._holidays[day] = self._lookup_holiday(day)
        return self._holidays[day]

    def _lookup_holiday(self, day: date) -> str | None:
        try:
            is_holiday, name = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:
            if day.year not in self.missing_years:
                self.missing_years.add(day.year)
                if self.log_missing:
                    log.warning(missing_years_warning(day.year))
            return legal_holiday(day)
        # (True, None) is a plain weekend; (False, name) a working day swapped for a holiday
        if not is_holiday or name is None:
            return None
        return HOLIDAY_NAMES.get(name, name)


def traditional_festivals(day: date) -> list[str]:
    """Names of the traditional festivals on ``day``: 除夕, 元宵节, 中元节, 重阳节."""
    names = []
    if day + timedelta(days=1) == _solar(day.year, 1, 1):
        names.append("除夕")
    for (month, lunar_day), name in TRADITIONAL_FESTIVALS.items():
        if day == _solar(day.year, month, lunar_day):
            names.append(name)
    return names


def legal_holiday(day: date) -> str | None:
    """The holiday on ``day`` by the fixed days of 《全国年节及纪念日放假办法》 (2024 revision).

    Used only for years chinese-calendar does not know: the State Council's yearly arrangement
    (bridging days, 调休) is unknown then, so only the days fixed by the regulation count.
    """
    fixed = {(1, 1): "元旦", (5, 1): "劳动节", (5, 2): "劳动节",
             (10, 1): "国庆节", (10, 2): "国庆节", (10, 3): "国庆节"}
    if (day.month, day.day) in fixed:
        return fixed[(day.month, day.day)]
    new_year = _solar(day.year, 1, 1)
    if new_year - timedelta(days=1) <= day <= new_year + timedelta(days=2):
        return "春节"
    if day == _solar(day.year, 5, 5):
        return "端午节"
    if day == _solar(day.year, 8, 15):
        return "中秋节"
    if day == qingming(day.year):
        return "清明节"
    return None


def qingming(year: int) -> date:
    """The date of the Qingming solar term (the common formula, good for 2000–2099)."""
    y = year % 100
    return date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


def _solar(year: int, month: int, day: int) -> date:
    return LunarDate(year, month, day).to_solar_date()
