"""The routine runner's laws: planned steps, their timing, commands, history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
import json

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.routine import (
    HISTORY_DAYS,
    HISTORY_ENTRIES,
    PAIN_ADVICE_FOR,
    PAUSE_LIMIT,
    Answer,
    CueKind,
    Exercise,
    ExerciseKind,
    Finished,
    Outcome,
    Phase,
    Routine,
    RoutineEvent,
    RoutineHistory,
    RoutineItem,
    RoutineRunner,
    RoutineState,
    StepKind,
    StopReason,
    Timing,
    UnknownExerciseError,
    is_strength,
    listen_seconds,
    outcome_of,
    plan_routine,
)
from custom_components.desk_coach.stored_data import STORAGE_MINOR_VERSION, STORAGE_VERSION

T0 = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
TIMING = Timing(intro=10, lead_in=3, countdown=10)
LIBRARY = {
    "tuck": Exercise(
        id="tuck", kind=ExerciseKind.STRENGTH, area="neck", sets=2, reps=10, tempo=5, rest=30
    ),
    "trap": Exercise(id="trap", kind=ExerciseKind.STRETCH, area="neck", hold=30, sides=2),
    "roll": Exercise(id="roll", kind=ExerciseKind.MOBILITY, area="shoulders", hold=15),
}


def routine(*items: RoutineItem, routine_id: str = "test") -> Routine:
    """A routine of the given items."""
    return Routine(id=routine_id, items=items)


STRENGTH = plan_routine(routine(RoutineItem(exercise="tuck")), LIBRARY, TIMING)
MIXED = plan_routine(
    routine(RoutineItem(exercise="trap"), RoutineItem(exercise="tuck", sets=1)),
    LIBRARY,
    TIMING,
)


def test_plan_sets_rests_and_lead_ins() -> None:
    """Two sets of ten at five seconds: intro, work, rest, lead-in, work."""
    assert [(s.kind, s.set, s.seconds, s.first) for s in STRENGTH] == [
        (StepKind.WORK, 1, 10 + 50, True),
        (StepKind.REST, 1, 30, False),
        (StepKind.WORK, 2, 3 + 50, False),
    ]
    assert [s.index for s in STRENGTH] == [0, 1, 2]
    assert all(s.reps == 10 and s.hold is None for s in STRENGTH if s.kind is StepKind.WORK)


def test_plan_sides_and_countdown() -> None:
    """A one-sided hold: left then right, each counted down; overrides apply."""
    trap = [s for s in MIXED if s.exercise == "trap"]
    assert [(s.side, s.seconds, s.countdown, s.first) for s in trap] == [
        (1, 10 + 30, 10, True),
        (2, 3 + 30, 10, False),
    ]
    tuck = [s for s in MIXED if s.exercise == "tuck"]
    assert [(s.set, s.sets) for s in tuck] == [(1, 1)]  # sets overridden, so no rest
    short = plan_routine(routine(RoutineItem(exercise="roll")), LIBRARY, TIMING)
    assert short[0].countdown == 0  # 15 s is too short to count down from 10


def test_plan_overrides_between_reps_and_hold() -> None:
    """An item may turn a reps exercise into a hold and back."""
    held = plan_routine(routine(RoutineItem(exercise="tuck", hold=20, sets=1)), LIBRARY, TIMING)
    assert (held[0].reps, held[0].hold, held[0].seconds) == (None, 20, 30)
    counted = plan_routine(routine(RoutineItem(exercise="roll", reps=4)), LIBRARY, TIMING)
    assert (counted[0].reps, counted[0].hold) == (4, None)


def test_plan_refuses_unknown_exercise() -> None:
    """A routine naming an exercise the library lacks cannot be planned."""
    with pytest.raises(UnknownExerciseError):
        plan_routine(routine(RoutineItem(exercise="nope")), LIBRARY, TIMING)


def test_strength_sessions_are_routines_with_strength_work() -> None:
    """Strength exercise inside: a strength session; stretches only: not."""
    assert is_strength(STRENGTH, LIBRARY)
    trap_only = plan_routine(routine(RoutineItem(exercise="trap")), LIBRARY, TIMING)
    assert not is_strength(trap_only, LIBRARY)


def run_to_end(runner: RoutineRunner, until: datetime) -> tuple[list, list]:
    """Advance to ``until`` and drain."""
    runner.advance(until)
    return runner.drain()


def test_full_run_events_and_cues() -> None:
    """Started, a step per step, completed, with the cues at their instants."""
    runner = RoutineRunner()
    assert runner.start(T0, "test", MIXED, speak=True)
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


def test_one_routine_at_a_time_and_idle_commands_refused() -> None:
    """Start refuses while one runs; pause/resume/next/stop refuse when idle."""
    runner = RoutineRunner()
    assert not runner.pause(T0)
    assert not runner.resume(T0)
    assert not runner.next_step(T0)
    assert not runner.stop(T0, StopReason.DONE)
    assert not runner.start(T0, "empty", (), speak=True)
    assert runner.start(T0, "test", STRENGTH, speak=True)
    assert not runner.start(T0, "test", STRENGTH, speak=True)
    assert not runner.resume(T0)  # running, not paused
    assert runner.pause(T0 + timedelta(seconds=5))
    assert not runner.pause(T0 + timedelta(seconds=6))


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
    assert runner.resume(resumed)
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
    assert runner.next_step(later)
    assert runner.snapshot().state is RoutineState.RUNNING
    assert runner.next_change() == later + timedelta(seconds=STRENGTH[1].seconds)
    runner.advance(later + timedelta(seconds=STRENGTH[1].seconds))
    assert runner.snapshot().step == STRENGTH[2]


def test_the_first_step_has_time_for_the_opening_words() -> None:
    """Timing.start lengthens only the routine's first step."""
    timed = plan_routine(routine(RoutineItem(exercise="tuck")), LIBRARY, Timing(start=7))
    assert [s.seconds for s in timed] == [s.seconds + (7 if s.index == 0 else 0) for s in STRENGTH]


