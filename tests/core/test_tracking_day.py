"""A desk's local days on their own (tracking_day.py): the calendar, the totals, the limit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
import json
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st

from custom_components.desk_coach.tracking_day import HISTORY_DAYS, Day, Days
from custom_components.desk_coach.tracking_types import BreakEvent, DaySummary, Grade

BERLIN = ZoneInfo("Europe/Berlin")
ZONES = [BERLIN, ZoneInfo("America/New_York"), ZoneInfo("Australia/Lord_Howe"), UTC]
START = datetime(2026, 3, 10, 9, 0, tzinfo=BERLIN).astimezone(UTC)  # an ordinary Tuesday
M = timedelta(minutes=1)
OUTCOMES = [BreakEvent.TAKEN, BreakEvent.NATURAL, BreakEvent.SKIPPED, BreakEvent.MISSED]

instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES), instant=instants)
def test_the_next_midnight_begins_the_next_local_day(zone: ZoneInfo, instant: datetime) -> None:
    """Law: strictly later, a local midnight, and the local day after the instant's."""
    days = Days.starting(zone, instant)
    midnight = days.next_midnight(instant)
    local = midnight.astimezone(zone)
    assert midnight > instant
    assert (local.hour, local.minute, local.second) == (0, 0, 0)
    assert days.local_day(midnight) == days.local_day(instant) + timedelta(days=1)
    assert days.next_midnight(midnight - timedelta(microseconds=1)) == midnight  # the same day


def test_midnight_where_the_clocks_change() -> None:
    """The day the clocks go forward is 23 hours long; the day they go back, 25."""
    days = Days.starting(BERLIN, START)
    spring = datetime(2026, 3, 29, 12, tzinfo=BERLIN).astimezone(UTC)
    autumn = datetime(2026, 10, 25, 12, tzinfo=BERLIN).astimezone(UTC)
    for noon, hours in ((spring, 23), (autumn, 25)):
        midnight = days.next_midnight(noon)
        day_start = midnight - timedelta(hours=hours)
        assert day_start.astimezone(BERLIN) == datetime(
            noon.year, noon.month, noon.day, tzinfo=BERLIN
        )
        assert days.next_midnight(day_start) == midnight


@settings(max_examples=300, deadline=None)
@given(
    outcomes=st.lists(
        st.tuples(st.sampled_from(OUTCOMES), st.booleans(), st.sampled_from(list(Grade))),
        max_size=30,
    ),
    count_unproven=st.booleans(),
)
def test_outcomes_add_up(
    outcomes: list[tuple[BreakEvent, bool, Grade]], count_unproven: bool
) -> None:
    """Law: each outcome counts once, each taken or natural one under its grade; compliance
    counts the announced ones not natural, as taken where the grade is proven (or any grade
    when the desk counts unproven breaks)."""
    days = Days.starting(BERLIN, START)
    graded = {BreakEvent.TAKEN, BreakEvent.NATURAL}
    for outcome, announced, grade in outcomes:
        kept = grade if outcome in graded else None
        days.count(outcome, announced, kept, count_unproven=count_unproven)
    today = days.today.totals
    for grade in Grade:
        assert today.graded(grade) == sum(1 for o, _, g in outcomes if g is grade and o in graded)
    assert today.proven == sum(1 for o, _, g in outcomes if g.proven and o in graded)
    proven_taken = [
        o
        for o, announced, g in outcomes
        if announced and o is BreakEvent.TAKEN and (g.proven or count_unproven)
    ]
    assert today.compliance_taken == len(proven_taken)
    outcomes_only = [(o, announced) for o, announced, _ in outcomes]
    counted = {
        BreakEvent.TAKEN: today.breaks_taken,
        BreakEvent.NATURAL: today.natural_breaks,
        BreakEvent.SKIPPED: today.breaks_skipped,
        BreakEvent.MISSED: today.breaks_missed,
    }
    for outcome, count in counted.items():
        assert count == sum(1 for o, _ in outcomes_only if o is outcome)
    due = [o for o, announced in outcomes_only if announced and o is not BreakEvent.NATURAL]
    assert today.compliance_due == len(due)


@settings(max_examples=300, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.integers(0, 30), st.booleans(), st.one_of(st.none(), st.integers(0, 90))),
        max_size=40,
    ),
)
def test_sitting_and_standing_add_up(steps: list[tuple[int, bool, int | None]]) -> None:
    """Law: today's totals are the sums added; the longest stretch is the longest given."""
    days = Days.starting(BERLIN, START)
    for minutes, sitting, stretch in steps:
        if sitting:
            days.add_sitting(minutes * M, None if stretch is None else stretch * M)
        else:
            days.add_standing(minutes * M)
    today = days.today.totals
    assert today.sitting == sum((m * M for m, sitting, _ in steps if sitting), timedelta(0))
    assert today.standing == sum((m * M for m, sitting, _ in steps if not sitting), timedelta(0))
    longest = [s for _, sitting, s in steps if sitting and s is not None]
    assert today.longest_stretch == max(longest, default=0) * M


