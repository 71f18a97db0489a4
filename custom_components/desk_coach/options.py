"""A desk's options as typed, frozen records, parsed once per options change.

The options are stored as Home Assistant keeps them (strings, lists, numbers); everything
the runtime reads goes through ``DeskOptions.from_options``, the one place that applies
the defaults and parses times and weekdays. Pure: no Home Assistant import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
import math
from typing import Any, Final

from .const import (
    BREAK_ACTION_RAISE,
    CONF_ACTIVE_DAYS,
    CONF_ACTIVE_FROM,
    CONF_ACTIVE_UNTIL,
    CONF_ADAPT_INTERVAL,
    CONF_AWAY_RESET,
    CONF_BREAK_ACTION,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_COUNT_UNPROVEN,
    CONF_DAILY_SITTING_LIMIT,
    CONF_DESK_CONTROL,
    CONF_DND_ENTITIES,
    CONF_ESCALATION_COUNT,
    CONF_ESCALATION_DELAY,
    CONF_LIGHT_COLOR,
    CONF_LIGHT_EFFECT,
    CONF_LIGHT_SECONDS,
    CONF_LIGHTS,
    CONF_LOWER_AFTER,
    CONF_LOWER_TO,
    CONF_MEDIA_PLAYERS,
    CONF_MESSAGE,
    CONF_MOBILE_APPS,
    CONF_MOVED_SECONDS,
    CONF_NOTIFY_ENTITIES,
    CONF_PAUSE_ENTITIES,
    CONF_PRESENCE_DEBOUNCE,
    CONF_RAISE_TO,
    CONF_RAISE_WARNING,
    CONF_ROUTINES,
    CONF_SATELLITES,
    CONF_SNOOZE_MINUTES,
    CONF_SPEAK_WITHIN,
    CONF_STAND_MINUTES,
    CONF_STANDING_CUE_AFTER,
    CONF_STEP_ENTITY,
    CONF_STREAK_TARGET,
    CONF_SUMMARY_DAY,
    CONF_SUMMARY_TARGETS,
    CONF_SUMMARY_TIME,
    CONF_TTS_ENGINE,
    CONF_TWO_PHASE,
    CONF_UPRIGHT_TARGET,
    CONF_VOLUME,
    CONF_WALKED_STEPS,
    DEFAULT_ACTIVE_DAYS,
    DEFAULT_ACTIVE_FROM,
    DEFAULT_ACTIVE_UNTIL,
    DEFAULT_AWAY_RESET,
    DEFAULT_BREAK_DURATION,
    DEFAULT_BREAK_INTERVAL,
    DEFAULT_DAILY_SITTING_LIMIT,
    DEFAULT_ESCALATION_COUNT,
    DEFAULT_ESCALATION_DELAY,
    DEFAULT_LIGHT_COLOR,
    DEFAULT_LIGHT_EFFECT,
    DEFAULT_LIGHT_SECONDS,
    DEFAULT_PRESENCE_DEBOUNCE,
    DEFAULT_RAISE_WARNING,
    DEFAULT_SNOOZE_MINUTES,
    DEFAULT_SPEAK_WITHIN,
    DEFAULT_STAND_MINUTES,
    DEFAULT_STANDING_CUE_AFTER,
    DEFAULT_STREAK_TARGET,
    DEFAULT_SUMMARY_DAY,
    DEFAULT_SUMMARY_TIME,
    DEFAULT_UPRIGHT_TARGET,
    DEFAULT_WALKED_STEPS,
    WEEKDAYS,
)
from .model import Grade, Settings
from .programme import ProgrammeSettings

CALENDAR_DOMAIN: Final = "calendar"  # the do-not-disturb entities that hold meetings
CHANNEL_SPEAKERS: Final = "speakers"
CHANNEL_SATELLITES: Final = "satellites"
CHANNEL_NOTIFY: Final = "notify"
CHANNEL_MOBILE_APP: Final = "mobile_app"
CHANNEL_LIGHTS: Final = "lights"


def entity_ids(value: Any) -> tuple[str, ...]:
    """The entity ids an option names: one, a list of them, or none."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def tracking_settings(options: Mapping[str, Any], standing_grade: Grade = Grade.STOOD) -> Settings:
    """The tracker's settings the options give (``standing_grade``: what standing proves)."""
    limit = float(options.get(CONF_DAILY_SITTING_LIMIT, DEFAULT_DAILY_SITTING_LIMIT))

    def minutes(key: str, default: float) -> timedelta:
        return timedelta(minutes=options.get(key, default))

    def seconds(key: str, default: float) -> timedelta:
        return timedelta(seconds=options.get(key, default))

    return Settings(
        break_interval=minutes(CONF_BREAK_INTERVAL, DEFAULT_BREAK_INTERVAL),
        break_duration=seconds(CONF_BREAK_DURATION, DEFAULT_BREAK_DURATION),
        away_reset=minutes(CONF_AWAY_RESET, DEFAULT_AWAY_RESET),
        presence_debounce=seconds(CONF_PRESENCE_DEBOUNCE, DEFAULT_PRESENCE_DEBOUNCE),
        escalation_delay=minutes(CONF_ESCALATION_DELAY, DEFAULT_ESCALATION_DELAY),
        escalation_count=int(options.get(CONF_ESCALATION_COUNT, DEFAULT_ESCALATION_COUNT)),
        daily_limit=timedelta(hours=limit) if limit > 0 else None,
        moved_after=seconds(CONF_MOVED_SECONDS, 0) or None,
        walked_steps=int(options.get(CONF_WALKED_STEPS, DEFAULT_WALKED_STEPS)),
        count_unproven=bool(options.get(CONF_COUNT_UNPROVEN, False)),
        standing_grade=standing_grade,
        cue_first=_cue_first(options),
    )


