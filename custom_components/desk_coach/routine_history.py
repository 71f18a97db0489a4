"""The routine history: every routine that ended, how, and what it plans.

Pure Python, no Home Assistant import, like ``model.py``. A routine that ends (its last
notice from ``routine_runner.py``, ``outcome_of``) is kept as ``Finished``; the history
says how many were completed today, plans the next strength session (every other day,
moved by a missed day) and shows the advice after a pain stop for a while. It is stored,
capped by days and by count.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from .codec import as_utc, decode_record, encode_record
from .routine_runner import Notice, RoutineEvent

HISTORY_DAYS = 400
# The routine history's cap by count, beside its cap by days. A heavy user runs about 10
# routines a day (a stretch at every break of a long day, a strengthening session, one
# stopped early); 10 a day for the HISTORY_DAYS kept is 4,000, so everyday use does not
# reach it; a runaway does (an automation starting and stopping routines in a loop): then
# the oldest go first, and the stored history stays about 1 MB however long it runs
# (938 kB measured for 4,000 entries, about 235 bytes each, in tests/core/test_routine_history.py).
HISTORY_ENTRIES = 10 * HISTORY_DAYS
STRENGTH_EVERY_DAYS = 2
PAIN_ADVICE_FOR = timedelta(minutes=5)  # how long the card shows the advice after a pain stop


class Outcome(StrEnum):
    """How a routine ended, as the history keeps it."""

    COMPLETED = "completed"
    DONE = "done"
    PAIN = "pain"
    INTERRUPTED = "interrupted"


class Answer(StrEnum):
    """What the user said when asked whether they did the routine."""

    YES = "yes"
    NO = "no"
    NONE = "none"  # no answer in time, or none understood


@dataclass(frozen=True, kw_only=True)
class Finished:
    """A routine that ended, kept in the history."""

    ended: datetime
    day: date  # the local day it ended on
    routine: str
    outcome: Outcome
    strength: bool  # it contained a strength exercise
    step: str | None = None  # the exercise it stopped at (pain, done, interrupted)
    answer: Answer | None = None  # asked "did you do it?" at the end: what was said

    def as_dict(self) -> dict[str, Any]:
        """The entry as JSON data."""
        return encode_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finished:
        """The inverse of ``as_dict`` (strict: a mistyped or missing field raises)."""
        return decode_record(cls, {**data, "answer": data.get("answer") or None})


@dataclass(frozen=True, kw_only=True)
class HistorySummary:
    """What the history says about one day: the figures the sensors show."""

    day: date
    completed_today: int
    next_strength: date
    strength_done_this_week: int
    strength_planned_this_week: int


@dataclass(kw_only=True)
class RoutineHistory:
    """Every routine that ended in the last ``HISTORY_DAYS`` days, the newest ``limit``.

    What reads it reaches back two weeks at most (the weekly summary, this week's strength
    sessions, the last strength day, the last routine for the pain advice): the newest
    entries, which the count cap would only drop for more than ``limit`` routines in two
    weeks; only the diagnostics' counts (how many ended how, how many pain stops) cover
    everything kept.
    """

    entries: list[Finished] = field(default_factory=list)
    limit: int = field(default=HISTORY_ENTRIES, compare=False, repr=False)

    def record(self, entry: Finished) -> None:
        """Keep ``entry``; forget what is older than the history reaches."""
        self.entries.append(entry)
        self._trim()

    def _trim(self) -> None:
        """Forget what is older than the history reaches, then the oldest beyond ``limit``.

        The days reach back ``HISTORY_DAYS`` from the newest entry's day.
        """
        if not self.entries:
            return
        oldest = self.entries[-1].day - timedelta(days=HISTORY_DAYS)
        kept = [kept for kept in self.entries if kept.day > oldest]
        self.entries = kept[max(0, len(kept) - self.limit) :]

    def answer(self, ended: datetime, answer: Answer) -> None:
        """Keep what the user answered about the routine that ended at ``ended``."""
        self.entries = [
            replace(entry, answer=answer) if entry.ended == ended else entry
            for entry in self.entries
        ]

    def completed_on(self, day: date) -> int:
        """Routines completed on ``day``."""
        return sum(
            1 for entry in self.entries if entry.day == day and entry.outcome is Outcome.COMPLETED
        )

    def strength_days(self) -> list[date]:
        """The days with a completed strength session, in order."""
        return sorted(
            {
                entry.day
                for entry in self.entries
                if entry.strength and entry.outcome is Outcome.COMPLETED
            }
        )

    def next_strength(self, today: date) -> date:
        """The next strength day: every other day after the last; a missed day moves it."""
        days = self.strength_days()
        if not days:
            return today
        return max(days[-1] + timedelta(days=STRENGTH_EVERY_DAYS), today)

    def strength_week(self, today: date) -> tuple[int, int]:
        """Strength sessions done this week (Monday to Sunday) and planned for it."""
        monday = today - timedelta(days=today.weekday())
        sunday = monday + timedelta(days=6)
        done = sum(1 for day in self.strength_days() if monday <= day <= sunday)
        planned, day = done, self.next_strength(today)
        while day <= sunday:
            planned += 1
            day += timedelta(days=STRENGTH_EVERY_DAYS)
        return done, planned

    def summary(self, today: date) -> HistorySummary:
        """The day's figures in one go."""
        done, planned = self.strength_week(today)
        return HistorySummary(
            day=today,
            completed_today=self.completed_on(today),
            next_strength=self.next_strength(today),
            strength_done_this_week=done,
            strength_planned_this_week=planned,
        )

    def pain_advice_until(self, now: datetime) -> datetime | None:
        """Until when the pain advice is shown: a while after the last routine, if it hurt."""
        if not self.entries or self.entries[-1].outcome is not Outcome.PAIN:
            return None
        until = self.entries[-1].ended + PAIN_ADVICE_FOR
        return until if until > as_utc(now) else None

    def pain_stops(self) -> list[Finished]:
        """The routines stopped because something hurt."""
        return [entry for entry in self.entries if entry.outcome is Outcome.PAIN]

    def as_list(self) -> list[dict[str, Any]]:
        """The history as JSON data."""
        return [entry.as_dict() for entry in self.entries]

    @classmethod
    def from_list(cls, data: list[dict[str, Any]] | None) -> RoutineHistory:
        """The inverse of ``as_list``, trimmed as ``record`` trims.

        Data stored before the count cap may hold more than it allows.
        """
        history = cls(entries=[Finished.from_dict(entry) for entry in data or []])
        history._trim()
        return history


def outcome_of(notice: Notice) -> Outcome | None:
    """The history's outcome for a routine's last notice (None: it goes on)."""
    if notice.event is RoutineEvent.COMPLETED:
        return Outcome.COMPLETED
    if notice.event is RoutineEvent.STOPPED and notice.reason is not None:
        return Outcome(notice.reason.value)
    return None
