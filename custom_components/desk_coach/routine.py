"""Guided routines: exercises planned into timed steps, run on the desk's clock.

Pure Python, no Home Assistant import, like ``model.py``. The exercise library and the
built-in routines are data (``exercises/``); this module turns a routine into steps,
runs them (start, pause, resume, next, stop) and keeps the routine history that plans
the next strength session.

A step is a set of one exercise (one side of it, for one-sided stretches) or the rest
after a set. A work step is two phases: *listen*, the time to hear what is said about it
(estimated from its words; without words ``intro`` before an exercise's first step,
``lead_in`` before later ones), then the work itself: repetitions x tempo or the hold,
exactly. A rest is said while resting. Steps follow each other without gaps, so a
routine's end is known from its start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
import math
from typing import Any

from .model import as_utc, decode_record

HISTORY_DAYS = 400
# The routine history's cap by count, beside its cap by days. A heavy user runs about 10
# routines a day (a stretch at every break of a long day, a strengthening session, one
# stopped early); 10 a day for the HISTORY_DAYS kept is 4,000, so everyday use does not
# reach it; a runaway does (an automation starting and stopping routines in a loop): then
# the oldest go first, and the stored history stays about 1 MB however long it runs
# (938 kB measured for 4,000 entries, about 235 bytes each, in tests/test_routine.py).
HISTORY_ENTRIES = 10 * HISTORY_DAYS
STRENGTH_EVERY_DAYS = 2
PAUSE_LIMIT = timedelta(minutes=30)  # a routine paused longer is abandoned: breaks resume
PAIN_ADVICE_FOR = timedelta(minutes=5)  # how long the card shows the advice after a pain stop
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
        """The step as JSON data (service responses, attributes, storage)."""
        return {
            "index": self.index,
            "kind": self.kind.value,
            "exercise": self.exercise,
            "set": self.set,
            "sets": self.sets,
            "side": self.side,
            "reps": self.reps,
            "hold": self.hold,
            "seconds": self.seconds,
            "first": self.first,
            "countdown": self.countdown,
            "listen": self.listen,
        }

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
        work = reps * exercise.tempo if reps is not None else hold or 0
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


class RoutineState(StrEnum):
    """The routine sensor's states."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


class RoutineEvent(StrEnum):
    """The types of the desk_coach_routine event."""

    STARTED = "started"
    STEP = "step"
    COMPLETED = "completed"
    STOPPED = "stopped"


class StopReason(StrEnum):
    """Why a routine stopped before its end."""

    DONE = "done"  # the user ended it early: kept, not counted as completed
    PAIN = "pain"  # stop at once, rest, and it is kept in the history
    INTERRUPTED = "interrupted"  # a restart, an unload: not the user's doing


