"""One desk's weekly summary: when it goes out, what it says, where it is sent."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .desk_checkin import DeskCheckIn
from .options import AnnounceTargets
from .pain import this_week, trend
from .weekly import next_send, summary_variables, weekly_summary

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskWeeklySummary:
    """Plans the next weekly summary and sends it when the desk's timer reaches it."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing is planned until ``plan``."""
        self.hass = hass
        self._desk = desk
        self.at: datetime | None = None  # when the next one goes out; None: no target
        self.checkin = DeskCheckIn(hass, desk)  # the weekly pain question, on the same day

    def plan(self, now: datetime) -> None:
        """When the next weekly summary goes out (None while no target is chosen)."""
        self.checkin.plan(now)
        summary = self._desk.options.summary
        if not summary.targets:
            self.at = None
            return
        local = next_send(now, summary.weekday, summary.at, dt_util.get_default_time_zone())
        self.at = dt_util.as_utc(local)

    def next_change(self, now: datetime) -> datetime | None:
        """When the summary goes out or the weekly question is due, whichever is first."""
        times = [t for t in (self.at, self.checkin.next_change(now)) if t is not None]
        return min(times, default=None)

    def send_if_due(self, now: datetime) -> None:
        """Send the summary when its time has come, and plan the next a week later."""
        self.checkin.ask_if_due(now)
        if self.at is None or now < self.at:
            return
        message = self.message(now)
        self.plan(now)
        self._desk.entry.async_create_task(
            self.hass, self._async_send(message), "desk_coach_weekly_summary"
        )

    def message(self, now: datetime) -> str:
        """The week up to today (so far) beside the week before, in words."""
        desk = self._desk
        today = dt_util.as_local(now).date()
        days = {**desk.tracker.history, today: desk.tracker.snapshot().today}
        summary = weekly_summary(days, desk.routines.history.strength_days(), today)
        answers = desk.programme.state.pain
        pain = {
            "week": this_week(answers, today),
            "before": this_week(answers, today - timedelta(days=7)),
            "trend": trend(answers),
        }
        return desk.messages.text("weekly_summary", {**summary_variables(summary), "pain": pain})

    async def _async_send(self, message: str) -> None:
        desk = self._desk
        targets = AnnounceTargets(notify_entities=desk.options.summary.targets)
        title = desk.messages.text("weekly_summary_title", {})
        await desk.announcer.async_announce(targets, message, title=title)
