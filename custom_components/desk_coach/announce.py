"""The announcer: the one place that talks to speakers, satellites, phones and lights.

Breaks and routines hand it an already rendered message; it speaks and shows it on every
configured channel. Each channel fails alone: a broken speaker never silences the lights.
Lights and volumes are put back exactly as they were once the announcement is over.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Mapping
import logging
from typing import Any, Final

from homeassistant.components import tts
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
from homeassistant.components.media_player.const import ATTR_MEDIA_VOLUME_LEVEL
from homeassistant.components.notify import NotifyEntityFeature
from homeassistant.components.notify.const import ATTR_TITLE
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_SUPPORTED_FEATURES,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    SERVICE_VOLUME_SET,
    STATE_OFF,
    STATE_ON,
    STATE_UNAVAILABLE,
)
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, State, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_call_later

from .const import DOMAIN
from .options import (
    CHANNEL_LIGHTS,
    CHANNEL_MOBILE_APP,
    CHANNEL_NOTIFY,
    CHANNEL_SATELLITES,
    CHANNEL_SPEAKERS,
    AnnounceTargets,
)

_LOGGER = logging.getLogger(__name__)

EFFECT_PULSE: Final = "pulse"
EFFECT_FLASH: Final = "flash"

# the mobile app fires this event when a notification's action button is pressed
EVENT_NOTIFICATION_ACTION: Final = "mobile_app_notification_action"
ATTR_ACTION: Final = "action"
ATTR_ACTIONS: Final = "actions"
ATTR_DATA: Final = "data"
ATTR_MESSAGE: Final = "message"
ATTR_MEDIA_PLAYER_ENTITY_ID: Final = "media_player_entity_id"

TTS_DOMAIN: Final = "tts"
SERVICE_SPEAK: Final = "speak"
SATELLITE_DOMAIN: Final = "assist_satellite"
SERVICE_ANNOUNCE: Final = "announce"
NOTIFY_DOMAIN: Final = "notify"
SERVICE_SEND_MESSAGE: Final = "send_message"
LIGHT_DOMAIN: Final = "light"
MEDIA_PLAYER_DOMAIN: Final = "media_player"

PULSE_BRIGHTNESS: Final = 255
# Speakers get their volume back once the message has surely been spoken: a lead-in
# (the player waking up, the TTS engine rendering) plus a generous speaking rate.
VOLUME_RESTORE_LEAD_SECONDS: Final = 5.0
SPEECH_CHARACTERS_PER_SECOND: Final = 12.0
VOLUME_RESTORE_MAX_SECONDS: Final = 60.0

# Each service call gets this long: a speaker, phone or light that never answers must not
# hold an announcement (nor the desk's announcing task) for ever.
CALL_TIMEOUT_SECONDS: Final = 10.0


# the state attribute, and the turn_on field, that hold a light's colour in each mode
_COLOR_ATTRIBUTE: Final[dict[str, str]] = {
    ColorMode.HS: ATTR_HS_COLOR,
    ColorMode.RGB: ATTR_RGB_COLOR,
    ColorMode.RGBW: ATTR_RGBW_COLOR,
    ColorMode.RGBWW: ATTR_RGBWW_COLOR,
    ColorMode.XY: ATTR_XY_COLOR,
    ColorMode.COLOR_TEMP: ATTR_COLOR_TEMP_KELVIN,
}


def notification_action_id(entry_id: str, key: str) -> str:
    """The id of a notification action button of a desk, such as DONE or SNOOZE."""
    return f"DESK_COACH_{key.upper()}_{entry_id}"


class _NotReachedError(HomeAssistantError):
    """Some of a channel's targets did not get the announcement."""


class _NoAnswerError(HomeAssistantError):
    """A service call did not return within ``CALL_TIMEOUT_SECONDS``."""


def _supports(state: State, feature: int) -> bool:
    return bool(int(state.attributes.get(ATTR_SUPPORTED_FEATURES) or 0) & feature)


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


