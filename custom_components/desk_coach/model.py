"""The time-accounting model of a desk: observations in, sitting time and breaks out.

Pure Python, no Home Assistant import: this module is the specification of how Desk
Coach counts (see BEHAVIOUR.md in the project docs). All instants are timezone-aware
and handled in UTC; the local time zone is used only to find where a day begins.

How it works, in short:
- ``observe`` records the raw activity (sitting, standing, away, unknown).
- A departure from the confirmed activity becomes effective only once it has lasted
  ``presence_debounce``; it is then back-dated to when it began. Until then the model
  settles time only up to the departure, so totals never go down.
- ``advance`` integrates the confirmed activity over time, stopping at every instant
  where something happens (midnight, a break falling due, a reminder, a gap becoming a
  break, a gap ending the stretch), so results do not depend on how often it is called.
- Commands (take, snooze, skip) and quiet act at once; what they cause is reported as
  break events and announcements for the caller to drain.
- Each local day adds up sitting, standing and breaks; finished days are kept in
  ``history``, from which the compliance streak is read (``streak``).

The values are in ``tracking_types.py`` (re-exported here), the days in ``tracking_day.py``,
the grades in ``grading.py``, the integration over time in ``tracking_core.py``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

# the codec the routines share (codec.py); as_utc and parse_instant are read from here
# too (stand.py, stored_data.py): re-exported explicitly, as mypy --strict wants
from .codec import (
    as_utc as as_utc,  # noqa: PLC0414
    decode_record as _decode,
    decode_value as _decode_value,
    encode_record as _encode,
    parse_instant as parse_instant,  # noqa: PLC0414
)
from .grading import Grading
from .refusal import Refusal
from .tracking_core import TrackerCore
from .tracking_day import Days
from .tracking_types import (
    ALL_MINUTE_COUNTS,
    Activity,
    Announcement,
    BreakEvent,
    DaySummary,
    Drained,
    Grade,
    MinuteCount,
    Settings,
    Snapshot,
    Status,
    Stretch,
    Topic,
    activity_from,
    streak,
)

# the values in and out, read from here by the rest of Desk Coach
__all__ = [
    "ALL_MINUTE_COUNTS",
    "Activity",
    "Announcement",
    "BreakEvent",
    "DaySummary",
    "DeskTracker",
    "Drained",
    "Grade",
    "MinuteCount",
    "Settings",
    "Snapshot",
    "Status",
    "Topic",
    "activity_from",
    "as_utc",
    "parse_instant",
    "streak",
]

MINUTE = timedelta(minutes=1)
MAX_POSTPONE = timedelta(minutes=120)  # postponements before due never reach further


class DeskTracker(TrackerCore):
    """Sitting time, stretches and breaks of one desk."""

    def __init__(
        self,
        settings: Settings,
        time_zone: tzinfo,
        now: datetime,
        activity: Activity = Activity.UNKNOWN,
    ) -> None:
        """Start tracking at ``now`` with the given confirmed activity."""
        now = as_utc(now)
        super().__init__(settings, time_zone, now)
        self._raw = activity
        self._pending: list[tuple[datetime, Activity]] = []
        self._set_confirmed(activity, now)

    # ---- inputs -------------------------------------------------------------------

    def observe(self, now: datetime, activity: Activity) -> None:
        """Record the raw activity the inputs show from ``now`` on."""
        now = max(as_utc(now), self._latest_input())
        self.advance(now)
        if activity == self._raw:
            return
        self._raw = activity
        if activity == self._confirmed:
            self._pending.clear()  # reverted within the debounce: ignored entirely
        else:
            self._pending.append((now, activity))
        self.advance(now)

    def advance(self, now: datetime) -> None:
        """Let time pass up to ``now`` without new evidence."""
        now = as_utc(now)
        if self._pending and now - self._pending[0][0] >= self.settings.presence_debounce:
            for start, activity in self._pending:
                self._integrate_to(start)
                self._set_confirmed(activity, start)
            self._pending.clear()
        self._integrate_to(self._pending[0][0] if self._pending else now)

    def unobserved(self, since: datetime, until: datetime) -> None:
        """Nothing was watched from ``since`` to ``until`` (the clock jumped, the host slept).

        That time is no evidence, at once, without the debounce: never sitting, it ends
        the stretch at ``away_reset``; no break falls due, is reminded of or missed in it.
        A change still unconfirmed at ``since`` counts from when it began. From ``until``
        on, the next ``observe`` counts as a change as usual.
        """
        since = max(as_utc(since), self._latest_input())
        until = as_utc(until)
        self.advance(since)
        for start, activity in self._pending:
            self._integrate_to(start)
            self._set_confirmed(activity, start)
        self._pending.clear()
        self._integrate_to(since)
        self._raw = Activity.UNKNOWN
        if self._confirmed is not Activity.UNKNOWN:
            self._set_confirmed(Activity.UNKNOWN, since)
        self._unwatched = True
        try:
            self._integrate_to(until)
        finally:
            self._unwatched = False

    def update_settings(self, settings: Settings, now: datetime) -> None:
        """Apply new settings from ``now`` on; what was counted stays counted."""
        self.advance(now)
        self.settings = settings
        stretch = self._stretch
        if stretch is not None and stretch.due and self._countdown_end(stretch) > self._clock:
            self._clear_due(stretch)  # a longer interval: the break is not reached yet
        self._handle_events()

    def set_quiet(self, now: datetime, quiet: bool) -> None:
        """Announcing is off (or on again) from the settled time on.

        A break still due when quiet ends is announced then; while quiet, a due break
        is neither announced nor escalated, so it can't be missed unheard.
        """
        self.advance(now)
        was_silent = self._silent
        self._quiet = quiet
        self._speak_again_if_due(was_silent)

    def set_routine(self, now: datetime, active: bool) -> None:
        """A guided routine runs (or no longer does) from the settled time on.

        The routine is the movement: breaks falling due meanwhile are not announced;
        a break still due when the routine ends without completing is announced then.
        """
        self.advance(now)
        was_silent = self._silent
        self._routine = active
        self._speak_again_if_due(was_silent)

    def set_vacation(self, now: datetime, vacation: bool) -> None:
        """On vacation (or back) from the settled time on: a day with any is a vacation day.

        A vacation day neither counts for the streak nor breaks it; all else counts as usual.
        """
        self.advance(now)
        self._vacation = vacation
        if vacation:
            self._days.today.add(vacation=True)

    @property
    def vacation(self) -> bool:
        """Whether the user is on vacation."""
        return self._vacation

    def streak(self, target: float) -> int:
        """Consecutive days meeting ``target`` percent compliance (see ``streak``)."""
        return self._days.streak(target)

    @property
    def history(self) -> dict[date, DaySummary]:
        """The finished local days, at most ``HISTORY_DAYS`` (``tracking_day.py``)."""
        return self._days.history

    @history.setter
    def history(self, history: dict[date, DaySummary]) -> None:
        self._days.history = history

    def take_break(self, now: datetime) -> None:
        """The user confirms a break (button, voice, a completed routine); refused if no stretch."""
        self.advance(now)
        stretch = self._stretch
        if stretch is None:
            raise Refusal("not_sitting")
        if stretch.gap_start is not None:
            if stretch.gap_is_break:  # this gap already counted as the break
                stretch.countdown_from = max(as_utc(now), self._clock)
                return
            stretch.gap_is_break = True
        outcome = BreakEvent.TAKEN if stretch.due else BreakEvent.NATURAL
        self._resolve(stretch, outcome, by_hand=True)
        stretch.countdown_from = max(as_utc(now), self._clock)

    def read_steps(self, now: datetime, count: float) -> None:
        """The person's step sensor says ``count`` from ``now`` on (a break may rise to walked)."""
        self.advance(now)
        at = max(as_utc(now), self._clock)
        for open_break, before in self._grading.read_steps(at, count, self.settings.walked_steps):
            self._raise(open_break, before)

    def snooze(self, now: datetime, minutes: timedelta) -> None:
        """Snooze the due break, or postpone the coming one; refused when nobody sits.

        While a break is due, the next break is ``now + minutes`` and the reminders
        start over. Before it is due, the coming break moves ``minutes`` later;
        postponements add up but never reach past ``now + MAX_POSTPONE``. A snooze
        never brings a break closer.
        """
        self.advance(now)
        stretch = self._stretch
        if stretch is None:
            raise Refusal("not_sitting")
        now = max(as_utc(now), self._clock)
        if stretch.due:
            self._clear_due(stretch)
            self._days.snoozed()
            stretch.snoozed_until = now + minutes
        else:
            coming = self._next_break(stretch)
            stretch.snoozed_until = max(coming, min(coming + minutes, now + MAX_POSTPONE))
        self._emit(BreakEvent.SNOOZED)

    def skip(self, now: datetime) -> None:
        """Skip the due break; the countdown restarts. Refused when none is due."""
        self.advance(now)
        stretch = self._stretch
        if stretch is None or not stretch.due:
            raise Refusal("no_break_due")
        self._resolve(stretch, BreakEvent.SKIPPED)
        stretch.countdown_from = max(as_utc(now), self._clock)

    # ---- outputs ------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The answers as of the settled time (call ``advance`` first)."""
        stretch = self._stretch
        sitting = self._confirmed is Activity.SITTING
        return Snapshot(
            as_of=self._clock,
            activity=self._confirmed,
            status=self._status(),
            sitting=sitting,
            quiet=self._quiet,
            stretch_start=stretch.start if stretch else None,
            sitting_time=stretch.sitting if stretch else timedelta(0),
            next_break=self._next_break(stretch) if stretch is not None and sitting else None,
            break_due=bool(stretch and stretch.due),
            snoozed_until=stretch.snoozed_until if stretch else None,
            reminders=stretch.reminders if stretch else 0,
            today=self._days.today.totals,
            daily_limit=self.settings.daily_limit,
            over_daily_limit=self._days.over(self.settings.daily_limit),
            vacation=self._vacation,
        )

    def drain(self) -> tuple[list[tuple[datetime, BreakEvent]], list[Announcement]]:
        """Hand over the break events and announcements since the last call."""
        out = self.drain_all()
        return out.events, out.announcements

    def drain_all(self) -> Drained:
        """Hand over the break events (with their grades) and announcements since the last call."""
        out, self._out = self._out, Drained()
        return out

    def next_change(self, shown: frozenset[MinuteCount] = ALL_MINUTE_COUNTS) -> datetime:
        """The next instant at which the answers change without new evidence.

        Includes each whole minute of the ``shown`` sitting and standing counts, so
        minute-resolution displays know when to refresh; while nothing changes (away, no
        stretch) only midnight is left.
        """
        if self._pending:
            return self._pending[0][0] + self.settings.presence_debounce
        candidates = [self._next_event_after_clock()]
        counts: dict[MinuteCount, timedelta] = {}
        if self._confirmed is Activity.SITTING:
            counts[MinuteCount.TODAY] = self._days.today.totals.sitting
            if self._stretch is not None:
                counts[MinuteCount.STRETCH] = self._stretch.sitting
                counts[MinuteCount.STRETCH_TODAY] = self._stretch.sitting_today
        elif self._confirmed is Activity.STANDING:
            counts[MinuteCount.STANDING_TODAY] = self._days.today.totals.standing
        candidates.extend(
            self._clock + MINUTE - (counted % MINUTE)
            for count, counted in counts.items()
            if count in shown
        )
        return min(candidates)

    def _latest_input(self) -> datetime:
        return self._pending[-1][0] if self._pending else self._clock

    # ---- persistence --------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """Everything needed to continue later, as JSON-compatible data."""
        return {
            "clock": self._clock.isoformat(),
            "confirmed": self._confirmed.value,
            "raw": self._raw.value,
            "quiet": self._quiet,
            "routine": self._routine,
            "vacation": self._vacation,
            "pending": [[t.isoformat(), a.value] for t, a in self._pending],
            "stretch": None if self._stretch is None else _encode(self._stretch),
            "grading": self._grading.as_dict(),
            **self._days.as_dict(),  # "today" and "history"
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], settings: Settings, time_zone: tzinfo) -> DeskTracker:
        """Continue from what ``as_dict`` returned (older data lacks newer fields)."""
        tracker = cls.__new__(cls)
        tracker.settings = settings
        tracker._clock = parse_instant(data["clock"])
        tracker._confirmed = Activity(data["confirmed"])
        tracker._raw = Activity(data["raw"])
        tracker._quiet = _decode_value(bool, data.get("quiet", False))
        tracker._routine = _decode_value(bool, data.get("routine", False))
        tracker._vacation = _decode_value(bool, data.get("vacation", False))
        tracker._pending = [(parse_instant(t), Activity(a)) for t, a in data["pending"]]
        tracker._stretch = None if data["stretch"] is None else _decode(Stretch, data["stretch"])
        tracker._days = Days.from_dict(data, time_zone)
        tracker._grading = Grading.from_dict(data.get("grading"))
        tracker._out = Drained()
        return tracker
