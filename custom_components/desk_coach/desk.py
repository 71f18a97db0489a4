"""The runtime of one desk: Home Assistant states in, tracker answers out to entities."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
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
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .announce import Announcer, async_listen_notification_actions
from .ask_done import asking_satellite, async_ask_done
from .catalog import async_catalog
from .const import (
    CONF_STANDING_ENTITY,
    EVENT_BREAK,
    EVENT_ROUTINE,
)
from .decision_log import log_decisions
from .entity_check import DeskEntityCheck
from .exercises import Library, LibraryTexts, custom_routines
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
from .quiet import in_meeting
from .refusal import Refusal
from .routine import (
    Cue,
    CueKind,
    Finished,
    HistorySummary,
    Notice,
    Outcome,
    Routine,
    RoutineHistory,
    RoutineRunner,
    RoutineSnapshot,
    RoutineState,
    Step,
    StopReason,
    is_strength,
    outcome_of,
    plan_routine,
)
from .speech import render
from .standing_desk import StandingDesk
from .storage import DeskStore
from .weekly import next_send, summary_variables, weekly_summary

_LOGGER = logging.getLogger(__name__)

type DeskCoachConfigEntry = ConfigEntry[DeskCoach]


def _subscribe[T](listeners: list[T], listener: T) -> CALLBACK_TYPE:
    """Add ``listener``; the returned callback removes it."""
    listeners.append(listener)

    @callback
    def remove() -> None:
        listeners.remove(listener)

    return remove


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
        self._unsubscribe_dnd: CALLBACK_TYPE | None = None
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
        self._quiet_boundary: datetime | None = None  # the next start or end of active hours
        self._summary_at: datetime | None = None  # when the next weekly summary goes out
        self._unsubscribe: list[CALLBACK_TYPE] = []
        self._cancel_timer: CALLBACK_TYPE | None = None
        self.restored_from: datetime | None = None
        self._without_evidence = False  # logged once when it starts and once when it ends
        self.reminders_on = True
        self.announcer = Announcer(hass, entry.entry_id, entry.title)
        # the options a broken message template was last warned about: once per change
        self.messages: Messages
        self._break_listeners: list[Callable[[BreakEvent], None]] = []
        self.runner = RoutineRunner()
        self.routine_history = RoutineHistory()
        self.library: Library
        self.library_texts: LibraryTexts
        self._routine_listeners: list[Callable[[Notice], None]] = []
        self._history_summary: HistorySummary | None = None
        self._routine_shown = RoutineSnapshot(state=RoutineState.IDLE)  # as entities show it
        self._advice_until: datetime | None = None  # the pain advice shows until then
        self.stand = StandingDesk(
            hass,
            entry,
            inputs=self.current_activity,
            announce_break=self._announce_break_instead,
            report=self._report_break,
            refresh=lambda: self._refresh(dt_util.utcnow(), force=True),
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
            self.routine_history = RoutineHistory.from_list(stored.get("routine_history"))
            self.runner = RoutineRunner.from_dict(stored.get("routine"))
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
        if self.runner.active and self.restored_from is not None:
            self._end_routine_at_restart(self.restored_from)
        self._unsubscribe.append(
            async_track_state_change_event(self.hass, self._sources, self._on_input_changed)
        )
        self._unsubscribe.append(self.entity_check.async_start())
        self._listen_to_quiet_inputs()
        self._unsubscribe.append(
            async_listen_notification_actions(
                self.hass,
                self.entry.entry_id,
                {"DONE": self._on_done_action, "SNOOZE": self._on_snooze_action},
            )
        )
        self._unsubscribe.append(self.announcer.async_shutdown)
        self._plan_summary(now)
        self._observe(now)

    def _listen_to_quiet_inputs(self) -> None:
        """Follow the do-not-disturb entities the options name now (none: nothing)."""
        self._stop_quiet_inputs()
        if dnd := self.options.quiet.dnd_entities:
            self._unsubscribe_dnd = async_track_state_change_event(
                self.hass, dnd, self._on_input_changed
            )

    def _stop_quiet_inputs(self) -> None:
        if self._unsubscribe_dnd is not None:
            self._unsubscribe_dnd()
            self._unsubscribe_dnd = None

    @callback
    def async_stop_listening(self) -> None:
        """Stop every listener and the timer (the entry is unloading)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self._stop_quiet_inputs()
        self.stand.stop()
        if self._cancel_timer is not None:
            self._cancel_timer()
            self._cancel_timer = None
            self._wake_at = None

    async def async_save_now(self) -> None:
        """Stop a running routine and write everything counted so far (on unload)."""
        now = dt_util.utcnow()
        self._interrupt_routine(now)  # nothing is said while the desk unloads
        self.tracker.advance(now)
        await self._store.async_save(self._data_to_store())

    def _interrupt_routine(self, at: datetime) -> bool:
        """Stop a routine as interrupted, without a word; False when it had already ended.

        Internal, so no refusal: the restart asks whether anything stopped. Everything the
        runner reports is kept either way: the routine may have completed before ``at``
        without anyone hearing of it yet.
        """
        try:
            self.runner.stop(at, StopReason.INTERRUPTED)
        except Refusal:
            stopped = False
        else:
            stopped = True
        notices, _ = self.runner.drain()
        self._handle_notices(notices)
        return stopped

    def _end_routine_at_restart(self, restored_from: datetime) -> None:
        """A routine cannot go on unattended across a restart: stop it and say so."""
        routine = self.runner.snapshot().routine or ""
        speaking = self.runner.speaking
        if self._interrupt_routine(restored_from) and speaking:

            @callback
            def tell(_: HomeAssistant) -> None:
                message = self.messages.text(
                    "routine_restarted", {"routine": self.routine_name(routine)}
                )
                self.entry.async_create_task(
                    self.hass, self._async_say(message), "desk_coach_routine_restarted"
                )

            self._unsubscribe.append(async_at_started(self.hass, tell))

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
        self._command(self.tracker.take_break)

    @callback
    def snooze(self, minutes: int | None = None) -> None:
        """Move the next break ``minutes`` (default: the option) from now."""
        length = timedelta(minutes=minutes or self.snooze_minutes)
        self._command(lambda now: self.tracker.snooze(now, length))

    @callback
    def skip_break(self) -> None:
        """Skip the due break."""
        self._command(self.tracker.skip)

    @callback
    def set_reminders(self, on: bool) -> None:
        """Switch announcing on or off; the tracking goes on."""
        self.reminders_on = on
        self._refresh(dt_util.utcnow(), force=True)

    @callback
    def set_vacation(self, on: bool) -> None:
        """Pause the streak (kept with the tracker, so across restarts)."""
        now = dt_util.utcnow()
        self.tracker.set_vacation(now, on)
        self._refresh(now, force=True)

    async def async_announce_test(self) -> dict[str, bool]:
        """Announce a test message on every channel now, quiet or not."""
        variables = self.messages.break_variables(self.snapshot, 0, self.snooze_minutes)
        message = render(self.hass, self.messages.texts["announce_test"], variables) or ""
        return await self._async_send(message)

    def _command(self, command: Callable[[datetime], None]) -> None:
        """Run a tracker or routine command; its refusal is raised naming the desk."""
        now = dt_util.utcnow()
        try:
            command(now)
        except Refusal as refusal:
            self._refresh(now)
            raise refusal.with_placeholders(desk=self.entry.title) from None
        self._refresh(now, force=True)

    @callback
    def _on_done_action(self) -> None:
        # a phone's button may outlive its break: a refusal there is no error
        with suppress(Refusal):
            self.take_break()

    @callback
    def _on_snooze_action(self) -> None:
        with suppress(Refusal):
            self.snooze()

    # ---- routines -----------------------------------------------------------------

    @property
    def routines(self) -> dict[str, Routine]:
        """The built-in routines and the user's own, by id."""
        custom = custom_routines(list(self.options.routines), self.library)
        return {**self.library.routines, **custom}

    def routine_name(self, routine_id: str, texts: LibraryTexts | None = None) -> str:
        """A routine's name in the language of ``texts`` (default: Home Assistant's).

        A custom routine has its own name, in whatever language the user wrote it.
        """
        routine = self.routines.get(routine_id)
        if routine is not None and routine.name:
            return routine.name
        return (texts or self.library_texts).routines.get(routine_id, routine_id)

    def exercise_name(self, exercise_id: str) -> str:
        """An exercise's name in Home Assistant's language."""
        return self.messages.exercise_name(exercise_id)

    def find_routine(self, wanted: str) -> Routine:
        """A routine by id or by name, any case; refused when there is none."""
        routines = self.routines
        if wanted in routines:
            return routines[wanted]
        folded = wanted.strip().casefold()
        for routine_id, routine in routines.items():
            if folded in (routine_id.casefold(), self.routine_name(routine_id).casefold()):
                return routine
        names = ", ".join(self.routine_name(r) for r in routines)
        raise Refusal("unknown_routine", {"routine": wanted, "routines": names})

    @callback
    def start_routine(
        self, wanted: str, *, announce: bool = True
    ) -> tuple[Routine, tuple[Step, ...]]:
        """Start a routine; refused while one runs. Returns it with its planned steps."""
        routine = self.find_routine(wanted)
        steps = self._plan(routine)
        now = dt_util.utcnow()
        running = self.runner.snapshot().routine
        strength = is_strength(steps, self.library.exercises)
        try:
            self.runner.start(now, routine.id, steps, speak=announce, strength=strength)
        except Refusal as refusal:
            name = self.routine_name(running or routine.id)
            raise refusal.with_placeholders(desk=self.entry.title, routine=name) from None
        self._refresh(now, force=True)
        return routine, steps

    def _plan(self, routine: Routine) -> tuple[Step, ...]:
        """The routine's steps, each listened to as long as its words take to say."""
        exercises, timing = self.library.exercises, self.library.timing
        rough = plan_routine(routine, exercises, timing)  # for the opening's "about N minutes"

        def said(step: Step) -> str:
            cue = Cue(at=dt_util.utcnow(), kind=CueKind.STEP, routine=routine.id, step=step)
            words = self._cue_message(cue)
            if step.index == 0:
                opening = replace(cue, kind=CueKind.START, step=None)
                words = f"{self._cue_message(opening, rough)} {words}"
            return words

        return plan_routine(routine, exercises, timing, said)

    @callback
    def pause_routine(self) -> None:
        """Hold the running routine."""
        self._command(self.runner.pause)

    @callback
    def resume_routine(self) -> None:
        """Go on with a paused routine."""
        self._command(self.runner.resume)

    @callback
    def next_step(self) -> None:
        """Skip to the routine's next step."""
        self._command(self.runner.next_step)

    @callback
    def stop_routine(self, reason: StopReason = StopReason.DONE) -> None:
        """End the routine now (not completed: no break counted); ``pain`` is said and kept."""
        self._command(lambda now: self.runner.stop(now, reason))

    @callback
    def async_add_routine_listener(self, listener: Callable[[Notice], None]) -> CALLBACK_TYPE:
        """Call ``listener`` with every routine event."""
        return _subscribe(self._routine_listeners, listener)

    @property
    def routine_snapshot(self) -> RoutineSnapshot:
        """Where the routine stands."""
        return self.runner.snapshot()

    def pain_advice_until(self, now: datetime) -> datetime | None:
        """Until when the advice after a pain stop is shown; None: not now."""
        return None if self.runner.active else self.routine_history.pain_advice_until(now)

    @property
    def pain_advice(self) -> str:
        """The advice after a pain stop, the words said then."""
        return self.messages.text("routine_pain", {})

    @property
    def history_summary(self) -> HistorySummary:
        """Today's routine figures (worked out again only when the day or history changes)."""
        today = dt_util.as_local(self.snapshot.as_of).date()
        summary = self._history_summary
        if summary is None or summary.day != today:
            summary = self._history_summary = self.routine_history.summary(today)
        return summary

    @callback
    def async_add_break_listener(self, listener: Callable[[BreakEvent], None]) -> CALLBACK_TYPE:
        """Call ``listener`` with every break event."""
        return _subscribe(self._break_listeners, listener)

    @callback
    def apply_options(self) -> None:
        """Take new options (from the options flow or the interval number) live."""
        now = dt_util.utcnow()
        before, self.options = self.options, DeskOptions.from_options(self.entry.options)
        self._quiet_boundary = None  # the active hours may have changed
        self._plan_summary(now)
        self.tracker.update_settings(self.options.tracking, now)
        if self.options.quiet.dnd_entities != before.quiet.dnd_entities:
            self._listen_to_quiet_inputs()
        self.entity_check.async_options_changed()
        self._refresh(now, force=True)

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
            return _subscribe(self._listeners, update)
        unsubscribe = _subscribe(self._minute_listeners, update)
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
        self._refresh(now)

    @callback
    def _on_timer(self, scheduled: datetime) -> None:
        self._cancel_timer = None
        self._wake_at = None
        now = max(scheduled, dt_util.utcnow())
        if self._unwatched_since(scheduled, now):
            self.tracker.observe(now, self.current_activity())
        self.tracker.advance(now)
        if self._summary_at is not None and now >= self._summary_at:
            message = self.weekly_summary_message(now)
            self._plan_summary(now)  # a week later
            self.entry.async_create_task(
                self.hass, self._async_send_summary(message), "desk_coach_weekly_summary"
            )
        self._refresh(now)

    def _quiet(self, now: datetime) -> bool:
        return self._quiet_reason(now) is not None

    def _quiet_reason(self, now: datetime) -> str | None:
        """Why nothing is announced now (for the debug log); None: announcing is on."""
        quiet = self.options.quiet
        if not self.reminders_on:
            return "the Reminders switch is off"
        if not quiet.active_at(dt_util.as_local(now)):
            return "outside the active hours"
        if in_meeting(self.hass, quiet.dnd_entities):
            return "a do-not-disturb entity or a meeting is on"
        return None

    @callback
    def _refresh(self, now: datetime, *, force: bool = False) -> None:
        """Publish the answers, plan the one next wake-up, and save soon."""
        spoken = self.runner.speaking  # a routine ending now was announced: ask about it
        self.runner.advance(now)
        notices, cues = self.runner.drain()
        self._handle_notices(notices, ask=spoken)
        self.tracker.set_routine(now, self.runner.active)
        self.tracker.set_quiet(now, self._quiet(now))
        events, announcements = self.tracker.drain()
        snapshot = self.tracker.snapshot()
        self._log_decisions(now, snapshot, events, announcements)
        stand_changed, raise_warning = self.stand.update(
            now,
            snapshot,
            routine=self.runner.active,
            announced=any(a.about is Topic.BREAK for a in announcements),
        )
        force = self._routine_changed(now) or force or stand_changed
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
            if happened or self.runner.active:
                for update in list(self._listeners):
                    update()
        for _, event in events:
            self._report_break(event)
        if cues:  # said at the same instant (start and first step): one message
            message = " ".join(filter(None, (self._cue_message(cue) for cue in cues)))
            self.entry.async_create_task(
                self.hass, self._async_say(message), "desk_coach_routine_cue"
            )
        if announcements:  # several at once (a late wake-up): one message says it all
            breaks = [a for a in announcements if a.about is Topic.BREAK]
            limit = any(a.about is Topic.DAILY_LIMIT for a in announcements)
            # raising the desk: its warning is said instead of the break message
            due = breaks[-1] if breaks and not raise_warning else None
            self.entry.async_create_task(
                self.hass,
                self._async_announce(due, daily_limit=limit, raise_warning=raise_warning),
                "desk_coach_announce",
            )

    def _routine_changed(self, now: datetime) -> bool:
        """Whether the routine's entities show something new: a phase, the pain advice."""
        shown, advice_until = self.runner.snapshot(), self.pain_advice_until(now)
        if (shown, advice_until) == (self._routine_shown, self._advice_until):
            return False
        self._routine_shown, self._advice_until = shown, advice_until
        return True

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
            why_quiet=lambda: self._quiet_reason(now),
            routine=self.runner.active,
            has_channel=lambda: self.has_announce_channel,
        )

    @callback
    def _report_break(self, event: BreakEvent) -> None:
        """Fire a break event on the bus and to the event entity."""
        self.hass.bus.async_fire(
            EVENT_BREAK,
            {"entry_id": self.entry.entry_id, "desk": self.entry.title, "type": event.value},
        )
        for listener in list(self._break_listeners):
            listener(event)

    @callback
    def _announce_break_instead(self) -> None:
        """The desk could not be raised: announce the due break as usual."""
        announcement = Announcement(at=dt_util.utcnow(), reminder=self.snapshot.reminders)
        self.entry.async_create_task(
            self.hass, self._async_announce(announcement, daily_limit=False), "desk_coach_announce"
        )

    def _plan_wake(self, now: datetime) -> None:
        """Set the one timer to the next change; it moves only when that does."""
        shown = self.minutes_shown
        if self._quiet_boundary is None or now >= self._quiet_boundary:
            local = dt_util.as_local(now)
            self._quiet_boundary = dt_util.as_utc(self.options.quiet.next_boundary(local))
        wake = max(
            now,
            min(
                self.tracker.next_change(shown),
                self.runner.next_change() or now + timedelta(days=1),
                self._advice_until or now + timedelta(days=1),
                self.stand.next_change() or now + timedelta(days=1),
                self._quiet_boundary,
                self._summary_at or now + timedelta(days=1),
            ),
        )
        if wake != self._wake_at:
            if self._cancel_timer is not None:
                self._cancel_timer()
            self._wake_at = wake
            self._cancel_timer = async_track_point_in_utc_time(self.hass, self._on_timer, wake)

    # ---- the weekly summary ---------------------------------------------------------

    def _plan_summary(self, now: datetime) -> None:
        """When the next weekly summary goes out; None while no target is chosen."""
        summary = self.options.summary
        if not summary.targets:
            self._summary_at = None
            return
        local = next_send(now, summary.weekday, summary.at, dt_util.get_default_time_zone())
        self._summary_at = dt_util.as_utc(local)

    def weekly_summary_message(self, now: datetime) -> str:
        """The week up to today (so far) beside the week before, in words."""
        today = dt_util.as_local(now).date()
        days = {**self.tracker.history, today: self.tracker.snapshot().today}
        summary = weekly_summary(days, self.routine_history.strength_days(), today)
        return self.messages.text("weekly_summary", summary_variables(summary))

    async def _async_send_summary(self, message: str) -> None:
        targets = AnnounceTargets(notify_entities=self.options.summary.targets)
        title = self.messages.text("weekly_summary_title", {})
        await self.announcer.async_announce(targets, message, title=title)

    def _handle_notices(self, notices: list[Notice], *, ask: bool = False) -> None:
        """Keep finished routines in the history, count them as breaks, report them.

        ``ask``: a completed routine that was announced gets a spoken "did you do it?" on a
        satellite that can start a conversation; the answer is kept in the history.
        """
        for notice in notices:
            outcome = outcome_of(notice)
            if outcome is not None:
                self._history_summary = None
                self.routine_history.record(
                    Finished(
                        ended=notice.at,
                        day=dt_util.as_local(notice.at).date(),
                        routine=notice.routine,
                        outcome=outcome,
                        strength=notice.strength,
                        step=None if notice.step is None else notice.step.exercise,
                    )
                )
                if outcome is Outcome.COMPLETED:
                    with suppress(Refusal):  # nobody sitting: nothing to take
                        self.tracker.take_break(notice.at)
                    if ask and (satellite := asking_satellite(self.hass, self.announce_targets)):
                        self.entry.async_create_background_task(
                            self.hass,
                            self._async_ask_done(satellite, notice.at, notice.routine),
                            "desk_coach_ask_done",
                        )
            self.hass.bus.async_fire(
                EVENT_ROUTINE,
                {
                    "entry_id": self.entry.entry_id,
                    "desk": self.entry.title,
                    "type": notice.event.value,
                    **notice.details(),
                },
            )
            for listener in list(self._routine_listeners):
                listener(notice)

    async def _async_ask_done(self, satellite: str, ended: datetime, routine: str) -> None:
        """Ask "did you do it?" and keep the answer."""
        question = self.messages.text("ask_done", {"routine": self.routine_name(routine)})
        answer = await async_ask_done(
            self.hass, satellite, question, self.messages.texts, self.entry.title
        )
        self.routine_history.answer(ended, answer)
        self._store.save_soon(dt_util.utcnow(), self._data_to_store, happened=True)

    def _cue_message(self, cue: Cue, steps: tuple[Step, ...] | None = None) -> str:
        """What is said for ``cue``; ``steps``: the routine's (default: the running one's)."""
        return self.messages.cue(cue, steps or self.runner.steps, self.routine_name)

    async def _async_say(self, message: str) -> None:
        """Speak a routine's words on the speakers and satellites only."""
        if not message:
            return
        targets = replace(self.announce_targets, lights=(), notify_entities=(), mobile_apps=())
        title = self.messages.text("title", {})
        await self.announcer.async_announce(targets, message, title=title or self.entry.title)

    async def _async_announce(
        self, due: Announcement | None, *, daily_limit: bool, raise_warning: bool = False
    ) -> None:
        """Announce a due break, the reached daily limit, or both in one message.

        ``raise_warning``: the break raises the desk; its warning is the break's message.
        Only a break gets the phone's Done and Snooze buttons.
        """
        snapshot, snooze = self.snapshot, self.snooze_minutes
        messages = [self.messages.daily_limit(snapshot, snooze)] if daily_limit else []
        if due is not None:
            messages.append(self.messages.break_due(due, snapshot, self.options))
        if raise_warning:
            seconds = self.stand.warning_seconds
            messages.append(self.messages.text("desk_raise_warning", {"seconds": seconds}))
        await self._async_send(" ".join(messages), with_actions=due is not None or raise_warning)

    async def _async_send(self, message: str, *, with_actions: bool = True) -> dict[str, bool]:
        title, actions = self.messages.title_and_actions(self.snapshot, self.snooze_minutes)
        return await self.announcer.async_announce(
            self.announce_targets,
            message,
            title=title,
            actions=actions if with_actions else None,
        )

    def _data_to_store(self) -> dict[str, Any]:
        return {
            "reminders_on": self.reminders_on,
            "tracker": self.tracker.as_dict(),
            "routine": self.runner.as_dict(),
            "routine_history": self.routine_history.as_list(),
            # the inputs were watched until now; after this, no evidence
            "observed_until": dt_util.utcnow().isoformat(),
        }
