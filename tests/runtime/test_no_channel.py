"""A desk that announces its breaks nowhere says so: an ignorable, fixable issue, an attribute."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_BREAK_INTERVAL, CONF_LIGHTS, DOMAIN

STATUS = "sensor.office_desk_break_status"
LIGHT = "light.desk_lamp"


def status_attributes(hass: HomeAssistant) -> dict[str, object]:
    state = hass.states.get(STATUS)
    assert state is not None
    return dict(state.attributes)


async def set_options(hass: HomeAssistant, entry: MockConfigEntry, **options: object) -> None:
    """Change the options as the options flow does (applied live, no reload)."""
    hass.config_entries.async_update_entry(entry, options=options)
    await hass.async_block_till_done()


async def test_no_channel_raises_an_ignorable_issue_until_one_is_set(
    hass: HomeAssistant, init_integration: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    entry = init_integration
    issue_id = f"no_announce_channel_{entry.entry_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "no_announce_channel"
    assert issue.translation_placeholders == {"desk": "Office desk"}
    assert issue.severity is ir.IssueSeverity.WARNING
    assert not issue.is_persistent
    assert issue.is_fixable  # a flow picks a channel (tests/edges/test_repairs.py)
    assert status_attributes(hass)["not_announced"] == "no_channel"

    # people who announce through their own automation ignore it: it stays ignored
    ir.async_ignore_issue(hass, DOMAIN, issue_id, True)
    await set_options(hass, entry, **{CONF_BREAK_INTERVAL: 45})
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.dismissed_version is not None

    # a channel: the issue and the attribute go at once, without a restart
    hass.states.async_set(LIGHT, "off")
    await set_options(hass, entry, **{CONF_BREAK_INTERVAL: 45, CONF_LIGHTS: [LIGHT]})
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert "not_announced" not in status_attributes(hass)
    assert entry.runtime_data.coordinator.has_announce_channel

    # and back when the last channel is taken away
    await set_options(hass, entry, **{CONF_BREAK_INTERVAL: 45})
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    assert status_attributes(hass)["not_announced"] == "no_channel"


async def test_a_reload_keeps_the_issue_and_removing_the_desk_withdraws_it(
    hass: HomeAssistant, init_integration: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    entry = init_integration
    issue_id = f"no_announce_channel_{entry.entry_id}"
    ir.async_ignore_issue(hass, DOMAIN, issue_id, True)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.dismissed_version is not None  # still ignored after the reload
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


@pytest.mark.parametrize("desk_options", [{CONF_LIGHTS: [LIGHT]}])
async def test_a_desk_with_a_channel_raises_no_issue(
    hass: HomeAssistant, init_integration: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    issue_id = f"no_announce_channel_{init_integration.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert "not_announced" not in status_attributes(hass)
