"""The outcome that matters: neck or shoulder pain, 0 to 10, once a week.

Pure Python, no Home Assistant import, like ``model.py``. One answer per week (Monday to
Sunday; a later answer the same week replaces the earlier one), the newest two years kept.
The pain is *rising* when the mean of the last two answers is at least 2 above the mean of
the two before: then the coach says once "Your pain is rising. Please see a
physiotherapist.", and the strength programme does not go up a level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from .codec import decode_record, encode_record

MIN_PAIN = 0
MAX_PAIN = 10
KEEP_WEEKS = 104
RISING_BY = 2  # points of the mean of two answers over the mean of the two before
STEADY_WITHIN = 1  # a change of less than this is steady


class Trend(StrEnum):
    """Where the pain goes, answer by answer."""

    RISING = "rising"
    STEADY = "steady"
    FALLING = "falling"


@dataclass(frozen=True, kw_only=True)
class PainAnswer:
    """The pain of one week, 0 to 10, and when it was given."""

    week: date  # the Monday of the week it is about
    score: int
    at: datetime

    def as_dict(self) -> dict[str, Any]:
        """The answer as JSON data."""
        return encode_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PainAnswer:
        """The inverse of ``as_dict`` (strict); a score out of range raises."""
        answer = decode_record(cls, data)
        if not MIN_PAIN <= answer.score <= MAX_PAIN:
            raise ValueError(f"pain {answer.score} is not between 0 and 10")
        return answer


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def answered(
    answers: Sequence[PainAnswer], day: date, score: int, at: datetime
) -> tuple[PainAnswer, ...]:
    """The answers with ``score`` for ``day``'s week (replacing one given that week)."""
    if not MIN_PAIN <= score <= MAX_PAIN:
        raise ValueError(f"pain {score} is not between 0 and 10")
    week = week_of(day)
    kept = [answer for answer in answers if answer.week != week]
    kept.append(PainAnswer(week=week, score=score, at=at))
    kept.sort(key=lambda answer: answer.week)
    return tuple(kept[-KEEP_WEEKS:])


def this_week(answers: Sequence[PainAnswer], day: date) -> int | None:
    """The answer for ``day``'s week; None: not given yet."""
    week = week_of(day)
    return next((answer.score for answer in answers if answer.week == week), None)


def _mean(answers: Sequence[PainAnswer]) -> float:
    return sum(answer.score for answer in answers) / len(answers)


def rising(answers: Sequence[PainAnswer]) -> bool:
    """The mean of the last two answers is at least 2 above the mean of the two before."""
    if len(answers) < 4:
        return False
    return _mean(answers[-2:]) - _mean(answers[-4:-2]) >= RISING_BY


def trend(answers: Sequence[PainAnswer]) -> Trend | None:
    """The last two answers against the two before; None with fewer than two.

    With two or three answers: the last against the one before.
    """
    if len(answers) < 2:
        return None
    if len(answers) >= 4:
        change = _mean(answers[-2:]) - _mean(answers[-4:-2])
    else:
        change = answers[-1].score - answers[-2].score
    if change >= STEADY_WITHIN:
        return Trend.RISING
    if change <= -STEADY_WITHIN:
        return Trend.FALLING
    return Trend.STEADY


def pain_now(answers: Sequence[PainAnswer]) -> int | None:
    """The last answer given (None: none yet)."""
    return answers[-1].score if answers else None


def pain_attributes(answers: Sequence[PainAnswer]) -> dict[str, Any]:
    """The pain sensor's attributes: the week of the last answer, the trend, rising."""
    found = trend(answers)
    return {
        "week": answers[-1].week if answers else None,
        "trend": None if found is None else found.value,
        "rising": rising(answers),
    }
