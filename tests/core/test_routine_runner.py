"""The routine runner's laws: commands, cues and notices, phases, pauses, storage."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.refusal import Refusal
from custom_components.desk_coach.routine_history import Outcome, outcome_of
from custom_components.desk_coach.routine_plan import (
    Exercise,
    ExerciseKind,
    Phase,
    RoutineItem,
    StepKind,
    plan_routine,
)
from custom_components.desk_coach.routine_runner import (
    PAUSE_LIMIT,
    CueKind,
    RoutineEvent,
    RoutineRunner,
    RoutineState,
    StopReason,
)
from tests.routine_plans import MIXED, STRENGTH, T0, TIMING, routine


def run_to_end(runner: RoutineRunner, until: datetime) -> tuple[list, list]:
    """Advance to ``until`` and drain."""
    runner.advance(until)
    return runner.drain()


def test_full_run_events_and_cues() -> None:
    """Started, a step per step, completed, with the cues at their instants."""
    runner = RoutineRunner()
    runner.start(T0, "test", MIXED, speak=True)
    notices, cues = run_to_end(runner, T0 + timedelta(hours=1))
    assert [(n.event, (n.at - T0).total_seconds()) for n in notices] == [
        (RoutineEvent.STARTED, 0),
        (RoutineEvent.STEP, 0),
        (RoutineEvent.STEP, 40),
        (RoutineEvent.STEP, 73),
        (RoutineEvent.COMPLETED, 133),
    ]
    assert [(c.kind, (c.at - T0).total_seconds()) for c in cues] == [
        (CueKind.START, 0),
        (CueKind.STEP, 0),
        (CueKind.COUNTDOWN, 30),
        (CueKind.STEP, 40),
        (CueKind.COUNTDOWN, 63),
        (CueKind.STEP, 73),
        (CueKind.COMPLETED, 133),
    ]
    assert runner.snapshot().state is RoutineState.IDLE
    assert outcome_of(notices[-1]) is Outcome.COMPLETED


def test_silent_run_has_events_but_no_cues() -> None:
    """A dashboard-only run says nothing but reports everything."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=False)
    assert not runner.speaking
    notices, cues = run_to_end(runner, T0 + timedelta(hours=1))
    assert cues == []
    assert notices[-1].event is RoutineEvent.COMPLETED


def refused(command: Callable[[], object]) -> str:
    """The key of the Refusal ``command`` raises (it must raise one)."""
    with pytest.raises(Refusal) as refusal:
        command()
    return refusal.value.key


def test_one_routine_at_a_time_and_idle_commands_refused() -> None:
    """Start refuses while one runs; pause/resume/next/stop refuse when idle."""
    runner = RoutineRunner()
    assert refused(lambda: runner.pause(T0)) == "no_routine_running"
    assert refused(lambda: runner.resume(T0)) == "routine_not_paused"
    assert refused(lambda: runner.next_step(T0)) == "no_routine_running"
    assert refused(lambda: runner.stop(T0, StopReason.DONE)) == "no_routine_running"
    with pytest.raises(ValueError, match="no steps"):  # a caller's mistake, not a refusal
        runner.start(T0, "empty", (), speak=True)
    assert not runner.active
    runner.start(T0, "test", STRENGTH, speak=True)
    assert refused(lambda: runner.start(T0, "test", STRENGTH, speak=True)) == "routine_running"
    assert refused(lambda: runner.resume(T0)) == "routine_not_paused"  # running, not paused
    runner.pause(T0 + timedelta(seconds=5))
    assert refused(lambda: runner.pause(T0 + timedelta(seconds=6))) == "routine_already_paused"
    assert runner.snapshot().state is RoutineState.PAUSED


def test_pause_refused_as_things_stood_before_the_clock_ran() -> None:
    """Paused too long but not yet woken: still "already paused" (as the desk said before)."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    runner.pause(T0)
    late = T0 + PAUSE_LIMIT + timedelta(seconds=1)
    assert refused(lambda: runner.pause(late)) == "routine_already_paused"
    assert not runner.active
    assert refused(lambda: runner.pause(late)) == "no_routine_running"


def test_pause_freezes_the_step_and_resume_continues() -> None:
    """Paused time does not count; the step ends its remaining time after resume."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    runner.pause(T0 + timedelta(seconds=20))
    snapshot = runner.snapshot()
    assert snapshot.state is RoutineState.PAUSED
    assert snapshot.remaining == timedelta(seconds=40)
    assert snapshot.step_ends_at is None
    assert runner.next_change() == T0 + timedelta(seconds=20) + PAUSE_LIMIT
    runner.drain()
    runner.advance(T0 + timedelta(minutes=20))
    assert runner.drain() == ([], [])  # nothing moves while paused
    resumed = T0 + timedelta(minutes=20)
    runner.resume(resumed)
    assert runner.snapshot().step_ends_at == resumed + timedelta(seconds=40)
    assert runner.snapshot().ends_at == resumed + timedelta(seconds=40 + 30 + 53)
    notices, cues = run_to_end(runner, resumed + timedelta(seconds=40))
    assert [c.kind for c in cues] == [CueKind.RESUMED, CueKind.STEP]
    assert notices[0].step is not None
    assert notices[0].step.kind is StepKind.REST


