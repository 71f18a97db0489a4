"""A desk's local days: today's running totals, the finished days kept, the daily limit.

Pure Python, no Home Assistant import. The tracker (``model.py``) adds the sitting and
standing time it integrates and the outcomes of breaks into today (``Days.today``); at
local midnight today is closed into the history, which keeps ``HISTORY_DAYS`` days and is
where the compliance streak is read from. All instants are timezone-aware and handled in
UTC; the local time zone is used only to find where a day begins.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from .codec import decode_record, encode_record
from .tracking_types import BreakEvent, DaySummary, Grade, streak

ONE_DAY = timedelta(days=1)
HISTORY_DAYS = 400
# the day's total each break outcome adds one to
_COUNTED_AS = {
    BreakEvent.TAKEN: "breaks_taken",
    BreakEvent.NATURAL: "natural_breaks",
    BreakEvent.SKIPPED: "breaks_skipped",
    BreakEvent.MISSED: "breaks_missed",
}


@dataclass(kw_only=True)
class Day:
    """Today: its date, its running totals (a ``DaySummary``), whether its limit was said.

    Stored flat, in the order ``day``, the totals' fields, ``limit_announced``.
    """

    day: date
    totals: DaySummary = field(default_factory=DaySummary)
    limit_announced: bool = False  # the reached limit was said

    def add(self, **more: Any) -> None:
        """Replace some totals (``sitting=...``): the summary is a frozen value."""
        self.totals = replace(self.totals, **more)

    def as_dict(self) -> dict[str, Any]:
        """Today as stored."""
        totals = encode_record(self.totals)
        return {"day": self.day.isoformat(), **totals, "limit_announced": self.limit_announced}

    @classmethod
    def from_dict(cls, data: Any) -> Day:
        """Today from what ``as_dict`` returned (strict, as every stored record)."""
        totals = decode_record(DaySummary, data)  # not an object: TypeError, as any record
        today = decode_record(cls, {k: v for k, v in data.items() if k != "totals"})
        today.totals = totals
        return today


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
        self.history[self.today.day] = self.today.totals
        for old in sorted(self.history)[:-HISTORY_DAYS]:
            del self.history[old]
        self.today = Day(day=self.local_day(now), totals=DaySummary(vacation=vacation))
        return True

    # ---- adding up ----------------------------------------------------------------

    def add_sitting(self, elapsed: timedelta, stretch_today: timedelta | None) -> None:
        """Sitting for ``elapsed``; ``stretch_today``: the stretch's part of today, if any."""
        today = self.today.totals
        longest = today.longest_stretch
        if stretch_today is not None:
            longest = max(longest, stretch_today)
        self.today.add(sitting=today.sitting + elapsed, longest_stretch=longest)

    def add_standing(self, elapsed: timedelta) -> None:
        """Standing at the desk for ``elapsed``."""
        self.today.add(standing=self.today.totals.standing + elapsed)

    def count(
        self,
        outcome: BreakEvent,
        announced: bool,
        grade: Grade | None = None,
        *,
        sat: timedelta = timedelta(0),
        count_unproven: bool = False,
    ) -> None:
        """A break's outcome; an announced one that was not natural counts in compliance.

        A taken or natural break adds to its ``grade`` and ``sat`` (the sitting before it)
        to the day; a taken one counts as taken in compliance when its grade is proven
        (any grade with ``count_unproven``).
        """
        day = self.today.totals
        counted = _COUNTED_AS.get(outcome)
        more: dict[str, Any] = {} if counted is None else {counted: getattr(day, counted) + 1}
        if grade is not None:
            more[grade.value] = day.graded(grade) + 1
            more["sat_before_breaks"] = day.sat_before_breaks + sat
        if announced and outcome is not BreakEvent.NATURAL:
            proven = grade is not None and (grade.proven or count_unproven)
            more["compliance_due"] = day.compliance_due + 1
            more["compliance_taken"] = day.compliance_taken + proven
        self.today.add(**more)

    def add_away(self, grade: Grade, away: timedelta) -> None:
        """A break's gap ended: a walked or moved one adds its time ``away`` to the day."""
        if grade in (Grade.WALKED, Grade.MOVED):
            self.today.add(moved_away=self.today.totals.moved_away + away)

    def snoozed(self) -> None:
        """A due break was snoozed."""
        self.today.add(breaks_snoozed=self.today.totals.breaks_snoozed + 1)

    def regrade(
        self, day: date, before: Grade, after: Grade, *, in_compliance: bool, count_unproven: bool
    ) -> None:
        """A break of ``day`` was raised from ``before`` to ``after``.

        Taken after an announcement (``in_compliance``), it now counts as taken in
        compliance where its new grade does and its old one did not.
        """
        totals = self.today.totals if day == self.today.day else self.history.get(day)
        if totals is None:
            return  # a day no longer kept
        more: dict[str, Any] = {
            before.value: max(totals.graded(before) - 1, 0),
            after.value: totals.graded(after) + 1,
        }
        counts_now = after.proven or count_unproven
        if in_compliance and counts_now and not (before.proven or count_unproven):
            more["compliance_taken"] = min(totals.compliance_taken + 1, totals.compliance_due)
        if day == self.today.day:
            self.today.add(**more)
        else:
            self.history[day] = replace(totals, **more)

    # ---- the daily limit ----------------------------------------------------------

    def over(self, limit: timedelta | None) -> bool:
        """Whether sitting today is at or above ``limit`` (None: no limit)."""
        return limit is not None and self.today.totals.sitting >= limit

    def reach(self, limit: timedelta | None) -> bool:
        """Whether today's sitting reaches ``limit`` for the first time this day (noted)."""
        if self.today.totals.limit_reached or not self.over(limit):
            return False
        self.today.add(limit_reached=True)
        return True

    def say_limit(self, limit: timedelta | None, heard: bool) -> bool:
        """Whether the reached limit is to be said now (noted: once a day).

        Only when someone can hear it (``heard``), and not once the limit was raised
        above the day's sitting.
        """
        day = self.today
        reached = day.totals.limit_reached
        if not (reached and not day.limit_announced and self.over(limit) and heard):
            return False
        day.limit_announced = True
        return True

    def streak(self, target: float) -> int:
        """Consecutive days meeting ``target`` percent compliance, today included."""
        return streak(self.history, self.today.day, self.today.totals, target)

    # ---- persistence --------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """Today and the history, as JSON-compatible data (oldest day first)."""
        return {
            "today": self.today.as_dict(),
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
            Day.from_dict(data["today"]),
            {
                date.fromisoformat(day): decode_record(DaySummary, summary)
                for day, summary in data["history"].items()
            },
        )
