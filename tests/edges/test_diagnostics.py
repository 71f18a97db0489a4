"""Diagnostics hold what the desk was told and what it counted."""

from __future__ import annotations

from datetime import timedelta
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.diagnostics import REDACTED
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.desk_coach.const import (
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_NOTIFY_ENTITIES,
    CONF_SUMMARY_TARGETS,
    DOMAIN,
)
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence


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


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """Phones, notifiers and summary targets named after the person who sits there."""
    return {
        CONF_MOBILE_APPS: ["mobile_app_annas_phone"],
        CONF_NOTIFY_ENTITIES: ["notify.anna_pixel"],
        CONF_SUMMARY_TARGETS: ["notify.anna_email"],
        CONF_MEDIA_PLAYERS: ["media_player.office_speaker"],
    }


async def stop_routine(hass: HomeAssistant, freezer: FrozenDateTimeFactory, reason: str) -> None:
    """Run a routine for a minute, then stop it for ``reason``."""
    await hass.services.async_call(
        DOMAIN, "start_routine", {"routine": "stretching", "announce": False}, blocking=True
    )
    await pass_time(hass, freezer, timedelta(minutes=1))
    await hass.services.async_call(DOMAIN, "stop_routine", {"reason": reason}, blocking=True)
    await hass.async_block_till_done()


async def test_phones_and_notifiers_redacted_pain_stops_counted_not_listed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """Whom the desk notifies is redacted; pain stops are a count and a last day."""
    assert await async_setup_component(hass, "diagnostics", {})
    await stop_routine(hass, freezer, "pain")
    await stop_routine(hass, freezer, "pain")
    await stop_routine(hass, freezer, "done")
    result = await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    options = result["entry"]["options"]
    for key in (CONF_MOBILE_APPS, CONF_NOTIFY_ENTITIES, CONF_SUMMARY_TARGETS):
        assert options[key] == REDACTED
    assert options[CONF_MEDIA_PLAYERS] == ["media_player.office_speaker"]
    assert "anna" not in json.dumps(result)
    assert result["routine_history"] == {
        "count": 3,
        "outcomes": {"pain": 2, "done": 1},
        "last_day": dt_util.now().date().isoformat(),
        "pain_stops": {"count": 2, "last_day": dt_util.now().date().isoformat()},
    }
    assert "step" not in json.dumps(result["routine_history"])
    # two pain stops in 14 days paused the programme; the pain answers are only counted
    programme = result["programme"]
    assert programme | {"paused_at": None} == {
        "enabled": False,
        "paused_at": None,
        "level": 1,
        "pain_answers": 0,
        "rising_said": False,
    }
    assert programme["paused_at"] is not None


async def test_reading_diagnostics_changes_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """The diagnostics show the last snapshot; the tracker's time does not run on for them."""
    assert await async_setup_component(hass, "diagnostics", {})
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=4))
    coach = init_integration.runtime_data.coordinator
    stored, shown = coach.tracker.as_dict(), coach.snapshot
    freezer.tick(timedelta(seconds=50))  # no timer fired: the desk has not looked yet
    result = await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    assert coach.tracker.as_dict() == stored
    assert coach.snapshot is shown
    assert result["tracker"]["clock"] == stored["clock"]
    assert result["snapshot"]["as_of"] == shown.as_of.isoformat()
    assert result["snapshot"]["status"] == "sitting"
    assert result["snapshot"]["sitting_time"] == 4 * 60
