"""The options page "Proving breaks": the step sensor, the steps and time that prove a break.

What each grade needs is in ``grading.py``; this page only asks for the numbers and
checks them in words (a count of steps, seconds away), as the other pages do.
"""

from __future__ import annotations

from typing import Any

from homeassistant.helpers import selector
from homeassistant.helpers.schema_config_entry_flow import SchemaCommonFlowHandler
import voluptuous as vol

from .const import (
    CONF_COUNT_UNPROVEN,
    CONF_MOVED_SECONDS,
    CONF_STEP_ENTITY,
    CONF_WALKED_STEPS,
    DEFAULT_WALKED_STEPS,
)
from .form import NumberField, PageError, check_numbers, clean

WALKED_STEPS = NumberField(
    key=CONF_WALKED_STEPS, low=20, high=2000, unit="steps", default=DEFAULT_WALKED_STEPS, step=10
)
MOVED_SECONDS = NumberField(key=CONF_MOVED_SECONDS, low=10, high=600, unit="s")
PROOF_FIELDS = (WALKED_STEPS, MOVED_SECONDS)

PROOF_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_STEP_ENTITY): selector.EntitySelector(
            selector.EntitySelectorConfig(domain="sensor")
        ),
        vol.Required(CONF_WALKED_STEPS, default=DEFAULT_WALKED_STEPS): WALKED_STEPS.selector(),
        vol.Optional(CONF_MOVED_SECONDS): MOVED_SECONDS.selector(),
        vol.Required(CONF_COUNT_UNPROVEN, default=False): selector.BooleanSelector(),
    }
)


async def check_proof(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Whole numbers in their ranges; an emptied step sensor or moved length is dropped."""
    values = clean(user_input)
    errors, placeholders = check_numbers(values, PROOF_FIELDS)
    if errors:
        raise PageError(errors, placeholders)
    for key in (CONF_WALKED_STEPS, CONF_MOVED_SECONDS):
        if key in values:
            values[key] = int(values[key])
    return values
