"""The standing-desk loop (pure): when the desk may move, and what counts as the break."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings as hypothesis_settings, strategies as st
import pytest

from custom_components.desk_coach.model import Activity, DeskTracker, Topic
from custom_components.desk_coach.stand import (
    LoopEnd,
    Motion,
    Situation,
    StandLoop,
    StandPhase,
    StandSettings,
)
from tests.helpers import TRACKING

T0 = datetime(2026, 3, 10, 16, 30, tzinfo=UTC)
S = timedelta(seconds=1)
M = timedelta(minutes=1)
RAISE = StandSettings(
    raise_desk=True, warning=10 * S, stand=5 * M, lower_after=True, raise_to=90, tolerance=2
)
SITTING = Situation(activity=Activity.SITTING, inputs=Activity.SITTING, break_due=True, height=10)
UP = replace(SITTING, height=90)  # the desk went up; nobody stood yet
STANDING = replace(UP, activity=Activity.STANDING, inputs=Activity.STANDING)
COUNTED = replace(STANDING, break_due=False)  # the stand counted as the break


def step(
    loop: StandLoop,
    at: datetime,
    situation: Situation,
    settings: StandSettings = RAISE,
    *,
    announced: bool = False,
) -> list[Motion]:
    """Update the loop and return the moves it asks for."""
    loop.update(at, situation, settings, announced=announced)
    motions, _ = loop.drain()
    return [motion for _, motion in motions]


def raised(settings: StandSettings = RAISE) -> StandLoop:
    """A loop that warned at T0 and raised the desk at T0 + warning."""
    loop = StandLoop()
    assert loop.update(T0, SITTING, settings, announced=True)
    assert step(loop, T0 + settings.warning, SITTING, settings) == [Motion.RAISE]
    return loop


def test_warning_then_raise_then_stand_then_lower() -> None:
    loop = StandLoop()
    assert loop.update(T0, SITTING, RAISE, announced=True)  # say the warning instead
    assert loop.phase is StandPhase.WARNING
    assert loop.snapshot(RAISE).moves_at == T0 + 10 * S
    assert loop.next_change(RAISE) == T0 + 10 * S
    assert step(loop, T0 + 9 * S, SITTING) == []  # not a second early
    assert step(loop, T0 + 10 * S, SITTING) == [Motion.RAISE]
    assert loop.phase is StandPhase.RAISED
    assert loop.next_change(RAISE) == T0 + 10 * S + 5 * M  # how long it waits for a stand
    assert step(loop, T0 + 20 * S, UP) == []  # the desk is up; the person gets up
    assert step(loop, T0 + 40 * S, STANDING) == []
    assert loop.phase is StandPhase.STANDING
    assert loop.snapshot(RAISE).moves_at == T0 + 40 * S + 5 * M
    assert step(loop, T0 + 70 * S, COUNTED) == []
    assert step(loop, T0 + 40 * S + 5 * M - S, COUNTED) == []
    assert step(loop, T0 + 40 * S + 5 * M, COUNTED) == [Motion.LOWER]
    assert loop.phase is StandPhase.IDLE
    assert loop.ended is LoopEnd.LOWERED
    assert loop.next_change(RAISE) is None


def test_only_announced_breaks_start_the_loop_and_only_when_raising() -> None:
    loop = StandLoop()
    assert not loop.update(T0, SITTING, RAISE)  # due, but not announced (quiet)
    assert not loop.update(T0, SITTING, replace(RAISE, raise_desk=False), announced=True)
    assert loop.phase is StandPhase.IDLE


@pytest.mark.parametrize(
    ("situation", "reason"),
    [
        (replace(SITTING, inputs=Activity.AWAY), LoopEnd.LEFT),  # left, not yet confirmed
        (replace(SITTING, inputs=Activity.UNKNOWN), LoopEnd.LEFT),
        (replace(SITTING, activity=Activity.STANDING), LoopEnd.STOOD_UP),
        (replace(SITTING, quiet=True), LoopEnd.QUIET),
        (replace(SITTING, routine=True), LoopEnd.ROUTINE),
        (replace(SITTING, height=None), LoopEnd.NO_DESK),
        (replace(SITTING, moving=True), LoopEnd.MOVED),  # someone drives the desk
        (replace(SITTING, height=89), LoopEnd.MOVED),  # already up (within tolerance)
    ],
)
def test_no_warning_and_no_motion_when_the_desk_may_not_move(
    situation: Situation, reason: LoopEnd
) -> None:
    loop = StandLoop()
    assert not loop.update(T0, situation, RAISE, announced=True)  # announced as usual
    assert loop.phase is StandPhase.IDLE
    assert step(loop, T0 + 10 * S, situation) == []
    # the same situation during the warning ends it for that reason
    loop = StandLoop()
    assert loop.update(T0, SITTING, RAISE, announced=True)
    assert step(loop, T0 + 5 * S, situation) == []
    assert loop.ended is reason
    assert step(loop, T0 + 10 * S, SITTING) == []
    _, announce_instead = loop.drain()
    assert not announce_instead


@pytest.mark.parametrize(
    ("change", "reason", "announce"),
    [
        ({"break_due": False}, LoopEnd.BREAK_OVER, False),  # taken, snoozed or skipped
        ({"height": None}, LoopEnd.NO_DESK, True),  # the desk went unavailable
        ({"quiet": True}, LoopEnd.QUIET, False),  # a meeting began
    ],
)
def test_a_cancelled_warning_moves_nothing(
    change: dict[str, object], reason: LoopEnd, announce: bool
) -> None:
    loop = StandLoop()
    assert loop.update(T0, SITTING, RAISE, announced=True)
    loop.update(T0 + 5 * S, replace(SITTING, **change), RAISE)  # type: ignore[arg-type]
    motions, announce_instead = loop.drain()
    assert (motions, loop.ended, announce_instead) == ([], reason, announce)
    assert loop.next_change(RAISE) is None


def test_switching_to_announcing_cancels_the_warning() -> None:
    loop = StandLoop()
    assert loop.update(T0, SITTING, RAISE, announced=True)
    assert step(loop, T0 + 10 * S, SITTING, replace(RAISE, raise_desk=False)) == []
    assert loop.ended is LoopEnd.TURNED_OFF


def test_nobody_standing_up_is_no_break_and_nothing_is_lowered() -> None:
    loop = raised()
    assert step(loop, T0 + 10 * S + 5 * M - S, UP) == []
    assert loop.phase is StandPhase.RAISED
    assert step(loop, T0 + 10 * S + 5 * M, UP) == []
    assert loop.ended is LoopEnd.NOT_STOOD
    assert step(loop, T0 + 20 * M, UP) == []


@pytest.mark.parametrize(
    ("later", "settings", "reason"),
    [
        (replace(COUNTED, activity=Activity.SITTING), RAISE, LoopEnd.SAT_DOWN),
        (replace(COUNTED, activity=Activity.AWAY), RAISE, LoopEnd.LEFT),
        (replace(COUNTED, activity=Activity.UNKNOWN), RAISE, LoopEnd.LEFT),  # no evidence
        (replace(COUNTED, height=110), RAISE, LoopEnd.MOVED),  # the user moved it higher
        (replace(COUNTED, moving=True), RAISE, LoopEnd.MOVED),
        (replace(COUNTED, height=None), RAISE, LoopEnd.NO_DESK),
        (replace(COUNTED, quiet=True), RAISE, LoopEnd.QUIET),
        (replace(COUNTED, routine=True), RAISE, LoopEnd.ROUTINE),
        (COUNTED, replace(RAISE, lower_after=False), LoopEnd.STOOD),
    ],
)
def test_the_desk_is_not_lowered_against_the_user(
    later: Situation, settings: StandSettings, reason: LoopEnd
) -> None:
    loop = raised(settings)
    assert step(loop, T0 + 40 * S, STANDING, settings) == []
    assert step(loop, T0 + 40 * S + 5 * M, later, settings) == []
    assert loop.ended is reason
    assert step(loop, T0 + 40 * S + 6 * M, COUNTED, settings) == []  # and not later either
    _, announce_instead = loop.drain()
    assert not announce_instead


def test_lowering_waits_for_the_stand_to_count_and_for_the_inputs_to_agree() -> None:
    loop = raised()
    assert step(loop, T0 + 40 * S, STANDING) == []
    lower_at = T0 + 40 * S + 5 * M
    assert step(loop, lower_at, STANDING) == []  # the break has not counted yet
    assert loop.phase is StandPhase.STANDING
    assert loop.next_change(RAISE) is None  # evidence decides now, not the clock
    assert step(loop, lower_at + S, replace(COUNTED, inputs=Activity.SITTING)) == []
    assert loop.phase is StandPhase.STANDING  # sitting down, not yet confirmed: hold
    assert step(loop, lower_at + 2 * S, COUNTED) == [Motion.LOWER]


def test_one_raise_per_due_break_even_when_it_failed() -> None:
    loop = raised()
    assert loop.motion_failed(Motion.RAISE)  # announce the break instead
    assert loop.ended is LoopEnd.FAILED
    assert not loop.update(T0 + 5 * M, SITTING, RAISE, announced=True)  # the reminder
    assert not loop.update(T0 + 6 * M, replace(SITTING, break_due=False), RAISE)
    assert loop.update(T0 + 36 * M, SITTING, RAISE, announced=True)  # the next break


def test_a_failed_lowering_or_a_late_failure_changes_nothing() -> None:
    loop = raised()
    assert step(loop, T0 + 40 * S, STANDING) == []
    assert not loop.motion_failed(Motion.RAISE)  # they stand anyway: go on
    assert loop.phase is StandPhase.STANDING
    assert step(loop, T0 + 40 * S + 5 * M, COUNTED) == [Motion.LOWER]
    assert not loop.motion_failed(Motion.LOWER)
    assert loop.phase is StandPhase.IDLE


@pytest.mark.parametrize("stands", [False, True])
def test_raising_alone_counts_nothing_standing_does(stands: bool) -> None:
    """With the tracker: only the standing input's evidence makes the raised desk a break."""
    tracker = DeskTracker(TRACKING, UTC, T0, Activity.SITTING)
    loop = StandLoop()
    tracker.advance(T0 + 30 * M)
    _, announcements = tracker.drain()
    assert [a.about for a in announcements] == [Topic.BREAK]
    due = T0 + 30 * M
    assert loop.update(due, replace(SITTING, break_due=True), RAISE, announced=True)
    assert step(loop, due + 10 * S, SITTING) == [Motion.RAISE]
    if stands:  # the height (or a standing sensor) reports standing once the desk is up
        tracker.observe(due + 25 * S, Activity.STANDING)
    tracker.advance(due + 5 * M)
    today = tracker.snapshot().today
    assert today.breaks_taken == (1 if stands else 0)
    assert tracker.snapshot().break_due is not stands


