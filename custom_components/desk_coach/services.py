"""Actions: breaks, reminders, announcements, routines and the rating of a session.

Every action runs inside ``refusals_translated`` (helpers.py): a ``Refusal`` raised by the
desk or here (no such desk, minutes not whole) is the action's translated error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from functools import wraps
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from .const import DOMAIN, MAX_SNOOZE_MINUTES, MIN_SNOOZE_MINUTES, PAUSE_HOURS_RANGE
from .coordinator import DeskCoordinator
from .helpers import loaded_desk, loaded_desks, refusals_translated
from .minutes import hours_in_range, minutes_in_range
from .refusal import Refusal
from .routine import Effort, StepKind, StopReason

ATTR_CONFIG_ENTRY_ID = "config_entry_id"
ATTR_MINUTES = "minutes"
ATTR_ROUTINE = "routine"
ATTR_ANNOUNCE = "announce"
ATTR_CHECK = "check"
ATTR_REASON = "reason"
ATTR_HOURS = "hours"
ATTR_UNTIL_ACTIVE_HOURS = "until_active_hours"
ATTR_EFFORT = "effort"

SERVICE_TAKE_BREAK = "take_break"
SERVICE_SNOOZE = "snooze"
SERVICE_SKIP_BREAK = "skip_break"
SERVICE_ANNOUNCE_TEST = "announce_test"
SERVICE_START_ROUTINE = "start_routine"
SERVICE_PAUSE_ROUTINE = "pause_routine"
SERVICE_RESUME_ROUTINE = "resume_routine"
SERVICE_NEXT_STEP = "next_step"
SERVICE_STOP_ROUTINE = "stop_routine"
SERVICE_PAUSE_REMINDERS = "pause_reminders"
SERVICE_RESUME_REMINDERS = "resume_reminders"
SERVICE_RATE_SESSION = "rate_session"

DESK_SCHEMA = vol.Schema({vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string})


def number_as_given(value: float | str) -> float | str:
    """A number (or one written as text), unchanged.

    The action checks that it is whole and in range and refuses it in words: a schema's own
    error names neither the field nor the range, and ``vol.Coerce(int)`` made ``true`` 1 and
    ``1.9`` 1. Assistants' tools see the type hint: a number or text.
    """
    if isinstance(value, (int, float, str)):
        return value
    raise vol.Invalid("expected a number")


def as_given(value: object) -> str:
    """A refused value as the error text shows it (``true`` as JSON and YAML write it)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


SNOOZE_SCHEMA = DESK_SCHEMA.extend({vol.Optional(ATTR_MINUTES): number_as_given})
START_ROUTINE_SCHEMA = DESK_SCHEMA.extend(
    {
        vol.Required(ATTR_ROUTINE): cv.string,
        vol.Optional(ATTR_ANNOUNCE, default=True): cv.boolean,
        vol.Optional(ATTR_CHECK, default=True): cv.boolean,
    }
)
STOP_ROUTINE_SCHEMA = DESK_SCHEMA.extend({vol.Optional(ATTR_REASON): cv.string})
RATE_SCHEMA = DESK_SCHEMA.extend({vol.Required(ATTR_EFFORT): cv.string})
PAUSE_SCHEMA = DESK_SCHEMA.extend(
    {
        vol.Optional(ATTR_HOURS): number_as_given,
        vol.Optional(ATTR_UNTIL_ACTIVE_HOURS, default=False): cv.boolean,
    }
)


def stop_reason(call: ServiceCall) -> StopReason:
    """The reason asked for (default: done), refused if unknown."""
    reason: str = call.data.get(ATTR_REASON, StopReason.DONE.value)
    try:
        return StopReason(reason)
    except ValueError:
        reasons = ", ".join(r.value for r in StopReason)
        raise Refusal("unknown_stop_reason", {"reason": reason, "reasons": reasons}) from None


def effort(call: ServiceCall) -> Effort:
    """How hard the session felt, refused if not easy, fine or hard."""
    given: str = call.data[ATTR_EFFORT]
    try:
        return Effort(given.strip().lower())
    except ValueError:
        efforts = ", ".join(e.value for e in Effort)
        raise Refusal("unknown_effort", {"effort": given, "efforts": efforts}) from None


def pause_hours(call: ServiceCall) -> float | None:
    """How long a pause is asked for (None: until the active hours start on a later date).

    Refused unless exactly one of ``hours`` and ``until_active_hours`` is asked.
    """
    hours, until_active = call.data.get(ATTR_HOURS), call.data[ATTR_UNTIL_ACTIVE_HOURS]
    if (hours is None) is not until_active:
        raise Refusal("pause_how_long")
    return None if hours is None else checked_pause_hours(hours)


def checked_pause_hours(asked: object) -> float:
    """Hours of a pause, refused unless within the range."""
    return hours_in_range(asked, PAUSE_HOURS_RANGE, shown=as_given(asked))


def snooze_minutes(call: ServiceCall) -> int | None:
    """The snooze length asked for, refused when out of range."""
    return checked_snooze(call.data.get(ATTR_MINUTES))


def checked_snooze(asked: object) -> int | None:
    """A snooze length (None: the desk's own), refused unless whole minutes in range."""
    if asked is None:
        return None
    return minutes_in_range(
        asked,
        (MIN_SNOOZE_MINUTES, MAX_SNOOZE_MINUTES),
        refusal="snooze_out_of_range",
        shown=as_given(asked),
    )


