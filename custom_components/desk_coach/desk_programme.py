"""The strength programme of one desk: its level, its plan, its switch, its ratings.

The rules are pure (``programme.py``); this keeps the programme's state in the desk's
storage, doses the built-in strength routines at the current level, marks a session
started before the plan allows as extra, turns the programme off after two pain stops
(saying so once, with a persistent notification), and keeps how hard a session felt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .const import ROUTINE_STRENGTHENING, ROUTINE_TWO_MINUTES
from .pain import rising
from .programme import UP_AFTER, Level, Programme, StrengthPlan, dosed
from .refusal import Refusal
from .routine import Check, Effort, ExerciseKind, Finished, Outcome, Routine

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

RATE_WITHIN = timedelta(hours=12)  # a session can be rated this long after it ended


@dataclass(frozen=True, kw_only=True)
class Session:
    """A routine about to start, as the programme doses and counts it."""

    routine: Routine
    strength: bool
    level: int | None = None  # the programme's level (None: its own numbers)
    extra: bool = False  # started before the plan allows
    check: Check = Check.NOT_ASKED  # the pre-check's outcome (strength sessions)


class DeskProgramme:
    """One desk's strength programme."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """A fresh programme until ``restore``."""
        self.hass = hass
        self._desk = desk
        self.state = Programme()
        self._plan: StrengthPlan | None = None
        self._progress: tuple[int, int] | None = None  # level and row, until anything changes
        self.previews: tuple[int, dict[str, Any]] | None = None  # the card's, at a level

    def restore(self, stored: dict[str, Any] | None) -> None:
        """The stored programme; none stored: a fresh one at the library's first level."""
        data = (stored or {}).get("programme")
        self.state = (
            Programme(level=self._desk.library.start_level)
            if data is None
            else Programme.from_dict(data)
        )

    def to_store(self) -> dict[str, Any]:
        """The programme as the desk's stored data keeps it."""
        return {"programme": self.state.as_dict()}

    # ---- what it says ---------------------------------------------------------------

    @property
    def _entries(self) -> list[Finished]:
        return self._desk.routines.history.entries

    @property
    def levels(self) -> tuple[Level, ...]:
        """The programme's levels, easiest first."""
        return self._desk.library.levels

    @property
    def progress(self) -> tuple[int, int]:
        """The level the next session runs at (from 1), and the good sessions towards the next."""
        if self._progress is None:
            rises = rising(self.state.pain)
            self._progress = self.state.progress(self._entries, len(self.levels), rising=rises)
        return self._progress

    @property
    def level(self) -> int:
        """The level the next session runs at (counted from 1)."""
        return self.progress[0]

    @property
    def planned_routine(self) -> str:
        """The built-in routine the plan means: 2 minutes in the daily mode."""
        return ROUTINE_TWO_MINUTES if self._desk.options.programme.daily else ROUTINE_STRENGTHENING

    def plan(self, now: datetime) -> StrengthPlan:
        """The next session and this week's (worked out again when anything changed)."""
        today = dt_util.as_local(now).date()
        if self._plan is None or self._plan.day != today:
            zone = dt_util.get_default_time_zone()
            settings = self._desk.options.programme
            self._plan = self.state.plan(self._entries, settings, now, zone)
        return self._plan

    def changed(self) -> None:
        """The history, the options or the switch changed: plan again."""
        self._plan = self._progress = None

    def level_attributes(self) -> dict[str, Any]:
        """The current level's numbers and the next level's, for the level sensor."""
        level, row = self.progress
        current = self.levels[level - 1]
        following = self.levels[level] if level < len(self.levels) else None
        return {
            "sets": current.sets,
            "reps": current.reps,
            "slower": current.slower,
            "next_sets": None if following is None else following.sets,
            "next_reps": None if following is None else following.reps,
            "next_slower": None if following is None else following.slower,
            "sessions_to_next": None if following is None else UP_AFTER - row,
            "programme_on": self.state.enabled,
            "unrated": self._unrated(),
        }

    def _unrated(self) -> str | None:
        """The routine of the last strength session, while it may still be rated and is not."""
        last = self.last_strength(dt_util.utcnow())
        if last is None or last.effort is not None or last.level is None:
            return None
        return last.routine

    # ---- starting and ending sessions -----------------------------------------------

    def session(self, routine: Routine, now: datetime) -> Session:
        """``routine`` as it runs now: a built-in strength routine at the current level."""
        exercises = self._desk.library.exercises
        kinds = {exercises[item.exercise].kind for item in routine.items}
        if ExerciseKind.STRENGTH not in kinds:
            return Session(routine=routine, strength=False)
        zone = dt_util.get_default_time_zone()
        extra = self.state.is_extra(self._entries, self._desk.options.programme, now, zone)
        if routine.name is not None:  # the user's own routine keeps its numbers
            return Session(routine=routine, strength=True, extra=extra)
        level = self.level
        dosed_routine = dosed(routine, self.levels[level - 1], exercises)
        return Session(routine=dosed_routine, strength=True, level=level, extra=extra)

    def recorded(self, entry: Finished, now: datetime) -> str | None:
        """A routine ended: fold old entries; a second pain stop turns the programme off.

        Returns what to say once when it turned off (None: nothing).
        """
        rises = rising(self.state.pain)
        self.state.settle(self._entries, now, len(self.levels), rising=rises)
        self.changed()
        if entry.outcome is not Outcome.PAIN or not self.state.pause_after_pain(self._entries, now):
            return None
        desk = self._desk
        advice = desk.messages.text("programme_paused", {})
        persistent_notification.async_create(
            self.hass,
            advice,
            title=desk.messages.text("title", {}),
            notification_id=f"desk_coach_programme_{desk.entry.entry_id}",
        )
        return advice

    def turn(self, on: bool) -> None:
        """The strength programme switch."""
        self.state.turn(on, dt_util.utcnow())
        self.changed()
        self._desk.refresh(dt_util.utcnow(), force=True)

    def last_strength(self, now: datetime) -> Finished | None:
        """The newest strength session completed within the rating window."""
        for entry in reversed(self._entries):
            if entry.strength and entry.outcome is Outcome.COMPLETED:
                return entry if dt_util.as_utc(now) - entry.ended <= RATE_WITHIN else None
        return None

    def rate(self, effort: Effort) -> Finished:
        """Keep how hard the last strength session felt; refused when there is none."""
        now = dt_util.utcnow()
        entry = self.last_strength(now)
        if entry is None:
            raise Refusal("nothing_to_rate", {"desk": self._desk.entry.title})
        self._desk.routines.history.rate(entry.ended, effort)
        self.changed()
        self._desk.refresh(now, force=True)
        self._desk.save_soon()
        return entry
