"""The runtime of one desk: Home Assistant states in, tracker answers out to entities."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, timedelta
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.event import (
    async_track_point_in_utc_time,
    async_track_state_change_event,
)
from homeassistant.util import dt as dt_util

from .announce import Announcer, async_listen_notification_actions
from .catalog import async_catalog
from .const import (
    CONF_STANDING_ENTITY,
)
from .decision_log import log_decisions
from .desk_breaks import DeskBreaks
from .desk_quiet import DeskQuiet
from .desk_routines import DeskRoutines, subscribe
from .desk_summary import DeskWeeklySummary
from .entity_check import DeskEntityCheck
from .exercises import Library, LibraryTexts
from .inputs import configured_entities, read_activity
from .messages import Messages
from .model import (
    Activity,
    Announcement,
    BreakEvent,
    DeskTracker,
    MinuteCount,
    Snapshot,
    Topic,
)
from .options import AnnounceTargets, DeskOptions
from .refusal import Refusal
from .standing_desk import StandingDesk
from .storage import DeskStore

_LOGGER = logging.getLogger(__name__)

type DeskCoachConfigEntry = ConfigEntry[DeskCoach]


def _local_day(instant: datetime) -> date:
    return dt_util.as_local(instant).date()


def _stored_instant(text: str) -> datetime:
    parsed = dt_util.parse_datetime(text)
    if parsed is None:
        raise ValueError(text)
    return parsed


class DeskCoach:
    """One desk: listens to its inputs, owns its tracker, timer and storage."""

    def __init__(self, hass: HomeAssistant, entry: DeskCoachConfigEntry) -> None:
        """Prepare the desk; nothing runs until ``async_start``."""
        self.hass = hass
        self.entry = entry
        self._sources = configured_entities(entry.data)
        self.options = DeskOptions.from_options(entry.options)
        self.entity_check = DeskEntityCheck(hass, entry, lambda: self.has_announce_channel)
        self._store = DeskStore(hass, entry.entry_id)
        self.tracker = DeskTracker(
            self.options.tracking, dt_util.get_default_time_zone(), dt_util.utcnow()
        )
        self.snapshot: Snapshot = self.tracker.snapshot()
        self._listeners: list[Callable[[], None]] = []
        # the entities that show a sitting count: all a minute passing can change
        self._minute_listeners: list[Callable[[], None]] = []
        self._shown: Counter[MinuteCount] = Counter()  # minute counts entities display
        self._wake_at: datetime | None = None
        self._unsubscribe: list[CALLBACK_TYPE] = []
        self._cancel_timer: CALLBACK_TYPE | None = None
        self.restored_from: datetime | None = None
        self._without_evidence = False  # logged once when it starts and once when it ends
        self.reminders_on = True
        self.announcer = Announcer(hass, entry.entry_id, entry.title)
        # the options a broken message template was last warned about: once per change
        self.messages: Messages
        self.library: Library
        self.library_texts: LibraryTexts
        self.routines = DeskRoutines(hass, self)
        self.breaks = DeskBreaks(hass, self)
        self.quiet = DeskQuiet(hass, self, self._on_input_changed)
        self.summary = DeskWeeklySummary(hass, self)
        self.stand = StandingDesk(
            hass,
            entry,
            inputs=self.current_activity,
            announce_break=self.breaks.announce_instead,
            report=self.breaks.report,
            refresh=lambda: self.refresh(dt_util.utcnow(), force=True),
        )

    # ---- lifecycle ----------------------------------------------------------------

    async def async_start(self) -> None:
        """Restore what was counted, then follow the inputs."""
        now = dt_util.utcnow()
        # damaged parts start fresh; a newer major version refuses the setup
        stored = await self._store.async_load_desk(self.entry.title)
        if stored is not None:
            self.tracker = DeskTracker.from_dict(
                stored["tracker"],
                self.options.tracking,
                dt_util.get_default_time_zone(),
            )
            # Home Assistant was not watching since the last save: no evidence.
            self.restored_from = _stored_instant(stored["observed_until"])
            self.tracker.observe(self.restored_from, Activity.UNKNOWN)
            self.reminders_on = bool(stored.get("reminders_on", True))
            self.tracker.drain()  # what happened before the restart was reported then
            self.routines.restore(stored)
        catalog = await async_catalog(self.hass)
        self.library = catalog.library
        self.library_texts = await catalog.async_library_texts(self.hass)
        self.messages = Messages(
            self.hass,
            self.entry.title,
            await catalog.async_speech(self.hass),
            self.library,
            self.library_texts,
        )
        restored, running = self.restored_from, self.routines.runner.active
        if restored is not None and running and (told := self.routines.end_at_restart(restored)):
            self._unsubscribe.append(told)
        self._unsubscribe.append(
            async_track_state_change_event(self.hass, self._sources, self._on_input_changed)
        )
        self._unsubscribe.append(self.entity_check.async_start())
        self.quiet.listen()
        self._unsubscribe.append(
            async_listen_notification_actions(
                self.hass,
                self.entry.entry_id,
                {"DONE": self._on_done_action, "SNOOZE": self._on_snooze_action},
            )
        )
        self._unsubscribe.append(self.announcer.async_shutdown)
        self.summary.plan(now)
        self._observe(now)

    @callback
    def async_stop_listening(self) -> None:
        """Stop every listener and the timer (the entry is unloading)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.quiet.stop()
        self.stand.stop()
        if self._cancel_timer is not None:
            self._cancel_timer()
            self._cancel_timer = None
            self._wake_at = None

    async def async_save_now(self) -> None:
        """Stop a running routine and write everything counted so far (on unload)."""
        now = dt_util.utcnow()
        self.routines.interrupt(now)  # nothing is said while the desk unloads
        self.tracker.advance(now)
        await self._store.async_save(self._data_to_store())

    def uses_current_sources(self) -> bool:
        """Tell whether the entry still names the inputs this runtime reads.

        Only Reconfigure (or a renamed input) changes them; options never need a reload.
        """
        return configured_entities(self.entry.data) == self._sources

    @property
    def announce_targets(self) -> AnnounceTargets:
        """Where and how breaks are announced (from the options)."""
        return self.options.announce

    @property
    def has_announce_channel(self) -> bool:
        """Whether a due break reaches anyone: a channel, or the desk rising."""
        return bool(self.announce_targets.channels) or self.stand.raising

    @property
    def snooze_minutes(self) -> int:
        """The snooze length buttons and notifications use."""
        return self.options.snooze_minutes

    @property
    def has_standing_input(self) -> bool:
        """Whether the desk can tell standing from sitting."""
        return bool(self.entry.data.get(CONF_STANDING_ENTITY))

    @property
    def planned_wake(self) -> datetime | None:
        """When the desk's one timer fires next (None: none planned); for diagnostics."""
        return self._wake_at

    @property
    def minutes_shown(self) -> frozenset[MinuteCount]:
        """The counts some entity shows to the minute: all a minute passing wakes the desk for."""
        return frozenset(count for count, listeners in self._shown.items() if listeners)

    @property
    def streak(self) -> int:
        """Consecutive workdays meeting the compliance target (the model's ``streak``)."""
        target = self.options.streak_target
        return self.tracker.streak(target)

    # ---- commands -----------------------------------------------------------------

    @callback
    def take_break(self) -> None:
        """The user took a break (button, service, notification, voice)."""
        self.command(self.tracker.take_break)

    @callback
    def snooze(self, minutes: int | None = None) -> None:
        """Move the next break ``minutes`` (default: the option) from now."""
        length = timedelta(minutes=minutes or self.snooze_minutes)
        self.command(lambda now: self.tracker.snooze(now, length))

    @callback
    def skip_break(self) -> None:
        """Skip the due break."""
        self.command(self.tracker.skip)

    @callback
    def set_reminders(self, on: bool) -> None:
        """Switch announcing on or off; the tracking goes on."""
        self.reminders_on = on
        self.refresh(dt_util.utcnow(), force=True)

    @callback
    def set_vacation(self, on: bool) -> None:
        """Pause the streak (kept with the tracker, so across restarts)."""
        now = dt_util.utcnow()
        self.tracker.set_vacation(now, on)
        self.refresh(now, force=True)

    def command(self, command: Callable[[datetime], None]) -> None:
        """Run a tracker or routine command; its refusal is raised naming the desk."""
        now = dt_util.utcnow()
        try:
            command(now)
        except Refusal as refusal:
            self.refresh(now)
            raise refusal.with_placeholders(desk=self.entry.title) from None
        self.refresh(now, force=True)

    @callback
    def _on_done_action(self) -> None:
        # a phone's button may outlive its break: a refusal there is no error
        with suppress(Refusal):
            self.take_break()

    @callback
    def _on_snooze_action(self) -> None:
        with suppress(Refusal):
            self.snooze()

    @callback
    def apply_options(self) -> None:
        """Take new options (from the options flow or the interval number) live."""
        now = dt_util.utcnow()
        before, self.options = self.options, DeskOptions.from_options(self.entry.options)
        self.quiet.options_changed(before)
        self.summary.plan(now)
        self.tracker.update_settings(self.options.tracking, now)
        self.entity_check.async_options_changed()
        self.refresh(now, force=True)

    # ---- entities -----------------------------------------------------------------

    @callback
    def async_add_listener(
        self,
        update: Callable[[], None],
        shows: MinuteCount | tuple[MinuteCount, ...] | None = None,
    ) -> CALLBACK_TYPE:
        """Call ``update`` whenever the answers may have changed.

        ``shows``: the counts the listener displays to the minute; the desk wakes at
        those counts' minutes only while someone shows them.
        """
        counts = (shows,) if isinstance(shows, MinuteCount) else shows or ()
        if not counts:
            return subscribe(self._listeners, update)
        unsubscribe = subscribe(self._minute_listeners, update)
        self._shown.update(counts)
        if any(self._shown[count] == 1 for count in counts) and self._unsubscribe:
            self._plan_wake(dt_util.utcnow())  # started: wake for it too

        @callback
        def remove() -> None:
            unsubscribe()
            self._shown.subtract(counts)

        return remove

    # ---- inputs and time ----------------------------------------------------------

    def current_activity(self) -> Activity:
        """What the inputs say right now."""
        return read_activity(self.hass, self.entry.data)

    @callback
    def _on_input_changed(self, event: Event[EventStateChangedData]) -> None:
        now = dt_util.utcnow()
        self._unwatched_since(self._wake_at, now)
        self._observe(now)

    def _unwatched_since(self, planned: datetime | None, now: datetime) -> bool:
        """Tell the tracker when the desk wakes later than planned by more than away_reset.

        The clock jumped forward, the host slept or the event loop was blocked: the time
        since the planned wake-up is no evidence, as a restart's downtime is.
        """
        if planned is None or now - planned <= self.tracker.settings.away_reset:
            return False
        _LOGGER.info(
            "%s: woke %s later than planned (the clock jumped or the host slept); "
            "that time is not counted",
            self.entry.title,
            now - planned,
        )
        self.tracker.unobserved(planned, now)
        return True

    @callback
    def _observe(self, now: datetime) -> None:
        activity = self.current_activity()
        if (activity is Activity.UNKNOWN) != self._without_evidence and self.hass.is_running:
            # logged once each way, and not while Home Assistant is still loading the inputs
            self._without_evidence = activity is Activity.UNKNOWN
            if self._without_evidence:
                _LOGGER.info(
                    "%s: no input tells whether someone is at the desk; not counting",
                    self.entry.title,
                )
            else:
                _LOGGER.info("%s: the desk's inputs report again", self.entry.title)
        self.tracker.observe(now, activity)
        self.refresh(now)

    @callback
    def _on_timer(self, scheduled: datetime) -> None:
        self._cancel_timer = None
        self._wake_at = None
        now = max(scheduled, dt_util.utcnow())
        if self._unwatched_since(scheduled, now):
            self.tracker.observe(now, self.current_activity())
        self.tracker.advance(now)
        self.summary.send_if_due(now)
        self.refresh(now)

    @callback
    def refresh(self, now: datetime, *, force: bool = False) -> None:
        """Publish the answers, plan the one next wake-up, and save soon."""
        routines = self.routines
        notices, cues = routines.advance(now)
        self.tracker.set_routine(now, routines.runner.active)
        self.tracker.set_quiet(now, self.quiet.reason(now) is not None)
        events, announcements = self.tracker.drain()
        snapshot = self.tracker.snapshot()
        self._log_decisions(now, snapshot, events, announcements)
        stand_changed, raise_warning = self.stand.update(
            now,
            snapshot,
            routine=routines.runner.active,
            announced=any(a.about is Topic.BREAK for a in announcements),
        )
        force = routines.changed(now) or force or stand_changed
        # force: a setting or a command; a new day changes what the history says
        new_day = _local_day(snapshot.as_of) != _local_day(self.snapshot.as_of)
        changed = force or bool(notices) or new_day or snapshot != self.snapshot
        happened = (
            force
            or bool(notices)
            or bool(events)
            or new_day
            or not snapshot.same_but_time(self.snapshot)
        )
        self.snapshot = snapshot
        self._plan_wake(now)
        if changed or events:
            self._store.save_soon(now, self._data_to_store, happened=happened)
            for update in list(self._minute_listeners):
                update()
            # when only time passed, nothing but the sitting counts can show anything new
            if happened or routines.runner.active:
                for update in list(self._listeners):
                    update()
        for _, event in events:
            self.breaks.report(event)
        routines.say_cues(cues)  # said at the same instant: one message
        if announcements:  # several at once (a late wake-up): one message says it all
            breaks = [a for a in announcements if a.about is Topic.BREAK]
            limit = any(a.about is Topic.DAILY_LIMIT for a in announcements)
            # raising the desk: its warning is said instead of the break message
            due = breaks[-1] if breaks and not raise_warning else None
            self.breaks.announce(due, daily_limit=limit, raise_warning=raise_warning)

    def _log_decisions(
        self,
        now: datetime,
        snapshot: Snapshot,
        events: list[tuple[datetime, BreakEvent]],
        announcements: list[Announcement],
    ) -> None:
        """Log what this refresh decided, at debug level (see decision_log.py)."""
        log_decisions(
            self.entry.title,
            self.snapshot,
            snapshot,
            events,
            announcements,
            why_quiet=lambda: self.quiet.reason(now),
            routine=self.routines.runner.active,
            has_channel=lambda: self.has_announce_channel,
        )

    def _plan_wake(self, now: datetime) -> None:
        """Set the one timer to the next change; it moves only when that does."""
        shown = self.minutes_shown
        wake = max(
            now,
            min(
                self.tracker.next_change(shown),
                self.routines.next_change() or now + timedelta(days=1),
                self.stand.next_change() or now + timedelta(days=1),
                self.quiet.next_boundary(now),
                self.summary.at or now + timedelta(days=1),
            ),
        )
        if wake != self._wake_at:
            if self._cancel_timer is not None:
                self._cancel_timer()
            self._wake_at = wake
            self._cancel_timer = async_track_point_in_utc_time(self.hass, self._on_timer, wake)

    def save_soon(self) -> None:
        """Something worth keeping happened outside a refresh: write it soon."""
        self._store.save_soon(dt_util.utcnow(), self._data_to_store, happened=True)

    def _data_to_store(self) -> dict[str, Any]:
        return {
            "reminders_on": self.reminders_on,
            "tracker": self.tracker.as_dict(),
            **self.routines.to_store(),
            # the inputs were watched until now; after this, no evidence
            "observed_until": dt_util.utcnow().isoformat(),
        }
