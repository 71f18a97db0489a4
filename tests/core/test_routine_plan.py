"""Routines planned into steps: sets, rests, sides, listening, strength sessions."""

from __future__ import annotations

import pytest

from custom_components.desk_coach.routine_plan import (
    RoutineItem,
    StepKind,
    Timing,
    UnknownExerciseError,
    is_strength,
    listen_seconds,
    plan_routine,
)
from tests.routine_plans import LIBRARY, MIXED, STRENGTH, TIMING, routine


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
