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
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
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
from .refusal import Refusal

MINUTE = timedelta(minutes=1)
ONE_DAY = timedelta(days=1)
HISTORY_DAYS = 400
MAX_POSTPONE = timedelta(minutes=120)  # postponements before due never reach further


class Activity(StrEnum):
    """What the desk's inputs say about the person."""

    SITTING = "sitting"
    STANDING = "standing"
    AWAY = "away"
    UNKNOWN = "unknown"


class BreakEvent(StrEnum):
    """What happened to a break (the types of the desk_coach_break event)."""

    DUE = "due"
    TAKEN = "taken"
    NATURAL = "natural"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    MISSED = "missed"
    DAILY_LIMIT = "daily_limit"  # sitting today reached the daily limit (once a day)
    # the standing desk (stand.py): the runtime reports these, the tracker never does
    DESK_RAISED = "desk_raised"
    DESK_LOWERED = "desk_lowered"


class MinuteCount(StrEnum):
    """The sitting (and standing) counts a display may show to the minute."""

    TODAY = "today"
    STRETCH = "stretch"
    STRETCH_TODAY = "stretch_today"
    STANDING_TODAY = "standing_today"


ALL_MINUTE_COUNTS = frozenset(MinuteCount)


class Status(StrEnum):
    """The one word that says where the desk stands."""

    SITTING = "sitting"
    DUE = "due"
    SNOOZED = "snoozed"
    STANDING = "standing"
    AWAY = "away"
    QUIET = "quiet"
    ROUTINE = "routine"


def activity_from(present: bool | None, standing: bool | None) -> Activity:
    """Combine presence and standing evidence into one activity.

    Presence decides; unknown presence is no evidence. Standing without evidence counts
    as sitting, because a standing input is optional and most desks have none.
    """
    if present is None:
        return Activity.UNKNOWN
    if not present:
        return Activity.AWAY
    return Activity.STANDING if standing else Activity.SITTING


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The user's tuning of the tracker (the integration's options)."""

    break_interval: timedelta = timedelta(minutes=30)
    break_duration: timedelta = timedelta(seconds=30)
    away_reset: timedelta = timedelta(minutes=2)
    presence_debounce: timedelta = timedelta(seconds=30)
    escalation_delay: timedelta = timedelta(minutes=5)
    escalation_count: int = 2
    daily_limit: timedelta | None = None  # sitting a day may add up to; None: no limit


@dataclass(frozen=True, kw_only=True)
class DaySummary:
    """What one local day added up to (finished days are kept in the history)."""

    sitting: timedelta = timedelta(0)
    longest_stretch: timedelta = timedelta(0)
    breaks_taken: int = 0
    natural_breaks: int = 0
    breaks_skipped: int = 0
    breaks_missed: int = 0
    compliance_taken: int = 0  # taken breaks that were announced
    compliance_due: int = 0  # announced breaks that were taken, skipped or missed
    standing: timedelta = timedelta(0)  # at the desk and standing (needs a standing input)
    limit_reached: bool = False  # sitting reached the daily limit this day
    vacation: bool = False  # the vacation switch was on at some time this day

    @property
    def compliance(self) -> float | None:
        """Share of announced breaks that were taken (None when none was due)."""
        if not self.compliance_due:
            return None
        return self.compliance_taken / self.compliance_due

    def meets(self, target: float) -> bool | None:
        """Tell whether compliance reached ``target`` percent (None when no break was due).

        Compared in whole numbers, so 4 of 5 meets 80 % exactly.
        """
        if not self.compliance_due:
            return None
        return 100 * self.compliance_taken >= target * self.compliance_due


def streak(history: Mapping[date, DaySummary], day: date, today: DaySummary, target: float) -> int:
    """Consecutive days, up to ``day`` (described by ``today``), meeting ``target`` percent.

    A day on which no break was due (a weekend, a day off, only quiet breaks) and a
    vacation day neither count nor break the streak: they are passed over. Today counts
    once it meets the target and, being unfinished, never breaks the streak. Days missing
    from the history (Home Assistant was off) are passed over like days without breaks.
    """
    count = 1 if not today.vacation and today.meets(target) else 0
    for past in sorted((d for d in history if d < day), reverse=True):
        summary = history[past]
        if summary.vacation:
            continue
        met = summary.meets(target)
        if met is None:
            continue
        if not met:
            break
        count += 1
    return count


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """Everything the tracker answers, as of its settled time ``as_of``."""

    as_of: datetime = field(compare=False)  # equal snapshots say the same, whenever read
    activity: Activity
    status: Status
    sitting: bool
    quiet: bool
    stretch_start: datetime | None
    sitting_time: timedelta
    next_break: datetime | None
    break_due: bool
    snoozed_until: datetime | None
    reminders: int
    today: DaySummary
    daily_limit: timedelta | None = None
    over_daily_limit: bool = False  # sitting today is at or above the daily limit
    vacation: bool = False

    @property
    def sitting_today(self) -> timedelta:
        """Sitting in the local day."""
        return self.today.sitting

    @property
    def standing_today(self) -> timedelta:
        """Standing at the desk in the local day."""
        return self.today.standing

    @property
    def sitting_left_today(self) -> timedelta | None:
        """Sitting left before the daily limit, never below zero (None: no limit)."""
        if self.daily_limit is None:
            return None
        return max(self.daily_limit - self.today.sitting, timedelta(0))

    @property
    def longest_stretch_today(self) -> timedelta:
        """Today's part of the longest stretch."""
        return self.today.longest_stretch

    def same_but_time(self, other: Snapshot) -> bool:
        """Equal apart from the sitting durations adding up (nothing happened)."""
        return all(
            getattr(self, item.name) == getattr(other, item.name)
            for item in fields(self)
            if item.name not in _DURATIONS
        ) and all(
            getattr(self.today, item.name) == getattr(other.today, item.name)
            for item in fields(self.today)
            if item.name not in _DAY_DURATIONS
        )


