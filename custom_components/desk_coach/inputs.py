"""Home Assistant states in, the desk's readings out: at the desk, standing, a height.

The one place that reads the desk's inputs and the one number parser: a number is a
finite float; "nan", "inf", text, unknown and unavailable are no reading (no evidence).
"""

from __future__ import annotations

from collections.abc import Mapping
import logging
from typing import Any

from homeassistant.components.cover import ATTR_CURRENT_POSITION
from homeassistant.const import STATE_OFF, STATE_ON, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant, State

from .const import (
    CONF_EXTRA_PRESENCE_ENTITIES,
    CONF_PRESENCE_ENTITY,
    CONF_PRESENCE_THRESHOLD,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    ON_OFF_DOMAINS,
)
from .model import Activity, Grade, activity_from
from .options import as_number

_LOGGER = logging.getLogger(__name__)


def presence_sources(data: Mapping[str, Any]) -> list[str]:
    """Every entity that can tell the person is at the desk, main one first."""
    return [data[CONF_PRESENCE_ENTITY], *data.get(CONF_EXTRA_PRESENCE_ENTITIES, [])]


def configured_entities(data: Mapping[str, Any]) -> list[str]:
    """Every entity the desk reads."""
    standing = data.get(CONF_STANDING_ENTITY)
    return presence_sources(data) + ([standing] if standing else [])


def standing_grade(data: Mapping[str, Any]) -> Grade:
    """What the desk's standing input proves: a mat or sensor ``stood``, its height less."""
    standing = data.get(CONF_STANDING_ENTITY)
    if standing and standing.split(".")[0] not in ON_OFF_DOMAINS:
        return Grade.DESK_ONLY
    return Grade.STOOD


def step_count(state: State | None) -> float | None:
    """A step sensor's count: a finite number, not negative (None: no reading)."""
    if state is None:
        return None
    count = as_number(state.state)
    return count if count is not None and count >= 0 else None


def reading(state: State | None, threshold: float | None) -> bool | None:
    """One input: on/off entities directly, numbers against a threshold; None: no evidence."""
    if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        return None
    if state.domain in ON_OFF_DOMAINS:
        return {STATE_ON: True, STATE_OFF: False}.get(state.state)
    if state.domain == "cover":
        value = as_number(state.attributes.get(ATTR_CURRENT_POSITION))
    else:
        value = as_number(state.state)
    if value is None:
        return None
    return value > (threshold or 0.0)


def read_activity(hass: HomeAssistant, data: Mapping[str, Any]) -> Activity:
    """What a desk's inputs (its config entry's data) say right now."""
    threshold = data.get(CONF_PRESENCE_THRESHOLD)
    readings = [reading(hass.states.get(e), threshold) for e in presence_sources(data)]
    if any(readings):
        present: bool | None = True
    elif any(found is False for found in readings):
        present = False  # one source says away and none says present
    else:
        present = None
    standing = None
    if standing_entity := data.get(CONF_STANDING_ENTITY):
        standing = reading(hass.states.get(standing_entity), data.get(CONF_STANDING_HEIGHT))
    return activity_from(present, standing)


class EvidenceLog:
    """Logs, once each way, when no input of a desk tells whether someone is there."""

    def __init__(self, hass: HomeAssistant, desk: str) -> None:
        """Nothing logged yet: the inputs are taken to report."""
        self.hass = hass
        self._desk = desk
        self._without = False

    def saw(self, activity: Activity) -> None:
        """Log a change between evidence and none (not while Home Assistant loads)."""
        if (activity is Activity.UNKNOWN) == self._without or not self.hass.is_running:
            return
        self._without = activity is Activity.UNKNOWN
        if self._without:
            _LOGGER.info(
                "%s: no input tells whether someone is at the desk; not counting", self._desk
            )
        else:
            _LOGGER.info("%s: the desk's inputs report again", self._desk)
