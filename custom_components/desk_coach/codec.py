"""The one codec of stored records: dataclasses to JSON data and back, strictly.

Pure Python, no Home Assistant import. The model (``model.py``) and the routines
(``routine_runner.py``, ``routine_history.py``) store their records with it, so they are
encoded and checked the same way:

- instants and dates as ISO text, durations as seconds, enums as their values, numbers,
  flags and texts as they are, a tuple of records as a list of them; each record's fields
  in the order the dataclass declares them (the order of the stored JSON);
- decoding is strict: a value of the wrong type (a hand edit, damaged data) raises
  ValueError or TypeError, so nothing mistyped gets in; fields missing from older data
  keep their defaults; unknown fields are ignored.

All instants are timezone-aware and handled in UTC.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
import math
import typing
from typing import Any


def encode_record(record: Any) -> dict[str, Any]:
    """A dataclass of instants, durations, dates, numbers, flags, texts and enums as JSON data."""
    return {item.name: _encode_value(getattr(record, item.name)) for item in fields(record)}


def encode_scalar(value: Any) -> Any:
    """An instant or a date as ISO text, a duration in seconds, an enum by value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Enum):
        return value.value
    return value


def _encode_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [encode_record(item) for item in value]
    return encode_scalar(value)


def decode_record[T](kind: type[T], data: Any) -> T:
    """The inverse of ``encode_record``; fields missing from older data keep their defaults.

    Strict: a value of the wrong type (a hand edit, damaged data) raises ValueError or
    TypeError, so nothing mistyped gets into the counts; unknown fields are ignored.
    """
    if not isinstance(data, dict):
        raise TypeError(f"{kind.__name__}: not an object")
    hints = typing.get_type_hints(kind)
    values = {
        name: decode_value(hints[name], value) for name, value in data.items() if name in hints
    }
    return kind(**values)


def decode_value(hint: Any, value: Any) -> Any:
    """One field's value from JSON, checked against its type hint."""
    options = typing.get_args(hint)
    if value is None:
        if type(None) in options:
            return None
        raise TypeError("a value is required")
    target = next((t for t in options if t is not type(None)), hint)
    if typing.get_origin(hint) is tuple:
        return _records(options[0], value)
    if target is datetime:
        return parse_instant(_typed(value, str))
    if target is date:
        return date.fromisoformat(_typed(value, str))
    if target is timedelta:
        return timedelta(seconds=_count(value, int | float))
    if target is bool:
        return _typed(value, bool)
    if target is int:
        return _count(value, int)
    if isinstance(target, type) and issubclass(target, Enum):
        return target(value)
    if target is str:
        return _typed(value, str)
    return value


def _records(kind: Any, value: Any) -> tuple[Any, ...]:
    """A tuple of records (``tuple[Record, ...]``) from a list of objects."""
    if not is_dataclass(kind) or not isinstance(kind, type):
        raise TypeError(f"{kind!r} is not a record")
    return tuple(decode_record(kind, item) for item in _typed(value, list))


def _typed[V](value: Any, kind: type[V]) -> V:
    if not isinstance(value, kind):
        raise TypeError(f"{value!r} is not a {kind.__name__}")
    return value


def _count(value: Any, kind: Any) -> Any:
    """A number of seconds or a count: finite, not negative, not a flag."""
    if isinstance(value, bool) or not isinstance(value, kind) or not 0 <= value < math.inf:
        raise ValueError(f"{value!r} is not a count")
    return value


def as_utc(instant: datetime) -> datetime:
    """The instant in UTC; naive instants are refused."""
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return instant.astimezone(UTC)


def parse_instant(text: str) -> datetime:
    """An ISO instant, in UTC."""
    return as_utc(datetime.fromisoformat(text))
