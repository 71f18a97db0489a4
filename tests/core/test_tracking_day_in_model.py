"""The day's picture in the model: standing time, the daily limit, compliance, the streak."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.model import (
    Announcement,
    BreakEvent,
    DaySummary,
    DeskTracker,
    MinuteCount,
    Settings,
    Topic,
    streak,
)
from tests.helpers import TRACKING
from tests.tracker_traces import (
    AWAY,
    BERLIN,
    SETTINGS,
    SITTING,
    STANDING,
    START,
    STARTS,
    UNKNOWN,
    Action,
    M,
    S,
    apply,
    run,
    traces,
)

H = timedelta(hours=1)
LIMIT = replace(TRACKING, daily_limit=2 * H)


def limit_calls(announcements: list[Announcement]) -> list[Announcement]:
    return [a for a in announcements if a.about is Topic.DAILY_LIMIT]


# ---- standing ------------------------------------------------------------------------


def test_standing_counts_only_while_standing_at_the_desk() -> None:
    trace = [(0 * M, SITTING), (10 * M, STANDING), (25 * M, AWAY), (30 * M, STANDING)]
    trace += [(40 * M, UNKNOWN), (50 * M, SITTING)]
    snapshot = run(trace, 60 * M).snapshot()
    assert snapshot.standing_today == 25 * M  # 10-25 and 30-40; away and unknown are not
    assert snapshot.sitting_today == 20 * M


def test_standing_is_kept_per_day_and_split_at_midnight() -> None:
    evening = datetime(2026, 3, 10, 23, 30, tzinfo=BERLIN)
    tracker = run([(0 * M, STANDING)], 60 * M, start=evening)
    assert tracker.history[evening.date()].standing == 30 * M
    assert tracker.snapshot().standing_today == 30 * M


def test_next_change_wakes_for_standing_minutes_only_while_standing_and_shown() -> None:
    tracker = run([(0 * S, STANDING)], 90 * S)
    shown = frozenset({MinuteCount.STANDING_TODAY})
    assert tracker.next_change(shown) == START + 120 * S
    assert tracker.next_change(frozenset({MinuteCount.TODAY})) > START + 2 * H  # midnight
    sitting = run([(0 * S, SITTING)], 90 * S)
    assert sitting.next_change(shown) == START + 30 * M  # only the break falling due


def test_standing_minutes_adding_up_is_no_news() -> None:
    tracker = run([(0 * M, STANDING)], 5 * M)
    before = tracker.snapshot()
    tracker.advance(START + 6 * M)
    assert tracker.snapshot() != before
    assert tracker.snapshot().same_but_time(before)


# ---- the daily limit -----------------------------------------------------------------


def test_reaching_the_limit_is_reported_and_said_once_at_the_exact_instant() -> None:
    tracker = run([(0 * M, SITTING)], 90 * M, config=LIMIT)
    tracker.drain()
    assert tracker.snapshot().over_daily_limit is False
    assert tracker.snapshot().sitting_left_today == 30 * M
    tracker.advance(START + 3 * H)  # one call, long after: the model stops at the limit
    events, announcements = tracker.drain()
    assert (START + 2 * H, BreakEvent.DAILY_LIMIT) in events
    assert limit_calls(announcements) == [
        Announcement(at=START + 2 * H, reminder=0, about=Topic.DAILY_LIMIT)
    ]
    snapshot = tracker.snapshot()
    assert snapshot.over_daily_limit is True
    assert snapshot.sitting_left_today == timedelta(0)  # never negative
    assert snapshot.today.limit_reached is True
    tracker.observe(START + 3 * H, AWAY)
    tracker.observe(START + 4 * H, SITTING)
    tracker.advance(START + 5 * H)
    events, announcements = tracker.drain()
    assert BreakEvent.DAILY_LIMIT not in [event for _, event in events]
    assert limit_calls(announcements) == []


def test_the_limit_is_new_every_day() -> None:
    evening = datetime(2026, 3, 10, 21, 0, tzinfo=BERLIN).astimezone(UTC)
    tracker = run([(0 * M, SITTING)], 5 * H, start=evening, config=LIMIT)
    events, announcements = tracker.drain()
    assert [at for at, event in events if event is BreakEvent.DAILY_LIMIT] == [
        evening + 2 * H,  # 23:00
        evening + 5 * H,  # 02:00 the next day: two hours after midnight
    ]
    assert len(limit_calls(announcements)) == 2
    assert tracker.history[date(2026, 3, 10)].limit_reached is True


def test_no_limit_no_report() -> None:
    tracker = run([(0 * M, SITTING)], 12 * H)
    events, announcements = tracker.drain()
    assert BreakEvent.DAILY_LIMIT not in [event for _, event in events]
    assert limit_calls(announcements) == []
    snapshot = tracker.snapshot()
    assert (snapshot.over_daily_limit, snapshot.sitting_left_today) == (False, None)


def test_reached_while_quiet_is_said_when_quiet_ends() -> None:
    tracker = run([(0 * M, SITTING)], 90 * M, config=LIMIT)
    tracker.set_quiet(START + 90 * M, True)
    tracker.advance(START + 150 * M)
    events, announcements = tracker.drain()
    assert (START + 2 * H, BreakEvent.DAILY_LIMIT) in events  # the event still fires
    assert limit_calls(announcements) == []
    tracker.set_quiet(START + 150 * M, False)
    assert limit_calls(tracker.drain()[1]) == [
        Announcement(at=START + 150 * M, reminder=0, about=Topic.DAILY_LIMIT)
    ]


def test_reached_while_quiet_and_gone_is_said_on_sitting_down_again() -> None:
    tracker = run([(0 * M, SITTING)], 90 * M, config=LIMIT)
    tracker.set_quiet(START + 90 * M, True)
    tracker.observe(START + 130 * M, AWAY)
    tracker.set_quiet(START + 140 * M, False)
    assert limit_calls(tracker.drain()[1]) == []  # nobody there to hear it
    tracker.observe(START + 160 * M, SITTING)
    tracker.advance(START + 161 * M)
    calls = limit_calls(tracker.drain()[1])
    assert [call.at for call in calls] == [START + 160 * M]  # back-dated with the debounce


def test_a_routine_holds_the_limit_announcement_too() -> None:
    tracker = run([(0 * M, SITTING)], 119 * M, config=LIMIT)
    tracker.set_routine(START + 119 * M, True)
    tracker.advance(START + 125 * M)
    assert limit_calls(tracker.drain()[1]) == []
    tracker.set_routine(START + 125 * M, False)
    assert len(limit_calls(tracker.drain()[1])) == 1


def test_a_raised_limit_is_not_announced_as_reached() -> None:
    tracker = run([(0 * M, SITTING)], 90 * M, config=LIMIT)
    tracker.set_quiet(START + 90 * M, True)
    tracker.advance(START + 130 * M)
    tracker.update_settings(replace(TRACKING, daily_limit=3 * H), START + 130 * M)
    assert tracker.snapshot().over_daily_limit is False
    tracker.set_quiet(START + 131 * M, False)
    assert limit_calls(tracker.drain()[1]) == []
    tracker.advance(START + 4 * H)  # the raised limit is reached: reported once a day...
    events, announcements = tracker.drain()
    assert tracker.snapshot().over_daily_limit is True
    assert BreakEvent.DAILY_LIMIT not in [event for _, event in events]
    # ...and said now, because nobody heard it the first time
    assert [call.at for call in limit_calls(announcements)] == [START + 3 * H]


def test_a_limit_lowered_below_today_is_reached_at_once() -> None:
    tracker = run([(0 * M, SITTING), (150 * M, AWAY)], 160 * M)
    tracker.drain()
    tracker.update_settings(LIMIT, START + 160 * M)
    events, announcements = tracker.drain()
    assert events == [(START + 160 * M, BreakEvent.DAILY_LIMIT)]
    assert limit_calls(announcements) == []  # away: said when sitting down again
    assert tracker.snapshot().over_daily_limit is True


# ---- compliance and the streak -------------------------------------------------------


def day(taken: int = 0, due: int = 0, *, vacation: bool = False) -> DaySummary:
    return DaySummary(compliance_taken=taken, compliance_due=due, vacation=vacation)


@pytest.mark.parametrize(
    ("taken", "due", "target", "expected"),
    [(4, 5, 80, True), (3, 4, 80, False), (0, 0, 80, None), (0, 3, 0, True), (3, 3, 100, True)],
)
def test_meets_compares_exactly(taken: int, due: int, target: float, expected: bool) -> None:
    assert day(taken, due).meets(target) is expected


MONDAY = date(2026, 3, 2)


def week(*days: DaySummary) -> dict[date, DaySummary]:
    return {MONDAY + timedelta(days=offset): summary for offset, summary in enumerate(days)}


def test_streak_passes_over_weekends_and_vacation_and_stops_at_a_bad_day() -> None:
    history = week(
        day(1, 4),  # Mon: 25 %, ends the streak further back
        day(4, 4),  # Tue
        day(5, 6),  # Wed: 83 %
        day(0, 3, vacation=True),  # Thu: a bad day, but on vacation
        day(4, 5),  # Fri: 80 %
        day(),  # Sat: no break due
        day(),  # Sun
    )
    today = MONDAY + timedelta(days=7)
    assert streak(history, today, day(), 80) == 3  # Fri, Wed, Tue
    assert streak(history, today, day(1, 1), 80) == 4  # today counts once it qualifies
    assert streak(history, today, day(0, 1), 80) == 3  # today in progress never breaks it
    assert streak(history, today, day(1, 1, vacation=True), 80) == 3
    assert streak(history, today, day(), 90) == 0  # Fri falls short and ends it
    assert streak({}, today, day(), 80) == 0


def test_streak_ignores_days_after_the_one_asked_about() -> None:
    history = week(day(1, 1), day(0, 1), day(1, 1))
    assert streak(history, MONDAY + timedelta(days=1), day(1, 1), 80) == 2


SUMMARIES = st.builds(
    lambda due, taken, vacation: day(min(taken, due), due, vacation=vacation),
    st.integers(0, 8),
    st.integers(0, 8),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(days=st.lists(SUMMARIES, max_size=30), today=SUMMARIES, target=st.integers(0, 100))
def test_law_vacation_and_idle_days_are_passed_over(
    days: list[DaySummary], today: DaySummary, target: int
) -> None:
    history = week(*days)
    until = MONDAY + timedelta(days=len(days))
    reference = streak(history, until, today, target)
    counted = [d for d in (*days, today) if not d.vacation and d.meets(target) is not None]
    assert 0 <= reference <= len(counted)
    # vacation and idle days inserted anywhere change nothing
    spread = {MONDAY + timedelta(days=2 * offset): d for offset, d in enumerate(days)}
    spread |= {
        MONDAY + timedelta(days=2 * offset + 1): day(0, 3, vacation=True) if offset % 2 else day()
        for offset in range(len(days))
    }
    assert streak(spread, MONDAY + timedelta(days=2 * len(days)), today, target) == reference
    # a day made a vacation day: a bad one no longer breaks, a good one no longer counts
    for at, summary in history.items():
        paused = streak({**history, at: replace(summary, vacation=True)}, until, today, target)
        met = None if summary.vacation else summary.meets(target)
        if met is None:
            assert paused == reference
        elif met:
            assert paused in (reference, reference - 1)
        else:
            assert paused >= reference


@settings(max_examples=300, deadline=None)
@given(days=st.lists(SUMMARIES, max_size=30), today=SUMMARIES, target=st.integers(0, 100))
def test_law_compliance_stays_within_bounds(
    days: list[DaySummary], today: DaySummary, target: int
) -> None:
    for summary in (*days, today):
        compliance = summary.compliance
        assert compliance is None or 0 <= compliance <= 1
        assert (compliance is None) == (summary.meets(target) is None)


def test_vacation_marks_the_day_and_the_days_it_lasts() -> None:
    tracker = run([(0 * M, SITTING)], 60 * M)
    tracker.set_vacation(START + 60 * M, True)
    assert tracker.snapshot().today.vacation is True
    assert tracker.snapshot().vacation is True
    tracker.advance(START + 26 * H)
    assert tracker.history[date(2026, 3, 10)].vacation is True
    assert tracker.snapshot().today.vacation is True  # still on at midnight
    tracker.set_vacation(START + 26 * H, False)
    assert tracker.snapshot().today.vacation is True  # on during the day: still a vacation day
    tracker.advance(START + 50 * H)
    assert tracker.snapshot().today.vacation is False
    assert tracker.vacation is False


def test_the_tracker_streak_reads_its_history_and_today() -> None:
    tracker = run([(0 * M, SITTING)], 29 * M)
    tracker.history = week(day(1, 1), day(1, 1))  # Mon 2 and Tue 3 March
    tracker.advance(START + 31 * M)
    tracker.take_break(START + 31 * M)  # 10 March: due, announced, taken: by hand
    assert tracker.snapshot().today.compliance == 0.0  # nothing proves it
    assert tracker.streak(80) == 2  # today does not count (yet), nor break the streak
    tracker.settings = replace(TRACKING, count_unproven=True)
    tracker.advance(START + 61 * M)
    tracker.take_break(START + 61 * M)  # counted where the desk counts unproven breaks
    assert tracker.snapshot().today.compliance == 0.5
    assert tracker.streak(50) == 3
    tracker.set_vacation(START + 32 * M, True)
    assert tracker.streak(80) == 2


# ---- persistence ---------------------------------------------------------------------


def test_round_trip_keeps_standing_limit_and_vacation() -> None:
    trace = [(0 * M, SITTING), (150 * M, STANDING)]
    tracker = run(trace, 26 * H, config=LIMIT)
    tracker.set_vacation(START + 26 * H, True)
    again = DeskTracker.from_dict(tracker.as_dict(), LIMIT, BERLIN)
    assert again.snapshot() == tracker.snapshot()
    assert again.history == tracker.history
    assert again.vacation is True
    assert again.history[date(2026, 3, 10)].limit_reached is True
    assert again.history[date(2026, 3, 10)].standing > timedelta(0)


def test_older_data_without_the_days_new_fields_still_loads() -> None:
    tracker = run([(0 * M, SITTING), (30 * M, STANDING)], 26 * H)
    data = tracker.as_dict()
    del data["vacation"]
    for summary in [data["today"], *data["history"].values()]:
        for key in ("standing", "limit_reached", "vacation", "limit_announced"):
            summary.pop(key, None)
    again = DeskTracker.from_dict(data, TRACKING, BERLIN)
    assert again.vacation is False
    assert again.snapshot().standing_today == timedelta(0)
    assert again.history[date(2026, 3, 10)] == replace(
        tracker.history[date(2026, 3, 10)], standing=timedelta(0)
    )
    again.advance(START + 27 * H)  # and it goes on counting
    assert again.snapshot().standing_today == H  # from what it did not know: nothing


# ---- laws over whole traces ----------------------------------------------------------

LIMITS = st.one_of(st.none(), st.integers(1, 10).map(lambda hours: hours * 30 * M))
VACATION = st.sampled_from(["vacation", "back"])


def act(tracker: DeskTracker, at: datetime, action: Action) -> None:
    if action in ("vacation", "back"):
        tracker.set_vacation(at, action == "vacation")
    else:
        apply(tracker, at, action)


@settings(max_examples=300, deadline=None)
@given(
    trace=traces(),
    config=SETTINGS,
    limit=LIMITS,
    start=STARTS,
    holidays=st.lists(st.tuples(st.integers(0, 40), VACATION), max_size=4),
)
def test_law_standing_and_sitting_never_exceed_desk_time_and_limit_is_said_once_a_day(
    trace: list[tuple[timedelta, Action]],
    config: Settings,
    limit: timedelta | None,
    start: datetime,
    holidays: list[tuple[int, str]],
) -> None:
    config = replace(config, daily_limit=limit)
    tracker = DeskTracker(config, BERLIN, start)
    for position, switch in holidays:
        if position < len(trace):
            trace.insert(position, (trace[position][0], switch))
    quiet = False
    said: list[date] = []
    reached: list[date] = []
    for offset, action in trace:
        act(tracker, start + offset, action)
        events, announcements = tracker.drain()
        reached += [at.astimezone(BERLIN).date() for at, e in events if e is BreakEvent.DAILY_LIMIT]
        calls = limit_calls(announcements)
        if quiet and action != "loud":
            assert calls == []
        said += [call.at.astimezone(BERLIN).date() for call in calls]
        if action in ("quiet", "loud"):
            quiet = action == "quiet"
        snapshot = tracker.snapshot()
        local = snapshot.as_of.astimezone(BERLIN)
        midnight = datetime(local.year, local.month, local.day, tzinfo=BERLIN)
        since_day_start = snapshot.as_of - max(midnight, start).astimezone(UTC)
        assert snapshot.sitting_today + snapshot.standing_today <= since_day_start
        left = snapshot.sitting_left_today
        assert left is None or timedelta(0) <= left <= (limit or timedelta(0))
        assert snapshot.over_daily_limit == (limit is not None and left == timedelta(0))
    assert len(said) == len(set(said))  # at most once a day
    assert len(reached) == len(set(reached))
    assert set(said) <= set(reached)
    for summary in tracker.history.values():
        assert summary.sitting + summary.standing <= 25 * H
        if limit is None:
            assert summary.limit_reached is False


@settings(max_examples=200, deadline=None)
@given(trace=traces(), config=SETTINGS, limit=LIMITS, start=STARTS, cut=st.integers(0, 40))
def test_law_saving_and_restoring_keeps_the_day(
    trace: list[tuple[timedelta, Action]],
    config: Settings,
    limit: timedelta | None,
    start: datetime,
    cut: int,
) -> None:
    config = replace(config, daily_limit=limit)
    end = (trace[-1][0] if trace else timedelta(0)) + 60 * M
    reference = run(trace, end, start=start, config=config)
    tracker = DeskTracker(config, BERLIN, start)
    said = 0
    for index, (offset, action) in enumerate(trace):
        if index == cut:
            tracker = DeskTracker.from_dict(tracker.as_dict(), config, BERLIN)
        apply(tracker, start + offset, action)
        said += len(limit_calls(tracker.drain()[1]))
    tracker.advance(start + end)
    said += len(limit_calls(tracker.drain()[1]))
    assert tracker.snapshot() == reference.snapshot()
    assert tracker.history == reference.history
    assert said == len(limit_calls(reference.drain()[1]))  # never said twice across a restart
