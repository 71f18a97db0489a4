"""Diagnostics: what a desk was told and what it counted (nothing secret is kept)."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .desk import DeskCoachConfigEntry, configured_entities


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: DeskCoachConfigEntry
) -> dict[str, Any]:
    """Return the desk's configuration, inputs, tracker state and routine history."""
    coach = entry.runtime_data
    coach.tracker.advance(dt_util.utcnow())
    inputs = {}
    for entity_id in configured_entities(entry.data):
        state = hass.states.get(entity_id)
        inputs[entity_id] = None if state is None else state.state
    return {
        "entry": {"title": entry.title, "data": dict(entry.data), "options": dict(entry.options)},
        "inputs": inputs,
        "activity_now": coach.current_activity().value,
        "restored_from": coach.restored_from.isoformat() if coach.restored_from else None,
        "tracker": coach.tracker.as_dict(),
        "routine": coach.runner.as_dict(),
        "routine_history": {
            "entries": coach.routine_history.as_list(),
            "pain_stops": [entry.as_dict() for entry in coach.routine_history.pain_stops()],
        },
    }