_DURATIONS = frozenset({"as_of", "sitting_time", "today"})
_DAY_DURATIONS = frozenset({"sitting", "longest_stretch", "standing"})


class Topic(StrEnum):
    """What an announcement is about."""

    BREAK = "break"
    DAILY_LIMIT = "daily_limit"


@dataclass(frozen=True, kw_only=True)
class Announcement:
    """The coach should speak: ``reminder`` 0 is the first call, 1.. the reminders."""

    at: datetime
    reminder: int
    about: Topic = Topic.BREAK


@dataclass(kw_only=True)
class _Stretch:
    start: datetime
    countdown_from: datetime  # the stretch start or the end of the last break
    sitting: timedelta = timedelta(0)
    sitting_today: timedelta = timedelta(0)
    gap_start: datetime | None = None  # set while the stretch is interrupted
    gap_evidence: timedelta = timedelta(0)  # away or standing time within the gap
    gap_is_break: bool = False
    snoozed_until: datetime | None = None  # the coming break, postponed (or snoozed)
    due: bool = False
    due_at: datetime | None = None  # when the due break fell due
    announced: bool = False  # the due break was announced (so it counts in compliance)
    last_call: datetime | None = None  # when the due break was last announced
    reminders: int = 0


@dataclass(kw_only=True)
class _Day:
    day: date
    sitting: timedelta = timedelta(0)
    longest_stretch: timedelta = timedelta(0)
    breaks_taken: int = 0
    natural_breaks: int = 0
    breaks_skipped: int = 0
    breaks_missed: int = 0
    compliance_taken: int = 0
    compliance_due: int = 0
    standing: timedelta = timedelta(0)
    limit_reached: bool = False
    vacation: bool = False
    limit_announced: bool = False  # the reached limit was said


@dataclass(kw_only=True)
class _Drained:
    events: list[tuple[datetime, BreakEvent]] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)


