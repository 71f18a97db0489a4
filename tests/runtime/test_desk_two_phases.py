"""Two phases in a real Home Assistant: the silent cue on the phone, the spoken call at a
natural pause (the PC going idle) or at the ceiling; and a desk with nothing to cue on.

What would be spoken (``tts.speak``) and shown on the phone (``notify.mobile_app_phone``)
is recorded; the PC-activity sensor is a state the test sets, as its integration would.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_PAUSE_ENTITIES,
    CONF_SPEAK_WITHIN,
    CONF_TTS_ENGINE,
    CONF_TWO_PHASE,
)
from tests.conftest import PRESENCE
from tests.helpers import ENGINE, SPEAKER, pass_time, set_presence

PC = "sensor.work_pc_activity"
TWO_PHASES = {
    CONF_MEDIA_PLAYERS: [SPEAKER],
    CONF_TTS_ENGINE: ENGINE,
    CONF_TWO_PHASE: True,
    CONF_PAUSE_ENTITIES: [PC],
    CONF_SPEAK_WITHIN: 10,
}


@pytest.fixture
async def desk(
    hass: HomeAssistant, speech: list[ServiceCall], phone: list[ServiceCall], desk_options: Any
) -> None:
    hass.states.async_set(PC, "active")


def silent(call: ServiceCall) -> bool:
    return call.data.get("data", {}).get("push") == {"interruption-level": "passive"}


@pytest.mark.parametrize("desk_options", [{**TWO_PHASES, CONF_MOBILE_APPS: ["mobile_app_phone"]}])
@pytest.mark.usefixtures("desk")
async def test_cued_silently_then_spoken_when_the_pc_goes_idle(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    speech: list[ServiceCall],
    phone: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert speech == []  # nothing said into the middle of a sentence
    assert len(phone) == 1
    assert silent(phone[0])
    await pass_time(hass, freezer, timedelta(minutes=3))
    hass.states.async_set(PC, "idle")  # a natural pause
    await hass.async_block_till_done()
    assert len(speech) == 1
    assert len(phone) == 2
    assert not silent(phone[1])  # the spoken call rings
    # reminders count from the spoken call: the next one 5 minutes later
    await pass_time(hass, freezer, timedelta(minutes=4))
    assert len(speech) == 1
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert len(speech) == 2


@pytest.mark.parametrize("desk_options", [{**TWO_PHASES, CONF_MOBILE_APPS: ["mobile_app_phone"]}])
@pytest.mark.usefixtures("desk")
async def test_spoken_at_the_ceiling_when_no_pause_comes(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    await pass_time(hass, freezer, timedelta(minutes=8))  # 39 minutes: cued 9 minutes ago
    assert speech == []
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert len(speech) == 1


@pytest.mark.parametrize("desk_options", [TWO_PHASES])
@pytest.mark.usefixtures("desk")
async def test_a_desk_with_no_light_and_no_phone_speaks_at_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    speech: list[ServiceCall],
    freezer: FrozenDateTimeFactory,
) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert len(speech) == 1