# ---- laws -----------------------------------------------------------------------------

activities = st.sampled_from(list(Activity))
# situations a loop meets on its way (sitting, desk up, standing, counted) and each of them
# with one thing different, so that random scripts get through the whole loop
BASES = [SITTING, UP, STANDING, COUNTED, replace(SITTING, break_due=False)]
changes = st.one_of(
    st.builds(dict, activity=activities),
    st.builds(dict, inputs=activities),
    st.builds(dict, break_due=st.booleans()),
    st.just({"quiet": True}),
    st.just({"routine": True}),
    st.just({"moving": True}),
    st.builds(dict, height=st.sampled_from([None, 0.0, 50.0, 89.0, 100.0, 110.0])),
)
situations = st.one_of(
    st.sampled_from(BASES),
    st.tuples(st.sampled_from(BASES), changes).map(lambda pair: replace(pair[0], **pair[1])),
)
seconds = st.integers(0, 400)
random_steps = st.lists(st.tuples(seconds, situations, st.booleans()), max_size=25)


def near(base: Situation, odds: int = 4) -> st.SearchStrategy[Situation]:
    """``base``, or (one time in ``odds``) ``base`` with one thing different."""
    return st.tuples(st.integers(1, odds), changes).map(
        lambda pair: replace(base, **pair[1]) if pair[0] == 1 else base
    )


