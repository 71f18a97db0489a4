"""One rule for a countdown: the card, the voice answers and the core agree at one instant.

The cases are shared with the card's tests (frontend/test/countdown-cases.json).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
import math
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_BREAK_INTERVAL, CONF_VOICE_SENTENCES
from custom_components.desk_coach.countdown import (
    countdown_minutes,
    hours_and_minutes,
    minutes_until,
)
from tests.helpers import pass_time, say, sit, value

NEXT_BREAK = "sensor.office_desk_next_break"
CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[2] / "frontend" / "test" / "countdown-cases.json").read_text(
        encoding="utf-8"
    )
)["cases"]
NOW = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['seconds']}s")
def test_the_core_follows_the_shared_cases(case: dict[str, Any]) -> None:
    left = timedelta(seconds=case["seconds"])
    assert countdown_minutes(left) == case["minutes"]
    assert minutes_until(NOW + left, NOW) == case["minutes"]


def test_half_a_minute_rounds_up_and_nothing_goes_below_zero() -> None:
    assert countdown_minutes(timedelta(seconds=30)) == 1
    assert countdown_minutes(timedelta(seconds=29.999)) == 0
    assert countdown_minutes(timedelta(minutes=-5)) == 0
    assert minutes_until(None, NOW) is None
    assert hours_and_minutes(125) == (2, 5)


@pytest.fixture
async def desk(hass: HomeAssistant, init_integration: MockConfigEntry) -> MockConfigEntry:
    """The office desk, with Assist's default agent to ask."""
    for component in ("homeassistant", "conversation", "intent"):
        assert await async_setup_component(hass, component, {})
    await hass.async_block_till_done()
    return init_integration


@pytest.fixture
def desk_options(case: dict[str, Any]) -> dict[str, Any]:
    """Voice on; the interval long enough for the case's countdown."""
    return {
        CONF_VOICE_SENTENCES: True,
        CONF_BREAK_INTERVAL: max(5, math.ceil(case["seconds"] / 60) + 1),
    }


@pytest.mark.parametrize(
    "case", [case for case in CASES if case["minutes"] > 0], ids=lambda case: f"{case['seconds']}s"
)
async def test_voice_says_what_the_card_shows_at_the_same_instant(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory, case: dict[str, Any]
) -> None:
    """At one frozen instant: the next-break sensor, the card's rule and both languages."""
    await sit(hass, freezer, 1)
    next_break = dt_util.parse_datetime(value(hass, NEXT_BREAK))
    assert next_break is not None
    left = timedelta(seconds=case["seconds"])
    await pass_time(hass, freezer, next_break - left - dt_util.utcnow())
    assert next_break - dt_util.utcnow() == left  # the instant the card is checked at
    assert await say(hass, "When is my next break?") == case["voice_en"]
    assert await say(hass, "Wann ist meine nächste Pause?", "de") == case["voice_de"]
