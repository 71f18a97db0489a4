"""The standing guard: one cue to move or sit after a long unbroken stand at the desk.

Pure Python, no Home Assistant import. Standing is no cure for sitting: two hours of
standing computer work raised discomfort everywhere (Baker 2018), so a desk that can tell
standing from sitting says once, after ``after`` (45-60 minutes) of unbroken standing, that
it is time to move or sit down for a while.

A stand begins when the confirmed activity becomes standing (back-dated to when it began,
like every confirmed change) and ends when it becomes anything else: sitting down or
leaving ends it, and the next stand may cue again. The cue is due exactly ``after`` from the
stand's start. It waits while the person's own quiet holds it (the reminders are off or
paused, a meeting) and comes when that ends if the stand goes on; outside the active hours
the stand passes without one. (A routine is movement: the runtime ends the stand for it.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(kw_only=True)
class StandGuard:
    """The stand going on, and whether it had its cue."""

    start: datetime | None = None  # when the stand began; None: nobody stands
    cued: bool = False  # this stand had its cue, or passed it outside the active hours

    def stand(self, since: datetime | None) -> None:
        """The person stands since ``since`` (None: not standing); another start, another stand."""
        if since != self.start:
            self.start, self.cued = since, False

    def due(self, after: timedelta) -> datetime | None:
        """When this stand's cue is due; None: nobody stands, or the stand had its cue."""
        if self.start is None or self.cued:
            return None
        return self.start + after

    def cue(self, now: datetime, after: timedelta, *, held: bool, active: bool) -> bool:
        """Whether to give the cue now (noted: it comes once per stand).

        ``held``: the person hushed the desk (``DeskQuiet.hushed``): the cue waits.
        ``active``: within the active hours; outside them the stand passes without a cue.
        """
        due = self.due(after)
        if due is None or now < due or (held and active):
            return False
        self.cued = True
        return active
