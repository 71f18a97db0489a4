"""Replay workday traces in a running Home Assistant and measure what a setup costs.

Used by ``bench_replay.py`` (run through ``scripts/benchmark``): the same seeded traces
drive setup A (Desk Coach) and setup B (the hand-made package) on the simulated clock;
this module sets either up, replays, and reads the figures back from Home Assistant and
its recorder.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
import os
from pathlib import Path
import time
from typing import Any
from unittest.mock import PropertyMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder.db_schema import States, StatesMeta
from homeassistant.components.recorder.tasks import StatisticsTask
from homeassistant.config import merge_packages_config
from homeassistant.core import Event, HomeAssistant, ServiceCall, callback
from homeassistant.helpers import event as event_helpers
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.recorder import get_instance, session_scope
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    get_scheduled_timer_handles,
)
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from sqlalchemy import func, select, text

from . import diy
from .traces import Trace, Truth

DESK_COACH = "desk_coach"
ENGINE = "tts.bench"
MISSED_AFTER = timedelta(minutes=15)  # Desk Coach's default: two reminders 5 minutes apart
MIN_STEP = timedelta(seconds=1)  # the clock never moves by less (timers due sooner wait)


class SetupError(RuntimeError):
    """A benchmark setup did not come up."""


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise SetupError(f"{what} did not set up")


def presence_entity(desk: str) -> str:
    """The input both setups read."""
    return f"input_boolean.{desk}_presence"


def standing_entity(desk: str) -> str:
    """The standing input (read by Desk Coach only: the hand-made setup has none)."""
    return f"input_boolean.{desk}_standing"


@dataclass(kw_only=True)
class Recorded:
    """What a setup announced and how often its entities were written."""

    breaks: dict[str, list[datetime]] = field(default_factory=dict)
    spoken: int = 0
    lights: int = 0


async def async_prepare_world(hass: HomeAssistant, desks: list[str], standing: bool) -> Recorded:
    """The inputs, a speaker, a lamp and a TTS engine per desk; the services recorded."""
    booleans: dict[str, Any] = {f"{desk}_presence": {} for desk in desks}
    if standing:
        booleans |= {f"{desk}_standing": {} for desk in desks}
    _require(
        await async_setup_component(hass, "input_boolean", {"input_boolean": booleans}),
        "input_boolean",
    )
    hass.states.async_set(ENGINE, "unknown")
    for desk in desks:
        hass.states.async_set(f"media_player.{desk}_speaker", "idle")
        hass.states.async_set(
            f"light.{desk}_lamp", "off", {"supported_color_modes": ["rgb"], "color_mode": None}
        )
    recorded = Recorded()

    async def speak(call: ServiceCall) -> None:
        recorded.spoken += 1

    async def light(call: ServiceCall) -> None:
        recorded.lights += 1

    hass.services.async_register("tts", "speak", speak)
    hass.services.async_register("light", "turn_on", light)
    hass.services.async_register("light", "turn_off", light)
    await hass.async_block_till_done()
    return recorded


async def async_setup_desk_coach(
    hass: HomeAssistant, desks: list[str], standing: bool, recorded: Recorded
) -> None:
    """Setup A: one Desk Coach entry per desk, announcing on its speaker and lamp."""
    for desk in desks:
        data: dict[str, Any] = {"presence_entity": presence_entity(desk)}
        if standing:
            data["standing_entity"] = standing_entity(desk)
        entry = MockConfigEntry(
            domain=DESK_COACH,
            title=desk,
            data=data,
            options={
                "media_players": [f"media_player.{desk}_speaker"],
                "tts_engine": ENGINE,
                "lights": [f"light.{desk}_lamp"],
                # announce all day: the benchmark's day is longer than office hours
                "active_from": "00:00:00",
                "active_until": "23:59:00",
                "active_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            },
        )
        entry.add_to_hass(hass)
        _require(await hass.config_entries.async_setup(entry.entry_id), desk)
        recorded.breaks[desk] = []
    await hass.async_block_till_done()

    @callback
    def on_break(event: Event) -> None:
        if event.data["type"] == "due":
            recorded.breaks[event.data["desk"]].append(dt_util.utcnow())

    hass.bus.async_listen("desk_coach_break", on_break)


async def async_setup_diy(hass: HomeAssistant, desks: list[str], recorded: Recorded) -> None:
    """Setup B: the hand-made package for every desk."""
    config: dict[str, Any] = {"homeassistant": {}}
    package = diy.diy_package(desks, tts_engine=ENGINE.removeprefix("tts."), include_presence=False)
    await merge_packages_config(hass, config, {"diy": package})
    for domain in ("timer", "sensor", "template", "automation"):
        _require(await async_setup_component(hass, domain, config), domain)
    await hass.async_block_till_done()
    timers = {f"timer.{desk}_sitting": desk for desk in desks}
    for desk in desks:
        recorded.breaks[desk] = []

    @callback
    def on_finished(event: Event) -> None:
        if (desk := timers.get(event.data.get("entity_id", ""))) is not None:
            recorded.breaks[desk].append(dt_util.utcnow())

    hass.bus.async_listen("timer.finished", on_finished)


def _rss_bytes() -> int:
    """The process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


