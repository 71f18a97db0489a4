"""When the coach stays quiet: outside active hours, on other days, in a meeting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, time, timedelta
from typing import Any

from homeassistant.const import STATE_ON
from homeassistant.core import HomeAssistant

from .const import (
    CONF_ACTIVE_DAYS,
    CONF_ACTIVE_FROM,
    CONF_ACTIVE_UNTIL,
    CONF_DND_ENTITIES,
    DEFAULT_ACTIVE_DAYS,
    DEFAULT_ACTIVE_FROM,
    DEFAULT_ACTIVE_UNTIL,
    WEEKDAYS,
)


def _window(options: Mapping[str, Any]) -> tuple[time, time, set[int]]:
    start = time.fromisoformat(options.get(CONF_ACTIVE_FROM, DEFAULT_ACTIVE_FROM))
    end = time.fromisoformat(options.get(CONF_ACTIVE_UNTIL, DEFAULT_ACTIVE_UNTIL))
    days = {WEEKDAYS.index(day) for day in options.get(CONF_ACTIVE_DAYS, DEFAULT_ACTIVE_DAYS)}
    return start, end, days


def within_active_hours(local: datetime, options: Mapping[str, Any]) -> bool:
    """Tell whether a local time lies in the active hours of an active day.

    A window whose end is not after its start runs past midnight (22:00-06:00); it
    belongs to the day it starts on.
    """
    start, end, days = _window(options)
    clock = local.time().replace(tzinfo=None)
    if start < end:
        return local.weekday() in days and start <= clock < end
    if clock >= start:
        return local.weekday() in days
    return clock < end and (local.weekday() - 1) % 7 in days


def next_boundary(local: datetime, options: Mapping[str, Any]) -> datetime:
    """The next local instant where the active hours begin or end."""
    start, end, _ = _window(options)
    candidates = []
    for offset in range(2):
        day = local.date() + timedelta(days=offset)
        for moment in (start, end):
            candidate = datetime.combine(day, moment, tzinfo=local.tzinfo)
            if candidate > local:
                candidates.append(candidate)
    return min(candidates)


def in_meeting(hass: HomeAssistant, entity_ids: Iterable[str]) -> bool:
    """Tell whether a do-not-disturb entity is on (a calendar is on during an event)."""
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        if state is not None and state.state == STATE_ON:
            return True
    return False


def dnd_entities(options: Mapping[str, Any]) -> list[str]:
    """The do-not-disturb entities chosen in the options."""
    return list(options.get(CONF_DND_ENTITIES, []))