# the loop's own path (announced while sitting, desk up, standing, counted), disturbed
paths = st.tuples(
    st.tuples(seconds, near(SITTING), st.just(True)),
    st.tuples(st.integers(60, 120), near(UP), st.just(False)),  # after the warning
    st.tuples(st.integers(0, 59), near(STANDING), st.just(False)),  # within the stand time
    st.lists(st.tuples(seconds, near(COUNTED, 2), st.booleans()), min_size=1, max_size=5),
    random_steps,
).map(lambda parts: [*parts[:3], *parts[3], *parts[4]])
scripts = st.one_of(random_steps, paths)
loop_settings = st.builds(
    StandSettings,
    raise_desk=st.just(True),
    warning=st.integers(5, 60).map(lambda s: s * S),
    stand=st.integers(1, 10).map(lambda m: m * M),
    lower_after=st.booleans(),
    raise_to=st.just(90.0),
    tolerance=st.just(2.0),
)

Record = list[tuple[datetime, Situation, bool, list[Motion]]]  # time, situation, warned, moves


def run(
    script: list[tuple[int, Situation, bool]],
    settings: StandSettings,
    extra: frozenset[int] = frozenset(),
) -> Record:
    """Play ``script`` like the runtime: waking at every ``next_change``, plus at ``extra``."""
    loop = StandLoop()
    record: Record = []
    now = T0
    situation = replace(SITTING, break_due=False)

    def call(at: datetime, current: Situation, announced: bool) -> None:
        warned = loop.update(at, current, settings, announced=announced)
        motions, _ = loop.drain()
        record.append((at, current, warned, [m for _, m in motions]))

    for seconds, following, announced in script:
        target = now + seconds * S
        while True:
            wake = loop.next_change(settings)
            more = [T0 + x * S for x in extra if now < T0 + x * S < target]
            candidates = [t for t in (wake, min(more, default=None)) if t is not None]
            if not candidates or min(candidates) > target:
                break
            now = min(candidates)
            call(now, situation, False)
        now = target
        call(now, following, announced)
        situation = following
    return record


