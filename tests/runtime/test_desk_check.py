"""The pre-check: "Any sharp pain right now?" before a strength session, its four outcomes."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.desk_coach.const import CONF_SATELLITES, DOMAIN, EVENT_ROUTINE
from tests.helpers import TALKER, talking_satellite, value

ROUTINE = "sensor.office_desk_routine"
LEVEL = "sensor.office_desk_strength_level"
QUESTION = "Any sharp pain in your neck or shoulders right now?"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Announce on a satellite that can ask."""
    return {CONF_SATELLITES: [TALKER]}


@pytest.fixture
async def said(hass: HomeAssistant) -> list[str]:
    """What the satellite announced."""
    return talking_satellite(hass)


def answer_with(hass: HomeAssistant, reply: Any) -> list[dict[str, Any]]:
    """Register ask_question answering ``reply`` (a dict, an error, or "hang")."""
    asked: list[dict[str, Any]] = []

    async def ask(call: ServiceCall) -> ServiceResponse:
        asked.append(dict(call.data))
        if reply == "hang":
            await asyncio.sleep(3600)
        if isinstance(reply, Exception):
            raise reply
        return {**reply, "sentence": "…", "slots": {}}  # type: ignore[no-any-return]

    hass.services.async_register(
        "assist_satellite", "ask_question", ask, supports_response=SupportsResponse.ONLY
    )
    return asked


@pytest.fixture
async def desk(
    hass: HomeAssistant, morning: Any, said: list[str], mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The desk with its satellite, set up."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def start(hass: HomeAssistant, routine: str = "strengthening", **data: Any) -> Any:
    """Start a routine through the action; its response."""
    response = await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": routine, **data}, blocking=True, return_response=True
    )
    await hass.async_block_till_done()
    return response


async def wait(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float, *, done: bool = True
) -> None:
    """Let ``seconds`` pass (``done``: and wait for the background check to end)."""
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=done)


def kept(desk: MockConfigEntry) -> list[tuple[str, str | None]]:
    """The routine history's outcomes and pre-check outcomes."""
    return [
        (entry.outcome.value, None if entry.check is None else entry.check.value)
        for entry in desk.runtime_data.routines.history.entries
    ]


@pytest.mark.parametrize(
    ("reply", "check"),
    [
        ({"id": "no"}, "no"),
        ({"id": None}, "no_answer"),
        (HomeAssistantError("No answer from satellite"), "no_answer"),
    ],
)
async def test_no_pain_or_no_answer_starts_the_session(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    reply: Any,
    check: str,
) -> None:
    """Asked once, in words, with yes and no; then it runs, and the outcome is kept."""
    asked = answer_with(hass, reply)
    response = await start(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(asked) == 1
    assert asked[0]["question"] == QUESTION
    assert asked[0]["entity_id"] == TALKER
    assert [a["id"] for a in asked[0]["answers"]] == ["yes", "no"]
    assert value(hass, ROUTINE) == "running"
    await wait(hass, freezer, response["seconds"] + 1)
    assert kept(desk) == [("completed", check)]


async def test_pain_does_not_start_it_and_counts_as_a_pain_stop(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory, said: list[str]
) -> None:
    """Yes: the advice is said, not_started with reason pain, one level down, plan moved."""
    events = async_capture_events(hass, EVENT_ROUTINE)
    answer_with(hass, {"id": "yes"})
    await start(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert value(hass, ROUTINE) == "idle"
    assert [(e.data["type"], e.data.get("reason")) for e in events] == [("not_started", "pain")]
    assert said[-1] == (
        "Stopped. Rest now and don't push through pain. If it persists, see a physiotherapist."
    )
    assert kept(desk) == [("pain", "yes")]
    assert value(hass, LEVEL) == "1"
    assert value(hass, "sensor.office_desk_next_strength_session") == "2026-03-12"


async def test_the_check_waits_for_the_satellite_and_shows_checking(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """The satellite still answering the start: checking, then asked once it is idle."""
    asked = answer_with(hass, {"id": "no"})
    hass.states.async_set(TALKER, "responding", {"supported_features": 3})
    response = await start(hass)
    assert response["checking"] is True
    assert value(hass, ROUTINE) == "checking"
    assert asked == []
    hass.states.async_set(TALKER, "idle", {"supported_features": 3})
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(asked) == 1
    assert value(hass, ROUTINE) == "running"


async def test_a_satellite_never_idle_or_never_answering_starts_after_60_seconds(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """At most 60 seconds of checking: then it starts, kept as no answer."""
    answer_with(hass, "hang")
    await start(hass)
    await hass.async_block_till_done()
    assert value(hass, ROUTINE) == "checking"
    await wait(hass, freezer, 59, done=False)
    assert value(hass, ROUTINE) == "checking"
    await wait(hass, freezer, 2)
    assert value(hass, ROUTINE) == "running"
    await start_refused_while_running(hass)
    await hass.services.async_call(DOMAIN, "stop_routine", {}, blocking=True)
    await hass.async_block_till_done()
    assert kept(desk) == [("done", "no_answer")]


async def start_refused_while_running(hass: HomeAssistant) -> None:
    """A second start is refused, in words."""
    with pytest.raises(ServiceValidationError) as refused:
        await start(hass, "stretching")
    assert refused.value.translation_key == "routine_running"


@pytest.mark.parametrize(
    ("routine", "data", "check"),
    [
        ("strengthening", {"check": False}, "not_asked"),
        ("stretching", {}, None),  # not a strength session: nothing to ask
    ],
)
async def test_not_asked(
    hass: HomeAssistant,
    desk: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    routine: str,
    data: dict[str, Any],
    check: str | None,
) -> None:
    """check: false, or a routine without strength: it starts at once, nothing asked."""
    asked = answer_with(hass, {"id": "yes"})
    response = await start(hass, routine, **data)
    assert response["checking"] is False
    assert value(hass, ROUTINE) == "running"
    await wait(hass, freezer, response["seconds"] + 1)
    assert asked == [] or asked[0]["question"] != QUESTION
    assert kept(desk) == [("completed", check)]


async def test_without_a_satellite_that_asks_it_starts_at_once(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A satellite that can only announce: not asked."""
    hass.states.async_set(TALKER, "idle", {"supported_features": 1})
    response = await start(hass)
    assert value(hass, ROUTINE) == "running"
    await wait(hass, freezer, response["seconds"] + 1)
    assert kept(desk) == [("completed", "not_asked")]


async def test_stopping_during_the_check(
    hass: HomeAssistant, desk: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Stop while checking: nothing starts, nothing kept; stop for pain: a pain stop."""
    answer_with(hass, "hang")
    await start(hass)
    await hass.services.async_call(DOMAIN, "stop_routine", {}, blocking=True)
    await hass.async_block_till_done()
    assert value(hass, ROUTINE) == "idle"
    assert kept(desk) == []
    await start(hass)
    await hass.services.async_call(DOMAIN, "stop_routine", {"reason": "pain"}, blocking=True)
    await hass.async_block_till_done()
    assert value(hass, ROUTINE) == "idle"
    assert kept(desk) == [("pain", "yes")]
    await wait(hass, freezer, 61, done=False)
    assert value(hass, ROUTINE) == "idle"  # the cancelled check starts nothing later
