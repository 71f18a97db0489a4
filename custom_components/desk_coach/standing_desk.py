"""The standing desk in Home Assistant: its options page, its height, and moving it.

``stand.py`` decides when the desk moves; this module reads the height control (a
``cover`` such as the IKEA Idasen integration's, a ``number`` or an ``input_number``),
turns the options into the loop's settings, and moves the desk with service calls. A move
that fails is logged and the break announced instead; nothing here raises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
import logging
from typing import Any

from homeassistant.components.cover import (
    ATTR_CURRENT_POSITION,
    ATTR_POSITION,
    CoverEntityFeature,
    CoverState,
)
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_SUPPORTED_FEATURES,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import HomeAssistant, State, split_entity_id

from .model import Activity, BreakEvent, Snapshot
from .options import StandOptions, as_number
from .stand import Motion, Situation, StandLoop, StandPhase, StandSettings, StandSnapshot

_LOGGER = logging.getLogger(__name__)

COVER_TOLERANCE = 2.0  # percent points: a cover this close to its target is there
NUMBER_TOLERANCE = 0.02  # of a number's range
ATTR_MIN = "min"  # number and input_number
ATTR_MAX = "max"
ATTR_STEP = "step"
ATTR_VALUE = "value"
OPEN_CLOSE_RAISED = 100.0  # a cover without positions: open is up, closed is down


@dataclass(frozen=True, kw_only=True)
class DeskReading:
    """The height control as it is now."""

    height: float | None  # in the control's unit; None: unavailable
    moving: bool = False
    positions: bool = True  # takes a height; False: a cover that only opens and closes
    tolerance: float = COVER_TOLERANCE


def takes_positions(state: State) -> bool:
    """Whether a cover takes a position (else it only opens and closes)."""
    features = int(state.attributes.get(ATTR_SUPPORTED_FEATURES) or 0)
    return bool(features & CoverEntityFeature.SET_POSITION)


def read_desk(hass: HomeAssistant, entity_id: str) -> DeskReading:
    """Where the desk is, in the unit its control uses."""
    state = hass.states.get(entity_id)
    if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        return DeskReading(height=None)
    if state.domain == "cover":
        moving = state.state in (CoverState.OPENING, CoverState.CLOSING)
        if takes_positions(state):
            return DeskReading(
                height=as_number(state.attributes.get(ATTR_CURRENT_POSITION)), moving=moving
            )
        height = None
        if state.state == CoverState.OPEN:
            height = OPEN_CLOSE_RAISED
        elif state.state == CoverState.CLOSED:
            height = 0.0
        return DeskReading(height=height, moving=moving, positions=False, tolerance=1.0)
    low, high = as_number(state.attributes.get(ATTR_MIN)), as_number(state.attributes.get(ATTR_MAX))
    step = as_number(state.attributes.get(ATTR_STEP)) or 0.0
    span = high - low if low is not None and high is not None else 0.0
    return DeskReading(
        height=as_number(state.state), tolerance=max(step, NUMBER_TOLERANCE * span, 1e-6)
    )


def stand_settings(options: StandOptions, reading: DeskReading | None) -> StandSettings:
    """The loop's settings from the options, with the raise height the control understands."""
    raise_to = options.raise_to
    if reading is not None and not reading.positions:
        raise_to = OPEN_CLOSE_RAISED
    return StandSettings(
        raise_desk=options.raising and reading is not None and raise_to is not None,
        warning=timedelta(seconds=options.warning_seconds),
        stand=timedelta(minutes=options.stand_minutes),
        lower_after=options.lower_after,
        raise_to=raise_to if raise_to is not None else OPEN_CLOSE_RAISED,
        tolerance=reading.tolerance if reading is not None else COVER_TOLERANCE,
    )


