"""The routine history: every routine that ended, how, and what it plans.

Pure Python, no Home Assistant import, like ``model.py``. A routine that ends (its last
notice from ``routine_runner.py``, ``outcome_of``) is kept as ``Finished``; the history
says how many were completed today and shows the advice after a pain stop for a while; the
strength programme (``programme.py``) plans from it. It is stored,
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


class Effort(StrEnum):
    """How hard a strength session felt, as rated afterwards (unrated counts as fine)."""

    EASY = "easy"
    FINE = "fine"
    HARD = "hard"


class Check(StrEnum):
    """The pre-check before a strength session: "any sharp pain right now?"."""

    NO = "no"  # no pain: it started
    YES = "yes"  # pain: it did not start, a pain stop
    NO_ANSWER = "no_answer"  # asked, nothing heard: it started
    NOT_ASKED = "not_asked"  # no satellite could ask, or the action said check: false


_SINCE_1_4 = frozenset({"started", "extra", "level", "effort", "check"})


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
    started: datetime | None = None  # since 1.4; the spacing of strength sessions counts from it
    extra: bool = False  # a strength session started before the plan allowed: plans nothing
    level: int | None = None  # the programme's level it ran at (None: its own numbers)
    effort: Effort | None = None  # how hard it felt, rated afterwards
    check: Check | None = None  # the pre-check's outcome (strength sessions)

    def as_dict(self) -> dict[str, Any]:
        """The entry as JSON data; the fields since 1.4 only when set (4,000 are kept)."""
        data = encode_record(self)
        return {key: value for key, value in data.items() if key not in _SINCE_1_4 or value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finished:
        """The inverse of ``as_dict`` (strict: a mistyped or missing field raises)."""
        return decode_record(cls, {**data, "answer": data.get("answer") or None})


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

    def rate(self, ended: datetime, effort: Effort) -> None:
        """Keep how hard the session that ended at ``ended`` felt."""
        self.entries = [
            replace(entry, effort=effort) if entry.ended == ended else entry
            for entry in self.entries
        ]

    def completed_on(self, day: date) -> int:
        """Routines completed on ``day``."""
        return sum(
            1 for entry in self.entries if entry.day == day and entry.outcome is Outcome.COMPLETED
        )

    def strength_days(self) -> list[date]:
        """The days with a planned strength session completed, in order (extras are not)."""
        return sorted(
            {
                entry.day
                for entry in self.entries
                if entry.strength and not entry.extra and entry.outcome is Outcome.COMPLETED
            }
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
