"""The options page "Strength programme": how far apart sessions are, or 2 minutes daily.

The rules are in ``programme.py``; this page asks for the spacing in hours (48 at least:
the muscles need two days) and whether to train 2 minutes every day instead.
"""

from __future__ import annotations

from typing import Any

from homeassistant.helpers import selector
from homeassistant.helpers.schema_config_entry_flow import SchemaCommonFlowHandler
import voluptuous as vol

from .form import NumberField, PageError, check_numbers, clean
from .programme import (
    CONF_STRENGTH_SPACING,
    CONF_TWO_MINUTES_DAILY,
    DEFAULT_SPACING_HOURS,
    MAX_SPACING_HOURS,
    MIN_SPACING_HOURS,
)

SPACING = NumberField(
    key=CONF_STRENGTH_SPACING,
    low=MIN_SPACING_HOURS,
    high=MAX_SPACING_HOURS,
    unit="h",
    default=DEFAULT_SPACING_HOURS,
)

PROGRAMME_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_STRENGTH_SPACING, default=DEFAULT_SPACING_HOURS): SPACING.selector(),
        vol.Required(CONF_TWO_MINUTES_DAILY, default=False): selector.BooleanSelector(),
    }
)


async def check_programme(
    handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Whole hours in their range."""
    values = clean(user_input)
    errors, placeholders = check_numbers(values, (SPACING,))
    if errors:
        raise PageError(errors, placeholders)
    values[CONF_STRENGTH_SPACING] = int(values[CONF_STRENGTH_SPACING])
    return values