def test_a_pause_too_long_abandons_the_routine() -> None:
    """Paused and forgotten: stopped as interrupted when the pause limit is reached."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    paused = T0 + timedelta(seconds=5)
    runner.pause(paused)
    runner.drain()
    runner.advance(paused + PAUSE_LIMIT - timedelta(seconds=1))
    assert runner.active
    runner.advance(paused + PAUSE_LIMIT + timedelta(minutes=3))
    notices, cues = runner.drain()
    assert [(n.event, n.reason, n.at) for n in notices] == [
        (RoutineEvent.STOPPED, StopReason.INTERRUPTED, paused + PAUSE_LIMIT)
    ]
    assert cues == []  # nobody asked: reported, not said
    assert not runner.active
    assert runner.next_change() is None


def test_next_while_paused_goes_on_running() -> None:
    """Next during a pause starts the next step running, with its own clock."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    runner.pause(T0 + timedelta(seconds=5))
    later = T0 + timedelta(minutes=2)
    runner.next_step(later)
    assert runner.snapshot().state is RoutineState.RUNNING
    assert runner.next_change() == later + timedelta(seconds=STRENGTH[1].seconds)
    runner.advance(later + timedelta(seconds=STRENGTH[1].seconds))
    assert runner.snapshot().step == STRENGTH[2]


def test_a_step_is_listen_then_hold_reps_or_rest() -> None:
    """The sensor's phase: listen while the words are said, then the work or the rest."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    snapshot = runner.snapshot()
    assert (snapshot.phase, snapshot.phase_ends_at) == (Phase.LISTEN, T0 + timedelta(seconds=10))
    assert snapshot.step_ends_at == T0 + timedelta(seconds=60)
    assert runner.next_change() == T0 + timedelta(seconds=10)
    runner.advance(T0 + timedelta(seconds=10))
    snapshot = runner.snapshot()
    assert (snapshot.phase, snapshot.phase_ends_at) == (Phase.REPS, T0 + timedelta(seconds=60))
    assert runner.drain()[1][-1].kind is CueKind.STEP  # the phase changes silently
    runner.advance(T0 + timedelta(seconds=60))
    assert runner.snapshot().phase is Phase.REST  # said while resting: no listening
    runner.pause(T0 + timedelta(seconds=91))  # paused in the next set's 3-second lead-in
    snapshot = runner.snapshot()
    assert (snapshot.phase, snapshot.phase_ends_at) == (Phase.LISTEN, None)
    assert snapshot.remaining == timedelta(seconds=2 + 50)


@settings(max_examples=100, deadline=None)
@given(
    hold=st.integers(1, 120),
    sets=st.integers(1, 3),
    sides=st.sampled_from((1, 2)),
    rest=st.integers(0, 30),
    words=st.lists(st.integers(0, 150), min_size=1, max_size=8),
)
def test_the_hold_phase_lasts_exactly_the_hold(
    hold: int, sets: int, sides: int, rest: int, words: list[int]
) -> None:
    """However long the words take, each hold then runs its own seconds, no more, no less."""
    library = {
        "held": Exercise(
            id="held", kind=ExerciseKind.STRETCH, area="neck", hold=hold, sets=sets, sides=sides
        )
    }
    library["held"] = replace(library["held"], rest=rest)
    steps = plan_routine(
        routine(RoutineItem(exercise="held")),
        library,
        TIMING,
        lambda step: "word " * words[step.index % len(words)],
    )
    runner = RoutineRunner()
    runner.start(T0, "test", steps, speak=True)
    now = T0
    for step in steps:
        snapshot = runner.snapshot()
        assert snapshot.step == step
        if step.listen:
            assert snapshot.phase is Phase.LISTEN
            assert snapshot.phase_ends_at == now + timedelta(seconds=step.listen)
            assert runner.next_change() == snapshot.phase_ends_at
            now = snapshot.phase_ends_at
            runner.advance(now)
            snapshot = runner.snapshot()
        working = step.kind is StepKind.WORK
        assert snapshot.phase is (Phase.HOLD if working else Phase.REST)
        assert snapshot.phase_ends_at == snapshot.step_ends_at
        assert snapshot.phase_ends_at - now == timedelta(seconds=hold if working else rest)
        now = snapshot.phase_ends_at
        runner.advance(now)
    assert not runner.active


def test_next_step_skips_ahead_and_completes_after_the_last() -> None:
    """Next moves on at once; after the last step the routine completes."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    runner.drain()
    later = T0 + timedelta(seconds=5)
    for expected in (1, 2):
        runner.next_step(later)
        snapshot = runner.snapshot()
        assert snapshot.step is not None
        assert snapshot.step.index == expected
        assert snapshot.step_ends_at == later + timedelta(seconds=STRENGTH[expected].seconds)
    runner.next_step(later)
    notices, _ = runner.drain()
    assert notices[-1].event is RoutineEvent.COMPLETED
    assert notices[-1].at == later
    assert not runner.active


