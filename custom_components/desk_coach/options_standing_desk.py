"""The options dialog's "Standing desk" page: its form, its checks and what it keeps.

Heights are checked against what the chosen control takes (a cover: 0-100 %, a number:
its min and max); raising needs the desk's standing input, since standing confirms the
break. The page also holds what any desk with a standing input uses: the minutes of
unbroken standing before the cue to move or sit, and the day's upright target (whole
minutes, so that the target and the sensor it is shown beside share one unit).
"""

from __future__ import annotations

from collections.abc import Mapping
import math
from typing import Any

from homeassistant.core import HomeAssistant, split_entity_id
from homeassistant.helpers import selector
import voluptuous as vol

from .const import (
    BREAK_ACTION_ANNOUNCE,
    BREAK_ACTION_RAISE,
    CONF_BREAK_ACTION,
    CONF_DESK_CONTROL,
    CONF_LOWER_AFTER,
    CONF_LOWER_TO,
    CONF_RAISE_TO,
    CONF_RAISE_WARNING,
    CONF_STAND_MINUTES,
    CONF_STANDING_CUE_AFTER,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    CONF_UPRIGHT_TARGET,
    DEFAULT_RAISE_WARNING,
    DEFAULT_STAND_MINUTES,
    DEFAULT_STANDING_CUE_AFTER,
    DEFAULT_UPRIGHT_TARGET,
    DESK_CONTROL_DOMAINS,
    RAISE_WARNING_RANGE,
    STAND_MINUTES_RANGE,
    STANDING_CUE_AFTER_RANGE,
    UPRIGHT_TARGET_RANGE,
)
from .entity_check import entity_exists
from .form import NumberField, any_number_box, check_numbers, suggested
from .options import as_number
from .standing_desk import ATTR_MAX, ATTR_MIN, takes_positions

# the whole numbers on the "Standing desk" page
STAND_FIELDS = (
    NumberField(
        key=CONF_STAND_MINUTES,
        low=STAND_MINUTES_RANGE[0],
        high=STAND_MINUTES_RANGE[1],
        unit="min",
        default=DEFAULT_STAND_MINUTES,
    ),
    NumberField(
        key=CONF_RAISE_WARNING,
        low=RAISE_WARNING_RANGE[0],
        high=RAISE_WARNING_RANGE[1],
        unit="s",
        default=DEFAULT_RAISE_WARNING,
    ),
    NumberField(
        key=CONF_STANDING_CUE_AFTER,
        low=STANDING_CUE_AFTER_RANGE[0],
        high=STANDING_CUE_AFTER_RANGE[1],
        unit="min",
        default=DEFAULT_STANDING_CUE_AFTER,
    ),
    NumberField(
        key=CONF_UPRIGHT_TARGET,
        low=UPRIGHT_TARGET_RANGE[0],
        high=UPRIGHT_TARGET_RANGE[1],
        unit="min",
        default=DEFAULT_UPRIGHT_TARGET,
    ),
)


def standing_desk_schema(current: Mapping[str, Any], data: Mapping[str, Any]) -> vol.Schema:
    """The Standing desk page, prefilled with ``current`` (the options and what was typed).

    Without a saved control the desk's standing input is suggested when it can move.
    """
    control = current.get(CONF_DESK_CONTROL)
    standing = data.get(CONF_STANDING_ENTITY)
    if not control and standing and split_entity_id(standing)[0] in DESK_CONTROL_DOMAINS:
        control = standing
    heights = any_number_box()
    return vol.Schema(
        {
            vol.Required(
                CONF_BREAK_ACTION, default=current.get(CONF_BREAK_ACTION, BREAK_ACTION_ANNOUNCE)
            ): selector.SelectSelector(
                selector.SelectSelectorConfig(
                    options=[BREAK_ACTION_ANNOUNCE, BREAK_ACTION_RAISE],
                    translation_key=CONF_BREAK_ACTION,
                    mode=selector.SelectSelectorMode.LIST,
                )
            ),
            vol.Optional(CONF_DESK_CONTROL, **suggested(control)): selector.EntitySelector(
                selector.EntitySelectorConfig(domain=list(DESK_CONTROL_DOMAINS))
            ),
            vol.Optional(CONF_RAISE_TO, **suggested(current.get(CONF_RAISE_TO))): heights,
            vol.Optional(CONF_LOWER_TO, **suggested(current.get(CONF_LOWER_TO))): heights,
            vol.Required(
                CONF_STAND_MINUTES,
                default=current.get(CONF_STAND_MINUTES, DEFAULT_STAND_MINUTES),
            ): STAND_FIELDS[0].selector(),
            vol.Required(
                CONF_LOWER_AFTER, default=bool(current.get(CONF_LOWER_AFTER, False))
            ): selector.BooleanSelector(),
            vol.Required(
                CONF_RAISE_WARNING,
                default=current.get(CONF_RAISE_WARNING, DEFAULT_RAISE_WARNING),
            ): STAND_FIELDS[1].selector(),
            vol.Required(
                CONF_STANDING_CUE_AFTER,
                default=current.get(CONF_STANDING_CUE_AFTER, DEFAULT_STANDING_CUE_AFTER),
            ): STAND_FIELDS[2].selector(),
            vol.Required(
                CONF_UPRIGHT_TARGET,
                default=current.get(CONF_UPRIGHT_TARGET, DEFAULT_UPRIGHT_TARGET),
            ): STAND_FIELDS[3].selector(),
        }
    )


