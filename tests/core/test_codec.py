"""The shared codec: records to JSON data and back, strictly, in the declared field order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
import json

import pytest

from custom_components.desk_coach.codec import decode_record, encode_record


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True, kw_only=True)
class Leaf:
    at: datetime
    colour: Colour
    count: int = 0


@dataclass(frozen=True, kw_only=True)
class Tree:
    name: str
    leaves: tuple[Leaf, ...]
    day: date
    age: timedelta | None = None
    colour: Colour | None = None
    kept: bool = False


T0 = datetime(2026, 3, 10, 17, 0, 0, 500000, tzinfo=UTC)
TREE = Tree(
    name="oak",
    leaves=(Leaf(at=T0, colour=Colour.RED, count=3), Leaf(at=T0, colour=Colour.BLUE)),
    day=date(2026, 3, 10),
    age=timedelta(seconds=90.25),
)


def test_a_record_is_encoded_as_plain_json_in_field_order() -> None:
    """Enums as their values, instants and dates as ISO text, durations as seconds."""
    encoded = encode_record(TREE)
    assert json.dumps(encoded) == json.dumps(
        {
            "name": "oak",
            "leaves": [
                {"at": "2026-03-10T17:00:00.500000+00:00", "colour": "red", "count": 3},
                {"at": "2026-03-10T17:00:00.500000+00:00", "colour": "blue", "count": 0},
            ],
            "day": "2026-03-10",
            "age": 90.25,
            "colour": None,
            "kept": False,
        }
    )
    assert type(encoded["leaves"][0]["colour"]) is str
    assert decode_record(Tree, encoded) == TREE


def test_decoding_fills_defaults_and_ignores_unknown_fields() -> None:
    """Older data lacks newer fields; newer data has fields older code ignores."""
    data = {"name": "oak", "leaves": [], "day": "2026-03-10", "height": 12}
    assert decode_record(Tree, data) == Tree(name="oak", leaves=(), day=date(2026, 3, 10))


@pytest.mark.parametrize(
    "damage",
    [
        {"leaves": {}},
        {"leaves": "leaves"},
        {"leaves": [None]},
        {"leaves": [{"at": "2026-03-10T17:00:00", "colour": "red"}]},  # a naive instant
        {"leaves": [{"at": "2026-03-10T17:00:00+00:00", "colour": "green"}]},
        {"leaves": [{"at": "2026-03-10T17:00:00+00:00", "colour": "red", "count": -1}]},
        {"leaves": [{"at": "2026-03-10T17:00:00+00:00", "colour": "red", "count": True}]},
        {"day": 20260310},
        {"age": float("inf")},
        {"kept": 1},
        {"name": None},
    ],
)
def test_decoding_is_strict(damage: dict[str, object]) -> None:
    """A value of the wrong type, nested or not, raises ValueError or TypeError."""
    with pytest.raises((TypeError, ValueError)):
        decode_record(Tree, {**encode_record(TREE), **damage})
    with pytest.raises(TypeError):
        decode_record(Tree, [encode_record(TREE)])