class StandingDesk:
    """One desk's stand loop in Home Assistant (owned by the desk's runtime)."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry[Any],
        *,
        options: Callable[[], StandOptions],
        inputs: Callable[[], Activity],
        announce_break: Callable[[], None],
        report: Callable[[BreakEvent], None],
        refresh: Callable[[], None],
    ) -> None:
        """Follow the desk; ``inputs`` reads what the inputs say this instant."""
        self.hass = hass
        self.entry = entry
        self._options = options
        self.loop = StandLoop()
        self.snapshot = StandSnapshot()
        self._inputs = inputs
        self._announce_break = announce_break
        self._report = report
        self._refresh = refresh
        self._stopped = False

    @property
    def control(self) -> str | None:
        """The entity that moves the desk (None: none chosen)."""
        return self._options().control

    @property
    def raising(self) -> bool:
        """Whether the break action is raising the desk."""
        return self._options().raising

    @property
    def warning_seconds(self) -> int:
        """The lead time the warning announces."""
        return self._options().warning_seconds

    def _settings(self) -> tuple[StandSettings, DeskReading | None]:
        control = self.control
        reading = read_desk(self.hass, control) if control else None
        return stand_settings(self._options(), reading), reading

    def update(
        self, now: datetime, snapshot: Snapshot, *, routine: bool, announced: bool
    ) -> tuple[bool, bool]:
        """Follow the desk at ``now``: (what it shows changed, say the warning now)."""
        settings, reading = self._settings()
        inputs = snapshot.activity
        if announced or self.loop.phase is not StandPhase.IDLE:
            inputs = self._inputs()  # motion needs the inputs of this instant too
        situation = Situation(
            activity=snapshot.activity,
            inputs=inputs,
            break_due=snapshot.break_due,
            quiet=snapshot.quiet,
            routine=routine,
            height=reading.height if reading is not None else None,
            moving=reading.moving if reading is not None else False,
        )
        phase = self.loop.phase
        warn = self.loop.update(now, situation, settings, announced=announced)
        if phase is not StandPhase.IDLE and self.loop.phase is StandPhase.IDLE:
            _LOGGER.debug("%s: standing desk loop ended (%s)", self.entry.title, self.loop.ended)
        motions, announce_instead = self.loop.drain()
        for _, motion in motions:
            self.entry.async_create_task(
                self.hass, self._async_move(motion), f"desk_coach_{motion.value}_desk"
            )
        if announce_instead:
            self._announce_break()
        before, self.snapshot = self.snapshot, self.loop.snapshot(settings)
        return self.snapshot != before, warn

    def next_change(self) -> datetime | None:
        """When the loop must look again by itself."""
        return self.loop.next_change(self._settings()[0])

    def attributes(self) -> dict[str, Any]:
        """What the break status shows about the desk (nothing while it only announces)."""
        if not self.raising and self.snapshot.phase is StandPhase.IDLE:
            return {}
        return {
            "standing_desk": self.snapshot.phase.value,
            "desk_moves_at": self.snapshot.moves_at,
        }

    def stop(self) -> None:
        """The desk unloads: a move under way finishes, but reports nothing."""
        self._stopped = True

    async def _async_move(self, motion: Motion) -> None:
        """Raise or lower the desk; a failure is logged, and a failed raise announced."""
        control = self.control
        call = self._service_call(motion, control) if control else None
        if call is None:
            _LOGGER.warning(
                "%s: no height to %s the desk to; set it on the Standing desk options page",
                self.entry.title,
                motion.value,
            )
            return
        domain, service, data = call
        try:
            await self.hass.services.async_call(domain, service, data, blocking=True)
        except Exception as err:  # noqa: BLE001 - a desk's own error must not end the loop
            _LOGGER.warning(
                "%s: could not %s the desk with %s.%s (%s)%s",
                self.entry.title,
                motion.value,
                domain,
                service,
                str(err) or type(err).__name__,
                "; announcing the break instead" if motion is Motion.RAISE else "",
            )
            if not self._stopped and self.loop.motion_failed(motion):
                self._announce_break()
                self._refresh()
            return
        if not self._stopped:
            event = BreakEvent.DESK_RAISED if motion is Motion.RAISE else BreakEvent.DESK_LOWERED
            self._report(event)

    def _service_call(self, motion: Motion, control: str) -> tuple[str, str, dict[str, Any]] | None:
        """The service that moves ``control`` (None: no height to move it to)."""
        options = self._options()
        target = options.raise_to if motion is Motion.RAISE else options.lower_to
        domain = split_entity_id(control)[0]
        data: dict[str, Any] = {ATTR_ENTITY_ID: control}
        if domain == "cover":
            state = self.hass.states.get(control)
            if state is not None and takes_positions(state):
                if target is None:
                    return None
                return domain, "set_cover_position", data | {ATTR_POSITION: round(target)}
            return domain, "open_cover" if motion is Motion.RAISE else "close_cover", data
        if target is None:
            return None
        return domain, "set_value", data | {ATTR_VALUE: target}
