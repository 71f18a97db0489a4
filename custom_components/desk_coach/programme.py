"""The strength programme: its levels, when the next session may start, and when it pauses.

Pure Python, no Home Assistant import, like ``model.py``. It reads the routine history
(``routine_history.py``) and keeps a little state of its own (``Programme``, stored):

- **spacing**: a planned session starts at least ``spacing`` (48 h, an option) after the
  last planned one started, and at least 48 h after a pain stop; the daily mode plans one
  a day instead. A session started sooner runs (it was asked for) as an *extra* one: it
  plans nothing and raises nothing.
- **levels**: data (``exercises/library.json``), from 1 x 10 to 2 x 15. Two planned
  sessions completed in a row, neither rated hard (unrated counts as fine), and pain not
  rising: one level up. A pain stop: one level down. A session stopped early breaks the
  row. Custom routines keep their own numbers and count for neither.
- **pause**: two pain stops within 14 days (counted since the programme was last turned
  on) turn it off; nothing is planned until the person turns it on again.
- **pain**: the weekly answers (``pain.py``) are kept here; while the pain rises, the
  level holds.

The level is the history folded from a checkpoint (``level``, ``row`` as of ``settled``):
the routine history forgets its oldest entries, the level must not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Final

from .codec import as_utc, decode_record, encode_record
from .pain import MAX_PAIN, MIN_PAIN, PainAnswer, answered, rising as pain_rises
from .routine_history import Effort, Finished, Outcome
from .routine_plan import Exercise, Routine

CONF_STRENGTH_SPACING: Final = "strength_spacing"  # hours between planned sessions
CONF_TWO_MINUTES_DAILY: Final = "two_minutes_daily"  # a 2-minute session every day
DEFAULT_SPACING_HOURS: Final = 48
MIN_SPACING_HOURS: Final = 48
MAX_SPACING_HOURS: Final = 96
PAIN_PAUSE = timedelta(hours=48)  # no planned session sooner after a pain stop
PAIN_WINDOW = timedelta(days=14)  # two pain stops within it pause the programme
PAIN_STOPS_TO_PAUSE = 2
UP_AFTER = 2  # planned sessions completed in a row, not hard, to go one level up
SETTLE_AFTER = timedelta(days=14)  # older entries are folded into the checkpoint


@dataclass(frozen=True, kw_only=True)
class Level:
    """One step of the programme: sets of repetitions, and seconds added to each one."""

    sets: int
    reps: int
    slower: int = 0  # seconds added to every repetition: a slower way back


@dataclass(frozen=True, kw_only=True)
class ProgrammeSettings:
    """What the options say about the programme."""

    spacing: timedelta = timedelta(hours=DEFAULT_SPACING_HOURS)
    daily: bool = False  # "2 minutes daily": one short session every day

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> ProgrammeSettings:
        """The programme's options, with their defaults."""
        hours = options.get(CONF_STRENGTH_SPACING, DEFAULT_SPACING_HOURS)
        return cls(
            spacing=timedelta(hours=float(hours)),
            daily=bool(options.get(CONF_TWO_MINUTES_DAILY, False)),
        )


@dataclass(frozen=True, kw_only=True)
class StrengthPlan:
    """What the programme plans, as the sensors show it."""

    day: date  # the local day it was worked out for
    next_day: date | None  # the next planned session's day; None: the programme is off
    earliest: datetime | None  # a planned session starts no sooner; None: any time
    done_this_week: int  # planned sessions completed, Monday to Sunday
    planned_this_week: int  # those done and those still planned this week
    extra_this_week: int  # sessions started sooner than planned


def level_up(level: int, row: int, entry: Finished, top: int, rising: bool) -> tuple[int, int]:
    """The level and the row of good sessions after ``entry``."""
    if entry.outcome is Outcome.PAIN:
        return max(1, level - 1), 0
    if not entry.strength or entry.extra or entry.level is None:
        return level, row
    if entry.outcome is not Outcome.COMPLETED or entry.effort is Effort.HARD or rising:
        return level, 0
    if row + 1 >= UP_AFTER:
        return min(top, level + 1), 0
    return level, row + 1


def dosed(routine: Routine, level: Level, exercises: Mapping[str, Exercise]) -> Routine:
    """A built-in strength routine at ``level``: every repeated exercise at its numbers.

    The sets go up to the level's, never above the routine's own (a one-set routine stays
    one set); holds are left as they are.
    """
    items = []
    for item in routine.items:
        exercise = exercises[item.exercise]
        if exercise.reps is None or item.hold is not None:
            items.append(item)
            continue
        sets = min(level.sets, item.sets or exercise.sets)
        items.append(replace(item, sets=sets, reps=level.reps, slower=level.slower))
    return replace(routine, items=tuple(items))


def _planned(entries: Iterable[Finished]) -> list[Finished]:
    """The planned strength sessions completed, in order."""
    return [
        entry
        for entry in entries
        if entry.strength and not entry.extra and entry.outcome is Outcome.COMPLETED
    ]