class DeskTracker:
    """Sitting time, stretches and breaks of one desk."""

    _day_bounds: tuple[datetime, datetime] | None = None  # the local day last asked about
    _unwatched = False  # integrating time nobody watched (see ``unobserved``)

    def __init__(
        self,
        settings: Settings,
        time_zone: tzinfo,
        now: datetime,
        activity: Activity = Activity.UNKNOWN,
    ) -> None:
        """Start tracking at ``now`` with the given confirmed activity."""
        now = as_utc(now)
        self.settings = settings
        self._tz = time_zone
        self._clock = now
        self._confirmed = Activity.UNKNOWN
        self._raw = activity
        self._pending: list[tuple[datetime, Activity]] = []
        self._stretch: _Stretch | None = None
        self._today = _Day(day=self._local_day(now))
        self._quiet = False
        self._routine = False
        self._vacation = False
        self._out = _Drained()
        self.history: dict[date, DaySummary] = {}
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

        That time is no evidence, at once and without waiting for the debounce: it is
        never sitting, it ends the stretch when it reaches ``away_reset``, and no break
        falls due, is reminded of or is missed inside it. A change still unconfirmed at
        ``since`` is taken from when it began (it was what the inputs showed last).
        From ``until`` on, the next ``observe`` counts as a change as usual.
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
        """The user is on vacation (or back) from the settled time on.

        A day on which vacation was on at any time is a vacation day: it neither counts
        for the streak nor breaks it. Everything else is counted as usual.
        """
        self.advance(now)
        self._vacation = vacation
        self._today.vacation |= vacation

    @property
    def vacation(self) -> bool:
        """Whether the user is on vacation."""
        return self._vacation

    def streak(self, target: float) -> int:
        """Consecutive days meeting ``target`` percent compliance (see ``streak``)."""
        return streak(self.history, self._today.day, _summary(self._today), target)

    @property
    def _silent(self) -> bool:
        return self._quiet or self._routine

    def _speak_again_if_due(self, was_silent: bool) -> None:
        stretch = self._stretch
        if was_silent and not self._silent and stretch is not None and stretch.due:
            self._announce(stretch, self._clock)
        self._say_limit_if_pending()

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
        self._resolve(stretch, BreakEvent.TAKEN if stretch.due else BreakEvent.NATURAL)
        stretch.countdown_from = max(as_utc(now), self._clock)

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
            today=_summary(self._today),
            daily_limit=self.settings.daily_limit,
            over_daily_limit=self._over_limit(),
            vacation=self._vacation,
        )

    def drain(self) -> tuple[list[tuple[datetime, BreakEvent]], list[Announcement]]:
        """Hand over the break events and announcements since the last call."""
        out, self._out = self._out, _Drained()
        return out.events, out.announcements

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
            counts[MinuteCount.TODAY] = self._today.sitting
            if self._stretch is not None:
                counts[MinuteCount.STRETCH] = self._stretch.sitting
                counts[MinuteCount.STRETCH_TODAY] = self._stretch.sitting_today
        elif self._confirmed is Activity.STANDING:
            counts[MinuteCount.STANDING_TODAY] = self._today.standing
        candidates.extend(
            self._clock + MINUTE - (counted % MINUTE)
            for count, counted in counts.items()
            if count in shown
        )
        return min(candidates)

    # ---- the accounting -----------------------------------------------------------

    def _status(self) -> Status:
        stretch = self._stretch
        if self._routine:
            return Status.ROUTINE
        if self._confirmed is Activity.STANDING:
            return Status.STANDING
        if self._confirmed is not Activity.SITTING:
            return Status.AWAY
        if self._quiet:
            return Status.QUIET
        if stretch is not None and stretch.due:
            return Status.DUE
        if stretch is not None and stretch.snoozed_until is not None:
            return Status.SNOOZED
        return Status.SITTING

    def _next_break(self, stretch: _Stretch) -> datetime:
        if stretch.due:  # shows when it fell due, never a time still to come
            return stretch.due_at or min(self._clock, self._countdown_end(stretch))
        if stretch.snoozed_until is not None:
            return stretch.snoozed_until
        return self._countdown_end(stretch)

    def _countdown_end(self, stretch: _Stretch) -> datetime:
        return stretch.countdown_from + self.settings.break_interval

    def _latest_input(self) -> datetime:
        return self._pending[-1][0] if self._pending else self._clock

    def _local_day(self, instant: datetime) -> date:
        return instant.astimezone(self._tz).date()

    def _next_midnight(self, instant: datetime) -> datetime:
        bounds = self._day_bounds  # asked many times a day: worked out once a day
        if bounds is None or not bounds[0] <= instant < bounds[1]:
            day = self._local_day(instant)
            bounds = self._day_bounds = (self._midnight(day), self._midnight(day + ONE_DAY))
        return bounds[1]

    def _midnight(self, day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=self._tz).astimezone(UTC)

    def _next_event_after_clock(self) -> datetime:
        """The earliest instant after the clock where the integration must stop."""
        events = [self._next_midnight(self._clock)]
        limit = self.settings.daily_limit
        sitting = self._today.sitting
        if self._confirmed is Activity.SITTING and limit is not None and sitting < limit:
            events.append(self._clock + limit - sitting)  # reached (again, if it was raised)
        stretch = self._stretch
        if stretch is not None:
            if stretch.due:
                if stretch.last_call is not None and not (self._silent or self._unwatched):
                    events.append(stretch.last_call + self.settings.escalation_delay)
            elif self._confirmed is Activity.SITTING:
                events.append(self._next_break(stretch))
            if stretch.gap_start is not None:
                events.append(stretch.gap_start + self.settings.away_reset)
                if not stretch.gap_is_break and self._confirmed is not Activity.UNKNOWN:
                    left = self.settings.break_duration - stretch.gap_evidence
                    events.append(self._clock + left)
        return max(min(events), self._clock)

    def _integrate_to(self, until: datetime) -> None:
        while self._clock < until:
            event = self._next_event_after_clock()
            step_end = min(until, event)
            self._accumulate(step_end - self._clock)
            self._clock = step_end
            if step_end == event:
                self._handle_events()

    def _accumulate(self, elapsed: timedelta) -> None:
        stretch = self._stretch
        if self._confirmed is Activity.SITTING:
            self._today.sitting += elapsed
            if stretch is not None:
                stretch.sitting += elapsed
                stretch.sitting_today += elapsed
                self._today.longest_stretch = max(
                    self._today.longest_stretch, stretch.sitting_today
                )
            return
        if self._confirmed is Activity.STANDING:
            self._today.standing += elapsed
        if stretch is not None and self._confirmed is not Activity.UNKNOWN:
            stretch.gap_evidence += elapsed

    def _handle_events(self) -> None:
        """Act on whatever happens exactly at the clock."""
        now = self._clock
        if self._local_day(now) != self._today.day:
            self._close_day(now)
        self._check_daily_limit()
        stretch = self._stretch
        if stretch is None:
            return
        if stretch.due:
            self._escalate(stretch, now)
        elif self._confirmed is Activity.SITTING and self._next_break(stretch) <= now:
            stretch.due_at = self._next_break(stretch)
            stretch.due = True
            stretch.snoozed_until = None
            self._emit(BreakEvent.DUE)
            if not self._silent:
                self._announce(stretch, now)
        if stretch.gap_start is None:
            return
        if (
            not stretch.gap_is_break
            and self._confirmed is not Activity.UNKNOWN
            and stretch.gap_evidence >= self.settings.break_duration
        ):
            stretch.gap_is_break = True
            if stretch.countdown_from <= stretch.gap_start:  # not confirmed by hand already
                self._resolve(stretch, BreakEvent.TAKEN if stretch.due else BreakEvent.NATURAL)
        if now - stretch.gap_start >= self.settings.away_reset:
            self._stretch = None

    def _escalate(self, stretch: _Stretch, now: datetime) -> None:
        if self._silent or self._unwatched or stretch.last_call is None:
            return
        if now - stretch.last_call < self.settings.escalation_delay:
            return
        if stretch.reminders < self.settings.escalation_count:
            stretch.reminders += 1
            self._announce(stretch, now)
            return
        self._resolve(stretch, BreakEvent.MISSED)
        stretch.countdown_from = now

    def _over_limit(self) -> bool:
        limit = self.settings.daily_limit
        return limit is not None and self._today.sitting >= limit

    def _check_daily_limit(self) -> None:
        """Report the day's first reach of the limit, and say it when someone can hear."""
        day = self._today
        if not day.limit_reached and self._over_limit():
            day.limit_reached = True
            self._emit(BreakEvent.DAILY_LIMIT)
        self._say_limit_if_pending()

    def _say_limit_if_pending(self) -> None:
        """Say the reached limit once a day, to someone sitting, outside quiet.

        Reached while quiet, it is said when the quiet ends, or when the person sits
        down again that day; not once the limit was raised above the day's sitting.
        """
        day = self._today
        if (
            day.limit_reached
            and not day.limit_announced
            and self._over_limit()
            and not self._silent
            and self._confirmed is Activity.SITTING
        ):
            day.limit_announced = True
            self._out.announcements.append(
                Announcement(at=self._clock, reminder=0, about=Topic.DAILY_LIMIT)
            )

    def _announce(self, stretch: _Stretch, now: datetime) -> None:
        stretch.announced = True
        stretch.last_call = now
        self._out.announcements.append(Announcement(at=now, reminder=stretch.reminders))

    def _resolve(self, stretch: _Stretch, outcome: BreakEvent) -> None:
        """Count a break's outcome and clear its due state."""
        day = self._today
        if outcome is BreakEvent.TAKEN:
            day.breaks_taken += 1
        elif outcome is BreakEvent.NATURAL:
            day.natural_breaks += 1
        elif outcome is BreakEvent.SKIPPED:
            day.breaks_skipped += 1
        elif outcome is BreakEvent.MISSED:
            day.breaks_missed += 1
        if stretch.announced and outcome is not BreakEvent.NATURAL:
            day.compliance_due += 1
            day.compliance_taken += outcome is BreakEvent.TAKEN
        self._clear_due(stretch)
        stretch.snoozed_until = None
        self._emit(outcome)

    @staticmethod
    def _clear_due(stretch: _Stretch) -> None:
        """No break is due any more; its reminders start over."""
        stretch.due = False
        stretch.due_at = None
        stretch.announced = False
        stretch.last_call = None
        stretch.reminders = 0

    def _emit(self, event: BreakEvent) -> None:
        self._out.events.append((self._clock, event))

    def _close_day(self, now: datetime) -> None:
        self.history[self._today.day] = _summary(self._today)
        for old in sorted(self.history)[:-HISTORY_DAYS]:
            del self.history[old]
        self._today = _Day(day=self._local_day(now), vacation=self._vacation)
        if self._stretch is not None:
            self._stretch.sitting_today = timedelta(0)

    def _set_confirmed(self, activity: Activity, at: datetime) -> None:
        """Make ``activity`` the confirmed one from ``at`` (the clock is at ``at``)."""
        previous = self._confirmed
        self._confirmed = activity
        stretch = self._stretch
        if activity is Activity.SITTING:
            if stretch is None:
                self._stretch = _Stretch(start=at, countdown_from=at)
                self._say_limit_if_pending()  # reached while nobody could hear it
                return
            if stretch.gap_is_break:
                stretch.countdown_from = max(stretch.countdown_from, at)
            stretch.gap_start = None
            stretch.gap_evidence = timedelta(0)
            stretch.gap_is_break = False
        elif stretch is not None and previous is Activity.SITTING:
            stretch.gap_start = at
            stretch.gap_evidence = timedelta(0)
            stretch.gap_is_break = False
        self._handle_events()

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
            "today": _encode(self._today),
            "history": {
                day.isoformat(): _encode(summary) for day, summary in sorted(self.history.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], settings: Settings, time_zone: tzinfo) -> DeskTracker:
        """Continue from what ``as_dict`` returned (older data lacks newer fields)."""
        tracker = cls.__new__(cls)
        tracker.settings = settings
        tracker._tz = time_zone
        tracker._clock = parse_instant(data["clock"])
        tracker._confirmed = Activity(data["confirmed"])
        tracker._raw = Activity(data["raw"])
        tracker._quiet = _decode_value(bool, data.get("quiet", False))
        tracker._routine = _decode_value(bool, data.get("routine", False))
        tracker._vacation = _decode_value(bool, data.get("vacation", False))
        tracker._pending = [(parse_instant(t), Activity(a)) for t, a in data["pending"]]
        tracker._stretch = None if data["stretch"] is None else _decode(_Stretch, data["stretch"])
        tracker._today = _decode(_Day, data["today"])
        tracker._out = _Drained()
        tracker.history = {
            date.fromisoformat(day): _decode(DaySummary, summary)
            for day, summary in data["history"].items()
        }
        return tracker


def _summary(day: _Day) -> DaySummary:
    return DaySummary(**{f.name: getattr(day, f.name) for f in fields(DaySummary)})
