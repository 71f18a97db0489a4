"""A desk's local days: today's running totals, the finished days kept, the daily limit.

Pure Python, no Home Assistant import. The tracker (``model.py``) adds the sitting and
standing time it integrates and the outcomes of breaks into today (``Days.today``); at
local midnight today is closed into the history, which keeps ``HISTORY_DAYS`` days and is
where the compliance streak is read from. All instants are timezone-aware and handled in
UTC; the local time zone is used only to find where a day begins.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from .codec import decode_record, encode_record
from .tracking_types import BreakEvent, DaySummary, streak

ONE_DAY = timedelta(days=1)
HISTORY_DAYS = 400


@dataclass(kw_only=True)
class Day:
    """Today's running totals, stored as they are (in the order of the fields)."""

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

    def summary(self) -> DaySummary:
        """What the day added up to so far."""
        return DaySummary(**{f.name: getattr(self, f.name) for f in fields(DaySummary)})


class Days:
    """Today (``today``) and the finished days (``history``) of one desk."""

    _bounds: tuple[datetime, datetime] | None = None  # the local day last asked about

    def __init__(self, time_zone: tzinfo, today: Day, history: dict[date, DaySummary]) -> None:
        """Go on from ``today`` and ``history``; ``time_zone`` is where days begin."""
        self._tz = time_zone
        self.today = today
        self.history = history

    @classmethod
    def starting(cls, time_zone: tzinfo, now: datetime) -> Days:
        """No day counted yet; today is the local day of ``now``."""
        return cls(time_zone, Day(day=now.astimezone(time_zone).date()), {})

    # ---- the calendar -------------------------------------------------------------

    def local_day(self, instant: datetime) -> date:
        """The local day ``instant`` falls in."""
        return instant.astimezone(self._tz).date()

    def next_midnight(self, instant: datetime) -> datetime:
        """The local midnight after ``instant`` (in UTC)."""
        bounds = self._bounds  # asked many times a day: worked out once a day
        if bounds is None or not bounds[0] <= instant < bounds[1]:
            day = self.local_day(instant)
            bounds = self._bounds = (self._midnight(day), self._midnight(day + ONE_DAY))
        return bounds[1]

    def _midnight(self, day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=self._tz).astimezone(UTC)

    def roll_over(self, now: datetime, vacation: bool) -> bool:
        """Close today into the history if ``now`` is on a later local day; say if it was.

        The history keeps the newest ``HISTORY_DAYS`` days; the new day is a vacation day
        from its start when ``vacation`` is on.
        """
        if self.local_day(now) == self.today.day:
            return False
        self.history[self.today.day] = self.today.summary()
        for old in sorted(self.history)[:-HISTORY_DAYS]:
            del self.history[old]
        self.today = Day(day=self.local_day(now), vacation=vacation)
        return True

    # ---- adding up ----------------------------------------------------------------

    def add_sitting(self, elapsed: timedelta, stretch_today: timedelta | None) -> None:
        """Sitting for ``elapsed``; ``stretch_today``: the stretch's part of today, if any."""
        self.today.sitting += elapsed
        if stretch_today is not None:
            self.today.longest_stretch = max(self.today.longest_stretch, stretch_today)

    def add_standing(self, elapsed: timedelta) -> None:
        """Standing at the desk for ``elapsed``."""
        self.today.standing += elapsed

    def count(self, outcome: BreakEvent, announced: bool) -> None:
        """A break's outcome; an announced one that was not natural counts in compliance."""
        day = self.today
        if outcome is BreakEvent.TAKEN:
            day.breaks_taken += 1
        elif outcome is BreakEvent.NATURAL:
            day.natural_breaks += 1
        elif outcome is BreakEvent.SKIPPED:
            day.breaks_skipped += 1
        elif outcome is BreakEvent.MISSED:
            day.breaks_missed += 1
        if announced and outcome is not BreakEvent.NATURAL:
            day.compliance_due += 1
            day.compliance_taken += outcome is BreakEvent.TAKEN

    # ---- the daily limit ----------------------------------------------------------

    def over(self, limit: timedelta | None) -> bool:
        """Whether sitting today is at or above ``limit`` (None: no limit)."""
        return limit is not None and self.today.sitting >= limit

    def reach(self, limit: timedelta | None) -> bool:
        """Whether today's sitting reaches ``limit`` for the first time this day (noted)."""
        if self.today.limit_reached or not self.over(limit):
            return False
        self.today.limit_reached = True
        return True

    def say_limit(self, limit: timedelta | None, heard: bool) -> bool:
        """Whether the reached limit is to be said now (noted: once a day).

        Only when someone can hear it (``heard``), and not once the limit was raised
        above the day's sitting.
        """
        day = self.today
        if not (day.limit_reached and not day.limit_announced and self.over(limit) and heard):
            return False
        day.limit_announced = True
        return True

    def streak(self, target: float) -> int:
        """Consecutive days meeting ``target`` percent compliance, today included."""
        return streak(self.history, self.today.day, self.today.summary(), target)

    # ---- persistence --------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """Today and the history, as JSON-compatible data (oldest day first)."""
        return {
            "today": encode_record(self.today),
            "history": {
                day.isoformat(): encode_record(summary)
                for day, summary in sorted(self.history.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], time_zone: tzinfo) -> Days:
        """Continue from what ``as_dict`` returned (older data lacks newer fields)."""
        return cls(
            time_zone,
            decode_record(Day, data["today"]),
            {
                date.fromisoformat(day): decode_record(DaySummary, summary)
                for day, summary in data["history"].items()
            },
        )
