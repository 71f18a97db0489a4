"""routine.py, the facade: every name it had before the split, the very objects of the
modules they live in now (routine_plan, routine_runner, routine_history)."""

from __future__ import annotations

from types import ModuleType

from custom_components.desk_coach import (
    routine,
    routine_history,
    routine_plan,
    routine_runner,
)

# every public name of routine.py before it was split (issue 16), by where it went
MOVED: dict[ModuleType, tuple[str, ...]] = {
    routine_plan: (
        "LISTEN_MARGIN",
        "WORDS_PER_SECOND",
        "Exercise",
        "ExerciseKind",
        "Phase",
        "Routine",
        "RoutineItem",
        "Step",
        "StepKind",
        "Timing",
        "UnknownExerciseError",
        "is_strength",
        "listen_seconds",
        "plan_routine",
    ),
    routine_runner: (
        "PAUSE_LIMIT",
        "Cue",
        "CueKind",
        "Notice",
        "RoutineEvent",
        "RoutineRunner",
        "RoutineSnapshot",
        "RoutineState",
        "StopReason",
    ),
    routine_history: (
        "HISTORY_DAYS",
        "HISTORY_ENTRIES",
        "PAIN_ADVICE_FOR",
        "Answer",
        "Check",
        "Effort",
        "Finished",
        "Outcome",
        "RoutineHistory",
        "outcome_of",
    ),
}


def test_every_name_is_still_read_from_routine() -> None:
    """What imports ``.routine`` gets the same object as from the module it moved to."""
    for module, names in MOVED.items():
        for name in names:
            assert getattr(routine, name) is getattr(module, name), name


def test_routine_exports_exactly_the_names_it_had() -> None:
    """Nothing lost, nothing added: ``__all__`` is the names routine.py had."""
    assert sorted(routine.__all__) == sorted(name for names in MOVED.values() for name in names)
