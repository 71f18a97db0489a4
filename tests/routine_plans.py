"""The exercises and planned routines the routine tests share."""

from __future__ import annotations

from datetime import UTC, datetime

from custom_components.desk_coach.routine_plan import (
    Exercise,
    ExerciseKind,
    Routine,
    RoutineItem,
    Timing,
    plan_routine,
)

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
