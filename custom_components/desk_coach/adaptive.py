"""An interval that adapts: where the break interval moves, a day at a time, from the fortnight.

Plain Python like the model. The option is off by default, and off the interval is the
setting. On, the runtime calls ``adapt`` at each local day's start: it reads the finished
days of the last 14 (vacation days left out) and moves the interval at most once a day, by
at most 5 minutes, and only within 20 to 45 minutes (widened to take in the setting). The
first rule that would move the interval wins:

- ``snoozed``: 5 or more breaks were due, they were snoozed more than half as many times,
  and the person's breaks came more than 2 minutes after the interval: move later, toward
  where they came.
- ``on_target``: on the last 7 days, 5 or more days had a break due and every one of them
  met the compliance target, and the interval is not the setting: move back toward the
  setting, unless from there ``snoozed`` or ``early`` would move it straight back again.
- ``early``: 5 or more natural breaks, no fewer than the breaks due, and the person's
  breaks came more than 5 minutes before the interval: move earlier, toward where they came.
- else the interval stays: ``held`` (``setting`` while it is the setting).

Where the person's breaks come: the sitting from the countdown's start to each taken and
natural break, averaged over the window and rounded to the nearest minute. Intervals are
whole minutes, apart from the setting itself. An interval the setting's bounds no longer
hold (the setting changed) starts again from the setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .tracking_types import DaySummary

WINDOW = 14  # days read, before today
STEP = timedelta(minutes=5)  # the most one day's change moves the interval
LOW = timedelta(minutes=20)  # the bounds, widened to take in the setting
HIGH = timedelta(minutes=45)
WEEK = 7  # days that must hold the compliance target for ``on_target``
WEEK_DAYS_DUE = 5  # of which at least this many had a break due
LEAST_DUE = 5  # breaks due in the window before snoozes say anything
LEAST_NATURAL = 5  # natural breaks in the window before they say anything
LATER_BY = timedelta(minutes=2)  # breaks this much past the interval: ``snoozed`` may move
EARLIER_BY = timedelta(minutes=5)  # breaks this much before it: ``early`` may move
_MINUTE = timedelta(minutes=1)


class Reason(StrEnum):
    """Why the interval is what it is (the adapted interval sensor's ``reason``)."""

    SETTING = "setting"  # nothing to go on, or nothing to adapt: the interval is the setting
    SNOOZED = "snoozed"  # most due breaks were snoozed, breaks came later: moved later
    EARLY = "early"  # natural breaks came well before the interval: moved earlier
    ON_TARGET = "on_target"  # a week at the compliance target: moved back toward the setting
    HELD = "held"  # nothing calls for a change: the interval stays


@dataclass(frozen=True, kw_only=True)
class Adapted:
    """The adapted interval, why, and the local day it last changed (None: never)."""

    interval: timedelta
    reason: Reason
    changed_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class _Window:
    """What the finished days of the window add up to."""

    due: int  # announced breaks taken, skipped or missed
    snoozed: int  # snoozes of due breaks
    natural: int
    point: timedelta | None  # where the person's breaks come (None: no break)
    on_target: bool  # the last 7 days held the compliance target


def bounds(setting: timedelta) -> tuple[timedelta, timedelta]:
    """The lowest and highest interval: 20 to 45 minutes, widened to take in ``setting``."""
    return min(LOW, setting), max(HIGH, setting)


def adapt(
    *,
    setting: timedelta,
    current: Adapted | None,
    today: date,
    history: Mapping[date, DaySummary],
    target: float,
) -> Adapted:
    """The interval for ``today``, from ``current`` (None: adapting starts today).

    ``history``: the finished days' summaries (days from ``today`` on are not read);
    ``target``: the compliance target in percent. An interval changed today (or on a
    later day: the clock went back) stays as it is.
    """
    low, high = bounds(setting)
    if current is None or not low <= current.interval <= high:
        current = Adapted(interval=setting, reason=Reason.SETTING)
    elif current.changed_on is not None and current.changed_on >= today:
        return current
    start = current.interval
    window = _window(history, today, target)
    moved: tuple[Reason, timedelta] | None = None
    if (goal := _later(window, start, high)) is not None:
        moved = Reason.SNOOZED, goal
    elif window.on_target and start != setting and _stays(window, _toward(start, setting), setting):
        moved = Reason.ON_TARGET, setting
    elif (goal := _earlier(window, start, low)) is not None:
        moved = Reason.EARLY, goal
    if moved is None:
        reason = Reason.SETTING if start == setting else Reason.HELD
        return Adapted(interval=start, reason=reason, changed_on=current.changed_on)
    reason, goal = moved
    return Adapted(interval=_toward(start, goal), reason=reason, changed_on=today)


def _window(history: Mapping[date, DaySummary], today: date, target: float) -> _Window:
    """Add up the window's finished days that are no vacation days."""
    first, week = today - timedelta(days=WINDOW), today - timedelta(days=WEEK)
    days = {
        day: summary
        for day, summary in history.items()
        if first <= day < today and not summary.vacation
    }
    breaks = sum(summary.breaks_taken + summary.natural_breaks for summary in days.values())
    sat = sum((summary.sat_before_breaks for summary in days.values()), timedelta(0))
    met = [
        meets
        for day, summary in days.items()
        if day >= week and (meets := summary.meets(target)) is not None
    ]
    return _Window(
        due=sum(summary.compliance_due for summary in days.values()),
        snoozed=sum(summary.breaks_snoozed for summary in days.values()),
        natural=sum(summary.natural_breaks for summary in days.values()),
        point=_nearest_minute(sat / breaks) if breaks else None,
        on_target=len(met) >= WEEK_DAYS_DUE and all(met),
    )


def _later(window: _Window, interval: timedelta, high: timedelta) -> timedelta | None:
    """Where ``snoozed`` moves ``interval`` toward (None: it does not apply)."""
    point = window.point
    if (
        point is None
        or window.due < LEAST_DUE
        or 2 * window.snoozed <= window.due
        or point <= interval + LATER_BY
    ):
        return None
    goal = min(point, high)
    return goal if goal > interval else None


def _earlier(window: _Window, interval: timedelta, low: timedelta) -> timedelta | None:
    """Where ``early`` moves ``interval`` toward (None: it does not apply)."""
    point = window.point
    if (
        point is None
        or window.natural < LEAST_NATURAL
        or window.natural < window.due
        or point >= interval - EARLIER_BY
    ):
        return None
    goal = max(point, low)
    return goal if goal < interval else None


def _stays(window: _Window, interval: timedelta, setting: timedelta) -> bool:
    """Whether neither ``snoozed`` nor ``early`` would move ``interval`` (no back and forth)."""
    low, high = bounds(setting)
    return _later(window, interval, high) is None and _earlier(window, interval, low) is None


def _toward(start: timedelta, goal: timedelta) -> timedelta:
    """A step from ``start`` toward ``goal``.

    ``goal`` itself when it lies within a step, else the whole minute nearest ``goal`` that
    lies within a step of ``start``.
    """
    if abs(goal - start) <= STEP:
        return goal
    if goal > start:
        return (start + STEP) // _MINUTE * _MINUTE
    return -((STEP - start) // _MINUTE) * _MINUTE


def _nearest_minute(duration: timedelta) -> timedelta:
    """``duration`` to the nearest whole minute (half a minute rounds up)."""
    return (duration + _MINUTE / 2) // _MINUTE * _MINUTE
