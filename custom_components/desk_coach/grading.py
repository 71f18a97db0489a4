"""What proves a break: its grade from the gap's evidence and from the person's steps.

Pure Python, no Home Assistant import. A taken or natural break earns the best grade its
evidence proves (``Grade``, weakest first: ``self_reported``, ``desk_only``, ``stood``,
``moved``, ``walked``):

- ``walked``: the step count rose by ``walked_steps`` between a reading at the break's
  start and one up to ``STEP_WINDOW`` after it. Step sensors report late (about every
  15 minutes on a phone), so a break may be raised to ``walked`` afterwards. A drop of the
  count is a reset: counting goes on from the new value.
- ``moved``: away from the desk for ``moved_after`` (default: the break length), or until
  the stretch ended;
- ``stood``: a standing input that is not the desk's height, on for the break length
  (with only the desk's height, the same evidence earns ``desk_only``);
- ``desk_only``: the desk's inputs counted the gap as a break, and nothing above holds;
- ``self_reported``: a confirmation (button, action, voice, phone, a completed routine)
  with no evidence.

A break's gap may go on after it counted, so its grade is judged again when the gap ends.
``Grading`` keeps the breaks still open to a raise and the step readings they need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
import math
from typing import Any

from .codec import decode_record, encode_record
from .tracking_types import Grade, Settings

STEP_WINDOW = timedelta(minutes=20)  # steps count up to this long after a break's start
LOG_KEPT = timedelta(minutes=30)  # step readings kept (and the newest older one)
LOG_RESOLUTION = timedelta(minutes=1)  # readings closer than this share one log entry
JOIN_AFTER = timedelta(minutes=2)  # up and away this soon after Done: the same break


def gap_grade(away: timedelta, standing: timedelta, settings: Settings, floor: Grade) -> Grade:
    """The grade a gap's evidence earns: ``away`` and ``standing`` time within it.

    ``floor``: what the break is without enough evidence (``desk_only`` where the desk's
    inputs counted it, ``self_reported`` where a person confirmed it).
    """
    moved_after = min(settings.moved_after or settings.break_duration, settings.away_reset)
    if away >= moved_after:
        return Grade.MOVED
    if standing >= settings.break_duration:
        return settings.standing_grade
    return floor


def best(*grades: Grade) -> Grade:
    """The highest of ``grades``."""
    return max(grades, key=lambda grade: grade.rank)


@dataclass(kw_only=True)
class StepReading:
    """The step odometer (rises summed, resets passed over) as read at ``at``."""

    at: datetime
    odometer: float


@dataclass(kw_only=True)
class OpenBreak:
    """A taken or natural break whose grade may still rise (stored as it is)."""

    start: datetime  # the gap's start, or the confirmation
    day: date  # the local day it was counted in
    grade: Grade
    in_compliance: bool  # an announced break, taken: counted in the day's compliance
    in_gap: bool  # the break of the gap still going on: judged again when it ends
    steps_from: float | None = None  # the odometer at the start (None: no reading yet)


@dataclass(kw_only=True)
class Grading:
    """The breaks still open to a raise and the step readings they need (stored)."""

    open: list[OpenBreak] = field(default_factory=list)
    last_count: float | None = None  # the step sensor's last count
    odometer: float = 0.0
    log: list[StepReading] = field(default_factory=list)

    def add(self, new: OpenBreak, walked_steps: int) -> Grade:
        """Keep ``new`` open; its grade counting readings already taken (maybe ``walked``)."""
        new.steps_from = self._odometer_at(new.start)
        for reading in self.log:
            if new.start < reading.at:
                self._step(new, reading, walked_steps)
        self.open.append(new)
        return new.grade

    def read_steps(
        self, at: datetime, count: float, walked_steps: int
    ) -> list[tuple[OpenBreak, Grade]]:
        """The step sensor says ``count`` at ``at``; the breaks it raises, with their old grade."""
        if self.last_count is not None and count >= self.last_count:
            self.odometer += count - self.last_count
        self.last_count = count  # a drop is a reset: go on from the new count
        reading = StepReading(at=at, odometer=self.odometer)
        if self.log and at - self.log[-1].at < LOG_RESOLUTION:
            self.log[-1] = StepReading(at=self.log[-1].at, odometer=self.odometer)
        else:
            self.log.append(reading)
        older = [n for n, kept in enumerate(self.log) if kept.at < at - LOG_KEPT]
        if len(older) > 1:
            del self.log[: older[-1]]  # the newest older reading still tells the start
        raised = []
        for open_break in self.open:
            before = open_break.grade
            self._step(open_break, reading, walked_steps)
            if open_break.grade is not before:
                raised.append((open_break, before))
        self.prune(at)
        return raised

    def gap_ended(self, grade: Grade) -> tuple[OpenBreak, Grade] | None:
        """The gap's break, judged by its whole gap (``grade``), and its grade before.

        None: no break of the gap is open (none was counted in it).
        """
        for open_break in self.open:
            if open_break.in_gap:
                open_break.in_gap = False
                before = open_break.grade
                open_break.grade = best(before, grade)
                return open_break, before
        return None

    def claim_gap(self, start: datetime, *, confirmed_in_it: bool) -> bool:
        """Whether the gap from ``start`` is the last break's own (judged when it ends).

        ``confirmed_in_it``: that break was confirmed while the departure was not yet
        confirmed. Otherwise a break confirmed by hand (Done pressed, then up and away
        within ``JOIN_AFTER``) claims it: one break, judged by the gap.
        """
        last = self.open[-1] if self.open else None
        if last is None or last.in_gap or start - JOIN_AFTER > last.start:
            return False
        if not confirmed_in_it and last.grade is not Grade.SELF_REPORTED:
            return False
        last.in_gap = True
        last.start = min(last.start, start)
        return True

    def prune(self, now: datetime) -> None:
        """Forget the breaks nothing can raise any more."""
        self.open = [
            kept
            for kept in self.open
            if kept.in_gap or (kept.grade is not Grade.WALKED and now <= kept.start + STEP_WINDOW)
        ]

    def as_dict(self) -> dict[str, Any]:
        """As stored (JSON data)."""
        return {
            "open": [encode_record(kept) for kept in self.open],
            "last_count": self.last_count,
            "odometer": self.odometer,
            "log": [encode_record(reading) for reading in self.log],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Grading:
        """From what ``as_dict`` returned (None: stored before grading, nothing open).

        Strict, as every stored record: a damaged value raises ValueError or TypeError.
        """
        if data is None:
            return cls()
        grading = cls(
            open=[decode_record(OpenBreak, kept) for kept in data["open"]],
            last_count=None if data["last_count"] is None else _number(data["last_count"]),
            odometer=_number(data["odometer"]),
            log=[decode_record(StepReading, reading) for reading in data["log"]],
        )
        for kept in grading.open:
            _number(kept.steps_from if kept.steps_from is not None else 0.0)
        for reading in grading.log:
            _number(reading.odometer)
        return grading

    def _odometer_at(self, instant: datetime) -> float | None:
        readings = [reading for reading in self.log if reading.at <= instant]
        return readings[-1].odometer if readings else None

    @staticmethod
    def _step(open_break: OpenBreak, reading: StepReading, walked_steps: int) -> None:
        if not open_break.start < reading.at <= open_break.start + STEP_WINDOW:
            return
        if open_break.steps_from is None:  # no reading before the start: the first after
            open_break.steps_from = reading.odometer
        elif reading.odometer - open_break.steps_from >= walked_steps:
            open_break.grade = Grade.WALKED


def _number(value: Any) -> float:
    """A stored count: a finite number, not negative, not a flag."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        raise ValueError(f"{value!r} is not a count")
    return float(value)