def test_the_limit_is_reached_once_a_day_and_said_once_to_someone_who_hears() -> None:
    days = Days.starting(BERLIN, START)
    limit = 30 * M
    days.add_sitting(29 * M, None)
    assert not days.over(limit)
    assert not days.reach(limit)
    assert not days.over(None)
    days.add_sitting(M, None)
    assert days.over(limit)
    assert days.reach(limit)
    assert not days.reach(limit)  # reported once
    assert not days.say_limit(limit, heard=False)  # nobody to hear it: still pending
    assert not days.say_limit(45 * M, heard=True)  # raised above the day's sitting
    assert days.say_limit(limit, heard=True)
    assert not days.say_limit(limit, heard=True)  # said once
    assert days.today.totals.limit_reached
    midnight = days.next_midnight(START)
    assert days.roll_over(midnight, vacation=False)
    assert days.history[date(2026, 3, 10)].limit_reached
    days.add_sitting(limit, None)
    assert days.reach(limit)  # a new day reaches it again
    assert days.say_limit(limit, heard=True)


@settings(max_examples=100, deadline=None)
@given(
    hops=st.lists(st.integers(0, 3), min_size=1, max_size=HISTORY_DAYS + 20),
    vacation=st.booleans(),
)
def test_closing_days_keeps_the_newest_in_the_history(hops: list[int], vacation: bool) -> None:
    """Law: a later local day closes today as it was; the newest HISTORY_DAYS are kept."""
    days = Days.starting(BERLIN, START)
    now = START
    closed: dict[date, DaySummary] = {}
    for hop in hops:
        now += timedelta(days=hop)
        before = days.today
        days.add_sitting(M, M)
        summary = before.totals
        rolled = days.roll_over(now, vacation)
        assert rolled == (hop > 0)
        if rolled:
            closed[before.day] = summary
            assert days.today == Day(day=days.local_day(now), totals=DaySummary(vacation=vacation))
        assert not days.roll_over(now, not vacation)  # the same day: nothing closes
    kept = sorted(closed)[-HISTORY_DAYS:]
    assert sorted(days.history) == kept
    assert all(days.history[day] == closed[day] for day in kept)


def test_the_streak_reads_the_history_and_today() -> None:
    days = Days.starting(BERLIN, START)
    days.history = {
        date(2026, 3, 8): DaySummary(compliance_taken=1, compliance_due=2),
        date(2026, 3, 9): DaySummary(compliance_taken=2, compliance_due=2),
    }
    assert days.streak(80) == 1
    days.count(BreakEvent.TAKEN, announced=True, grade=Grade.SELF_REPORTED)
    assert days.streak(80) == 1  # a break nothing proves is no proof
    days.count(BreakEvent.TAKEN, announced=True, grade=Grade.MOVED)
    assert days.streak(80) == 1  # 1 of 2
    days.count(BreakEvent.TAKEN, announced=True, grade=Grade.WALKED)
    days.count(BreakEvent.TAKEN, announced=True, grade=Grade.STOOD)
    days.count(BreakEvent.TAKEN, announced=True, grade=Grade.MOVED)
    assert days.streak(80) == 2  # 4 of 5
    assert days.streak(40) == 3


@settings(max_examples=200, deadline=None)
@given(
    outcomes=st.lists(st.tuples(st.sampled_from(OUTCOMES), st.booleans()), max_size=10),
    hops=st.lists(st.integers(1, 3), max_size=5),
    minutes=st.integers(0, 600),
)
def test_stored_as_json_and_back(
    outcomes: list[tuple[BreakEvent, bool]], hops: list[int], minutes: int
) -> None:
    """Law: what ``as_dict`` writes, through JSON, continues as the same days."""
    days = Days.starting(BERLIN, START)
    now = START
    for hop in hops:
        for outcome, announced in outcomes:
            days.count(outcome, announced)
        days.add_sitting(minutes * M, minutes * M)
        now += timedelta(days=hop)
        days.roll_over(now, vacation=hop > 2)
    data = json.loads(json.dumps(days.as_dict()))
    assert list(data) == ["today", "history"]
    back = Days.from_dict(data, BERLIN)
    assert back.today == days.today
    assert back.history == days.history
    assert back.as_dict() == days.as_dict()
