"""A desk whose entity disappears raises a repair issue; a renamed entity is followed."""

from __future__ import annotations

from datetime import datetime

from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_PRESENCE_ENTITY, DOMAIN


async def _desk_on_registry_entity(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> tuple[MockConfigEntry, str]:
    mmwave = entity_registry.async_get_or_create(
        "binary_sensor", "mmwave", "desk-1", suggested_object_id="desk_mmwave"
    )
    hass.states.async_set(mmwave.entity_id, "off")
    entry = MockConfigEntry(
        domain=DOMAIN, title="Office desk", data={CONF_PRESENCE_ENTITY: mmwave.entity_id}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry, mmwave.entity_id


async def test_removed_entity_raises_and_restored_entity_clears_the_issue(
    hass: HomeAssistant,
    morning: datetime,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry, entity_id = await _desk_on_registry_entity(hass, entity_registry)
    issue_id = f"missing_entity_{entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

    entity_registry.async_remove(entity_id)
    hass.states.async_remove(entity_id)
    await hass.async_block_till_done()
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "missing_entity"
    assert issue.translation_placeholders == {"desk": "Office desk", "entities": entity_id}
    assert issue.severity is ir.IssueSeverity.ERROR

    entity_registry.async_get_or_create(
        "binary_sensor", "mmwave", "desk-1", suggested_object_id="desk_mmwave"
    )
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_missing_at_start_raises_the_issue(
    hass: HomeAssistant, morning: datetime, issue_registry: ir.IssueRegistry
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN, title="Office desk", data={CONF_PRESENCE_ENTITY: "binary_sensor.gone"}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, f"missing_entity_{entry.entry_id}")
    assert hass.states.get("sensor.office_desk_sitting_today") is not None
    # removing the desk withdraws its issue
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert not issue_registry.async_get_issue(DOMAIN, f"missing_entity_{entry.entry_id}")


async def test_renamed_entity_is_followed(
    hass: HomeAssistant,
    morning: datetime,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry, entity_id = await _desk_on_registry_entity(hass, entity_registry)
    entity_registry.async_update_entity(entity_id, new_entity_id="binary_sensor.office_mmwave")
    await hass.async_block_till_done()
    assert entry.data[CONF_PRESENCE_ENTITY] == "binary_sensor.office_mmwave"
    assert issue_registry.async_get_issue(DOMAIN, f"missing_entity_{entry.entry_id}") is None
    # the reloaded desk listens to the new id
    hass.states.async_set("binary_sensor.office_mmwave", "on")
    await hass.async_block_till_done()
    assert entry.runtime_data.current_activity().value == "sitting"