def desk_for_call(hass: HomeAssistant, call: ServiceCall) -> DeskCoordinator:
    """The desk a call addresses: the one named, or the only one there is; else refused."""
    entry_id: str | None = call.data.get(ATTR_CONFIG_ENTRY_ID)
    loaded = loaded_desks(hass)
    if entry_id is not None:
        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.domain != DOMAIN:
            raise Refusal("desk_not_found", {"entry_id": entry_id})
        if (coach := loaded_desk(hass, entry_id)) is None:
            raise Refusal("desk_not_loaded", {"desk": entry.title})
        return coach
    if not loaded:
        raise Refusal("no_desk")
    if len(loaded) > 1:
        raise Refusal("which_desk", {"desks": ", ".join(sorted(e.title for e in loaded))})
    return loaded[0].runtime_data.coordinator


def _refusals_translated[R](
    handler: Callable[[ServiceCall], Awaitable[R]],
) -> Callable[[ServiceCall], Coroutine[Any, Any, R]]:
    """An action's handler whose refusals are its translated errors."""

    @wraps(handler)
    async def handle(call: ServiceCall) -> R:
        with refusals_translated():
            return await handler(call)

    return handle


def _on_desk(
    hass: HomeAssistant, action: Callable[[DeskCoordinator, ServiceCall], None]
) -> Callable[[ServiceCall], Coroutine[Any, Any, None]]:
    """The handler of an action that acts on the desk the call addresses."""

    async def handle(call: ServiceCall) -> None:
        action(desk_for_call(hass, call), call)

    return _refusals_translated(handle)


async def _announce_test(coach: DeskCoordinator, call: ServiceCall) -> ServiceResponse:
    return {"channels": dict(await coach.breaks.async_test())}


async def _start_routine(coach: DeskCoordinator, call: ServiceCall) -> ServiceResponse:
    routine, steps = coach.routines.start(
        call.data[ATTR_ROUTINE], announce=call.data[ATTR_ANNOUNCE], check=call.data[ATTR_CHECK]
    )
    return {
        "routine": routine.id,
        "checking": coach.routines.precheck.pending is not None,
        "name": coach.routines.name(routine.id),
        "seconds": sum(step.seconds for step in steps),
        "steps": [
            {
                **step.as_dict(),
                "index": step.index + 1,
                "name": coach.routines.exercise_name(step.exercise),
            }
            for step in steps
        ],
        "exercises": list(dict.fromkeys(s.exercise for s in steps if s.kind is StepKind.WORK)),
    }


async def _pause_reminders(coach: DeskCoordinator, call: ServiceCall) -> ServiceResponse:
    return {"until": coach.quiet.pause(pause_hours(call)).isoformat()}


async def _rate_session(coach: DeskCoordinator, call: ServiceCall) -> ServiceResponse:
    rated = coach.programme.rate(effort(call))
    return {
        "routine": rated.routine,
        "ended": rated.ended.isoformat(),
        "effort": effort(call).value,
        "level": coach.programme.level,
    }


# the actions that answer (a response is optional): what each does, its schema
ANSWERING: tuple[
    tuple[
        str,
        Callable[[DeskCoordinator, ServiceCall], Coroutine[Any, Any, ServiceResponse]],
        vol.Schema,
    ],
    ...,
] = (
    (SERVICE_ANNOUNCE_TEST, _announce_test, DESK_SCHEMA),
    (SERVICE_START_ROUTINE, _start_routine, START_ROUTINE_SCHEMA),
    (SERVICE_PAUSE_REMINDERS, _pause_reminders, PAUSE_SCHEMA),
    (SERVICE_RATE_SESSION, _rate_session, RATE_SCHEMA),
)
# the actions that only act on the desk
ACTING: tuple[tuple[str, Callable[[DeskCoordinator, ServiceCall], None], vol.Schema], ...] = (
    (SERVICE_TAKE_BREAK, lambda coach, _: coach.take_break(), DESK_SCHEMA),
    (SERVICE_SNOOZE, lambda coach, call: coach.snooze(snooze_minutes(call)), SNOOZE_SCHEMA),
    (SERVICE_SKIP_BREAK, lambda coach, _: coach.skip_break(), DESK_SCHEMA),
    (SERVICE_RESUME_REMINDERS, lambda coach, _: coach.quiet.resume(), DESK_SCHEMA),
    (SERVICE_PAUSE_ROUTINE, lambda coach, _: coach.routines.pause(), DESK_SCHEMA),
    (SERVICE_RESUME_ROUTINE, lambda coach, _: coach.routines.resume(), DESK_SCHEMA),
    (SERVICE_NEXT_STEP, lambda coach, _: coach.routines.next_step(), DESK_SCHEMA),
    (
        SERVICE_STOP_ROUTINE,
        lambda coach, call: coach.routines.stop(stop_reason(call)),
        STOP_ROUTINE_SCHEMA,
    ),
)


def _answering(
    hass: HomeAssistant,
    action: Callable[[DeskCoordinator, ServiceCall], Coroutine[Any, Any, ServiceResponse]],
) -> Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]:
    """The handler of an action that answers about the desk the call addresses."""

    async def handle(call: ServiceCall) -> ServiceResponse:
        return await action(desk_for_call(hass, call), call)

    return _refusals_translated(handle)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions once for all desks."""
    for service, answer, schema in ANSWERING:
        hass.services.async_register(
            DOMAIN,
            service,
            _answering(hass, answer),
            schema=schema,
            supports_response=SupportsResponse.OPTIONAL,
        )
    for service, action, schema in ACTING:
        hass.services.async_register(DOMAIN, service, _on_desk(hass, action), schema=schema)


__all__ = ["async_setup_services"]
