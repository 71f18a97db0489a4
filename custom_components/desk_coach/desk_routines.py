"""The routine side of one desk: the runner, its history, its words, "did you do it?".

The desk's coordinator (``coordinator.py``) owns one of these. It advances the runner on every refresh and
speaks the cues; commands go through the desk, which refreshes and names itself in a
refusal. Everything a finished routine leaves (the history, a break taken, the events on
the bus and to the event entity) happens here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .ask_done import asking_satellite, async_ask_after
from .const import EVENT_ROUTINE
from .desk_check import DeskPreCheck
from .desk_programme import Session
from .helpers import subscribe
from .refusal import Refusal
from .routine import (
    Check,
    Cue,
    CueKind,
    Finished,
    Notice,
    Outcome,
    Routine,
    RoutineEvent,
    RoutineHistory,
    RoutineRunner,
    RoutineSnapshot,
    RoutineState,
    Step,
    StopReason,
    outcome_of,
    plan_routine,
)
from .routine_names import RoutineNames

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskRoutines(RoutineNames):
    """One desk's guided routines: start, hold, step, stop, and what they leave behind."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing runs and nothing is kept yet (``restore`` brings back what was)."""
        super().__init__(desk)
        self.hass = hass
        self._desk = desk
        self.runner = RoutineRunner()
        self.history = RoutineHistory()
        self._listeners: list[Callable[[Notice], None]] = []
        self._completed: tuple[Any, int] | None = None  # (day, newest entry): completed that day
        self._session: Session | None = None  # the running routine, as the programme counts it
        self._started: datetime | None = None
        self._said_after: str | None = None  # said with the next cues: the programme paused
        self._shown = RoutineSnapshot(state=RoutineState.IDLE)  # as entities show it
        self._advice_until: datetime | None = None  # the pain advice shows until then
        self.precheck = DeskPreCheck(hass, desk)

    def restore(self, stored: dict[str, Any]) -> None:
        """Take the runner and history back from the desk's stored data."""
        self.history = RoutineHistory.from_list(stored.get("routine_history"))
        self.runner = RoutineRunner.from_dict(stored.get("routine"))

    def to_store(self) -> dict[str, Any]:
        """The runner and history as the desk's stored data keeps them."""
        return {"routine": self.runner.as_dict(), "routine_history": self.history.as_list()}

    # ---- commands -----------------------------------------------------------------

    @callback
    def start(
        self, wanted: str, *, announce: bool = True, check: bool = True
    ) -> tuple[Routine, tuple[Step, ...]]:
        """Start a routine; refused while one runs. Returns it with its planned steps.

        A strength session may first ask about pain (``desk_check.py``); it starts after.
        """
        session = self._desk.programme.session(self.find(wanted), dt_util.utcnow())
        steps = self._plan(session.routine)
        if (satellite := self.precheck.satellite(session, check)) is None:
            return self.begin(session, announce=announce, steps=steps), steps
        self._refuse_if_running(session.routine.id)
        self.precheck.begin(satellite, session, announce)
        self._desk.refresh(dt_util.utcnow(), force=True)
        return session.routine, steps

    def _refuse_if_running(self, routine: str) -> None:
        running = self.snapshot.routine
        if running is not None:
            raise Refusal(
                "routine_running", {"desk": self._desk.entry.title, "routine": self.name(running)}
            )

    def begin(
        self, session: Session, *, announce: bool, steps: tuple[Step, ...] | None = None
    ) -> Routine:
        """Start ``session`` now (after its pre-check, if it had one)."""
        now, routine = dt_util.utcnow(), session.routine
        self._refuse_if_running(routine.id)
        steps = steps or self._plan(routine)
        self.runner.start(now, routine.id, steps, speak=announce, strength=session.strength)
        self._session, self._started = session, now
        self._desk.refresh(now, force=True)
        return routine

    def not_started(self, session: Session, now: datetime) -> None:
        """The pre-check heard pain: not started; advised, reported, kept as a pain stop."""
        notice = Notice(
            at=now,
            event=RoutineEvent.NOT_STARTED,
            routine=session.routine.id,
            reason=StopReason.PAIN,
            strength=True,
        )
        self._said_after = self.pain_advice
        self._session, self._started = session, None
        self._record(notice, Outcome.PAIN)
        self._handle_notices([notice])
        self.say_cues([])
        self._desk.refresh(now, force=True)

    def _plan(self, routine: Routine) -> tuple[Step, ...]:
        """The routine's steps, each listened to as long as its words take to say."""
        exercises, timing = self._desk.library.exercises, self._desk.library.timing
        rough = plan_routine(routine, exercises, timing)  # for the opening's "about N minutes"

        def said(step: Step) -> str:
            cue = Cue(at=dt_util.utcnow(), kind=CueKind.STEP, routine=routine.id, step=step)
            words = self.cue_message(cue)
            if step.index == 0:
                opening = replace(cue, kind=CueKind.START, step=None)
                words = f"{self.cue_message(opening, rough)} {words}"
            return words

        return plan_routine(routine, exercises, timing, said)

    @callback
    def pause(self) -> None:
        """Hold the running routine."""
        self._desk.command(self.runner.pause)

    @callback
    def resume(self) -> None:
        """Go on with a paused routine."""
        self._desk.command(self.runner.resume)

    @callback
    def next_step(self) -> None:
        """Skip to the routine's next step."""
        self._desk.command(self.runner.next_step)

    @callback
    def stop(self, reason: StopReason = StopReason.DONE) -> None:
        """End the routine now (not completed: no break counted); ``pain`` is said and kept.

        During the pre-check: not started (``pain``: as if the answer was yes).
        """
        pending = self.precheck.pending
        if pending is not None and self.precheck.cancel():
            if reason is StopReason.PAIN:
                self.not_started(replace(pending.session, check=Check.YES), dt_util.utcnow())
            else:
                self._desk.refresh(dt_util.utcnow(), force=True)
            return
        self._desk.command(lambda now: self.runner.stop(now, reason))

    def interrupt(self, at: datetime) -> bool:
        """Stop a routine as interrupted, without a word; False when it had already ended.

        Internal, so no refusal: the restart asks whether anything stopped. Everything the
        runner reports is kept either way: the routine may have completed before ``at``
        without anyone hearing of it yet. A pre-check waiting is dropped.
        """
        self.precheck.cancel()
        try:
            self.runner.stop(at, StopReason.INTERRUPTED)
        except Refusal:
            stopped = False
        else:
            stopped = True
        notices, _ = self.runner.drain()
        self._handle_notices(notices)
        return stopped

    def end_at_restart(self, restored_from: datetime) -> CALLBACK_TYPE | None:
        """A routine cannot go on unattended across a restart: stop it and say so.

        Returns what cancels the words waiting for Home Assistant to start (None: nothing).
        """
        routine = self.runner.snapshot().routine or ""
        speaking = self.runner.speaking
        if not (self.interrupt(restored_from) and speaking):
            return None
        desk = self._desk

        @callback
        def tell(_: HomeAssistant) -> None:
            message = desk.messages.text("routine_restarted", {"routine": self.name(routine)})
            desk.entry.async_create_task(
                self.hass, self.async_say(message), "desk_coach_routine_restarted"
            )

        return async_at_started(self.hass, tell)

    # ---- what entities show ----------------------------------------------------------

    @callback
    def async_add_listener(self, listener: Callable[[Notice], None]) -> CALLBACK_TYPE:
        """Call ``listener`` with every routine event."""
        return subscribe(self._listeners, listener)

    @property
    def snapshot(self) -> RoutineSnapshot:
        """Where the routine stands (``checking`` while the pre-check waits for an answer)."""
        if (pending := self.precheck.pending) is not None:
            return RoutineSnapshot(state=RoutineState.CHECKING, routine=pending.session.routine.id)
        return self.runner.snapshot()

    def pain_advice_until(self, now: datetime) -> datetime | None:
        """Until when the advice after a pain stop is shown; None: not now."""
        return None if self.runner.active else self.history.pain_advice_until(now)

    @property
    def pain_advice(self) -> str:
        """The advice after a pain stop, the words said then."""
        return self._desk.messages.text("routine_pain", {})

    @property
    def completed_today(self) -> int:
        """Routines completed today (counted again only when the day or history changes)."""
        today = dt_util.as_local(self._desk.snapshot.as_of).date()
        newest = self.history.entries[-1].ended if self.history.entries else None
        if self._completed is None or self._completed[0] != (today, newest):
            self._completed = ((today, newest), self.history.completed_on(today))
        return self._completed[1]

    def changed(self, now: datetime) -> bool:
        """Whether the routine's entities show something new: a phase, the pain advice."""
        shown, advice_until = self.snapshot, self.pain_advice_until(now)
        if (shown, advice_until) == (self._shown, self._advice_until):
            return False
        self._shown, self._advice_until = shown, advice_until
        return True

    def next_change(self) -> datetime | None:
        """When the routine or its pain advice next changes what is shown (None: never)."""
        times = [t for t in (self.runner.next_change(), self._advice_until) if t is not None]
        return min(times, default=None)

    # ---- a refresh --------------------------------------------------------------------

    def advance(self, now: datetime) -> tuple[list[Notice], list[Cue]]:
        """Bring the routine up to ``now``; keep and report what finished meanwhile."""
        spoken = self.runner.speaking  # a routine ending now was announced: ask about it
        self.runner.advance(now)
        notices, cues = self.runner.drain()
        self._handle_notices(notices, ask=spoken)
        return notices, cues

    def say_cues(self, cues: list[Cue]) -> None:
        """Say the cues of one instant (start and first step) as one message.

        What the programme has to say after a pain stop follows in the same message.
        """
        said_after, self._said_after = self._said_after, None
        words = [self.cue_message(cue) for cue in cues]
        message = " ".join(filter(None, [*words, said_after]))
        if not message:
            return
        self._desk.entry.async_create_task(
            self.hass, self.async_say(message), "desk_coach_routine_cue"
        )

    def _handle_notices(self, notices: list[Notice], *, ask: bool = False) -> None:
        """Keep finished routines in the history, count them as breaks, report them.

        ``ask``: a completed routine that was announced gets a spoken "did you do it?" on a
        satellite that can start a conversation; the answer is kept in the history.
        """
        desk = self._desk
        for notice in notices:
            outcome = outcome_of(notice)
            if outcome is not None:
                self._record(notice, outcome)
                if outcome is Outcome.COMPLETED:
                    with suppress(Refusal):  # nobody sitting: nothing to take
                        desk.tracker.take_break(notice.at)
                    if ask and (satellite := asking_satellite(self.hass, desk.options.announce)):
                        desk.entry.async_create_background_task(
                            self.hass,
                            async_ask_after(desk, satellite, self.history.entries[-1]),
                            "desk_coach_ask_done",
                        )
            self.hass.bus.async_fire(
                EVENT_ROUTINE,
                {
                    "entry_id": desk.entry.entry_id,
                    "desk": desk.entry.title,
                    "type": notice.event.value,
                    **notice.details(),
                },
            )
            for listener in list(self._listeners):
                listener(notice)

    def _record(self, notice: Notice, outcome: Outcome) -> None:
        session, self._session = self._session, None
        entry = Finished(
            ended=notice.at,
            day=dt_util.as_local(notice.at).date(),
            routine=notice.routine,
            outcome=outcome,
            strength=notice.strength,
            step=None if notice.step is None else notice.step.exercise,
            started=self._started,
            extra=session is not None and session.extra,
            level=None if session is None else session.level,
            check=None if session is None or not session.strength else session.check,
        )
        self.history.record(entry)
        self._said_after = self._desk.programme.recorded(entry, notice.at) or self._said_after

    def cue_message(self, cue: Cue, steps: tuple[Step, ...] | None = None) -> str:
        """What is said for ``cue``; ``steps``: the routine's (default: the running one's)."""
        return self._desk.messages.cue(cue, steps or self.runner.steps, self.name)

    async def async_say(self, message: str) -> None:
        """Speak a routine's words on the speakers and satellites only."""
        if not message:
            return
        desk = self._desk
        targets = replace(desk.options.announce, lights=(), notify_entities=(), mobile_apps=())
        title = desk.messages.text("title", {})
        await desk.announcer.async_announce(targets, message, title=title or desk.entry.title)
