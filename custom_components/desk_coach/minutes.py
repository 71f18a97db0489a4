"""Whole minutes (and hours), as the actions, the voice and the interval number take them (pure)."""

from __future__ import annotations

import math

from .options import as_number
from .refusal import Refusal


def whole_number(value: object) -> int | None:
    """``value`` as a whole number; None for anything else: a boolean, 1.9, infinity, NaN."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def minutes_in_range(asked: object, bounds: tuple[int, int], *, refusal: str, shown: str) -> int:
    """``asked`` as whole minutes within ``bounds``; else the Refusal keyed ``refusal``.

    ``shown``: the refused value as the error names it.
    """
    low, high = bounds
    minutes = whole_number(asked)
    if minutes is None or not low <= minutes <= high:
        raise Refusal(refusal, {"minutes": shown, "min": str(low), "max": str(high)})
    return minutes


def hours_in_range(asked: object, bounds: tuple[float, float], *, shown: str) -> float:
    """``asked`` as hours within ``bounds`` (1.5 is an hour and a half); else refused."""
    low, high = bounds
    hours = as_number(asked)
    if hours is None or not low <= hours <= high:
        raise Refusal(
            "pause_hours_out_of_range", {"hours": shown, "min": f"{low:g}", "max": f"{high:g}"}
        )
    return hours