def test_listening_takes_as_long_as_the_words() -> None:
    """About 2.5 words a second and a 2-second margin; no words, no listening."""
    assert listen_seconds("") == 0
    assert listen_seconds("Set 2 of 2: 10 slow reps.") == 3 + 2  # 7 words: 2.8 s
    lengths = [listen_seconds("word " * count) for count in range(1, 200)]
    assert lengths == sorted(lengths)
    assert lengths[0] == 3
    assert lengths[99] == 40 + 2  # 100 words
    item = routine(RoutineItem(exercise="roll"))
    short = plan_routine(item, LIBRARY, TIMING, lambda step: "Shoulder rolls.")
    long = plan_routine(item, LIBRARY, TIMING, lambda step: "Shoulder rolls. " * 20)
    assert (short[0].listen, long[0].listen) == (3, 18)
    assert short[0].seconds - short[0].listen == long[0].seconds - long[0].listen == 15


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
        assert runner.next_step(later)
        snapshot = runner.snapshot()
        assert snapshot.step is not None
        assert snapshot.step.index == expected
        assert snapshot.step_ends_at == later + timedelta(seconds=STRENGTH[expected].seconds)
    assert runner.next_step(later)
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
    assert runner.stop(T0 + timedelta(seconds=70), reason)
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
        if not runner.pause(clock):
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
    if pause:
        runner.pause(now)
    runner.drain()
    restored = RoutineRunner.from_dict(runner.as_dict())
    assert restored.snapshot() == runner.snapshot()
    assert restored.speaking == runner.speaking
    for each in (runner, restored):
        each.resume(now)
        each.advance(now + timedelta(hours=1))
    original_notices, _ = runner.drain()
    restored_notices, _ = restored.drain()
    assert restored_notices == original_notices


def test_idle_runner_stores_nothing() -> None:
    """Idle is stored as None and restored idle."""
    assert RoutineRunner().as_dict() is None
    assert RoutineRunner.from_dict(None).snapshot().state is RoutineState.IDLE


