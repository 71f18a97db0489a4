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
  where something happens (midnight, a break falling due, a gap becoming a break, a gap
  ending the stretch), so results do not depend on how often it is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)
HISTORY_DAYS = 400


class Activity(StrEnum):
    """What the desk's inputs say about the person."""

    SITTING = "sitting"
    STANDING = "standing"
    AWAY = "away"
    UNKNOWN = "unknown"


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


@dataclass(frozen=True, kw_only=True)
class DaySummary:
    """What one finished local day added up to."""

    sitting: timedelta
    longest_stretch: timedelta
    breaks_taken: int
    natural_breaks: int


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """Everything the tracker answers, as of its settled time ``as_of``."""

    as_of: datetime
    activity: Activity
    sitting: bool
    stretch_start: datetime | None
    sitting_time: timedelta
    sitting_today: timedelta
    longest_stretch_today: timedelta
    next_break: datetime | None
    break_due: bool
    breaks_taken_today: int
    natural_breaks_today: int


@dataclass(kw_only=True)
class _Stretch:
    start: datetime
    countdown_from: datetime  # the stretch start or the end of the last break
    sitting: timedelta = timedelta(0)
    sitting_today: timedelta = timedelta(0)
    due: bool = False
    gap_start: datetime | None = None  # set while the stretch is interrupted
    gap_evidence: timedelta = timedelta(0)  # away or standing time within the gap
    gap_is_break: bool = False


@dataclass(kw_only=True)
class _Day:
    day: date
    sitting: timedelta = timedelta(0)
    longest_stretch: timedelta = timedelta(0)
    breaks_taken: int = 0
    natural_breaks: int = 0


