"""Voice: Assist intents for the desk (the sentences that reach them are in sentences/).

Each handler answers in the language it was asked in; refusals are spoken, never raised,
using the same translated messages as the actions' errors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    area_registry as ar,
    config_validation as cv,
    device_registry as dr,
    entity_registry as er,
    intent,
)
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .catalog import async_catalog
from .const import DOMAIN
from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .countdown import hours_and_minutes, minutes_until
from .exercises import LibraryTexts
from .helpers import loaded_desks
from .refusal import Refusal
from .routine import StopReason
from .services import checked_pause_hours, checked_snooze, number_as_given
from .speech import render

SLOT_DESK = "desk"
SLOT_ROUTINE = "routine"
SLOT_MINUTES = "minutes"
SLOT_HOURS = "hours"
_ARTICLES = ("the ", "my ", "der ", "die ", "das ", "dem ", "den ", "mein ", "meinem ")

DESK_SLOT: dict[Any, Any] = {vol.Optional(SLOT_DESK): cv.string}


@dataclass(frozen=True, kw_only=True)
class Reply:
    """What to say: a speech text key and its variables."""

    key: str
    variables: dict[str, Any]


@dataclass(frozen=True)
class Countdown:
    """Minutes still to go, said as "1 hour 5 minutes" (the countdown rule's minutes)."""

    minutes: int


class DeskIntent(intent.IntentHandler):
    """Find the desk, run ``act`` on it, say the answer in the asker's language."""

    def __init__(
        self,
        intent_type: str,
        description: str,
        act: Callable[[DeskCoordinator, dict[str, Any], LibraryTexts], Reply],
        slots: dict[Any, Any] | None = None,
    ) -> None:
        """One intent: its type, what it does (for LLM tools) and its action."""
        self.intent_type = intent_type
        self.description = description
        self._act = act
        self._slots = {**DESK_SLOT, **(slots or {})}

    @property
    def slot_schema(self) -> dict[Any, Any]:
        """The desk, and what this intent takes besides."""
        return self._slots

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Answer, or speak why not."""
        hass = intent_obj.hass
        slots = {
            key: slot["value"] for key, slot in self.async_validate_slots(intent_obj.slots).items()
        }
        language = (intent_obj.language or hass.config.language).split("-")[0]
        response = intent_obj.create_response()
        try:
            coach = find_desk(hass, slots.get(SLOT_DESK), intent_obj)
            catalog = await async_catalog(hass)
            library_texts = await catalog.async_library_texts(hass, language)
            reply = self._act(coach, slots, library_texts)
        except Refusal as refusal:
            message = await _async_error_message(hass, language, refusal)
            response.async_set_error(intent.IntentResponseErrorCode.FAILED_TO_HANDLE, message)
            return response
        texts = await catalog.async_speech(hass, language)
        variables = {
            key: _spoken(hass, texts, value)
            for key, value in {"desk": coach.entry.title, **reply.variables}.items()
        }
        response.async_set_speech(render(hass, texts[reply.key], variables) or "")
        return response


async def _async_error_message(hass: HomeAssistant, language: str, refusal: Refusal) -> str:
    """The action error's translated message, in the asker's language."""
    key = f"component.{DOMAIN}.exceptions.{refusal.key}.message"
    messages = await async_get_translations(hass, language, "exceptions", [DOMAIN])
    if key not in messages:  # a language without the text
        messages = await async_get_translations(hass, "en", "exceptions", [DOMAIN])
    try:
        return messages[key].format(**refusal.placeholders)
    except (KeyError, IndexError):
        return refusal.key


# ---- which desk -------------------------------------------------------------------------


def _plain(name: str) -> str:
    folded = " ".join(name.casefold().split())
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded.removeprefix(article)
    return folded


def _desk_area(hass: HomeAssistant, entry: DeskCoachConfigEntry) -> str | None:
    """The desk device's area: set in the config flow, or since on the device's page."""
    device = dr.async_get(hass).async_get_device(identifiers={(DOMAIN, entry.entry_id)})
    return device.area_id if device is not None else None


def _asker_area(hass: HomeAssistant, intent_obj: intent.Intent) -> str | None:
    """The area of the device (or satellite) that heard the command."""
    devices = dr.async_get(hass)
    if intent_obj.satellite_id and (
        satellite := er.async_get(hass).async_get(intent_obj.satellite_id)
    ):
        if satellite.area_id:
            return satellite.area_id
        if satellite.device_id and (device := devices.async_get(satellite.device_id)):
            return device.area_id
    if intent_obj.device_id and (device := devices.async_get(intent_obj.device_id)):
        return device.area_id
    return None


def find_desk(hass: HomeAssistant, named: str | None, intent_obj: intent.Intent) -> DeskCoordinator:
    """The desk named; else the only one; else the one in the asker's area."""
    desks = loaded_desks(hass)
    if not desks:
        raise Refusal("no_desk")
    names = ", ".join(sorted(entry.title for entry in desks))
    if named:
        wanted = _plain(named)
        areas = ar.async_get(hass)
        for entry in desks:
            area_id = _desk_area(hass, entry)
            area = areas.async_get_area(area_id) if area_id else None
            spoken = {_plain(entry.title)} | ({_plain(area.name)} if area else set())
            if wanted in spoken:
                return _coach(entry)
        raise Refusal("unknown_desk", {"desk": named, "desks": names})
    if len(desks) == 1:
        return _coach(desks[0])
    if area_id := _asker_area(hass, intent_obj):
        here = [entry for entry in desks if _desk_area(hass, entry) == area_id]
        if len(here) == 1:
            return _coach(here[0])
    raise Refusal("which_desk_spoken", {"desks": names})


def _coach(entry: DeskCoachConfigEntry) -> DeskCoordinator:
    return entry.runtime_data.coordinator


# ---- what each intent does --------------------------------------------------------------


def _duration(hass: HomeAssistant, texts: dict[str, str], duration: timedelta) -> str:
    """A duration in words, to the completed minute ("3 hours 10")."""
    minutes = int(duration.total_seconds() // 60)
    variables = {"hours": minutes // 60, "minutes": minutes % 60}
    return render(hass, texts["duration"], variables) or ""


def _spoken(hass: HomeAssistant, texts: dict[str, str], value: Any) -> Any:
    """Durations and countdowns in words; anything else as it is."""
    if isinstance(value, timedelta):
        return _duration(hass, texts, value)
    if isinstance(value, Countdown):
        hours, minutes = hours_and_minutes(value.minutes)
        return render(hass, texts["countdown"], {"hours": hours, "minutes": minutes}) or ""
    return value


def _minutes_until(instant: datetime | None) -> int | None:
    """The countdown rule's minutes to ``instant``; 0: less than half a minute."""
    return minutes_until(instant, dt_util.utcnow())


def _clock_time(instant: datetime) -> str:
    """A local time of day as said and shown: "11:18"."""
    return dt_util.as_local(instant).strftime("%H:%M")


def _routine_name(coach: DeskCoordinator, texts: LibraryTexts) -> str:
    return coach.routines.name(coach.routines.runner.snapshot().routine or "", texts)


def sitting_time(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """How long this stretch and today add up to."""
    snapshot = coach.snapshot
    return Reply(
        key="intent_sitting_time",
        variables={
            "sitting": snapshot.sitting,
            "stretch": snapshot.sitting_time,
            "today": snapshot.sitting_today,
        },
    )


def next_break(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """When the next break falls due."""
    snapshot = coach.snapshot
    status = "due" if snapshot.break_due else snapshot.status.value
    minutes = _minutes_until(snapshot.next_break)
    return Reply(
        key="intent_next_break",
        variables={
            "status": status,
            "minutes": minutes,
            "left": Countdown(minutes or 0),
            "quiet": snapshot.quiet,
        },
    )


def start_routine(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """Start the routine asked for."""
    routine, steps = coach.routines.start(slots[SLOT_ROUTINE])
    seconds = sum(step.seconds for step in steps)
    return Reply(
        key="intent_routine_started",
        variables={
            "routine": coach.routines.name(routine.id, texts),
            "minutes": max(1, round(seconds / 60)),
        },
    )


def snooze(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """Move the break on."""
    minutes = checked_snooze(slots.get(SLOT_MINUTES)) or coach.options.snooze_minutes
    before = coach.snapshot
    coach.snooze(minutes)
    after = coach.snapshot.next_break
    moved = minutes
    if not before.break_due and before.next_break is not None and after is not None:
        moved = round((after - before.next_break).total_seconds() / 60)
    return Reply(
        key="intent_snoozed",
        variables={
            "minutes": moved,
            "asked": minutes,
            "postponed": not before.break_due,
            "at": None if after is None else _clock_time(after),
        },
    )


def skip_break(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """Skip the due break."""
    coach.skip_break()
    return Reply(key="intent_skipped", variables={})


def break_done(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """The user took (or is taking) the break."""
    coach.take_break()
    return Reply(key="intent_break_done", variables={})


def pause_reminders(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """Pause the reminders for some hours, or until the active hours start tomorrow (or later)."""
    asked = slots.get(SLOT_HOURS)
    until = coach.quiet.pause(None if asked is None else checked_pause_hours(asked))
    local = dt_util.as_local(until)
    days = (local.date() - dt_util.now().date()).days
    return Reply(
        key="intent_reminders_paused",
        variables={"at": _clock_time(until), "days": days, "weekday": local.weekday()},
    )


def resume_reminders(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
    """End a pause of the reminders."""
    coach.quiet.resume()
    return Reply(key="intent_reminders_resumed", variables={})


def _routine_command(
    command: Callable[[DeskCoordinator], None], key: str
) -> Callable[[DeskCoordinator, dict[str, Any], LibraryTexts], Reply]:
    def act(coach: DeskCoordinator, slots: dict[str, Any], texts: LibraryTexts) -> Reply:
        name = _routine_name(coach, texts)
        command(coach)
        return Reply(key=key, variables={"routine": name})

    return act


INTENTS: tuple[DeskIntent, ...] = (
    DeskIntent(
        "DeskCoachSittingTime",
        "Tells how long the user has been sitting at their desk now and in total today.",
        sitting_time,
    ),
    DeskIntent(
        "DeskCoachNextBreak",
        "Tells when the user's next movement break at the desk is due.",
        next_break,
    ),
    DeskIntent(
        "DeskCoachStartRoutine",
        "Starts a guided exercise routine at the desk, announced step by step. "
        "Built-in routines: stretching, strengthening, shoulder_rotation (shoulder rolls); "
        "the user's own routines by name.",
        start_routine,
        {vol.Required(SLOT_ROUTINE): cv.string},
    ),
    DeskIntent(
        "DeskCoachSnoozeBreak",
        "Postpones the user's desk break by a number of minutes (default from the settings).",
        snooze,
        {vol.Optional(SLOT_MINUTES): number_as_given},
    ),
    DeskIntent(
        "DeskCoachSkipBreak",
        "Skips the desk break that is due now.",
        skip_break,
    ),
    DeskIntent(
        "DeskCoachPauseReminders",
        "Pauses the desk's break reminders for some hours, or (without hours) until the "
        "user's active hours start tomorrow; breaks are still counted.",
        pause_reminders,
        {vol.Optional(SLOT_HOURS): number_as_given},
    ),
    DeskIntent(
        "DeskCoachResumeReminders",
        "Ends a pause of the desk's break reminders now.",
        resume_reminders,
    ),
    DeskIntent(
        "DeskCoachBreakDone",
        "Records that the user is taking or has taken their desk break.",
        break_done,
    ),
    DeskIntent(
        "DeskCoachStopRoutine",
        "Stops the running desk exercise routine early (not because of pain).",
        _routine_command(
            lambda coach: coach.routines.stop(StopReason.DONE), "intent_routine_stopped"
        ),
    ),
    DeskIntent(
        "DeskCoachNextExercise",
        "Skips to the next exercise or set of the running desk routine.",
        _routine_command(lambda coach: coach.routines.next_step(), "intent_next_exercise"),
    ),
    DeskIntent(
        "DeskCoachPauseRoutine",
        "Pauses the running desk exercise routine.",
        _routine_command(lambda coach: coach.routines.pause(), "intent_routine_paused"),
    ),
    DeskIntent(
        "DeskCoachResumeRoutine",
        "Resumes the paused desk exercise routine.",
        _routine_command(lambda coach: coach.routines.resume(), "intent_routine_resumed"),
    ),
    DeskIntent(
        "DeskCoachPainStop",
        "Stops the running desk exercise routine at once because something hurts; "
        "use whenever the user reports pain during an exercise.",
        _routine_command(lambda coach: coach.routines.stop(StopReason.PAIN), "intent_pain_stop"),
    ),
)


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Register the desk's intents (called by the intent integration)."""
    for handler in INTENTS:
        intent.async_register(hass, handler)
