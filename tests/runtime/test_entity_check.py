"""Every entity a desk names is watched: one issue per missing one, renames followed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import (
    CONF_DESK_CONTROL,
    CONF_DND_ENTITIES,
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_NOTIFY_ENTITIES,
    CONF_PRESENCE_ENTITY,
    CONF_SATELLITES,
    CONF_STANDING_ENTITY,
    CONF_SUMMARY_TARGETS,
    CONF_TTS_ENGINE,
    DOMAIN,
)
from tests.conftest import PRESENCE

EVERY_SLOT_GONE: dict[str, Any] = {
    CONF_MEDIA_PLAYERS: ["media_player.kitchen", "media_player.gone"],
    CONF_TTS_ENGINE: "tts.gone",
    CONF_SATELLITES: ["assist_satellite.gone"],
    CONF_NOTIFY_ENTITIES: ["notify.gone"],
    CONF_MOBILE_APPS: ["mobile_app_gone_phone"],
    CONF_LIGHTS: ["light.gone"],
    CONF_DND_ENTITIES: ["calendar.gone"],
    CONF_DESK_CONTROL: "cover.gone",
    CONF_SUMMARY_TARGETS: ["notify.gone_summary"],
}


def desk_issues(issue_registry: ir.IssueRegistry, entry_id: str) -> dict[str, ir.IssueEntry]:
    """The desk's active issues by the entity (or phone) they name; '' for no channel."""
    return {
        (issue.translation_placeholders or {}).get("entity", ""): issue
        for (domain, issue_id), issue in issue_registry.issues.items()
        if domain == DOMAIN and entry_id in issue_id and issue.active
    }


