"""The tracking model, stated as its rules (BEHAVIOUR.md) and their laws."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.model import (
    Activity,
    Announcement,
    BreakEvent,
    DeskTracker,
    MinuteCount,
    Settings,
    Snapshot,
    Status,
    activity_from,
)
from custom_components.desk_coach.refusal import Refusal
from tests.helpers import TRACKING
from tests.tracker_traces import (
    ACTIVITIES,
    AWAY,
    BERLIN,
    DEFAULT,
    SECOND,
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
    snap,
    traces,
)

# ---- inputs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "standing", "expected"),
    [
        (None, None, UNKNOWN),
        (None, True, UNKNOWN),
        (False, True, AWAY),
        (False, None, AWAY),
        (True, True, STANDING),
        (True, False, SITTING),
        (True, None, SITTING),
    ],
)
def test_activity_from_inputs(
    present: bool | None, standing: bool | None, expected: Activity
) -> None:
    assert activity_from(present, standing) is expected


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        DeskTracker(DEFAULT, BERLIN, datetime(2026, 1, 1, 9, 0))


# ---- debounce ------------------------------------------------------------------------


def test_sitting_counts_after_debounce_back_dated() -> None:
    tracker = run([(0 * S, SITTING)], 29 * S)
    assert tracker.snapshot().sitting is False
    assert tracker.snapshot().sitting_today == timedelta(0)
    tracker.advance(START + 30 * S)
    snapshot = tracker.snapshot()
    assert snapshot.sitting is True
    assert snapshot.sitting_today == 30 * S
    assert snapshot.stretch_start == START.astimezone(UTC)


def test_flicker_shorter_than_debounce_changes_nothing() -> None:
    trace = [(0 * S, SITTING), (10 * M, AWAY), (10 * M + 29 * S, SITTING)]
    assert snap(trace, 20 * M) == snap([(0 * S, SITTING)], 20 * M)


def test_leaving_is_back_dated_and_totals_hold_meanwhile() -> None:
    tracker = run([(0 * S, SITTING), (10 * M, AWAY)], 10 * M + 20 * S)
    # while the departure is unconfirmed, time is settled only up to it
    assert tracker.snapshot().sitting_today == 10 * M
    assert tracker.snapshot().sitting is True
    tracker.advance(START + 11 * M)
    assert tracker.snapshot().sitting_today == 10 * M
    assert tracker.snapshot().sitting is False
    assert tracker.snapshot().activity is AWAY


def test_next_change_wakes_for_the_debounce() -> None:
    tracker = run([(0 * S, SITTING)], 5 * S)
    assert tracker.next_change() == (START + 30 * S).astimezone(UTC)


def test_departure_through_several_states_keeps_each_one() -> None:
    # away 20 s, then standing: the departure lasted, so both count as they were
    trace = [(0 * S, SITTING), (10 * M, AWAY), (10 * M + 20 * S, STANDING)]
    snapshot = snap(trace, 11 * M)
    assert snapshot.activity is STANDING
    assert snapshot.sitting_today == 10 * M


# ---- stretches ------------------------------------------------------------------------


def test_short_gap_keeps_the_stretch_and_is_not_sitting() -> None:
    tracker = run([(0 * S, SITTING), (10 * M, AWAY)], 10 * M + 50 * S)
    assert tracker.snapshot().sitting is False
    assert tracker.snapshot().sitting_time == 10 * M  # holds its value during the gap
    tracker.observe(START + 11 * M, SITTING)
    tracker.advance(START + 21 * M)
    snapshot = tracker.snapshot()
    assert snapshot.stretch_start == START.astimezone(UTC)
    assert snapshot.sitting_time == 20 * M
    assert snapshot.sitting_today == 20 * M


def test_gap_reaching_away_reset_ends_the_stretch() -> None:
    trace = [(0 * S, SITTING), (10 * M, AWAY)]
    tracker = run(trace, 11 * M + 59 * S)
    assert tracker.snapshot().sitting_time == 10 * M
    tracker.advance(START + 12 * M)
    snapshot = tracker.snapshot()
    assert snapshot.stretch_start is None
    assert snapshot.sitting_time == timedelta(0)
    assert snapshot.sitting_today == 10 * M
    assert snapshot.longest_stretch_today == 10 * M


def test_standing_is_not_sitting_and_ends_a_stretch_like_away() -> None:
    trace = [(0 * S, SITTING), (10 * M, STANDING), (20 * M, SITTING)]
    snapshot = snap(trace, 25 * M)
    assert snapshot.sitting_today == 15 * M
    assert snapshot.sitting_time == 5 * M
    assert snapshot.longest_stretch_today == 10 * M


def test_no_evidence_is_never_sitting_and_long_outage_ends_stretch() -> None:
    short = snap([(0 * S, SITTING), (10 * M, UNKNOWN), (11 * M, SITTING)], 15 * M)
    assert short.sitting_today == 14 * M
    assert short.stretch_start == START.astimezone(UTC)
    long = snap([(0 * S, SITTING), (10 * M, UNKNOWN), (13 * M, SITTING)], 15 * M)
    assert long.sitting_today == 12 * M
    assert long.stretch_start == (START + 13 * M).astimezone(UTC)


def test_unknown_only_never_counts() -> None:
    snapshot = snap([(0 * S, UNKNOWN), (1 * M, AWAY), (2 * M, UNKNOWN)], 3 * 60 * M)
    assert snapshot.sitting_today == timedelta(0)
    assert snapshot.next_break is None


# ---- breaks --------------------------------------------------------------------------


def test_next_break_and_due() -> None:
    tracker = run([(0 * S, SITTING)], 29 * M)
    snapshot = tracker.snapshot()
    assert snapshot.next_break == (START + 30 * M).astimezone(UTC)
    assert snapshot.break_due is False
    assert tracker.next_change() == (START + 29 * M + 1 * M).astimezone(UTC)
    tracker.advance(START + 30 * M)
    assert tracker.snapshot().break_due is True


def test_next_break_unknown_while_not_sitting() -> None:
    snapshot = snap([(0 * S, SITTING), (10 * M, AWAY)], 11 * M)
    assert snapshot.next_break is None


def test_gap_of_break_duration_is_a_natural_break_before_due() -> None:
    trace = [(0 * S, SITTING), (20 * M, AWAY), (20 * M + 40 * S, SITTING)]
    snapshot = snap(trace, 25 * M)
    assert snapshot.today.natural_breaks == 1
    assert snapshot.today.breaks_taken == 0
    # the countdown restarts at the break's end
    assert snapshot.next_break == (START + 50 * M + 40 * S).astimezone(UTC)
    assert snapshot.stretch_start == START.astimezone(UTC)


def test_gap_of_break_duration_after_due_is_a_taken_break() -> None:
    tracker = run([(0 * S, SITTING), (35 * M, STANDING)], 35 * M + 29 * S)
    assert tracker.snapshot().break_due is True
    tracker.observe(START + 36 * M, SITTING)
    tracker.advance(START + 40 * M)
    snapshot = tracker.snapshot()
    assert snapshot.today.breaks_taken == 1
    assert snapshot.today.natural_breaks == 0
    assert snapshot.break_due is False
    assert snapshot.next_break == (START + 66 * M).astimezone(UTC)


def test_gap_shorter_than_break_duration_does_not_reset_countdown() -> None:
    trace = [(0 * S, SITTING), (20 * M, AWAY), (20 * M + 20 * S, UNKNOWN)]
    trace.append((21 * M, SITTING))
    snapshot = snap(trace, 22 * M)
    assert snapshot.today.natural_breaks == 0
    assert snapshot.next_break == (START + 30 * M).astimezone(UTC)


def test_break_due_during_a_short_gap_is_due_on_return() -> None:
    trace = [(0 * S, SITTING), (29 * M, UNKNOWN), (30 * M + 30 * S, SITTING)]
    tracker = run(trace, 30 * M)
    assert tracker.snapshot().break_due is False
    tracker.advance(START + 31 * M + 1 * S)
    assert tracker.snapshot().break_due is True


def test_changing_the_interval_moves_the_next_break() -> None:
    tracker = run([(0 * S, SITTING)], 20 * M)
    tracker.update_settings(replace(TRACKING, break_interval=15 * M), START + 20 * M)
    snapshot = tracker.snapshot()
    assert snapshot.next_break == (START + 15 * M).astimezone(UTC)
    assert snapshot.break_due is True
    tracker.update_settings(replace(TRACKING, break_interval=45 * M), START + 21 * M)
    snapshot = tracker.snapshot()
    assert snapshot.next_break == (START + 45 * M).astimezone(UTC)
    assert snapshot.break_due is False  # never due beside a next break still to come


# ---- days ----------------------------------------------------------------------------


def test_midnight_splits_a_stretch() -> None:
    evening = datetime(2026, 3, 10, 23, 0, tzinfo=BERLIN)
    tracker = run([(0 * S, SITTING)], 2 * 60 * M, start=evening)
    snapshot = tracker.snapshot()
    assert snapshot.sitting_today == 60 * M
    assert snapshot.longest_stretch_today == 60 * M
    assert snapshot.sitting_time == 120 * M
    day = tracker.history[evening.date()]
    assert day.sitting == 60 * M
    assert day.longest_stretch == 60 * M


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        (datetime(2026, 3, 29, tzinfo=BERLIN), 23),  # spring forward
        (datetime(2026, 10, 25, tzinfo=BERLIN), 25),  # fall back
        (datetime(2026, 6, 1, tzinfo=BERLIN), 24),
    ],
)
def test_dst_days_have_their_real_length(day: datetime, hours: int) -> None:
    tracker = run([(0 * S, SITTING)], 26 * 60 * M, start=day)
    assert tracker.history[day.date()].sitting == hours * 60 * M
    # 26 real hours from that midnight: what the short or long day left over
    assert tracker.snapshot().sitting_today == (26 - hours) * 60 * M


def test_next_change_wakes_only_for_the_minutes_shown() -> None:
    # a first stretch of 10.5 min, then a new stretch: the day's minutes and the
    # stretch's minutes turn over half a minute apart
    trace = [(0 * M, SITTING), (10 * M + 30 * S, AWAY), (14 * M, SITTING)]
    tracker = run(trace, 14 * M + 40 * S)
    at = (START + 14 * M).astimezone(UTC)
    # 11 min 10 s today: the 12th minute at 14:00 + 90 s; the stretch's first at + 60 s
    assert tracker.next_change(frozenset({MinuteCount.TODAY})) == at + 90 * S
    assert tracker.next_change(frozenset({MinuteCount.STRETCH})) == at + 60 * S
    assert tracker.next_change() == at + 60 * S
    assert tracker.next_change(frozenset()) == at + 30 * M  # only the break falling due


def test_next_change_while_away_is_midnight() -> None:
    tracker = run([(0 * S, AWAY)], 5 * M)
    assert tracker.next_change() == datetime(2026, 3, 11, tzinfo=BERLIN).astimezone(UTC)


def test_round_trip_through_dict() -> None:
    trace = [(0 * S, SITTING), (20 * M, AWAY), (20 * M + 40 * S, SITTING)]
    tracker = run(trace, 25 * 60 * M)
    again = DeskTracker.from_dict(tracker.as_dict(), DEFAULT, BERLIN)
    assert again.snapshot() == tracker.snapshot()
    assert again.history == tracker.history
    assert again.as_dict() == tracker.as_dict()


# ---- laws (property-based) -----------------------------------------------------------


def _checkpoints(
    tracker: DeskTracker, trace: list[tuple[timedelta, Action]], start: datetime
) -> list[Snapshot]:
    snapshots = []
    for offset, action in trace:
        apply(tracker, start + offset, action)
        snapshots.append(tracker.snapshot())
    return snapshots


@settings(max_examples=300, deadline=None)
@given(trace=traces(), config=SETTINGS, start=STARTS)
def test_law_totals_never_go_down_within_a_day_nor_exceed_the_clock(
    trace: list[tuple[timedelta, Action]], config: Settings, start: datetime
) -> None:
    tracker = DeskTracker(config, BERLIN, start)
    previous: Snapshot | None = None
    for snapshot in _checkpoints(tracker, trace, start):
        local = snapshot.as_of.astimezone(BERLIN)
        midnight = datetime(local.year, local.month, local.day, tzinfo=BERLIN)
        since_day_start = snapshot.as_of - max(midnight, start).astimezone(UTC)
        assert timedelta(0) <= snapshot.sitting_today <= since_day_start
        assert snapshot.longest_stretch_today <= snapshot.sitting_today
        if snapshot.stretch_start is not None:
            assert snapshot.sitting_time <= snapshot.as_of - snapshot.stretch_start
        if previous is not None and previous.as_of.astimezone(BERLIN).date() == local.date():
            assert snapshot.sitting_today >= previous.sitting_today
            assert snapshot.longest_stretch_today >= previous.longest_stretch_today
            assert snapshot.today.breaks_taken >= previous.today.breaks_taken
        assert snapshot.as_of >= (previous.as_of if previous else start)
        previous = snapshot
    total = sum((d.sitting for d in tracker.history.values()), timedelta(0))
    assert total + tracker.snapshot().sitting_today <= tracker.snapshot().as_of - start


@settings(max_examples=300, deadline=None)
@given(trace=traces(), config=SETTINGS, start=STARTS, data=st.data())
def test_law_results_do_not_depend_on_how_often_time_is_looked_at(
    trace: list[tuple[timedelta, Action]],
    config: Settings,
    start: datetime,
    data: st.DataObject,
) -> None:
    end = (trace[-1][0] if trace else timedelta(0)) + 3 * 60 * M
    lookups = data.draw(st.lists(st.integers(0, int(end.total_seconds())), max_size=30))
    reference = run(trace, end, start=start, config=config)
    busy = DeskTracker(config, BERLIN, start)
    events = sorted(
        [(offset, 1, activity) for offset, activity in trace]
        + [(second * S, 0, None) for second in lookups],
        key=lambda event: (event[0], event[1]),
    )
    for offset, _, action in events:
        if action is None:
            busy.advance(start + offset)
        else:
            apply(busy, start + offset, action)
    busy.advance(start + end)
    assert busy.snapshot() == reference.snapshot()
    assert busy.history == reference.history


@settings(max_examples=200, deadline=None)
@given(trace=traces(), config=SETTINGS, start=STARTS, data=st.data())
def test_law_waking_at_next_change_is_exact(
    trace: list[tuple[timedelta, Action]],
    config: Settings,
    start: datetime,
    data: st.DataObject,
) -> None:
    """Between two wake-ups nothing changes: a scheduler that waits is never late."""
    tracker = run(trace, trace[-1][0] if trace else timedelta(0), start=start, config=config)
    for _ in range(5):
        wake = tracker.next_change()
        assert wake is not None
        assert wake > tracker.snapshot().as_of
        before = tracker.snapshot()
        fraction = data.draw(st.floats(0, 0.999))
        probe = DeskTracker.from_dict(tracker.as_dict(), config, BERLIN)
        probe.advance(before.as_of + (wake - before.as_of) * fraction)
        moved = probe.snapshot()
        assert moved.sitting_today // M == before.sitting_today // M
        assert moved.sitting_time // M == before.sitting_time // M
        assert (moved.break_due, moved.next_break, moved.stretch_start) == (
            before.break_due,
            before.next_break,
            before.stretch_start,
        )
        tracker.advance(wake)


@st.composite
def flickered(
    draw: st.DrawFn,
) -> tuple[Settings, list[tuple[timedelta, Activity]], list[tuple[timedelta, Activity]]]:
    """A trace of settled segments, and the same trace with short flickers added."""
    config = draw(SETTINGS.filter(lambda c: c.presence_debounce >= 2 * S))
    debounce = int(config.presence_debounce.total_seconds())
    base: list[tuple[timedelta, Activity]] = []
    noisy: list[tuple[timedelta, Activity]] = []
    offset = 0
    previous: Activity | None = None
    for _ in range(draw(st.integers(1, 12))):
        activity = draw(ACTIVITIES.filter(lambda a, p=previous: a != p))  # type: ignore[misc]
        length = draw(st.integers(3 * debounce + 2, 4 * 3600))
        base.append((offset * S, activity))
        noisy.append((offset * S, activity))
        if draw(st.booleans()):
            flicker_at = offset + debounce + draw(st.integers(0, length - 3 * debounce - 1))
            flicker_len = draw(st.integers(1, debounce - 1))
            other = draw(ACTIVITIES.filter(lambda a, c=activity: a != c))  # type: ignore[misc]
            noisy.append((flicker_at * S, other))
            noisy.append(((flicker_at + flicker_len) * S, activity))
        offset += length
        previous = activity
    base.append((offset * S, UNKNOWN))
    noisy.append((offset * S, UNKNOWN))
    return config, base, noisy


@settings(max_examples=300, deadline=None)
@given(case=flickered(), start=STARTS)
def test_law_flapping_shorter_than_debounce_changes_nothing(
    case: tuple[Settings, list[tuple[timedelta, Activity]], list[tuple[timedelta, Activity]]],
    start: datetime,
) -> None:
    config, base, noisy = case
    end = base[-1][0] + 10 * 60 * M
    clean = run(base, end, start=start, config=config)
    flapping = run(noisy, end, start=start, config=config)
    assert flapping.snapshot() == clean.snapshot()
    assert flapping.history == clean.history


@settings(max_examples=200, deadline=None)
@given(
    gaps=st.lists(
        st.tuples(st.integers(1, 119), st.sampled_from([AWAY, STANDING, UNKNOWN])),
        min_size=1,
        max_size=10,
    ),
    sits=st.lists(st.integers(1, 3600), min_size=10, max_size=10),
)
def test_law_a_stretch_resets_only_after_away_reset(
    gaps: list[tuple[int, Activity]], sits: list[int]
) -> None:
    config = replace(TRACKING, presence_debounce=timedelta(0))
    trace = [(0 * S, SITTING)]
    offset = 0
    for (gap, activity), sit in zip(gaps, sits, strict=False):
        offset += sit
        trace.append((offset * S, activity))
        offset += gap
        trace.append((offset * S, SITTING))
    tracker = run(trace, (offset + 1) * S, config=config)
    assert tracker.snapshot().stretch_start == START.astimezone(UTC)
    # and one gap of exactly away_reset ends it
    tracker.observe(START + (offset + 1) * S, AWAY)
    tracker.observe(START + (offset + 121) * S, SITTING)
    assert tracker.snapshot().stretch_start == (START + (offset + 121) * S).astimezone(UTC)


@settings(max_examples=200, deadline=None)
@given(trace=traces(), config=SETTINGS, start=STARTS, cut=st.integers(0, 40))
def test_law_saving_and_restoring_changes_nothing(
    trace: list[tuple[timedelta, Action]],
    config: Settings,
    start: datetime,
    cut: int,
) -> None:
    end = (trace[-1][0] if trace else timedelta(0)) + 60 * M
    reference = run(trace, end, start=start, config=config)
    tracker = DeskTracker(config, BERLIN, start)
    for index, (offset, action) in enumerate(trace):
        if index == cut:
            tracker = DeskTracker.from_dict(tracker.as_dict(), config, BERLIN)
            assert tracker.drain() == ([], [])  # what was reported is not reported again
        apply(tracker, start + offset, action)
    tracker.advance(start + end)
    assert tracker.snapshot() == reference.snapshot()
    assert tracker.history == reference.history


# ---- the break lifecycle -------------------------------------------------------------


def test_due_fires_an_event_and_an_announcement() -> None:
    tracker = run([(0 * M, SITTING)], 30 * M)
    events, announcements = tracker.drain()
    assert events == [((START + 30 * M), BreakEvent.DUE)]
    assert announcements == [Announcement(at=START + 30 * M, reminder=0)]
    assert tracker.snapshot().status is Status.DUE
    assert tracker.drain() == ([], [])


def test_ignored_break_is_reminded_then_missed() -> None:
    tracker = run([(0 * M, SITTING)], 50 * M)
    events, announcements = tracker.drain()
    assert [a.at for a in announcements] == [START + 30 * M, START + 35 * M, START + 40 * M]
    assert [a.reminder for a in announcements] == [0, 1, 2]
    assert events == [(START + 30 * M, BreakEvent.DUE), (START + 45 * M, BreakEvent.MISSED)]
    snapshot = tracker.snapshot()
    assert snapshot.break_due is False
    assert snapshot.today.breaks_missed == 1
    assert snapshot.today.compliance == 0.0
    assert snapshot.next_break == START + 75 * M


def test_snooze_moves_the_next_break_and_resets_escalation() -> None:
    tracker = run([(0 * M, SITTING)], 36 * M)
    tracker.snooze(START + 36 * M, 10 * M)
    snapshot = tracker.snapshot()
    assert snapshot.status is Status.SNOOZED
    assert snapshot.break_due is False
    assert snapshot.next_break == START + 46 * M
    tracker.advance(START + 46 * M)
    events, announcements = tracker.drain()
    assert [e for _, e in events] == [BreakEvent.DUE, BreakEvent.SNOOZED, BreakEvent.DUE]
    assert [(a.at, a.reminder) for a in announcements][-1] == (START + 46 * M, 0)
    assert tracker.snapshot().status is Status.DUE


def test_snooze_before_due_postpones_the_coming_break() -> None:
    """Snoozed 3 minutes in, the break moves 5 minutes later, never 5 minutes from now."""
    tracker = run([(0 * M, SITTING)], 3 * M)
    assert tracker.snapshot().next_break == START + 30 * M
    tracker.snooze(START + 3 * M, 5 * M)
    snapshot = tracker.snapshot()
    assert snapshot.next_break == START + 35 * M
    assert snapshot.status is Status.SNOOZED
    tracker.snooze(START + 4 * M, 10 * M)  # postponements add up
    assert tracker.snapshot().next_break == START + 45 * M
    tracker.advance(START + 44 * M)
    assert tracker.snapshot().break_due is False
    tracker.advance(START + 45 * M)
    assert tracker.snapshot().break_due is True


def test_postponements_never_reach_past_two_hours_from_now() -> None:
    tracker = run([(0 * M, SITTING)], 1 * M)
    for _ in range(5):
        tracker.snooze(START + 1 * M, 60 * M)
    assert tracker.snapshot().next_break == START + 121 * M
    long = replace(TRACKING, break_interval=240 * M)
    tracker = run([(0 * M, SITTING)], 1 * M, config=long)
    tracker.snooze(START + 1 * M, 30 * M)  # never closer, even beyond the cap
    assert tracker.snapshot().next_break == START + 240 * M


def test_a_break_taken_ends_the_postponement() -> None:
    tracker = run([(0 * M, SITTING)], 10 * M)
    tracker.snooze(START + 10 * M, 30 * M)
    assert tracker.snapshot().next_break == START + 60 * M
    tracker.take_break(START + 20 * M)
    snapshot = tracker.snapshot()
    assert snapshot.next_break == START + 50 * M
    assert snapshot.snoozed_until is None
    assert snapshot.status is Status.SITTING


def test_while_due_next_break_shows_when_it_fell_due() -> None:
    """A postponed break falls due at its new time; next break does not jump back."""
    tracker = run([(0 * M, SITTING)], 3 * M)
    tracker.snooze(START + 3 * M, 5 * M)
    tracker.advance(START + 37 * M)
    snapshot = tracker.snapshot()
    assert snapshot.break_due is True
    assert snapshot.next_break == START + 35 * M
    tracker.advance(START + 41 * M)
    assert tracker.snapshot().next_break == START + 35 * M


def test_snooze_needs_a_stretch() -> None:
    tracker = run([(0 * M, AWAY)], 5 * M)
    with pytest.raises(Refusal) as refused:
        tracker.snooze(START + 5 * M, 5 * M)
    assert refused.value.key == "not_sitting"
    with pytest.raises(Refusal) as refused:
        tracker.take_break(START + 5 * M)
    assert refused.value.key == "not_sitting"
    assert tracker.drain() == ([], [])


def test_skip_only_while_due_and_restarts_the_countdown() -> None:
    tracker = run([(0 * M, SITTING)], 20 * M)
    with pytest.raises(Refusal) as refused:
        tracker.skip(START + 20 * M)
    assert refused.value.key == "no_break_due"
    assert tracker.snapshot().next_break == START + 30 * M
    tracker.advance(START + 31 * M)
    tracker.skip(START + 31 * M)
    snapshot = tracker.snapshot()
    assert snapshot.today.breaks_skipped == 1
    assert snapshot.today.compliance == 0.0
    assert snapshot.next_break == START + 61 * M


def test_confirmed_break_counts_once_even_when_walking_away_too() -> None:
    tracker = run([(0 * M, SITTING), (31 * M, AWAY)], 31 * M + 10 * SECOND)
    # "done" pressed while the departure is not yet confirmed
    tracker.take_break(START + 31 * M + 10 * SECOND)
    tracker.observe(START + 33 * M, SITTING)
    tracker.advance(START + 40 * M)
    today = tracker.snapshot().today
    assert (today.breaks_taken, today.natural_breaks) == (1, 0)
    assert today.compliance == 1.0
    assert tracker.snapshot().next_break == START + 63 * M


def test_confirmation_before_due_is_a_natural_break() -> None:
    tracker = run([(0 * M, SITTING)], 10 * M)
    tracker.take_break(START + 10 * M)
    snapshot = tracker.snapshot()
    assert snapshot.today.natural_breaks == 1
    assert snapshot.today.compliance is None  # natural breaks are not in compliance
    assert snapshot.next_break == START + 40 * M


def test_quiet_break_is_announced_when_quiet_ends_and_never_missed_unheard() -> None:
    tracker = run([(0 * M, SITTING)], 10 * M)
    tracker.set_quiet(START + 10 * M, True)
    tracker.advance(START + 90 * M)
    events, announcements = tracker.drain()
    assert events == [(START + 30 * M, BreakEvent.DUE)]  # events still fire
    assert announcements == []
    assert tracker.snapshot().status is Status.QUIET
    assert tracker.snapshot().break_due is True
    tracker.set_quiet(START + 90 * M, False)
    assert tracker.drain()[1] == [Announcement(at=START + 90 * M, reminder=0)]
    tracker.advance(START + 95 * M)
    assert tracker.drain()[1] == [Announcement(at=START + 95 * M, reminder=1)]


def test_a_routine_holds_break_announcements_and_shows_as_the_status() -> None:
    tracker = run([(0 * M, SITTING)], 25 * M)
    tracker.set_routine(START + 25 * M, True)
    assert tracker.snapshot().status is Status.ROUTINE
    tracker.advance(START + 50 * M)
    events, announcements = tracker.drain()
    assert events == [(START + 30 * M, BreakEvent.DUE)]  # events still fire
    assert announcements == []  # not announced, not escalated, so never missed
    tracker.set_routine(START + 50 * M, False)  # ended without completing
    assert tracker.drain()[1] == [Announcement(at=START + 50 * M, reminder=0)]
    assert tracker.snapshot().status is Status.DUE
    tracker.set_routine(START + 51 * M, True)
    tracker.set_quiet(START + 51 * M, True)
    tracker.set_routine(START + 52 * M, False)  # still quiet: nothing said
    assert tracker.drain()[1] == []
    assert tracker.snapshot().status is Status.QUIET


def test_quiet_breaks_stay_out_of_compliance() -> None:
    tracker = run([(0 * M, SITTING)], 10 * M)
    tracker.set_quiet(START + 10 * M, True)
    tracker.observe(START + 40 * M, STANDING)
    tracker.advance(START + 42 * M)
    today = tracker.snapshot().today
    assert today.breaks_taken == 1
    assert today.compliance is None


def test_old_stored_data_without_newer_fields_still_loads() -> None:
    tracker = run([(0 * M, SITTING)], 10 * M)
    data = tracker.as_dict()
    for key in ("snoozed_until", "announced", "last_call", "reminders"):
        del data["stretch"][key]
    del data["quiet"]
    for key in ("breaks_skipped", "breaks_missed", "compliance_taken", "compliance_due"):
        del data["today"][key]
    again = DeskTracker.from_dict(data, DEFAULT, BERLIN)
    assert again.snapshot() == tracker.snapshot()


@settings(max_examples=300, deadline=None)
@given(trace=traces(), config=SETTINGS, start=STARTS)
def test_law_breaks_add_up(
    trace: list[tuple[timedelta, Action]], config: Settings, start: datetime
) -> None:
    """Every outcome answers a due break; nothing is announced while quiet."""
    start = start.astimezone(UTC)
    tracker = DeskTracker(config, BERLIN, start)
    quiet = False
    events: list[BreakEvent] = []
    for offset, action in trace:
        before = len(tracker.drain()[1])
        assert before == 0
        apply(tracker, start + offset, action)
        new_events, announcements = tracker.drain()
        events += [event for _, event in new_events]
        if quiet and action != "loud":
            assert announcements == [], action
        if action in ("quiet", "loud"):
            quiet = action == "quiet"
        for announcement in announcements:
            assert announcement.reminder <= config.escalation_count
    outcomes = [e for e in events if e in (BreakEvent.TAKEN, BreakEvent.SKIPPED, BreakEvent.MISSED)]
    assert len(outcomes) <= events.count(BreakEvent.DUE)
    for summary in [*tracker.history.values(), tracker.snapshot().today]:
        assert 0 <= summary.compliance_taken <= summary.compliance_due
        assert summary.compliance_due <= (
            summary.breaks_taken + summary.breaks_skipped + summary.breaks_missed
        )


def test_same_but_time_tells_minutes_adding_up_from_something_happening() -> None:
    tracker = run([(0 * M, SITTING)], 5 * M)
    before = tracker.snapshot()
    tracker.advance(START + 6 * M)
    later = tracker.snapshot()
    assert later != before
    assert later.same_but_time(before)  # only the minutes added up
    tracker.take_break(START + 6 * M)
    assert not tracker.snapshot().same_but_time(later)  # a break happened
    tracker.observe(START + 7 * M, AWAY)
    tracker.advance(START + 8 * M)
    assert not tracker.snapshot().same_but_time(later)  # got up


# ---- laws of snoozing -----------------------------------------------------------------

SNOOZE_ACTIONS = st.one_of(
    ACTIVITIES, ACTIVITIES, st.sampled_from(["take", "skip"]), st.integers(1, 120)
)


@st.composite
def snooze_traces(draw: st.DrawFn) -> list[tuple[timedelta, Action | int]]:
    """Presence changes, takes, skips and snoozes of 1-120 minutes (the integers)."""
    steps = draw(st.lists(st.tuples(st.integers(1, 3600), SNOOZE_ACTIONS), max_size=40))
    offset = timedelta(0)
    trace: list[tuple[timedelta, Action | int]] = []
    for gap, action in steps:
        offset += gap * S
        trace.append((offset, action))
    return trace


@settings(max_examples=300, deadline=None)
@given(trace=snooze_traces(), config=SETTINGS, start=STARTS)
def test_law_a_snooze_never_brings_a_break_closer(
    trace: list[tuple[timedelta, Action | int]], config: Settings, start: datetime
) -> None:
    """Before due: later by the minutes, capped at now + 120 min; while due: now + N."""
    tracker = DeskTracker(config, BERLIN, start)
    for offset, action in trace:
        at = start + offset
        if not isinstance(action, int):
            apply(tracker, at, action)
            continue
        tracker.advance(at)
        before = tracker.snapshot()
        try:
            tracker.snooze(at, action * M)
        except Refusal:
            moved = False
        else:
            moved = True
        after = tracker.snapshot()
        assert moved is (before.stretch_start is not None)
        if before.next_break is None or after.next_break is None:
            continue
        if before.break_due:
            assert after.next_break == at + action * M
        else:
            assert after.next_break >= before.next_break
            assert after.next_break <= max(before.next_break, at + 120 * M)
            assert after.next_break <= before.next_break + action * M


@settings(max_examples=300, deadline=None)
@given(trace=snooze_traces(), config=SETTINGS, start=STARTS, data=st.data())
def test_law_a_due_break_never_shows_a_next_break_to_come(
    trace: list[tuple[timedelta, Action | int]],
    config: Settings,
    start: datetime,
    data: st.DataObject,
) -> None:
    """*Break due* on never stands beside a *next break* in the future, at any moment."""
    tracker = DeskTracker(config, BERLIN, start)
    for offset, action in trace:
        at = start + offset
        if isinstance(action, int):
            with suppress(Refusal):  # nobody sitting
                tracker.snooze(at, action * M)
        else:
            apply(tracker, at, action)
        tracker.advance(at + data.draw(st.integers(0, 600)) * S)
        snapshot = tracker.snapshot()
        if snapshot.break_due and snapshot.next_break is not None:
            assert snapshot.next_break <= snapshot.as_of
        if action == "take" and snapshot.sitting and snapshot.stretch_start is not None:
            assert snapshot.snoozed_until is None  # a break taken ends the postponement