def _bounds(hass: HomeAssistant, entity_id: str) -> tuple[float, float] | None:
    """The heights a control takes; None when it only opens and closes."""
    state = hass.states.get(entity_id)
    if split_entity_id(entity_id)[0] == "cover":
        if state is not None and state.attributes and not takes_positions(state):
            return None
        return 0.0, 100.0
    attributes = state.attributes if state is not None else {}
    low, high = as_number(attributes.get(ATTR_MIN)), as_number(attributes.get(ATTR_MAX))
    return (-math.inf if low is None else low), (math.inf if high is None else high)


def _text(value: float) -> str:
    return f"{value:g}"


def validate_standing_desk(
    hass: HomeAssistant, user_input: Mapping[str, Any], data: Mapping[str, Any]
) -> tuple[dict[str, str], dict[str, str]]:
    """Check the Standing desk page; form errors by field, and placeholders for their texts.

    Raising needs a control and the desk's standing input, since standing must confirm
    the break; heights are checked against what the control takes, and the stand and
    the warning against their ranges.
    """
    errors, placeholders = check_numbers(user_input, STAND_FIELDS)
    raising = user_input.get(CONF_BREAK_ACTION) == BREAK_ACTION_RAISE
    control = user_input.get(CONF_DESK_CONTROL)
    if raising and not data.get(CONF_STANDING_ENTITY):
        errors["base"] = "standing_input_required"
    if not control:
        if raising:
            errors[CONF_DESK_CONTROL] = "desk_control_required"
        return errors, placeholders
    if not entity_exists(hass, control):
        errors[CONF_DESK_CONTROL] = "desk_control_not_found"
        placeholders["entity"] = control
        return errors, placeholders
    bounds = _bounds(hass, control)
    if bounds is None:
        return errors, placeholders  # opens and closes: no heights needed
    raise_to = as_number(user_input.get(CONF_RAISE_TO))
    lower_to = as_number(user_input.get(CONF_LOWER_TO))
    if raising and raise_to is None:
        errors[CONF_RAISE_TO] = "height_to_required"
    if raising and user_input.get(CONF_LOWER_AFTER) and lower_to is None:
        errors[CONF_LOWER_TO] = "height_to_required"
    low, high = bounds
    for key, value in ((CONF_RAISE_TO, raise_to), (CONF_LOWER_TO, lower_to)):
        if value is not None and not low <= value <= high:
            errors[key] = "height_out_of_range"
            placeholders |= {"min": _text(low), "max": _text(high)}
    if raise_to is None or CONF_RAISE_TO in errors:
        return errors, placeholders
    standing_height = as_number(data.get(CONF_STANDING_HEIGHT))
    if lower_to is not None and raise_to <= lower_to:
        errors[CONF_RAISE_TO] = "raise_not_above_lower"
    elif (
        control == data.get(CONF_STANDING_ENTITY)
        and standing_height is not None
        and raise_to <= standing_height
    ):
        errors[CONF_RAISE_TO] = "raise_below_standing"
        placeholders["height"] = _text(standing_height)
    return errors, placeholders


def standing_desk_values(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """The page's options to keep (empty fields left out)."""
    values: dict[str, Any] = {
        CONF_BREAK_ACTION: user_input[CONF_BREAK_ACTION],
        CONF_STAND_MINUTES: int(user_input[CONF_STAND_MINUTES]),
        CONF_LOWER_AFTER: bool(user_input[CONF_LOWER_AFTER]),
        CONF_RAISE_WARNING: int(user_input[CONF_RAISE_WARNING]),
        CONF_STANDING_CUE_AFTER: int(user_input[CONF_STANDING_CUE_AFTER]),
        CONF_UPRIGHT_TARGET: int(user_input[CONF_UPRIGHT_TARGET]),
    }
    if control := user_input.get(CONF_DESK_CONTROL):
        values[CONF_DESK_CONTROL] = control
    for key in (CONF_RAISE_TO, CONF_LOWER_TO):
        if (height := as_number(user_input.get(key))) is not None:
            values[key] = int(height) if height.is_integer() else height
    return values
