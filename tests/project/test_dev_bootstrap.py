"""The demo desk scripts/dev_bootstrap.py sets up: its options pass the real options flow."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import DOMAIN
from custom_components.desk_coach.options import QuietHours
from scripts import dev_bootstrap


async def save_page(
    hass: HomeAssistant, entry: MockConfigEntry, step: str, values: dict[str, Any]
) -> None:
    """What the bootstrap's set_options does over HTTP: open the page, save it."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    if result["type"] is FlowResultType.MENU:
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"next_step_id": step}
        )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == step
    result = await hass.config_entries.options.async_configure(result["flow_id"], values)
    assert result["type"] is FlowResultType.MENU, result  # back on the menu
    assert dev_bootstrap.OPTIONS_SAVE in result["menu_options"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": dev_bootstrap.OPTIONS_SAVE}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()


async def test_the_demo_desk_announces_all_day_and_hears_assist(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    config_dir: Path,
) -> None:
    entry = init_integration
    hass.states.async_set(dev_bootstrap.SPEAKER, "idle")
    hass.states.async_set(dev_bootstrap.LIGHT, "off")
    no_channel = f"no_announce_channel_{entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, no_channel) is not None  # a bare desk

    for step, values in dev_bootstrap.DEMO_OPTIONS.items():
        await save_page(hass, entry, step, values)

    coach = entry.runtime_data.coordinator
    assert coach.options.announce.media_players == (dev_bootstrap.SPEAKER,)
    assert coach.options.announce.lights == (dev_bootstrap.LIGHT,)
    assert issue_registry.async_get_issue(DOMAIN, no_channel) is None
    # a Sunday night is within the demo's active hours
    sunday_night = datetime(2026, 3, 15, 3, 0, tzinfo=dt_util.get_default_time_zone())
    assert sunday_night.weekday() == 6
    assert QuietHours.from_options(entry.options).active_at(sunday_night)
    # Assist's sentences are in the configuration folder
    assert (config_dir / "custom_sentences" / "en" / "desk_coach.yaml").is_file()


def test_the_dashboard_has_the_presence_toggle_beside_the_card() -> None:
    config = dev_bootstrap.dashboard_config("device-1", {})
    cards = config["views"][0]["cards"]
    assert cards[0] == {"type": "custom:desk-coach-card", "device_id": "device-1"}
    assert dev_bootstrap.PRESENCE in cards[1]["entities"]
