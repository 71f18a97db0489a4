"""Time nobody watched (a restart, a clock jump) is no evidence: the tracker's rule and law."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings, strategies as st

from custom_components.desk_coach.model import Activity, BreakEvent, DeskTracker, Settings
from tests.helpers import TRACKING
from tests.tracker_traces import BERLIN, SETTINGS, START, STARTS, Action, M, apply, run, traces

SITTING, UNKNOWN = Activity.SITTING, Activity.UNKNOWN


def total_sitting(tracker: DeskTracker) -> timedelta:
    """Sitting counted on every day so far."""
    days = sum((day.sitting for day in tracker.history.values()), timedelta(0))
    return days + tracker.snapshot().sitting_today


def test_three_unwatched_hours_are_not_sitting_and_miss_no_break() -> None:
    tracker = run([(0 * M, SITTING)], 20 * M)
    tracker.drain()
    tracker.unobserved(START + 20 * M, START + 200 * M)
    events, announcements = tracker.drain()
    snapshot = tracker.snapshot()
    assert snapshot.sitting_today == 20 * M
    assert events == []
    assert announcements == []
    assert snapshot.stretch_start is None  # longer than away_reset: the stretch has ended
    tracker.observe(START + 200 * M, SITTING)
    tracker.advance(START + 210 * M)
    assert tracker.snapshot().sitting_today == 30 * M
    assert tracker.snapshot().stretch_start == START + 200 * M


def test_a_due_break_is_not_reminded_nor_missed_while_nobody_watched() -> None:
    config = replace(TRACKING, away_reset=60 * M)  # the stretch outlives the escalation
    tracker = run([(0 * M, SITTING)], 31 * M, config=config)
    events, _ = tracker.drain()
    assert [event for _, event in events] == [BreakEvent.DUE]
    tracker.unobserved(START + 31 * M, START + 50 * M)
    assert tracker.drain() == ([], [])
    assert tracker.snapshot().today.breaks_missed == 0


def test_a_short_unwatched_time_keeps_the_stretch_even_under_a_long_debounce() -> None:
    config = replace(TRACKING, presence_debounce=timedelta(minutes=5))
    tracker = run([(0 * M, SITTING)], 10 * M + 5 * M, config=config)  # 10 min confirmed
    tracker.unobserved(START + 15 * M, START + 16 * M)
    tracker.observe(START + 16 * M, SITTING)
    tracker.advance(START + 30 * M)
    snapshot = tracker.snapshot()
    assert snapshot.sitting_today == 29 * M  # the unwatched minute only is missing
    assert snapshot.stretch_start == START


def test_an_unconfirmed_change_counts_from_when_it_began() -> None:
    tracker = run([(0 * M, SITTING), (10 * M, Activity.AWAY)], 10 * M + 10 * timedelta(seconds=1))
    tracker.unobserved(START + 10 * M + 10 * timedelta(seconds=1), START + 60 * M)
    assert tracker.snapshot().sitting_today == 10 * M


@settings(max_examples=300, deadline=None)
@given(
    trace=traces(max_gap=3600),
    config=SETTINGS,
    start=STARTS,
    gap=st.integers(0, 6 * 3600),
)
def test_law_unwatched_time_adds_no_sitting_and_no_break_outcome(
    trace: list[tuple[timedelta, Action]], config: Settings, start: datetime, gap: int
) -> None:
    start = start.astimezone(UTC)
    tracker = DeskTracker(config, BERLIN, start)
    for offset, action in trace:
        apply(tracker, start + offset, action)
    tracker.drain()
    since = start + (trace[-1][0] if trace else timedelta(0))
    reference = DeskTracker.from_dict(tracker.as_dict(), config, BERLIN)
    reference.unobserved(since, since)
    tracker.unobserved(since, since + timedelta(seconds=gap))
    assert total_sitting(tracker) == total_sitting(reference)
    events, announcements = tracker.drain()
    assert all(at <= since for at, _ in events)
    assert all(announcement.at <= since for announcement in announcements)
    snapshot = tracker.snapshot()
    assert snapshot.as_of == since + timedelta(seconds=gap)
    assert not snapshot.sitting
    if timedelta(seconds=gap) >= config.away_reset:
        assert snapshot.stretch_start is None
