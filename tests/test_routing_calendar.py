"""Heightened periods: statutory holidays and swaps, eves, lunar festivals, the bureau's dates."""

import logging
from datetime import UTC, date, datetime

import pytest

from service.routing.calendar import Heightened, HeightenedCalendar, legal_holiday, qingming


def calendar(**config) -> HeightenedCalendar:
    return HeightenedCalendar(Heightened.model_validate(config), "Asia/Shanghai")


def names(cal: HeightenedCalendar, day: str, topic: str | None = None) -> list[str]:
    return [p.name for p in cal.periods_on(date.fromisoformat(day), topic)]


@pytest.mark.parametrize(("day", "expected"), [
    ("2026-10-01", ["国庆节"]),
    ("2026-10-07", ["国庆节"]),          # a swapped rest day is a holiday too
    ("2026-09-30", ["国庆节前"]),        # the eve of the holiday block
    ("2026-09-24", ["中秋节前"]),
    ("2026-09-27", ["中秋节"]),          # a Sunday inside the Mid-autumn block
    ("2026-09-20", []),                  # a Sunday made a working day (调休): not heightened
    ("2026-10-10", []),                  # another 调休 working day
    ("2026-11-14", []),                  # an ordinary Saturday
    ("2026-03-10", []),                  # an ordinary Tuesday
    ("2026-12-31", ["元旦节前"]),
    ("2026-02-16", ["春节", "除夕"]),
    ("2026-03-03", ["元宵节"]),
    ("2026-08-27", ["中元节"]),
    ("2026-10-18", ["重阳节"]),
])
def test_statutory_holidays_eves_and_festivals(day, expected):
    assert names(calendar(), day) == expected


def test_periods_at_uses_the_local_date():
    cal = calendar()
    # 2026-09-30 16:30 UTC is already 10-01 00:30 in Beijing
    assert [p.name for p in cal.periods_at(datetime(2026, 9, 30, 16, 30, tzinfo=UTC))] == ["国庆节"]
    assert [p.name for p in cal.periods_at(datetime(2026, 9, 30, 15, 30, tzinfo=UTC))] == [
        "国庆节前"]
    with pytest.raises(ValueError):
        cal.periods_at(datetime(2026, 10, 1, 8, 0))


def test_raise_and_switches():
    assert [(p.raise_by, p.kind) for p in calendar().periods_on(date(2026, 10, 1))] == [
        (1, "statutory")]
    cal = calendar(**{"raise": 2, "days_before": 0, "traditional_festivals": False})
    assert [p.raise_by for p in cal.periods_on(date(2026, 10, 1))] == [2]
    assert names(cal, "2026-09-30") == []
    assert names(cal, "2026-03-03") == []
    assert names(calendar(statutory_holidays=False), "2026-10-01") == []
    assert names(calendar(days_before=3), "2026-09-28") == ["国庆节前"]


def test_missing_year_falls_back_and_warns_once(caplog):
    cal = calendar()
    with caplog.at_level(logging.WARNING, logger="service.routing.calendar"):
        assert names(cal, "2027-02-20") == ["元宵节"]       # lunardate knows every year
        assert names(cal, "2027-02-05") == ["春节", "除夕"]  # the fixed legal days still count
        assert names(cal, "2027-10-01") == ["国庆节"]
        assert names(cal, "2027-09-30") == ["国庆节前"]
        assert names(cal, "2027-03-10") == []
    assert cal.missing_years == {2027}
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "chinese-calendar 无 2027 年法定节假日数据" in warnings[0]


def test_year_end_eve_looks_into_the_unknown_year():
    cal = calendar()
    assert names(cal, "2026-12-31") == ["元旦节前"]
    assert cal.missing_years == {2027}


def test_legal_days_of_unknown_years():
    assert qingming(2027) == date(2027, 4, 5) and qingming(2028) == date(2028, 4, 4)
    assert legal_holiday(date(2027, 4, 5)) == "清明节"
    assert legal_holiday(date(2027, 6, 9)) == "端午节"
    assert legal_holiday(date(2027, 9, 15)) == "中秋节"
    assert legal_holiday(date(2027, 5, 2)) == "劳动节"
    assert legal_holiday(date(2027, 10, 4)) is None


def test_custom_periods_one_off_yearly_wrapping_and_topics():
    cal = calendar(periods=[
        {"name": "森林防火期", "from": "10-01", "to": "04-30", "topics": ["fire"], "raise": 0},
        {"name": "航展", "from": "2026-11-10", "to": "2026-11-16"},
        {"name": "防灾减灾日", "date": "05-12"},
        {"name": "周年", "from": "2026-07-01", "to": "2026-07-01", "raise": 2},
    ])
    assert names(cal, "2026-12-31", "fire") == ["元旦节前", "森林防火期"]
    assert names(cal, "2027-01-15", "fire") == ["森林防火期"]   # wraps the new year
    assert names(cal, "2027-04-30", "fire") == ["劳动节前", "森林防火期"]
    assert names(cal, "2027-05-01", "fire") == ["劳动节"]
    assert names(cal, "2026-12-15", "flood_drought") == []       # topics restrict a period
    assert names(cal, "2026-12-15") == []
    assert [p.name for p in cal.periods_on(date(2026, 12, 15), None, ["flood_drought", "fire"])
            ] == ["森林防火期"]
    assert names(cal, "2026-11-16") == ["航展"] and names(cal, "2026-11-17") == []
    assert names(cal, "2027-11-12") == []                        # one-off: not next year
    assert names(cal, "2027-05-12") == ["防灾减灾日"]
    assert [(p.name, p.raise_by) for p in cal.periods_on(date(2026, 7, 1))] == [("周年", 2)]
    assert [(p.name, p.raise_by) for p in cal.periods_on(date(2026, 12, 1), "fire")] == [
        ("森林防火期", 0)]


def test_upcoming_lists_period_starts_for_briefings():
    cal = calendar()
    assert [(d.isoformat(), p.name) for d, p in cal.upcoming(date(2026, 9, 28), 4)] == [
        ("2026-10-01", "国庆节")]
    assert cal.upcoming(date(2026, 10, 2), 3) == []