@dataclass(kw_only=True)
class Programme:
    """The programme's own state: on or off, and its level as of a checkpoint."""

    enabled: bool = True
    enabled_since: datetime | None = None  # pain stops before it do not pause it
    paused_at: datetime | None = None  # when two pain stops turned it off
    level: int = 2  # as of ``settled``
    row: int = 0  # planned sessions completed in a row, not hard, as of ``settled``
    settled: datetime | None = None  # entries that ended up to then are in level and row
    pain: tuple[PainAnswer, ...] = ()  # neck or shoulder pain, one answer a week (pain.py)
    rising_said: bool = False  # "your pain is rising" was said since it began to rise
    asked_week: date | None = None  # the Monday of the week the weekly question was asked

    def answer_pain(self, day: date, score: int, at: datetime) -> bool:
        """Keep this week's pain; True when it now rises and that was not said yet."""
        self.pain = answered(self.pain, day, score, at)
        if not pain_rises(self.pain):
            self.rising_said = False
            return False
        said, self.rising_said = self.rising_said, True
        return not said

    def progress(
        self, entries: Sequence[Finished], top: int, *, rising: bool = False
    ) -> tuple[int, int]:
        """The level now and the row of good sessions towards the next one."""
        level, row = min(self.level, top), self.row
        for entry in entries:
            if self.settled is None or entry.ended > self.settled:
                level, row = level_up(level, row, entry, top, rising)
        return level, row

    def settle(
        self, entries: Sequence[Finished], now: datetime, top: int, *, rising: bool = False
    ) -> None:
        """Fold what ended two weeks ago into the checkpoint (nothing rates it any more)."""
        until = as_utc(now) - SETTLE_AFTER
        older = [
            entry
            for entry in entries
            if entry.ended <= until and (self.settled is None or entry.ended > self.settled)
        ]
        if older:
            checkpoint = Programme(level=self.level, row=self.row)
            self.level, self.row = checkpoint.progress(older, top, rising=rising)
            self.settled = max(entry.ended for entry in older)

    def earliest(
        self, entries: Sequence[Finished], settings: ProgrammeSettings, zone: tzinfo
    ) -> datetime | None:
        """When the next planned session may start; None: any time, or the programme is off."""
        times: list[datetime] = []
        if planned := _planned(entries):
            start = planned[-1].started or planned[-1].ended
            if settings.daily:
                day = start.astimezone(zone).date() + timedelta(days=1)
                times.append(datetime.combine(day, time(), zone).astimezone(UTC))
            else:
                times.append(start + settings.spacing)
        pains = [entry for entry in entries if entry.outcome is Outcome.PAIN]
        if pains:
            times.append(pains[-1].ended + PAIN_PAUSE)
        return max(times, default=None)

    def is_extra(
        self,
        entries: Sequence[Finished],
        settings: ProgrammeSettings,
        now: datetime,
        zone: tzinfo,
    ) -> bool:
        """Whether a strength session starting ``now`` is an extra one, not the planned one."""
        if not self.enabled:
            return True
        earliest = self.earliest(entries, settings, zone)
        return earliest is not None and as_utc(now) < earliest

    def pause_after_pain(self, entries: Sequence[Finished], now: datetime) -> bool:
        """After a pain stop: the second within 14 days turns the programme off (True)."""
        if not self.enabled:
            return False
        since = as_utc(now) - PAIN_WINDOW
        if self.enabled_since is not None:
            since = max(since, self.enabled_since)
        stops = [e for e in entries if e.outcome is Outcome.PAIN and e.ended > since]
        if len(stops) < PAIN_STOPS_TO_PAUSE:
            return False
        self.enabled, self.paused_at = False, as_utc(now)
        return True

    def turn(self, on: bool, now: datetime) -> None:
        """The person turns the programme on or off."""
        if on and not self.enabled:
            self.enabled_since, self.paused_at = as_utc(now), None
        self.enabled = on

    def plan(
        self,
        entries: Sequence[Finished],
        settings: ProgrammeSettings,
        now: datetime,
        zone: tzinfo,
    ) -> StrengthPlan:
        """The next session's day and earliest start, and this week's sessions."""
        today = now.astimezone(zone).date()
        monday = today - timedelta(days=today.weekday())
        sunday = monday + timedelta(days=6)
        week = [entry for entry in entries if entry.strength and monday <= entry.day <= sunday]
        done = len({entry.day for entry in _planned(week)})
        extra = sum(1 for e in week if e.extra and e.outcome is Outcome.COMPLETED)
        if not self.enabled:
            return StrengthPlan(
                day=today,
                next_day=None,
                earliest=None,
                done_this_week=done,
                planned_this_week=done,
                extra_this_week=extra,
            )
        earliest = self.earliest(entries, settings, zone)
        next_day = today if earliest is None else max(earliest.astimezone(zone).date(), today)
        step = timedelta(days=1 if settings.daily else max(1, round(settings.spacing / DAY)))
        planned, day = done, next_day
        while day <= sunday:
            planned, day = planned + 1, day + step
        return StrengthPlan(
            day=today,
            next_day=next_day,
            earliest=earliest,
            done_this_week=done,
            planned_this_week=planned,
            extra_this_week=extra,
        )

    def as_dict(self) -> dict[str, Any]:
        """The programme as JSON data."""
        return encode_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Programme:
        """The inverse of ``as_dict`` (strict); nothing stored: a fresh programme."""
        programme = cls() if data is None else decode_record(cls, data)
        if any(not MIN_PAIN <= answer.score <= MAX_PAIN for answer in programme.pain):
            raise ValueError("a pain answer is not between 0 and 10")
        return programme


DAY = timedelta(days=1)