async def async_measured[T](setup: Coroutine[Any, Any, T]) -> tuple[T, float, int]:
    """Run ``setup``; return its result, wall seconds and the memory it added (RSS bytes).

    Not traced with tracemalloc: tracing slows Python down several times and would make
    the setup time meaningless; resident memory rarely shrinks, so its growth is the peak.
    """
    memory = _rss_bytes()
    began = os.times().elapsed  # the frozen clock stops time.perf_counter and friends
    result = await setup
    took = os.times().elapsed - began
    return result, took, _rss_bytes() - memory


def _fire_due_timers(hass: HomeAssistant, now: datetime) -> None:
    """Run the timers due at ``now`` (the harness's way, with its clock patches set once).

    The harness's ``async_fire_time_changed`` patches Home Assistant's time tracker for
    every timer it runs, which costs more than most timers' own work and would bury the
    difference between the setups in harness overhead.
    """
    timestamp = now.timestamp()
    # both clocks read once: under the frozen clock every read walks the call stack
    latest = hass.loop.time() + (timestamp - time.time())
    due = [
        handle
        for handle in get_scheduled_timer_handles(hass.loop)
        if isinstance(handle, asyncio.TimerHandle)
        and not handle.cancelled()
        and handle.when() <= latest
    ]
    if not due:
        return
    saved = (event_helpers.time_tracker_utcnow, event_helpers.time_tracker_timestamp)
    event_helpers.time_tracker_utcnow = partial(_same, now)
    event_helpers.time_tracker_timestamp = partial(_same, timestamp)
    try:
        for handle in due:
            if not handle.cancelled():
                handle._run()  # noqa: SLF001 - what the harness does
                handle.cancel()
    finally:
        event_helpers.time_tracker_utcnow, event_helpers.time_tracker_timestamp = saved


def _same[T](value: T) -> T:
    return value


def _next_timer(hass: HomeAssistant, now: datetime) -> datetime | None:
    """The simulated instant at which the earliest pending timer is due."""
    loop_now = hass.loop.time()
    whens = [
        handle.when()
        for handle in get_scheduled_timer_handles(hass.loop)
        if isinstance(handle, asyncio.TimerHandle) and not handle.cancelled()
    ]
    if not whens:
        return None
    return now + timedelta(seconds=max(0.0, min(whens) - loop_now))


async def async_replay(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    inputs: list[tuple[datetime, str, bool]],
    end: datetime,
) -> int:
    """Drive the clock from now to ``end``: inputs at their instants, timers when due.

    Returns the number of clock steps taken.
    """
    pending = sorted(inputs)
    index, steps = 0, 0
    now = dt_util.utcnow()
    while now < end:
        candidates = [end]
        if index < len(pending):
            candidates.append(pending[index][0])
        if (timer := _next_timer(hass, now)) is not None:
            candidates.append(timer)
        now = max(min(candidates), now + MIN_STEP)
        freezer.move_to(now)
        _fire_due_timers(hass, now)
        while index < len(pending) and pending[index][0] <= now:
            _, entity_id, on = pending[index]
            hass.states.async_set(entity_id, "on" if on else "off")
            index += 1
        await hass.async_block_till_done()
        steps += 1
    return steps


