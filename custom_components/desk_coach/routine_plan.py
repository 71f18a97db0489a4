"""Guided routines planned: exercises expanded into timed steps.

Pure Python, no Home Assistant import, like ``model.py``. The exercise library and the
built-in routines are data (``exercises/``); this module turns a routine into steps, which
``routine_runner.py`` runs.

A step is a set of one exercise (one side of it, for one-sided stretches) or the rest
after a set. A work step is two phases: *listen*, the time to hear what is said about it
(estimated from its words; without words ``intro`` before an exercise's first step,
``lead_in`` before later ones), then the work itself: repetitions x tempo or the hold,
exactly. A rest is said while resting. Steps follow each other without gaps, so a
routine's end is known from its start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
import math
from typing import Any

from .codec import decode_record, encode_record

WORDS_PER_SECOND = 2.5  # a text-to-speech voice's pace, about 150 words a minute
LISTEN_MARGIN = 2  # seconds for the speaker to start and a breath before the work


class ExerciseKind(StrEnum):
    """What an exercise does."""

    MOBILITY = "mobility"
    STRETCH = "stretch"
    STRENGTH = "strength"
    RELEASE = "release"


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """One exercise of the library (its words live in the language files)."""

    id: str
    kind: ExerciseKind
    area: str
    sets: int = 1
    reps: int | None = None  # repetitions per set, or
    hold: int | None = None  # seconds held per set
    tempo: int = 0  # seconds per repetition
    rest: int = 0  # seconds of rest after each set but the last
    sides: int = 1  # 2: every set once per side, left then right


@dataclass(frozen=True, kw_only=True)
class RoutineItem:
    """An exercise in a routine, optionally with its own sets, reps or hold."""

    exercise: str
    sets: int | None = None
    reps: int | None = None
    hold: int | None = None
    slower: int = 0  # seconds added to every repetition (the programme's slower levels)


@dataclass(frozen=True, kw_only=True)
class Routine:
    """A named sequence of exercises."""

    id: str
    items: tuple[RoutineItem, ...]
    name: str | None = None  # custom routines carry the user's name; built-ins are translated


@dataclass(frozen=True, kw_only=True)
class Timing:
    """How long the coach talks before a set when its words are unknown; when holds count down."""

    start: int = 0  # extra seconds before the very first step: the routine's opening words
    intro: int = 10  # seconds before an exercise's first set: its name and cues
    lead_in: int = 3  # seconds before a later set or side
    countdown: int = 10  # a hold of at least twice this hears "N seconds left"

    def listen(self, *, first: bool, opening: bool) -> int:
        """A listen phase when its words are not known: intro or lead-in, and the opening."""
        return (self.intro if first else self.lead_in) + (self.start if opening else 0)


class StepKind(StrEnum):
    """Work or rest."""

    WORK = "work"
    REST = "rest"


class Phase(StrEnum):
    """What the user does now within a step: listen first, then the work or the rest."""

    LISTEN = "listen"
    HOLD = "hold"
    REPS = "reps"
    REST = "rest"


def listen_seconds(text: str) -> int:
    """Seconds to hear ``text`` said aloud (0 for no words), with a small margin."""
    words = len(text.split())
    return math.ceil(words / WORDS_PER_SECOND) + LISTEN_MARGIN if words else 0


@dataclass(frozen=True, kw_only=True)
class Step:
    """One timed step of a planned routine."""

    index: int
    kind: StepKind
    exercise: str
    set: int
    sets: int
    side: int  # 0: no sides, 1: left, 2: right
    reps: int | None
    hold: int | None
    seconds: int  # listen + work
    first: bool  # the exercise's first step: its name and cues are spoken
    countdown: int = 0  # seconds before the end at which the hold is counted down; 0: none
    listen: int = 0  # the first seconds, to hear what is said about the step
    slower: int = 0  # seconds added to every repetition: a slower way back

    @property
    def work_phase(self) -> Phase:
        """The phase after listening: the hold, the repetitions or the rest."""
        if self.kind is StepKind.REST:
            return Phase.REST
        return Phase.HOLD if self.hold is not None else Phase.REPS

    @property
    def work(self) -> timedelta:
        """How long the hold, the repetitions or the rest last, after listening."""
        return timedelta(seconds=self.seconds - self.listen)

    def as_dict(self) -> dict[str, Any]:
        """The step as JSON data (service responses, attributes, storage); ``slower`` if set."""
        data = encode_record(self)
        return data if self.slower else {k: v for k, v in data.items() if k != "slower"}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Step:
        """The inverse of ``as_dict`` (strict: a mistyped field raises)."""
        return decode_record(cls, data)


class UnknownExerciseError(ValueError):
    """A routine names an exercise the library does not have."""


def _dose(item: RoutineItem, exercise: Exercise) -> tuple[int, int | None, int | None]:
    """Sets, then repetitions or the hold: the item's where it sets them, else the library's."""
    hold = item.hold if item.hold is not None else exercise.hold
    reps = None if hold is not None and item.reps is None else (item.reps or exercise.reps)
    return item.sets or exercise.sets, reps, None if reps is not None else hold


def plan_routine(
    routine: Routine,
    library: dict[str, Exercise],
    timing: Timing,
    said: Callable[[Step], str] | None = None,
) -> tuple[Step, ...]:
    """Expand a routine into its timed steps.

    ``said``: the words spoken at a work step's start (for the first step, with the
    routine's opening words); its listen phase lasts the time to hear them. Without it
    the listen phase is ``timing``'s.
    """
    steps: list[Step] = []
    for item in routine.items:
        exercise = library.get(item.exercise)
        if exercise is None:
            raise UnknownExerciseError(item.exercise)
        sets, reps, hold = _dose(item, exercise)
        slower = item.slower if reps is not None else 0
        work = reps * (exercise.tempo + slower) if reps is not None else hold or 0
        countdown = timing.countdown if hold is not None and hold >= 2 * timing.countdown else 0
        sides = (1, 2) if exercise.sides == 2 else (0,)
        for number in range(1, sets + 1):
            for side in sides:
                first = number == 1 and side in (0, 1)
                step = Step(
                    index=len(steps),
                    kind=StepKind.WORK,
                    exercise=exercise.id,
                    set=number,
                    sets=sets,
                    side=side,
                    reps=reps,
                    hold=hold,
                    seconds=work,
                    first=first,
                    countdown=countdown,
                    slower=slower,
                )
                if said is None:
                    listen = timing.listen(first=first, opening=not steps)
                else:
                    listen = listen_seconds(said(step))
                steps.append(replace(step, listen=listen, seconds=listen + work))
            if number < sets and exercise.rest > 0:
                steps.append(
                    Step(
                        index=len(steps),
                        kind=StepKind.REST,
                        exercise=exercise.id,
                        set=number,
                        sets=sets,
                        side=0,
                        reps=None,
                        hold=None,
                        seconds=exercise.rest,
                        first=False,
                    )
                )
    return tuple(steps)


def is_strength(steps: tuple[Step, ...], library: dict[str, Exercise]) -> bool:
    """A routine with a strength exercise counts as a strength session."""
    return any(
        (exercise := library.get(step.exercise)) is not None
        and exercise.kind is ExerciseKind.STRENGTH
        for step in steps
    )
