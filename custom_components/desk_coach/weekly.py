"""The weekly summary: seven days from the per-day history, beside the seven before.

Plain Python like the model: the desk hands in its days (finished ones from the history,
today so far) and its strength-session days; what comes out is the figures a message is
written from, and when the next summary is due.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from .model import DaySummary, Grade

WEEK = 7


@dataclass(frozen=True, kw_only=True)
class WeekFigures:
    """Seven days added up."""

    first: date
    last: date
    sitting: timedelta
    days_at_desk: int  # days with any sitting
    longest_stretch: timedelta
    taken: int  # breaks taken (announced or natural)
    compliance_taken: int
    compliance_due: int
    strength_sessions: int
    standing: timedelta
    graded: tuple[tuple[Grade, int], ...] = ()  # taken and natural breaks by grade, best first

    @property
    def proven(self) -> int:
        """Breaks sensors prove (walked, moved or stood)."""
        return sum(count for grade, count in self.graded if grade.proven)

    @property
    def compliance(self) -> float | None:
        """Share of announced breaks taken in the week (None when none was due)."""
        return self.compliance_taken / self.compliance_due if self.compliance_due else None

    @property
    def sitting_per_day(self) -> timedelta:
        """Average sitting on the days at the desk."""
        if not self.days_at_desk:
            return timedelta(0)
        return self.sitting / self.days_at_desk


@dataclass(frozen=True, kw_only=True)
class WeeklySummary:
    """The week, the week before it, and the week's days (oldest first)."""

    week: WeekFigures
    before: WeekFigures
    days: tuple[tuple[date, timedelta], ...]  # sitting per day


def _figures(days: Mapping[date, DaySummary], strength: set[date], last: date) -> WeekFigures:
    first = last - timedelta(days=WEEK - 1)
    summaries = [days.get(first + timedelta(days=n), DaySummary()) for n in range(WEEK)]
    return WeekFigures(
        first=first,
        last=last,
        sitting=sum((s.sitting for s in summaries), timedelta(0)),
        days_at_desk=sum(1 for s in summaries if s.sitting > timedelta(0)),
        longest_stretch=max(s.longest_stretch for s in summaries),
        taken=sum(s.breaks_taken + s.natural_breaks for s in summaries),
        compliance_taken=sum(s.compliance_taken for s in summaries),
        compliance_due=sum(s.compliance_due for s in summaries),
        strength_sessions=sum(1 for day in strength if first <= day <= last),
        standing=sum((s.standing for s in summaries), timedelta(0)),
        graded=tuple((grade, sum(s.graded(grade) for s in summaries)) for grade in reversed(Grade)),
    )


def weekly_summary(
    days: Mapping[date, DaySummary], strength_days: Iterable[date], last: date
) -> WeeklySummary:
    """The seven days ending with ``last`` (today, so far), and the seven before."""
    strength = set(strength_days)
    week = _figures(days, strength, last)
    before = _figures(days, strength, last - timedelta(days=WEEK))
    sitting = tuple(
        (day, days.get(day, DaySummary()).sitting)
        for day in (week.first + timedelta(days=n) for n in range(WEEK))
    )
    return WeeklySummary(week=week, before=before, days=sitting)


def _minutes(duration: timedelta) -> int:
    return int(duration.total_seconds() // 60)


def _percent(share: float | None) -> int | None:
    return None if share is None else round(100 * share)


def _week_variables(week: WeekFigures) -> dict[str, Any]:
    return {
        "sitting": _minutes(week.sitting),
        "days": week.days_at_desk,
        "per_day": _minutes(week.sitting_per_day),
        "longest": _minutes(week.longest_stretch),
        "taken": week.taken,
        "proven": week.proven,
        **{grade.value: count for grade, count in week.graded},
        "compliance": _percent(week.compliance),
        "strength": week.strength_sessions,
        "standing": _minutes(week.standing),
    }


def summary_variables(summary: WeeklySummary) -> dict[str, Any]:
    """What a message template gets: whole minutes, percentages, weekdays (0 = Monday)."""
    return {
        "first": summary.week.first.isoformat(),
        "last": summary.week.last.isoformat(),
        "week": _week_variables(summary.week),
        "before": _week_variables(summary.before),
        "days": [
            {"weekday": day.weekday(), "minutes": _minutes(sitting)}
            for day, sitting in summary.days
        ],
    }


def next_send(after: datetime, weekday: int, at: time, time_zone: tzinfo) -> datetime:
    """The first instant after ``after`` on ``weekday`` (0 = Monday) at local time ``at``."""
    local = after.astimezone(time_zone)
    day = local.date() + timedelta(days=(weekday - local.weekday()) % WEEK)
    candidate = datetime.combine(day, at, tzinfo=time_zone)
    if candidate <= after:  # today's time has passed: a week later
        candidate = datetime.combine(day + timedelta(days=WEEK), at, tzinfo=time_zone)
    return candidate
