"""The debug log of a desk's decisions: what a user would ask about, never a minute passing.

A break falling due, announced (the announcer says on which channels) or held and why,
a snooze, a taken, natural, skipped or missed break, quiet beginning and ending, a sitting
stretch beginning and ending. Called on every refresh of the desk, so it does nothing
unless debug logging is on, and logs nothing when only time passed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
import logging

from homeassistant.util import dt as dt_util

from .model import Announcement, BreakEvent, Snapshot, Topic

_LOGGER = logging.getLogger(__name__)


def _clock(instant: datetime) -> str:
    """A local time for the log."""
    return dt_util.as_local(instant).isoformat(timespec="seconds")


def _event_words(event: BreakEvent, snapshot: Snapshot) -> str:
    """A break event in words."""
    if event is BreakEvent.DUE:
        minutes = int(snapshot.sitting_time.total_seconds() // 60)
        return f"a break is due after {minutes} min of sitting"
    if event is BreakEvent.SNOOZED and snapshot.snoozed_until is not None:
        return f"the break is snoozed until {_clock(snapshot.snoozed_until)}"
    return {
        BreakEvent.TAKEN: "the due break was taken",
        BreakEvent.NATURAL: "a natural break (taken before one was due)",
        BreakEvent.SKIPPED: "the break was skipped",
        BreakEvent.MISSED: "the break counts as missed: nobody reacted to its reminders",
        BreakEvent.DAILY_LIMIT: "sitting today reached the daily limit",
    }.get(event, f"break event {event.value}")


def _log_stretch(desk: str, previous: Snapshot, snapshot: Snapshot) -> None:
    if previous.stretch_start == snapshot.stretch_start:
        return
    if previous.stretch_start is not None:
        _LOGGER.debug(
            "%s: the sitting stretch that began at %s ended (%d min of sitting)",
            desk,
            _clock(previous.stretch_start),
            previous.sitting_time.total_seconds() // 60,
        )
    if snapshot.stretch_start is not None:
        _LOGGER.debug("%s: a sitting stretch began at %s", desk, _clock(snapshot.stretch_start))


def log_decisions(
    desk: str,
    previous: Snapshot,
    snapshot: Snapshot,
    events: list[tuple[datetime, BreakEvent]],
    announcements: list[Announcement],
    *,
    why_quiet: Callable[[], str | None],
    routine: bool,
    has_channel: Callable[[], bool],
) -> None:
    """Log what changed from ``previous`` to ``snapshot`` and what the tracker reported.

    ``why_quiet``: why nothing is announced now (None: announcing is on); asked only when
    needed. ``routine``: a routine runs. ``has_channel``: whether a due break reaches
    someone (asked only when a break is announced).
    """
    if not _LOGGER.isEnabledFor(logging.DEBUG):
        return
    if previous.quiet != snapshot.quiet:
        _LOGGER.debug("%s: quiet: %s", desk, (snapshot.quiet and why_quiet()) or "over")
    _log_stretch(desk, previous, snapshot)
    for _, event in events:
        _LOGGER.debug("%s: %s", desk, _event_words(event, snapshot))
    breaks = [a for a in announcements if a.about is Topic.BREAK]
    for announcement in breaks:
        if has_channel():
            _LOGGER.debug("%s: announcing the break (call %d)", desk, announcement.reminder + 1)
        else:
            _LOGGER.debug("%s: the break is held: no announcement channel is set", desk)
    if any(a.about is Topic.DAILY_LIMIT for a in announcements):
        _LOGGER.debug("%s: announcing the reached daily limit", desk)
    if not breaks and any(event is BreakEvent.DUE for _, event in events):
        held = "a routine is running" if routine else why_quiet()
        _LOGGER.debug("%s: the due break is held: %s", desk, held or "quiet")
