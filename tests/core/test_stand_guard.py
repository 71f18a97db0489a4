"""The standing guard (pure): one cue to move or sit per long unbroken stand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, strategies as st

from custom_components.desk_coach.const import STANDING_CUE_AFTER_RANGE
from custom_components.desk_coach.model import Activity, DeskTracker
from custom_components.desk_coach.stand_guard import StandGuard
from tests.helpers import TRACKING

M = timedelta(minutes=1)
S = timedelta(seconds=1)
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
AFTER = st.integers(*STANDING_CUE_AFTER_RANGE).map(lambda minutes: minutes * M)


def test_one_cue_at_the_minute_then_none_until_the_next_stand() -> None:
    guard = StandGuard()
    guard.stand(T0)
    assert guard.due(50 * M) == T0 + 50 * M
    assert not guard.cue(T0 + 50 * M - S, 50 * M, held=False, active=True)
    assert guard.cue(T0 + 50 * M, 50 * M, held=False, active=True)
    assert guard.due(50 * M) is None
    assert not guard.cue(T0 + 110 * M, 50 * M, held=False, active=True)  # the same stand
    guard.stand(None)  # sat down
    guard.stand(T0 + 120 * M)
    assert guard.cue(T0 + 170 * M, 50 * M, held=False, active=True)


def test_held_the_cue_waits_outside_the_active_hours_the_stand_passes() -> None:
    guard = StandGuard()
    guard.stand(T0)
    assert not guard.cue(T0 + 50 * M, 50 * M, held=True, active=True)  # a meeting
    assert guard.due(50 * M) == T0 + 50 * M  # still to come
    assert guard.cue(T0 + 65 * M, 50 * M, held=False, active=True)  # the meeting ended
    guard.stand(T0 + 100 * M)
    assert not guard.cue(T0 + 150 * M, 50 * M, held=False, active=False)
    assert guard.due(50 * M) is None  # passed: none later in this stand
    assert not guard.cue(T0 + 200 * M, 50 * M, held=False, active=True)


def test_a_new_start_without_a_sit_seen_in_between_is_a_new_stand() -> None:
    """Up, away and back within one refresh: the tracker's start moved, the stand is new."""
    guard = StandGuard()
    guard.stand(T0)
    assert guard.cue(T0 + 50 * M, 50 * M, held=False, active=True)
    guard.stand(T0 + 52 * M)
    assert guard.due(50 * M) == T0 + 102 * M


# a trace: each step waits some seconds, then the person sits or stands (a stand starts
# then), or the desk looks (held or not, in the active hours or not)
STEPS = st.lists(
    st.tuples(
        st.integers(1, 40 * 60),
        st.sampled_from(["sit", "stand", "look"]),
        st.booleans(),
        st.booleans(),
    ),
    max_size=60,
)


@given(after=AFTER, steps=STEPS)
def test_law_at_most_one_cue_per_stand_never_before_its_minute(
    after: timedelta, steps: list[tuple[int, str, bool, bool]]
) -> None:
    """Law: a stand gets at most one cue, never before ``after`` (so never before 45 min),
    and a look not held in the active hours at or after the minute gives it."""
    guard = StandGuard()
    now, start = T0, None
    cues: dict[datetime, int] = {}
    for seconds, action, held, active in steps:
        now += seconds * S
        if action == "sit":
            start = None
        elif action == "stand" and start is None:
            start = now
        guard.stand(start)
        before = guard.due(after)
        cued = guard.cue(now, after, held=held, active=active)
        if cued:
            assert start is not None
            assert now - start >= after >= 45 * M
            cues[start] = cues.get(start, 0) + 1
        elif before is not None and now >= before and not held and active:
            raise AssertionError("due, not held, in the active hours: no cue")
    assert all(count == 1 for count in cues.values())


@given(after=AFTER, late=st.integers(0, 3600))
def test_law_the_cue_comes_exactly_at_the_option_s_minute(after: timedelta, late: int) -> None:
    guard = StandGuard()
    guard.stand(T0)
    assert guard.due(after) == T0 + after
    assert not guard.cue(T0 + after - S, after, held=False, active=True)
    assert guard.cue(T0 + after + late * S, after, held=False, active=True)


def test_the_tracker_tells_since_when_its_activity_is_confirmed() -> None:
    """The stand's start is back-dated to the change, not the debounce's end."""
    tracker = DeskTracker(TRACKING, UTC, T0, Activity.SITTING)
    assert tracker.activity_since == T0
    tracker.observe(T0 + 10 * M, Activity.STANDING)
    tracker.advance(T0 + 10 * M + 10 * S)
    assert tracker.snapshot().activity is Activity.SITTING  # not confirmed yet
    tracker.advance(T0 + 10 * M + TRACKING.presence_debounce)
    assert tracker.snapshot().activity is Activity.STANDING
    assert tracker.activity_since == T0 + 10 * M
    restored = DeskTracker.from_dict(tracker.as_dict(), TRACKING, UTC)
    assert restored.activity_since is None  # not stored: a restart starts the stand anew