def finished(day: date, outcome: Outcome = Outcome.COMPLETED, *, strength: bool = True) -> Finished:
    """A history entry on ``day``."""
    ended = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
    return Finished(ended=ended, day=day, routine="x", outcome=outcome, strength=strength)


MONDAY = date(2026, 3, 9)


def test_pain_advice_shows_for_a_while_after_a_pain_stop() -> None:
    """Five minutes after a routine stopped for pain; a later routine ends it."""
    history = RoutineHistory()
    pain = finished(MONDAY, Outcome.PAIN)
    assert history.pain_advice_until(pain.ended) is None
    history.record(pain)
    until = pain.ended + PAIN_ADVICE_FOR
    assert timedelta(minutes=5) == PAIN_ADVICE_FOR
    assert history.pain_advice_until(pain.ended) == until
    assert history.pain_advice_until(until - timedelta(seconds=1)) == until
    assert history.pain_advice_until(until) is None
    history.record(replace(finished(MONDAY), ended=pain.ended + timedelta(minutes=1)))
    assert history.pain_advice_until(pain.ended + timedelta(minutes=2)) is None


def test_strength_every_other_day_and_missed_days_move_the_plan() -> None:
    """Next = two days after the last session, never in the past."""
    history = RoutineHistory()
    assert history.next_strength(MONDAY) == MONDAY  # never trained: today
    history.record(finished(MONDAY))
    assert history.next_strength(MONDAY) == MONDAY + timedelta(days=2)
    assert history.next_strength(MONDAY + timedelta(days=1)) == MONDAY + timedelta(days=2)
    thursday = MONDAY + timedelta(days=3)
    assert history.next_strength(thursday) == thursday  # Wednesday missed: moved, not piled
    history.record(finished(thursday, Outcome.PAIN))
    history.record(finished(thursday, strength=False))
    assert history.next_strength(thursday) == thursday  # neither counts as a session


def test_strength_week_done_and_planned() -> None:
    """Done this week, plus every other day from the next session to Sunday."""
    history = RoutineHistory()
    assert history.strength_week(MONDAY) == (0, 4)  # Mon, Wed, Fri, Sun
    history.record(finished(MONDAY))
    history.record(finished(MONDAY))  # twice on one day is one session
    assert history.strength_week(MONDAY) == (1, 4)
    friday = MONDAY + timedelta(days=4)
    assert history.strength_week(friday) == (1, 3)  # Fri, Sun still ahead
    next_monday = MONDAY + timedelta(days=7)
    assert history.strength_week(next_monday) == (0, 4)


def test_history_counts_and_forgets() -> None:
    """Completed per day, pain stops kept, old entries dropped, data round trip."""
    history = RoutineHistory()
    history.record(finished(MONDAY))
    history.record(finished(MONDAY, Outcome.PAIN))
    history.record(finished(MONDAY, Outcome.DONE))
    assert history.completed_on(MONDAY) == 1
    assert [entry.outcome for entry in history.pain_stops()] == [Outcome.PAIN]
    assert RoutineHistory.from_list(history.as_list()) == history
    much_later = MONDAY + timedelta(days=500)
    history.record(finished(much_later))
    assert [entry.day for entry in history.entries] == [much_later]
    assert RoutineHistory.from_list(None).entries == []


@settings(max_examples=300)
@given(
    limit=st.integers(min_value=1, max_value=8),
    records=st.lists(
        st.tuples(st.integers(min_value=0, max_value=250), st.sampled_from(list(Outcome))),
        max_size=40,
    ),
)
def test_law_the_history_keeps_the_newest_within_its_days_and_count(
    limit: int, records: list[tuple[int, Outcome]]
) -> None:
    """After any routines, in the order they ended: at most ``limit`` entries, none older
    than HISTORY_DAYS before the newest, and exactly the newest that fit both caps."""
    history, recorded, day = RoutineHistory(limit=limit), [], MONDAY
    for number, (gap, outcome) in enumerate(records):
        day += timedelta(days=gap)
        entry = replace(
            finished(day, outcome), ended=finished(day).ended + timedelta(seconds=number)
        )
        history.record(entry)
        recorded.append(entry)
        kept = history.entries
        assert 1 <= len(kept) <= limit
        assert all(entry.day - old.day < timedelta(days=HISTORY_DAYS) for old in kept)
        assert kept == recorded[len(recorded) - len(kept) :]  # the newest, in order
        dropped = recorded[: len(recorded) - len(kept)]
        assert (
            not dropped
            or len(kept) == limit
            or entry.day - dropped[-1].day >= timedelta(days=HISTORY_DAYS)
        )  # none dropped that fits both caps
        if outcome is Outcome.PAIN:  # the advice after a pain stop survives the caps
            assert history.pain_advice_until(entry.ended) == entry.ended + PAIN_ADVICE_FOR
            assert history.pain_stops()[-1] == entry
    assert RoutineHistory.from_list(history.as_list()) == history


