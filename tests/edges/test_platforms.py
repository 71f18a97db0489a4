"""Every platform's entities, snapshotted: as a fresh install has them, and all turned on.

The snapshots (``snapshots/test_platforms.ambr``) hold each entity's registry entry
(enabled or off by default, category, device class, unit, translation key) and its state
on a desk that was just added on a workday morning. Refresh them after an intended change
with ``pytest tests/edges/test_platforms.py --snapshot-update`` and read the diff.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime
from unittest.mock import patch

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, snapshot_platform
from syrupy.assertion import SnapshotAssertion

PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
]


@pytest.fixture
def mock_config_entry(desk_data: dict[str, object]) -> MockConfigEntry:
    """A desk with a fixed entry id, so that the snapshots don't change between runs."""
    return MockConfigEntry(
        domain="desk_coach",
        title="Office desk",
        data=desk_data,
        options={},
        entry_id="01DESKCOACHSNAPSHOT000000",
    )


@pytest.fixture(params=PLATFORMS)
def platform(request: pytest.FixtureRequest) -> Generator[Platform]:
    """Set the desk up with this one platform (snapshot_platform takes one at a time)."""
    with patch("custom_components.desk_coach.PLATFORMS", [request.param]):
        yield request.param


@pytest.mark.default_entities
async def test_a_fresh_install(
    hass: HomeAssistant,
    platform: Platform,
    morning: datetime,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """The entities off by default stay off (and have no state)."""
    entries = sorted(
        er.async_entries_for_config_entry(entity_registry, init_integration.entry_id),
        key=lambda entry: entry.entity_id,
    )
    assert entries
    for entry in entries:
        assert entry == snapshot(name=f"{entry.entity_id}-entry")
        state = hass.states.get(entry.entity_id)
        assert (state is None) is (entry.disabled_by is not None), entry.entity_id
        assert state == snapshot(name=f"{entry.entity_id}-state")


async def test_everything_on(
    hass: HomeAssistant,
    platform: Platform,
    morning: datetime,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every entity turned on, with its state."""
    await snapshot_platform(hass, entity_registry, snapshot, init_integration.entry_id)