class CueKind(StrEnum):
    """What the coach says while a routine runs."""

    START = "start"
    STEP = "step"
    COUNTDOWN = "countdown"
    PAUSED = "paused"
    RESUMED = "resumed"
    COMPLETED = "completed"
    STOPPED = "stopped"
    PAIN = "pain"


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A routine event for the bus, the event entity and the logbook."""

    at: datetime
    event: RoutineEvent
    routine: str
    step: Step | None = None
    reason: StopReason | None = None
    strength: bool = False  # the routine is a strength session

    def details(self) -> dict[str, str | int]:
        """What the bus event and the event entity carry besides the type."""
        details: dict[str, str | int] = {"routine": self.routine}
        if self.step is not None and self.event is RoutineEvent.STEP:
            details["exercise"] = self.step.exercise
            details["step"] = self.step.index + 1
        if self.reason is not None:
            details["reason"] = self.reason.value
        return details


@dataclass(frozen=True, kw_only=True)
class Cue:
    """Something to say; ``step`` is the step it is about."""

    at: datetime
    kind: CueKind
    routine: str
    step: Step | None = None


@dataclass(frozen=True, kw_only=True)
class RoutineSnapshot:
    """Where the routine stands."""

    state: RoutineState
    routine: str | None = None
    step: Step | None = None
    steps_total: int = 0
    step_ends_at: datetime | None = None  # None while paused
    ends_at: datetime | None = None  # the whole routine's end, None while paused
    remaining: timedelta | None = None  # of the current step
    phase: Phase | None = None
    phase_ends_at: datetime | None = None  # None while paused


@dataclass(kw_only=True)
class _Run:
    routine: str
    steps: tuple[Step, ...]
    speak: bool
    strength: bool = False
    index: int = 0
    step_end: datetime | None = None  # while running
    remaining: timedelta | None = None  # while paused
    paused_at: datetime | None = None
    counted_down: bool = False
    listening: bool = False  # the step's words are still being said


@dataclass(kw_only=True)
class _Out:
    notices: list[Notice] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)


class RoutineRunner:
    """Runs at most one routine at a time on the clock it is given."""

    def __init__(self) -> None:
        """Start idle."""
        self._run: _Run | None = None
        self._out = _Out()

    # ---- commands: each returns False when it does not apply ----------------------

    def start(
        self,
        now: datetime,
        routine: str,
        steps: tuple[Step, ...],
        *,
        speak: bool,
        strength: bool = False,
    ) -> bool:
        """Start ``routine`` now; False when one runs already or it has no steps."""
        if self._run is not None or not steps:
            return False
        now = as_utc(now)
        run = _Run(routine=routine, steps=steps, speak=speak, strength=strength)
        self._run = run
        self._notice(run, now, RoutineEvent.STARTED)
        self._cue(run, now, CueKind.START, None)
        self._begin_step(run, now, 0)
        return True

    def pause(self, now: datetime) -> bool:
        """Hold the clock of the current step; False unless running."""
        self.advance(now)
        run = self._run
        if run is None or run.step_end is None:
            return False
        run.remaining = max(run.step_end - as_utc(now), timedelta(0))
        run.step_end = None
        run.paused_at = as_utc(now)
        self._cue(run, as_utc(now), CueKind.PAUSED, run.steps[run.index])
        return True

    def resume(self, now: datetime) -> bool:
        """Go on where the pause left off; False unless paused."""
        run = self._run
        if run is None or run.remaining is None:
            return False
        now = as_utc(now)
        run.step_end = now + run.remaining
        run.remaining = None
        run.paused_at = None
        self._cue(run, now, CueKind.RESUMED, run.steps[run.index])
        return True

    def next_step(self, now: datetime) -> bool:
        """Skip to the next step (or complete after the last); False when idle."""
        self.advance(now)
        if self._run is None:
            return False
        self._finish_step(self._run, as_utc(now))
        return True

    def stop(self, now: datetime, reason: StopReason) -> bool:
        """End the routine before its end; False when idle."""
        self.advance(now)
        run = self._run
        if run is None:
            return False
        self._stop(run, as_utc(now), reason)
        return True

    def _stop(self, run: _Run, at: datetime, reason: StopReason, *, say: bool = True) -> None:
        step = run.steps[run.index]
        self._notice(run, at, RoutineEvent.STOPPED, step, reason)
        if say:
            kind = CueKind.PAIN if reason is StopReason.PAIN else CueKind.STOPPED
            self._cue(run, at, kind, step)
        self._run = None

    def advance(self, now: datetime) -> None:
        """Let the routine's clock run to ``now``; a pause too long stops the routine."""
        now = as_utc(now)
        run = self._run
        if run is not None and run.paused_at is not None and run.paused_at + PAUSE_LIMIT <= now:
            # nobody asked for it: reported, but not said (it may be a meeting by now)
            self._stop(run, run.paused_at + PAUSE_LIMIT, StopReason.INTERRUPTED, say=False)
            return
        while (run := self._run) is not None and run.step_end is not None:
            step = run.steps[run.index]
            if run.listening and run.step_end - step.work <= now:
                run.listening = False
            countdown_at = run.step_end - timedelta(seconds=step.countdown)
            if step.countdown and not run.counted_down and countdown_at <= now:
                run.counted_down = True
                if countdown_at < run.step_end:
                    self._cue(run, countdown_at, CueKind.COUNTDOWN, step)
            if run.step_end > now:
                return
            self._finish_step(run, run.step_end)

    # ---- answers ------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        """A routine is paused."""
        return self._run is not None and self._run.step_end is None

    @property
    def active(self) -> bool:
        """A routine runs or is paused."""
        return self._run is not None

    def snapshot(self) -> RoutineSnapshot:
        """Where the routine stands (call ``advance`` first)."""
        run = self._run
        if run is None:
            return RoutineSnapshot(state=RoutineState.IDLE)
        step = run.steps[run.index]
        later = timedelta(seconds=sum(s.seconds for s in run.steps[run.index + 1 :]))
        phase_end = run.step_end
        if phase_end is not None and run.listening:
            phase_end -= step.work
        return RoutineSnapshot(
            state=RoutineState.RUNNING if run.step_end is not None else RoutineState.PAUSED,
            routine=run.routine,
            step=step,
            steps_total=len(run.steps),
            step_ends_at=run.step_end,
            ends_at=None if run.step_end is None else run.step_end + later,
            remaining=run.remaining,
            phase=Phase.LISTEN if run.listening else step.work_phase,
            phase_ends_at=phase_end,
        )

    @property
    def steps(self) -> tuple[Step, ...]:
        """The running routine's steps (none when idle)."""
        return () if self._run is None else self._run.steps

    @property
    def speaking(self) -> bool:
        """The running routine is announced (not a silent dashboard run)."""
        return self._run is not None and self._run.speak

    def next_change(self) -> datetime | None:
        """When the routine needs the clock next (None: idle)."""
        run = self._run
        if run is None:
            return None
        if run.paused_at is not None:
            return run.paused_at + PAUSE_LIMIT
        if run.step_end is None:
            return None
        step = run.steps[run.index]
        if run.listening:
            return run.step_end - step.work
        if step.countdown and not run.counted_down:
            return run.step_end - timedelta(seconds=step.countdown)
        return run.step_end

    def drain(self) -> tuple[list[Notice], list[Cue]]:
        """Hand over what happened and what to say since the last call."""
        out, self._out = self._out, _Out()
        return out.notices, out.cues

    # ---- the running --------------------------------------------------------------

    def _begin_step(self, run: _Run, at: datetime, index: int) -> None:
        run.index = index
        run.counted_down = False
        step = run.steps[index]
        run.listening = step.listen > 0
        run.step_end = at + timedelta(seconds=step.seconds)
        run.remaining = None
        run.paused_at = None  # "next" while paused goes on running
        self._notice(run, at, RoutineEvent.STEP, step)
        self._cue(run, at, CueKind.STEP, step)

    def _finish_step(self, run: _Run, at: datetime) -> None:
        """The current step ends at ``at``: begin the next one or complete."""
        if run.index + 1 < len(run.steps):
            self._begin_step(run, at, run.index + 1)
            return
        self._notice(run, at, RoutineEvent.COMPLETED, run.steps[run.index])
        self._cue(run, at, CueKind.COMPLETED, None)
        self._run = None

    def _notice(
        self,
        run: _Run,
        at: datetime,
        event: RoutineEvent,
        step: Step | None = None,
        reason: StopReason | None = None,
    ) -> None:
        self._out.notices.append(
            Notice(
                at=at,
                event=event,
                routine=run.routine,
                step=step,
                reason=reason,
                strength=run.strength,
            )
        )

    def _cue(self, run: _Run, at: datetime, kind: CueKind, step: Step | None) -> None:
        if run.speak:
            self._out.cues.append(Cue(at=at, kind=kind, routine=run.routine, step=step))

    # ---- persistence --------------------------------------------------------------

    def as_dict(self) -> dict[str, Any] | None:
        """The running routine as JSON data (None when idle)."""
        run = self._run
        if run is None:
            return None
        return {
            "routine": run.routine,
            "steps": [step.as_dict() for step in run.steps],
            "speak": run.speak,
            "strength": run.strength,
            "index": run.index,
            "step_end": None if run.step_end is None else run.step_end.isoformat(),
            "remaining": None if run.remaining is None else run.remaining.total_seconds(),
            "paused_at": None if run.paused_at is None else run.paused_at.isoformat(),
            "listening": run.listening,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> RoutineRunner:
        """The inverse of ``as_dict`` (strict: a mistyped or missing field raises)."""
        runner = cls()
        if data is not None:
            steps = tuple(Step.from_dict(step) for step in data["steps"])
            checked = decode_record(_Stored, {**data, "steps": len(steps)})
            if not 0 <= checked.index < len(steps):
                raise ValueError(f"step {checked.index} of {len(steps)}")
            runner._run = _Run(
                routine=checked.routine,
                steps=steps,
                speak=checked.speak,
                strength=checked.strength,
                index=checked.index,
                step_end=checked.step_end,
                remaining=checked.remaining,
                paused_at=checked.paused_at,
                counted_down=True,  # never count down a hold twice
                listening=checked.listening,
            )
        return runner


@dataclass(frozen=True, kw_only=True)
class _Stored:
    """The fields of a stored running routine besides its steps, to check their types."""

    routine: str
    steps: int
    speak: bool
    index: int
    strength: bool = False
    step_end: datetime | None = None
    remaining: timedelta | None = None
    paused_at: datetime | None = None
    listening: bool = False


class Outcome(StrEnum):
    """How a routine ended, as the history keeps it."""

    COMPLETED = "completed"
    DONE = "done"
    PAIN = "pain"
    INTERRUPTED = "interrupted"


class Answer(StrEnum):
    """What the user said when asked whether they did the routine."""

    YES = "yes"
    NO = "no"
    NONE = "none"  # no answer in time, or none understood


@dataclass(frozen=True, kw_only=True)
class Finished:
    """A routine that ended, kept in the history."""

    ended: datetime
    day: date  # the local day it ended on
    routine: str
    outcome: Outcome
    strength: bool  # it contained a strength exercise
    step: str | None = None  # the exercise it stopped at (pain, done, interrupted)
    answer: Answer | None = None  # asked "did you do it?" at the end: what was said

    def as_dict(self) -> dict[str, Any]:
        """The entry as JSON data."""
        return {
            "ended": self.ended.isoformat(),
            "day": self.day.isoformat(),
            "routine": self.routine,
            "outcome": self.outcome.value,
            "strength": self.strength,
            "step": self.step,
            "answer": None if self.answer is None else self.answer.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finished:
        """The inverse of ``as_dict`` (strict: a mistyped or missing field raises)."""
        return decode_record(cls, {**data, "answer": data.get("answer") or None})


@dataclass(frozen=True, kw_only=True)
class HistorySummary:
    """What the history says about one day: the figures the sensors show."""

    day: date
    completed_today: int
    next_strength: date
    strength_done_this_week: int
    strength_planned_this_week: int


@dataclass(kw_only=True)
class RoutineHistory:
    """Every routine that ended in the last ``HISTORY_DAYS`` days, the newest ``limit``.

    What reads it reaches back two weeks at most (the weekly summary, this week's strength
    sessions, the last strength day, the last routine for the pain advice): the newest
    entries, which the count cap would only drop for more than ``limit`` routines in two
    weeks; only the diagnostics' counts (how many ended how, how many pain stops) cover
    everything kept.
    """

    entries: list[Finished] = field(default_factory=list)
    limit: int = field(default=HISTORY_ENTRIES, compare=False, repr=False)

    def record(self, entry: Finished) -> None:
        """Keep ``entry``; forget what is older than the history reaches."""
        self.entries.append(entry)
        self._trim()

    def _trim(self) -> None:
        """Forget what is older than the history reaches, then the oldest beyond ``limit``.

        The days reach back ``HISTORY_DAYS`` from the newest entry's day.
        """
        if not self.entries:
            return
        oldest = self.entries[-1].day - timedelta(days=HISTORY_DAYS)
        kept = [kept for kept in self.entries if kept.day > oldest]
        self.entries = kept[max(0, len(kept) - self.limit) :]

    def answer(self, ended: datetime, answer: Answer) -> None:
        """Keep what the user answered about the routine that ended at ``ended``."""
        self.entries = [
            replace(entry, answer=answer) if entry.ended == ended else entry
            for entry in self.entries
        ]

    def completed_on(self, day: date) -> int:
        """Routines completed on ``day``."""
        return sum(
            1 for entry in self.entries if entry.day == day and entry.outcome is Outcome.COMPLETED
        )

    def strength_days(self) -> list[date]:
        """The days with a completed strength session, in order."""
        return sorted(
            {
                entry.day
                for entry in self.entries
                if entry.strength and entry.outcome is Outcome.COMPLETED
            }
        )

    def next_strength(self, today: date) -> date:
        """The next strength day: every other day after the last; a missed day moves it."""
        days = self.strength_days()
        if not days:
            return today
        return max(days[-1] + timedelta(days=STRENGTH_EVERY_DAYS), today)

    def strength_week(self, today: date) -> tuple[int, int]:
        """Strength sessions done this week (Monday to Sunday) and planned for it."""
        monday = today - timedelta(days=today.weekday())
        sunday = monday + timedelta(days=6)
        done = sum(1 for day in self.strength_days() if monday <= day <= sunday)
        planned, day = done, self.next_strength(today)
        while day <= sunday:
            planned += 1
            day += timedelta(days=STRENGTH_EVERY_DAYS)
        return done, planned

    def summary(self, today: date) -> HistorySummary:
        """The day's figures in one go."""
        done, planned = self.strength_week(today)
        return HistorySummary(
            day=today,
            completed_today=self.completed_on(today),
            next_strength=self.next_strength(today),
            strength_done_this_week=done,
            strength_planned_this_week=planned,
        )

    def pain_advice_until(self, now: datetime) -> datetime | None:
        """Until when the pain advice is shown: a while after the last routine, if it hurt."""
        if not self.entries or self.entries[-1].outcome is not Outcome.PAIN:
            return None
        until = self.entries[-1].ended + PAIN_ADVICE_FOR
        return until if until > as_utc(now) else None

    def pain_stops(self) -> list[Finished]:
        """The routines stopped because something hurt."""
        return [entry for entry in self.entries if entry.outcome is Outcome.PAIN]

    def as_list(self) -> list[dict[str, Any]]:
        """The history as JSON data."""
        return [entry.as_dict() for entry in self.entries]

    @classmethod
    def from_list(cls, data: list[dict[str, Any]] | None) -> RoutineHistory:
        """The inverse of ``as_list``, trimmed as ``record`` trims.

        Data stored before the count cap may hold more than it allows.
        """
        history = cls(entries=[Finished.from_dict(entry) for entry in data or []])
        history._trim()
        return history


def outcome_of(notice: Notice) -> Outcome | None:
    """The history's outcome for a routine's last notice (None: it goes on)."""
    if notice.event is RoutineEvent.COMPLETED:
        return Outcome.COMPLETED
    if notice.event is RoutineEvent.STOPPED and notice.reason is not None:
        return Outcome(notice.reason.value)
    return None
