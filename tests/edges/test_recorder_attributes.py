"""What the recorder keeps of the attributes: what a live card needs stays out of it."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import get_instance, history
from homeassistant.core import HomeAssistant, State
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.desk_coach.const import CONF_MEDIA_PLAYERS, CONF_TTS_ENGINE, DOMAIN
from custom_components.desk_coach.stand import StandPhase
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence
from tests.standing_desks import HEIGHT_DESK, RAISE_OPTIONS, TEMPLATES, seconds

ROUTINE = "sensor.office_desk_routine"
STATUS = "sensor.office_desk_break_status"
SPEAKER = "media_player.office_speaker"
ENGINE = "tts.test_engine"
ROUTINE_LIVE_ONLY = {
    "cues",
    "safety",
    "picture",
    "picture_png",
    "picture_alt",
    "step_ends_at",
    "ends_at",
    "remaining_seconds",
    "phase_ends_at",
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(recorder_mock: Any, enable_custom_integrations: None) -> None:
    """Replace the shared fixture: the recorder must be set up before ``hass``."""


async def recorded(hass: HomeAssistant, entity_id: str, since: datetime) -> list[State]:
    """Every state the recorder stored of the entity, attribute changes included."""
    await async_wait_recording_done(hass)
    states = await get_instance(hass).async_add_executor_job(
        partial(
            history.get_significant_states,
            hass,
            since - timedelta(seconds=1),
            entity_ids=[entity_id],
            significant_changes_only=False,
        )
    )
    return [state for state in states.get(entity_id, []) if isinstance(state, State)]


async def set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    hass.services.async_register("tts", "speak", lambda call: None)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


@pytest.mark.parametrize("desk_data", [HEIGHT_DESK])
@pytest.mark.parametrize("desk_options", [RAISE_OPTIONS])
async def test_when_the_desk_moves_next_is_live_only(
    hass: HomeAssistant,
    morning: datetime,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"desk_presence": {}, "in_a_meeting": {}}}
    )
    assert await async_setup_component(
        hass,
        "input_number",
        {"input_number": {"desk_position": {"min": 0, "max": 100, "step": 1, "initial": 0}}},
    )
    assert await async_setup_component(hass, "template", TEMPLATES)
    await set_up(hass, mock_config_entry)
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=30))
    await seconds(hass, freezer, 45)  # warned, raised, standing
    live = hass.states.get(STATUS)
    assert live is not None
    assert live.attributes["standing_desk"] == StandPhase.STANDING
    assert isinstance(live.attributes["desk_moves_at"], datetime)

    stored = await recorded(hass, STATUS, morning)
    phases = [state.attributes.get("standing_desk") for state in stored]
    assert {StandPhase.WARNING, StandPhase.STANDING} <= set(phases)
    assert not [state for state in stored if "desk_moves_at" in state.attributes]


@pytest.mark.parametrize("desk_options", [{CONF_MEDIA_PLAYERS: [SPEAKER], CONF_TTS_ENGINE: ENGINE}])
async def test_the_routines_cues_and_countdowns_are_live_only(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_up(hass, mock_config_entry)
    await hass.services.async_call(
        DOMAIN,
        "start_routine",
        {"routine": "strengthening"},
        blocking=True,
        return_response=True,
    )
    await seconds(hass, freezer, 90)  # the first set, into the first rest
    live = hass.states.get(ROUTINE)
    assert live is not None
    assert set(live.attributes) >= ROUTINE_LIVE_ONLY
    assert live.attributes["cues"]
    assert live.attributes["picture"] == "/desk_coach/pictures/chin_tucks.svg"
    assert live.attributes["picture_png"] == "/desk_coach/pictures/chin_tucks.png"
    assert live.attributes["picture_alt"]

    stored = await recorded(hass, ROUTINE, morning)
    running = [state for state in stored if state.state != "idle"]
    assert running
    for state in running:
        assert not ROUTINE_LIVE_ONLY & set(state.attributes), state.attributes
        assert state.attributes["exercise"] == "chin_tucks"  # what the history needs stays
    # the routines' previews a card shows while idle are live only too
    idle = [state for state in stored if state.state == "idle"]
    assert idle
    assert not [state for state in idle if "previews" in state.attributes]