def test_history_stored_before_the_count_cap_is_trimmed_on_loading() -> None:
    """More entries than the cap (a file written before it): the newest are kept."""
    stored = [
        replace(finished(MONDAY), ended=finished(MONDAY).ended + timedelta(seconds=n)).as_dict()
        for n in range(HISTORY_ENTRIES + 25)
    ]
    loaded = RoutineHistory.from_list(stored)
    assert loaded.as_list() == stored[25:]


# The routine history of 400 days of heavy use, as the store writes it, stays under 1 MB
# (938,030 bytes measured, the README says so).
STORED_HISTORY_BOUND = 1_000_000  # bytes


def test_400_days_of_heavy_use_stay_under_the_stored_size_bound() -> None:
    """12 routines a day for 400 days (above the 10 a day the cap allows for): the oldest go,
    every figure read from the history still holds, and the stored size stays bounded."""
    history, first = RoutineHistory(), date(2026, 1, 5)
    steps = ("chin_tuck", "wall_angel", "doorway_stretch")
    last = first
    for offset in range(400):
        last = first + timedelta(days=offset)
        start = datetime(last.year, last.month, last.day, 8, 3, 17, 123456, tzinfo=UTC)
        for number in range(12):
            ended = start + timedelta(minutes=47 * number, microseconds=number)
            strength = offset % 2 == 0 and number == 0
            outcome, step = Outcome.COMPLETED, None
            if number == 11 and offset % 5 == 4:
                outcome, step = Outcome.PAIN, steps[offset % 3]
            elif number == 10:
                outcome, step = Outcome.INTERRUPTED, steps[number % 3]
            history.record(
                Finished(
                    ended=ended,
                    day=last,
                    routine="strengthen" if strength else "stretch",
                    outcome=outcome,
                    strength=strength,
                    step=step,
                )
            )
            if outcome is Outcome.COMPLETED and number % 2:
                history.answer(ended, Answer.YES)
    assert last - first == timedelta(days=HISTORY_DAYS - 1)  # within the days: the count bites
    assert len(history.entries) == HISTORY_ENTRIES
    assert history.entries[-1].day == last
    assert history.entries[0].day == first + timedelta(days=(400 * 12 - HISTORY_ENTRIES) // 12)
    summary = history.summary(last)
    assert summary.completed_today == 10  # the whole newest day is kept
    assert history.strength_days()[-1] == last - timedelta(days=1)
    assert summary.next_strength == last + timedelta(days=1)
    assert history.pain_advice_until(history.entries[-1].ended) is not None  # day 399 hurt
    assert history.pain_stops()[-1].ended == history.entries[-1].ended
    assert len(history.pain_stops()) == len(
        {entry.day for entry in history.entries if (entry.day - first).days % 5 == 4}
    )
    # as the store writes it: Home Assistant's JSON with a two-space indent (the same bytes
    # as its prepare_save_json for these plain values), in the Store's envelope
    envelope = {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
        "key": "desk_coach.01JDESKCOACHENTRY000000000",
        "data": {"routine_history": history.as_list()},
    }
    stored = json.dumps(envelope, indent=2).encode()
    assert len(stored) < STORED_HISTORY_BOUND
    assert RoutineHistory.from_list(json.loads(stored)["data"]["routine_history"]) == history
