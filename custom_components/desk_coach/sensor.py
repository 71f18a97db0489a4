"""Sensors: sitting time, today's totals, the next break, routines and strength sessions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_STANDING_ENTITY, DOMAIN
from .coordinator import DeskCoachConfigEntry, DeskCoordinator
from .entity import DeskEntity, DeskEntityDescription
from .model import Grade, MinuteCount, Status
from .pain import pain_attributes, pain_now
from .routine import RoutineState
from .routine_attributes import routine_attributes

PARALLEL_UPDATES = 0


def has_standing_input(coach: DeskCoordinator) -> bool:
    """Whether the desk can tell standing from sitting (standing sensors exist then)."""
    return bool(coach.entry.data.get(CONF_STANDING_ENTITY))


def whole_minutes(duration: timedelta) -> int:
    """Minutes completed (a display that is right to the minute, never ahead)."""
    return int(duration.total_seconds() // 60)


def standing_share(coach: DeskCoordinator) -> int | None:
    """Standing in % of today's desk time, from the minutes the two totals show."""
    sitting = whole_minutes(coach.snapshot.sitting_today)
    standing = whole_minutes(coach.snapshot.standing_today)
    if not sitting + standing:
        return None
    return round(100 * standing / (sitting + standing))


def upright_attributes(coach: DeskCoordinator) -> dict[str, Any]:
    """The day's upright target in minutes, and how much of it the minutes shown make."""
    target = coach.options.stand.upright_target
    upright = whole_minutes(coach.snapshot.today.upright)
    return {"target": target, "percent_of_target": round(100 * upright / target)}


def sitting_left(coach: DeskCoordinator) -> int | None:
    """Minutes left before the daily limit, from the minutes sitting today shows."""
    snapshot = coach.snapshot
    if snapshot.daily_limit is None:
        return None
    return max(whole_minutes(snapshot.daily_limit) - whole_minutes(snapshot.sitting_today), 0)


def compliance_percent(coach: DeskCoordinator) -> int | None:
    """Today's break compliance in % (None while no break was due)."""
    compliance = coach.snapshot.today.compliance
    return None if compliance is None else round(100 * compliance)


def break_status_attributes(coach: DeskCoordinator) -> dict[str, Any]:
    """With a standing desk: where raising it stands, and when it moves next.

    ``not_announced: no_channel`` while a due break reaches nobody (no channel is set);
    ``paused_until`` while the reminders are paused.
    """
    attributes = coach.stand.attributes()
    if not coach.has_announce_channel:
        attributes = {**attributes, "not_announced": "no_channel"}
    if (until := coach.quiet.paused_until) is not None:
        attributes = {**attributes, "paused_until": until}
    return attributes


@dataclass(frozen=True, kw_only=True)
class DeskSensorDescription(DeskEntityDescription, SensorEntityDescription):
    """A desk sensor; ``exists_fn`` says whether the desk has what it needs."""

    exists_fn: Callable[[DeskCoordinator], bool] = lambda coach: True