@pytest.mark.parametrize(
    ("reason", "cue"),
    [
        (StopReason.PAIN, CueKind.PAIN),
        (StopReason.DONE, CueKind.STOPPED),
        (StopReason.INTERRUPTED, CueKind.STOPPED),
    ],
)
def test_stop_reports_its_reason(reason: StopReason, cue: CueKind) -> None:
    """Stop ends at once with the reason on the stopped event."""
    runner = RoutineRunner()
    runner.start(T0, "test", STRENGTH, speak=True)
    runner.drain()
    runner.stop(T0 + timedelta(seconds=70), reason)
    notices, cues = runner.drain()
    # the first set ended at 60 s: the rest began before the stop
    assert [n.event for n in notices] == [RoutineEvent.STEP, RoutineEvent.STOPPED]
    assert notices[-1].reason is reason
    assert outcome_of(notices[-1]) is Outcome(reason.value)
    assert outcome_of(notices[0]) is None
    assert cues[-1].kind is cue
    assert not runner.active


chunks = st.lists(st.integers(min_value=1, max_value=90), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(chunks)
def test_results_do_not_depend_on_how_often_time_is_read(steps: list[int]) -> None:
    """Advancing in any chunks gives the same events and cues as one jump."""
    once = RoutineRunner()
    once.start(T0, "test", MIXED, speak=True)
    end = T0 + timedelta(seconds=sum(steps))
    once.advance(end)
    chunked = RoutineRunner()
    chunked.start(T0, "test", MIXED, speak=True)
    clock = T0
    for step in steps:
        clock += timedelta(seconds=step)
        chunked.advance(clock)
    assert chunked.drain() == once.drain()
    assert chunked.snapshot() == once.snapshot()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(1, 600)), max_size=6))
def test_pauses_never_shorten_or_lengthen_the_work(pauses: list[tuple[int, int]]) -> None:
    """Running time from start to completion equals the plan, however it is paused."""
    runner = RoutineRunner()
    runner.start(T0, "test", MIXED, speak=True)
    clock, paused_for = T0, timedelta(0)
    for run_for, pause_for in pauses:
        clock += timedelta(seconds=run_for)
        try:
            runner.pause(clock)
        except Refusal:  # completed
            break
        clock += timedelta(seconds=pause_for)
        paused_for += timedelta(seconds=pause_for)
        runner.resume(clock)
    runner.advance(clock + timedelta(hours=1))
    notices, _ = runner.drain()
    completed = notices[-1]
    assert completed.event is RoutineEvent.COMPLETED
    planned = timedelta(seconds=sum(step.seconds for step in MIXED))
    assert completed.at - T0 - paused_for == planned


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 140), st.booleans())
def test_saving_and_restoring_changes_nothing(seconds: int, pause: bool) -> None:
    """A runner restored from its data goes on exactly as the original."""
    runner = RoutineRunner()
    runner.start(T0, "test", MIXED, speak=True)
    now = T0 + timedelta(seconds=seconds)
    runner.advance(now)
    if pause and runner.active:
        runner.pause(now)
    runner.drain()
    restored = RoutineRunner.from_dict(runner.as_dict())
    assert restored.snapshot() == runner.snapshot()
    assert restored.speaking == runner.speaking
    for each in (runner, restored):
        with suppress(Refusal):  # not paused
            each.resume(now)
        each.advance(now + timedelta(hours=1))
    original_notices, _ = runner.drain()
    restored_notices, _ = restored.drain()
    assert restored_notices == original_notices


def test_idle_runner_stores_nothing() -> None:
    """Idle is stored as None and restored idle."""
    assert RoutineRunner().as_dict() is None
    assert RoutineRunner.from_dict(None).snapshot().state is RoutineState.IDLE
