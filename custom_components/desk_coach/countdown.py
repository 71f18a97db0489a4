"""One rule for a countdown in minutes, shared by the voice answers and spoken messages.

The card (``frontend/src/time.ts``) follows the same rule, checked against the same table
of cases (``tests/countdown_cases.json``): to the nearest minute (a half minute rounds
up), as Home Assistant's own relative times do; from an hour on, hours and minutes.
Pure: no Home Assistant import.
"""

from __future__ import annotations

from datetime import datetime, timedelta
import math


def countdown_minutes(left: timedelta) -> int:
    """Whole minutes of a countdown, to the nearest minute; never below 0."""
    return max(0, math.floor(left.total_seconds() / 60 + 0.5))


def minutes_until(instant: datetime | None, now: datetime) -> int | None:
    """The countdown to ``instant`` in minutes (None when there is none)."""
    return None if instant is None else countdown_minutes(instant - now)


def hours_and_minutes(minutes: int) -> tuple[int, int]:
    """A countdown of an hour or more as hours and minutes."""
    return divmod(max(0, minutes), 60)
