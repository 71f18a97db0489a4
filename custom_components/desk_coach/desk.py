"""The runtime of one desk: Home Assistant states in, tracker answers out to entities."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
import logging
from typing import Any

from homeassistant.components.cover import ATTR_CURRENT_POSITION
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import (
    STATE_OFF,
    STATE_ON,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import (
    async_track_point_in_utc_time,
    async_track_state_change_event,
)
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import (
    CONF_AWAY_RESET,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_PRESENCE_DEBOUNCE,
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    DEFAULT_AWAY_RESET,
    DEFAULT_BREAK_DURATION,
    DEFAULT_BREAK_INTERVAL,
    DEFAULT_PRESENCE_DEBOUNCE,
    DOMAIN,
    ON_OFF_DOMAINS,
    STORAGE_SAVE_DELAY,
    STORAGE_VERSION,
)
from .model import Activity, DeskTracker, Settings, Snapshot, activity_from
from .repairs import async_check_entities

_LOGGER = logging.getLogger(__name__)

type DeskCoachConfigEntry = ConfigEntry[DeskCoach]


def settings_from_options(options: Mapping[str, Any]) -> Settings:
    """Turn the entry's options into the tracker's settings."""
    return Settings(
        break_interval=timedelta(minutes=options.get(CONF_BREAK_INTERVAL, DEFAULT_BREAK_INTERVAL)),
        break_duration=timedelta(seconds=options.get(CONF_BREAK_DURATION, DEFAULT_BREAK_DURATION)),
        away_reset=timedelta(minutes=options.get(CONF_AWAY_RESET, DEFAULT_AWAY_RESET)),
        presence_debounce=timedelta(
            seconds=options.get(CONF_PRESENCE_DEBOUNCE, DEFAULT_PRESENCE_DEBOUNCE)
        ),
    )


def presence_sources(data: Mapping[str, Any]) -> list[str]:
    """Every entity that can tell the person is at the desk, main one first."""
    return [data[CONF_PRESENCE_ENTITY], *data.get(CONF_EXTRA_PRESENCE_ENTITIES, [])]


def configured_entities(data: Mapping[str, Any]) -> list[str]:
    """Every entity the desk reads."""
    standing = data.get(CONF_STANDING_ENTITY)
    return presence_sources(data) + ([standing] if standing else [])


def _number(state: State) -> float | None:
    try:
        return float(state.state)
    except ValueError:
        return None


def _is_on(state: State | None, threshold: float | None) -> bool | None:
    """Read one input: on/off entities directly, numbers against a threshold."""
    if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        return None
    if state.domain in ON_OFF_DOMAINS:
        return {STATE_ON: True, STATE_OFF: False}.get(state.state)
    if state.domain == "cover":
        position = state.attributes.get(ATTR_CURRENT_POSITION)
        value = float(position) if isinstance(position, int | float) else None
    else:
        value = _number(state)
    if value is None:
        return None
    return value > (threshold or 0.0)


def _stored_instant(text: str) -> datetime:
    parsed = dt_util.parse_datetime(text)
    if parsed is None:
        raise ValueError(text)
    return parsed


class DeskCoach:
    """One desk: listens to its inputs, owns its tracker, timer and storage."""

    def __init__(self, hass: HomeAssistant, entry: DeskCoachConfigEntry) -> None:
        """Prepare the desk; nothing runs until ``async_start``."""
        self.hass = hass
        self.entry = entry
        self._sources = configured_entities(entry.data)
        self._store: Store[dict[str, Any]] = Store(
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry.entry_id}"
        )
        self.tracker = DeskTracker(
            settings_from_options(entry.options), dt_util.get_default_time_zone(), dt_util.utcnow()
        )
        self.snapshot: Snapshot = self.tracker.snapshot()
        self._listeners: list[Callable[[], None]] = []
        self._unsubscribe: list[CALLBACK_TYPE] = []
        self._cancel_timer: CALLBACK_TYPE | None = None
        self.restored_from: datetime | None = None
        self._without_evidence = False  # logged once when it starts and once when it ends

    # ---- lifecycle ----------------------------------------------------------------

    async def async_start(self) -> None:
        """Restore what was counted, then follow the inputs."""
        now = dt_util.utcnow()
        stored = await self._store.async_load()
        if stored is not None:
            self.tracker = DeskTracker.from_dict(
                stored["tracker"],
                settings_from_options(self.entry.options),
                dt_util.get_default_time_zone(),
            )
            # Home Assistant was not watching since the last save: no evidence.
            self.restored_from = _stored_instant(stored["observed_until"])
            self.tracker.observe(self.restored_from, Activity.UNKNOWN)
        self._unsubscribe.append(
            async_track_state_change_event(self.hass, self._sources, self._on_input_changed)
        )
        self._unsubscribe.append(
            async_check_entities(self.hass, self.entry.entry_id, self.entry.title, self._sources)
        )
        self._observe(now)

    @callback
    def async_stop_listening(self) -> None:
        """Stop every listener and the timer (the entry is unloading)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self._cancel_timer is not None:
            self._cancel_timer()
            self._cancel_timer = None

    async def async_save_now(self) -> None:
        """Write everything counted so far (on unload)."""
        self.tracker.advance(dt_util.utcnow())
        await self._store.async_save(self._data_to_store())

    def uses_current_sources(self) -> bool:
        """Tell whether the entry still names the entities this runtime listens to."""
        return configured_entities(self.entry.data) == self._sources

    @callback
    def apply_options(self) -> None:
        """Take new options (from the options flow or the interval number) live."""
        now = dt_util.utcnow()
        self.tracker.update_settings(settings_from_options(self.entry.options), now)
        self._refresh(now, options_changed=True)

    # ---- entities -----------------------------------------------------------------

    @callback
    def async_add_listener(self, update: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``update`` whenever the answers may have changed."""
        self._listeners.append(update)

        @callback
        def remove() -> None:
            self._listeners.remove(update)

        return remove

    # ---- inputs and time ----------------------------------------------------------

    def current_activity(self) -> Activity:
        """What the inputs say right now."""
        data = self.entry.data
        threshold = data.get(CONF_PRESENCE_THRESHOLD)
        readings = [_is_on(self.hass.states.get(e), threshold) for e in presence_sources(data)]
        if any(readings):
            present: bool | None = True
        elif any(reading is False for reading in readings):
            present = False  # one source says away and none says present
        else:
            present = None
        standing = None
        if standing_entity := data.get(CONF_STANDING_ENTITY):
            standing = _is_on(self.hass.states.get(standing_entity), data.get(CONF_STANDING_HEIGHT))
        return activity_from(present, standing)

    @callback
    def _on_input_changed(self, event: Event[EventStateChangedData]) -> None:
        self._observe(dt_util.utcnow())

    @callback
    def _observe(self, now: datetime) -> None:
        activity = self.current_activity()
        if (activity is Activity.UNKNOWN) != self._without_evidence and self.hass.is_running:
            # logged once each way, and not while Home Assistant is still loading the inputs
            self._without_evidence = activity is Activity.UNKNOWN
            if self._without_evidence:
                _LOGGER.info(
                    "%s: no input tells whether someone is at the desk; not counting",
                    self.entry.title,
                )
            else:
                _LOGGER.info("%s: the desk's inputs report again", self.entry.title)
        self.tracker.observe(now, activity)
        self._refresh(now)

    @callback
    def _on_timer(self, scheduled: datetime) -> None:
        self._cancel_timer = None
        now = max(scheduled, dt_util.utcnow())
        self.tracker.advance(now)
        self._refresh(now)

    @callback
    def _refresh(self, now: datetime, *, options_changed: bool = False) -> None:
        """Publish the answers, plan the one next wake-up, and save soon."""
        snapshot = self.tracker.snapshot()
        changed = options_changed or snapshot != self.snapshot
        self.snapshot = snapshot
        if self._cancel_timer is not None:
            self._cancel_timer()
            self._cancel_timer = None
        if (wake := self.tracker.next_change()) is not None:
            self._cancel_timer = async_track_point_in_utc_time(
                self.hass, self._on_timer, max(wake, now)
            )
        if changed:
            self._store.async_delay_save(self._data_to_store, STORAGE_SAVE_DELAY)
            for update in list(self._listeners):
                update()

    def _data_to_store(self) -> dict[str, Any]:
        return {
            "tracker": self.tracker.as_dict(),
            # the inputs were watched until now; after this, no evidence
            "observed_until": dt_util.utcnow().isoformat(),
        }


async def async_remove_stored_data(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a removed desk's stored data."""
    await Store[dict[str, Any]](hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}").async_remove()
