"""Diagnostics hold what the desk was told and what it counted."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from .conftest import PRESENCE
from .helpers import pass_time, set_presence


async def test_diagnostics(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,  # after the clock was set: its token is valid
) -> None:
    assert await async_setup_component(hass, "diagnostics", {})
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=4))
    result = await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    assert result["entry"]["title"] == "Office desk"
    assert result["entry"]["data"] == {"presence_entity": PRESENCE}
    assert result["inputs"] == {PRESENCE: "on"}
    assert result["activity_now"] == "sitting"
    assert result["restored_from"] is None
    assert result["tracker"]["today"]["sitting"] == 4 * 60
    assert result["tracker"]["confirmed"] == "sitting"
