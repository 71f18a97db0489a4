"""The standing-desk loop: a due break raises a motorised desk; standing makes it a break.

Pure Python, no Home Assistant import, like ``model.py`` and ``routine.py``. The runtime
(``standing_desk.py``) describes the desk and the person in a ``Situation`` at every
refresh, calls ``update``, wakes at ``next_change`` and carries out the ``Motion``s it
drains. The loop counts nothing: the tracker counts the break once the standing input
says the person stands (standing for the break length is a break, like any gap), so a
raised desk nobody stands at is no break.

The phases:
- ``idle``: a break announcement (made only outside quiet times and routines) while the
  person sits, with the desk readable, still and below the raise height, starts the
  warning; the runtime says the warning instead of the break message. Otherwise the
  break is announced as usual. One raise per due break.
- ``warning``: after the lead time the desk is raised if all of that still holds. The
  break no longer due, the person standing up or leaving, quiet, a routine, or the
  desk moving cancel it; a desk that can't be read is announced as a plain break.
- ``raised``: the desk was sent up; waiting at most ``stand`` for the person to stand.
  Leaving (or no evidence) ends the loop.
- ``standing``: after ``stand`` of standing, and once the stand has counted as the
  break, the desk is lowered if the user asked for that, nothing is quiet or running,
  and the desk is still where it was raised to. Sitting down, leaving or no evidence
  end the loop first; the desk is then left where it is.

Motion needs evidence: the confirmed activity and what the inputs say this instant must
both agree (sitting for a raise, standing for a lowering), so a person walking away
during the debounce is never moved against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .model import Activity, as_utc


class StandPhase(StrEnum):
    """Where the loop stands (an attribute of the break status)."""

    IDLE = "idle"
    WARNING = "warning"
    RAISED = "raised"
    STANDING = "standing"


class Motion(StrEnum):
    """A move for the runtime to make."""

    RAISE = "raise"
    LOWER = "lower"


class LoopEnd(StrEnum):
    """Why the loop went back to idle (logged)."""

    LOWERED = "lowered"
    STOOD = "stood"  # stood long enough; lowering is off
    NOT_STOOD = "not_stood"  # nobody stood up within the stand time
    STOOD_UP = "stood_up"  # stood up before the desk moved
    SAT_DOWN = "sat_down"
    LEFT = "left"  # away, or no evidence
    MOVED = "moved"  # the desk moves, is already up, or is not where it was raised to
    QUIET = "quiet"
    ROUTINE = "routine"
    BREAK_OVER = "break_over"  # taken, snoozed or skipped during the warning
    NO_DESK = "no_desk"  # the desk can't be read
    FAILED = "failed"  # the desk did not move
    TURNED_OFF = "turned_off"  # the option was switched to announcing


@dataclass(frozen=True, kw_only=True)
class StandSettings:
    """The user's choices (options), with the raise height in the control's own unit."""

    raise_desk: bool
    warning: timedelta
    stand: timedelta
    lower_after: bool
    raise_to: float
    tolerance: float  # a height this close to ``raise_to`` is where it was raised to


@dataclass(frozen=True, kw_only=True)
class Situation:
    """The person, the break and the desk at one instant."""

    activity: Activity  # confirmed, after the debounce
    inputs: Activity  # what the inputs say this instant
    break_due: bool
    quiet: bool = False
    routine: bool = False
    height: float | None = None  # None: the desk can't be read
    moving: bool = False


@dataclass(frozen=True, kw_only=True)
class StandSnapshot:
    """What the loop shows: its phase and when the desk moves next (if planned)."""

    phase: StandPhase = StandPhase.IDLE
    moves_at: datetime | None = None


class StandLoop:
    """One desk's loop; never persisted: a restart ends it and nothing moves by itself."""

    def __init__(self) -> None:
        """Start idle."""
        self._phase = StandPhase.IDLE
        self._clock: datetime | None = None
        self._raise_at: datetime | None = None
        self._raised_at: datetime | None = None
        self._stood_at: datetime | None = None
        self._raised_for_break = False  # one raise per due break, even when it failed
        self._motions: list[tuple[datetime, Motion]] = []
        self._announce_instead = False
        self.ended: LoopEnd | None = None  # why the loop last went idle

    @property
    def phase(self) -> StandPhase:
        """The current phase."""
        return self._phase

    def update(
        self,
        now: datetime,
        situation: Situation,
        settings: StandSettings,
        *,
        announced: bool = False,
    ) -> bool:
        """Follow the situation at ``now``; ``announced``: the tracker announces the break now.

        Returns True when the warning starts: the runtime says it instead of the break.
        """
        now = as_utc(now)
        self._clock = now
        if not situation.break_due:
            self._raised_for_break = False
        if self._phase is StandPhase.IDLE:
            if (
                announced
                and situation.break_due
                and settings.raise_desk
                and not self._raised_for_break
                and self._blocked(situation, settings) is None
            ):
                self._phase = StandPhase.WARNING
                self._raise_at = now + settings.warning
                return True
            return False
        if self._phase is StandPhase.WARNING:
            self._follow_warning(now, situation, settings)
        if self._phase is StandPhase.RAISED:
            self._follow_raised(now, situation, settings)
        if self._phase is StandPhase.STANDING:
            self._follow_standing(now, situation, settings)
        return False

    def motion_failed(self, motion: Motion) -> bool:
        """A move could not be made; True when the break should be announced instead.

        A failed raise ends the loop unless the person stood up anyway; the break is not
        raised for again. A failed lowering changes nothing: the loop had already ended.
        """
        if motion is Motion.RAISE and self._phase is StandPhase.RAISED:
            self._end(LoopEnd.FAILED)
            return True
        return False

    def next_change(self, settings: StandSettings) -> datetime | None:
        """When the loop must look again without new evidence (None: not by time)."""
        if self._phase is StandPhase.WARNING:
            return self._raise_at
        if self._phase is StandPhase.RAISED and self._raised_at is not None:
            return self._raised_at + settings.stand
        if self._phase is StandPhase.STANDING and self._stood_at is not None:
            due = self._stood_at + settings.stand
            # past it, the loop waits for evidence (the break counting, the inputs)
            return due if self._clock is None or self._clock < due else None
        return None

    def snapshot(self, settings: StandSettings) -> StandSnapshot:
        """The phase, and when the desk moves next if that is planned."""
        moves_at = None
        if self._phase is StandPhase.WARNING:
            moves_at = self._raise_at
        elif (
            self._phase is StandPhase.STANDING
            and settings.lower_after
            and self._stood_at is not None
        ):
            moves_at = self._stood_at + settings.stand
        return StandSnapshot(phase=self._phase, moves_at=moves_at)

    def drain(self) -> tuple[list[tuple[datetime, Motion]], bool]:
        """Hand over the moves to make, and whether to announce the break instead."""
        motions, self._motions = self._motions, []
        announce, self._announce_instead = self._announce_instead, False
        return motions, announce

    # ---- the phases ---------------------------------------------------------------

    def _follow_warning(self, now: datetime, situation: Situation, settings: StandSettings) -> None:
        reason = self._blocked(situation, settings)
        if not settings.raise_desk:
            reason = LoopEnd.TURNED_OFF
        elif not situation.break_due:
            reason = LoopEnd.BREAK_OVER
        if reason is not None:
            self._end(reason)
            return
        if self._raise_at is not None and now >= self._raise_at:
            self._phase = StandPhase.RAISED
            self._raised_at = now
            self._raised_for_break = True
            self._motions.append((now, Motion.RAISE))

    def _follow_raised(self, now: datetime, situation: Situation, settings: StandSettings) -> None:
        if situation.activity is Activity.STANDING:
            self._phase = StandPhase.STANDING
            self._stood_at = now
        elif situation.activity in (Activity.AWAY, Activity.UNKNOWN):
            self._end(LoopEnd.LEFT)
        elif self._raised_at is not None and now >= self._raised_at + settings.stand:
            self._end(LoopEnd.NOT_STOOD)

    def _follow_standing(
        self, now: datetime, situation: Situation, settings: StandSettings
    ) -> None:
        if situation.activity is Activity.SITTING:
            self._end(LoopEnd.SAT_DOWN)
            return
        if situation.activity is not Activity.STANDING:
            self._end(LoopEnd.LEFT)
            return
        if self._stood_at is None or now < self._stood_at + settings.stand:
            return
        if situation.break_due:
            return  # the stand has not counted yet: lowering now would end it short
        if not settings.lower_after:
            self._end(LoopEnd.STOOD)
        elif situation.quiet:
            self._end(LoopEnd.QUIET)
        elif situation.routine:
            self._end(LoopEnd.ROUTINE)
        elif situation.height is None:
            self._end(LoopEnd.NO_DESK)
        elif situation.moving or abs(situation.height - settings.raise_to) > settings.tolerance:
            self._end(LoopEnd.MOVED)
        elif situation.inputs is Activity.STANDING:
            self._motions.append((now, Motion.LOWER))
            self._end(LoopEnd.LOWERED)
        # else: the inputs just changed; the debounce decides (sat down, left, or not)

    def _blocked(self, situation: Situation, settings: StandSettings) -> LoopEnd | None:
        """Why the desk may not be raised now (None: it may)."""
        if situation.quiet:
            return LoopEnd.QUIET
        if situation.routine:
            return LoopEnd.ROUTINE
        if Activity.STANDING in (situation.activity, situation.inputs):
            return LoopEnd.STOOD_UP
        if situation.activity is not Activity.SITTING or situation.inputs is not Activity.SITTING:
            return LoopEnd.LEFT
        if situation.height is None:
            return LoopEnd.NO_DESK
        if situation.moving or situation.height >= settings.raise_to - settings.tolerance:
            return LoopEnd.MOVED
        return None

    def _end(self, reason: LoopEnd) -> None:
        # a warning without a desk to raise: the person should still hear the break
        self._announce_instead |= reason is LoopEnd.NO_DESK and self._phase is StandPhase.WARNING
        self._phase = StandPhase.IDLE
        self._raise_at = self._raised_at = self._stood_at = None
        self.ended = reason
