"""Desk Coach: sitting time, breaks and routines for people who sit at a desk all day."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .blueprint_installer import async_install_blueprints
from .card import async_register_card
from .catalog import async_catalog
from .const import CONF_AREA, DOMAIN
from .coordinator import DeskCoachConfigEntry, DeskCoordinator, DeskRuntime
from .entity_check import async_delete_desk_issues
from .services import async_setup_services
from .storage import async_remove_stored_data
from .voice import async_sync_sentences

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up what all desks share: the catalog, the actions and the blueprints."""
    await async_catalog(hass)  # the library and texts, read once for every desk
    async_setup_services(hass)
    await async_register_card(hass)
    hass.async_create_task(async_install_blueprints(hass), "desk_coach_install_blueprints")
    return True


async def async_setup_entry(hass: HomeAssistant, entry: DeskCoachConfigEntry) -> bool:
    """Set up one desk."""
    _async_register_device(hass, entry)
    coach = DeskCoordinator(hass, entry)
    # before anything subscribes: a setup that fails halfway leaves no listener behind
    entry.async_on_unload(coach.async_stop_listening)
    await coach.async_start()
    entry.runtime_data = DeskRuntime(coach, coach.routines, coach.stand, coach.announcer)
    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_create_task(hass, async_sync_sentences(hass, entry), "desk_coach_sentences")
    return True


async def async_unload_entry(hass: HomeAssistant, entry: DeskCoachConfigEntry) -> bool:
    """Unload one desk, keeping what it counted."""
    if unloaded := await hass.config_entries.async_unload_platforms(entry, PLATFORMS):
        coach = entry.runtime_data.coordinator
        coach.async_stop_listening()  # nothing counts after the final write
        await coach.async_save_now()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: DeskCoachConfigEntry) -> None:
    """Forget a removed desk's stored data and repair issues."""
    await async_remove_stored_data(hass, entry.entry_id)
    async_delete_desk_issues(hass, entry.entry_id)
    await async_sync_sentences(hass, entry, leaving=True)


async def _async_entry_updated(hass: HomeAssistant, entry: DeskCoachConfigEntry) -> None:
    """Apply new options live, a running routine going on; new inputs (Reconfigure) reload."""
    coach = entry.runtime_data.coordinator
    if not coach.uses_current_sources():
        hass.config_entries.async_schedule_reload(entry.entry_id)  # syncs on setup
        return
    coach.apply_options()
    await async_sync_sentences(hass, entry)


def _async_register_device(hass: HomeAssistant, entry: DeskCoachConfigEntry) -> None:
    """Create the desk's device, in the area chosen in the config flow.

    The area is applied only when the device is created (the reconfigure step applies a
    changed one), so moving the device on its page later is never undone.
    """
    registry = dr.async_get(hass)
    identifiers = {(DOMAIN, entry.entry_id)}
    is_new = registry.async_get_device(identifiers=identifiers) is None
    device = registry.async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers=identifiers,
        name=entry.title,
        manufacturer="Desk Coach",
        model="Desk",
        entry_type=dr.DeviceEntryType.SERVICE,
    )
    if is_new and (area := entry.data.get(CONF_AREA)):
        registry.async_update_device(device.id, area_id=area)
