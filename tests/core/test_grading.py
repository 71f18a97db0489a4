"""What proves a break (grading.py, and the tracker's use of it): examples and laws."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, strategies as st

from custom_components.desk_coach.grading import STEP_WINDOW, Grading, OpenBreak, gap_grade
from custom_components.desk_coach.model import Activity, BreakEvent, DeskTracker, Grade
from tests.helpers import TRACKING

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
