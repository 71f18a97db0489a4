"""Device conditions of a desk: is someone sitting, is a break due, is a routine on."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from homeassistant.const import CONF_CONDITION, CONF_DEVICE_ID, CONF_DOMAIN, CONF_TYPE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.condition import ConditionCheckerType
from homeassistant.helpers.typing import ConfigType, TemplateVarsType
import voluptuous as vol

from .const import DOMAIN
from .coordinator import DeskCoordinator
from .helpers import desk_entry_id, loaded_desk

# condition type: what it asks the desk's runtime
CONDITIONS: Final[Mapping[str, Callable[[DeskCoordinator], bool]]] = {
    "is_sitting": lambda coach: coach.snapshot.sitting,
    "break_due": lambda coach: coach.snapshot.break_due,
    "routine_running": lambda coach: coach.routines.runner.active,  # running or paused
}

CONDITION_SCHEMA = cv.DEVICE_CONDITION_BASE_SCHEMA.extend(
    {vol.Required(CONF_TYPE): vol.In(list(CONDITIONS))}
)


async def async_get_conditions(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List the conditions a desk's device offers."""
    if desk_entry_id(hass, device_id) is None:
        return []
    return [
        {
            CONF_CONDITION: "device",
            CONF_DOMAIN: DOMAIN,
            CONF_DEVICE_ID: device_id,
            CONF_TYPE: condition_type,
        }
        for condition_type in CONDITIONS
    ]


def _loaded_desk(hass: HomeAssistant, device_id: str) -> DeskCoordinator | None:
    """The runtime of the device's desk, None while the desk is not loaded."""
    entry_id = desk_entry_id(hass, device_id)
    return None if entry_id is None else loaded_desk(hass, entry_id)


@callback
def async_condition_from_config(hass: HomeAssistant, config: ConfigType) -> ConditionCheckerType:
    """Make the checker; it asks the desk each time, so a desk loaded later counts."""
    device_id: str = config[CONF_DEVICE_ID]
    holds = CONDITIONS[config[CONF_TYPE]]

    def check(hass: HomeAssistant, variables: TemplateVarsType) -> bool:
        coach = _loaded_desk(hass, device_id)
        return coach is not None and holds(coach)

    return check