def may_raise(situation: Situation, settings: StandSettings) -> bool:
    return (
        situation.activity is Activity.SITTING
        and situation.inputs is Activity.SITTING
        and situation.break_due
        and not situation.quiet
        and not situation.routine
        and not situation.moving
        and situation.height is not None
        and situation.height < settings.raise_to - settings.tolerance
    )


@hypothesis_settings(max_examples=300, deadline=None)
@given(scripts, loop_settings)
def test_the_desk_moves_only_with_evidence_and_never_in_quiet_or_a_routine(
    script: list[tuple[int, Situation, bool]], settings: StandSettings
) -> None:
    record = run(script, settings)
    warned_at: datetime | None = None
    raised_at: datetime | None = None
    stood_at: datetime | None = None
    since_due_ended = True  # one raise per due break
    for at, situation, warned, motions in record:
        if warned:
            assert may_raise(situation, settings)
            warned_at = at
        if not situation.break_due:
            since_due_ended = True
        if raised_at is not None and stood_at is None and situation.activity is Activity.STANDING:
            stood_at = at
        if raised_at is not None and situation.activity in (Activity.AWAY, Activity.UNKNOWN):
            raised_at = stood_at = None  # left: the loop is over
        if stood_at is not None and situation.activity is Activity.SITTING:
            raised_at = stood_at = None  # sat down: the loop is over
        for motion in motions:
            if motion is Motion.RAISE:
                assert may_raise(situation, settings)
                assert warned_at is not None
                assert at == warned_at + settings.warning  # exactly the lead time later
                assert since_due_ended
                since_due_ended = False
                raised_at, stood_at = at, None
            else:
                assert settings.lower_after
                assert raised_at is not None  # a lowering follows its own raise, once
                assert stood_at is not None
                assert at >= stood_at + settings.stand
                assert situation.activity is Activity.STANDING
                assert situation.inputs is Activity.STANDING
                assert not situation.quiet
                assert not situation.routine
                assert not situation.moving
                assert not situation.break_due  # the stand counted first
                assert situation.height is not None
                assert abs(situation.height - settings.raise_to) <= settings.tolerance
                raised_at = stood_at = None


@hypothesis_settings(max_examples=200, deadline=None)
@given(scripts, loop_settings, st.frozensets(st.integers(1, 4000), max_size=30))
def test_looking_more_often_changes_no_move(
    script: list[tuple[int, Situation, bool]], settings: StandSettings, extra: frozenset[int]
) -> None:
    def moves(record: Record) -> list[tuple[datetime, Motion]]:
        return [(at, motion) for at, _, _, motions in record for motion in motions]

    assert moves(run(script, settings, extra)) == moves(run(script, settings))