class Announcer:
    """Speaks and shows one desk's messages; puts lights and volumes back afterwards."""

    def __init__(self, hass: HomeAssistant, entry_id: str, desk: str) -> None:
        """Set the announcer up for a desk."""
        self.hass = hass
        self.entry_id = entry_id
        self.desk = desk
        self._failing: set[str] = set()
        self._light_states: dict[str, State] = {}
        self._cancel_light_restore: CALLBACK_TYPE | None = None
        self._volumes: dict[str, float] = {}
        self._cancel_volume_restore: CALLBACK_TYPE | None = None

    async def async_announce(
        self,
        targets: AnnounceTargets,
        message: str,
        *,
        title: str,
        actions: dict[str, str] | None = None,
    ) -> dict[str, bool]:
        """Announce ``message`` everywhere ``targets`` name; tell which channels worked."""
        channels: dict[str, Coroutine[Any, Any, None]] = {}
        if targets.lights:
            channels[CHANNEL_LIGHTS] = self._async_lights(targets)
        if targets.media_players:
            channels[CHANNEL_SPEAKERS] = self._async_speak(targets, message)
        if targets.satellites:
            channels[CHANNEL_SATELLITES] = self._async_satellites(targets, message)
        if targets.notify_entities:
            channels[CHANNEL_NOTIFY] = self._async_notify(targets, message, title)
        if targets.mobile_apps:
            channels[CHANNEL_MOBILE_APP] = self._async_mobile_apps(targets, message, title, actions)
        results = await asyncio.gather(
            *(self._async_run(channel, job) for channel, job in channels.items())
        )
        outcome = dict(zip(channels, results, strict=True))
        if outcome:
            _LOGGER.debug(
                "Desk %s: announced on %s%s",
                self.desk,
                ", ".join(channel for channel, worked in outcome.items() if worked) or "nothing",
                "".join(f"; {channel} failed" for channel, worked in outcome.items() if not worked),
            )
        else:
            _LOGGER.debug("Desk %s: not announced: no channel is configured", self.desk)
        return outcome

    @callback
    def async_shutdown(self) -> None:
        """Cancel pending restores and put lights and volumes back at once."""
        if self._cancel_light_restore is not None:
            self._cancel_light_restore()
            self._cancel_light_restore = None
        if self._cancel_volume_restore is not None:
            self._cancel_volume_restore()
            self._cancel_volume_restore = None
        if self._light_states:
            self.hass.async_create_task(
                self._async_restore_lights(), f"{DOMAIN} restore lights {self.entry_id}"
            )
        if self._volumes:
            self.hass.async_create_task(
                self._async_restore_volumes(), f"{DOMAIN} restore volume {self.entry_id}"
            )

    # -- bookkeeping ---------------------------------------------------------------

    async def _async_run(self, channel: str, job: Coroutine[Any, Any, None]) -> bool:
        """Run one channel; log its failure once until it works again."""
        try:
            await job
        except Exception as err:  # noqa: BLE001 - one broken channel must not silence the others
            self._note_failure(channel, err)
            return False
        self._note_success(channel)
        return True

    def _note_failure(self, key: str, err: Exception) -> None:
        if key in self._failing:
            _LOGGER.debug("Desk %s: announcing on %s failed again: %s", self.desk, key, err)
            return
        self._failing.add(key)
        _LOGGER.warning(
            "Desk %s: announcing on %s failed (%s); further failures are not logged "
            "until it works again",
            self.desk,
            key,
            str(err) or type(err).__name__,
        )

    def _note_success(self, key: str) -> None:
        if key in self._failing:
            self._failing.discard(key)
            _LOGGER.info("Desk %s: announcing on %s works again", self.desk, key)

    def _note_restore(self, what: str, result: BaseException | None) -> None:
        """Log a failed put-back once until putting ``what`` back works again."""
        key = f"restore {what}"
        if not isinstance(result, Exception):
            self._failing.discard(key)
        elif key in self._failing:
            _LOGGER.debug("Desk %s: could not put %s back again: %s", self.desk, what, result)
        else:
            self._failing.add(key)
            _LOGGER.warning(
                "Desk %s: could not put %s back: %s; further failures are not logged until "
                "it works again",
                self.desk,
                what,
                str(result) or type(result).__name__,
            )

    def _reachable(self, entity_ids: tuple[str, ...]) -> tuple[list[State], list[str]]:
        """The states of the entities that can be reached, and the ids of the others."""
        states: list[State] = []
        unreachable: list[str] = []
        for entity_id in entity_ids:
            state = self.hass.states.get(entity_id)
            if state is None or state.state == STATE_UNAVAILABLE:
                unreachable.append(entity_id)
            else:
                states.append(state)
        return states, unreachable

    async def _async_call(self, domain: str, service: str, data: dict[str, Any]) -> None:
        """Call a service and wait for it, at most ``CALL_TIMEOUT_SECONDS``."""
        deadline = asyncio.timeout(CALL_TIMEOUT_SECONDS)
        try:
            async with deadline:
                await self.hass.services.async_call(domain, service, data, blocking=True)
        except TimeoutError:
            if not deadline.expired():
                raise  # the service's own timeout
            raise _NoAnswerError(
                f"{domain}.{service} did not answer within {CALL_TIMEOUT_SECONDS:g} s"
            ) from None

    # -- speakers ------------------------------------------------------------------

    def _engine(self, targets: AnnounceTargets) -> str:
        engine = targets.tts_engine
        if engine is None and TTS_DOMAIN in self.hass.config.components:
            engine = tts.async_default_engine(self.hass)
        if engine is None:
            raise HomeAssistantError("no text-to-speech engine is set up")
        if engine.startswith(f"{TTS_DOMAIN}."):
            state = self.hass.states.get(engine)
            if state is None or state.state == STATE_UNAVAILABLE:
                raise HomeAssistantError(f"the text-to-speech engine {engine} is unavailable")
        return engine

    async def _async_speak(self, targets: AnnounceTargets, message: str) -> None:
        states, unreachable = self._reachable(targets.media_players)
        if states:
            engine = self._engine(targets)
            players = [state.entity_id for state in states]
            if targets.volume is not None:
                await self._async_set_volume(states, targets.volume, message)
            if engine.startswith(f"{TTS_DOMAIN}."):
                await self._async_call(
                    TTS_DOMAIN,
                    SERVICE_SPEAK,
                    {
                        ATTR_ENTITY_ID: engine,
                        ATTR_MEDIA_PLAYER_ENTITY_ID: players,
                        ATTR_MESSAGE: message,
                    },
                )
            else:  # a legacy provider such as "demo" only offers tts.<provider>_say
                await self._async_call(
                    TTS_DOMAIN,
                    f"{engine}_say",
                    {ATTR_ENTITY_ID: players, ATTR_MESSAGE: message},
                )
        if unreachable:
            raise _NotReachedError(f"not reachable: {', '.join(unreachable)}")

    async def _async_set_volume(self, states: list[State], volume: int, message: str) -> None:
        """Set the announcement volume on players whose volume can be put back."""
        players = []
        for state in states:
            level = state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL)
            if level is None:
                continue  # off or without volume: nothing to restore, so leave it alone
            # during a running announcement the player is at our volume: keep the original
            self._volumes.setdefault(state.entity_id, float(level))
            players.append(state.entity_id)
        if not players:
            return
        if self._cancel_volume_restore is not None:
            self._cancel_volume_restore()
        delay = min(
            VOLUME_RESTORE_MAX_SECONDS,
            VOLUME_RESTORE_LEAD_SECONDS + len(message) / SPEECH_CHARACTERS_PER_SECOND,
        )
        self._cancel_volume_restore = async_call_later(
            self.hass, delay, self._async_volume_restore_due
        )
        try:
            await self._async_call(
                MEDIA_PLAYER_DOMAIN,
                SERVICE_VOLUME_SET,
                {ATTR_ENTITY_ID: players, ATTR_MEDIA_VOLUME_LEVEL: volume / 100},
            )
        except HomeAssistantError as err:  # speak anyway, at the player's own volume
            self._note_failure(f"{CHANNEL_SPEAKERS} volume", err)
        else:
            self._note_success(f"{CHANNEL_SPEAKERS} volume")

    @callback
    def _async_volume_restore_due(self, _now: Any) -> None:
        self._cancel_volume_restore = None
        self.hass.async_create_task(
            self._async_restore_volumes(), f"{DOMAIN} restore volume {self.entry_id}"
        )

    async def _async_restore_volumes(self) -> None:
        volumes, self._volumes = self._volumes, {}
        results = await asyncio.gather(
            *(
                self._async_call(
                    MEDIA_PLAYER_DOMAIN,
                    SERVICE_VOLUME_SET,
                    {ATTR_ENTITY_ID: player, ATTR_MEDIA_VOLUME_LEVEL: level},
                )
                for player, level in volumes.items()
            ),
            return_exceptions=True,
        )
        for player, result in zip(volumes, results, strict=True):
            self._note_restore(f"the volume of {player}", result)

    # -- satellites, notifications -------------------------------------------------

    async def _async_satellites(self, targets: AnnounceTargets, message: str) -> None:
        states, unreachable = self._reachable(targets.satellites)
        if states:
            await self._async_call(
                SATELLITE_DOMAIN,
                SERVICE_ANNOUNCE,
                {ATTR_ENTITY_ID: [state.entity_id for state in states], ATTR_MESSAGE: message},
            )
        if unreachable:
            raise _NotReachedError(f"not reachable: {', '.join(unreachable)}")

    async def _async_notify(self, targets: AnnounceTargets, message: str, title: str) -> None:
        states, unreachable = self._reachable(targets.notify_entities)
        with_title = [s.entity_id for s in states if _supports(s, NotifyEntityFeature.TITLE)]
        without_title = [s.entity_id for s in states if s.entity_id not in with_title]
        if with_title:
            await self._async_call(
                NOTIFY_DOMAIN,
                SERVICE_SEND_MESSAGE,
                {ATTR_ENTITY_ID: with_title, ATTR_MESSAGE: message, ATTR_TITLE: title},
            )
        if without_title:
            await self._async_call(
                NOTIFY_DOMAIN,
                SERVICE_SEND_MESSAGE,
                {ATTR_ENTITY_ID: without_title, ATTR_MESSAGE: message},
            )
        if unreachable:
            raise _NotReachedError(f"not reachable: {', '.join(unreachable)}")

    async def _async_mobile_apps(
        self,
        targets: AnnounceTargets,
        message: str,
        title: str,
        actions: dict[str, str] | None,
    ) -> None:
        data: dict[str, Any] = {ATTR_MESSAGE: message, ATTR_TITLE: title}
        if actions:
            data[ATTR_DATA] = {
                ATTR_ACTIONS: [
                    {ATTR_ACTION: notification_action_id(self.entry_id, key), ATTR_TITLE: text}
                    for key, text in actions.items()
                ]
            }
        results = await asyncio.gather(
            *(self._async_call(NOTIFY_DOMAIN, app, data) for app in targets.mobile_apps),
            return_exceptions=True,
        )
        failed = [
            f"{app}: {result}"
            for app, result in zip(targets.mobile_apps, results, strict=True)
            if isinstance(result, Exception)
        ]
        if failed:
            raise _NotReachedError("; ".join(failed))

    # -- lights --------------------------------------------------------------------

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
                and _supports(state, LightEntityFeature.FLASH)
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
            raise _NotReachedError(f"not reachable: {', '.join(unreachable)}")

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


@callback
def async_listen_notification_actions(
    hass: HomeAssistant, entry_id: str, handlers: dict[str, Callable[[], None]]
) -> CALLBACK_TYPE:
    """Call ``handlers[KEY]`` when the desk's KEY button of a phone notification is pressed.

    The handlers run in the event loop and must not block.
    """
    by_action = {
        notification_action_id(entry_id, key): handler for key, handler in handlers.items()
    }

    @callback
    def is_ours(data: Mapping[str, Any]) -> bool:
        return data.get(ATTR_ACTION) in by_action

    @callback
    def pressed(event: Event[Mapping[str, Any]]) -> None:
        by_action[event.data[ATTR_ACTION]]()

    return hass.bus.async_listen(EVENT_NOTIFICATION_ACTION, pressed, event_filter=is_ours)
