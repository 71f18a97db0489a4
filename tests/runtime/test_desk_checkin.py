"""The weekly check-in: the pain question on Friday, the number, the sensor, the trend."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.desk_coach.const import CONF_SATELLITES
from tests.conftest import PRESENCE
from tests.helpers import TALKER, set_presence, talking_satellite, value

PAIN = "sensor.office_desk_pain"
NUMBER = "number.office_desk_pain_this_week"
QUESTION = "Neck or shoulder pain this week, from 0 to 10?"
RISING = "Your pain is rising. Please see a physiotherapist."


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Announce on a satellite that can ask."""
    return {CONF_SATELLITES: [TALKER]}


@pytest.fixture
async def said(hass: HomeAssistant) -> list[str]:
    """What the satellite announced."""
    return talking_satellite(hass)


@pytest.fixture
def asked(hass: HomeAssistant) -> list[dict[str, Any]]:
    """ask_question, answering the week's pain with 3."""
    questions: list[dict[str, Any]] = []

    async def ask(call: ServiceCall) -> ServiceResponse:
        questions.append(dict(call.data))
        return {"id": "3", "sentence": "three", "slots": {}}

    hass.services.async_register(
        "assist_satellite", "ask_question", ask, supports_response=SupportsResponse.ONLY
    )
    return questions


@pytest.fixture
async def desk(
    hass: HomeAssistant, morning: Any, said: list[str], mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The desk on Tuesday morning, nobody sitting."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    assert await async_setup_component(hass, "persistent_notification", {})
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def jump_to(hass: HomeAssistant, freezer: FrozenDateTimeFactory, day: int, hour: str) -> None:
    """Move the clock to ``hour`` (local) on March ``day``, 2026, firing the timer."""
    target = dt_util.parse_datetime(f"2026-03-{day:02d} {hour}")
    assert target is not None
    freezer.move_to(dt_util.as_utc(target.replace(tzinfo=dt_util.get_default_time_zone())))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def sit(hass: HomeAssistant, freezer: FrozenDateTimeFactory, on: bool = True) -> None:
    """Sit down (or get up), and let the presence settle (30 s)."""
    await set_presence(hass, PRESENCE, on)
    freezer.tick(timedelta(seconds=31))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_asked_on_friday_at_the_summary_time_once_a_week(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    asked: list[dict[str, Any]],
) -> None:
    """Sitting on Friday at 17:00: asked in words with 0 to 10; the answer shows."""
    assert value(hass, PAIN) == "unknown"
    assert value(hass, NUMBER) == "unknown"
    await jump_to(hass, freezer, 13, "16:50:00")
    await set_presence(hass, PRESENCE, True)
    await jump_to(hass, freezer, 13, "16:59:00")
    assert asked == []
    await jump_to(hass, freezer, 13, "17:00:01")
    assert len(asked) == 1
    assert asked[0]["question"] == QUESTION
    assert [a["id"] for a in asked[0]["answers"]] == [str(n) for n in range(11)]
    assert "three" in asked[0]["answers"][3]["sentences"]
    assert value(hass, PAIN) == "3"
    assert value(hass, NUMBER) == "3.0"
    await sit(hass, freezer, on=False)
    await sit(hass, freezer)  # sitting down again the same day
    assert len(asked) == 1  # once a week
    await jump_to(hass, freezer, 20, "17:00:01")  # next Friday
    assert len(asked) == 2
    state = hass.states.get(PAIN)
    assert state is not None
    assert state.attributes["state_class"] == "measurement"
    assert state.attributes["trend"] == "steady"


async def test_nobody_sitting_at_the_time_asks_when_someone_sits_that_day(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    asked: list[dict[str, Any]],
) -> None:
    """Away at 17:00, back at 17:30: asked then; back only on Saturday: not asked."""
    await jump_to(hass, freezer, 13, "17:00:01")
    assert asked == []
    await jump_to(hass, freezer, 13, "17:30:00")
    await sit(hass, freezer)
    assert len(asked) == 1
    await sit(hass, freezer, on=False)
    await jump_to(hass, freezer, 20, "17:00:01")  # next Friday, away all day
    await jump_to(hass, freezer, 21, "09:00:00")
    await sit(hass, freezer)  # Saturday: the day has passed
    assert len(asked) == 1


async def test_the_number_refuses_what_is_not_a_score_and_keeps_the_week(
    hass: HomeAssistant, desk: MockConfigEntry
) -> None:
    """4.5 is refused in words; 4 is this week's pain; a second answer replaces it."""
    with pytest.raises(ServiceValidationError) as refused:
        await hass.services.async_call(
            "number", "set_value", {"entity_id": NUMBER, "value": 4.5}, blocking=True
        )
    assert refused.value.translation_key == "pain_out_of_range"
    assert value(hass, NUMBER) == "unknown"
    for score in (6, 4):
        await hass.services.async_call(
            "number", "set_value", {"entity_id": NUMBER, "value": score}, blocking=True
        )
    assert value(hass, NUMBER) == "4.0"
    assert len(desk.runtime_data.coordinator.programme.state.pain) == 1
    # kept across a restart, and shown in the weekly summary
    assert await hass.config_entries.async_reload(desk.entry_id)
    await hass.async_block_till_done()
    assert value(hass, PAIN) == "4"
    coach = desk.runtime_data.coordinator
    assert "Pain: 4 of 10." in coach.summary.message(dt_util.utcnow())


async def test_rising_pain_is_said_once_and_holds_the_level(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    said: list[str],
) -> None:
    """2, 2, then 5, 5: "rising" said once, and notified; the weekly summary says rising."""
    notified: dict[str, Any] = {}
    persistent_notification.async_register_callback(
        hass, lambda _, notifications: notified.update(notifications)
    )
    for week, score in enumerate((2, 2, 5, 5, 6)):
        if week:
            freezer.tick(timedelta(weeks=1))
            async_fire_time_changed(hass)
            await hass.async_block_till_done()
        await hass.services.async_call(
            "number", "set_value", {"entity_id": NUMBER, "value": score}, blocking=True
        )
        await hass.async_block_till_done()
    assert said.count(RISING) == 1
    assert [n for n in notified.values() if n["message"] == RISING]
    state = hass.states.get(PAIN)
    assert state is not None
    assert state.attributes["rising"] is True
    coach = desk.runtime_data.coordinator
    assert "Pain: 6 of 10 (the week before: 5), rising." in coach.summary.message(dt_util.utcnow())
    assert [answer.score for answer in coach.programme.state.pain] == [2, 2, 5, 5, 6]
