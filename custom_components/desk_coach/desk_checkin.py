"""The weekly check-in: "Neck or shoulder pain this week, from 0 to 10?".

Asked once a week on a satellite that can ask, on the weekly summary's day (Friday unless
another is set) at its time, or, if nobody sits then, as soon as someone sits that day. The
answer, or one set any time on ``number.<desk>_pain_this_week``, is kept with the
programme (``pain.py``); when the pain rises, the coach says so once.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from .ask_done import asking_satellite, async_ask, sentences
from .pain import this_week, week_of
from .weekly import next_send

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator


class DeskCheckIn:
    """Asks about the week's pain once a week and keeps every answer."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing is planned until ``plan``."""
        self.hass = hass
        self._desk = desk
        self.at: datetime | None = None  # when this week's question is due
        self._listening = False

    def plan(self, now: datetime) -> None:
        """The next time to ask; from then on, the day's first sitting asks."""
        schedule = self._desk.options.summary
        zone = dt_util.get_default_time_zone()
        self.at = dt_util.as_utc(next_send(now, schedule.weekday, schedule.at, zone))
        if not self._listening:  # a push (someone sits down) may ask on the due day
            self._listening = True
            self._desk.async_add_listener(self._on_push)

    def next_change(self, now: datetime) -> datetime | None:
        """When the desk must wake to ask (None: not before something happens)."""
        return self.at if self.at is not None and self.at > now else None

    @callback
    def _on_push(self) -> None:
        self.ask_if_due(dt_util.utcnow())

    def ask_if_due(self, now: datetime) -> None:
        """Ask now if the question is due today, unanswered, and someone sits."""
        desk, at = self._desk, self.at
        if at is None or now < at:
            return
        today, due_day = dt_util.as_local(now).date(), dt_util.as_local(at).date()
        programme = desk.programme.state
        if today != due_day or this_week(programme.pain, today) is not None:
            self.plan(now)  # the day passed, or it was answered: next week
            return
        if programme.asked_week == week_of(today):
            return
        if not desk.snapshot.sitting or desk.quiet.hushed(now) or desk.routines.runner.active:
            return  # asked when someone sits, outside meetings, pauses and routines
        satellite = asking_satellite(self.hass, desk.options.announce)
        if satellite is None:
            self.plan(now)
            return
        programme.asked_week = week_of(today)
        self.plan(now)
        desk.save_soon()
        desk.entry.async_create_background_task(
            self.hass, self._async_ask(satellite), "desk_coach_weekly_pain"
        )

    async def _async_ask(self, satellite: str) -> None:
        desk = self._desk
        question = desk.messages.text("ask_weekly_pain", {})
        answer = await async_ask(
            self.hass,
            satellite,
            question,
            sentences(desk.messages.texts, "ask_weekly_pain"),
            desk.entry.title,
        )
        if answer is not None:
            self.record(int(answer))

    def record(self, score: int) -> None:
        """Keep this week's pain (0 to 10); say once when it rises."""
        desk, now = self._desk, dt_util.utcnow()
        rises = desk.programme.state.answer_pain(dt_util.as_local(now).date(), score, now)
        desk.programme.changed()
        if rises:
            advice = desk.messages.text("pain_rising", {})
            desk.entry.async_create_task(
                self.hass, desk.routines.async_say(advice), "desk_coach_pain_rising"
            )
            persistent_notification.async_create(
                self.hass,
                advice,
                title=desk.messages.text("title", {}),
                notification_id=f"desk_coach_pain_{desk.entry.entry_id}",
            )
        desk.refresh(now, force=True)
        desk.save_soon()
