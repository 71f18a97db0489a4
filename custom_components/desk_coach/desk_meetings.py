"""One desk's breaks planned around meetings: the calendars read, a break offered before one.

The rule is ``meetings.py``'s. The calendars are those chosen as do-not-disturb entities
(Quiet times). They are read with ``calendar.get_events`` only while someone sits, at most
every 5 minutes, and again when a calendar changes; the desk's one timer wakes for the next
read and for the instant an offer may come due.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
import logging
from typing import TYPE_CHECKING, Any

from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util

from .meetings import LOOK_AHEAD, Meeting, meeting_to_offer, next_look, next_offer_check
from .model import Snapshot, Status
from .options import CALENDAR_DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .coordinator import DeskCoordinator

_LOGGER = logging.getLogger(__name__)
# a break may be offered only while the person sits with no break due or running
_OFFER_WHILE = frozenset({Status.SITTING, Status.SNOOZED})


def meetings_from(response: Mapping[str, Any]) -> tuple[Meeting, ...]:
    """The events ``calendar.get_events`` answered, for every calendar read."""
    found = []
    for answer in response.values():
        for event in answer.get("events", ()) if isinstance(answer, Mapping) else ():
            start, end = (
                dt_util.parse_datetime(event["start"]),
                dt_util.parse_datetime(event["end"]),
            )
            if start is None or end is None or start.tzinfo is None or end.tzinfo is None:
                continue  # a date alone: an all-day event, no meeting
            found.append(Meeting(start=start, end=end, summary=str(event.get("summary", ""))))
    return tuple(found)


class DeskMeetings:
    """Reads a desk's calendars while someone sits and offers a break before a meeting."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing read yet."""
        self.hass = hass
        self._desk = desk
        self._looked: datetime | None = None  # when the calendars were last read
        self._meetings: tuple[Meeting, ...] = ()
        self._offered: frozenset[datetime] = frozenset()  # the meetings offered before

    @property
    def calendars(self) -> tuple[str, ...]:
        """The calendars chosen under Quiet times (parsed with the options)."""
        return self._desk.options.quiet.calendars

    def changed(self, entity_id: str) -> None:
        """An input changed; a calendar that did is read again at the next refresh."""
        if entity_id in self.calendars:
            self._looked = None

    def in_progress(self, now: datetime) -> bool:
        """Whether a timed meeting read is in progress (all-day events are none)."""
        return any(meeting.start <= now < meeting.end for meeting in self._meetings)

    def next_change(self, now: datetime, snapshot: Snapshot) -> datetime | None:
        """The next calendar read, offer check, or start or end of a meeting read.

        The meetings' edges: an all-day event's state hides them from quiet times.
        """
        if not self.calendars or not snapshot.sitting:
            return None
        wakes = [
            *(edge for m in self._meetings for edge in (m.start, m.end) if edge > now),
            next_look(now, self._looked, sitting=True),
            next_offer_check(
                now,
                sitting_since=snapshot.stretch_start,
                meetings=self._meetings,
                offered=self._offered,
            ),
        ]
        return min(wake for wake in wakes if wake is not None)

    def update(self, now: datetime, snapshot: Snapshot) -> None:
        """Read the calendars when it is time, and offer a break when one is due."""
        if not self.calendars or not snapshot.sitting:
            self._looked = None  # nobody sits: nothing read, and read at once on return
            return
        if self._offered:  # only meetings still to come need remembering
            self._offered = frozenset(start for start in self._offered if start > now)
        if next_look(now, self._looked, sitting=True) == now:
            self._looked = now
            self._desk.entry.async_create_task(
                self.hass, self._async_read(), "desk_coach_read_calendars"
            )
            return
        self._offer(now, snapshot)

    async def _async_read(self) -> None:
        try:
            response = await self.hass.services.async_call(
                CALENDAR_DOMAIN,
                "get_events",
                {"entity_id": list(self.calendars), "duration": {"seconds": LOOK_AHEAD.seconds}},
                blocking=True,
                return_response=True,
            )
        except HomeAssistantError as err:
            _LOGGER.debug("%s: the calendars could not be read: %s", self._desk.entry.title, err)
            return
        self._meetings = meetings_from(response or {})
        self._offer(dt_util.utcnow(), self._desk.snapshot)
        self._desk.timer.plan(dt_util.utcnow())

    def _offer(self, now: datetime, snapshot: Snapshot) -> None:
        if (
            not self._meetings
            or snapshot.status not in _OFFER_WHILE
            or self._desk.quiet.reason(now) is not None
        ):
            return
        meeting = meeting_to_offer(
            now,
            sitting_since=snapshot.stretch_start,
            next_break=snapshot.next_break,
            meetings=self._meetings,
            offered=self._offered,
        )
        if meeting is not None:
            self._offered |= {meeting.start}
            self._desk.breaks.offer(meeting)
