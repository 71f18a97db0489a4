"""Breaks planned around meetings: when to look at the calendars, and when to offer a break.

Plain Python like the model. While someone sits, the desk looks 45 minutes ahead in the
calendars chosen under Quiet times, at most every 5 minutes (and again when a calendar
changes); nobody sitting, it does not look at all. When a meeting of 30 minutes or more
starts within 10 minutes, the next break would fall due during it, and the person has sat
for 15 minutes or more, the break is offered now, once per meeting: a break held through a
meeting helps nobody. All-day events are no meetings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

LOOK_AHEAD = timedelta(minutes=45)  # how far the calendars are read
LOOK_EVERY = timedelta(minutes=5)  # how often, at most, while someone sits
OFFER_LEAD = timedelta(minutes=10)  # a meeting starting this soon gets the offer
SHORTEST_MEETING = timedelta(minutes=30)
SAT_AT_LEAST = timedelta(minutes=15)  # sooner, a break is not worth offering yet


@dataclass(frozen=True, kw_only=True)
class Meeting:
    """An event of a calendar (aware instants; an all-day event has ``all_day``)."""

    start: datetime
    end: datetime
    summary: str = ""
    all_day: bool = False

    @property
    def long_enough(self) -> bool:
        """A meeting worth planning around: timed, and 30 minutes or more."""
        return not self.all_day and self.end - self.start >= SHORTEST_MEETING


def next_look(now: datetime, looked: datetime | None, *, sitting: bool) -> datetime | None:
    """When to read the calendars next (None: not while nobody sits).

    Now when they were never read, else 5 minutes after the last read.
    """
    if not sitting:
        return None
    return now if looked is None else max(now, looked + LOOK_EVERY)


def meeting_to_offer(
    now: datetime,
    *,
    sitting_since: datetime | None,
    next_break: datetime | None,
    meetings: Iterable[Meeting],
    offered: frozenset[datetime],
) -> Meeting | None:
    """The meeting to offer the break before, now; None: no offer.

    ``offered``: the starts of the meetings already offered (each gets one offer).
    """
    if sitting_since is None or next_break is None or now - sitting_since < SAT_AT_LEAST:
        return None
    for meeting in sorted(meetings, key=lambda meeting: meeting.start):
        if (
            meeting.long_enough
            and meeting.start not in offered
            and now < meeting.start <= now + OFFER_LEAD
            and meeting.start <= next_break < meeting.end
        ):
            return meeting
    return None


def next_offer_check(
    now: datetime,
    *,
    sitting_since: datetime | None,
    meetings: Iterable[Meeting],
    offered: frozenset[datetime],
) -> datetime | None:
    """The next instant an offer may become due with nothing else changing (None: none).

    That is when the person will have sat 15 minutes, or when a meeting comes within 10
    minutes; the desk wakes then, not every minute.
    """
    if sitting_since is None:
        return None
    moments = [sitting_since + SAT_AT_LEAST] + [
        meeting.start - OFFER_LEAD
        for meeting in meetings
        if meeting.long_enough and meeting.start not in offered
    ]
    later = [moment for moment in moments if moment > now]
    return min(later, default=None)
