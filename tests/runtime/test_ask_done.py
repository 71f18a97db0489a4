"""'Did you do it?': asked on a satellite that can start a conversation, the answer kept."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.desk_coach.const import CONF_SATELLITES, DOMAIN

TALKER = "assist_satellite.kitchen_talker"  # can start a conversation
SPEAKER_ONLY = "assist_satellite.hall"  # can only announce


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Announce on two satellites; only the second can ask."""
    return {CONF_SATELLITES: [SPEAKER_ONLY, TALKER]}


@pytest.fixture
def questions(hass: HomeAssistant) -> list[dict[str, Any]]:
    """The satellites, and what ask_question was asked (answered by ``reply``)."""
    hass.states.async_set(SPEAKER_ONLY, "idle", {"supported_features": 1})
    hass.states.async_set(TALKER, "idle", {"supported_features": 3})
    asked: list[dict[str, Any]] = []

    async def announce(call: ServiceCall) -> None:
        return None

    hass.services.async_register("assist_satellite", "announce", announce)
    return asked


def answer_with(hass: HomeAssistant, asked: list[dict[str, Any]], reply: Any) -> None:
    """Register ask_question: record the call, then ``reply`` (a dict, an error, or a hang)."""

    async def ask(call: ServiceCall) -> ServiceResponse:
        asked.append(dict(call.data))
        if reply == "hang":
            await asyncio.sleep(3600)
        if isinstance(reply, Exception):
            raise reply
        return reply  # type: ignore[no-any-return]

    hass.services.async_register(
        "assist_satellite", "ask_question", ask, supports_response=SupportsResponse.ONLY
    )


async def run_micro_break(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, entry: MockConfigEntry, **data: Any
) -> None:
    """Set up the desk and run the 60-second shoulder rolls to the end."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await hass.services.async_call(
        DOMAIN,
        "start_routine",
        {"routine": "shoulder_rotation", **data},
        blocking=True,
        return_response=True,
    )
    for _ in range(65):
        freezer.tick(timedelta(seconds=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


async def answers(hass: HomeAssistant, entry: MockConfigEntry) -> list[Any]:
    """The answers kept in the routine history (as the desk stores it)."""
    return [item["answer"] for item in entry.runtime_data.routines.history.as_list()]


@pytest.mark.parametrize(
    ("reply", "kept"), [({"id": "yes"}, "yes"), ({"id": "no"}, "no"), ({"id": None}, "none")]
)
async def test_the_answer_is_kept(
    hass: HomeAssistant,
    morning: Any,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
    questions: list[dict[str, Any]],
    reply: dict[str, Any],
    kept: str,
) -> None:
    """Asked once on the satellite that can ask, in words, with yes and no sentences."""
    answer_with(hass, questions, {**reply, "sentence": "…", "slots": {}})
    await run_micro_break(hass, freezer, mock_config_entry)
    assert len(questions) == 1
    asked = questions[0]
    assert asked["entity_id"] == TALKER
    assert asked["question"] == "Did you do Shoulder rolls?"
    assert asked["preannounce"] is False
    assert [a["id"] for a in asked["answers"]] == ["yes", "no"]
    assert "I did" in asked["answers"][0]["sentences"]
    assert await answers(hass, mock_config_entry) == [kept]


@pytest.mark.parametrize("reply", [HomeAssistantError("No answer from satellite"), "hang"])
async def test_no_answer_never_holds_anything_up(
    hass: HomeAssistant,
    morning: Any,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
    questions: list[dict[str, Any]],
    reply: Any,
) -> None:
    """An error or silence: kept as no answer; the routine and the desk went on meanwhile."""
    answer_with(hass, questions, reply)
    await run_micro_break(hass, freezer, mock_config_entry)
    assert hass.states.get("sensor.office_desk_routine").state == "idle"
    freezer.tick(timedelta(seconds=61))  # past the question's time limit
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(questions) == 1
    assert await answers(hass, mock_config_entry) == ["none"]


async def test_not_asked_for_a_silent_routine_or_without_a_talking_satellite(
    hass: HomeAssistant,
    morning: Any,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
    questions: list[dict[str, Any]],
) -> None:
    """A routine run without announcements is not asked about."""
    answer_with(hass, questions, {"id": "yes", "sentence": "yes", "slots": {}})
    await run_micro_break(hass, freezer, mock_config_entry, announce=False)
    assert questions == []
    assert await answers(hass, mock_config_entry) == [None]


@pytest.mark.parametrize(
    ("reply", "effort", "answer"),
    [({"id": "easy"}, "easy", "yes"), ({"id": "hard"}, "hard", "yes"), ({"id": None}, None, None)],
)
async def test_after_a_strength_session_it_asks_how_hard_it_was(
    hass: HomeAssistant,
    morning: Any,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
    questions: list[dict[str, Any]],
    reply: dict[str, Any],
    effort: str | None,
    answer: str | None,
) -> None:
    """ "How hard was it?" with easy, fine and hard; the answer rates the session."""
    answer_with(hass, questions, {**reply, "sentence": "…", "slots": {}})
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}}}
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    started = await hass.services.async_call(
        DOMAIN,
        "start_routine",
        {"routine": "strengthening", "check": False},  # the pre-check: test_desk_check.py
        blocking=True,
        return_response=True,
    )
    assert started is not None
    freezer.tick(timedelta(seconds=int(str(started["seconds"])) + 1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(questions) == 1
    assert questions[0]["question"] == "How hard was Strengthening: easy, fine or hard?"
    assert [a["id"] for a in questions[0]["answers"]] == ["easy", "fine", "hard"]
    kept = mock_config_entry.runtime_data.routines.history.entries[-1]
    assert (kept.effort, kept.answer) == (effort, answer)
