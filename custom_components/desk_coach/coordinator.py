"""The runtime of one desk: Home Assistant states in, tracker answers out to entities.

One ``DataUpdateCoordinator`` per desk, never polled: changes are pushed. Entities showing
a count to the minute register it as listener context: only those counts wake the desk
(``minutes_shown``), a minute passing reaches only them; a disabled entity costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .announce import Announcer
from .catalog import async_catalog
from .decision_log import log_decisions
from .desk_breaks import DeskBreaks
from .desk_interval import DeskInterval
from .desk_meetings import DeskMeetings
from .desk_pauses import DeskPauses
from .desk_programme import DeskProgramme
from .desk_quiet import DeskQuiet
from .desk_routines import DeskRoutines
from .desk_stand_guard import DeskStandGuard
from .desk_steps import DeskSteps
from .desk_summary import DeskWeeklySummary
from .desk_timer import DeskTimer
from .entity_check import DeskEntityCheck
from .exercises import Library, LibraryTexts
from .inputs import EvidenceLog, configured_entities, read_activity, standing_grade
from .messages import Messages
from .model import Activity, DeskTracker, MinuteCount, Snapshot, Topic
from .options import DeskOptions
from .refusal import Refusal
from .standing_desk import StandingDesk
from .storage import DeskStore, restored_tracker

_LOGGER = logging.getLogger(__name__)
# the coordinator's log line for every push, many a minute: kept out of the debug log
# the integration's users turn on (decision_log.py logs the decisions)
_PUSH_LOGGER = logging.getLogger(f"{__name__}.push")
_PUSH_LOGGER.setLevel(logging.INFO)


@dataclass(slots=True)
class DeskRuntime:
    """What one running desk keeps in ``entry.runtime_data``."""

    coordinator: DeskCoordinator
    routines: DeskRoutines
    stand: StandingDesk
    announcer: Announcer


type DeskCoachConfigEntry = ConfigEntry[DeskRuntime]


def _local_day(instant: datetime) -> date:
    return dt_util.as_local(instant).date()


class DeskCoordinator(DataUpdateCoordinator[Snapshot]):
    """One desk: listens to its inputs, owns its tracker, timer and storage."""

    def __init__(self, hass: HomeAssistant, entry: DeskCoachConfigEntry) -> None:
        """Prepare the desk; nothing runs until ``async_start``."""
        super().__init__(
            hass, _PUSH_LOGGER, config_entry=entry, name=entry.title, always_update=False
        )
        self.entry = entry
        self._sources = configured_entities(entry.data)
        self.options = DeskOptions.from_options(entry.options, standing_grade(entry.data))
        self.entity_check = DeskEntityCheck(hass, entry, lambda: self.has_announce_channel)
        self._store = DeskStore(hass, entry.entry_id)
        self.tracker = DeskTracker(
            self.options.tracking, dt_util.get_default_time_zone(), dt_util.utcnow()
        )
        self.data = self.tracker.snapshot()
        self._unsubscribe: list[CALLBACK_TYPE] = []
        self.restored_from: datetime | None = None
        self._evidence = EvidenceLog(hass, entry.title)
        self.announcer = Announcer(hass, entry.entry_id, entry.title)
        self.messages: Messages
        self.library: Library
        self.library_texts: LibraryTexts
        self.routines = DeskRoutines(hass, self)
        self.programme = DeskProgramme(hass, self)
        self.breaks = DeskBreaks(hass, self)
        self.quiet = DeskQuiet(hass, self, self._on_input_changed)
        self.meetings = DeskMeetings(hass, self)
        self.steps = DeskSteps(hass, self)
        self.pauses = DeskPauses(hass, self)
        self.interval = DeskInterval(self)
        self.summary = DeskWeeklySummary(hass, self)
        self.guard = DeskStandGuard(hass, self)
        self.timer = DeskTimer(hass, self, self._on_timer)
        self.stand = StandingDesk(
            hass,
            entry,
            options=lambda: self.options.stand,
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
            self.interval.restore(stored)
            self.tracker, self.restored_from = restored_tracker(stored, self.interval.settings())
            self.quiet.restore(stored)
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
        self.programme.restore(stored)
        restored, running = self.restored_from, self.routines.runner.active
        if restored is not None and running and (told := self.routines.end_at_restart(restored)):
            self._unsubscribe.append(told)
        self._unsubscribe.append(
            async_track_state_change_event(self.hass, self._sources, self._on_input_changed)
        )
        self._unsubscribe.append(self.entity_check.async_start())
        self.quiet.listen()
        self.steps.follow()
        self.pauses.follow()
        self._unsubscribe.append(self.breaks.async_listen_to_phones())
        self._unsubscribe.append(self.announcer.async_shutdown)
        self.summary.plan(now)
        self.interval.adapt(now)
        self._observe(now)

    @callback
    def async_stop_listening(self) -> None:
        """Stop every listener and the timer (the entry is unloading)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.quiet.stop()
        self.steps.stop()
        self.pauses.stop()
        self.stand.stop()
        self.timer.cancel()

    async def async_save_now(self) -> None:
        """Stop a running routine and write everything counted so far (on unload)."""
        now = dt_util.utcnow()
        self.routines.interrupt(now)  # nothing is said while the desk unloads
        self.tracker.advance(now)
        await self._store.async_save(self._data_to_store())

    def uses_current_sources(self) -> bool:
        """Whether the entry still names the inputs read (only Reconfigure changes them)."""
        return configured_entities(self.entry.data) == self._sources

    @property
    def has_announce_channel(self) -> bool:
        """Whether a due break reaches anyone: a channel, or the desk rising."""
        return bool(self.options.announce.channels) or self.stand.raising

    @property
    def minutes_shown(self) -> frozenset[MinuteCount]:
        """The counts some entity shows to the minute: all a minute passing wakes the desk for."""
        return frozenset(count for counts in self.async_contexts() for count in counts)

    # ---- commands -----------------------------------------------------------------

    @callback
    def take_break(self) -> None:
        """The user took a break (button, service, notification, voice)."""
        self.command(self.tracker.take_break)

    @callback
    def snooze(self, minutes: int | None = None) -> None:
        """Move the next break ``minutes`` (default: the option) from now."""
        length = timedelta(minutes=minutes or self.options.snooze_minutes)
        self.command(lambda now: self.tracker.snooze(now, length))

    @callback
    def skip_break(self) -> None:
        """Skip the due break."""
        self.command(self.tracker.skip)

    @callback
    def touch(self) -> None:
        """A setting of the person's changed: publish and plan again now."""
        self.refresh(dt_util.utcnow(), force=True)

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
    def apply_options(self) -> None:
        """Take new options (from the options flow or the interval number) live."""
        now = dt_util.utcnow()
        self.options = DeskOptions.from_options(self.entry.options, standing_grade(self.entry.data))
        self.quiet.options_changed()
        self.steps.follow()
        self.pauses.follow()
        self.summary.plan(now)
        self.programme.changed()
        self.interval.adapt(now, options_changed=True)
        self.entity_check.async_options_changed()
        self.refresh(now, force=True)

    # ---- entities -----------------------------------------------------------------

    @property
    def snapshot(self) -> Snapshot:
        """The tracker's answers as last pushed to the entities."""
        return self.data

    @callback
    def async_add_listener(
        self, update_callback: CALLBACK_TYPE, context: Any = None
    ) -> Callable[[], None]:
        """Call ``update_callback`` whenever the answers may have changed.

        ``context``: the counts (a tuple of ``MinuteCount``) the listener shows to the
        minute; the desk wakes at those counts' minutes only while someone shows them.
        """
        new = bool(context) and not set(context) <= self.minutes_shown
        remove = super().async_add_listener(update_callback, context)
        if new and self._unsubscribe:
            self.timer.plan(dt_util.utcnow())  # started: wake for it too
        return remove

    @callback
    def _async_update_minute_listeners(self) -> None:
        """Only time passed: update only the listeners that show a count to the minute."""
        for update_callback, context in list(self._listeners.values()):
            if context:
                update_callback()

    async def _async_update_data(self) -> Snapshot:
        """Bring the answers up to now (``homeassistant.update_entity``): never polled."""
        self.refresh(dt_util.utcnow(), force=True)
        return self.data

    # ---- inputs and time ----------------------------------------------------------

    def current_activity(self) -> Activity:
        """What the inputs say right now."""
        return read_activity(self.hass, self.entry.data)

    @callback
    def _on_input_changed(self, event: Event[EventStateChangedData]) -> None:
        now = dt_util.utcnow()
        self.timer.late(self.timer.planned, now)
        self.meetings.changed(event.data["entity_id"])
        self._observe(now)

    @callback
    def _observe(self, now: datetime) -> None:
        activity = self.current_activity()
        self._evidence.saw(activity)
        self.tracker.observe(now, activity)
        self.refresh(now)

    @callback
    def _on_timer(self, scheduled: datetime) -> None:
        now = max(scheduled, dt_util.utcnow())
        if self.timer.late(scheduled, now):
            self.tracker.observe(now, self.current_activity())
        self.tracker.advance(now)
        self.interval.adapt(now)  # once a day
        self.summary.send_if_due(now)
        self.refresh(now, force=self.quiet.pause_over(now))

    @callback
    def refresh(self, now: datetime, *, force: bool = False) -> None:
        """Publish the answers, plan the one next wake-up, and save soon."""
        routines = self.routines
        notices, cues = routines.advance(now)
        self.tracker.set_routine(now, routines.runner.active)
        self.tracker.set_quiet(now, self.quiet.reason(now) is not None)
        drained = self.tracker.drain_all()
        events, announcements = drained.events, drained.announcements
        snapshot = self.tracker.snapshot()
        log_decisions(
            self.entry.title,
            self.snapshot,
            snapshot,
            events,
            announcements,
            why_quiet=lambda: self.quiet.reason(now),
            routine=routines.runner.active,
            has_channel=lambda: self.has_announce_channel,
        )
        stand_changed, raise_warning = self.stand.update(
            now,
            snapshot,
            routine=routines.runner.active,
            announced=any(a.about is Topic.BREAK and not a.cue for a in announcements),
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
        self.data = snapshot
        self.meetings.update(now, snapshot)
        self.guard.update(now, snapshot)
        self.timer.plan(now)
        if changed or events:
            self._store.save_soon(now, self._data_to_store, happened=happened)
            # when only time passed, nothing but the sitting counts can show anything new
            if happened or routines.runner.active:
                self.async_set_updated_data(snapshot)
            else:
                self._async_update_minute_listeners()
        self.breaks.tell(drained, say=lambda: routines.say_cues(cues), raise_warning=raise_warning)

    def save_soon(self) -> None:
        """Something worth keeping happened outside a refresh: write it soon."""
        self._store.save_soon(dt_util.utcnow(), self._data_to_store, happened=True)

    def _data_to_store(self) -> dict[str, Any]:
        return {
            **self.quiet.to_store(),
            **self.interval.to_store(),
            "tracker": self.tracker.as_dict(),
            **self.routines.to_store(),
            **self.programme.to_store(),
            # the inputs were watched until now; after this, no evidence
            "observed_until": dt_util.utcnow().isoformat(),
        }
