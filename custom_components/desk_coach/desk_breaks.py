"""One desk's breaks told: the event on the bus and to the event entity, the words said."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from .announce import async_listen_notification_actions
from .const import EVENT_BREAK
from .helpers import subscribe
from .meetings import Meeting
from .model import Announcement, BreakEvent, Drained, Status, Topic
from .options import AnnounceTargets
from .refusal import Refusal
from .speech import render

if TYPE_CHECKING:
    from .coordinator import DeskCoordinator

# what ends a break: its notification comes off the phone
ENDS_A_BREAK = frozenset(
    {
        BreakEvent.TAKEN,
        BreakEvent.NATURAL,
        BreakEvent.SNOOZED,
        BreakEvent.SKIPPED,
        BreakEvent.MISSED,
    }
)


def phone_tag(entry_id: str) -> str:
    """The tag of a desk's break notification: one on the phone at a time, per desk."""
    return f"desk_coach_break_{entry_id}"


class DeskBreaks:
    """Reports a desk's break events and announces its due breaks and daily limit."""

    def __init__(self, hass: HomeAssistant, desk: DeskCoordinator) -> None:
        """Nobody listens yet."""
        self.hass = hass
        self._desk = desk
        self._listeners: list[Callable[[BreakEvent, Mapping[str, str]], None]] = []
        self._on_phones = False  # a break's notification may be on the phones

    @callback
    def async_add_listener(
        self, listener: Callable[[BreakEvent, Mapping[str, str]], None]
    ) -> CALLBACK_TYPE:
        """Call ``listener`` with every break event and its details (a grade, a meeting)."""
        return subscribe(self._listeners, listener)

    @callback
    def async_listen_to_phones(self) -> CALLBACK_TYPE:
        """Take a phone notification's Done, Snooze and Skip; the returned callback stops it.

        A break due when the desk starts may have its notification on the phones still.
        """
        self._on_phones = self._desk.tracker.snapshot().status is Status.DUE
        return async_listen_notification_actions(
            self.hass,
            self._desk.entry.entry_id,
            {
                "DONE": self._on_done_action,
                "SNOOZE": self._on_snooze_action,
                "SKIP": self._on_skip_action,
            },
        )

    @callback
    def _on_done_action(self) -> None:
        # a phone's button may outlive its break: a refusal there is no error
        with suppress(Refusal):
            self._desk.take_break()

    @callback
    def _on_snooze_action(self) -> None:
        with suppress(Refusal):
            self._desk.snooze()

    @callback
    def _on_skip_action(self) -> None:
        with suppress(Refusal):
            self._desk.skip_break()

    @callback
    def report(self, event: BreakEvent, details: Mapping[str, str] | None = None) -> None:
        """Fire a break event on the bus (with ``details``) and to the event entity."""
        entry = self._desk.entry
        data = {"entry_id": entry.entry_id, "desk": entry.title, "type": event.value}
        details = details or {}
        self.hass.bus.async_fire(EVENT_BREAK, {**data, **details})
        for listener in list(self._listeners):
            listener(event, details)
        if event in ENDS_A_BREAK and self._on_phones:
            self._on_phones = False
            desk = self._desk
            desk.entry.async_create_task(
                self.hass,
                desk.announcer.async_clear_phones(desk.options.announce, phone_tag(entry.entry_id)),
                "desk_coach_clear_phones",
            )

    @callback
    def tell(self, drained: Drained, *, say: Callable[[], None], raise_warning: bool) -> None:
        """Report a refresh's break events (with their grades) and say what it announces.

        ``say``: the routine's cues of the same instant, said between the two. Several
        announcements at once (a late wake-up) are said in one message; a desk that rises
        says its warning instead of the break message.
        """
        for index, (_, event) in enumerate(drained.events):
            grade = drained.grades.get(index)
            self.report(event, None if grade is None else {"grade": grade.value})
        say()
        announcements = [a for a in drained.announcements if not a.cue]
        if len(announcements) < len(drained.announcements):
            self.cue()
        if announcements:
            breaks = [a for a in announcements if a.about is Topic.BREAK]
            limit = any(a.about is Topic.DAILY_LIMIT for a in announcements)
            due = breaks[-1] if breaks and not raise_warning else None
            self.announce(due, daily_limit=limit, raise_warning=raise_warning)

    def announce(
        self, due: Announcement | None, *, daily_limit: bool, raise_warning: bool = False
    ) -> None:
        """Announce a due break, the reached daily limit, or both in one message (a task)."""
        if due is not None or raise_warning:
            self._on_phones = bool(self._desk.options.announce.mobile_apps)
        self._desk.entry.async_create_task(
            self.hass,
            self._async_announce(due, daily_limit=daily_limit, raise_warning=raise_warning),
            "desk_coach_announce",
        )

    @callback
    def offer(self, meeting: Meeting) -> None:
        """Offer the break now, before ``meeting``: the event, and said like a due break."""
        self.report(BreakEvent.OFFERED, {"meeting_start": meeting.start.isoformat()})
        desk = self._desk
        self._on_phones = bool(desk.options.announce.mobile_apps)
        at = dt_util.as_local(meeting.start).strftime("%H:%M")
        message = desk.messages.text("meeting_offer", {"at": at})
        desk.entry.async_create_task(
            self.hass, self._async_send(message, tagged=True), "desk_coach_offer"
        )

    @callback
    def cue(self) -> None:
        """The gentle first phase: the lights and a silent phone; spoken later (a task)."""
        desk = self._desk
        targets = replace(
            desk.options.announce, media_players=(), satellites=(), notify_entities=()
        )
        self._on_phones = bool(targets.mobile_apps)
        message = desk.messages.break_due(
            Announcement(at=dt_util.utcnow(), reminder=0), desk.snapshot, desk.options
        )
        desk.entry.async_create_task(
            self.hass,
            self._async_send(message, tagged=True, targets=targets, silent=True),
            "desk_coach_cue",
        )

    @callback
    def announce_instead(self) -> None:
        """The desk could not be raised: announce the due break as usual."""
        reminder = self._desk.snapshot.reminders
        self.announce(Announcement(at=dt_util.utcnow(), reminder=reminder), daily_limit=False)

    async def async_test(self) -> dict[str, bool]:
        """Announce a test message on every channel now, quiet or not."""
        desk = self._desk
        variables = desk.messages.break_variables(desk.snapshot, 0, desk.options.snooze_minutes)
        message = render(self.hass, desk.messages.texts["announce_test"], variables) or ""
        return await self._async_send(message)

    async def _async_announce(
        self, due: Announcement | None, *, daily_limit: bool, raise_warning: bool
    ) -> None:
        """``raise_warning``: the break raises the desk; its warning is the break's message.

        Only a break gets the phone's Done and Snooze buttons.
        """
        desk = self._desk
        snapshot, snooze, messages = desk.snapshot, desk.options.snooze_minutes, desk.messages
        said = [messages.daily_limit(snapshot, snooze)] if daily_limit else []
        if due is not None:
            said.append(messages.break_due(due, snapshot, desk.options))
        if raise_warning:
            seconds = desk.stand.warning_seconds
            said.append(messages.text("desk_raise_warning", {"seconds": seconds}))
        about_break = due is not None or raise_warning
        await self._async_send(" ".join(said), with_actions=about_break, tagged=about_break)

    async def _async_send(
        self,
        message: str,
        *,
        with_actions: bool = True,
        tagged: bool = False,
        targets: AnnounceTargets | None = None,
        silent: bool = False,
    ) -> dict[str, bool]:
        """Send ``message`` to every channel.

        ``with_actions``: the phones get the break's buttons; ``tagged``: the message is the
        break's one notification (a reminder replaces it; it comes off when the break ends).
        """
        desk = self._desk
        title, actions = desk.messages.title_and_actions(desk.snapshot, desk.options.snooze_minutes)
        return await desk.announcer.async_announce(
            targets or desk.options.announce,
            message,
            title=title,
            actions=actions if with_actions else None,
            tag=phone_tag(desk.entry.entry_id) if tagged else None,
            silent=silent,
        )