SENSORS: tuple[DeskSensorDescription, ...] = (
    DeskSensorDescription(
        key="sitting_since",
        translation_key="sitting_since",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda coach: coach.snapshot.stretch_start,
    ),
    # Minute-by-minute durations: one recorder row a minute each, so off unless wanted;
    # "sitting since" shows the same live, written once a stretch.
    DeskSensorDescription(
        key="sitting_time",
        translation_key="sitting_time",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        entity_registry_enabled_default=False,
        shows=MinuteCount.STRETCH,
        value_fn=lambda coach: whole_minutes(coach.snapshot.sitting_time),
    ),
    DeskSensorDescription(
        key="sitting_today",
        translation_key="sitting_today",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.TOTAL_INCREASING,
        suggested_display_precision=0,
        shows=MinuteCount.TODAY,
        value_fn=lambda coach: whole_minutes(coach.snapshot.sitting_today),
    ),
    DeskSensorDescription(
        key="standing_today",
        translation_key="standing_today",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.TOTAL_INCREASING,
        suggested_display_precision=0,
        shows=MinuteCount.STANDING_TODAY,
        exists_fn=has_standing_input,
        value_fn=lambda coach: whole_minutes(coach.snapshot.standing_today),
    ),
    DeskSensorDescription(
        key="standing_share_today",
        translation_key="standing_share_today",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        shows=(MinuteCount.TODAY, MinuteCount.STANDING_TODAY),
        exists_fn=has_standing_input,
        value_fn=standing_share,
    ),
    # standing, and away on the breaks that prove moving (walked, moved): off by default,
    # a recorder row every standing minute, like standing today's
    DeskSensorDescription(
        key="upright_today",
        translation_key="upright_today",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.TOTAL_INCREASING,
        suggested_display_precision=0,
        entity_registry_enabled_default=False,
        shows=MinuteCount.STANDING_TODAY,
        exists_fn=has_standing_input,
        value_fn=lambda coach: whole_minutes(coach.snapshot.today.upright),
        attributes_fn=upright_attributes,
    ),
    # counts down while sitting and starts afresh at midnight: no statistics to keep.
    # Off by default: a recorder row every sitting minute, like sitting today's but
    # telling nothing it doesn't (the limit minus sitting today; over_daily_limit).
    DeskSensorDescription(
        key="sitting_left_today",
        translation_key="sitting_left_today",
        entity_registry_enabled_default=False,
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        suggested_display_precision=0,
        shows=MinuteCount.TODAY,
        value_fn=sitting_left,
    ),
    DeskSensorDescription(
        key="longest_stretch_today",
        translation_key="longest_stretch_today",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        entity_registry_enabled_default=False,
        shows=MinuteCount.STRETCH_TODAY,
        value_fn=lambda coach: whole_minutes(coach.snapshot.longest_stretch_today),
    ),
    *(
        DeskSensorDescription(
            key=key,
            translation_key=key,
            state_class=SensorStateClass.TOTAL_INCREASING,
            value_fn=value_fn,
        )
        for key, value_fn in (
            ("breaks_taken_today", lambda coach: coach.snapshot.today.breaks_taken),
            ("natural_breaks_today", lambda coach: coach.snapshot.today.natural_breaks),
            ("breaks_skipped_today", lambda coach: coach.snapshot.today.breaks_skipped),
            ("breaks_missed_today", lambda coach: coach.snapshot.today.breaks_missed),
        )
    ),
    DeskSensorDescription(
        key="breaks_proven_today",
        translation_key="breaks_proven_today",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda coach: coach.snapshot.today.proven,
        attributes_fn=lambda coach: {
            grade.value: coach.snapshot.today.graded(grade) for grade in reversed(Grade)
        },
    ),
    DeskSensorDescription(
        key="adapted_interval",
        translation_key="adapted_interval",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        value_fn=lambda coach: coach.interval.minutes,
        attributes_fn=lambda coach: coach.interval.attributes(),
    ),
    DeskSensorDescription(
        key="break_compliance_today",
        translation_key="break_compliance_today",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=compliance_percent,
    ),
    DeskSensorDescription(
        key="streak",
        translation_key="streak",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda coach: coach.tracker.streak(coach.options.streak_target),
    ),
    DeskSensorDescription(
        key="break_status",
        translation_key="break_status",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in Status],
        value_fn=lambda coach: coach.snapshot.status.value,
        attributes_fn=break_status_attributes,
    ),
    DeskSensorDescription(
        key="next_break",
        translation_key="next_break",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda coach: coach.snapshot.next_break,
    ),
    DeskSensorDescription(
        key="routine",
        translation_key="routine",
        device_class=SensorDeviceClass.ENUM,
        options=[state.value for state in RoutineState],
        value_fn=lambda coach: coach.routines.snapshot.state.value,
        attributes_fn=routine_attributes,
    ),
    DeskSensorDescription(
        key="routines_completed_today",
        translation_key="routines_completed_today",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda coach: coach.routines.completed_today,
    ),
    DeskSensorDescription(
        key="next_strength_session",
        translation_key="next_strength_session",
        device_class=SensorDeviceClass.DATE,
        value_fn=lambda coach: coach.programme.plan(coach.snapshot.as_of).next_day,
        attributes_fn=lambda coach: {
            "earliest": coach.programme.plan(coach.snapshot.as_of).earliest,
            "routine": coach.programme.planned_routine,
        },
    ),
    DeskSensorDescription(
        key="strength_sessions_this_week",
        translation_key="strength_sessions_this_week",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda coach: coach.programme.plan(coach.snapshot.as_of).done_this_week,
        attributes_fn=lambda coach: {
            "planned": coach.programme.plan(coach.snapshot.as_of).planned_this_week,
            "extra": coach.programme.plan(coach.snapshot.as_of).extra_this_week,
        },
    ),
    DeskSensorDescription(
        key="pain",
        translation_key="pain",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda coach: pain_now(coach.programme.state.pain),
        attributes_fn=lambda coach: pain_attributes(coach.programme.state.pain),
    ),
    DeskSensorDescription(
        key="strength_level",
        translation_key="strength_level",
        value_fn=lambda coach: coach.programme.level,
        attributes_fn=lambda coach: coach.programme.level_attributes(),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeskCoachConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the desk's sensors; drop those the desk no longer has the inputs for."""
    coach = entry.runtime_data.coordinator
    registry = er.async_get(hass)
    for description in SENSORS:
        unique_id = f"{entry.entry_id}_{description.key}"
        if not description.exists_fn(coach) and (
            entity_id := registry.async_get_entity_id("sensor", DOMAIN, unique_id)
        ):
            registry.async_remove(entity_id)
    classes: dict[str, type[DeskSensor]] = {
        "routine": RoutineSensor,
        "break_status": BreakStatusSensor,
    }
    async_add_entities(
        classes.get(description.key, DeskSensor)(entry, description)
        for description in SENSORS
        if description.exists_fn(coach)
    )


class DeskSensor(DeskEntity, SensorEntity):
    """A sensor read off the desk's snapshot."""

    entity_description: DeskSensorDescription

    @property
    def native_value(self) -> int | str | date | datetime | None:
        """The value last published."""
        value: int | str | date | datetime | None = self._value
        return value


class RoutineSensor(DeskSensor):
    """The routine's state; what only a live card needs is kept out of the recorder."""

    _unrecorded_attributes = frozenset(
        {
            "cues",
            "safety",
            "felt",
            "picture",
            "picture_png",
            "picture_alt",
            "previews",
            "step_ends_at",
            "ends_at",
            "remaining_seconds",
            "phase_ends_at",
            "advice",
            "advice_until",
        }
    )


class BreakStatusSensor(DeskSensor):
    """The break's status; when a standing desk moves next is for a live card only.

    ``desk_moves_at`` is a new instant at every move, so each would be one more row of
    stored attributes; the history keeps the desk's phase (``standing_desk``), which has
    a handful of values.
    """

    _unrecorded_attributes = frozenset({"desk_moves_at"})
