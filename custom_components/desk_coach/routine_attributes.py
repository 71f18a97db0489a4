"""What the routine sensor shows besides its state: enough for a card to draw the routine.

While a routine runs: the step, its words, its timing and its picture (the URL under the
card's static path, an SVG, and a PNG for phone notifications, with its alt text). While
the pre-check asks: the routine. While idle: the advice after a pain stop, and a preview
of the built-in routines (their exercises at today's level, with their pictures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util

from .card import picture_url
from .routine import RoutineState, plan_routine

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


def picture(coach: DeskCoordinator, exercise: str) -> dict[str, str]:
    """An exercise's picture: its URLs and what it shows."""
    text = coach.library_texts.exercises.get(exercise)
    return {
        "picture": picture_url(exercise),
        "picture_png": picture_url(exercise, "png"),
        "picture_alt": text.picture if text else "",
    }


def previews(coach: DeskCoordinator) -> dict[str, Any]:
    """The built-in routines' exercises, as they would run now, with their pictures.

    Worked out again only when the programme's level changes.
    """
    level = coach.programme.level
    if (cached := coach.programme.previews) is not None and cached[0] == level:
        return cached[1]
    library, now = coach.library, dt_util.utcnow()
    shown: dict[str, Any] = {}
    for routine_id, built_in in library.routines.items():
        routine = coach.programme.session(built_in, now).routine
        steps = plan_routine(routine, library.exercises, library.timing)
        exercises = [
            {
                "exercise": step.exercise,
                "name": coach.routines.exercise_name(step.exercise),
                "sets": step.sets,
                "reps": step.reps,
                "hold": step.hold,
                "sides": 2 if step.side else 1,  # 2: every set once per side
                **picture(coach, step.exercise),
            }
            for step in steps
            if step.first
        ]
        shown[routine_id] = {"name": coach.routines.name(routine_id), "exercises": exercises}
    coach.programme.previews = (level, shown)
    return shown


def advice(coach: DeskCoordinator) -> str:
    """The words said after the last pain stop, as the card shows them.

    If that stop paused the programme: "Please see a physiotherapist before you go on." too.
    """
    words = coach.routines.pain_advice
    paused, entries = coach.programme.state.paused_at, coach.routines.history.entries
    if paused is not None and entries and entries[-1].ended == paused:
        words = f"{words} {coach.messages.text('programme_paused', {})}"
    return words


def routine_attributes(coach: DeskCoordinator) -> dict[str, Any]:
    """What the routine sensor tells besides its state."""
    routine = coach.routines.snapshot
    step = routine.step
    if routine.state is RoutineState.CHECKING and routine.routine is not None:
        return {"routine": routine.routine, "routine_name": coach.routines.name(routine.routine)}
    if routine.routine is None or step is None:
        idle: dict[str, Any] = {"previews": previews(coach)}
        if (advice_until := coach.routines.pain_advice_until(dt_util.utcnow())) is not None:
            idle |= {"advice": advice(coach), "advice_until": advice_until}
        return idle
    text = coach.library_texts.exercises.get(step.exercise)
    return {
        "routine": routine.routine,
        "routine_name": coach.routines.name(routine.routine),
        "exercise": step.exercise,
        "exercise_name": coach.routines.exercise_name(step.exercise),
        "cues": list(text.cues) if text else [],
        "safety": text.safety if text else "",
        "felt": text.felt if text else "",
        **picture(coach, step.exercise),
        "step_kind": step.kind.value,
        "set": step.set,
        "total_sets": step.sets,
        "side": step.side,
        "reps": step.reps,
        "hold": step.hold,
        "step_index": step.index + 1,
        "steps_total": routine.steps_total,
        "step_ends_at": routine.step_ends_at,
        "ends_at": routine.ends_at,
        "remaining_seconds": (
            None if routine.remaining is None else round(routine.remaining.total_seconds())
        ),
        "phase": None if routine.phase is None else routine.phase.value,
        "phase_ends_at": routine.phase_ends_at,
    }
