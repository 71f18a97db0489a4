"""The lights channel: a pulse or a flash in the break's colour, then put back as it was."""

from __future__ import annotations

import asyncio
from typing import Any, Final

from homeassistant.components.light import (
    ATTR_BRIGHTNESS,
    ATTR_COLOR_MODE,
    ATTR_COLOR_TEMP_KELVIN,
    ATTR_EFFECT,
    ATTR_FLASH,
    ATTR_HS_COLOR,
    ATTR_RGB_COLOR,
    ATTR_RGBW_COLOR,
    ATTR_RGBWW_COLOR,
    ATTR_WHITE,
    ATTR_XY_COLOR,
    EFFECT_OFF,
    FLASH_SHORT,
)
from homeassistant.components.light.const import ColorMode, LightEntityFeature
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    STATE_OFF,
    STATE_ON,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, State, callback
from homeassistant.helpers.event import async_call_later

from .announce_calls import ChannelCalls, NotReachedError, supports
from .const import DOMAIN
from .options import AnnounceTargets

EFFECT_PULSE: Final = "pulse"
EFFECT_FLASH: Final = "flash"
PULSE_BRIGHTNESS: Final = 255
LIGHT_DOMAIN: Final = "light"

# the state attribute, and the turn_on field, that hold a light's colour in each mode
_COLOR_ATTRIBUTE: Final[dict[str, str]] = {
    ColorMode.HS: ATTR_HS_COLOR,
    ColorMode.RGB: ATTR_RGB_COLOR,
    ColorMode.RGBW: ATTR_RGBW_COLOR,
    ColorMode.RGBWW: ATTR_RGBWW_COLOR,
    ColorMode.XY: ATTR_XY_COLOR,
    ColorMode.COLOR_TEMP: ATTR_COLOR_TEMP_KELVIN,
}


def _restore_data(state: State) -> dict[str, Any]:
    """The light.turn_on data that brings a light back to ``state`` (which is on)."""
    attributes = state.attributes
    data: dict[str, Any] = {ATTR_ENTITY_ID: state.entity_id}
    brightness = attributes.get(ATTR_BRIGHTNESS)
    mode = attributes.get(ATTR_COLOR_MODE)
    if mode == ColorMode.WHITE:
        data[ATTR_WHITE] = brightness if brightness is not None else PULSE_BRIGHTNESS
    elif brightness is not None:
        data[ATTR_BRIGHTNESS] = brightness
    if (attribute := _COLOR_ATTRIBUTE.get(str(mode))) is not None and (
        color := attributes.get(attribute)
    ) is not None:
        data[attribute] = color
    if (effect := attributes.get(ATTR_EFFECT)) not in (None, EFFECT_OFF):
        data[ATTR_EFFECT] = effect
    return data


class LightsChannel(ChannelCalls):
    """Shows a desk's announcements on its lights; puts them back afterwards."""

    def __init__(self, hass: HomeAssistant, entry_id: str, desk: str) -> None:
        """Prepare the lights of a desk."""
        super().__init__(hass, entry_id, desk)
        self._light_states: dict[str, State] = {}
        self._cancel_light_restore: CALLBACK_TYPE | None = None

    @callback
    def async_shutdown_lights(self) -> None:
        """Cancel a pending put-back and put the lights back at once."""
        if self._cancel_light_restore is not None:
            self._cancel_light_restore()
            self._cancel_light_restore = None
        if self._light_states:
            self.hass.async_create_task(
                self._async_restore_lights(), f"{DOMAIN} restore lights {self.entry_id}"
            )

    async def _async_lights(self, targets: AnnounceTargets) -> None:
        states, unreachable = self._reachable(targets.lights)
        # a light in an unknown state could not be put back: leave it alone
        unreachable += [
            state.entity_id for state in states if state.state not in (STATE_ON, STATE_OFF)
        ]
        states = [state for state in states if state.state in (STATE_ON, STATE_OFF)]
        if states:
            for state in states:
                # a light still showing an earlier announcement keeps its original state
                self._light_states.setdefault(state.entity_id, state)
            if self._cancel_light_restore is not None:
                self._cancel_light_restore()
            self._cancel_light_restore = async_call_later(
                self.hass, targets.light_seconds, self._async_light_restore_due
            )
            color = list(targets.light_color)
            flash = [
                state.entity_id
                for state in states
                if targets.light_effect == EFFECT_FLASH
                and supports(state, LightEntityFeature.FLASH)
            ]
            # Home Assistant drops "flash" on lights that cannot: those get the pulse
            pulse = [state.entity_id for state in states if state.entity_id not in flash]
            if flash:
                await self._async_call(
                    LIGHT_DOMAIN,
                    SERVICE_TURN_ON,
                    {ATTR_ENTITY_ID: flash, ATTR_FLASH: FLASH_SHORT, ATTR_RGB_COLOR: color},
                )
            if pulse:
                await self._async_call(
                    LIGHT_DOMAIN,
                    SERVICE_TURN_ON,
                    {
                        ATTR_ENTITY_ID: pulse,
                        ATTR_RGB_COLOR: color,
                        ATTR_BRIGHTNESS: PULSE_BRIGHTNESS,
                    },
                )
        if unreachable:
            raise NotReachedError(f"not reachable: {', '.join(unreachable)}")

    @callback
    def _async_light_restore_due(self, _now: Any) -> None:
        self._cancel_light_restore = None
        self.hass.async_create_task(
            self._async_restore_lights(), f"{DOMAIN} restore lights {self.entry_id}"
        )

    async def _async_restore_lights(self) -> None:
        states, self._light_states = self._light_states, {}
        results = await asyncio.gather(
            *(
                self._async_call(LIGHT_DOMAIN, SERVICE_TURN_OFF, {ATTR_ENTITY_ID: entity_id})
                if state.state == STATE_OFF
                else self._async_call(LIGHT_DOMAIN, SERVICE_TURN_ON, _restore_data(state))
                for entity_id, state in states.items()
            ),
            return_exceptions=True,
        )
        for entity_id, result in zip(states, results, strict=True):
            self._note_restore(f"the light {entity_id}", result)
