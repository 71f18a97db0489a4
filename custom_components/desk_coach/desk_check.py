"""Before a strength session: "Any sharp pain in your neck or shoulders right now?".

Where one of the desk's satellites can ask a question, a strength session waits (the
routine shows ``checking``, 60 seconds at most) until that satellite is idle, asks, and
then: "no", or no answer in time, starts it; "yes" does not: the advice is said, the
routine event fires ``not_started`` with reason ``pain``, and the history keeps it as a
pain stop, so the plan moves and the level goes down. The outcome (``no``, ``yes``,
``no_answer``, or ``not_asked`` without such a satellite or with ``check: false``) is kept
with the routine in the history.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime
import logging
from typing import TYPE_CHECKING

from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from .ask_done import asking_satellite, async_ask, sentences
from .desk_programme import Session
from .routine import Answer, Check

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

_LOGGER = logging.getLogger(__name__)

CHECK_SECONDS = 60  # the whole check: waiting for the satellite, asking, hearing
IDLE = "idle"


@dataclass(frozen=True, kw_only=True)
class Pending:
    """A strength session waiting for the pre-check's answer."""

    session: Session
    announce: bool
    since: datetime


class DeskPreCheck:
    """The pre-check of one desk's strength sessions."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nothing is being checked."""
        self.hass = hass
        self._desk = desk
        self.pending: Pending | None = None
        self._task: asyncio.Task[None] | None = None

    def satellite(self, session: Session, check: bool) -> str | None:
        """The satellite that asks before ``session`` (None: it starts at once)."""
        if not (session.strength and check):
            return None
        return asking_satellite(self.hass, self._desk.options.announce)

    def begin(self, satellite: str, session: Session, announce: bool) -> None:
        """Ask before the session starts; the answer starts it or not."""
        pending = Pending(session=session, announce=announce, since=dt_util.utcnow())
        self.pending = pending
        self._task = self._desk.entry.async_create_background_task(
            self.hass, self._async_check(satellite, pending), "desk_coach_pre_check"
        )

    def cancel(self) -> bool:
        """Drop the check (a stop, an unload); whether one was pending."""
        pending, self.pending = self.pending, None
        if self._task is not None:
            self._task.cancel()
            self._task = None
        return pending is not None

    async def _async_check(self, satellite: str, pending: Pending) -> None:
        desk = self._desk
        answer: Answer | None = None
        try:
            async with asyncio.timeout(CHECK_SECONDS):
                await self._async_until_idle(satellite)
                question = desk.messages.text("ask_pain", {})
                heard = await async_ask(
                    self.hass,
                    satellite,
                    question,
                    sentences(desk.messages.texts, "ask_pain"),
                    desk.entry.title,
                )
                answer = None if heard is None else Answer(heard)
        except TimeoutError:
            _LOGGER.debug("%s: no answer to the pre-check in time", desk.entry.title)
        if self.pending is not pending:
            return  # stopped meanwhile
        self.pending, self._task = None, None
        session = pending.session
        if answer is Answer.YES:
            desk.routines.not_started(replace(session, check=Check.YES), dt_util.utcnow())
            return
        check = Check.NO if answer is Answer.NO else Check.NO_ANSWER
        desk.routines.begin(replace(session, check=check), announce=pending.announce)

    async def _async_until_idle(self, satellite: str) -> None:
        """Wait until ``satellite`` is idle (it may still be answering the start command)."""
        state = self.hass.states.get(satellite)
        if state is None or state.state == IDLE:
            return
        idle: asyncio.Future[None] = self.hass.loop.create_future()

        @callback
        def changed(event: Event[EventStateChangedData]) -> None:
            new = event.data["new_state"]
            if (new is None or new.state == IDLE) and not idle.done():
                idle.set_result(None)

        unsubscribe = async_track_state_change_event(self.hass, [satellite], changed)
        try:
            await idle
        finally:
            unsubscribe()
