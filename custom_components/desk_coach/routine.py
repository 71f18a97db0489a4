"""Guided routines: the names the rest of Desk Coach imports, from where they live now.

Pure Python, no Home Assistant import, like ``model.py``. Split by concern (issue 16):

- ``routine_plan.py``: the exercise library's records and a routine planned into timed
  steps (``plan_routine``, ``listen_seconds``, ``is_strength``);
- ``routine_runner.py``: the runner, a state machine on the desk's clock (start, pause,
  resume, next, stop), its notices, cues and snapshot, stored while it runs;
- ``routine_history.py``: the routines that ended (``Finished``, ``outcome_of``), the
  strength plan and the pain advice they give, stored capped by days and count;
- ``codec.py``: the stored records' codec, shared with the model.

This module only re-exports them, so what imports ``.routine`` need not change.
"""

from __future__ import annotations

from .routine_history import (
    HISTORY_DAYS,
    HISTORY_ENTRIES,
    PAIN_ADVICE_FOR,
    Answer,
    Check,
    Effort,
    Finished,
    Outcome,
    RoutineHistory,
    outcome_of,
)
from .routine_plan import (
    LISTEN_MARGIN,
    WORDS_PER_SECOND,
    Exercise,
    ExerciseKind,
    Phase,
    Routine,
    RoutineItem,
    Step,
    StepKind,
    Timing,
    UnknownExerciseError,
    is_strength,
    listen_seconds,
    plan_routine,
)
from .routine_runner import (
    PAUSE_LIMIT,
    Cue,
    CueKind,
    Notice,
    RoutineEvent,
    RoutineRunner,
    RoutineSnapshot,
    RoutineState,
    StopReason,
)

__all__ = [
    "HISTORY_DAYS",
    "HISTORY_ENTRIES",
    "LISTEN_MARGIN",
    "PAIN_ADVICE_FOR",
    "PAUSE_LIMIT",
    "WORDS_PER_SECOND",
    "Answer",
    "Check",
    "Cue",
    "CueKind",
    "Effort",
    "Exercise",
    "ExerciseKind",
    "Finished",
    "Notice",
    "Outcome",
    "Phase",
    "Routine",
    "RoutineEvent",
    "RoutineHistory",
    "RoutineItem",
    "RoutineRunner",
    "RoutineSnapshot",
    "RoutineState",
    "Step",
    "StepKind",
    "StopReason",
    "Timing",
    "UnknownExerciseError",
    "is_strength",
    "listen_seconds",
    "outcome_of",
    "plan_routine",
]
