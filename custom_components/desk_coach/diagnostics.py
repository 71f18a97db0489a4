"""Diagnostics: what a desk was told and what it counted (nothing secret is kept).

Everything goes through Home Assistant's ``async_redact_data``: the phones (mobile_app
notify services) and the notify entities a desk announces on or sends its weekly summary
to are named after people ("notify.mobile_app_annas_phone"), so they are redacted. The
routine history is summarised: how many routines ended how, and for those stopped because
something hurt only how many and the last day, not which exercise or when each was.

Reading the diagnostics changes nothing: they show the desk as it was last worked out (its
snapshot and stored state), without letting the tracker's time run on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .codec import encode_scalar
from .const import CONF_MOBILE_APPS, CONF_NOTIFY_ENTITIES, CONF_SUMMARY_TARGETS
from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .inputs import configured_entities
from .model import Snapshot
from .routine import RoutineHistory

TO_REDACT = {CONF_MOBILE_APPS, CONF_NOTIFY_ENTITIES, CONF_SUMMARY_TARGETS}


def _plain(value: Any) -> Any:
    """JSON data: times as ISO text, durations in seconds, enums by value."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return encode_scalar(value)


def snapshot_data(snapshot: Snapshot) -> dict[str, Any]:
    """The desk's last snapshot: what its entities show."""
    data: dict[str, Any] = _plain(asdict(snapshot))
    return data


def history_summary(history: RoutineHistory) -> dict[str, Any]:
    """How many routines ended how; pain stops only counted, with the last day."""
    pain = history.pain_stops()
    return {
        "count": len(history.entries),
        "outcomes": dict(Counter(entry.outcome.value for entry in history.entries)),
        "last_day": history.entries[-1].day.isoformat() if history.entries else None,
        "pain_stops": {
            "count": len(pain),
            "last_day": pain[-1].day.isoformat() if pain else None,
        },
    }


def programme_summary(coach: DeskCoordinator) -> dict[str, Any]:
    """The strength programme: on or off, its level; the pain answers only counted."""
    state = coach.programme.state
    return {
        "enabled": state.enabled,
        "paused_at": state.paused_at.isoformat() if state.paused_at else None,
        "level": coach.programme.level,
        "pain_answers": len(state.pain),
        "rising_said": state.rising_said,
    }


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: DeskCoachConfigEntry
) -> dict[str, Any]:
    """Return the desk's configuration, inputs, last snapshot and stored state."""
    coach = entry.runtime_data.coordinator
    inputs = {}
    for entity_id in configured_entities(entry.data):
        state = hass.states.get(entity_id)
        inputs[entity_id] = None if state is None else state.state
    data = {
        "entry": {"title": entry.title, "data": dict(entry.data), "options": dict(entry.options)},
        "inputs": inputs,
        "activity_now": coach.current_activity().value,
        "restored_from": coach.restored_from.isoformat() if coach.restored_from else None,
        "planned_wake": coach.timer.planned.isoformat() if coach.timer.planned else None,
        "minutes_shown": sorted(count.value for count in coach.minutes_shown),
        "quiet": {**coach.quiet.to_store(), "why": coach.quiet.reason(dt_util.utcnow())},
        "snapshot": snapshot_data(coach.snapshot),
        "tracker": coach.tracker.as_dict(),
        "routine": coach.routines.runner.as_dict(),
        "routine_history": history_summary(coach.routines.history),
        "programme": programme_summary(coach),
    }
    redacted: dict[str, Any] = async_redact_data(data, TO_REDACT)
    return redacted
