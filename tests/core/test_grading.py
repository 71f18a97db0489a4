"""What proves a break (grading.py, and the tracker's use of it): examples and laws."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings, strategies as st

from custom_components.desk_coach.grading import STEP_WINDOW, Grading, OpenBreak, gap_grade
from custom_components.desk_coach.model import Activity, BreakEvent, DeskTracker, Grade, Settings
from tests.helpers import TRACKING
from tests.tracker_traces import SETTINGS, STARTS, Action, run, traces

M = timedelta(minutes=1)
S = timedelta(seconds=1)
START = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)


def test_the_grades_in_their_order() -> None:
    assert sorted(Grade, key=lambda grade: grade.rank) == [
        Grade.SELF_REPORTED,
        Grade.DESK_ONLY,
        Grade.STOOD,
        Grade.MOVED,
        Grade.WALKED,
    ]
    assert {grade for grade in Grade if grade.proven} == {Grade.WALKED, Grade.MOVED, Grade.STOOD}


def test_a_gap_s_grade() -> None:
    floor = Grade.DESK_ONLY
    assert gap_grade(30 * S, 0 * S, TRACKING, floor) is Grade.MOVED
    assert gap_grade(20 * S, 30 * S, TRACKING, floor) is Grade.STOOD
    height = replace(TRACKING, standing_grade=Grade.DESK_ONLY)
    assert gap_grade(0 * S, 60 * S, height, Grade.SELF_REPORTED) is Grade.DESK_ONLY
    assert gap_grade(20 * S, 20 * S, TRACKING, floor) is floor
    longer = replace(TRACKING, moved_after=5 * M)
    assert gap_grade(60 * S, 0 * S, longer, floor) is floor
    assert gap_grade(TRACKING.away_reset, 0 * S, longer, floor) is Grade.MOVED  # stretch over


def tracker_with_a_due_break() -> DeskTracker:
    tracker = DeskTracker(TRACKING, UTC, START, Activity.SITTING)
    tracker.advance(START + 31 * M)
    return tracker


def grades(tracker: DeskTracker) -> list[tuple[BreakEvent, Grade | None]]:
    out = tracker.drain_all()
    return [(event, out.grades.get(n)) for n, (_, event) in enumerate(out.events)]


def test_done_pressed_while_getting_up_rises_to_moved_when_the_gap_ends() -> None:
    """Done is pressed while the departure is not yet confirmed: one break, then moved."""
    tracker = tracker_with_a_due_break()
    tracker.drain()
    tracker.observe(START + 31 * M, Activity.AWAY)
    tracker.take_break(START + 31 * M + 10 * S)
    assert grades(tracker) == [(BreakEvent.TAKEN, Grade.SELF_REPORTED)]
    tracker.observe(START + 33 * M, Activity.SITTING)
    tracker.advance(START + 34 * M)
    assert grades(tracker) == [(BreakEvent.GRADED, Grade.MOVED)]
    today = tracker.snapshot().today
    assert (today.moved, today.self_reported, today.compliance) == (1, 0, 1.0)


@given(
    readings=st.lists(
        st.tuples(st.integers(0, 30 * 60), st.integers(0, 5000)), min_size=1, max_size=12
    ),
    walked_steps=st.integers(20, 400),
)
def test_steps_raise_a_break_only_within_its_window_and_only_by_rises(
    readings: list[tuple[int, int]], walked_steps: int
) -> None:
    """Law: a break rises to walked exactly when the rises (drops passed over) counted from
    the last reading at or before its start (else the first after it) up to a reading
    within the window reach the walked steps; the grade never falls."""
    start = START + 5 * M
    grading = Grading()
    grading.read_steps(START, 1000, walked_steps)
    grading.add(
        OpenBreak(
            start=start, day=date(2026, 3, 10), grade=Grade.MOVED, in_compliance=True, in_gap=False
        ),
        walked_steps,
    )
    last, odometer, base, walked = 1000.0, 0.0, 0.0, False
    for seconds, count in sorted(readings):
        at = start + timedelta(seconds=seconds + 1)
        odometer += max(count - last, 0)
        last = count
        raised = grading.read_steps(at, count, walked_steps)
        expected_now = not walked and at <= start + STEP_WINDOW and odometer - base >= walked_steps
        assert bool(raised) is expected_now
        walked = walked or expected_now
    assert all(kept.grade is not Grade.MOVED or not walked for kept in grading.open)


@given(moments=st.lists(st.integers(1, 40 * 60), min_size=1, max_size=8, unique=True))
def test_the_log_stays_small_and_keeps_what_a_start_needs(moments: list[int]) -> None:
    """Law: at most one reading a minute for the kept half hour, plus the newest before."""
    grading = Grading()
    for n, seconds in enumerate(sorted(moments)):
        grading.read_steps(START + timedelta(seconds=seconds), float(n), 100)
    assert len(grading.log) <= 32
    assert Grading.from_dict(grading.as_dict()) == grading


def test_done_then_up_and_away_is_one_break_judged_by_the_walk() -> None:
    """Done pressed on the phone, then up and away: one break, which the walk proves."""
    tracker = tracker_with_a_due_break()
    tracker.drain()
    tracker.take_break(START + 31 * M)
    tracker.observe(START + 31 * M + 20 * S, Activity.AWAY)
    tracker.observe(START + 35 * M, Activity.SITTING)
    tracker.advance(START + 36 * M)
    assert grades(tracker) == [
        (BreakEvent.TAKEN, Grade.SELF_REPORTED),
        (BreakEvent.GRADED, Grade.MOVED),
    ]
    today = tracker.snapshot().today
    assert (today.breaks_taken, today.natural_breaks, today.compliance) == (1, 0, 1.0)
    assert tracker.snapshot().next_break == START + 65 * M  # from the return


def test_getting_up_long_after_done_is_a_break_of_its_own() -> None:
    tracker = tracker_with_a_due_break()
    tracker.drain()
    tracker.take_break(START + 31 * M)
    tracker.observe(START + 40 * M, Activity.AWAY)
    tracker.advance(START + 41 * M)
    assert grades(tracker)[-1] == (BreakEvent.NATURAL, Grade.MOVED)


# ---- the time away on breaks that prove moving (the day's moved_away) --------------------

LONG_RESET = replace(TRACKING, away_reset=10 * M)  # a walk of minutes keeps the stretch


def away_then_back(tracker: DeskTracker, trace: list[tuple[timedelta, Activity]]) -> DeskTracker:
    """From 31 minutes of sitting: ``trace`` (offsets from then), then one minute more."""
    for offset, activity in trace:
        tracker.observe(START + 31 * M + offset, activity)
    tracker.advance(START + 31 * M + trace[-1][0] + M)
    return tracker


def sat_31_minutes(config: Settings = LONG_RESET) -> DeskTracker:
    tracker = DeskTracker(config, UTC, START, Activity.SITTING)
    tracker.advance(START + 31 * M)
    return tracker


def test_a_moved_break_adds_its_time_away_when_it_ends() -> None:
    tracker = away_then_back(sat_31_minutes(), [(0 * M, Activity.AWAY), (5 * M, Activity.SITTING)])
    today = tracker.snapshot().today
    assert (today.moved, today.moved_away) == (1, 5 * M)
    assert today.upright == 5 * M  # no standing at the desk


def test_the_standing_within_the_gap_is_not_away() -> None:
    trace = [(0 * M, Activity.STANDING), (2 * M, Activity.AWAY), (5 * M, Activity.SITTING)]
    tracker = away_then_back(sat_31_minutes(), trace)
    today = tracker.snapshot().today
    assert (today.moved, today.moved_away, today.standing) == (1, 3 * M, 2 * M)
    assert today.upright == 5 * M  # standing counted once


def test_a_stood_break_adds_no_time_away() -> None:
    trace = [(0 * M, Activity.STANDING), (5 * M, Activity.SITTING)]
    today = away_then_back(sat_31_minutes(), trace).snapshot().today
    assert (today.stood, today.moved_away, today.upright) == (1, 0 * M, 5 * M)


def test_a_walk_past_the_stretch_s_end_counts_up_to_it() -> None:
    """The stretch ends at away_reset: what the desk proves of the walk ends there too."""
    tracker = away_then_back(sat_31_minutes(), [(0 * M, Activity.AWAY), (25 * M, Activity.SITTING)])
    assert tracker.snapshot().today.moved_away == LONG_RESET.away_reset


def test_a_walked_break_adds_its_time_away() -> None:
    tracker = sat_31_minutes()
    tracker.read_steps(START + 30 * M, 1000)
    tracker.observe(START + 31 * M, Activity.AWAY)
    tracker.read_steps(START + 34 * M, 1400)
    away_then_back(tracker, [(4 * M, Activity.SITTING)])
    today = tracker.snapshot().today
    assert (today.walked, today.moved_away) == (1, 4 * M)


def test_a_day_stored_before_moved_away_reads_as_none() -> None:
    tracker = away_then_back(sat_31_minutes(), [(0 * M, Activity.AWAY), (5 * M, Activity.SITTING)])
    data = tracker.as_dict()
    assert data["today"]["moved_away"] == 300
    del data["today"]["moved_away"]
    assert DeskTracker.from_dict(data, LONG_RESET, UTC).snapshot().today.moved_away == 0 * M


@settings(max_examples=200, deadline=None)
@given(trace=traces(max_gap=1800), config=SETTINGS, start=STARTS)
def test_law_time_away_comes_only_with_walked_or_moved_breaks_each_up_to_away_reset(
    trace: list[tuple[timedelta, Action]], config: Settings, start: datetime
) -> None:
    tracker = run(trace, trace[-1][0] + 30 * M if trace else M, start=start, config=config)
    days = [*tracker.history.values(), tracker.snapshot().today]
    away = sum((day.moved_away for day in days), timedelta(0))
    proven_away = sum(day.walked + day.moved for day in days)
    assert away <= proven_away * config.away_reset
    assert all(day.upright == day.standing + day.moved_away for day in days)