async def set_up(
    hass: HomeAssistant, data: dict[str, Any], options: dict[str, Any]
) -> MockConfigEntry:
    entry = MockConfigEntry(domain=DOMAIN, title="Office desk", data=data, options=options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def test_every_missing_entity_raises_its_own_fixable_issue(
    hass: HomeAssistant, morning: datetime, presence_toggle: str, issue_registry: ir.IssueRegistry
) -> None:
    hass.states.async_set("media_player.kitchen", "idle")
    data = {
        CONF_PRESENCE_ENTITY: PRESENCE,
        CONF_EXTRA_PRESENCE_ENTITIES: ["binary_sensor.gone_pc"],
        CONF_STANDING_ENTITY: "binary_sensor.gone_standing",
    }
    entry = await set_up(hass, data, EVERY_SLOT_GONE)
    issues = desk_issues(issue_registry, entry.entry_id)
    expected = {
        "binary_sensor.gone_pc": "missing_optional_input",
        "binary_sensor.gone_standing": "missing_optional_input",
        "media_player.gone": "missing_announcements_entity",
        "tts.gone": "missing_announcements_entity",
        "assist_satellite.gone": "missing_announcements_entity",
        "notify.gone": "missing_announcements_entity",
        "mobile_app_gone_phone": "missing_announcements_entity",
        "light.gone": "missing_announcements_entity",
        "calendar.gone": "missing_quiet_entity",
        "cover.gone": "missing_standing_desk_entity",
        "notify.gone_summary": "missing_summary_entity",
    }
    assert {name: issue.translation_key for name, issue in issues.items()} == expected
    for name, issue in issues.items():
        assert issue.is_fixable
        assert issue.severity is ir.IssueSeverity.WARNING
        assert issue.translation_placeholders == {"desk": "Office desk", "entity": name}
        assert issue.data is not None
        assert issue.data["entry_id"] == entry.entry_id
        assert issue.data["name"] == name


async def test_the_missing_presence_input_is_an_error(
    hass: HomeAssistant, morning: datetime, issue_registry: ir.IssueRegistry
) -> None:
    entry = await set_up(hass, {CONF_PRESENCE_ENTITY: "binary_sensor.gone"}, {})
    issue = desk_issues(issue_registry, entry.entry_id)["binary_sensor.gone"]
    assert issue.translation_key == "missing_input"
    assert issue.severity is ir.IssueSeverity.ERROR
    assert hass.states.get("sensor.office_desk_sitting_today") is not None  # the desk runs


async def test_an_entity_that_vanishes_and_comes_back(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = init_integration
    lamp = entity_registry.async_get_or_create("light", "hue", "lamp-1", suggested_object_id="lamp")
    hass.states.async_set(lamp.entity_id, "off")
    hass.config_entries.async_update_entry(entry, options={CONF_LIGHTS: [lamp.entity_id]})
    await hass.async_block_till_done()
    assert desk_issues(issue_registry, entry.entry_id) == {}

    entity_registry.async_remove(lamp.entity_id)
    hass.states.async_remove(lamp.entity_id)
    await hass.async_block_till_done()
    # the lamp is missing, and with it the desk's only channel
    assert set(desk_issues(issue_registry, entry.entry_id)) == {lamp.entity_id}
    entity_registry.async_get_or_create("light", "hue", "lamp-1", suggested_object_id="lamp")
    await hass.async_block_till_done()
    assert desk_issues(issue_registry, entry.entry_id) == {}


async def test_an_entity_no_longer_configured_takes_its_issue_along(
    hass: HomeAssistant, init_integration: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    entry = init_integration
    hass.states.async_set("light.desk_lamp", "off")
    options = {CONF_LIGHTS: ["light.desk_lamp"], CONF_DND_ENTITIES: ["calendar.gone"]}
    hass.config_entries.async_update_entry(entry, options=options)
    await hass.async_block_till_done()
    assert set(desk_issues(issue_registry, entry.entry_id)) == {"calendar.gone"}
    hass.config_entries.async_update_entry(entry, options={CONF_LIGHTS: ["light.desk_lamp"]})
    await hass.async_block_till_done()
    assert desk_issues(issue_registry, entry.entry_id) == {}


async def test_a_reconfigured_input_takes_the_old_inputs_issue_along(
    hass: HomeAssistant, morning: datetime, presence_toggle: str, issue_registry: ir.IssueRegistry
) -> None:
    entry = await set_up(hass, {CONF_PRESENCE_ENTITY: "binary_sensor.gone"}, {})
    assert "binary_sensor.gone" in desk_issues(issue_registry, entry.entry_id)
    hass.config_entries.async_update_entry(entry, data={CONF_PRESENCE_ENTITY: PRESENCE})
    await hass.async_block_till_done()  # new inputs: the desk reloads
    assert "binary_sensor.gone" not in desk_issues(issue_registry, entry.entry_id)


async def test_a_phone_that_registers_later_withdraws_its_issue(
    hass: HomeAssistant, init_integration: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    entry = init_integration
    hass.config_entries.async_update_entry(entry, options={CONF_MOBILE_APPS: ["mobile_app_pixel"]})
    await hass.async_block_till_done()
    assert set(desk_issues(issue_registry, entry.entry_id)) == {"mobile_app_pixel"}

    async def send(call: ServiceCall) -> None:
        """The phone's notify service."""

    hass.services.async_register("notify", "mobile_app_pixel", send)
    await hass.async_block_till_done()
    assert desk_issues(issue_registry, entry.entry_id) == {}
    hass.services.async_remove("notify", "mobile_app_pixel")
    await hass.async_block_till_done()
    assert set(desk_issues(issue_registry, entry.entry_id)) == {"mobile_app_pixel"}


async def test_a_renamed_option_entity_is_followed_without_a_reload(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = init_integration
    coach = entry.runtime_data.coordinator
    lamp = entity_registry.async_get_or_create("light", "hue", "lamp-1", suggested_object_id="lamp")
    calendar = entity_registry.async_get_or_create(
        "calendar", "local", "work", suggested_object_id="work"
    )
    options = {CONF_LIGHTS: [lamp.entity_id, "light.other"], CONF_DND_ENTITIES: ["calendar.work"]}
    hass.states.async_set("light.other", "off")
    hass.config_entries.async_update_entry(entry, options=options)
    await hass.async_block_till_done()

    entity_registry.async_update_entity(lamp.entity_id, new_entity_id="light.desk_lamp")
    entity_registry.async_update_entity(calendar.entity_id, new_entity_id="calendar.meetings")
    await hass.async_block_till_done()
    assert entry.options[CONF_LIGHTS] == ["light.desk_lamp", "light.other"]
    assert entry.options[CONF_DND_ENTITIES] == ["calendar.meetings"]
    assert entry.runtime_data.coordinator is coach
    assert desk_issues(issue_registry, entry.entry_id) == {}


async def test_a_renamed_input_is_followed(
    hass: HomeAssistant,
    morning: datetime,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
) -> None:
    mmwave = entity_registry.async_get_or_create(
        "binary_sensor", "mmwave", "desk-1", suggested_object_id="desk_mmwave"
    )
    hass.states.async_set(mmwave.entity_id, "off")
    entry = await set_up(hass, {CONF_PRESENCE_ENTITY: mmwave.entity_id}, {})
    entity_registry.async_update_entity(mmwave.entity_id, new_entity_id="binary_sensor.office")
    await hass.async_block_till_done()
    assert entry.data[CONF_PRESENCE_ENTITY] == "binary_sensor.office"
    assert "binary_sensor.office" not in desk_issues(issue_registry, entry.entry_id)
    hass.states.async_set("binary_sensor.office", "on")  # the reloaded desk reads the new id
    await hass.async_block_till_done()
    assert entry.runtime_data.coordinator.current_activity().value == "sitting"


@pytest.mark.parametrize("remove", [True, False], ids=["removed", "unloaded"])
async def test_removing_the_desk_withdraws_every_issue_unloading_keeps_them(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    issue_registry: ir.IssueRegistry,
    remove: bool,
) -> None:
    entry = await set_up(hass, {CONF_PRESENCE_ENTITY: "binary_sensor.gone"}, EVERY_SLOT_GONE)
    other = await set_up(hass, {CONF_PRESENCE_ENTITY: PRESENCE}, {})
    assert len(desk_issues(issue_registry, entry.entry_id)) == 11  # kitchen too: no state
    if remove:
        await hass.config_entries.async_remove(entry.entry_id)
    else:
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert len(desk_issues(issue_registry, entry.entry_id)) == (0 if remove else 11)
    assert set(desk_issues(issue_registry, other.entry_id)) == {""}  # no channel: its own
