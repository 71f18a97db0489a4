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
from .desk_programme import Session
from .exercises import LibraryTexts, custom_routines
from .helpers import subscribe
from .refusal import Refusal
from .routine import (
    Cue,
    CueKind,
    Finished,
    Notice,
    Outcome,
    Routine,
    RoutineHistory,
    RoutineRunner,
    RoutineSnapshot,
    RoutineState,
    Step,
    StopReason,
    outcome_of,
    plan_routine,
)

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskRoutines:
    """One desk's guided routines: start, hold, step, stop, and what they leave behind."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing runs and nothing is kept yet (``restore`` brings back what was)."""
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
        self._all: tuple[Any, dict[str, Routine]] | None = None  # for these options' routines

    def restore(self, stored: dict[str, Any]) -> None:
        """Take the runner and history back from the desk's stored data."""
        self.history = RoutineHistory.from_list(stored.get("routine_history"))
        self.runner = RoutineRunner.from_dict(stored.get("routine"))

    def to_store(self) -> dict[str, Any]:
        """The runner and history as the desk's stored data keeps them."""
        return {"routine": self.runner.as_dict(), "routine_history": self.history.as_list()}

    # ---- names --------------------------------------------------------------------

    @property
    def all(self) -> dict[str, Routine]:
        """The built-in routines and the user's own, by id (read once per options change)."""
        options = self._desk.options.routines
        if self._all is None or self._all[0] is not options:
            library = self._desk.library
            custom = custom_routines(list(options), library)
            self._all = (options, {**library.routines, **custom})
        return self._all[1]

    def name(self, routine_id: str, texts: LibraryTexts | None = None) -> str:
        """A routine's name in the language of ``texts`` (default: Home Assistant's).

        A custom routine has its own name, in whatever language the user wrote it.
        """
        routine = self.all.get(routine_id)
        if routine is not None and routine.name:
            return routine.name
        return (texts or self._desk.library_texts).routines.get(routine_id, routine_id)

    def exercise_name(self, exercise_id: str) -> str:
        """An exercise's name in Home Assistant's language."""
        return self._desk.messages.exercise_name(exercise_id)

    def find(self, wanted: str) -> Routine:
        """A routine by id or by name, any case; refused when there is none."""
        routines = self.all
        if wanted in routines:
            return routines[wanted]
        folded = wanted.strip().casefold()
        for routine_id, routine in routines.items():
            if folded in (routine_id.casefold(), self.name(routine_id).casefold()):
                return routine
        names = ", ".join(self.name(r) for r in routines)
        raise Refusal("unknown_routine", {"routine": wanted, "routines": names})

    # ---- commands -----------------------------------------------------------------

    @callback
    def start(self, wanted: str, *, announce: bool = True) -> tuple[Routine, tuple[Step, ...]]:
        """Start a routine; refused while one runs. Returns it with its planned steps."""
        now = dt_util.utcnow()
        session = self._desk.programme.session(self.find(wanted), now)
        routine = session.routine
        steps = self._plan(routine)
        running = self.runner.snapshot().routine
        try:
            self.runner.start(now, routine.id, steps, speak=announce, strength=session.strength)
        except Refusal as refusal:
            name = self.name(running or routine.id)
            desk = self._desk.entry.title
            raise refusal.with_placeholders(desk=desk, routine=name) from None
        self._session, self._started = session, now
        self._desk.refresh(now, force=True)
        return routine, steps

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
        """End the routine now (not completed: no break counted); ``pain`` is said and kept."""
        self._desk.command(lambda now: self.runner.stop(now, reason))

    def interrupt(self, at: datetime) -> bool:
        """Stop a routine as interrupted, without a word; False when it had already ended.

        Internal, so no refusal: the restart asks whether anything stopped. Everything the
        runner reports is kept either way: the routine may have completed before ``at``
        without anyone hearing of it yet.
        """
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
        """Where the routine stands."""
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
        shown, advice_until = self.runner.snapshot(), self.pain_advice_until(now)
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
