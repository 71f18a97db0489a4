"""Device triggers of a desk: what happens to its breaks and routines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from homeassistant.components.device_automation import DEVICE_TRIGGER_BASE_SCHEMA
from homeassistant.components.device_automation.exceptions import (
    InvalidDeviceAutomationConfig,
)
from homeassistant.components.homeassistant.triggers import event as event_trigger
from homeassistant.const import (
    CONF_DEVICE_ID,
    CONF_DOMAIN,
    CONF_EVENT_DATA,
    CONF_PLATFORM,
    CONF_TYPE,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.trigger import TriggerActionType, TriggerInfo
from homeassistant.helpers.typing import ConfigType
import voluptuous as vol

from .const import DOMAIN, EVENT_BREAK, EVENT_ROUTINE
from .helpers import desk_entry_id
from .model import BreakEvent
from .routine import RoutineEvent, StopReason

# trigger type: the bus event, and the event data of which any one fires it
TRIGGERS: Final[Mapping[str, tuple[str, tuple[Mapping[str, str], ...]]]] = {
    "break_due": (EVENT_BREAK, ({CONF_TYPE: BreakEvent.DUE.value},)),
    # A natural break is still a break the user took: "after my break" automations
    # should not depend on whether the reminder came first (trigger.event.data.type tells).
    "break_taken": (
        EVENT_BREAK,
        ({CONF_TYPE: BreakEvent.TAKEN.value}, {CONF_TYPE: BreakEvent.NATURAL.value}),
    ),
    "break_skipped": (EVENT_BREAK, ({CONF_TYPE: BreakEvent.SKIPPED.value},)),
    "break_missed": (EVENT_BREAK, ({CONF_TYPE: BreakEvent.MISSED.value},)),
    "routine_started": (EVENT_ROUTINE, ({CONF_TYPE: RoutineEvent.STARTED.value},)),
    "routine_completed": (EVENT_ROUTINE, ({CONF_TYPE: RoutineEvent.COMPLETED.value},)),
    "routine_stopped_for_pain": (
        EVENT_ROUTINE,
        (
            {CONF_TYPE: RoutineEvent.STOPPED.value, "reason": StopReason.PAIN.value},
            {CONF_TYPE: RoutineEvent.NOT_STARTED.value, "reason": StopReason.PAIN.value},
        ),
    ),
}

TRIGGER_SCHEMA = DEVICE_TRIGGER_BASE_SCHEMA.extend(
    {vol.Required(CONF_TYPE): vol.In(list(TRIGGERS))}
)


async def async_get_triggers(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List the triggers a desk's device offers."""
    if desk_entry_id(hass, device_id) is None:
        return []
    return [
        {
            CONF_PLATFORM: "device",
            CONF_DOMAIN: DOMAIN,
            CONF_DEVICE_ID: device_id,
            CONF_TYPE: trigger_type,
        }
        for trigger_type in TRIGGERS
    ]


async def async_attach_trigger(
    hass: HomeAssistant,
    config: ConfigType,
    action: TriggerActionType,
    trigger_info: TriggerInfo,
) -> CALLBACK_TYPE:
    """Listen for the desk's bus events of the trigger's type."""
    entry_id = desk_entry_id(hass, config[CONF_DEVICE_ID])
    if entry_id is None:
        raise InvalidDeviceAutomationConfig(
            translation_domain=DOMAIN,
            translation_key="device_not_a_desk",
            translation_placeholders={"device_id": config[CONF_DEVICE_ID]},
        )
    event_type, matches = TRIGGERS[config[CONF_TYPE]]
    removes = [
        await event_trigger.async_attach_trigger(
            hass,
            event_trigger.TRIGGER_SCHEMA(
                {
                    CONF_PLATFORM: "event",
                    event_trigger.CONF_EVENT_TYPE: event_type,
                    CONF_EVENT_DATA: {"entry_id": entry_id, **match},
                }
            ),
            action,
            trigger_info,
            platform_type="device",
        )
        for match in matches
    ]

    @callback
    def remove() -> None:
        for remove_one in removes:
            remove_one()

    return remove
