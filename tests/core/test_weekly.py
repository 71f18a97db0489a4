"""The weekly summary's figures and its timing, as plain functions (with hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st

from custom_components.desk_coach.model import DaySummary
from custom_components.desk_coach.weekly import next_send, weekly_summary

FRIDAY = date(2026, 3, 13)
BERLIN = ZoneInfo("Europe/Berlin")


def day(minutes: int, **counts: int) -> DaySummary:
    """A day of ``minutes`` sitting with the given break counts."""
    return DaySummary(
        sitting=timedelta(minutes=minutes),
        longest_stretch=timedelta(minutes=min(minutes, 50)),
        **counts,
    )


def test_a_week_and_the_week_before() -> None:
    """Seven days ending today, the seven before; days without data count as nothing."""
    days = {
        FRIDAY - timedelta(days=n): day(
            300 + n, compliance_taken=4, compliance_due=5, breaks_taken=4
        )
        for n in range(5)  # Mon..Fri this week
    }
    days[FRIDAY - timedelta(days=7)] = day(480, compliance_taken=1, compliance_due=4)
    summary = weekly_summary(
        days, [FRIDAY, FRIDAY - timedelta(days=2), FRIDAY - timedelta(days=9)], FRIDAY
    )
    week, before = summary.week, summary.before
    assert (week.first, week.last) == (date(2026, 3, 7), FRIDAY)
    assert week.sitting == timedelta(minutes=300 + 301 + 302 + 303 + 304)
    assert week.days_at_desk == 5
    assert week.sitting_per_day == timedelta(minutes=302)
    assert week.compliance == 0.8
    assert week.taken == 20
    assert week.strength_sessions == 2
    assert week.longest_stretch == timedelta(minutes=50)
    assert before.sitting == timedelta(minutes=480)
    assert before.compliance == 0.25
    assert before.strength_sessions == 1
    assert summary.days[0][0] == date(2026, 3, 7)
    assert summary.days[-1] == (FRIDAY, timedelta(minutes=300))


def test_an_empty_week() -> None:
    """No data: zeros, no compliance, no average."""
    summary = weekly_summary({}, [], FRIDAY)
    assert summary.week.sitting == timedelta(0)
    assert summary.week.compliance is None
    assert summary.week.sitting_per_day == timedelta(0)


@given(
    minutes=st.lists(st.integers(0, 900), min_size=21, max_size=21),
    last=st.dates(date(2026, 1, 1), date(2027, 1, 1)),
)
def test_the_weeks_add_up_to_their_days(minutes: list[int], last: date) -> None:
    """Each week is exactly its seven days, and days outside both weeks change nothing."""
    days = {last - timedelta(days=n): day(m) for n, m in enumerate(minutes)}
    summary = weekly_summary(days, [], last)
    assert summary.week.sitting == timedelta(minutes=sum(minutes[:7]))
    assert summary.before.sitting == timedelta(minutes=sum(minutes[7:14]))
    assert sum((s for _, s in summary.days), timedelta(0)) == summary.week.sitting


@given(
    after=st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)),
    weekday=st.integers(0, 6),
    at=st.times(),
)
def test_next_send_is_the_next_chosen_weekday_and_time(
    after: datetime, weekday: int, at: time
) -> None:
    """Later than ``after``, on the weekday, at the local time, within a week (+DST)."""
    sent = next_send(after, weekday, at, BERLIN)
    local = sent.astimezone(BERLIN)
    assert sent > after
    assert local.weekday() == weekday
    assert sent - after <= timedelta(days=7, hours=1)
    assert sent == datetime.combine(local.date(), at, tzinfo=BERLIN)  # the wall time asked


def test_next_send_on_the_day_itself() -> None:
    """Before the time on the chosen day: that day; after it: a week later."""
    morning = datetime(2026, 3, 13, 8, 0, tzinfo=BERLIN)
    evening = datetime(2026, 3, 13, 18, 0, tzinfo=BERLIN)
    assert next_send(morning, 4, time(17), BERLIN) == datetime(2026, 3, 13, 17, tzinfo=BERLIN)
    assert next_send(evening, 4, time(17), BERLIN) == datetime(2026, 3, 20, 17, tzinfo=BERLIN)