class DeskTracker:
    """Sitting time, stretches and breaks of one desk."""

    def __init__(
        self,
        settings: Settings,
        time_zone: tzinfo,
        now: datetime,
        activity: Activity = Activity.UNKNOWN,
    ) -> None:
        """Start tracking at ``now`` with the given confirmed activity."""
        now = _utc(now)
        self.settings = settings
        self._tz = time_zone
        self._clock = now
        self._confirmed = Activity.UNKNOWN
        self._raw = activity
        self._pending: list[tuple[datetime, Activity]] = []
        self._stretch: _Stretch | None = None
        self._today = _Day(day=self._local_day(now))
        self.history: dict[date, DaySummary] = {}
        self._set_confirmed(activity, now)

    # ---- inputs -------------------------------------------------------------------

    def observe(self, now: datetime, activity: Activity) -> None:
        """Record the raw activity the inputs show from ``now`` on."""
        now = max(_utc(now), self._latest_input())
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
        now = _utc(now)
        if self._pending and now - self._pending[0][0] >= self.settings.presence_debounce:
            for start, activity in self._pending:
                self._integrate_to(start)
                self._set_confirmed(activity, start)
            self._pending.clear()
        self._integrate_to(self._pending[0][0] if self._pending else now)

    def update_settings(self, settings: Settings, now: datetime) -> None:
        """Apply new settings from ``now`` on; what was counted stays counted."""
        self.advance(now)
        self.settings = settings
        self._handle_events()

    # ---- outputs ------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The answers as of the settled time (call ``advance`` first)."""
        stretch = self._stretch
        sitting = self._confirmed is Activity.SITTING
        return Snapshot(
            as_of=self._clock,
            activity=self._confirmed,
            sitting=sitting,
            stretch_start=stretch.start if stretch else None,
            sitting_time=stretch.sitting if stretch else timedelta(0),
            sitting_today=self._today.sitting,
            longest_stretch_today=self._today.longest_stretch,
            next_break=(
                stretch.countdown_from + self.settings.break_interval
                if stretch is not None and sitting
                else None
            ),
            break_due=bool(stretch and stretch.due),
            breaks_taken_today=self._today.breaks_taken,
            natural_breaks_today=self._today.natural_breaks,
        )

    def next_change(self) -> datetime | None:
        """The next instant at which the answers change without new evidence.

        Includes each whole minute of sitting, so minute-resolution displays know when
        to refresh; while nothing changes (away, no stretch) only midnight is left.
        """
        if self._pending:
            return self._pending[0][0] + self.settings.presence_debounce
        candidates = [self._next_event_after_clock()]
        if self._confirmed is Activity.SITTING:
            counted = self._today.sitting
            candidates.append(self._clock + MINUTE - (counted % MINUTE))
            if self._stretch is not None:
                candidates.extend(
                    self._clock + MINUTE - (counted % MINUTE)
                    for counted in (self._stretch.sitting, self._stretch.sitting_today)
                )
        return min(candidates)

    # ---- the accounting -----------------------------------------------------------

    def _latest_input(self) -> datetime:
        return self._pending[-1][0] if self._pending else self._clock

    def _local_day(self, instant: datetime) -> date:
        return instant.astimezone(self._tz).date()

    def _next_midnight(self, instant: datetime) -> datetime:
        day = self._local_day(instant) + timedelta(days=1)
        local = datetime(day.year, day.month, day.day, tzinfo=self._tz)
        return local.astimezone(UTC)

    def _next_event_after_clock(self) -> datetime:
        """The earliest instant after the clock where the integration must stop."""
        events = [self._next_midnight(self._clock)]
        stretch = self._stretch
        if stretch is not None:
            if self._confirmed is Activity.SITTING:
                if not stretch.due:
                    events.append(stretch.countdown_from + self.settings.break_interval)
            elif stretch.gap_start is not None:
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
        elif stretch is not None and self._confirmed is not Activity.UNKNOWN:
            stretch.gap_evidence += elapsed

    def _handle_events(self) -> None:
        """Act on whatever happens exactly at the clock."""
        now = self._clock
        if self._local_day(now) != self._today.day:
            self._close_day(now)
        stretch = self._stretch
        if stretch is None:
            return
        if self._confirmed is Activity.SITTING:
            if not stretch.due and stretch.countdown_from + self.settings.break_interval <= now:
                stretch.due = True
            return
        if stretch.gap_start is None:
            return
        if (
            not stretch.gap_is_break
            and self._confirmed is not Activity.UNKNOWN
            and stretch.gap_evidence >= self.settings.break_duration
        ):
            self._count_break(stretch)
        if now - stretch.gap_start >= self.settings.away_reset:
            self._stretch = None

    def _count_break(self, stretch: _Stretch) -> None:
        stretch.gap_is_break = True
        if stretch.due:
            self._today.breaks_taken += 1
        else:
            self._today.natural_breaks += 1
        stretch.due = False

    def _close_day(self, now: datetime) -> None:
        today = self._today
        self.history[today.day] = DaySummary(
            sitting=today.sitting,
            longest_stretch=today.longest_stretch,
            breaks_taken=today.breaks_taken,
            natural_breaks=today.natural_breaks,
        )
        for old in sorted(self.history)[:-HISTORY_DAYS]:
            del self.history[old]
        self._today = _Day(day=self._local_day(now))
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
                return
            if stretch.gap_is_break:
                stretch.countdown_from = at
            stretch.gap_start = None
            stretch.gap_evidence = timedelta(0)
            stretch.gap_is_break = False
            if not stretch.due and stretch.countdown_from + self.settings.break_interval <= at:
                stretch.due = True
        elif stretch is not None and previous is Activity.SITTING:
            stretch.gap_start = at
            stretch.gap_evidence = timedelta(0)
            stretch.gap_is_break = False
        self._handle_events()

    # ---- persistence --------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """Everything needed to continue later, as JSON-compatible data."""
        stretch = self._stretch
        return {
            "clock": self._clock.isoformat(),
            "confirmed": self._confirmed.value,
            "raw": self._raw.value,
            "pending": [[t.isoformat(), a.value] for t, a in self._pending],
            "stretch": None
            if stretch is None
            else {
                "start": stretch.start.isoformat(),
                "countdown_from": stretch.countdown_from.isoformat(),
                "sitting": stretch.sitting.total_seconds(),
                "sitting_today": stretch.sitting_today.total_seconds(),
                "due": stretch.due,
                "gap_start": stretch.gap_start.isoformat() if stretch.gap_start else None,
                "gap_evidence": stretch.gap_evidence.total_seconds(),
                "gap_is_break": stretch.gap_is_break,
            },
            "today": _day_as_dict(self._today),
            "history": {
                day.isoformat(): {
                    "sitting": summary.sitting.total_seconds(),
                    "longest_stretch": summary.longest_stretch.total_seconds(),
                    "breaks_taken": summary.breaks_taken,
                    "natural_breaks": summary.natural_breaks,
                }
                for day, summary in sorted(self.history.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], settings: Settings, time_zone: tzinfo) -> DeskTracker:
        """Continue from what ``as_dict`` returned."""
        tracker = cls.__new__(cls)
        tracker.settings = settings
        tracker._tz = time_zone
        tracker._clock = _parse(data["clock"])
        tracker._confirmed = Activity(data["confirmed"])
        tracker._raw = Activity(data["raw"])
        tracker._pending = [(_parse(t), Activity(a)) for t, a in data["pending"]]
        raw_stretch = data["stretch"]
        tracker._stretch = (
            None
            if raw_stretch is None
            else _Stretch(
                start=_parse(raw_stretch["start"]),
                countdown_from=_parse(raw_stretch["countdown_from"]),
                sitting=timedelta(seconds=raw_stretch["sitting"]),
                sitting_today=timedelta(seconds=raw_stretch["sitting_today"]),
                due=bool(raw_stretch["due"]),
                gap_start=_parse(raw_stretch["gap_start"]) if raw_stretch["gap_start"] else None,
                gap_evidence=timedelta(seconds=raw_stretch["gap_evidence"]),
                gap_is_break=bool(raw_stretch["gap_is_break"]),
            )
        )
        today = data["today"]
        tracker._today = _Day(
            day=date.fromisoformat(today["day"]),
            sitting=timedelta(seconds=today["sitting"]),
            longest_stretch=timedelta(seconds=today["longest_stretch"]),
            breaks_taken=int(today["breaks_taken"]),
            natural_breaks=int(today["natural_breaks"]),
        )
        tracker.history = {
            date.fromisoformat(day): DaySummary(
                sitting=timedelta(seconds=summary["sitting"]),
                longest_stretch=timedelta(seconds=summary["longest_stretch"]),
                breaks_taken=int(summary["breaks_taken"]),
                natural_breaks=int(summary["natural_breaks"]),
            )
            for day, summary in data["history"].items()
        }
        return tracker


def _day_as_dict(day: _Day) -> dict[str, Any]:
    return {
        "day": day.day.isoformat(),
        "sitting": day.sitting.total_seconds(),
        "longest_stretch": day.longest_stretch.total_seconds(),
        "breaks_taken": day.breaks_taken,
        "natural_breaks": day.natural_breaks,
    }


def _utc(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return instant.astimezone(UTC)


def _parse(text: str) -> datetime:
    return _utc(datetime.fromisoformat(text))
