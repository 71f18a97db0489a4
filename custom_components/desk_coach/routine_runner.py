"""Guided routines run: planned steps on the desk's clock, with what to say and report.

Pure Python, no Home Assistant import, like ``model.py``. ``RoutineRunner`` runs at most
one routine of steps (``routine_plan.py``) at a time: start, pause, resume, next, stop; a
pause too long abandons it. What happens is drained as notices (the bus, the event
entity, the logbook) and cues (what the coach says); a running routine is stored and
goes on after a restart. A command that does not apply raises a ``Refusal``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from .codec import as_utc, decode_record, encode_record
from .refusal import Refusal
from .routine_plan import Phase, Step

PAUSE_LIMIT = timedelta(minutes=30)  # a routine paused longer is abandoned: breaks resume


class RoutineState(StrEnum):
    """The routine sensor's states."""

    IDLE = "idle"
    CHECKING = "checking"  # a strength session asks about pain before it starts
    RUNNING = "running"
    PAUSED = "paused"


class RoutineEvent(StrEnum):
    """The types of the desk_coach_routine event."""

    STARTED = "started"
    STEP = "step"
    COMPLETED = "completed"
    STOPPED = "stopped"
    NOT_STARTED = "not_started"  # the pre-check heard pain (reason: pain)


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

    # ---- commands: each raises a Refusal when it does not apply -------------------

    def start(
        self,
        now: datetime,
        routine: str,
        steps: tuple[Step, ...],
        *,
        speak: bool,
        strength: bool = False,
    ) -> None:
        """Start ``routine`` now; refused while one runs. ``steps`` may not be empty."""
        if self._run is not None:
            raise Refusal("routine_running")
        if not steps:
            raise ValueError(f"the routine {routine} has no steps")
        now = as_utc(now)
        run = _Run(routine=routine, steps=steps, speak=speak, strength=strength)
        self._run = run
        self._notice(run, now, RoutineEvent.STARTED)
        self._cue(run, now, CueKind.START, None)
        self._begin_step(run, now, 0)

    def pause(self, now: datetime) -> None:
        """Hold the clock of the current step; refused unless running."""
        # the refusal as things stood before the clock ran to now (one abandoned by a
        # pause that just grew too long is still "already paused")
        refusal = Refusal("routine_already_paused" if self.paused else "no_routine_running")
        self.advance(now)
        run = self._run
        if run is None or run.step_end is None:
            raise refusal
        run.remaining = max(run.step_end - as_utc(now), timedelta(0))
        run.step_end = None
        run.paused_at = as_utc(now)
        self._cue(run, as_utc(now), CueKind.PAUSED, run.steps[run.index])

    def resume(self, now: datetime) -> None:
        """Go on where the pause left off; refused unless paused."""
        run = self._run
        if run is None or run.remaining is None:
            raise Refusal("routine_not_paused")
        now = as_utc(now)
        run.step_end = now + run.remaining
        run.remaining = None
        run.paused_at = None
        self._cue(run, now, CueKind.RESUMED, run.steps[run.index])

    def next_step(self, now: datetime) -> None:
        """Skip to the next step (or complete after the last); refused when idle."""
        self.advance(now)
        if self._run is None:
            raise Refusal("no_routine_running")
        self._finish_step(self._run, as_utc(now))

    def stop(self, now: datetime, reason: StopReason) -> None:
        """End the routine before its end; refused when idle."""
        self.advance(now)
        run = self._run
        if run is None:
            raise Refusal("no_routine_running")
        self._stop(run, as_utc(now), reason)

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
        stored = _Stored(
            routine=run.routine,
            steps=run.steps,
            speak=run.speak,
            strength=run.strength,
            index=run.index,
            step_end=run.step_end,
            remaining=run.remaining,
            paused_at=run.paused_at,
            listening=run.listening,
        )
        return encode_record(stored) | {"steps": [step.as_dict() for step in run.steps]}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> RoutineRunner:
        """The inverse of ``as_dict`` (strict: a mistyped or missing field raises)."""
        runner = cls()
        if data is not None:
            stored = decode_record(_Stored, data)
            if not 0 <= stored.index < len(stored.steps):
                raise ValueError(f"step {stored.index} of {len(stored.steps)}")
            runner._run = _Run(
                routine=stored.routine,
                steps=stored.steps,
                speak=stored.speak,
                strength=stored.strength,
                index=stored.index,
                step_end=stored.step_end,
                remaining=stored.remaining,
                paused_at=stored.paused_at,
                counted_down=True,  # never count down a hold twice
                listening=stored.listening,
            )
        return runner


@dataclass(frozen=True, kw_only=True)
class _Stored:
    """A running routine as stored: its fields in the order of the stored JSON."""

    routine: str
    steps: tuple[Step, ...]
    speak: bool
    strength: bool = False
    index: int
    step_end: datetime | None = None
    remaining: timedelta | None = None
    paused_at: datetime | None = None
    listening: bool = False