def trace_inputs(desk: str, trace: Trace, standing: bool) -> list[tuple[datetime, str, bool]]:
    """The trace as input changes of the desk's entities."""
    inputs = [(at, presence_entity(desk), on) for at, on in trace.changes]
    if standing:
        inputs += [(at, standing_entity(desk), on) for at, on in trace.standing]
    return inputs


async def async_rows_per_entity(hass: HomeAssistant) -> Counter[str]:
    """Rows in the recorder's states table, per entity."""
    instance = get_instance(hass)

    def count() -> Counter[str]:
        with session_scope(hass=hass, read_only=True) as session:
            query = (
                select(StatesMeta.entity_id, func.count(States.state_id))
                .join(StatesMeta, States.metadata_id == StatesMeta.metadata_id)
                .group_by(StatesMeta.entity_id)
            )
            return Counter(
                {entity_id: rows for entity_id, rows in session.execute(query) if entity_id}
            )

    return await instance.async_add_executor_job(count)


# What a day adds to the database: the history and the statistics, each with its indexes.
# (states_meta and statistics_meta hold one row per entity, written once, not per day.)
RECORDER_TABLES = ("states", "state_attributes", "statistics", "statistics_short_term")


async def async_recorder_bytes(hass: HomeAssistant) -> dict[str, int]:
    """Bytes of SQLite pages per recorder table, its indexes included (``dbstat``).

    Whole pages (``pgsize``), as the file grows; only the tables of ``RECORDER_TABLES``.
    """
    instance = get_instance(hass)

    def measure() -> dict[str, int]:
        query = text(
            "SELECT m.tbl_name, SUM(d.pgsize) FROM dbstat AS d "
            "JOIN sqlite_master AS m ON d.name = m.name GROUP BY m.tbl_name"
        )
        with session_scope(hass=hass, read_only=True) as session:
            sizes = {str(table): int(size) for table, size in session.execute(query)}
        return {table: sizes.get(table, 0) for table in RECORDER_TABLES}

    return await instance.async_add_executor_job(measure)


async def async_compile_statistics(hass: HomeAssistant, start: datetime, end: datetime) -> None:
    """Compile the statistics of every five minutes from ``start`` to ``end``.

    What the recorder does on its own every five minutes (and every hour, at the hour's
    last five minutes); the benchmark's recorder leaves it out of the replay, whose CPU is
    measured, and it is done here afterwards.
    """
    period = timedelta(minutes=5)
    at = dt_util.as_utc(start)
    while at + period <= end:
        get_instance(hass).queue_task(StatisticsTask(at, False))
        at += period
    await async_wait_recording_done(hass)


def break_errors(
    announced: list[datetime], truth: Truth, window: timedelta = timedelta(minutes=15)
) -> tuple[list[float], int, int]:
    """Minutes between each true break and the announcement nearest to it (within window).

    Returns the errors, the true breaks nobody announced and the announcements no true
    break explains.
    """
    left = sorted(announced)
    errors: list[float] = []
    missing = 0
    for due in truth.breaks_due:
        nearest = min(left, key=lambda at: abs(at - due), default=None)
        if nearest is None or abs(nearest - due) > window:
            missing += 1
            continue
        errors.append(abs(nearest - due).total_seconds() / 60)
        left.remove(nearest)
    return errors, missing, len(left)


def sitting_minutes(hass: HomeAssistant, desk_coach: bool, desk: str) -> float:
    """What the setup says the desk's sitting today is, in minutes."""
    state = hass.states.get(f"sensor.{desk}_sitting_today")
    if state is None:
        raise LookupError(f"{desk}: no sitting-today sensor")
    # Desk Coach counts minutes; history_stats counts hours
    return float(state.state) * (1 if desk_coach else 60)


@contextmanager
def every_entity_enabled(enabled: bool) -> Iterator[None]:
    """While set up inside, entities that are off by default are created enabled."""
    if not enabled:
        yield
        return
    with patch.object(
        Entity, "entity_registry_enabled_default", new_callable=PropertyMock, return_value=True
    ):
        yield