def _cue_first(options: Mapping[str, Any]) -> timedelta | None:
    """Two phases: how long a cue may wait for a natural pause (None: spoken at once).

    Only a desk with something to cue on (a light, a phone) cues; any other speaks at once.
    """
    cues = entity_ids(options.get(CONF_LIGHTS)) or entity_ids(options.get(CONF_MOBILE_APPS))
    if not options.get(CONF_TWO_PHASE) or not cues:
        return None
    return timedelta(minutes=float(options.get(CONF_SPEAK_WITHIN, DEFAULT_SPEAK_WITHIN)))


# what a desk with no options set tracks with (the tests' and the stored data's baseline)
DEFAULT_TRACKING: Final = tracking_settings({})


def as_number(value: Any) -> float | None:
    """A finite number, or None (unknown, unavailable, text, NaN, infinite): the one parser."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def engine_entities(names: Iterable[str]) -> list[str]:
    """The text-to-speech engines among ``names`` that are entities (a legacy one's is not)."""
    return [name for name in names if name.startswith("tts.")]


@dataclass(frozen=True, kw_only=True)
class AnnounceTargets:
    """Where and how an announcement goes."""

    media_players: tuple[str, ...] = ()
    tts_engine: str | None = None
    volume: int | None = None
    satellites: tuple[str, ...] = ()
    notify_entities: tuple[str, ...] = ()
    mobile_apps: tuple[str, ...] = ()
    lights: tuple[str, ...] = ()
    light_color: tuple[int, int, int] = DEFAULT_LIGHT_COLOR
    light_effect: str = DEFAULT_LIGHT_EFFECT
    light_seconds: float = DEFAULT_LIGHT_SECONDS

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> AnnounceTargets:
        """The targets a desk's options name."""
        color = options.get(CONF_LIGHT_COLOR) or DEFAULT_LIGHT_COLOR
        red, green, blue = (int(component) for component in color)
        volume = options.get(CONF_VOLUME)
        seconds = options.get(CONF_LIGHT_SECONDS)
        return cls(
            media_players=entity_ids(options.get(CONF_MEDIA_PLAYERS)),
            tts_engine=options.get(CONF_TTS_ENGINE) or None,
            volume=None if volume is None else round(float(volume)),
            satellites=entity_ids(options.get(CONF_SATELLITES)),
            notify_entities=entity_ids(options.get(CONF_NOTIFY_ENTITIES)),
            mobile_apps=tuple(
                name.removeprefix("notify.") for name in entity_ids(options.get(CONF_MOBILE_APPS))
            ),
            lights=entity_ids(options.get(CONF_LIGHTS)),
            light_color=(red, green, blue),
            light_effect=options.get(CONF_LIGHT_EFFECT) or DEFAULT_LIGHT_EFFECT,
            light_seconds=DEFAULT_LIGHT_SECONDS if seconds is None else float(seconds),
        )

    @property
    def channels(self) -> list[str]:
        """The channels something is configured on (the TTS engine alone is none)."""
        configured = {
            CHANNEL_SPEAKERS: self.media_players,
            CHANNEL_SATELLITES: self.satellites,
            CHANNEL_NOTIFY: self.notify_entities,
            CHANNEL_MOBILE_APP: self.mobile_apps,
            CHANNEL_LIGHTS: self.lights,
        }
        return [channel for channel, targets in configured.items() if targets]

    def entities(self) -> list[str]:
        """Every configured entity id, each once (mobile apps are services, not entities)."""
        engine = engine_entities((self.tts_engine,) if self.tts_engine else ())
        entity_ids = (
            *self.media_players,
            *engine,
            *self.satellites,
            *self.notify_entities,
            *self.lights,
        )
        return list(dict.fromkeys(entity_ids))


@dataclass(frozen=True, kw_only=True)
class QuietHours:
    """When the coach may speak: active hours on active days, no do-not-disturb entity on."""

    start: time
    end: time
    days: frozenset[int]  # Monday is 0
    dnd_entities: tuple[str, ...] = ()
    # the calendars among them, which meetings are planned around (derived once)
    calendars: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        """Pick the calendars out of the do-not-disturb entities."""
        calendars = tuple(e for e in self.dnd_entities if e.startswith(f"{CALENDAR_DOMAIN}."))
        object.__setattr__(self, "calendars", calendars)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> QuietHours:
        """The active hours and do-not-disturb entities the options give."""
        days = options.get(CONF_ACTIVE_DAYS, DEFAULT_ACTIVE_DAYS)
        return cls(
            start=time.fromisoformat(options.get(CONF_ACTIVE_FROM, DEFAULT_ACTIVE_FROM)),
            end=time.fromisoformat(options.get(CONF_ACTIVE_UNTIL, DEFAULT_ACTIVE_UNTIL)),
            days=frozenset(WEEKDAYS.index(day) for day in days),
            dnd_entities=entity_ids(options.get(CONF_DND_ENTITIES)),
        )

    def active_at(self, local: datetime) -> bool:
        """Tell whether a local time lies in the active hours of an active day.

        A window whose end is not after its start runs past midnight (22:00-06:00); it
        belongs to the day it starts on.
        """
        clock = local.time().replace(tzinfo=None)
        if self.start < self.end:
            return local.weekday() in self.days and self.start <= clock < self.end
        if clock >= self.start:
            return local.weekday() in self.days
        return clock < self.end and (local.weekday() - 1) % 7 in self.days

    def first_start_after(self, local: datetime) -> datetime:
        """The first start of the active hours on a date after ``local``'s ("tomorrow").

        With no active day, the start on the next date.
        """
        dates = (local.date() + timedelta(days=offset) for offset in range(1, 8))
        later = next(day for day in dates if not self.days or day.weekday() in self.days)
        return datetime.combine(later, self.start, tzinfo=local.tzinfo)

    def next_boundary(self, local: datetime) -> datetime:
        """The next local instant where the active hours begin or end."""
        candidates = [
            moment
            for offset in range(2)
            for clock in (self.start, self.end)
            if (
                moment := datetime.combine(
                    local.date() + timedelta(days=offset), clock, tzinfo=local.tzinfo
                )
            )
            > local
        ]
        return min(candidates)


@dataclass(frozen=True, kw_only=True)
class SummarySchedule:
    """Where and when the weekly summary goes; no targets: none is sent."""

    targets: tuple[str, ...]
    weekday: int  # Monday is 0
    at: time

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> SummarySchedule:
        """The schedule the options give."""
        return cls(
            targets=entity_ids(options.get(CONF_SUMMARY_TARGETS)),
            weekday=WEEKDAYS.index(options.get(CONF_SUMMARY_DAY, DEFAULT_SUMMARY_DAY)),
            at=time.fromisoformat(options.get(CONF_SUMMARY_TIME, DEFAULT_SUMMARY_TIME)),
        )


@dataclass(frozen=True, kw_only=True)
class StandOptions:
    """The Standing desk page: whether a break raises the desk, to what, for how long."""

    raising: bool  # the break action is raising the desk (else: announcing)
    control: str | None  # the entity that moves the desk
    raise_to: float | None  # in the control's own unit; None: not set
    lower_to: float | None
    warning_seconds: int
    stand_minutes: int
    lower_after: bool
    cue_after: int = DEFAULT_STANDING_CUE_AFTER  # minutes of standing before the cue
    upright_target: int = DEFAULT_UPRIGHT_TARGET  # minutes a day

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> StandOptions:
        """Parse the standing-desk options."""
        control = options.get(CONF_DESK_CONTROL)
        return cls(
            raising=options.get(CONF_BREAK_ACTION) == BREAK_ACTION_RAISE,
            control=str(control) if control else None,
            raise_to=as_number(options.get(CONF_RAISE_TO)),
            lower_to=as_number(options.get(CONF_LOWER_TO)),
            warning_seconds=int(options.get(CONF_RAISE_WARNING, DEFAULT_RAISE_WARNING)),
            stand_minutes=int(options.get(CONF_STAND_MINUTES, DEFAULT_STAND_MINUTES)),
            lower_after=bool(options.get(CONF_LOWER_AFTER, False)),
            cue_after=int(options.get(CONF_STANDING_CUE_AFTER, DEFAULT_STANDING_CUE_AFTER)),
            upright_target=int(options.get(CONF_UPRIGHT_TARGET, DEFAULT_UPRIGHT_TARGET)),
        )


@dataclass(frozen=True, kw_only=True)
class DeskOptions:
    """Everything a desk's options say, typed; built at setup and on each options change."""

    tracking: Settings
    announce: AnnounceTargets
    message: str | None  # a template; None: the translated default
    snooze_minutes: int
    streak_target: float  # percent
    quiet: QuietHours
    summary: SummarySchedule
    routines: tuple[dict[str, Any], ...]  # the user's own routines, as stored
    stand: StandOptions
    step_entity: str | None = None  # the person's step count, for walked breaks
    adapt_interval: bool = False  # the interval adapts to the last 14 days
    pause_entities: tuple[str, ...] = ()  # two phases: these going idle is a natural pause
    programme: ProgrammeSettings = field(default_factory=ProgrammeSettings)  # strength spacing

    @classmethod
    def from_options(
        cls, options: Mapping[str, Any], standing_grade: Grade = Grade.STOOD
    ) -> DeskOptions:
        """Parse a desk's stored options (``standing_grade``: what its standing input proves)."""
        return cls(
            tracking=tracking_settings(options, standing_grade),
            step_entity=options.get(CONF_STEP_ENTITY) or None,
            adapt_interval=bool(options.get(CONF_ADAPT_INTERVAL, False)),
            pause_entities=entity_ids(options.get(CONF_PAUSE_ENTITIES)),
            programme=ProgrammeSettings.from_options(options),
            announce=AnnounceTargets.from_options(options),
            message=options.get(CONF_MESSAGE) or None,
            snooze_minutes=int(options.get(CONF_SNOOZE_MINUTES, DEFAULT_SNOOZE_MINUTES)),
            streak_target=float(options.get(CONF_STREAK_TARGET, DEFAULT_STREAK_TARGET)),
            quiet=QuietHours.from_options(options),
            summary=SummarySchedule.from_options(options),
            routines=tuple(options.get(CONF_ROUTINES) or ()),
            stand=StandOptions.from_options(options),
        )
