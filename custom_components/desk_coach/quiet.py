"""Whether a do-not-disturb entity is on (the active hours are ``options.QuietHours``)."""

from __future__ import annotations

from collections.abc import Iterable

from homeassistant.const import STATE_ON
from homeassistant.core import HomeAssistant

# a calendar's attribute, true while its current event lasts whole days
ATTR_ALL_DAY = "all_day"


def in_meeting(hass: HomeAssistant, entity_ids: Iterable[str], timed: bool = False) -> bool:
    """Tell whether a do-not-disturb entity is on (a calendar is on during an event).

    An all-day event (a holiday, a conference, "working from home") is no meeting: it
    would keep a whole day quiet. A calendar's state shows one event, so an all-day one
    hides a timed meeting under it: ``timed`` tells one is in progress (read with
    ``calendar.get_events``, ``desk_meetings.py``).
    """
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        if state is None or state.state != STATE_ON:
            continue
        if timed or not state.attributes.get(ATTR_ALL_DAY):
            return True
    return False
