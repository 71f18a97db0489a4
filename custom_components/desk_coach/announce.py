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
from homeassistant.components.media_player.const import ATTR_MEDIA_VOLUME_LEVEL
from homeassistant.components.notify import NotifyEntityFeature
from homeassistant.components.notify.const import ATTR_TITLE
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_VOLUME_SET,
    STATE_UNAVAILABLE,
)
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, State, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_call_later

from .announce_calls import NotReachedError, supports
from .announce_lights import LightsChannel
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


# the mobile app fires this event when a notification's action button is pressed
EVENT_NOTIFICATION_ACTION: Final = "mobile_app_notification_action"
ATTR_ACTION: Final = "action"
ATTR_ACTIONS: Final = "actions"
ATTR_DATA: Final = "data"
ATTR_MESSAGE: Final = "message"
ATTR_TAG: Final = "tag"
# the companion app's command that takes a tagged notification off the phone
CLEAR_NOTIFICATION: Final = "clear_notification"
ATTR_MEDIA_PLAYER_ENTITY_ID: Final = "media_player_entity_id"

TTS_DOMAIN: Final = "tts"
SERVICE_SPEAK: Final = "speak"
SATELLITE_DOMAIN: Final = "assist_satellite"
SERVICE_ANNOUNCE: Final = "announce"
NOTIFY_DOMAIN: Final = "notify"
SERVICE_SEND_MESSAGE: Final = "send_message"
MEDIA_PLAYER_DOMAIN: Final = "media_player"

# Speakers get their volume back once the message has surely been spoken: a lead-in
# (the player waking up, the TTS engine rendering) plus a generous speaking rate.
VOLUME_RESTORE_LEAD_SECONDS: Final = 5.0
SPEECH_CHARACTERS_PER_SECOND: Final = 12.0
VOLUME_RESTORE_MAX_SECONDS: Final = 60.0


def notification_action_id(entry_id: str, key: str) -> str:
    """The id of a notification action button of a desk, such as DONE or SNOOZE."""
    return f"DESK_COACH_{key.upper()}_{entry_id}"


class Announcer(LightsChannel):
    """Speaks and shows one desk's messages; puts lights and volumes back afterwards."""

    def __init__(self, hass: HomeAssistant, entry_id: str, desk: str) -> None:
        """Set the announcer up for a desk."""
        super().__init__(hass, entry_id, desk)
        self._volumes: dict[str, float] = {}
        self._cancel_volume_restore: CALLBACK_TYPE | None = None

    async def async_announce(
        self,
        targets: AnnounceTargets,
        message: str,
        *,
        title: str,
        actions: dict[str, str] | None = None,
        tag: str | None = None,
        silent: bool = False,
    ) -> dict[str, bool]:
        """Announce ``message`` everywhere ``targets`` name; tell which channels worked.

        ``tag``: a phone shows one notification per tag, the newest replacing the one before;
        ``silent``: the phones show it without a sound (the cue of two phases).
        """
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
            channels[CHANNEL_MOBILE_APP] = self._async_mobile_apps(
                targets, message, title, actions, tag, silent=silent
            )
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
        self.async_shutdown_lights()
        if self._cancel_volume_restore is not None:
            self._cancel_volume_restore()
            self._cancel_volume_restore = None
        if self._volumes:
            self.hass.async_create_task(
                self._async_restore_volumes(), f"{DOMAIN} restore volume {self.entry_id}"
            )

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
            raise NotReachedError(f"not reachable: {', '.join(unreachable)}")

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
            raise NotReachedError(f"not reachable: {', '.join(unreachable)}")

    async def _async_notify(self, targets: AnnounceTargets, message: str, title: str) -> None:
        states, unreachable = self._reachable(targets.notify_entities)
        with_title = [s.entity_id for s in states if supports(s, NotifyEntityFeature.TITLE)]
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
            raise NotReachedError(f"not reachable: {', '.join(unreachable)}")

    async def _async_mobile_apps(
        self,
        targets: AnnounceTargets,
        message: str,
        title: str,
        actions: dict[str, str] | None,
        tag: str | None,
        *,
        silent: bool = False,
    ) -> None:
        data: dict[str, Any] = {ATTR_MESSAGE: message, ATTR_TITLE: title}
        extra: dict[str, Any] = {ATTR_TAG: tag} if tag else {}
        if silent:  # Android and iOS: shown, no sound
            extra |= {"priority": "low", "push": {"interruption-level": "passive"}}
        if actions:
            extra[ATTR_ACTIONS] = [
                {ATTR_ACTION: notification_action_id(self.entry_id, key), ATTR_TITLE: text}
                for key, text in actions.items()
            ]
        if extra:
            data[ATTR_DATA] = extra
        await self._async_to_phones(targets, data)

    async def async_clear_phones(self, targets: AnnounceTargets, tag: str) -> None:
        """Take the notification tagged ``tag`` off every phone (one that fails is logged)."""
        data = {ATTR_MESSAGE: CLEAR_NOTIFICATION, ATTR_DATA: {ATTR_TAG: tag}}
        await self._async_run(CHANNEL_MOBILE_APP, self._async_to_phones(targets, data))

    async def _async_to_phones(self, targets: AnnounceTargets, data: dict[str, Any]) -> None:
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
            raise NotReachedError("; ".join(failed))


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
